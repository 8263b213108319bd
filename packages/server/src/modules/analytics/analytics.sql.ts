/**
 * The analytics module's SQL: the rollups' rebuild and refresh statements (rollups.ts) and the
 * reports' statements (analytics.service.ts). `?` placeholders; each function returns one
 * statement `{ text, values }` (or the list a rebuild runs in order).
 */
import { OPEN_STATUSES, sqlStatusList } from '../order';

export interface Statement {
  text: string;
  values: unknown[];
}

/** The orders placed on the given days, as `o` (with `o.day`). */
const ORDERS_OF_DAYS = `
  d as (select unnest(?::date[]) as day),
  o as (select d.day, o.* from d join "order" o
          on o.placed_at >= (d.day::timestamp at time zone oms_time_zone()) and o.placed_at < ((d.day + 1)::timestamp at time zone oms_time_zone()))`;

const REBUILD_ORDER_DAYS_TEXT = [
  `delete from analytics_sales_daily where day = any(?::date[])`,
  `with ${ORDERS_OF_DAYS}
   insert into analytics_sales_daily (day, channel_id, currency, orders, units, gross, tax, refunds, cancelled_orders, cancelled_gross)
   select o.day, o.channel_id, o.currency,
          count(*) filter (where o.status <> 'CANCELLED'),
          coalesce(sum(u.units) filter (where o.status <> 'CANCELLED'), 0),
          coalesce(sum(o.total_amount) filter (where o.status <> 'CANCELLED'), 0),
          coalesce(sum(o.tax_amount) filter (where o.status <> 'CANCELLED'), 0),
          coalesce(sum(o.refunded_amount) filter (where o.status <> 'CANCELLED'), 0),
          count(*) filter (where o.status = 'CANCELLED'),
          coalesce(sum(o.total_amount) filter (where o.status = 'CANCELLED'), 0)
     from o cross join lateral (select coalesce(sum(l.quantity), 0) as units from order_line l where l.order_id = o.id) u
    group by o.day, o.channel_id, o.currency`,

  `delete from analytics_cancel_reason_daily where day = any(?::date[])`,
  `with ${ORDERS_OF_DAYS}
   insert into analytics_cancel_reason_daily (day, channel_id, reason, orders)
   select o.day, o.channel_id, coalesce(nullif(left(trim(o.cancel_reason), 200), ''), '(no reason)'), count(*)
     from o where o.status = 'CANCELLED' group by 1, 2, 3`,

  `delete from analytics_sku_daily where day = any(?::date[])`,
  `with ${ORDERS_OF_DAYS}
   insert into analytics_sku_daily (day, channel_id, sku, currency, units, revenue, returned_units)
   select o.day, o.channel_id, l.sku, l.currency, sum(l.quantity), sum(l.quantity::bigint * l.unit_price_amount), sum(l.quantity_returned)
     from o join order_line l on l.order_id = o.id
    where o.status <> 'CANCELLED'
    group by 1, 2, 3, 4`,

  `delete from analytics_return_reason_daily where day = any(?::date[])`,
  `with ${ORDERS_OF_DAYS}
   insert into analytics_return_reason_daily (day, channel_id, sku, reason, units)
   select o.day, o.channel_id, rl.sku, coalesce(nullif(left(trim(r.reason), 200), ''), '(no reason)'), sum(rl.quantity)
     from o join order_return r on r.order_id = o.id join order_return_line rl on rl.order_return_id = r.id
    group by 1, 2, 3, 4`,

  `delete from analytics_customer_daily where day = any(?::date[])`,
  `with ${ORDERS_OF_DAYS}
   insert into analytics_customer_daily (day, channel_id, customer_id, currency, orders, units, revenue)
   select o.day, o.channel_id, o.customer_id, o.currency, count(*), sum(u.units), sum(o.total_amount)
     from o cross join lateral (select coalesce(sum(l.quantity), 0) as units from order_line l where l.order_id = o.id) u
    where o.status <> 'CANCELLED'
    group by 1, 2, 3, 4`,

  `delete from analytics_fulfilment_daily where day = any(?::date[])`,
  `delete from analytics_lead_time_daily where day = any(?::date[])`,
  // One row per order with at least one shipment: its shipments, whether every unit has shipped
  // (complete), when the last unit shipped and when the last parcel arrived.
  `with ${ORDERS_OF_DAYS},
   s as (
     select o.day, o.channel_id, o.placed_at, x.shipments, x.warehouse_id, x.last_shipped_at, x.all_delivered, x.last_delivered_at,
            not exists (select 1 from order_line l where l.order_id = o.id and l.quantity_shipped < l.quantity) as complete
       from o cross join lateral (
         -- lateral: through the shipment_order_id index, one order at a time, never a scan of every shipment
         select count(*) as shipments,
                (array_agg(sh.warehouse_id order by sh.shipped_at, sh.id))[1] as warehouse_id,
                max(sh.shipped_at) as last_shipped_at,
                bool_and(sh.delivered_at is not null) as all_delivered,
                max(sh.delivered_at) as last_delivered_at
           from shipment sh where sh.order_id = o.id) x
      where x.shipments > 0),
   f as (
     insert into analytics_fulfilment_daily (day, channel_id, warehouse_id, shipped_any, split_orders, shipped_complete, complete_in_one, delivered)
     select day, channel_id, warehouse_id, count(*), count(*) filter (where shipments > 1), count(*) filter (where complete),
            count(*) filter (where complete and shipments = 1), count(*) filter (where complete and all_delivered)
       from s group by 1, 2, 3)
   insert into analytics_lead_time_daily (day, channel_id, warehouse_id, stage, hours, orders)
   select day, channel_id, warehouse_id, stage, hours, count(*) from (
     select day, channel_id, warehouse_id, 'SHIPPED' as stage,
            greatest(0, ceil(extract(epoch from last_shipped_at - placed_at) / 3600))::int as hours
       from s where complete
     union all
     select day, channel_id, warehouse_id, 'DELIVERED',
            greatest(0, ceil(extract(epoch from last_delivered_at - placed_at) / 3600))::int
       from s where complete and all_delivered) x
   group by 1, 2, 3, 4, 5`,
];

