/**
 * The Data page in a real browser against the real server: import a products file (dry run, its
 * report, then the real run), see every problem of a broken orders file in the dry-run report,
 * and export orders in the background with its progress, then download the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { ADMIN, ARTIFACTS, E2EServer, launchChromium, placeOrder, signInThroughForm, startE2EServer } from './harness';

jest.setTimeout(120_000);

const DOCS = path.resolve(__dirname, '../../../../docs');

let e: E2EServer;
let browser: Browser;
let page: Page;

async function pick(card: Locator, label: string, option: string) {
  await card.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

beforeAll(async () => {
  e = await startE2EServer();
  await e.q(`mutation {
    c: createChannel(input: { code: "WEB", name: "Web shop", currency: "EUR" }) { userErrors { message } }
    w: createWarehouse(input: { code: "BER", name: "Berlin", priority: 1 }) { userErrors { message } }
  }`);
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  await signInThroughForm(page, { baseUrl: e.baseUrl, email: ADMIN.email, password: ADMIN.password });
  await page.waitForURL(`${e.baseUrl}/`);
});

afterAll(async () => {
  await browser?.close();
  await e?.stop();
});

test('import: a dry run shows the report and writes nothing, then the import writes the rows', async () => {
  await page.getByRole('link', { name: 'Data' }).click();
  await page.waitForURL(`${e.baseUrl}/data`);
  const card = page.locator('section[aria-labelledby="import-title"]');
  await card.locator('input[type="file"]').setInputFiles(path.join(DOCS, 'data/products.csv'));
  // The real run is offered only after a dry run of this file.
  expect(await card.getByRole('button', { name: 'Import' }).isDisabled()).toBe(true);
  await card.getByRole('button', { name: 'Dry run' }).click();
  const report = card.getByTestId('import-report');
  await report.getByText('Dry run: nothing written').waitFor();
  await report.getByText('3 rows · 3 to create · 0 to update · 0 unchanged · 0 problems').waitFor();
  expect((await e.q<{ products: { totalCount: number } }>('{ products { totalCount } }')).products.totalCount).toBe(0);

  await card.getByRole('button', { name: 'Import' }).click();
  await report.getByText('3 rows · 3 created · 0 updated · 0 unchanged · 0 problems').waitFor();
  expect((await e.q<{ products: { totalCount: number } }>('{ products { totalCount } }')).products.totalCount).toBe(3);
});

test('import: the dry run of a broken orders file lists every problem with its line and column', async () => {
  const card = page.locator('section[aria-labelledby="import-title"]');
  await pick(card, 'What', 'Historical orders');
  await card.locator('input[type="file"]').setInputFiles(path.join(DOCS, 'data/broken-orders.csv'));
  await card.getByRole('button', { name: 'Dry run' }).click();
  const table = card.getByRole('table', { name: 'Problems' });
  await table.waitFor();
  const rows = await table.locator('tbody tr').allInnerTexts();
  expect(rows.map((r) => r.split('\t').slice(0, 2).join(' '))).toEqual([
    '2 quantity_shipped',
    '3 status',
    '4 placed_at',
    '5 customer_email',
    '6 sku',
    '7 quantity',
    '7 unit_price',
    '8 channel',
    '9 payments',
    '10 payments',
  ]);
  await card.getByText('10 rows · 1 to create').waitFor();
  expect((await e.q<{ orders: { totalCount: number } }>('{ orders { totalCount } }')).orders.totalCount).toBe(0);
});

test('export: runs in the background with progress, then downloads', async () => {
  await e.q(
    `mutation { adjustStock(input: { sku: "TSHIRT-BLK-M", warehouseCode: "BER", delta: 500, reason: "goods received" }) { userErrors { message } } }`,
  );
  const numbers: string[] = [];
  // The first customer's name would run as a formula in a spreadsheet: the admin's download is spreadsheet-safe.
  const formula = { email: 'formula@example.com', name: '=1+1' };
  for (let i = 0; i < 25; i++)
    numbers.push((await placeOrder(e, [{ sku: 'TSHIRT-BLK-M', quantity: 1 }], i === 0 ? formula : undefined)).number);

  const card = page.locator('section[aria-labelledby="export-title"]');
  await card.getByRole('button', { name: 'Start export' }).click();
  const job = card.getByTestId('export-job');
  await job.getByText('DONE').waitFor();
  await job.getByText('25 of 25 records').waitFor();
  expect(await job.getByRole('progressbar', { name: 'Export progress' }).getAttribute('aria-valuenow')).toBe('100');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    job.getByRole('button', { name: 'Download' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^orders-.*\.csv$/);
  const text = fs.readFileSync((await download.path())!, 'utf8');
  const lines = text.trim().split('\n');
  expect(lines[0]).toMatch(/^channel,number,external_id,status,/);
  expect(lines).toHaveLength(26);
  for (const n of numbers) expect(text).toContain(`WEB,${n},`);
  expect(text).toContain(",'=1+1,");
  expect(text).not.toContain(',=1+1,');

  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'data.png'), fullPage: true });
  await page.screenshot({ path: path.join(DOCS, 'screenshots/data.png'), fullPage: true });
});
