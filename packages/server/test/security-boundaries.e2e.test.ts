/**
 * Data boundaries, as a caller with legitimate but limited credentials observes them: a partner
 * key for channel WEB without CUSTOMER_READ and PAYMENT_READ (and low staff roles) never reads a
 * customer's e-mail, name or address, a payment's method, reference or refund reason, or a staff
 * member's e-mail, whatever it asks for (order history over HTTP and WebSocket, the event stream,
 * webhooks, reports, searches, exports in the foreground and background); a key limited to
 * channels cannot change the catalog or stock every channel shares; CSV exports have a
 * spreadsheet-safe mode; export and import files are private; exports cannot be hogged.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createKey, PartnerKey, userWithRole } from './access-helpers';
import { createCatalog, placeOrder } from './builders';
import { base, csvRows, exportText, importCsv, jsonLines } from './data-helpers';
import { ADMIN, collect, settle, startTestServer, TestServer } from './harness';
import { Mutation, Operation, operation, Query, Select } from './support/select';
import { expectNoInternals, recordPayment, refundPayment } from './order-helpers';
import { CREATE_ENDPOINT, Receiver, settled, startReceiver } from './webhook-helpers';
import { Migration20261206230000_boundaries } from '../src/migrations/Migration20261206230000_boundaries';

const CUSTOMER = { email: 'hedy.secret@example.com', name: 'Hedy Lamarr' };
const ADDRESS = { name: 'Hedy Lamarr', line1: '7 Hidden Lane', city: 'Vienna', postalCode: '1010', country: 'AT' };
const REFERENCE = 'ch_SECRETREF42';
const REASON = 'REASONX goodwill';
/** What the limited callers must never read. */
const SECRETS = [
  CUSTOMER.email,
  'Hedy',
  'Lamarr',
  'Hidden Lane',
  'Vienna',
  REFERENCE,
  'REASONX',
  'by card',
  '19.99',
  ADMIN.email,
];
const expectNoSecrets = (text: string, secrets = SECRETS) => {
  for (const s of secrets) expect({ leaked: s, found: text.includes(s) }).toEqual({ leaked: s, found: false });
};

const LIMITED = [
  'ORDER_READ',
  'ORDER_NOTE',
  'EVENT_READ',
  'REPORT_READ',
  'DATA_EXPORT',
  'WEBHOOK_MANAGE',
  'PRODUCT_READ',
  'STOCK_READ',
  'CHANNEL_READ',
];

let t: TestServer;
let key: PartnerKey;
let receiver: Receiver;
let order: { id: string; number: string };
const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-boundaries-exports-'));
/** Every raw response the limited key received (GraphQL, exports, downloads), for the final leak check. */
const keyTexts: string[] = [];

/** GraphQL as a limited caller; the limited key's raw responses are kept for the final leak check. */
async function asKey<T = unknown>(
  query: string | Operation<T>,
  variables?: Record<string, unknown>,
  token = key.secret,
) {
  const res = await t.gql<T>(query, variables, { token });
  if (token === key.secret) keyTexts.push(t.responses[t.responses.length - 1]);
  return res;
}

async function keyExport(p: string, token = key.secret) {
  const r = await exportText(t, p, token);
  keyTexts.push(r.text);
  return r;
}

const START = `mutation($i: StartExportInput!) { startExport(input: $i) { job { id state downloadUrl } userErrors { field code message } } }`;
const JOB = `query($id: ID!) { exportJob(id: $id) { id state downloadUrl error } }`;

