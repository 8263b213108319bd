/**
 * The order state machine, end to end: every action that the current status does not allow is
 * refused with INVALID_TRANSITION and leaves the order, its history and the stock untouched;
 * every allowed action leads where the transition table says; nextStatuses shows the table (for
 * a held order, the part of it the status before the hold allows).
 */
import { startTestServer, TestServer } from './harness';
import type { Query, Select } from './support/select';
import {
  Action,
  ACTIONS,
  cancelOrder,
  createShipment,
  driveTo,
  DrivenOrder,
  holdOrder,
  orderSnapshot,
  releaseOrderHold,
  runAction,
  standardCatalog,
  Status,
  Target,
} from './order-helpers';
import { ORDER_TRANSITIONS } from '../src/modules/order/order-state';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await standardCatalog(t);
});
afterAll(() => t?.stop());

/** The transition table as the issue states it (the server's ORDER_TRANSITIONS must match). */
const TABLE: Record<Status, Status[]> = {
  PENDING: ['CONFIRMED', 'ON_HOLD', 'CANCELLED'],
  ON_HOLD: ['PENDING', 'CONFIRMED', 'PARTIALLY_SHIPPED', 'CANCELLED'],
  CONFIRMED: ['ON_HOLD', 'PARTIALLY_SHIPPED', 'SHIPPED', 'CANCELLED'],
  PARTIALLY_SHIPPED: ['ON_HOLD', 'SHIPPED'],
  SHIPPED: ['DELIVERED', 'RETURNED'],
  DELIVERED: ['RETURNED'],
  CANCELLED: [],
  RETURNED: [],
};

/**
 * Where a held order may go: back to the status it was held from, or CANCELLED if nothing has
 * shipped yet (the status graph's ON_HOLD row is the union of the three).
 */
const HELD_NEXT: Record<string, Status[]> = {
  PENDING: ['PENDING', 'CANCELLED'],
  CONFIRMED: ['CONFIRMED', 'CANCELLED'],
  PARTIALLY_SHIPPED: ['PARTIALLY_SHIPPED'],
};
/** The nextStatuses of an order in `status`; a held one's depend on the status before the hold. */
const nextOf = (status: Status, heldFrom?: string | null): Status[] =>
  status === 'ON_HOLD' ? HELD_NEXT[heldFrom ?? 'PENDING'] : TABLE[status];
const heldFromOf = (target: Target): string | undefined =>
  target.startsWith('ON_HOLD from ') ? target.slice('ON_HOLD from '.length) : undefined;

interface Case {
  target: Target;
  /** [action, status it leads to, units to ship/return] */
  allowed: [Action, Status, number?][];
  /** Actions that need something the order cannot have in this status (a shipment to deliver). */
  notApplicable?: Action[];
}

const CASES: Case[] = [
  {
    target: 'PENDING',
    allowed: [
      ['confirmOrder', 'CONFIRMED'],
      ['holdOrder', 'ON_HOLD'],
      ['cancelOrder', 'CANCELLED'],
    ],
    notApplicable: ['markShipmentDelivered'],
  },
  // A hold is left only by releasing it (back to where it was) or by cancelling, if that status could be cancelled.
  {
    target: 'ON_HOLD from PENDING',
    allowed: [
      ['releaseOrderHold', 'PENDING'],
      ['cancelOrder', 'CANCELLED'],
    ],
    notApplicable: ['markShipmentDelivered'],
  },
  {
    target: 'ON_HOLD from CONFIRMED',
    allowed: [
      ['releaseOrderHold', 'CONFIRMED'],
      ['cancelOrder', 'CANCELLED'],
    ],
    notApplicable: ['markShipmentDelivered'],
  },
  // Units already on their way are still delivered while the order is held.
  {
    target: 'ON_HOLD from PARTIALLY_SHIPPED',
    allowed: [
      ['releaseOrderHold', 'PARTIALLY_SHIPPED'],
      ['markShipmentDelivered', 'ON_HOLD'],
    ],
  },
  {
    target: 'CONFIRMED',
    allowed: [
      ['holdOrder', 'ON_HOLD'],
      ['cancelOrder', 'CANCELLED'],
      ['createShipment', 'PARTIALLY_SHIPPED', 1],
      ['createShipment', 'SHIPPED', 2],
    ],
    notApplicable: ['markShipmentDelivered'],
  },
  {
    target: 'PARTIALLY_SHIPPED',
    allowed: [
      ['holdOrder', 'ON_HOLD'],
      ['createShipment', 'SHIPPED', 1],
      ['markShipmentDelivered', 'PARTIALLY_SHIPPED'],
      ['createReturn', 'PARTIALLY_SHIPPED', 1],
    ],
  },
  {
    target: 'SHIPPED',
    allowed: [
      ['markShipmentDelivered', 'DELIVERED'],
      ['createReturn', 'SHIPPED', 1],
      ['createReturn', 'RETURNED', 2],
    ],
  },
  // Its only shipment is already delivered, so markShipmentDelivered is refused too.
  {
    target: 'DELIVERED',
    allowed: [
      ['createReturn', 'DELIVERED', 1],
      ['createReturn', 'RETURNED', 2],
    ],
  },
  { target: 'CANCELLED', allowed: [], notApplicable: ['markShipmentDelivered'] },
  { target: 'RETURNED', allowed: [] },
];

