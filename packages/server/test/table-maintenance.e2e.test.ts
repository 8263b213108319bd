/**
 * Table maintenance (common/table-maintenance.ts): the tables PostgreSQL's autovacuum does not
 * look after are analyzed and vacuumed by the server when autovacuum's own thresholds say so.
 * Proven on the real database with tables of the test's own whose autovacuum is off
 * (`autovacuum_enabled = false`), whatever the server's setting:
 * - the reason it exists: a connection that checked a foreign key while the referenced table was
 *   nearly empty keeps reading the whole table for every check, until the table is analyzed;
 * - tables autovacuum looks after are left to it;
 * - dead rows are vacuumed;
 * - one process at a time, off when configured off, and a database that is away fails a turn quietly.
 */
import { Client } from 'pg';
import { startTestServer, TestServer } from './harness';
import { TableMaintenance } from '../src/common/table-maintenance';
import { parseTableMaintenance } from '../src/config/config';

let t: TestServer;
let client: Client;
/** Turns run by the test (the server's own periodic turns are off here, so they cannot run in between). */
let maintenance: TableMaintenance;

beforeAll(async () => {
  t = await startTestServer({ config: { tableMaintenance: 'off' } });
  maintenance = new TableMaintenance(t.server.orm, t.databaseUrl, t.server.log, {
    mode: 'auto',
    intervalSeconds: 3600,
  });
  client = new Client({ connectionString: t.databaseUrl });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await t?.stop();
});

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Waits until PostgreSQL's statistics show at least `n` rows changed in `table` since its last
 * analyze, or (`orAutoanalyzed`, for a table autovacuum looks after) until autovacuum analyzed it:
 * that resets the count, which would then never reach `n` (seen on CI with the embedded PostgreSQL).
 */
async function changesVisible(table: string, n: number, orAutoanalyzed = false) {
  // A backend reports its counts at the end of a transaction at most once a second (else when idle).
  await client.query('select pg_sleep(1.1)');
  await until(`${n} changes of ${table} in the statistics`, async () => {
    const [row] = await t.sql<{ n: string; autoanalyzed: boolean }>(
      `select n_mod_since_analyze::text as n, last_autoanalyze is not null as autoanalyzed
         from pg_stat_user_tables where relname = $1`,
      [table],
    );
    return row && (Number(row.n) >= n || (orAutoanalyzed && row.autoanalyzed)) ? true : undefined;
  });
}

/** Scans of `table` that `statement` makes (this connection's counts before and after it, in one transaction). */
async function scansBy(statement: string, table: string) {
  const counts = async () => {
    const {
      rows: [row],
    } = await client.query<{ seq_scan: string; idx_scan: string | null }>(
      'select seq_scan::text, idx_scan::text from pg_stat_xact_user_tables where relname = $1',
      [table],
    );
    return { seq: Number(row.seq_scan), idx: Number(row.idx_scan ?? 0) };
  };
  await client.query('begin');
  try {
    const before = await counts();
    await client.query(statement);
    const after = await counts();
    return { seq: after.seq - before.seq, idx: after.idx - before.idx };
  } finally {
    await client.query('rollback');
  }
}

const statsOf = async (table: string) =>
  (
    await t.sql<{ last_analyze: Date | null; last_vacuum: Date | null; n_dead_tup: string }>(
      'select last_analyze, last_vacuum, n_dead_tup::text from pg_stat_user_tables where relname = $1',
      [table],
    )
  )[0];

it('analyzes a table that grew with autovacuum off, so foreign-key checks planned while it was empty use its index again', async () => {
  await client.query(`create table maint_parent (id int primary key) with (autovacuum_enabled = false)`);
  await client.query(`create table maint_child (parent_id int not null references maint_parent)`);
  await client.query(`insert into maint_parent values (1)`);
  // Analyzed while it is tiny, as a migration analyzes "order" on a new database.
  await client.query(`analyze maint_parent`);
  // This connection checks the foreign key while the parent table has one row: after a few checks
  // PostgreSQL keeps one plan for them (a read of the whole table is cheapest then) and reuses it.
  await client.query(`insert into maint_child select 1 from generate_series(1, 10)`);
  await client.query(`insert into maint_parent select g from generate_series(2, 20000) g`);
  await changesVisible('maint_parent', 20000);

  // The problem: every check reads the whole parent table.
  expect(await scansBy('insert into maint_child values (19999)', 'maint_parent')).toEqual({ seq: 1, idx: 0 });

  const turn = await maintenance.runOnce();
  expect(turn.skipped).toBeUndefined();
  expect(turn.analyzed).toContain('public.maint_parent');
  expect((await statsOf('maint_parent')).last_analyze).not.toBeNull();

  // The same connection plans the check again, with the table's real size: one index lookup.
  expect(await scansBy('insert into maint_child values (19999)', 'maint_parent')).toEqual({ seq: 0, idx: 1 });
});

