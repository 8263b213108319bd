/**
 * Customers (docs/customers.md): the list with search and paging, one customer with its orders
 * and figures (checked against the database), partner keys' channel scope, the permission
 * boundaries, the export of everything held about a customer, and the erasure of its personal
 * data from every table that keeps it (checked by reading every row of those tables as text).
 */
import { createCatalog, placeOrder } from './builders';
import { startTestServer, TestServer } from './harness';
import { createKey, userWithRole } from './access-helpers';
import {
  cancelOrder,
  confirmOrder,
  createReturn,
  createShipment,
  expectNoInternals,
  recordPayment,
  refundPayment,
  standardCatalog,
} from './order-helpers';
import { createEndpoint, FAST_WEBHOOKS, Receiver, settled, startReceiver } from './webhook-helpers';
import { operation, type Customer, type Money, type Query, type Select } from './support/select';

let t: TestServer;
let rx: Receiver;

beforeAll(async () => {
  t = await startTestServer({ config: FAST_WEBHOOKS });
  await standardCatalog(t);
  await createCatalog(t, { channels: [{ code: 'MARKET' }, { code: 'US', currency: 'USD' }] });
  rx = await startReceiver();
}, 120_000);
afterAll(async () => {
  await rx?.close();
  await t?.stop();
});

let serial = 0;
const unique = () => `${Date.now().toString(36)}${(serial++).toString(36)}`;

/** Places an order for this customer; returns its id and number. */
async function order(
  customer: { email: string; name?: string | null },
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; number: string }> {
  const r = await placeOrder(t, {
    customer: customer.name === undefined ? customer : { email: customer.email, name: customer.name ?? undefined },
    shippingAddress: {
      name: customer.name ?? 'Recipient',
      line1: `${unique()} Analytical Way`,
      city: 'London',
      postalCode: 'N1 1AA',
      country: 'GB',
    },
    ...overrides,
  });
  if (r.userErrors.length) throw new Error(JSON.stringify(r.userErrors));
  return { id: r.order!.id, number: r.order!.number };
}

const customerId = async (email: string) =>
  (await t.sql<{ id: string }>('select id from customer where email = $1', [email.toLowerCase()]))[0].id;

type ListData = Select<
  Query,
  {
    customers: {
      totalCount: true;
      pageInfo: { hasNextPage: true; endCursor: true };
      nodes: { id: true; email: true; name: true };
    };
  }
>;
const LIST = operation<ListData>(`query($first: Int, $after: String, $search: String, $sort: CustomerSort) {
  customers(first: $first, after: $after, search: $search, sort: $sort) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id email name } } }`);

/** Every page of the list, following the cursors. */
async function allPages(vars: Record<string, unknown>, token?: string) {
  const ids: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const r: ListData = await t.q(LIST, { ...vars, after }, token ? { token } : undefined);
    ids.push(...r.customers.nodes.map((n) => n.id));
    pages++;
    if (!r.customers.pageInfo.hasNextPage) return { ids, pages, totalCount: r.customers.totalCount as number };
    after = r.customers.pageInfo.endCursor;
  }
}

