/**
 * Helpers for the stock e2e tests (sourcing, concurrency, fulfilment): mutations through the
 * public GraphQL API and direct reads of stock, allocations and the movement ledger from the
 * database, so that tests can assert what was actually written.
 */
import { mutate, orderInput, OrderPayload, PLACE_ORDER } from './builders';
import type { GqlResponse, TestServer } from './harness';
import { Mutation, operation, Select } from './support/select';

export type Lines = { sku: string; quantity: number }[];

export const confirmOrder = (t: TestServer, id: string) => mutate(t, 'confirmOrder', 'id: $id', { id }, '$id: ID!');

export const cancelOrder = (t: TestServer, id: string, reason?: string) =>
  mutate(t, 'cancelOrder', 'id: $id, reason: $r', { id, r: reason ?? null }, '$id: ID!, $r: String');

export const holdOrder = (t: TestServer, id: string, reason: string) =>
  mutate(t, 'holdOrder', 'id: $id, reason: $r', { id, r: reason }, '$id: ID!, $r: String!');

export const ship = (
  t: TestServer,
  orderId: string,
  warehouseCode: string,
  lines: Lines,
  extra: { carrier?: string; trackingNumber?: string } = {},
) =>
  mutate(
    t,
    'createShipment',
    'input: $i',
    { i: { orderId, warehouseCode, lines, ...extra } },
    '$i: CreateShipmentInput!',
  );

export const returnUnits = (t: TestServer, orderId: string, lines: Lines, restock: boolean, reason?: string) =>
  mutate(t, 'createReturn', 'input: $i', { i: { orderId, lines, restock, reason } }, '$i: CreateReturnInput!');

export type AdjustStockData = Select<
  Mutation,
  {
    adjustStock: {
      stockLevel: { onHand: true; reserved: true; available: true; sku: true; warehouse: { code: true } };
      userErrors: { field: true; code: true; message: true };
    };
  }
>;
export const ADJUST_STOCK = operation<AdjustStockData>(`mutation($i: AdjustStockInput!) { adjustStock(input: $i) {
  stockLevel { onHand reserved available sku warehouse { code } } userErrors { field code message } } }`);

/** adjustStock as a raw request (for races): the HTTP response, never throws. */
export const adjustStockRaw = (t: TestServer, sku: string, warehouseCode: string, delta: number, reason = 'test') =>
  t.gql(ADJUST_STOCK, { i: { sku, warehouseCode, delta, reason } });

/** placeOrder as a raw request (for races): the HTTP response, never throws. */
export const placeOrderRaw = (t: TestServer, overrides: Record<string, unknown> = {}) =>
  t.gql<{ placeOrder: OrderPayload }>(PLACE_ORDER, { input: orderInput(overrides) });

/** Responses that were not a clean 200 with data (internal errors, timeouts, masked exceptions). */
export const broken = (responses: GqlResponse[]) =>
  responses
    .filter((r) => r.status !== 200 || r.body.errors?.length || !r.body.data)
    .map((r) => ({ status: r.status, body: r.body }));

/** Stock of one SKU from the database, by warehouse code. */
export async function stockOf(
  t: TestServer,
  sku: string,
): Promise<Record<string, { onHand: number; reserved: number }>> {
  const rows = await t.sql<{ code: string; on_hand: number; reserved: number }>(
    `select w.code, s.on_hand, s.reserved from stock_level s
    join product p on p.id = s.product_id join warehouse w on w.id = s.warehouse_id where p.sku = $1 order by w.code`,
    [sku],
  );
  return Object.fromEntries(rows.map((r) => [r.code, { onHand: r.on_hand, reserved: r.reserved }]));
}

export interface AllocationRow {
  sku: string;
  warehouse: string;
  quantity: number;
  shipped: number;
  returned: number;
}

/** Allocation rows of an order (or of every order of a SKU), sorted by SKU then warehouse code. */
export async function allocationsOf(t: TestServer, by: { orderId?: string; sku?: string }): Promise<AllocationRow[]> {
  const rows = await t.sql(
    `select l.sku, w.code as warehouse, a.quantity, a.quantity_shipped as shipped, a.quantity_returned as returned
    from stock_allocation a join order_line l on l.id = a.order_line_id join warehouse w on w.id = a.warehouse_id
    where ($1::uuid is null or l.order_id = $1::uuid) and ($2::text is null or l.sku = $2::text)
    order by l.sku, w.code, a.quantity, a.id`,
    [by.orderId ?? null, by.sku ?? null],
  );
  return rows;
}

