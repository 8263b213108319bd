/**
 * `pnpm bench:workers`: placeOrder throughput of the built server (dist/main.js, as `pnpm start`
 * runs it) with OMS_WORKERS=1 and OMS_WORKERS=2, side by side. Prints one JSON line per figure on
 * stdout, e.g. `{"figure":"place_order_per_s","workers":2,"value":312.4}`; progress goes to stderr.
 *
 * For each worker count: a scratch database (created, then dropped), the server launched as an OS
 * process on it, channel and warehouses through the API, 1,000 products with stock by SQL, then
 * closed-loop placeOrder load (16 clients, 3 lines each, keep-alive) from a child process, so the
 * load generator never shares a process with the server. Server CPU is read from /proc for the
 * launcher and all its workers over the measured window.
 *
 * Database: DATABASE_URL when set (scratch databases on it; its max_connections must hold the
 * workers' pools: 33 connections per worker with the defaults), otherwise an embedded
 * PostgreSQL in a temporary folder, removed at the end.
 *
 * Settings (environment): BENCH_WORKERS (list, default "1,2"), BENCH_CONCURRENCY (16),
 * BENCH_WARMUP_MS (5000), BENCH_MEASURE_MS (20000), BENCH_ROUNDS (1: rounds alternate the
 * worker counts, each round on a fresh launch).
 */
import { ChildProcess, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { freePort, startEmbeddedPostgres } from '../config/embedded-postgres';
import { gqlClient } from './client';
import { loadCatalog } from './data';
import { orderInput, placeViaApi } from './orders';
import { prng, runLoad, type LoadResult } from './stats';

const ADMIN = { email: 'bench@example.com', password: 'bench password 123456' };
const S = {
  workers: (process.env.BENCH_WORKERS ?? '1,2')
    .split(',')
    .map((w) => Number(w.trim()))
    .filter((w) => w >= 1),
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 16),
  warmupMs: Number(process.env.BENCH_WARMUP_MS ?? 5000),
  measureMs: Number(process.env.BENCH_MEASURE_MS ?? 20_000),
  rounds: Number(process.env.BENCH_ROUNDS ?? 1),
  products: 1000,
  customers: 5000,
  onHand: 1_000_000,
  seed: 42,
};

const progress = (msg: string) => process.stderr.write(`[bench:workers] ${msg}\n`);
const figure = (name: string, workers: number | undefined, value: number, extra: Record<string, unknown> = {}) =>
  process.stdout.write(
    `${JSON.stringify({ figure: name, ...(workers === undefined ? {} : { workers }), value: Math.round(value * 100) / 100, ...extra })}\n`,
  );

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

// ---------------------------------------------------------------- the load, in a child process

interface LoadJob {
  url: string;
  token: string;
  concurrency: number;
  warmupMs: number;
  measureMs: number;
  seed: number;
  products: number;
  customers: number;
}

async function loadChild(job: LoadJob) {
  const api = gqlClient(job.url, 'http', job.concurrency * 2);
  api.setToken(job.token);
  const rngs = Array.from({ length: job.concurrency }, (_, i) => prng(job.seed * 1000 + i + 1));
  process.send!({ started: true });
  const result = await runLoad({
    concurrency: job.concurrency,
    warmupMs: job.warmupMs,
    measureMs: job.measureMs,
    op: (w) => placeViaApi(api, orderInput(rngs[w], job.products, job.customers)),
  });
  api.close();
  const { latencies: _omitted, ...summary } = result;
  process.send!({ result: summary }, () => process.exit(0));
}

// ---------------------------------------------------------------- the parent

/** CPU time (ms) of `pid` and every process below it, from /proc. */
function treeCpuMs(pid: number): number {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  const stats = new Map<number, { ppid: number; cpu: number }>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const s = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(d), { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) * tick });
    } catch {
      /* gone */
    }
  }
  let total = 0;
  const walk = (p: number) => {
    total += stats.get(p)?.cpu ?? 0;
    for (const [child, s] of stats) if (s.ppid === p) walk(child);
  };
  walk(pid);
  return total;
}

