/**
 * Hands every committed event to the reactors (webhooks, automation rules) exactly
 * once, however many server processes run. A dispatch is one transaction: claim the oldest
 * undispatched events (`for update skip locked`, so two processes never claim the same one),
 * let each reactor write what it needs (delivery rows, jobs) in that transaction, and mark the
 * events dispatched. A crash before commit leaves the events undispatched for the next sweep.
 * Events are dispatched in stream order, once they have their stream position (event-sequencer.ts).
 * Dispatch is kicked when the event stream has read newly positioned events (debounced) and by a
 * periodic sweep, which catches whatever a lost notification or a crashed process left behind.
 */
import type { EntityManager, MikroORM, Platform } from '@mikro-orm/postgresql';
import { performance } from 'node:perf_hooks';
import type { Logger } from '../../common/logger';
import { run } from '../../common/sql';
import { claimUndispatched, ClaimedEventRow, markDispatched } from './event-stream.sql';
import { DomainEvent } from './domain-event.entity';
import type { EventStream } from './event-stream';
import { BACKGROUND } from '../../common/context';
import { isUnavailable } from '../../common/unavailable';

/** Reacts to a batch of events inside the dispatching transaction; returns what to do after commit. */
export type EventReactor = (em: EntityManager, events: DomainEvent[]) => Promise<(() => void) | void>;

const BATCH = 100;

/** A claimed row as the event the reactors read (every field but the resource, which stays unloaded). */
function eventOfRow(r: ClaimedEventRow, platform: Platform): DomainEvent {
  const event = new DomainEvent({
    type: r.type as DomainEvent['type'],
    aggregateType: r.aggregate_type,
    aggregateId: r.aggregate_id,
    channelId: r.channel_id ?? undefined,
    payload: r.payload,
    actor: r.actor,
    occurredAt: platform.parseDate(r.occurred_at),
  });
  event.id = r.id;
  event.seq = r.seq;
  event.position = r.position;
  delete event.resource; // not loaded (as with the lazy property), not null
  return event;
}
const DEBOUNCE_MS = 20;
/**
 * The least time from the start of one dispatch to the start of the next. Each dispatch is a
 * transaction of about ten statements whatever its size: under a stream of orders, one dispatch
 * per tenth of a second hands over every event of that tenth at once instead of a few at a time
 * (webhooks and e-mails leave at most this much later).
 */
const MIN_INTERVAL_MS = 100;

export class EventDispatcher {
  private readonly reactors: EventReactor[] = [];
  private timer?: NodeJS.Timeout;
  private sweep?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  private lastRunAt = -Infinity;

  constructor(
    private readonly orm: MikroORM,
    private readonly log: Logger,
    private readonly pollSeconds: number,
  ) {}

  register(reactor: EventReactor) {
    this.reactors.push(reactor);
  }

  start(stream: EventStream) {
    stream.onPositioned(() => this.kick());
    this.sweep = setInterval(() => this.kick(), this.pollSeconds * 1000);
    this.kick();
  }

  /** Asks for a dispatch soon; many kicks in a burst make one. */
  kick() {
    if (this.stopped || this.timer) return;
    const wait = Math.max(DEBOUNCE_MS, this.lastRunAt + MIN_INTERVAL_MS - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.running) {
        this.again = true;
        return;
      }
      this.lastRunAt = performance.now();
      this.running = this.drain().finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
    }, wait);
  }

  private async drain() {
    try {
      while (!this.stopped && (await this.dispatchBatch()) === BATCH);
    } catch (err) {
      // Left undispatched: the next kick or sweep tries again (after a database restart too).
      if (isUnavailable(err)) this.log.warn({ err }, 'event dispatch: database unreachable, will retry');
      else this.log.error({ err }, 'event dispatch failed');
    }
  }

  /** Dispatches up to one batch; returns how many events it dispatched. */
  async dispatchBatch(): Promise<number> {
    const after: (() => void)[] = [];
    const count = await this.orm.em.fork({ loggerContext: BACKGROUND }).transactional(
      async (em) => {
        const claimed = await run<ClaimedEventRow>(em, claimUndispatched(BATCH));
        if (!claimed.length) return 0;
        const ids = claimed.map((r) => r.id);
        // Read-only copies, not in the unit of work (the commit has nothing to compare) and not
        // hydrated by the ORM (they are only read), without the stored resource.
        const platform = em.getPlatform();
        const events = claimed.map((r) => eventOfRow(r, platform));
        for (const reactor of this.reactors) {
          const then = await reactor(em, events);
          if (then) after.push(then);
        }
        await run(em, markDispatched(ids));
        return ids.length;
      },
      { loggerContext: BACKGROUND },
    );
    for (const then of after) then();
    return count;
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.sweep);
    await this.running;
  }
}
