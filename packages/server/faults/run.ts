/**
 * `pnpm test:faults`: a black-box fault-injection run against the real built server.
 *
 * Starts `node dist/main.js` as an OS process (embedded PostgreSQL under a temporary OMS_DATA_DIR,
 * or a fresh database on DATABASE_URL's server), creates a channel, two warehouses, a contended
 * SKU with little stock and plentiful ones through the API, then puts it under load: clients that
 * retry every order with its externalId until they get a definite answer, and a subscriber that
 * follows the channel and resumes after the last eventId it saw. During the load:
 *   a) the database restarts (pg_ctl restart -m fast / pg_ctlcluster ... restart -m fast);
 *   b) the server is killed with SIGKILL and started again;
 *   c) SIGTERM arrives mid-load: the server must exit 0 in time; then it is started again.
 * Then it checks the database and the API: nothing acknowledged lost, nothing duplicated, nothing
 * invented, stock reservations consistent and never oversold, one order.placed event per order,
 * the subscriber saw every order, the server came back by itself after (a) and did not die, and its
 * stderr holds only JSON lines. Prints figures as JSON lines, a summary table, then
 * `N passed, N failed`; exits non-zero when a check failed. Every process it started is stopped
 * at the end, also on failure or Ctrl-C.
 *
 * Knobs (environment): FAULTS_CLIENTS (8), FAULTS_PACE_MS (100: pause between a client's orders),
 * FAULTS_PHASE_SECONDS (8: load between faults), FAULTS_HOT_STOCK (120), FAULTS_SEQUENCE (a,c,b),
 * FAULTS_SHUTDOWN_TIMEOUT_MS (20000), FAULTS_RECOVERY_TIMEOUT_MS (30000),
 * FAULTS_PG_CLUSTER (<version>/<cluster> to restart with DATABASE_URL), FAULTS_MAX_SECONDS (300:
 * the whole run, then it stops), FAULTS_KEEP=1 (keep the run folder and database).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Pool } from 'pg';
import { freePort } from '../src/config/embedded-postgres';
import { Checks } from './checks';
import { embeddedDatabase, externalDatabase, FaultDatabase } from './database';
import { HOT_SKU, Load, NORMAL_SKUS } from './load';
import { checkData, readOrders } from './verify';
import { ExitInfo, ServerProcess, sleep } from './server-process';
import { ResumingSubscriber } from './subscriber';

const serverDir = path.resolve(__dirname, '..');
const repoRoot = path.resolve(serverDir, '../..');
const mainJs = path.join(serverDir, 'dist/main.js');

const num = (name: string, fallback: number) => {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${v}"`);
  return n;
};
const settings = {
  clients: num('FAULTS_CLIENTS', 8),
  paceMs: num('FAULTS_PACE_MS', 100),
  phaseMs: num('FAULTS_PHASE_SECONDS', 8) * 1000,
  hotStock: num('FAULTS_HOT_STOCK', 120),
  shutdownTimeoutMs: num('FAULTS_SHUTDOWN_TIMEOUT_MS', 20_000),
  recoveryTimeoutMs: num('FAULTS_RECOVERY_TIMEOUT_MS', 30_000),
  startTimeoutMs: 60_000,
  sequence: (process.env.FAULTS_SEQUENCE || 'a,c,b')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
  maxSeconds: num('FAULTS_MAX_SECONDS', 300),
};
for (const f of settings.sequence)
  if (!['a', 'b', 'c'].includes(f)) throw new Error(`FAULTS_SEQUENCE: unknown fault "${f}" (a, b or c)`);

const ADMIN = { email: 'faults-admin@example.com', password: 'faults-admin-password-1' };
const CHANNEL = 'FLT';

const figure = (name: string, data: Record<string, unknown>) => console.log(JSON.stringify({ figure: name, ...data }));
const note = (msg: string) => console.log(`# ${msg}`);

// ---------------------------------------------------------------------------------------------
// Processes of the run, and the trap that stops them whatever happens.

const servers: ServerProcess[] = [];
let db: FaultDatabase | undefined;
let cleanedUp = false;

function cleanupSync() {
  if (cleanedUp) return;
  cleanedUp = true;
  for (const s of servers) s.killGroup();
  db?.cleanupSync();
}

async function cleanup() {
  if (cleanedUp) return;
  for (const s of servers.filter((x) => x.alive)) {
    s.kill('SIGTERM');
    if (!(await s.waitExit(10_000))) s.killGroup();
  }
  for (const s of servers) s.killGroup(); // children left in their groups
  await db?.cleanup();
  cleanedUp = true;
}

process.on('exit', cleanupSync);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    console.log(`# ${signal}: stopping the run`);
    cleanupSync();
    process.exit(130);
  });
}
process.on('uncaughtException', (err) => {
  console.error('fault run crashed:', err);
  cleanupSync();
  process.exit(1);
});
process.on('unhandledRejection', (err) => {
  console.error('fault run crashed:', err);
  cleanupSync();
  process.exit(1);
});

// ---------------------------------------------------------------------------------------------

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.on('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });

async function gql<T = Record<string, unknown>>(
  url: string,
  token: string | undefined,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  if (res.status !== 200 || body.errors?.length)
    throw new Error(`GraphQL failed (HTTP ${res.status}): ${JSON.stringify(body.errors ?? body).slice(0, 400)}`);
  return body.data;
}

async function payload(url: string, token: string, query: string, variables: Record<string, unknown>, field: string) {
  const data = await gql<Record<string, { userErrors?: unknown[] }>>(url, token, query, variables);
  if (data[field].userErrors?.length) throw new Error(`${field}: ${JSON.stringify(data[field].userErrors)}`);
  return data[field];
}

interface FaultFigure {
  fault: string;
  skipped?: string;
  /** (a): restart command ok and its duration. */
  commandOk?: boolean;
  commandMs?: number;
  commandOutput?: string;
  /** From the fault's end (restart command returned / process exited) to /readyz 200, a query answered, the first placeOrder acknowledged. */
  readyMs?: number;
  queryMs?: number;
  recoveryMs?: number;
  /** (b), (c): spawn to ready of the new process. */
  startMs?: number;
  /** (c): SIGTERM to exit, exit code. */
  exitMs?: number;
  exit?: string;
  embeddedPgStopped?: boolean;
  pidBefore?: number;
  pidAfter?: number;
  crashed?: string;
  manualRestart?: boolean;
}

