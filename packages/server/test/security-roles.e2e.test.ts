/**
 * Staff roles: every role against every query and mutation (table-driven: an operation missing
 * from the table fails the suite), fields with personal data or money, cancelling paid orders,
 * one-time passwords, and managing users (role changes and deactivation take effect at once,
 * every change lands in the audit log).
 */
import bcrypt from 'bcryptjs';
import {
  ACCEPTED_WITH_USER_ERRORS,
  PUBLIC_OPERATIONS,
  login,
  operationFixtures,
  operations,
  RoleName,
  ROLES,
  StaffUser,
  userWithRole,
} from './access-helpers';
import { ADMIN, collect, GqlResponse, settle, startTestServer, TestServer, WsClose } from './harness';
import { AuditEntry, Mutation, operation, Query, Select } from './support/select';
import {
  cancelOrder,
  driveTo,
  expectNoInternals,
  orderSnapshot,
  recordPayment,
  standardCatalog,
} from './order-helpers';

/** An introspection answer: the fields of one type. */
type TypeFields = { __type: { fields: { name: string }[] } };

let t: TestServer;
beforeAll(async () => {
  // webhookAllowPrivateAddresses: the fixtures' webhook endpoints (staff's) are on 127.0.0.1.
  t = await startTestServer({ config: { webhookAllowPrivateAddresses: true } });
  await standardCatalog(t);
});
afterAll(() => t?.stop());

const ALL = ROLES;
const A: RoleName = 'ADMIN',
  M: RoleName = 'MANAGER',
  F: RoleName = 'FULFILLMENT',
  S: RoleName = 'SUPPORT';

/** Who may run what: the roles of the README, written out independently of the server's table. */
const ALLOWED: Record<string, RoleName[]> = {
  me: ALL,
  // Every signed-in caller; what each may see of the answer is the type's own rule (relay.e2e.test.ts).
  node: ALL,
  nodes: ALL,
  logout: ALL,
  changePassword: ALL,
  products: ALL,
  product: ALL,
  channels: ALL,
  warehouses: ALL,
  warehousesConnection: ALL,
  stockLevels: ALL,
  stock: ALL,
  stockMovements: ALL,
  order: ALL,
  orders: ALL,
  orderTags: ALL,
  latestOrderUpdateId: ALL,
  storeTimeZone: ALL,
  orderStatusCounts: ALL,
  salesByChannel: ALL,
  lateOrders: ALL,
  upsertProduct: [A, M],
  upsertProducts: [A, M],
  createChannel: [A, M],
  createWarehouse: [A, M],
  adjustStock: [A, M, F],
  setStockLevels: [A, M, F],
  placeOrder: [A, M],
  confirmOrder: [A, M],
  holdOrder: [A, M, S],
  releaseOrderHold: [A, M, S],
  cancelOrder: [A, M, S],
  addOrderNote: [A, M, F, S],
  editOrder: [A, M],
  recordPayment: [A, M],
  refundPayment: [A, M],
  createShipment: [A, M, F],
  markShipmentDelivered: [A, M, F],
  createReturn: [A, M, F],
  users: [A],
  usersConnection: [A],
  createUser: [A],
  updateUser: [A],
  apiKeys: [A],
  apiKeysConnection: [A],
  createApiKey: [A],
  rotateApiKey: [A],
  revokeApiKey: [A],
  auditLog: [A],
  events: [A, M],
  eventTypes: [A, M],
  webhookEndpoints: [A],
  webhookEndpointsConnection: [A],
  webhookEventTypes: [A],
  webhookDeliveries: [A],
  createWebhookEndpoint: [A],
  updateWebhookEndpoint: [A],
  rotateWebhookSecret: [A],
  deleteWebhookEndpoint: [A],
  replayWebhookDelivery: [A],
  replayEvents: [A],
  jobs: [A],
  retryJob: [A],
  addOrderTag: [A, M, F, S],
  removeOrderTag: [A, M, F, S],
  automationRules: [A, M],
  ruleExecutions: [A, M],
  dryRunAutomation: [A, M],
  createAutomationRule: [A, M],
  updateAutomationRule: [A, M],
  deleteAutomationRule: [A, M],
  startExport: [A, M],
  emailTemplates: [A, M],
  updateEmailTemplate: [A, M],
  previewEmail: [A, M],
  emailMessages: [A, M],
  exportJob: [A, M],
  // The permission of the action (ADD_TAG here: ORDER_NOTE); reading: anyone, who sees only their own jobs.
  startBulkOrderAction: [A, M, F, S],
  bulkOrderJob: ALL,
  salesSummary: [A, M],
  salesReport: [A, M],
  fulfilmentReport: [A, M],
  exceptionsReport: [A, M],
  inventoryReport: [A, M],
  topReport: [A, M],
  rebuildAnalytics: [A],
  customers: [A, M, F, S],
  customer: [A, M, F, S],
  exportCustomerData: [A, M, F, S],
  eraseCustomer: [A],
};

