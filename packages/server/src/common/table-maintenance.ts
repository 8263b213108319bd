/**
 * ANALYZE and VACUUM of the tables PostgreSQL's autovacuum does not look after.
 *
 * PostgreSQL plans every statement from its statistics of the tables, which autovacuum refreshes
 * (ANALYZE) as rows change, and it reclaims dead rows (VACUUM). With autovacuum switched off
 * (`autovacuum = off`, or a table's `autovacuum_enabled = false`), nothing does: a table that
 * was empty when first planned stays "empty" to the planner however many rows it gets. The cost
 * shows up at once on a fresh database: a connection caches the plan of every foreign-key check
 * (and of every prepared statement) the first time it runs it, so the pool's connections keep
 * checking each new order line's order by reading the whole `order` table, and placing an order
 * gets slower with every order placed (measured in docs/benchmark-place-order.md: 163 instead of
 * 453 orders/s after 30 s of load). An ANALYZE makes PostgreSQL plan those statements again.
 *
 * So every `intervalSeconds` each server process asks PostgreSQL which tables have autovacuum off
 * and are due by autovacuum's own thresholds (table-maintenance.sql.ts), and runs ANALYZE or
 * VACUUM (ANALYZE) on them, one table at a time, on a connection of its own. With autovacuum on
 * (the default, and every managed PostgreSQL) the check finds nothing and nothing is run.
 * `OMS_TABLE_MAINTENANCE=off` switches it off for a database whose operator runs these themselves.
 *
 * VACUUM and ANALYZE never block reads or writes (they conflict only with schema changes and each
 * other); with several processes, one runs at a time (an advisory lock), the others skip the turn.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import type { Logger } from './logger';
import { BACKGROUND } from './context';
import { run } from './sql';
import { isUnavailable } from './unavailable';
import { autovacuumSetting, TableDue, tablesDue, tryTurnLock } from './table-maintenance.sql';

export type TableMaintenanceMode = 'auto' | 'off';

/** How often each process asks which tables are due (one cheap query when none is). */
export const TABLE_MAINTENANCE_SECONDS = 10;

/** Advisory lock: ('OMS', hashtext of this name), as the start-up locks (config/migrate.ts). */
const LOCK = [0x4f4d53, 'oms:table-maintenance'] as const;

export interface MaintenanceRun {
  analyzed: string[];
  vacuumed: string[];
  /** Why nothing ran: maintenance is off, another process holds the turn, or the database failed. */
  skipped?: 'off' | 'busy' | 'failed';
}

export class TableMaintenance {
  private timer?: NodeJS.Timeout;
  private running?: Promise<MaintenanceRun>;
  private client?: Client;
  private stopped = false;
  private warned = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly databaseUrl: string,
    private readonly log: Logger,
    private readonly options: { mode: TableMaintenanceMode; intervalSeconds: number },
  ) {}

  async start() {
    if (this.options.mode === 'off') return;
    try {
      const [{ on }] = await run<{ on: boolean }>(this.orm.em.fork({ loggerContext: BACKGROUND }), autovacuumSetting());
      if (!on) this.warnOnce();
    } catch (err) {
      this.log.warn({ err }, 'table maintenance: could not read the autovacuum setting');
    }
    this.timer = setInterval(() => void this.runOnce(), this.options.intervalSeconds * 1000);
    this.timer.unref();
  }

  private warnOnce() {
    if (this.warned) return;
    this.warned = true;
    this.log.warn(
      'PostgreSQL autovacuum is off: the server runs ANALYZE and VACUUM on its tables itself when they are due ' +
        '(OMS_TABLE_MAINTENANCE; docs/operations.md). Turning autovacuum on is better.',
    );
  }

  /** One turn: the tables due, each analyzed or vacuumed. Never throws; a turn in progress is joined. */
  runOnce(): Promise<MaintenanceRun> {
    if (this.options.mode === 'off' || this.stopped)
      return Promise.resolve({ analyzed: [], vacuumed: [], skipped: 'off' });
    this.running ??= this.turn().finally(() => (this.running = undefined));
    return this.running;
  }

  private async turn(): Promise<MaintenanceRun> {
    const done: MaintenanceRun = { analyzed: [], vacuumed: [] };
    try {
      const due = await run<TableDue>(this.orm.em.fork({ loggerContext: BACKGROUND }), tablesDue());
      if (!due.length) return done;
      this.warnOnce();
      const started = Date.now();
      const client = new Client({ connectionString: this.databaseUrl, application_name: 'oms-table-maintenance' });
      client.on('error', (err) => this.log.warn({ err }, 'table maintenance: connection lost'));
      this.client = client;
      try {
        await client.connect();
        // Never wait behind a schema change; end the statement if this connection goes away (shutdown).
        await client.query(`set lock_timeout = '2s'`);
        await client.query(`set client_connection_check_interval = '1s'`).catch(() => undefined);
        const lock = tryTurnLock(...LOCK);
        const [{ locked }] = (await client.query<{ locked: boolean }>(lock.text, lock.values)).rows;
        if (!locked) return { ...done, skipped: 'busy' };
        for (const table of due) {
          if (this.stopped) break;
          try {
            // (The name comes from PostgreSQL's quote_ident; VACUUM and ANALYZE take no parameters.)
            if (table.vacuum) await client.query(`vacuum ${table.analyze ? '(analyze) ' : ''}${table.name}`);
            else await client.query(`analyze ${table.name}`);
            if (table.vacuum) done.vacuumed.push(table.name);
            if (table.analyze) done.analyzed.push(table.name);
          } catch (err) {
            if (this.stopped || isUnavailable(err)) throw err;
            // A table dropped meanwhile, a schema change holding its lock: the next turn tries again.
            this.log.warn({ err, table: table.name }, 'table maintenance: skipped a table');
          }
        }
      } finally {
        this.client = undefined;
        await client.end().catch(() => undefined);
      }
      this.log.info(
        { analyzed: done.analyzed, vacuumed: done.vacuumed, ms: Date.now() - started },
        'table maintenance: tables analyzed and vacuumed',
      );
      return done;
    } catch (err) {
      if (!this.stopped) {
        if (isUnavailable(err)) this.log.warn({ err }, 'table maintenance: database unreachable, will retry');
        else this.log.error({ err }, 'table maintenance failed');
      }
      return { ...done, skipped: 'failed' };
    }
  }

  /** Stops the turns; a statement running is ended (its connection closes). */
  async stop() {
    this.stopped = true;
    clearInterval(this.timer);
    await this.client?.end().catch(() => undefined);
    await this.running;
  }
}