const statusOf = (target: Target): Status => (target.startsWith('ON_HOLD') ? 'ON_HOLD' : target) as Status;

/** Where each action reports the refusal. */
const FIELD: Record<Action, string[]> = {
  confirmOrder: ['id'],
  holdOrder: ['id'],
  releaseOrderHold: ['id'],
  cancelOrder: ['id'],
  createShipment: ['input', 'orderId'],
  createReturn: ['input', 'orderId'],
  markShipmentDelivered: ['shipmentId'],
};

const refusedActions = (c: Case) =>
  ACTIONS.filter((a) => !c.allowed.some(([x]) => x === a) && !c.notApplicable?.includes(a));

test('the server serves the transition table the issue describes', () => {
  expect(ORDER_TRANSITIONS).toEqual(TABLE);
});

test('the cases below try every action from every status', () => {
  const tried = CASES.flatMap((c) =>
    [...c.allowed.map(([a]) => a), ...refusedActions(c), ...(c.notApplicable ?? [])].map(
      (a) => `${statusOf(c.target)}:${a}`,
    ),
  );
  for (const s of Object.keys(TABLE)) for (const a of ACTIONS) expect(tried).toContain(`${s}:${a}`);
});

describe.each(CASES)('an order that is $target', (c) => {
  let o: DrivenOrder;
  beforeAll(async () => {
    o = await driveTo(t, c.target);
  });

  test(`shows nextStatuses ${JSON.stringify(nextOf(statusOf(c.target), heldFromOf(c.target)))}`, async () => {
    const r = await t.q('query($id: ID!) { order(id: $id) { status nextStatuses } }', { id: o.id });
    expect(r.order).toEqual({
      status: statusOf(c.target),
      nextStatuses: nextOf(statusOf(c.target), heldFromOf(c.target)),
    });
  });

  const refused = refusedActions(c);
  if (refused.length) {
    test.each(refused)('refuses %s with INVALID_TRANSITION and changes nothing in the database', async (action) => {
      const before = await orderSnapshot(t, o.id);
      expect(before.order.status).toBe(statusOf(c.target));
      const r = await runAction(t, action, o);
      expect(r.order).toBeNull();
      expect(r.userErrors).toEqual([{ code: 'INVALID_TRANSITION', field: FIELD[action], message: expect.any(String) }]);
      expect(r.userErrors[0].message).toMatch(
        action === 'markShipmentDelivered' ? /already delivered/ : new RegExp(`${o.number}.*${statusOf(c.target)}`),
      );
      const after = await orderSnapshot(t, o.id);
      expect(after).toEqual(before);
      expect(after.order.status).toBe(statusOf(c.target));
    });
  }

  if (c.allowed.length) {
    // Every row gets all three values: jest would treat a missing one as a done() callback.
    const rows = c.allowed.map(([action, next, quantity]) => [action, next, quantity ?? 1] as [Action, Status, number]);
    test.each(rows)('allows %s, after which it is %s', async (action, next, quantity) => {
      const fresh = await driveTo(t, c.target);
      const before = await orderSnapshot(t, fresh.id);
      const r = await runAction(t, action, fresh, quantity);
      expect(r.userErrors).toEqual([]);
      expect(r.order).toMatchObject({
        status: next,
        nextStatuses: nextOf(next, heldFromOf(c.target) ?? statusOf(c.target)),
      });
      const after = await orderSnapshot(t, fresh.id);
      expect(after.order.status).toBe(next);
      const from = statusOf(c.target);
      const transitions = after.history.slice(before.history.length).filter((h) => h.type === 'STATUS_CHANGED');
      expect(transitions.map((h) => [h.from_status, h.to_status])).toEqual(from === next ? [] : [[from, next]]);
    });
  }
});

