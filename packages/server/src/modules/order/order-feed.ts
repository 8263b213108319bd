/**
 * Live order updates for subscriptions, filtered by order or by channel. A subscriber that lost
 * its connection resumes with `after: <the last eventId it saw>`: it first gets every later update
 * from the stream table, then the live ones, with none missed and none twice.
 *
 * Both come in stream order, (txId, seq): the catch-up reads only events of transactions older
 * than every transaction still running, and the event stream publishes live updates in the same
 * order under the same rule. So every update a subscriber receives comes after all the ones it
 * received before it in stream order, and nothing can still commit before it: resuming after it
 * misses nothing, whatever order concurrent transactions commit in (unless a transaction runs
 * longer than OMS_EVENT_STABLE_WAIT_MS and then commits an update behind it: see event-stream.ts).
 */
import { rejectNul } from '../../common/query-args';
import { channelScope } from '../../common/access';
import type { RequestContext } from '../../common/context';
import { isUUID } from 'class-validator';
import { BadRequestError } from '../../common/errors';
import { OmsPubSub, ORDER_UPDATED, OrderUpdatedMessage } from '../../common/pubsub';
import { sql } from '../../common/sql';
import { Channel } from '../channel/channel.entity';
import { keyAfter, StreamKey, streamKey } from '../events/event-stream';

/** Catch-up reads the stream in pages of this many updates. */
const CATCH_UP_PAGE = 500;

interface Filter {
  orderId?: string;
  channelId?: string;
  scope?: readonly string[];
}

export class OrderFeed {
  constructor(private readonly pubsub: OmsPubSub) {}

  /** A partner key only ever receives updates of orders in its own channels. */
  async subscribe(ctx: RequestContext, args: { id?: string | null; channelCode?: string | null; after?: string | null }): Promise<AsyncIterable<OrderUpdatedMessage>> {
    rejectNul(args);
    const em = ctx.em.fork();
    const scope = channelScope(ctx);
    let channelId: string | undefined;
    if (args.id && !isUUID(args.id)) throw new BadRequestError('id is not a valid order id');
    if (args.channelCode) {
      const channel = await em.findOne(Channel, { code: args.channelCode });
      if (!channel || (scope && !scope.includes(channel.id))) throw new BadRequestError(`Unknown channel ${args.channelCode}`);
      channelId = channel.id;
    }
    const filter: Filter = { orderId: args.id ?? undefined, channelId, scope: scope ? [...scope] : undefined };
    let after: StreamKey | undefined;
    if (args.after != null) {
      // An event outside the key's channels is reported like an unknown one.
      const [row] = isUUID(args.after) ? await sql<{ tx_id: string; seq: string; channel_id: string | null }>(em, 'select tx_id::text, seq, channel_id from domain_event where id = ?', [args.after]) : [];
      if (!row || (scope && (!row.channel_id || !scope.includes(row.channel_id)))) {
        throw new BadRequestError(`after: no event with id ${JSON.stringify(args.after).slice(0, 80)}`);
      }
      after = streamKey(row.tx_id, row.seq);
    }
    const matches = (m: OrderUpdatedMessage) => (!filter.orderId || m.orderId === filter.orderId) && (!filter.channelId || m.channelId === filter.channelId) && (!filter.scope || filter.scope.includes(m.channelId));
    // Listening starts now, before the catch-up reads the table: anything the stream publishes
    // from here on arrives live; anything it published before was stable before, so the catch-up
    // reads it; what is in both is sent once (live updates not after the last one sent are skipped).
    const live = new LiveBuffer(this.pubsub.subscribe(ORDER_UPDATED)[Symbol.asyncIterator](), matches);
    // Without `after`, only changes committed from now on: the stream publishes an update once no
    // older transaction runs, so one committed just before may still be on its way; it is skipped.
    let since: Snapshot | undefined;
    if (!after) {
      try {
        since = parseSnapshot((await sql<{ s: string }>(em, 'select pg_current_snapshot()::text as s'))[0].s);
      } catch (err) {
        await live.close();
        throw err;
      }
    }
    return new FeedIterator(em, after, filter, live, since);
  }
}

/** A PostgreSQL snapshot (pg_snapshot): which transactions had committed when it was taken. */
interface Snapshot {
  xmin: bigint;
  xmax: bigint;
  running: Set<bigint>;
}

function parseSnapshot(text: string): Snapshot {
  const [xmin, xmax, xip] = text.split(':');
  return { xmin: BigInt(xmin), xmax: BigInt(xmax), running: new Set(xip ? xip.split(',').map(BigInt) : []) };
}

/** Whether the transaction had committed (or ended) when the snapshot was taken. */
const endedBefore = (s: Snapshot, txId: bigint) => txId < s.xmin || (txId < s.xmax && !s.running.has(txId));

/** Live updates that matched while the catch-up was still reading the table: more than this ends the subscription. */
const MAX_BUFFERED = 10_000;

