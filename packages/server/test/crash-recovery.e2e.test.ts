/**
 * A crash between commit and delivery loses nothing. Server process A (the real launcher, a
 * separate OS process) commits changes while a webhook receiver refuses every delivery and a
 * subscriber follows the channel; A is then killed with SIGKILL (no clean-up of any kind) while
 * the first changes' deliveries wait for their retry and the later changes' events are not even
 * dispatched yet (the test holds a lock that stalls A's dispatcher mid-transaction). More changes are
 * made through a restarted process B while the subscriber is away. Afterwards the receiver has
 * every event at least once, each with its own event id in `oms-event-id`, and the subscriber,
 * reconnecting with `orderUpdated(after: <last event id it saw>)`, gets exactly the updates it
 * missed, in stream order, none twice, and then the live ones.
 */
import { ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import { Client } from 'pg';
import WebSocket from 'ws';
import { freePort } from '../src/config/embedded-postgres';
import { orderInput } from './builders';
import { startTestServer, TestServer } from './harness';
import type { GqlBody, Select, Subscription } from './support/select';
import { standardCatalog } from './order-helpers';
import { createEndpoint } from './webhook-helpers';

jest.setTimeout(180_000);

let t: TestServer;
const children: ChildProcess[] = [];

/** A receiver that answers every delivery with `status` (503 while A runs: nothing gets delivered). */
function receiver() {
  const received: { eventId: string; type: string; at: number }[] = [];
  const refused: string[] = [];
  let status = 503;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (status === 200)
        received.push({ eventId: String(req.headers['oms-event-id']), type: body.type, at: Date.now() });
      else refused.push(String(req.headers['oms-event-id']));
      if (body.id !== req.headers['oms-event-id']) throw new Error('body id and oms-event-id differ');
      res.writeHead(status).end(status === 200 ? 'ok' : 'busy');
    });
  });
  return {
    received,
    refused,
    answer: (s: number) => (status = s),
    listen: () =>
      new Promise<number>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
      ),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function startProcess(
  databaseUrl: string,
  retryDelaySeconds: number,
): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    OMS_SEED: 'none',
    LOG_LEVEL: 'warn',
    OMS_RATE_LIMIT_REQUESTS: '0',
    OMS_JOB_POLL_SECONDS: '1',
    OMS_EVENT_DISPATCH_POLL_SECONDS: '1',
    OMS_WEBHOOK_TIMEOUT_MS: '2000',
    OMS_WEBHOOK_RETRY_DELAY_SECONDS: String(retryDelaySeconds),
    OMS_WEBHOOK_RETRY_WINDOW_SECONDS: '3600',
    OMS_WEBHOOK_DISABLE_AFTER_FAILURES: '0',
    OMS_WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true', // the receiver is on 127.0.0.1
  };
  let out = '';
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: path.resolve(__dirname, '..'),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server process exited:\n${out}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server process not ready:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, port, output: () => out };
}

async function gql(port: number, query: string, variables: Record<string, unknown>) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as GqlBody<Record<string, { order?: { id: string }; userErrors?: unknown[] } | null>>;
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  const payload = Object.values(body.data!)[0];
  if (payload?.userErrors?.length) throw new Error(JSON.stringify(payload.userErrors));
  return payload!;
}

/** A few changes through one process: an order placed, confirmed, paid and noted. */
async function changes(port: number, tag: string) {
  const { order } = await gql(
    port,
    `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { order { id } userErrors { code message } } }`,
    { i: orderInput({ externalId: `CRASH-${tag}` }) },
  );
  await gql(port, `mutation($id: ID!) { confirmOrder(id: $id) { userErrors { code message } } }`, { id: order!.id });
  await gql(port, `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { userErrors { code message } } }`, {
    i: { orderId: order!.id, amount: 1250, method: 'card' },
  });
  await gql(port, `mutation($id: ID!) { addOrderNote(id: $id, note: "${tag}") { userErrors { code message } } }`, {
    id: order!.id,
  });
  return order!.id as string;
}

const SUB = `subscription($after: ID) { orderUpdated(channelCode: "WEB", after: $after) { eventId order { id } event { type } } }`;

function follow(port: number, after?: string) {
  const seen: string[] = [];
  let closed = false;
  const client = createClient({
    url: `ws://127.0.0.1:${port}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${t.token}` },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
  });
  client.subscribe<Select<Subscription, { orderUpdated: { eventId: true } }>>(
    { query: SUB, variables: after ? { after } : {} },
    {
      next: (r) => {
        if (r.errors) throw new Error(JSON.stringify(r.errors));
        seen.push(r.data!.orderUpdated.eventId);
      },
      error: () => (closed = true),
      complete: () => (closed = true),
    },
  );
  return { seen, client, closed: () => closed };
}

async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  t = await startTestServer({ config: { webhookAllowPrivateAddresses: true } });
  await standardCatalog(t);
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await t?.stop();
});

