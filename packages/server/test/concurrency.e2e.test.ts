/**
 * Races of real concurrent HTTP requests against one server: many clients for the last units
 * never oversell, split orders and orders naming the same SKUs in different orders neither
 * oversell nor deadlock, stock adjustments racing orders never leave on hand below reserved,
 * and concurrent retries of one (channelCode, externalId) make one order.
 */
import { createCatalog, placeOrder } from './builders';
import { GqlResponse, startTestServer, TestServer } from './harness';
import type { OrderPayload } from './builders';
import type { AdjustStockData } from './stock-helpers';
import {
  adjustStockRaw,
  allocationsOf,
  broken,
  confirmOrder,
  movementsOf,
  placeOrderRaw,
  ship,
  stockInvariantViolations,
  stockOf,
} from './stock-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await createCatalog(t, {
    channels: [
      { code: 'WEB', currency: 'EUR' },
      { code: 'SHOP', currency: 'EUR' },
    ],
    warehouses: [
      { code: 'NORTH', priority: 2 },
      { code: 'SOUTH', priority: 1 },
    ],
  });
});
afterEach(async () => {
  expect(await stockInvariantViolations(t)).toEqual([]);
});
afterAll(() => t?.stop());

const payloads = (responses: GqlResponse<{ placeOrder: OrderPayload }>[]) =>
  responses.map((r) => r.body.data!.placeOrder);
const sumAllocated = async (sku: string) => (await allocationsOf(t, { sku })).reduce((s, a) => s + a.quantity, 0);
const ordersOf = async (sku: string) =>
  (await t.sql(`select count(distinct order_id)::int as n from order_line where sku = $1`, [sku]))[0].n as number;

test('30 clients racing for the last 10 units: exactly 10 orders are placed, 20 are refused, nothing is oversold', async () => {
  await createCatalog(t, { products: [{ sku: 'LAST-10' }], stock: { 'LAST-10': { SOUTH: 10 } } });
  const responses = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      placeOrderRaw(t, { customer: { email: `racer${i}@example.com` }, lines: [{ sku: 'LAST-10', quantity: 1 }] }),
    ),
  );
  expect(broken(responses)).toEqual([]);
  const results = payloads(responses);
  const placed = results.filter((r) => r.order);
  const refused = results.filter((r) => !r.order);
  expect(placed).toHaveLength(10);
  expect(refused).toHaveLength(20);
  for (const r of placed) expect(r.userErrors).toEqual([]);
  for (const r of refused) {
    expect(r.userErrors).toEqual([
      {
        code: 'INSUFFICIENT_STOCK',
        field: ['input', 'lines', '0', 'quantity'],
        message: 'Not enough stock for LAST-10: 1 ordered, 0 available',
      },
    ]);
  }
  expect(new Set(placed.map((r) => r.order.number)).size).toBe(10);

  expect(await stockOf(t, 'LAST-10')).toEqual({ SOUTH: { onHand: 10, reserved: 10 } });
  expect(await sumAllocated('LAST-10')).toBe(10);
  expect(await ordersOf('LAST-10')).toBe(10);
  // Refused racers left no customer behind; the placed ones did.
  const [{ n }] = await t.sql(`select count(*)::int as n from customer where email like 'racer%@example.com'`);
  expect(n).toBe(10);
});

test('split orders racing across two warehouses reserve exactly what both hold between them', async () => {
  // 5 + 5 units, orders of 3: exactly three fit (SOUTH whole, NORTH whole, then 2 + 1 split), the rest are refused.
  await createCatalog(t, { products: [{ sku: 'SPLIT-3' }], stock: { 'SPLIT-3': { SOUTH: 5, NORTH: 5 } } });
  const responses = await Promise.all(
    Array.from({ length: 12 }, () => placeOrderRaw(t, { lines: [{ sku: 'SPLIT-3', quantity: 3 }] })),
  );
  expect(broken(responses)).toEqual([]);
  const results = payloads(responses);
  const placed = results.filter((r) => r.order);
  expect(placed).toHaveLength(3);
  expect(results.filter((r) => r.userErrors[0]?.code === 'INSUFFICIENT_STOCK')).toHaveLength(9);
  const shapes = placed
    .map((r) =>
      r.order.lines[0].allocations
        .map((a) => `${a.warehouse.code}:${a.quantity}`)
        .sort()
        .join(','),
    )
    .sort();
  expect(shapes).toEqual(['NORTH:1,SOUTH:2', 'NORTH:3', 'SOUTH:3']);
  expect(await stockOf(t, 'SPLIT-3')).toEqual({ NORTH: { onHand: 5, reserved: 4 }, SOUTH: { onHand: 5, reserved: 5 } });
  expect(await sumAllocated('SPLIT-3')).toBe(9);
  expect(await ordersOf('SPLIT-3')).toBe(3);
});