describe('releasing a hold returns the order to the status it had before', () => {
  test.each([
    ['PENDING', 'ON_HOLD from PENDING'],
    ['CONFIRMED', 'ON_HOLD from CONFIRMED'],
    ['PARTIALLY_SHIPPED', 'ON_HOLD from PARTIALLY_SHIPPED'],
  ] as [Status, Target][])('held from %s, released back to it', async (original, target) => {
    const o = await driveTo(t, target);
    const [held] = await t.sql('select status, status_before_hold, hold_reason from "order" where id = $1', [o.id]);
    expect(held).toEqual({ status: 'ON_HOLD', status_before_hold: original, hold_reason: 'fraud review' });
    const view = await t.q(`query($id: ID!) { order(id: $id) { holdReason } }`, { id: o.id });
    expect(view.order.holdReason).toBe('fraud review');

    const r = await releaseOrderHold(t, o.id);
    expect(r.userErrors).toEqual([]);
    expect(r.order.status).toBe(original);
    expect(r.order.history.slice(-2).map((h) => [h.type, h.fromStatus, h.toStatus, h.message])).toEqual([
      ['STATUS_CHANGED', original, 'ON_HOLD', 'fraud review'],
      ['STATUS_CHANGED', 'ON_HOLD', original, 'Hold released'],
    ]);
    const [row] = await t.sql('select status, status_before_hold, hold_reason from "order" where id = $1', [o.id]);
    expect(row).toEqual({ status: original, status_before_hold: null, hold_reason: null });
  });

  test('a partially shipped order that was held and released ships the rest and becomes SHIPPED', async () => {
    const o = await driveTo(t, 'ON_HOLD from PARTIALLY_SHIPPED');
    expect((await createShipment(t, o.id, 1)).userErrors[0].code).toBe('INVALID_TRANSITION');
    expect((await releaseOrderHold(t, o.id)).order.status).toBe('PARTIALLY_SHIPPED');
    const shipped = await createShipment(t, o.id, 1);
    expect(shipped.userErrors).toEqual([]);
    expect(shipped.order.status).toBe('SHIPPED');
    expect(shipped.order.lines.map((l) => [l.sku, l.quantity, l.quantityShipped])).toEqual([['SKU-1', 2, 2]]);
  });

  test('a held partially shipped order cannot be cancelled (its shipped units cannot be un-shipped), and stays held', async () => {
    const o = await driveTo(t, 'ON_HOLD from PARTIALLY_SHIPPED');
    const before = await orderSnapshot(t, o.id);
    const r = await cancelOrder(t, o.id);
    expect(r.userErrors).toEqual([
      { code: 'INVALID_TRANSITION', field: ['id'], message: expect.stringContaining('PARTIALLY_SHIPPED') },
    ]);
    expect(await orderSnapshot(t, o.id)).toEqual(before);
  });
});

test('cancelling a held order releases its reservation and clears the hold', async () => {
  const o = await driveTo(t, 'ON_HOLD from CONFIRMED');
  const [{ reserved: before }] = await t.sql(
    `select reserved from stock_level s join product p on p.id = s.product_id where p.sku = 'SKU-1'`,
  );
  const r = await cancelOrder(t, o.id, 'fraud confirmed');
  expect(r.userErrors).toEqual([]);
  expect(r.order.lines[0].allocations).toEqual([
    { warehouse: { code: 'WH1' }, quantity: 0, quantityShipped: 0, quantityReturned: 0, quantityReserved: 0 },
  ]);
  const [{ reserved: after }] = await t.sql(
    `select reserved from stock_level s join product p on p.id = s.product_id where p.sku = 'SKU-1'`,
  );
  expect(after).toBe(before - 2);
  const [row] = await t.sql(
    'select status, status_before_hold, hold_reason, cancel_reason from "order" where id = $1',
    [o.id],
  );
  expect(row).toEqual({
    status: 'CANCELLED',
    status_before_hold: null,
    hold_reason: null,
    cancel_reason: 'fraud confirmed',
  });
});

test('holding twice is refused: the second hold would lose the status to return to', async () => {
  const o = await driveTo(t, 'ON_HOLD from CONFIRMED');
  const r = await holdOrder(t, o.id, 'again');
  expect(r.userErrors).toEqual([
    { code: 'INVALID_TRANSITION', field: ['id'], message: expect.stringContaining('ON_HOLD') },
  ]);
  const [row] = await t.sql('select status_before_hold, hold_reason from "order" where id = $1', [o.id]);
  expect(row).toEqual({ status_before_hold: 'CONFIRMED', hold_reason: 'fraud review' });
  const released = await releaseOrderHold(t, o.id);
  expect(released.order.status).toBe('CONFIRMED');
});

test('every order the API lists shows the nextStatuses of its status', async () => {
  const r = await t.q<
    Select<Query, { orders: { nodes: { id: true; status: true; nextStatuses: true }; totalCount: true } }>
  >(`{ orders(first: 200) { nodes { id status nextStatuses } totalCount } }`);
  expect(r.orders.nodes.length).toBe(r.orders.totalCount);
  expect(new Set(r.orders.nodes.map((n) => n.status))).toEqual(new Set(Object.keys(TABLE)));
  const heldFrom = new Map(
    (await t.sql('select id, status_before_hold from "order"')).map((x) => [x.id, x.status_before_hold]),
  );
  for (const n of r.orders.nodes) expect(n.nextStatuses).toEqual(nextOf(n.status as Status, heldFrom.get(n.id)));
});
