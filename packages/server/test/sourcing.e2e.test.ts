/**
 * Sourcing at placement: one warehouse that can fill the whole order (lowest priority number
 * first), else a split by priority; refusal with INSUFFICIENT_STOCK that writes nothing;
 * backorder; idempotency on (channelCode, externalId).
 *
 * Warehouse codes sort the opposite way to their priorities, so sourcing by code or by
 * creation order would fail these tests.
 */
import { createCatalog, placeOrder } from './builders';
import { startTestServer, TestServer } from './harness';
import {
  allocationsOf,
  apiAllocations,
  movementsOf,
  rowCounts,
  stockInvariantViolations,
  stockOf,
  stockSnapshot,
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
      { code: 'EAST', priority: 3 },
      { code: 'SOUTH', priority: 1 },
    ],
  });
});
afterEach(async () => {
  expect(await stockInvariantViolations(t)).toEqual([]);
});
afterAll(() => t?.stop());

const alloc = (code: string, quantity: number) => ({
  warehouse: { code },
  quantity,
  quantityShipped: 0,
  quantityReturned: 0,
  quantityReserved: quantity,
});

test('an order that one warehouse can fill whole is reserved there alone, even when a higher-priority warehouse holds part of it', async () => {
  await createCatalog(t, {
    products: [{ sku: 'W-A' }, { sku: 'W-B' }],
    stock: { 'W-A': { SOUTH: 5, NORTH: 5 }, 'W-B': { SOUTH: 1, NORTH: 5, EAST: 9 } },
  });
  const { order, userErrors } = await placeOrder(t, {
    lines: [
      { sku: 'W-A', quantity: 2 },
      { sku: 'W-B', quantity: 2 },
    ],
  });
  expect(userErrors).toEqual([]);
  expect(order.status).toBe('PENDING');
  // SOUTH (priority 1) lacks W-B; NORTH (2) has both, so it wins over EAST (3).
  expect(order.lines.map((l) => [l.sku, l.quantity, l.allocations])).toEqual([
    ['W-A', 2, [alloc('NORTH', 2)]],
    ['W-B', 2, [alloc('NORTH', 2)]],
  ]);
  expect(await allocationsOf(t, { orderId: order.id })).toEqual([
    { sku: 'W-A', warehouse: 'NORTH', quantity: 2, shipped: 0, returned: 0 },
    { sku: 'W-B', warehouse: 'NORTH', quantity: 2, shipped: 0, returned: 0 },
  ]);
  expect(await stockOf(t, 'W-A')).toEqual({ NORTH: { onHand: 5, reserved: 2 }, SOUTH: { onHand: 5, reserved: 0 } });
  expect(await stockOf(t, 'W-B')).toEqual({
    EAST: { onHand: 9, reserved: 0 },
    NORTH: { onHand: 5, reserved: 2 },
    SOUTH: { onHand: 1, reserved: 0 },
  });
});

test('successive orders take the lowest-priority-number warehouse that can fill them, then split once none can', async () => {
  await createCatalog(t, { products: [{ sku: 'P-1' }], stock: { 'P-1': { SOUTH: 4, NORTH: 4, EAST: 4 } } });
  const codes = async () => {
    const { order, userErrors } = await placeOrder(t, { lines: [{ sku: 'P-1', quantity: 3 }] });
    expect(userErrors).toEqual([]);
    return apiAllocations(order.lines[0]).map((a) => [a.warehouse.code, a.quantity]);
  };
  expect(await codes()).toEqual([['SOUTH', 3]]);
  expect(await codes()).toEqual([['NORTH', 3]]);
  expect(await codes()).toEqual([['EAST', 3]]);
  // one unit left in each: no warehouse can fill 3, so the order is split across all three
  expect(await codes()).toEqual([
    ['EAST', 1],
    ['NORTH', 1],
    ['SOUTH', 1],
  ]);
  expect(await stockOf(t, 'P-1')).toEqual({
    EAST: { onHand: 4, reserved: 4 },
    NORTH: { onHand: 4, reserved: 4 },
    SOUTH: { onHand: 4, reserved: 4 },
  });

  const refused = await placeOrder(t, { lines: [{ sku: 'P-1', quantity: 1 }] });
  expect(refused.order).toBeNull();
  expect(refused.userErrors).toEqual([
    {
      code: 'INSUFFICIENT_STOCK',
      field: ['input', 'lines', '0', 'quantity'],
      message: 'Not enough stock for P-1: 1 ordered, 0 available',
    },
  ]);
  expect(await allocationsOf(t, { sku: 'P-1' })).toHaveLength(6);
});

