/**
 * The order's own copies of its customer's e-mail and name (`order.search_email`,
 * `order.search_name`, Migration20261207120000_order_search), which the order search reads
 * (docs/scale.md#search): kept by triggers on every path that writes orders or customers
 * (placement, a rename by a later placement, the customer import, the order import, a bulk SQL
 * load, a direct update); and the search on them still respects a key's channels and permissions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { generateOrders } from '../src/bench/data';
import { createCatalog, placeOrder } from './builders';
import { createKey, importCsv } from './data-helpers';
import { startTestServer, TestServer } from './harness';
import { operation, Query, Select } from './support/select';

const DOCS = path.join(__dirname, '../../../docs/data');
let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
  await createCatalog(t, {
    channels: [{ code: 'WEB' }, { code: 'MARKET' }],
    warehouses: [
      { code: 'WH1', priority: 1 },
      { code: 'BER', priority: 2 },
    ],
    products: [{ sku: 'SKU-1' }],
    stock: { 'SKU-1': { WH1: 1000 } },
  });
}, 120_000);
afterAll(() => t?.stop());

const SEARCH = operation<
  Select<
    Query,
    { orders: { totalCount: true; nodes: { id: true; number: true; customer: { email: true; name: true } } } }
  >
>(
  `query($s: String) { orders(first: 100, filter: { search: $s }) { totalCount nodes { id number customer { email name } } } }`,
);
const found = async (term: string, token?: string) => {
  const r = await t.gql(SEARCH, { s: term }, token ? { token } : undefined);
  expect(r.body.errors).toBeUndefined();
  return r.body.data!.orders.nodes.map((n) => n.number).sort();
};
/** What the order rows hold, next to their customer's current e-mail and name. */
const columns = (where: string, values: unknown[]) =>
  t.sql<{ number: string; search_email: string; search_name: string | null; email: string; name: string | null }>(
    `select o.number, o.search_email, o.search_name, c.email, c.name from "order" o join customer c on c.id = o.customer_id
      where ${where} order by o.number`,
    values,
  );
const sorted = (xs: string[]) => [...xs].sort();

