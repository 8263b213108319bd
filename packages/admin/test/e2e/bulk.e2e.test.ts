/**
 * Bulk work over a filter, in a real browser against the real server: the orders list's bulk bar
 * offers "all N orders matching this filter", starts a bulk order job on the server, shows its
 * progress live and then the refused orders with the server's reason, linking to each; the
 * database shows every other matching order changed and nothing outside the filter touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, E2EServer, launchChromium, placeOrder, signInWithToken, startE2EServer } from './harness';

jest.setTimeout(120_000);

let e: E2EServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  e = await startE2EServer();
  await e.q(`mutation {
    c: createChannel(input: { code: "WEB", name: "Web shop", currency: "EUR" }) { userErrors { message } }
    w: createWarehouse(input: { code: "BER", name: "Berlin", priority: 1 }) { userErrors { message } }
    p: upsertProduct(input: { sku: "MUG-1", name: "Mug", price: 1250, currency: "EUR" }) { userErrors { message } }
    s: adjustStock(input: { sku: "MUG-1", warehouseCode: "BER", delta: 500, reason: "goods received" }) { userErrors { message } }
  }`);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
  context.setDefaultTimeout(15_000);
  await signInWithToken(context, e.token);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await e?.stop();
});

const TAG = `mutation($id: ID!, $tag: String!) { addOrderTag(id: $id, tag: $tag) { userErrors { message } } }`;

test('all orders matching a filter: one job, live progress, the refused ones listed with their reason', async () => {
  // 30 tagged orders: 28 pending, 2 cancelled (the job refuses those); 2 untagged ones stay out.
  const tagged: { id: string; number: string }[] = [];
  for (let i = 0; i < 30; i++) {
    const o = await placeOrder(e, [{ sku: 'MUG-1', quantity: 1 }]);
    await e.q(TAG, { id: o.id, tag: 'wave-7' });
    tagged.push(o);
  }
  const cancelled = tagged.slice(0, 2);
  for (const o of cancelled)
    await e.q(`mutation($id: ID!) { cancelOrder(id: $id, reason: "customer asked") { userErrors { message } } }`, {
      id: o.id,
    });
  const outside = [
    await placeOrder(e, [{ sku: 'MUG-1', quantity: 1 }]),
    await placeOrder(e, [{ sku: 'MUG-1', quantity: 1 }]),
  ];

  await page.goto(`${e.baseUrl}/orders?tag=wave-7`);
  await page.getByTestId('orders-count').filter({ hasText: '30 matching' }).waitFor();
  // The list shows 25 of them; the bar offers all 30.
  await page.getByRole('checkbox', { name: 'Select all shown orders' }).check();
  await page.getByTestId('bulk-filter-open').filter({ hasText: 'All 30 orders matching this filter' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Action' }).click();
  await dialog.getByRole('option', { name: 'Confirm' }).click();
  await dialog.getByRole('button', { name: 'Confirm: 30 orders' }).click();

  await dialog
    .getByTestId('bulk-filter-status')
    .filter({ hasText: '30 of 30 done: 28 succeeded, 2 refused' })
    .waitFor();
  const refused = dialog.getByTestId('bulk-filter-refused');
  for (const o of cancelled) {
    const link = refused.getByRole('link', { name: o.number });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/orders/${o.id}`);
  }
  expect(await refused.innerText()).toMatch(/CANCELLED/);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'bulk-filter-job.png'), fullPage: true });

  // What the database holds: every matching pending order confirmed, nothing else changed.
  const statuses = await e.q<{ orders: { nodes: { id: string; status: string }[] } }>(
    '{ orders(first: 100) { nodes { id status } } }',
  );
  const status = Object.fromEntries(statuses.orders.nodes.map((o) => [o.id, o.status]));
  for (const o of tagged.slice(2)) expect(status[o.id]).toBe('CONFIRMED');
  for (const o of cancelled) expect(status[o.id]).toBe('CANCELLED');
  for (const o of outside) expect(status[o.id]).toBe('PENDING');

  // Closing reloads the list: the confirmed orders show their new status.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page
    .getByTestId(`order-row-${tagged[5].number}`)
    .filter({ hasText: /Confirmed/i })
    .waitFor();
});

test('hold needs a reason before it can start; a tag the server refuses is shown at the Tag field', async () => {
  await page.goto(`${e.baseUrl}/orders?tag=wave-7`);
  await page.getByRole('checkbox', { name: 'Select all shown orders' }).check();
  await page.getByTestId('bulk-filter-open').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Action' }).click();
  await dialog.getByRole('option', { name: 'Put on hold' }).click();
  expect(await dialog.getByRole('button', { name: 'Put on hold: 30 orders' }).isDisabled()).toBe(true);
  await dialog.getByRole('combobox', { name: 'Action' }).click();
  await dialog.getByRole('option', { name: 'Add tag' }).click();
  await dialog.getByRole('textbox', { name: 'Tag' }).fill('not a tag!');
  await dialog.getByRole('button', { name: 'Add tag: 30 orders' }).click();
  // The server's userError, at the Tag field; no job was started, no order tagged.
  await dialog.getByText(/1 to 40 letters, digits/).waitFor();
  const tags = await e.q<{ orderTags: { tag: string; orders: number }[] }>('{ orderTags(first: 50) { tag orders } }');
  expect(tags.orderTags).toEqual([{ tag: 'wave-7', orders: 30 }]);
});
