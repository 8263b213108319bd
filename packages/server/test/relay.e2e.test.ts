/**
 * Relay completeness (docs/api.md, "Fetching any object by id" and "Paging"): every connection
 * pages both ways (first/after and last/before) with PageInfo's four fields, and Query.node /
 * Query.nodes fetch an Order, Product, Customer, Warehouse or Channel by its UUID under the same
 * permission and channel rules as the type's own query, answering null alike for what is not
 * visible, unknown or malformed.
 */
import { createCatalog, placeOrder } from './builders';
import { createKey, login, userWithRole } from './access-helpers';
import { startTestServer, TestServer } from './harness';

let t: TestServer;
const orderIds: string[] = [];
let webOrder: string;
let marketOrder: string;
let webCustomer: string;
let marketOnlyCustomer: string;
let product: string;
let warehouse: string;
let webChannel: string;
let marketChannel: string;

beforeAll(async () => {
  // Staff webhook endpoints on a local address (nothing is ever delivered to them: see below).
  t = await startTestServer({ config: { webhookAllowPrivateAddresses: true } });
  await createCatalog(t, {
    channels: [{ code: 'WEB' }, { code: 'MARKET' }],
    warehouses: [
      { code: 'WH1', priority: 1 },
      { code: 'WH2', priority: 2 },
      { code: 'WH3', priority: 2 },
    ],
    products: Array.from({ length: 8 }, (_, i) => ({ sku: `SKU-${i + 1}` })),
    stock: Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [
        `SKU-${i + 1}`,
        i % 2 ? { WH1: 50, WH2: 50, WH3: 50 } : { WH1: 50, WH3: 50 },
      ]),
    ) as Record<string, Record<string, number>>,
  });
  for (let i = 0; i < 23; i++) {
    const r = await placeOrder(t, {
      channelCode: i % 4 === 0 ? 'MARKET' : 'WEB',
      customer:
        i % 4 === 0
          ? { email: `market${i % 8}@example.com`, name: 'Market buyer' }
          : { email: `web${i % 3}@example.com`, name: 'Web buyer' },
      lines: [{ sku: `SKU-${(i % 8) + 1}`, quantity: 1 + (i % 3) }],
    });
    if (r.userErrors.length) throw new Error(JSON.stringify(r.userErrors));
    orderIds.push(r.order.id);
  }
  // Placement times with ties (three orders per hour), so the id tie-break is paged across too.
  await t.sql(
    `update "order" o set placed_at = timestamp '2026-03-01 00:00:00+00' + ((x.ord / 3) || ' hours')::interval
     from unnest($1::uuid[]) with ordinality as x(id, ord) where o.id = x.id`,
    [orderIds],
  );
  webOrder = orderIds[1];
  marketOrder = orderIds[0];
  const [c1] = await t.sql<{ id: string }>(`select c.id from customer c where c.email = 'web1@example.com'`);
  const [c2] = await t.sql<{ id: string }>(`select c.id from customer c where c.email = 'market0@example.com'`);
  webCustomer = c1.id;
  marketOnlyCustomer = c2.id;
  product = (await t.sql<{ id: string }>(`select id from product where sku = 'SKU-3'`))[0].id;
  warehouse = (await t.sql<{ id: string }>(`select id from warehouse where code = 'WH2'`))[0].id;
  webChannel = (await t.sql<{ id: string }>(`select id from channel where code = 'WEB'`))[0].id;
  marketChannel = (await t.sql<{ id: string }>(`select id from channel where code = 'MARKET'`))[0].id;
});
afterAll(() => t?.stop());

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}
interface Page {
  pageInfo: PageInfo;
  edges: { cursor: string; node: { id: string } }[];
}

/**
 * Reads a connection page by page forwards (first/after), then backwards from its end
 * (last/before), checking PageInfo on every page; returns both orders of ids.
 */
