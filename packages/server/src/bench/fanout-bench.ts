/**
 * `pnpm bench:fanout`: live updates (`orderUpdated`) to many subscribers of one or more server processes.
 *
 * For each run (`--runs 1000x1,10000x2`: subscribers x server processes; default `1000x1`):
 *  1. a fresh database (`oms_fanout_<random>` on DATABASE_URL's server, dropped at the end, or an
 *     embedded PostgreSQL in a temp dir) and P real server processes on it (fanout-server.ts, each
 *     createServer on its own port: the same database, as several hosts would run it);
 *  2. the subscribers, split evenly over the processes, each process's share from a client process
 *     of its own (fanout-clients.ts): one WebSocket connection and one channel subscription each,
 *     like the wall screen's (order with channel and customer, history entry);
 *  3. memory per idle subscriber: the server processes' RSS and heap (after GC) with every
 *     subscriber connected and idle, minus before they connected, divided by the subscribers;
 *  4. CHANGES (20) status changes of one order (hold, release, ...) over HTTP on the first process,
 *     one after the other: for each, the time from the mutation's HTTP response to each subscriber
 *     receiving it (every subscriber must receive every change, from whichever process it is on);
 *     p50, p99, max over all of them; and the SQL statements all servers ran per change (the
 *     mutation's included): they must not grow with the subscribers;
 *  5. load: LOAD_SECONDS (10) of placeOrder from LOAD_CLIENTS (16) HTTP clients round-robin over
 *     the processes, each order an update for every subscriber: orders/s, updates delivered/s,
 *     and each server process's peak RSS meanwhile (issue 13 goal 6: under 300 MB with 1,000 subscribers);
 *  6. one JSON line per figure on stdout (`{"figure":"fanout_p99_ms","value":...,"subscribers":1000,"processes":1}`);
 *     exit 1 when a subscriber missed a change, or in a run of at most 1,000 subscribers on one process
 *     when a goal is missed (p99 < 250 ms, < 50 KB RSS per idle
 *     subscriber, peak RSS < 300 MB per process).
 *
 * Options (argument or environment): --runs / BENCH_FANOUT_RUNS; or --subscribers / BENCH_SUBSCRIBERS
 * and --processes / BENCH_PROCESSES for one run; BENCH_CHANGES (20), BENCH_LOAD_SECONDS (10, 0: no
 * load phase), BENCH_LOAD_CLIENTS (16); BENCH_PROFILE_DIR: write each server's CPU profile of the
 * changes phase (.cpuprofile) and a heap snapshot of the idle phase there; BENCH_SERVER_NODE_ARGS: Node
 * options for the server processes (e.g. `--max-old-space-size=384`); DATABASE_URL.
 */
