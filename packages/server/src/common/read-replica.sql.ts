/** The SQL of read replicas' health (common/read-replica.ts). */
import type { Statement } from './sql';

/**
 * The replica's own view of its lag: while it has replayed everything it received it is current
 * (0), however long the primary has been idle; else the age of the last transaction it replayed.
 */
export function replicaLag(): Statement {
  return {
    text: `select case when pg_last_wal_receive_lsn() is not distinct from pg_last_wal_replay_lsn() then 0
  else coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()), 0) end::float8 as lag`,
    values: [],
  };
}
