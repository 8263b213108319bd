/**
 * The dashboard's SQL (DashboardService). `?` placeholders. Each figure is one statement.
 */
import { OrderStatus } from '../order';

/**
 * Orders per status: each status counted up to `cap` rows (an index-only scan of the status index
 * that stops there), with PostgreSQL's estimate beside it (the status's share in the table
 * statistics times the table's estimated rows) for statuses that reach the cap. Every status, zero
 * included. Counting a million orders exactly reads a million index entries; the statuses an
 * operator acts on (pending, on hold, confirmed) stay well below the cap and are exact.
 */
export function statusCountsCapped(cap: number): { text: string; values: unknown[] } {
  // One branch per status with the status as a literal (they are the enum's own names): the
  // planner estimates each from its statistics; \`order by placed_at\` makes it read the
  // (status, placed_at) index (index-only once vacuumed) for common statuses too, and stop after
  // \`cap\` entries, where it would otherwise scan the table for a status that is 5% of it.
  const branches = Object.values(OrderStatus).map((status) => `select '${status}' as status,
      (select count(*) from (select 1 from "order" o where o.status = '${status}' order by o.placed_at limit ?) x)::int as count,
      coalesce((select st.freq from mcv st where st.v = '${status}'), 0) * (select greatest(reltuples, 0) from pg_class where oid = '"order"'::regclass)::float8 as estimate`);
  return {
    text: `with mcv as (
             select st.v, st.freq from pg_stats p, unnest(p.most_common_vals::text::text[], p.most_common_freqs) st(v, freq)
              where p.schemaname = current_schema() and p.tablename = 'order' and p.attname = 'status'
           )
           ${branches.join('\n           union all ')}`,
    values: branches.map(() => cap),
  };
}

/** Orders per status, counted exactly (a partner key's channels, or when the cap is off). */
export function statusCountsExact(scope: string[] | null): { text: string; values: unknown[] } {
  return {
    text: `select status, count(*)::int as count from "order" where (?::uuid[] is null or channel_id = any(?::uuid[])) group by status`,
    values: [scope, scope],
  };
}
