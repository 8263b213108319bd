/**
 * Sorting the orders list: each sort pages through every matching order exactly once, in the
 * sort's order with ties broken by id, and a cursor works only with the sort it came from.
 */
import { createCatalog, placeOrder } from './builders';
import { startTestServer, TestServer } from './harness';
import { operation, Query, Select } from './support/select';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await createCatalog(t, {
    channels: [{ code: 'WEB' }],
    warehouses: [{ code: 'WH1', priority: 1 }],
    products: [{ sku: 'SKU-1', price: 100 }],
    stock: { 'SKU-1': { WH1: 1000 } },
  });
  // Totals with ties (quantity 1 to 5, so several orders share each total).
  for (let i = 0; i < 23; i++) await placeOrder(t, { lines: [{ sku: 'SKU-1', quantity: 1 + ((i * 7) % 5) }] });
});
afterAll(() => t?.stop());

type PageData = Select<
  Query,
  {
    orders: {
      totalCount: true;
      pageInfo: { hasNextPage: true; endCursor: true };
      nodes: { id: true; total: { amount: true } };
    };
  }
>;
const PAGE = operation<PageData>(`query($after: String, $sort: OrderSort, $status: [OrderStatus!]) {
  orders(first: 4, after: $after, sort: $sort, filter: { status: $status }) { totalCount pageInfo { hasNextPage endCursor } nodes { id total { amount } } } }`);

async function walk(sort: string) {
  const seen: string[] = [];
  let after: string | null = null;
  for (;;) {
    const r: PageData = await t.q(PAGE, { after, sort });
    seen.push(...r.orders.nodes.map((n) => n.id));
    if (!r.orders.pageInfo.hasNextPage) return seen;
    after = r.orders.pageInfo.endCursor;
  }
}

test.each([
  ['TOTAL_DESC', 'total_amount desc, id desc'],
  ['TOTAL_ASC', 'total_amount asc, id asc'],
  ['PLACED_AT_ASC', 'placed_at asc, id asc'],
  ['PLACED_AT_DESC', 'placed_at desc, id desc'],
  ['UPDATED_AT_DESC', 'updated_at desc, id desc'],
])('%s pages through every order once, in order', async (sort, sqlOrder) => {
  const expected = (await t.sql(`select id from "order" order by ${sqlOrder}`)).map((r) => r.id);
  const got = await walk(sort);
  expect(got).toEqual(expected);
  expect(new Set(got).size).toBe(23);
});

test('a cursor from another sort is refused', async () => {
  const first = await t.q(PAGE, { sort: 'TOTAL_DESC' });
  const res = await t.gql(PAGE, { sort: 'PLACED_AT_DESC', after: first.orders.pageInfo.endCursor });
  expect(res.body.errors![0]).toMatchObject({
    message: 'after is a cursor of another sort',
    extensions: { code: 'BAD_USER_INPUT' },
  });
  const unknown = await t.gql(PAGE, { sort: 'CHEAPEST' });
  expect(unknown.status).toBe(400);
});
