/**
 * Helpers for the order e2e tests: drive an order into any status through the public API,
 * run each order action with a canned valid input, and snapshot what the database holds for
 * an order so a refused action can be shown to have changed nothing.
 */
import { createCatalog, mutate, OrderPayload, placeOrder } from './builders';
import type { GqlResponse, TestServer } from './harness';

/** One channel (EUR), one warehouse, two products with plenty of stock. */
export async function standardCatalog(t: TestServer) {
  await createCatalog(t, {
    channels: [{ code: 'WEB', currency: 'EUR' }],
    warehouses: [{ code: 'WH1', priority: 1 }],
    products: [
      { sku: 'SKU-1', price: 1250 },
      { sku: 'SKU-2', price: 499 },
    ],
    stock: { 'SKU-1': { WH1: 1000 }, 'SKU-2': { WH1: 1000 } },
  });
}

export type Status =
  'PENDING' | 'ON_HOLD' | 'CONFIRMED' | 'PARTIALLY_SHIPPED' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED' | 'RETURNED';

/** Where to drive an order; ON_HOLD can be reached from three statuses and behaves per origin. */
export type Target =
  Exclude<Status, 'ON_HOLD'> | 'ON_HOLD from PENDING' | 'ON_HOLD from CONFIRMED' | 'ON_HOLD from PARTIALLY_SHIPPED';

export interface DrivenOrder {
  id: string;
  number: string;
  /** Shipment ids, oldest first. */
  shipmentIds: string[];
}