test('orders naming the same two SKUs in opposite line order race without deadlock or overselling', async () => {
  await createCatalog(t, {
    products: [{ sku: 'DUO-X' }, { sku: 'DUO-Y' }],
    stock: { 'DUO-X': { SOUTH: 5, NORTH: 5 }, 'DUO-Y': { SOUTH: 5, NORTH: 5 } },
  });
  const responses = await Promise.all(
    Array.from({ length: 24 }, (_, i) =>
      placeOrderRaw(t, {
        lines:
          i % 2
            ? [
                { sku: 'DUO-X', quantity: 1 },
                { sku: 'DUO-Y', quantity: 1 },
              ]
            : [
                { sku: 'DUO-Y', quantity: 1 },
                { sku: 'DUO-X', quantity: 1 },
              ],
      }),
    ),
  );
  expect(broken(responses)).toEqual([]);
  const results = payloads(responses);
  expect(results.filter((r) => r.order)).toHaveLength(10);
  expect(results.filter((r) => r.userErrors[0]?.code === 'INSUFFICIENT_STOCK')).toHaveLength(14);
  // SOUTH fills the first five whole, NORTH the next five.
  expect(await stockOf(t, 'DUO-X')).toEqual({ NORTH: { onHand: 5, reserved: 5 }, SOUTH: { onHand: 5, reserved: 5 } });
  expect(await stockOf(t, 'DUO-Y')).toEqual({ NORTH: { onHand: 5, reserved: 5 }, SOUTH: { onHand: 5, reserved: 5 } });
  expect(await sumAllocated('DUO-X')).toBe(10);
  expect(await sumAllocated('DUO-Y')).toBe(10);
  expect(await ordersOf('DUO-X')).toBe(10);
});

test('stock write-offs racing orders for the same units never leave on hand below reserved', async () => {
  await createCatalog(t, { products: [{ sku: 'ADJ-RACE' }], stock: { 'ADJ-RACE': { SOUTH: 10 } } });
  const requests = Array.from({ length: 24 }, (_, i) =>
    i % 2
      ? placeOrderRaw(t, { lines: [{ sku: 'ADJ-RACE', quantity: 1 }] }).then((r) => ({ kind: 'order', r }))
      : adjustStockRaw(t, 'ADJ-RACE', 'SOUTH', -1, 'write-off').then((r) => ({ kind: 'adjust', r })),
  );
  const outcomes = await Promise.all(requests);
  expect(broken(outcomes.map((o) => o.r))).toEqual([]);
  const orders = outcomes
    .filter((o) => o.kind === 'order')
    .map((o) => (o.r as GqlResponse<{ placeOrder: OrderPayload }>).body.data!.placeOrder);
  const adjusts = outcomes
    .filter((o) => o.kind === 'adjust')
    .map((o) => (o.r as GqlResponse<AdjustStockData>).body.data!.adjustStock);
  const ordersOk = orders.filter((p) => p.order).length;
  const adjustsOk = adjusts.filter((a) => a.stockLevel).length;
  // Every success used up one of the 10 available units; every failure was refused for stock.
  expect(ordersOk + adjustsOk).toBe(10);
  for (const p of orders.filter((x) => !x.order))
    expect(p.userErrors.map((e) => e.code)).toEqual(['INSUFFICIENT_STOCK']);
  for (const a of adjusts.filter((x) => !x.stockLevel)) {
    expect(a.userErrors.map((e) => [e.code, e.field])).toEqual([['INSUFFICIENT_STOCK', ['input', 'delta']]]);
  }
  expect(await stockOf(t, 'ADJ-RACE')).toEqual({ SOUTH: { onHand: 10 - adjustsOk, reserved: ordersOk } });
  expect(await sumAllocated('ADJ-RACE')).toBe(ordersOk);
  const movements = await movementsOf(t, 'ADJ-RACE');
  expect(movements.filter((m) => m.delta === -1)).toHaveLength(adjustsOk);
  expect(movements.map((m) => m.kind)).toEqual(Array(adjustsOk + 1).fill('ADJUSTMENT'));
});

