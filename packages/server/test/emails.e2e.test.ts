/**
 * Customer e-mails through the real server and a real SMTP server in this process: what arrives
 * for each event (placed, shipped with tracking, delivered, cancelled, refunded), a channel's own
 * template, HTML escaping of customer data, an SMTP outage (FAILED attempts, then SENT once it is
 * back, and never twice), e-mails off without OMS_SMTP_URL, template checks, previews, and who
 * may see and change what.
 */
import { createCatalog, placeOrder } from './builders';
import { startTestServer, TestServer } from './harness';
import { createKey, userWithRole } from './access-helpers';
import {
  cancelOrder,
  confirmOrder,
  createShipment,
  markShipmentDelivered,
  recordPayment,
  refundPayment,
} from './order-helpers';
import { addressesOf, startSmtpSink, SmtpSink } from './support/smtp-sink';
import { createServer } from '../src/server';

let t: TestServer;
let smtp: SmtpSink;
const PUBLIC = 'https://shop.example.com';
let n = 0;
const email = (what: string) => `${what}-${++n}-${Date.now()}@example.com`;

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await startTestServer({
    config: {
      jobPollSeconds: 1,
      eventDispatchPollSeconds: 1,
      automationSchedule: 'off',
      smtpUrl: smtp.url,
      mailFrom: 'Test Shop <orders@shop.test>',
      publicUrl: PUBLIC,
      emailRetryDelaySeconds: 1,
      emailRetryLimit: 10,
    },
  });
  await createCatalog(t, {
    channels: [
      { code: 'WEB', currency: 'EUR' },
      { code: 'SHOP2', currency: 'EUR' },
    ],
    warehouses: [{ code: 'WH1', priority: 1 }],
    products: [
      { sku: 'SKU-1', price: 1250 },
      { sku: 'SKU-2', price: 499 },
    ],
    stock: { 'SKU-1': { WH1: 1000 }, 'SKU-2': { WH1: 1000 } },
  });
});
afterAll(async () => {
  await t?.stop();
  await smtp?.stop();
});

function ok<T extends { userErrors: unknown[] }>(r: T): T {
  if (r.userErrors.length) throw new Error(JSON.stringify(r.userErrors));
  return r;
}

async function order(customerEmail: string, overrides: Record<string, unknown> = {}) {
  const r = await placeOrder(t, {
    customer: { email: customerEmail, name: 'Ada Lovelace' },
    lines: [
      { sku: 'SKU-1', quantity: 2 },
      { sku: 'SKU-2', quantity: 1 },
    ],
    ...overrides,
  });
  return ok(r).order!;
}

async function messageRows(orderId: string) {
  return t.sql<{
    event: string;
    status: string;
    attempts: number;
    recipient: string;
    event_id: string;
    last_error: string | null;
  }>(
    'select event, status, attempts, recipient, event_id, last_error from email_message where order_id = $1 order by created_at',
    [orderId],
  );
}