export const ACTIONS = [
  'confirmOrder',
  'holdOrder',
  'releaseOrderHold',
  'cancelOrder',
  'createShipment',
  'markShipmentDelivered',
  'createReturn',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Fails the test with the server's words if a setup step was refused. */
function ok(step: string, r: OrderPayload) {
  if (r.userErrors.length || !r.order) throw new Error(`${step} was refused: ${JSON.stringify(r.userErrors)}`);
  return r.order;
}

const byId = (t: TestServer, name: string, id: string) => mutate(t, name, 'id: $id', { id }, '$id: ID!');

export const confirmOrder = (t: TestServer, id: string) => byId(t, 'confirmOrder', id);
export const releaseOrderHold = (t: TestServer, id: string) => byId(t, 'releaseOrderHold', id);
export const holdOrder = (t: TestServer, id: string, reason = 'fraud review') =>
  mutate(t, 'holdOrder', 'id: $id, reason: $r', { id, r: reason }, '$id: ID!, $r: String!');
export const cancelOrder = (t: TestServer, id: string, reason = 'customer asked') =>
  mutate(t, 'cancelOrder', 'id: $id, reason: $r', { id, r: reason }, '$id: ID!, $r: String');
export const createShipment = (t: TestServer, orderId: string, quantity: number, sku = 'SKU-1') =>
  mutate(
    t,
    'createShipment',
    'input: $i',
    {
      i: {
        orderId,
        warehouseCode: 'WH1',
        carrier: 'DHL',
        trackingNumber: `TRK-${Math.random().toString(36).slice(2, 10)}`,
        lines: [{ sku, quantity }],
      },
    },
    '$i: CreateShipmentInput!',
  );
export const markShipmentDelivered = (t: TestServer, shipmentId: string) =>
  mutate(t, 'markShipmentDelivered', 'shipmentId: $id', { id: shipmentId }, '$id: ID!');
export const createReturn = (t: TestServer, orderId: string, quantity: number, sku = 'SKU-1') =>
  mutate(
    t,
    'createReturn',
    'input: $i',
    { i: { orderId, lines: [{ sku, quantity }], reason: 'did not fit', restock: true } },
    '$i: CreateReturnInput!',
  );
export const recordPayment = (t: TestServer, input: Record<string, unknown>) =>
  mutate(t, 'recordPayment', 'input: $i', { i: input }, '$i: RecordPaymentInput!');
export const refundPayment = (t: TestServer, input: Record<string, unknown>) =>
  mutate(t, 'refundPayment', 'input: $i', { i: input }, '$i: RefundPaymentInput!');

/**
 * Places an order for 2 x SKU-1 (so it can be shipped in part) and drives it into `target`
 * through the public API only; `afterPlacing` runs first (e.g. to record a payment while one is taken).
 */
export async function driveTo(
  t: TestServer,
  target: Target,
  afterPlacing?: (o: DrivenOrder) => Promise<void>,
): Promise<DrivenOrder> {
  const placed = ok('placeOrder', await placeOrder(t, { lines: [{ sku: 'SKU-1', quantity: 2 }] }));
  const o: DrivenOrder = { id: placed.id, number: placed.number, shipmentIds: [] };
  await afterPlacing?.(o);
  const ship = async (qty: number) => {
    const order = ok('createShipment', await createShipment(t, o.id, qty));
    o.shipmentIds = order.shipments.map((s) => s.id);
  };
  switch (target) {
    case 'PENDING':
      break;
    case 'ON_HOLD from PENDING':
      ok('holdOrder', await holdOrder(t, o.id));
      break;
    case 'CONFIRMED':
      ok('confirmOrder', await confirmOrder(t, o.id));
      break;
    case 'ON_HOLD from CONFIRMED':
      ok('confirmOrder', await confirmOrder(t, o.id));
      ok('holdOrder', await holdOrder(t, o.id));
      break;
    case 'PARTIALLY_SHIPPED':
      ok('confirmOrder', await confirmOrder(t, o.id));
      await ship(1);
      break;
    case 'ON_HOLD from PARTIALLY_SHIPPED':
      ok('confirmOrder', await confirmOrder(t, o.id));
      await ship(1);
      ok('holdOrder', await holdOrder(t, o.id));
      break;
    case 'SHIPPED':
      ok('confirmOrder', await confirmOrder(t, o.id));
      await ship(2);
      break;
    case 'DELIVERED':
      ok('confirmOrder', await confirmOrder(t, o.id));
      await ship(2);
      ok('markShipmentDelivered', await markShipmentDelivered(t, o.shipmentIds[0]));
      break;
    case 'CANCELLED':
      ok('cancelOrder', await cancelOrder(t, o.id));
      break;
    case 'RETURNED':
      ok('confirmOrder', await confirmOrder(t, o.id));
      await ship(2);
      ok('markShipmentDelivered', await markShipmentDelivered(t, o.shipmentIds[0]));
      ok('createReturn', await createReturn(t, o.id, 2));
      break;
  }
  const [row] = await t.sql('select status from "order" where id = $1', [o.id]);
  const expected = target.startsWith('ON_HOLD') ? 'ON_HOLD' : target;
  if (row.status !== expected) throw new Error(`driveTo(${target}) left the order ${row.status}`);
  return o;
}

/**
 * Runs one action against the order with an input that would be valid if the status allowed
 * it: one unit of SKU-1 (from WH1) to ship or return, the order's first shipment to deliver.
 */
export function runAction(t: TestServer, action: Action, o: DrivenOrder, quantity = 1) {
  switch (action) {
    case 'confirmOrder':
      return confirmOrder(t, o.id);
    case 'holdOrder':
      return holdOrder(t, o.id, 'second look');
    case 'releaseOrderHold':
      return releaseOrderHold(t, o.id);
    case 'cancelOrder':
      return cancelOrder(t, o.id, 'changed mind');
    case 'createShipment':
      return createShipment(t, o.id, quantity);
    case 'markShipmentDelivered':
      return markShipmentDelivered(t, o.shipmentIds[0]);
    case 'createReturn':
      return createReturn(t, o.id, quantity);
  }
}

/** Everything the database holds about an order (and the stock it touches), for before/after comparison. */
export async function orderSnapshot(t: TestServer, id: string) {
  const [order] = await t.sql(
    `select status, status_before_hold, hold_reason, cancel_reason, payment_status,
      paid_amount, refunded_amount, total_amount, updated_at from "order" where id = $1`,
    [id],
  );
  const history = await t.sql(
    'select type, from_status, to_status, message from order_history where order_id = $1 order by seq',
    [id],
  );
  const lines = await t.sql(
    'select sku, quantity, quantity_shipped, quantity_returned from order_line where order_id = $1 order by line_no',
    [id],
  );
  const allocations = await t.sql(
    `select a.quantity, a.quantity_shipped, a.quantity_returned from stock_allocation a
      join order_line l on l.id = a.order_line_id where l.order_id = $1 order by a.id`,
    [id],
  );
  const shipments = await t.sql(
    'select id, status, delivered_at from shipment where order_id = $1 order by shipped_at, id',
    [id],
  );
  const [counts] = await t.sql(
    `select
      (select count(*)::int from order_return where order_id = $1) as returns,
      (select count(*)::int from stock_movement where order_id = $1) as movements,
      (select count(*)::int from payment where order_id = $1) as payments,
      (select count(*)::int from refund where order_id = $1) as refunds`,
    [id],
  );
  const stock = await t.sql(`select p.sku, w.code, s.on_hand, s.reserved from stock_level s
      join product p on p.id = s.product_id join warehouse w on w.id = s.warehouse_id order by p.sku, w.code`);
  return { order, history, lines, allocations, shipments, counts, stock };
}

/** Row counts of the given tables. */
export async function countRows(t: TestServer, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of tables) {
    const [{ n }] = await t.sql(`select count(*)::int as n from "${table}"`);
    out[table] = n;
  }
  return out;
}

/** Every table a placed order writes to (plus customer, which placeOrder upserts). */
export const ORDER_TABLES = [
  'order',
  'order_line',
  'order_history',
  'stock_allocation',
  'customer',
  'payment',
  'refund',
  'shipment',
  'stock_movement',
];

/** Sum of reserved units over all stock rows. */
export async function totalReserved(t: TestServer): Promise<number> {
  const [{ n }] = await t.sql('select coalesce(sum(reserved), 0)::int as n from stock_level');
  return n;
}

/** No stack trace, file position or SQL in anything the client was sent. */
export function expectNoInternals(body: unknown) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  expect(text).not.toMatch(/stacktrace/i);
  expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/);
  expect(text).not.toMatch(/\n\s+at /);
  expect(text).not.toMatch(/\\n\s+at /);
  expect(text).not.toMatch(/node_modules/);
  expect(text).not.toMatch(/insert into|delete from|select .+ from "|update "|relation "|violates/i);
}

/** The only error of a GraphQL response, with no stack trace attached. */
export function onlyError(res: GqlResponse) {
  expectNoInternals(res.body);
  expect(res.body.errors).toHaveLength(1);
  return res.body.errors![0];
}

/** The base URL of the server (t.url without /graphql). */
export const baseUrl = (t: TestServer) => t.url.replace(/\/graphql$/, '');
