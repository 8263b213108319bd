/**
 * `pnpm bench`: throughput and latency of the real server on a fresh database, in one run.
 *
 *  1. a fresh database: `oms_bench_<random>` on DATABASE_URL's server (dropped at the end), or an
 *     embedded PostgreSQL in a temp dir (stopped and removed at the end); the real server
 *     (createServer) in this process on a free port, signed in over HTTP;
 *  2. setup: channel WEB (EUR) and 3 warehouses through the API; 1,000 products and their stock
 *     with SQL;
 *  3. placeOrder over HTTP from N concurrent keep-alive clients (default 16) for BENCH_SECONDS
 *     after a warm-up, the clients in a child process (load-worker.ts): orders/s, p50/p99, the
 *     server's CPU per order (process.cpuUsage of this process, which only serves), RSS;
 *  4. the floors: the same statements straight through `pg` (Pool max N), and through
 *     `pgbench -M prepared` when pgbench is installed (pgbench.ts), same duration
 *     (3 and 4 run in alternating rounds);
 *  5. the orders list over 100,000 bulk-loaded orders: latency and SQL statements per request;
 *  6. a summary block for the README.
 *
 * Environment: DATABASE_URL, BENCH_SECONDS (15, measured per path), BENCH_WARMUP_SECONDS (10: V8 optimizes the hot path for the first seconds of load),
 * BENCH_ROUNDS (3: server and floor alternate in rounds, so other load on the machine hits both
 * alike), BENCH_CONCURRENCY (16), BENCH_PRODUCTS (1000), BENCH_CUSTOMERS (5000), BENCH_BULK_ORDERS (100000),
 * BENCH_LIST_REQUESTS (300), BENCH_LIST_PAGES (100), BENCH_CLIENT (http, the default: node:http with keep-alive, cheaper per request than fetch | fetch), BENCH_SEED,
 * BENCH_BREAKDOWN (150 sequential requests per CPU-breakdown row; 0 skips it),
 * BENCH_TRACE=1 (print the SQL of one placeOrder and one list request),
 * BENCH_AUTH (apiKey, the default: the load uses a partner API key for channel WEB, as a sales channel does | session),
 * BENCH_STRICT=1 (exit 2 when a goal is missed), BENCH_TIMEOUT_SECONDS (600), BENCH_PGBENCH=0 (skip pgbench),
 * BENCH_PROFILE=<dir> (a V8 CPU profile of this process during the measured server rounds only,
 * written to <dir>/server-round-<n>.cpuprofile; summarise it with `node dist/bench/profile-summary.js <file>`).
 * Besides the tables, one JSON line per figure on stdout: {"figure":"place_order_per_s","value":...,"unit":...}.
 * Exit code: 0 ok; 1 when anything failed (a request error, a userError, a wrong result).
 */
import 'reflect-metadata';
import { Client, Pool } from 'pg';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { stripVTControlCharacters } from 'node:util';
import { startEmbeddedPostgres } from '../config/embedded-postgres';
import { createServer, RunningServer } from '../server';
import { ClientKind, gqlClient, GqlClient } from './client';
import { loadCatalog, loadOrders, skuOf } from './data';
import { floorCounter, FloorOrder, placeOrderFloor } from './floor';
import { combine, LatencySummary, LoadResult, mb, ms, prng, summarize, table, timeSequential } from './stats';
import { fork } from 'node:child_process';
import { Profiler, Session } from 'node:inspector';
import type { LoadRequest, LoadWorkerData } from './load-worker';
import { findPgbench, pgbenchScript, PgbenchResult, runPgbench } from './pgbench';
import { postgresCpuMs } from './postgres-cpu';
import {
  LOAD_WORKER_DATA,
  floorInput as toFloorInput,
  orderInput as makeOrderInput,
  OrderInput,
  placeViaApi as placeOneViaApi,
  Rng,
} from './orders';

// ---------------------------------------------------------------------------------------------
// Settings

