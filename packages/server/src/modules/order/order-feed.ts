/**
 * Live order updates for subscriptions, filtered by order or by channel. A subscriber that lost
 * its connection resumes with `after: <the last eventId it saw>`: it first gets every later update
 * from the stream table, then the live ones, with none missed and none twice.
 *
 * Both come in stream order, by position: each event gets its position after its transaction
 * committed, and a position that appears later is always larger than every one visible before
 * (modules/events/event-sequencer.ts). The event stream publishes live updates in position order,
 * each once. So resuming after an update misses nothing, whatever order transactions commit in
 * and however long any of them runs.
 *
 * Memory per subscription is bounded: the catch-up reads the table page by page, and live updates
 * that arrive while the subscriber is behind (catching up, or slower than the stream) are kept
 * without their shared data, at most MAX_BUFFERED of them; beyond that the subscription ends with
 * an error that says to resume with `after`.
 */
import { rejectNul } from '../../common/query-args';
import { channelScope } from '../../common/access';
import type { RequestContext } from '../../common/context';
import { isUUID } from 'class-validator';
import { BadRequestError } from '../../common/errors';
import { OmsPubSub, ORDER_UPDATED, OrderUpdatedMessage, SharedBatch, unshared } from '../../common/pubsub';
import { run } from '../../common/sql';
import { Channel, channelIds } from '../channel';
import { assignStreamPositions } from '../events';
import { eventPosition, lastPosition, lastUpdateIn, updatesAfter } from '../events';

/** Catch-up reads the stream in pages of this many updates. */
const CATCH_UP_PAGE = 500;
/** Live updates that matched while the subscriber was behind: more than this ends the subscription. */
export const MAX_BUFFERED = 10_000;
/** Buffered live updates beyond this many are kept without their shared data (it is loaded again, per page, when sent). */
const KEEP_SHARED = 100;

interface Filter {
  orderId?: string;
  channelId?: string;
  scope?: readonly string[];
}

const after = (a: string, b: string) => BigInt(a) > BigInt(b);

/**
 * The nil UUID, as `latestOrderUpdateId` answers when the caller can see no order update yet: as
 * `orderUpdated(after:)`, the start of the stream (every update the caller may see is sent).
 */
export const STREAM_START = '00000000-0000-0000-0000-000000000000';

export class OrderFeed {
  private readonly hub: UpdateHub;

  constructor(pubsub: OmsPubSub) {
    this.hub = new UpdateHub(pubsub);
  }

  /** A partner key only ever receives updates of orders in its own channels. */
  async subscribe(
    ctx: RequestContext,
    args: { id?: string | null; channelCode?: string | null; after?: string | null },
  ): Promise<AsyncIterable<OrderUpdatedMessage>> {
    rejectNul(args);
    // The subscription's own unit of work (its context is per subscription): the catch-up reads with plain SQL.
    const em = ctx.em;
    const scope = channelScope(ctx);
    let channelId: string | undefined;
    if (args.id && !isUUID(args.id)) throw new BadRequestError('id is not a valid order id');
    if (args.channelCode) {
      const channel = await em.findOne(Channel, { code: args.channelCode });
      if (!channel || (scope && !scope.includes(channel.id)))
        throw new BadRequestError(`Unknown channel ${args.channelCode}`);
      channelId = channel.id;
    }
    const filter: Filter = { orderId: args.id ?? undefined, channelId, scope: scope ? [...scope] : undefined };
    const matches = (m: OrderUpdatedMessage) =>
      (!filter.orderId || m.orderId === filter.orderId) &&
      (!filter.channelId || m.channelId === filter.channelId) &&
      (!filter.scope || filter.scope.includes(m.channelId));
    // Listening starts first. Whatever the stream published before had its position committed
    // before the reads below, so the catch-up reads it (or, without `after`, it is older than the
    // starting position); whatever it publishes from now on arrives live; live updates at or
    // before the last position sent are skipped.
    const live = new LiveBuffer(this.hub, matches);
    try {
      // Every event committed before subscribing gets its position now: with `after`, so that the
      // event named is found; without, so that "from now on" means committed after this call.
      await assignStreamPositions(em);
      if (args.after == null) {
        const [{ position }] = await run<{ position: string }>(em, lastPosition());
        return new FeedIterator(em, position, false, filter, live);
      }
      const from = await this.positionOf(em, args.after, scope);
      return new FeedIterator(em, from, true, filter, live);
    } catch (err) {
      await live.close();
      throw err;
    }
  }

