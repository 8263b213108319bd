/**
 * Reports in a real browser on the demo data (the app's first start): the filters live in the
 * URL, each section shows the server's figures with a chart and a table, a table downloads as
 * CSV, and staff without REPORT_READ do not see the page in the navigation.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ARTIFACTS, E2EServer, launchChromium, signIn, signInWithToken, startE2EServer } from './harness';

jest.setTimeout(300_000);

const SCREENSHOTS = path.resolve(__dirname, '../../../../docs/screenshots');

let e: E2EServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const utcDay = (d: Date) => d.toISOString().slice(0, 10);
const today = utcDay(new Date());
const from = utcDay(new Date(Date.now() - 89 * 86400_000));
const tomorrow = utcDay(new Date(Date.now() + 86400_000));

/** Waits until the element's whole text is `text`. */
const showsText = (locator: Locator, text: string) =>
  locator.filter({ hasText: new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) }).waitFor();

async function asUser(token: string): Promise<Page> {
  const ctx = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
    acceptDownloads: true,
  });
  ctx.setDefaultTimeout(15_000);
  await signInWithToken(ctx, token);
  return ctx.newPage();
}

beforeAll(async () => {
  e = await startE2EServer({ seed: 'demo' });
  browser = await launchChromium();
  page = await asUser(e.token);
  context = page.context();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await e?.stop();
});

test("the sales section shows the server's figures for the period in the URL, with chart and tables", async () => {
  const { salesSummary } = await e.q<{
    salesSummary: { orders: number; netSales: { amount: number; currency: string } };
  }>(`query($f: DateTime!, $t: DateTime!) { salesSummary(from: $f, to: $t) { orders netSales { amount currency } } }`, {
    f: `${from}T00:00:00Z`,
    t: `${tomorrow}T00:00:00Z`,
  });
  expect(salesSummary.orders).toBeGreaterThan(100); // the demo data: ~500 orders over 90 days

  await page.goto(`${e.baseUrl}/`);
  await page.getByRole('link', { name: 'Reports' }).click();
  await page.waitForURL(/\/reports/);
  await page.goto(`${e.baseUrl}/reports?tab=sales&from=${from}&to=${today}&bucket=WEEK`);
  await showsText(page.getByTestId('kpi-sales-orders'), String(salesSummary.orders));
  const net = new Intl.NumberFormat('en-GB', { style: 'currency', currency: salesSummary.netSales.currency }).format(
    salesSummary.netSales.amount / 100,
  );
  await showsText(page.getByTestId('kpi-sales-net'), net);
  await page.locator('.recharts-surface').first().waitFor();
  const rows = page.getByTestId('table-sales-by-channel').locator('tbody tr');
  expect(await rows.count()).toBe(3); // WEB, MARKET, B2B
  await page.waitForTimeout(800); // charts animate in
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'reports.png'), fullPage: false });

  // A filter changes the URL and the figures.
  await page.getByRole('combobox', { name: 'Channel' }).click();
  await page.getByRole('option', { name: /^WEB/ }).click();
  await page.waitForURL(/channel=WEB/);
  const web = await e.q<{ salesSummary: { orders: number } }>(
    `query($f: DateTime!, $t: DateTime!) { salesSummary(from: $f, to: $t, channelCode: "WEB") { orders } }`,
    { f: `${from}T00:00:00Z`, t: `${tomorrow}T00:00:00Z` },
  );
  await showsText(page.getByTestId('kpi-sales-orders'), String(web.salesSummary.orders));
  expect(await page.getByTestId('table-sales-by-channel').locator('tbody tr').count()).toBe(1);
});

test('a table downloads as CSV with the rows it shows', async () => {
  await page.goto(`${e.baseUrl}/reports?tab=sales&from=${from}&to=${today}&bucket=MONTH`);
  await page.getByTestId('table-sales-by-channel').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV: Per channel, against the previous period' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('sales-by-channel.csv');
  const text = fs.readFileSync((await download.path())!, 'utf8');
  const lines = text.trim().split('\r\n');
  expect(lines[0]).toBe(
    'channel,orders,previous orders,units,gross sales,refunds,net sales,previous net sales,average order value,cancelled,currency',
  );
  expect(
    lines
      .slice(1)
      .map((l) => l.split(',')[0])
      .sort(),
  ).toEqual(['B2B', 'MARKET', 'WEB']);
  const total = lines.slice(1).reduce((n, l) => n + Number(l.split(',')[1]), 0);
  const { salesSummary } = await e.q<{ salesSummary: { orders: number } }>(
    `query($f: DateTime!, $t: DateTime!) { salesSummary(from: $f, to: $t) { orders } }`,
    { f: `${from}T00:00:00Z`, t: `${tomorrow}T00:00:00Z` },
  );
  expect(total).toBe(salesSummary.orders);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.copyFileSync((await download.path())!, path.join(ARTIFACTS, 'sales-by-channel.csv'));
});