const REBUILD_MOVEMENT_DAYS_TEXT = [
  `delete from analytics_stock_movement_daily where day = any(?::date[])`,
  `with d as (select unnest(?::date[]) as day)
   insert into analytics_stock_movement_daily (day, warehouse_id, product_id, kind, reason, movements, units_in, units_out)
   select d.day, m.warehouse_id, m.product_id, m.kind, coalesce(nullif(left(trim(m.reason), 200), ''), '(no reason)'),
          count(*), sum(greatest(m.delta, 0)), sum(greatest(-m.delta, 0))
     from d join stock_movement m on m.at >= (d.day::timestamp at time zone oms_time_zone()) and m.at < ((d.day + 1)::timestamp at time zone oms_time_zone())
    group by 1, 2, 3, 4, 5`,
];

/** Recomputes the order-cohort rollups of `days` (delete then insert, table by table). */
export const rebuildOrderDaysStatements = (days: string[]): Statement[] =>
  REBUILD_ORDER_DAYS_TEXT.map((text) => ({ text, values: [days] }));

/** Recomputes the stock-movement rollup of `days`. */
export const rebuildMovementDaysStatements = (days: string[]): Statement[] =>
  REBUILD_MOVEMENT_DAYS_TEXT.map((text) => ({ text, values: [days] }));

/** JIT off for the rest of the transaction (see rollups.ts, noJit). */
export const jitOff = (): Statement => ({ text: 'set local jit = off', values: [] });

/** Waits for the transaction-scoped advisory lock of one day in a namespace. */
export const lockDay = (namespace: number, key: number): Statement => ({
  text: 'select pg_advisory_xact_lock(?::int, ?::int)',
  values: [namespace, key],
});

/** The store-time-zone placing days of the given orders, as 'YYYY-MM-DD'. */
export const placingDays = (orderIds: string[]): Statement => ({
  text: `select distinct to_char(placed_at at time zone oms_time_zone(), 'YYYY-MM-DD') as day from "order" where id = any(?::uuid[])`,
  values: [orderIds],
});

/** Marks (day, kind) pairs for recomputation: a row per mark, inserted without waiting (see takeDirtyDays). */
export const markDirtyDays = (days: string[], kinds: string[]): Statement => ({
  text: `insert into analytics_dirty_day (day, kind) select * from unnest(?::date[], ?::text[])`,
  values: [days, kinds],
});

/**
 * Takes the marked days (deleting every mark this statement sees; ones another refresh holds are
 * skipped), each (day, kind) once, oldest first. Marks are rows of their own (a day may be marked
 * several times): marking never waits for a refresh that holds the day's earlier marks.
 */
