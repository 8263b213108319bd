/**
 * Webhooks, jobs and the event stream in a real browser against the real server and a real HTTP
 * receiver: an admin registers an endpoint (a refused URL shows at its field; the secret is shown
 * once), reads the delivery log of a failing receiver, replays a delivery and a range of events
 * once it recovers, rotates the secret, deactivates and deletes the endpoint; on the jobs page
 * finds the failed delivery job and its dead letter with the error and retries it; on the events
 * page filters the stream, reads a payload and pages with cursors. A manager (no webhook or job
 * permission) sees only the events page.
 */
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, E2EServer, launchChromium, placeOrder, signIn, signInWithToken, startE2EServer } from './harness';

jest.setTimeout(180_000);

const SCREENSHOTS = path.resolve(__dirname, '../../../../docs/screenshots');

let e: E2EServer;
let browser: Browser;
let page: Page;
let receiver: http.Server;
let rxUrl: string;
let answer = 500;
const received: { eventId: string; type: string; signature: string; raw: string }[] = [];

/** The fields of `events` and `jobs` these tests ask for (each query asks for some of them). */
type EventsData = { events: { totalCount: number; nodes: { id: string; type: string }[] } };
type JobsData = { jobs: { id: string; state?: string }[] };

async function shot(name: string) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

