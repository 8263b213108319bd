/**
 * Reads the event stream after commit and fans it out inside this server process: every process
 * holds one connection that LISTENs on `oms_events`, so a change committed through any process
 * reaches the subscribers of all of them. PostgreSQL delivers a notification only when its
 * transaction commits (and never for a rolled-back one). If the listening connection drops, the
 * process reconnects and catches up from the table, skipping events it already delivered.
 *
 * Subscription updates (ORDER_UPDATED) are published in stream order, (txId, seq), not in commit
 * order: a notification only says that there is something new; the stream then reads the table
 * after the last update it published, taking only events of transactions older than every
 * transaction still running (tx_id < pg_snapshot_xmin). An event whose transaction committed while
 * an older one still runs waits (polled every 50 ms) until that one ends. So no update is
 * published before one it follows in the stream, and a subscriber that resumes after the last
 * update it received misses nothing. The wait is bounded (OMS_EVENT_STABLE_WAIT_MS): a transaction that runs
 * longer (a stalled one) does not hold live updates back; those are then published as they commit.
 */
import { Client } from 'pg';
import type { Logger } from '../../common/logger';
import { OmsPubSub, ORDER_UPDATED } from '../../common/pubsub';

export const EVENT_CHANNEL = 'oms_events';

/** What a notification carries: enough to route the event without reading it. */
export interface EventNotice {
  seq: number;
  /** The id of the writing transaction (xid8, as text). */
  txId?: string;
  id: string;
  type: string;
  aggregateId: string;
  channelId: string | null;
  historyId: string | null;
  primary: boolean;
}

/** How far back a reconnecting listener looks for events it may have missed. */
const CATCH_UP_WINDOW = 5000;
const REMEMBERED = 20000;
/** How often the stream looks again while a committed update waits for older transactions to end. */
const STABLE_POLL_MS = 50;
/** Updates published per read of the table. */
const PUBLISH_BATCH = 1000;

interface Waiting {
  key: StreamKey;
  notice: EventNotice;
  since: number;
}

/** A position in the stream: (transaction id, seq). */
export type StreamKey = readonly [bigint, bigint];
export const streamKey = (txId: string | number | bigint, seq: string | number | bigint): StreamKey => [BigInt(txId), BigInt(seq)];
export const keyAfter = (a: StreamKey, b: StreamKey) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

export class EventStream {
  private client?: Client;
  private stopped = false;
  private reconnectTimer?: NodeJS.Timeout;
  private lastSeq = 0;
  private readonly seen = new Set<string>();
  private readonly listeners: ((notice: EventNotice) => void)[] = [];
  /** The stream position up to which every stable subscription update has been published. */
  private published: StreamKey = [0n, 0n];
  /** Ids of the updates published lately: none is published twice. */
  private readonly publishedIds = new Set<string>();
  /** Subscription updates notified but not published yet (their transaction is not stable yet), by id. */
  private readonly waiting = new Map<string, Waiting>();
  private publishTimer?: NodeJS.Timeout;
  private publishing = false;
  private publishAgain = false;

  /** @param stableWaitMs the longest a committed update waits for older transactions before it is published anyway */
  constructor(private readonly databaseUrl: string, private readonly pubsub: OmsPubSub, private readonly log: Logger, private readonly stableWaitMs = 2000) {}

  /** Whether the LISTEN connection is up (for readiness). */
  get connected(): boolean {
    return Boolean(this.client) && !this.stopped;
  }

  /** Called for every event committed anywhere, once per process. */
  onEvent(listener: (notice: EventNotice) => void) {
    this.listeners.push(listener);
  }

  async start(): Promise<void> {
    await this.connect(false);
  }

