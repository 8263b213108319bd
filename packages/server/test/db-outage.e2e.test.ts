/**
 * The database goes away (a restart, a failover) and comes back: the server rides it out.
 * Simulated for this test's own database only, from a separate admin connection: every backend
 * of the database is terminated (exactly what a fast restart does to clients: 57P01) and new
 * connections are refused (`allow_connections false`) until the test allows them again.
 *
 * While it is away the process keeps running (nothing is rejected unhandled), /healthz answers,
 * /readyz answers 503 naming the parts that are down, and GraphQL and /export answer 503
 * SERVICE_UNAVAILABLE without internals. When it is back the server serves again by itself:
 * readiness 200, orders are placed, webhook jobs are delivered, and a subscription opened before
 * the outage is still open.
 */
import { Client } from 'pg';
import { freePort } from '../src/config/embedded-postgres';
import { createServer } from '../src/server';
import { settle, startTestServer, TestServer, WsClose } from './harness';
import type { GqlBody, Select, Subscription } from './support/select';
import { placeOrder, PLACE_ORDER, orderInput } from './builders';
import { baseUrl, expectNoInternals, standardCatalog } from './order-helpers';
import { createEndpoint, FAST_WEBHOOKS, Receiver, startReceiver } from './webhook-helpers';

jest.setTimeout(120_000);

let t: TestServer;
let rx: Receiver;
let admin: Client;
let dbName: string;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function readyz() {
  const res = await fetch(`${baseUrl(t)}/readyz`);
  return { status: res.status, body: await res.json() };
}

/** Polls `fn` until it returns something truthy, or fails after `timeoutMs`. */
async function until<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(100);
  }
}

async function cutDatabase() {
  await admin.query(`alter database "${dbName}" with allow_connections false`);
  const { rows } = await admin.query(
    'select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
    [dbName],
  );
  return rows[0].n as number;
}

const restoreDatabase = () => admin.query(`alter database "${dbName}" with allow_connections true`);

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  t = await startTestServer({
    config: { ...FAST_WEBHOOKS, webhookTimeoutMs: 10_000, webhookRetryWindowSeconds: 3600 },
  });
  await standardCatalog(t);
  rx = await startReceiver();
  dbName = new URL(t.databaseUrl).pathname.slice(1);
  const url = new URL(t.databaseUrl);
  url.pathname = '/postgres';
  admin = new Client({ connectionString: url.toString() });
  await admin.connect();
});

afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  if (admin) {
    await restoreDatabase().catch(() => undefined);
    await admin.end();
  }
  await t?.stop();
  await rx?.close();
});