async function finished(id: string, token: string) {
  for (let i = 0; i < 200; i++) {
    const job = (await t.q(JOB, { id }, { token })).exportJob;
    if (job.state === 'DONE' || job.state === 'FAILED') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('export job did not finish');
}

/** A background export run to the end and downloaded; its text. */
async function backgroundExport(input: Record<string, unknown>, token: string) {
  const r = (await t.q(START, { i: input }, { token })).startExport;
  expect(r.userErrors).toEqual([]);
  const job = await finished(r.job.id, token);
  expect(job).toMatchObject({ state: 'DONE' });
  const file = await exportText(t, job.downloadUrl, token);
  expect(file.status).toBe(200);
  return { id: r.job.id as string, text: file.text };
}

beforeAll(async () => {
  t = await startTestServer({ config: { exportDir, exportAcquireTimeoutMs: 500, webhookAllowPrivateAddresses: true } });
  await createCatalog(t, {
    channels: [
      { code: 'WEB', currency: 'EUR' },
      { code: 'MARKET', currency: 'EUR' },
    ],
    warehouses: [{ code: 'WH1', priority: 1 }],
    products: [
      { sku: 'SKU-1', price: 1999 },
      { sku: 'SKU-2', price: 499 },
    ],
    stock: { 'SKU-1': { WH1: 100 }, 'SKU-2': { WH1: 100 } },
  });
  receiver = await startReceiver();
  key = await createKey(t, { name: 'Limited', channelCodes: ['WEB'], permissions: LIMITED });
  const types = ['order.placed', 'payment.recorded', 'payment.refunded', 'order.note_added'];
  // What is under test here is the payload a partner's endpoint receives, so this server lets the
  // key's endpoint reach the local receiver: the address rule itself (partner endpoints never reach
  // private addresses, whatever the development flag) is security-webhooks.e2e.test.ts's subject.
  (t.server.services.webhooks as unknown as { strict: () => boolean }).strict = () => false;
  const mine = await t.q(
    CREATE_ENDPOINT,
    { i: { url: receiver.url('/partner'), eventTypes: types } },
    { token: key.secret },
  );
  expect(mine.createWebhookEndpoint.userErrors).toEqual([]);
  const admins = await t.q(CREATE_ENDPOINT, { i: { url: receiver.url('/admin'), eventTypes: types } });
  expect(admins.createWebhookEndpoint.userErrors).toEqual([]);

  const placed = await placeOrder(t, {
    channelCode: 'WEB',
    externalId: 'EXT-777',
    customer: CUSTOMER,
    shippingAddress: ADDRESS,
  });
  expect(placed.userErrors).toEqual([]);
  order = placed.order;
  expect(
    (await recordPayment(t, { orderId: order.id, amount: 1999, method: 'card', reference: REFERENCE })).userErrors,
  ).toEqual([]);
  expect((await refundPayment(t, { orderId: order.id, amount: 500, reason: REASON })).userErrors).toEqual([]);
  const note = await asKey<Select<Mutation, { addOrderNote: { userErrors: { code: true } } }>>(
    `mutation($id: ID!) { addOrderNote(id: $id, note: "seen by the partner") { userErrors { code } } }`,
    { id: order.id },
  );
  expect(note.body.data!.addOrderNote.userErrors).toEqual([]);
  await settled(t);
});

afterAll(async () => {
  await receiver?.close();
  await t?.stop();
  fs.rmSync(exportDir, { recursive: true, force: true });
});

describe('order history and payments are rendered for the caller', () => {
  const HISTORY = operation<
    Select<
      Query,
      {
        order: {
          history: { type: true; actor: true; message: true };
          payments: { recordedBy: true };
          refunds: { recordedBy: true };
        };
      }
    >
  >(
    `query($id: ID) { order(id: $id) { history { type actor message } payments { recordedBy } refunds { recordedBy } } }`,
  );

  test('a key without PAYMENT_READ reads "Payment recorded", staff as "staff", and its own entries under its own name', async () => {
    const res = await asKey(HISTORY, { id: order.id });
    const { history, payments } = res.body.data!.order!;
    expect(payments).toBeNull();
    expect(history.map((h) => [h.type, h.actor, h.message])).toEqual([
      ['PLACED', 'staff', 'Order placed in WEB'],
      ['PAYMENT_RECORDED', 'staff', 'Payment recorded'],
      ['PAYMENT_REFUNDED', 'staff', 'Refund recorded'],
      ['NOTE_ADDED', `key:Limited (${key.prefix})`, 'seen by the partner'],
    ]);
    expectNoSecrets(JSON.stringify(res.body));
    // The database keeps the complete entries: only what the caller reads is rendered.
    const rows = await t.sql('select message, actor from order_history where order_id = $1 order by seq', [order.id]);
    expect(rows[1]).toEqual({ message: `Payment of 19.99 EUR by card (${REFERENCE})`, actor: `user:${ADMIN.email}` });
    expect(rows[2].message).toBe(`Refund of 5.00 EUR: ${REASON}`);
  });

  test('a key with PAYMENT_READ reads the payment, but still "staff" for who recorded it', async () => {
    const payer = await createKey(t, { channelCodes: ['WEB'], permissions: ['ORDER_READ', 'PAYMENT_READ'] });
    const res = await asKey(HISTORY, { id: order.id }, payer.secret);
    const o = res.body.data!.order!;
    expect(o.history[1]).toEqual({
      type: 'PAYMENT_RECORDED',
      actor: 'staff',
      message: `Payment of 19.99 EUR by card (${REFERENCE})`,
    });
    expect(o.payments).toEqual([{ recordedBy: 'staff' }]);
    expect(o.refunds).toEqual([{ recordedBy: 'staff' }]);
    expect(JSON.stringify(res.body)).not.toContain(ADMIN.email);
  });

  test('staff see who did it; a VIEWER (no PAYMENT_READ) does not read payment details, SUPPORT does', async () => {
    const viewer = await userWithRole(t, 'VIEWER');
    const support = await userWithRole(t, 'SUPPORT');
    const v = (await t.q(HISTORY, { id: order.id }, { token: viewer.token })).order!;
    expect(v.history[1]).toEqual({
      type: 'PAYMENT_RECORDED',
      actor: `user:${ADMIN.email}`,
      message: 'Payment recorded',
    });
    expect(v.history[2].message).toBe('Refund recorded');
    const s = (await t.q(HISTORY, { id: order.id }, { token: support.token })).order!;
    expect(s.history[1].message).toBe(`Payment of 19.99 EUR by card (${REFERENCE})`);
    expect(s.history[2].message).toBe(`Refund of 5.00 EUR: ${REASON}`);
    expect(s.payments).toEqual([{ recordedBy: `user:${ADMIN.email}` }]);
  });

  test('over WebSocket, orderUpdated carries the same rendering', async () => {
    const placed = await placeOrder(t, { channelCode: 'WEB', customer: CUSTOMER, shippingAddress: ADDRESS });
    const sub = collect(
      t.ws(key.secret),
      'subscription($id: ID) { orderUpdated(id: $id) { event { type actor message } order { customer { email } shippingAddress { city } } } }',
      { id: placed.order.id },
      2,
    );
    await settle();
    await recordPayment(t, { orderId: placed.order.id, amount: 1999, method: 'card', reference: REFERENCE });
    await refundPayment(t, { orderId: placed.order.id, amount: 100, reason: REASON });
    const got = await sub.done;
    expect(got.map((r) => r.data.orderUpdated)).toEqual([
      {
        event: { type: 'PAYMENT_RECORDED', actor: 'staff', message: 'Payment recorded' },
        order: { customer: null, shippingAddress: null },
      },
      {
        event: { type: 'PAYMENT_REFUNDED', actor: 'staff', message: 'Refund recorded' },
        order: { customer: null, shippingAddress: null },
      },
    ]);
    expectNoSecrets(JSON.stringify(got));
  });

  test("a mutation's payload renders its history entry for the caller too", async () => {
    const payer = await createKey(t, {
      name: 'Till',
      channelCodes: ['WEB'],
      permissions: ['ORDER_READ', 'PAYMENT_RECORD'],
    });
    const placed = await placeOrder(t, { channelCode: 'WEB' });
    const res = await asKey<
      Select<
        Mutation,
        {
          recordPayment: { order: { history: { type: true; actor: true; message: true } }; userErrors: { code: true } };
        }
      >
    >(
      `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { order { history { type actor message } } userErrors { code } } }`,
      { i: { orderId: placed.order.id, amount: 100, method: 'card', reference: REFERENCE } },
      payer.secret,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.recordPayment.userErrors).toEqual([]);
    expect(res.body.data!.recordPayment.order!.history.at(-1)).toEqual({
      type: 'PAYMENT_RECORDED',
      actor: `key:Till (${payer.prefix})`,
      message: 'Payment recorded',
    });
  });
});

describe('the event stream and webhooks', () => {
  test('events: a key without PAYMENT_READ reads no payment details and no staff e-mail; an admin reads everything', async () => {
    const Q = operation<Select<Query, { events: { nodes: { type: true; actor: true; payload: true } } }>>(
      `query($id: ID) { events(first: 50, aggregateId: $id) { nodes { type actor payload } } }`,
    );
    const res = await asKey(Q, { id: order.id });
    const nodes = res.body.data!.events.nodes;
    expect(nodes.map((n) => [n.type, n.actor, n.payload.message])).toEqual([
      ['order.placed', 'staff', 'Order placed in WEB'],
      ['payment.recorded', 'staff', 'Payment recorded'],
      ['payment.refunded', 'staff', 'Refund recorded'],
      ['order.note_added', `key:Limited (${key.prefix})`, 'seen by the partner'],
    ]);
    expectNoSecrets(JSON.stringify(res.body));
    const admin = (await t.q(Q, { id: order.id })).events.nodes;
    expect(admin[1]).toMatchObject({
      actor: `user:${ADMIN.email}`,
      payload: { message: `Payment of 19.99 EUR by card (${REFERENCE})` },
    });
    // The stored event is complete.
    const [row] = await t.sql(
      `select payload from domain_event where aggregate_id = $1 and type = 'payment.refunded'`,
      [order.id],
    );
    expect(row.payload.message).toBe(`Refund of 5.00 EUR: ${REASON}`);
  });

  test("webhooks to the key's endpoint carry no payment details; the admin's endpoint gets the whole payload", async () => {
    const partner = await receiver.waitFor('/partner', 4);
    const admin = await receiver.waitFor('/admin', 4);
    const message = (got: typeof partner, type: string) =>
      got.filter((r) => r.body!.type === type && r.body!.data.orderId === order.id).map((r) => r.body!.data.message);
    expect(message(partner, 'payment.recorded')).toEqual(['Payment recorded']);
    expect(message(partner, 'payment.refunded')).toEqual(['Refund recorded']);
    for (const r of partner) expectNoSecrets(r.raw);
    expect(message(admin, 'payment.recorded')).toEqual([`Payment of 19.99 EUR by card (${REFERENCE})`]);
    expect(message(admin, 'payment.refunded')).toEqual([`Refund of 5.00 EUR: ${REASON}`]);
  });
});

describe('personal data without CUSTOMER_READ', () => {
  test('order search matches only the number or external id, never parts of the e-mail or name', async () => {
    const S = operation<Select<Query, { orders: { totalCount: true; nodes: { number: true } } }>>(
      `query($s: String) { orders(filter: { search: $s }) { totalCount nodes { number } } }`,
    );
    for (const fragment of ['hedy', 'h', 'secret@', 'Lamarr', 'example.com']) {
      const r = await asKey(S, { s: fragment });
      expect({ fragment, found: r.body.data!.orders.totalCount }).toEqual({ fragment, found: 0 });
    }
    expect((await asKey(S, { s: order.number })).body.data!.orders.nodes).toEqual([{ number: order.number }]);
    expect((await asKey(S, { s: 'EXT-777' })).body.data!.orders.nodes).toEqual([{ number: order.number }]);
    // With CUSTOMER_READ (staff) the e-mail is searched as before.
    expect((await t.q(S, { s: 'hedy.secret' })).orders.totalCount).toBeGreaterThan(0);
    // The same in the orders export.
    expect(jsonLines((await keyExport('/export/orders.jsonl?search=hedy')).text)).toEqual([]);
    expect(
      jsonLines((await keyExport(`/export/orders.jsonl?search=${order.number}`)).text).map((o) => o.number),
    ).toEqual([order.number]);
    expect(jsonLines((await exportText(t, '/export/orders.jsonl?search=hedy')).text).length).toBeGreaterThan(0);
  });

  test('topReport: the customer ranking keeps ids and figures, without e-mails and names', async () => {
    const today = new Date();
    const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - 1)).toISOString();
    const to = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 2)).toISOString();
    const rebuilt = await t.q(
      `mutation($f: DateTime!, $t: DateTime!) { rebuildAnalytics(from: $f, to: $t) { userErrors { message } } }`,
      { f: from, t: to },
    );
    expect(rebuilt.rebuildAnalytics.userErrors).toEqual([]);
    const Q = operation<
      Select<
        Query,
        {
          topReport: {
            customersByRevenue: {
              customerId: true;
              email: true;
              name: true;
              orders: true;
              units: true;
              revenue: { amount: true };
            };
            customersByUnits: { customerId: true; email: true; name: true; orders: true };
          };
        }
      >
    >(`query($f: DateTime!, $t: DateTime!) { topReport(filter: { from: $f, to: $t }) {
      customersByRevenue { customerId email name orders units revenue { amount } } customersByUnits { customerId email name orders } } }`);
    const res = await asKey(Q, { f: from, t: to });
    const r = res.body.data!.topReport;
    expect(r.customersByRevenue.length).toBeGreaterThan(0);
    for (const c of [...r.customersByRevenue, ...r.customersByUnits])
      expect(c).toMatchObject({ customerId: expect.any(String), email: null, name: null, orders: expect.any(Number) });
    expectNoSecrets(JSON.stringify(res.body));
    const [{ id }] = await t.sql('select id from customer where email = $1', [CUSTOMER.email]);
    const admin = (await t.q(Q, { f: from, t: to })).topReport.customersByRevenue;
    expect(admin.find((c) => c.customerId === id)).toMatchObject({ email: CUSTOMER.email, name: CUSTOMER.name });
    expect(r.customersByRevenue.find((c) => c.customerId === id)).toMatchObject({ email: null, name: null });
  });

  test('a background customers export is refused without CUSTOMER_READ, as the HTTP export is, and no job is created', async () => {
    const [{ n }] = await t.sql('select count(*)::int as n from export_job');
    for (const format of ['CSV', 'JSONL']) {
      const r = await asKey<{ startExport: unknown }>(START, { i: { kind: 'CUSTOMERS', format } });
      expect(r.body.data!.startExport).toEqual({
        job: null,
        userErrors: [{ field: ['input', 'kind'], code: 'FORBIDDEN', message: 'Missing permission CUSTOMER_READ' }],
      });
    }
    expect((await t.sql('select count(*)::int as n from export_job'))[0].n).toBe(n);
    const http = await keyExport('/export/customers.csv');
    expect(http.status).toBe(403);
  });

  test('a customers export job queued without CUSTOMER_READ (as before the check) fails when it runs, and writes no file', async () => {
    const [job] = await t.sql(
      `insert into export_job (id, kind, format, filter, state, rows_done, owner, requested_by, created_at)
      values (gen_random_uuid(), 'customers', 'csv', '{}'::jsonb, 'QUEUED', 0, $1, 'test', now()) returning id`,
      [`apiKey:${key.id}`],
    );
    const [{ channel_ids }] = await t.sql(
      `select array_agg(channel_id::text) as channel_ids from api_key_channel where api_key_id = $1`,
      [key.id],
    );
    await t.server.orm.em.fork().transactional((em) =>
      t.server.jobs.send(em, 'data-export', {
        jobId: job.id,
        scope: { channelIds: channel_ids, customers: false, payments: false },
      }),
    );
    t.server.jobs.wake('data-export');
    const done = await finished(job.id, key.secret);
    expect(done).toMatchObject({
      state: 'FAILED',
      downloadUrl: null,
      error: 'Missing permission CUSTOMER_READ: the export was refused',
    });
    expect(fs.readdirSync(exportDir).filter((f) => f.startsWith(job.id))).toEqual([]);
  });

  test('background exports of orders and events carry no personal data, payment details or staff e-mails', async () => {
    for (const [kind, format] of [
      ['ORDERS', 'JSONL'],
      ['ORDERS', 'CSV'],
      ['EVENTS', 'JSONL'],
      ['EVENTS', 'CSV'],
    ]) {
      const { text } = await backgroundExport({ kind, format }, key.secret);
      keyTexts.push(text);
      expect(text).toContain(order.id);
      expectNoSecrets(text);
    }
    // The HTTP exports too.
    for (const p of ['/export/orders.jsonl', '/export/orders.csv', '/export/events.jsonl', '/export/events.csv']) {
      const r = await keyExport(p);
      expect(r.status).toBe(200);
      expectNoSecrets(r.text);
    }
    // The admin's export of the same events is complete.
    const admin = jsonLines((await exportText(t, `/export/events.jsonl?aggregateId=${order.id}`)).text);
    expect(admin.find((e) => e.type === 'payment.recorded')).toMatchObject({
      actor: `user:${ADMIN.email}`,
      payload: { message: expect.stringContaining(REFERENCE) },
    });
  });
});

