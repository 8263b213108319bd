/** Open data, exports: every kind in CSV and JSON lines over HTTP, filtered, scoped, refused when it must be. */
import { startTestServer, TestServer } from './harness';
import { createKey, csvRows, exportText, jsonLines, seedStore } from './data-helpers';

let t: TestServer;
let orders: Record<string, { id: string; number: string }>;

beforeAll(async () => {
  t = await startTestServer();
  orders = await seedStore(t);
});
afterAll(() => t.stop());

describe('GET /export', () => {
  test('orders as JSON lines: one object per order with lines, payments, refunds and shipments', async () => {
    const res = await exportText(t, '/export/orders.jsonl');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="orders-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.jsonl"$/,
    );
    const rows = jsonLines(res.text);
    const [{ n }] = await t.sql('select count(*)::int as n from "order"');
    expect(rows).toHaveLength(n);
    const shipped = rows.find((r) => r.number === orders.SHIPPED.number);
    expect(shipped).toMatchObject({
      channel: 'WEB',
      status: 'SHIPPED',
      paymentStatus: 'PARTIALLY_REFUNDED',
      total: 2500,
      paid: 2500,
      refunded: 1000,
      customer: { email: 'ada@example.com', name: 'Ada Lovelace' },
      lines: [{ lineNo: 1, sku: 'SKU-1', quantity: 2, unitPrice: 1250, quantityShipped: 2, quantityReturned: 0 }],
      payments: [{ amount: 2500, method: 'card', reference: 'ch_2' }],
      refunds: [{ amount: 1000, reason: 'goodwill' }],
      shipments: [
        {
          warehouse: 'WH1',
          status: 'SHIPPED',
          carrier: 'DHL',
          deliveredAt: null,
          lines: [{ sku: 'SKU-1', quantity: 2 }],
        },
      ],
    });
    const returned = rows.find((r) => r.number === orders.RETURNED.number);
    expect(returned).toMatchObject({
      status: 'RETURNED',
      lines: [{ quantityShipped: 2, quantityReturned: 2 }],
      shipments: [{ status: 'DELIVERED' }],
    });
    expect(shipped!.placedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    // Oldest first, stable.
    expect(rows.map((r) => r.placedAt)).toEqual([...rows.map((r) => r.placedAt)].sort());
  });

  test('orders as CSV: one row per order line, order columns repeated, nested parts as JSON', async () => {
    const res = await exportText(t, '/export/orders.csv?channelCode=MARKET');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = csvRows(res.text);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => [r.number, r.external_id, r.line_no, r.sku, r.quantity, r.unit_price])).toEqual([
      [orders.MARKET.number, 'mkt-1', '1', 'SKU-1', '1', '1250'],
      [orders.MARKET.number, 'mkt-1', '2', 'SKU-2', '3', '450'],
    ]);
    // Commas, quotes and line breaks survive quoting.
    expect(rows[0]).toMatchObject({
      customer_name: 'Grace "Amazing" Hopper',
      ship_line1: '1 Navy Yard, Pier 2',
      note: 'leave at the door,\nplease',
      total: String(1250 + 1350 + 495),
    });
    expect(JSON.parse(rows[0].payments)).toEqual([]);
    expect(JSON.parse(rows[0].shipments)).toEqual([]);
  });

  test('order filters: status (repeated or comma-separated), search, placed range', async () => {
    const a = jsonLines((await exportText(t, '/export/orders.jsonl?status=SHIPPED&status=DELIVERED')).text);
    expect(a.map((o) => o.status).sort()).toEqual(['DELIVERED', 'SHIPPED']);
    const b = jsonLines((await exportText(t, '/export/orders.jsonl?status=SHIPPED,DELIVERED')).text);
    expect(b).toEqual(a);
    const c = jsonLines((await exportText(t, '/export/orders.jsonl?search=grace')).text);
    expect(c.map((o) => o.number)).toEqual([orders.MARKET.number]);
    const d = jsonLines((await exportText(t, `/export/orders.jsonl?search=${orders.CANCELLED.number}`)).text);
    expect(d.map((o) => o.status)).toEqual(['CANCELLED']);
    expect((await exportText(t, '/export/orders.jsonl?placedFrom=2100-01-01')).text).toBe('');
    const all = jsonLines(
      (await exportText(t, '/export/orders.jsonl?placedFrom=2000-01-01T00:00:00Z&placedTo=2100-01-01')).text,
    );
    expect(all.length).toBe(9);
  });

  test('products, stock, customers and events in both formats', async () => {
    const products = csvRows((await exportText(t, '/export/products.csv')).text);
    expect(products.map((p) => [p.sku, p.price, p.currency, p.allow_backorder])).toEqual([
      ['SKU-1', '1250', 'EUR', 'false'],
      ['SKU-2', '499', 'EUR', 'false'],
    ]);
    expect(jsonLines((await exportText(t, '/export/products.jsonl?search=SKU-2')).text)).toEqual([
      expect.objectContaining({
        sku: 'SKU-2',
        name: 'Product SKU-2',
        price: 499,
        currency: 'EUR',
        allowBackorder: false,
      }),
    ]);

    const stock = csvRows((await exportText(t, '/export/stock.csv?warehouseCode=WH1')).text);
    const [db] = await t.sql(
      `select s.on_hand, s.reserved from stock_level s join product p on p.id = s.product_id where p.sku = 'SKU-1'`,
    );
    expect(stock.find((s) => s.sku === 'SKU-1')).toMatchObject({
      warehouse_code: 'WH1',
      on_hand: String(db.on_hand),
      reserved: String(db.reserved),
      available: String(db.on_hand - db.reserved),
    });
    expect(jsonLines((await exportText(t, '/export/stock.jsonl?sku=SKU-2')).text)).toEqual([
      expect.objectContaining({ sku: 'SKU-2', warehouseCode: 'WH1', onHand: 1000 }),
    ]);

    const customers = csvRows((await exportText(t, '/export/customers.csv')).text);
    expect(customers.map((c) => c.email)).toEqual(['ada@example.com', 'grace@example.com']);
    expect(jsonLines((await exportText(t, '/export/customers.jsonl?search=grace')).text)).toEqual([
      expect.objectContaining({ email: 'grace@example.com', name: 'Grace "Amazing" Hopper' }),
    ]);

    const events = jsonLines((await exportText(t, '/export/events.jsonl')).text);
    const [{ n }] = await t.sql('select count(*)::int as n from domain_event');
    expect(events).toHaveLength(n);
    const seqs = events.map((e) => Number(e.seq));
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    const placed = csvRows(
      (await exportText(t, `/export/events.csv?type=order.placed&aggregateId=${orders.MARKET.id}`)).text,
    );
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({
      type: 'order.placed',
      aggregate_type: 'order',
      aggregate_id: orders.MARKET.id,
      channel: 'MARKET',
    });
    expect(JSON.parse(placed[0].payload)).toMatchObject({ orderId: orders.MARKET.id, number: orders.MARKET.number });
  });

  test('an empty CSV export still has its header', async () => {
    const res = await exportText(t, '/export/orders.csv?status=RETURNED&channelCode=MARKET');
    expect(res.text.trim().split('\n')).toHaveLength(1);
    expect(res.text).toMatch(/^channel,number,external_id,status,/);
  });

  test('a partner key exports only its channels (orders, customers, events)', async () => {
    const key = await createKey(t, ['MARKET'], ['DATA_EXPORT', 'CUSTOMER_READ', 'PAYMENT_READ']);
    const mine = jsonLines((await exportText(t, '/export/orders.jsonl', key)).text);
    expect(mine.map((o) => o.number)).toEqual([orders.MARKET.number]);
    expect(jsonLines((await exportText(t, '/export/orders.jsonl?channelCode=WEB', key)).text)).toEqual([]);
    expect(csvRows((await exportText(t, '/export/customers.csv', key)).text).map((c) => c.email)).toEqual([
      'grace@example.com',
    ]);
    const events = jsonLines((await exportText(t, '/export/events.jsonl', key)).text);
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events.map((e) => e.channel))).toEqual(new Set(['MARKET']));
  });

  test('without CUSTOMER_READ or PAYMENT_READ the personal data and money movements are left out', async () => {
    const key = await createKey(t, ['MARKET', 'WEB'], ['DATA_EXPORT']);
    const rows = jsonLines((await exportText(t, '/export/orders.jsonl', key)).text);
    expect(rows.length).toBe(9);
    for (const r of rows)
      expect(r).toMatchObject({ customer: null, shippingAddress: null, payments: null, refunds: null });
    expect(res403(await exportText(t, '/export/customers.csv', key))).toBe('CUSTOMER_READ');
  });

  test('401 without a token, 403 without DATA_EXPORT, 400 naming a bad parameter, 404 for an unknown export', async () => {
    const none = await exportText(t, '/export/orders.csv', null);
    expect(none.status).toBe(401);
    expect(JSON.parse(none.text).error.code).toBe('UNAUTHENTICATED');
    expect((await exportText(t, '/export/orders.csv', 'oms_not-a-token')).status).toBe(401);
    const reader = await createKey(t, ['WEB'], ['ORDER_READ']);
    expect(res403(await exportText(t, '/export/orders.csv', reader))).toBe('DATA_EXPORT');

    for (const [query, parameter] of [
      ['status=SHIPPED,LOST', 'status'],
      ['placedFrom=yesterday', 'placedFrom'],
      ['colour=red', 'colour'],
      ['search=' + 'x'.repeat(201), 'search'],
    ]) {
      const res = await exportText(t, `/export/orders.csv?${query}`);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text).error).toMatchObject({ code: 'BAD_REQUEST', parameter });
    }
    const ev = await exportText(t, '/export/events.jsonl?type=order.exploded');
    expect(JSON.parse(ev.text).error).toMatchObject({ parameter: 'type' });
    const head = await fetch(`${t.url.replace(/\/graphql$/, '')}/export/orders.csv`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${t.token}` },
    });
    expect([head.status, head.headers.get('content-type')]).toEqual([200, 'text/csv; charset=utf-8']);
    expect((await exportText(t, '/export/invoices.csv')).status).toBe(404);
    expect((await exportText(t, '/export/orders.xlsx')).status).toBe(404);
  });

  test('exports count against the rate limit like GraphQL requests', async () => {
    const limited = await startTestServer({ config: { rateLimitRequests: 3, rateLimitWindowSeconds: 60 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await exportText(limited, '/export/products.csv')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const res = await exportText(limited, '/export/products.csv');
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(JSON.parse(res.text).error.code).toBe('RATE_LIMITED');
    } finally {
      await limited.stop();
    }
  });
});

function res403(res: { status: number; text: string }) {
  expect(res.status).toBe(403);
  const body = JSON.parse(res.text);
  expect(body.error.code).toBe('FORBIDDEN');
  return body.error.permission;
}

describe('background exports (GraphQL, the admin /data page)', () => {
  const START = `mutation($i: StartExportInput!) { startExport(input: $i) { job { id kind format state rowsDone rowsTotal downloadUrl } userErrors { field code message } } }`;
  const JOB = `query($id: ID!) { exportJob(id: $id) { id state rowsDone rowsTotal downloadUrl error expiresAt } }`;

  async function finished(id: string, token = t.token) {
    for (let i = 0; i < 100; i++) {
      const job = (await t.q(JOB, { id }, { token })).exportJob;
      if (job.state === 'DONE' || job.state === 'FAILED') return job;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('export job did not finish');
  }

  test('startExport runs in the background with progress; the file downloads with the same token and equals the direct export', async () => {
    const started = (
      await t.q(START, { i: { kind: 'ORDERS', format: 'CSV', filter: { status: ['SHIPPED', 'DELIVERED'] } } })
    ).startExport;
    expect(started.userErrors).toEqual([]);
    expect(started.job).toMatchObject({
      kind: 'ORDERS',
      format: 'CSV',
      state: expect.stringMatching(/^(QUEUED|RUNNING|DONE)$/),
      downloadUrl: null,
    });
    const job = await finished(started.job.id);
    expect(job).toMatchObject({
      state: 'DONE',
      rowsDone: 2,
      rowsTotal: 2,
      downloadUrl: `/export/jobs/${started.job.id}/download`,
      error: null,
    });
    expect(new Date(job.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const file = await exportText(t, job.downloadUrl);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="orders-.*\.csv"$/);
    expect(file.text).toBe((await exportText(t, '/export/orders.csv?status=SHIPPED,DELIVERED')).text);

    // Nobody else sees or downloads it.
    const other = await createKey(t, ['WEB', 'MARKET'], ['DATA_EXPORT']);
    expect((await t.q(JOB, { id: started.job.id }, { token: other })).exportJob).toBeNull();
    expect((await exportText(t, job.downloadUrl, other)).status).toBe(404);
    expect((await exportText(t, job.downloadUrl, null)).status).toBe(401);

    // After its time the file is deleted.
    await t.sql(`update export_job set expires_at = now() - interval '1 second' where id = $1`, [started.job.id]);
    await t.server.services.exports.sweep();
    expect((await t.q(JOB, { id: started.job.id })).exportJob.state).toBe('EXPIRED');
    expect((await exportText(t, job.downloadUrl)).status).toBe(404);
  });

  test("a partner key's background export is limited to its channels", async () => {
    const key = await createKey(t, ['MARKET'], ['DATA_EXPORT']);
    const started = (await t.q(START, { i: { kind: 'ORDERS', format: 'JSONL' } }, { token: key })).startExport;
    const job = await finished(started.job.id, key);
    expect(job.rowsTotal).toBe(1);
    expect(jsonLines((await exportText(t, job.downloadUrl, key)).text).map((o) => o.channel)).toEqual(['MARKET']);
  });

  test('a bad filter is a userError at its field, and no job is started', async () => {
    const [{ n }] = await t.sql('select count(*)::int as n from export_job');
    const r = (await t.q(START, { i: { kind: 'EVENTS', format: 'CSV', filter: { status: 'SHIPPED' } } })).startExport;
    expect(r).toEqual({
      job: null,
      userErrors: [
        {
          field: ['input', 'filter', 'status'],
          code: 'INVALID_INPUT',
          message: 'Unknown parameter status; events accept type, aggregateId',
        },
      ],
    });
    expect((await t.sql('select count(*)::int as n from export_job'))[0].n).toBe(n);
  });
});