export const takeDirtyDays = (): Statement => ({
  text: `with taken as (
      delete from analytics_dirty_day where id in (select id from analytics_dirty_day for update skip locked) returning day, kind
    )
    select distinct to_char(day, 'YYYY-MM-DD') as day, kind from taken order by 1, 2`,
  values: [],
});

/** The first day (store time zone) with an order or a stock movement ('YYYY-MM-DD', or null). */
export const firstDataDay = (): Statement => ({
  text: `select to_char(least((select min(placed_at) from "order"), (select min(at) from stock_movement)) at time zone oms_time_zone(), 'YYYY-MM-DD') as first`,
  values: [],
});

/** Whether both the sales and the stock-movement rollups are empty. */
export const rollupsEmpty = (): Statement => ({
  text: `select not exists (select 1 from analytics_sales_daily) and not exists (select 1 from analytics_stock_movement_daily) as empty`,
  values: [],
});

/**
 * Folds the deltas of `order_sales_daily` (the dashboard's sales per channel and day, appended by
 * the triggers on "order": migration Migration20261207100000_sales_daily) into one row per day
 * and channel. One statement, so it deletes exactly the rows it sums; a delta appended meanwhile
 * stays for the next run, and two runs at once never fold a row twice (the second skips rows
 * the first deleted). Readers see the rows before or after, whose sums are equal.
 */
export const compactOrderSales = (): Statement => ({
  text: `with many as (select day, channel_id from order_sales_daily group by 1, 2 having count(*) > 1),
   gone as (delete from order_sales_daily s using many m where s.day = m.day and s.channel_id = m.channel_id
            returning s.day, s.channel_id, s.orders, s.revenue)
   insert into order_sales_daily (day, channel_id, orders, revenue)
   select day, channel_id, sum(orders), sum(revenue) from gone group by 1, 2 having sum(orders) <> 0 or sum(revenue) <> 0`,
  values: [],
});

// ------------------------------------------------------------------------------------ reports

/** A report's transaction: read-only, no JIT, room to aggregate in memory (AnalyticsService.read). */
export const reportSettings = (): Statement[] => [
  { text: 'set transaction read only', values: [] },
  { text: 'set local jit = off', values: [] },
  { text: "set local work_mem = '32MB'", values: [] },
];

/** The channels a caller may see (`allowed` null: every channel), by code. */
export const channelsInScope = (allowed: string[] | null): Statement => ({
  text: 'select id, code, name, currency from channel where (?::uuid[] is null or id = any(?::uuid[])) order by code',
  values: [allowed, allowed],
});

export const warehouseByCode = (code: string): Statement => ({
  text: 'select id from warehouse where code = ?',
  values: [code],
});

/** The sales totals of the store days [from, to) over the given channels. */
export const salesTotals = (from: string, to: string, channelIds: string[]): Statement => ({
  text: `select sum(orders) as orders, sum(units) as units, sum(gross) as gross, sum(tax) as tax, sum(refunds) as refunds, sum(cancelled_orders) as cancelled
         from analytics_sales_daily where day >= ?::date and day < ?::date and channel_id = any(?::uuid[])`,
  values: [from, to, channelIds],
});

/** Sales per bucket (day, week or month) and channel over [previousFrom, to); `current`: on or after `from`. */
export const salesSeries = (
  from: string,
  unit: string,
  previousFrom: string,
  to: string,
  channelIds: string[],
): Statement => ({
  text: `select (day >= ?::date) as current, to_char(date_trunc(?, day), 'YYYY-MM-DD') as bucket, channel_id, currency,
              sum(orders) as orders, sum(units) as units, sum(gross) as gross, sum(tax) as tax, sum(refunds) as refunds,
              sum(cancelled_orders) as cancelled
         from analytics_sales_daily
        where day >= ?::date and day < ?::date and channel_id = any(?::uuid[])
        group by 1, 2, 3, 4 order by 2, 3`,
  values: [from, unit, previousFrom, to, channelIds],
});

/** The fulfilment rollups' period condition, with its values (days, channels, optional warehouse). */
const fulfilmentPeriod = (from: string, to: string, channelIds: string[], warehouseId: string | null) => ({
  text: `day >= ?::date and day < ?::date and channel_id = any(?::uuid[]) and (?::uuid is null or warehouse_id = ?::uuid)`,
  values: [from, to, channelIds, warehouseId, warehouseId],
});

