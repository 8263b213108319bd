/**
 * The order search and totalCount as they work at scale (docs/scale.md): the search finds an
 * order by its number or external id (exactly) or by part of its customer's e-mail or name (any
 * case), through indexes (pg_trgm); totalCount is exact up to the exact-count limit and
 * PostgreSQL's estimate above it, and says which (totalCountIsEstimate).
 * Thousands of orders come from the benchmark's SQL generator (generateOrders), which this file
 * checks too.
 */
import { Pool } from 'pg';
import { generateOrders } from '../src/bench/data';
import { containsPattern, orderListConditions } from '../src/modules/order/order-list.sql';
import { createCatalog, placeOrder } from './builders';
import { startTestServer, TestServer } from './harness';
import { operation, Query, Select } from './support/select';

const GENERATED = 20_000;
let t: TestServer;
let placed: { id: string; number: string; externalId: string };

beforeAll(async () => {
  t = await startTestServer();
  await createCatalog(t, {
    channels: [{ code: 'WEB' }, { code: 'MARKET' }],
    warehouses: [{ code: 'WH1', priority: 1 }],
    products: Array.from({ length: 20 }, (_, i) => ({ sku: `SKU-${i + 1}` })),
    stock: { 'SKU-1': { WH1: 100 } },
  });
  const r = await placeOrder(t, {
    channelCode: 'MARKET',
    externalId: 'MK-7781-XY',
    customer: { email: 'Grace.Hopper@Navy.example', name: 'Grace Brewster Hopper' },
  });
  placed = { id: r.order.id, number: r.order.number, externalId: 'MK-7781-XY' };
  const channels = await t.sql<{ id: string }>(`select id from channel order by code desc`);
  const pool = new Pool({ connectionString: t.databaseUrl, max: 1 });
  try {
    await generateOrders(pool, {
      orders: GENERATED,
      customers: 20_000,
      channelIds: channels.map((c) => c.id),
      days: 365,
    });
  } finally {
    await pool.end();
  }
}, 300_000);
afterAll(() => t?.stop());

const SEARCH = operation<
  Select<
    Query,
    {
      orders: {
        totalCount: true;
        totalCountIsEstimate: true;
        nodes: { id: true; number: true; externalId: true; customer: { email: true; name: true } };
      };
    }
  >
>(`query($search: String, $first: Int) {
  orders(first: $first, filter: { search: $search }) { totalCount totalCountIsEstimate nodes { id number externalId customer { email name } } }
}`);
const STATUS_COUNTS = operation<Select<Query, { orderStatusCounts: { status: true; count: true; isEstimate: true } }>>(
  '{ orderStatusCounts { status count isEstimate } }',
);
const search = async (term: string, first = 50) => (await t.q(SEARCH, { search: term, first })).orders;

describe('search', () => {
  test('finds an order by its number, exactly (a part of a number finds nothing)', async () => {
    expect((await search(placed.number)).nodes.map((n) => n.id)).toEqual([placed.id]);
    expect((await search(` ${placed.number} `)).nodes.map((n) => n.id)).toEqual([placed.id]);
    expect((await search(placed.number.slice(0, -1) + 'X')).totalCount).toBe(0);
  });

  test('finds an order by its external id, exactly', async () => {
    expect((await search('MK-7781-XY')).nodes.map((n) => n.id)).toEqual([placed.id]);
    expect((await search('MK-7781')).totalCount).toBe(0);
  });

  test('finds orders by the whole or part of the customer e-mail, in any case', async () => {
    for (const term of ['grace.hopper@navy.example', 'GRACE.HOPPER', 'hopper@navy', 'navy.exam']) {
      const found = await search(term);
      expect({ term, ids: found.nodes.map((n) => n.id) }).toEqual({ term, ids: [placed.id] });
    }
  });

  test('finds orders by the whole or part of the customer name, in any case', async () => {
    for (const term of ['Grace Brewster Hopper', 'brewster', 'ACE BREW']) {
      const found = await search(term);
      expect({ term, ids: found.nodes.map((n) => n.id) }).toEqual({ term, ids: [placed.id] });
    }
  });

  test('a name shared by many customers finds exactly their orders, as the database counts them', async () => {
    const [{ n }] = await t.sql(
      `select count(*)::int as n from "order" o join customer c on c.id = o.customer_id where c.name ilike '%schmidt%' or c.email ilike '%schmidt%'`,
    );
    expect(n).toBeGreaterThan(50);
    const found = await search('Schmidt', 200);
    expect(found.totalCount).toBe(n);
    expect(found.totalCountIsEstimate).toBe(false);
    expect(found.nodes.every((o) => /schmidt/i.test(o.customer!.name!) || /schmidt/i.test(o.customer!.email))).toBe(
      true,
    );
  });

  test('an external id of a generated marketplace order finds that order only', async () => {
    const [row] = await t.sql(
      `select id, external_id from "order" where external_id is not null and external_id <> 'MK-7781-XY' order by number limit 1`,
    );
    expect((await search(row.external_id)).nodes.map((n) => n.id)).toEqual([row.id]);
  });
});