test('the table covers every query and mutation of the schema but the public ones', async () => {
  const r = await t.q(
    '{ q: __schema { queryType { fields(includeDeprecated: true) { name } } mutationType { fields(includeDeprecated: true) { name } } } }',
  );
  const names = [...r.q.queryType.fields, ...r.q.mutationType.fields]
    .map((f) => f.name)
    .filter((n: string) => !PUBLIC_OPERATIONS.includes(n));
  expect(names.sort()).toEqual(Object.keys(ALLOWED).sort());
});

const TABLES = [
  'order',
  'order_line',
  'order_history',
  'stock_allocation',
  'stock_level',
  'stock_movement',
  'customer',
  'payment',
  'refund',
  'shipment',
  'shipment_line',
  'order_return',
  'channel',
  'warehouse',
  'product',
  'app_user',
  'user_session',
  'api_key',
  'api_key_channel',
  'audit_entry',
  'webhook_endpoint',
  'automation_rule',
  'rule_execution',
];

async function databaseState(orderIds: string[]) {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = (await t.sql(`select count(*)::int as n from "${table}"`))[0].n;
  return {
    counts,
    orders: await Promise.all(orderIds.map((id) => orderSnapshot(t, id))),
    users: await t.sql('select id, name, role, active, password_hash from app_user order by id'),
    keys: await t.sql('select id, secret_hash, previous_secret_hash, revoked_at from api_key order by id'),
    stock: await t.sql('select product_id, warehouse_id, on_hand, reserved from stock_level order by 1, 2'),
    sessions: await t.sql('select id, revoked_at from user_session order by id'),
  };
}

function expectForbidden(res: GqlResponse, name: string, permission?: string) {
  expectNoInternals(res.body);
  expect({ op: name, status: res.status, codes: res.body.errors?.map((e) => e.extensions?.code) }).toEqual({
    op: name,
    status: 403,
    codes: ['FORBIDDEN'],
  });
  if (permission) expect(res.body.errors![0].extensions).toEqual({ code: 'FORBIDDEN', permission });
  expect(res.body.data?.[name] ?? null).toBeNull();
}

describe.each(ROLES)('a %s', (role) => {
  test('is refused exactly the operations its role lacks (FORBIDDEN, nothing changed) and may run the others', async () => {
    const fixtures = await operationFixtures(t);
    const user = await userWithRole(t, role);
    const ops = operations(fixtures);
    const denied = Object.keys(ops).filter((name) => !ALLOWED[name]?.includes(role));
    const allowed = Object.keys(ops).filter((name) => ALLOWED[name]?.includes(role));

    const ids = [fixtures.pending.id, fixtures.held.id, fixtures.partlyShipped.id];
    const before = await databaseState(ids);
    for (const name of denied) {
      const [query, variables] = ops[name];
      const res = await t.gql(query, variables, { token: user.token });
      expectForbidden(res, name);
      expect(res.body.errors![0].message).toMatch(/^Missing permission [A-Z_]+$/);
    }
    expect(await databaseState(ids)).toEqual(before);

    // logout last: it ends the session the others run with.
    for (const name of allowed.filter((n) => n !== 'logout').concat(allowed.includes('logout') ? ['logout'] : [])) {
      const [query, variables] = ops[name];
      const res = await t.gql(query, variables, { token: user.token });
      expect({ name, status: res.status, errors: res.body.errors }).toEqual({ name, status: 200, errors: undefined });
      const value = res.body.data![name];
      if (value && typeof value === 'object' && 'userErrors' in value && !ACCEPTED_WITH_USER_ERRORS.has(name)) {
        expect({ name, userErrors: value.userErrors }).toEqual({ name, userErrors: [] });
      }
    }
  });
});

