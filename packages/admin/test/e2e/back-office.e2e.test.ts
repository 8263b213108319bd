/**
 * One story in a real browser against the real server: staff sign in, see an order placed through
 * the API arrive live, confirm it, ship part of it and see status and stock change; a colleague's
 * change in a second browser arrives live; the wall screen updates and survives a server restart;
 * an expired session sends you to sign-in, remembering where you were.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page, WebSocket } from 'playwright-core';
import {
  ARTIFACTS,
  E2EServer,
  launchChromium,
  placeOrder,
  signIn,
  signInThroughForm,
  startE2EServer,
  stockOf,
  signInWithToken,
} from './harness';

jest.setTimeout(120_000);

let e: E2EServer;
let browser: Browser;
let contextA: BrowserContext;
let pageA: Page;
/** The order that the story follows. */
let order: { id: string; number: string };
const LIVE = { timeout: 5000 };
/** Uncaught errors in the page (a crashed React tree shows a blank page): there must be none. */
const pageErrors: string[] = [];

/**
 * Resolves once the page has sent the subscribe message of `operation` on a WebSocket it opens
 * after this call (a page load, a reconnect), and the server had a moment to register it. An
 * update committed before that moment is not pushed to the page, so a test must not make one.
 */
function subscribed(page: Page, operation: string): Promise<void> {
  return new Promise((resolve) => {
    const onSocket = (ws: WebSocket) =>
      ws.on('framesent', (f) => {
        const payload = String(f.payload);
        if (payload.includes('"subscribe"') && payload.includes(operation)) {
          page.off('websocket', onSocket);
          setTimeout(resolve, 500);
        }
      });
    page.on('websocket', onSocket);
  });
}

async function shot(page: Page, name: string) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  e = await startE2EServer();
  await e.q(`mutation {
    c: createChannel(input: { code: "WEB", name: "Web shop", currency: "EUR" }) { userErrors { message } }
    w1: createWarehouse(input: { code: "BER", name: "Berlin", priority: 1 }) { userErrors { message } }
    w2: createWarehouse(input: { code: "AMS", name: "Amsterdam", priority: 2 }) { userErrors { message } }
    p1: upsertProduct(input: { sku: "MUG-1", name: "Mug", price: 1250, currency: "EUR" }) { userErrors { message } }
    p2: upsertProduct(input: { sku: "CAP-1", name: "Cap", price: 1995, currency: "EUR" }) { userErrors { message } }
    s1: adjustStock(input: { sku: "MUG-1", warehouseCode: "BER", delta: 10, reason: "goods received" }) { userErrors { message } }
    s2: adjustStock(input: { sku: "CAP-1", warehouseCode: "BER", delta: 4, reason: "goods received" }) { userErrors { message } }
  }`);
  browser = await launchChromium();
  contextA = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
  contextA.setDefaultTimeout(10_000);
  pageA = await contextA.newPage();
  pageA.on('pageerror', (err) => pageErrors.push(err.message));
});

afterAll(async () => {
  await browser?.close();
  await e?.stop();
});

test('signing in takes you to the page you asked for', async () => {
  await pageA.goto(`${e.baseUrl}/orders`);
  await pageA.waitForURL(/\/sign-in\?next=%2Forders$/);
  await signInThroughForm(pageA, { email: 'admin@e2e.local', password: 'wrong password' });
  await pageA.getByText('E-mail or password is wrong').waitFor(); // the userError, at the password field
  await signInThroughForm(pageA, { email: 'admin@e2e.local', password: 'e2e password 1234' });
  await pageA.waitForURL(/\/orders$/);
  await pageA.getByText('No orders match').waitFor();
});

test('an order placed through the API appears in the list live, without a reload', async () => {
  order = await placeOrder(e, [
    { sku: 'MUG-1', quantity: 3 },
    { sku: 'CAP-1', quantity: 1 },
  ]);
  const row = pageA.getByTestId(`order-row-${order.number}`);
  await row.waitFor(LIVE);
  expect(await row.innerText()).toMatch(/Pending/i);
  expect(await row.innerText()).toContain('€62.40'); // 3 × 12.50 + 19.95 + 4.95 shipping
  await shot(pageA, 'order-list');
});

