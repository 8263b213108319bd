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
 * Every figure except stock movements is filed under the day (store time zone, OMS_TIME_ZONE) its order was placed: a refund
 * or a shipment a week later changes the placing day's row (cohort figures).
 */
import { dayIn } from '../../common/time-zone';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BACKGROUND } from '../../common/context';
import { sql } from '../../common/sql';
import {
  compactOrderSales,
  firstDataDay,
  jitOff,
  lockDay,
  markDirtyDays,
  placingDays,
  rebuildMovementDaysStatements,
  rebuildOrderDaysStatements,
  rollupsEmpty,
  Statement,
  takeDirtyDays,
} from './analytics.sql';

/** Runs one statement of analytics.sql.ts in the transaction of `em`. */
const run = <T = Record<string, unknown>>(em: EntityManager, s: Statement) => sql<T>(em, s.text, s.values);
import type { DomainEvent } from '../events/domain-event.entity';

const ORDER_DAYS_LOCK = 7212;
const MOVEMENT_DAYS_LOCK = 7213;
const EPOCH = Date.UTC(2000, 0, 1);
const DAY_MS = 86_400_000;

/** A calendar day of the store time zone as 'YYYY-MM-DD' (arithmetic on it is plain calendar arithmetic). */
export type Day = string;
export const dayOf = (d: Date): Day => dayIn(d);
export const addDays = (day: Day, n: number): Day => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
export const daysBetween = (from: Day, to: Day): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
const lockKey = (day: Day) => Math.round((Date.parse(`${day}T00:00:00Z`) - EPOCH) / DAY_MS);

/**
 * Each statement touches a day's rows through indexes; PostgreSQL's cost estimate on a big
 * database still triggers JIT compilation, which costs far more (~0.7 s) than the work itself.
 */
async function noJit(em: EntityManager) {
  await run(em, jitOff());
}

async function lockDays(em: EntityManager, namespace: number, days: Day[]) {
  // In ascending order, order days before movement days: every writer takes locks in one global order.
  for (const day of [...days].sort()) await run(em, lockDay(namespace, lockKey(day)));
}

/** Recomputes the order-cohort rollups of `days` inside the caller's transaction. */
export async function rebuildOrderDays(em: EntityManager, days: Day[]): Promise<void> {
  if (!days.length) return;
  await noJit(em);
  await lockDays(em, ORDER_DAYS_LOCK, days);
  for (const statement of rebuildOrderDaysStatements(days)) await run(em, statement);
}

/** Recomputes the stock-movement rollup of `days` inside the caller's transaction. */
export async function rebuildMovementDays(em: EntityManager, days: Day[]): Promise<void> {
  if (!days.length) return;
  await noJit(em);
  await lockDays(em, MOVEMENT_DAYS_LOCK, days);
  for (const statement of rebuildMovementDaysStatements(days)) await run(em, statement);
}

/**
 * The days a batch of events touches: the placing day of each order the events are about, and
 * the days the events happened on for stock movements (shipments, returns, adjustments).
 */
export async function daysTouched(
  em: EntityManager,
  events: DomainEvent[],
): Promise<{ orderDays: Day[]; movementDays: Day[] }> {
  const orderIds = [...new Set(events.filter((e) => e.aggregateType === 'order').map((e) => e.aggregateId))];
  const orderDays = orderIds.length ? (await run<{ day: string }>(em, placingDays(orderIds))).map((r) => r.day) : [];
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
  await run(
    em,
    markDirtyDays(
      rows.map((r) => r[0]),
      rows.map((r) => r[1]),
    ),
  );
}

/**
 * Recomputes the days marked dirty and clears their marks, in the caller's transaction (a failure
 * rolls the clearing back, so the days stay marked for the next try). Returns how many days.
 */
export async function refreshDirty(em: EntityManager): Promise<number> {
  const rows = await run<{ day: string; kind: string }>(em, takeDirtyDays());
  await rebuildOrderDays(
    em,
    rows.filter((r) => r.kind === 'orders').map((r) => r.day),
  );
  await rebuildMovementDays(
    em,
    rows.filter((r) => r.kind === 'movements').map((r) => r.day),
  );
  return rows.length;
}

/**
 * Recomputes every day in [from, to) (store days), oldest first, one transaction per day (each in
 * a fork of `root`, outside any transaction of the caller).
 * Returns how many days were rebuilt. Safe to run while the server takes orders.
 */
export async function rebuildRange(
  root: EntityManager,
  from: Day,
  to: Day,
  onDay?: (day: Day) => void,
): Promise<number> {
  let n = 0;
  for (let day = from; day < to; day = addDays(day, 1)) {
    await root.fork({ loggerContext: BACKGROUND }).transactional(
      async (em) => {
        await rebuildOrderDays(em, [day]);
        await rebuildMovementDays(em, [day]);
      },
      { loggerContext: BACKGROUND },
    );
    n++;
    onDay?.(day);
  }
  return n;
}

/** The store days the source data spans: [first day with an order or stock movement, today + 1). */
export async function dataRange(em: EntityManager): Promise<{ from: Day; to: Day } | null> {
  const [r] = await run<{ first: string | null }>(em, firstDataDay());
  if (!r?.first) return null;
  return { from: r.first, to: addDays(dayOf(new Date()), 1) };
}

/**
 * Folds the dashboard's sales deltas (order_sales_daily) into one row per day and channel, in the
 * caller's transaction: the refresh job runs it with every refresh (at least once a minute), so
 * a year of salesByChannel sums about one row per channel and day.
 */
export async function compactSales(em: EntityManager): Promise<void> {
  await run(em, compactOrderSales());
}

/** Rebuilds everything when the rollups are empty but there is data (after the migration that added them). */
export async function rebuildIfEmpty(root: EntityManager): Promise<number> {
  const em = root.fork({ loggerContext: BACKGROUND });
  const [r] = await run<{ empty: boolean }>(em, rollupsEmpty());
  if (!r.empty) return 0;
  const range = await dataRange(em);
  return range ? rebuildRange(root, range.from, range.to) : 0;
}

/**
 * Marks every day with data (one either side, since a change of time zone moves orders across
 * day boundaries) for the refresh job, both kinds of rollup: after the store time zone changed.
 */
export async function markAllAnalyticsDays(em: EntityManager): Promise<number> {
  const range = await dataRange(em);
  if (!range) return 0;
  const days: Day[] = [];
  for (let day = addDays(range.from, -1); day <= addDays(range.to, 1); day = addDays(day, 1)) days.push(day);
  await run(em, markDirtyDays([...days, ...days], [...days.map(() => 'orders'), ...days.map(() => 'movements')]));
  return days.length;
}