test('a refused call names the permission it lacks', async () => {
  const viewer = await userWithRole(t, 'VIEWER');
  const order = await driveTo(t, 'PENDING');
  const res = await t.gql(
    `mutation($id: ID!) { cancelOrder(id: $id) { order { status } } }`,
    { id: order.id },
    { token: viewer.token },
  );
  expectForbidden(res, 'cancelOrder', 'ORDER_CANCEL');
  expect((await t.sql('select status from "order" where id = $1', [order.id]))[0].status).toBe('PENDING');
});

describe('fields with personal data or money', () => {
  const FIELDS: [string, string][] = [
    ['customer', 'customer { email name }'],
    ['shippingAddress', 'shippingAddress { line1 city }'],
    ['payments', 'payments { amount { amount } }'],
    ['refunds', 'refunds { amount { amount } }'],
  ];
  const SEES: Record<string, RoleName[]> = {
    customer: [A, M, F, S],
    shippingAddress: [A, M, F, S],
    payments: [A, M, S],
    refunds: [A, M, S],
  };

  test.each(ROLES)(
    '%s sees exactly the fields its role allows; the others are null (redacted), without an error',
    async (role) => {
      const user = await userWithRole(t, role);
      const order = await driveTo(t, 'CONFIRMED');
      await recordPayment(t, { orderId: order.id, amount: 1000, method: 'card' });
      const res = await t.gql(
        `query($id: ID) { order(id: $id) { number status ${FIELDS.map(([, sel]) => sel).join(' ')} } }`,
        { id: order.id },
        { token: user.token },
      );
      expect(res.body.errors).toBeUndefined();
      const got = res.body.data.order;
      expect(got.number).toBe(order.number);
      for (const [field] of FIELDS) {
        if (SEES[field].includes(role))
          expect({ field, value: got[field] }).toEqual({ field, value: expect.anything() });
        else expect({ field, value: got[field] }).toEqual({ field, value: null });
      }
      if (SEES.customer.includes(role)) expect(got.customer.email).toBe('ada@example.com');
      if (SEES.payments.includes(role)) expect(got.payments).toEqual([{ amount: { amount: 1000 } }]);
      // The same redaction applies to lists and subscriptions: it is the field, wherever it is asked for.
      const list = await t.gql(`{ orders(first: 5) { nodes { customer { email } payments { id } } } }`, undefined, {
        token: user.token,
      });
      expect(list.body.errors).toBeUndefined();
      for (const node of list.body.data.orders.nodes) {
        expect(node.customer === null).toBe(!SEES.customer.includes(role));
        expect(node.payments === null).toBe(!SEES.payments.includes(role));
      }
      // Everyone who reads orders sees the status and the totals.
      const plain = await t.q(
        `query($id: ID) { order(id: $id) { status total { amount currency } } }`,
        { id: order.id },
        { token: user.token },
      );
      expect(plain.order).toEqual({ status: 'CONFIRMED', total: { amount: 2500, currency: 'EUR' } });
    },
  );
});