test('staff open the order, confirm it and ship part of it: status and stock change', async () => {
  await pageA.getByRole('link', { name: order.number }).click();
  await pageA.waitForURL(new RegExp(`/orders/${order.id}$`));
  await pageA.getByTestId('order-number').filter({ hasText: order.number }).waitFor();
  const status = pageA.getByTestId('order-status');
  await expect(status.innerText()).resolves.toMatch(/Pending/i);
  // Only what PENDING allows: no shipment or return yet.
  const actions = pageA.getByTestId('order-actions');
  await actions.getByRole('button', { name: 'Confirm' }).waitFor();
  expect(await actions.getByRole('button').allInnerTexts()).toEqual([
    'Confirm',
    'Record payment',
    'Edit',
    'Hold',
    'Cancel order',
  ]);

  await actions.getByRole('button', { name: 'Confirm' }).click();
  await pageA
    .getByTestId('order-status')
    .filter({ hasText: /Confirmed/i })
    .waitFor(LIVE);

  await actions.getByRole('button', { name: 'Create shipment' }).click();
  const dialog = pageA.getByRole('dialog');
  await dialog.getByLabel('Units of MUG-1 to ship').fill('2');
  await dialog.getByLabel('Units of CAP-1 to ship').fill('0');
  await dialog.getByLabel('Carrier').fill('DHL');
  await dialog.getByLabel('Tracking number').fill('00340434');
  await dialog.getByRole('button', { name: 'Create shipment' }).click();
  await pageA
    .getByTestId('order-status')
    .filter({ hasText: /Partially shipped/i })
    .waitFor(LIVE);
  await expect(pageA.getByTestId('shipped-MUG-1').innerText()).resolves.toBe('2');
  await pageA.getByTestId('order-shipments').getByText('DHL').waitFor();
  await shot(pageA, 'order-detail');

  // The server agrees: 2 mugs left Berlin, the third is still reserved there.
  expect(await stockOf(e, 'MUG-1', 'BER')).toEqual({ onHand: 8, reserved: 1, available: 7 });
  await pageA.goto(`${e.baseUrl}/inventory?sku=MUG-1`);
  const stockRow = pageA.getByTestId('stock-MUG-1-BER');
  await stockRow.waitFor();
  await stockRow.locator('[data-col=onHand]').filter({ hasText: /^8$/ }).waitFor();
  await stockRow.locator('[data-col=reserved]').filter({ hasText: /^1$/ }).waitFor();
  await stockRow.locator('[data-col=available]').filter({ hasText: /^7$/ }).waitFor();
});

test('stock is adjusted with a reason, and the ledger shows it next to the shipment', async () => {
  const row = pageA.getByTestId('stock-MUG-1-BER');
  await row.getByRole('button', { name: 'Adjust MUG-1 in BER' }).click();
  const dialog = pageA.getByRole('dialog');
  // Below what is reserved: refused, and the server says why.
  await dialog.getByLabel('Change (negative to remove)').fill('-8');
  await dialog.getByLabel('Reason').fill('stock count');
  await dialog.getByRole('button', { name: 'Adjust' }).click();
  await dialog
    .getByText(/reserved/i)
    .last()
    .waitFor(LIVE);
  expect(await stockOf(e, 'MUG-1', 'BER')).toEqual({ onHand: 8, reserved: 1, available: 7 });
  await dialog.getByLabel('Change (negative to remove)').fill('5');
  await dialog.getByLabel('Reason').fill('goods received PO-7');
  await dialog.getByRole('button', { name: 'Adjust' }).click();
  await row.locator('[data-col=onHand]').filter({ hasText: /^13$/ }).waitFor(LIVE);
  expect(await stockOf(e, 'MUG-1', 'BER')).toEqual({ onHand: 13, reserved: 1, available: 12 });

  // Orders move stock: the table follows live.
  const extra = await placeOrder(e, [{ sku: 'MUG-1', quantity: 2 }]);
  await row.locator('[data-col=reserved]').filter({ hasText: /^3$/ }).waitFor(LIVE);
  await e.q('mutation($id: ID!) { cancelOrder(id: $id, reason: "test") { userErrors { message } } }', { id: extra.id });
  await row.locator('[data-col=reserved]').filter({ hasText: /^1$/ }).waitFor(LIVE);

  await row.getByRole('button', { name: 'History of MUG-1 in BER' }).click();
  const drawer = pageA.getByRole('dialog');
  await drawer.getByText('goods received PO-7').waitFor();
  expect(await drawer.getByRole('row').allInnerTexts()).toEqual([
    expect.stringMatching(/When/),
    expect.stringMatching(/Adjustment\s+\+5\s+goods received PO-7/i),
    expect.stringMatching(/Shipment\s+-2\s+Order/i),
    expect.stringMatching(/Adjustment\s+\+10\s+goods received/i),
  ]);
  await pageA.keyboard.press('Escape');
});