describe('a term few orders share, and one many share', () => {
  type Page = Select<
    Query,
    { orders: { pageInfo: { hasNextPage: true; endCursor: true }; nodes: { id: true } } }
  >['orders'];
  const PAGE = `query($search: String, $sort: OrderSort, $status: [OrderStatus!], $after: String) {
    orders(first: 50, after: $after, sort: $sort, filter: { search: $search, status: $status }) { pageInfo { hasNextPage endCursor } nodes { id } }
  }`;
  const SORT_SQL: Record<string, string> = {
    PLACED_AT_DESC: 'o.placed_at desc, o.id desc',
    PLACED_AT_ASC: 'o.placed_at asc, o.id asc',
    UPDATED_AT_DESC: 'o.updated_at desc, o.id desc',
    TOTAL_DESC: 'o.total_amount desc, o.id desc',
    TOTAL_ASC: 'o.total_amount asc, o.id asc',
  };
  /** The matches straight from the tables, in the sort's order: what every page must show. */
  const expected = async (term: string, sort: string, status?: string[]) =>
    (
      await t.sql<{ id: string }>(
        `select o.id from "order" o join customer c on c.id = o.customer_id
      where (o.number = $1 or o.external_id = $1 or c.email ilike $2 or c.name ilike $2) and ($3::order_status[] is null or o.status = any($3))
      order by ${SORT_SQL[sort]} limit 150`,
        [term, containsPattern(term), status ?? null],
      )
    ).map((r) => r.id);
  /** The plan of the list's first page for a search term (as the list writes it). */
  const plan = async (term: string) => {
    const conditions = orderListConditions({ search: term, searchCustomers: true });
    let n = 0;
    const where = conditions.map((c) => c.text.replace(/\?/g, () => `$${++n}`)).join(' and ');
    return (
      await t.sql(
        `explain select o.* from "order" o where ${where} order by o.placed_at desc, o.id desc limit 51`,
        conditions.flatMap((c) => c.values),
      )
    )
      .map((r) => r['QUERY PLAN'])
      .join('\n');
  };

  test('the plan follows how many orders match: a whole e-mail, the trigram indexes; a mail domain, the sort index', async () => {
    await t.sql('analyze customer');
    await t.sql('analyze "order"');
    const [{ email }] = await t.sql(
      `select email from customer where email like '%@inbox.example' order by email limit 1`,
    );
    const few = await plan(email);
    expect(few).toMatch(/order_search_email_trgm_index/);
    expect(few).toMatch(/order_search_name_trgm_index/);
    const many = await plan('inbox.exa');
    expect(many).toMatch(/Index Scan Backward using order_placed_at_idx/);
    expect(many).not.toMatch(/trgm/);
    for (const p of [few, many]) expect(p).not.toMatch(/customer|Seq Scan/);
  });

  test('totalCount is the exact number of matches, few or many', async () => {
    for (const term of ['Schmidt', 'inbox.exa']) {
      const [{ n }] = await t.sql(
        `select count(*)::int as n from "order" o join customer c on c.id = o.customer_id
        where o.number = $1 or o.external_id = $1 or c.email ilike $2 or c.name ilike $2`,
        [term, containsPattern(term)],
      );
      expect({ term, count: await search(term) }).toMatchObject({
        term,
        count: { totalCount: n, totalCountIsEstimate: false },
      });
    }
  });

  for (const term of ['Schmidt', 'inbox.exa']) {
    test(`"${term}": three pages in every sort, and with a status filter, are the matches in order, cursor after cursor`, async () => {
      const cases: [string, string[] | undefined][] = [
        ...Object.keys(SORT_SQL).map((sort): [string, undefined] => [sort, undefined]),
        ['PLACED_AT_DESC', ['DELIVERED']],
        ['TOTAL_DESC', ['CANCELLED', 'RETURNED']],
      ];
      for (const [sort, status] of cases) {
        const want = await expected(term, sort, status);
        expect(want.length).toBeGreaterThan(20);
        const got: string[] = [];
        let after: string | null = null;
        for (let page = 0; page < 3; page++) {
          const r: Page = (await t.q<{ orders: Page }>(PAGE, { search: term, sort, status, after })).orders;
          got.push(...r.nodes.map((n) => n.id));
          if (!r.pageInfo.hasNextPage) break;
          after = r.pageInfo.endCursor;
        }
        expect({ sort, status, ids: got }).toEqual({ sort, status, ids: want });
      }
    });
  }
});