describe('cancelling an order that has payments', () => {
  test('SUPPORT cancels an unpaid order but is refused a paid one (ORDER_CANCEL_PAID) and nothing changes', async () => {
    const support = await userWithRole(t, 'SUPPORT');
    const unpaid = await driveTo(t, 'CONFIRMED');
    const paid = await driveTo(t, 'CONFIRMED');
    await recordPayment(t, { orderId: paid.id, amount: 1000, method: 'card' });

    const ok = await t.q(
      `mutation($id: ID!) { cancelOrder(id: $id, reason: "customer asked") { order { status } userErrors { code } } }`,
      { id: unpaid.id },
      { token: support.token },
    );
    expect(ok.cancelOrder).toEqual({ order: { status: 'CANCELLED' }, userErrors: [] });

    const before = await orderSnapshot(t, paid.id);
    const stock = await t.sql('select on_hand, reserved from stock_level order by id');
    const res = await t.gql(
      `mutation($id: ID!) { cancelOrder(id: $id) { order { status } } }`,
      { id: paid.id },
      { token: support.token },
    );
    expectForbidden(res, 'cancelOrder', 'ORDER_CANCEL_PAID');
    expect(res.body.errors![0].message).toMatch(/has payments; cancelling it needs ORDER_CANCEL_PAID/);
    expect(await orderSnapshot(t, paid.id)).toEqual(before);
    expect(await t.sql('select on_hand, reserved from stock_level order by id')).toEqual(stock);
  });

  test('a MANAGER may cancel it', async () => {
    const manager = await userWithRole(t, 'MANAGER');
    const paid = await driveTo(t, 'CONFIRMED');
    await recordPayment(t, { orderId: paid.id, amount: 1000, method: 'card' });
    const r = await t.q(
      `mutation($id: ID!) { cancelOrder(id: $id) { order { status } userErrors { code } } }`,
      { id: paid.id },
      { token: manager.token },
    );
    expect(r.cancelOrder).toEqual({ order: { status: 'CANCELLED' }, userErrors: [] });
  });
});

