/**
 * `pnpm bench:bulk` (and the `bulk` step of `pnpm bench`): a bulk order job over 10,000 orders.
 *
 *  1. a scratch database: `oms_bulk_bench_<random>` on DATABASE_URL's server (dropped at the end),
 *     or an embedded PostgreSQL in a temp dir (removed at the end); the real server (createServer)
 *     in this process; a channel, a warehouse and a product with plenty of stock, through the API;
 *  2. BENCH_BULK_ORDERS orders (default 10,000) placed with placeOrder, BENCH_BULK_CLIENTS (16) at once;
 *  3. startBulkOrderAction CONFIRM over all of them (filter: PENDING), then bulkOrderJob polled
 *     every 100 ms until DONE; every order must be confirmed.
 *
 * Prints one JSON line: `{"figure":"bulk_confirm_s","value":..,"orders":10000,"ordersPerSecond":..}`;
 * progress goes to stderr. Exit code 1 when a step fails or an order was refused.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../config/embedded-postgres';
import { createServer } from '../server';
import { gqlClient } from './client';

const ORDERS = Number(process.env.BENCH_BULK_ORDERS ?? 10_000);
const CLIENTS = Number(process.env.BENCH_BULK_CLIENTS ?? 16);
const ADMIN = { email: 'bulk-bench@bench.example', password: randomBytes(12).toString('hex') };
const cleanups: (() => Promise<unknown>)[] = [];
const say = (s: string) => process.stderr.write(`[bench:bulk] ${s}\n`);

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function scratchDatabase(): Promise<string> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `oms_bulk_bench_${randomBytes(5).toString('hex')}`;
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
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-bulk-bench-'));
  fs.chmodSync(dir, 0o755);
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  const db = await startEmbeddedPostgres(dir);
  cleanups.push(() => db.stop());
  say(`embedded PostgreSQL at ${new URL(db.url).host}`);
  return db.url;
}

const PLACE = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { order { id } userErrors { field message } } }`;

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
  const client = gqlClient(server.url, 'http', CLIENTS);
  cleanups.unshift(async () => client.close());
  const login = await client.must<{ login: { token: string } }>(
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: ADMIN.email, p: ADMIN.password },
  );
  client.setToken(login.login.token);
  await client.must(
    `mutation { createChannel(input: { code: "WEB", name: "Web", currency: "EUR" }) { userErrors { message } } }`,
  );
  await client.must(
    `mutation { createWarehouse(input: { code: "WH1", name: "WH1", priority: 1 }) { userErrors { message } } }`,
  );
  await client.must(
    `mutation { upsertProduct(input: { sku: "BULK-1", name: "Bulk", price: 1000, currency: "EUR" }) { userErrors { message } } }`,
  );
  await client.must(
    `mutation { adjustStock(input: { sku: "BULK-1", warehouseCode: "WH1", delta: ${ORDERS * 2}, reason: "bench" }) { userErrors { message } } }`,
  );

  say(`placing ${ORDERS} orders, ${CLIENTS} at a time`);
  const placing = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < ORDERS) {
        const i = next++;
        const r = await client.must<{ placeOrder: { userErrors: unknown[] } }>(PLACE, {
          i: {
            channelCode: 'WEB',
            customer: { email: `c${i % 500}@bench.example`, name: `Customer ${i % 500}` },
            shippingAddress: { line1: '1 Bench Road', city: 'Berlin', postalCode: '10115', country: 'DE' },
            lines: [{ sku: 'BULK-1', quantity: 1 }],
          },
        });
        if (r.placeOrder.userErrors.length)
          throw new Error(`placeOrder refused: ${JSON.stringify(r.placeOrder.userErrors)}`);
      }
    }),
  );
  say(`placed in ${((performance.now() - placing) / 1000).toFixed(1)} s`);

  const started = performance.now();
  const start = await client.must<{
    startBulkOrderAction: { job: { id: string; total: number } | null; userErrors: unknown[] };
  }>(
    `mutation { startBulkOrderAction(input: { action: CONFIRM, filter: { status: [PENDING] } }) { job { id total } userErrors { field message } } }`,
  );
  const job = start.startBulkOrderAction.job;
  if (!job) throw new Error(`startBulkOrderAction refused: ${JSON.stringify(start.startBulkOrderAction.userErrors)}`);
  if (job.total !== ORDERS) throw new Error(`the job took ${job.total} orders, expected ${ORDERS}`);
  let state: { state: string; done: number; failed: number };
  let said = 0;
  for (;;) {
    const r = await client.must<{ bulkOrderJob: { state: string; done: number; failed: number } }>(
      'query($id: ID!) { bulkOrderJob(id: $id) { state done failed } }',
      { id: job.id },
    );
    state = r.bulkOrderJob;
    if (state.state === 'DONE' || state.state === 'FAILED') break;
    if (performance.now() - said > 5000) {
      said = performance.now();
      say(`${state.done} / ${ORDERS}`);
    }
    await new Promise((res) => setTimeout(res, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  if (state.state !== 'DONE' || state.failed) throw new Error(`the job ended ${JSON.stringify(state)}`);
  const check = new Client({ connectionString: databaseUrl });
  await check.connect();
  const { rows } = await check.query(`select status, count(*)::int as n from "order" group by status`);
  await check.end();
  if (rows.length !== 1 || rows[0].status !== 'CONFIRMED' || rows[0].n !== ORDERS)
    throw new Error(`orders afterwards: ${JSON.stringify(rows)}`);
  const load = os.loadavg().map((l) => Math.round(l * 10) / 10);
  process.stdout.write(
    `${JSON.stringify({
      figure: 'bulk_confirm_s',
      value: Math.round(seconds * 100) / 100,
      unit: 's',
      orders: ORDERS,
      ordersPerSecond: Math.round(ORDERS / seconds),
      load,
    })}\n`,
  );
}

async function cleanup() {
  for (const fn of cleanups.splice(0)) await fn().catch((e) => say(`cleanup: ${e.message}`));
}

main()
  .then(async () => {
    await cleanup();
    process.exit(0);
  })
  .catch(async (e) => {
    say(`failed: ${e.stack ?? e}`);
    await cleanup();
    process.exit(1);
  });