describe('indexes', () => {
  test('the migration created trigram indexes on customer e-mail and name, and an index on external id', async () => {
    const rows = await t.sql(
      `select indexname, indexdef from pg_indexes where indexname in ('customer_email_trgm_index', 'customer_name_trgm_index', 'order_external_id_index')`,
    );
    const defs = Object.fromEntries(rows.map((r) => [r.indexname, r.indexdef]));
    expect(defs.customer_email_trgm_index).toMatch(/USING gin \(email gin_trgm_ops\)/);
    expect(defs.customer_name_trgm_index).toMatch(/USING gin \(name gin_trgm_ops\)/);
    expect(defs.order_external_id_index).toMatch(/\(external_id\)/);
  });

  test("the list's search statement reads the order's trigram, external id and number indexes, no customer and not every order", async () => {
    const conditions = orderListConditions({ search: 'hopper@navy', searchCustomers: true });
    let n = 0;
    const where = conditions.map((c) => c.text.replace(/\?/g, () => `$${++n}`)).join(' and ');
    const plan = (
      await t.sql(
        `explain select o.* from "order" o where ${where} order by o.placed_at desc, o.id desc limit 51`,
        conditions.flatMap((c) => c.values),
      )
    )
      .map((r) => r['QUERY PLAN'])
      .join('\n');
    expect(plan).toMatch(/order_search_email_trgm_index/);
    expect(plan).toMatch(/order_search_name_trgm_index/);
    expect(plan).toMatch(/order_external_id_index/);
    expect(plan).toMatch(/order_number_unique/);
    expect(plan).not.toMatch(/customer/);
    expect(plan).not.toMatch(/Seq Scan on "order"/);
  });
});

describe('generated orders', () => {
  test('every generated order has lines adding up to its subtotal and a history that ends in its status', async () => {
    const [bad] = await t.sql(
      `
      select count(*) filter (where l.n is null or l.sum <> o.subtotal_amount or o.total_amount <> o.subtotal_amount + o.shipping_amount)::int as totals,
             count(*) filter (where h.last is distinct from o.status)::int as history,
             count(*)::int as orders
        from "order" o
        left join lateral (select count(*) as n, sum(quantity * unit_price_amount) as sum from order_line where order_id = o.id) l on true
        left join lateral (select to_status as last from order_history where order_id = o.id order by seq desc limit 1) h on true
       where o.id <> $1`,
      [placed.id],
    );
    expect(bad).toEqual({ totals: 0, history: 0, orders: GENERATED });
    const statuses = await t.sql(`select status, count(*)::int as n from "order" group by status`);
    expect(statuses.length).toBeGreaterThanOrEqual(6);
  });
});

