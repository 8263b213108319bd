/**
 * Dashboard figures: orders per status, sales per channel in a period and late orders, each
 * computed by one aggregate SQL statement however many orders there are.
 */
import { compactOrderSales } from '../src/modules/analytics/analytics.sql';
import { createCatalog, placeOrder } from './builders';
import { startTestServer, TestServer } from './harness';
import { operation, Query, Select } from './support/select';
import { cancelOrder, confirmOrder, createShipment } from './order-helpers';

let t: TestServer;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestServer();
  await createCatalog(t, {
    channels: [
      { code: 'WEB', name: 'Web shop', currency: 'EUR' },
      { code: 'B2B', name: 'Wholesale', currency: 'EUR' },
      { code: 'UK', name: 'UK shop', currency: 'GBP' },
    ],
    warehouses: [{ code: 'WH1', priority: 1 }],
    products: [{ sku: 'SKU-1', price: 1000 }],
    stock: { 'SKU-1': { WH1: 100 } },
  });
  ids.pending = (await placeOrder(t, { lines: [{ sku: 'SKU-1', quantity: 1 }] })).order.id; // 10.00
  ids.confirmed = (await placeOrder(t, { lines: [{ sku: 'SKU-1', quantity: 2 }] })).order.id; // 20.00
  ids.partly = (await placeOrder(t, { lines: [{ sku: 'SKU-1', quantity: 3 }] })).order.id; // 30.00
  ids.cancelled = (await placeOrder(t, { lines: [{ sku: 'SKU-1', quantity: 4 }] })).order.id; // 40.00, not counted
  ids.uk = (
    await placeOrder(t, { channelCode: 'UK', lines: [{ sku: 'SKU-1', quantity: 1, unitPrice: 900 }] })
  ).order.id;
  await confirmOrder(t, ids.confirmed);
  await confirmOrder(t, ids.partly);
  await createShipment(t, ids.partly, 1);
  await cancelOrder(t, ids.cancelled);
});
afterAll(() => t?.stop());

const COUNTS = operation<Select<Query, { orderStatusCounts: { status: true; count: true } }>>(
  '{ orderStatusCounts { status count } }',
);
const SALES = operation<
  Select<
    Query,
    {
      salesByChannel: { channelCode: true; channelName: true; orders: true; revenue: { amount: true; currency: true } };
    }
  >
>(
  'query($from: DateTime!, $to: DateTime) { salesByChannel(from: $from, to: $to) { channelCode channelName orders revenue { amount currency } } }',
);
const LATE = operation<
  Select<
    Query,
    {
      lateOrders: {
        totalCount: true;
        nodes: { id: true; number: true; status: true; channelCode: true; confirmedAt: true };
      };
    }
  >
>(
  'query($h: Int!, $first: Int) { lateOrders(olderThanHours: $h, first: $first) { totalCount nodes { id number status channelCode confirmedAt } } }',
);
const orderStatements = (statements: string[]) => statements.filter((s) => /from "order"|join "order"/.test(s));

test('orders per status lists every status, zero included', async () => {
  const r = await t.q(COUNTS);
  expect(Object.fromEntries(r.orderStatusCounts.map((c) => [c.status, c.count]))).toEqual({
    PENDING: 2,
    ON_HOLD: 0,
    CONFIRMED: 1,
    PARTIALLY_SHIPPED: 1,
    SHIPPED: 0,
    DELIVERED: 0,
    CANCELLED: 1,
    RETURNED: 0,
  });
});

test('sales per channel count orders placed in the period and their totals in the channel currency, cancelled orders excluded', async () => {
  const hourAgo = new Date(Date.now() - 3600_000).toISOString();
  const r = await t.q(SALES, { from: hourAgo });
  expect(r.salesByChannel).toEqual([
    { channelCode: 'B2B', channelName: 'Wholesale', orders: 0, revenue: { amount: 0, currency: 'EUR' } },
    { channelCode: 'UK', channelName: 'UK shop', orders: 1, revenue: { amount: 900, currency: 'GBP' } },
    { channelCode: 'WEB', channelName: 'Web shop', orders: 3, revenue: { amount: 6000, currency: 'EUR' } },
  ]);
  // An order placed before the period is not counted; `to` bounds the period too.
  await t.sql(`update "order" set placed_at = now() - interval '3 days' where id = $1`, [ids.pending]);
  const later = await t.q(SALES, { from: hourAgo });
  expect(later.salesByChannel.find((c) => c.channelCode === 'WEB')).toMatchObject({
    orders: 2,
    revenue: { amount: 5000 },
  });
  const before = await t.q(SALES, { from: new Date(Date.now() - 5 * 86400_000).toISOString(), to: hourAgo });
  expect(before.salesByChannel.find((c) => c.channelCode === 'WEB')).toMatchObject({
    orders: 1,
    revenue: { amount: 1000 },
  });
});