async function walkBothWays(
  fetch: (args: Record<string, unknown>) => Promise<Page>,
  size: number,
): Promise<{ forward: string[]; backward: string[]; pages: number }> {
  const forward: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const p: Page = await fetch(after ? { first: size, after } : { first: size });
    pages++;
    expect(p.pageInfo.hasPreviousPage).toBe(after !== null);
    expect(p.pageInfo.startCursor).toBe(p.edges[0]?.cursor ?? null);
    expect(p.pageInfo.endCursor).toBe(p.edges[p.edges.length - 1]?.cursor ?? null);
    forward.push(...p.edges.map((e) => e.node.id));
    if (!p.pageInfo.hasNextPage) break;
    expect(p.edges).toHaveLength(size);
    after = p.pageInfo.endCursor;
  }
  const backward: string[] = [];
  let before: string | null = null;
  for (;;) {
    const p: Page = await fetch(before ? { last: size, before } : { last: size });
    expect(p.pageInfo.hasNextPage).toBe(before !== null);
    expect(p.pageInfo.startCursor).toBe(p.edges[0]?.cursor ?? null);
    expect(p.pageInfo.endCursor).toBe(p.edges[p.edges.length - 1]?.cursor ?? null);
    backward.unshift(...p.edges.map((e) => e.node.id));
    if (!p.pageInfo.hasPreviousPage) break;
    expect(p.edges).toHaveLength(size);
    before = p.pageInfo.startCursor;
  }
  return { forward, backward, pages };
}

const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
const NODE_FIELDS = `__typename id
  ... on Order { number channel { code } }
  ... on Product { sku }
  ... on Customer { email }
  ... on Warehouse { code }
  ... on Channel { code }`;
