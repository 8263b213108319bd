/**
 * `pnpm bench:sync` (and the `sync` step of `pnpm bench`): a partner's bulk sync through GraphQL.
 *
 *  1. a scratch database: `oms_sync_bench_<random>` on DATABASE_URL's server (dropped at the end),
 *     or an embedded PostgreSQL in a temp dir (removed at the end); the real server (createServer)
 *     in this process, three warehouses created through the API;
 *  2. first sync: BENCH_SYNC_SKUS products (default 10,000) with upsertProducts, then their stock in
 *     every warehouse (30,000 levels) with setStockLevels, in calls of BENCH_SYNC_BATCH items
 *     (default 500, the most a call takes), one call at a time as one partner's client would;
 *  3. second sync, as a nightly one: the same products (nothing to change) and new on-hand values
 *     for every level (a movement and an event each).
 *
 * Prints one JSON line per figure on stdout, e.g. `{"figure":"sync_total_s","value":21.3}`;
 * progress goes to stderr. Exit code 1 when a call fails or refuses an item.
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
import { gqlClient, GqlClient } from './client';

const SKUS = Number(process.env.BENCH_SYNC_SKUS ?? 10_000);
const BATCH = Number(process.env.BENCH_SYNC_BATCH ?? 500);
const WAREHOUSES = ['BER', 'HAM', 'MUC'];
const ADMIN = { email: 'sync-bench@bench.example', password: randomBytes(12).toString('hex') };
const cleanups: (() => Promise<unknown>)[] = [];
const say = (s: string) => process.stderr.write(`[bench:sync] ${s}\n`);
const figure = (name: string, value: number, extra: Record<string, unknown> = {}) =>
  process.stdout.write(`${JSON.stringify({ figure: name, value: Math.round(value * 100) / 100, ...extra })}\n`);

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function scratchDatabase(): Promise<string> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `oms_sync_bench_${randomBytes(5).toString('hex')}`;
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
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-sync-bench-'));
  fs.chmodSync(dir, 0o755);
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  const db = await startEmbeddedPostgres(dir);
  cleanups.push(() => db.stop());
  say(`embedded PostgreSQL at ${new URL(db.url).host}`);
  return db.url;
}

const UPSERT = `mutation($i: [UpsertProductInput!]!) { upsertProducts(input: $i) {
  results { outcome userErrors { field code message } } userErrors { field code message } } }`;
const SET = `mutation($i: [SetStockLevelInput!]!) { setStockLevels(input: $i) {
  results { outcome userErrors { field code message } } userErrors { field code message } } }`;

type Results = { results: { outcome: string; userErrors: unknown[] }[]; userErrors: unknown[] };

/** Sends the items in calls of BATCH, one after the other; counts outcomes; throws on any refusal. */
async function push(
  client: GqlClient,
  query: string,
  field: 'upsertProducts' | 'setStockLevels',
  items: Record<string, unknown>[],
): Promise<{ seconds: number; outcomes: Record<string, number> }> {
  const outcomes: Record<string, number> = {};
  const started = performance.now();
  for (let i = 0; i < items.length; i += BATCH) {
    const data = await client.must<Record<string, Results>>(query, { i: items.slice(i, i + BATCH) });
    const payload = data[field];
    const refused = payload.userErrors.length ? payload.userErrors : payload.results.flatMap((r) => r.userErrors);
    if (refused.length) throw new Error(`${field} refused items: ${JSON.stringify(refused).slice(0, 300)}`);
    for (const r of payload.results) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  }
  return { seconds: (performance.now() - started) / 1000, outcomes };
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
  const client = gqlClient(server.url, 'http', 1);
  cleanups.unshift(async () => client.close());
  const login = await client.must<{ login: { token: string } }>(
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: ADMIN.email, p: ADMIN.password },
  );
  client.setToken(login.login.token);
  for (const [i, code] of WAREHOUSES.entries()) {
    await client.must(`mutation($i: CreateWarehouseInput!) { createWarehouse(input: $i) { userErrors { message } } }`, {
      i: { code, name: code, priority: i + 1 },
    });
  }

  const skus = Array.from({ length: SKUS }, (_, i) => `SYNC-${String(i).padStart(6, '0')}`);
  const products = skus.map((sku, i) => ({
    sku,
    name: `Synced product ${i}`,
    price: 100 + (i % 5000),
    currency: 'EUR',
    allowBackorder: i % 10 === 0,
  }));
  const levels = (round: number) =>
    skus.flatMap((sku, i) =>
      WAREHOUSES.map((warehouseCode, w) => ({
        sku,
        warehouseCode,
        onHand: ((i + w) % 97) + 1 + round,
        reason: `partner sync ${round}`,
      })),
    );

  say(`first sync: ${SKUS} products, then ${SKUS * WAREHOUSES.length} stock levels, in calls of ${BATCH}`);
  const p1 = await push(client, UPSERT, 'upsertProducts', products);
  const s1 = await push(client, SET, 'setStockLevels', levels(0));
  say(
    `products ${p1.seconds.toFixed(1)} s ${JSON.stringify(p1.outcomes)}; stock ${s1.seconds.toFixed(1)} s ${JSON.stringify(s1.outcomes)}`,
  );
  say('second sync: the same products, new on-hand values everywhere');
  const p2 = await push(client, UPSERT, 'upsertProducts', products);
  const s2 = await push(client, SET, 'setStockLevels', levels(1));
  say(
    `products ${p2.seconds.toFixed(1)} s ${JSON.stringify(p2.outcomes)}; stock ${s2.seconds.toFixed(1)} s ${JSON.stringify(s2.outcomes)}`,
  );

  const expect = (what: string, got: Record<string, number>, want: Record<string, number>) => {
    if (JSON.stringify(got) !== JSON.stringify(want))
      throw new Error(`${what}: outcomes ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  };
  expect('first products', p1.outcomes, { CREATED: SKUS });
  expect('first stock', s1.outcomes, { CREATED: SKUS * WAREHOUSES.length });
  expect('second products', p2.outcomes, { UNCHANGED: SKUS });
  expect('second stock', s2.outcomes, { UPDATED: SKUS * WAREHOUSES.length });

  const extra = { skus: SKUS, levels: SKUS * WAREHOUSES.length, batch: BATCH };
  const load = os.loadavg().map((l) => Math.round(l * 10) / 10);
  figure('sync_products_s', p1.seconds, extra);
  figure('sync_stock_s', s1.seconds, extra);
  figure('sync_total_s', p1.seconds + s1.seconds, { ...extra, load });
  figure('resync_total_s', p2.seconds + s2.seconds, { ...extra, load });
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
