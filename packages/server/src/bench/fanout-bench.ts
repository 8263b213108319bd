/**
 * `pnpm bench:fanout`: live updates to many subscribers of one server process.
 *
 *  1. a fresh database (`oms_fanout_<random>` on DATABASE_URL's server, dropped at the end, or an
 *     embedded PostgreSQL in a temp dir) and the real server (createServer) on a free port;
 *  2. BENCH_SUBSCRIBERS (1000) WebSocket connections in a child process (fanout-clients.ts), each
 *     with one channel subscription like the wall screen's (order, channel, customer, event);
 *  3. memory per idle subscriber: the server process's RSS and heap (after GC) with every
 *     subscriber connected and idle, minus before, divided by the subscribers;
 *  4. BENCH_CHANGES (20) status changes of one order (hold, release, ...) over HTTP, one after the
 *     other: for each, the time from the mutation's HTTP response to each subscriber receiving it
 *     (every subscriber must receive every change); p50, p99, max over all of them; and the SQL
 *     statements the server ran per change (the mutation's included);
 *  5. JSON lines on stdout; exit 1 when a goal is missed (p99 < 250 ms, < 50 KB per idle subscriber).
 *
 * Environment: DATABASE_URL, BENCH_SUBSCRIBERS (1000), BENCH_CHANGES (20).
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../config/embedded-postgres';
import { createServer } from '../server';
import type { ClientsReply, ClientsRequest } from './fanout-clients';
import { percentile } from './stats';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 20);
const GOAL_P99_MS = 250;
const GOAL_BYTES_PER_IDLE = 50 * 1024;
const ADMIN = { email: 'fanout-bench@bench.example', password: randomBytes(12).toString('hex') };
const SUBSCRIPTION = `subscription { orderUpdated(channelCode: "WEB") {
  eventId order { id number status placedAt total { amount currency } channel { id code } customer { id name email } }
  event { id type fromStatus toStatus at } } }`;

const t0 = performance.now();
const say = (msg: string) => process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(6)}s] ${msg}\n`);
const out = (o: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(o)}\n`);
const now = () => performance.timeOrigin + performance.now();
const cleanups: (() => Promise<unknown>)[] = [];

async function scratchDatabase(): Promise<string> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `oms_fanout_${randomBytes(5).toString('hex')}`;
    const admin = new Client({ connectionString: external });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
    cleanups.push(async () => {
      const a = new Client({ connectionString: external });
      await a.connect();
      await a.query(`drop database if exists "${name}" with (force)`).finally(() => a.end());
    });
    const u = new URL(external);
    u.pathname = `/${name}`;
    return u.toString();
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-fanout-bench-'));
  fs.chmodSync(dir, 0o755);
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  const db = await startEmbeddedPostgres(dir);
  cleanups.push(() => db.stop());
  return db.url;
}

function memory() {
  for (let i = 0; i < 3; i++) global.gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed + m.external + m.arrayBuffers };
}

async function main() {
  if (!global.gc) say('run with node --expose-gc for the memory figures (pnpm bench:fanout does)');
  const databaseUrl = await scratchDatabase();
  let statements = 0;
  const server = await createServer({
    config: { port: 0, logLevel: 'warn', sessionTtlSeconds: 3600, bodyLimit: '1mb', corsOrigins: [], rateLimitRequests: 0, maxConnectionsPerActor: 100_000 },
    databaseUrl, host: '127.0.0.1', admin: ADMIN, seed: 'none', onQuery: () => statements++,
  });
  cleanups.push(() => server.stop());
  let token = '';
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as any;
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    const payload = Object.values(body.data)[0] as any;
    if (payload?.userErrors?.length) throw new Error(JSON.stringify(payload.userErrors));
    return payload;
  };
  token = (await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token userErrors { code message } } }', { e: ADMIN.email, p: ADMIN.password })).token;
  await gql('mutation { createChannel(input: { code: "WEB", name: "Web", currency: "EUR" }) { userErrors { code message } } }');
  await gql('mutation { createWarehouse(input: { code: "WH1", name: "Main", priority: 1 }) { userErrors { code message } } }');
  await gql('mutation { upsertProduct(input: { sku: "SKU-1", name: "Widget", price: 1250, currency: "EUR" }) { userErrors { code message } } }');
  await gql('mutation { adjustStock(input: { sku: "SKU-1", warehouseCode: "WH1", delta: 100000, reason: "bench" }) { userErrors { code message } } }');
  const place = async (n: number) => (await gql(`mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { order { id history { id } } userErrors { code message } } }`, {
    i: { channelCode: 'WEB', externalId: `FAN-${n}`, customer: { email: `c${n}@example.com`, name: `Customer ${n}` },
      shippingAddress: { name: 'C', line1: '1 Street', city: 'Berlin', postalCode: '10115', country: 'DE' }, lines: [{ sku: 'SKU-1', quantity: 1 }] },
  })).order as { id: string; history: { id: string }[] };

  const before = memory();
  const child = fork(path.join(__dirname, `fanout-clients${path.extname(__filename)}`), [], { execArgv: process.execArgv.filter((a) => a !== '--expose-gc'), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  cleanups.push(async () => child.kill());
  const replies: ((r: ClientsReply) => void)[] = [];
  child.on('message', (r: ClientsReply) => replies.shift()?.(r));
  const ask = (m: ClientsRequest) => new Promise<ClientsReply>((resolve) => {
    replies.push(resolve);
    child.send(m);
  });
  say(`connecting ${SUBSCRIBERS} subscribers`);
  await ask({ cmd: 'connect', wsUrl: server.wsUrl, token, n: SUBSCRIBERS, query: SUBSCRIPTION });
  // Subscribing has no acknowledgement: orders are placed until every subscriber has received one.
  let orders = 0;
  for (;;) {
    const o = await place(++orders);
    const seen = (await ask({ cmd: 'seen', historyId: o.history[0].id, timeoutMs: 5000 })) as Extract<ClientsReply, { type: 'seen' }>;
    if (seen.times.length === SUBSCRIBERS) break;
    say(`${seen.times.length} of ${SUBSCRIBERS} subscribed`);
  }
  await new Promise((r) => setTimeout(r, 2000));
  const idle = memory();
  const stats = await ask({ cmd: 'seen', historyId: 'none', timeoutMs: 0 }) as Extract<ClientsReply, { type: 'seen' }>;
  say(`subscribed; ${stats.errors} connections had to be opened again`);
  out({
    metric: 'idle_subscriber_memory', subscribers: SUBSCRIBERS,
    rssBytesPerSubscriber: Math.round((idle.rss - before.rss) / SUBSCRIBERS), heapBytesPerSubscriber: Math.round((idle.heap - before.heap) / SUBSCRIBERS),
    goalBytes: GOAL_BYTES_PER_IDLE,
  });

  const order = await place(++orders);
  await ask({ cmd: 'seen', historyId: order.history[0].id, timeoutMs: 30_000 });
  await gql('mutation($id: ID!) { confirmOrder(id: $id) { userErrors { code message } } }', { id: order.id });
  await new Promise((r) => setTimeout(r, 1000));
  const latencies: number[] = [];
  const perChange: number[] = [];
  let missing = 0;
  for (let i = 0; i < CHANGES; i++) {
    const mutation = i % 2 === 0
      ? 'mutation($id: ID!) { holdOrder(id: $id, reason: "bench") { order { history { id } } userErrors { code message } } }'
      : 'mutation($id: ID!) { releaseOrderHold(id: $id) { order { history { id } } userErrors { code message } } }';
    const startCount = statements;
    const res = await gql(mutation, { id: order.id });
    const answered = now();
    const historyId = res.order.history.at(-1).id as string;
    const seen = (await ask({ cmd: 'seen', historyId, timeoutMs: 30_000 })) as Extract<ClientsReply, { type: 'seen' }>;
    perChange.push(statements - startCount);
    missing += SUBSCRIBERS - seen.times.length;
    for (const t of seen.times) latencies.push(Math.max(0, t - answered));
    const sorted = seen.times.map((t) => t - answered).sort((a, b) => a - b);
    say(`change ${i + 1}: ${seen.times.length} received, p50 ${percentile(sorted, 50).toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms, ${perChange.at(-1)} statements`);
    await new Promise((r) => setTimeout(r, 200));
  }
  latencies.sort((a, b) => a - b);
  const p99 = percentile(latencies, 99);
  out({
    metric: 'fanout_latency_ms', subscribers: SUBSCRIBERS, changes: CHANGES, deliveries: latencies.length, missing,
    p50: +percentile(latencies, 50).toFixed(1), p99: +p99.toFixed(1), max: +(latencies.at(-1) ?? NaN).toFixed(1), goalP99: GOAL_P99_MS,
  });
  out({ metric: 'statements_per_change', subscribers: SUBSCRIBERS, min: Math.min(...perChange), max: Math.max(...perChange) });
  await ask({ cmd: 'close' });
  const ok = missing === 0 && p99 < GOAL_P99_MS && (!global.gc || (idle.rss - before.rss) / SUBSCRIBERS < GOAL_BYTES_PER_IDLE);
  return ok;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
    process.exit(130);
  });
}

main()
  .then(async (ok) => {
    while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
    process.exit(ok ? 0 : 1);
  })
  .catch(async (err) => {
    say(`failed: ${(err as Error).stack ?? err}`);
    while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
    process.exit(1);
  });