  private async connect(catchUp: boolean): Promise<void> {
    // Named, so that operators (and tests) can find the listening connections in pg_stat_activity.
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'oms-event-stream' });
    client.on('notification', (msg) => {
      if (msg.channel !== EVENT_CHANNEL || !msg.payload) return;
      try {
        this.deliver(JSON.parse(msg.payload) as EventNotice);
      } catch (err) {
        this.log.error({ err }, 'event stream: could not deliver a notification');
      }
    });
    client.on('error', (err) => {
      if (!this.stopped) this.log.warn({ err }, 'event stream: connection lost, reconnecting');
      this.reconnect(client);
    });
    client.on('end', () => this.reconnect(client));
    await client.connect();
    await client.query(`listen ${EVENT_CHANNEL}`);
    this.client = client;
    if (!catchUp) {
      const { rows } = await client.query<{ seq: string | null }>('select max(seq) as seq from domain_event');
      this.lastSeq = Number(rows[0].seq ?? 0);
      // Updates are published from the last stable position on (the process has no subscribers yet).
      const last = await client.query<{ tx_id: string; seq: string }>(
        'select tx_id::text, seq from domain_event where tx_id < pg_snapshot_xmin(pg_current_snapshot()) order by tx_id desc, seq desc limit 1');
      if (last.rows[0]) this.published = streamKey(last.rows[0].tx_id, last.rows[0].seq);
      return;
    }
    this.schedulePublish(0);
    // Listening again: deliver what was committed while we were away (and not yet delivered).
    const { rows } = await client.query(
      `select seq, tx_id::text, id, type, aggregate_id, channel_id, payload->>'historyId' as history_id, coalesce((payload->>'primary')::boolean, false) as primary
       from domain_event where seq > $1 order by seq`, [Math.max(0, this.lastSeq - CATCH_UP_WINDOW)]);
    for (const r of rows) {
      this.deliver({ seq: Number(r.seq), txId: r.tx_id, id: r.id, type: r.type, aggregateId: r.aggregate_id, channelId: r.channel_id, historyId: r.history_id, primary: r.primary });
    }
  }

  private reconnect(dead: Client) {
    if (this.stopped || this.client !== dead || this.reconnectTimer) return;
    this.client = undefined;
    dead.end().catch(() => undefined);
    let delay = 250;
    const attempt = () => {
      this.reconnectTimer = setTimeout(async () => {
        this.reconnectTimer = undefined;
        if (this.stopped) return;
        try {
          await this.connect(true);
          this.log.info('event stream: listening again');
        } catch (err) {
          this.log.warn({ err }, 'event stream: reconnect failed');
          delay = Math.min(delay * 2, 5000);
          attempt();
        }
      }, delay);
    };
    attempt();
  }

  private deliver(notice: EventNotice) {
    if (this.seen.has(notice.id)) return;
    this.seen.add(notice.id);
    if (this.seen.size > REMEMBERED) this.seen.delete(this.seen.values().next().value!);
    this.lastSeq = Math.max(this.lastSeq, notice.seq);
    // Subscriptions follow order histories: one message per history entry (its primary event),
    // published from the table in stream order.
    if (notice.primary && notice.historyId && notice.channelId) {
      if (notice.txId && !this.publishedIds.has(notice.id)) {
        const key = streamKey(notice.txId, notice.seq);
        // Behind the published position: it committed after a transaction that had run too long
        // was passed, or before this process started. Published as it comes.
        if (!keyAfter(key, this.published)) this.publishUpdate(notice.id, notice.aggregateId, notice.channelId, notice.historyId, notice.txId, notice.seq);
        else this.waiting.set(notice.id, { key, notice, since: Date.now() });
      }
      this.schedulePublish(0);
    }
    for (const l of this.listeners) {
      try {
        l(notice);
      } catch (err) {
        this.log.error({ err, event: notice.id }, 'event stream: listener failed');
      }
    }
  }

  private schedulePublish(delay: number) {
    if (this.stopped) return;
    if (this.publishing) {
      this.publishAgain = true;
      return;
    }
    if (this.publishTimer) {
      if (delay > 0) return;
      clearTimeout(this.publishTimer);
    }
    this.publishTimer = setTimeout(() => {
      this.publishTimer = undefined;
      void this.publish();
    }, delay);
  }

  /** Publishes the stable subscription updates after the last one published, in stream order. */
  private async publish() {
    const client = this.client;
    if (!client || this.stopped) return; // reconnecting: connect() publishes again
    this.publishing = true;
    this.publishAgain = false;
    let full = false;
    let failed = false;
    try {
      const { rows } = await client.query<{ tx_id: string; seq: string; id: string; aggregate_id: string; channel_id: string; history_id: string }>(
        `select tx_id::text, seq, id, aggregate_id, channel_id, payload->>'historyId' as history_id from domain_event
         where (tx_id, seq) > ($1::xid8, $2::int8) and tx_id < pg_snapshot_xmin(pg_current_snapshot())
           and coalesce((payload->>'primary')::boolean, false) and payload->>'historyId' is not null and channel_id is not null
         order by tx_id, seq limit $3`, [String(this.published[0]), String(this.published[1]), PUBLISH_BATCH]);
      for (const r of rows) {
        this.published = streamKey(r.tx_id, r.seq);
        this.publishUpdate(r.id, r.aggregate_id, r.channel_id, r.history_id, r.tx_id, Number(r.seq));
      }
      full = rows.length === PUBLISH_BATCH;
      const now = Date.now();
      for (const [id, w] of this.waiting) {
        if (!keyAfter(w.key, this.published) || this.publishedIds.has(id)) this.waiting.delete(id);
        else if (!full && now - w.since >= this.stableWaitMs) {
          // An older transaction has run too long: live updates do not wait for it any more.
          this.log.info({ event: id, waitedMs: now - w.since }, 'event stream: published an update while an older transaction still runs');
          this.waiting.delete(id);
          this.publishUpdate(id, w.notice.aggregateId, w.notice.channelId!, w.notice.historyId!, w.notice.txId!, w.notice.seq);
        }
      }
    } catch (err) {
      if (!this.stopped) this.log.warn({ err }, 'event stream: could not read updates to publish');
      failed = true;
    } finally {
      this.publishing = false;
    }
    if (failed) this.schedulePublish(1000);
    else if (full || this.publishAgain) this.schedulePublish(full ? STABLE_POLL_MS : 0);
    else if (this.waiting.size) this.schedulePublish(STABLE_POLL_MS);
  }

  private publishUpdate(id: string, orderId: string, channelId: string, historyId: string, txId: string, seq: number) {
    if (this.publishedIds.has(id)) return;
    this.publishedIds.add(id);
    if (this.publishedIds.size > REMEMBERED) this.publishedIds.delete(this.publishedIds.values().next().value!);
    this.pubsub.publish(ORDER_UPDATED, { orderId, channelId, historyId, eventId: id, txId, seq });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.publishTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
