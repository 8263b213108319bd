/**
 * The SQL of table maintenance (table-maintenance.ts): which tables PostgreSQL's autovacuum does
 * not look after and that need an ANALYZE or a VACUUM now, by autovacuum's own thresholds.
 */
import type { Statement } from './sql';

/** A table that needs work, and which. */
export interface TableDue {
  /** Schema-qualified and quoted, ready for VACUUM / ANALYZE. */
  name: string;
  analyze: boolean;
  vacuum: boolean;
}

/**
 * The database's tables whose autovacuum is off (the server's `autovacuum` setting, or the table's
 * `autovacuum_enabled` storage parameter) and that are due, by the thresholds autovacuum would use
 * (the server's `autovacuum_*_threshold` and `*_scale_factor` settings):
 * - ANALYZE once more rows changed since the last one than `analyze_threshold + analyze_scale_factor * rows`;
 * - VACUUM once more rows are dead than `vacuum_threshold + vacuum_scale_factor * rows`, or more were
 *   inserted since the last vacuum than `vacuum_insert_threshold + vacuum_insert_scale_factor * rows`.
 * `rows` is the table's estimate (pg_class.reltuples; -1 for a table never analyzed counts as 0).
 * The counters are PostgreSQL's cumulative statistics (they need `track_counts`, on by default).
 */
export const tablesDue = (): Statement => ({
  text: `with t as (
      select quote_ident(s.schemaname) || '.' || quote_ident(s.relname) as name,
        greatest(c.reltuples, 0) as rows, s.n_dead_tup, s.n_mod_since_analyze, s.n_ins_since_vacuum
      from pg_stat_user_tables s join pg_class c on c.oid = s.relid
      where c.relkind = 'r' and not (
        current_setting('autovacuum')::boolean
        and coalesce((select o.option_value::boolean from pg_options_to_table(c.reloptions) o where o.option_name = 'autovacuum_enabled'), true)
      )
    ), d as (
      select name,
        n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8
          + current_setting('autovacuum_analyze_scale_factor')::float8 * rows as "analyze",
        n_dead_tup > current_setting('autovacuum_vacuum_threshold')::float8
          + current_setting('autovacuum_vacuum_scale_factor')::float8 * rows
        or (current_setting('autovacuum_vacuum_insert_threshold')::float8 >= 0
          and n_ins_since_vacuum > current_setting('autovacuum_vacuum_insert_threshold')::float8
            + current_setting('autovacuum_vacuum_insert_scale_factor')::float8 * rows) as "vacuum"
      from t
    )
    select name, "analyze", "vacuum" from d where "analyze" or "vacuum" order by name`,
  values: [],
});

/** Whether autovacuum is on for the database server (tables may still switch it off for themselves). */
export const autovacuumSetting = (): Statement => ({
  text: `select current_setting('autovacuum')::boolean as on`,
  values: [],
});

/** Takes the maintenance turn for this session if no other process holds it (released when the connection closes). */
export const tryTurnLock = (lockClass: number, name: string): Statement => ({
  text: 'select pg_try_advisory_lock($1::int, hashtext($2)) as locked',
  values: [lockClass, name],
});
