/**
 * Reads the event stream after commit and fans it out inside this server process: every process
 * holds one connection that LISTENs on `oms_events`, so a change committed through any process
 * reaches the subscribers of all of them. PostgreSQL delivers a notification only when its
 * transaction commits (and never for a rolled-back one), and one per transaction: the trigger
 * sends the same empty payload for every event, which PostgreSQL folds into one.
 *
 * A notification only says that there is something new. The stream then numbers what has
 * committed (event-sequencer.ts: positions are assigned after commit, in an order no later
 * position can come before) and reads the table after the last position it published, in
 * position order: every update is published once, in stream order, and nothing can later appear
 * behind it, however long any transaction runs. A periodic sweep does the same, so a lost
 * notification or a failed read only delays an update. If the listening connection drops (the
 * database restarted, the backend was terminated), it reconnects with backoff and catches up from
 * the last published position.
 *
 * Each batch read is published as one SharedBatch: the first subscriber that needs the orders and
 * history entries of the batch loads them, once, for every subscriber in this process.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { performance } from 'node:perf_hooks';
import { BACKGROUND } from '../../common/context';
import type { Logger } from '../../common/logger';
import { OmsPubSub, ORDER_UPDATED, OrderUpdatedMessage, SharedBatch } from '../../common/pubsub';
import { run } from '../../common/sql';
import { assignStreamPositions } from './event-sequencer';
import { eventsAfter, lastPosition } from './event-stream.sql';

export const EVENT_CHANNEL = 'oms_events';

/** Events read (and updates published) per read of the table. */
const PUBLISH_BATCH = 1000;
/** How often the stream numbers and reads without a notification (lost notifications, failed reads). */
const SWEEP_MS = 1000;
/**
 * The least time from the start of one run to the start of the next while events keep coming: a
 * burst of commits (every placed order notifies) is numbered and read in one run, not one run per
 * commit. An event that comes after a quiet spell is read at once.
 */
const MIN_RUN_INTERVAL_MS = 25;
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5000;

export interface EventStreamStats {
  /** Whether the listening connection is up (notifications arrive). */
  connected: boolean;
  /** When this process last published events (read them in stream order). */
  lastPublishedAt?: Date;
  /** When the last event published occurred (was written): now minus this is the stream's lag while it is behind. */
  lastPublishedEventAt?: Date;
  /** The last stream position published. */
  position: string;
}

export class EventStream {
  private client?: Client;
  private listening = false;
  private stopped = false;
  private reconnectTimer?: NodeJS.Timeout;
  private reconnectDelay = RECONNECT_MIN_MS;
  private sweep?: NodeJS.Timeout;
  private readonly positionedListeners: (() => void)[] = [];
  /** The stream position up to which every event has been read and its update published. */
  private published = '0';
  private lastPublishedAt?: Date;
  private lastPublishedEventAt?: Date;
  private running?: Promise<void>;
  private again = false;
  private lastRunAt = -Infinity;
  private waitTimer?: NodeJS.Timeout;

  constructor(
    private readonly orm: MikroORM,
    private readonly databaseUrl: string,
    private readonly pubsub: OmsPubSub,
    private readonly log: Logger,
  ) {}

  /** Whether the listening connection is up; while it is down, updates come with the periodic sweep only. */
  get connected(): boolean {
    return this.listening;
  }

  stats(): EventStreamStats {
    return {
      connected: this.listening,
      lastPublishedAt: this.lastPublishedAt,
      lastPublishedEventAt: this.lastPublishedEventAt,
      position: this.published,
    };
  }

  /** Called after events got their stream position and were read by this process. */
  onPositioned(listener: () => void) {
    this.positionedListeners.push(listener);
  }

  async start(): Promise<void> {
    await this.connect();
    // Publishing starts at the end of the stream as it is now (this process has no subscribers yet).
    const [{ position }] = await run<{ position: string }>(this.em(), lastPosition());
    this.published = position;
    this.sweep = setInterval(() => this.kick(), SWEEP_MS);
    this.kick();
  }

  private em() {
    return this.orm.em.fork({ loggerContext: BACKGROUND });
  }