test("a colleague's change in a second browser arrives live", async () => {
  await pageA.goto(`${e.baseUrl}/orders/${order.id}`);
  await pageA
    .getByTestId('order-status')
    .filter({ hasText: /Partially shipped/i })
    .waitFor();

  const token = await signIn(e);
  const contextB = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await signInWithToken(contextB, token);
  const pageB = await contextB.newPage();
  await pageB.goto(`${e.baseUrl}/orders/${order.id}`);
  await pageB.getByTestId('order-actions').getByRole('button', { name: 'Hold' }).click();
  await pageB.getByRole('dialog').getByLabel('Reason').fill('address check');
  await pageB.getByRole('dialog').getByRole('button', { name: 'Put on hold' }).click();
  await pageB
    .getByTestId('order-status')
    .filter({ hasText: /On hold/i })
    .waitFor(LIVE);

  await pageA
    .getByTestId('order-status')
    .filter({ hasText: /On hold/i })
    .waitFor(LIVE);
  await pageA.getByText('On hold: address check').waitFor(LIVE);
  await contextB.close();
});

test('a held, part-shipped order offers no cancel: the buttons are the actions the server allows', async () => {
  // Its shipped units cannot be un-shipped, so the server lists no CANCEL and the page shows none.
  const actions = pageA.getByTestId('order-actions');
  await actions.getByRole('button', { name: 'Release hold' }).waitFor(LIVE);
  expect(await actions.getByRole('button').allInnerTexts()).toEqual(['Release hold', 'Record payment']);
  await expect(pageA.getByTestId('order-status').innerText()).resolves.toMatch(/On hold/i);
});

test('release, ship the rest, take payment, deliver and take back a mug with restock', async () => {
  const actions = pageA.getByTestId('order-actions');
  const status = pageA.getByTestId('order-status');
  await actions.getByRole('button', { name: 'Release hold' }).click();
  await status.filter({ hasText: /Partially shipped/i }).waitFor(LIVE);

  await actions.getByRole('button', { name: 'Create shipment' }).click();
  const ship = pageA.getByRole('dialog');
  // Prefilled with what is still reserved in the chosen warehouse.
  await expect(ship.getByLabel('Units of MUG-1 to ship').inputValue()).resolves.toBe('1');
  await expect(ship.getByLabel('Units of CAP-1 to ship').inputValue()).resolves.toBe('1');
  await ship.getByRole('button', { name: 'Create shipment' }).click();
  await status.filter({ hasText: /^Shipped$/i }).waitFor(LIVE);

  await actions.getByRole('button', { name: 'Record payment' }).click();
  const pay = pageA.getByRole('dialog');
  await expect(pay.getByLabel('Amount (EUR)').inputValue()).resolves.toBe('62.40');
  await pay.getByRole('button', { name: 'Record payment' }).click();
  await pageA
    .getByTestId('payment-status')
    .filter({ hasText: /^Paid$/i })
    .waitFor(LIVE);

  const shipments = pageA.getByTestId('order-shipments');
  for (let i = 0; i < 2; i++) {
    await shipments.getByRole('button', { name: 'Mark delivered' }).first().click();
    await shipments
      .getByRole('button', { name: 'Mark delivered' })
      .nth(1 - i)
      .waitFor({ state: 'detached', ...LIVE });
  }
  await status.filter({ hasText: /Delivered/i }).waitFor(LIVE);

  await actions.getByRole('button', { name: 'Create return' }).click();
  const ret = pageA.getByRole('dialog');
  await ret.getByLabel('Units of MUG-1 returned').fill('1');
  await ret.getByLabel('Reason').fill('chipped');
  await ret.getByRole('button', { name: 'Record return' }).click();
  await pageA.getByText('Restocked', { exact: true }).waitFor(LIVE);
  await expect(pageA.getByTestId('shipped-MUG-1').innerText()).resolves.toBe('3 (1 returned)');
  // 13 on hand, the third mug shipped, one came back: 13 again, nothing reserved.
  expect(await stockOf(e, 'MUG-1', 'BER')).toEqual({ onHand: 13, reserved: 0, available: 13 });
});