describe('dashboard over generated orders', () => {
  test('sales per channel over a year (orders loaded in bulk with SQL) equal a direct sum over the orders', async () => {
    const from = new Date(Date.now() - 365 * 86400_000);
    const got = (
      await t.q('query($from: DateTime!) { salesByChannel(from: $from) { channelCode orders revenue { amount } } }', {
        from: from.toISOString(),
      })
    ).salesByChannel;
    const want = await t.sql<{ channelCode: string; orders: number; amount: number }>(
      `select c.code as "channelCode", count(o.id)::int as orders, coalesce(sum(o.total_amount), 0)::int as amount
        from channel c left join "order" o on o.channel_id = c.id and o.placed_at >= $1 and o.status <> 'CANCELLED' group by c.code order by c.code`,
      [from],
    );
    expect(got).toEqual(
      want.map((w) => ({ channelCode: w.channelCode, orders: w.orders, revenue: { amount: w.amount } })),
    );
    expect(want.reduce((a, w) => a + w.orders, 0)).toBeGreaterThan(GENERATED / 2);
  });
});

describe('totalCount around the exact-count limit', () => {
  let small: TestServer;
  beforeAll(async () => {
    small = await startTestServer({ config: { exactCountLimit: 5 } });
    await createCatalog(small, {
      channels: [{ code: 'WEB' }, { code: 'MARKET' }],
      warehouses: [{ code: 'WH1', priority: 1 }],
      products: [{ sku: 'SKU-1' }],
      stock: { 'SKU-1': { WH1: 100 } },
    });
    // 5 orders in WEB, 8 in MARKET.
    for (let i = 0; i < 13; i++) await placeOrder(small, { channelCode: i < 5 ? 'WEB' : 'MARKET' });
    await small.sql('analyze');
  }, 120_000);
  afterAll(() => small?.stop());

  const COUNT = operation<
    Select<Query, { orders: { totalCount: true; totalCountIsEstimate: true; nodes: { id: true } } }>
  >(
    `query($filter: OrderFilter) { orders(first: 2, filter: $filter) { totalCount totalCountIsEstimate nodes { id } } }`,
  );

  test('up to the limit the count is exact', async () => {
    expect((await small.q(COUNT, { filter: { channelCode: 'WEB' } })).orders).toMatchObject({
      totalCount: 5,
      totalCountIsEstimate: false,
    });
    expect((await small.q(COUNT, { filter: { channelCode: 'NONE' } })).orders).toMatchObject({
      totalCount: 0,
      totalCountIsEstimate: false,
    });
  });

  test('above the limit the count is an estimate, flagged, and never below the limit it passed', async () => {
    const market = (await small.q(COUNT, { filter: { channelCode: 'MARKET' } })).orders;
    expect(market.totalCountIsEstimate).toBe(true);
    expect(market.totalCount).toBeGreaterThan(5);
    const all = (await small.q(COUNT, {})).orders;
    expect(all.totalCountIsEstimate).toBe(true);
    expect(all.totalCount).toBe(13); // analyzed: the planner knows the table's size
  });

  test("the dashboard's orders per status: exact up to the limit, the estimate above it, flagged", async () => {
    const counts = (await small.q(STATUS_COUNTS)).orderStatusCounts;
    const by = Object.fromEntries(counts.map((c) => [c.status, c]));
    expect(by.PENDING).toEqual({ status: 'PENDING', count: 13, isEstimate: true }); // analyzed: the statistics hold 13 PENDING orders
    expect(by.CONFIRMED).toEqual({ status: 'CONFIRMED', count: 0, isEstimate: false });
    const exact = (await t.q(STATUS_COUNTS)).orderStatusCounts;
    const [{ n }] = await t.sql(`select count(*)::int as n from "order" where status = 'PENDING'`);
    expect(exact.find((c) => c.status === 'PENDING')).toEqual({ status: 'PENDING', count: n, isEstimate: false });
  });

  test('the default limit (10,000) counts 20,001 matching orders as an estimate, and a page is still served', async () => {
    const all = (await t.q(COUNT, {})).orders;
    expect(all.totalCountIsEstimate).toBe(true);
    expect(all.totalCount).toBeGreaterThan(10_000);
    expect(Math.abs(all.totalCount - (GENERATED + 1))).toBeLessThan(GENERATED * 0.1);
    expect(all.nodes).toHaveLength(2);
  });
});