export const fulfilmentCounts = (
  from: string,
  to: string,
  channelIds: string[],
  warehouseId: string | null,
): Statement => {
  const where = fulfilmentPeriod(from, to, channelIds, warehouseId);
  return {
    text: `select sum(shipped_any) as shipped_any, sum(split_orders) as split_orders, sum(shipped_complete) as shipped_complete,
              sum(complete_in_one) as complete_in_one
         from analytics_fulfilment_daily where ${where.text}`,
    values: where.values,
  };
};

/**
 * Percentiles by nearest rank over the hour histograms, per bucket and over the whole period
 * (bucket null), computed by PostgreSQL: a few rows come back, however many orders.
 */
export const leadTimeStats = (
  unit: string,
  from: string,
  to: string,
  channelIds: string[],
  warehouseId: string | null,
  slaHours: number,
): Statement => {
  const where = fulfilmentPeriod(from, to, channelIds, warehouseId);
  return {
    text: `with h as (select date_trunc(?, day) as b, stage, hours, sum(orders) as n from analytics_lead_time_daily where ${where.text} group by 1, 2, 3),
       g as (select b, stage, hours, sum(n) as n from h group by grouping sets ((b, stage, hours), (stage, hours))),
       c as (select b, stage, hours, n, sum(n) over (partition by b, stage order by hours) as cum, sum(n) over (partition by b, stage) as total from g)
       select to_char(b, 'YYYY-MM-DD') as bucket, stage, total,
              min(hours) filter (where cum >= ceil(0.5 * total)) as p50, min(hours) filter (where cum >= ceil(0.9 * total)) as p90,
              coalesce(sum(n) filter (where hours <= ?), 0) as within
         from c group by b, stage, total order by b nulls first`,
    values: [unit, ...where.values, slaHours],
  };
};

/** Open orders placed more than `slaHours` ago, now. */
export const openOrdersOlderThan = (slaHours: number, channelIds: string[]): Statement => ({
  text: `select count(*)::int as n from "order"
        where status in (${sqlStatusList(OPEN_STATUSES)})
          and placed_at < now() - make_interval(hours => ?) and channel_id = any(?::uuid[])`,
  values: [slaHours, channelIds],
});

/** The rollups' period condition over channels: store days [from, to). */
const period = (from: string, to: string, channelIds: string[]) => ({
  text: `day >= ?::date and day < ?::date and channel_id = any(?::uuid[])`,
  values: [from, to, channelIds],
});

export const placedAndCancelled = (from: string, to: string, channelIds: string[]): Statement => {
  const p = period(from, to, channelIds);
  return {
    text: `select sum(orders) as orders, sum(cancelled_orders) as cancelled from analytics_sales_daily where ${p.text}`,
    values: p.values,
  };
};

export const cancellationReasons = (from: string, to: string, channelIds: string[]): Statement => {
  const p = period(from, to, channelIds);
  return {
    text: `select reason, sum(orders) as n from analytics_cancel_reason_daily where ${p.text} group by reason order by 2 desc, 1`,
    values: p.values,
  };
};

/** The 100 SKUs with the highest share of units returned. */
export const returnsBySku = (from: string, to: string, channelIds: string[]): Statement => {
  const p = period(from, to, channelIds);
  return {
    text: `select sku, sum(units) as units, sum(returned_units) as returned from analytics_sku_daily where ${p.text}
        group by sku having sum(returned_units) > 0
        order by sum(returned_units)::float / nullif(sum(units), 0) desc nulls last, sku limit 100`,
    values: p.values,
  };
};

export const returnReasons = (from: string, to: string, channelIds: string[], skus: string[]): Statement => {
  const p = period(from, to, channelIds);
  return {
    text: `select sku, reason, sum(units) as n from analytics_return_reason_daily where ${p.text} and sku = any(?::text[])
        group by 1, 2 order by 3 desc, 2`,
    values: [...p.values, skus],
  };
};

/** The 50 orders on hold longest (and how many are on hold), now. */
export const ordersOnHold = (channelIds: string[]): Statement => ({
  text: `select o.id, o.number, c.code, o.hold_reason, h.since, count(*) over ()::int as total
         from "order" o join channel c on c.id = o.channel_id
         cross join lateral (select max(h.at) as since from order_history h where h.order_id = o.id and h.to_status = 'ON_HOLD') h
        where o.status = 'ON_HOLD' and o.channel_id = any(?::uuid[])
        order by h.since nulls first, o.id limit 50`,
  values: [channelIds],
});