describe('a key limited to channels cannot change what every channel sells', () => {
  const CREATE = operation<
    Select<
      Mutation,
      { createApiKey: { apiKey: { id: true }; secret: true; userErrors: { field: true; code: true; message: true } } }
    >
  >(
    `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { apiKey { id } secret userErrors { field code message } } }`,
  );

  test('createApiKey refuses PRODUCT_WRITE and STOCK_ADJUST at their field, and creates nothing', async () => {
    const [{ n }] = await t.sql('select count(*)::int as n from api_key');
    const r = await t.q(CREATE, {
      i: {
        name: 'Catalog sync',
        channelCodes: ['WEB'],
        permissions: ['PRODUCT_READ', 'PRODUCT_WRITE', 'STOCK_ADJUST'],
      },
    });
    expect(r.createApiKey).toEqual({
      apiKey: null,
      secret: null,
      userErrors: [
        {
          field: ['input', 'permissions', '1'],
          code: 'INVALID_INPUT',
          message:
            'PRODUCT_WRITE cannot be given to an API key: it changes what every channel sells, and a key is limited to its channels',
        },
        {
          field: ['input', 'permissions', '2'],
          code: 'INVALID_INPUT',
          message:
            'STOCK_ADJUST cannot be given to an API key: it changes what every channel sells, and a key is limited to its channels',
        },
      ],
    });
    // Every channel named does not make a key unscoped: it is still refused.
    const all = await t.q(CREATE, {
      i: { name: 'All channels', channelCodes: ['WEB', 'MARKET'], permissions: ['STOCK_ADJUST'] },
    });
    expect(all.createApiKey.userErrors.map((e) => e.field)).toEqual([['input', 'permissions', '0']]);
    expect((await t.sql('select count(*)::int as n from api_key'))[0].n).toBe(n);
  });

  test('a key that holds them from before is refused at use: no price or stock changes', async () => {
    const old = await createKey(t, {
      name: 'Old catalog key',
      channelCodes: ['WEB'],
      permissions: ['PRODUCT_READ', 'STOCK_READ'],
    });
    await t.sql(
      `update api_key set permissions = array['PRODUCT_READ', 'STOCK_READ', 'PRODUCT_WRITE', 'STOCK_ADJUST'] where id = $1`,
      [old.id],
    );
    const before = await t.sql(
      `select p.price_amount, s.on_hand, s.reserved from product p join stock_level s on s.product_id = p.id where p.sku = 'SKU-1'`,
    );
    const price = await asKey(
      `mutation($i: UpsertProductInput!) { upsertProduct(input: $i) { userErrors { code } } }`,
      { i: { sku: 'SKU-1', name: 'Repriced', price: 1, currency: 'EUR' } },
      old.secret,
    );
    expectNoInternals(price.body);
    expect({ status: price.status, ext: price.body.errors?.[0].extensions }).toEqual({
      status: 403,
      ext: { code: 'FORBIDDEN', permission: 'PRODUCT_WRITE' },
    });
    const stock = await asKey(
      `mutation($i: AdjustStockInput!) { adjustStock(input: $i) { userErrors { code } } }`,
      { i: { sku: 'SKU-1', warehouseCode: 'WH1', delta: -90, reason: 'take it' } },
      old.secret,
    );
    expect({ status: stock.status, ext: stock.body.errors?.[0].extensions }).toEqual({
      status: 403,
      ext: { code: 'FORBIDDEN', permission: 'STOCK_ADJUST' },
    });
    expect(
      await t.sql(
        `select p.price_amount, s.on_hand, s.reserved from product p join stock_level s on s.product_id = p.id where p.sku = 'SKU-1'`,
      ),
    ).toEqual(before);
    // The imports are staff's (DATA_IMPORT is never a key's): refused, nothing written.
    for (const kind of ['products', 'stock']) {
      const body =
        kind === 'products'
          ? 'sku,name,price,currency\nSKU-1,Repriced,0.01,EUR\n'
          : 'sku,warehouse_code,on_hand\nSKU-1,WH1,0\n';
      const r = await importCsv(t, kind, body, false, old.secret);
      expect({ kind, status: r.status, permission: r.body.error?.permission }).toEqual({
        kind,
        status: 403,
        permission: 'DATA_IMPORT',
      });
    }
    expect(
      await t.sql(
        `select p.price_amount, s.on_hand, s.reserved from product p join stock_level s on s.product_id = p.id where p.sku = 'SKU-1'`,
      ),
    ).toEqual(before);
  });

  test('the migration strips them from existing keys, with an audit entry', async () => {
    const old = await createKey(t, { name: 'Legacy', channelCodes: ['WEB'], permissions: ['ORDER_READ'] });
    await t.sql(`update api_key set permissions = array['ORDER_READ', 'STOCK_ADJUST', 'PRODUCT_WRITE'] where id = $1`, [
      old.id,
    ]);
    const migration = new Migration20261206230000_boundaries(t.server.orm.em.getDriver(), t.server.orm.config);
    await migration.up();
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      for (const q of migration.getQueries()) await db.query(String(q));
    } finally {
      await db.end();
    }
    expect((await t.sql('select permissions from api_key where id = $1', [old.id]))[0].permissions).toEqual([
      'ORDER_READ',
    ]);
    const [audit] = await t.sql(
      `select actor, details from audit_entry where target_id = $1 and action = 'apiKey.update'`,
      [old.id],
    );
    expect(audit).toMatchObject({
      actor: 'system:migration',
      details: { removedPermissions: ['STOCK_ADJUST', 'PRODUCT_WRITE'] },
    });
  });
});

