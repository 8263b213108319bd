/**
 * What fulfilment does to stock: shipments take units off hand and out of reserved where they
 * leave from (moving the reservation when they leave from elsewhere), cancellation releases
 * reservations, returns with restock put units back where they shipped from, adjustments never
 * go below reserved, and every change of on hand is in the stock_movement ledger.
 */
import { createCatalog, placeOrder } from './builders';
import { startTestServer, TestServer } from './harness';
import { operation, Query, Select } from './support/select';
import {
  ADJUST_STOCK,
  allocationsOf,
  apiAllocations,
  cancelOrder,
  confirmOrder,
  movementsOf,
  returnUnits,
  ship,
  stockInvariantViolations,
  stockOf,
  stockSnapshot,
} from './stock-helpers';

let t: TestServer;
const ACTOR = 'user:admin@test.local';
beforeAll(async () => {
  t = await startTestServer();
  await createCatalog(t, {
    channels: [{ code: 'WEB', currency: 'EUR' }],
    warehouses: [
      { code: 'NORTH', priority: 2 },
      { code: 'SOUTH', priority: 1 },
    ],
  });
});
afterEach(async () => {
  // on_hand = sum of its movements, reserved = what allocations still hold, 0 <= reserved <= on_hand
  expect(await stockInvariantViolations(t)).toEqual([]);
});
afterAll(() => t?.stop());

/** Places and confirms an order, checking both succeeded. */
async function confirmedOrder(lines: { sku: string; quantity: number }[]) {
  const placed = await placeOrder(t, { lines });
  expect(placed.userErrors).toEqual([]);
  const confirmed = await confirmOrder(t, placed.order.id);
  expect(confirmed.userErrors).toEqual([]);
  return confirmed.order;
}

const adjust = async (sku: string, warehouseCode: string, delta: number, reason = 'stock count') =>
  (await t.q(ADJUST_STOCK, { i: { sku, warehouseCode, delta, reason } })).adjustStock;

