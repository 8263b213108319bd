/**
 * The dashboard's SQL (DashboardService). `?` placeholders. Each figure is one statement.
 */
type Statement = { text: string; values: unknown[] };

import { dayIn, zonedMidnight } from '../../common/time-zone';
import { FULFILLABLE_STATUSES, OrderStatus, sqlStatusList } from '../order';

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
  const branches = Object.values(OrderStatus).map(
    (status) => `select '${status}' as status,
      (select count(*) from (select 1 from "order" o where o.status = '${status}' order by o.placed_at limit ?) x)::int as count,
      coalesce((select st.freq from mcv st where st.v = '${status}'), 0) * (select greatest(reltuples, 0) from pg_class where oid = '"order"'::regclass)::float8 as estimate`,
  );
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

/** The first midnight of the store time zone at or after `at`. */
function firstMidnightFrom(at: Date): Date {
  const midnight = zonedMidnight(dayIn(at));
  if (midnight >= at) return midnight;
  const next = new Date(midnight.getTime() + 36 * 3_600_000); // into the next day, whatever the offset change
  return zonedMidnight(dayIn(next));
}

/**
 * Orders placed per channel in [from, to) (to null: no end) and their total, cancelled orders
 * excluded; every channel in scope, zero included. The whole days (store time zone) inside the period are read
 * from `order_sales_daily` (a few rows per channel and day, kept exact by triggers on "order":
 * migration Migration20261207100000_sales_daily), the partial days at either end from the
 * orders through the placed_at index. A year is then about 1,500 rollup rows and at most two
 * days of orders, instead of half a million orders. The answer is the same as summing the
 * orders directly (the rollup changes in the transaction that changes an order).
 */
export function salesByChannel(from: Date, to: Date | null, scope: string[] | null): Statement {
  // The first midnight (store time zone) at or after `from`, the last at or before `to`.
  const fullFrom = firstMidnightFrom(from);
  const fullTo = to ? zonedMidnight(dayIn(to)) : null;
  const day = (d: Date) => dayIn(d);
  if (fullTo && fullTo <= fullFrom) {
    // No whole day in the period: the orders alone (at most two days of them).
    return {
      text: `${SALES_SELECT}
               select channel_id, 1, total_amount from "order"
                where status <> 'CANCELLED' and placed_at >= ? and placed_at < ?
             ${SALES_GROUP}`,
      values: [from, to, scope, scope],
    };
  }
  return {
    text: `${SALES_SELECT}
             select channel_id, orders, revenue from order_sales_daily
              where day >= ?::date and (?::date is null or day < ?::date)
             union all
             select channel_id, 1, total_amount from "order"
              where status <> 'CANCELLED' and placed_at >= ? and placed_at < ?
             union all
             select channel_id, 1, total_amount from "order"
              where status <> 'CANCELLED' and placed_at >= ? and placed_at < ?
           ${SALES_GROUP}`,
    // No end: every day from fullFrom on is whole, and the tail's bounds are null (no rows).
    values: [day(fullFrom), fullTo && day(fullTo), fullTo && day(fullTo), from, fullFrom, fullTo, to, scope, scope],
  };
}

const SALES_SELECT = `select c.code, c.name, c.currency, coalesce(sum(s.orders), 0)::int as orders, coalesce(sum(s.revenue), 0)::bigint as revenue
         from channel c
         left join (`;
const SALES_GROUP = `) s (channel_id, orders, revenue) on s.channel_id = c.id
        where (?::uuid[] is null or c.id = any(?::uuid[]))
        group by c.id, c.code, c.name, c.currency
        order by c.code`;

/**
 * Orders CONFIRMED (or part-shipped) whose last confirmation is more than `hours` ago, longest
 * waiting first, with how many there are.
 */
export function lateOrders(hours: number, scope: string[] | null, first: number): Statement {
  return {
    text: `select o.id, o.number, o.status, c.code as channel_code, h.confirmed_at, count(*) over ()::int as total
         from "order" o
         join channel c on c.id = o.channel_id
         cross join lateral (select max(h.at) as confirmed_at from order_history h where h.order_id = o.id and h.to_status = 'CONFIRMED') h
        where o.status in (${sqlStatusList(FULFILLABLE_STATUSES)})
          and h.confirmed_at < now() - make_interval(hours => ?)
          and (?::uuid[] is null or o.channel_id = any(?::uuid[]))
        order by h.confirmed_at, o.id
        limit ?`,
    values: [hours, scope, scope, first],
  };
}