async function main() {
  const runStarted = Date.now();
  const watchdog = setTimeout(() => {
    console.log(`FAIL the run took longer than ${settings.maxSeconds} s: stopped`);
    cleanupSync();
    console.log('0 passed, 1 failed');
    process.exit(1);
  }, settings.maxSeconds * 1000);
  watchdog.unref();

  if (!fs.existsSync(mainJs)) throw new Error(`${mainJs} is missing: run pnpm --filter @oms/server build first`);
  const external = process.env.DATABASE_URL;
  db = external ? await externalDatabase(external) : await embeddedDatabase(repoRoot);
  note(`database: ${db.describe}; run folder ${db.runDir}`);
  if (!db.restart) note(`NOTICE: fault (a), the database restart, is skipped: ${db.skipReason}`);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const graphqlUrl = `${baseUrl}/graphql`;
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(OMS_|DATABASE_URL$|REDIS_URL$|PORT$|LOG_LEVEL$)/.test(k)) env[k] = v;
  Object.assign(env, {
    PORT: String(port),
    OMS_SEED: 'none',
    OMS_ADMIN_EMAIL: ADMIN.email,
    OMS_ADMIN_PASSWORD: ADMIN.password,
    OMS_RATE_LIMIT_REQUESTS: '0',
    OMS_EXPORT_DIR: path.join(db.runDir, 'exports'),
    LOG_LEVEL: 'info',
    ...db.serverEnv,
  });
  const serverLog = path.join(db.runDir, 'server.log');
  const stderrLines: string[] = [];
  const crashes: { pid: number; exit: ExitInfo }[] = [];
  const checks = new Checks();

  let server: ServerProcess;
  const startServer = async (): Promise<{ ready: boolean; ms: number }> => {
    const p = new ServerProcess(mainJs, env, serverLog, stderrLines, (s, e) => {
      crashes.push({ pid: s.pid, exit: e });
      note(`server pid ${s.pid} exited unexpectedly: code ${e.code}, signal ${e.signal}`);
    });
    servers.push(p);
    server = p;
    const ready = await p.waitReady(baseUrl, settings.startTimeoutMs);
    return { ready, ms: Date.now() - p.startedAt };
  };

  // --- first start and the catalog -----------------------------------------------------------
  const first = await startServer();
  figure('start', { ms: first.ms, ready: first.ready });
  if (!first.ready)
    throw new Error(`the server did not become ready in ${settings.startTimeoutMs} ms; see ${serverLog}`);
  const login = await gql<{ login: { token: string | null; userErrors: unknown[] } }>(
    graphqlUrl,
    undefined,
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token userErrors { code message } } }',
    { e: ADMIN.email, p: ADMIN.password },
  );
  const token = login.login.token;
  if (!token) throw new Error(`login failed: ${JSON.stringify(login.login.userErrors)}`);

  await payload(
    graphqlUrl,
    token,
    'mutation($i: CreateChannelInput!) { createChannel(input: $i) { channel { id } userErrors { code message } } }',
    { i: { code: CHANNEL, name: 'Fault channel', currency: 'EUR' } },
    'createChannel',
  );
  for (const [code, priority] of [
    ['FLT-W1', 1],
    ['FLT-W2', 2],
  ] as const) {
    await payload(
      graphqlUrl,
      token,
      'mutation($i: CreateWarehouseInput!) { createWarehouse(input: $i) { warehouse { id } userErrors { code message } } }',
      { i: { code, name: code, priority } },
      'createWarehouse',
    );
  }
  for (const sku of [HOT_SKU, ...NORMAL_SKUS]) {
    await payload(
      graphqlUrl,
      token,
      'mutation($i: UpsertProductInput!) { upsertProduct(input: $i) { product { id } userErrors { code message } } }',
      { i: { sku, name: sku, price: 1000, currency: 'EUR', allowBackorder: false } },
      'upsertProduct',
    );
  }
  // The contended SKU is split over both warehouses, so placements allocate across them.
  const hotW1 = Math.ceil(settings.hotStock * 0.6);
  const stock: [string, string, number][] = [
    [HOT_SKU, 'FLT-W1', hotW1],
    [HOT_SKU, 'FLT-W2', settings.hotStock - hotW1],
    ...NORMAL_SKUS.map((s) => [s, 'FLT-W1', 1_000_000] as [string, string, number]),
  ];
  for (const [sku, warehouseCode, delta] of stock) {
    if (delta)
      await payload(
        graphqlUrl,
        token,
        'mutation($i: AdjustStockInput!) { adjustStock(input: $i) { stockLevel { id } userErrors { code message } } }',
        { i: { sku, warehouseCode, delta, reason: 'fault run' } },
        'adjustStock',
      );
  }

  // The subscriber starts after the last event of the setup, so it must see every order.
  let after: string | null | undefined;
  let lastEventId: string | undefined;
  for (;;) {
    const page = (
      await gql<{
        events: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      }>(
        graphqlUrl,
        token,
        'query($a: String) { events(first: 200, after: $a) { nodes { id } pageInfo { hasNextPage endCursor } } }',
        { a: after },
      )
    ).events;
    if (page.nodes.length) lastEventId = page.nodes[page.nodes.length - 1].id;
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  if (!lastEventId) throw new Error('the setup wrote no event to resume after');
  const wsUrl = `ws://127.0.0.1:${port}/graphql`;
  const subscriber = new ResumingSubscriber(wsUrl, token, CHANNEL, lastEventId);
  subscriber.start();

  // Samples of the contended SKU's stock while everything happens (errors while the database is down are expected).
  const pool = new Pool({
    connectionString: db.url,
    max: 2,
    connectionTimeoutMillis: 3000,
    statement_timeout: 5000,
  });
  pool.on('error', () => undefined);
  const samples = { taken: 0, oversold: [] as string[] };
  const sampler = setInterval(() => {
    pool
      .query(
        `select w.code, s.on_hand, s.reserved from stock_level s join product p on p.id = s.product_id join warehouse w on w.id = s.warehouse_id where p.sku = $1`,
        [HOT_SKU],
      )
      .then((r) => {
        samples.taken++;
        for (const row of r.rows)
          if (row.reserved > row.on_hand || row.reserved < 0)
            samples.oversold.push(`${row.code}: reserved ${row.reserved} > onHand ${row.on_hand}`);
      })
      .catch(() => undefined);
  }, 500);

  const load = new Load({
    graphqlUrl,
    token,
    channelCode: CHANNEL,
    clients: settings.clients,
    paceMs: settings.paceMs,
    hotShare: 0.5,
  });
  const loadStarted = Date.now();
  load.start();
  note(
    `load: ${settings.clients} clients; faults ${settings.sequence.join(' -> ')}, ${settings.phaseMs / 1000} s apart`,
  );

  /**
   * After a fault: times from `since` to /readyz 200, a query answered, and the first placeOrder
   * acknowledged that was sent after `since`; each must come within the recovery timeout (from now).
   */
  const measureRecovery = async (since: number, f: FaultFigure, p: ServerProcess) => {
    const deadline = Date.now() + settings.recoveryTimeoutMs;
    while (
      Date.now() < deadline &&
      p.alive &&
      (f.readyMs === undefined || f.queryMs === undefined || f.recoveryMs === undefined)
    ) {
      if (f.readyMs === undefined) {
        try {
          const r = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) });
          await r.arrayBuffer();
          if (r.ok) f.readyMs = Date.now() - since;
        } catch {
          /* not yet */
        }
      }
      if (f.queryMs === undefined) {
        try {
          await gql(graphqlUrl, token, '{ channels { code } }');
          f.queryMs = Date.now() - since;
        } catch {
          /* not yet */
        }
      }
      const ack = load.firstAckSince(since);
      if (ack !== undefined) f.recoveryMs = ack - since;
      await sleep(100);
    }
  };

  /** A crashed or killed server's embedded postmaster, stopped by hand (what an operator would do). */
  const stopLeftoverPostmaster = async () => {
    if (db!.mode !== 'embedded') return;
    const pidFile = path.join(db!.serverEnv.OMS_DATA_DIR, 'pg', 'postmaster.pid');
    if (!fs.existsSync(pidFile)) return;
    try {
      const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
      if (pid > 0) process.kill(pid, 'SIGQUIT'); // immediate shutdown
    } catch {
      /* gone */
    }
    await sleep(2000);
  };

  /** If the server is not running (it crashed, or did not start), start it again by hand so the run goes on. */
  const ensureRunning = async (f: FaultFigure) => {
    if (server.alive) return;
    f.manualRestart = true;
    note(`fault ${f.fault}: the server is not running; stopping what it left and starting it again by hand`);
    server.killGroup();
    await stopLeftoverPostmaster();
    const again = await startServer();
    if (!again.ready) throw new Error(`the server does not start again, even by hand; see ${serverLog}`);
  };

  const faults: FaultFigure[] = [];
  for (const fault of settings.sequence) {
    await sleep(settings.phaseMs);
    const f: FaultFigure = { fault };
    faults.push(f);
    const p = server!;
    f.pidBefore = p.pid;
    const crashesBefore = crashes.length;
    // After (b) and (c): a new start on the same data folder, and how long until it serves.
    const startAgain = async (downAt: number) => {
      const again = await startServer();
      f.startMs = again.ms;
      f.pidAfter = server!.pid;
      if (!again.ready) {
        f.startMs = undefined;
        note(
          `fault ${fault}: the new server ${server!.alive ? `did not become ready in ${settings.startTimeoutMs} ms` : `exited (code ${server!.exitInfo?.code}) before it was ready`}`,
        );
        server!.killGroup();
        await server!.waitExit(10_000);
      }
      if (again.ready) await measureRecovery(downAt, f, server!);
      if (crashes.length > crashesBefore)
        f.crashed = crashes
          .slice(crashesBefore)
          .map((c) => `pid ${c.pid} code ${c.exit.code} signal ${c.exit.signal}`)
          .join('; ');
      await ensureRunning(f);
    };
    if (fault === 'a') {
      f.fault = 'a: database restart';
      if (!db.restart) {
        f.skipped = db.skipReason;
        continue;
      }
      note('fault a: restarting the database');
      const r = await db.restart();
      const end = Date.now();
      f.commandOk = r.ok;
      f.commandMs = r.ms;
      if (!r.ok) f.commandOutput = r.output.slice(-500);
      await measureRecovery(end, f, p);
      // The process must also survive what follows (pg-boss and pool errors arrive late).
      await sleep(Math.min(settings.phaseMs, 5000));
      f.pidAfter = server!.alive ? server!.pid : undefined;
      if (crashes.length > crashesBefore)
        f.crashed = crashes
          .slice(crashesBefore)
          .map((c) => `pid ${c.pid} code ${c.exit.code} signal ${c.exit.signal}`)
          .join('; ');
      await ensureRunning(f);
    } else if (fault === 'b') {
      f.fault = 'b: SIGKILL and start';
      note(`fault b: kill -9 ${p.pid}`);
      p.kill('SIGKILL');
      await p.waitExit(10_000);
      const killedAt = Date.now();
      await startAgain(killedAt);
    } else {
      f.fault = 'c: SIGTERM and start';
      note(`fault c: SIGTERM to ${p.pid}`);
      const sent = Date.now();
      p.kill('SIGTERM');
      const exit = await p.waitExit(settings.shutdownTimeoutMs);
      if (exit) {
        f.exitMs = exit.at - sent;
        f.exit = exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
      } else {
        f.exit = `still running after ${settings.shutdownTimeoutMs} ms`;
        p.killGroup();
        await p.waitExit(10_000);
      }
      if (db.embeddedPort) {
        await sleep(200);
        f.embeddedPgStopped = !(await portOpen(db.embeddedPort));
      }
      const stoppedAt = Date.now();
      await startAgain(stoppedAt);
    }
    figure('fault', { ...f });
  }
  await sleep(settings.phaseMs);
  const crashesBeforeDrain = crashes.length;
  await ensureRunning({ fault: 'drain' });
  note('draining: no new orders; pending ones retry until answered');
  await load.drain(settings.recoveryTimeoutMs);
  const loadMs = Date.now() - loadStarted;
  clearInterval(sampler);

  // --- what the database holds ----------------------------------------------------------------
  const dbOrders = await readOrders(pool, CHANNEL);

  // The subscriber gets time to see the last orders (live, or after its own resume).
  const waitSeenUntil = Date.now() + 20_000;
  while (Date.now() < waitSeenUntil && dbOrders.some((o) => !subscriber.seenOrderIds.has(o.id))) await sleep(250);
  await subscriber.stop();

  // A fresh subscription from the same starting point: tells "the stream lost it" from "live updates stalled".
  const catchUp = new ResumingSubscriber(wsUrl, token, CHANNEL, lastEventId);
  catchUp.start();
  const catchUpUntil = Date.now() + 15_000;
  while (Date.now() < catchUpUntil && dbOrders.some((o) => !catchUp.seenOrderIds.has(o.id))) await sleep(250);
  await catchUp.stop();

  const { acknowledged, refused, rejected, unresolved, unseen, unseenCatchUp, reservedTotal, onHandTotal, orderedHot } =
    await checkData(checks, {
      pool,
      api: <T>(query: string, variables?: Record<string, unknown>) => gql<T>(graphqlUrl, token, query, variables),
      channel: CHANNEL,
      load,
      dbOrders,
      subscriber,
      catchUp,
      hotStock: settings.hotStock,
      oversoldSamples: samples.oversold,
      drainMs: settings.recoveryTimeoutMs,
    });
  const attempts = load.orders;

  for (const f of faults) {
    if (f.skipped) {
      checks.skip(f.fault, f.skipped);
      continue;
    }
    const recovered = (what: string) => [
      f.readyMs === undefined && `${what}: /readyz did not answer 200 within ${settings.recoveryTimeoutMs} ms`,
      f.queryMs === undefined && `${what}: no query answered within ${settings.recoveryTimeoutMs} ms`,
      f.recoveryMs === undefined && `${what}: no placeOrder acknowledged within ${settings.recoveryTimeoutMs} ms`,
    ];
    if (f.fault.startsWith('a')) {
      checks.group('(a) database restart: the server process survives it (same pid, no exit)', [
        !f.commandOk && `the restart command failed: ${f.commandOutput}`,
        f.crashed && `the server exited: ${f.crashed}`,
        f.pidAfter !== f.pidBefore && `pid ${f.pidBefore} before, ${f.pidAfter ?? 'none'} after`,
      ]);
      checks.group(
        '(a) database restart: the server answers again by itself',
        f.crashed ? ['it did not survive'] : recovered('after the restart'),
      );
    } else if (f.fault.startsWith('b')) {
      checks.group('(b) kill -9: the next start works and serves', [
        (f.startMs === undefined || f.manualRestart) && `the server did not start again on its own (see ${serverLog})`,
        ...recovered('after kill -9'),
      ]);
    } else {
      checks.group('(c) SIGTERM mid-load: exit 0 within the shutdown timeout', [
        f.exit !== 'code 0' && `exit: ${f.exit}`,
      ]);
      if (f.embeddedPgStopped !== undefined)
        checks.group('(c) SIGTERM: the embedded PostgreSQL stops with the server', [
          !f.embeddedPgStopped && `port ${db.embeddedPort} still accepts connections after the server exited`,
        ]);
      checks.group('(c) SIGTERM: the next start works and serves', [
        (f.startMs === undefined || f.manualRestart) && `the server did not start again on its own (see ${serverLog})`,
        ...recovered('after SIGTERM'),
      ]);
    }
  }
  if (crashes.length > crashesBeforeDrain)
    checks.group('the server did not exit by itself at the end of the load', [
      `exits: ${crashes
        .slice(crashesBeforeDrain)
        .map((c) => `pid ${c.pid} code ${c.exit.code}`)
        .join('; ')}`,
    ]);

  const nonJson = stderrLines.filter((l) => {
    try {
      const v = JSON.parse(l);
      return typeof v !== 'object' || v === null;
    } catch {
      return true;
    }
  });
  checks.group(
    'server stderr has only JSON lines',
    nonJson.length
      ? [`${nonJson.length} non-JSON lines, e.g. ${JSON.stringify(nonJson.slice(0, 3).map((l) => l.slice(0, 200)))}`]
      : [],
  );

  // --- the final stop ---------------------------------------------------------------------------
  await pool.end().catch(() => undefined);
  const finalStop = Date.now();
  if (server!.alive) {
    server!.kill('SIGTERM');
    const exit = await server!.waitExit(settings.shutdownTimeoutMs);
    figure('final-stop', {
      ms: Date.now() - finalStop,
      exit: exit ? (exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`) : 'timed out',
    });
  }

  // --- figures --------------------------------------------------------------------------------
  const errorLogs = countErrorLogs(serverLog);
  figure('orders', {
    attempted: attempts.length,
    acknowledged: acknowledged.length,
    refused: refused.length,
    rejected: rejected.length,
    unresolved: unresolved.length,
    inDatabase: dbOrders.length,
    retries: load.retries,
    retryReasons: Object.fromEntries(load.retryReasons),
  });
  figure('stock', {
    sku: HOT_SKU,
    onHand: onHandTotal,
    reserved: reservedTotal,
    ordered: orderedHot,
    samples: samples.taken,
  });
  figure('subscriber', {
    seen: dbOrders.length - unseen.length,
    expected: dbOrders.length,
    updates: subscriber.updates,
    duplicates: subscriber.duplicateEvents,
    connections: subscriber.connections,
    catchUpSeen: dbOrders.length - unseenCatchUp.length,
    endings: subscriber.endings.slice(0, 8),
  });
  figure('server', {
    processes: servers.length,
    unexpectedExits: crashes.length,
    stderrLines: stderrLines.length,
    nonJsonStderrLines: nonJson.length,
    errorLogLines: errorLogs,
    log: serverLog,
  });
  figure('run', {
    mode: db.mode,
    loadMs,
    totalMs: Date.now() - runStarted,
    clients: settings.clients,
    ordersPerSecond: Math.round((attempts.length / loadMs) * 10000) / 10,
  });

  const fmt = (v: number | undefined) => (v === undefined ? '-' : String(v));
  const rows: [string, string][] = [
    ['mode', db.describe],
    ['orders attempted / acknowledged / refused', `${attempts.length} / ${acknowledged.length} / ${refused.length}`],
    ['retries', `${load.retries} (${[...load.retryReasons.entries()].map(([k, v]) => `${k} ${v}`).join(', ')})`],
    ...faults.map((f): [string, string] => [
      f.fault,
      f.skipped
        ? `skipped: ${f.skipped}`
        : `ready ${fmt(f.readyMs)} ms, query ${fmt(f.queryMs)} ms, first order ${fmt(f.recoveryMs)} ms${f.startMs !== undefined ? `, start ${f.startMs} ms` : ''}${f.exitMs !== undefined ? `, exit in ${f.exitMs} ms (${f.exit})` : f.exit ? ` (${f.exit})` : ''}${f.commandMs !== undefined ? `, restart command ${f.commandMs} ms` : ''}`,
    ]),
    [
      'subscriber updates seen / expected orders',
      `${dbOrders.length - unseen.length} / ${dbOrders.length} (${subscriber.updates} updates, ${subscriber.connections} connections)`,
    ],
    ['duration', `load ${(loadMs / 1000).toFixed(1)} s, total ${((Date.now() - runStarted) / 1000).toFixed(1)} s`],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log('');
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  console.log('');
  checks.print();
  await cleanup();
  console.log(`${checks.passed} passed, ${checks.failed} failed`);
  process.exitCode = checks.failed ? 1 : 0;
}

function countErrorLogs(file: string): number {
  if (!fs.existsSync(file)) return 0;
  let n = 0;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    try {
      if (JSON.parse(line).level >= 50) n++;
    } catch {
      /* not a log record */
    }
  }
  return n;
}

main().catch(async (err) => {
  console.error('fault run failed:', err?.stack ?? err);
  await cleanup().catch(() => cleanupSync());
  console.log('0 passed, 1 failed');
  process.exit(1);
});