test('the dashboard shows counts, charts and the live feed', async () => {
  await pageA.goto(`${e.baseUrl}/`);
  await pageA.getByTestId('kpi-today').filter({ hasText: '1' }).waitFor();
  await placeOrder(e, [{ sku: 'MUG-1', quantity: 1 }], { email: 'grace@example.com', name: 'Grace Hopper' });
  await pageA.getByTestId('live-feed').waitFor(LIVE);
  await pageA.getByTestId('kpi-today').filter({ hasText: '2' }).waitFor(LIVE);
  await pageA.waitForTimeout(500); // let the charts finish their entry animation
  await shot(pageA, 'dashboard');
  // Low stock is filtered on the server (Query.stock, availableBelow): CAP-1 (4 received) is low, MUG-1 is not.
  const low = pageA.getByTestId('low-stock');
  await low.getByText('CAP-1').waitFor();
  await expect(low.getByText('MUG-1').count()).resolves.toBe(0);
  await pageA.getByTestId('low-stock-all').click();
  await pageA.waitForURL(/\/inventory\?low=1$/);
  await pageA.getByTestId('stock-CAP-1-BER').waitFor();
  await expect(pageA.getByTestId('stock-MUG-1-BER').count()).resolves.toBe(0);
});

test('screen mode updates live and comes back after a server restart', async () => {
  // The order below is placed only once the screen listens (CI once placed it before, and the
  // screen never heard of it).
  const listening = subscribed(pageA, 'ScreenFeed');
  await pageA.goto(`${e.baseUrl}/screen`);
  const pending = pageA.getByTestId('screen-count-pending');
  await pending.filter({ hasText: /^1$/ }).waitFor();
  await listening;
  const third = await placeOrder(e, [{ sku: 'CAP-1', quantity: 1 }], {
    email: 'alan@example.com',
    name: 'Alan Turing',
  });
  await pending.filter({ hasText: /^2$/ }).waitFor(LIVE);
  await pageA.getByTestId('screen-changes').getByText(third.number).waitFor(LIVE);
  await shot(pageA, 'screen');

  await e.stopServer();
  await pageA.getByTestId('offline-banner').waitFor({ timeout: 15000 });
  const listeningAgain = subscribed(pageA, 'ScreenFeed');
  await e.startServer();
  await pageA.getByTestId('offline-banner').waitFor({ state: 'detached', timeout: 20000 });
  await listeningAgain;
  const fourth = await placeOrder(e, [{ sku: 'MUG-1', quantity: 1 }]);
  await pending.filter({ hasText: /^3$/ }).waitFor(LIVE);
  await pageA.getByTestId('screen-changes').getByText(fourth.number).waitFor(LIVE);
});

test('a wall screen shows an order placed after it read the board and before the server had its subscription', async () => {
  // Signed in as VIEWER, as wall screens are: it reads orders, not the event stream.
  await e.q(
    `mutation { createUser(input: { email: "wall@e2e.local", name: "Wall", role: VIEWER, password: "one-time password 1" }) { userErrors { message } } }`,
  );
  const token = await signIn(e, { email: 'wall@e2e.local', password: 'one-time password 1' });
  await e.q(
    `mutation { changePassword(input: { currentPassword: "one-time password 1", newPassword: "wall screen password 2" }) { userErrors { message } } }`,
    undefined,
    token,
  );
  const wall = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
  await signInWithToken(wall, token);
  const page = await wall.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  // The screen's subscribe message is held back until the order below has been placed: the gap
  // between reading the board and the server registering the subscription, made long.
  let forward: (() => void) | undefined;
  let isHeld = () => {};
  const held = new Promise<void>((resolve) => (isHeld = resolve));
  await page.routeWebSocket(/\/graphql$/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const text = String(message);
      if (!forward && text.includes('"subscribe"') && text.includes('ScreenFeed')) {
        forward = () => server.send(message);
        isHeld();
      } else server.send(message);
    });
  });
  await page.goto(`${e.baseUrl}/screen`);
  const pending = page.getByTestId('screen-count-pending');
  await pending.filter({ hasText: /^\d+$/ }).waitFor();
  await held;
  const before = Number(await pending.innerText());
  const placed = await placeOrder(e, [{ sku: 'MUG-1', quantity: 1 }], {
    email: 'joan@example.com',
    name: 'Joan Clarke',
  });
  forward!();
  await page.getByTestId('screen-changes').getByText(placed.number).waitFor(LIVE);
  await pending.filter({ hasText: new RegExp(`^${before + 1}$`) }).waitFor(LIVE);
  await wall.close();
});