/** Stock on hand, reserved and its value per warehouse (one warehouse, or every one when null). */
export const warehouseStock = (warehouseId: string | null): Statement => ({
  text: `select w.code, w.name, coalesce(sum(sl.on_hand), 0) as on_hand, coalesce(sum(sl.reserved), 0) as reserved,
              coalesce(jsonb_agg(jsonb_build_object('c', p.currency, 'v', sl.on_hand::bigint * p.price_amount)) filter (where p.id is not null), '[]') as values
         from warehouse w left join stock_level sl on sl.warehouse_id = w.id left join product p on p.id = sl.product_id
        where (?::uuid is null or w.id = ?::uuid)
        group by w.id, w.code, w.name, w.priority order by w.priority, w.code`,
  values: [warehouseId, warehouseId],
});

export const lowStock = (threshold: number, warehouseId: string | null): Statement => ({
  text: `select p.sku, p.name, w.code, sl.on_hand, sl.on_hand - sl.reserved as available
         from stock_level sl join product p on p.id = sl.product_id join warehouse w on w.id = sl.warehouse_id
        where sl.on_hand - sl.reserved <= ? and (?::uuid is null or sl.warehouse_id = ?::uuid)
        order by available, p.sku, w.code limit 100`,
  values: [threshold, warehouseId, warehouseId],
});

/** Units shipped in [from, to) against stock on hand per SKU, the 100 with the least cover. */
export const stockCover = (from: string, to: string, warehouseId: string | null): Statement => ({
  text: `with shipped as (
         select product_id, sum(units_out) as out from analytics_stock_movement_daily
          where day >= ?::date and day < ?::date and kind = 'SHIPMENT' and (?::uuid is null or warehouse_id = ?::uuid)
          group by product_id),
       hand as (select product_id, sum(on_hand) as on_hand from stock_level where (?::uuid is null or warehouse_id = ?::uuid) group by product_id)
       select p.sku, p.name, coalesce(h.on_hand, 0) as on_hand, s.out
         from shipped s join product p on p.id = s.product_id left join hand h on h.product_id = s.product_id
        where s.out > 0
        order by coalesce(h.on_hand, 0)::float / s.out, p.sku limit 100`,
  values: [from, to, warehouseId, warehouseId, warehouseId, warehouseId],
});

export const stockMovements = (from: string, to: string, warehouseId: string | null): Statement => ({
  text: `select kind, reason, sum(movements) as n, sum(units_in) as units_in, sum(units_out) as units_out
         from analytics_stock_movement_daily
        where day >= ?::date and day < ?::date and (?::uuid is null or warehouse_id = ?::uuid)
        group by 1, 2 order by kind::text, reason`,
  values: [from, to, warehouseId, warehouseId],
});

/** Every catalogue SKU with its units and revenue in the period (zero included), and SKUs sold that left the catalogue. */
export const skuTotals = (from: string, to: string, channelIds: string[]): Statement => {
  const p = period(from, to, channelIds);
  return {
    text: `with t as (select sku, sum(units) as units, sum(revenue) as revenue from analytics_sku_daily where ${p.text} group by 1)
       select p.sku, p.name, coalesce(t.units, 0) as units, coalesce(t.revenue, 0) as revenue, p.currency
         from product p left join t on t.sku = p.sku
       union all
       select t.sku, null, t.units, t.revenue, null from t where not exists (select 1 from product p where p.sku = t.sku)`,
    values: p.values,
  };
};

/** The top `n` customers by revenue and the top `n` by units (column `ranking`), with e-mail and name. */
export const topCustomers = (from: string, to: string, channelIds: string[], n: number): Statement => {
  const p = period(from, to, channelIds);
  return {
    text: `with t as materialized (
         select customer_id, min(currency) as currency, sum(orders) as orders, sum(units) as units, sum(revenue) as revenue
           from analytics_customer_daily where ${p.text} group by 1),
       r as ((select t.*, 'revenue' as ranking from t order by revenue desc, units desc, customer_id limit ?)
             union all (select t.*, 'units' from t order by units desc, revenue desc, customer_id limit ?))
       select r.*, c.email, c.name from r cross join lateral (select email, name from customer c where c.id = r.customer_id) c`,
    values: [...p.values, n, n],
  };
};