async function waitForRow(
  orderId: string,
  event: string,
  test: (r: { status: string; attempts: number }) => boolean,
  ms = 30_000,
) {
  const until = Date.now() + ms;
  for (;;) {
    const row = (await messageRows(orderId)).find((r) => r.event === event);
    if (row && test(row)) return row;
    if (Date.now() > until) throw new Error(`email_message ${event} of ${orderId}: ${JSON.stringify(row)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const UPDATE = `mutation($i: UpdateEmailTemplateInput!) { updateEmailTemplate(input: $i) {
  template { channelCode event subject text html customized updatedBy } userErrors { field code message } } }`;

describe('an order placed', () => {
  test('e-mails the customer once, with the order number, its lines and totals, from OMS_MAIL_FROM', async () => {
    const to = email('placed');
    const o = await order(to);
    const mail = await smtp.waitFor(to);
    expect(mail.subject).toBe(`Your order ${o.number} is confirmed`);
    expect(mail.from?.text).toBe('"Test Shop" <orders@shop.test>');
    expect(mail.text).toContain('Hello Ada Lovelace');
    expect(mail.text).toContain('- 2 x Product SKU-1 (SKU-1): 25.00 EUR');
    expect(mail.text).toContain('- 1 x Product SKU-2 (SKU-2): 4.99 EUR');
    expect(mail.text).toContain('Tax: 0.00 EUR');
    expect(mail.text).toContain(`Total: 29.99 EUR`);
    expect(mail.html).toContain(o.number);
    expect(smtp.users).toContain('shop');

    const [row] = await messageRows(o.id);
    expect(row).toMatchObject({ event: 'ORDER_PLACED', status: 'SENT', attempts: 1, recipient: to, last_error: null });
    const [event] = await t.sql<{ id: string }>(
      `select id from domain_event where aggregate_id = $1 and type = 'order.placed'`,
      [o.id],
    );
    expect(row.event_id).toBe(event.id);
    expect(mail.messageId).toBe(`<${event.id}@oms>`);

    const log = await t.q(
      `query($o: ID!) { emailMessages(first: 10, filter: { orderId: $o }) { totalCount nodes { event status recipient subject orderNumber attempts sentAt } } }`,
      { o: o.id },
    );
    expect(log.emailMessages.totalCount).toBe(1);
    expect(log.emailMessages.nodes[0]).toMatchObject({
      event: 'ORDER_PLACED',
      status: 'SENT',
      recipient: to,
      subject: mail.subject,
      orderNumber: o.number,
      attempts: 1,
    });
    // Later dispatches and sweeps send nothing more.
    await new Promise((r) => setTimeout(r, 2500));
    expect(smtp.mails.filter((m) => m.subject === mail.subject)).toHaveLength(1);
  });

  test("a customer's name is HTML-escaped in the HTML body and left as written in the plain text", async () => {
    const to = email('script');
    const name = '<script>alert(1)</script> & Co';
    await order(to, { customer: { email: to, name } });
    const mail = await smtp.waitFor(to);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;&#x2F;script&gt; &amp; Co');
    expect(mail.text).toContain(`Hello ${name},`);
  });
});

describe('the events after placing', () => {
  test('a shipment with tracking e-mails the carrier, the tracking number and the tracking link; delivery e-mails too', async () => {
    const to = email('ship');
    const o = await order(to);
    await smtp.waitFor(to);
    ok(await confirmOrder(t, o.id));
    const shipped = ok(await createShipment(t, o.id, 2)).order!;
    const shipment = shipped.shipments[0];
    const mail = await smtp.waitFor(to, (m) => /has shipped/.test(m.subject ?? ''));
    expect(mail.subject).toBe(`Your order ${o.number} has shipped`);
    expect(mail.text).toContain(`Tracking number: ${shipment.trackingNumber}`);
    expect(mail.text).toContain('with DHL');
    const link = `${PUBLIC}/track?number=${encodeURIComponent(o.number)}&email=${encodeURIComponent(to)}`;
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(
      `href="${link.replace(/&/g, '&amp;').replace(/\//g, '&#x2F;').replace(/=/g, '&#x3D;')}"`,
    );

    ok(await markShipmentDelivered(t, shipment.id));
    const delivered = await smtp.waitFor(to, (m) => /was delivered/.test(m.subject ?? ''));
    expect(delivered.subject).toBe(`Your order ${o.number} was delivered`);
    expect((await messageRows(o.id)).map((r) => [r.event, r.status])).toEqual([
      ['ORDER_PLACED', 'SENT'],
      ['ORDER_SHIPPED', 'SENT'],
      ['ORDER_DELIVERED', 'SENT'],
    ]);
  });

  test('a refund e-mails the amount refunded, a cancellation its reason', async () => {
    const to = email('refund');
    const o = await order(to);
    ok(await recordPayment(t, { orderId: o.id, amount: 2999, method: 'card' }));
    ok(await refundPayment(t, { orderId: o.id, amount: 500, reason: 'late delivery' }));
    const refund = await smtp.waitFor(to, (m) => /refund/.test(m.subject ?? ''));
    expect(refund.text).toContain('we refunded 5.00 EUR');
    expect(refund.text).toContain('Reason: late delivery');

    const to2 = email('cancel');
    const o2 = await order(to2);
    ok(await cancelOrder(t, o2.id, 'out of stock'));
    const cancelled = await smtp.waitFor(to2, (m) => /cancelled/.test(m.subject ?? ''));
    expect(cancelled.text).toContain(`your order ${o2.number} was cancelled. Reason: out of stock`);
  });
});

describe('templates', () => {
  test("a channel's own template is used for its orders, the default for other channels", async () => {
    const saved = (
      await t.q(UPDATE, {
        i: {
          channelCode: 'SHOP2',
          event: 'ORDER_PLACED',
          subject: 'SHOP2 order {{order.number}} for {{customer.name}}',
          html: '<p>{{#lines}}{{sku}}={{quantity}};{{/lines}}</p>',
        },
      })
    ).updateEmailTemplate;
    expect(saved.userErrors).toEqual([]);
    expect(saved.template).toMatchObject({
      channelCode: 'SHOP2',
      event: 'ORDER_PLACED',
      customized: true,
      updatedBy: 'user:admin@test.local',
    });
    // Parts not given keep the current (default) text.
    expect(saved.template.text).toContain('thank you for your order {{order.number}}');

    const to = email('shop2');
    const o = await order(to, { channelCode: 'SHOP2' });
    const mail = await smtp.waitFor(to);
    expect(mail.subject).toBe(`SHOP2 order ${o.number} for Ada Lovelace`);
    expect(mail.html).toContain('<p>SKU-1=2;SKU-2=1;</p>');

    const list = await t.q('{ emailTemplates(channelCode: "WEB") { event customized variables } }');
    expect(list.emailTemplates.map((x: { event: string }) => x.event)).toEqual([
      'ORDER_PLACED',
      'ORDER_SHIPPED',
      'ORDER_DELIVERED',
      'ORDER_CANCELLED',
      'ORDER_REFUNDED',
    ]);
    expect(list.emailTemplates.every((x: { customized: boolean }) => !x.customized)).toBe(true);
    expect(list.emailTemplates[1].variables).toEqual(expect.arrayContaining(['shipment.trackingNumber', 'lines.sku']));

    // Reset: back to the default.
    const reset = (await t.q(UPDATE, { i: { channelCode: 'SHOP2', event: 'ORDER_PLACED', reset: true } }))
      .updateEmailTemplate;
    expect(reset.template).toMatchObject({ customized: false, subject: 'Your order {{order.number}} is confirmed' });
    expect(await t.sql('select * from email_template')).toEqual([]);
  });

  test('a template that does not compile, or names unknown variables, is refused at its field and nothing is saved', async () => {
    const before = await t.sql('select * from email_template');
    const r = (
      await t.q(UPDATE, {
        i: {
          channelCode: 'WEB',
          event: 'ORDER_PLACED',
          subject: 'Order {{order.nubmer}}',
          text: '{{#lines}}{{sku}}',
          html: '{{shipment.trackingNumber}} {{#lines}}{{sku}} {{bogus}}{{/lines}}',
        },
      })
    ).updateEmailTemplate;
    expect(r.template).toBeNull();
    expect(r.userErrors).toEqual([
      { field: ['input', 'subject'], code: 'INVALID_INPUT', message: 'subject: unknown variable: order.nubmer' },
      {
        field: ['input', 'text'],
        code: 'INVALID_INPUT',
        message: expect.stringMatching(/^text: does not compile: Unclosed section "lines"/),
      },
      {
        field: ['input', 'html'],
        code: 'INVALID_INPUT',
        message: 'html: unknown variables: shipment.trackingNumber, bogus',
      },
    ]);
    const empty = (await t.q(UPDATE, { i: { channelCode: 'WEB', event: 'ORDER_PLACED', subject: '  ' } }))
      .updateEmailTemplate;
    expect(empty.userErrors).toEqual([
      { field: ['input', 'subject'], code: 'INVALID_INPUT', message: 'subject: required' },
    ]);
    const unknown = (await t.q(UPDATE, { i: { channelCode: 'NOPE', event: 'ORDER_PLACED', subject: 'x' } }))
      .updateEmailTemplate;
    expect(unknown.userErrors).toEqual([
      { field: ['input', 'channelCode'], code: 'NOT_FOUND', message: 'channelCode: no channel NOPE' },
    ]);
    expect(await t.sql('select * from email_template')).toEqual(before);
  });

  test('previewEmail renders a sample order or a real one, from the saved template or a draft, and sends nothing', async () => {
    const sent = smtp.mails.length;
    const rows = (await t.sql('select count(*)::int as n from email_message'))[0].n;
    const sample = (
      await t.q(
        '{ previewEmail(channelCode: "WEB", event: ORDER_SHIPPED) { subject text html recipient sample problems } }',
      )
    ).previewEmail;
    expect(sample).toMatchObject({
      subject: 'Your order SAMPLE-1001 has shipped',
      recipient: 'jane.doe@example.com',
      sample: true,
      problems: [],
    });
    expect(sample.text).toContain('Tracking number: 00340434161234567890');

    const to = email('preview');
    const o = await order(to, { customer: { email: to, name: 'Grace <b>Hopper</b>' } });
    const real = (
      await t.q(
        `query($o: ID!, $d: EmailTemplateDraftInput) { previewEmail(channelCode: "WEB", event: ORDER_PLACED, orderId: $o, draft: $d) { subject html recipient sample problems } }`,
        { o: o.id, d: { subject: 'Hi {{customer.name}}: {{order.total}}', html: '<b>{{customer.name}}</b>' } },
      )
    ).previewEmail;
    expect(real).toMatchObject({
      subject: 'Hi Grace <b>Hopper</b>: 29.99 EUR',
      html: '<b>Grace &lt;b&gt;Hopper&lt;&#x2F;b&gt;</b>',
      recipient: to,
      sample: false,
      problems: [],
    });
    const broken = (
      await t.q(
        '{ previewEmail(channelCode: "WEB", event: ORDER_PLACED, draft: { subject: "{{order.nope}}" }) { subject problems } }',
      )
    ).previewEmail;
    expect(broken.problems).toEqual(['subject: unknown variable: order.nope']);
    // An order of another channel is not previewed with this channel's template.
    const other = await t.gql(
      `query($o: ID!) { previewEmail(channelCode: "SHOP2", event: ORDER_PLACED, orderId: $o) { subject } }`,
      {
        o: o.id,
      },
    );
    expect(other.body.errors?.[0].message).toBe(`orderId: no order ${o.id} in channel SHOP2`);
    await smtp.waitFor(to);
    expect(smtp.mails.length).toBe(sent + 1); // the order's own confirmation, nothing from previews
    expect((await t.sql('select count(*)::int as n from email_message'))[0].n).toBe(rows + 1);
  });
});

describe('who may', () => {
  test('a role without EMAIL_MANAGE is refused every e-mail operation, and changes nothing', async () => {
    const support = await userWithRole(t, 'SUPPORT');
    for (const q of [
      '{ emailTemplates(channelCode: "WEB") { event } }',
      '{ previewEmail(channelCode: "WEB", event: ORDER_PLACED) { subject } }',
      '{ emailMessages(first: 5) { totalCount } }',
    ]) {
      const r = await t.gql(q, {}, { token: support.token });
      expect(r.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'EMAIL_MANAGE' });
      expect(r.body.data).toBeNull();
    }
    const r = await t.gql(
      UPDATE,
      { i: { channelCode: 'WEB', event: 'ORDER_PLACED', subject: 'x' } },
      { token: support.token },
    );
    expect(r.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'EMAIL_MANAGE' });
    expect(await t.sql(`select * from email_template where event = 'ORDER_PLACED'`)).toEqual([]);
  });

  test('the message log and real-order previews need CUSTOMER_READ too; a partner key sees and changes only its channels', async () => {
    const to = email('scoped');
    const web = await order(to);
    const to2 = email('scoped2');
    const shop2 = await order(to2, { channelCode: 'SHOP2' });
    await smtp.waitFor(to);
    await smtp.waitFor(to2);

    const noCustomer = await createKey(t, { channelCodes: ['WEB'], permissions: ['EMAIL_MANAGE'] });
    const log = await t.gql('{ emailMessages(first: 5) { totalCount } }', {}, { token: noCustomer.secret });
    expect(log.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'CUSTOMER_READ' });
    const real = await t.gql(
      `query($o: ID!) { previewEmail(channelCode: "WEB", event: ORDER_PLACED, orderId: $o) { subject recipient } }`,
      { o: web.id },
      { token: noCustomer.secret },
    );
    expect(real.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'CUSTOMER_READ' });
    expect(JSON.stringify(real)).not.toContain(to);
    const sample = await t.gql(
      '{ previewEmail(channelCode: "WEB", event: ORDER_PLACED) { sample } }',
      {},
      { token: noCustomer.secret },
    );
    expect(sample.body.data?.previewEmail.sample).toBe(true);

    const key = await createKey(t, { channelCodes: ['WEB'], permissions: ['EMAIL_MANAGE', 'CUSTOMER_READ'] });
    const mine = await t.q(
      '{ emailMessages(first: 200) { totalCount nodes { orderId recipient } } }',
      {},
      { token: key.secret },
    );
    const ids = mine.emailMessages.nodes.map((x: { orderId: string }) => x.orderId);
    expect(ids).toContain(web.id);
    expect(ids).not.toContain(shop2.id);
    const [{ n }] = await t.sql<{ n: number }>(
      `select count(*)::int as n from email_message m join channel c on c.id = m.channel_id where c.code = 'WEB'`,
    );
    expect(mine.emailMessages.totalCount).toBe(n);
    const filtered = await t.q(
      `query($o: ID!) { emailMessages(first: 5, filter: { orderId: $o }) { totalCount } }`,
      { o: shop2.id },
      { token: key.secret },
    );
    expect(filtered.emailMessages.totalCount).toBe(0);

    const other = await t.gql('{ emailTemplates(channelCode: "SHOP2") { event } }', {}, { token: key.secret });
    expect(other.body.errors?.[0].message).toBe('channelCode: no channel SHOP2');
    const change = await t.q(
      UPDATE,
      { i: { channelCode: 'SHOP2', event: 'ORDER_PLACED', subject: 'x' } },
      { token: key.secret },
    );
    expect(change.updateEmailTemplate.userErrors).toEqual([
      { field: ['input', 'channelCode'], code: 'NOT_FOUND', message: 'channelCode: no channel SHOP2' },
    ]);
    expect(await t.sql(`select * from email_template`)).toEqual([]);
    const own = await t.q(
      UPDATE,
      { i: { channelCode: 'WEB', event: 'ORDER_DELIVERED', subject: 'Here: {{order.number}}' } },
      { token: key.secret },
    );
    expect(own.updateEmailTemplate.userErrors).toEqual([]);
    await t.q(UPDATE, { i: { channelCode: 'WEB', event: 'ORDER_DELIVERED', reset: true } });
  });
});

describe('the message log', () => {
  test('pages both ways, newest first, and filters by status', async () => {
    type Page = {
      totalCount: number;
      nodes: { id: string }[];
      pageInfo: {
        hasNextPage: boolean;
        hasPreviousPage: boolean;
        startCursor: string | null;
        endCursor: string | null;
      };
    };
    const q = async (args: string) =>
      (
        await t.q<{ emailMessages: Page }>(
          `{ emailMessages(${args}) { totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
        )
      ).emailMessages;
    const rows = await t.sql<{ id: string }>('select id from email_message order by created_at desc, id desc');
    expect(rows.length).toBeGreaterThan(4);
    const all = await q('first: 200');
    expect(all.nodes.map((x) => x.id)).toEqual(rows.map((r) => r.id));
    const p1 = await q('first: 2');
    const p2 = await q(`first: 2, after: "${p1.pageInfo.endCursor}"`);
    expect([...p1.nodes, ...p2.nodes].map((x) => x.id)).toEqual(rows.slice(0, 4).map((r) => r.id));
    const back = await q(`last: 2, before: "${p2.pageInfo.startCursor}"`);
    expect(back.nodes.map((x) => x.id)).toEqual(rows.slice(0, 2).map((r) => r.id));
    expect(back.pageInfo.hasPreviousPage).toBe(false);
    const sent = await q('first: 200, filter: { status: SENT }');
    const [{ n }] = await t.sql<{ n: number }>(`select count(*)::int as n from email_message where status = 'SENT'`);
    expect(sent.totalCount).toBe(n);
    const bad = await t.gql('{ emailMessages(first: 500) { totalCount } }');
    expect(bad.body.errors?.[0].message).toBe('first must be between 1 and 200');
  });
});

