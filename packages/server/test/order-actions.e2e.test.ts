/**
 * Order.availableActions, end to end: in every position an order can be in (each status, and a
 * held order per status it was held from, held-after-shipment included), unpaid and part paid,
 * every action the API lists succeeds, and every action it does not list is refused and changes
 * nothing in the database. The list is the caller's: a partner key or a role without the
 * permission does not see the action (and is refused it). A page of orders costs no query per order.
 */
import { mutate } from './builders';
import { startTestServer, TestServer } from './harness';
import type { Query, Select } from './support/select';
import { createKey, userWithRole } from './access-helpers';
import {
  cancelOrder,
  confirmOrder,
  createReturn,
  createShipment,
  driveTo,
  DrivenOrder,
  holdOrder,
  markShipmentDelivered,
  orderSnapshot,
  recordPayment,
  refundPayment,
  releaseOrderHold,
  standardCatalog,
  Target,
} from './order-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await standardCatalog(t);
});
afterAll(() => t?.stop());

type OrderAction =
  | 'CONFIRM'
  | 'HOLD'
  | 'RELEASE_HOLD'
  | 'CANCEL'
  | 'RECORD_PAYMENT'
  | 'REFUND'
  | 'CREATE_SHIPMENT'
  | 'MARK_DELIVERED'
  | 'CREATE_RETURN'
  | 'EDIT';
const ALL: OrderAction[] = [
  'CONFIRM',
  'HOLD',
  'RELEASE_HOLD',
  'CANCEL',
  'RECORD_PAYMENT',
  'REFUND',
  'CREATE_SHIPMENT',
  'MARK_DELIVERED',
  'CREATE_RETURN',
  'EDIT',
];
type Money = 'unpaid' | 'part paid';

interface Shipped {
  id: string;
  status: string;
}

/** Reads what the API lists for the order, and its shipments (to pick one to deliver). */
async function view(o: DrivenOrder, token?: string) {
  const r = await t.q(
    'query($id: ID!) { order(id: $id) { status availableActions shipments { id status } } }',
    { id: o.id },
    token ? { token } : undefined,
  );
  return r.order as { status: string; availableActions: OrderAction[]; shipments: Shipped[] };
}

/** The shipment markShipmentDelivered is tried on: one still on its way, else the first; none if the order has none. */
const shipmentToDeliver = (shipments: Shipped[]) => (shipments.find((s) => s.status === 'SHIPPED') ?? shipments[0])?.id;

/** Each action with a valid input for the order (2 x SKU-1 at 12.50 EUR, 25.00 EUR in all). */
function run(action: OrderAction, o: DrivenOrder, shipmentId?: string) {
  switch (action) {
    case 'CONFIRM':
      return confirmOrder(t, o.id);
    case 'HOLD':
      return holdOrder(t, o.id, 'second look');
    case 'RELEASE_HOLD':
      return releaseOrderHold(t, o.id);
    case 'CANCEL':
      return cancelOrder(t, o.id, 'changed mind');
    case 'RECORD_PAYMENT':
      return recordPayment(t, { orderId: o.id, amount: 100, method: 'card' });
    case 'REFUND':
      return refundPayment(t, { orderId: o.id, amount: 100, reason: 'goodwill' });
    case 'CREATE_SHIPMENT':
      return createShipment(t, o.id, 1);
    case 'MARK_DELIVERED':
      return markShipmentDelivered(t, shipmentId!);
    case 'CREATE_RETURN':
      return createReturn(t, o.id, 1);
    case 'EDIT':
      return mutate(
        t,
        'editOrder',
        'input: $i',
        { i: { orderId: o.id, lines: [{ sku: 'SKU-1', quantity: 3 }], reason: 'one more' } },
        '$i: EditOrderInput!',
      );
  }
}

async function drive(target: Target, money: Money) {
  return driveTo(
    t,
    target,
    money === 'part paid'
      ? async (o) => {
          const paid = await recordPayment(t, { orderId: o.id, amount: 1000, method: 'card' });
          if (paid.userErrors.length) throw new Error(JSON.stringify(paid.userErrors));
        }
      : undefined,
  );
}

/**
 * What an admin sees, written out: the actions of the position, less REFUND when nothing is paid;
 * MARK_DELIVERED where a shipment is still on its way, CREATE_RETURN where a unit has shipped.
 */