test('fulfilment, exceptions, inventory and top sections show their figures', async () => {
  const q = <T>(name: string, fields: string) =>
    e.q<T>(`query($f: ReportFilter!) { ${name}(filter: $f) { ${fields} } }`, {
      f: { from: `${from}T00:00:00Z`, to: `${tomorrow}T00:00:00Z` },
    });
  const { fulfilmentReport: f } = await q<{
    fulfilmentReport: { placedToShipped: { p50Hours: number; p90Hours: number }; onTimeRate: number };
  }>('fulfilmentReport', 'placedToShipped { p50Hours p90Hours } onTimeRate slaHours');
  await page.goto(`${e.baseUrl}/reports?tab=fulfilment&from=${from}&to=${today}`);
  await showsText(
    page.getByTestId('kpi-ship-lead'),
    `${f.placedToShipped.p50Hours} h / ${f.placedToShipped.p90Hours} h`,
  );
  await showsText(page.getByTestId('kpi-on-time'), `${(f.onTimeRate * 100).toFixed(1)} %`);
  await page.getByTestId('table-fulfilment').waitFor();

  const { exceptionsReport: x } = await q<{ exceptionsReport: { cancellationRate: number } }>(
    'exceptionsReport',
    'cancellationRate',
  );
  await page.getByRole('tab', { name: 'Exceptions' }).click();
  await page.waitForURL(/tab=exceptions/);
  await showsText(page.getByTestId('kpi-cancellation'), `${(x.cancellationRate * 100).toFixed(1)} %`);
  await page.getByTestId('table-cancellation-reasons').waitFor();

  await page.getByRole('tab', { name: 'Inventory' }).click();
  await page.getByTestId('table-stock-by-warehouse').waitFor();
  expect(await page.getByTestId('table-stock-by-warehouse').locator('tbody tr').count()).toBe(3);
  await page.getByTestId('table-stock-movements').waitFor();

  const { topReport: t } = await q<{
    topReport: { skusByRevenue: { sku: string }[]; customersByRevenue: { email: string }[] };
  }>('topReport', 'skusByRevenue { sku } customersByRevenue { email }');
  await page.getByRole('tab', { name: 'Top' }).click();
  await page
    .getByTestId('table-top-skus-by-revenue')
    .locator('tbody tr')
    .first()
    .filter({ hasText: t.skusByRevenue[0].sku })
    .waitFor();
  await page
    .getByTestId('table-top-customers-by-revenue')
    .locator('tbody tr')
    .first()
    .filter({ hasText: t.customersByRevenue[0].email })
    .waitFor();
});

test('a bad period is shown at its field', async () => {
  await page.goto(`${e.baseUrl}/reports?tab=sales&from=2024-01-01&to=${today}`);
  // At the "To" field (the error names filter.to), not only in the section's notice.
  await page
    .locator('.mantine-TextInput-error')
    .filter({ hasText: /The period spans \d+ days; at most 366/ })
    .waitFor();
  expect(await page.getByLabel('To (included)').getAttribute('aria-invalid')).toBe('true');
});

test('staff without REPORT_READ see no Reports entry', async () => {
  await e.q(
    `mutation { createUser(input: { email: "picker@e2e.local", name: "Picker", role: FULFILLMENT, password: "one-time password 1" }) { userErrors { message } } }`,
  );
  const login = (password: string) => signIn(e, { email: 'picker@e2e.local', password });
  const first = await login('one-time password 1');
  await e.q(
    `mutation { changePassword(input: { currentPassword: "one-time password 1", newPassword: "picker password 1234" }) { userErrors { message } } }`,
    {},
    first,
  );
  const picker = await asUser(await login('picker password 1234'));
  await picker.goto(`${e.baseUrl}/`);
  await picker.getByRole('link', { name: 'Orders' }).waitFor();
  expect(await picker.getByRole('link', { name: 'Reports' }).count()).toBe(0);
  await picker.context().close();
});