describe('CSV exports, files and the export pool', () => {
  test('spreadsheetSafe=true prefixes cells a spreadsheet would run as formulas; without it the text is as stored', async () => {
    const names = ['=HYPERLINK("http://evil.example","x")', '+1+2', '-3+4', '@SUM(A1)', '\tTabbed', 'Plain -dash'];
    for (const [i, name] of names.entries()) {
      const r = await t.q(
        `mutation($i: UpsertProductInput!) { upsertProduct(input: $i) { userErrors { field message } } }`,
        { i: { sku: `CSV-${i}`, name, price: 100, currency: 'EUR' } },
      );
      expect(r.upsertProduct.userErrors).toEqual([]);
    }
    const byName = (text: string) =>
      Object.fromEntries(
        csvRows(text)
          .filter((r) => r.sku.startsWith('CSV-'))
          .map((r) => [r.sku, r.name]),
      );
    const safe = await exportText(t, '/export/products.csv?spreadsheetSafe=true&search=CSV-');
    expect(safe.status).toBe(200);
    const expected = {
      'CSV-0': `'${names[0]}`,
      'CSV-1': "'+1+2",
      'CSV-2': "'-3+4",
      'CSV-3': "'@SUM(A1)",
      'CSV-4': "'\tTabbed",
      'CSV-5': 'Plain -dash',
    };
    expect(byName(safe.text)).toEqual(expected);
    // Numbers stay numbers.
    expect(csvRows(safe.text).find((r) => r.sku === 'CSV-1')!.price).toBe('100');
    expect(byName((await exportText(t, '/export/products.csv?search=CSV-')).text)).toEqual(
      Object.fromEntries(names.map((n, i) => [`CSV-${i}`, n])),
    );
    const bad = await exportText(t, '/export/products.csv?spreadsheetSafe=maybe');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error).toMatchObject({ code: 'BAD_REQUEST', parameter: 'spreadsheetSafe' });
    // The background export (what the admin's download uses) does the same.
    const { text } = await backgroundExport(
      { kind: 'PRODUCTS', format: 'CSV', filter: { search: 'CSV-' }, spreadsheetSafe: true },
      t.token,
    );
    expect(byName(text)).toEqual(expected);
  });

  test('export files are mode 0600 in a directory of mode 0700', async () => {
    const { id } = await backgroundExport({ kind: 'PRODUCTS', format: 'CSV' }, t.token);
    expect(fs.statSync(exportDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(exportDir, `${id}.csv`)).mode & 0o777).toBe(0o600);
  });

  test("an import's upload is spooled to a file of mode 0600 in a directory of mode 0700, removed afterwards", async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-boundaries-tmp-'));
    // The server runs in this process: its temporary folder is pointed at one of this test's own.
    const tmpdir = jest.spyOn(os, 'tmpdir').mockReturnValue(tmp);
    try {
      const url = new URL(`${base(t)}/import/products?dryRun=true`);
      const req = http.request(url, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${t.token}` },
      });
      const answer = new Promise<number>((resolve, reject) => {
        req.on('response', (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode!));
        });
        req.on('error', reject);
      });
      req.write('sku,name,price,currency\n');
      let dir: string | undefined;
      for (let i = 0; i < 200 && !dir; i++) {
        dir = fs.readdirSync(tmp).find((d) => d.startsWith('oms-import-'));
        if (!dir || !fs.existsSync(path.join(tmp, dir, 'upload.csv'))) {
          dir = undefined;
          await new Promise((r) => setTimeout(r, 25));
        }
      }
      expect(dir).toBeDefined();
      expect(fs.statSync(path.join(tmp, dir!)).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(tmp, dir!, 'upload.csv')).mode & 0o777).toBe(0o600);
      req.end('SAFE-1,Safe,1.00,EUR\n');
      expect(await answer).toBe(200);
      // Removed right after the answer is sent.
      for (let i = 0; i < 200 && fs.readdirSync(tmp).length; i++) await new Promise((r) => setTimeout(r, 25));
      expect(fs.readdirSync(tmp)).toEqual([]);
    } finally {
      tmpdir.mockRestore();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  test('exports per caller are limited (429), and with every export connection taken the next is refused as busy (503), not queued forever', async () => {
    const keys = [
      await createKey(t, { channelCodes: ['WEB'], permissions: ['DATA_EXPORT'] }),
      await createKey(t, { channelCodes: ['WEB'], permissions: ['DATA_EXPORT'] }),
    ];
    // Exports of products wait behind this lock, each holding one of the 4 export connections.
    const lock = new Client({ connectionString: t.databaseUrl });
    await lock.connect();
    await lock.query('begin');
    await lock.query('lock table product in access exclusive mode');
    const slow: Promise<{ status: number; text: string }>[] = [];
    try {
      for (const token of [t.token, t.token, keys[0].secret, keys[0].secret])
        slow.push(exportText(t, '/export/products.csv', token));
      // Wait until all four hold a connection (their statement waits for the lock).
      for (let i = 0; i < 400; i++) {
        // (Not on the locking connection: inside its transaction pg_stat_activity is a snapshot.)
        const [{ n }] = await t.sql(
          `select count(*)::int as n from pg_stat_activity where application_name = 'oms-export' and wait_event_type = 'Lock'`,
        );
        if (n >= 4) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(
        (
          await t.sql(
            `select count(*)::int as n from pg_stat_activity where application_name = 'oms-export' and wait_event_type = 'Lock'`,
          )
        )[0].n,
      ).toBe(4);
      const third = await exportText(t, '/export/products.csv', t.token);
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toBe('5');
      expect(JSON.parse(third.text).error).toMatchObject({ code: 'TOO_MANY_EXPORTS', limit: 2 });
      const busy = await exportText(t, '/export/products.csv', keys[1].secret);
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).toBe('5');
      expect(busy.headers.get('content-type')).toMatch(/application\/json/);
      expect(JSON.parse(busy.text).error).toMatchObject({
        code: 'BUSY',
        message: 'Exports are busy; retry in a few seconds',
      });
      expectNoInternals(busy.text);
    } finally {
      await lock.query('rollback');
      await lock.end();
    }
    for (const r of await Promise.all(slow)) expect(r.status).toBe(200);
    // The slots are free again.
    expect((await exportText(t, '/export/products.csv', t.token)).status).toBe(200);
    expect((await exportText(t, '/export/products.csv', keys[1].secret)).status).toBe(200);
  });

  test('background exports per caller are limited too: a userError, no job', async () => {
    const limited = await createKey(t, { channelCodes: ['WEB'], permissions: ['DATA_EXPORT'] });
    const owner = `apiKey:${limited.id}`;
    await t.sql(
      `insert into export_job (id, kind, format, filter, state, rows_done, owner, requested_by, created_at)
      select gen_random_uuid(), 'products', 'csv', '{}'::jsonb, 'RUNNING', 0, $1, 'test', now() from generate_series(1, 2)`,
      [owner],
    );
    const r = (await t.q(START, { i: { kind: 'PRODUCTS', format: 'CSV' } }, { token: limited.secret })).startExport;
    expect(r).toEqual({
      job: null,
      userErrors: [
        {
          field: ['input'],
          code: 'CONFLICT',
          message: 'You already have 2 exports running; wait for one to finish (OMS_MAX_EXPORTS_PER_ACTOR)',
        },
      ],
    });
    expect((await t.sql('select count(*)::int as n from export_job where owner = $1', [owner]))[0].n).toBe(2);
  });
});

test('no response the limited key received carried personal data, payment details, a staff e-mail or a stack trace', () => {
  expect(keyTexts.length).toBeGreaterThan(10);
  for (const text of keyTexts) {
    expectNoInternals(text);
    expectNoSecrets(text);
  }
});
