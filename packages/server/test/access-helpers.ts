/**
 * Helpers for the access-control suites: staff users of each role signed in through the API,
 * partner API keys, and the list of every query and mutation with arguments a caller allowed
 * to run it would have been accepted with.
 */
import { orderInput } from './builders';
import type { TestServer } from './harness';
import { Mutation, operation, Select } from './support/select';
import { DrivenOrder, driveTo, recordPayment } from './order-helpers';

/** Operations anyone may call without a token: sign-in and customers' order tracking. */
export const PUBLIC_OPERATIONS = ['login', 'trackOrder'];

export type RoleName = 'ADMIN' | 'MANAGER' | 'FULFILLMENT' | 'SUPPORT' | 'VIEWER';
export const ROLES: RoleName[] = ['ADMIN', 'MANAGER', 'FULFILLMENT', 'SUPPORT', 'VIEWER'];

export interface StaffUser {
  id: string;
  email: string;
  password: string;
  token: string;
}

let serial = 0;
const unique = () => `${Date.now().toString(36)}${(serial++).toString(36)}`;

const LOGIN = operation<
  Select<Mutation, { login: { token: true; user: { id: true }; userErrors: { code: true; message: true } } }>
>(
  `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id } userErrors { code message } } }`,
);

export async function login(t: TestServer, email: string, password: string): Promise<string> {
  const r = await t.q(LOGIN, { e: email, p: password }, { token: null });
  if (r.login.userErrors.length) throw new Error(`login refused: ${JSON.stringify(r.login.userErrors)}`);
  return r.login.token!;
}

/** Invites a user (as the test admin), signs them in and has them set their own password, as a new colleague would. */
export async function userWithRole(t: TestServer, role: RoleName, name = `${role} user`): Promise<StaffUser> {
  const email = `${role.toLowerCase()}-${unique()}@test.local`;
  const oneTime = 'one-time password 1';
  const created = await t.q<
    Select<
      Mutation,
      { createUser: { user: { id: true; mustChangePassword: true }; userErrors: { field: true; message: true } } }
    >
  >(
    `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id mustChangePassword } userErrors { field message } } }`,
    { i: { email, name, role, password: oneTime } },
  );
  if (created.createUser.userErrors.length) throw new Error(JSON.stringify(created.createUser.userErrors));
  const first = await login(t, email, oneTime);
  const password = `${role} own password 2`;
  const changed = await t.q<Select<Mutation, { changePassword: { userErrors: { field: true; message: true } } }>>(
    `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { userErrors { field message } } }`,
    { i: { currentPassword: oneTime, newPassword: password } },
    { token: first },
  );
  if (changed.changePassword.userErrors.length) throw new Error(JSON.stringify(changed.changePassword.userErrors));
  return { id: created.createUser.user!.id, email, password, token: first };
}

export interface PartnerKey {
  id: string;
  secret: string;
  prefix: string;
}

export async function createKey(
  t: TestServer,
  input: { name?: string; channelCodes: string[]; permissions: string[] },
): Promise<PartnerKey> {
  const r = await t.q<
    Select<
      Mutation,
      { createApiKey: { apiKey: { id: true; prefix: true }; secret: true; userErrors: { field: true; message: true } } }
    >
  >(
    `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { apiKey { id prefix } secret userErrors { field message } } }`,
    { i: { name: input.name ?? `key ${unique()}`, channelCodes: input.channelCodes, permissions: input.permissions } },
  );
  if (r.createApiKey.userErrors.length) throw new Error(JSON.stringify(r.createApiKey.userErrors));
  return { id: r.createApiKey.apiKey!.id, prefix: r.createApiKey.apiKey!.prefix, secret: r.createApiKey.secret! };
}

/** Orders in the statuses the operations below act on, a user to update and a key to rotate and revoke. */
export interface OperationFixtures {
  pending: DrivenOrder;
  held: DrivenOrder;
  partlyShipped: DrivenOrder;
  userId: string;
  keyIds: string[];
  /** Two webhook endpoints (the second one to delete), a delivery to the first, and a dead letter to retry. */
  endpointIds: string[];
  deliveryId: string;
  deadLetter: { queue: string; id: string };
  /** A custom automation rule to delete. */
  ruleKey: string;
  /** A customer (with one order) to read, export and erase. */
  customerId: string;
}

