/**
 * Dashboard figures: orders per status, sales per channel in a period and late orders, each
 * computed by one aggregate SQL statement however many orders there are.
 */
import { createCatalog, placeOrder } from './builders';
import { startTestServer, TestServer } from './harness';
import { operation, Query, Select } from './support/select';
import { cancelOrder, confirmOrder, createShipment } from './order-helpers';

let t: TestServer;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestServer();
  await createCatalog(t, {
    channels: [{ code: 'WEB', name: 'Web shop', currency: 'EUR' }, { code: 'B2B', name: 'Wholesale', currency: 'EUR' }, { code: 'UK', name: 'UK shop', currency: 'GBP' }],
    warehouses: [{ code: 'WH1', priority: 1 }],
    products: [{ sku: 'SKU-1', price: 1000 }],
    stock: { 'SKU-1': { WH1: 100 } },
  });
  ids.pending = (await placeOrder(t, { lines: [{ sku: 'SKU-1', quantity: 1 }] })).order.id; // 10.00
  ids.confirmed = (await placeOrder(t, { lines: [{ sku: 'SKU-1', quantity: 2 }] })).order.id; // 20.00
  ids.partly = (await placeOrder(t, { lines: [{ sku: 'SKU-1', quantity: 3 }] })).order.id; // 30.00
  ids.cancelled = (await placeOrder(t, { lines: [{ sku: 'SKU-1', quantity: 4 }] })).order.id; // 40.00, not counted
  ids.uk = (await placeOrder(t, { channelCode: 'UK', lines: [{ sku: 'SKU-1', quantity: 1, unitPrice: 900 }] })).order.id;
  await confirmOrder(t, ids.confirmed);
  await confirmOrder(t, ids.partly);
  await createShipment(t, ids.partly, 1);
  await cancelOrder(t, ids.cancelled);
});
afterAll(() => t?.stop());

const COUNTS = operation<Select<Query, { orderStatusCounts: { status: true; count: true } }>>('{ orderStatusCounts { status count } }');
const SALES = operation<Select<Query, { salesByChannel: { channelCode: true; channelName: true; orders: true; revenue: { amount: true; currency: true } } }>>(
  'query($from: DateTime!, $to: DateTime) { salesByChannel(from: $from, to: $to) { channelCode channelName orders revenue { amount currency } } }');
const LATE = operation<Select<Query, { lateOrders: { totalCount: true; nodes: { id: true; number: true; status: true; channelCode: true; confirmedAt: true } } }>>(
  'query($h: Int!, $first: Int) { lateOrders(olderThanHours: $h, first: $first) { totalCount nodes { id number status channelCode confirmedAt } } }');
const orderStatements = (statements: string[]) => statements.filter((s) => /from "order"|join "order"/.test(s));

test('orders per status lists every status, zero included', async () => {
  const r = await t.q(COUNTS);
  expect(Object.fromEntries(r.orderStatusCounts.map((c) => [c.status, c.count]))).toEqual({
    PENDING: 2, ON_HOLD: 0, CONFIRMED: 1, PARTIALLY_SHIPPED: 1, SHIPPED: 0, DELIVERED: 0, CANCELLED: 1, RETURNED: 0,
  });
});

test('sales per channel count orders placed in the period and their totals in the channel currency, cancelled orders excluded', async () => {
  const hourAgo = new Date(Date.now() - 3600_000).toISOString();
  const r = await t.q(SALES, { from: hourAgo });
  expect(r.salesByChannel).toEqual([
    { channelCode: 'B2B', channelName: 'Wholesale', orders: 0, revenue: { amount: 0, currency: 'EUR' } },
    { channelCode: 'UK', channelName: 'UK shop', orders: 1, revenue: { amount: 900, currency: 'GBP' } },
    { channelCode: 'WEB', channelName: 'Web shop', orders: 3, revenue: { amount: 6000, currency: 'EUR' } },
  ]);
  // An order placed before the period is not counted; `to` bounds the period too.
  await t.sql(`update "order" set placed_at = now() - interval '3 days' where id = $1`, [ids.pending]);
  const later = await t.q(SALES, { from: hourAgo });
  expect(later.salesByChannel.find((c) => c.channelCode === 'WEB')).toMatchObject({ orders: 2, revenue: { amount: 5000 } });
  const before = await t.q(SALES, { from: new Date(Date.now() - 5 * 86400_000).toISOString(), to: hourAgo });
  expect(before.salesByChannel.find((c) => c.channelCode === 'WEB')).toMatchObject({ orders: 1, revenue: { amount: 1000 } });
});

test('late orders are those confirmed longer ago than the given hours and not fully shipped, longest-waiting first', async () => {
  expect((await t.q(LATE, { h: 24 })).lateOrders).toEqual({ totalCount: 0, nodes: [] });
  await t.sql(`update order_history set at = now() - interval '30 hours' where order_id = $1 and to_status = 'CONFIRMED'`, [ids.confirmed]);
  await t.sql(`update order_history set at = now() - interval '50 hours' where order_id = $1 and to_status = 'CONFIRMED'`, [ids.partly]);
  const late = (await t.q(LATE, { h: 24 })).lateOrders;
  expect(late.totalCount).toBe(2);
  expect(late.nodes.map((n) => [n.id, n.status, n.channelCode])).toEqual([[ids.partly, 'PARTIALLY_SHIPPED', 'WEB'], [ids.confirmed, 'CONFIRMED', 'WEB']]);
  expect((await t.q(LATE, { h: 40 })).lateOrders.nodes.map((n) => n.id)).toEqual([ids.partly]);
  expect((await t.q(LATE, { h: 24, first: 1 })).lateOrders).toMatchObject({ totalCount: 2, nodes: [{ id: ids.partly }] });
});

test('each figure is one SQL statement over the orders, however many there are', async () => {
  for (const [query, variables] of [[COUNTS, {}], [SALES, { from: new Date(0).toISOString() }], [LATE, { h: 1 }]] as const) {
    const { statements } = await t.countQueries(() => t.q(query, variables));
    expect(orderStatements(statements)).toHaveLength(1);
  }
});

test('out-of-range arguments are refused as bad input', async () => {
  for (const [query, variables] of [[LATE, { h: 0 }], [LATE, { h: 24, first: 500 }], [SALES, { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }]] as const) {
    const res = await t.gql(query, variables);
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  }
});
