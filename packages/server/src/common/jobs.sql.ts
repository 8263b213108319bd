/**
 * The SQL the job queue (common/jobs.ts) sends to pg-boss's own tables, for the jobs list and the
 * metrics scrape. Placeholders are PostgreSQL's $1, $2, ... (pg-boss's executeSql).
 */
import type { Statement } from './sql';

/** The schema of pg-boss's tables. */
export const JOB_SCHEMA = 'pgboss';

/** Jobs, newest first, at most `first`, optionally of one queue, in one state, or one job by id. */
export function jobList(filter: {
  queue?: string | null;
  state?: string | null;
  id?: string;
  first: number;
}): Statement {
  return {
    text: `select id, name as queue, state, data, retry_count as "retryCount", retry_limit as "retryLimit", created_on as "createdOn",
         start_after as "startAfter", started_on as "startedOn", completed_on as "completedOn",
         coalesce(output->>'message', output->'value'->>'message') as error
       from ${JOB_SCHEMA}.job
       where ($1::text is null or name = $1) and ($2::text is null or state::text = $2) and ($4::uuid is null or id = $4)
       order by created_on desc, id desc limit $3`,
    values: [filter.queue ?? null, filter.state ?? null, filter.first, filter.id ?? null],
  };
}

/** Jobs waiting or running (created, retry, active) per queue and state; finished ones are not counted (pg-boss indexes name and state). */
export function waitingJobCounts(): Statement {
  return {
    text: `select name, state::text as state, count(*)::int as count from ${JOB_SCHEMA}.job
       where state in ('created', 'retry', 'active') group by name, state`,
    values: [],
  };
}