  /** The position of the event to resume after; an event outside the key's channels is reported like an unknown one. */
  private async positionOf(
    em: RequestContext['em'],
    id: string,
    scope: readonly string[] | undefined,
  ): Promise<string> {
    const unknown = () => new BadRequestError(`after: no event with id ${JSON.stringify(id).slice(0, 80)}`);
    if (id === STREAM_START) return '0'; // positions start at 1
    if (!isUUID(id)) throw unknown();
    let [row] = await run<{ position: string | null; channel_id: string | null }>(em, eventPosition(id));
    if (row && !row.position) {
      // Committed after the numbering above: number it too.
      await assignStreamPositions(em);
      [row] = await run<{ position: string | null; channel_id: string | null }>(em, eventPosition(id));
    }
    if (!row?.position || (scope && (!row.channel_id || !scope.includes(row.channel_id)))) throw unknown();
    return row.position;
  }
}

/**
 * The eventId of the newest order update the caller may see (a partner key: of its channels only),
 * or null when there is none. A client reads it with the data it shows, then subscribes with
 * `after:` it, and gets every later update, also those committed before its subscription started.
 * The events committed before the call are numbered first, so that the answer covers them; an event
 * numbered later comes after it in the stream (event-sequencer.ts), so `after` sends it.
 */
export async function latestOrderUpdateId(ctx: RequestContext): Promise<string> {
  const em = ctx.em;
  await assignStreamPositions(em);
  const channels = channelScope(ctx) ?? (await run<{ id: string }>(em, channelIds())).map((r) => r.id);
  const [newest] = await run<{ id: string }>(em, lastUpdateIn(channels));
  return newest?.id ?? STREAM_START;
}

/**
 * The live updates of this process, handed to every subscription's buffer: one pubsub listener per
 * process, however many subscriptions, and per subscription only a synchronous call (its filter,
 * and a push when it matches), instead of one async queue per subscription for every update.
 */
class UpdateHub {
  private readonly buffers = new Set<LiveBuffer>();
  private started = false;

  constructor(private readonly pubsub: OmsPubSub) {}

  add(buffer: LiveBuffer) {
    this.start();
    this.buffers.add(buffer);
  }

  remove(buffer: LiveBuffer) {
    this.buffers.delete(buffer);
  }

  private start() {
    if (this.started) return;
    this.started = true;
    // Listening starts now (the first next() attaches the listener), before the caller reads its starting position.
    const source = this.pubsub.subscribe(ORDER_UPDATED)[Symbol.asyncIterator]();
    void (async () => {
      try {
        for (;;) {
          const r = await source.next();
          if (r.done) break;
          for (const b of this.buffers) b.push(r.value);
        }
      } catch {
        // The pubsub ended with an error: so do the subscriptions.
      }
      for (const b of this.buffers) b.end();
      this.buffers.clear();
      this.started = false;
    })();
  }
}

/**
 * Keeps the live updates that match a subscription until the subscriber takes them: a long
 * catch-up never blocks the publisher, and a subscriber that falls too far behind is told so (it
 * resumes with `after`) instead of holding ever more memory.
 */
class LiveBuffer {
  private readonly items: OrderUpdatedMessage[] = [];
  private wake?: () => void;
  private ended = false;
  private overflowed = false;
  /** While true (the catch-up is still reading the table), updates are kept without their shared data. */
  behind = true;