test('an order no single warehouse can fill is split, each line taking from warehouses in priority order', async () => {
  await createCatalog(t, {
    products: [{ sku: 'S-X' }, { sku: 'S-Y' }],
    stock: { 'S-X': { SOUTH: 3, NORTH: 3 }, 'S-Y': { NORTH: 1, EAST: 5 } },
  });
  const { order, userErrors } = await placeOrder(t, {
    lines: [
      { sku: 'S-X', quantity: 5 },
      { sku: 'S-Y', quantity: 2 },
    ],
  });
  expect(userErrors).toEqual([]);
  expect(apiAllocations(order.lines[0])).toEqual([alloc('NORTH', 2), alloc('SOUTH', 3)]);
  expect(apiAllocations(order.lines[1])).toEqual([alloc('EAST', 1), alloc('NORTH', 1)]);
  expect(await allocationsOf(t, { orderId: order.id })).toEqual([
    { sku: 'S-X', warehouse: 'NORTH', quantity: 2, shipped: 0, returned: 0 },
    { sku: 'S-X', warehouse: 'SOUTH', quantity: 3, shipped: 0, returned: 0 },
    { sku: 'S-Y', warehouse: 'EAST', quantity: 1, shipped: 0, returned: 0 },
    { sku: 'S-Y', warehouse: 'NORTH', quantity: 1, shipped: 0, returned: 0 },
  ]);
  expect(await stockOf(t, 'S-X')).toEqual({ NORTH: { onHand: 3, reserved: 2 }, SOUTH: { onHand: 3, reserved: 3 } });
  expect(await stockOf(t, 'S-Y')).toEqual({ EAST: { onHand: 5, reserved: 1 }, NORTH: { onHand: 1, reserved: 1 } });
});

test('an order that cannot be filled is refused with INSUFFICIENT_STOCK and nothing at all is written', async () => {
  await createCatalog(t, {
    products: [{ sku: 'R-A' }, { sku: 'R-B' }],
    stock: { 'R-A': { SOUTH: 5, NORTH: 5 }, 'R-B': { SOUTH: 1, NORTH: 1 } },
  });
  const first = await placeOrder(t, {
    customer: { email: 'bob@example.com', name: 'Bob' },
    lines: [{ sku: 'R-A', quantity: 1 }],
  });
  expect(first.userErrors).toEqual([]);
  const before = await stockSnapshot(t);
  const movementsBefore = await movementsOf(t, 'R-A');

  // The first line could be filled, the second cannot (2 available across both warehouses).
  const known = await placeOrder(t, {
    customer: { email: 'bob@example.com', name: 'Robert Renamed' },
    externalId: 'R-EXT-1',
    lines: [
      { sku: 'R-A', quantity: 3 },
      { sku: 'R-B', quantity: 3 },
    ],
  });
  expect(known.order).toBeNull();
  expect(known.userErrors).toEqual([
    {
      code: 'INSUFFICIENT_STOCK',
      field: ['input', 'lines', '1', 'quantity'],
      message: 'Not enough stock for R-B: 3 ordered, 2 available',
    },
  ]);
  const stranger = await placeOrder(t, {
    customer: { email: 'new.customer@example.com', name: 'New' },
    lines: [{ sku: 'R-B', quantity: 3 }],
  });
  expect(stranger.userErrors).toEqual([
    {
      code: 'INSUFFICIENT_STOCK',
      field: ['input', 'lines', '0', 'quantity'],
      message: 'Not enough stock for R-B: 3 ordered, 2 available',
    },
  ]);

  // No order, line, allocation, history, customer or stock change: the database is exactly as before.
  expect(await stockSnapshot(t)).toEqual(before);
  expect(
    await t.sql(`select email, name from customer where email in ('bob@example.com', 'new.customer@example.com')`),
  ).toEqual([{ email: 'bob@example.com', name: 'Bob' }]);
  expect(await t.sql(`select count(*)::int as n from "order" where external_id = 'R-EXT-1'`)).toEqual([{ n: 0 }]);
  expect(await movementsOf(t, 'R-A')).toEqual(movementsBefore);

  // The refused externalId is not burnt: once stock arrives the same request succeeds.
  await createCatalog(t, { stock: { 'R-B': { EAST: 1 } } });
  const retried = await placeOrder(t, {
    customer: { email: 'bob@example.com', name: 'Robert Renamed' },
    externalId: 'R-EXT-1',
    lines: [
      { sku: 'R-A', quantity: 3 },
      { sku: 'R-B', quantity: 3 },
    ],
  });
  expect(retried.userErrors).toEqual([]);
  expect(retried.order.externalId).toBe('R-EXT-1');
  expect(apiAllocations(retried.order.lines[1])).toEqual([alloc('EAST', 1), alloc('NORTH', 1), alloc('SOUTH', 1)]);
  expect(await stockOf(t, 'R-A')).toEqual({ NORTH: { onHand: 5, reserved: 0 }, SOUTH: { onHand: 5, reserved: 4 } });
  expect(await t.sql(`select name from customer where email = 'bob@example.com'`)).toEqual([
    { name: 'Robert Renamed' },
  ]);
});