describe('the customers list', () => {
  const tag = unique();
  beforeAll(async () => {
    for (const [email, name] of [
      [`zoe.${tag}@list.example`, 'Zoë Zimmer'],
      [`amy.${tag}@list.example`, 'Amy Adams'],
      [`bob.${tag}@list.example`, 'Bob Brown'],
      [`carl.${tag}@list.example`, null],
      [`dora.${tag}@list.example`, 'Amy Adams'], // the same name twice: the id breaks the tie
      [`100%.${tag}@list.example`, 'Percy Cent'],
    ] as [string, string | null][])
      await order({ email, name });
  });

  test('pages through every customer by name (e-mail without one), then id, as the database sorts them', async () => {
    const expected = (await t.sql<{ id: string }>('select id from customer order by coalesce(name, email), id')).map(
      (r) => r.id,
    );
    const got = await allPages({ first: 2 });
    expect(got.ids).toEqual(expected);
    expect(got.totalCount).toBe(expected.length);
    expect(got.pages).toBe(Math.ceil(expected.length / 2));
  });

  test('sorted by e-mail', async () => {
    const expected = (await t.sql<{ id: string }>('select id from customer order by email, id')).map((r) => r.id);
    expect((await allPages({ first: 3, sort: 'EMAIL_ASC' })).ids).toEqual(expected);
  });

  test('searches part of the e-mail or the name, in any case; LIKE wildcards are literal', async () => {
    const byEmail = await t.q(LIST, { search: `BOB.${tag.toUpperCase()}` });
    expect(byEmail.customers.nodes.map((n) => n.email)).toEqual([`bob.${tag}@list.example`]);
    const byName = await allPages({ search: 'amy ada', first: 1 });
    expect(byName.ids.sort()).toEqual(
      [await customerId(`amy.${tag}@list.example`), await customerId(`dora.${tag}@list.example`)].sort(),
    );
    expect(byName.totalCount).toBe(2);
    const percent = await t.q(LIST, { search: '100%' });
    expect(percent.customers.nodes.map((n) => n.name)).toEqual(['Percy Cent']);
    // `_` would match any one character: `a_y.` would find amy.
    const wildcard = await t.q(LIST, { search: `a_y.${tag}` });
    expect(wildcard.customers.nodes).toEqual([]);
    expect(wildcard.customers.totalCount).toBe(0);
  });

  test('refuses a cursor of another sort, a malformed cursor and a page size out of range', async () => {
    const first = await t.q(LIST, { first: 1 });
    for (const [vars, message] of [
      [{ after: first.customers.pageInfo.endCursor, sort: 'EMAIL_ASC' }, 'after is a cursor of another sort'],
      [{ after: 'bm90IGEgY3Vyc29y' }, 'after is not a valid cursor'],
      [{ first: 0 }, 'first must be between 1 and 200'],
      [{ search: 'x'.repeat(201) }, 'search must be at most 200 characters'],
    ] as [Record<string, unknown>, string][]) {
      const res = await t.gql(LIST, vars);
      expectNoInternals(res.body);
      expect(res.body.errors?.map((e) => e.message)).toEqual([message]);
    }
  });
});

const DETAIL = operation<{
  customer: Detail | null;
}>(`query($id: ID!, $first: Int, $after: String) { customer(id: $id) {
  id email name erasedAt orderCount lifetimeValue { amount currency } firstOrderAt lastOrderAt
  orders(first: $first, after: $after) { totalCount totalCountIsEstimate pageInfo { hasNextPage endCursor } nodes { id number status total { amount currency } } } } }`);

type Detail = Pick<Customer, 'id' | 'email' | 'name' | 'erasedAt' | 'orderCount' | 'firstOrderAt' | 'lastOrderAt'> & {
  lifetimeValue: Money[];
  orders: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: { id: string; number: string }[];
  };
};

/** The customer's figures as the database has them (channelIds: only those channels' orders). */
async function figuresInDb(id: string, channelIds?: string[]) {
  const scope = channelIds ? 'and channel_id = any($2::uuid[])' : '';
  const params = channelIds ? [id, channelIds] : [id];
  const [c] = await t.sql(
    `select count(*)::int as n, min(placed_at) as first, max(placed_at) as last from "order" where customer_id = $1 ${scope}`,
    params,
  );
  const value = await t.sql(
    `select currency, sum(total_amount)::int as amount from "order" where customer_id = $1 and status <> 'CANCELLED' ${scope}
     group by currency order by currency`,
    params,
  );
  const orders = await t.sql<{ id: string }>(
    `select id from "order" where customer_id = $1 ${scope} order by placed_at desc, id desc`,
    params,
  );
  return {
    orderCount: c.n,
    firstOrderAt: c.first ? new Date(c.first).toISOString() : null,
    lastOrderAt: c.last ? new Date(c.last).toISOString() : null,
    lifetimeValue: value.map((v) => ({ amount: v.amount, currency: v.currency })),
    orderIds: orders.map((o) => o.id),
  };
}

async function detail(id: string, token?: string, first = 50): Promise<Detail | null> {
  const r = await t.q(DETAIL, { id, first }, token ? { token } : undefined);
  return r.customer;
}