/** Waits until `ok()` holds, checking every 50 ms. */
async function until(what: string, ok: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('a wall screen whose feed the server ends with an error starts it again and goes on updating', async () => {
  const wall = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
  await signInWithToken(wall, e.token);
  const page = await wall.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  // The server's answer to the screen's first subscribe is an error (as when it ends a feed that
  // fell too far behind); later subscribes go through.
  let refused = 0;
  let forwarded = 0;
  await page.routeWebSocket(/\/graphql$/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const text = String(message);
      if (text.includes('"subscribe"') && text.includes('ScreenFeed')) {
        if (refused === 0) {
          refused++;
          const { id } = JSON.parse(text) as { id: string };
          ws.send(JSON.stringify({ id, type: 'error', payload: [{ message: 'Too far behind' }] }));
          return;
        }
        forwarded++;
      }
      server.send(message);
    });
  });
  await page.goto(`${e.baseUrl}/screen`);
  const pending = page.getByTestId('screen-count-pending');
  await pending.filter({ hasText: /^\d+$/ }).waitFor();
  await until('the first subscribe to be refused', () => refused === 1, 5000);
  // Started again within a few seconds, from a fresh read.
  await until('the screen to subscribe again', () => forwarded === 1, 15_000);
  await page.waitForTimeout(500);
  const placed = await placeOrder(e, [{ sku: 'MUG-1', quantity: 1 }], { email: 'ada@example.com', name: 'Ada' });
  await page.getByTestId('screen-changes').getByText(placed.number).waitFor(LIVE);
  await wall.close();
});

test('an expired session sends you to sign-in and back to where you were, and live updates resume', async () => {
  await pageA.goto(`${e.baseUrl}/orders?status=PENDING`);
  await pageA.getByTestId('orders-table').waitFor();
  const token = await pageA.evaluate(() => window.localStorage.getItem('oms.token'));
  await e.q('mutation { logout }', {}, token!);
  await pageA.reload();
  await pageA.waitForURL(/\/sign-in\?next=%2Forders%3Fstatus%3DPENDING$/, LIVE);
  const socket = pageA.waitForEvent('websocket', (ws) => ws.url().endsWith('/graphql'));
  await signInThroughForm(pageA, { email: 'admin@e2e.local', password: 'e2e password 1234' });
  // Wait for the new socket's acknowledgement, then a moment for the subscription to register.
  await (await socket).waitForEvent('framereceived', (f) => String(f.payload).includes('connection_ack'));
  await pageA.waitForTimeout(300);
  await pageA.waitForURL(/\/orders\?status=PENDING$/);
  await pageA.getByTestId('orders-table').waitFor();
  // The live connection re-authenticated with the new token: a new order still arrives live.
  const fifth = await placeOrder(e, [{ sku: 'MUG-1', quantity: 1 }], {
    email: 'ada@example.com',
    name: 'Ada Lovelace',
  });
  await pageA.getByTestId(`order-row-${fifth.number}`).waitFor(LIVE);
});

test("bulk confirm reports each order's result and refuses what cannot be confirmed", async () => {
  await pageA.goto(`${e.baseUrl}/orders`);
  await pageA.getByTestId(`order-row-${order.number}`).waitFor();
  const all = (
    await e.q<{ orders: { nodes: { number: string; status: string }[] } }>('{ orders { nodes { number status } } }')
  ).orders.nodes;
  const pending = all.filter((o) => o.status === 'PENDING').map((o) => o.number);
  const refused = all.filter((o) => o.status !== 'PENDING');
  expect(pending.length).toBeGreaterThan(1);
  expect(refused.length).toBeGreaterThan(0);
  await pageA.getByRole('checkbox', { name: 'Select all shown orders' }).check();
  await pageA.getByRole('button', { name: 'Confirm', exact: true }).click();
  const dialog = pageA.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Confirm orders' }).click();
  await dialog.getByRole('button', { name: 'Close' }).waitFor(LIVE);
  const results = await dialog.getByTestId('bulk-results').getByRole('listitem').allInnerTexts();
  expect(results).toHaveLength(all.length);
  expect(
    await dialog
      .getByText(`${all.length} of ${all.length} done: ${pending.length} succeeded, ${refused.length} refused`)
      .count(),
  ).toBe(1);
  for (const number of pending) expect(results.find((r) => r.startsWith(number))).toBe(`${number}: Done`);
  // Each refusal says why, for that order.
  for (const o of refused)
    expect(results.find((r) => r.startsWith(o.number))).toBe(
      `${o.number}: Order ${o.number} cannot go from ${o.status} to CONFIRMED`,
    );
  await dialog.getByRole('button', { name: 'Close' }).click();
  for (const number of pending)
    await pageA
      .getByTestId(`order-row-${number}`)
      .getByText(/Confirmed/i)
      .waitFor(LIVE);
  await expect(pageA.getByTestId(`order-row-${order.number}`).innerText()).resolves.toMatch(/Delivered/i);
});