/** Resident memory (MB) of `pid` and every process below it. */
function treeRssMb(pid: number): number {
  let total = 0;
  const walk = (p: number) => {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    } catch {
      return;
    }
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const s = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
        if (Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[1]) === p) walk(Number(d));
      } catch {
        /* gone */
      }
    }
  };
  walk(pid);
  return total;
}

interface Launched {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

async function launchServer(databaseUrl: string, workers: number): Promise<Launched> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    OMS_WORKERS: String(workers),
    OMS_SEED: 'none',
    OMS_ADMIN_EMAIL: ADMIN.email,
    OMS_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'info',
    // Every request pays for its rate-limit counter, with a budget the load never reaches.
    OMS_RATE_LIMIT_REQUESTS: '1000000000',
  };
  delete env.OMS_METRICS_PORT;
  const child = spawn(process.execPath, [path.join(__dirname, '..', 'main.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 180_000;
  while (!/"msg":"OMS is up on/.test(out)) {
    if (child.exitCode !== null) throw new Error(`the server exited while starting:\n${out.slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`the server did not start in time:\n${out.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, port, output: () => out, exited };
}

async function runOne(
  baseUrl: string,
  workers: number,
  round: number,
): Promise<{ result: LoadResult; cpuMsPerOrder: number; rssMb: number }> {
  const name = `oms_bench_workers_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const databaseUrl = withDatabase(baseUrl, name);
  let server: Launched | undefined;
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', () => undefined);
  try {
    progress(`round ${round}, OMS_WORKERS=${workers}: starting the server on database ${name}`);
    server = await launchServer(databaseUrl, workers);
    const url = `http://127.0.0.1:${server.port}/graphql`;
    const api = gqlClient(url, 'http', 4);
    const login = await api.must<{ login: { token: string } }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: ADMIN.email, p: ADMIN.password },
    );
    api.setToken(login.login.token);
    await api.must(
      'mutation { createChannel(input: { code: "WEB", name: "Web shop", currency: "EUR" }) { channel { id } } }',
    );
    for (const [code, priority] of [
      ['WH-1', 1],
      ['WH-2', 2],
      ['WH-3', 3],
    ] as const) {
      await api.must('mutation($i: CreateWarehouseInput!) { createWarehouse(input: $i) { warehouse { id } } }', {
        i: { code, name: `Warehouse ${priority}`, priority },
      });
    }
    await loadCatalog(pool, S.products, S.onHand);
    api.close();

    const job: LoadJob = {
      url,
      token: login.login.token,
      concurrency: S.concurrency,
      warmupMs: S.warmupMs,
      measureMs: S.measureMs,
      seed: S.seed + round,
      products: S.products,
      customers: S.customers,
    };
    const loader = fork(__filename, ['--load', JSON.stringify(job)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const serverPid = server.child.pid!;
    let cpuStart = 0;
    let cpuEnd = 0;
    let rssMb = 0;
    const result = await new Promise<LoadResult>((resolve, reject) => {
      loader.on('message', (m: { started?: boolean; result?: LoadResult }) => {
        if (m.started) {
          setTimeout(() => (cpuStart = treeCpuMs(serverPid)), S.warmupMs);
          setTimeout(() => {
            cpuEnd = treeCpuMs(serverPid);
            rssMb = treeRssMb(serverPid);
          }, S.warmupMs + S.measureMs);
        }
        if (m.result) resolve(m.result);
      });
      loader.on('exit', (code) => code !== 0 && reject(new Error(`the load process exited with ${code}`)));
    });
    const cpuMsPerOrder = result.completed ? (cpuEnd - cpuStart) / result.completed : NaN;
    progress(
      `  ${result.perSecond.toFixed(1)} orders/s, p50 ${result.latency.p50.toFixed(1)} ms, p99 ${result.latency.p99.toFixed(1)} ms, ` +
        `${result.failures} failures${result.firstErrors.length ? ` (${result.firstErrors[0]})` : ''}, server CPU ${cpuMsPerOrder.toFixed(2)} ms/order, RSS ${rssMb.toFixed(0)} MB`,
    );
    return { result, cpuMsPerOrder, rssMb };
  } finally {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      const code = await server.exited;
      if (code !== 0) progress(`the server exited with ${code} on SIGTERM:\n${server.output().slice(-2000)}`);
    }
    await pool.end().catch(() => undefined);
    const a = new Client({ connectionString: baseUrl });
    await a.connect();
    await a
      .query(`drop database if exists "${name}" with (force)`)
      .catch((e) => progress(`drop database ${name}: ${e.message}`));
    await a.end();
  }
}

async function main() {
  const cleanups: (() => Promise<unknown>)[] = [];
  const onSignal = () =>
    void Promise.all(cleanups.map((f) => f().catch(() => undefined))).then(() => process.exit(130));
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    let baseUrl = process.env.DATABASE_URL;
    let where: string;
    if (baseUrl) {
      where = `DATABASE_URL (${new URL(baseUrl).host})`;
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-bench-workers-'));
      fs.chmodSync(dir, 0o755); // the embedded PostgreSQL runs as a created `postgres` user
      const db = await startEmbeddedPostgres(dir);
      cleanups.push(async () => {
        await db.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      });
      baseUrl = withDatabase(db.url, 'postgres');
      where = `embedded PostgreSQL (${new URL(db.url).host}, removed at the end)`;
    }
    progress(
      `${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}; database: ${where}`,
    );
    progress(
      `${S.concurrency} clients, 3 lines per order, warm-up ${S.warmupMs} ms, measured ${S.measureMs} ms, workers ${S.workers.join(' and ')}, ${S.rounds} round(s)`,
    );
    const results = new Map<
      number,
      { perSecond: number[]; p50: number[]; p99: number[]; cpu: number[]; rss: number[]; failures: number }
    >();
    for (let round = 1; round <= S.rounds; round++) {
      for (const workers of S.workers) {
        const r = await runOne(baseUrl, workers, round);
        const acc = results.get(workers) ?? { perSecond: [], p50: [], p99: [], cpu: [], rss: [], failures: 0 };
        acc.perSecond.push(r.result.perSecond);
        acc.p50.push(r.result.latency.p50);
        acc.p99.push(r.result.latency.p99);
        acc.cpu.push(r.cpuMsPerOrder);
        acc.rss.push(r.rssMb);
        acc.failures += r.result.failures;
        results.set(workers, acc);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    for (const [workers, r] of results) {
      figure('place_order_per_s', workers, median(r.perSecond));
      figure('place_order_p50_ms', workers, median(r.p50));
      figure('place_order_p99_ms', workers, median(r.p99));
      figure('server_cpu_ms_per_order', workers, median(r.cpu));
      figure('server_rss_mb', workers, median(r.rss));
      figure('place_order_failures', workers, r.failures);
    }
    const one = results.get(1);
    for (const [workers, r] of results) {
      if (workers !== 1 && one)
        figure('place_order_speedup', workers, median(r.perSecond) / median(one.perSecond), { versus: 1 });
    }
    figure('machine_cores', undefined, os.availableParallelism(), {
      loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100),
    });
  } finally {
    for (const f of cleanups.reverse()) await f().catch((e) => progress(`cleanup: ${(e as Error).message}`));
  }
}

if (process.argv[2] === '--load') {
  loadChild(JSON.parse(process.argv[3])).catch((e) => {
    process.stderr.write(`load process: ${(e as Error).stack}\n`);
    process.exit(1);
  });
} else {
  main().then(
    () => process.exit(0),
    (e) => {
      progress(`failed: ${(e as Error).stack ?? e}`);
      process.exit(1);
    },
  );
}
