/**
 * `pnpm bench:million`: the order list, search, totalCount and the dashboard over a million orders,
 * measured over HTTP against the real server (docs/scale.md).
 *
 *  1. a scratch database: `oms_million_bench_<random>` on DATABASE_URL's server (dropped at the
 *     end), or an embedded PostgreSQL in a temp dir (removed at the end); the real server
 *     (createServer, migrations applied) in this process;
 *  2. BENCH_MILLION_ORDERS orders (default 1,000,000) over 4 channels, BENCH_MILLION_CUSTOMERS
 *     customers (default orders / 5), 1,000 products, 1 to 4 lines, history, placed over 2 years,
 *     statuses by age: generated with SQL (generateOrders in data.ts), then VACUUM ANALYZE;
 *  3. sequential requests (BENCH_MILLION_REQUESTS per case, default 100, after 5 warm-ups):
 *     `orders(first: 50)` with lines, by status and by channel, in every sort; search by number,
 *     external id, e-mail (whole and part) and name (whole and part); totalCount; each dashboard
 *     query.
 *
 * Each list and search figure comes with `p50`, `cpu_ms` (CPU of this process, server and client,
 * per request: what the machine's load does not change much) and `sql_p99_ms` (the page's
 * statement and its lines' straight through `pg`: what PostgreSQL itself takes).
 * BENCH_MILLION_SKIP_LIST=1 leaves out the list cases.
 * BENCH_MILLION_REUSE=<database url>: measure a database generated before (kept with
 * BENCH_MILLION_KEEP=1) instead of generating one; migrations added since are applied, and on the
 * first reuse the server's background build of the analytics rollups is waited for.
 * salesByChannel's answers are checked against a sum over the orders.
 *
 * Prints one JSON line per figure on stdout, e.g.
 * `{"figure":"order_list_p99_ms","orders":1000000,"filter":"status","sort":"PLACED_AT_DESC","value":12.3}`;
 * progress on stderr. Exit code 1 when a request fails or returns a wrong result; with
 * BENCH_STRICT=1, 2 when a goal is missed.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'pg';
import bcrypt from 'bcryptjs';
import { startEmbeddedPostgres } from '../config/embedded-postgres';
import { createServer } from '../server';
import { gqlClient } from './client';
import { generateOrders, loadCatalog } from './data';
import { summarize } from './stats';
import { orderListConditions } from '../modules/order/order-list.sql';
import type { OrderStatus } from '../modules/order/order-state';

function intEnv(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min}, got "${raw}"`);
  return n;
}

const ORDERS = intEnv('BENCH_MILLION_ORDERS', 1_000_000, 1000);
const CUSTOMERS = intEnv('BENCH_MILLION_CUSTOMERS', Math.max(100, Math.round(ORDERS / 5)));
const REQUESTS = intEnv('BENCH_MILLION_REQUESTS', 100);
const WARMUP = 5;
const GOALS = { list: 100, search: 150, dashboard: 200 };
const ADMIN = { email: 'million-bench@bench.example', password: randomBytes(12).toString('hex') };
const CHANNELS = ['WEB', 'AMAZON', 'EBAY', 'POS'];
const SORTS = ['PLACED_AT_DESC', 'PLACED_AT_ASC', 'UPDATED_AT_DESC', 'TOTAL_DESC', 'TOTAL_ASC'];

const cleanups: (() => Promise<unknown>)[] = [];
const say = (s: string) => process.stderr.write(`[bench:million] ${s}\n`);
const round = (v: number) => Math.round(v * 10) / 10;
const missed: string[] = [];
let failed = false;

function figure(name: string, value: number, extra: Record<string, unknown> = {}, goal?: number) {
  process.stdout.write(
    `${JSON.stringify({ figure: name, orders: ORDERS, ...extra, value: round(value), ...(goal ? { goal } : {}) })}\n`,
  );
  if (goal && value > goal) missed.push(`${name} ${JSON.stringify(extra)}: ${round(value)} > ${goal}`);
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function scratchDatabase(): Promise<string> {
  if (process.env.BENCH_MILLION_REUSE) return process.env.BENCH_MILLION_REUSE;
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `oms_million_bench_${randomBytes(5).toString('hex')}`;
    const admin = new Client({ connectionString: external });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
    if (process.env.BENCH_MILLION_KEEP === '1') {
      say(`kept (BENCH_MILLION_KEEP): ${withDatabase(external, name)}`);
      return withDatabase(external, name);
    }
    cleanups.push(async () => {
      const a = new Client({ connectionString: external });
      await a.connect();
      await a.query(`drop database if exists "${name}" with (force)`).finally(() => a.end());
    });
    say(`database ${name} on ${new URL(external).host}`);
    return withDatabase(external, name);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-million-bench-'));
  fs.chmodSync(dir, 0o755);
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  const db = await startEmbeddedPostgres(dir);
  cleanups.push(() => db.stop());
  say(`embedded PostgreSQL at ${new URL(db.url).host}`);
  return db.url;
}

const LIST = `query($filter: OrderFilter, $sort: OrderSort) {
  orders(first: 50, filter: $filter, sort: $sort) {
    pageInfo { hasNextPage endCursor }
    nodes { id number status placedAt total { amount } channel { code } customer { email name } lines { sku quantity unitPrice { amount } } }
  }
}`;
/** What LIST selects of each order. */
interface ListedOrder {
  id: string;
  number: string;
  status: string;
  placedAt: string;
  total: { amount: number };
  channel: { code: string };
  customer: { email: string; name: string };
  lines: { sku: string; quantity: number; unitPrice: { amount: number } }[];
}
interface ListData {
  orders: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: ListedOrder[] };
}
interface CountData {
  orders: { totalCount: number; totalCountIsEstimate: boolean };
}
const COUNT = `query($filter: OrderFilter) { orders(first: 1, filter: $filter) { totalCount totalCountIsEstimate } }`;
const DASHBOARD: Record<string, string> = {
  orderStatusCounts: `query { orderStatusCounts { status count } }`,
  salesByChannel_today: `query($from: DateTime!) { salesByChannel(from: $from) { channelCode orders revenue { amount } } }`,
  salesByChannel_week: `query($from: DateTime!) { salesByChannel(from: $from) { channelCode orders revenue { amount } } }`,
  salesByChannel_30d: `query($from: DateTime!) { salesByChannel(from: $from) { channelCode orders revenue { amount } } }`,
  salesByChannel_365d: `query($from: DateTime!) { salesByChannel(from: $from) { channelCode orders revenue { amount } } }`,
  lateOrders: `query { lateOrders(olderThanHours: 48, first: 10) { totalCount nodes { number confirmedAt } } }`,
};