test('products are edited, warehouses and channels created; a duplicate code is refused at its field', async () => {
  await pageA.goto(`${e.baseUrl}/inventory/products`);
  await pageA.getByRole('row').filter({ hasText: 'MUG-1' }).getByRole('button', { name: 'Edit' }).click();
  const dialog = pageA.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Mug, stoneware');
  await dialog.getByLabel('Price').fill('13.90');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await pageA.getByRole('row').filter({ hasText: 'Mug, stoneware' }).getByText('€13.90').waitFor(LIVE);
  expect(
    (await e.q<{ product: unknown }>('{ product(sku: "MUG-1") { name price { amount currency } } }')).product,
  ).toEqual({
    name: 'Mug, stoneware',
    price: { amount: 1390, currency: 'EUR' },
  });

  await pageA.goto(`${e.baseUrl}/inventory/locations`);
  const warehouses = pageA.locator('form').filter({ has: pageA.getByRole('button', { name: 'Add warehouse' }) });
  await warehouses.getByLabel('Code').fill('BER');
  await warehouses.getByLabel('Name').fill('Berlin again');
  await warehouses.getByRole('button', { name: 'Add warehouse' }).click();
  await warehouses.getByText(/already exists/i).waitFor(LIVE);
  await warehouses.getByLabel('Code').fill('HAM');
  await warehouses.getByLabel('Name').fill('Hamburg');
  await warehouses.getByRole('button', { name: 'Add warehouse' }).click();
  await pageA.getByRole('row').filter({ hasText: 'Hamburg' }).waitFor(LIVE);

  const channels = pageA.locator('form').filter({ has: pageA.getByRole('button', { name: 'Add channel' }) });
  await channels.getByLabel('Code').fill('SHOP-UK');
  await channels.getByLabel('Name').fill('UK shop');
  await channels.getByLabel('Currency').fill('GBP');
  await channels.getByRole('button', { name: 'Add channel' }).click();
  await pageA.getByRole('row').filter({ hasText: 'UK shop' }).getByText('GBP').waitFor(LIVE);
  expect(await e.q('{ warehouses { code } channels { code } }')).toEqual({
    warehouses: [{ code: 'BER' }, { code: 'AMS' }, { code: 'HAM' }],
    channels: [{ code: 'SHOP-UK' }, { code: 'WEB' }],
  });
});

test('staff tag an order and write a note on its page; the list shows tags and filters by one, kept in the URL', async () => {
  const tagged = await placeOrder(e, [{ sku: 'MUG-1', quantity: 1 }], { email: 'kat@example.com', name: 'Kat J' });
  await pageA.goto(`${e.baseUrl}/orders/${tagged.id}`);
  const section = pageA.getByTestId('order-notes-tags');
  // A tag the server refuses shows its rule at the field, and nothing is added.
  await section.getByLabel('New tag').fill('not a tag!');
  await section.getByRole('button', { name: 'Add tag' }).click();
  await section.getByText(/1 to 40 letters, digits/).waitFor(LIVE);
  await section.getByLabel('New tag').fill('VIP');
  await section.getByRole('button', { name: 'Add tag' }).click();
  await section.getByTestId('order-tag-vip').waitFor(LIVE);
  await section.getByLabel('New tag').fill('gift-wrap');
  await section.getByRole('button', { name: 'Add tag' }).click();
  await section.getByTestId('order-tag-gift-wrap').waitFor(LIVE);
  await section.getByRole('button', { name: 'Remove tag gift-wrap' }).click();
  await section.getByTestId('order-tag-gift-wrap').waitFor({ state: 'detached', ...LIVE });
  await section.getByLabel('New note').fill('Customer called: leave at the back door.');
  await section.getByRole('button', { name: 'Add note' }).click();
  await section.getByTestId('order-notes').getByText('Customer called: leave at the back door.').waitFor(LIVE);
  await shot(pageA, 'order-notes-tags');

  const stored = await e.q<{ order: { tags: string[]; history: { type: string; message: string | null }[] } }>(
    `query($id: ID!) { order(id: $id) { tags history { type message } } }`,
    { id: tagged.id },
  );
  expect(stored.order.tags).toEqual(['vip']);
  expect(stored.order.history.filter((h) => h.type !== 'PLACED').map((h) => [h.type, h.message])).toEqual([
    ['TAG_ADDED', 'vip'],
    ['TAG_ADDED', 'gift-wrap'],
    ['TAG_REMOVED', 'gift-wrap'],
    ['NOTE_ADDED', 'Customer called: leave at the back door.'],
  ]);

  // The list: a tag column; clicking a tag (or choosing it in the filter) keeps only its orders, in the URL.
  await pageA.goto(`${e.baseUrl}/orders`);
  const row = pageA.getByTestId(`order-row-${tagged.number}`);
  await row.getByText('vip').click();
  await pageA.waitForURL(/\/orders\?tag=vip$/);
  await pageA
    .getByTestId('orders-count')
    .filter({ hasText: /^1 matching$/ })
    .waitFor(LIVE);
  await row.waitFor();
  await pageA.reload();
  await pageA
    .getByTestId('orders-count')
    .filter({ hasText: /^1 matching$/ })
    .waitFor(LIVE);
  await expect(pageA.getByTestId('tag-filter').inputValue()).resolves.toMatch(/^vip/);
  await pageA.getByRole('button', { name: 'Clear filters' }).click();
  await pageA.waitForURL(/\/orders$/);
});