/**
 * Pulls live updates as they are published and keeps the matching ones until the subscriber
 * takes them: a long catch-up never blocks the publisher, and a subscriber that falls too far
 * behind is told so (it resumes with `after`) instead of holding ever more memory.
 */
class LiveBuffer {
  private readonly items: OrderUpdatedMessage[] = [];
  private wake?: () => void;
  private ended = false;
  private overflowed = false;

  constructor(private readonly source: AsyncIterator<OrderUpdatedMessage>, matches: (m: OrderUpdatedMessage) => boolean) {
    void (async () => {
      try {
        for (;;) {
          const r = await source.next();
          if (r.done) break;
          if (!matches(r.value)) continue;
          if (this.items.length >= MAX_BUFFERED) {
            this.overflowed = true;
            break;
          }
          this.items.push(r.value);
          this.wake?.();
        }
      } catch {
        // The source ended with an error: the subscription ends.
      } finally {
        this.ended = true;
        this.wake?.();
      }
    })();
  }

  /** The next live update, or undefined when the stream has ended. */
  async next(): Promise<OrderUpdatedMessage | undefined> {
    while (!this.items.length) {
      if (this.overflowed) throw new BadRequestError(`More than ${MAX_BUFFERED} updates arrived while catching up: subscribe again with after: <the last eventId received>`);
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
    return this.items.shift();
  }

  async close() {
    this.ended = true;
    this.wake?.();
    await this.source.return?.();
  }
}

/**
 * The subscription's source: first the updates after `after` from the table, page by page, then
 * the live ones, skipping those already sent from the table. An iterator rather than a generator,
 * so that a subscriber leaving ends it at once, even while it waits for the next update.
 */
class FeedIterator implements AsyncIterableIterator<OrderUpdatedMessage> {
  /** The stream position of the last update sent from the table (or `after`). */
  private last: StreamKey | undefined;
  /** The updates sent from the table: not again live. */
  private readonly sent = new Set<string>();
  private readonly page: OrderUpdatedMessage[] = [];
  private closed = false;

  constructor(private readonly em: RequestContext['em'], private from: StreamKey | undefined, private readonly filter: Filter, private readonly live: LiveBuffer, private readonly since?: Snapshot) {
    this.last = from;
  }

  /** Live updates come in stream order, each published once: skip those sent from the table, those up to `after`, and (without `after`) those committed before subscribing. */
  private wanted(m: OrderUpdatedMessage) {
    if (this.sent.has(m.eventId)) return false;
    const key = streamKey(m.txId, m.seq);
    if (this.since) return !endedBefore(this.since, key[0]);
    return !this.last || keyAfter(key, this.last);
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  async next(): Promise<IteratorResult<OrderUpdatedMessage>> {
    try {
      while (!this.page.length && this.from !== undefined && !this.closed) await this.readPage();
      if (this.closed) return { value: undefined, done: true };
      if (this.page.length) return { value: this.page.shift()!, done: false };
      for (;;) {
        const m = await this.live.next();
        if (!m || this.closed) return { value: undefined, done: true };
        if (this.wanted(m)) return { value: m, done: false };
      }
    } catch (err) {
      await this.return();
      throw err;
    }
  }

  async return(): Promise<IteratorResult<OrderUpdatedMessage>> {
    this.closed = true;
    await this.live.close();
    return { value: undefined, done: true };
  }

  async throw(err: unknown): Promise<IteratorResult<OrderUpdatedMessage>> {
    await this.return();
    throw err;
  }

  /** Subscriptions carry one update per order history entry: its primary event. */
  private async readPage() {
    const f = this.filter;
    const from = this.from!;
    // Stable events only (of transactions older than every running one): none can commit before them later.
    const rows = await sql<{ tx_id: string; seq: string; id: string; aggregate_id: string; channel_id: string; history_id: string }>(this.em,
      `select tx_id::text, seq, id, aggregate_id, channel_id, payload->>'historyId' as history_id from domain_event
       where (tx_id, seq) > (?::xid8, ?::int8) and tx_id < pg_snapshot_xmin(pg_current_snapshot()) and aggregate_type = 'order' and channel_id is not null and payload->>'historyId' is not null
         and coalesce((payload->>'primary')::boolean, false)
         and (?::uuid is null or aggregate_id = ?::uuid) and (?::uuid is null or channel_id = ?::uuid)
         and (?::uuid[] is null or channel_id = any(?::uuid[]))
       order by tx_id, seq limit ?`,
      [String(from[0]), String(from[1]), f.orderId ?? null, f.orderId ?? null, f.channelId ?? null, f.channelId ?? null, f.scope ?? null, f.scope ?? null, CATCH_UP_PAGE]);
    for (const r of rows) {
      this.last = streamKey(r.tx_id, r.seq);
      this.sent.add(r.id);
      this.page.push({ orderId: r.aggregate_id, channelId: r.channel_id, historyId: r.history_id, eventId: r.id, txId: r.tx_id, seq: Number(r.seq) });
    }
    this.from = rows.length < CATCH_UP_PAGE ? undefined : this.last;
  }
}