test('late orders are those confirmed longer ago than the given hours and not fully shipped, longest-waiting first', async () => {
  expect((await t.q(LATE, { h: 24 })).lateOrders).toEqual({ totalCount: 0, nodes: [] });
  await t.sql(
    `update order_history set at = now() - interval '30 hours' where order_id = $1 and to_status = 'CONFIRMED'`,
    [ids.confirmed],
  );
  await t.sql(
    `update order_history set at = now() - interval '50 hours' where order_id = $1 and to_status = 'CONFIRMED'`,
    [ids.partly],
  );
  const late = (await t.q(LATE, { h: 24 })).lateOrders;
  expect(late.totalCount).toBe(2);
  expect(late.nodes.map((n) => [n.id, n.status, n.channelCode])).toEqual([
    [ids.partly, 'PARTIALLY_SHIPPED', 'WEB'],
    [ids.confirmed, 'CONFIRMED', 'WEB'],
  ]);
  expect((await t.q(LATE, { h: 40 })).lateOrders.nodes.map((n) => n.id)).toEqual([ids.partly]);
  expect((await t.q(LATE, { h: 24, first: 1 })).lateOrders).toMatchObject({
    totalCount: 2,
    nodes: [{ id: ids.partly }],
  });
});

test('each figure is one SQL statement over the orders, however many there are', async () => {
  for (const [query, variables] of [
    [COUNTS, {}],
    [SALES, { from: new Date(0).toISOString() }],
    [LATE, { h: 1 }],
  ] as const) {
    const { statements } = await t.countQueries(() => t.q(query, variables));
    expect(orderStatements(statements)).toHaveLength(1);
  }
});

test('out-of-range arguments are refused as bad input', async () => {
  for (const [query, variables] of [
    [LATE, { h: 0 }],
    [LATE, { h: 24, first: 500 }],
    [SALES, { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }],
  ] as const) {
    const res = await t.gql(query, variables);
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  }
});

test('sales per channel over long periods (whole days from the daily table, partial days from the orders) equal a direct sum over the orders, before and after the daily rows are folded', async () => {
  const HOUR = 3600_000;
  const DAY = 24 * HOUR;
  // Orders spread over more than a year, at hours on both sides of the periods' ends; changes made
  // with SQL behind the services' back (a total, a cancellation undone) count at once too.
  const hoursAgo: Record<string, number> = {
    pending: 1,
    confirmed: 30,
    partly: 200 * 24 + 7,
    cancelled: 364 * 24 + 20,
    uk: 365 * 24 + 3,
  };
  for (const [key, hours] of Object.entries(hoursAgo))
    await t.sql(`update "order" set placed_at = now() - make_interval(hours => $2) where id = $1`, [ids[key], hours]);
  await t.sql(`update "order" set total_amount = total_amount + 123 where id = $1`, [ids.partly]);
  await t.sql(`update "order" set status = 'CONFIRMED' where id = $1`, [ids.cancelled]);
  const direct = async (from: Date, to?: Date) =>
    (
      await t.sql<{ channelCode: string; channelName: string; orders: number; amount: number; currency: string }>(
        `select c.code as "channelCode", c.name as "channelName", count(o.id)::int as orders, coalesce(sum(o.total_amount), 0)::int as amount, c.currency
       from channel c left join "order" o on o.channel_id = c.id and o.placed_at >= $1 and ($2::timestamptz is null or o.placed_at < $2) and o.status <> 'CANCELLED'
      group by c.id order by c.code`,
        [from, to ?? null],
      )
    ).map((r) => ({
      channelCode: r.channelCode,
      channelName: r.channelName,
      orders: r.orders,
      revenue: { amount: r.amount, currency: r.currency },
    }));
  const now = Date.now();
  const midnight = Math.floor(now / DAY) * DAY;
  const periods: [Date, Date?][] = [
    [new Date(now - 365 * DAY)],
    [new Date(now - 366 * DAY), new Date(now - HOUR)],
    [new Date(midnight - 364 * DAY)],
    [new Date(midnight - 365 * DAY), new Date(midnight)],
    [new Date(now - 2 * HOUR)],
    [new Date(now - 400 * DAY), new Date(now - 360 * DAY)],
    [new Date(midnight - 200 * DAY + 7 * HOUR), new Date(midnight - 199 * DAY)],
    [new Date(0)],
    [new Date(now - 10 * DAY), new Date(now + 10 * DAY)],
  ];
  const check = async () => {
    for (const [from, to] of periods) {
      const r = await t.q(SALES, { from: from.toISOString(), to: to?.toISOString() });
      expect({ from, to, sales: r.salesByChannel }).toEqual({ from, to, sales: await direct(from, to) });
    }
  };
  await check();
  expect((await direct(new Date(0))).reduce((a, c) => a + c.orders, 0)).toBe(5);
  // The refresh job's folding (the same statement): one row per day and channel, the same sums.
  await t.sql(compactOrderSales().text);
  const [{ rows, days }] = await t.sql(
    `select count(*)::int as rows, count(distinct (day, channel_id))::int as days from order_sales_daily`,
  );
  expect(rows).toBe(days);
  await check();
  const { statements } = await t.countQueries(() => t.q(SALES, { from: new Date(now - 365 * DAY).toISOString() }));
  expect(statements.filter((s) => /order_sales_daily/.test(s))).toHaveLength(1);
  await t.sql(`update "order" set status = 'CANCELLED' where id = $1`, [ids.cancelled]);
  await check();
});
