/**
 * Several server processes starting at once on one fresh database (replicas of a deployment, all
 * restarted together): every one comes up, the migrations are applied once, one first admin is
 * created. And the connection settings: each pool is no larger than its variable says.
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../src/config/config';
import { MIGRATIONS } from '../src/migrations';
import { createServer, RunningServer } from '../src/server';

jest.setTimeout(300_000);

const base = process.env.DATABASE_URL!;
const withDatabase = (db: string) => {
  const u = new URL(base);
  u.pathname = `/${db}`;
  return u.toString();
};

async function admin<T>(fn: (c: Client) => Promise<T>, db = 'postgres'): Promise<T> {
  const c = new Client({ connectionString: withDatabase(db) });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const created: string[] = [];
async function freshDatabase(): Promise<string> {
  const name = `oms_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`create database "${name}"`));
  created.push(name);
  return name;
}

const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.allSettled(servers.map((s) => s.stop()));
  for (const name of created) await admin((c) => c.query(`drop database if exists "${name}" with (force)`));
});

const baseConfig = {
  port: 0,
  logLevel: 'silent',
  sessionTtlSeconds: 3600,
  bodyLimit: '1mb',
  corsOrigins: [] as string[],
  rateLimitRequests: 0,
};

test('three servers started together on one fresh database all come up, apply each migration once and create one first admin', async () => {
  const db = await freshDatabase();
  const databaseUrl = withDatabase(db);
  // Each would create a different first admin if each saw an empty user table.
  const started = await Promise.allSettled(
    [0, 1, 2].map((i) =>
      createServer({
        config: baseConfig,
        databaseUrl,
        host: '127.0.0.1',
        seed: 'none',
        admin: { email: `admin${i}@test.local`, password: 'correct horse battery staple' },
      }),
    ),
  );
  for (const r of started) if (r.status === 'fulfilled') servers.push(r.value);
  expect(started.map((r) => (r.status === 'rejected' ? String(r.reason) : 'up'))).toEqual(['up', 'up', 'up']);

  for (const s of servers) {
    const res = await fetch(`http://127.0.0.1:${s.port}/readyz`);
    expect(res.status).toBe(200);
  }
  const rows = await admin(
    (c) =>
      c.query<{ name: string; n: number }>(
        'select name, count(*)::int as n from mikro_orm_migrations group by name order by name',
      ),
    db,
  );
  expect(rows.rows.map((r) => r.n)).toEqual(MIGRATIONS.map(() => 1));
  expect(rows.rows).toHaveLength(MIGRATIONS.length);
  const users = await admin((c) => c.query<{ email: string; role: string }>('select email, role from app_user'), db);
  expect(users.rows).toHaveLength(1);
  expect(users.rows[0].role).toBe('ADMIN');
  // Exactly one of the three reports that it created the admin, and it is the one in the table.
  const creators = servers.filter((s) => s.createdAdmin).map((s) => s.createdAdmin);
  expect(creators).toEqual([users.rows[0].email]);
});

test('two servers started together with the demo seed load the demo data once', async () => {
  const db = await freshDatabase();
  const databaseUrl = withDatabase(db);
  const started = await Promise.allSettled(
    [0, 1].map(() =>
      createServer({ config: baseConfig, databaseUrl, host: '127.0.0.1', seed: 'demo', seedOptions: { orders: 20 } }),
    ),
  );
  for (const r of started) if (r.status === 'fulfilled') servers.push(r.value);
  expect(started.map((r) => (r.status === 'rejected' ? String(r.reason) : 'up'))).toEqual(['up', 'up']);
  const counts = await admin(
    (c) =>
      c.query<{ channels: number; warehouses: number }>(
        `select (select count(*)::int from channel) as channels, (select count(*)::int from warehouse) as warehouses,
       (select count(*)::int from "order") as orders`,
      ),
    db,
  );
  // One seed's worth: 3 channels, 3 warehouses, its 20 orders (two seeds would double them, or fail on the unique codes).
  expect(counts.rows[0]).toEqual({ channels: 3, warehouses: 3, orders: 20 });
});

test("pg-boss's start (which creates a queue of its own) waits for the job-queue start-up lock like every queue definition", async () => {
  // Another process creating its queues holds the lock. pg-boss creating its cron queue meanwhile
  // deadlocked with it (two create_queue calls each adding a foreign key to pgboss.queue; CI, PostgreSQL 18).
  const db = await freshDatabase();
  const holder = new Client({ connectionString: withDatabase(db) });
  await holder.connect();
  try {
    await holder.query("select pg_advisory_lock($1::int, hashtext('oms:job-queues'))", [0x4f4d53]);
    const starting = createServer({
      config: baseConfig,
      databaseUrl: withDatabase(db),
      host: '127.0.0.1',
      seed: 'none',
    });
    starting.catch(() => undefined);
    // The server gets as far as the lock and waits there...
    const waiting = async () =>
      (
        await holder.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity where datname = $1 and application_name = 'oms-startup-job-queues' and wait_event_type = 'Lock'`,
          [db],
        )
      ).rows[0].n;
    const deadline = Date.now() + 60_000;
    while ((await waiting()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await waiting()).toBe(1);
    // ... having created no queue (nor pg-boss's schema, which its start installs).
    const installed = await holder.query<{ t: string | null }>("select to_regclass('pgboss.queue')::text as t");
    if (installed.rows[0].t) {
      const queues = await holder.query<{ name: string }>('select name from pgboss.queue');
      expect(queues.rows.map((r) => r.name)).toEqual([]);
    }
    await holder.query("select pg_advisory_unlock($1::int, hashtext('oms:job-queues'))", [0x4f4d53]);
    servers.push(await starting);
  } finally {
    await holder.end();
  }
  const { rows } = await admin((c) => c.query<{ name: string }>('select name from pgboss.queue'), db);
  expect(rows.map((r) => r.name)).toContain('__pgboss__send-it');
});

test('OMS_DB_POOL_MAX, OMS_JOBS_POOL_MAX and OMS_EXPORT_POOL_MAX bound the connections a server opens', async () => {
  const db = await freshDatabase();
  const config = loadConfig({ OMS_DB_POOL_MAX: '2', OMS_JOBS_POOL_MAX: '2', OMS_EXPORT_POOL_MAX: '1' });
  expect([config.dbPoolMax, config.jobsPoolMax, config.exportPoolMax]).toEqual([2, 2, 1]);
  expect(loadConfig({})).toMatchObject({ dbPoolMax: 20, jobsPoolMax: 5, exportPoolMax: 4 });
  expect(() => loadConfig({ OMS_DB_POOL_MAX: 'many' })).toThrow(/OMS_DB_POOL_MAX/);

  const server = await createServer({
    config: {
      ...baseConfig,
      dbPoolMax: config.dbPoolMax,
      jobsPoolMax: config.jobsPoolMax,
      exportPoolMax: config.exportPoolMax,
    },
    databaseUrl: withDatabase(db),
    host: '127.0.0.1',
    seed: 'none',
  });
  servers.push(server);

  // Ten statements at once through the ORM, each holding its connection for a while.
  const probe = new Client({ connectionString: withDatabase(db), application_name: 'oms-test-probe' });
  await probe.connect();
  const peak = new Map<string, number>();
  let running = true;
  const sample = (async () => {
    while (running) {
      const { rows } = await probe.query<{ app: string; n: number }>(
        `select application_name as app, count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and backend_type = 'client backend' group by 1`,
        [db],
      );
      for (const r of rows) peak.set(r.app, Math.max(peak.get(r.app) ?? 0, r.n));
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  await Promise.all(
    Array.from({ length: 10 }, () => server.orm.em.fork().getConnection().execute('select pg_sleep(0.3)')),
  );
  running = false;
  await sample;
  await probe.end();

  // The ORM's connections carry no application name; every other pool names itself. Only client
  // backends count: an autovacuum worker visiting the new database also has no name (CI once saw 3).
  const orm = peak.get('') ?? 0;
  expect(orm).toBe(2);
  expect(peak.get('oms-rate-limits') ?? 0).toBeLessThanOrEqual(3);
  expect(peak.get('oms-jobs') ?? 0).toBeLessThanOrEqual(2);
  expect(peak.get('oms-export') ?? 0).toBeLessThanOrEqual(1);
  expect(peak.get('oms-event-stream')).toBe(1);
});
