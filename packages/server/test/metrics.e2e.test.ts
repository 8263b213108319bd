/**
 * GET /metrics (Prometheus text): closed unless configured, behind a bearer token on the main
 * port or open on a separate (loopback) port; after real traffic it shows GraphQL operations by
 * name and outcome, HTTP requests by route pattern, the database pools, the job queues as the
 * database holds them, WebSocket connections, webhook deliveries and the event stream.
 */
import fs from 'node:fs';
import path from 'node:path';
import { collect, settle, startTestServer, TestServer } from './harness';
import { createCatalog, orderInput } from './builders';
import { createEndpoint, FAST_WEBHOOKS, settled, startReceiver, Receiver } from './webhook-helpers';

const TOKEN = 'scrape-me-9f8e7d6c5b4a';
let t: TestServer;
let rx: Receiver;

beforeAll(async () => {
  rx = await startReceiver();
  t = await startTestServer({ config: { ...FAST_WEBHOOKS, metricsToken: TOKEN, metricsPort: 0 } });
  await createCatalog(t, {
    channels: [{ code: 'WEB', currency: 'EUR' }],
    warehouses: [{ code: 'WH1', priority: 1 }],
    products: [{ sku: 'SKU-1', price: 1250 }],
    stock: { 'SKU-1': { WH1: 1000 } },
  });
  // A queue nobody works, with one job waiting and one dead letter, before the first scrape.
  await t.server.jobs.define('metrics-probe', {
    retryLimit: 0,
    retryDelaySeconds: 1,
    retryBackoff: false,
    deadLetter: true,
  });
  await t.server.orm.em.fork().transactional(async (em) => {
    await t.server.jobs.send(em, 'metrics-probe', { n: 1 });
    await t.server.jobs.send(em, 'metrics-probe__dead', { n: 2 });
  });
});
afterAll(async () => {
  await t?.stop();
  await rx?.close();
});

const base = () => t.url.replace(/\/graphql$/, '');

async function scrape(): Promise<string> {
  const res = await fetch(`${base()}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return res.text();
}

/** The value of one sample, matched by name and a subset of its labels. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

const labelValues = (text: string, name: string, label: string) =>
  new Set([...text.matchAll(new RegExp(`^${name}\\{[^}]*${label}="([^"]*)"`, 'gm'))].map((m) => m[1]));

async function eventually<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const NAMED_PLACE_ORDER = `mutation placeOrder($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } userErrors { code } } }`;

test('the job queue gauges show the jobs waiting and the dead letters the database holds', async () => {
  const text = await scrape();
  const [db] = await t.sql(`select count(*) filter (where name = 'metrics-probe' and state = 'created')::int as waiting,
    count(*) filter (where name = 'metrics-probe__dead' and state = 'created')::int as dead from pgboss.job`);
  expect(db).toEqual({ waiting: 1, dead: 1 });
  expect(sample(text, 'oms_job_queue_jobs', { queue: 'metrics-probe', state: 'created' })).toBe(1);
  expect(sample(text, 'oms_job_dead_letters', { queue: 'metrics-probe' })).toBe(1);
  // Dead-letter queues are reported by the queue they belong to, not as queues of their own.
  expect(labelValues(text, 'oms_job_queue_jobs', 'queue').has('metrics-probe__dead')).toBe(false);
  expect(sample(text, 'oms_job_dead_letters', { queue: 'webhook-delivery' })).toBe(0);
  expect(sample(text, 'oms_job_queue_jobs', { queue: 'metrics-probe', state: 'retry' })).toBe(0);
});