/** Allocations as the API returns them, sorted by warehouse code (the API orders them by creation time). */
export const apiAllocations = <A extends { warehouse: { code: string } }>(line: { allocations: A[] }) =>
  [...line.allocations].sort((a, b) => a.warehouse.code.localeCompare(b.warehouse.code));

export interface MovementRow {
  warehouse: string;
  kind: string;
  delta: number;
  orderId: string | null;
  reason: string | null;
  actor: string;
}

/** The stock_movement ledger of one SKU, sorted by warehouse, kind (alphabetically) and delta (rows written in one transaction share a timestamp). */
export async function movementsOf(t: TestServer, sku: string): Promise<MovementRow[]> {
  return t.sql(
    `select w.code as warehouse, m.kind::text as kind, m.delta, m.order_id as "orderId", m.reason, m.actor
    from stock_movement m join product p on p.id = m.product_id join warehouse w on w.id = m.warehouse_id
    where p.sku = $1 order by w.code, m.kind::text, m.delta`,
    [sku],
  );
}

/** How many rows each table of interest holds. */
export async function rowCounts(t: TestServer) {
  const [r] = await t.sql(`select
    (select count(*)::int from "order") as orders,
    (select count(*)::int from order_line) as lines,
    (select count(*)::int from stock_allocation) as allocations,
    (select count(*)::int from order_history) as history,
    (select count(*)::int from customer) as customers,
    (select count(*)::int from stock_level) as "stockLevels",
    (select count(*)::int from stock_movement) as movements,
    (select count(*)::int from shipment) as shipments,
    (select count(*)::int from shipment_line) as "shipmentLines",
    (select count(*)::int from order_return) as returns`);
  return r as Record<string, number>;
}

/** A full picture of the stock-related tables, to prove that a refused mutation changed nothing. */
export async function stockSnapshot(t: TestServer) {
  const levels = await t.sql(
    `select product_id, warehouse_id, on_hand, reserved, updated_at from stock_level order by id`,
  );
  const allocations = await t.sql(
    `select id, quantity, quantity_shipped, quantity_returned from stock_allocation order by id`,
  );
  const lines = await t.sql(`select id, quantity_shipped, quantity_returned from order_line order by id`);
  const orders = await t.sql(`select id, status, updated_at from "order" order by id`);
  const customers = await t.sql(`select id, email, name from customer order by id`);
  return { counts: await rowCounts(t), levels, allocations, lines, orders, customers };
}

/**
 * The stock invariants, checked for every stock row in the database:
 *  - on_hand equals the sum of its stock_movement deltas (every change of on hand is in the ledger);
 *  - reserved equals what allocations still hold there (quantity - quantity_shipped);
 *  - 0 <= reserved <= on_hand.
 * Returns the rows that break one of them (so `expect(...).toEqual([])` shows what is wrong).
 */
export async function stockInvariantViolations(t: TestServer) {
  const rows = await t.sql<{
    sku: string;
    warehouse: string;
    onHand: number;
    reserved: number;
    ledger: number;
    promised: number;
  }>(`select p.sku, w.code as warehouse, s.on_hand as "onHand", s.reserved,
      coalesce((select sum(m.delta) from stock_movement m where m.product_id = s.product_id and m.warehouse_id = s.warehouse_id), 0)::int as ledger,
      coalesce((select sum(a.quantity - a.quantity_shipped) from stock_allocation a join order_line l on l.id = a.order_line_id
                where l.product_id = s.product_id and a.warehouse_id = s.warehouse_id), 0)::int as promised
    from stock_level s join product p on p.id = s.product_id join warehouse w on w.id = s.warehouse_id order by p.sku, w.code`);
  return rows.filter(
    (r) => r.ledger !== r.onHand || r.promised !== r.reserved || r.reserved < 0 || r.reserved > r.onHand,
  );
}
