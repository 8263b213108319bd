/**
 * Analytics rollups: per-day aggregates (tables `analytics_*_daily`) that the reports read, so a
 * report over a year sums a few hundred rows per channel instead of scanning a million orders.
 *
 * A day's rows are always recomputed whole from the source tables (delete the day, insert it
 * again from orders, lines, shipments, returns, stock movements), never patched by deltas: a
 * rebuild is idempotent, and running it twice, or after an import, or after a crash, gives the
 * same rows. Two paths call it:
 *  - the event path (analytics-refresh.ts): inside the dispatch transaction the days a batch of
 *    events touches (the placing day of each order an event is about, and the day of the event
 *    for stock movements) are only marked dirty, and an `analytics-refresh` job recomputes the
 *    marked days shortly after, debounced (at most one queued and one running, whatever the
 *    rate of events), so dispatch to webhooks and rules never waits for a rollup;
 *  - `rebuildRange` (mutation rebuildAnalytics, `pnpm --filter @oms/server analytics:rebuild`,
 *    the benchmark, start-up on a database whose rollups are empty): day by day, one
 *    transaction per day, so a long rebuild makes steady progress and can be re-run.
 * A transaction-scoped advisory lock per day serialises two writers of the same day.
 *
 * Every figure except stock movements is filed under the UTC day its order was placed: a refund
 * or a shipment a week later changes the placing day's row (cohort figures).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { BACKGROUND } from '../../common/context';
import { sql } from '../../common/sql';
import type { DomainEvent } from '../events/domain-event.entity';

const ORDER_DAYS_LOCK = 7212;
const MOVEMENT_DAYS_LOCK = 7213;
const EPOCH = Date.UTC(2000, 0, 1);
const DAY_MS = 86_400_000;

/** A UTC calendar day as 'YYYY-MM-DD'. */
export type Day = string;
export const dayOf = (d: Date): Day => d.toISOString().slice(0, 10);
export const addDays = (day: Day, n: number): Day => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
export const daysBetween = (from: Day, to: Day): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
const lockKey = (day: Day) => Math.round((Date.parse(`${day}T00:00:00Z`) - EPOCH) / DAY_MS);

/** The orders placed on the given days, as `o` (with `o.day`). */
const ORDERS_OF_DAYS = `
  d as (select unnest(?::date[]) as day),
  o as (select d.day, o.* from d join "order" o
          on o.placed_at >= (d.day::timestamp at time zone 'UTC') and o.placed_at < ((d.day + 1)::timestamp at time zone 'UTC'))`;