test('staff edit an order: a refused quantity shows at its line and changes nothing; the saved edit updates totals, stock and history', async () => {
  const o = await placeOrder(e, [{ sku: 'MUG-1', quantity: 1 }], { email: 'lin@example.com', name: 'Lin E' });
  const mugBefore = await stockOf(e, 'MUG-1', 'BER');
  await pageA.goto(`${e.baseUrl}/orders/${o.id}`);
  await pageA.getByTestId('order-actions').getByRole('button', { name: 'Edit' }).click();
  const dialog = pageA.getByRole('dialog');
  await dialog.getByLabel('Quantity of MUG-1').fill('999');
  await dialog.getByLabel('Reason').fill('customer wants more');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await dialog.getByText(/Not enough stock for MUG-1: 999 ordered/).waitFor(LIVE);
  expect(await stockOf(e, 'MUG-1', 'BER')).toEqual(mugBefore);

  await dialog.getByLabel('Quantity of MUG-1').fill('2');
  await dialog.getByRole('button', { name: 'Add line' }).click();
  await dialog.getByLabel('SKU of new line 2').fill('CAP-1');
  await dialog.getByLabel('Shipping (EUR)').fill('0');
  await dialog.getByLabel('City').fill('Manchester');
  await shot(pageA, 'order-edit');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await dialog.waitFor({ state: 'detached', ...LIVE });

  // Two mugs at 13.90 and a cap at 19.95, no shipping: 47.75.
  await pageA.getByTestId('order-totals').getByText('€47.75').first().waitFor(LIVE);
  await pageA
    .getByTestId('order-history')
    .getByText(/MUG-1 quantity 1 → 2; CAP-1 added/)
    .waitFor(LIVE);
  const stored = await e.q<{
    order: { total: { amount: number }; lines: { sku: string; quantity: number }[]; shippingAddress: { city: string } };
  }>(`query($id: ID!) { order(id: $id) { total { amount } lines { sku quantity } shippingAddress { city } } }`, {
    id: o.id,
  });
  expect(stored.order).toEqual({
    total: { amount: 4775 },
    lines: [
      { sku: 'MUG-1', quantity: 2 },
      { sku: 'CAP-1', quantity: 1 },
    ],
    shippingAddress: { city: 'Manchester' },
  });
  expect((await stockOf(e, 'MUG-1', 'BER')).reserved).toBe(mugBefore.reserved + 1);
});

test('an edit refused at a new line shows the error at that line, also below a blank row left out of the edit', async () => {
  const o = await placeOrder(e, [{ sku: 'MUG-1', quantity: 1 }], { email: 'row@example.com', name: 'Row E' });
  await pageA.goto(`${e.baseUrl}/orders/${o.id}`);
  await pageA.getByTestId('order-actions').getByRole('button', { name: 'Edit' }).click();
  const dialog = pageA.getByRole('dialog');
  // Row 2 stays blank (not sent); row 3 names a SKU the catalog does not have: the server refuses
  // lines.1 of what was sent, which is row 3 on the screen.
  await dialog.getByRole('button', { name: 'Add line' }).click();
  await dialog.getByRole('button', { name: 'Add line' }).click();
  await dialog.getByLabel('SKU of new line 3').fill('NO-SUCH-SKU');
  await dialog.getByLabel('Reason').fill('customer adds something');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  const refused = dialog.getByLabel('SKU of new line 3');
  await dialog.locator('input[aria-invalid="true"]').first().waitFor(LIVE);
  expect(await refused.getAttribute('aria-invalid')).toBe('true');
  expect(await dialog.getByLabel('SKU of new line 2').getAttribute('aria-invalid')).not.toBe('true');
  const stored = await e.q<{ order: { lines: { sku: string }[] } }>(
    `query($id: ID!) { order(id: $id) { lines { sku } } }`,
    {
      id: o.id,
    },
  );
  expect(stored.order.lines).toEqual([{ sku: 'MUG-1' }]);
  await dialog.getByRole('button', { name: 'Back' }).click();
});

