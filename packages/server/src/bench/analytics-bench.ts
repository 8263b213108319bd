/**
 * `pnpm bench:analytics`: the analytics and dashboard queries on a database of 1,000,000 orders.
 *
 *  1. a fresh database: `oms_abench_<random>` on DATABASE_URL's server (dropped at the end), or an
 *     embedded PostgreSQL in a temp dir (removed at the end); the real server (createServer) on
 *     a free port, signed in over HTTP;
 *  2. 3 channels and 3 warehouses through the API; products, customers, orders with 1-3 lines,
 *     payments, refunds, shipments (10% split in two, deliveries), returns, order history for the
 *     open orders and the stock movements of the shipments, all with generate_series SQL over the
 *     last 365 days, in chunks;
 *  3. the rollups built by the real rebuild path (rebuildRange, one transaction per day), timed;
 *  4. every analytics and dashboard query over GraphQL/HTTP, one-year and 30-day ranges: one
 *     warm-up, then BENCH_RUNS (10) timed runs each: p50, p95, max;
 *  5. a table; exit 1 when any query answers an error or takes more than 1 s (max).
 *
 * Environment: DATABASE_URL, BENCH_ORDERS (1000000), BENCH_RUNS (10), BENCH_PRODUCTS (1000),
 * BENCH_CUSTOMERS (100000), BENCH_KEEP=1 (keep the database; prints its URL), BENCH_REUSE_URL (a database
 * kept by an earlier run: skip creating and loading data, rebuild the rollups and time the queries),
 * BENCH_SKIP_REBUILD=1 (with BENCH_REUSE_URL: time the queries on the rollups as they are).
 */
import 'reflect-metadata';
import { Client, Pool } from 'pg';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startEmbeddedPostgres } from '../config/embedded-postgres';
import { dayOf, addDays, rebuildRange } from '../modules/analytics/rollups';
import { createServer, RunningServer } from '../server';
import { gqlClient } from './client';
import { ms, percentile, table } from './stats';