test('without the token /metrics answers 401 and shows nothing; with it, Prometheus text', async () => {
  for (const headers of [{}, { authorization: 'Bearer wrong-token' }, { authorization: TOKEN }] as Record<
    string,
    string
  >[]) {
    const res = await fetch(`${base()}/metrics`, { headers });
    expect(res.status).toBe(401);
    const body = await res.text();
    expect(body).not.toContain('oms_');
  }
  const res = await fetch(`${base()}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await res.text();
  // Process metrics come along.
  expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
  expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
});

test('the separate metrics port serves /metrics without a token, and nothing else', async () => {
  expect(t.server.metricsPort).toBeGreaterThan(0);
  const res = await fetch(`http://127.0.0.1:${t.server.metricsPort}/metrics`);
  expect(res.status).toBe(200);
  expect(await res.text()).toContain('# TYPE oms_http_request_duration_seconds histogram');
  expect((await fetch(`http://127.0.0.1:${t.server.metricsPort}/graphql`, { method: 'POST' })).status).toBe(404);
  expect((await fetch(`http://127.0.0.1:${t.server.metricsPort}/healthz`)).status).toBe(404);
});

test('GraphQL operations are timed by name and outcome, and errors counted by code', async () => {
  const placed = await t.gql(NAMED_PLACE_ORDER, { input: orderInput() });
  expect(placed.body.data.placeOrder.userErrors).toEqual([]);
  // Wrong variable type: a GraphQL error with code BAD_USER_INPUT.
  const bad = await t.gql(NAMED_PLACE_ORDER, { input: { ...orderInput(), lines: 'none' } });
  expect(bad.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  const [{ n }] = await t.sql('select count(*)::int as n from "order"');
  expect(n).toBe(1);

  const text = await scrape();
  expect(
    sample(text, 'oms_graphql_operation_duration_seconds_count', {
      operation: 'placeOrder',
      type: 'mutation',
      outcome: 'ok',
    }),
  ).toBe(1);
  expect(
    sample(text, 'oms_graphql_operation_duration_seconds_count', {
      operation: 'placeOrder',
      outcome: 'BAD_USER_INPUT',
    }),
  ).toBe(1);
  expect(sample(text, 'oms_graphql_errors_total', { code: 'BAD_USER_INPUT' })).toBe(1);
  // The harness signs in with an unnamed operation.
  expect(
    sample(text, 'oms_graphql_operation_duration_seconds_count', { operation: 'anonymous', outcome: 'ok' }),
  ).toBeGreaterThanOrEqual(1);
  expect(
    sample(text, 'oms_http_request_duration_seconds_count', { method: 'POST', route: '/graphql', status: '200' }),
  ).toBeGreaterThanOrEqual(3);
});

test('HTTP requests are labelled with the route pattern, never the raw path with its id', async () => {
  const id = '0b9e6f0c-1d2e-4f3a-8b7c-6d5e4f3a2b1c';
  const res = await fetch(`${base()}/export/jobs/${id}/download`, { headers: { authorization: `Bearer ${t.token}` } });
  expect(res.status).toBe(404);
  await fetch(`${base()}/no-such-thing/${id}`, { headers: { accept: 'application/json' } });
  const text = await scrape();
  expect(
    sample(text, 'oms_http_request_duration_seconds_count', {
      method: 'GET',
      route: '/export/jobs/:id/download',
      status: '404',
    }),
  ).toBe(1);
  expect(text).not.toContain(id);
});

test('operation names are bounded: past 200 distinct names the rest count as "other"', async () => {
  // 25 at a time, without a token (no sign-in lookup): on a busy machine 205 requests in a row take long.
  for (let i = 0; i < 205; i += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, 205 - i) }, (_, j) =>
        t.gql(`query probe${i + j} { __typename }`, undefined, { token: null }),
      ),
    );
  }
  const text = await scrape();
  const names = labelValues(text, 'oms_graphql_operation_duration_seconds_count', 'operation');
  expect(names.size).toBeLessThanOrEqual(201);
  expect(names.has('other')).toBe(true);
  // Which names got the last places depends on arrival order; the cap does not.
  expect([...names].filter((n) => n.startsWith('probe')).length).toBeLessThan(205);
}, 180_000);