  constructor(
    private readonly hub: UpdateHub,
    private readonly matches: (m: OrderUpdatedMessage) => boolean,
  ) {
    hub.add(this);
  }

  /** An update published in this process (called by the hub, synchronously, for every update). */
  push(m: OrderUpdatedMessage) {
    if (this.ended || !this.matches(m)) return;
    if (this.items.length >= MAX_BUFFERED) {
      this.overflowed = true;
      this.end();
      return;
    }
    // A lagging subscriber must not pin the data of every batch it has not sent yet.
    this.items.push(this.behind || this.items.length >= KEEP_SHARED ? unshared(m) : m);
    this.wake?.();
  }

  /** No more updates (the subscription closed, or the process's stream ended). */
  end() {
    this.ended = true;
    this.hub.remove(this);
    this.wake?.();
  }

  /** The next live update, or undefined when the stream has ended. */
  async next(): Promise<OrderUpdatedMessage | undefined> {
    while (!this.items.length) {
      if (this.overflowed)
        throw new BadRequestError(
          `More than ${MAX_BUFFERED} updates arrived while this subscription was behind: subscribe again later with after: <the last eventId received>`,
        );
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
    return this.items.shift();
  }

  /** The buffered updates that follow, up to n, that have no shared data. */
  peekUnshared(n: number): OrderUpdatedMessage[] {
    const out: OrderUpdatedMessage[] = [];
    for (const m of this.items) {
      if (out.length >= n || m.batch) break;
      out.push(m);
    }
    return out;
  }

  async close() {
    this.end();
  }
}

/**
 * The subscription's source: first the updates after `after` from the table, page by page, then
 * the live ones, skipping those at or before the last position sent. An iterator rather than a
 * generator, so that a subscriber leaving ends it at once, even while it waits for the next update.
 */
class FeedIterator implements AsyncIterableIterator<OrderUpdatedMessage> {
  private readonly page: OrderUpdatedMessage[] = [];
  private closed = false;

  /**
   * @param last the position of the last update sent (or resumed after, or of the stream's end when subscribing without `after`)
   * @param catchUp whether to read the table after `last` first
   */
  constructor(
    private readonly em: RequestContext['em'],
    private last: string,
    private catchUp: boolean,
    private readonly filter: Filter,
    private readonly live: LiveBuffer,
  ) {
    live.behind = catchUp;
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  async next(): Promise<IteratorResult<OrderUpdatedMessage>> {
    try {
      while (!this.page.length && this.catchUp && !this.closed) await this.readPage();
      if (this.closed) return { value: undefined, done: true };
      if (this.page.length) return { value: this.page.shift()!, done: false };
      for (;;) {
        const m = await this.live.next();
        if (!m || this.closed) return { value: undefined, done: true };
        if (!after(m.position, this.last)) continue;
        this.last = m.position;
        // Kept without shared data while behind: loaded for it and the next ones like a catch-up page.
        if (!m.batch) new SharedBatch([m, ...this.live.peekUnshared(CATCH_UP_PAGE - 1)]);
        return { value: m, done: false };
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
    const rows = await run<{
      position: string;
      id: string;
      aggregate_id: string;
      channel_id: string;
      history_id: string;
    }>(this.em, updatesAfter(this.last, this.filter, CATCH_UP_PAGE));
    const page = rows.map((r): OrderUpdatedMessage => ({
      orderId: r.aggregate_id,
      channelId: r.channel_id,
      historyId: r.history_id,
      eventId: r.id,
      position: r.position,
    }));
    new SharedBatch(page); // its data is loaded once for the page, when the first of it is sent
    this.page.push(...page);
    if (page.length) this.last = page[page.length - 1].position;
    if (rows.length < CATCH_UP_PAGE) {
      this.catchUp = false;
      this.live.behind = false;
    }
  }
}
