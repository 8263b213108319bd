/**
 * Keeps the analytics rollups fresh from the event stream without slowing dispatch: the reactor
 * only marks the days a batch of events touches (in the dispatch transaction, so a rolled-back
 * dispatch marks nothing), and a job of the `stately` queue `analytics-refresh` recomputes the
 * marked days. However fast events arrive, at most one refresh is queued and one runs, and a
 * queued refresh starts a while after it was asked for (refreshDelaySeconds: a second, or ten
 * times as long as the last refresh took), so a busy day is recomputed about once a second, not
 * once per batch, and never takes more than about a tenth of the time. A cron tick every minute
 * also runs it, which picks up marks a lost wake-up left behind. Each run also folds the
 * dashboard's sales deltas (order_sales_daily) into one row per day and channel.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { BACKGROUND } from '../../common/context';
import type { JobQueue } from '../../common/jobs';
import type { Logger } from '../../common/logger';
import type { EventReactor } from '../events/event-dispatcher';
import { performance } from 'node:perf_hooks';
import { compactSales, daysTouched, markDirty, refreshDirty } from './rollups';

export const ANALYTICS_QUEUE = 'analytics-refresh';
/**
 * A refresh waits at least this long after the first mark that asks for it, and marks in the
 * meantime join it: under a stream of orders, today is recomputed about once a second, not back
 * to back.
 */
export const MIN_REFRESH_DELAY_SECONDS = 1;
/**
 * ... and at least this many times as long as the last refresh took: each run re-reads the whole
 * of the days it recomputes, and today grows all day, so on a busy day (100,000 orders take about
 * a second to recompute) the refreshes come further apart instead of running back to back and
 * taking a database core from the orders themselves. The rollups then lag by up to this many
 * times a refresh's duration.
 */
export const REFRESH_DELAY_FACTOR = 10;
/** ... and never longer than this (the cron tick runs it every minute anyway). */
export const MAX_REFRESH_DELAY_SECONDS = 60;

/** How long a refresh asked for now waits, after a last refresh that took `lastRunMs`. */
export function refreshDelaySeconds(lastRunMs: number): number {
  const paced = (REFRESH_DELAY_FACTOR * lastRunMs) / 1000;
  return Math.min(MAX_REFRESH_DELAY_SECONDS, Math.max(MIN_REFRESH_DELAY_SECONDS, paced));
}

export class AnalyticsRefresh {
  private orm?: MikroORM;
  /**
   * How long this process's last refresh took (from its start to its commit). Each process paces
   * the refreshes it asks for by its own last one; one that has run none asks with the least delay.
   */
  private lastRunMs = 0;

  constructor(
    private readonly jobs: JobQueue,
    private readonly log: Logger,
  ) {}

  async start(orm: MikroORM): Promise<void> {
    this.orm = orm;
    await this.jobs.define(ANALYTICS_QUEUE, {
      policy: 'stately',
      retryLimit: 5,
      retryDelaySeconds: 5,
      retryBackoff: true,
      expireInSeconds: 600,
      deadLetter: true,
    });
    await this.jobs.work(ANALYTICS_QUEUE, async () => {
      const days = await this.refresh();
      if (days) this.log.debug({ days }, 'analytics rollups refreshed');
    });
    await this.jobs.schedule(ANALYTICS_QUEUE, '* * * * *');
  }

  /** Recomputes the days marked dirty; returns how many (day, kind) marks it cleared. */
  async refresh(): Promise<number> {
    if (!this.orm) throw new Error('analytics refresh not started');
    const started = performance.now();
    try {
      return await this.orm.em.fork({ loggerContext: BACKGROUND }).transactional(
        async (em) => {
          const days = await refreshDirty(em);
          // The dashboard's sales deltas, folded on the same tick (rollups.ts, compactSales).
          await compactSales(em);
          return days;
        },
        { loggerContext: BACKGROUND },
      );
    } finally {
      this.lastRunMs = performance.now() - started;
    }
  }

  /** How long a refresh asked for now waits before it starts (refreshDelaySeconds). */
  get delaySeconds(): number {
    return refreshDelaySeconds(this.lastRunMs);
  }

  readonly react: EventReactor = async (em, events) => {
    const days = await daysTouched(em, events);
    if (!days.orderDays.length && !days.movementDays.length) return;
    await markDirty(em, days);
    await this.jobs.sendUnlessQueued(em, ANALYTICS_QUEUE, {}, { startAfterSeconds: this.delaySeconds });
    return () => this.jobs.wake(ANALYTICS_QUEUE);
  };
}
