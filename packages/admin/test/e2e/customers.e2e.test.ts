/**
 * Customers in a real browser against the real server: the list, a search kept in the URL, a
 * customer's page with their orders and lifetime value, the JSON export download, and the
 * erasure behind a confirmation that asks for the reason (shown to an admin, not to support).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  ARTIFACTS,
  E2EServer,
  launchChromium,
  placeOrder,
  signIn,
  signInThroughForm,
  signInWithToken,
  startE2EServer,
} from './harness';

jest.setTimeout(120_000);

let e: E2EServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let grace: { id: string; number: string };

async function shot(p: Page, name: string) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await p.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  e = await startE2EServer();
  await e.q(`mutation {
    c: createChannel(input: { code: "WEB", name: "Web shop", currency: "EUR" }) { userErrors { message } }
    w: createWarehouse(input: { code: "BER", name: "Berlin", priority: 1 }) { userErrors { message } }
    p: upsertProduct(input: { sku: "MUG-1", name: "Mug", price: 1250, currency: "EUR" }) { userErrors { message } }
    s: adjustStock(input: { sku: "MUG-1", warehouseCode: "BER", delta: 50, reason: "goods received" }) { userErrors { message } }
  }`);
  await placeOrder(e, [{ sku: 'MUG-1', quantity: 1 }]); // Ada Lovelace
  grace = await placeOrder(e, [{ sku: 'MUG-1', quantity: 2 }], { email: 'grace@navy.example', name: 'Grace Hopper' });
  const cancelled = await placeOrder(e, [{ sku: 'MUG-1', quantity: 1 }], {
    email: 'grace@navy.example',
    name: 'Grace Hopper',
  });
  await e.q(`mutation($id: ID!) { cancelOrder(id: $id, reason: "changed her mind") { userErrors { message } } }`, {
    id: cancelled.id,
  });
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
  await signInThroughForm(page, { baseUrl: e.baseUrl });
  await page.waitForURL(`${e.baseUrl}/`);
});

afterAll(async () => {
  await browser?.close();
  await e?.stop();
});

test('the list shows every customer; a search narrows it and is kept in the URL', async () => {
  await page.getByRole('link', { name: 'Customers' }).click();
  await page.waitForURL(/\/customers$/);
  await page.getByRole('link', { name: 'Ada Lovelace' }).waitFor();
  await page.getByRole('link', { name: 'Grace Hopper' }).waitFor();
  await page.getByText('2 of 2 shown').waitFor();

  await page.getByLabel('Search').fill('NAVY');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/\/customers\?search=NAVY$/);
  await page.getByText('1 of 1 shown').waitFor();
  expect(await page.getByRole('link', { name: 'Ada Lovelace' }).count()).toBe(0);
  const row = page.getByRole('row', { name: /Grace Hopper/ });
  expect(await row.innerText()).toContain('grace@navy.example');
  expect(await row.innerText()).toContain('€29.95'); // 2 × 12.50 + 4.95; the cancelled order does not count

  // The search survives a reload (it is the URL's).
  await page.reload();
  await page.getByText('1 of 1 shown').waitFor();
  expect(await page.getByLabel('Search').inputValue()).toBe('NAVY');

  await page.getByLabel('Search').fill('nobody-here');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByText('No customer matches “nobody-here”').waitFor();
  await page.goBack();
  await page.getByText('1 of 1 shown').waitFor();
  await shot(page, 'customers-search');
});

test("a customer's page shows their orders and lifetime value, and downloads their data as JSON", async () => {
  await page.getByRole('link', { name: 'Grace Hopper' }).click();
  await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { name: /Grace Hopper/ }).waitFor();
  await page.getByText('Orders (2)').waitFor();
  await page.getByRole('link', { name: grace.number }).waitFor();
  await page.getByText('€29.95').first().waitFor();
  await shot(page, 'customer-detail');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export data (JSON)' }).click(),
  ]);
  const file = await download.path();
  const data = JSON.parse(fs.readFileSync(file!, 'utf8'));
  expect(download.suggestedFilename()).toMatch(/^customer-[0-9a-f-]{36}\.json$/);
  expect(data.customer).toMatchObject({ email: 'grace@navy.example', name: 'Grace Hopper' });
  expect(data.orders.map((o: { number: string }) => o.number)).toContain(grace.number);

  await page.getByRole('link', { name: grace.number }).click();
  await page.waitForURL(`${e.baseUrl}/orders/${grace.id}`);
  await page.goBack();
  await page.getByRole('heading', { name: /Grace Hopper/ }).waitFor();
});

test('erasing asks for the reason, then removes the personal data; support staff do not see the button', async () => {
  await page.getByRole('button', { name: 'Erase personal data' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Erase' }).click();
  await dialog.getByText('reason is required').waitFor(); // the server's userError, at the field
  await dialog.getByLabel('Reason').fill('GDPR request 7');
  await dialog.getByRole('button', { name: 'Erase' }).click();
  await page.getByText('The personal data was erased.').waitFor();
  await page.getByRole('heading', { name: /@erased\.invalid/ }).waitFor(); // no name left: the placeholder e-mail
  expect(await page.getByText('grace@navy.example').count()).toBe(0);
  await shot(page, 'customer-erased');

  await page.goto(`${e.baseUrl}/customers?search=grace`);
  await page.getByText('No customer matches “grace”').waitFor();

  // A SUPPORT colleague reads customers but may not erase them.
  await e.q(
    `mutation { createUser(input: { email: "help@e2e.local", name: "Help", role: SUPPORT, password: "one-time password 1" }) { userErrors { message } } }`,
  );
  const first = await signIn(e, { email: 'help@e2e.local', password: 'one-time password 1' });
  await e.q(
    `mutation { changePassword(input: { currentPassword: "one-time password 1", newPassword: "support password 22" }) { userErrors { message } } }`,
    undefined,
    first,
  );
  const support = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
  await signInWithToken(support, first);
  const sp = await support.newPage();
  await sp.goto(`${e.baseUrl}/customers`);
  await sp.getByRole('link', { name: 'Ada Lovelace' }).click();
  await sp.getByRole('button', { name: 'Export data (JSON)' }).waitFor();
  expect(await sp.getByRole('button', { name: 'Erase personal data' }).count()).toBe(0);
  await support.close();
});
