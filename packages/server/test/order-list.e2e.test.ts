import { createCatalog, mutate, placeOrder } from './builders';
import { startTestServer, TestServer } from './harness';
import { operation, OrderFilter, Query, Select } from './support/select';

let t: TestServer;
const ids: string[] = [];
beforeAll(async () => {
  t = await startTestServer();
  await createCatalog(t, {
    channels: [{ code: 'WEB' }, { code: 'MARKET' }],
    warehouses: [
      { code: 'WH1', priority: 1 },
      { code: 'WH2', priority: 2 },
    ],
    products: [{ sku: 'SKU-1' }, { sku: 'SKU-2' }, { sku: 'SKU-3' }],
    stock: { 'SKU-1': { WH1: 500, WH2: 500 }, 'SKU-2': { WH1: 500 }, 'SKU-3': { WH2: 500 } },
  });
  for (let i = 0; i < 60; i++) {
    const r = await placeOrder(t, {
      channelCode: i % 3 === 0 ? 'MARKET' : 'WEB',
      externalId: i % 3 === 0 ? `MK-${i}` : undefined,
      customer: { email: `buyer${i % 7}@shop${i % 2}.example`, name: `Buyer ${i % 7}` },
      lines: [
        { sku: 'SKU-1', quantity: 1 },
        { sku: 'SKU-2', quantity: 1 },
        { sku: 'SKU-3', quantity: 1 },
      ],
    });
    ids.push(r.order.id);
  }
  for (const id of ids.slice(0, 20)) await mutate(t, 'confirmOrder', 'id: $id', { id }, '$id: ID!');
  // Spread placement times one hour apart so date filters have something to cut: ids[59] is the newest.
  await t.sql(
    `update "order" o set placed_at = timestamp '2026-01-01 00:00:00+00' + (x.n || ' hours')::interval
    from (select id, row_number() over () as n from unnest($1::uuid[]) with ordinality as u(id, ord) order by ord) x where o.id = x.id`,
    [ids],
  );
});
afterAll(() => t?.stop());

type ListData = Select<
  Query,
  {
    orders: {
      totalCount: true;
      pageInfo: { hasNextPage: true; endCursor: true };
      edges: {
        cursor: true;
        node: {
          id: true;
          number: true;
          status: true;
          externalId: true;
          placedAt: true;
          channel: { code: true };
          customer: { email: true; name: true };
          lines: {
            sku: true;
            quantity: true;
            unitPrice: { amount: true };
            allocations: { quantity: true; warehouse: { code: true } };
          };
        };
      };
    };
  }
>;
const LIST = operation<ListData>(`query($first: Int, $after: String, $filter: OrderFilter) {
  orders(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id number status externalId placedAt channel { code } customer { email name }
      lines { sku quantity unitPrice { amount } allocations { quantity warehouse { code } } } } }
  }
}`);

test('the orders list runs the same number of SQL statements for a page of 10 or 50 orders with lines (no N+1)', async () => {
  const page = async (first: number) => {
    let data: ListData | undefined;
    const { statements } = await t.countQueries(async () => {
      data = await t.q(LIST, { first });
    });
    return { statements, data: data! };
  };
  const ten = await page(10);
  const fifty = await page(50);
  expect(ten.data.orders.edges).toHaveLength(10);
  expect(fifty.data.orders.edges).toHaveLength(50);
  expect(
    fifty.data.orders.edges.every(
      (e) => e.node.lines.length === 3 && e.node.lines.every((l) => l.allocations.length >= 1),
    ),
  ).toBe(true);
  if (process.env.SHOW_SQL) console.log(fifty.statements.join('\n'));
  // Batches run concurrently, so their order varies; what they are and how many does not.
  const tables = (statements: string[]) => statements.map((s) => /from "?(\w+)"?/.exec(s)?.[1]).sort();
  // session lookup, the page, its count, then one batched query per relation
  const expected = [
    'user_session',
    'order',
    'order',
    'channel',
    'customer',
    'order_line',
    'stock_allocation',
    'warehouse',
  ].sort();
  expect(tables(fifty.statements)).toEqual(expected);
  expect(tables(ten.statements)).toEqual(expected);
});

test('orders come newest first and cursor pages neither repeat nor skip an order', async () => {
  const seen: string[] = [];
  let after: string | null = null;
  for (;;) {
    const data: ListData = await t.q(LIST, { first: 25, after });
    seen.push(...data.orders.edges.map((e) => e.node.id));
    if (!data.orders.pageInfo.hasNextPage) break;
    after = data.orders.pageInfo.endCursor;
  }
  expect(seen).toEqual([...ids].reverse());
});

test('filters by status, channel, customer search, external id, order number and placement window', async () => {
  const count = async (filter: OrderFilter) => (await t.q(LIST, { first: 200, filter })).orders;
  expect((await count({ status: ['CONFIRMED'] })).totalCount).toBe(20);
  expect((await count({ status: ['PENDING', 'CONFIRMED'] })).totalCount).toBe(60);
  expect((await count({ channelCode: 'MARKET' })).totalCount).toBe(20);
  expect((await count({ channelCode: 'MARKET', status: ['CONFIRMED'] })).totalCount).toBe(7);
  expect((await count({ search: 'shop1.example' })).totalCount).toBe(30);
  expect((await count({ search: 'Buyer 3' })).totalCount).toBe(9);
  const byExternal = await count({ search: 'MK-30' });
  expect(byExternal.edges.map((e) => e.node.externalId)).toEqual(['MK-30']);
  const number = byExternal.edges[0].node.number;
  expect((await count({ search: number })).edges.map((e) => e.node.number)).toEqual([number]);
  // ids[i] was placed at 2026-01-01 + (i+1) hours.
  const window = await count({ placedFrom: '2026-01-01T10:00:00Z', placedTo: '2026-01-01T20:00:00Z' });
  expect(window.edges.map((e) => e.node.id)).toEqual(ids.slice(9, 19).reverse());
});

test('a search with LIKE wildcards matches them literally', async () => {
  const data = await t.q(LIST, { first: 10, filter: { search: '%' } });
  expect(data.orders.totalCount).toBe(0);
});

test('an order can be fetched by id or by number, and an unknown one is null', async () => {
  const byId = await t.q('query($id: ID) { order(id: $id) { id number } }', { id: ids[5] });
  const byNumber = await t.q('query($n: String) { order(number: $n) { id } }', { n: byId.order.number });
  expect(byNumber.order.id).toBe(ids[5]);
  expect((await t.q('query { order(number: "nope") { id } }')).order).toBeNull();
  expect((await t.q('query { order(id: "not-a-uuid") { id } }')).order).toBeNull();
});

test('page size is bounded and a forged cursor is refused with BAD_USER_INPUT', async () => {
  const tooMany = await t.gql(LIST, { first: 1000 });
  expect(tooMany.body.errors![0]).toMatchObject({
    message: 'first must be between 1 and 200',
    extensions: { code: 'BAD_USER_INPUT' },
  });
  const forged = await t.gql(LIST, { first: 10, after: 'garbage' });
  expect(forged.body.errors![0]).toMatchObject({
    message: 'after is not a valid cursor',
    extensions: { code: 'BAD_USER_INPUT' },
  });
});
