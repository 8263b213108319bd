/**
 * Reads the event stream after commit and fans it out inside this server process: every process
 * holds one connection that LISTENs on `oms_events`, so a change committed through any process
 * reaches the subscribers of all of them. PostgreSQL delivers a notification only when its
 * transaction commits (and never for a rolled-back one). If the listening connection drops, the
 * process reconnects and catches up from the table, skipping events it already delivered.
 */
import { Client } from 'pg';
import type { Logger } from '../../common/logger';
import { OmsPubSub, ORDER_UPDATED } from '../../common/pubsub';

export const EVENT_CHANNEL = 'oms_events';

/** What a notification carries: enough to route the event without reading it. */
export interface EventNotice {
  seq: number;
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

export class EventStream {
  private client?: Client;
  private stopped = false;
  private reconnectTimer?: NodeJS.Timeout;
  private lastSeq = 0;
  private readonly seen = new Set<string>();
  private readonly listeners: ((notice: EventNotice) => void)[] = [];

  constructor(private readonly databaseUrl: string, private readonly pubsub: OmsPubSub, private readonly log: Logger) {}

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
      return;
    }
    // Listening again: deliver what was committed while we were away (and not yet delivered).
    const { rows } = await client.query(
      `select seq, id, type, aggregate_id, channel_id, payload->>'historyId' as history_id, coalesce((payload->>'primary')::boolean, false) as primary
       from domain_event where seq > $1 order by seq`, [Math.max(0, this.lastSeq - CATCH_UP_WINDOW)]);
    for (const r of rows) {
      this.deliver({ seq: Number(r.seq), id: r.id, type: r.type, aggregateId: r.aggregate_id, channelId: r.channel_id, historyId: r.history_id, primary: r.primary });
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
    // Subscriptions follow order histories: one message per history entry (its primary event).
    if (notice.primary && notice.historyId && notice.channelId) {
      this.pubsub.publish(ORDER_UPDATED, { orderId: notice.aggregateId, channelId: notice.channelId, historyId: notice.historyId, eventId: notice.id, seq: notice.seq });
    }
    for (const l of this.listeners) {
      try {
        l(notice);
      } catch (err) {
        this.log.error({ err, event: notice.id }, 'event stream: listener failed');
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