describe('an SMTP outage', () => {
  test('leaves the message FAILED with its error and attempts, then it is retried and SENT once the server is back, once', async () => {
    await smtp.stop();
    try {
      const to = email('outage');
      const o = await order(to);
      const failed = await waitForRow(o.id, 'ORDER_PLACED', (r) => r.status === 'FAILED' && r.attempts >= 2);
      expect(failed.last_error).toMatch(/ECONNREFUSED/);
      const log = await t.q(
        `query($o: ID!) { emailMessages(first: 5, filter: { orderId: $o, status: FAILED }) { nodes { status attempts lastError sentAt } } }`,
        { o: o.id },
      );
      expect(log.emailMessages.nodes[0]).toMatchObject({ status: 'FAILED', sentAt: null });
      expect(log.emailMessages.nodes[0].attempts).toBeGreaterThanOrEqual(2);
      await smtp.start();
      const mail = await smtp.waitFor(to, undefined, 40_000);
      const sent = await waitForRow(o.id, 'ORDER_PLACED', (r) => r.status === 'SENT');
      expect(sent.attempts).toBeGreaterThanOrEqual(3);
      expect(sent.last_error).toBeNull();
      await new Promise((r) => setTimeout(r, 3000));
      expect(smtp.mails.filter((m) => m.subject === mail.subject)).toHaveLength(1);
    } finally {
      await smtp.start().catch(() => undefined);
    }
  }, 90_000);
});