function intEnv(name: string, fallback: number, min = 0): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number >= ${min}, got "${raw}"`);
  return Math.floor(n);
}

const S = {
  orders: intEnv('BENCH_ORDERS', 1_000_000, 1000),
  runs: intEnv('BENCH_RUNS', 10, 1),
  products: intEnv('BENCH_PRODUCTS', 1000, 10),
  customers: intEnv('BENCH_CUSTOMERS', 100_000, 10),
  keep: process.env.BENCH_KEEP === '1',
  reuse: process.env.BENCH_REUSE_URL,
  chunk: 100_000,
};
const LIMIT_MS = 1000;
const ADMIN = { email: 'bench-admin@bench.example', password: randomBytes(12).toString('hex') };

const t00 = performance.now();
const progress = (msg: string) =>
  process.stderr.write(`[${((performance.now() - t00) / 1000).toFixed(1).padStart(6)}s] ${msg}\n`);
const out = (s = '') => process.stdout.write(`${s}\n`);

const cleanups: (() => Promise<unknown>)[] = [];
async function cleanup() {
  while (cleanups.length) {
    try {
      await cleanups.pop()!();
    } catch (e) {
      progress(`cleanup: ${(e as Error).message}`);
    }
  }
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** Orders lo..hi (1-based) and everything that hangs off them, in a few set-based statements. */
async function loadChunk(pool: Pool, lo: number, hi: number, total: number) {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`select setseed(${(lo % 1000) / 1000})`);
    // Placing time: spread evenly over the last 365 days (newest last), with a jitter of +-12h.
    // Status by age: older than 4 days: mostly delivered, some cancelled or returned; the last days: open ones too.
    await client.query(`create temp table chunk on commit drop as
      select n, gen_random_uuid() as id,
             (select id from channel order by code offset (n % 3) limit 1) as channel_id,
             md5('bench-customer-' || (1 + (n::bigint * 7919) % ${S.customers}))::uuid as customer_id,
             least(now() - interval '1 minute', now() - interval '365 days' + (n::float / ${total}) * interval '365 days' + (random() - 0.5) * interval '12 hours') as placed_at,
             random() as r, random() as r2, random() as r3
        from generate_series(${lo}, ${hi}) n`);
    await client.query(`alter table chunk add column status order_status`);
    await client.query(`update chunk set status = (case
        when r < 0.07 then 'CANCELLED'
        when placed_at > now() - interval '2 days' and r < 0.35 then 'PENDING'
        when placed_at > now() - interval '3 days' and r < 0.40 then 'ON_HOLD'
        when placed_at > now() - interval '4 days' and r < 0.70 then 'CONFIRMED'
        when placed_at > now() - interval '4 days' and r < 0.75 then 'PARTIALLY_SHIPPED'
        when placed_at > now() - interval '6 days' and r < 0.90 then 'SHIPPED'
        when r > 0.97 then 'RETURNED'
        else 'DELIVERED' end)::order_status`);
    await client.query(`create temp table chunk_line on commit drop as
      select c.id as order_id, c.status, k as line_no, p.id as product_id, p.sku, p.name, p.price_amount,
             1 + ((c.n + k) % 3) as quantity
        from chunk c cross join lateral generate_series(1, 1 + (c.n % 3)) k
        join product p on p.sku = 'SKU-' || lpad((1 + ((c.n * 31 + k * 337) % ${S.products}))::text, 4, '0')`);
    await client.query(`insert into "order" (id, number, channel_id, customer_id, status, status_before_hold, hold_reason, cancel_reason, payment_status, currency,
        subtotal_amount, shipping_amount, total_amount, paid_amount, refunded_amount, ship_name, ship_line1, ship_city, ship_postal_code, ship_country, placed_at, updated_at)
      select c.id, 'A' || c.n, c.channel_id, c.customer_id, c.status,
             case when c.status = 'ON_HOLD' then 'CONFIRMED'::order_status end,
             case when c.status = 'ON_HOLD' then 'address check' end,
             case when c.status = 'CANCELLED' then (array['customer asked', 'out of stock', 'fraud suspected'])[1 + c.n % 3] end,
             (case when c.status in ('CANCELLED', 'PENDING') then 'UNPAID' when c.status = 'RETURNED' then 'REFUNDED' else 'PAID' end)::payment_status,
             'EUR', t.subtotal, 490, t.subtotal + 490,
             case when c.status in ('CANCELLED', 'PENDING') then 0 else t.subtotal + 490 end,
             case when c.status = 'RETURNED' then t.subtotal + 490 else 0 end,
             'Bench Customer', 'Bench Street 1', 'Berlin', '10115', 'DE', c.placed_at, c.placed_at
        from chunk c join (select order_id, sum(price_amount * quantity)::int as subtotal from chunk_line group by order_id) t on t.order_id = c.id`);
    await client.query(`insert into order_line (id, order_id, line_no, product_id, sku, name, quantity, unit_price_amount, currency, quantity_shipped, quantity_returned)
      select gen_random_uuid(), order_id, line_no, product_id, sku, name, quantity, price_amount, 'EUR',
             case when status in ('SHIPPED', 'DELIVERED', 'RETURNED') then quantity when status = 'PARTIALLY_SHIPPED' and line_no = 1 then quantity else 0 end,
             case when status = 'RETURNED' then quantity else 0 end
        from chunk_line`);
    await client.query(`insert into payment (id, order_id, amount_minor, currency, method, recorded_by, created_at)
      select gen_random_uuid(), o.id, o.paid_amount, 'EUR', 'card', 'bench', o.placed_at + interval '5 minutes'
        from chunk c join "order" o on o.id = c.id where o.paid_amount > 0`);
    await client.query(`insert into refund (id, order_id, amount_minor, currency, reason, recorded_by, created_at)
      select gen_random_uuid(), o.id, o.refunded_amount, 'EUR', 'returned', 'bench', o.placed_at + interval '10 days'
        from chunk c join "order" o on o.id = c.id where o.refunded_amount > 0`);
    // Shipments: lead time 2..100 hours; 10% of the orders with 2+ lines go in two parcels (line 1 first, the rest a day later).
    await client.query(`create temp table chunk_ship on commit drop as
      select c.id as order_id, c.status, c.n, (1 + c.n % 3) > 1 and c.r2 < 0.10 as split,
             (c.n % 3) as warehouse_no,
             c.placed_at + (2 + c.r3 * 98) * interval '1 hour' as shipped_at,
             c.placed_at + (2 + c.r3 * 98) * interval '1 hour' + (24 + c.r2 * 72) * interval '1 hour' as delivered_at
        from chunk c where c.status in ('PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED', 'RETURNED')`);
    await client.query(`insert into shipment (id, order_id, warehouse_id, status, carrier, tracking_number, shipped_at, delivered_at)
      select gen_random_uuid(), s.order_id, (select id from warehouse order by priority offset s.warehouse_no limit 1),
             (case when s.status in ('DELIVERED', 'RETURNED') then 'DELIVERED' else 'SHIPPED' end)::shipment_status,
             'DHL', 'T' || s.n || '-' || part,
             s.shipped_at + (part - 1) * interval '1 day',
             case when s.status in ('DELIVERED', 'RETURNED') then s.delivered_at + (part - 1) * interval '1 day' end
        from chunk_ship s cross join lateral generate_series(1, case when s.split and s.status <> 'PARTIALLY_SHIPPED' then 2 else 1 end) part`);
    await client.query(`insert into order_return (id, order_id, reason, restock, created_at)
      select gen_random_uuid(), s.order_id, (array['damaged', 'did not fit', 'changed mind'])[1 + s.n % 3], true, s.delivered_at + interval '3 days'
        from chunk_ship s where s.status = 'RETURNED'`);
    await client.query(`insert into order_return_line (id, order_return_id, order_line_id, sku, quantity)
      select gen_random_uuid(), r.id, l.id, l.sku, l.quantity
        from chunk_ship s join order_return r on r.order_id = s.order_id join order_line l on l.order_id = s.order_id where s.status = 'RETURNED'`);
    await client.query(`insert into order_history (id, order_id, type, from_status, to_status, actor, at)
      select gen_random_uuid(), c.id, 'STATUS_CHANGED', 'CONFIRMED', c.status, 'bench', c.placed_at + interval '1 hour'
        from chunk c where c.status in ('ON_HOLD', 'CONFIRMED', 'PARTIALLY_SHIPPED')`);
    await client.query(`insert into stock_movement (id, product_id, warehouse_id, kind, delta, order_id, actor, at)
      select gen_random_uuid(), l.product_id, (select id from warehouse order by priority offset s.warehouse_no limit 1), 'SHIPMENT', -l.quantity, s.order_id, 'bench', s.shipped_at
        from chunk_ship s join order_line l on l.order_id = s.order_id where l.quantity_shipped > 0`);
    await client.query('commit');
  } catch (e) {
    await client.query('rollback');
    throw e;
  } finally {
    client.release();
  }
}

async function main() {
  // 1. Database and server.
  let databaseUrl: string;
  let mode: string;
  const external = process.env.DATABASE_URL;
  if (S.reuse) {
    databaseUrl = S.reuse;
    mode = `reused database ${new URL(S.reuse).pathname.slice(1)} (kept)`;
    // Its admin has an earlier run's random password: let the server create ours.
    const c = new Client({ connectionString: S.reuse });
    await c.connect();
    await c.query('delete from user_session; delete from app_user');
    await c.end();
  } else if (external) {
    const name = `oms_abench_${randomBytes(5).toString('hex')}`;
    const admin = new Client({ connectionString: external });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
    if (!S.keep) {
      cleanups.push(async () => {
        const a = new Client({ connectionString: external });
        await a.connect();
        try {
          await a.query(`drop database if exists "${name}" with (force)`);
        } finally {
          await a.end();
        }
      });
    }
    databaseUrl = withDatabase(external, name);
    mode = `DATABASE_URL (${new URL(external).host}, database ${name}${S.keep ? ', kept' : ', dropped at the end'})`;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-abench-'));
    fs.chmodSync(dir, 0o755);
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const db = await startEmbeddedPostgres(dir);
    cleanups.push(() => db.stop());
    databaseUrl = db.url;
    mode = 'embedded PostgreSQL (temp dir, removed at the end)';
  }
  progress(`database: ${mode}`);
  const server: RunningServer = await createServer({
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
  });
  cleanups.push(() => server.stop());
  const api = gqlClient(server.url, 'http', 4);
  cleanups.push(async () => api.close());
  const login = await api.must<{ login: { token: string } }>(
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    {
      e: ADMIN.email,
      p: ADMIN.password,
    },
  );
  api.setToken(login.login.token);
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  cleanups.push(() => pool.end());

  // 2. Data.
  const loadStart = performance.now();
  if (!S.reuse) await loadData(api, pool);
  const loadSeconds = (performance.now() - loadStart) / 1000;
  await pool.query('vacuum analyze');
  const [counts] = (
    await pool.query(`select (select count(*) from "order")::int as orders, (select count(*) from order_line)::int as lines,
    (select count(*) from payment)::int as payments, (select count(*) from shipment)::int as shipments,
    (select count(*) from stock_movement)::int as movements, (select count(*) from order_return)::int as returns`)
  ).rows;
  progress(`loaded ${JSON.stringify(counts)} in ${loadSeconds.toFixed(0)} s`);
  // 3. Rollups, through the real rebuild path.
  const today = dayOf(new Date());
  const first = addDays(today, -367);
  const rebuildStart = performance.now();
  const days =
    process.env.BENCH_SKIP_REBUILD === '1'
      ? 1
      : await rebuildRange(server.orm.em, first, addDays(today, 1), (d) => {
          if (d.endsWith('-01')) progress(`rollups rebuilt up to ${d}`);
        });
  const rebuildSeconds = (performance.now() - rebuildStart) / 1000;
  await pool.query('vacuum analyze');
  const rollupRows = (
    await pool.query<{ relname: string; n_live_tup: string }>(
      `select relname, n_live_tup from pg_stat_user_tables where relname like 'analytics_%' order by relname`,
    )
  ).rows;
  progress(
    `rollups: ${days} days in ${rebuildSeconds.toFixed(0)} s (${((rebuildSeconds * 1000) / days).toFixed(0)} ms per day)`,
  );

  // 4. The queries.
  const now = new Date();
  const ranges = {
    '365 days': {
      from: new Date(Date.parse(`${addDays(today, -364)}T00:00:00Z`)).toISOString(),
      to: new Date(Date.parse(`${today}T00:00:00Z`) + 86400_000).toISOString(),
    },
    '30 days': {
      from: new Date(Date.parse(`${addDays(today, -29)}T00:00:00Z`)).toISOString(),
      to: new Date(Date.parse(`${today}T00:00:00Z`) + 86400_000).toISOString(),
    },
  };
  const M = '{ amount currency }';
  const queries: { name: string; query: string; vars: (r: { from: string; to: string }) => Record<string, unknown> }[] =
    [
      {
        name: 'salesSummary',
        query: `query($from: DateTime!, $to: DateTime!) { salesSummary(from: $from, to: $to) { orders units grossSales ${M} netSales ${M} averageOrderValue ${M} } }`,
        vars: (r) => r,
      },
      {
        name: 'salesReport (DAY)',
        query: `query($f: ReportFilter!) { salesReport(filter: $f) { series { bucketStart channelCode orders grossSales ${M} } previousSeries { bucketStart orders } channels { channelCode current { orders netSales ${M} } previous { orders } } } }`,
        vars: (r) => ({ f: { ...r, bucket: 'DAY' } }),
      },
      {
        name: 'salesReport (WEEK, MKT)',
        query: `query($f: ReportFilter!) { salesReport(filter: $f) { series { bucketStart orders grossSales ${M} } channels { current { orders } } } }`,
        vars: (r) => ({ f: { ...r, bucket: 'WEEK', channelCode: 'MKT' } }),
      },
      {
        name: 'fulfilmentReport',
        query: `query($f: ReportFilter!) { fulfilmentReport(filter: $f) { placedToShipped { p50Hours p90Hours } placedToDelivered { p50Hours p90Hours } onTimeRate fillRate splitShipmentRate lateOrdersNow series { bucketStart p50Hours onTimeRate } } }`,
        vars: (r) => ({ f: { ...r, bucket: 'WEEK' } }),
      },
      {
        name: 'fulfilmentReport (AMS)',
        query: `query($f: ReportFilter!) { fulfilmentReport(filter: $f) { placedToShipped { p50Hours p90Hours } onTimeRate fillRate } }`,
        vars: (r) => ({ f: { ...r, warehouseCode: 'AMS' } }),
      },
      {
        name: 'exceptionsReport',
        query: `query($f: ReportFilter!) { exceptionsReport(filter: $f) { cancellationRate cancellationReasons { reason count } returnsBySku { sku returnRate reasons { reason count } } onHoldCount onHold { number hoursOnHold } } }`,
        vars: (r) => ({ f: r }),
      },
      {
        name: 'inventoryReport',
        query: `query($f: ReportFilter!) { inventoryReport(filter: $f) { warehouses { warehouseCode onHand value ${M} } lowStock { sku available } skus { sku daysOfCover sellThrough } movements { kind reason unitsOut } } }`,
        vars: (r) => ({ f: r }),
      },
      {
        name: 'topReport',
        query: `query($f: ReportFilter!) { topReport(filter: $f) { skusByRevenue { sku revenue ${M} } skusByUnits { sku units } bottomSkusByRevenue { sku } bottomSkusByUnits { sku } customersByRevenue { email revenue ${M} } customersByUnits { email units } } }`,
        vars: (r) => ({ f: r }),
      },
    ];
  // The dashboard's own queries, with the arguments the dashboard sends (today, this week; no range).
  const todayStart = `${today}T00:00:00Z`;
  const weekStart = `${addDays(today, -((new Date(todayStart).getUTCDay() + 6) % 7))}T00:00:00Z`;
  const dashboard: typeof queries = [
    { name: 'orderStatusCounts', query: '{ orderStatusCounts { status count } }', vars: () => ({}) },
    {
      name: 'salesByChannel today + week',
      query: `query($d: DateTime!, $w: DateTime!) { today: salesByChannel(from: $d) { channelCode orders revenue ${M} } week: salesByChannel(from: $w) { orders revenue ${M} } }`,
      vars: () => ({ d: todayStart, w: weekStart }),
    },
    {
      name: 'lateOrders',
      query: '{ lateOrders(olderThanHours: 24, first: 10) { totalCount nodes { number } } }',
      vars: () => ({}),
    },
  ];
  const rows: (string | number)[][] = [];
  const failures: string[] = [];
  const runs: [string, typeof queries, { from: string; to: string }][] = [
    ...Object.entries(ranges).map(([name, range]): [string, typeof queries, { from: string; to: string }] => [
      name,
      queries,
      range,
    ]),
    ['dashboard', dashboard, ranges['30 days']],
  ];
  for (const [rangeName, list, range] of runs) {
    for (const q of list) {
      const vars = q.vars(range);
      const times: number[] = [];
      for (let i = 0; i <= S.runs; i++) {
        const t0 = performance.now();
        const r = await api.request(q.query, vars);
        const took = performance.now() - t0;
        if (r.status !== 200 || r.errors?.length) {
          failures.push(`${q.name} (${rangeName}): ${JSON.stringify(r.errors).slice(0, 300)}`);
          break;
        }
        if (i > 0) times.push(took); // the first run warms up
      }
      const sorted = times.sort((a, b) => a - b);
      const max = sorted[sorted.length - 1];
      if (max > LIMIT_MS) failures.push(`${q.name} (${rangeName}): max ${ms(max)} ms > ${LIMIT_MS} ms`);
      rows.push([q.name, rangeName, ms(percentile(sorted, 50)), ms(percentile(sorted, 95)), ms(max)]);
      progress(`${q.name} (${rangeName}): p50 ${ms(percentile(sorted, 50))} ms`);
    }
  }

  // 5. Results.
  out(`## Analytics benchmark (${now.toISOString().slice(0, 10)})`);
  out();
  out(
    `- database: ${mode}; ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load average at the end ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  out(
    `- data: ${counts.orders.toLocaleString('en')} orders over 365 days (3 channels), ${counts.lines.toLocaleString('en')} lines, ${counts.payments.toLocaleString('en')} payments, ${counts.shipments.toLocaleString('en')} shipments, ${counts.returns.toLocaleString('en')} returns, ${counts.movements.toLocaleString('en')} stock movements; ${S.products} SKUs, ${S.customers.toLocaleString('en')} customers; generated in ${loadSeconds.toFixed(0)} s`,
  );
  out(
    `- rollups: ${days} days rebuilt in ${rebuildSeconds.toFixed(0)} s (${((rebuildSeconds * 1000) / days).toFixed(0)} ms per day); rows: ${rollupRows.map((r) => `${r.relname.replace(/^analytics_|_daily$/g, '')} ${Number(r.n_live_tup).toLocaleString('en')}`).join(', ')}`,
  );
  out(`- each query over GraphQL/HTTP: 1 warm-up + ${S.runs} timed runs, sequential; times in ms`);
  out();
  out(table(['query', 'range', 'p50', 'p95', 'max'], rows, ['l', 'l', 'r', 'r', 'r']));
  out();
  if (failures.length) {
    out(`FAILED (${failures.length}):`);
    for (const f of failures) out(`- ${f}`);
  } else {
    out(`All queries answered in under ${LIMIT_MS} ms.`);
  }
  if (S.keep) out(`database kept: ${databaseUrl}`);
  return failures.length ? 1 : 0;
}

async function loadData(api: ReturnType<typeof gqlClient>, pool: Pool) {
  for (const [code, name] of [
    ['WEB', 'Web shop'],
    ['MKT', 'Marketplace'],
    ['B2B', 'B2B portal'],
  ]) {
    await api.must(
      `mutation { createChannel(input: { code: "${code}", name: "${name}", currency: "EUR" }) { channel { id } } }`,
    );
  }
  for (const [code, priority] of [
    ['BER', 1],
    ['AMS', 2],
    ['MAD', 3],
  ] as const) {
    await api.must(
      `mutation { createWarehouse(input: { code: "${code}", name: "${code} warehouse", priority: ${priority} }) { warehouse { id } } }`,
    );
  }
  await pool.query(
    `insert into product (id, sku, name, price_amount, currency, allow_backorder, created_at, updated_at)
    select gen_random_uuid(), 'SKU-' || lpad(i::text, 4, '0'), 'Bench product ' || i, 100 + (i * 37) % 9900, 'EUR', false, now(), now()
      from generate_series(1, $1::int) i`,
    [S.products],
  );
  await pool.query(`insert into stock_level (id, product_id, warehouse_id, on_hand, reserved, updated_at)
    select gen_random_uuid(), p.id, w.id, (abs(hashtext(p.sku || w.code)) % 400), 0, now() from product p cross join warehouse w`);
  await pool.query(
    `insert into customer (id, email, name, created_at)
    select md5('bench-customer-' || i)::uuid, 'customer-' || i || '@bench.example', 'Customer ' || i, now() - interval '400 days'
      from generate_series(1, $1::int) i`,
    [S.customers],
  );
  for (let lo = 1; lo <= S.orders; lo += S.chunk) {
    const hi = Math.min(S.orders, lo + S.chunk - 1);
    await loadChunk(pool, lo, hi, S.orders);
    progress(`orders ${hi.toLocaleString('en')} / ${S.orders.toLocaleString('en')}`);
  }
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (e) => {
    progress(`FAILED: ${(e as Error).stack ?? e}`);
    await cleanup();
    process.exit(1);
  });