async function until(what: string, ok: () => Promise<boolean> | boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = JSON.parse(raw);
      if (answer === 200)
        received.push({
          eventId: String(req.headers['oms-event-id']),
          type: body.type,
          signature: String(req.headers['oms-signature']),
          raw,
        });
      res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer === 200 ? 'thanks' : 'receiver is down');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  rxUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/oms`;
  // One retry, a second later: a failing delivery is given up (and dead-lettered) within seconds.
  e = await startE2EServer({
    config: {
      jobPollSeconds: 1,
      eventDispatchPollSeconds: 1,
      webhookRetryDelaySeconds: 1,
      webhookRetryWindowSeconds: 1,
      webhookTimeoutMs: 2000,
      webhookAllowPrivateAddresses: true,
    },
  }); // staff endpoints on a local receiver (development flag)
  await e.q(`mutation {
    c: createChannel(input: { code: "WEB", name: "Web shop", currency: "EUR" }) { userErrors { message } }
    w: createWarehouse(input: { code: "BER", name: "Berlin", priority: 1 }) { userErrors { message } }
    p: upsertProduct(input: { sku: "MUG-1", name: "Mug", price: 1250, currency: "EUR" }) { userErrors { message } }
    s: adjustStock(input: { sku: "MUG-1", warehouseCode: "BER", delta: 500, reason: "goods received" }) { userErrors { message } }
  }`);
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
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
  receiver?.closeAllConnections();
  await new Promise((r) => receiver?.close(r));
});

let endpointId: string;

test('an admin registers an endpoint: a refused URL shows at its field, the secret is shown once', async () => {
  await page.getByRole('link', { name: 'Webhooks' }).click();
  await page.waitForURL(/\/settings\/webhooks$/);
  await page.getByText('No webhook endpoints yet').waitFor();
  const form = page.getByRole('form', { name: 'Add a webhook endpoint' });
  await form.getByLabel('URL').fill('ftp://example.com/hook');
  await form.getByLabel('Event types').click();
  await page.getByRole('option', { name: 'order.placed' }).click();
  await page.getByRole('option', { name: 'order.status_changed' }).click();
  await page.keyboard.press('Escape');
  await form.getByRole('button', { name: 'Add endpoint' }).click();
  await form.getByText('url: must use http or https').waitFor();

  await form.getByLabel('URL').fill(rxUrl);
  await form.getByRole('button', { name: 'Add endpoint' }).click();
  const secret = await page.getByTestId('webhook-secret').innerText();
  expect(secret).toMatch(/^whsec_/);
  await page.getByRole('button', { name: 'Done' }).click();
  const row = page.getByTestId(`webhook-row-${rxUrl}`);
  await row.waitFor();
  expect(await row.innerText()).toMatch(/order\.placed[\s\S]*order\.status_changed[\s\S]*all[\s\S]*Active/i);
  const { webhookEndpoints } = await e.q<{ webhookEndpoints: { id: string }[] }>(
    '{ webhookEndpoints { id url eventTypes active } }',
  );
  expect(webhookEndpoints).toEqual([
    { id: expect.any(String), url: rxUrl, eventTypes: ['order.placed', 'order.status_changed'], active: true },
  ]);
  endpointId = webhookEndpoints[0].id;
  // The secret is not shown again anywhere on the page.
  expect(await page.content()).not.toContain(secret);
});

test("the delivery log shows a failing receiver's attempts; once it recovers, a delivery and a range of events are replayed", async () => {
  const order = await placeOrder(e, [{ sku: 'MUG-1', quantity: 1 }]);
  const [placed] = (
    await e.q<EventsData>(`query($id: ID) { events(aggregateId: $id) { nodes { id type } } }`, { id: order.id })
  ).events.nodes;
  await until(
    'the delivery to be given up',
    async () =>
      (
        await e.q<{ webhookDeliveries: { nodes: { status: string }[] } }>(
          `query($id: ID!) { webhookDeliveries(endpointId: $id) { nodes { status } } }`,
          { id: endpointId },
        )
      ).webhookDeliveries.nodes[0]?.status === 'FAILED',
  );

  const row = page.getByTestId(`webhook-row-${rxUrl}`);
  await row.getByRole('button', { name: 'Deliveries' }).click();
  const log = page.getByTestId('webhook-deliveries');
  await log.waitFor();
  const first = log.getByRole('row').nth(1);
  const text = await first.innerText();
  expect(text).toContain('order.placed');
  expect(text).toContain(placed.id);
  expect(text).toMatch(/FAILED\s+2\s+500\s+\d+ ms\s+receiver is down/);

  answer = 200;
  await first.getByRole('button', { name: 'Replay' }).click();
  await until('the replayed event at the receiver', () => received.some((r) => r.eventId === placed.id));
  await page.getByRole('button', { name: 'Refresh' }).click();
  await until('the replay in the log as delivered', async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    return /order\.placed[\s\S]*replay[\s\S]*DELIVERED\s+1\s+200/i.test(await log.getByRole('row').nth(1).innerText());
  });

  // Replay a range: every order.placed from the start (the one order: one event).
  await e.q(`mutation($id: ID!) { confirmOrder(id: $id) { userErrors { message } } }`, { id: order.id });
  await until('the confirmation at the receiver', () => received.some((r) => r.type === 'order.status_changed'));
  const replay = page.getByRole('form', { name: 'Replay events' });
  await replay.getByLabel('After event id').fill('not an id');
  await replay.getByRole('button', { name: 'Replay events' }).click();
  await replay.getByText('after: must be an event id').waitFor();
  await replay.getByLabel('After event id').fill('');
  await replay.getByLabel('Event types').click({ force: true });
  await page.getByRole('option', { name: 'order.placed' }).click();
  await page.keyboard.press('Escape');
  await replay.getByRole('button', { name: 'Replay events' }).click();
  expect(await page.getByTestId('replay-result').innerText()).toBe('1 events queued of 1 matching.');
  await until('the replayed range at the receiver', () => received.filter((r) => r.eventId === placed.id).length === 2);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await until('both replays and the confirmation in the log', async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    return (await log.getByRole('row').count()) === 5 && (await log.getByText('DELIVERED').count()) === 3;
  });
  // The README picture: the whole page in one viewport (a full-page capture repeats the fixed header).
  await page.mouse.move(0, 0);
  await page
    .getByText(/queued again/)
    .first()
    .waitFor({ state: 'hidden' });
  await page.setViewportSize({ width: 1280, height: 1600 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'webhooks.png') });
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot('webhooks');
});

test('the jobs page shows the failed delivery job and its dead letter with the error; retrying the dead letter runs it again', async () => {
  await page.getByRole('link', { name: 'Jobs' }).click();
  await page.waitForURL(/\/settings\/jobs$/);
  await page.getByRole('combobox', { name: 'State' }).click();
  await page.getByRole('option', { name: 'Failed' }).click();
  const table = page.getByTestId('jobs-table');
  await table.waitFor();
  const failed = table.getByRole('row').filter({ hasText: 'webhook-delivery' }).first();
  expect(await failed.innerText()).toMatch(/webhook-delivery[\s\S]*FAILED[\s\S]*1 \/ 1[\s\S]*failed: HTTP 500/);

  await page.getByRole('combobox', { name: 'State' }).click();
  await page.getByRole('option', { name: 'Any state' }).click();
  await page.getByRole('button', { name: 'Dead letters' }).click();
  const dead = table.getByRole('row').filter({ hasText: 'webhook-delivery__dead' });
  await dead.first().waitFor();
  expect(await dead.count()).toBe(1);
  expect(await dead.innerText()).toMatch(/DEAD[\s\S]*HTTP 500/);
  const before = (await e.q<JobsData>(`{ jobs(queue: "webhook-delivery", first: 200) { id } }`)).jobs.length;
  await dead.getByRole('button', { name: 'Retry' }).click();
  await page.getByText('Job queued again in webhook-delivery').waitFor();
  await until('the dead letter to leave the list', async () => (await dead.count()) === 0);
  const after = (await e.q<JobsData>(`{ jobs(queue: "webhook-delivery", first: 200) { id state } }`)).jobs;
  expect(after.length).toBe(before + 1);
  expect((await e.q<JobsData>(`{ jobs(queue: "webhook-delivery__dead") { id } }`)).jobs).toEqual([]);
  await shot('jobs');
});

test('the events page filters the stream by type and aggregate, shows a payload and pages with cursors', async () => {
  for (let i = 0; i < 55; i++) {
    await e.q(
      `mutation { adjustStock(input: { sku: "MUG-1", warehouseCode: "BER", delta: 1, reason: "count ${i}" }) { userErrors { message } } }`,
    );
  }
  await page.getByRole('link', { name: 'Events' }).click();
  await page.waitForURL(/\/settings\/events$/);
  const table = page.getByTestId('events-table');
  await table.waitFor();
  const all = (await e.q<EventsData>('{ events(first: 200) { totalCount nodes { id type } } }')).events;
  expect(all.totalCount).toBeGreaterThan(50);
  await page.getByText(`${all.totalCount} events; page 1`).waitFor();
  expect(await table.getByRole('row').count()).toBe(51);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByText(`${all.totalCount} events; page 2`).waitFor();
  await page.getByTestId(`event-${all.nodes[50].id}`).waitFor();
  expect(await table.getByRole('row').count()).toBe(1 + all.totalCount - 50);
  await page.getByRole('button', { name: 'Previous' }).click();
  await page.getByTestId(`event-${all.nodes[0].id}`).waitFor();

  await page.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'order.placed' }).click();
  await page.getByText('1 events; page 1').waitFor();
  const placed = all.nodes.find((n) => n.type === 'order.placed')!;
  const row = page.getByTestId(`event-${placed.id}`);
  await row.getByRole('button', { name: 'Payload' }).click();
  const payload = JSON.parse(await page.getByTestId('event-payload').innerText());
  expect(payload).toMatchObject({ status: 'PENDING', total: 1745, currency: 'EUR', primary: true });

  // Clicking the aggregate narrows to that order: its placement and its confirmation.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByText(`${all.totalCount} events; page 1`).waitFor();
  await row.getByRole('button', { name: payload.orderId }).click();
  await page.getByText('2 events; page 1').waitFor();
  expect(await page.getByRole('textbox', { name: 'Order or stock level id' }).inputValue()).toBe(payload.orderId);
  await shot('events');
});

test('an admin rotates the secret, deactivates and activates the endpoint, and deletes it', async () => {
  await page.getByRole('link', { name: 'Webhooks' }).click();
  const row = page.getByTestId(`webhook-row-${rxUrl}`);
  await row.getByRole('button', { name: 'Rotate secret' }).click();
  const secret = await page.getByTestId('webhook-secret').innerText();
  expect(secret).toMatch(/^whsec_/);
  await page.getByRole('button', { name: 'Done' }).click();

  await row.getByRole('button', { name: 'Deactivate' }).click();
  await row.getByText('disabled by user:admin@e2e.local').waitFor();
  expect((await e.q<{ webhookEndpoints: unknown[] }>('{ webhookEndpoints { active } }')).webhookEndpoints).toEqual([
    { active: false },
  ]);
  // Deliveries of an inactive endpoint cannot be replayed.
  await row.getByRole('button', { name: 'Deliveries' }).click();
  expect(
    await page.getByTestId('webhook-deliveries').getByRole('button', { name: 'Replay' }).first().isDisabled(),
  ).toBe(true);
  await row.getByRole('button', { name: 'Activate' }).click();
  await row.getByRole('button', { name: 'Deactivate' }).waitFor();
  expect((await e.q<{ webhookEndpoints: unknown[] }>('{ webhookEndpoints { active } }')).webhookEndpoints).toEqual([
    { active: true },
  ]);

  // The new secret signs from now on: a delivery's signature verifies with it.
  const order = await placeOrder(e, [{ sku: 'MUG-1', quantity: 1 }]);
  const eventId = (
    await e.q<EventsData>(`query($id: ID) { events(aggregateId: $id) { nodes { id } } }`, { id: order.id })
  ).events.nodes[0].id;
  await until('a delivery signed with the new secret', () => received.some((r) => r.eventId === eventId));
  const last = received.find((r) => r.eventId === eventId)!;
  // During the rotation's grace period the previous secret signs too, after the new one.
  const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})(?:,v1=[0-9a-f]{64})?$/.exec(last.signature)!;
  expect(createHmac('sha256', secret).update(`${t}.${last.raw}`).digest('hex')).toBe(v1);

  await row.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Delete endpoint' }).click();
  await page.getByText('No webhook endpoints yet').waitFor();
  expect((await e.q<{ webhookEndpoints: unknown[] }>('{ webhookEndpoints { id } }')).webhookEndpoints).toEqual([]);
});

test('a manager sees the events page but neither webhooks nor jobs', async () => {
  await e.q(
    `mutation { createUser(input: { email: "mgr@e2e.local", name: "Morgan", role: MANAGER, password: "one-time password 1" }) { userErrors { message } } }`,
  );
  const token = await signIn(e, { email: 'mgr@e2e.local', password: 'one-time password 1' });
  await e.q(
    `mutation { changePassword(input: { currentPassword: "one-time password 1", newPassword: "manager password 2" }) { userErrors { message } } }`,
    {},
    token,
  );
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await signInWithToken(context, token);
  const manager = await context.newPage();
  await manager.goto(`${e.baseUrl}/`);
  await manager.getByRole('link', { name: 'Events' }).waitFor();
  expect(await manager.getByRole('link', { name: 'Webhooks' }).count()).toBe(0);
  expect(await manager.getByRole('link', { name: 'Jobs' }).count()).toBe(0);
  await context.close();
});