describe('shipping', () => {
  test('takes units off hand and out of reserved where they ship from: a partial shipment makes the order PARTIALLY_SHIPPED, the rest SHIPPED', async () => {
    await createCatalog(t, {
      products: [{ sku: 'F-1' }, { sku: 'F-2' }],
      stock: { 'F-1': { SOUTH: 10 }, 'F-2': { SOUTH: 4 } },
    });
    const order = await confirmedOrder([
      { sku: 'F-1', quantity: 5 },
      { sku: 'F-2', quantity: 2 },
    ]);
    expect(await stockOf(t, 'F-1')).toEqual({ SOUTH: { onHand: 10, reserved: 5 } });

    const first = await ship(t, order.id, 'SOUTH', [{ sku: 'F-1', quantity: 2 }], {
      carrier: 'DHL',
      trackingNumber: 'T-1',
    });
    expect(first.userErrors).toEqual([]);
    expect(first.order.status).toBe('PARTIALLY_SHIPPED');
    expect(first.order.lines.map((l) => [l.sku, l.quantityShipped])).toEqual([
      ['F-1', 2],
      ['F-2', 0],
    ]);
    expect(first.order.lines[0].allocations).toEqual([
      { warehouse: { code: 'SOUTH' }, quantity: 5, quantityShipped: 2, quantityReturned: 0, quantityReserved: 3 },
    ]);
    expect(await stockOf(t, 'F-1')).toEqual({ SOUTH: { onHand: 8, reserved: 3 } });
    expect(await stockOf(t, 'F-2')).toEqual({ SOUTH: { onHand: 4, reserved: 2 } });

    const second = await ship(t, order.id, 'SOUTH', [
      { sku: 'F-1', quantity: 3 },
      { sku: 'F-2', quantity: 2 },
    ]);
    expect(second.userErrors).toEqual([]);
    expect(second.order.status).toBe('SHIPPED');
    expect(second.order.shipments.map((s) => s.lines)).toEqual([
      [{ sku: 'F-1', quantity: 2 }],
      [
        { sku: 'F-1', quantity: 3 },
        { sku: 'F-2', quantity: 2 },
      ],
    ]);
    expect(await stockOf(t, 'F-1')).toEqual({ SOUTH: { onHand: 5, reserved: 0 } });
    expect(await stockOf(t, 'F-2')).toEqual({ SOUTH: { onHand: 2, reserved: 0 } });
    expect(await allocationsOf(t, { orderId: order.id })).toEqual([
      { sku: 'F-1', warehouse: 'SOUTH', quantity: 5, shipped: 5, returned: 0 },
      { sku: 'F-2', warehouse: 'SOUTH', quantity: 2, shipped: 2, returned: 0 },
    ]);
    expect(
      await t.sql('select sku, quantity_shipped from order_line where order_id = $1 order by line_no', [order.id]),
    ).toEqual([
      { sku: 'F-1', quantity_shipped: 5 },
      { sku: 'F-2', quantity_shipped: 2 },
    ]);
    expect(second.order.history.filter((h) => h.type === 'STATUS_CHANGED').map((h) => h.toStatus)).toEqual([
      'CONFIRMED',
      'PARTIALLY_SHIPPED',
      'SHIPPED',
    ]);

    // Each shipment line is a negative movement tied to the order.
    expect(await movementsOf(t, 'F-1')).toEqual([
      { warehouse: 'SOUTH', kind: 'ADJUSTMENT', delta: 10, orderId: null, reason: 'test stock', actor: ACTOR },
      { warehouse: 'SOUTH', kind: 'SHIPMENT', delta: -3, orderId: order.id, reason: null, actor: ACTOR },
      { warehouse: 'SOUTH', kind: 'SHIPMENT', delta: -2, orderId: order.id, reason: null, actor: ACTOR },
    ]);
    expect(await movementsOf(t, 'F-2')).toEqual([
      { warehouse: 'SOUTH', kind: 'ADJUSTMENT', delta: 4, orderId: null, reason: 'test stock', actor: ACTOR },
      { warehouse: 'SOUTH', kind: 'SHIPMENT', delta: -2, orderId: order.id, reason: null, actor: ACTOR },
    ]);
  });

  test('from a warehouse other than the allocated one, with stock available there, moves the reservation to it', async () => {
    await createCatalog(t, { products: [{ sku: 'M-1' }], stock: { 'M-1': { SOUTH: 10, NORTH: 5 } } });
    const order = await confirmedOrder([{ sku: 'M-1', quantity: 4 }]);
    expect(apiAllocations(order.lines[0]).map((a) => [a.warehouse.code, a.quantity])).toEqual([['SOUTH', 4]]);

    const r = await ship(t, order.id, 'NORTH', [{ sku: 'M-1', quantity: 3 }]);
    expect(r.userErrors).toEqual([]);
    expect(r.order.status).toBe('PARTIALLY_SHIPPED');
    expect(apiAllocations(r.order.lines[0])).toEqual([
      { warehouse: { code: 'NORTH' }, quantity: 3, quantityShipped: 3, quantityReturned: 0, quantityReserved: 0 },
      { warehouse: { code: 'SOUTH' }, quantity: 1, quantityShipped: 0, quantityReturned: 0, quantityReserved: 1 },
    ]);
    // NORTH lost 3 on hand and never held a reservation; SOUTH gave back 3 of its 4 reserved units.
    expect(await stockOf(t, 'M-1')).toEqual({ NORTH: { onHand: 2, reserved: 0 }, SOUTH: { onHand: 10, reserved: 1 } });
    expect((await movementsOf(t, 'M-1')).filter((m) => m.kind === 'SHIPMENT')).toEqual([
      { warehouse: 'NORTH', kind: 'SHIPMENT', delta: -3, orderId: order.id, reason: null, actor: ACTOR },
    ]);

    const rest = await ship(t, order.id, 'SOUTH', [{ sku: 'M-1', quantity: 1 }]);
    expect(rest.order.status).toBe('SHIPPED');
    expect(await stockOf(t, 'M-1')).toEqual({ NORTH: { onHand: 2, reserved: 0 }, SOUTH: { onHand: 9, reserved: 0 } });
    expect(await allocationsOf(t, { orderId: order.id })).toEqual([
      { sku: 'M-1', warehouse: 'NORTH', quantity: 3, shipped: 3, returned: 0 },
      { sku: 'M-1', warehouse: 'SOUTH', quantity: 1, shipped: 1, returned: 0 },
    ]);
  });

  test('from a warehouse whose stock is not available (reserved for another order) is refused with INSUFFICIENT_STOCK and changes nothing', async () => {
    await createCatalog(t, { products: [{ sku: 'N-1' }], stock: { 'N-1': { SOUTH: 3 } } });
    const mine = await confirmedOrder([{ sku: 'N-1', quantity: 3 }]);
    await createCatalog(t, { stock: { 'N-1': { NORTH: 2 } } });
    const other = await placeOrder(t, { lines: [{ sku: 'N-1', quantity: 2 }] });
    expect(apiAllocations(other.order.lines[0]).map((a) => [a.warehouse.code, a.quantity])).toEqual([['NORTH', 2]]);
    expect((await adjust('N-1', 'NORTH', 1)).stockLevel).toEqual({
      onHand: 3,
      reserved: 2,
      available: 1,
      sku: 'N-1',
      warehouse: { code: 'NORTH' },
    });

    const before = await stockSnapshot(t);
    const r = await ship(t, mine.id, 'NORTH', [{ sku: 'N-1', quantity: 2 }]);
    expect(r.order).toBeNull();
    expect(r.userErrors).toEqual([
      {
        code: 'INSUFFICIENT_STOCK',
        field: ['input', 'lines', '0', 'quantity'],
        message: 'Not enough stock of N-1 in NORTH: 2 to ship, 1 there',
      },
    ]);
    expect(await stockSnapshot(t)).toEqual(before);
    expect(await stockOf(t, 'N-1')).toEqual({ NORTH: { onHand: 3, reserved: 2 }, SOUTH: { onHand: 3, reserved: 3 } });

    // The one available unit can go; the other order's reservation stays untouched.
    const one = await ship(t, mine.id, 'NORTH', [{ sku: 'N-1', quantity: 1 }]);
    expect(one.userErrors).toEqual([]);
    expect(await stockOf(t, 'N-1')).toEqual({ NORTH: { onHand: 2, reserved: 2 }, SOUTH: { onHand: 3, reserved: 2 } });
    expect(await allocationsOf(t, { orderId: other.order.id })).toEqual([
      { sku: 'N-1', warehouse: 'NORTH', quantity: 2, shipped: 0, returned: 0 },
    ]);
  });

  test('never ships more than ordered: the excess is refused as INVALID_INPUT at the line quantity', async () => {
    await createCatalog(t, { products: [{ sku: 'Q-1' }], stock: { 'Q-1': { SOUTH: 10 } } });
    const order = await confirmedOrder([{ sku: 'Q-1', quantity: 3 }]);
    const before = await stockSnapshot(t);
    const tooMany = await ship(t, order.id, 'SOUTH', [{ sku: 'Q-1', quantity: 4 }]);
    expect(tooMany.userErrors).toEqual([
      {
        code: 'INVALID_INPUT',
        field: ['input', 'lines', '0', 'quantity'],
        message: '4 of Q-1 requested but only 3 unshipped',
      },
    ]);
    expect(await stockSnapshot(t)).toEqual(before);

    expect((await ship(t, order.id, 'SOUTH', [{ sku: 'Q-1', quantity: 2 }])).order.status).toBe('PARTIALLY_SHIPPED');
    const again = await ship(t, order.id, 'SOUTH', [{ sku: 'Q-1', quantity: 2 }]);
    expect(again.userErrors).toEqual([
      {
        code: 'INVALID_INPUT',
        field: ['input', 'lines', '0', 'quantity'],
        message: '2 of Q-1 requested but only 1 unshipped',
      },
    ]);
    expect(await stockOf(t, 'Q-1')).toEqual({ SOUTH: { onHand: 8, reserved: 1 } });
    expect(await t.sql('select quantity_shipped from order_line where order_id = $1', [order.id])).toEqual([
      { quantity_shipped: 2 },
    ]);
    expect(await t.sql('select count(*)::int as n from shipment where order_id = $1', [order.id])).toEqual([{ n: 1 }]);
  });

  test('a backordered line cannot ship until stock arrives, then ships in full', async () => {
    await createCatalog(t, { products: [{ sku: 'B-1', allowBackorder: true }], stock: { 'B-1': { SOUTH: 1 } } });
    const order = await confirmedOrder([{ sku: 'B-1', quantity: 3 }]);
    expect(await stockOf(t, 'B-1')).toEqual({ SOUTH: { onHand: 1, reserved: 1 } });

    const early = await ship(t, order.id, 'SOUTH', [{ sku: 'B-1', quantity: 3 }]);
    expect(early.userErrors).toEqual([
      {
        code: 'INSUFFICIENT_STOCK',
        field: ['input', 'lines', '0', 'quantity'],
        message: 'Not enough stock of B-1 in SOUTH: 3 to ship, 1 there',
      },
    ]);

    expect((await adjust('B-1', 'SOUTH', 2, 'goods received PO-1')).userErrors).toEqual([]);
    const r = await ship(t, order.id, 'SOUTH', [{ sku: 'B-1', quantity: 3 }]);
    expect(r.userErrors).toEqual([]);
    expect(r.order.status).toBe('SHIPPED');
    expect(await stockOf(t, 'B-1')).toEqual({ SOUTH: { onHand: 0, reserved: 0 } });
    expect(await allocationsOf(t, { orderId: order.id })).toEqual([
      { sku: 'B-1', warehouse: 'SOUTH', quantity: 3, shipped: 3, returned: 0 },
    ]);
    expect(await movementsOf(t, 'B-1')).toEqual([
      { warehouse: 'SOUTH', kind: 'ADJUSTMENT', delta: 1, orderId: null, reason: 'test stock', actor: ACTOR },
      { warehouse: 'SOUTH', kind: 'ADJUSTMENT', delta: 2, orderId: null, reason: 'goods received PO-1', actor: ACTOR },
      { warehouse: 'SOUTH', kind: 'SHIPMENT', delta: -3, orderId: order.id, reason: null, actor: ACTOR },
    ]);
  });

  test('the backordered part of a line ships from wherever stock arrived, leaving the units reserved elsewhere reserved', async () => {
    await createCatalog(t, { products: [{ sku: 'B-2', allowBackorder: true }], stock: { 'B-2': { SOUTH: 1 } } });
    const order = await confirmedOrder([{ sku: 'B-2', quantity: 3 }]);
    await adjust('B-2', 'NORTH', 2, 'goods received PO-2');

    const r = await ship(t, order.id, 'NORTH', [{ sku: 'B-2', quantity: 2 }]);
    expect(r.userErrors).toEqual([]);
    expect(r.order.status).toBe('PARTIALLY_SHIPPED');
    expect(await stockOf(t, 'B-2')).toEqual({ NORTH: { onHand: 0, reserved: 0 }, SOUTH: { onHand: 1, reserved: 1 } });
    expect(await allocationsOf(t, { orderId: order.id })).toEqual([
      { sku: 'B-2', warehouse: 'NORTH', quantity: 2, shipped: 2, returned: 0 },
      { sku: 'B-2', warehouse: 'SOUTH', quantity: 1, shipped: 0, returned: 0 },
    ]);
    const rest = await ship(t, order.id, 'SOUTH', [{ sku: 'B-2', quantity: 1 }]);
    expect(rest.order.status).toBe('SHIPPED');
    expect(await stockOf(t, 'B-2')).toEqual({ NORTH: { onHand: 0, reserved: 0 }, SOUTH: { onHand: 0, reserved: 0 } });
  });
});

