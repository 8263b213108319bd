/**
 * `pnpm bench:export`: streaming exports of a big database over HTTP, and what they cost in memory.
 *
 *  1. a scratch database: `oms_export_bench_<random>` on DATABASE_URL's server (dropped at the
 *     end), or an embedded PostgreSQL in a temp dir (removed at the end); the real server
 *     (createServer) in this process;
 *  2. BENCH_EXPORT_ORDERS orders (default 1,000,000) with 2 or 3 lines each, 1,000 products and
 *     20,000 customers, generated with SQL (generate_series; the same loader as `pnpm bench`);
 *  3. GET /export/orders.jsonl (one line per order), /export/orders.csv (one row per order line)
 *     and /export/customers.csv over HTTP with the bearer token; the client counts the bytes and
 *     lines and throws them away;
 *  4. per export: records/s, rows/s, MB/s, and the RSS of this process (server and its discarding
 *     client) sampled every 20 ms: before, peak, and the heap.
 *
 * Exit code 1 when an export fails or returns the wrong number of lines.
 */
import 'reflect-metadata';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'pg';
import { startEmbeddedPostgres } from '../config/embedded-postgres';
import { createServer } from '../server';
import { loadCatalog, loadOrders } from './data';

const ORDERS = Number(process.env.BENCH_EXPORT_ORDERS ?? 1_000_000);
const CUSTOMERS = 20_000;
const ADMIN = { email: 'export-bench@bench.example', password: randomBytes(12).toString('hex') };
const cleanups: (() => Promise<unknown>)[] = [];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const say = (s: string) => process.stderr.write(`[bench:export] ${s}\n`);

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function scratchDatabase(): Promise<string> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `oms_export_bench_${randomBytes(5).toString('hex')}`;
    const admin = new Client({ connectionString: external });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
    cleanups.push(async () => {
      const a = new Client({ connectionString: external });
      await a.connect();
      await a.query(`drop database if exists "${name}" with (force)`).finally(() => a.end());
    });
    say(`database ${name} on ${new URL(external).host}`);
    return withDatabase(external, name);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-export-bench-'));
  fs.chmodSync(dir, 0o755);
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  const db = await startEmbeddedPostgres(dir);
  cleanups.push(() => db.stop());
  say(`embedded PostgreSQL at ${new URL(db.url).host}`);
  return db.url;
}

/** GETs `url`, counting bytes and lines; RSS sampled meanwhile. */
function download(
  url: string,
  token: string,
): Promise<{ status: number; bytes: number; lines: number; seconds: number; rssPeak: number; heapPeak: number }> {
  return new Promise((resolve, reject) => {
    let rssPeak = 0;
    let heapPeak = 0;
    const sample = () => {
      const m = process.memoryUsage();
      rssPeak = Math.max(rssPeak, m.rss);
      heapPeak = Math.max(heapPeak, m.heapUsed);
    };
    const timer = setInterval(sample, 20);
    const started = performance.now();
    http
      .get(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
        let bytes = 0;
        let lines = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        });
        res.on('end', () => {
          clearInterval(timer);
          sample();
          resolve({
            status: res.statusCode ?? 0,
            bytes,
            lines,
            seconds: (performance.now() - started) / 1000,
            rssPeak,
            heapPeak,
          });
        });
        res.on('error', reject);
      })
      .on('error', (e) => {
        clearInterval(timer);
        reject(e);
      });
  });
}

async function main() {
  const databaseUrl = await scratchDatabase();
  const server = await createServer({
    config: {
      port: 0,
      logLevel: 'warn',
      sessionTtlSeconds: 3600,
      bodyLimit: '1mb',
      corsOrigins: [],
      rateLimitRequests: 1_000_000,
    },
    databaseUrl,
    host: '127.0.0.1',
    admin: ADMIN,
    seed: 'none',
  });
  cleanups.unshift(() => server.stop());
  const base = server.url.replace(/\/graphql$/, '');

  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  cleanups.unshift(() => pool.end());
  const [{ id: channelId }] = (
    await pool.query(
      `insert into channel (id, code, name, currency, created_at) values (gen_random_uuid(), 'WEB', 'Web shop', 'EUR', now()) returning id`,
    )
  ).rows;
  await pool.query(
    `insert into warehouse (id, code, name, priority, created_at) values (gen_random_uuid(), 'BER', 'Berlin', 1, now())`,
  );
  let t0 = performance.now();
  await loadCatalog(pool, 1000, 1000);
  const loaded = await loadOrders(pool, channelId, ORDERS, CUSTOMERS);
  say(
    `generated ${loaded.orders} orders, ${loaded.lines} lines, ${loaded.customers} customers in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );

  const login = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      variables: { e: ADMIN.email, p: ADMIN.password },
    }),
  });
  const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;

  if (global.gc) global.gc();
  const rssBefore = process.memoryUsage().rss;
  const results: string[] = [];
  let failed = false;
  for (const [file, records, rows] of [
    ['orders.jsonl', loaded.orders, loaded.orders],
    ['orders.csv', loaded.orders, loaded.lines + 1],
    ['customers.csv', loaded.customers, loaded.customers + 1],
  ] as const) {
    t0 = performance.now();
    const r = await download(`${base}/export/${file}`, token);
    if (r.status !== 200 || r.lines !== rows) {
      failed = true;
      say(`${file}: status ${r.status}, ${r.lines} lines, expected ${rows}`);
    }
    results.push(
      `| ${file} | ${r.lines.toLocaleString('en')} | ${(r.bytes / 1024 / 1024).toFixed(0)} MB | ${r.seconds.toFixed(1)} s | ${Math.round(records / r.seconds).toLocaleString('en')} records/s, ${Math.round(r.lines / r.seconds).toLocaleString('en')} lines/s | ${(r.bytes / 1024 / 1024 / r.seconds).toFixed(1)} MB/s | ${mb(r.rssPeak)} | ${mb(r.heapPeak)} |`,
    );
    say(results[results.length - 1]);
  }
  const pg = (await pool.query('select version()')).rows[0].version.split(' on ')[0];
  process.stdout.write(
    [
      '',
      `Machine: ${os.cpus()[0]?.model} x ${os.cpus().length}, ${mb(os.totalmem())} RAM, Node ${process.version}, ${pg}; load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
      `RSS of the process (server + a client that discards what it reads) before the exports: ${mb(rssBefore)}`,
      '',
      '| export | lines | size | time | throughput | | peak RSS | peak heap |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...results,
      '',
    ].join('\n'),
  );
  return failed;
}

async function cleanup() {
  for (const fn of cleanups.splice(0)) await fn().catch((e) => say(`cleanup: ${e.message}`));
}

main()
  .then(async (failed) => {
    await cleanup();
    process.exit(failed ? 1 : 0);
  })
  .catch(async (e) => {
    say(`failed: ${e.stack ?? e}`);
    await cleanup();
    process.exit(1);
  });