test('the database pool gauges show every pool', async () => {
  const text = await scrape();
  for (const pool of ['orm', 'jobs', 'export']) {
    expect(sample(text, 'oms_db_pool_connections', { pool })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'oms_db_pool_connections_in_use', { pool })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'oms_db_pool_waiting', { pool })).toBe(0);
  }
  expect(sample(text, 'oms_db_pool_max', { pool: 'orm' })).toBe(20);
  expect(sample(text, 'oms_db_pool_connections', { pool: 'orm' })).toBeGreaterThanOrEqual(1);
  // The jobs pool is open: pg-boss polls through it.
  expect(sample(text, 'oms_db_pool_connections', { pool: 'jobs' })).toBeGreaterThanOrEqual(1);
});

test('the WebSocket gauges go up with a connection and its subscription, and down when it closes', async () => {
  const before = await scrape();
  expect(sample(before, 'oms_ws_connections')).toBe(0);
  expect(sample(before, 'oms_ws_subscriptions')).toBe(0);
  const ws = t.ws();
  const sub = collect(ws, 'subscription { orderUpdated { order { id } } }', {}, 1, 30_000);
  await settle();
  await eventually('a connection and a subscription', async () => {
    const text = await scrape();
    return sample(text, 'oms_ws_connections') === 1 && sample(text, 'oms_ws_subscriptions') === 1 ? true : undefined;
  });
  sub.stop();
  await ws.dispose();
  await eventually('no connection left', async () => {
    const text = await scrape();
    return sample(text, 'oms_ws_connections') === 0 && sample(text, 'oms_ws_subscriptions') === 0 ? true : undefined;
  });
});

test('webhook deliveries are counted by outcome with their latency, as many as the attempts recorded', async () => {
  rx.script('/hook', [{ status: 500 }]);
  await createEndpoint(t, { url: rx.url('/hook'), eventTypes: ['order.placed'] });
  await t.q(NAMED_PLACE_ORDER, { input: orderInput() });
  await rx.waitFor('/hook', 2);
  await settled(t);
  const attempts = await t.sql(`select a.status_code from webhook_attempt a order by a.attempted_at`);
  expect(attempts.map((a) => a.status_code)).toEqual([500, 200]);
  const text = await scrape();
  expect(sample(text, 'oms_webhook_delivery_attempts_total', { outcome: 'retrying' })).toBe(1);
  expect(sample(text, 'oms_webhook_delivery_attempts_total', { outcome: 'delivered' })).toBe(1);
  expect(sample(text, 'oms_webhook_delivery_duration_seconds_count', { outcome: 'delivered' })).toBe(1);
  expect(sample(text, 'oms_webhook_delivery_duration_seconds_count', { outcome: 'retrying' })).toBe(1);
});

test('the event stream is connected and reports when it last published an update', async () => {
  const started = Date.now() / 1000;
  await t.q(NAMED_PLACE_ORDER, { input: orderInput() });
  const text = await eventually('a published update', async () => {
    const s = await scrape();
    return (sample(s, 'oms_event_stream_last_published_timestamp_seconds') ?? 0) >= started - 1 ? s : undefined;
  });
  expect(sample(text, 'oms_event_stream_connected')).toBe(1);
  expect(sample(text, 'oms_event_stream_lag_seconds')).toBeGreaterThanOrEqual(0);
});

test('with neither a token nor a port configured, /metrics is off (404)', async () => {
  const plain = await startTestServer();
  try {
    const res = await fetch(`${plain.url.replace(/\/graphql$/, '')}/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('oms_');
    expect(plain.server.metricsPort).toBeUndefined();
  } finally {
    await plain.stop();
  }
});

test("the metric table of docs/operations.md lists exactly the server's own metrics", async () => {
  const docs = fs.readFileSync(path.resolve(__dirname, '../../../docs/operations.md'), 'utf8');
  const section = docs.slice(docs.indexOf('## Monitoring'), docs.indexOf('## Faults'));
  const documented = [...section.matchAll(/^\| `(oms_\w+)` \|/gm)].map((m) => m[1]).sort();
  const defined = (await t.server.metrics.registry.getMetricsAsJSON())
    .map((m) => m.name)
    .filter((n) => n.startsWith('oms_'))
    .sort();
  expect(documented).toEqual(defined);
});