const REBUILD_ORDER_DAYS = [
  `delete from analytics_sales_daily where day = any(?::date[])`,
  `with ${ORDERS_OF_DAYS}
   insert into analytics_sales_daily (day, channel_id, currency, orders, units, gross, refunds, cancelled_orders, cancelled_gross)
   select o.day, o.channel_id, o.currency,
          count(*) filter (where o.status <> 'CANCELLED'),
          coalesce(sum(u.units) filter (where o.status <> 'CANCELLED'), 0),
          coalesce(sum(o.total_amount) filter (where o.status <> 'CANCELLED'), 0),
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

const REBUILD_MOVEMENT_DAYS = [
  `delete from analytics_stock_movement_daily where day = any(?::date[])`,
  `with d as (select unnest(?::date[]) as day)
   insert into analytics_stock_movement_daily (day, warehouse_id, product_id, kind, reason, movements, units_in, units_out)
   select d.day, m.warehouse_id, m.product_id, m.kind, coalesce(nullif(left(trim(m.reason), 200), ''), '(no reason)'),
          count(*), sum(greatest(m.delta, 0)), sum(greatest(-m.delta, 0))
     from d join stock_movement m on m.at >= (d.day::timestamp at time zone 'UTC') and m.at < ((d.day + 1)::timestamp at time zone 'UTC')
    group by 1, 2, 3, 4, 5`,
];

/**
 * Each statement touches a day's rows through indexes; PostgreSQL's cost estimate on a big
 * database still triggers JIT compilation, which costs far more (~0.7 s) than the work itself.
 */
async function noJit(em: EntityManager) {
  await sql(em, 'set local jit = off');
}

async function lockDays(em: EntityManager, namespace: number, days: Day[]) {
  // In ascending order, order days before movement days: every writer takes locks in one global order.
  for (const day of [...days].sort()) await sql(em, 'select pg_advisory_xact_lock(?::int, ?::int)', [namespace, lockKey(day)]);
}

/** Recomputes the order-cohort rollups of `days` inside the caller's transaction. */
export async function rebuildOrderDays(em: EntityManager, days: Day[]): Promise<void> {
  if (!days.length) return;
  await noJit(em);
  await lockDays(em, ORDER_DAYS_LOCK, days);
  for (const statement of REBUILD_ORDER_DAYS) await sql(em, statement, [days]);
}

/** Recomputes the stock-movement rollup of `days` inside the caller's transaction. */
export async function rebuildMovementDays(em: EntityManager, days: Day[]): Promise<void> {
  if (!days.length) return;
  await noJit(em);
  await lockDays(em, MOVEMENT_DAYS_LOCK, days);
  for (const statement of REBUILD_MOVEMENT_DAYS) await sql(em, statement, [days]);
}

/**
 * The days a batch of events touches: the placing day of each order the events are about, and
 * the days the events happened on for stock movements (shipments, returns, adjustments).
 */
export async function daysTouched(em: EntityManager, events: DomainEvent[]): Promise<{ orderDays: Day[]; movementDays: Day[] }> {
  const orderIds = [...new Set(events.filter((e) => e.aggregateType === 'order').map((e) => e.aggregateId))];
  const orderDays = orderIds.length
    ? (await sql<{ day: string }>(em,
      `select distinct to_char(placed_at at time zone 'UTC', 'YYYY-MM-DD') as day from "order" where id = any(?::uuid[])`, [orderIds])).map((r) => r.day)
    : [];
  const movementDays = new Set<Day>();
  for (const e of events) {
    if (e.type === 'stock.adjusted' || e.type === 'shipment.created' || e.type === 'return.created') {
      // The movement row and the event are stamped a moment apart: around midnight, both days.
      movementDays.add(dayOf(e.occurredAt));
      movementDays.add(dayOf(new Date(e.occurredAt.getTime() - 5000)));
      movementDays.add(dayOf(new Date(e.occurredAt.getTime() + 5000)));
    }
  }
  return { orderDays, movementDays: [...movementDays] };
}

/** Marks days for recomputation (table `analytics_dirty_day`), in the caller's transaction. */
export async function markDirty(em: EntityManager, days: { orderDays: Day[]; movementDays: Day[] }): Promise<void> {
  const rows = [...days.orderDays.map((d) => [d, 'orders']), ...days.movementDays.map((d) => [d, 'movements'])];
  if (!rows.length) return;
  await sql(em, `insert into analytics_dirty_day (day, kind)
    select * from unnest(?::date[], ?::text[]) on conflict do nothing`, [rows.map((r) => r[0]), rows.map((r) => r[1])]);
}

/**
 * Recomputes the days marked dirty and clears their marks, in the caller's transaction (a failure
 * rolls the clearing back, so the days stay marked for the next try). Returns how many days.
 */
export async function refreshDirty(em: EntityManager): Promise<number> {
  const rows = await sql<{ day: string; kind: string }>(em,
    `delete from analytics_dirty_day where (day, kind) in (select day, kind from analytics_dirty_day order by day for update skip locked)
     returning to_char(day, 'YYYY-MM-DD') as day, kind`);
  await rebuildOrderDays(em, rows.filter((r) => r.kind === 'orders').map((r) => r.day));
  await rebuildMovementDays(em, rows.filter((r) => r.kind === 'movements').map((r) => r.day));
  return rows.length;
}

/**
 * Recomputes every day in [from, to) (UTC days), oldest first, one transaction per day (each in
 * a fork of `root`, outside any transaction of the caller).
 * Returns how many days were rebuilt. Safe to run while the server takes orders.
 */
export async function rebuildRange(root: EntityManager, from: Day, to: Day, onDay?: (day: Day) => void): Promise<number> {
  let n = 0;
  for (let day = from; day < to; day = addDays(day, 1)) {
    await root.fork({ loggerContext: BACKGROUND }).transactional(async (em) => {
      await rebuildOrderDays(em, [day]);
      await rebuildMovementDays(em, [day]);
    }, { loggerContext: BACKGROUND });
    n++;
    onDay?.(day);
  }
  return n;
}

/** The UTC days the source data spans: [first day with an order or stock movement, today + 1). */
export async function dataRange(em: EntityManager): Promise<{ from: Day; to: Day } | null> {
  const [r] = await sql<{ first: string | null }>(em,
    `select to_char(least((select min(placed_at) from "order"), (select min(at) from stock_movement)) at time zone 'UTC', 'YYYY-MM-DD') as first`);
  if (!r?.first) return null;
  return { from: r.first, to: addDays(dayOf(new Date()), 1) };
}

/** Rebuilds everything when the rollups are empty but there is data (after the migration that added them). */
export async function rebuildIfEmpty(root: EntityManager): Promise<number> {
  const em = root.fork({ loggerContext: BACKGROUND });
  const [r] = await sql<{ empty: boolean }>(em,
    `select not exists (select 1 from analytics_sales_daily) and not exists (select 1 from analytics_stock_movement_daily) as empty`);
  if (!r.empty) return 0;
  const range = await dataRange(em);
  return range ? rebuildRange(root, range.from, range.to) : 0;
}