  private async connect(): Promise<void> {
    // Named, so that operators (and tests) can find the listening connections in pg_stat_activity.
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'oms-event-stream' });
    // A notification carries nothing but its channel (one per committing transaction that wrote
    // events, however many): it only says that there is something new to number and read.
    client.on('notification', (msg) => {
      if (msg.channel === EVENT_CHANNEL) this.kick();
    });
    // Both fire when the database restarts (57P01) or the backend is terminated; never unhandled.
    client.on('error', (err) => {
      if (!this.stopped) this.log.warn({ err }, 'event stream: connection lost, reconnecting');
      this.lost(client);
    });
    client.on('end', () => this.lost(client));
    this.client = client;
    try {
      await client.connect();
      await client.query(`listen ${EVENT_CHANNEL}`);
    } catch (err) {
      this.client = undefined;
      client.end().catch(() => undefined);
      throw err;
    }
    if (this.client !== client) return; // lost while connecting: lost() has scheduled the next attempt
    this.listening = true;
    this.reconnectDelay = RECONNECT_MIN_MS;
  }

  private lost(dead: Client) {
    if (this.client !== dead) return;
    this.client = undefined;
    this.listening = false;
    dead.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect() {
    if (this.stopped || this.reconnectTimer) return;
    // Jitter, so that many processes do not all come back at the same instant.
    const delay = Math.round(this.reconnectDelay * (0.75 + Math.random() / 2));
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MAX_MS);
    this.reconnectTimer = setTimeout(async () => {
      this.reconnectTimer = undefined;
      if (this.stopped) return;
      try {
        await this.connect();
        if (this.listening) {
          this.log.info('event stream: listening again');
          this.kick(); // what committed while we were away, from the last position published
        }
      } catch (err) {
        this.log.warn({ err }, 'event stream: reconnect failed');
        this.scheduleReconnect();
      }
    }, delay);
  }

  /** Asks for a run soon: number what has committed, then publish what follows the last position published. Runs never overlap. */
  kick() {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.waitTimer) return;
    const wait = this.lastRunAt + MIN_RUN_INTERVAL_MS - performance.now();
    if (wait > 0) {
      this.waitTimer = setTimeout(() => {
        this.waitTimer = undefined;
        this.kick();
      }, wait);
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
  }

  private async drain() {
    try {
      const em = this.em();
      await assignStreamPositions(em);
      while (!this.stopped && (await this.publishBatch(em)) === PUBLISH_BATCH);
    } catch (err) {
      // Left for the next notification or sweep, from the same position: nothing is skipped.
      if (!this.stopped) this.log.warn({ err }, 'event stream: could not read the stream');
    }
  }

  /** Reads and publishes the events after the last position published; returns how many it read. */
  private async publishBatch(em: ReturnType<EventStream['em']>): Promise<number> {
    const rows = await run<{
      position: string;
      id: string;
      type: string;
      aggregate_type: string;
      aggregate_id: string;
      channel_id: string | null;
      occurred_at: Date;
      history_id: string | null;
      primary: boolean;
    }>(em, eventsAfter(this.published, PUBLISH_BATCH));
    if (!rows.length || this.stopped) return 0;
    // Subscriptions follow order histories: one update per history entry (its primary event).
    const updates: OrderUpdatedMessage[] = rows
      .filter((r) => r.primary && r.history_id && r.channel_id)
      .map((r) => ({
        orderId: r.aggregate_id,
        channelId: r.channel_id!,
        historyId: r.history_id!,
        eventId: r.id,
        position: r.position,
      }));
    new SharedBatch(updates);
    const last = rows[rows.length - 1];
    this.published = last.position;
    this.lastPublishedAt = new Date();
    this.lastPublishedEventAt = new Date(last.occurred_at);
    for (const u of updates) this.pubsub.publish(ORDER_UPDATED, u);
    for (const l of this.positionedListeners) {
      try {
        l();
      } catch (err) {
        this.log.error({ err }, 'event stream: listener failed');
      }
    }
    return rows.length;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.sweep);
    clearTimeout(this.waitTimer);
    this.listening = false;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
    await this.running;
  }
}