const EXPECTED: Record<Target, OrderAction[]> = {
  PENDING: ['CONFIRM', 'HOLD', 'CANCEL', 'RECORD_PAYMENT', 'REFUND', 'EDIT'],
  'ON_HOLD from PENDING': ['RELEASE_HOLD', 'CANCEL', 'RECORD_PAYMENT', 'REFUND', 'EDIT'],
  'ON_HOLD from CONFIRMED': ['RELEASE_HOLD', 'CANCEL', 'RECORD_PAYMENT', 'REFUND', 'EDIT'],
  // Held after a shipment: released back to PARTIALLY_SHIPPED, never cancelled; the unit on its way can still be delivered.
  'ON_HOLD from PARTIALLY_SHIPPED': ['RELEASE_HOLD', 'RECORD_PAYMENT', 'REFUND', 'MARK_DELIVERED'],
  CONFIRMED: ['HOLD', 'CANCEL', 'RECORD_PAYMENT', 'REFUND', 'CREATE_SHIPMENT', 'EDIT'],
  PARTIALLY_SHIPPED: ['HOLD', 'RECORD_PAYMENT', 'REFUND', 'CREATE_SHIPMENT', 'MARK_DELIVERED', 'CREATE_RETURN'],
  SHIPPED: ['RECORD_PAYMENT', 'REFUND', 'MARK_DELIVERED', 'CREATE_RETURN'],
  DELIVERED: ['RECORD_PAYMENT', 'REFUND', 'CREATE_RETURN'],
  CANCELLED: ['REFUND'],
  RETURNED: ['REFUND'],
};

const TARGETS = Object.keys(EXPECTED) as Target[];
const CASES = TARGETS.flatMap((target) => (['unpaid', 'part paid'] as Money[]).map((money) => ({ target, money })));

describe.each(CASES)('an order that is $target, $money', ({ target, money }) => {
  let o: DrivenOrder;
  let listed: OrderAction[];
  let shipments: Shipped[];
  beforeAll(async () => {
    o = await drive(target, money);
    ({ availableActions: listed, shipments } = await view(o));
  });

  const expected = EXPECTED[target].filter((a) => money === 'part paid' || a !== 'REFUND');
  test(`lists ${expected.join(', ') || 'nothing'}`, () => {
    expect(listed).toEqual(expected);
  });

  if (expected.length) {
    test.each(expected)('%s succeeds', async (action) => {
      const fresh = await drive(target, money);
      const r = await run(action, fresh, shipmentToDeliver((await view(fresh)).shipments));
      expect(r.userErrors).toEqual([]);
      expect(r.order).not.toBeNull();
    });
  }

  const unlisted = ALL.filter((a) => !expected.includes(a));
  test.each(unlisted)('%s is refused and changes nothing', async (action) => {
    const shipmentId = shipmentToDeliver(shipments);
    // Without a shipment there is nothing to name in markShipmentDelivered(shipmentId).
    if (action === 'MARK_DELIVERED' && !shipmentId) return;
    const before = await orderSnapshot(t, o.id);
    const r = await run(action, o, shipmentId);
    expect(r.order).toBeNull();
    expect(r.userErrors).toHaveLength(1);
    expect(['INVALID_TRANSITION', 'CONFLICT', 'INVALID_INPUT']).toContain(r.userErrors[0].code);
    expect(await orderSnapshot(t, o.id)).toEqual(before);
    expect((await view(o)).availableActions).toEqual(listed);
  });
});