describe('kept current', () => {
  test('a placed order carries its customer e-mail and name, and is found by a part of either', async () => {
    const { order } = await placeOrder(t, {
      customer: { email: 'Marie.Sklodowska@Radium.example', name: 'Marie Skłodowska Curie' },
    });
    expect(await columns('o.id = $1', [order!.id])).toEqual([
      {
        number: order!.number,
        search_email: 'marie.sklodowska@radium.example',
        search_name: 'Marie Skłodowska Curie',
        email: 'marie.sklodowska@radium.example',
        name: 'Marie Skłodowska Curie',
      },
    ]);
    for (const term of ['sklodowska@rad', 'RADIUM.EX', 'skłodowska cu', 'marie', order!.number]) {
      expect({ term, found: await found(term) }).toEqual({ term, found: [order!.number] });
    }
    // A long term: the indexes are asked for its first 16 characters, the whole term must still match.
    for (const term of ['marie.sklodowska@radium.example', 'Marie Skłodowska Curie']) {
      expect({ term, found: await found(term) }).toEqual({ term, found: [order!.number] });
    }
    for (const term of ['marie.sklodowska@radium.example.org', 'Marie Skłodowska-Curie']) {
      expect({ term, found: await found(term) }).toEqual({ term, found: [] });
    }
  });

  test('a later placement that renames the customer updates every order of that customer, and only those', async () => {
    const email = 'lise.meitner@fission.example';
    const first = await placeOrder(t, { customer: { email, name: 'Lise Meitner' } });
    const second = await placeOrder(t, { customer: { email, name: 'Lise Meitner' } });
    const other = await placeOrder(t, { customer: { email: 'otto.hahn@fission.example', name: 'Otto Meitner-Hahn' } });
    const third = await placeOrder(t, { customer: { email, name: 'Elise Meitner-Frisch' } });
    const mine = sorted([first.order!.number, second.order!.number, third.order!.number]);
    // The rename reached the two older orders (the database), and the search follows (the user).
    const rows = await columns('c.email = $1', [email]);
    expect(rows.map((r) => r.number)).toEqual(mine);
    expect(rows.every((r) => r.search_name === 'Elise Meitner-Frisch' && r.search_email === email)).toBe(true);
    expect(await found('Meitner-Frisch')).toEqual(mine);
    expect(await found('Lise Meitner')).toEqual(mine); // "Elise Meitner-Frisch" contains it
    expect(await found('Otto')).toEqual([other.order!.number]);
    // A placement without a name leaves the name, and the columns, as they are.
    await placeOrder(t, { customer: { email, name: null } });
    expect((await columns('c.email = $1', [email])).every((r) => r.search_name === 'Elise Meitner-Frisch')).toBe(true);
  });

  test('a GDPR-style erasure of the customer (a direct update) is reflected in its orders at once', async () => {
    const email = 'rosalind.franklin@helix.example';
    const a = await placeOrder(t, { customer: { email, name: 'Rosalind Franklin' } });
    const b = await placeOrder(t, { channelCode: 'MARKET', customer: { email, name: 'Rosalind Franklin' } });
    const [{ id }] = await t.sql(`select id from customer where email = $1`, [email]);
    await t.sql(`update customer set email = $2, name = null where id = $1`, [id, `erased-${id}@invalid`]);
    const rows = await columns('c.id = $1', [id]);
    expect(rows.map((r) => [r.number, r.search_email, r.search_name])).toEqual(
      sorted([a.order!.number, b.order!.number]).map((n) => [n, `erased-${id}@invalid`, null]),
    );
    expect(await found('rosalind')).toEqual([]);
    expect(await found('helix.example')).toEqual([]);
    expect(await found(`erased-${id}`)).toEqual(sorted([a.order!.number, b.order!.number]));
  });

  test('moving an order to another customer takes that customer e-mail and name', async () => {
    const { order } = await placeOrder(t, { customer: { email: 'wrong.person@typo.example', name: 'Wrong Person' } });
    await placeOrder(t, { customer: { email: 'right.person@typo.example', name: 'Right Person' } });
    await t.sql(
      `update "order" set customer_id = (select id from customer where email = 'right.person@typo.example') where id = $1`,
      [order!.id],
    );
    expect(await columns('o.id = $1', [order!.id])).toMatchObject([
      { search_email: 'right.person@typo.example', search_name: 'Right Person' },
    ]);
    expect(await found('wrong.person')).toEqual([]);
  });

  test('the customer import renames, and the order import writes, the columns', async () => {
    const products = await importCsv(t, 'products', fs.readFileSync(path.join(DOCS, 'products.csv'), 'utf8'), false);
    expect(products.body.errors).toEqual([]);
    const orders = await importCsv(t, 'orders', fs.readFileSync(path.join(DOCS, 'orders.csv'), 'utf8'), false);
    expect(orders.body).toMatchObject({ created: 3, errors: [] });
    const imported = await columns(`o.external_id like 'legacy-%'`, []);
    expect(imported).toHaveLength(3);
    for (const r of imported) expect([r.search_email, r.search_name]).toEqual([r.email, r.name]);
    const grace = imported.filter((r) => r.email === 'grace@example.com').map((r) => r.number);
    expect(await found('grace@exa')).toEqual(grace);

    // docs/data/customers.csv names grace@example.com "Hopper, Grace".
    const customers = await importCsv(t, 'customers', fs.readFileSync(path.join(DOCS, 'customers.csv'), 'utf8'), false);
    expect(customers.body.errors).toEqual([]);
    expect((await columns(`c.email = 'grace@example.com'`, [])).map((r) => r.search_name)).toEqual(
      grace.map(() => 'Hopper, Grace'),
    );
    expect(await found('hopper, gr')).toEqual(grace);
  });

  test('orders loaded in bulk with SQL (the benchmark generator) carry their customers columns', async () => {
    const channels = await t.sql<{ id: string }>(`select id from channel order by code`);
    const pool = new Pool({ connectionString: t.databaseUrl, max: 1 });
    try {
      await generateOrders(pool, { orders: 300, customers: 100, channelIds: channels.map((c) => c.id), days: 30 });
    } finally {
      await pool.end();
    }
    const [r] = await t.sql(
      `select count(*)::int as orders,
              count(*) filter (where o.search_email is distinct from c.email or o.search_name is distinct from c.name)::int as stale
         from "order" o join customer c on c.id = o.customer_id`,
    );
    expect(r.orders).toBeGreaterThan(300);
    expect(r.stale).toBe(0);
  });
});

describe('boundaries', () => {
  let web: { number: string }[];
  let market: { number: string }[];
  beforeAll(async () => {
    const customer = { email: 'barbara.mcclintock@maize.example', name: 'Barbara McClintock' };
    web = [(await placeOrder(t, { customer })).order!, (await placeOrder(t, { customer })).order!];
    market = [(await placeOrder(t, { channelCode: 'MARKET', externalId: 'MZ-1983-NOBEL', customer })).order!];
  });

  test('a key limited to a channel finds by e-mail or name fragment only the orders of its channel', async () => {
    const key = await createKey(t, ['WEB'], ['ORDER_READ', 'CUSTOMER_READ']);
    expect(await found('mcclintock', key)).toEqual(sorted(web.map((o) => o.number)));
    expect(await found('maize.exa', key)).toEqual(sorted(web.map((o) => o.number)));
    expect(await found(market[0].number, key)).toEqual([]);
    expect(await found('MZ-1983-NOBEL', key)).toEqual([]);
    // Staff see all three.
    expect(await found('mcclintock')).toEqual(sorted([...web, ...market].map((o) => o.number)));
  });

  test('a key without CUSTOMER_READ finds by number or external id only, never by the copies', async () => {
    const key = await createKey(t, ['WEB', 'MARKET'], ['ORDER_READ']);
    for (const term of ['mcclintock', 'Barbara', 'maize.example', 'b']) {
      expect({ term, found: await found(term, key) }).toEqual({ term, found: [] });
    }
    expect(await found('MZ-1983-NOBEL', key)).toEqual([market[0].number]);
    expect(await found(web[0].number, key)).toEqual([web[0].number]);
  });

  test('a search term that is too long is refused, naming the field', async () => {
    const r = await t.gql(SEARCH, { s: 'x'.repeat(201) });
    expect(r.body.errors?.[0].message).toMatch(/filter\.search/);
  });
});
