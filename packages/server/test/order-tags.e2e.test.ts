/**
 * The tags in use (Query.orderTags), for the order desk's tag filter: counted per order, most used
 * first, within the caller's channels, and filtering the list by one of them finds exactly its orders.
 */
import { createKey } from './access-helpers';
import { createCatalog, placeOrder } from './builders';
import { startTestServer, TestServer } from './harness';
import { operation, Query, Select } from './support/select';

let t: TestServer;
const ids: Record<string, string[]> = { WEB: [], POS: [] };

beforeAll(async () => {
  t = await startTestServer();
  await createCatalog(t, {
    channels: [{ code: 'WEB' }, { code: 'POS' }],
    warehouses: [{ code: 'WH1', priority: 1 }],
    products: [{ sku: 'SKU-1', price: 100 }],
    stock: { 'SKU-1': { WH1: 100 } },
  });
  for (const channelCode of ['WEB', 'WEB', 'WEB', 'POS', 'POS']) {
    const placed = await placeOrder(t, { channelCode, lines: [{ sku: 'SKU-1', quantity: 1 }] });
    ids[channelCode].push(placed.order!.id);
  }
  const tag = (id: string, tag: string) =>
    t.q(`mutation($id: ID!, $tag: String!) { addOrderTag(id: $id, tag: $tag) { userErrors { message } } }`, {
      id,
      tag,
    });
  // WEB: vip on all three, gift on one; POS: vip on one, wholesale on both.
  for (const id of ids.WEB) await tag(id, 'vip');
  await tag(ids.WEB[0], 'gift');
  await tag(ids.POS[0], 'vip');
  for (const id of ids.POS) await tag(id, 'wholesale');
});
afterAll(() => t?.stop());

type Tags = Select<Query, { orderTags: { tag: true; orders: true } }>;
const TAGS = operation<Tags>(`query($first: Int) { orderTags(first: $first) { tag orders } }`);

test('staff see every tag in use with its order count, most used first', async () => {
  const r = await t.q(TAGS, {});
  expect(r.orderTags).toEqual([
    { tag: 'vip', orders: 4 },
    { tag: 'wholesale', orders: 2 },
    { tag: 'gift', orders: 1 },
  ]);
  // The same counts as the database holds.
  const rows = await t.sql(
    `select t.tag, count(*)::int as orders from "order" o, unnest(o.tags) t(tag) group by 1 order by 2 desc, 1`,
  );
  expect(rows).toEqual(r.orderTags);
  expect((await t.q(TAGS, { first: 1 })).orderTags).toEqual([{ tag: 'vip', orders: 4 }]);
});

test("a partner key sees only its channels' tags and counts", async () => {
  const key = await createKey(t, { channelCodes: ['POS'], permissions: ['ORDER_READ'] });
  const r = await t.gql(TAGS, {}, { token: key.secret });
  expect(r.body.errors).toBeUndefined();
  expect(r.body.data!.orderTags).toEqual([
    { tag: 'wholesale', orders: 2 },
    { tag: 'vip', orders: 1 },
  ]);
  // gift (a WEB order's) is not even named.
  expect(JSON.stringify(r.body)).not.toContain('gift');
});

test('the orders list filtered by a tag holds exactly its orders', async () => {
  const r = await t.q<Select<Query, { orders: { totalCount: true; nodes: { id: true; tags: true } } }>>(
    `{ orders(filter: { tag: "gift" }) { totalCount nodes { id tags } } }`,
  );
  expect(r.orders.totalCount).toBe(1);
  expect(r.orders.nodes.map((n) => n.id)).toEqual([ids.WEB[0]]);
  expect(r.orders.nodes[0].tags.sort()).toEqual(['gift', 'vip']);
});

test.each([0, 501, -1])('first = %p is refused with a message naming first', async (first) => {
  const r = await t.gql(TAGS, { first });
  expect(r.body.errors?.[0].message).toMatch(/first must be between 1 and 500/);
  expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts:\d+/);
});

test('a key without ORDER_READ is refused', async () => {
  const key = await createKey(t, { channelCodes: ['WEB'], permissions: ['ORDER_PLACE'] });
  const r = await t.gql(TAGS, {}, { token: key.secret });
  expect(r.body.data?.orderTags ?? null).toBeNull();
  expect(r.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
});