describe('two server processes', () => {
  test('with a second process on the same queue, messages that failed are each sent once when SMTP comes back', async () => {
    const second = await createServer({
      config: {
        port: 0,
        logLevel: 'silent',
        sessionTtlSeconds: 3600,
        bodyLimit: '1mb',
        corsOrigins: [],
        rateLimitRequests: 0,
        jobPollSeconds: 1,
        eventDispatchPollSeconds: 1,
        automationSchedule: 'off',
        smtpUrl: smtp.url,
        mailFrom: 'Test Shop <orders@shop.test>',
        publicUrl: PUBLIC,
        emailRetryDelaySeconds: 1,
        emailRetryLimit: 10,
      },
      databaseUrl: t.databaseUrl,
      host: '127.0.0.1',
      seed: 'none',
    });
    await smtp.stop();
    try {
      const to = email('two');
      const orders = [await order(to), await order(to), await order(to)];
      for (const o of orders) await waitForRow(o.id, 'ORDER_PLACED', (r) => r.status === 'FAILED');
      await smtp.start();
      for (const o of orders) await waitForRow(o.id, 'ORDER_PLACED', (r) => r.status === 'SENT', 40_000);
      await new Promise((r) => setTimeout(r, 3000));
      const subjects = smtp.mails.filter((m) => addressesOf(m).includes(to)).map((m) => m.subject);
      expect(subjects.sort()).toEqual(orders.map((o) => `Your order ${o.number} is confirmed`).sort());
      for (const o of orders) expect(await messageRows(o.id)).toHaveLength(1);
    } finally {
      await smtp.start();
      await second.stop();
    }
  }, 90_000);
});

