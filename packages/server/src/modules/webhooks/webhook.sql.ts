/**
 * The webhooks' own SQL: their limits, the replay of stored events and the failure count of an
 * endpoint. Placeholders are PostgreSQL's $1, $2, ... (run with
 * common/sql `run`, in the caller's transaction).
 *
 * Replay budgets live in `rate_limit`, the table of the request rate limits' PostgreSQL store
 * (key, points, expire in epoch ms; keys here start with `webhook-replay:`): a fixed one-hour
 * window per lane. The budget is taken in the replaying transaction, so a replay that fails
 * takes nothing, and its row lock makes concurrent replays of one lane queue one after the other.
 */

import { DeliveryStatus } from './webhook.entity';

export interface Statement {
  text: string;
  values: unknown[];
}

/** Deliveries not delivered or given up yet. */
const WAITING = `'${DeliveryStatus.PENDING}', '${DeliveryStatus.RETRYING}'`;

/** Locks (creating or renewing it when its window is over) the replay budget row of `lane`: its points used and window end. */
export function lockReplayBudget(lane: string, windowMs: number, now = Date.now()): Statement {
  return {
    text: `insert into rate_limit (key, points, expire) values ($1, 0, $2)
      on conflict (key) do update set
        points = case when rate_limit.expire is null or rate_limit.expire <= $3 then 0 else rate_limit.points end,
        expire = case when rate_limit.expire is null or rate_limit.expire <= $3 then excluded.expire else rate_limit.expire end
      returning points, expire::text as expire`,
    values: [`webhook-replay:${lane}`, now + windowMs, now],
  };
}

/** Charges `points` to the replay budget of `lane` (locked by lockReplayBudget in the same transaction). */
export function chargeReplayBudget(lane: string, points: number): Statement {
  return {
    text: 'update rate_limit set points = points + $2 where key = $1',
    values: [`webhook-replay:${lane}`, points],
  };
}

/** Serializes endpoint registrations of one partner key for the rest of the transaction (so two cannot both take the last place). */
export function lockKeyEndpoints(keyId: string): Statement {
  return { text: 'select pg_advisory_xact_lock(hashtextextended($1, 0))', values: [`webhook-endpoints:${keyId}`] };
}

export function countKeyEndpoints(keyId: string): Statement {
  return { text: 'select count(*)::int as n from webhook_endpoint where owner_key_id = $1', values: [keyId] };
}

/** Replay deliveries of a lane (a partner key's endpoints, or one staff endpoint) not delivered or given up yet. */
export function pendingReplays(lane: { keyId: string } | { endpointId: string }): Statement {
  return 'keyId' in lane
    ? {
        text: `select count(*)::int as n from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
        where e.owner_key_id = $1 and d.replay and d.status in (${WAITING})`,
        values: [lane.keyId],
      }
    : {
        text: `select count(*)::int as n from webhook_delivery where endpoint_id = $1 and replay and status in (${WAITING})`,
        values: [lane.endpointId],
      };
}

/** The stream position and channel of an event (a replay's `after`). */
export function eventPosition(eventId: string): Statement {
  return { text: 'select position::text, channel_id from domain_event where id = $1', values: [eventId] };
}

/** Which stored events a replay sends: of these types, after a stream position, in a time range and in channels (null: any). */
export interface ReplayFilter {
  types: string[];
  afterPosition: string | null;
  from: Date | null;
  to: Date | null;
  /** The endpoint's channels. */
  channelIds: string[] | null;
  /** The caller's channels (a partner key's). */
  scope: string[] | null;
}

// Stream order is the position, assigned after commit: no event can appear later before the last
// event replayed (the next `after`). $1 to $6 are the filter's values.
const REPLAYED_EVENTS = `type = any($1::text[]) and position is not null
  and ($2::int8 is null or position > $2::int8)
  and ($3::timestamptz is null or occurred_at >= $3::timestamptz) and ($4::timestamptz is null or occurred_at < $4::timestamptz)
  and ($5::uuid[] is null or channel_id = any($5::uuid[])) and ($6::uuid[] is null or channel_id = any($6::uuid[]))`;
const filterValues = (f: ReplayFilter) => [f.types, f.afterPosition, f.from, f.to, f.channelIds, f.scope];

export function countEventsToReplay(f: ReplayFilter): Statement {
  return { text: `select count(*)::int as n from domain_event where ${REPLAYED_EVENTS}`, values: filterValues(f) };
}

/** Replay deliveries of the first `limit` matching events to an endpoint, in stream order; returns their ids and event ids. */
export function insertReplayDeliveries(endpointId: string, f: ReplayFilter, limit: number): Statement {
  return {
    text: `insert into webhook_delivery (id, endpoint_id, event_id, event_type, status, attempt_count, replay, created_at)
      select gen_random_uuid(), $7, id, type, '${DeliveryStatus.PENDING}', 0, true, now() from (
        select id, type, position from domain_event where ${REPLAYED_EVENTS} order by position limit $8) e
      order by e.position returning id, event_id`,
    values: [...filterValues(f), endpointId, limit],
  };
}

/** A delivered attempt: the endpoint's failures in a row start again from 0. */
export function resetFailures(endpointId: string): Statement {
  return {
    text: 'update webhook_endpoint set consecutive_failures = 0 where id = $1 and consecutive_failures <> 0',
    values: [endpointId],
  };
}

/** One more delivery given up in a row; returns the count. */
export function countFailure(endpointId: string): Statement {
  return {
    text: 'update webhook_endpoint set consecutive_failures = consecutive_failures + 1 where id = $1 returning consecutive_failures as n',
    values: [endpointId],
  };
}
