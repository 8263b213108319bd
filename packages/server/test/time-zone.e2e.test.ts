/**
 * OMS_TIME_ZONE: report days, the dashboard's whole days and document dates follow the store's
 * time zone, in the code and in the database (oms_time_zone(), the sales-per-day triggers); a
 * server started with another zone recomputes the sales per day and marks the report days.
 */
import { loadConfig } from '../src/config/config';
import { createServer, RunningServer } from '../src/server';
import { createCatalog, placeOrder } from './builders';
import { startTestServer, TestServer } from './harness';
import { baseUrl } from './order-helpers';
import { pdfText } from './pdf-text-helper';

const ZONE = 'Pacific/Auckland'; // UTC+13 in December
let t: TestServer;
let order: { id: string; number: string };

beforeAll(async () => {
  t = await startTestServer({ config: { timeZone: ZONE } });
  await createCatalog(t, {
    channels: [{ code: 'WEB', currency: 'EUR' }],
    warehouses: [{ code: 'WH1', priority: 1 }],
    products: [{ sku: 'SKU-1', price: 1000 }],
    stock: { 'SKU-1': { WH1: 100 } },
  });
  const placed = await placeOrder(t, { lines: [{ sku: 'SKU-1', quantity: 1 }] });
  order = placed.order;
  // 12:00 UTC on 6 December is 01:00 on 7 December in Auckland.
  await t.sql(`update "order" set placed_at = '2026-12-06T12:00:00Z' where id = $1`, [order.id]);
});
afterAll(() => t?.stop());

test('the server and the database agree on the zone', async () => {
  expect(await t.q('{ storeTimeZone }')).toEqual({ storeTimeZone: ZONE });
  expect(await t.sql('select oms_time_zone() as tz')).toEqual([{ tz: ZONE }]);
});

test("the dashboard's sales per day file the order under its Auckland day", async () => {
  const rows = await t.sql(
    `select to_char(day, 'YYYY-MM-DD') as day, sum(orders)::int as orders from order_sales_daily group by 1 having sum(orders) <> 0`,
  );
  expect(rows).toEqual([{ day: '2026-12-07', orders: 1 }]);
  // Auckland's 7 December, whole: the order is in it (read from the daily rows)...
  const day7 = await t.q(
    `{ salesByChannel(from: "2026-12-06T11:00:00Z", to: "2026-12-07T11:00:00Z") { channelCode orders } }`,
  );
  expect(day7).toEqual({ salesByChannel: [{ channelCode: 'WEB', orders: 1 }] });
  // ...and not in Auckland's 6 December.
  const day6 = await t.q(
    `{ salesByChannel(from: "2026-12-05T11:00:00Z", to: "2026-12-06T11:00:00Z") { channelCode orders } }`,
  );
  expect(day6).toEqual({ salesByChannel: [{ channelCode: 'WEB', orders: 0 }] });
});

test('a sales report buckets by Auckland days, each bucket starting at Auckland midnight', async () => {
  const rebuilt = await t.q(
    `mutation { rebuildAnalytics(from: "2026-12-04T00:00:00Z", to: "2026-12-09T00:00:00Z") { days userErrors { message } } }`,
  );
  expect(rebuilt.rebuildAnalytics.userErrors).toEqual([]);
  const r = await t.q(
    `{ salesReport(filter: { from: "2026-12-05T11:00:00Z", to: "2026-12-08T11:00:00Z" }) { from to series { bucketStart orders } } }`,
  );
  expect(r.salesReport.from).toBe('2026-12-05T11:00:00.000Z');
  expect(r.salesReport.to).toBe('2026-12-08T11:00:00.000Z');
  const withOrders = r.salesReport.series.filter((s: { orders: number }) => s.orders > 0);
  expect(withOrders).toEqual([{ bucketStart: '2026-12-06T11:00:00.000Z', orders: 1 }]);
  const [row] = await t.sql(`select to_char(day, 'YYYY-MM-DD') as day from analytics_sales_daily where orders > 0`);
  expect(row).toEqual({ day: '2026-12-07' });
});

test('documents print the date in the store zone', async () => {
  const res = await fetch(`${baseUrl(t)}/documents/orders/${order.id}/packing-slip.pdf`, {
    headers: { authorization: `Bearer ${t.token}` },
  });
  expect(res.status).toBe(200);
  const text = await pdfText(Buffer.from(await res.arrayBuffer()));
  expect(text).toContain('Placed 7 Dec 2026');
});

test('a server started with another zone moves the sales per day and marks every report day for the refresh', async () => {
  let utc: RunningServer | undefined;
  try {
    utc = await createServer({
      config: {
        port: 0,
        logLevel: 'silent',
        sessionTtlSeconds: 3600,
        bodyLimit: '1mb',
        corsOrigins: [],
        rateLimitRequests: 0,
        timeZone: 'UTC',
      },
      databaseUrl: t.databaseUrl,
      host: '127.0.0.1',
      seed: 'none',
    });
    expect(await t.sql('select oms_time_zone() as tz')).toEqual([{ tz: 'UTC' }]);
    const rows = await t.sql(
      `select to_char(day, 'YYYY-MM-DD') as day, sum(orders)::int as orders from order_sales_daily group by 1 having sum(orders) <> 0`,
    );
    expect(rows).toEqual([{ day: '2026-12-06', orders: 1 }]);
    // The report days are marked for the refresh job; a refresh may already have taken the marks
    // (it deletes them in the transaction that recomputes the days): then the rollup has moved.
    const marked = await t.sql<{ day: string }>(
      `select to_char(day, 'YYYY-MM-DD') as day from analytics_dirty_day where kind = 'orders' order by day`,
    );
    const rollup = await t.sql(
      `select to_char(day, 'YYYY-MM-DD') as day, sum(orders)::int as orders from analytics_sales_daily group by 1 having sum(orders) <> 0`,
    );
    if (marked.length)
      expect(marked.map((m) => m.day)).toEqual(expect.arrayContaining(['2026-12-05', '2026-12-06', '2026-12-07']));
    else expect(rollup).toEqual([{ day: '2026-12-06', orders: 1 }]);
  } finally {
    await utc?.stop();
  }
});

test('OMS_TIME_ZONE must be an IANA name', () => {
  expect(loadConfig({}).timeZone).toBe('UTC');
  expect(loadConfig({ OMS_TIME_ZONE: 'Europe/Berlin' }).timeZone).toBe('Europe/Berlin');
  expect(() => loadConfig({ OMS_TIME_ZONE: 'Mars/Olympus' })).toThrow(
    'OMS_TIME_ZONE must be an IANA time zone such as Europe/Berlin, got "Mars/Olympus"',
  );
});