describe('without OMS_SMTP_URL', () => {
  test('nothing is logged, queued or sent', async () => {
    const off = await startTestServer({
      config: { jobPollSeconds: 1, eventDispatchPollSeconds: 1, automationSchedule: 'off' },
    });
    try {
      await createCatalog(off, {
        channels: [{ code: 'WEB', currency: 'EUR' }],
        warehouses: [{ code: 'WH1', priority: 1 }],
        products: [{ sku: 'SKU-1', price: 1250 }],
        stock: { 'SKU-1': { WH1: 10 } },
      });
      const sent = smtp.mails.length;
      const r = ok(await placeOrder(off, { customer: { email: 'off@example.com', name: 'Off' } })).order!;
      const until = Date.now() + 15_000;
      while (
        (await off.sql(`select 1 from domain_event where aggregate_id = $1 and dispatched_at is null`, [r.id])).length
      ) {
        if (Date.now() > until) throw new Error('the event was not dispatched');
        await new Promise((res) => setTimeout(res, 100));
      }
      expect(await off.sql('select * from email_message')).toEqual([]);
      expect(await off.sql(`select * from pgboss.job where name = 'email'`)).toEqual([]);
      const log = await off.q('{ emailMessages(first: 5) { totalCount } }');
      expect(log.emailMessages.totalCount).toBe(0);
      await new Promise((res) => setTimeout(res, 1500));
      expect(smtp.mails.length).toBe(sent);
    } finally {
      await off.stop();
    }
  }, 60_000);
});
