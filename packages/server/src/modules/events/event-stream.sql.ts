/**
 * The SQL of the event stream's order: numbering committed events (the sequencer), reading
 * them back by position, and the dispatcher's claim of numbered events. Placeholders are PostgreSQL's $1, $2, ... (run with common/sql.ts `run`).
 */
import type { Statement } from '../../common/sql';

/** The advisory lock that serializes sequencer runs, whichever process runs them (as in the migration's function). */
export const SEQUENCER_LOCK = 7_411_093_257;

/** Events numbered per sequencer run (a caller repeats it until fewer are left). */
export const SEQUENCE_BATCH = 5000;

/**
 * One sequencer run, in one statement: Migration20261206230000_stream's function takes the advisory
 * lock, then numbers the committed, unnumbered events in seq order, and commits with the statement.
 */
export const assignPositions = (limit = SEQUENCE_BATCH): Statement => ({
  text: 'select oms_assign_stream_positions($1::int) as n',
  values: [limit],
});

/**
 * The events after a position, in stream order, with what routing needs (not the payload).
 * (Ordered by the column, not by the text alias of the same name.)
 */
export const eventsAfter = (position: string, limit: number): Statement => ({
  text: `select position::text, id, type, aggregate_type, aggregate_id, channel_id, occurred_at,
      payload->>'historyId' as history_id, coalesce((payload->>'primary')::boolean, false) as "primary"
    from domain_event where position > $1::int8 order by domain_event.position limit $2`,
  values: [position, limit],
});

/** The last position assigned so far (0 for an empty stream). */
export const lastPosition = (): Statement => ({
  text: 'select coalesce(max(position), 0)::text as position from domain_event',
  values: [],
});

/** One event's position and channel, for resuming after it; position is null while it is new. */
export const eventPosition = (id: string): Statement => ({
  text: 'select position::text, channel_id from domain_event where id = $1',
  values: [id],
});

/**
 * Which events are subscription updates: one per order history entry, its primary event (the
 * others, such as order.cancelled next to the status change, are not sent to subscribers).
 */
const IS_UPDATE = `aggregate_type = 'order' and channel_id is not null and payload->>'historyId' is not null
      and coalesce((payload->>'primary')::boolean, false)`;

/**
 * Subscription updates (one per order history entry: its primary event) after a position, for a
 * subscriber's catch-up, narrowed by order, channel and a key's channels.
 */
export const updatesAfter = (
  position: string,
  f: { orderId?: string; channelId?: string; scope?: readonly string[] },
  limit: number,
): Statement => ({
  text: `select position::text, id, aggregate_id, channel_id, payload->>'historyId' as history_id from domain_event
    where position > $1::int8 and ${IS_UPDATE}
      and ($2::uuid is null or aggregate_id = $2::uuid) and ($3::uuid is null or channel_id = $3::uuid)
      and ($4::uuid[] is null or channel_id = any($4::uuid[]))
    order by domain_event.position limit $5`,
  values: [position, f.orderId ?? null, f.channelId ?? null, f.scope ? [...f.scope] : null, limit],
});

/**
 * The id of the newest numbered subscription update in these channels (none: no row). Per channel,
 * a backward step or two along the (channel_id, position) index; so the cost follows the number of
 * channels, not the table's size, nor how many events came since (a stock sync's have no channel).
 * The channel is matched by a range, not by `=`, on purpose: with `=`, PostgreSQL may walk the
 * position index backwards instead and filter every newer event by channel (on 2.3 million events,
 * a channel whose last update was 2.2 million events back: 660 ms instead of 0.1 ms).
 */
export const lastUpdateIn = (channelIds: readonly string[]): Statement => ({
  text: `select newest.id from unnest($1::uuid[]) as wanted(channel)
    cross join lateral (select id, position from domain_event
      where channel_id >= wanted.channel and channel_id <= wanted.channel and position is not null and ${IS_UPDATE}
      order by domain_event.channel_id desc, domain_event.position desc limit 1) newest
    order by newest.position desc limit 1`,
  values: [[...channelIds]],
});

/** A claimed event as the dispatcher reads it: every column but the stored resource (which only deliveries read, later). */
export interface ClaimedEventRow {
  id: string;
  seq: string;
  position: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  channel_id: string | null;
  payload: Record<string, unknown>;
  actor: string;
  /** As the ORM's connection returns timestamps: PostgreSQL's text (the platform's parseDate reads it). */
  occurred_at: string;
}

/**
 * Up to `limit` numbered, undispatched events, oldest position first, locked for this dispatch;
 * events another dispatcher holds are skipped, not waited for. Read whole (but the resource) in
 * the same statement: the reactors get them without a second read.
 */
export const claimUndispatched = (limit: number): Statement => ({
  text: `select id, seq::text, position::text, type, aggregate_type, aggregate_id, channel_id, payload, actor, occurred_at
    from domain_event where dispatched_at is null and position is not null order by position limit $1 for update skip locked`,
  values: [limit],
});

/** Marks these events dispatched (in the transaction that claimed them and ran the reactors). */
export const markDispatched = (ids: string[]): Statement => ({
  text: 'update domain_event set dispatched_at = now() where id = any($1::uuid[])',
  values: [ids],
});