test('ten identical placeOrder retries sent at once make one order, reserve once, and all answer with it', async () => {
  await createCatalog(t, { products: [{ sku: 'IDEM-1' }], stock: { 'IDEM-1': { SOUTH: 10 } } });
  const responses = await Promise.all(
    Array.from({ length: 10 }, () =>
      placeOrderRaw(t, { externalId: 'RACE-EXT-1', lines: [{ sku: 'IDEM-1', quantity: 3 }] }),
    ),
  );
  expect(broken(responses)).toEqual([]);
  const results = payloads(responses);
  for (const r of results) expect(r.userErrors).toEqual([]);
  const ids = new Set(results.map((r) => r.order.id));
  const numbers = new Set(results.map((r) => r.order.number));
  expect(ids.size).toBe(1);
  expect(numbers.size).toBe(1);
  const [{ id, number }] = await t.sql(`select id, number from "order" where external_id = 'RACE-EXT-1'`);
  expect(results[0].order).toMatchObject({ id, number });
  expect(await t.sql(`select count(*)::int as n from "order" where external_id = 'RACE-EXT-1'`)).toEqual([{ n: 1 }]);
  expect(await ordersOf('IDEM-1')).toBe(1);
  expect(await stockOf(t, 'IDEM-1')).toEqual({ SOUTH: { onHand: 10, reserved: 3 } });
  expect(await sumAllocated('IDEM-1')).toBe(3);
  expect(await t.sql(`select count(*)::int as n from order_history where order_id = $1`, [id])).toEqual([{ n: 1 }]);
});

test('concurrent retries of one externalId in two channels make exactly one order per channel', async () => {
  await createCatalog(t, { products: [{ sku: 'IDEM-2' }], stock: { 'IDEM-2': { SOUTH: 10 } } });
  const responses = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      placeOrderRaw(t, {
        channelCode: i % 2 ? 'SHOP' : 'WEB',
        externalId: 'SAME-EXT',
        lines: [{ sku: 'IDEM-2', quantity: 2 }],
      }),
    ),
  );
  expect(broken(responses)).toEqual([]);
  const results = payloads(responses);
  for (const r of results) expect(r.userErrors).toEqual([]);
  const byChannel = (code: string) =>
    new Set(results.filter((r) => r.order.channel.code === code).map((r) => r.order.id));
  expect(byChannel('WEB').size).toBe(1);
  expect(byChannel('SHOP').size).toBe(1);
  expect([...byChannel('WEB')][0]).not.toBe([...byChannel('SHOP')][0]);
  expect(
    await t.sql(`select c.code, count(*)::int as n from "order" o join channel c on c.id = o.channel_id
    where o.external_id = 'SAME-EXT' group by c.code order by c.code`),
  ).toEqual([
    { code: 'SHOP', n: 1 },
    { code: 'WEB', n: 1 },
  ]);
  expect(await stockOf(t, 'IDEM-2')).toEqual({ SOUTH: { onHand: 10, reserved: 4 } });
});

test('concurrent shipments of one order never ship more than was ordered', async () => {
  await createCatalog(t, { products: [{ sku: 'SHIP-RACE' }], stock: { 'SHIP-RACE': { SOUTH: 10 } } });
  const { order } = await placeOrder(t, { lines: [{ sku: 'SHIP-RACE', quantity: 4 }] });
  expect((await confirmOrder(t, order.id)).userErrors).toEqual([]);
  const results = await Promise.all(
    Array.from({ length: 6 }, () => ship(t, order.id, 'SOUTH', [{ sku: 'SHIP-RACE', quantity: 2 }])),
  );
  const ok = results.filter((r) => r.order);
  expect(ok).toHaveLength(2);
  // Shipments of one order are serialised: the first two ship everything, the rest find the order SHIPPED.
  for (const r of results.filter((x) => !x.order)) {
    expect(r.userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID_TRANSITION', ['input', 'orderId']]]);
  }
  expect(await t.sql(`select status from "order" where id = $1`, [order.id])).toEqual([{ status: 'SHIPPED' }]);
  expect(await t.sql(`select quantity_shipped from order_line where order_id = $1`, [order.id])).toEqual([
    { quantity_shipped: 4 },
  ]);
  expect(await stockOf(t, 'SHIP-RACE')).toEqual({ SOUTH: { onHand: 6, reserved: 0 } });
  expect(await t.sql(`select count(*)::int as n from shipment where order_id = $1`, [order.id])).toEqual([{ n: 2 }]);
});