describe('one customer', () => {
  const email = `grace.${unique()}@detail.example`;
  let id: string;
  beforeAll(async () => {
    const customer = { email, name: 'Grace Hopper' };
    await order(customer, { lines: [{ sku: 'SKU-1', quantity: 2 }], shippingAmount: 495 }); // 2 x 12.50 + 4.95
    const cancelled = await order(customer);
    await cancelOrder(t, cancelled.id);
    await order(customer, { channelCode: 'MARKET', lines: [{ sku: 'SKU-2', quantity: 3 }] });
    await order(customer, { channelCode: 'US', lines: [{ sku: 'SKU-1', quantity: 1, unitPrice: 2000 }] });
    id = await customerId(email);
  });

  test('has its order count, lifetime value per currency (cancelled orders excluded) and first and last order, as in the database', async () => {
    const got = await detail(id);
    const db = await figuresInDb(id);
    expect(got).toMatchObject({
      id,
      email,
      name: 'Grace Hopper',
      erasedAt: null,
      orderCount: 4,
      lifetimeValue: [
        { amount: 2 * 1250 + 495 + 3 * 499, currency: 'EUR' },
        { amount: 2000, currency: 'USD' },
      ],
    });
    expect({
      orderCount: got!.orderCount,
      firstOrderAt: got!.firstOrderAt,
      lastOrderAt: got!.lastOrderAt,
      lifetimeValue: got!.lifetimeValue,
    }).toEqual({
      orderCount: db.orderCount,
      firstOrderAt: db.firstOrderAt,
      lastOrderAt: db.lastOrderAt,
      lifetimeValue: db.lifetimeValue,
    });
    expect(got!.orders.nodes.map((o) => o.id)).toEqual(db.orderIds);
    expect(got!.orders.totalCount).toBe(4);
  });

  test('pages through its orders, newest first', async () => {
    const db = await figuresInDb(id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const r: { customer: Detail | null } = await t.q(DETAIL, { id, first: 3, after });
      const orders = r.customer!.orders;
      seen.push(...orders.nodes.map((o) => o.id));
      if (!orders.pageInfo.hasNextPage) break;
      after = orders.pageInfo.endCursor;
    }
    expect(seen).toEqual(db.orderIds);
  });

  test('a customer without orders has empty figures; an unknown id or a malformed one is null', async () => {
    const [{ id: lonely }] = await t.sql<{ id: string }>(
      `insert into customer (id, email, name, created_at) values (gen_random_uuid(), $1, 'Lonely', now()) returning id`,
      [`lonely.${unique()}@detail.example`],
    );
    expect(await detail(lonely)).toMatchObject({
      orderCount: 0,
      lifetimeValue: [],
      firstOrderAt: null,
      lastOrderAt: null,
      orders: { totalCount: 0, nodes: [] },
    });
    expect(await detail('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await detail('not-a-uuid')).toBeNull();
  });

  test("the list answers every row's figures with one query for the page, not one per customer", async () => {
    for (const n of [1, 2, 3]) await order({ email: `batch${n}.${unique()}@detail.example`, name: `Batch ${n}` });
    const q = `{ customers(first: 20) { nodes { id orderCount lifetimeValue { amount } lastOrderAt } } }`;
    let nodes = 0;
    const { statements } = await t.countQueries(async () => {
      nodes = (await t.q(q)).customers.nodes.length;
    });
    expect(nodes).toBeGreaterThanOrEqual(4);
    expect(statements.filter((s) => s.includes('from customer c'))).toHaveLength(1);
    expect(statements.filter((s) => s.includes('from "order"'))).toHaveLength(1);
  });
});

describe("a partner key's channels", () => {
  const both = `both.${unique()}@scope.example`;
  const webOnly = `web.${unique()}@scope.example`;
  let key: string;
  let marketId: string;
  beforeAll(async () => {
    await order({ email: both, name: 'Both Channels' });
    await order(
      { email: both, name: 'Both Channels' },
      { channelCode: 'MARKET', lines: [{ sku: 'SKU-2', quantity: 2 }] },
    );
    await order({ email: webOnly, name: 'Web Only' });
    key = (await createKey(t, { channelCodes: ['MARKET'], permissions: ['CUSTOMER_READ', 'ORDER_READ'] })).secret;
    [{ id: marketId }] = await t.sql<{ id: string }>(`select id from channel where code = 'MARKET'`);
  });

  test('list only the customers with an order in them', async () => {
    const got = await allPages({ first: 50 }, key);
    const expected = (
      await t.sql<{ id: string }>(
        `select c.id from customer c where exists (select 1 from "order" o where o.customer_id = c.id and o.channel_id = $1)
         order by coalesce(c.name, c.email), c.id`,
        [marketId],
      )
    ).map((r) => r.id);
    expect(got.ids).toEqual(expected);
    expect(got.ids).toContain(await customerId(both));
    expect(got.ids).not.toContain(await customerId(webOnly));
    expect(got.totalCount).toBe(expected.length);
    const search = await t.q(LIST, { search: 'web.' }, { token: key });
    expect(search.customers.nodes).toEqual([]);
  });

  test("see a customer with only those orders and figures; another channel's customer is null, as an unknown one", async () => {
    const id = await customerId(both);
    const got = await detail(id, key);
    const db = await figuresInDb(id, [marketId]);
    expect(got!.orders.nodes.map((o) => o.id)).toEqual(db.orderIds);
    expect(db.orderIds).toHaveLength(1);
    expect(got).toMatchObject({
      orderCount: 1,
      lifetimeValue: [{ amount: 2 * 499, currency: 'EUR' }],
      firstOrderAt: db.firstOrderAt,
      lastOrderAt: db.lastOrderAt,
    });
    expect(await detail(await customerId(webOnly), key)).toBeNull();

    const exported = await t.q(`query($id: ID!) { exportCustomerData(id: $id) }`, { id }, { token: key });
    expect(exported.exportCustomerData.orders.map((o: { id: string }) => o.id)).toEqual(db.orderIds);
    expect(
      exported.exportCustomerData.events.every((e: { aggregateId: string }) => db.orderIds.includes(e.aggregateId)),
    ).toBe(true);
    const none = await t.q(
      `query($id: ID!) { exportCustomerData(id: $id) }`,
      { id: await customerId(webOnly) },
      {
        token: key,
      },
    );
    expect(none.exportCustomerData).toBeNull();
  });

  test('cannot be given CUSTOMER_ERASE', async () => {
    const r = await t.q(
      `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { apiKey { id } userErrors { field message } } }`,
      { i: { name: `eraser ${unique()}`, channelCodes: ['MARKET'], permissions: ['CUSTOMER_READ', 'CUSTOMER_ERASE'] } },
    );
    expect(r.createApiKey).toEqual({
      apiKey: null,
      userErrors: [{ field: ['input', 'permissions', '1'], message: 'CUSTOMER_ERASE cannot be given to an API key' }],
    });
  });
});

function expectForbidden(res: Awaited<ReturnType<TestServer['gql']>>, permission: string) {
  expectNoInternals(res.body);
  expect({ status: res.status, errors: res.body.errors?.map((e) => e.extensions) }).toEqual({
    status: 403,
    errors: [{ code: 'FORBIDDEN', permission }],
  });
}

describe('permissions', () => {
  const email = `perm.${unique()}@perm.example`;
  let id: string;
  beforeAll(async () => {
    await order({ email, name: 'Perm Tester' });
    id = await customerId(email);
  });

  test('without CUSTOMER_READ (a VIEWER, a key with ORDER_READ only) the customer queries are refused', async () => {
    const viewer = await userWithRole(t, 'VIEWER');
    const key = (await createKey(t, { channelCodes: ['WEB'], permissions: ['ORDER_READ'] })).secret;
    for (const token of [viewer.token, key]) {
      expectForbidden(await t.gql(LIST, {}, { token }), 'CUSTOMER_READ');
      expectForbidden(await t.gql(`query($id: ID!) { customer(id: $id) { id } }`, { id }, { token }), 'CUSTOMER_READ');
      expectForbidden(
        await t.gql(`query($id: ID!) { exportCustomerData(id: $id) }`, { id }, { token }),
        'CUSTOMER_READ',
      );
    }
    const [{ n }] = await t.sql(
      `select count(*)::int as n from audit_entry where action = 'customer.export'
      and target_id = $1`,
      [id],
    );
    expect(n).toBe(0);
  });

  test('without CUSTOMER_ERASE (MANAGER, SUPPORT) erasure is refused and nothing changes', async () => {
    const before = await t.sql('select * from customer where id = $1', [id]);
    const orders = await t.sql('select * from "order" where customer_id = $1 order by id', [id]);
    for (const role of ['MANAGER', 'SUPPORT'] as const) {
      const user = await userWithRole(t, role);
      const res = await t.gql(
        `mutation($id: ID!) { eraseCustomer(id: $id, reason: "asked") { customer { id } userErrors { message } } }`,
        { id },
        { token: user.token },
      );
      expectForbidden(res, 'CUSTOMER_ERASE');
      const r = await t.q(`{ me { permissions } }`, undefined, { token: user.token });
      expect(r.me.permissions).not.toContain('CUSTOMER_ERASE');
    }
    expect(await t.sql('select * from customer where id = $1', [id])).toEqual(before);
    expect(await t.sql('select * from "order" where customer_id = $1 order by id', [id])).toEqual(orders);
    const [{ n }] = await t.sql(`select count(*)::int as n from audit_entry where action = 'customer.erase'`);
    expect(n).toBe(0);
  });
});

const EXPORT = `query($id: ID!) { exportCustomerData(id: $id) }`;
const ERASE = `mutation($id: ID!, $reason: String!) { eraseCustomer(id: $id, reason: $reason) {
  customer { id email name erasedAt orderCount lifetimeValue { amount currency } } alreadyErased userErrors { field code message } } }`;

describe('a customer with a full history', () => {
  const email = `Ada.Lovelace.${unique()}@Erase.Example`;
  const lower = email.toLowerCase();
  const name = 'Augusta Ada King';
  const street = `${unique()} Byron Terrace`;
  let id: string;
  let orderIds: string[];
  let endpointId: string;
  let other: { id: string; email: string };

  beforeAll(async () => {
    endpointId = (await createEndpoint(t, { url: rx.url('/hooks'), eventTypes: ['order.placed', 'order.note_added'] }))
      .endpoint.id;
    // The receiver echoes what it was sent: the excerpts of its answers hold the personal data too.
    rx.script('/hooks', [
      { status: 200, body: `got it, ${name}` },
      { status: 200, body: `thanks ${lower}` },
      { status: 200, body: 'ok' },
      { status: 200, body: 'ok' },
    ]);
    const address = { name, line1: street, line2: 'Flat 2', city: 'London', postalCode: 'W1 2AB', country: 'GB' };
    const a = await placeOrder(t, {
      customer: { email, name },
      shippingAddress: address,
      lines: [{ sku: 'SKU-1', quantity: 2 }],
      note: `Ring twice, ask for ${name}`,
    });
    const b = await placeOrder(t, {
      channelCode: 'MARKET',
      customer: { email },
      shippingAddress: { ...address, name: 'A. King' },
    });
    orderIds = [a.order!.id, b.order!.id];
    await confirmOrder(t, a.order!.id);
    await recordPayment(t, { orderId: a.order!.id, amount: 2500, method: 'card', reference: 'ch_ada' });
    const shipment = await createShipment(t, a.order!.id, 2);
    expect(shipment.userErrors).toEqual([]);
    await createReturn(t, a.order!.id, 1);
    await refundPayment(t, { orderId: a.order!.id, amount: 1250, reason: `returned by ${name}` });
    const noted = await t.q(
      `mutation($id: ID!, $n: String!) { addOrderNote(id: $id, note: $n) { userErrors { message } } }`,
      { id: b.order!.id, n: `Called ${name} on ${lower} about ${street}` },
    );
    expect(noted.addOrderNote.userErrors).toEqual([]);
    await cancelOrder(t, b.order!.id, `${name} changed her mind`);
    id = await customerId(email);
    // Someone else, whose data must survive the erasure untouched.
    const o = await order({ email: `other.${unique()}@erase.example`, name: 'Charles Babbage' });
    other = {
      id: o.id,
      email: (
        await t.sql('select c.email from customer c join "order" o on o.customer_id = c.id where o.id = $1', [o.id])
      )[0].email,
    };
    await settled(t);
  });

  test('its export holds the customer, its addresses and orders with lines, payments, shipments, returns, history and events, as stored; and is audited', async () => {
    const before = await t.sql(`select count(*)::int as n from audit_entry where action = 'customer.export'`);
    const data = (await t.q(EXPORT, { id })).exportCustomerData;
    const [row] = await t.sql('select * from customer where id = $1', [id]);
    expect(data.customer).toEqual({
      id,
      email: lower,
      name,
      createdAt: new Date(row.created_at).toISOString(),
      erasedAt: null,
    });
    expect(data.addresses).toEqual([
      { name, line1: street, line2: 'Flat 2', city: 'London', postalCode: 'W1 2AB', country: 'GB' },
      { name: 'A. King', line1: street, line2: 'Flat 2', city: 'London', postalCode: 'W1 2AB', country: 'GB' },
    ]);
    const dbOrders = await t.sql('select * from "order" where customer_id = $1 order by placed_at, id', [id]);
    expect(
      data.orders.map((o: { id: string; number: string; totalAmount: number; status: string }) => [
        o.id,
        o.number,
        o.totalAmount,
        o.status,
      ]),
    ).toEqual(dbOrders.map((o) => [o.id, o.number, o.total_amount, o.status]));
    const [a, b] = data.orders;
    expect(a.lines).toEqual([
      expect.objectContaining({
        lineNo: 1,
        sku: 'SKU-1',
        quantity: 2,
        unitPriceAmount: 1250,
        quantityShipped: 2,
        quantityReturned: 1,
      }),
    ]);
    expect(a.payments).toEqual([
      expect.objectContaining({ amount: 2500, currency: 'EUR', method: 'card', reference: 'ch_ada' }),
    ]);
    expect(a.refunds).toEqual([expect.objectContaining({ amount: 1250, reason: `returned by ${name}` })]);
    expect(a.shipments).toEqual([
      expect.objectContaining({ warehouseCode: 'WH1', carrier: 'DHL', lines: [{ sku: 'SKU-1', quantity: 2 }] }),
    ]);
    expect(a.returns).toEqual([
      expect.objectContaining({ reason: 'did not fit', restock: true, lines: [{ sku: 'SKU-1', quantity: 1 }] }),
    ]);
    expect(a.note).toBe(`Ring twice, ask for ${name}`);
    expect(b.cancelReason).toBe(`${name} changed her mind`);
    const history = await t.sql('select type, message from order_history where order_id = $1 order by seq', [b.id]);
    expect(b.history.map((h: { type: string; message: string }) => ({ type: h.type, message: h.message }))).toEqual(
      history,
    );
    const events = await t.sql<{ id: string }>(
      'select id from domain_event where aggregate_id = any($1::uuid[]) order by seq',
      [orderIds],
    );
    expect(data.events.map((e: { id: string }) => e.id)).toEqual(events.map((e) => e.id));
    expect(JSON.stringify(data.events)).toContain(`Called ${name} on ${lower}`);
    expect(data.omitted).toEqual([]);

    const audit = await t.sql(
      `select actor, target_type, target_id, details from audit_entry where action = 'customer.export' order by at desc limit 1`,
    );
    expect(audit).toEqual([
      {
        actor: 'user:admin@test.local',
        target_type: 'customer',
        target_id: id,
        details: { orders: 2, events: events.length },
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain(lower);
    const after = await t.sql(`select count(*)::int as n from audit_entry where action = 'customer.export'`);
    expect(after[0].n).toBe(before[0].n + 1);
  });

  test('a FULFILLMENT user (no PAYMENT_READ) exports it without payments and refunds, and says so', async () => {
    const user = await userWithRole(t, 'FULFILLMENT');
    const data = (await t.q(EXPORT, { id }, { token: user.token })).exportCustomerData;
    expect(data.orders[0].payments).toBeNull();
    expect(data.orders[0].refunds).toBeNull();
    expect(data.omitted).toEqual(['payments', 'refunds', 'payment details (PAYMENT_READ)']);
    expect(JSON.stringify(data)).not.toContain('ch_ada');
  });

  test('erasure needs a reason (named) and an existing customer; refused, it changes nothing', async () => {
    const snapshot = async () => ({
      customer: await t.sql('select * from customer where id = $1', [id]),
      orders: await t.sql('select * from "order" where customer_id = $1 order by id', [id]),
      events: await t.sql('select id, payload from domain_event where aggregate_id = any($1::uuid[]) order by seq', [
        orderIds,
      ]),
      audits: await t.sql(`select count(*)::int as n from audit_entry where action = 'customer.erase'`),
    });
    const before = await snapshot();
    for (const reason of ['', '   ']) {
      const r = await t.q(ERASE, { id, reason });
      expect(r.eraseCustomer).toEqual({
        customer: null,
        alreadyErased: null,
        userErrors: [{ field: ['reason'], code: 'INVALID_INPUT', message: 'reason is required' }],
      });
    }
    for (const unknown of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      const r = await t.q(ERASE, { id: unknown, reason: 'asked' });
      expect(r.eraseCustomer.userErrors).toEqual([
        { field: ['id'], code: 'NOT_FOUND', message: `Unknown customer ${unknown}` },
      ]);
    }
    expect(await snapshot()).toEqual(before);
  });

  test('erasure removes the e-mail, names and address from every table that held them; numbers and money stay; audited', async () => {
    const money = await t.sql(
      'select id, number, status, total_amount, paid_amount, refunded_amount, ship_country from "order" where customer_id = $1 order by id',
      [id],
    );
    const otherBefore = await t.sql('select * from "order" where id = $1', [other.id]);
    const r = await t.q(ERASE, { id, reason: 'GDPR request #42' });
    expect(r.eraseCustomer.userErrors).toEqual([]);
    expect(r.eraseCustomer.alreadyErased).toBe(false);
    expect(r.eraseCustomer.customer).toMatchObject({
      id,
      email: `erased-${id}@erased.invalid`,
      name: null,
      orderCount: 2,
      lifetimeValue: [{ amount: 2500, currency: 'EUR' }],
    });
    expect(r.eraseCustomer.customer.erasedAt).toEqual(expect.any(String));

    // Every row of every table that held personal data, read as text: none holds any of it.
    const terms = [lower, name, 'A. King', street, 'Flat 2', 'W1 2AB', 'Augusta', 'ada.lovelace'];
    const tables = [
      'customer',
      'order',
      'order_history',
      'order_line',
      'payment',
      'refund',
      'order_return',
      'shipment',
      'domain_event',
      'webhook_delivery',
      'webhook_attempt',
      'audit_entry',
    ];
    const found: string[] = [];
    for (const table of tables)
      for (const term of terms) {
        const [{ n }] = await t.sql(`select count(*)::int as n from "${table}" x where x::text ilike $1`, [
          `%${term}%`,
        ]);
        if (n) found.push(`${table}: ${term} (${n})`);
      }
    expect(found).toEqual([]);

    expect(
      await t.sql(
        'select id, number, status, total_amount, paid_amount, refunded_amount, ship_country from "order" where customer_id = $1 order by id',
        [id],
      ),
    ).toEqual(money);
    const [a] = await t.sql(
      'select ship_name, ship_line1, ship_line2, ship_city, ship_postal_code, note from "order" where id = $1',
      [orderIds[0]],
    );
    expect(a).toEqual({
      ship_name: null,
      ship_line1: '[erased]',
      ship_line2: null,
      ship_city: '[erased]',
      ship_postal_code: '[erased]',
      note: 'Ring twice, ask for [erased]',
    });
    const [note] = await t.sql(`select message from order_history where order_id = $1 and type = 'NOTE_ADDED'`, [
      orderIds[1],
    ]);
    expect(note.message).toBe('Called [erased] on [erased] about [erased]');
    // The other customer is untouched.
    expect(await t.sql('select * from "order" where id = $1', [other.id])).toEqual(otherBefore);
    expect(await t.sql('select count(*)::int as n from customer where email = $1', [other.email])).toEqual([{ n: 1 }]);

    const audit = await t.sql(
      `select actor, target_type, target_id, details from audit_entry where action = 'customer.erase' and target_id = $1`,
      [id],
    );
    expect(audit).toEqual([
      {
        actor: 'user:admin@test.local',
        target_type: 'customer',
        target_id: id,
        details: expect.objectContaining({ reason: 'GDPR request #42', alreadyErased: false, orders: 2 }),
      },
    ]);
    expect(audit[0].details.events).toBeGreaterThan(0);
    expect(audit[0].details.attempts).toBeGreaterThan(0);
  });

  test('after erasure the old e-mail and name find nothing: customers, orders search, export', async () => {
    for (const term of [lower, 'ada.lovelace', name]) {
      const c = await t.q(LIST, { search: term });
      expect({ term, nodes: c.customers.nodes }).toEqual({ term, nodes: [] });
      const o = await t.q(`query($s: String) { orders(filter: { search: $s }) { totalCount nodes { id } } }`, {
        s: term,
      });
      expect({ term, orders: o.orders.totalCount }).toEqual({ term, orders: 0 });
    }
    const data = (await t.q(EXPORT, { id })).exportCustomerData;
    expect(data.customer.erasedAt).toEqual(expect.any(String));
    expect(JSON.stringify(data)).not.toMatch(new RegExp(`${name}|ada\\.lovelace|${street}`, 'i'));
  });

  test('a webhook delivery replayed after erasure sends the erased payload', async () => {
    const sent = rx.on('/hooks').filter((x) => x.raw.includes('Called '));
    expect(sent).toHaveLength(1);
    expect(sent[0].raw).toContain(lower); // before the erasure, it was sent as it was
    const [delivery] = await t.sql<{ id: string }>(
      `select d.id from webhook_delivery d join domain_event e on e.id = d.event_id where d.endpoint_id = $1 and e.type = 'order.note_added'`,
      [endpointId],
    );
    const count = rx.on('/hooks').length;
    const r = await t.q(`mutation($id: ID!) { replayWebhookDelivery(id: $id) { userErrors { message } } }`, {
      id: delivery.id,
    });
    expect(r.replayWebhookDelivery.userErrors).toEqual([]);
    const all = await rx.waitFor('/hooks', count + 1);
    const replayed = all[all.length - 1].raw;
    expect(replayed).toContain('Called [erased] on [erased] about [erased]');
    expect(replayed.toLowerCase()).not.toContain(lower);
  });

  test('erasing again is harmless: nothing changes but a second audit entry', async () => {
    const state = async () => ({
      customer: await t.sql('select id, email, name, erased_at from customer where id = $1', [id]),
      orders: await t.sql('select * from "order" where customer_id = $1 order by id', [id]),
      history: await t.sql('select * from order_history where order_id = any($1::uuid[]) order by seq', [orderIds]),
      events: await t.sql('select id, payload from domain_event where aggregate_id = any($1::uuid[]) order by seq', [
        orderIds,
      ]),
    });
    const before = await state();
    const r = await t.q(ERASE, { id, reason: 'asked twice' });
    expect(r.eraseCustomer).toMatchObject({ alreadyErased: true, userErrors: [], customer: { id } });
    expect(await state()).toEqual(before);
    const [{ n }] = await t.sql(
      `select count(*)::int as n from audit_entry where action = 'customer.erase' and target_id = $1`,
      [id],
    );
    expect(n).toBe(2);
  });

  test('a new order with the erased e-mail makes a new customer', async () => {
    await order({ email, name: 'New Ada' });
    const rows = await t.sql('select id, erased_at from customer where email = $1', [lower]);
    expect(rows).toHaveLength(1);
    expect(rows[0].id).not.toBe(id);
    expect(rows[0].erased_at).toBeNull();
  });
});

test('two erasures of the same customer at once both succeed, one of them the first', async () => {
  const email = `twice.${unique()}@erase.example`;
  await order({ email, name: 'Twice Erased' });
  await order({ email, name: 'Twice Erased' }, { channelCode: 'MARKET' });
  const id = await customerId(email);
  const results = await Promise.all([t.q(ERASE, { id, reason: 'first' }), t.q(ERASE, { id, reason: 'second' })]);
  expect(results.map((r) => r.eraseCustomer.userErrors)).toEqual([[], []]);
  expect(results.map((r) => r.eraseCustomer.alreadyErased).sort()).toEqual([false, true]);
  const [row] = await t.sql('select email, name, erased_at from customer where id = $1', [id]);
  expect(row).toEqual({ email: `erased-${id}@erased.invalid`, name: null, erased_at: expect.any(Date) });
  const [{ n }] = await t.sql(`select count(*)::int as n from "order" where customer_id = $1 and ship_name is null`, [
    id,
  ]);
  expect(n).toBe(2);
});