import 'reflect-metadata';
import { ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../config/embedded-postgres';
import type { ClientsReply, ClientsRequest } from './fanout-clients';
import type { ServerReply, ServerRequest } from './fanout-server';
import { percentile } from './stats';

function option(name: string, env: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (eq) return eq.slice(name.length + 3);
  return process.env[env] ?? fallback;
}

const RUNS: { subscribers: number; processes: number }[] = (() => {
  const single = option('subscribers', 'BENCH_SUBSCRIBERS', '') || option('processes', 'BENCH_PROCESSES', '');
  const text = single
    ? `${option('subscribers', 'BENCH_SUBSCRIBERS', '1000')}x${option('processes', 'BENCH_PROCESSES', '1')}`
    : option('runs', 'BENCH_FANOUT_RUNS', '1000x1');
  return text.split(',').map((r) => {
    const [s, p] = r.trim().split('x').map(Number);
    if (!(s > 0) || !(p > 0)) throw new Error(`--runs: "${r}" is not <subscribers>x<processes>`);
    return { subscribers: s, processes: p };
  });
})();
const CHANGES = Number(process.env.BENCH_CHANGES ?? 20);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const LOAD_CLIENTS = Number(process.env.BENCH_LOAD_CLIENTS ?? 16);
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
/** Extra Node options for the server processes only, e.g. `--max-old-space-size=384`. */
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const GOAL_P99_MS = 250;
const GOAL_BYTES_PER_IDLE = 50 * 1024;
const GOAL_RSS_BYTES = 300 * 1024 * 1024;
const ADMIN = { email: 'fanout-bench@bench.example', password: randomBytes(12).toString('hex') };
const SUBSCRIPTION = `subscription { orderUpdated(channelCode: "WEB") {
  eventId order { id number status placedAt total { amount currency } channel { id code } customer { id name email } }
  event { id type fromStatus toStatus at } } }`;

const t0 = performance.now();
const say = (msg: string) =>
  process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(6)}s] ${msg}\n`);
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
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

/** A child process driven by request/reply over IPC, one request at a time. */
class Child<Req, Rep> {
  private readonly replies: ((r: Rep) => void)[] = [];
  readonly proc: ChildProcess;

  constructor(file: string, execArgv: string[]) {
    this.proc = fork(path.join(__dirname, `${file}${path.extname(__filename)}`), [], {
      execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.proc.on('message', (r: Rep) => this.replies.shift()?.(r));
    this.proc.on('exit', (code) => {
      if (code) say(`${file} exited with ${code}`);
    });
    cleanups.push(async () => this.proc.kill());
  }

  ask<R extends Rep = Rep>(m: Req): Promise<R> {
    return new Promise<R>((resolve) => {
      this.replies.push(resolve as (r: Rep) => void);
      this.proc.send(m as object);
    });
  }
}

type Server = Child<ServerRequest, ServerReply> & { url?: string; wsUrl?: string };
type Clients = Child<ClientsRequest, ClientsReply>;
type Seen = Extract<ClientsReply, { type: 'seen' }>;
type Mem = Extract<ServerReply, { type: 'memory' }>;

async function runOnce(
  subscribers: number,
  processes: number,
  emit: (figure: string, value: number, unit: string, extra?: object) => void,
): Promise<boolean> {
  const databaseUrl = await scratchDatabase();
  const plainArgv = process.execArgv.filter((a) => a !== '--expose-gc');
  const servers: Server[] = [];
  for (let i = 0; i < processes; i++) {
    const s: Server = new Child<ServerRequest, ServerReply>('fanout-server', [
      ...plainArgv,
      '--expose-gc',
      ...SERVER_NODE_ARGS,
    ]);
    // One at a time: the first migrates and creates the admin, the others find it done.
    const started = await s.ask<Extract<ServerReply, { type: 'started' }>>({ cmd: 'start', databaseUrl, admin: ADMIN });
    Object.assign(s, { url: started.url, wsUrl: started.wsUrl });
    servers.push(s);
    cleanups.push(() => Promise.race([s.ask({ cmd: 'stop' }), sleep(15_000)]));
  }
  say(`${processes} server process(es) up`);
  let token = '';
  let next = 0;
  /** The first field's payload of a mutation; T is what the caller selects of it besides userErrors. */
  const gql = async <T = unknown>(
    query: string,
    variables: Record<string, unknown> = {},
    url = servers[0].url!,
  ): Promise<T> => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data: Record<string, unknown>; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    const payload = Object.values(body.data)[0] as (T & { userErrors?: unknown[] }) | null;
    if (payload?.userErrors?.length) throw new Error(JSON.stringify(payload.userErrors));
    return payload as T;
  };
  token = (
    await gql<{ token: string }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token userErrors { code message } } }',
      { e: ADMIN.email, p: ADMIN.password },
    )
  ).token;
  await gql(
    'mutation { createChannel(input: { code: "WEB", name: "Web", currency: "EUR" }) { userErrors { code message } } }',
  );
  await gql(
    'mutation { createWarehouse(input: { code: "WH1", name: "Main", priority: 1 }) { userErrors { code message } } }',
  );
  await gql(
    'mutation { upsertProduct(input: { sku: "SKU-1", name: "Widget", price: 1250, currency: "EUR" }) { userErrors { code message } } }',
  );
  await gql(
    'mutation { adjustStock(input: { sku: "SKU-1", warehouseCode: "WH1", delta: 1000000, reason: "bench" }) { userErrors { code message } } }',
  );
  let orders = 0;
  const place = async (url?: string) => {
    const n = ++orders;
    return (
      await gql<{ order: { id: string; history: { id: string }[] } }>(
        `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { order { id history { id } } userErrors { code message } } }`,
        {
          i: {
            channelCode: 'WEB',
            externalId: `FAN-${n}`,
            customer: { email: `c${n % 500}@example.com`, name: `Customer ${n % 500}` },
            shippingAddress: { name: 'C', line1: '1 Street', city: 'Berlin', postalCode: '10115', country: 'DE' },
            lines: [{ sku: 'SKU-1', quantity: 1 }],
          },
        },
        url,
      )
    ).order;
  };
  const memoryOf = async () => Promise.all(servers.map((s) => s.ask<Mem>({ cmd: 'memory' })));
  const sum = (ms: Mem[], k: 'rss' | 'heap') => ms.reduce((a, m) => a + m[k], 0);
  const cpu = async () =>
    (await Promise.all(servers.map((s) => s.ask<Extract<ServerReply, { type: 'cpu' }>>({ cmd: 'cpu' })))).reduce(
      (a, r) => a + r.micros,
      0,
    );
  const statements = async () =>
    (
      await Promise.all(servers.map((s) => s.ask<Extract<ServerReply, { type: 'statements' }>>({ cmd: 'statements' })))
    ).reduce((a, r) => a + r.n, 0);

  const before = await memoryOf();
  const clients: Clients[] = servers.map(() => new Child<ClientsRequest, ClientsReply>('fanout-clients', plainArgv));
  const shares = servers.map((_, i) => Math.floor(subscribers / processes) + (i < subscribers % processes ? 1 : 0));
  say(`connecting ${subscribers} subscribers (${shares.join(' + ')})`);
  const connectStart = now();
  await Promise.all(
    clients.map((c, i) =>
      c.ask({ cmd: 'connect', wsUrl: servers[i].wsUrl!, token, n: shares[i], query: SUBSCRIPTION }),
    ),
  );
  /** Waits for every subscriber of every process to have the history entry; the arrival times. */
  const seen = async (historyId: string, timeoutMs: number) => {
    const replies = await Promise.all(clients.map((c) => c.ask<Seen>({ cmd: 'seen', historyId, timeoutMs })));
    const endings: Record<string, number> = {};
    for (const r of replies) for (const [k, n] of Object.entries(r.endings ?? {})) endings[k] = (endings[k] ?? 0) + n;
    return { times: replies.flatMap((r) => r.times), errors: replies.reduce((a, r) => a + r.errors, 0), endings };
  };
  // Subscribing has no acknowledgement: orders are placed until every subscriber has received one.
  for (;;) {
    const o = await place();
    const got = await seen(o.history[0].id, 5000 + subscribers);
    if (got.times.length === subscribers) break;
    say(`${got.times.length} of ${subscribers} subscribed (${got.errors} connections opened again so far)`);
  }
  const connectSeconds = (now() - connectStart) / 1000;
  await sleep(2000);
  const idle = await memoryOf();
  if (PROFILE_DIR) {
    fs.mkdirSync(PROFILE_DIR, { recursive: true });
    for (const [i, s] of servers.entries())
      await s.ask({
        cmd: 'heapSnapshot',
        file: path.join(PROFILE_DIR, `fanout-idle-${subscribers}x${processes}-p${i}.heapsnapshot`),
      });
  }
  const { errors, endings } = await seen('none', 0);
  say(
    `subscribed in ${connectSeconds.toFixed(1)} s; ${errors} connections had to be opened again${errors ? ` (closed with ${JSON.stringify(endings)})` : ''}`,
  );
  emit(
    'fanout_idle_rss_bytes_per_subscriber',
    Math.round((sum(idle, 'rss') - sum(before, 'rss')) / subscribers),
    'bytes',
    { goal: GOAL_BYTES_PER_IDLE },
  );
  emit(
    'fanout_idle_heap_bytes_per_subscriber',
    Math.round((sum(idle, 'heap') - sum(before, 'heap')) / subscribers),
    'bytes',
  );
  emit('fanout_idle_rss_mb', +(Math.max(...idle.map((m) => m.rss)) / 2 ** 20).toFixed(1), 'MB', {
    note: 'largest server process',
  });
  emit('fanout_subscribe_seconds', +connectSeconds.toFixed(1), 's');

  const order = await place();
  await seen(order.history[0].id, 30_000);
  await gql('mutation($id: ID!) { confirmOrder(id: $id) { userErrors { code message } } }', { id: order.id });
  await sleep(1000);
  if (PROFILE_DIR) for (const s of servers) await s.ask({ cmd: 'profileStart' });
  const latencies: number[] = [];
  const perChange: number[] = [];
  let changeCpu = 0;
  let missing = 0;
  for (let i = 0; i < CHANGES; i++) {
    const mutation =
      i % 2 === 0
        ? 'mutation($id: ID!) { holdOrder(id: $id, reason: "bench") { order { history { id } } userErrors { code message } } }'
        : 'mutation($id: ID!) { releaseOrderHold(id: $id) { order { history { id } } userErrors { code message } } }';
    const startCount = await statements();
    const startCpu = await cpu();
    const res = await gql<{ order: { history: { id: string }[] } }>(mutation, { id: order.id });
    const answered = now();
    const historyId = res.order.history.at(-1)!.id;
    const got = await seen(historyId, 30_000);
    changeCpu += (await cpu()) - startCpu;
    perChange.push((await statements()) - startCount);
    missing += subscribers - got.times.length;
    for (const t of got.times) latencies.push(Math.max(0, t - answered));
    const sorted = got.times.map((t) => t - answered).sort((a, b) => a - b);
    say(
      `change ${i + 1}: ${got.times.length} received, first ${sorted[0]?.toFixed(1)} ms, p50 ${percentile(sorted, 50).toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms, ${perChange.at(-1)} statements`,
    );
    await sleep(200);
  }
  if (PROFILE_DIR)
    for (const [i, s] of servers.entries())
      await s.ask({
        cmd: 'profileStop',
        file: path.join(PROFILE_DIR, `fanout-changes-${subscribers}x${processes}-p${i}.cpuprofile`),
      });
  latencies.sort((a, b) => a - b);
  const p99 = percentile(latencies, 99);
  emit('fanout_p50_ms', +percentile(latencies, 50).toFixed(1), 'ms', { changes: CHANGES });
  emit('fanout_p99_ms', +p99.toFixed(1), 'ms', { changes: CHANGES, goal: GOAL_P99_MS });
  emit('fanout_max_ms', +(latencies.at(-1) ?? NaN).toFixed(1), 'ms', { changes: CHANGES });
  emit('fanout_server_cpu_ms_per_change', +(changeCpu / CHANGES / 1000).toFixed(1), 'ms', {
    note: 'all processes: the mutation, the stream, every subscriber',
  });
  const after = await seen('none', 0);
  emit('fanout_missed_updates', missing, 'updates', { reconnections: after.errors - errors });
  emit('fanout_statements_per_change', Math.max(...perChange), 'statements', {
    min: Math.min(...perChange),
    note: 'all processes, the mutation included',
  });

  let peakRss = 0;
  if (LOAD_SECONDS > 0) {
    const start = await Promise.all(
      clients.map((c) => c.ask<Extract<ClientsReply, { type: 'count' }>>({ cmd: 'count', record: false })),
    );
    await Promise.all(servers.map((s) => s.ask({ cmd: 'peakStart' })));
    const ordersBefore = orders;
    const until = now() + LOAD_SECONDS * 1000;
    const loadStart = now();
    await Promise.all(
      Array.from({ length: LOAD_CLIENTS }, async () => {
        while (now() < until) await place(servers[next++ % servers.length].url);
      }),
    );
    const loadSeconds = (now() - loadStart) / 1000;
    const placed = orders - ordersBefore;
    // Until every subscriber has had every order placed (or 60 s): what the servers hold while they catch up counts too.
    const expected = placed * subscribers;
    const received = async () =>
      (
        await Promise.all(
          clients.map((c) => c.ask<Extract<ClientsReply, { type: 'count' }>>({ cmd: 'count', record: false })),
        )
      ).reduce((a, r) => a + r.received, 0);
    const base = start.reduce((a, r) => a + r.received, 0);
    const deadline = now() + 60_000;
    let delivered = 0;
    while ((delivered = (await received()) - base) < expected && now() < deadline) await sleep(100);
    const drainSeconds = (now() - loadStart) / 1000;
    const peaks = await Promise.all(
      servers.map((s) => s.ask<Extract<ServerReply, { type: 'peak' }>>({ cmd: 'peakStop' })),
    );
    peakRss = Math.max(...peaks.map((p) => p.rss));
    const top = peaks.find((p) => p.rss === peakRss)?.atPeak;
    const mb = (n = 0) => +(n / 2 ** 20).toFixed(1);
    if (top)
      say(
        `peak RSS ${mb(top.rss)} MB: V8 heap ${mb(top.heapUsed)} used of ${mb(top.heapTotal)} MB, external ${mb(top.external)} MB (array buffers ${mb(top.arrayBuffers)} MB), the rest native`,
      );
    await Promise.all(clients.map((c) => c.ask({ cmd: 'count', record: true })));
    say(
      `load: ${placed} orders in ${loadSeconds.toFixed(1)} s, ${delivered} of ${expected} updates delivered in ${drainSeconds.toFixed(1)} s`,
    );
    emit('fanout_load_orders_per_s', +(placed / loadSeconds).toFixed(1), 'orders/s', {
      clients: LOAD_CLIENTS,
      seconds: LOAD_SECONDS,
    });
    emit('fanout_load_updates_per_s', Math.round(delivered / drainSeconds), 'updates/s', { expected, delivered });
    emit('fanout_load_peak_rss_mb', +(peakRss / 2 ** 20).toFixed(1), 'MB', {
      goal: 300,
      note: 'largest server process',
    });
    emit('fanout_load_peak_heap_mb', +(Math.max(...peaks.map((p) => p.heap)) / 2 ** 20).toFixed(1), 'MB', {
      note: 'largest server process',
    });
    if (delivered < expected) missing += expected - delivered;
  }
  await Promise.all(clients.map((c) => c.ask({ cmd: 'close' })));
  while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
  const rssPerIdle = (sum(idle, 'rss') - sum(before, 'rss')) / subscribers;
  // The latency and memory goals are set for 1,000 subscribers on one process; bigger runs are
  // measured and reported against them, and fail only when an update went missing.
  if (subscribers > 1000 || processes > 1) return missing === 0;
  return (
    missing === 0 && p99 < GOAL_P99_MS && rssPerIdle < GOAL_BYTES_PER_IDLE && (!peakRss || peakRss < GOAL_RSS_BYTES)
  );
}

async function main() {
  let ok = true;
  for (const { subscribers, processes } of RUNS) {
    say(`run: ${subscribers} subscribers on ${processes} server process(es)`);
    const emit = (figure: string, value: number, unit: string, extra: object = {}) =>
      process.stdout.write(`${JSON.stringify({ figure, value, unit, subscribers, processes, ...extra })}\n`);
    ok = (await runOnce(subscribers, processes, emit)) && ok;
  }
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