it('leaves the tables autovacuum looks after to it, and vacuums dead rows of the others', async () => {
  await client.query(`create table maint_off (id int primary key, v text) with (autovacuum_enabled = false)`);
  await client.query(`create table maint_auto (id int primary key, v text)`);
  for (const table of ['maint_off', 'maint_auto'])
    await client.query(`insert into ${table} select g, 'x' from generate_series(1, 1000) g`);
  await changesVisible('maint_off', 1000);
  // With the server's autovacuum on, autovacuum may analyze this table first (nothing is then due for anyone).
  await changesVisible('maint_auto', 1000, true);
  const [{ autovacuum }] = await t.sql<{ autovacuum: string }>(`select current_setting('autovacuum') as autovacuum`);

  const first = await maintenance.runOnce();
  expect(first.analyzed).toContain('public.maint_off');
  // Left alone while the server's autovacuum is on; analyzed by the server when it is off.
  expect(first.analyzed.includes('public.maint_auto')).toBe(autovacuum === 'off');

  // 900 dead rows of 1,000: over autovacuum's threshold (50 + 20 % of the rows).
  await client.query(`delete from maint_off where id <= 900`);
  await until('the dead rows in the statistics', async () => {
    await client.query('select pg_sleep(1.1)');
    return Number((await statsOf('maint_off')).n_dead_tup) >= 900 ? true : undefined;
  });
  const second = await maintenance.runOnce();
  expect(second.vacuumed).toContain('public.maint_off');
  const after = await statsOf('maint_off');
  expect(after.last_vacuum).not.toBeNull();
  expect(Number(after.n_dead_tup)).toBe(0);
  // Nothing is due right after a turn.
  const third = await maintenance.runOnce();
  expect(third.analyzed).not.toContain('public.maint_off');
  expect(third.vacuumed).not.toContain('public.maint_off');
});

it('runs in one process at a time, not at all when off, and fails a turn quietly when the database is away', async () => {
  await client.query(`create table maint_more (id int primary key) with (autovacuum_enabled = false)`);
  await client.query(`insert into maint_more select g from generate_series(1, 500) g`);
  await changesVisible('maint_more', 500);
  const log = t.server.log;
  const orm = t.server.orm;

  const off = new TableMaintenance(orm, t.databaseUrl, log, { mode: 'off', intervalSeconds: 3600 });
  expect(await off.runOnce()).toEqual({ analyzed: [], vacuumed: [], skipped: 'off' });

  // Another process holds the turn.
  const other = new Client({ connectionString: t.databaseUrl });
  await other.connect();
  try {
    await other.query(`select pg_advisory_lock(${0x4f4d53}, hashtext('oms:table-maintenance'))`);
    const busy = new TableMaintenance(orm, t.databaseUrl, log, { mode: 'auto', intervalSeconds: 3600 });
    expect(await busy.runOnce()).toEqual({ analyzed: [], vacuumed: [], skipped: 'busy' });
  } finally {
    await other.end();
  }

  // Its own connection cannot be opened (nothing listens on port 1): the turn fails, nothing throws.
  const away = new TableMaintenance(orm, 'postgres://postgres@127.0.0.1:1/nowhere', log, {
    mode: 'auto',
    intervalSeconds: 3600,
  });
  expect(await away.runOnce()).toEqual({ analyzed: [], vacuumed: [], skipped: 'failed' });
  expect((await statsOf('maint_more')).last_analyze).toBeNull();

  // A turn that can connect does it.
  expect((await maintenance.runOnce()).analyzed).toContain('public.maint_more');
  expect((await statsOf('maint_more')).last_analyze).not.toBeNull();
});

it('OMS_TABLE_MAINTENANCE is "auto" by default, or "off"; anything else is refused by name', () => {
  expect(parseTableMaintenance(undefined)).toBe('auto');
  expect(parseTableMaintenance(' AUTO ')).toBe('auto');
  expect(parseTableMaintenance('off')).toBe('off');
  expect(() => parseTableMaintenance('sometimes')).toThrow(/OMS_TABLE_MAINTENANCE must be "auto" or "off"/);
});
