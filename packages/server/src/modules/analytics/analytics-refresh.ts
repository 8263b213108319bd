/**
 * Keeps the analytics rollups fresh from the event stream without slowing dispatch: the reactor
 * only marks the days a batch of events touches (in the dispatch transaction, so a rolled-back
 * dispatch marks nothing), and a job of the `stately` queue `analytics-refresh` recomputes the
 * marked days. However fast events arrive, at most one refresh is queued and one runs, and a
 * queued refresh starts a second after it was asked for, so a busy day is recomputed about once a
 * second, not once per batch. A cron tick every minute
 * also runs it, which picks up marks a lost wake-up left behind. Each run also folds the
 * dashboard's sales deltas (order_sales_daily) into one row per day and channel.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { BACKGROUND } from '../../common/context';
import type { JobQueue } from '../../common/jobs';
import type { Logger } from '../../common/logger';
import type { EventReactor } from '../events/event-dispatcher';
import { compactSales, daysTouched, markDirty, refreshDirty } from './rollups';

export const ANALYTICS_QUEUE = 'analytics-refresh';
/**
 * A refresh waits this long after the first mark that asks for it, and marks in the meantime
 * join it: under a stream of orders, today is recomputed about once a second, not back to back
 * (each run re-reads the whole day, which grows all day).
 */
const REFRESH_DELAY_SECONDS = 1;

export class AnalyticsRefresh {
  private orm?: MikroORM;

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
    return this.orm.em.fork({ loggerContext: BACKGROUND }).transactional(
      async (em) => {
        const days = await refreshDirty(em);
        // The dashboard's sales deltas, folded on the same tick (rollups.ts, compactSales).
        await compactSales(em);
        return days;
      },
      { loggerContext: BACKGROUND },
    );
  }

  readonly react: EventReactor = async (em, events) => {
    const days = await daysTouched(em, events);
    if (!days.orderDays.length && !days.movementDays.length) return;
    await markDirty(em, days);
    await this.jobs.sendUnlessQueued(em, ANALYTICS_QUEUE, {}, { startAfterSeconds: REFRESH_DELAY_SECONDS });
    return () => this.jobs.wake(ANALYTICS_QUEUE);
  };
}