test('a backorderable product reserves what stock there is and leaves the rest unallocated', async () => {
  await createCatalog(t, {
    products: [{ sku: 'BO-1', allowBackorder: true }, { sku: 'NB-1' }],
    stock: { 'BO-1': { SOUTH: 2, NORTH: 1 } },
  });
  const { order, userErrors } = await placeOrder(t, { lines: [{ sku: 'BO-1', quantity: 5 }] });
  expect(userErrors).toEqual([]);
  expect(order.status).toBe('PENDING');
  expect(order.lines[0].quantity).toBe(5);
  expect(apiAllocations(order.lines[0])).toEqual([alloc('NORTH', 1), alloc('SOUTH', 2)]);
  expect(await allocationsOf(t, { orderId: order.id })).toEqual([
    { sku: 'BO-1', warehouse: 'NORTH', quantity: 1, shipped: 0, returned: 0 },
    { sku: 'BO-1', warehouse: 'SOUTH', quantity: 2, shipped: 0, returned: 0 },
  ]);
  expect(await stockOf(t, 'BO-1')).toEqual({ NORTH: { onHand: 1, reserved: 1 }, SOUTH: { onHand: 2, reserved: 2 } });

  // With nothing left the order is still taken, wholly unallocated.
  const empty = await placeOrder(t, { lines: [{ sku: 'BO-1', quantity: 2 }] });
  expect(empty.userErrors).toEqual([]);
  expect(empty.order.lines[0].allocations).toEqual([]);
  expect(await allocationsOf(t, { orderId: empty.order.id })).toEqual([]);
  expect(await stockOf(t, 'BO-1')).toEqual({ NORTH: { onHand: 1, reserved: 1 }, SOUTH: { onHand: 2, reserved: 2 } });

  // Backorder on one product does not excuse another that does not allow it.
  const before = await rowCounts(t);
  const mixed = await placeOrder(t, {
    lines: [
      { sku: 'BO-1', quantity: 1 },
      { sku: 'NB-1', quantity: 1 },
    ],
  });
  expect(mixed.userErrors).toEqual([
    {
      code: 'INSUFFICIENT_STOCK',
      field: ['input', 'lines', '1', 'quantity'],
      message: 'Not enough stock for NB-1: 1 ordered, 0 available',
    },
  ]);
  expect(await rowCounts(t)).toEqual(before);
});

