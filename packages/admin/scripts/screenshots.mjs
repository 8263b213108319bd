// Takes the README screenshots (docs/screenshots/) from a running server with the demo data:
//   pnpm start            # in another terminal; first start seeds the demo data
//   OMS_ADMIN_PASSWORD=<the demo admin's new password> node packages/admin/scripts/screenshots.mjs [http://localhost:4000]
// Uses Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH) through playwright-core.
// The callbacks of addInitScript and page.evaluate run in the browser page, where `window` is defined:
/* global window */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:4000';
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/screenshots');
fs.mkdirSync(out, { recursive: true });

const gql = async (query, variables, token) => {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
};
// The demo admin must choose its own password at first sign-in: sign in once in the app, then pass it here.
const { login } = await gql(
  'mutation($p: String!) { login(email: "admin@example.com", password: $p) { token mustChangePassword } }',
  { p: process.env.OMS_ADMIN_PASSWORD ?? 'admin1234' },
);
if (login.mustChangePassword)
  throw new Error('Sign in once as admin@example.com and choose a password, then run with OMS_ADMIN_PASSWORD=<it>');
const token = login.token;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
await context.addInitScript((t) => window.localStorage.setItem('oms.token', t), token);
const page = await context.newPage();
const shot = (name, fullPage = false) => page.screenshot({ path: path.join(out, `${name}.png`), fullPage });

// Dashboard, with a couple of live events in its feed.
await page.goto(`${base}/`);
await page.getByTestId('kpi-today').waitFor();
await page.waitForTimeout(1500);
const { orders } = await gql('{ orders(filter: { status: [PENDING] }, first: 2) { nodes { id } } }', {}, token);
for (const o of orders.nodes)
  await gql('mutation($id: ID!) { confirmOrder(id: $id) { userErrors { message } } }', { id: o.id }, token);
await page.getByTestId('live-feed').waitFor();
await page.waitForTimeout(1500);
await shot('dashboard', true);

await page.goto(`${base}/orders`);
await page.getByTestId('orders-table').waitFor();
await shot('orders');

const { orders: part } = await gql(
  '{ orders(filter: { status: [PARTIALLY_SHIPPED] }, first: 1) { nodes { id } } }',
  {},
  token,
);
await page.goto(`${base}/orders/${part.nodes[0].id}`);
await page.getByTestId('order-lines').waitFor();
await page.waitForTimeout(500);
await shot('order-detail', true);

await page.goto(`${base}/screen`);
await page.getByTestId('screen-count-pending').waitFor();
const { orders: more } = await gql('{ orders(filter: { status: [CONFIRMED] }, first: 3) { nodes { id } } }', {}, token);
for (const o of more.nodes)
  await gql(
    'mutation($id: ID!) { holdOrder(id: $id, reason: "address check") { userErrors { message } } }',
    { id: o.id },
    token,
  );
await page.waitForTimeout(1500);
await shot('screen');

await page.emulateMedia({ colorScheme: 'dark' });
await page.goto(`${base}/inventory`);
await page.evaluate(() => window.localStorage.setItem('mantine-color-scheme-value', 'dark'));
await page.reload();
await page.getByTestId('stock-table').waitFor();
await shot('stock-dark');

await browser.close();
console.log(`screenshots written to ${out}`);
