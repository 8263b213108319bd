/**
 * The webhooks' own SQL for their limits. Placeholders are PostgreSQL's $1, $2, ... (run with
 * common/sql `run`, in the caller's transaction).
 *
 * Replay budgets live in `rate_limit`, the table of the request rate limits' PostgreSQL store
 * (key, points, expire in epoch ms; keys here start with `webhook-replay:`): a fixed one-hour
 * window per lane. The budget is taken in the replaying transaction, so a replay that fails
 * takes nothing, and its row lock makes concurrent replays of one lane queue one after the other.
 */

export interface Statement {
  text: string;
  values: unknown[];
}

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
  return { text: 'update rate_limit set points = points + $2 where key = $1', values: [`webhook-replay:${lane}`, points] };
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
        where e.owner_key_id = $1 and d.replay and d.status in ('PENDING', 'RETRYING')`,
      values: [lane.keyId],
    }
    : { text: `select count(*)::int as n from webhook_delivery where endpoint_id = $1 and replay and status in ('PENDING', 'RETRYING')`, values: [lane.endpointId] };
}