test('placing the same channel and externalId again returns the first order and reserves only once; another channel gets its own order', async () => {
  await createCatalog(t, { products: [{ sku: 'I-1' }], stock: { 'I-1': { SOUTH: 10 } } });
  const first = await placeOrder(t, { externalId: 'EXT-42', lines: [{ sku: 'I-1', quantity: 2 }] });
  expect(first.userErrors).toEqual([]);

  // A retry, even with different content, is answered with the first order unchanged.
  const again = await placeOrder(t, { externalId: 'EXT-42', lines: [{ sku: 'I-1', quantity: 5 }] });
  expect(again.userErrors).toEqual([]);
  expect(again.order.id).toBe(first.order.id);
  expect(again.order.number).toBe(first.order.number);
  expect(again.order.lines.map((l) => [l.sku, l.quantity])).toEqual([['I-1', 2]]);
  expect(await stockOf(t, 'I-1')).toEqual({ SOUTH: { onHand: 10, reserved: 2 } });
  expect(await t.sql(`select count(*)::int as n from "order" where external_id = 'EXT-42'`)).toEqual([{ n: 1 }]);
  expect(await t.sql(`select count(*)::int as n from order_history where order_id = $1`, [first.order.id])).toEqual([
    { n: 1 },
  ]);

  const shop = await placeOrder(t, { channelCode: 'SHOP', externalId: 'EXT-42', lines: [{ sku: 'I-1', quantity: 3 }] });
  expect(shop.userErrors).toEqual([]);
  expect(shop.order.id).not.toBe(first.order.id);
  expect(shop.order.channel).toEqual({ code: 'SHOP' });
  const shopAgain = await placeOrder(t, {
    channelCode: 'SHOP',
    externalId: 'EXT-42',
    lines: [{ sku: 'I-1', quantity: 3 }],
  });
  expect(shopAgain.order.id).toBe(shop.order.id);

  expect(await stockOf(t, 'I-1')).toEqual({ SOUTH: { onHand: 10, reserved: 5 } });
  expect(
    await t.sql(
      `select c.code, o.number from "order" o join channel c on c.id = o.channel_id where o.external_id = 'EXT-42' order by c.code`,
    ),
  ).toEqual([
    { code: 'SHOP', number: shop.order.number },
    { code: 'WEB', number: first.order.number },
  ]);
});

test('one request that places two orders and confirms the first: each order is written once, with its own lines, and the confirmation is recorded', async () => {
  await createCatalog(t, {
    products: [{ sku: 'M-1' }, { sku: 'M-2' }],
    stock: { 'M-1': { SOUTH: 10 }, 'M-2': { SOUTH: 10 } },
  });
  const before = await t.sql(`select count(*)::int as n from "order"`);
  const input = (sku: string, ext: string) => ({
    channelCode: 'WEB',
    externalId: ext,
    customer: { email: 'multi@example.com' },
    shippingAddress: { line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' },
    lines: [{ sku, quantity: 2 }],
  });
  const r = await t.q(
    `mutation($a: PlaceOrderInput!, $b: PlaceOrderInput!) {
    a: placeOrder(input: $a) { order { id number lines { sku quantity } history { type } } userErrors { message } }
    b: placeOrder(input: $b) { order { id number lines { sku quantity } } userErrors { message } }
  }`,
    { a: input('M-1', 'MULTI-A'), b: input('M-2', 'MULTI-B') },
  );
  expect(r.a.userErrors).toEqual([]);
  expect(r.b.userErrors).toEqual([]);
  expect(r.a.order.lines).toEqual([{ sku: 'M-1', quantity: 2 }]);
  expect(r.a.order.history).toEqual([{ type: 'PLACED' }]);
  expect(r.b.order.lines).toEqual([{ sku: 'M-2', quantity: 2 }]);
  const confirmed = await t.q(
    `mutation($id: ID!, $b: PlaceOrderInput!) {
    again: placeOrder(input: $b) { order { id } userErrors { message } }
    confirmOrder(id: $id) { order { status history { type } } userErrors { message } }
  }`,
    { id: r.a.order.id, b: input('M-2', 'MULTI-B') },
  );
  expect(confirmed.again.order.id).toBe(r.b.order.id);
  expect(confirmed.confirmOrder.userErrors).toEqual([]);
  expect(confirmed.confirmOrder.order.status).toBe('CONFIRMED');
  expect(confirmed.confirmOrder.order.history.map((h: { type: string }) => h.type)).toEqual([
    'PLACED',
    'STATUS_CHANGED',
  ]);
  expect((await t.sql(`select count(*)::int as n from "order"`))[0].n).toBe(before[0].n + 2);
  expect(
    await t.sql(`select o.external_id, count(l.id)::int as lines from "order" o join order_line l on l.order_id = o.id
    where o.external_id like 'MULTI-%' group by o.external_id order by 1`),
  ).toEqual([
    { external_id: 'MULTI-A', lines: 1 },
    { external_id: 'MULTI-B', lines: 1 },
  ]);
  expect(await stockOf(t, 'M-1')).toEqual({ SOUTH: { onHand: 10, reserved: 2 } });
  expect(await stockOf(t, 'M-2')).toEqual({ SOUTH: { onHand: 10, reserved: 2 } });
});