describe('one-time passwords', () => {
  test('a new user must choose their own password before anything else; me and changePassword work meanwhile', async () => {
    const email = 'newcomer@test.local';
    const created = await t.q(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id email role active mustChangePassword permissions } userErrors { field } } }`,
      { i: { email, name: 'Newcomer', role: 'SUPPORT', password: 'given by admin 1' } },
    );
    expect(created.createUser.user).toMatchObject({ email, role: 'SUPPORT', active: true, mustChangePassword: true });
    expect(created.createUser.user.permissions).toEqual(
      expect.arrayContaining(['ORDER_READ', 'ORDER_HOLD', 'ORDER_CANCEL', 'ORDER_NOTE', 'CUSTOMER_READ']),
    );
    expect(created.createUser.user.permissions).not.toContain('STOCK_ADJUST');

    const token = await login(t, email, 'given by admin 1');
    expect((await t.q('{ me { email mustChangePassword } }', undefined, { token })).me).toEqual({
      email,
      mustChangePassword: true,
    });
    const refused = await t.gql('{ orders { totalCount } }', undefined, { token });
    expect(refused.status).toBe(403);
    expect(refused.body.errors![0]).toMatchObject({
      message: 'Choose a new password first (mutation changePassword)',
      extensions: { code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' },
    });

    const CHANGE = `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { user { mustChangePassword } userErrors { field code message } } }`;
    const wrong = await t.q(CHANGE, { i: { currentPassword: 'not it', newPassword: 'my own password 1' } }, { token });
    expect(wrong.changePassword).toEqual({
      user: null,
      userErrors: [
        { field: ['input', 'currentPassword'], code: 'INVALID_CREDENTIALS', message: 'The current password is wrong' },
      ],
    });
    const short = await t.q(CHANGE, { i: { currentPassword: 'given by admin 1', newPassword: 'short' } }, { token });
    expect(short.changePassword.userErrors).toEqual([
      { field: ['input', 'newPassword'], code: 'INVALID_INPUT', message: 'newPassword: must be 10 to 200 characters' },
    ]);
    const same = await t.q(
      CHANGE,
      { i: { currentPassword: 'given by admin 1', newPassword: 'given by admin 1' } },
      { token },
    );
    expect(same.changePassword.userErrors[0]).toMatchObject({ field: ['input', 'newPassword'], code: 'INVALID_INPUT' });

    const changed = await t.q(
      CHANGE,
      { i: { currentPassword: 'given by admin 1', newPassword: 'my own password 1' } },
      { token },
    );
    expect(changed.changePassword).toEqual({ user: { mustChangePassword: false }, userErrors: [] });
    expect((await t.q('{ orders { totalCount } }', undefined, { token })).orders.totalCount).toBeGreaterThanOrEqual(0);
    const [row] = await t.sql('select password_hash, must_change_password from app_user where email = $1', [email]);
    expect(row.must_change_password).toBe(false);
    expect(await bcrypt.compare('my own password 1', row.password_hash)).toBe(true);
    // The one-time password no longer signs in.
    const old = await t.q(
      `mutation { login(email: "${email}", password: "given by admin 1") { token userErrors { code } } }`,
      undefined,
      { token: null },
    );
    expect(old.login).toEqual({ token: null, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });
  });
});

describe('managing users', () => {
  const UPDATE = `mutation($i: UpdateUserInput!) { updateUser(input: $i) { user { id role active mustChangePassword } userErrors { field code message } } }`;
  const CREATE = operation<
    Select<Mutation, { createUser: { user: { id: true }; userErrors: { field: true; code: true; message: true } } }>
  >(`mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } userErrors { field code message } } }`);

  test('bad input is refused field by field and creates nobody', async () => {
    const [{ n: before }] = await t.sql('select count(*)::int as n from app_user');
    const r = await t.q(CREATE, { i: { email: 'not-an-email', name: '', role: 'VIEWER', password: 'short' } });
    expect(r.createUser.user).toBeNull();
    expect(r.createUser.userErrors.map((e) => e.field)).toEqual(
      expect.arrayContaining([
        ['input', 'email'],
        ['input', 'name'],
        ['input', 'password'],
      ]),
    );
    const dup = await t.q(CREATE, {
      i: { email: ADMIN.email.toUpperCase(), name: 'Dup', role: 'VIEWER', password: 'long enough 123' },
    });
    expect(dup.createUser.userErrors).toEqual([
      { field: ['input', 'email'], code: 'CONFLICT', message: 'A user with this e-mail already exists' },
    ]);
    const badRole = await t.gql(CREATE, {
      i: { email: 'x@test.local', name: 'X', role: 'GOD', password: 'long enough 123' },
    });
    expect(badRole.status).toBe(400);
    expect(badRole.body.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    const [{ n: after }] = await t.sql('select count(*)::int as n from app_user');
    expect(after).toBe(before);
  });

  test('a role change applies to the open session at its next request, and closes its subscriptions (authorised under the old role)', async () => {
    const user = await userWithRole(t, 'VIEWER');
    const client = t.ws(user.token);
    const closed = new Promise<number>((resolve) => client.on('closed', (e) => resolve((e as WsClose).code)));
    const sub = collect(client, 'subscription { orderUpdated { event { type } } }', {}, 1, 5000);
    await settle();
    const order = await driveTo(t, 'PENDING');
    const hold = `mutation($id: ID!) { holdOrder(id: $id, reason: "check") { order { status } userErrors { code } } }`;
    expectForbidden(await t.gql(hold, { id: order.id }, { token: user.token }), 'holdOrder', 'ORDER_HOLD');
    const r = await t.q(UPDATE, { i: { id: user.id, role: 'SUPPORT' } });
    expect(r.updateUser).toEqual({
      user: { id: user.id, role: 'SUPPORT', active: true, mustChangePassword: false },
      userErrors: [],
    });
    expect(await closed).toBe(4403);
    sub.stop();
    expect((await t.q(hold, { id: order.id }, { token: user.token })).holdOrder).toEqual({
      order: { status: 'ON_HOLD' },
      userErrors: [],
    });
  });

  test('deactivating a user ends their sessions and their open subscriptions at once', async () => {
    const user = await userWithRole(t, 'VIEWER');
    const client = t.ws(user.token);
    const closed = new Promise<number>((resolve) => client.on('closed', (e) => resolve((e as WsClose).code)));
    const sub = collect(client, 'subscription { orderUpdated { event { type } } }', {}, 1, 5000);
    await settle();
    const r = await t.q(UPDATE, { i: { id: user.id, active: false } });
    expect(r.updateUser.user.active).toBe(false);
    expect(await closed).toBe(4403);
    sub.stop();
    const res = await t.gql('{ me { id } }', undefined, { token: user.token });
    expect(res.status).toBe(401);
    const sessions = await t.sql('select revoked_at from user_session where user_id = $1', [user.id]);
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((s) => s.revoked_at instanceof Date)).toBe(true);
    const again = await t.q(
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token userErrors { code } } }`,
      { e: user.email, p: user.password },
      { token: null },
    );
    expect(again.login).toEqual({ token: null, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });
    // Reactivated, they can sign in again.
    await t.q(UPDATE, { i: { id: user.id, active: true } });
    expect(await login(t, user.email, user.password)).toMatch(/^oms_/);
  });

  test('a password reset signs the user out and makes them choose a new one', async () => {
    const user = await userWithRole(t, 'SUPPORT');
    const r = await t.q(UPDATE, { i: { id: user.id, password: 'reset by admin 1' } });
    expect(r.updateUser.user.mustChangePassword).toBe(true);
    expect((await t.gql('{ me { id } }', undefined, { token: user.token })).status).toBe(401);
    const token = await login(t, user.email, 'reset by admin 1');
    expect((await t.gql('{ orders { totalCount } }', undefined, { token })).body.errors![0].extensions?.reason).toBe(
      'PASSWORD_CHANGE_REQUIRED',
    );
  });

  test('an admin cannot demote or deactivate themselves, so the last admin stays', async () => {
    const me = (await t.q('{ me { id } }')).me;
    const before = await t.sql('select role, active from app_user where id = $1', [me.id]);
    for (const change of [{ role: 'VIEWER' }, { active: false }]) {
      const r = await t.q(UPDATE, { i: { id: me.id, ...change } });
      expect(r.updateUser.user).toBeNull();
      expect(r.updateUser.userErrors).toEqual([
        {
          field: ['input', Object.keys(change)[0]],
          code: 'INVALID_INPUT',
          message: 'You cannot change your own role or deactivate yourself',
        },
      ]);
    }
    expect(await t.sql('select role, active from app_user where id = $1', [me.id])).toEqual(before);
  });

  test('an unknown user id is NOT_FOUND', async () => {
    const r = await t.q(UPDATE, { i: { id: '00000000-0000-4000-8000-000000000000', name: 'Ghost' } });
    expect(r.updateUser.userErrors).toEqual([
      { field: ['input', 'id'], code: 'NOT_FOUND', message: 'No user with id 00000000-0000-4000-8000-000000000000' },
    ]);
  });

  test('users lists every user; no password hash is exposed anywhere in the schema', async () => {
    const r = await t.q<Select<Query, { users: { email: true; role: true; active: true } }>>(
      '{ users { email role active } }',
    );
    expect(r.users.map((u) => u.email)).toContain(ADMIN.email);
    const fields = await t.q<TypeFields>(`{ __type(name: "User") { fields { name } } }`);
    expect(fields.__type.fields.map((f) => f.name).sort()).toEqual([
      'active',
      'createdAt',
      'email',
      'id',
      'lastLoginAt',
      'mustChangePassword',
      'name',
      'permissions',
      'role',
    ]);
  });

  test('every change is in the audit log with who made it, and no password', async () => {
    const user = await userWithRole(t, 'FULFILLMENT', 'Audited');
    await t.q(UPDATE, { i: { id: user.id, role: 'MANAGER' } });
    const log = await t.q<{
      auditLog: {
        totalCount: number;
        nodes: Pick<AuditEntry, 'id' | 'actor' | 'action' | 'targetType' | 'targetId' | 'details' | 'at'>[];
      };
    }>(`{ auditLog(first: 200) { totalCount nodes { id actor action targetType targetId details at } } }`);
    const mine = log.auditLog.nodes.filter((e) => e.targetId === user.id);
    expect(mine.map((e) => [e.action, e.actor])).toEqual([
      ['user.update', `user:${ADMIN.email}`],
      ['user.password_change', `user:${user.email}`],
      ['user.create', `user:${ADMIN.email}`],
    ]);
    expect(mine[0].details).toEqual({ email: user.email, role: { from: 'FULFILLMENT', to: 'MANAGER' } });
    expect(mine[2].details).toEqual({ email: user.email, name: 'Audited', role: 'FULFILLMENT' });
    expect(JSON.stringify(log)).not.toMatch(/one-time password|own password|\$2[aby]\$/);
    // Paging: newest first, stable cursors.
    const p1 = await t.q<
      Select<Query, { auditLog: { nodes: { id: true }; pageInfo: { endCursor: true; hasNextPage: true } } }>
    >(`{ auditLog(first: 2) { nodes { id } pageInfo { endCursor hasNextPage } } }`);
    const p2 = await t.q<Select<Query, { auditLog: { nodes: { id: true } } }>>(
      `query($a: String) { auditLog(first: 2, after: $a) { nodes { id } } }`,
      { a: p1.auditLog.pageInfo.endCursor },
    );
    expect(p1.auditLog.pageInfo.hasNextPage).toBe(true);
    expect([...p1.auditLog.nodes, ...p2.auditLog.nodes].map((n) => n.id)).toEqual(
      log.auditLog.nodes.slice(0, 4).map((n) => n.id),
    );
  });

  test('creating a channel or a warehouse is audited too', async () => {
    await t.q(
      `mutation { createChannel(input: { code: "AUD", name: "Audited channel", currency: "EUR" }) { userErrors { code } } }`,
    );
    const [row] = await t.sql(
      `select actor, action, details from audit_entry where action = 'channel.create' and details->>'code' = 'AUD'`,
    );
    expect(row).toEqual({
      actor: `user:${ADMIN.email}`,
      action: 'channel.create',
      details: { code: 'AUD', name: 'Audited channel', currency: 'EUR' },
    });
  });
});