/** Needs standardCatalog (channel WEB, warehouse WH1, SKU-1 and SKU-2). */
export async function operationFixtures(t: TestServer): Promise<OperationFixtures> {
  const pending = await driveTo(t, 'PENDING');
  const held = await driveTo(t, 'ON_HOLD from PENDING');
  const partlyShipped = await driveTo(t, 'PARTIALLY_SHIPPED');
  await recordPayment(t, { orderId: partlyShipped.id, amount: 500, method: 'card' });
  const target = await t.q<Select<Mutation, { createUser: { user: { id: true } } }>>(
    `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }`,
    { i: { email: `target-${unique()}@test.local`, name: 'Target', role: 'VIEWER', password: 'one-time password 1' } },
  );
  const keys = [
    await createKey(t, { channelCodes: ['WEB'], permissions: ['ORDER_READ'] }),
    await createKey(t, { channelCodes: ['WEB'], permissions: ['ORDER_READ'] }),
  ];
  const endpointIds: string[] = [];
  for (let i = 0; i < 2; i++) {
    // Nothing listens on port 9: deliveries fail and wait for their retry, which is all these need.
    const r = await t.q<
      Select<Mutation, { createWebhookEndpoint: { endpoint: { id: true }; userErrors: { message: true } } }>
    >(
      `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { id } userErrors { message } } }`,
      { i: { url: 'http://127.0.0.1:9/hook', eventTypes: ['order.note_added'] } },
    );
    endpointIds.push(r.createWebhookEndpoint.endpoint!.id);
  }
  await t.q(
    `mutation($id: ID!) { addOrderNote(id: $id, note: "for the webhook fixture") { userErrors { message } } }`,
    { id: held.id },
  );
  let deliveryId: string | undefined;
  for (let tries = 0; !deliveryId; tries++) {
    if (tries > 200) throw new Error('no webhook delivery for the fixture');
    deliveryId = (await t.sql('select id from webhook_delivery where endpoint_id = $1', [endpointIds[0]]))[0]?.id;
    if (!deliveryId) await new Promise((r) => setTimeout(r, 50));
  }
  const policy = { retryLimit: 0, retryDelaySeconds: 1, retryBackoff: false, deadLetter: true };
  await t.server.jobs.define('fixture-jobs', policy);
  const deadId = await t.server.orm.em
    .fork()
    .transactional((em) => t.server.jobs.send(em, 'fixture-jobs__dead', { fixture: true }));
  await t.q(`mutation($id: ID!) { addOrderTag(id: $id, tag: "fixture") { userErrors { message } } }`, { id: held.id });
  const erasable = await t.q<Select<Mutation, { placeOrder: { order: { customer: { id: true } } } }>>(
    `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { order { customer { id } } } }`,
    { i: orderInput({ customer: { email: `erasable-${unique()}@example.com`, name: 'Erasable' } }) },
  );
  const ruleKey = `fixture-${unique()}`;
  await t.q(`mutation($i: CreateAutomationRuleInput!) { createAutomationRule(input: $i) { userErrors { message } } }`, {
    i: {
      key: ruleKey,
      name: 'Fixture',
      trigger: 'order.placed',
      conditions: [],
      actions: [{ type: 'addTag', tag: 'fixture' }],
    },
  });
  return {
    pending,
    held,
    partlyShipped,
    userId: target.createUser.user!.id,
    keyIds: keys.map((k) => k.id),
    endpointIds,
    deliveryId,
    deadLetter: { queue: 'fixture-jobs__dead', id: deadId },
    ruleKey,
    customerId: erasable.placeOrder.order!.customer!.id,
  };
}

/**
 * Every query and mutation but login, with arguments that a caller allowed to run it would have
 * been accepted with. changePassword is given a wrong current password, so that running it
 * changes nothing (it answers INVALID_CREDENTIALS as a userError).
 */