const NODE = `query($id: ID!) { node(id: $id) { ${NODE_FIELDS} } }`;
const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { ${NODE_FIELDS} } }`;

describe('paging both ways', () => {
  const orders = (sort: string, filter?: Record<string, unknown>) => async (args: Record<string, unknown>) =>
    (
      await t.q<{ orders: Page }>(
        `query($first: Int, $after: String, $last: Int, $before: String, $sort: OrderSort, $filter: OrderFilter) {
          orders(first: $first, after: $after, last: $last, before: $before, sort: $sort, filter: $filter) {
            ${PAGE_INFO} edges { cursor node { id } } } }`,
        { ...args, sort, filter },
      )
    ).orders;

  test('the orders list: forwards then backwards gives the same orders in the same order, as the database sorts them', async () => {
    const inDb = (await t.sql<{ id: string }>(`select id from "order" order by placed_at desc, id desc`)).map(
      (r) => r.id,
    );
    expect(inDb).toHaveLength(23);
    const { forward, backward, pages } = await walkBothWays(orders('PLACED_AT_DESC'), 5);
    expect(pages).toBe(5);
    expect(forward).toEqual(inDb);
    expect(backward).toEqual(inDb);

    // Another sort and a filter (the partner-visible WEB channel): the same both ways.
    const byTotal = (
      await t.sql<{ id: string }>(
        `select o.id from "order" o join channel c on c.id = o.channel_id where c.code = 'WEB' order by o.total_amount asc, o.id asc`,
      )
    ).map((r) => r.id);
    const walked = await walkBothWays(orders('TOTAL_ASC', { channelCode: 'WEB' }), 4);
    expect(walked.forward).toEqual(byTotal);
    expect(walked.backward).toEqual(byTotal);
  });

  test('the ends of the orders list: first page, last page, and a window between after and before', async () => {
    const all = (await orders('PLACED_AT_DESC')({ first: 200 })).edges;
    const first = await orders('PLACED_AT_DESC')({ first: 3 });
    expect(first.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: all[0].cursor,
      endCursor: all[2].cursor,
    });
    const last = await orders('PLACED_AT_DESC')({ last: 3 });
    expect(last.edges.map((e) => e.node.id)).toEqual(all.slice(-3).map((e) => e.node.id));
    expect(last.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: all[20].cursor,
      endCursor: all[22].cursor,
    });
    // Everything: last larger than the list.
    const whole = await orders('PLACED_AT_DESC')({ last: 200 });
    expect(whole.edges.map((e) => e.node.id)).toEqual(all.map((e) => e.node.id));
    expect(whole.pageInfo.hasPreviousPage).toBe(false);
    expect(whole.pageInfo.hasNextPage).toBe(false);
    // Between two cursors, from either end.
    const window = { after: all[4].cursor, before: all[10].cursor };
    const fromFront = await orders('PLACED_AT_DESC')({ ...window, first: 3 });
    expect(fromFront.edges.map((e) => e.node.id)).toEqual(all.slice(5, 8).map((e) => e.node.id));
    expect(fromFront.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const fromBack = await orders('PLACED_AT_DESC')({ ...window, last: 3 });
    expect(fromBack.edges.map((e) => e.node.id)).toEqual(all.slice(7, 10).map((e) => e.node.id));
    expect(fromBack.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    // before alone: the page just before the cursor (default size), read from the back.
    const beforeOnly = await orders('PLACED_AT_DESC')({ before: all[3].cursor });
    expect(beforeOnly.edges.map((e) => e.node.id)).toEqual(all.slice(0, 3).map((e) => e.node.id));
    expect(beforeOnly.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  test('stock: forwards then backwards in SKU, warehouse priority and code order', async () => {
    const inDb = (
      await t.sql<{ id: string }>(
        `select s.id from stock_level s join product p on p.id = s.product_id join warehouse w on w.id = s.warehouse_id
         order by p.sku, w.priority, w.code`,
      )
    ).map((r) => r.id);
    expect(inDb).toHaveLength(20);
    const stock = async (args: Record<string, unknown>) =>
      (
        await t.q<{ stock: Page }>(
          `query($first: Int, $after: String, $last: Int, $before: String) {
            stock(first: $first, after: $after, last: $last, before: $before) { ${PAGE_INFO} edges { cursor node { id } } } }`,
          args,
        )
      ).stock;
    const { forward, backward } = await walkBothWays(stock, 6);
    expect(forward).toEqual(inDb);
    expect(backward).toEqual(inDb);
    const end = await stock({ last: 6 });
    expect(end.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(end.edges.map((e) => e.node.id)).toEqual(inDb.slice(-6));
  });

  test.each([
    ['products', 'products'],
    ['warehousesConnection', 'warehousesConnection'],
    ['usersConnection', 'usersConnection'],
    ['apiKeysConnection', 'apiKeysConnection'],
    ['auditLog', 'auditLog'],
    ['events', 'events'],
    ['stockMovements', 'stockMovements'],
  ])('%s pages backwards like forwards (the shared paging)', async (_name, field) => {
    if (field === 'apiKeysConnection') {
      for (let i = 0; i < 3; i++) await createKey(t, { channelCodes: ['WEB'], permissions: ['ORDER_READ'] });
    }
    if (field === 'usersConnection') {
      for (let i = 0; i < 2; i++) await userWithRole(t, 'VIEWER');
    }
    const page = async (args: Record<string, unknown>) =>
      (
        await t.q<Record<string, Page>>(
          `query($first: Int, $after: String, $last: Int, $before: String) {
            ${field}(first: $first, after: $after, last: $last, before: $before) { ${PAGE_INFO} edges { cursor node { id } } } }`,
          args,
        )
      )[field];
    const all = (await page({ first: 200 })).edges.map((e) => e.node.id);
    expect(all.length).toBeGreaterThanOrEqual(3);
    const { forward, backward } = await walkBothWays(page, 2);
    expect(forward).toEqual(all);
    expect(backward).toEqual(all);
  });

  test('webhook endpoints, their deliveries and rule executions page backwards like forwards', async () => {
    // Endpoints for an event nothing here raises; their deliveries written as the dispatcher would.
    const endpointIds: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await t.q(
        `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { id } userErrors { message } } }`,
        { i: { url: `http://127.0.0.1:9/hook-${i}`, eventTypes: ['return.created'] } },
      );
      expect(r.createWebhookEndpoint.userErrors).toEqual([]);
      endpointIds.push(r.createWebhookEndpoint.endpoint.id);
    }
    await t.sql(
      `insert into webhook_delivery (id, endpoint_id, event_id, event_type, status, attempt_count, replay, created_at)
       select gen_random_uuid(), $1, gen_random_uuid(), 'return.created', 'DELIVERED', 1, false,
              timestamp '2026-03-01 00:00:00+00' + ((n / 2) || ' minutes')::interval
       from generate_series(1, 7) n`,
      [endpointIds[0]],
    );
    const deliveriesInDb = (
      await t.sql<{ id: string }>(
        `select id from webhook_delivery where endpoint_id = $1 order by created_at desc, id desc`,
        [endpointIds[0]],
      )
    ).map((r) => r.id);
    const deliveries = async (args: Record<string, unknown>) =>
      (
        await t.q<{ webhookDeliveries: Page }>(
          `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
            webhookDeliveries(endpointId: $id, first: $first, after: $after, last: $last, before: $before) {
              ${PAGE_INFO} edges { cursor node { id } } } }`,
          { id: endpointIds[0], ...args },
        )
      ).webhookDeliveries;
    const d = await walkBothWays(deliveries, 3);
    expect(d.forward).toEqual(deliveriesInDb);
    expect(d.backward).toEqual(deliveriesInDb);

    const endpoints = async (args: Record<string, unknown>) =>
      (
        await t.q<{ webhookEndpointsConnection: Page }>(
          `query($first: Int, $after: String, $last: Int, $before: String) {
            webhookEndpointsConnection(first: $first, after: $after, last: $last, before: $before) {
              ${PAGE_INFO} edges { cursor node { id } } } }`,
          args,
        )
      ).webhookEndpointsConnection;
    const e = await walkBothWays(endpoints, 2);
    expect(e.forward).toEqual(endpointIds);
    expect(e.backward).toEqual(endpointIds);

    const executions = async (args: Record<string, unknown>) =>
      (
        await t.q<{ ruleExecutions: Page }>(
          `query($first: Int, $after: String, $last: Int, $before: String) {
            ruleExecutions(first: $first, after: $after, last: $last, before: $before) {
              ${PAGE_INFO} edges { cursor node { id } } } }`,
          args,
        )
      ).ruleExecutions;
    // The execution log as the engine writes it (a rule that skipped 7 orders, with ties in time).
    const [rule] = await t.sql<{ id: string; key: string }>(`select id, key from automation_rule order by key limit 1`);
    await t.sql(
      `insert into rule_execution (id, rule_id, rule_key, order_id, dedupe_key, outcome, reason, actions, at)
       select gen_random_uuid(), $1, $2, o.id, 'relay-' || o.id, 'SKIPPED', 'test', '[]',
              timestamp '2026-03-02 00:00:00+00' + ((row_number() over (order by o.id) / 3) || ' minutes')::interval
       from (select id from "order" order by id limit 7) o`,
      [rule.id, rule.key],
    );
    const executionsInDb = (await t.sql<{ id: string }>(`select id from rule_execution order by at desc, id desc`)).map(
      (r) => r.id,
    );
    expect(executionsInDb.length).toBeGreaterThanOrEqual(3);
    const x = await walkBothWays(executions, 2);
    expect(x.forward).toEqual(executionsInDb);
    expect(x.backward).toEqual(executionsInDb);
  });

  test('a partner key pages its own channel both ways and never sees another', async () => {
    const key = await createKey(t, { channelCodes: ['WEB'], permissions: ['ORDER_READ'] });
    const webInDb = (
      await t.sql<{ id: string }>(
        `select o.id from "order" o join channel c on c.id = o.channel_id where c.code = 'WEB' order by o.placed_at desc, o.id desc`,
      )
    ).map((r) => r.id);
    const page = async (args: Record<string, unknown>) =>
      (
        await t.q<{ orders: Page }>(
          `query($first: Int, $after: String, $last: Int, $before: String) {
            orders(first: $first, after: $after, last: $last, before: $before) { ${PAGE_INFO} edges { cursor node { id } } } }`,
          args,
          { token: key.secret },
        )
      ).orders;
    const w = await walkBothWays(page, 4);
    expect(w.forward).toEqual(webInDb);
    expect(w.backward).toEqual(webInDb);
    // A cursor of a MARKET order (from an admin's list) as a bound shows nothing of MARKET either.
    const all = (await orders('PLACED_AT_DESC')({ first: 200 })).edges;
    const market = all.find((e) => e.node.id === marketOrder)!;
    const around = await page({ before: market.cursor, last: 200 });
    expect(around.edges.map((e) => e.node.id).every((id) => webInDb.includes(id))).toBe(true);
  });

  test('a page asked with last costs what the same page asked with first does; nodes costs by its ids', async () => {
    const first = await t.gql(`{ orders(first: 10) { nodes { id } } }`);
    const last = await t.gql(`{ orders(last: 10) { nodes { id } } }`);
    expect(first.cost?.requested).toBe(21);
    expect(last.cost?.requested).toBe(21);
    const two = await t.gql(NODES, { ids: [product, warehouse] });
    const many = await t.gql(NODES, { ids: Array.from({ length: 50 }, () => product) });
    expect(many.cost!.requested).toBeGreaterThan(two.cost!.requested);
    expect(two.cost!.requested).toBeLessThan(many.cost!.requested / 10);
  });

  test('bad paging arguments are refused with an error naming the argument', async () => {
    const err = async (args: string) => {
      const r = await t.gql(`{ orders(${args}) { edges { cursor } } }`);
      expect(r.body.data ?? null).toBeNull();
      return r.body.errors?.[0]?.message;
    };
    const firstCursor = (await orders('PLACED_AT_DESC')({ first: 1 })).edges[0].cursor;
    const totalCursor = (await orders('TOTAL_ASC')({ first: 1 })).edges[0].cursor;
    expect(await err('first: 2, last: 2')).toBe('first and last cannot be used together');
    expect(await err('last: 0')).toBe('last must be between 1 and 200');
    expect(await err('last: 201')).toBe('last must be between 1 and 200');
    expect(await err('before: "nonsense"')).toBe('before is not a valid cursor');
    expect(await err(`before: "${totalCursor}"`)).toBe('before is a cursor of another sort');
    expect(await err(`after: "${totalCursor}"`)).toBe('after is a cursor of another sort');
    expect(await err(`sort: TOTAL_ASC, before: "${firstCursor}"`)).toBe('before is a cursor of another sort');
    const forged = Buffer.from(JSON.stringify(['PLACED_AT_DESC', 'not a date', 'x'])).toString('base64url');
    expect(await err(`before: "${forged}"`)).toBe('before is not a valid cursor');
    const stock = await t.gql(`{ stock(first: 1, last: 1) { edges { cursor } } }`);
    expect(stock.body.errors?.[0]?.message).toBe('first and last cannot be used together');
    const events = await t.gql(`{ events(last: 500) { edges { cursor } } }`);
    expect(events.body.errors?.[0]?.message).toBe('last must be between 1 and 200');
  });
});