/** Whether the analytics rollups are empty while orders exist: the server then builds them in the background. */
async function rollupsPending(databaseUrl: string): Promise<boolean> {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const r = await c.query(
      `select to_regclass('analytics_sales_daily') is not null and exists (select 1 from "order") as orders`,
    );
    if (!r.rows[0].orders) return false;
    return (await c.query(`select not exists (select 1 from analytics_sales_daily) as empty`)).rows[0].empty;
  } finally {
    await c.end();
  }
}

/**
 * A kept database's first reuse: the server builds the analytics rollups of every day in the
 * background (rebuildIfEmpty, oldest day first). Wait until it reached the newest order's day,
 * so that the building does not run beside the measurements.
 */
async function waitForRollups(pool: Pool) {
  const began = performance.now();
  say('waiting for the server to build the analytics rollups (first reuse of a kept database)');
  for (;;) {
    const r = await pool.query(
      `select (select max(day) from analytics_sales_daily) >= (select max(placed_at) at time zone 'UTC' from "order")::date as done`,
    );
    if (r.rows[0].done) break;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  say(`analytics rollups built in ${((performance.now() - began) / 1000).toFixed(0)} s`);
}

async function main() {
  const databaseUrl = await scratchDatabase();
  const building = process.env.BENCH_MILLION_REUSE ? await rollupsPending(databaseUrl) : false;
  const starting = performance.now();
  const server = await createServer({
    config: {
      port: 0,
      logLevel: 'warn',
      sessionTtlSeconds: 3600,
      bodyLimit: '1mb',
      corsOrigins: [],
      rateLimitRequests: 0,
      automationSchedule: 'off',
    },
    databaseUrl,
    host: '127.0.0.1',
    admin: ADMIN,
    seed: 'none',
  });
  cleanups.unshift(() => server.stop());
  say(`server started, migrations applied, in ${((performance.now() - starting) / 1000).toFixed(1)} s`);

  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  cleanups.unshift(() => pool.end());
  const reuse = !!process.env.BENCH_MILLION_REUSE;
  const channelIds: string[] = [];
  for (const code of reuse ? [] : CHANNELS) {
    const r = await pool.query(
      `insert into channel (id, code, name, currency, created_at) values (gen_random_uuid(), $1, $2, 'EUR', now()) returning id`,
      [code, `${code} channel`],
    );
    channelIds.push(r.rows[0].id);
  }
  if (!reuse) await generate(pool, channelIds);
  // A kept database has the admin of its first run, with that run's random password.
  else
    await pool.query('update app_user set password_hash = $1 where email = $2', [
      await bcrypt.hash(ADMIN.password, 4),
      ADMIN.email,
    ]);
  if (building) await waitForRollups(pool);
  const measured = (await pool.query(`select count(*)::int as n from "order"`)).rows[0].n;
  if (measured !== ORDERS) say(`the database holds ${measured} orders (BENCH_MILLION_ORDERS is ${ORDERS})`);
  await measureAll(server.url, pool);
}

async function generate(pool: Pool, channelIds: string[]) {
  await pool.query(
    `insert into warehouse (id, code, name, priority, created_at) values (gen_random_uuid(), 'BER', 'Berlin', 1, now())`,
  );
  await loadCatalog(pool, 1000, 1000);
  say(`generating ${ORDERS} orders, ${CUSTOMERS} customers`);
  const t0 = performance.now();
  const gen = await generateOrders(pool, {
    orders: ORDERS,
    customers: CUSTOMERS,
    channelIds,
    days: 730,
    log: (s) => say(`  ${s}`),
  });
  const genSeconds = (performance.now() - t0) / 1000;
  say(
    `generated ${gen.orders} orders, ${gen.lines} lines, ${gen.history} history entries, ${gen.customers} customers in ${genSeconds.toFixed(0)} s`,
  );
  figure('generation_s', genSeconds, {
    lines: gen.lines,
    history: gen.history,
    customers: gen.customers,
    steps: gen.seconds,
  });
}

const SORT_SQL: Record<string, string> = {
  PLACED_AT_DESC: 'o.placed_at desc, o.id desc',
  PLACED_AT_ASC: 'o.placed_at asc, o.id asc',
  UPDATED_AT_DESC: 'o.updated_at desc, o.id desc',
  TOTAL_DESC: 'o.total_amount desc, o.id desc',
  TOTAL_ASC: 'o.total_amount asc, o.id asc',
};

/** p99 of the list's page statement and its lines' straight through pg (what PostgreSQL takes, without the server). */
async function sqlP99(
  pool: Pool,
  filter: (i: number) => { status?: string[]; channelCode?: string; search?: string },
  sort: string,
): Promise<number> {
  const took: number[] = [];
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const f = filter(i);
    const began = performance.now();
    const conditions = orderListConditions({
      status: f.status as OrderStatus[] | undefined,
      channelCode: f.channelCode,
      search: f.search,
      searchCustomers: true,
    });
    let n = 0;
    const where = conditions.length
      ? `where ${conditions.map((c) => `(${c.text.replace(/\?/g, () => `$${++n}`)})`).join(' and ')}`
      : '';
    const page = await pool.query(
      `select o.* from "order" o ${where} order by ${SORT_SQL[sort]} limit 51`,
      conditions.flatMap((c) => c.values),
    );
    await pool.query('select * from order_line where order_id = any($1::uuid[])', [page.rows.map((r) => r.id)]);
    if (i >= WARMUP) took.push(performance.now() - began);
  }
  return summarize(took).p99;
}