describe('the list is the caller’s', () => {
  const GQL_CONFIRM =
    'mutation($id: ID!) { confirmOrder(id: $id) { order { status availableActions } userErrors { code message } } }';
  const GQL_HOLD = 'mutation($id: ID!) { holdOrder(id: $id, reason: "look") { order { status } userErrors { code } } }';
  const GQL_CANCEL = 'mutation($id: ID!) { cancelOrder(id: $id) { order { status } userErrors { code } } }';

  test('a partner key sees only the actions its permissions allow, and is refused the others', async () => {
    const key = await createKey(t, {
      channelCodes: ['WEB'],
      permissions: ['ORDER_READ', 'ORDER_UPDATE', 'PAYMENT_RECORD'],
    });
    const o = await driveTo(t, 'PENDING');
    expect((await view(o, key.secret)).availableActions).toEqual(['CONFIRM', 'RECORD_PAYMENT']);
    const held = await t.gql(GQL_HOLD, { id: o.id }, { token: key.secret });
    expect(held.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const confirmed = await t.gql(GQL_CONFIRM, { id: o.id }, { token: key.secret });
    expect(confirmed.body.data.confirmOrder).toEqual({
      order: { status: 'CONFIRMED', availableActions: ['RECORD_PAYMENT'] },
      userErrors: [],
    });
    // The same order, asked by the admin: everything its position allows.
    expect((await view(o)).availableActions).toEqual(['HOLD', 'CANCEL', 'RECORD_PAYMENT', 'CREATE_SHIPMENT', 'EDIT']);
  });

  test('support staff see CANCEL on an unpaid order but not on one with money on it (ORDER_CANCEL_PAID), and are refused that cancel', async () => {
    const support = await userWithRole(t, 'SUPPORT');
    const unpaid = await driveTo(t, 'CONFIRMED');
    expect((await view(unpaid, support.token)).availableActions).toEqual(['HOLD', 'CANCEL']);
    const paid = await drive('CONFIRMED', 'part paid');
    expect((await view(paid, support.token)).availableActions).toEqual(['HOLD']);
    const before = await orderSnapshot(t, paid.id);
    const r = await t.gql(GQL_CANCEL, { id: paid.id }, { token: support.token });
    expect(r.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await orderSnapshot(t, paid.id)).toEqual(before);
  });

  test('a viewer sees no actions', async () => {
    const viewer = await userWithRole(t, 'VIEWER');
    const o = await driveTo(t, 'PARTIALLY_SHIPPED');
    expect((await view(o, viewer.token)).availableActions).toEqual([]);
  });
});

test('a page of orders with availableActions costs one more statement, not one per order', async () => {
  const page = (fields: string) =>
    t.q<Select<Query, { orders: { nodes: { id: true; status: true } } }>>(
      `{ orders(first: 200) { nodes { ${fields} } } }`,
    );
  const orders = (await page('id status')).orders.nodes;
  expect(orders.length).toBeGreaterThan(50);
  expect(new Set(orders.map((n) => n.status)).size).toBe(8);
  const plain = await t.countQueries(() => page('id status nextStatuses'));
  const withActions = await t.countQueries(() => page('id status nextStatuses availableActions'));
  // The shipments on their way and the units to return, counted once for the whole page.
  expect(withActions.statements.length - plain.statements.length).toBe(1);
});

test('the automation dry run asks the same rules: cancelling an order held after a shipment would be refused', async () => {
  const created = await t.q(
    `mutation($i: CreateAutomationRuleInput!) { createAutomationRule(input: $i) { userErrors { field message } } }`,
    {
      i: {
        key: 'cancel-held',
        name: 'Cancel held orders',
        trigger: 'order.placed',
        conditions: [{ field: 'status', op: 'in', value: ['ON_HOLD'] }],
        actions: [{ type: 'cancel' }],
        enabled: false,
      },
    },
  );
  expect(created.createAutomationRule.userErrors).toEqual([]);
  const dryRun = async (o: DrivenOrder) => {
    const r = await t.q<
      Select<Query, { dryRunAutomation: { ruleKey: true; matches: true; actions: true; reason: true } }>
    >('query($id: ID!) { dryRunAutomation(orderId: $id) { ruleKey matches actions reason } }', { id: o.id });
    return r.dryRunAutomation.find((x) => x.ruleKey === 'cancel-held');
  };
  const afterShipment = await driveTo(t, 'ON_HOLD from PARTIALLY_SHIPPED');
  expect(await dryRun(afterShipment)).toEqual({
    ruleKey: 'cancel-held',
    matches: true,
    actions: ['cancel'],
    reason: expect.stringContaining(
      `cancel would be refused: Order ${afterShipment.number} cannot be cancelled from ON_HOLD: it was PARTIALLY_SHIPPED before the hold`,
    ),
  });
  expect((await view(afterShipment)).availableActions).not.toContain('CANCEL');
  const beforeShipment = await driveTo(t, 'ON_HOLD from CONFIRMED');
  const r = await dryRun(beforeShipment);
  expect(r).toMatchObject({ matches: true, actions: ['cancel'] });
  expect(r!.reason).not.toMatch(/would be refused/);
});
