/**
 * Access management in a real browser against the real server: an admin invites a colleague, who
 * must choose their own password and then sees only what their role allows; an admin creates a
 * partner API key (secret shown once), a partner uses it, the admin revokes it; the audit log shows
 * all of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, E2EServer, launchChromium, placeOrder, signInThroughForm, startE2EServer } from './harness';

jest.setTimeout(120_000);

let e: E2EServer;
let browser: Browser;
let admin: Page;
let order: { id: string; number: string };

async function shot(page: Page, name: string) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  e = await startE2EServer();
  await e.q(`mutation {
    c: createChannel(input: { code: "WEB", name: "Web shop", currency: "EUR" }) { userErrors { message } }
    m: createChannel(input: { code: "MARKET", name: "Marketplace", currency: "EUR" }) { userErrors { message } }
    w: createWarehouse(input: { code: "BER", name: "Berlin", priority: 1 }) { userErrors { message } }
    p: upsertProduct(input: { sku: "MUG-1", name: "Mug", price: 1250, currency: "EUR" }) { userErrors { message } }
    s: adjustStock(input: { sku: "MUG-1", warehouseCode: "BER", delta: 50, reason: "goods received" }) { userErrors { message } }
  }`);
  order = await placeOrder(e, [{ sku: 'MUG-1', quantity: 1 }]);
  await e.q(
    `mutation($id: ID!) { recordPayment(input: { orderId: $id, amount: 500, method: "card" }) { userErrors { message } } }`,
    { id: order.id },
  );
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(10_000);
  admin = await context.newPage();
  await signInThroughForm(admin, { baseUrl: e.baseUrl, email: 'admin@e2e.local', password: 'e2e password 1234' });
  await admin.waitForURL(`${e.baseUrl}/`);
});

afterAll(async () => {
  await browser?.close();
  await e?.stop();
});

test('an admin invites a colleague; a refused invitation shows the error at its field', async () => {
  await admin.getByRole('link', { name: 'Users' }).click();
  await admin.waitForURL(/\/settings\/users$/);
  const form = admin.getByRole('form', { name: 'Invite a user' });
  await form.getByLabel('E-mail').fill('picker@e2e.local');
  await form.getByLabel('Name').fill('Pat Picker');
  await form.getByRole('combobox', { name: 'Role' }).click();
  await admin.getByRole('option', { name: /^Fulfilment/ }).click();
  await form.getByLabel('One-time password').fill('short');
  await form.getByRole('button', { name: 'Invite' }).click();
  await form.getByText('password: must be 10 to 200 characters').waitFor();

  await form.getByLabel('One-time password').fill('first day password 1');
  await form.getByRole('button', { name: 'Invite' }).click();
  const row = admin.getByTestId('user-row-picker@e2e.local');
  await row.waitFor();
  expect(await row.innerText()).toMatch(/one-time password/i);
  await shot(admin, 'users');
});

test('the colleague must choose their own password, then sees what a fulfilment role may see', async () => {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(10_000);
  const picker = await context.newPage();
  await signInThroughForm(picker, { baseUrl: e.baseUrl, email: 'picker@e2e.local', password: 'first day password 1' });
  await picker.waitForURL(/\/change-password$/);
  await picker.getByLabel('Current password').fill('first day password 1');
  await picker.getByLabel(/^New password(?! again)/).fill('my own password 42');
  await picker.getByLabel('New password again').fill('my own password 42');
  await picker.getByRole('button', { name: 'Save password' }).click();
  await picker.waitForURL(`${e.baseUrl}/`);

  // No administration pages for this role.
  await picker.getByRole('link', { name: 'Orders' }).waitFor();
  expect(await picker.getByRole('link', { name: 'Users' }).count()).toBe(0);
  expect(await picker.getByRole('link', { name: 'API keys' }).count()).toBe(0);

  // The order: the customer (needed to ship) is shown, the payments are not.
  await picker.goto(`${e.baseUrl}/orders/${order.id}`);
  await picker.getByText('ada@example.com').first().waitFor();
  await picker.getByText('Hidden: your role does not show payments.').waitFor();
  await context.close();
});

test('an admin creates a partner key, sees its secret once, the partner uses it, the admin revokes it', async () => {
  await admin.getByRole('link', { name: 'API keys' }).click();
  await admin.waitForURL(/\/settings\/api-keys$/);
  const form = admin.getByRole('form', { name: 'Create an API key' });
  await form.getByLabel('Name').fill('Marketplace X');
  await form.getByLabel('Channels').click();
  await admin.getByRole('option', { name: /^MARKET/ }).click();
  await admin.keyboard.press('Escape');
  await form.getByRole('button', { name: 'Create key' }).click();
  const secret = (await admin.getByTestId('api-key-secret').innerText()).trim();
  expect(secret).toMatch(/^omsk_[A-Za-z0-9_-]{43}$/);
  await shot(admin, 'api-key-secret');
  await admin.getByRole('button', { name: 'Done' }).click();
  const row = admin.getByTestId('api-key-row-Marketplace X');
  await row.waitFor();
  expect(await row.innerText()).toContain(secret.slice(0, 13));
  expect(await row.innerText()).not.toContain(secret);

  // The partner places an order into its channel and cannot see the web shop's order.
  const call = (query: string, variables?: unknown) =>
    fetch(`${e.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query, variables }),
    });
  const placed = (await (
    await call(`mutation { placeOrder(input: { channelCode: "MARKET", customer: { email: "m@example.com" },
    shippingAddress: { line1: "1 Road", city: "Paris", postalCode: "75001", country: "FR" }, lines: [{ sku: "MUG-1", quantity: 1 }] }) { order { number } userErrors { message } } }`)
  ).json()) as { data: { placeOrder: { userErrors: unknown[] } } };
  expect(placed.data.placeOrder.userErrors).toEqual([]);
  const other: unknown = await (await call(`query($id: ID) { order(id: $id) { number } }`, { id: order.id })).json();
  expect(other).toEqual({ data: { order: null }, extensions: expect.anything() });
  await admin.reload();
  await admin
    .getByTestId('api-key-row-Marketplace X')
    .getByText(/Last used/i)
    .or(admin.getByTestId('api-key-row-Marketplace X').getByText(/\d{4}/))
    .first()
    .waitFor();
  await shot(admin, 'api-keys');

  await admin.getByTestId('api-key-row-Marketplace X').getByRole('button', { name: 'Revoke' }).click();
  await admin.getByRole('button', { name: 'Revoke key' }).click();
  await admin
    .getByTestId('api-key-row-Marketplace X')
    .getByText(/Revoked/)
    .waitFor();
  expect((await call('{ channels { code } }')).status).toBe(401);
});

test('the audit log shows who did all of this', async () => {
  await admin.getByRole('link', { name: 'Audit log' }).click();
  await admin.waitForURL(/\/settings\/audit-log$/);
  await admin.getByTestId('audit-row').first().waitFor();
  const text = await admin.locator('table').innerText();
  for (const action of ['user.create', 'user.password_change', 'apiKey.create', 'apiKey.revoke', 'channel.create'])
    expect(text).toContain(action);
  expect(text).toContain('user:admin@e2e.local');
  expect(text).toContain('user:picker@e2e.local');
  expect(text).not.toMatch(/omsk_[A-Za-z0-9_-]{20,}/);
  await shot(admin, 'audit-log');
});

test('a customer follows their order on the public tracking page, without signing in, live', async () => {
  const context = await browser.newContext({
    viewport: { width: 1100, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(10_000);
  const customer = await context.newPage();
  // A wrong pair first: nothing is revealed.
  await customer.goto(`${e.baseUrl}/track?number=${order.number}&email=someone.else%40example.com`);
  await customer.getByText('No order matches this number and e-mail.').waitFor();
  expect(await customer.getByTestId('tracked-order').count()).toBe(0);
  // The link of a confirmation e-mail.
  await customer.goto(`${e.baseUrl}/track?number=${order.number}&email=ada%40example.com`);
  await customer.getByTestId('tracked-status').filter({ hasText: 'Received, waiting to be confirmed' }).waitFor();
  expect(customer.url()).not.toMatch(/sign-in/);
  // Staff confirm and ship: the page follows.
  await e.q(`mutation($id: ID!) { confirmOrder(id: $id) { userErrors { message } } }`, { id: order.id });
  await customer
    .getByTestId('tracked-status')
    .filter({ hasText: 'Confirmed, being prepared' })
    .waitFor({ timeout: 5000 });
  await e.q(
    `mutation($id: ID!) { createShipment(input: { orderId: $id, warehouseCode: "BER", carrier: "DHL", trackingNumber: "JD0001", lines: [{ sku: "MUG-1", quantity: 1 }] }) { userErrors { message } } }`,
    { id: order.id },
  );
  await customer.getByTestId('tracked-status').filter({ hasText: 'Shipped' }).waitFor({ timeout: 5000 });
  await customer.getByTestId('tracked-parcels').getByText('JD0001').waitFor();
  const text = await customer.getByTestId('tracked-order').innerText();
  expect(text).not.toMatch(/BER|Berlin|admin@e2e\.local|user:/);
  await shot(customer, 'tracking');
  await context.close();
});

test('the orders list sorts by total, and the sort is in the URL', async () => {
  await admin.goto(`${e.baseUrl}/orders`);
  await admin.getByRole('combobox', { name: 'Sort' }).click();
  await admin.getByRole('option', { name: 'Lowest total' }).click();
  await admin.waitForURL(/sort=TOTAL_ASC/);
  const rows = admin.locator('[data-testid^="order-row-"]');
  await rows.first().waitFor();
  await expect(rows.first().innerText()).resolves.toContain('€12.50'); // the partner's order, no shipping
  await admin.getByRole('combobox', { name: 'Sort' }).click();
  await admin.getByRole('option', { name: 'Highest total' }).click();
  await admin.waitForURL(/sort=TOTAL_DESC/);
  await admin.locator('[data-testid^="order-row-"]').first().filter({ hasText: '€17.45' }).waitFor();
});
