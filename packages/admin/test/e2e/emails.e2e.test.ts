/**
 * Customer e-mails in a real browser against the real server and a real SMTP server in this
 * process: an admin opens E-mails from the navigation, edits the WEB channel's "order placed"
 * template with a live preview the server renders, sees an unknown variable refused at its field
 * (nothing saved), saves, previews with a real order, then an order placed gets the new e-mail and
 * the message log shows it SENT. A support user (no EMAIL_MANAGE) has no E-mails entry.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startSmtpSink, SmtpSink } from '../../../server/test/support/smtp-sink';
import { ARTIFACTS, E2EServer, launchChromium, placeOrder, signIn, signInWithToken, startE2EServer } from './harness';

jest.setTimeout(180_000);

const SCREENSHOTS = path.resolve(__dirname, '../../../../docs/screenshots');

let e: E2EServer;
let smtp: SmtpSink;
let browser: Browser;
let page: Page;

type Templates = { emailTemplates: { event: string; subject: string; customized: boolean }[] };

async function placedTemplate() {
  const r = await e.q<Templates>('{ emailTemplates(channelCode: "WEB") { event subject customized } }');
  return r.emailTemplates.find((t) => t.event === 'ORDER_PLACED')!;
}

beforeAll(async () => {
  smtp = await startSmtpSink();
  e = await startE2EServer({
    config: {
      jobPollSeconds: 1,
      eventDispatchPollSeconds: 1,
      smtpUrl: smtp.url,
      mailFrom: 'Web shop <orders@shop.test>',
      publicUrl: 'https://shop.example.com',
      emailRetryDelaySeconds: 1,
    },
  });
  await e.q(`mutation {
    c: createChannel(input: { code: "WEB", name: "Web shop", currency: "EUR" }) { userErrors { message } }
    w: createWarehouse(input: { code: "BER", name: "Berlin", priority: 1 }) { userErrors { message } }
    p: upsertProduct(input: { sku: "MUG-1", name: "Mug", price: 1250, currency: "EUR" }) { userErrors { message } }
    s: adjustStock(input: { sku: "MUG-1", warehouseCode: "BER", delta: 500, reason: "goods received" }) { userErrors { message } }
  }`);
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 1100 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(15_000);
  await signInWithToken(context, e.token);
  page = await context.newPage();
  await page.goto(`${e.baseUrl}/`);
});

afterAll(async () => {
  await browser?.close();
  await e?.stop();
  await smtp?.stop();
});

test('an admin edits a template with a live preview; a bad variable is refused at its field, nothing saved', async () => {
  await page.getByRole('link', { name: 'E-mails' }).click();
  await page.waitForURL(/\/settings\/emails$/);
  await page.getByText('Your order SAMPLE-1001 is confirmed').waitFor();
  expect(await page.getByTestId('template-kind').innerText()).toMatch(/^default$/i);

  const form = page.getByRole('form', { name: 'E-mail template' });
  await form.getByLabel('Subject').fill('Thanks {{customer.name}}: order {{order.nubmer}}');
  await page.getByTestId('preview-problems').getByText('subject: unknown variable: order.nubmer').waitFor();
  await form.getByRole('button', { name: 'Save template' }).click();
  await form.getByText('subject: unknown variable: order.nubmer').waitFor();
  expect(await placedTemplate()).toMatchObject({
    customized: false,
    subject: 'Your order {{order.number}} is confirmed',
  });

  await form.getByLabel('Subject').fill('Thanks {{customer.name}}: order {{order.number}}');
  await page.getByText('Thanks Jane Doe: order SAMPLE-1001').waitFor();
  expect(await page.getByTestId('preview-problems').count()).toBe(0);
  await form.getByRole('button', { name: 'Save template' }).click();
  await page.getByText('Template saved').waitFor();
  await page.getByTestId('template-kind').getByText('Customized').waitFor();
  expect(await placedTemplate()).toMatchObject({
    customized: true,
    subject: 'Thanks {{customer.name}}: order {{order.number}}',
  });
});

test('a preview with a real order shows its customer; an order placed gets the saved e-mail, logged as SENT', async () => {
  const order = await placeOrder(e, [{ sku: 'MUG-1', quantity: 2 }], {
    email: 'grace@example.com',
    name: 'Grace Hopper',
  });
  await page.getByLabel('Order id (blank: a sample order)').fill(order.id);
  await page.getByText(`Thanks Grace Hopper: order ${order.number}`).first().waitFor();
  await page.getByText('To: grace@example.com').waitFor();

  const mail = await smtp.waitFor('grace@example.com');
  expect(mail.subject).toBe(`Thanks Grace Hopper: order ${order.number}`);
  expect(mail.text).toContain('- 2 x Mug (MUG-1): 25.00 EUR');

  const log = page.getByTestId('email-messages');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await log.getByRole('link', { name: order.number }).waitFor();
  const row = log.locator('tr', { hasText: order.number });
  await row.getByText('SENT').waitFor({ timeout: 20_000 });
  expect(await row.innerText()).toContain('grace@example.com');

  await page.getByLabel('Order id (blank: a sample order)').fill('');
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.getByText('Thanks Jane Doe: order SAMPLE-1001').waitFor();
  await page.getByText('Template saved').waitFor({ state: 'hidden' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOTS, 'emails.png'), fullPage: true });
});

test('a support user (no EMAIL_MANAGE) has no E-mails entry', async () => {
  await e.q(
    `mutation { createUser(input: { email: "sup@e2e.local", name: "Sam", role: SUPPORT, password: "one-time password 1" }) { userErrors { message } } }`,
  );
  const token = await signIn(e, { email: 'sup@e2e.local', password: 'one-time password 1' });
  await e.q(
    `mutation { changePassword(input: { currentPassword: "one-time password 1", newPassword: "support password 2" }) { userErrors { message } } }`,
    {},
    token,
  );
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await signInWithToken(context, token);
  const support = await context.newPage();
  await support.goto(`${e.baseUrl}/`);
  await support.getByRole('link', { name: 'Orders' }).waitFor();
  expect(await support.getByRole('link', { name: 'E-mails' }).count()).toBe(0);
  await context.close();
});