describe('node and nodes', () => {
  test('node fetches each type by its own id (the UUID every other field shows)', async () => {
    const node = async (id: string) => (await t.q(NODE, { id })).node;
    expect(await node(webOrder)).toMatchObject({ __typename: 'Order', id: webOrder, channel: { code: 'WEB' } });
    expect(await node(product)).toEqual({ __typename: 'Product', id: product, sku: 'SKU-3' });
    expect(await node(webCustomer)).toEqual({ __typename: 'Customer', id: webCustomer, email: 'web1@example.com' });
    expect(await node(warehouse)).toEqual({ __typename: 'Warehouse', id: warehouse, code: 'WH2' });
    expect(await node(webChannel)).toEqual({ __typename: 'Channel', id: webChannel, code: 'WEB' });
    // The same id as order(id) shows, upper-case accepted like there.
    const viaOrder = (await t.q(`query($id: ID!) { order(id: $id) { id number } }`, { id: webOrder })).order;
    expect(await node(webOrder.toUpperCase())).toMatchObject({ id: webOrder, number: viaOrder.number });
  });

  test('nodes answers in the order asked, null for unknown and malformed ids, repeats included', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const ids = [warehouse, 'not-a-uuid', webOrder, unknown, product, webChannel, webCustomer, webOrder, ''];
    const r = await t.gql(NODES, { ids });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.nodes.map((n: { id: string; __typename: string } | null) => n && [n.__typename, n.id])).toEqual([
      ['Warehouse', warehouse],
      null,
      ['Order', webOrder],
      null,
      ['Product', product],
      ['Channel', webChannel],
      ['Customer', webCustomer],
      ['Order', webOrder],
      null,
    ]);
    const empty = await t.q(NODES, { ids: [] });
    expect(empty.nodes).toEqual([]);
  });

  test('a malformed id is null, not an error', async () => {
    for (const id of ['x', "'; drop table product; --", '0'.repeat(5000), 'ffffffff-ffff-ffff-ffff-fffffffffffff']) {
      const r = await t.gql(NODE, { id });
      expect(r.body).toEqual({ data: { node: null } });
    }
    expect((await t.sql(`select count(*)::int as n from product`))[0].n).toBe(8);
  });

  test('more than 100 ids are refused, naming the field; 100 are answered', async () => {
    const unknown = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const tooMany = await t.gql(NODES, { ids: Array.from({ length: 101 }, (_, i) => unknown(i)) });
    expect(tooMany.body.data ?? null).toBeNull();
    expect(tooMany.body.errors?.[0]?.message).toBe('ids must hold at most 100 ids (got 101)');
    expect(tooMany.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const hundred = await t.q(NODES, { ids: [...Array.from({ length: 99 }, (_, i) => unknown(i)), product] });
    expect(hundred.nodes).toHaveLength(100);
    expect(hundred.nodes[99]).toMatchObject({ __typename: 'Product', id: product });
  });

  test('without signing in: unauthenticated, like every other query', async () => {
    const r = await t.gql(NODE, { id: webOrder }, { token: null });
    expect(r.body.data?.node ?? null).toBeNull();
    expect(r.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('node and nodes apply each type’s own access rules, and a refusal looks like a missing id', () => {
  const unknown = '00000000-0000-4000-8000-0000000000aa';

  test('a partner key limited to WEB sees WEB’s orders, channel and customers, nothing of MARKET', async () => {
    const key = await createKey(t, {
      channelCodes: ['WEB'],
      permissions: ['ORDER_READ', 'CUSTOMER_READ', 'CHANNEL_READ', 'PRODUCT_READ', 'WAREHOUSE_READ'],
    });
    const as = (q: string, v: Record<string, unknown>) => t.gql(q, v, { token: key.secret });
    const missing = (await as(NODE, { id: unknown })).body;
    expect(missing).toEqual({ data: { node: null } });
    // Outside its channel: exactly the answer of an unknown id, and order(id) agrees.
    for (const id of [marketOrder, marketChannel, marketOnlyCustomer]) {
      expect((await as(NODE, { id })).body).toEqual(missing);
    }
    expect((await as(`query($id: ID!) { order(id: $id) { id } }`, { id: marketOrder })).body).toEqual({
      data: { order: null },
    });
    // Inside it: the same objects an admin gets.
    expect((await as(NODE, { id: webOrder })).body.data.node).toMatchObject({ __typename: 'Order', id: webOrder });
    expect((await as(NODE, { id: webChannel })).body.data.node).toMatchObject({
      __typename: 'Channel',
      id: webChannel,
    });
    expect((await as(NODE, { id: webCustomer })).body.data.node).toMatchObject({ __typename: 'Customer' });
    expect((await as(NODE, { id: product })).body.data.node).toMatchObject({ __typename: 'Product' });
    expect((await as(NODE, { id: warehouse })).body.data.node).toMatchObject({ __typename: 'Warehouse' });
    const many = (await as(NODES, { ids: [marketOrder, webOrder, marketChannel, webChannel, marketOnlyCustomer] }))
      .body;
    expect(many.errors).toBeUndefined();
    expect(many.data.nodes.map((n: { id: string } | null) => n?.id ?? null)).toEqual([
      null,
      webOrder,
      null,
      webChannel,
      null,
    ]);
  });

  test('a key without CUSTOMER_READ gets no customer; without PRODUCT_READ no product; and so on per type', async () => {
    const cases: [string[], string, string][] = [
      [['ORDER_READ'], webCustomer, 'Customer'],
      [['CUSTOMER_READ'], webCustomer, 'Customer'],
      [['ORDER_READ', 'CUSTOMER_READ'], product, 'Product'],
      [['PRODUCT_READ'], warehouse, 'Warehouse'],
      [['PRODUCT_READ'], webChannel, 'Channel'],
      [['PRODUCT_READ'], webOrder, 'Order'],
    ];
    for (const [permissions, id] of cases) {
      const key = await createKey(t, { channelCodes: ['WEB', 'MARKET'], permissions });
      const missing = (await t.gql(NODE, { id: unknown }, { token: key.secret })).body;
      const r = (await t.gql(NODE, { id }, { token: key.secret })).body;
      expect(r).toEqual(missing);
      expect(r).toEqual({ data: { node: null } });
      const many = (await t.gql(NODES, { ids: [id] }, { token: key.secret })).body;
      expect(many).toEqual({ data: { nodes: [null] } });
    }
    // With the permissions each type's own query needs, the same keys' objects appear.
    const full = await createKey(t, {
      channelCodes: ['WEB', 'MARKET'],
      permissions: ['ORDER_READ', 'CUSTOMER_READ'],
    });
    expect((await t.gql(NODE, { id: marketOnlyCustomer }, { token: full.secret })).body.data.node).toMatchObject({
      __typename: 'Customer',
      id: marketOnlyCustomer,
    });
  });

  test('a staff role without CUSTOMER_READ (viewer) gets no customer, but gets orders', async () => {
    const user = await userWithRole(t, 'VIEWER');
    const token = await login(t, user.email, user.password);
    const r = await t.gql(NODES, { ids: [webCustomer, webOrder] }, { token });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.nodes[0]).toBeNull();
    expect(r.body.data.nodes[1]).toMatchObject({ __typename: 'Order', id: webOrder });
  });
});