test('notes go to the order history with who wrote them', async () => {
  const support: StaffUser = await userWithRole(t, 'SUPPORT');
  const order = await driveTo(t, 'PENDING');
  const r = await t.q(
    `mutation($id: ID!) { addOrderNote(id: $id, note: "Customer called about delivery") { order { history { type message actor } } userErrors { code } } }`,
    { id: order.id },
    { token: support.token },
  );
  expect(r.addOrderNote.order.history.at(-1)).toEqual({
    type: 'NOTE_ADDED',
    message: 'Customer called about delivery',
    actor: `user:${support.email}`,
  });
  const empty = await t.q(
    `mutation($id: ID!) { addOrderNote(id: $id, note: "") { userErrors { field code } } }`,
    { id: order.id },
    { token: support.token },
  );
  expect(empty.addOrderNote.userErrors).toEqual([{ field: ['note'], code: 'INVALID_INPUT' }]);
  // And a cancelled order's history still takes notes.
  await cancelOrder(t, order.id);
});

test('no response in this suite carried a stack trace, SQL, a password hash or a token hash', async () => {
  const hashes = (await t.sql('select password_hash from app_user')).map((r) => r.password_hash);
  const tokenHashes = (await t.sql('select token_hash from user_session')).map((r) => r.token_hash);
  expect(t.responses.length).toBeGreaterThan(100);
  for (const text of t.responses) {
    expectNoInternals(text);
    expect(text).not.toMatch(/\$2[aby]\$\d\d\$/);
    for (const h of [...hashes, ...tokenHashes]) expect(text.includes(h)).toBe(false);
  }
});