test('after SIGKILL between commit and delivery, a restarted process delivers every event and a resuming subscriber misses nothing and gets nothing twice', async () => {
  const rx = receiver();
  const rxPort = await rx.listen();
  const types = ['order.placed', 'order.status_changed', 'payment.recorded', 'order.note_added'];
  await createEndpoint(t, { url: `http://127.0.0.1:${rxPort}/hook`, eventTypes: types });
  // From here on only the two launcher processes serve the database.
  await t.server.stop();

  // A retries a refused delivery after 8 to 16 s: long after it is gone.
  const a = await startProcess(t.databaseUrl, 8);
  const sub = follow(a.port);
  await new Promise((r) => setTimeout(r, 300));
  await changes(a.port, 'A1');
  await until('the subscriber to see the first changes', () => sub.seen.length === 4);
  // A1's four deliveries are attempted, refused, and wait for their retry.
  await until(
    "A1's deliveries to be refused and wait for a retry",
    async () =>
      rx.refused.length === 4 &&
      (await t.sql(`select count(*)::int as n from pgboss.job where name = 'webhook-delivery' and state = 'retry'`))[0]
        .n === 4,
  );
  // Stall A's dispatcher: it reads the endpoints inside its dispatching transaction, and this lock
  // makes it wait there, so the next changes commit but are never dispatched by A.
  const lock = new Client({ connectionString: t.databaseUrl });
  await lock.connect();
  await lock.query('begin');
  await lock.query('lock table webhook_endpoint in access exclusive mode');
  await changes(a.port, 'A2');
  await changes(a.port, 'A3');
  await until('the subscriber to see the later changes', () => sub.seen.length === 12);
  const [atKill] =
    await t.sql(`select (select count(*)::int from domain_event where dispatched_at is null) as undispatched,
    (select count(*)::int from webhook_delivery where status = 'RETRYING') as retrying,
    (select count(*)::int from webhook_delivery where status = 'DELIVERED') as delivered,
    (select count(*)::int from pgboss.job where name = 'webhook-delivery' and state = 'active') as active`);
  const killed = new Promise((r) => a.child.once('exit', (_code, signal) => r(signal)));
  a.child.kill('SIGKILL');
  expect(await killed).toBe('SIGKILL');
  await lock.query('rollback');
  await lock.end();
  // Everything was committed; nothing had reached the receiver; A2 and A3 were not even dispatched.
  expect(atKill).toEqual({ undispatched: 8, retrying: 4, delivered: 0, active: 0 });
  expect(rx.received).toHaveLength(0);
  await until('the subscriber to notice the lost connection', () => sub.closed());
  const seenBeforeCrash = [...sub.seen];
  expect(seenBeforeCrash).toHaveLength(12);
  await sub.client.dispose();

  // Process B starts on the same database; changes are made while the subscriber is away.
  rx.answer(200);
  const b = await startProcess(t.databaseUrl, 1);
  await changes(b.port, 'B1');
  const resumed = follow(b.port, seenBeforeCrash.at(-1));
  const primary = () =>
    t.sql<{ id: string; seq: string; type: string }>(
      `select e.id, e.seq, e.type from domain_event e join channel c on c.id = e.channel_id
     where c.code = 'WEB' and (e.payload->>'primary')::boolean order by e.position`,
    );
  // The missed updates arrive; then one more change, live.
  await until(
    'the resumed subscriber to catch up',
    async () => resumed.seen.length === (await primary()).length - seenBeforeCrash.length,
  );
  await changes(b.port, 'B2');
  const all = await primary();
  await until('the live updates after catch-up', () => resumed.seen.length === all.length - seenBeforeCrash.length);
  await new Promise((r) => setTimeout(r, 500)); // nothing more may follow
  expect([...seenBeforeCrash, ...resumed.seen]).toEqual(all.map((e) => e.id));
  expect(new Set(resumed.seen).size).toBe(resumed.seen.length);
  await resumed.client.dispose();

  // The receiver ends up with every event of its types at least once, by event id.
  const events = await t.sql<{ id: string; type: string }>(
    `select id, type from domain_event where type = any($1) order by seq`,
    [types],
  );
  expect(events.length).toBe(5 * 4);
  await until(
    'every event to be delivered',
    () => events.every((e) => rx.received.some((r) => r.eventId === e.id)),
    60_000,
  );
  for (const r of rx.received) expect(events.find((e) => e.id === r.eventId)?.type).toBe(r.type);
  // One delivery per event (dispatch happened once, whichever process did it), each delivered in the end.
  await until(
    'the delivery log to show every delivery delivered',
    async () =>
      JSON.stringify(await t.sql(`select status, count(*)::int as n from webhook_delivery group by status`)) ===
      JSON.stringify([{ status: 'DELIVERED', n: events.length }]),
  );
  // For the record (the test log): what the crash left behind.

  b.child.kill('SIGTERM');
  await new Promise((r) => b.child.once('exit', r));
  await rx.close();
});
