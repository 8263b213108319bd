/**
 * The SQL of bulk order jobs: the job (bulk_order_job), the snapshot of its orders and each
 * order's outcome (bulk_order_job_result, one row per order, unique per job). Placeholders are
 * `?` (common/sql.ts `sql`), as in the order list's conditions (order-list.sql.ts), which the
 * snapshot of a filter reuses.
 */
import type { Statement } from '../../common/sql';
import type { Condition } from '../order/order-list.sql';

export interface JobRow {
  id: string;
  action: string;
  reason: string | null;
  tag: string | null;
  state: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  total: number;
  done: number;
  failed: number;
  error: string | null;
  actor_kind: 'user' | 'apiKey' | 'system';
  actor_id: string | null;
  actor_label: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface ResultRow {
  order_id: string;
  position: number;
  number: string | null;
  ok: boolean;
  code: string | null;
  message: string | null;
}

const JOB_COLUMNS = `id, action, reason, tag, state, total, done, failed, error, actor_kind, actor_id, actor_label,
  created_at, started_at, finished_at`;

export function insertJob(j: {
  id: string;
  action: string;
  reason: string | null;
  tag: string | null;
  actorKind: string;
  actorId: string | null;
  actorLabel: string;
}): Statement {
  return {
    text: `insert into bulk_order_job (id, action, reason, tag, total, actor_kind, actor_id, actor_label)
           values (?, ?, ?, ?, 0, ?, ?, ?)`,
    values: [j.id, j.action, j.reason, j.tag, j.actorKind, j.actorId, j.actorLabel],
  };
}

/**
 * The snapshot of a filter: every matching order (the list's conditions on `"order" o`), oldest
 * first, at most `limit`; answers how many were taken.
 */
export function snapshotOfFilter(jobId: string, conditions: Condition[], limit: number): Statement {
  const where = conditions.length ? `where ${conditions.map((c) => `(${c.text})`).join(' and ')}` : '';
  return {
    text: `with picked as (
             select o.id, o.number, o.placed_at from "order" o ${where} order by o.placed_at, o.id limit ?
           ), taken as (
             insert into bulk_order_job_result (job_id, order_id, position, number)
             select ?, id, row_number() over (order by placed_at, id), number from picked
             returning 1
           )
           select count(*)::int as n from taken`,
    values: [...conditions.flatMap((c) => c.values), limit, jobId],
  };
}

/**
 * The snapshot of a list of ids, in the order given. The number is kept only for an order the
 * caller may see (`channelIds`: a partner key's channels); any other id is acted on as given, and
 * the action answers NOT_FOUND for it as it would for a single order.
 */
export function snapshotOfIds(jobId: string, ids: string[], channelIds?: readonly string[]): Statement {
  const scope = channelIds ? 'and o.channel_id = any(?::uuid[])' : '';
  return {
    text: `with taken as (
             insert into bulk_order_job_result (job_id, order_id, position, number)
             select ?, g.id, g.pos, o.number
             from unnest(?::uuid[]) with ordinality as g(id, pos)
             left join "order" o on o.id = g.id ${scope}
             returning 1
           )
           select count(*)::int as n from taken`,
    // As array literals: the query builder would spread a JS array into a list of values. Ids are uuids.
    values: [jobId, `{${ids.join(',')}}`, ...(channelIds ? [`{${channelIds.join(',')}}`] : [])],
  };
}

export function setJobTotal(jobId: string, total: number): Statement {
  return { text: 'update bulk_order_job set total = ? where id = ?', values: [total, jobId] };
}

export function jobById(id: string): Statement {
  return { text: `select ${JOB_COLUMNS} from bulk_order_job where id = ?`, values: [id] };
}

/** Marks the job RUNNING (from QUEUED, or again after a restart). */
export function startJob(id: string): Statement {
  return {
    text: `update bulk_order_job set state = 'RUNNING', started_at = coalesce(started_at, now())
           where id = ? and state in ('QUEUED', 'RUNNING') returning ${JOB_COLUMNS}`,
    values: [id],
  };
}

export function finishJob(id: string, state: 'DONE' | 'FAILED', error: string | null): Statement {
  return {
    text: `update bulk_order_job set state = ?, error = ?, finished_at = now() where id = ?`,
    values: [state, error, id],
  };
}

/** The next orders of the job not yet acted on, in snapshot order. */
export function pendingBatch(jobId: string, limit: number): Statement {
  return {
    text: `select order_id, number from bulk_order_job_result
           where job_id = ? and ok is null order by position limit ?`,
    values: [jobId, limit],
  };
}

/** Locks an order's row of the job to the end of the transaction, if it has no outcome yet (else no row). */
export function claimResult(jobId: string, orderId: string): Statement {
  return {
    text: `select number from bulk_order_job_result where job_id = ? and order_id = ? and ok is null for update`,
    values: [jobId, orderId],
  };
}

export function recordResult(
  jobId: string,
  orderId: string,
  r: { ok: boolean; code: string | null; message: string | null; number: string | null },
): Statement {
  return {
    text: `update bulk_order_job_result set ok = ?, code = ?, message = ?, number = coalesce(?, number), processed_at = now()
           where job_id = ? and order_id = ?`,
    values: [r.ok, r.code, r.message, r.number, jobId, orderId],
  };
}

/** Recounts done and failed from the outcomes recorded (exact after a restart too). */
export function refreshCounts(jobId: string): Statement {
  return {
    text: `update bulk_order_job j set done = c.done, failed = c.failed
           from (select count(*) filter (where ok is not null)::int as done,
                        count(*) filter (where ok = false)::int as failed
                 from bulk_order_job_result where job_id = ?) c
           where j.id = ? returning j.done, j.failed`,
    values: [jobId, jobId],
  };
}

/** A page of outcomes recorded, in snapshot order (`bounds`: keyset conditions on r.position). */
export function resultPage(
  jobId: string,
  ok: boolean | undefined,
  bounds: Condition[],
  dir: 'asc' | 'desc',
  limit: number,
): Statement {
  return {
    text: `select r.order_id, r.position, r.number, r.ok, r.code, r.message from bulk_order_job_result r
           where r.job_id = ? and ${ok === undefined ? 'r.ok is not null' : 'r.ok = ?'}
           ${bounds.map((b) => `and ${b.text}`).join(' ')}
           order by r.position ${dir} limit ?`,
    values: [jobId, ...(ok === undefined ? [] : [ok]), ...bounds.flatMap((b) => b.values), limit],
  };
}

export function resultCount(jobId: string, ok: boolean | undefined): Statement {
  return {
    text: `select count(*)::int as n from bulk_order_job_result
           where job_id = ? and ${ok === undefined ? 'ok is not null' : 'ok = ?'}`,
    values: [jobId, ...(ok === undefined ? [] : [ok])],
  };
}

/** The actor who started a job, as they are now: a staff user (active) ... */
export function userActor(id: string): Statement {
  return {
    text: 'select email, role, must_change_password from app_user where id = ? and active',
    values: [id],
  };
}

/** ... or an API key (not revoked), with its channels. */
export function apiKeyActor(id: string): Statement {
  return {
    text: `select k.name, k.prefix, k.permissions,
                  array(select c.channel_id from api_key_channel c where c.api_key_id = k.id) as channel_ids
           from api_key k where k.id = ? and k.revoked_at is null`,
    values: [id],
  };
}