test('a database restart under way: 503s that say so, then the server serves again by itself, jobs and subscriptions included', async () => {
  await createEndpoint(t, { url: rx.url('/placed'), eventTypes: ['order.placed'] });
  expect(await readyz()).toEqual({
    status: 200,
    body: { status: 'ok', database: 'up', jobs: 'up', eventStream: 'up' },
  });

  // A screen follows the channel from before the outage.
  const ws = t.ws();
  let wsClosed: unknown;
  ws.on('closed', (e) => (wsClosed = e ?? 'closed'));
  type Update = Select<Subscription, { orderUpdated: { order: { id: true }; event: { type: true } } }>;
  const updates: { data?: Update | null; errors?: unknown }[] = [];
  let feedEnded: unknown;
  ws.subscribe<Update>(
    { query: 'subscription { orderUpdated(channelCode: "WEB") { order { id } event { type } } }' },
    {
      next: (v) => updates.push(v),
      error: (e) => (feedEnded = e),
      complete: () => (feedEnded = 'complete'),
    },
  );
  await settle();

  // A webhook delivery is running when the database goes: the receiver answers only after the cut,
  // so the job's outcome is recorded (or fails to be) against a dead connection.
  rx.script('/placed', [{ status: 200, body: 'ok', delayMs: 1500 }]);
  const before = (await placeOrder(t)).order;
  await rx.waitFor('/placed', 1);
  expect(await cutDatabase()).toBeGreaterThan(0);
  await sleep(2500); // the delivery finishes, workers poll, the dispatcher sweeps: all against no database

  // The process lives and says what is down.
  expect((await fetch(`${baseUrl(t)}/healthz`)).status).toBe(200);
  const down = await readyz();
  expect(down).toEqual({
    status: 503,
    body: { status: 'unavailable', database: 'down', jobs: 'down', eventStream: 'down' },
  });

  // GraphQL: a clear, retryable 503, whether authentication (context) or a resolver hit the database.
  for (const [query, token] of [
    ['{ orders(first: 5) { totalCount } }', undefined],
    ['{ trackOrder(number: "X-1", email: "a@b.c") { number } }', null],
  ] as const) {
    const res = await t.gql(query, undefined, { token });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 });
    expect(res.body.errors![0].message).toMatch(/temporarily unavailable/);
    expectNoInternals(res.body);
  }
  const placing = await t.gql(PLACE_ORDER, { input: orderInput() });
  expect(placing.status).toBe(503);
  expect(placing.body.errors![0].extensions!.code).toBe('SERVICE_UNAVAILABLE');

  // The HTTP routes: the same, as their JSON error.
  const exported = await fetch(`${baseUrl(t)}/export/orders.csv`, { headers: { authorization: `Bearer ${t.token}` } });
  expect(exported.status).toBe(503);
  expect(exported.headers.get('content-disposition')).toBeNull();
  const exportBody = (await exported.json()) as { error: unknown };
  expect(exportBody.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  expectNoInternals(exportBody);

  // A WebSocket that connects now: its session cannot be checked, so it is told to come back later
  // (1013 Try Again Later, as HTTP says 503), not closed as an internal error, and nothing is
  // written outside the JSON log.
  const consoleErrors = jest.spyOn(console, 'error');
  const late = t.ws();
  const lateClosed = await new Promise<{ code: number; reason: string }>((resolve) =>
    late.on('closed', (e) => resolve({ code: (e as WsClose).code, reason: (e as WsClose).reason })),
  );
  expect(lateClosed).toEqual({ code: 1013, reason: 'Service temporarily unavailable' });
  expect(consoleErrors).not.toHaveBeenCalled();
  consoleErrors.mockRestore();

  // Back: the server serves again without a restart.
  await restoreDatabase();
  const backAt = Date.now();
  const after = await until(
    'placeOrder to succeed after the database is back',
    async () => {
      const res = await t.gql(PLACE_ORDER, { input: orderInput({ customer: { email: 'after@example.com' } }) });
      return res.status === 200 && !res.body.errors && res.body.data.placeOrder.order;
    },
    5000,
  );
  const recoveredInMs = Date.now() - backAt;
  expect(after.status).toBe('PENDING');
  expect(await t.sql('select count(*)::int as n from "order" where id = $1', [after.id])).toEqual([{ n: 1 }]);

  const ready = await until(
    'readiness 200',
    async () => {
      const r = await readyz();
      return r.status === 200 && r;
    },
    15_000,
  );
  expect(ready.body).toEqual({ status: 'ok', database: 'up', jobs: 'up', eventStream: 'up' });

  // Jobs run again: the new order's webhook is delivered by the pg-boss workers.
  const deliveredTo = await until(
    'the webhook of the order placed after the outage',
    async () => {
      return rx
        .on('/placed')
        .some(
          (r) => r.body?.data?.order?.id === after.id || r.body?.data?.orderId === after.id || r.raw.includes(after.id),
        );
    },
    20_000,
  );
  expect(deliveredTo).toBe(true);

  // The subscription opened before the outage is still open, and gets the update of the new order.
  await until(
    'the subscription to see the order placed after the outage',
    async () => updates.some((u) => u.data?.orderUpdated.order.id === after.id),
    15_000,
  );
  expect(updates.every((u) => !u.errors)).toBe(true);
  expect(updates[0].data!.orderUpdated.order.id).toBe(before.id);
  expect(wsClosed).toBeUndefined();
  expect(feedEnded).toBeUndefined();

  expect(rejections).toEqual([]);
  // Recorded for the report: how long after the database came back the first order went through.
  console.log(`db-outage: placeOrder succeeded ${recoveredInMs} ms after connections were allowed again`);
});

test('the rate-limit counters in Redis cannot be reached: requests get 503 SERVICE_UNAVAILABLE, the process keeps running', async () => {
  // A second server process on the same database, counting in a Redis that is down (nothing listens on the port).
  const server = await createServer({
    config: {
      port: 0,
      logLevel: 'silent',
      sessionTtlSeconds: 3600,
      bodyLimit: '1mb',
      corsOrigins: [],
      rateLimitRequests: 100,
      redisUrl: `redis://127.0.0.1:${await freePort()}`,
    },
    databaseUrl: t.databaseUrl,
    host: '127.0.0.1',
    seed: 'none',
  });
  try {
    for (const token of [t.token, undefined]) {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: '{ me { email } }' }),
      });
      const body = (await res.json()) as GqlBody<unknown>;
      expect(res.status).toBe(503);
      expect(body.errors![0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 });
      expectNoInternals(body);
    }
    expect((await fetch(server.url.replace('/graphql', '/healthz'))).status).toBe(200);
  } finally {
    await server.stop();
  }
  expect(rejections).toEqual([]);
});