function intEnv(name: string, fallback: number, min = 0): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number >= ${min}, got "${raw}"`);
  return n;
}

const S = {
  seconds: intEnv('BENCH_SECONDS', 15, 1),
  warmup: intEnv('BENCH_WARMUP_SECONDS', 10, 0),
  rounds: Math.floor(intEnv('BENCH_ROUNDS', 3, 1)),
  breakdown: Math.floor(intEnv('BENCH_BREAKDOWN', 150, 0)),
  concurrency: Math.floor(intEnv('BENCH_CONCURRENCY', 16, 1)),
  products: Math.floor(intEnv('BENCH_PRODUCTS', 1000, 3)),
  customers: Math.floor(intEnv('BENCH_CUSTOMERS', 5000, 1)),
  bulkOrders: Math.floor(intEnv('BENCH_BULK_ORDERS', 100_000, 1000)),
  bulkCustomers: 20_000,
  listRequests: Math.floor(intEnv('BENCH_LIST_REQUESTS', 300, 1)),
  listPages: Math.floor(intEnv('BENCH_LIST_PAGES', 100, 1)),
  pageSizeRequests: 30,
  auth: (process.env.BENCH_AUTH === 'session' ? 'session' : 'apiKey') as 'session' | 'apiKey',
  client: (process.env.BENCH_CLIENT === 'fetch' ? 'fetch' : 'http') as ClientKind,
  seed: Math.floor(intEnv('BENCH_SEED', 42)),
  trace: process.env.BENCH_TRACE === '1',
  strict: process.env.BENCH_STRICT === '1',
  timeout: intEnv('BENCH_TIMEOUT_SECONDS', 600, 10),
  onHand: 1_000_000,
  profileDir: process.env.BENCH_PROFILE || undefined,
};

const GOAL_RATIO = 0.6;
const GOAL_LIST_P99_MS = 100;
const ADMIN = { email: 'bench-admin@bench.example', password: randomBytes(12).toString('hex') };

const LIST_ORDERS = `query($first: Int, $after: String) {
  orders(first: $first, after: $after, filter: { status: [CONFIRMED] }) {
    edges { node { id number status total { amount } customer { email name } lines { sku quantity unitPrice { amount } } } }
    pageInfo { endCursor hasNextPage }
  }
}`;
interface ListOrdersData {
  orders: {
    edges: {
      node: {
        id: string;
        number: string;
        status: string;
        total: { amount: number };
        customer: { email: string; name: string | null } | null;
        lines: { sku: string; quantity: number; unitPrice: { amount: number } }[];
      };
    }[];
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };
}

// ---------------------------------------------------------------------------------------------
// Output: results on stdout, progress on stderr (so `pnpm bench > results.md` stays clean).

const t00 = performance.now();
const progress = (msg: string) =>
  process.stderr.write(`[${((performance.now() - t00) / 1000).toFixed(1).padStart(6)}s] ${msg}\n`);
const out = (s = '') => process.stdout.write(`${s}\n`);

let failed = false;
const problems: string[] = [];
function problem(msg: string) {
  failed = true;
  problems.push(msg);
  progress(`FAILED: ${msg}`);
}

// ---------------------------------------------------------------------------------------------
// Cleanup: everything started is stopped in reverse order, on success, failure, signal or timeout.

const cleanups: { name: string; fn: () => Promise<unknown> }[] = [];
let cleaning: Promise<void> | undefined;
let shuttingDown = false;
function cleanup(): Promise<void> {
  shuttingDown = true;
  cleaning ??= (async () => {
    while (cleanups.length) {
      const { name, fn } = cleanups.pop()!;
      try {
        await fn();
      } catch (e) {
        problem(`cleanup (${name}): ${(e as Error).message}`);
      }
    }
  })();
  return cleaning;
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const loadAtStart = os.loadavg();

  // 1. A fresh database and the real server.
  let databaseUrl: string;
  let mode: string;
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `oms_bench_${randomBytes(5).toString('hex')}`;
    const admin = new Client({ connectionString: external });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
    cleanups.push({
      name: `drop database ${name}`,
      fn: async () => {
        const a = new Client({ connectionString: external });
        await a.connect();
        try {
          await a.query(`drop database if exists "${name}" with (force)`);
        } finally {
          await a.end();
        }
      },
    });
    databaseUrl = withDatabase(external, name);
    mode = `DATABASE_URL (${new URL(external).host}, database ${name}, dropped at the end)`;
    progress(`created database ${name} on ${new URL(external).host}`);
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-bench-'));
    fs.chmodSync(dir, 0o755); // the embedded PostgreSQL runs as a created `postgres` user
    cleanups.push({ name: `remove ${dir}`, fn: async () => fs.rmSync(dir, { recursive: true, force: true }) });
    progress(`starting embedded PostgreSQL in ${dir}`);
    const db = await startEmbeddedPostgres(dir);
    cleanups.push({ name: 'stop embedded PostgreSQL', fn: () => db.stop() });
    databaseUrl = db.url;
    mode = `embedded PostgreSQL (temp dir, port ${new URL(db.url).port}, removed at the end)`;
    progress(`embedded PostgreSQL up at ${new URL(db.url).host}`);
  }

  let statements = 0;
  let trace: string[] | undefined;
  const server: RunningServer = await createServer({
    // Rate limiting stays on (every request pays for its counter) with a budget the load never reaches.
    config: {
      port: 0,
      logLevel: 'warn',
      sessionTtlSeconds: 3600,
      bodyLimit: '1mb',
      corsOrigins: [],
      rateLimitRequests: 1_000_000_000,
    },
    databaseUrl,
    host: '127.0.0.1',
    admin: ADMIN,
    seed: 'none',
    poolSize: 20,
    // MikroORM's query log lines look like "[query] select ..." (with ANSI colours unless NO_COLOR).
    onQuery: (msg) => {
      // Background work (event dispatch, jobs) logs as "[query] (background)": not part of a request.
      const plain = stripVTControlCharacters(msg);
      if (plain.startsWith('[query]') && !msg.includes('(background)')) {
        statements++;
        trace?.push(plain);
      }
    },
  });
  cleanups.push({ name: 'stop server', fn: () => server.stop() });
  progress(`server up at ${server.url} (migrations applied)`);

  const api: GqlClient = gqlClient(server.url, S.client, S.concurrency * 2);
  cleanups.push({ name: 'close HTTP agent', fn: async () => api.close() });
  const login = await api.must<{ login: { token: string | null } }>(
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: ADMIN.email, p: ADMIN.password },
  );
  if (!login.login.token) throw new Error('login returned no token');
  api.setToken(login.login.token);

  // No statement of the benchmark's own runs for ever: one that hangs fails the run after 10
  // minutes, and one left behind by a killed run is ended by PostgreSQL.
  const STATEMENT_TIMEOUT_MS = 600_000;
  const pool = new Pool({ connectionString: databaseUrl, max: S.concurrency, statement_timeout: STATEMENT_TIMEOUT_MS });
  // An idle client may be told to go away while shutting down (drop database ... with (force)).
  pool.on('error', (e) => {
    if (!shuttingDown) problem(`pg pool: ${e.message}`);
  });
  cleanups.push({ name: 'close pg pool', fn: () => pool.end() });
  const pgVersion: string = (await pool.query('select version()')).rows[0].version;
  const pgSettings = Object.fromEntries(
    (
      await pool.query<{ name: string; setting: string; unit: string | null }>(
        `select name, setting, unit from pg_settings where name in ('shared_buffers', 'synchronous_commit', 'fsync', 'max_connections')`,
      )
    ).rows.map((r) => [r.name, r.unit === '8kB' ? mb(Number(r.setting) * 8192) : r.setting]),
  );

  // 2. Setup: channel and warehouses through the API, the catalog and its stock with SQL.
  const channel = await api.must<{
    createChannel: { channel: { id: string }; userErrors: { message: string }[] };
  }>(
    `mutation { createChannel(input: { code: "WEB", name: "Web shop", currency: "EUR" }) { channel { id } userErrors { message } } }`,
  );
  if (channel.createChannel.userErrors.length)
    throw new Error(`createChannel: ${JSON.stringify(channel.createChannel.userErrors)}`);
  const channelId: string = channel.createChannel.channel.id;
  for (const [code, priority] of [
    ['WH-1', 1],
    ['WH-2', 2],
    ['WH-3', 3],
  ] as const) {
    const w = await api.must<{ createWarehouse: { userErrors: { message: string }[] } }>(
      `mutation($i: CreateWarehouseInput!) { createWarehouse(input: $i) { warehouse { id } userErrors { message } } }`,
      { i: { code, name: `Warehouse ${priority}`, priority } },
    );
    if (w.createWarehouse.userErrors.length)
      throw new Error(`createWarehouse: ${JSON.stringify(w.createWarehouse.userErrors)}`);
  }
  // The load places orders as a sales channel does: with a partner API key limited to WEB
  // (BENCH_AUTH=session: with the admin's session token instead).
  const key = await api.must<{
    createApiKey: { apiKey: { prefix: string }; secret: string; userErrors: { message: string }[] };
  }>(
    `mutation { createApiKey(input: { name: "Bench shop", channelCodes: ["WEB"], permissions: [ORDER_PLACE, ORDER_READ] }) { apiKey { prefix } secret userErrors { message } } }`,
  );
  if (key.createApiKey.userErrors.length)
    throw new Error(`createApiKey: ${JSON.stringify(key.createApiKey.userErrors)}`);
  const loadToken: string = S.auth === 'session' ? login.login.token : key.createApiKey.secret;
  const loadActor = S.auth === 'session' ? `user:${ADMIN.email}` : `key:Bench shop (${key.createApiKey.apiKey.prefix})`;
  await loadCatalog(pool, S.products, S.onHand);
  const levels = await api.must<{ stockLevels: { onHand: number; reserved: number }[] }>(
    `query { stockLevels(sku: "${skuOf(0)}") { onHand reserved } }`,
  );
  if (levels.stockLevels.length !== 3 || levels.stockLevels.some((l) => l.onHand !== S.onHand)) {
    throw new Error(`the API does not see the stock loaded with SQL: ${JSON.stringify(levels.stockLevels)}`);
  }
  progress(`setup: channel WEB, 3 warehouses, ${S.products} products x 3 warehouses x ${S.onHand} units`);

  const orderInput = (rng: Rng) => makeOrderInput(rng, S.products, S.customers);
  // Orders placed from this process (statement trace, CPU breakdown) use the load's credentials too.
  const loadApi: GqlClient = gqlClient(server.url, S.client, 2);
  loadApi.setToken(loadToken);
  cleanups.push({ name: 'close HTTP agent (load credentials)', fn: async () => loadApi.close() });
  const placeViaApi = (input: OrderInput) => placeOneViaApi(loadApi, input);
  const floorInput = (rng: Rng): FloorOrder => toFloorInput(orderInput(rng), `user:${ADMIN.email}`);

  // The statements of one placeOrder, server and floor, in steady state (after a first order,
  // which also looks up the channel).
  const rng0 = prng(S.seed);
  await placeViaApi(orderInput(rng0));
  await placeOrderFloor(pool, floorInput(rng0));
  trace = [];
  const before = statements;
  await placeViaApi(orderInput(rng0));
  const serverStatementsPerOrder = statements - before;
  const serverTrace = trace;
  trace = undefined;
  const floorBefore = floorCounter.statements;
  await placeOrderFloor(pool, floorInput(rng0));
  const floorStatementsPerOrder = floorCounter.statements - floorBefore;

  // 3 and 4. placeOrder over HTTP (server), the same SQL through pg (node floor) and through
  // pgbench (pgbench floor), in alternating rounds so that load from other processes on the machine
  // hits all alike. The clients run in a child process: this process only serves, as a server
  // would with its clients elsewhere, so its process.cpuUsage() is the server's CPU.
  const worker = fork(path.join(__dirname, 'load-worker.js'), [], {
    env: {
      ...process.env,
      [LOAD_WORKER_DATA]: JSON.stringify({
        url: server.url,
        token: loadToken,
        client: S.client,
        databaseUrl,
        concurrency: S.concurrency,
        seed: S.seed,
        products: S.products,
        customers: S.customers,
        actor: loadActor,
      } satisfies LoadWorkerData),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const workerExited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  cleanups.push({
    name: 'stop load generator',
    fn: async () => {
      if (worker.connected) worker.send({ close: true });
      const timer = setTimeout(() => worker.kill(), 3000);
      await workerExited;
      clearTimeout(timer);
    },
  });
  await new Promise<void>((resolve, reject) => {
    const onMessage = (m: unknown) => {
      if ((m as { ready?: boolean } | null)?.ready) {
        worker.off('message', onMessage);
        resolve();
      }
    };
    worker.on('message', onMessage);
    worker.once('exit', (code) => reject(new Error(`the load generator exited (${code}) before it was ready`)));
  });
  // BENCH_PROFILE: V8's sampling profiler runs during the measured server rounds only (not setup,
  // floors, warm-up or the list benchmark), so the profile is the server placing orders.
  const profiler = S.profileDir ? new Session() : undefined;
  const post = <T = unknown>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) =>
      profiler!.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))),
    );
  if (profiler) {
    profiler.connect();
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 500 });
  }
  let requestId = 0;
  /** This process's CPU (user + system) and event-loop busy time during server rounds, and the orders they served. */
  const serverCpu = { ms: 0, systemMs: 0, busyMs: 0, orders: 0, wallMs: 0 };
  /** The same for the `{ __typename }` round: what HTTP, Apollo and the API-key check cost alone. */
  const typenameCpu = { ms: 0, systemMs: 0, busyMs: 0, orders: 0, wallMs: 0 };
  /** Server CPU per order of each server round, in run order: how far the rounds of one run spread. */
  const serverCpuRounds: number[] = [];
  /** PostgreSQL's CPU (postgres-cpu.ts) during the rounds of each path, and the orders placed in them. */
  const postgresCpu = {
    server: { ms: 0, orders: 0 },
    floor: { ms: 0, orders: 0 },
    pgbench: { ms: 0, orders: 0 },
  };
  const addPostgresCpu = (into: { ms: number; orders: number }, pg0: number | undefined, orders: number) => {
    const pg1 = postgresCpuMs();
    if (pg0 === undefined || pg1 === undefined) return;
    into.ms += pg1 - pg0;
    into.orders += orders;
  };
  /**
   * Waits until the server has numbered and dispatched every event written so far (at most 30 s):
   * the background work a round's orders cause after commit. Each measured round waits for it
   * before its figures are read, so no round pays for the orders of the round before it (the
   * floors place more orders per second than the server, and their backlog would spill into the
   * server's round). The analytics refresh is not waited for: it runs on its own clock.
   */
  const backgroundDone = async () => {
    const until = Date.now() + 30_000;
    for (;;) {
      const busy = await pool
        .query<{ busy: boolean }>(
          `select exists (select 1 from domain_event where position is null)
            or exists (select 1 from domain_event where dispatched_at is null) as busy`,
        )
        .then(
          (r) => r.rows[0].busy,
          (e: Error) => {
            problem(`waiting for the background work: ${e.message}`);
            return false;
          },
        );
      if (!busy) return;
      if (Date.now() > until) {
        problem('the server did not number and dispatch the events of a round within 30 s');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const runInWorker = (pathName: LoadRequest['path'], warmupMs: number, measureMs: number): Promise<LoadResult> => {
    const id = ++requestId;
    const elu0 = performance.eventLoopUtilization();
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    const pg0 = measureMs > 0 ? postgresCpuMs() : undefined;
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the load generator exited (${code})`));
      const onMessage = async (m: { id: number; result: LoadResult }) => {
        if (m.id !== id) return;
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        // The round's orders are placed; the work they cause after commit (numbering, dispatch) is
        // theirs too: counted in this round, and done before the next round starts.
        if (measureMs > 0) await backgroundDone();
        if (pathName !== 'typename') addPostgresCpu(postgresCpu[pathName], pg0, m.result.succeeded);
        if (pathName !== 'floor' && measureMs > 0) {
          // Over the whole round including the drain of in-flight requests, so divided by every
          // order served in it (the measured ones and the drained ones).
          const cpu = process.cpuUsage(cpu0);
          const into = pathName === 'server' ? serverCpu : typenameCpu;
          into.ms += (cpu.user + cpu.system) / 1000;
          into.systemMs += cpu.system / 1000;
          into.busyMs += performance.eventLoopUtilization(elu0).active;
          into.orders += m.result.succeeded;
          into.wallMs += performance.now() - wall0;
          if (pathName === 'server' && m.result.succeeded)
            serverCpuRounds.push((cpu.user + cpu.system) / 1000 / m.result.succeeded);
        }
        resolve(m.result);
      };
      worker.on('message', onMessage);
      worker.once('exit', onExit);
      worker.send({ id, path: pathName, warmupMs, measureMs } satisfies LoadRequest);
    });
  };
  const pgbench = process.env.BENCH_PGBENCH === '0' ? undefined : findPgbench();
  const pgbenchRuns: PgbenchResult[] = [];
  const script = pgbenchScript(S.products, S.customers, loadActor);
  const runPgbenchRound = (seconds: number) =>
    runPgbench(pgbench!, databaseUrl, script, { clients: S.concurrency, seconds: Math.max(1, Math.round(seconds)) });
  // Production servers run without onQuery; MikroORM's query log (enabled by onQuery) formats
  // every statement, so it is switched off while throughput is measured and on again to count.
  // Through the config, not the logger: every em.fork() re-applies config 'debug' to the logger.
  const debugBefore = server.orm.config.get('debug');
  server.orm.config.set('debug', false);
  const statementsBeforeLoad = statements;
  const rssBaseline = process.memoryUsage().rss;
  let rssPeak = rssBaseline;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 100);
  const parts: Record<'server' | 'floor', LoadResult[]> = { server: [], floor: [] };
  const serverProfiles: object[] = [];
  progress(
    `placeOrder: warm-up ${S.warmup} s each for server (HTTP, ${S.client}) and floor (pg), ${S.concurrency} clients`,
  );
  for (const name of ['server', 'floor'] as const) {
    parts[name].push(await runInWorker(name, S.warmup * 1000, 0));
  }
  if (pgbench) {
    progress(`pgbench: ${pgbench}, warm-up ${Math.max(1, S.warmup)} s`);
    try {
      await runPgbenchRound(Math.max(1, S.warmup));
    } catch (e) {
      problem((e as Error).message);
    }
  } else {
    progress('pgbench: not found (PATH, /usr/lib/postgresql/*/bin); the pgbench floor is skipped');
  }
  await backgroundDone();
  // pgbench's -T counts whole seconds: every path runs rounds of the same whole number of seconds.
  const roundMs = pgbench ? Math.max(1, Math.round(S.seconds / S.rounds)) * 1000 : (S.seconds * 1000) / S.rounds;
  const rotations = [
    ['server', 'floor', 'pgbench'],
    ['floor', 'pgbench', 'server'],
    ['pgbench', 'server', 'floor'],
  ] as const;
  for (let round = 0; round < S.rounds; round++) {
    for (const name of rotations[round % 3]) {
      if (name === 'pgbench') {
        if (!pgbench || failed) continue;
        const pg0 = postgresCpuMs();
        const r = await runPgbenchRound(roundMs / 1000).catch((e) => {
          problem((e as Error).message);
          return undefined;
        });
        if (r) {
          await backgroundDone();
          // pgbench's backends exit as it ends: their time counts once the postmaster has reaped them.
          await new Promise((resolve) => setTimeout(resolve, 200));
          addPostgresCpu(postgresCpu.pgbench, pg0, r.transactions);
          pgbenchRuns.push(r);
          progress(
            `round ${round + 1}/${S.rounds} pgbench: ${r.tps.toFixed(1)} orders/s, mean ${ms(r.latencyMs)} ms, ${r.failed} failures`,
          );
        }
        continue;
      }
      if (profiler && name === 'server') await post('Profiler.start');
      const r = await runInWorker(name, 0, roundMs);
      // One profile per round (the floor and pgbench rounds in between are not in it); profile-summary merges them.
      if (profiler && name === 'server')
        serverProfiles.push((await post<Profiler.StopReturnType>('Profiler.stop')).profile);
      parts[name].push(r);
      progress(
        `round ${round + 1}/${S.rounds} ${name.padEnd(7)}: ${r.perSecond.toFixed(1)} orders/s, p50 ${ms(r.latency.p50)} ms, p99 ${ms(r.latency.p99)} ms, ${r.failures} failures`,
      );
    }
  }
  // The same clients and key asking only `{ __typename }`: the CPU of HTTP, Apollo and the key
  // check alone, the part of every request that placeOrder's own work comes on top of.
  const typenameRun = await runInWorker('typename', S.warmup * 1000, roundMs);
  progress(
    `typename round: ${typenameRun.perSecond.toFixed(1)} requests/s, server CPU ${(typenameCpu.ms / typenameCpu.orders).toFixed(2)} ms/request`,
  );
  clearInterval(sampler);
  if (profiler && S.profileDir) {
    fs.mkdirSync(S.profileDir, { recursive: true });
    serverProfiles.forEach((p, i) =>
      fs.writeFileSync(path.join(S.profileDir!, `server-round-${i + 1}.cpuprofile`), JSON.stringify(p)),
    );
    progress(`CPU profiles of the server rounds: ${S.profileDir}/server-round-*.cpuprofile`);
    profiler.disconnect();
  }
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  const rssAfterLoad = process.memoryUsage().rss;
  const serverRun = combine(parts.server);
  const floorRun = combine(parts.floor);
  if (serverRun.failures)
    problem(`placeOrder over HTTP: ${serverRun.failures} failed requests, e.g. ${serverRun.firstErrors.join(' | ')}`);
  if (floorRun.failures) problem(`floor: ${floorRun.failures} failed orders, e.g. ${floorRun.firstErrors.join(' | ')}`);
  const ratio = serverRun.perSecond / floorRun.perSecond;
  const busyPerOrder = serverCpu.orders ? serverCpu.busyMs / serverCpu.orders : NaN;
  const serverCpuPerOrder = serverCpu.orders ? serverCpu.ms / serverCpu.orders : NaN;
  const typenameCpuPerRequest = typenameCpu.orders ? typenameCpu.ms / typenameCpu.orders : NaN;
  if (typenameRun.failures)
    problem(`{ __typename }: ${typenameRun.failures} failed requests, e.g. ${typenameRun.firstErrors.join(' | ')}`);
  const serverCores = serverCpu.wallMs ? serverCpu.ms / serverCpu.wallMs : NaN;
  const pgbenchSeconds = pgbenchRuns.reduce((a, r) => a + r.seconds, 0);
  const pgbenchTps = pgbenchSeconds ? pgbenchRuns.reduce((a, r) => a + r.tps * r.seconds, 0) / pgbenchSeconds : NaN;
  const pgbenchFailed = pgbenchRuns.reduce((a, r) => a + r.failed, 0);
  if (pgbenchFailed) problem(`pgbench: ${pgbenchFailed} failed transactions`);
  const ratioPgbench = serverRun.perSecond / pgbenchTps;
  // Each round on its own, in run order: the spread tells a real change from the machine's noise.
  const r2 = (x: number) => Number(x.toFixed(2));
  // (The warm-ups are among the parts, with nothing measured.)
  const serverRounds = parts.server.filter((r) => r.seconds > 0);
  const perRound = {
    server: serverRounds.map((r) => r2(r.perSecond)),
    serverCpu: serverCpuRounds.map(r2),
    floor: parts.floor.filter((r) => r.seconds > 0).map((r) => r2(r.perSecond)),
    pgbench: pgbenchRuns.map((r) => r2(r.tps)),
    // Round i of each path ran back to back (rotated), so their ratio is the fairest per-round one.
    ratioPgbench:
      pgbenchRuns.length === serverRounds.length
        ? serverRounds.map((r, i) => r2(r.perSecond / pgbenchRuns[i].tps))
        : [],
  };
  const GOAL_CPU_MS = 1;

  // Where the server's CPU goes: one request at a time, CPU time of this process per request.
  const breakdown: { name: string; wall: number; cpu: number }[] = [];
  if (S.breakdown > 0) {
    progress(`CPU per request, sequential: ${S.breakdown} requests each`);
    const rngB = prng(S.seed * 3000);
    const noAuth = gqlClient(server.url, S.client, 1);
    const measureSeq = async (name: string, op: () => Promise<unknown>) => {
      for (let i = 0; i < 20; i++) await op();
      const c0 = process.cpuUsage();
      const lat = await timeSequential(S.breakdown, async () => {
        await op();
      });
      const c = process.cpuUsage(c0);
      breakdown.push({ name, wall: summarize(lat).p50, cpu: (c.user + c.system) / 1000 / S.breakdown });
    };
    const typename = async (client: GqlClient) => {
      const r = await client.request<{ __typename: string }>('{ __typename }');
      if (r.status !== 200 || r.data?.__typename !== 'Query')
        throw new Error(`{ __typename }: HTTP ${r.status} ${JSON.stringify(r.errors)}`);
    };
    await measureSeq('HTTP + GraphQL, `{ __typename }`, no token', () => typename(noAuth));
    await measureSeq('same with a bearer token (adds the session lookup)', () => typename(api));
    await measureSeq('placeOrder over HTTP', () => placeViaApi(orderInput(rngB)));
    await measureSeq('floor placeOrder via pg', () => placeOrderFloor(pool, floorInput(rngB)));
    noAuth.close();
  }
  server.orm.config.set('debug', debugBefore);
  if (statements !== statementsBeforeLoad)
    problem(`the query log was not off during the load: ${statements - statementsBeforeLoad} statements logged`);

  // Consistency: every reserved unit is backed by an allocation, nothing oversold.
  const check = (
    await pool.query(`select
      (select count(*) from "order")::int as orders,
      (select coalesce(sum(reserved), 0) from stock_level)::int as reserved,
      (select coalesce(sum(quantity - quantity_shipped), 0) from stock_allocation)::int as allocated,
      (select count(*) from stock_level where reserved > on_hand)::int as oversold`)
  ).rows[0];
  if (check.reserved !== check.allocated || check.oversold)
    problem(`stock is inconsistent after the load: ${JSON.stringify(check)}`);

  // 5. The orders list over bulk-loaded orders.
  progress(`bulk-loading ${S.bulkOrders} orders with SQL`);
  const bulkStart = performance.now();
  // On a connection of its own, with fresh statistics: a backend that checked order lines' foreign
  // key while "order" held a handful of rows (the trace's floor orders) may keep a plan for that
  // check that scans the table, and 250,000 lines checked that way never finish.
  await pool.query('analyze');
  const bulkPool = new Pool({ connectionString: databaseUrl, max: 1, statement_timeout: STATEMENT_TIMEOUT_MS });
  const bulk = await loadOrders(bulkPool, channelId, S.bulkOrders, S.bulkCustomers).finally(() => bulkPool.end());
  const bulkSeconds = (performance.now() - bulkStart) / 1000;
  const counts = (
    await pool.query(
      `select count(*)::int as orders, count(*) filter (where status = 'CONFIRMED')::int as confirmed from "order"`,
    )
  ).rows[0];
  progress(
    `bulk load: ${bulk.orders} orders, ${bulk.lines} lines, ${bulk.customers} customers in ${bulkSeconds.toFixed(1)} s (analyzed); ${counts.confirmed} CONFIRMED of ${counts.orders}`,
  );

  const seen = new Set<string>();
  const listOnce = async (first: number, after?: string | null) => {
    const s0 = statements;
    const t = performance.now();
    const r = await api.request<ListOrdersData>(LIST_ORDERS, { first, after });
    const elapsed = performance.now() - t;
    const n = statements - s0;
    if (r.status !== 200 || r.errors?.length || !r.data?.orders)
      throw new Error(`orders(first: ${first}): HTTP ${r.status} ${JSON.stringify(r.errors).slice(0, 300)}`);
    const { edges, pageInfo } = r.data.orders;
    if (edges.length !== first && pageInfo.hasNextPage)
      throw new Error(`orders(first: ${first}) returned ${edges.length} edges and hasNextPage`);
    for (const { node } of edges) {
      if (node.status !== 'CONFIRMED') throw new Error(`orders filtered on CONFIRMED returned ${node.status}`);
      if (!node.customer?.email || node.lines.length < 2 || node.lines.length > 3)
        throw new Error(
          `order ${node.number} has customer ${JSON.stringify(node.customer)} and ${node.lines.length} lines`,
        );
      const sum = node.lines.reduce((acc, l) => acc + l.quantity * l.unitPrice.amount, 0);
      if (sum !== node.total.amount)
        throw new Error(`order ${node.number}: lines add up to ${sum}, total is ${node.total.amount}`);
    }
    return {
      elapsed,
      statements: n,
      edges: edges as { node: { id: string } }[],
      endCursor: pageInfo.endCursor as string | null,
      hasNextPage: pageInfo.hasNextPage as boolean,
    };
  };

  progress(`orders list: warm-up, ${S.listRequests} first pages, ${S.listPages} pages by cursor, page sizes 10/50/200`);
  for (let i = 0; i < 20; i++) await listOnce(50);
  const firstPageStatements: number[] = [];
  const firstPage = summarize(
    await timeSequential(S.listRequests, async () => {
      const r = await listOnce(50);
      firstPageStatements.push(r.statements);
    }),
  );

  const cursorStatements: number[] = [];
  let after: string | null = null;
  let pagesFollowed = 0;
  const cursorLatencies: number[] = [];
  for (let i = 0; i < S.listPages; i++) {
    const r = await listOnce(50, after);
    cursorLatencies.push(r.elapsed);
    cursorStatements.push(r.statements);
    for (const e of r.edges) {
      if (seen.has(e.node.id)) throw new Error(`order ${e.node.id} appeared on two pages`);
      seen.add(e.node.id);
    }
    pagesFollowed++;
    if (!r.hasNextPage) break;
    after = r.endCursor;
  }
  const cursorPages = summarize(cursorLatencies);

  const bySize: { first: number; statements: number[]; latency: LatencySummary; edges: number }[] = [];
  for (const first of [10, 50, 200]) {
    const st: number[] = [];
    let edges = 0;
    for (let i = 0; i < 3; i++) await listOnce(first); // warm this page size
    const lat = await timeSequential(S.pageSizeRequests, async () => {
      const r = await listOnce(first);
      st.push(r.statements);
      edges = r.edges.length;
    });
    bySize.push({ first, statements: st, latency: summarize(lat), edges });
  }
  let listTrace: string[] = [];
  if (S.trace) {
    trace = [];
    await listOnce(50);
    listTrace = trace;
    trace = undefined;
  }
  const rssAfterList = process.memoryUsage().rss;

  const statementRange = (a: number[]) =>
    Math.min(...a) === Math.max(...a) ? String(a[0]) : `${Math.min(...a)}-${Math.max(...a)}`;
  const sizeCounts = bySize.map((b) => statementRange(b.statements));
  const constantStatements =
    new Set([...bySize.flatMap((b) => b.statements), ...firstPageStatements, ...cursorStatements]).size === 1;

  // 6. Report.
  const cpus = os.cpus();
  const machine = {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    pg: pgVersion.split(' on ')[0],
  };
  const loadAtEnd = os.loadavg();

  out('');
  out('## OMS benchmark');
  out('');
  out(
    `Database: ${mode}; ${machine.pg}. Server: createServer in this process (pool 20); the load generator is a child process.`,
  );
  out('');
  out(
    `### placeOrder: ${S.concurrency} concurrent clients, ${S.seconds} s measured per path after ${S.warmup} s warm-up`,
  );
  out('');
  out(
    'Each order: 3 distinct random SKUs of ' +
      S.products +
      ', quantity 1-3, customer random among ' +
      S.customers +
      '.',
  );
  out('');
  const loadRow = (name: string, r: LoadResult, stmts: number) => [
    name,
    r.perSecond.toFixed(1),
    ms(r.latency.p50),
    ms(r.latency.p99),
    ms(r.latency.max),
    String(r.completed),
    String(r.failures),
    String(stmts),
    r.cpuMsPerOp.toFixed(1),
    r.cores.toFixed(2),
  ];
  out(
    table(
      [
        'path',
        'orders/s',
        'p50 ms',
        'p99 ms',
        'max ms',
        'orders',
        'failures',
        'SQL/order',
        'client CPU ms/order',
        'client cores',
      ],
      [
        loadRow(`server: GraphQL over HTTP (${S.client}, keep-alive)`, serverRun, serverStatementsPerOrder),
        loadRow(`floor: same SQL via pg (Pool max ${S.concurrency})`, floorRun, floorStatementsPerOrder),
      ],
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  out('');
  out(
    `${S.seconds} s per path, measured in ${S.rounds} alternating rounds; SQL/order counts begin and commit; node CPU = user + system`,
  );
  out("time of the load generator (a child process) per measured order: the clients' cost, not the server's.");
  out(
    `Server CPU (process.cpuUsage of the benchmark process, which only serves: the load generator is a child process): ` +
      `**${serverCpuPerOrder.toFixed(2)} ms per order** (goal <= ${GOAL_CPU_MS} ms: ${serverCpuPerOrder <= GOAL_CPU_MS ? 'met' : 'NOT met'}), ${serverCores.toFixed(2)} cores during server rounds; ` +
      `its event loop was busy ${busyPerOrder.toFixed(2)} ms per order.`,
  );
  out('');
  if (postgresCpu.server.orders) {
    const f = (p: { ms: number; orders: number }) => (p.orders ? `${(p.ms / p.orders).toFixed(2)} ms` : 'n/a');
    out(
      `PostgreSQL CPU per order (every postgres process, src/bench/postgres-cpu.ts; the server's background work included): ` +
        `server rounds ${f(postgresCpu.server)}, node floor ${f(postgresCpu.floor)}, pgbench ${f(postgresCpu.pgbench)}.`,
    );
    out('');
  }
  if (pgbenchRuns.length) {
    out(
      `pgbench floor (\`pgbench -M prepared -c ${S.concurrency} -j 2\`, same statements, src/bench/pgbench.ts): ${pgbenchTps.toFixed(1)} orders/s, ${pgbenchFailed} failures, in ${pgbenchRuns.length} rounds of ${roundMs / 1000} s.`,
    );
    out('');
    out(
      `server / pgbench throughput ratio: **${ratioPgbench.toFixed(2)}** (goal >= ${GOAL_RATIO}: ${ratioPgbench >= GOAL_RATIO ? 'met' : 'NOT met'})`,
    );
    out('');
  }
  out(`server / node floor throughput ratio: **${ratio.toFixed(2)}**`);
  out('');
  if (S.rounds > 1) {
    const list = (xs: number[]) => (xs.length ? xs.join(', ') : 'n/a');
    out(
      `Round by round (in run order): server ${list(perRound.server)} orders/s at ${list(perRound.serverCpu)} ms of server CPU per order; ` +
        `node floor ${list(perRound.floor)} orders/s; pgbench ${list(perRound.pgbench)} orders/s; server / pgbench ${list(perRound.ratioPgbench)}. ` +
        'On a small shared machine rounds differ by 10 to 25 %: a change smaller than the spread is not shown by one run.',
    );
    out('');
  }
  out(
    'Query logging (onQuery) is off while throughput is measured, as in production; statements are counted on traced requests.',
  );
  out('');
  out("Memory: RSS of this Node process (process.memoryUsage().rss): the server, and the benchmark's own pg pool and");
  out('GraphQL client used for setup and the list phase (the load generator is a separate process).');
  out('');
  out(
    table(
      ['when', 'RSS'],
      [
        ['after setup, before load', mb(rssBaseline)],
        ['peak during the placeOrder phase (server and floor rounds)', mb(rssPeak)],
        ['after the placeOrder phase', mb(rssAfterLoad)],
        ['after the orders-list phase', mb(rssAfterList)],
      ],
      ['l', 'r'],
    ),
  );
  out('');
  if (breakdown.length) {
    out("### Where the server's CPU goes: one request at a time");
    out('');
    out(
      table(
        ['request (sequential, no concurrency)', 'p50 ms', 'node CPU ms/request'],
        breakdown.map((b) => [b.name, ms(b.wall), b.cpu.toFixed(2)]),
        ['l', 'r', 'r'],
      ),
    );
    out('');
    const [bare, authed, place, floorSeq] = breakdown;
    out(
      `session lookup per request ~${(authed.cpu - bare.cpu).toFixed(1)} ms CPU; placeOrder beyond HTTP/GraphQL/auth ~${(place.cpu - authed.cpu).toFixed(1)} ms CPU, ` +
        `of which the same SQL through pg costs ${floorSeq.cpu.toFixed(1)} ms: the rest (~${(place.cpu - authed.cpu - floorSeq.cpu).toFixed(1)} ms) is ORM and service code.`,
    );
    out('');
  }
  out(
    `### orders list: ${counts.orders} orders (${S.bulkOrders} bulk-loaded with SQL, ${counts.confirmed} CONFIRMED), sequential requests`,
  );
  out('');
  out(
    '`orders(first: N, filter: {status: [CONFIRMED]}) { edges { node { id number status total customer lines } } pageInfo }`',
  );
  out('');
  out(
    table(
      ['request', 'requests', 'p50 ms', 'p99 ms', 'max ms', 'SQL statements / request'],
      [
        [
          'first: 50, first page',
          String(firstPage.count),
          ms(firstPage.p50),
          ms(firstPage.p99),
          ms(firstPage.max),
          statementRange(firstPageStatements),
        ],
        [
          `first: 50, following endCursor (${pagesFollowed} pages, ${seen.size} orders)`,
          String(cursorPages.count),
          ms(cursorPages.p50),
          ms(cursorPages.p99),
          ms(cursorPages.max),
          statementRange(cursorStatements),
        ],
        ...bySize.map((b) => [
          `first: ${b.first} (${b.edges} orders per page)`,
          String(b.latency.count),
          ms(b.latency.p50),
          ms(b.latency.p99),
          ms(b.latency.max),
          statementRange(b.statements),
        ]),
      ],
      ['l', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  out('');
  const listP99 = Math.max(firstPage.p99, cursorPages.p99);
  out(
    `list p99 (first: 50): ${ms(listP99)} ms (goal < ${GOAL_LIST_P99_MS} ms: ${listP99 < GOAL_LIST_P99_MS ? 'met' : 'NOT met'}); ` +
      `statements per request for first 10/50/200: ${sizeCounts.join('/')} (goal: the same for every page size: ${constantStatements ? 'met' : 'NOT met'})`,
  );
  out(
    `bulk load (setup, not measured against a goal): ${bulk.orders} orders + ${bulk.lines} lines + ${bulk.customers} customers in ${bulkSeconds.toFixed(1)} s, then ANALYZE`,
  );

  if (S.trace) {
    out('');
    out('### SQL of one placeOrder (server)');
    out('');
    for (const s of serverTrace) out(`    ${s.slice(0, 220)}`);
    out('');
    out('### SQL of one orders(first: 50) request (server)');
    out('');
    for (const s of listTrace) out(`    ${s.slice(0, 220)}`);
  }

  out('');
  out('### Summary (for the README)');
  out('');
  out('```');
  out(`Machine:    ${machine.cpu}, ${machine.cores} cores, ${machine.memory} RAM, ${machine.os}`);
  out(`Node:       ${machine.node}`);
  out(
    `PostgreSQL: ${machine.pg} (${external ? 'DATABASE_URL' : 'embedded'}); shared_buffers ${pgSettings.shared_buffers}, synchronous_commit ${pgSettings.synchronous_commit}, fsync ${pgSettings.fsync}`,
  );
  out(
    `Load avg:   ${loadAtStart.map((v) => v.toFixed(2)).join(' ')} at start, ${loadAtEnd.map((v) => v.toFixed(2)).join(' ')} at end (other work on the machine adds noise)`,
  );
  out(
    `Run:        ${S.concurrency} clients (${S.auth === 'apiKey' ? 'partner API key' : 'session token'}), ${S.seconds} s per path (${S.rounds} alternating rounds) after ${S.warmup} s warm-up, HTTP client ${S.client}, seed ${S.seed}`,
  );
  out('');
  out(
    `placeOrder, server (GraphQL/HTTP): ${serverRun.perSecond.toFixed(1).padStart(7)} orders/s   p50 ${ms(serverRun.latency.p50).padStart(6)} ms   p99 ${ms(serverRun.latency.p99).padStart(6)} ms   ${serverRun.failures} failures   node CPU ${serverRun.cpuMsPerOp.toFixed(1)} ms/order`,
  );
  out(
    `placeOrder, floor (same SQL, pg):  ${floorRun.perSecond.toFixed(1).padStart(7)} orders/s   p50 ${ms(floorRun.latency.p50).padStart(6)} ms   p99 ${ms(floorRun.latency.p99).padStart(6)} ms   ${floorRun.failures} failures   node CPU ${floorRun.cpuMsPerOp.toFixed(1)} ms/order`,
  );
  out(
    `placeOrder, pgbench floor:        ${pgbenchRuns.length ? `${pgbenchTps.toFixed(1).padStart(7)} orders/s   mean ${ms(pgbenchRuns.reduce((a, r) => a + r.latencyMs, 0) / pgbenchRuns.length).padStart(6)} ms` : 'not run (no pgbench)'}`,
  );
  out(
    `server CPU per order:              ${serverCpuPerOrder.toFixed(2)} ms (process.cpuUsage, load generator in a child process; goal <= ${GOAL_CPU_MS} ms: ${serverCpuPerOrder <= GOAL_CPU_MS ? 'met' : 'NOT met'}); event loop busy ${busyPerOrder.toFixed(2)} ms`,
  );
  out(
    `server CPU per { __typename }:     ${typenameCpuPerRequest.toFixed(2)} ms (same clients and key: HTTP, GraphQL and auth alone)`,
  );
  out(
    `server / pgbench:                  ${pgbenchRuns.length ? `${ratioPgbench.toFixed(2)}  (goal >= ${GOAL_RATIO}: ${ratioPgbench >= GOAL_RATIO ? 'met' : 'NOT met'})` : 'n/a'}`,
  );
  out(`server / node floor:               ${ratio.toFixed(2)}`);
  out(
    `SQL statements per placeOrder:     server ${serverStatementsPerOrder}, floor ${floorStatementsPerOrder} (begin/commit included)`,
  );
  out(
    `RSS (server in this process):     ${mb(rssBaseline)} before load, ${mb(rssPeak)} peak under load, ${mb(rssAfterList)} at the end`,
  );
  out(
    `orders list, ${counts.orders} orders, first: 50 CONFIRMED: p50 ${ms(firstPage.p50)} ms, p99 ${ms(firstPage.p99)} ms; by cursor p50 ${ms(cursorPages.p50)} ms, p99 ${ms(cursorPages.p99)} ms  (goal p99 < ${GOAL_LIST_P99_MS} ms: ${listP99 < GOAL_LIST_P99_MS ? 'met' : 'NOT met'})`,
  );
  out(
    `SQL statements per list request:   first 10/50/200: ${sizeCounts.join('/')}  (${constantStatements ? 'constant' : 'NOT constant'})`,
  );
  out('```');

  // One JSON line per figure, for scripts (grep '^{"figure"').
  const figure = (name: string, value: number | null, unit: string, extra: Record<string, unknown> = {}) =>
    out(
      JSON.stringify({
        figure: name,
        value: value === null || !Number.isFinite(value) ? null : Number(value.toFixed(3)),
        unit,
        ...extra,
      }),
    );
  out('');
  figure('place_order_per_s', serverRun.perSecond, 'orders/s', {
    p50_ms: serverRun.latency.p50,
    p99_ms: serverRun.latency.p99,
    clients: S.concurrency,
    rounds: perRound.server,
  });
  figure('place_order_p99_ms', serverRun.latency.p99, 'ms');
  figure('server_cpu_ms_per_order', serverCpuPerOrder, 'ms', {
    goal: GOAL_CPU_MS,
    met: serverCpuPerOrder <= GOAL_CPU_MS,
    rounds: perRound.serverCpu,
  });
  figure('server_event_loop_busy_ms_per_order', busyPerOrder, 'ms');
  figure('server_cpu_system_ms_per_order', serverCpu.orders ? serverCpu.systemMs / serverCpu.orders : NaN, 'ms');
  figure('server_cpu_ms_per_typename_request', typenameCpuPerRequest, 'ms');
  const pgPerOrder = (p: { ms: number; orders: number }) => (p.orders ? p.ms / p.orders : null);
  figure('postgres_cpu_ms_per_order', pgPerOrder(postgresCpu.server), 'ms', {
    node_floor: pgPerOrder(postgresCpu.floor),
    pgbench: pgPerOrder(postgresCpu.pgbench),
  });
  figure('node_floor_per_s', floorRun.perSecond, 'orders/s', { rounds: perRound.floor });
  figure('pgbench_tps', pgbenchRuns.length ? pgbenchTps : null, 'orders/s', {
    ran: pgbenchRuns.length > 0,
    rounds: perRound.pgbench,
  });
  figure('ratio_to_pgbench', pgbenchRuns.length ? ratioPgbench : null, 'ratio', {
    goal: GOAL_RATIO,
    met: pgbenchRuns.length ? ratioPgbench >= GOAL_RATIO : null,
    rounds: perRound.ratioPgbench,
  });
  figure('ratio_to_node_floor', ratio, 'ratio');
  figure('sql_statements_per_order', serverStatementsPerOrder, 'statements', { floor: floorStatementsPerOrder });
  figure('rss_mb_before_load', rssBaseline / 1024 / 1024, 'MB');
  figure('rss_mb_peak_place_order', rssPeak / 1024 / 1024, 'MB');
  figure('rss_mb_end', rssAfterList / 1024 / 1024, 'MB');
  figure('orders_list_p99_ms', listP99, 'ms', { goal: GOAL_LIST_P99_MS, orders: counts.orders });

  const goalsMissed =
    (pgbenchRuns.length ? ratioPgbench : ratio) < GOAL_RATIO ||
    serverCpuPerOrder > GOAL_CPU_MS ||
    listP99 >= GOAL_LIST_P99_MS ||
    !constantStatements;
  return goalsMissed;
}

// ---------------------------------------------------------------------------------------------

const watchdog = setTimeout(() => {
  problem(`the benchmark did not finish within ${S.timeout} s`);
  void cleanup().finally(() => process.exit(1));
}, S.timeout * 1000);
watchdog.unref();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    progress(`${signal}: stopping`);
    void cleanup().finally(() => process.exit(130));
  });
}

main()
  .then(async (goalsMissed) => {
    await cleanup();
    if (failed) {
      process.stderr.write(`\nbench FAILED:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
      process.exit(1);
    }
    if (goalsMissed && S.strict) {
      process.stderr.write('\nbench: a goal was missed (BENCH_STRICT=1)\n');
      process.exit(2);
    }
    progress('done');
    process.exit(0);
  })
  .catch(async (e) => {
    process.stderr.write(`\nbench FAILED: ${(e as Error)?.stack ?? e}\n`);
    await cleanup();
    process.exit(1);
  });