describe('cancelling', () => {
  test('releases every reservation of the order in every warehouse, so the stock can be sold again', async () => {
    await createCatalog(t, {
      products: [{ sku: 'C-1' }, { sku: 'C-BO', allowBackorder: true }],
      stock: { 'C-1': { SOUTH: 2, NORTH: 3 }, 'C-BO': { SOUTH: 1 } },
    });
    const order = await confirmedOrder([
      { sku: 'C-1', quantity: 4 },
      { sku: 'C-BO', quantity: 3 },
    ]);
    expect(await stockOf(t, 'C-1')).toEqual({ NORTH: { onHand: 3, reserved: 2 }, SOUTH: { onHand: 2, reserved: 2 } });
    expect(await stockOf(t, 'C-BO')).toEqual({ SOUTH: { onHand: 1, reserved: 1 } });

    const r = await cancelOrder(t, order.id, 'customer changed their mind');
    expect(r.userErrors).toEqual([]);
    expect(r.order.status).toBe('CANCELLED');
    expect(r.order.lines.flatMap((l) => l.allocations.map((a) => a.quantityReserved))).toEqual([0, 0, 0]);
    expect(await stockOf(t, 'C-1')).toEqual({ NORTH: { onHand: 3, reserved: 0 }, SOUTH: { onHand: 2, reserved: 0 } });
    expect(await stockOf(t, 'C-BO')).toEqual({ SOUTH: { onHand: 1, reserved: 0 } });
    const rows = await allocationsOf(t, { orderId: order.id });
    expect(rows).toHaveLength(3);
    expect(rows.map((a) => a.quantity - a.shipped)).toEqual([0, 0, 0]);
    // Cancelling moves no stock on hand.
    expect((await movementsOf(t, 'C-1')).map((m) => m.kind)).toEqual(['ADJUSTMENT', 'ADJUSTMENT']);

    const next = await placeOrder(t, { lines: [{ sku: 'C-1', quantity: 5 }] });
    expect(next.userErrors).toEqual([]);
    expect(await stockOf(t, 'C-1')).toEqual({ NORTH: { onHand: 3, reserved: 3 }, SOUTH: { onHand: 2, reserved: 2 } });
  });
});