export function operations(f: OperationFixtures): Record<string, [string, Record<string, unknown>?]> {
  const P = 'userErrors { code field message }';
  return {
    me: ['{ me { id } }'],
    products: ['{ products { totalCount } }'],
    product: ['{ product(sku: "SKU-1") { sku } }'],
    channels: ['{ channels { code } }'],
    warehouses: ['{ warehouses { code } }'],
    stockLevels: ['{ stockLevels { onHand } }'],
    stock: ['{ stock(first: 5, filter: { warehouseCode: "WH1" }) { totalCount nodes { onHand } } }'],
    warehousesConnection: ['{ warehousesConnection(first: 5) { nodes { code } } }'],
    stockMovements: ['{ stockMovements { totalCount } }'],
    order: ['query($id: ID) { order(id: $id) { id } }', { id: f.pending.id }],
    orders: ['{ orders { totalCount } }'],
    orderTags: ['{ orderTags { tag orders } }'],
    latestOrderUpdateId: ['{ latestOrderUpdateId }'],
    storeTimeZone: ['{ storeTimeZone }'],
    orderStatusCounts: ['{ orderStatusCounts { status count } }'],
    salesByChannel: ['{ salesByChannel(from: "2026-01-01T00:00:00Z") { orders } }'],
    lateOrders: ['{ lateOrders(olderThanHours: 24) { totalCount } }'],
    users: ['{ users { id } }'],
    apiKeys: ['{ apiKeys { id } }'],
    usersConnection: ['{ usersConnection(first: 5) { nodes { id } } }'],
    apiKeysConnection: ['{ apiKeysConnection(first: 5) { nodes { id } } }'],
    auditLog: ['{ auditLog { totalCount } }'],
    events: ['{ events(first: 5) { nodes { id type } } }'],
    node: ['query($id: ID!) { node(id: $id) { id } }', { id: f.pending.id }],
    nodes: ['query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [f.pending.id, f.held.id] }],
    upsertProduct: [
      `mutation($i: UpsertProductInput!) { upsertProduct(input: $i) { ${P} } }`,
      { i: { sku: `SKU-${unique()}`, name: 'New', price: 100, currency: 'EUR' } },
    ],
    upsertProducts: [
      `mutation($i: [UpsertProductInput!]!) { upsertProducts(input: $i) { ${P} } }`,
      { i: [{ sku: `SKU-${unique()}`, name: 'New', price: 100, currency: 'EUR' }] },
    ],
    createChannel: [
      `mutation($i: CreateChannelInput!) { createChannel(input: $i) { ${P} } }`,
      { i: { code: `CH${unique()}`, name: 'New channel', currency: 'EUR' } },
    ],
    createWarehouse: [
      `mutation($i: CreateWarehouseInput!) { createWarehouse(input: $i) { ${P} } }`,
      { i: { code: `WH${unique()}`, name: 'New warehouse', priority: 9 } },
    ],
    adjustStock: [
      `mutation($i: AdjustStockInput!) { adjustStock(input: $i) { ${P} } }`,
      { i: { sku: 'SKU-1', warehouseCode: 'WH1', delta: 5, reason: 'count' } },
    ],
    setStockLevels: [
      `mutation($i: [SetStockLevelInput!]!) { setStockLevels(input: $i) { ${P} } }`,
      { i: [{ sku: 'SKU-2', warehouseCode: 'WH1', onHand: 1000, reason: 'count' }] },
    ],
    placeOrder: [
      `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { ${P} } }`,
      { i: orderInput({ customer: { email: 'intruder@example.com' } }) },
    ],
    confirmOrder: [`mutation($id: ID!) { confirmOrder(id: $id) { ${P} } }`, { id: f.pending.id }],
    holdOrder: [`mutation($id: ID!) { holdOrder(id: $id, reason: "check") { ${P} } }`, { id: f.pending.id }],
    cancelOrder: [`mutation($id: ID!) { cancelOrder(id: $id) { ${P} } }`, { id: f.pending.id }],
    releaseOrderHold: [`mutation($id: ID!) { releaseOrderHold(id: $id) { ${P} } }`, { id: f.held.id }],
    addOrderNote: [
      `mutation($id: ID!) { addOrderNote(id: $id, note: "called the customer") { ${P} } }`,
      { id: f.held.id },
    ],
    recordPayment: [
      `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { ${P} } }`,
      { i: { orderId: f.partlyShipped.id, amount: 100, method: 'card' } },
    ],
    refundPayment: [
      `mutation($i: RefundPaymentInput!) { refundPayment(input: $i) { ${P} } }`,
      { i: { orderId: f.partlyShipped.id, amount: 100 } },
    ],
    createShipment: [
      `mutation($i: CreateShipmentInput!) { createShipment(input: $i) { ${P} } }`,
      { i: { orderId: f.partlyShipped.id, warehouseCode: 'WH1', lines: [{ sku: 'SKU-1', quantity: 1 }] } },
    ],
    markShipmentDelivered: [
      `mutation($id: ID!) { markShipmentDelivered(shipmentId: $id) { ${P} } }`,
      { id: f.partlyShipped.shipmentIds[0] },
    ],
    createReturn: [
      `mutation($i: CreateReturnInput!) { createReturn(input: $i) { ${P} } }`,
      { i: { orderId: f.partlyShipped.id, lines: [{ sku: 'SKU-1', quantity: 1 }], restock: true } },
    ],
    createUser: [
      `mutation($i: CreateUserInput!) { createUser(input: $i) { ${P} } }`,
      { i: { email: `new-${unique()}@test.local`, name: 'New', role: 'VIEWER', password: 'one-time password 1' } },
    ],
    updateUser: [
      `mutation($i: UpdateUserInput!) { updateUser(input: $i) { ${P} } }`,
      { i: { id: f.userId, name: `Renamed ${unique()}` } },
    ],
    createApiKey: [
      `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { ${P} } }`,
      { i: { name: 'New key', channelCodes: ['WEB'], permissions: ['ORDER_READ'] } },
    ],
    rotateApiKey: [`mutation($id: ID!) { rotateApiKey(id: $id) { ${P} } }`, { id: f.keyIds[0] }],
    revokeApiKey: [`mutation($id: ID!) { revokeApiKey(id: $id) { ${P} } }`, { id: f.keyIds[1] }],
    webhookEndpoints: ['{ webhookEndpoints { id } }'],
    webhookEndpointsConnection: ['{ webhookEndpointsConnection(first: 5) { nodes { id } } }'],
    webhookEventTypes: ['{ webhookEventTypes }'],
    eventTypes: ['{ eventTypes }'],
    webhookDeliveries: [
      'query($id: ID!) { webhookDeliveries(endpointId: $id) { totalCount } }',
      { id: f.endpointIds[0] },
    ],
    createWebhookEndpoint: [
      `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { ${P} } }`,
      { i: { url: 'http://127.0.0.1:9/new', eventTypes: ['order.note_added'] } },
    ],
    updateWebhookEndpoint: [
      `mutation($i: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $i) { ${P} } }`,
      { i: { id: f.endpointIds[0], eventTypes: ['order.note_added', 'order.cancelled'] } },
    ],
    rotateWebhookSecret: [`mutation($id: ID!) { rotateWebhookSecret(id: $id) { ${P} } }`, { id: f.endpointIds[0] }],
    deleteWebhookEndpoint: [`mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { ${P} } }`, { id: f.endpointIds[1] }],
    replayWebhookDelivery: [`mutation($id: ID!) { replayWebhookDelivery(id: $id) { ${P} } }`, { id: f.deliveryId }],
    replayEvents: [
      `mutation($i: ReplayEventsInput!) { replayEvents(input: $i) { queued ${P} } }`,
      { i: { endpointId: f.endpointIds[0], types: ['order.note_added'] } },
    ],
    jobs: ['{ jobs(first: 5) { id state } }'],
    addOrderTag: [`mutation($id: ID!) { addOrderTag(id: $id, tag: "vip") { ${P} } }`, { id: f.held.id }],
    editOrder: [
      `mutation($i: EditOrderInput!) { editOrder(input: $i) { ${P} } }`,
      { i: { orderId: f.held.id, shippingAmount: 321, reason: 'access check' } },
    ],
    removeOrderTag: [`mutation($id: ID!) { removeOrderTag(id: $id, tag: "fixture") { ${P} } }`, { id: f.held.id }],
    automationRules: ['{ automationRules { key enabled } }'],
    ruleExecutions: ['{ ruleExecutions(first: 5) { totalCount nodes { outcome } } }'],
    dryRunAutomation: ['query($id: ID!) { dryRunAutomation(orderId: $id) { ruleKey matches } }', { id: f.pending.id }],
    createAutomationRule: [
      `mutation($i: CreateAutomationRuleInput!) { createAutomationRule(input: $i) { ${P} } }`,
      {
        i: {
          key: `new-${unique()}`,
          name: 'New rule',
          trigger: 'order.placed',
          conditions: [{ field: 'total', op: 'gte', value: 100 }],
          actions: [{ type: 'notify', message: 'big order' }],
        },
      },
    ],
    updateAutomationRule: [
      `mutation($i: UpdateAutomationRuleInput!) { updateAutomationRule(input: $i) { ${P} } }`,
      { i: { key: 'flag-late', settings: { slaHours: 72 } } },
    ],
    deleteAutomationRule: [`mutation($k: String!) { deleteAutomationRule(key: $k) { ${P} } }`, { k: f.ruleKey }],
    salesSummary: [
      '{ salesSummary(from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z", channelCode: "WEB") { orders } }',
    ],
    salesReport: [
      '{ salesReport(filter: { from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" }) { channels { channelCode } } }',
    ],
    fulfilmentReport: [
      '{ fulfilmentReport(filter: { from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" }) { shippedComplete } }',
    ],
    exceptionsReport: [
      '{ exceptionsReport(filter: { from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" }) { placedOrders } }',
    ],
    inventoryReport: [
      '{ inventoryReport(filter: { from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" }) { lowStockThreshold } }',
    ],
    topReport: [
      '{ topReport(filter: { from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" }) { skusByUnits { sku } } }',
    ],
    rebuildAnalytics: [
      `mutation { rebuildAnalytics(from: "2026-01-01T00:00:00Z", to: "2026-01-03T00:00:00Z") { days ${P} } }`,
    ],
    retryJob: [
      `mutation($q: String!, $id: ID!) { retryJob(queue: $q, id: $id) { ${P} } }`,
      { q: f.deadLetter.queue, id: f.deadLetter.id },
    ],
    startExport: [`mutation { startExport(input: { kind: PRODUCTS, format: CSV }) { ${P} } }`],
    emailTemplates: ['{ emailTemplates(channelCode: "WEB") { event customized } }'],
    updateEmailTemplate: [
      `mutation($i: UpdateEmailTemplateInput!) { updateEmailTemplate(input: $i) { ${P} } }`,
      { i: { channelCode: 'WEB', event: 'ORDER_DELIVERED', subject: 'Delivered: {{order.number}}' } },
    ],
    previewEmail: ['{ previewEmail(channelCode: "WEB", event: ORDER_PLACED) { subject sample } }'],
    emailMessages: ['{ emailMessages(first: 5) { totalCount nodes { id status } } }'],
    exportJob: ['{ exportJob(id: "00000000-0000-4000-8000-000000000000") { id } }'],
    // Tags the held fixture (a tag it may already have changes nothing): the job runs in the background.
    startBulkOrderAction: [
      `mutation($i: BulkOrderActionInput!) { startBulkOrderAction(input: $i) { job { id } ${P} } }`,
      { i: { action: 'ADD_TAG', ids: [f.held.id], tag: 'fixture' } },
    ],
    bulkOrderJob: ['{ bulkOrderJob(id: "00000000-0000-4000-8000-000000000000") { id } }'],
    changePassword: [
      `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { ${P} } }`,
      { i: { currentPassword: 'not the password', newPassword: 'whatever 1234567' } },
    ],
    customers: ['{ customers(first: 5) { totalCount nodes { id orderCount } } }'],
    customer: ['query($id: ID!) { customer(id: $id) { id lifetimeValue { amount } } }', { id: f.customerId }],
    exportCustomerData: ['query($id: ID!) { exportCustomerData(id: $id) }', { id: f.customerId }],
    eraseCustomer: [
      `mutation($id: ID!) { eraseCustomer(id: $id, reason: "the customer asked") { ${P} } }`,
      { id: f.customerId },
    ],
    logout: ['mutation { logout }'],
  };
}

/** Operations whose accepted run still answers with a userError by design (see operations()). */
export const ACCEPTED_WITH_USER_ERRORS = new Set(['changePassword']);