test('staff enter an order on the New order page: stock is shown per line, a refusal shows at its line, the order is placed', async () => {
  await pageA.goto(`${e.baseUrl}/orders`);
  await pageA.getByRole('link', { name: 'New order' }).click();
  await pageA.waitForURL(/\/orders\/new$/);
  const form = pageA.getByTestId('new-order-form');
  await form.getByRole('combobox', { name: /^Channel/ }).click();
  await pageA.getByRole('option', { name: /Web shop \(WEB\)/ }).click();
  await form.getByLabel('Customer e-mail').fill('phone@example.com');
  await form.getByLabel('Customer name').fill('Phone Customer');
  await form.getByLabel('Address line 1').fill('3 Bell Lane');
  await form.getByLabel('Postal code').fill('E1 7AA');
  await form.getByLabel('City').fill('London');
  await form.getByLabel('Country (ISO code, e.g. DE)').fill('GB');

  const mug = await stockOf(e, 'MUG-1', 'BER');
  await form.getByRole('combobox', { name: 'Add a product' }).fill('MUG');
  await pageA.getByRole('option', { name: new RegExp(`MUG-1 .* ${mug.available} available`) }).click();
  const line = form.getByTestId('new-line-MUG-1');
  await line.getByText(`${mug.available} available`).waitFor();
  // More than is available: the page warns, and the server refuses at the line; nothing is placed.
  const count = async () =>
    (await e.q<{ orders: { totalCount: number } }>('{ orders { totalCount } }')).orders.totalCount;
  const before = await count();
  await line.getByLabel('Quantity of MUG-1').fill(String(mug.available + 5));
  await line.getByText(`Only ${mug.available} available`).waitFor();
  await form.getByRole('button', { name: 'Place order' }).click();
  await line.getByText(/Not enough stock for MUG-1/).waitFor(LIVE);
  expect(await count()).toBe(before);

  await line.getByLabel('Quantity of MUG-1').fill('2');
  await form.getByLabel('Shipping (EUR)').fill('3.5');
  await form.getByTestId('new-order-total').getByText('Total €31.30').waitFor();
  await shot(pageA, 'new-order');
  await form.getByRole('button', { name: 'Place order' }).click();
  await pageA.waitForURL(/\/orders\/[0-9a-f-]{36}$/, LIVE);
  const id = pageA.url().split('/').pop()!;
  const placed = await e.q<{
    order: { channel: { code: string }; customer: { email: string }; total: { amount: number }; lines: unknown[] };
  }>(
    `query($id: ID!) { order(id: $id) { channel { code } customer { email } total { amount } lines { sku quantity } } }`,
    {
      id,
    },
  );
  expect(placed.order).toEqual({
    channel: { code: 'WEB' },
    customer: { email: 'phone@example.com' },
    total: { amount: 3130 },
    lines: [{ sku: 'MUG-1', quantity: 2 }],
  });
  expect((await stockOf(e, 'MUG-1', 'BER')).reserved).toBe(mug.reserved + 2);
});

test('the order page shows the tax the channel charged per line and in the totals', async () => {
  // Two mugs at 13.90 at 19 % (5.28), shipping 4.95: total 27.80 + 4.95 + 5.28 = 38.03.
  const o = await placeOrder(e, [{ sku: 'MUG-1', quantity: 2, taxRate: 1900 }], {
    email: 'tax@example.com',
    name: 'Tax Payer',
  });
  await pageA.goto(`${e.baseUrl}/orders/${o.id}`);
  const tax = pageA.getByTestId('tax-MUG-1');
  await tax.waitFor(LIVE);
  expect(await tax.innerText()).toMatch(/€5\.28\s+19 %/);
  const totals = pageA.getByTestId('order-totals');
  await totals.getByText('€38.03').first().waitFor(LIVE);
  expect(await totals.innerText()).toMatch(/Tax\s+€5\.28/);
});

test('the app threw no uncaught error in the page during all of the above', () => {
  expect(pageErrors).toEqual([]);
});
