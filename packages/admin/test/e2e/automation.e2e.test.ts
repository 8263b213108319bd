/**
 * Automation rules in a real browser against the real server: an admin tunes a built-in rule (a
 * bad setting is shown at its field), switches it on, dry-runs it against an order, sees the
 * rule act on a new order in the execution log and on the order page, and creates a custom rule
 * from form rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { E2EServer, launchChromium, placeOrder, signInThroughForm, startE2EServer } from './harness';

jest.setTimeout(120_000);

const SCREENSHOTS = path.resolve(__dirname, '../../../../docs/screenshots');

let e: E2EServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  e = await startE2EServer();
  await e.q(`mutation {
    c: createChannel(input: { code: "WEB", name: "Web shop", currency: "EUR" }) { userErrors { message } }
    w: createWarehouse(input: { code: "BER", name: "Berlin", priority: 1 }) { userErrors { message } }
    p: upsertProduct(input: { sku: "MUG-1", name: "Mug", price: 1250, currency: "EUR" }) { userErrors { message } }
    s: adjustStock(input: { sku: "MUG-1", warehouseCode: "BER", delta: 50, reason: "goods received" }) { userErrors { message } }
  }`);
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
  await signInThroughForm(page, { baseUrl: e.baseUrl, email: 'admin@e2e.local', password: 'e2e password 1234' });
  await page.waitForURL(`${e.baseUrl}/`);
});

afterAll(async () => {
  await browser?.close();
  await e?.stop();
});

test('an admin tunes and enables a rule, dry-runs it against an order, and sees it act on the next order', async () => {
  const existing = await placeOrder(e, [{ sku: 'MUG-1', quantity: 2 }]);
  await page.getByRole('link', { name: 'Automation' }).click();
  await page.waitForURL(/\/settings\/automation$/);
  const row = page.getByTestId('rule-row-hold-high-value');
  await row.waitFor();
  expect(await page.getByTestId(/^rule-row-/).count()).toBe(6);

  // A bad threshold is refused at its field; nothing is saved.
  await row.getByRole('button', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Settings of hold-high-value' });
  await form.getByLabel('Threshold').fill('0');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await form.getByText('threshold: a whole number from 1 to 2147483647').waitFor();
  await form.getByLabel('Threshold').fill('2000');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await form.waitFor({ state: 'detached' });
  await row.getByText('hold at or above 2000').waitFor();

  await row.getByRole('switch', { name: 'Enable hold-high-value' }).click({ force: true });
  await expectRule(e, 'hold-high-value', { enabled: true, settings: { threshold: 2000, allowedCountries: [] } });

  // Dry run against the existing order: it would be held; nothing changes.
  const dry = page.getByRole('form', { name: 'Dry run' });
  await dry.getByLabel('Order number or id').fill(existing.number);
  await dry.getByRole('button', { name: 'Dry run' }).click();
  const outcome = page.getByTestId('dry-run-hold-high-value');
  await outcome.waitFor();
  expect((await outcome.innerText()).toLowerCase()).toMatch(
    /on\W+yes\W+hold\W+review: total 29\.95 eur is at or above 20\.00 eur/,
  );
  expect(
    (await e.q<{ order: { status: string } }>('query($id: ID) { order(id: $id) { status } }', { id: existing.id }))
      .order.status,
  ).toBe('PENDING');

  // The next order is held by the rule: the execution log and the order page say so.
  const next = await placeOrder(e, [{ sku: 'MUG-1', quantity: 3 }]);
  const log = page.getByRole('table', { name: 'Execution log' });
  for (let i = 0; i < 50; i++) {
    await page.getByRole('button', { name: 'Refresh' }).click();
    if (await log.getByText(next.number).count()) break;
    await page.waitForTimeout(200);
  }
  const entry = page.getByTestId('rule-execution').filter({ hasText: next.number });
  expect(await entry.innerText()).toMatch(/hold-high-value\W+\d+\W+applied\W+hold/i);

  // A custom rule from form rows.
  await page.getByRole('button', { name: 'New custom rule' }).click();
  const custom = page.getByRole('form', { name: 'Custom rule' });
  await custom.getByLabel('Key').fill('tag-big');
  await custom.getByLabel('Name').fill('Tag big orders');
  await custom.getByRole('button', { name: 'Add a condition' }).click();
  await custom.getByLabel('Value of condition 1').fill('5000');
  await custom.getByLabel('Tag of action 1').fill('big');
  await custom.getByRole('button', { name: 'Create rule' }).click();
  await custom.waitFor({ state: 'detached' });
  await page.getByTestId('rule-row-tag-big').getByText('if total gte 5000: addTag (big)').waitFor();
  await expectRule(e, 'tag-big', {
    enabled: false,
    conditions: [{ field: 'total', op: 'gte', value: 5000 }],
    actions: [{ type: 'addTag', tag: 'big' }],
  });

  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'automation.png'), fullPage: true });

  await log.getByRole('link', { name: next.number }).click();
  await page.waitForURL(new RegExp(`/orders/${next.id}$`));
  await page.getByText('On hold: Review: total 42.45 EUR is at or above 20.00 EUR').waitFor();
  await page.getByText('rule:hold-high-value').first().waitFor();
});

/** `automationRules`, each rule as a record of the fields asked for (compared by name). */
type RulesData = { automationRules: ({ key: string } & Record<string, unknown>)[] };

async function expectRule(server: E2EServer, key: string, expected: Record<string, unknown>) {
  for (let i = 0; i < 50; i++) {
    const rules = (await server.q<RulesData>('{ automationRules { key enabled settings conditions actions } }'))
      .automationRules;
    const rule = rules.find((r) => r.key === key);
    if (rule && Object.entries(expected).every(([k, v]) => JSON.stringify(rule[k]) === JSON.stringify(v))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  const rules = (await server.q<RulesData>('{ automationRules { key enabled settings conditions actions } }'))
    .automationRules;
  expect(rules.find((r) => r.key === key)).toMatchObject(expected);
}