async function measureAll(url: string, pool: Pool) {
  const client = gqlClient(url, 'http', 1);
  cleanups.unshift(async () => client.close());
  const { login } = await client.must<{ login: { token: string } }>(
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: ADMIN.email, p: ADMIN.password },
  );
  client.setToken(login.token);

  /** Sequential requests after a warm-up; `check` throws on a wrong answer. Returns the summary. */
  const measure = async <D = unknown>(
    label: string,
    query: string,
    variables: (i: number) => Record<string, unknown>,
    check?: (data: D, i: number) => void,
  ) => {
    const latencies: number[] = [];
    let cpu = { user: 0, system: 0 };
    for (let i = 0; i < WARMUP + REQUESTS; i++) {
      if (i === WARMUP) cpu = process.cpuUsage();
      const v = variables(i);
      const began = performance.now();
      const r = await client.request<D>(query, v);
      const took = performance.now() - began;
      if (r.status !== 200 || r.errors?.length || !r.data) {
        failed = true;
        throw new Error(`${label}: HTTP ${r.status} ${JSON.stringify(r.errors ?? r.data).slice(0, 300)}`);
      }
      try {
        check?.(r.data, i);
      } catch (e) {
        failed = true;
        throw new Error(`${label} ${JSON.stringify(v)}: ${(e as Error).message}`);
      }
      if (i >= WARMUP) latencies.push(took);
    }
    const used = process.cpuUsage(cpu);
    const s = { ...summarize(latencies), cpuMs: (used.user + used.system) / 1000 / REQUESTS };
    say(
      `${label}: p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, max ${s.max.toFixed(1)} ms, cpu ${s.cpuMs.toFixed(1)} ms/request`,
    );
    return s;
  };
  const fullPage = (d: ListData) => {
    if (d.orders.nodes.length !== 50 || d.orders.nodes.some((n) => !n.lines.length))
      throw new Error(`expected 50 orders with lines, got ${d.orders.nodes.length}`);
  };

  // The order list: by status (a common one, a rare one, several) and by channel, in every sort.
  const statuses: [string, string[]][] = [
    ['DELIVERED', ['DELIVERED']],
    ['CONFIRMED', ['CONFIRMED']],
    ['ON_HOLD', ['ON_HOLD']],
    ['PENDING+CONFIRMED', ['PENDING', 'CONFIRMED']],
  ];
  for (const sort of process.env.BENCH_MILLION_SKIP_LIST === '1' ? [] : SORTS) {
    for (const [name, status] of statuses) {
      const s = await measure<ListData>(
        `list status ${name} ${sort}`,
        LIST,
        () => ({ filter: { status }, sort }),
        (d) => {
          fullPage(d);
          if (d.orders.nodes.some((n) => !status.includes(n.status))) throw new Error('an order of another status');
        },
      );
      figure(
        'order_list_p99_ms',
        s.p99,
        {
          filter: 'status',
          status: name,
          sort,
          p50: round(s.p50),
          cpu_ms: round(s.cpuMs),
          sql_p99_ms: round(await sqlP99(pool, () => ({ status }), sort)),
        },
        GOALS.list,
      );
    }
    for (const code of ['WEB', 'POS']) {
      const s = await measure<ListData>(
        `list channel ${code} ${sort}`,
        LIST,
        () => ({ filter: { channelCode: code }, sort }),
        (d) => {
          fullPage(d);
          if (d.orders.nodes.some((n) => n.channel.code !== code)) throw new Error('an order of another channel');
        },
      );
      figure(
        'order_list_p99_ms',
        s.p99,
        {
          filter: 'channel',
          channel: code,
          sort,
          p50: round(s.p50),
          cpu_ms: round(s.cpuMs),
          sql_p99_ms: round(await sqlP99(pool, () => ({ channelCode: code }), sort)),
        },
        GOALS.list,
      );
    }
    const s = await measure<ListData>(`list channel POS + status CONFIRMED ${sort}`, LIST, () => ({
      filter: { channelCode: 'POS', status: ['CONFIRMED'] },
      sort,
    }));
    figure(
      'order_list_p99_ms',
      s.p99,
      {
        filter: 'channel+status',
        channel: 'POS',
        status: 'CONFIRMED',
        sort,
        p50: round(s.p50),
        cpu_ms: round(s.cpuMs),
        sql_p99_ms: round(await sqlP99(pool, () => ({ channelCode: 'POS', status: ['CONFIRMED'] }), sort)),
      },
      GOALS.list,
    );
  }

  // Search: terms from the data, a different order or customer per request.
  const sample = (
    await pool.query(
      `select o.number, o.external_id, c.email, c.name from "order" o join customer c on c.id = o.customer_id
      where o.external_id is not null order by md5(o.id::text) limit $1`,
      [REQUESTS + WARMUP],
    )
  ).rows as { number: string; external_id: string; email: string; name: string }[];
  const lastNames = [...new Set(sample.map((r) => r.name.split(' ')[1]))];
  const cases: [string, (i: number) => string, (d: ListData, term: string, i: number) => boolean][] = [
    // A number is also part of some customers' e-mails (anna.mueller.142734@...): those orders match too.
    ['number', (i) => sample[i].number, (d, term) => d.orders.nodes.some((n) => n.number === term)],
    [
      'external_id',
      (i) => sample[i].external_id,
      (d, _t, i) => d.orders.nodes.some((n) => n.number === sample[i].number),
    ],
    [
      'email',
      (i) => sample[i].email,
      (d, term) => d.orders.nodes.length >= 1 && d.orders.nodes.every((n) => n.customer.email === term),
    ],
    [
      'email_part',
      (i) => sample[i].email.split('@')[0].split('.').slice(1).join('.'),
      (d, term) => d.orders.nodes.length >= 1 && d.orders.nodes.every((n) => n.customer.email.includes(term)),
    ],
    [
      'name',
      (i) => sample[i].name,
      (d, term) =>
        d.orders.nodes.length >= 1 &&
        d.orders.nodes.every((n) => n.customer.name.toLowerCase().includes(term.toLowerCase())),
    ],
    [
      'name_part',
      (i) => lastNames[i % lastNames.length].slice(0, 5).toLowerCase(),
      (d, term) =>
        d.orders.nodes.length >= 1 && d.orders.nodes.every((n) => n.customer.name.toLowerCase().includes(term)),
    ],
  ];
  for (const [field, term, ok] of cases) {
    const s = await measure<ListData>(
      `search ${field}`,
      LIST,
      (i) => ({ filter: { search: term(i) } }),
      (d, i) => {
        if (!ok(d, term(i), i))
          throw new Error(
            `unexpected result for "${term(i)}": ${JSON.stringify(d.orders.nodes.slice(0, 2)).slice(0, 200)}`,
          );
      },
    );
    figure(
      'order_search_p99_ms',
      s.p99,
      {
        field,
        example: term(0),
        p50: round(s.p50),
        cpu_ms: round(s.cpuMs),
        sql_p99_ms: round(await sqlP99(pool, (i) => ({ search: term(i) }), 'PLACED_AT_DESC')),
      },
      GOALS.search,
    );
  }

  // Common fragments (the same term in every request): a share of all orders matches, so a page
  // is found by walking the sort's index; with a status or channel filter and in every sort.
  const fragments: [string, { status?: string[]; channelCode?: string }, string][] = [
    ['schwa', {}, 'PLACED_AT_DESC'],
    ['an', {}, 'PLACED_AT_DESC'],
    ['inbox', {}, 'PLACED_AT_DESC'],
    ['müller', {}, 'PLACED_AT_DESC'],
    ...SORTS.filter((s) => s !== 'PLACED_AT_DESC').map((s) => ['schwa', {}, s] as [string, object, string]),
    ['schwa', { status: ['DELIVERED'] }, 'PLACED_AT_DESC'],
    ['schwa', { status: ['ON_HOLD'] }, 'PLACED_AT_DESC'],
    ['schwa', { status: ['PENDING', 'CONFIRMED'] }, 'PLACED_AT_DESC'],
    ['schwa', { channelCode: 'WEB' }, 'PLACED_AT_DESC'],
    ['schwa', { channelCode: 'POS' }, 'TOTAL_DESC'],
  ];
  for (const [term, filter, sort] of fragments) {
    const label = `search fragment "${term}"${filter.status ? ` status ${filter.status.join('+')}` : ''}${
      filter.channelCode ? ` channel ${filter.channelCode}` : ''
    } ${sort}`;
    const s = await measure<ListData>(
      label,
      LIST,
      () => ({ filter: { ...filter, search: term }, sort }),
      (d) => {
        if (!d.orders.nodes.length) throw new Error('no order found');
        for (const n of d.orders.nodes) {
          if (!`${n.customer.email} ${n.customer.name}`.toLowerCase().includes(term))
            throw new Error(`${n.number} does not match`);
          if (filter.status && !filter.status.includes(n.status)) throw new Error(`${n.number}: another status`);
          if (filter.channelCode && n.channel.code !== filter.channelCode)
            throw new Error(`${n.number}: another channel`);
        }
      },
    );
    figure(
      'order_search_p99_ms',
      s.p99,
      {
        field: 'fragment',
        example: term,
        ...(filter.status ? { status: filter.status.join('+') } : {}),
        ...(filter.channelCode ? { channel: filter.channelCode } : {}),
        sort,
        p50: round(s.p50),
        cpu_ms: round(s.cpuMs),
        sql_p99_ms: round(await sqlP99(pool, () => ({ ...filter, search: term }), sort)),
      },
      GOALS.search,
    );
  }

  // totalCount: exact below the limit, an estimate above it.
  const counts: [string, Record<string, unknown>][] = [
    ['all', {}],
    ['status DELIVERED', { status: ['DELIVERED'] }],
    ['status ON_HOLD', { status: ['ON_HOLD'] }],
    ['channel POS', { channelCode: 'POS' }],
    ['search name_part', { search: lastNames[0].slice(0, 5).toLowerCase() }],
    ['search fragment "inbox"', { search: 'inbox' }],
    ['search email', { search: sample[0].email }],
  ];
  for (const [name, filter] of counts) {
    let last = undefined as CountData['orders'] | undefined;
    const s = await measure<CountData>(
      `totalCount ${name}`,
      COUNT,
      () => ({ filter }),
      (d) => {
        last = d.orders;
      },
    );
    const exact = (await pool.query(`select count(*)::int as n from "order"`)).rows[0].n;
    figure(
      'total_count_p99_ms',
      s.p99,
      {
        filter: name,
        p50: round(s.p50),
        count: last?.totalCount,
        isEstimate: last?.totalCountIsEstimate,
        ...(name === 'all' ? { exact } : {}),
      },
      GOALS.list,
    );
  }

  // The dashboard.
  const day = 24 * 3600 * 1000;
  const midnight = new Date();
  midnight.setUTCHours(0, 0, 0, 0);
  const vars: Record<string, Record<string, unknown>> = {
    // What the admin's dashboard asks: since midnight, and the last 7 days.
    salesByChannel_today: { from: midnight.toISOString() },
    salesByChannel_week: { from: new Date(midnight.getTime() - 6 * day).toISOString() },
    salesByChannel_30d: { from: new Date(Date.now() - 30 * day).toISOString() },
    salesByChannel_365d: { from: new Date(Date.now() - 365 * day).toISOString() },
  };
  // salesByChannel must equal a sum over the orders themselves (it reads whole days from order_sales_daily).
  const directSales = async (from: string) =>
    (
      await pool.query(
        `select c.code, count(o.id)::int as orders, coalesce(sum(o.total_amount), 0)::bigint as revenue
       from channel c left join "order" o on o.channel_id = c.id and o.placed_at >= $1 and o.status <> 'CANCELLED' group by c.code order by c.code`,
        [from],
      )
    ).rows.map((r) => ({ channelCode: r.code, orders: r.orders, revenue: { amount: Number(r.revenue) } }));
  const expectedSales: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(vars)) expectedSales[name] = await directSales(v.from as string);
  for (const [name, query] of Object.entries(DASHBOARD)) {
    const s = await measure<{ salesByChannel?: unknown }>(
      `dashboard ${name}`,
      query,
      () => vars[name] ?? {},
      (d) => {
        if (expectedSales[name] && JSON.stringify(d.salesByChannel) !== JSON.stringify(expectedSales[name])) {
          throw new Error(
            `salesByChannel differs from the sum over the orders: ${JSON.stringify(d.salesByChannel)} vs ${JSON.stringify(expectedSales[name])}`,
          );
        }
      },
    );
    figure('dashboard_p99_ms', s.p99, { query: name, p50: round(s.p50), cpu_ms: round(s.cpuMs) }, GOALS.dashboard);
  }

  const pg = (await pool.query('select version()')).rows[0].version.split(' on ')[0];
  const size = (await pool.query(`select pg_size_pretty(pg_database_size(current_database())) as s`)).rows[0].s;
  say(
    `machine: ${os.cpus()[0]?.model} x ${os.cpus().length}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, Node ${process.version}, ${pg}, database ${size}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  if (missed.length) say(`goals missed:\n  ${missed.join('\n  ')}`);
}

async function cleanup() {
  for (const fn of cleanups.splice(0)) await fn().catch((e) => say(`cleanup: ${e.message}`));
}

main()
  .then(async () => {
    await cleanup();
    process.exit(failed ? 1 : process.env.BENCH_STRICT === '1' && missed.length ? 2 : 0);
  })
  .catch(async (e) => {
    say(`failed: ${e.stack ?? e}`);
    await cleanup();
    process.exit(1);
  });