describe('returns', () => {
  test('with restock, units go back on hand in each warehouse of a split shipment, and the order becomes RETURNED', async () => {
    await createCatalog(t, { products: [{ sku: 'RT-1' }], stock: { 'RT-1': { SOUTH: 4, NORTH: 2 } } });
    const order = await confirmedOrder([{ sku: 'RT-1', quantity: 6 }]);
    expect((await ship(t, order.id, 'SOUTH', [{ sku: 'RT-1', quantity: 4 }])).userErrors).toEqual([]);
    expect((await ship(t, order.id, 'NORTH', [{ sku: 'RT-1', quantity: 2 }])).order.status).toBe('SHIPPED');
    expect(await stockOf(t, 'RT-1')).toEqual({ NORTH: { onHand: 0, reserved: 0 }, SOUTH: { onHand: 0, reserved: 0 } });

    const r = await returnUnits(t, order.id, [{ sku: 'RT-1', quantity: 6 }], true, 'wrong size');
    expect(r.userErrors).toEqual([]);
    expect(r.order.status).toBe('RETURNED');
    expect(r.order.returns).toEqual([
      expect.objectContaining({ reason: 'wrong size', restock: true, lines: [{ sku: 'RT-1', quantity: 6 }] }),
    ]);
    expect(r.order.lines[0].quantityReturned).toBe(6);
    expect(await stockOf(t, 'RT-1')).toEqual({ NORTH: { onHand: 2, reserved: 0 }, SOUTH: { onHand: 4, reserved: 0 } });
    expect(await allocationsOf(t, { orderId: order.id })).toEqual([
      { sku: 'RT-1', warehouse: 'NORTH', quantity: 2, shipped: 2, returned: 2 },
      { sku: 'RT-1', warehouse: 'SOUTH', quantity: 4, shipped: 4, returned: 4 },
    ]);
    expect(await movementsOf(t, 'RT-1')).toEqual([
      { warehouse: 'NORTH', kind: 'ADJUSTMENT', delta: 2, orderId: null, reason: 'test stock', actor: ACTOR },
      { warehouse: 'NORTH', kind: 'RETURN', delta: 2, orderId: order.id, reason: 'wrong size', actor: ACTOR },
      { warehouse: 'NORTH', kind: 'SHIPMENT', delta: -2, orderId: order.id, reason: null, actor: ACTOR },
      { warehouse: 'SOUTH', kind: 'ADJUSTMENT', delta: 4, orderId: null, reason: 'test stock', actor: ACTOR },
      { warehouse: 'SOUTH', kind: 'RETURN', delta: 4, orderId: order.id, reason: 'wrong size', actor: ACTOR },
      { warehouse: 'SOUTH', kind: 'SHIPMENT', delta: -4, orderId: order.id, reason: null, actor: ACTOR },
    ]);
    expect(await t.sql('select status from "order" where id = $1', [order.id])).toEqual([{ status: 'RETURNED' }]);

    // Nothing is left to return.
    const more = await returnUnits(t, order.id, [{ sku: 'RT-1', quantity: 1 }], true);
    expect(more.userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID_TRANSITION', ['input', 'orderId']]]);
    expect(await stockOf(t, 'RT-1')).toEqual({ NORTH: { onHand: 2, reserved: 0 }, SOUTH: { onHand: 4, reserved: 0 } });
  });

  test('a partial return of a split shipment is credited to the warehouses in sourcing order, whatever order they shipped in', async () => {
    await createCatalog(t, { products: [{ sku: 'RP-1' }], stock: { 'RP-1': { SOUTH: 3, NORTH: 3 } } });
    const order = await confirmedOrder([{ sku: 'RP-1', quantity: 6 }]);
    expect((await ship(t, order.id, 'NORTH', [{ sku: 'RP-1', quantity: 3 }])).userErrors).toEqual([]);
    expect((await ship(t, order.id, 'SOUTH', [{ sku: 'RP-1', quantity: 3 }])).userErrors).toEqual([]);
    const first = await returnUnits(t, order.id, [{ sku: 'RP-1', quantity: 4 }], true);
    expect(first.userErrors).toEqual([]);
    expect(first.order.status).toBe('SHIPPED');
    // SOUTH has priority 1: it gets its 3 back first, NORTH the fourth.
    expect(await stockOf(t, 'RP-1')).toEqual({ NORTH: { onHand: 1, reserved: 0 }, SOUTH: { onHand: 3, reserved: 0 } });
    const rest = await returnUnits(t, order.id, [{ sku: 'RP-1', quantity: 2 }], true);
    expect(rest.order.status).toBe('RETURNED');
    expect(await stockOf(t, 'RP-1')).toEqual({ NORTH: { onHand: 3, reserved: 0 }, SOUTH: { onHand: 3, reserved: 0 } });
  });

  test('without restock, stock stays as it is; never more than was shipped; RETURNED only once everything shipped is back', async () => {
    await createCatalog(t, { products: [{ sku: 'RN-1' }], stock: { 'RN-1': { SOUTH: 5 } } });
    const order = await confirmedOrder([{ sku: 'RN-1', quantity: 3 }]);
    expect((await ship(t, order.id, 'SOUTH', [{ sku: 'RN-1', quantity: 2 }])).order.status).toBe('PARTIALLY_SHIPPED');

    const before = await stockSnapshot(t);
    const tooMany = await returnUnits(t, order.id, [{ sku: 'RN-1', quantity: 3 }], true);
    expect(tooMany.userErrors).toEqual([
      {
        code: 'INVALID_INPUT',
        field: ['input', 'lines', '0', 'quantity'],
        message: '3 of RN-1 requested but only 2 shipped and not yet returned',
      },
    ]);
    expect(await stockSnapshot(t)).toEqual(before);

    const kept = await returnUnits(t, order.id, [{ sku: 'RN-1', quantity: 1 }], false, 'broken');
    expect(kept.userErrors).toEqual([]);
    expect(kept.order.status).toBe('PARTIALLY_SHIPPED');
    expect(await stockOf(t, 'RN-1')).toEqual({ SOUTH: { onHand: 3, reserved: 1 } });
    expect((await movementsOf(t, 'RN-1')).filter((m) => m.kind === 'RETURN')).toEqual([]);
    expect(await allocationsOf(t, { orderId: order.id })).toEqual([
      { sku: 'RN-1', warehouse: 'SOUTH', quantity: 3, shipped: 2, returned: 1 },
    ]);

    expect((await ship(t, order.id, 'SOUTH', [{ sku: 'RN-1', quantity: 1 }])).order.status).toBe('SHIPPED');
    const stillTooMany = await returnUnits(t, order.id, [{ sku: 'RN-1', quantity: 3 }], true);
    expect(stillTooMany.userErrors).toEqual([
      {
        code: 'INVALID_INPUT',
        field: ['input', 'lines', '0', 'quantity'],
        message: '3 of RN-1 requested but only 2 shipped and not yet returned',
      },
    ]);

    const last = await returnUnits(t, order.id, [{ sku: 'RN-1', quantity: 2 }], true);
    expect(last.order.status).toBe('RETURNED');
    expect(await stockOf(t, 'RN-1')).toEqual({ SOUTH: { onHand: 4, reserved: 0 } });
    expect(
      await t.sql('select quantity_shipped, quantity_returned from order_line where order_id = $1', [order.id]),
    ).toEqual([{ quantity_shipped: 3, quantity_returned: 3 }]);
    expect((await movementsOf(t, 'RN-1')).map((m) => [m.kind, m.delta])).toEqual([
      ['ADJUSTMENT', 5],
      ['RETURN', 2],
      ['SHIPMENT', -2],
      ['SHIPMENT', -1],
    ]);
  });
});

describe('adjusting stock', () => {
  test('can never take on hand below what is reserved, and a refused adjustment changes nothing', async () => {
    await createCatalog(t, { products: [{ sku: 'A-1' }], stock: { 'A-1': { SOUTH: 5 } } });
    expect((await placeOrder(t, { lines: [{ sku: 'A-1', quantity: 3 }] })).userErrors).toEqual([]);
    const before = await stockSnapshot(t);

    const refused = await adjust('A-1', 'SOUTH', -3, 'shrinkage');
    expect(refused).toEqual({
      stockLevel: null,
      userErrors: [
        {
          code: 'INSUFFICIENT_STOCK',
          field: ['input', 'delta'],
          message: 'Cannot adjust A-1 in SOUTH by -3: 5 on hand, 3 reserved',
        },
      ],
    });
    // Nor in a warehouse that holds none: no stock row appears there.
    const none = await adjust('A-1', 'NORTH', -1, 'shrinkage');
    expect(none.userErrors).toEqual([
      {
        code: 'INSUFFICIENT_STOCK',
        field: ['input', 'delta'],
        message: 'Cannot adjust A-1 in NORTH by -1: 0 on hand, 0 reserved',
      },
    ]);
    expect(await stockSnapshot(t)).toEqual(before);
    expect(await stockOf(t, 'A-1')).toEqual({ SOUTH: { onHand: 5, reserved: 3 } });

    const ok = await adjust('A-1', 'SOUTH', -2, 'shrinkage');
    expect(ok).toEqual({
      stockLevel: { onHand: 3, reserved: 3, available: 0, sku: 'A-1', warehouse: { code: 'SOUTH' } },
      userErrors: [],
    });
    expect(await stockOf(t, 'A-1')).toEqual({ SOUTH: { onHand: 3, reserved: 3 } });
    expect(await movementsOf(t, 'A-1')).toEqual([
      { warehouse: 'SOUTH', kind: 'ADJUSTMENT', delta: -2, orderId: null, reason: 'shrinkage', actor: ACTOR },
      { warehouse: 'SOUTH', kind: 'ADJUSTMENT', delta: 5, orderId: null, reason: 'test stock', actor: ACTOR },
    ]);
    // Once the order is cancelled the rest can go.
    const [{ order_id }] = await t.sql(`select order_id from order_line where sku = 'A-1'`);
    await cancelOrder(t, order_id);
    expect((await adjust('A-1', 'SOUTH', -3, 'shrinkage')).stockLevel).toMatchObject({ onHand: 0, reserved: 0 });
  });

  test('the stock ledger lists every movement of a SKU newest first, with reasons, in stable pages', async () => {
    await createCatalog(t, { products: [{ sku: 'LG-1' }] });
    for (const [wh, delta, reason] of [
      ['SOUTH', 10, 'goods received PO-1'],
      ['NORTH', 4, 'goods received PO-2'],
      ['SOUTH', -1, 'damaged'],
    ] as const) {
      expect((await adjust('LG-1', wh, delta, reason)).userErrors).toEqual([]);
    }
    const order = await confirmedOrder([{ sku: 'LG-1', quantity: 2 }]);
    expect((await ship(t, order.id, 'SOUTH', [{ sku: 'LG-1', quantity: 2 }])).userErrors).toEqual([]);
    type Ledger = Select<
      Query,
      {
        stockMovements: {
          totalCount: true;
          pageInfo: { hasNextPage: true; endCursor: true };
          nodes: {
            sku: true;
            warehouse: { code: true };
            kind: true;
            delta: true;
            reason: true;
            orderId: true;
            actor: true;
          };
        };
      }
    >;
    const LEDGER = operation<Ledger>(`query($sku: String, $wh: String, $first: Int, $after: String) {
      stockMovements(sku: $sku, warehouseCode: $wh, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } nodes { sku warehouse { code } kind delta reason orderId actor }
      }
    }`);
    const all = (await t.q(LEDGER, { sku: 'LG-1' })).stockMovements;
    expect(all.totalCount).toBe(4);
    expect(all.nodes.map((m) => [m.warehouse.code, m.kind, m.delta, m.reason, m.orderId])).toEqual([
      ['SOUTH', 'SHIPMENT', -2, null, order.id],
      ['SOUTH', 'ADJUSTMENT', -1, 'damaged', null],
      ['NORTH', 'ADJUSTMENT', 4, 'goods received PO-2', null],
      ['SOUTH', 'ADJUSTMENT', 10, 'goods received PO-1', null],
    ]);
    expect(all.nodes.every((m) => m.sku === 'LG-1' && m.actor === ACTOR)).toBe(true);
    const south = (await t.q(LEDGER, { sku: 'LG-1', wh: 'SOUTH' })).stockMovements;
    expect(south.nodes.map((m) => m.delta)).toEqual([-2, -1, 10]);
    // Page by page, the same four movements in the same order.
    const paged: number[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Ledger['stockMovements'] = (await t.q(LEDGER, { sku: 'LG-1', first: 1, after })).stockMovements;
      paged.push(...page.nodes.map((m) => m.delta));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(paged).toEqual([-2, -1, 4, 10]);
  });

  test('adding stock in a new warehouse creates its stock row and records the movement', async () => {
    await createCatalog(t, { products: [{ sku: 'A-2' }] });
    const r = await adjust('A-2', 'NORTH', 7, 'goods received PO-7');
    expect(r).toEqual({
      stockLevel: { onHand: 7, reserved: 0, available: 7, sku: 'A-2', warehouse: { code: 'NORTH' } },
      userErrors: [],
    });
    expect(await stockOf(t, 'A-2')).toEqual({ NORTH: { onHand: 7, reserved: 0 } });
    expect(await movementsOf(t, 'A-2')).toEqual([
      { warehouse: 'NORTH', kind: 'ADJUSTMENT', delta: 7, orderId: null, reason: 'goods received PO-7', actor: ACTOR },
    ]);
    const unknown = await adjust('NO-SUCH-SKU', 'NORTH', 1);
    expect(unknown).toEqual({
      stockLevel: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['input', 'sku'], message: 'No product with SKU NO-SUCH-SKU' }],
    });
  });
});
