/**
 * Exports: every kind streamed from PostgreSQL with a cursor (pg-query-stream) through
 * csv-stringify or JSON lines into any writable (an HTTP response, a file), with backpressure,
 * so a million rows never sit in memory. Also the background export jobs of the admin: a row in
 * export_job, a pg-boss job that writes the file into OMS_EXPORT_DIR with its progress, and a
 * sweep that deletes files after OMS_EXPORT_TTL_SECONDS.
 */
import { isUuid } from '../../common/limits';
import { stringify } from 'csv-stringify';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Pool } from 'pg';
import { pgPoolStats, PoolStats } from '../../common/metrics';
import QueryStream from 'pg-query-stream';
import { can, channelScope } from '../../common/access';
import type { Actor, RequestContext } from '../../common/context';
import { ErrorCode, UserError } from '../../common/errors';
import type { JobQueue } from '../../common/jobs';
import type { Logger } from '../../common/logger';
import { run } from '../../common/sql';
import { Permission } from '../auth';
import { ExportFormatEnum, ExportJob, ExportJobState, ExportKindEnum, StartExportInput } from './data.types';
import {
  CSV_COLUMNS,
  EXPORT_FORMATS,
  EXPORT_KINDS,
  ExportFilter,
  ExportForbiddenError,
  ExportFormat,
  ExportKind,
  ExportParameterError,
  ExportScope,
  parseFilter,
  toCsv,
  toJson,
} from './export-query';
import {
  exportJobOf,
  exportStatement,
  expireExportJobs,
  failExportJob,
  finishedExportJobOf,
  finishExportJob,
  insertExportJob,
  lockExportsOf,
  runningExportCount,
  setExportProgress,
  setExportTotal,
  startExportJob,
} from './export.sql';

export const EXPORT_QUEUE = 'data-export';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

export interface ExportSettings {
  exportDir: string;
  exportTtlSeconds: number;
  /** Connections of the export pool (default 4). */
  exportPoolMax?: number;
  /** Default 10000 ms (OMS_EXPORT_ACQUIRE_TIMEOUT_MS). */
  exportAcquireTimeoutMs?: number;
  /** Default 2 (OMS_MAX_EXPORTS_PER_ACTOR); 0: no limit. */
  maxExportsPerActor?: number;
  /** DATABASE_READ_URL: exports stream from these replicas (each with a pool of exportPoolMax); their bookkeeping stays on the primary. */
  databaseReadUrls?: string[];
}

/** How an export is written: `spreadsheetSafe` defuses CSV cells a spreadsheet would run as a formula. */
export interface ExportOptions {
  spreadsheetSafe?: boolean;
}

/** Every export connection is taken and none came free within OMS_EXPORT_ACQUIRE_TIMEOUT_MS. */
export class ExportBusyError extends Error {
  constructor() {
    super('Exports are busy; retry in a few seconds');
  }
}

/** The caller already runs OMS_MAX_EXPORTS_PER_ACTOR exports. */
export class ExportLimitError extends Error {
  constructor(readonly limit: number) {
    super(`You already have ${limit} exports running; wait for one to finish (OMS_MAX_EXPORTS_PER_ACTOR)`);
  }
}

/**
 * A CSV cell that a spreadsheet would read as a formula (=, +, -, @, tab, carriage return first)
 * gets a leading apostrophe, which spreadsheets show as text. Only text cells: numbers stay numbers.
 */
export function spreadsheetSafe(value: string): string {
  // The first character's code, not a regular expression: this runs for every text cell of an export.
  const c = value.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${value}` : value; // = + - @ tab CR
}

export function scopeOf(actor: Actor | undefined): ExportScope {
  const ctx = { actor };
  return {
    channelIds: channelScope(ctx),
    customers: can(ctx, Permission.CUSTOMER_READ),
    payments: can(ctx, Permission.PAYMENT_READ),
    staff: !!actor && actor.kind !== 'apiKey',
    ownLabel: actor?.label,
  };
}

export function isExportKind(v: string): v is ExportKind {
  return (EXPORT_KINDS as readonly string[]).includes(v);
}

export function isExportFormat(v: string): v is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(v);
}

/** `orders-2026-11-27T18-00-00Z.csv` */
export function exportFileName(kind: ExportKind, format: ExportFormat, at = new Date()): string {
  return `${kind}-${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z.${format}`;
}

interface JobRow {
  id: string;
  kind: ExportKind;
  format: ExportFormat;
  state: ExportJobState;
  rows_done: number;
  rows_total: number | null;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
  expires_at: Date | null;
  filter: ExportFilter;
  channel_ids: string[] | null;
}

export class ExportService {
  private readonly pool: Pool;
  /** Where the exported rows are read: the replicas' pools, or the primary's pool without replicas. */
  private readonly readPools: Pool[];
  private sweeper?: NodeJS.Timeout;
  /** HTTP exports streaming now, per caller (owner key). */
  private readonly streaming = new Map<string, number>();

  /** The exports' own connection pool (for the metrics scrape). */
  poolStats(): PoolStats | undefined {
    return pgPoolStats(this.pool);
  }

  constructor(
    databaseUrl: string,
    private readonly queue: JobQueue,
    private readonly log: Logger,
    private readonly settings: ExportSettings,
  ) {
    // Exports hold a connection for as long as they stream: their own small pool, so that they
    // never starve requests of the ORM's.
    // A caller waits at most exportAcquireTimeoutMs for one: four slow downloads make the next
    // export answer "busy, retry" rather than hang.
    this.pool = new Pool({
      connectionString: databaseUrl,
      max: settings.exportPoolMax ?? 4,
      idleTimeoutMillis: 2000,
      application_name: 'oms-export',
      connectionTimeoutMillis: settings.exportAcquireTimeoutMs ?? 10_000,
    });
    this.pool.on('error', (err) => this.log.warn({ err }, 'export connection lost'));
    this.readPools = (settings.databaseReadUrls ?? []).map((url) => {
      const pool = new Pool({
        connectionString: url,
        max: settings.exportPoolMax ?? 4,
        idleTimeoutMillis: 2000,
        application_name: 'oms-export',
        connectionTimeoutMillis: settings.exportAcquireTimeoutMs ?? 10_000,
      });
      pool.on('error', (err) => this.log.warn({ err }, 'export connection to a read replica lost'));
      return pool;
    });
    if (!this.readPools.length) this.readPools.push(this.pool);
  }

  /**
   * Streams one export into `out` (which it ends); resolves with the number of records
   * (orders, not order lines) once everything is written. `onProgress` is told the count as it grows.
   */
  async streamTo(
    scope: ExportScope,
    kind: ExportKind,
    format: ExportFormat,
    filter: ExportFilter,
    out: Writable,
    onProgress?: (rows: number) => void,
    options: ExportOptions = {},
  ): Promise<number> {
    const statement = exportStatement(kind, filter, scope);
    const client = await this.connect();
    let broken = false;
    let rows = 0;
    try {
      const source = client.query(
        new QueryStream(statement.text, statement.values, { batchSize: 250, highWaterMark: 250 }),
      );
      const records = new Transform({
        objectMode: true,
        transform(row, _enc, done) {
          rows++;
          onProgress?.(rows);
          if (format === 'jsonl') return done(null, JSON.stringify(toJson(kind, row, scope)) + '\n');
          for (const record of toCsv(kind, row, scope)) this.push(record);
          done();
        },
      });
      if (format === 'csv') {
        const csv = stringify({
          header: true,
          columns: CSV_COLUMNS[kind],
          cast: {
            boolean: (b) => (b ? 'true' : 'false'),
            ...(options.spreadsheetSafe ? { string: spreadsheetSafe } : {}),
          },
        });
        await pipeline(source, records, csv, out);
      } else {
        await pipeline(source, records, out);
      }
      return rows;
    } catch (e) {
      broken = true;
      throw e;
    } finally {
      // A cursor left open mid-stream (client went away) is not reusable: drop that connection.
      client.release(broken || undefined);
    }
  }

  async count(scope: ExportScope, kind: ExportKind, filter: ExportFilter): Promise<number> {
    const statement = exportStatement(kind, filter, scope);
    const client = await this.connect();
    try {
      const { rows } = await client.query(statement.countText, statement.values);
      return rows[0].n;
    } finally {
      client.release();
    }
  }

  /** A connection to read exported rows on: a replica's when there are replicas (common/read-replica.ts). */
  private async connect() {
    try {
      return await this.readPools[Math.floor(Math.random() * this.readPools.length)].connect();
    } catch (e) {
      if (/timeout exceeded when trying to connect/i.test(String((e as Error)?.message))) throw new ExportBusyError();
      throw e;
    }
  }

  /**
   * Takes one of the caller's HTTP export slots (OMS_MAX_EXPORTS_PER_ACTOR); returns its release,
   * or throws ExportLimitError. Counted in this process (a stream lives in one).
   */
  claimStream(ctx: RequestContext): () => void {
    const limit = this.settings.maxExportsPerActor ?? 2;
    const owner = this.owner(ctx);
    const n = this.streaming.get(owner) ?? 0;
    if (limit > 0 && n >= limit) throw new ExportLimitError(limit);
    this.streaming.set(owner, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.streaming.get(owner) ?? 1) - 1;
      if (left > 0) this.streaming.set(owner, left);
      else this.streaming.delete(owner);
    };
  }

  // ---- background jobs ----

  async start(): Promise<void> {
    // Export files hold personal data: only the server's user may list or read them.
    fs.mkdirSync(this.settings.exportDir, { recursive: true, mode: 0o700 });
    try {
      fs.chmodSync(this.settings.exportDir, 0o700);
    } catch (err) {
      this.log.warn({ err, dir: this.settings.exportDir }, 'could not restrict the export directory to mode 0700');
    }
    await this.queue.define(EXPORT_QUEUE, {
      retryLimit: 1,
      retryDelaySeconds: 5,
      retryBackoff: false,
      expireInSeconds: 6 * 3600,
      deadLetter: false,
    });
    await this.queue.work<{ jobId: string; scope: ExportScope; spreadsheetSafe?: boolean }>(
      EXPORT_QUEUE,
      (job) => this.run(job.data.jobId, job.data.scope, { spreadsheetSafe: job.data.spreadsheetSafe }),
      2,
    );
    const every = Math.min(this.settings.exportTtlSeconds, 600) * 1000;
    this.sweeper = setInterval(() => this.sweep().catch((err) => this.log.warn({ err }, 'export sweep failed')), every);
    // The first sweep runs at the first tick, not at start: starting holds no connection of this pool.
    this.sweeper.unref();
  }

  async stop(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    await Promise.all([this.pool, ...this.readPools.filter((p) => p !== this.pool)].map((p) => p.end()));
  }

  private owner(ctx: RequestContext): string {
    return `${ctx.actor!.kind}:${ctx.actor!.id ?? 'system'}`;
  }

  filePath(id: string, format: ExportFormat): string {
    return path.join(this.settings.exportDir, `${id}.${format}`);
  }

  async startExport(
    ctx: RequestContext,
    input: StartExportInput,
  ): Promise<{ job?: ExportJob; userErrors: UserError[] }> {
    const kind = input.kind as string;
    const format = input.format as string;
    if (!isExportKind(kind) || !isExportFormat(format))
      return { userErrors: [new UserError(ErrorCode.INVALID_INPUT, 'Unknown kind or format', ['input', 'kind'])] };
    let filter: ExportFilter;
    try {
      filter = parseFilter(kind, input.filter ?? {});
    } catch (e) {
      if (e instanceof ExportParameterError)
        return { userErrors: [new UserError(ErrorCode.INVALID_INPUT, e.message, ['input', 'filter', e.parameter])] };
      throw e;
    }
    const scope = scopeOf(ctx.actor);
    // The HTTP route refuses this too; the job runs later, without a request to ask.
    if (kind === 'customers' && !scope.customers) {
      return {
        userErrors: [
          new UserError(ErrorCode.FORBIDDEN, `Missing permission ${Permission.CUSTOMER_READ}`, ['input', 'kind']),
        ],
      };
    }
    const limit = this.settings.maxExportsPerActor ?? 2;
    const id = await ctx.em.transactional(async (em) => {
      if (limit > 0) {
        // One caller's exports at a time (two starting together each see the other's row).
        await run(em, lockExportsOf(this.owner(ctx)));
        // Jobs older than the queue's expiry (6 h) no longer run, whatever their row says: not counted.
        const [{ n }] = await run<{ n: number }>(em, runningExportCount(this.owner(ctx)));
        if (n >= limit) return undefined;
      }
      const [row] = await run<{ id: string }>(
        em,
        insertExportJob({
          kind,
          format,
          filter: JSON.stringify(filter),
          owner: this.owner(ctx),
          requestedBy: ctx.actor!.label,
          channelIds: scope.channelIds ? JSON.stringify(scope.channelIds) : null,
        }),
      );
      // The job exists only if the row does (same transaction).
      // Plain JSON (no undefined members): the job data is a bind parameter of pg-boss's insert.
      await this.queue.send(em, EXPORT_QUEUE, {
        jobId: row.id,
        scope: JSON.parse(JSON.stringify(scope)),
        spreadsheetSafe: !!input.spreadsheetSafe,
      });
      return row.id;
    });
    if (!id) return { userErrors: [new UserError(ErrorCode.CONFLICT, new ExportLimitError(limit).message, ['input'])] };
    this.queue.wake(EXPORT_QUEUE);
    return { job: (await this.job(ctx, id))!, userErrors: [] };
  }

  /** A job of the caller's (others' jobs are as if they did not exist). */
  async job(ctx: RequestContext, id: string): Promise<ExportJob | null> {
    if (!isUuid(id)) return null;
    const [row] = await run<JobRow>(ctx.em, exportJobOf(id, this.owner(ctx)));
    return row ? this.present(row) : null;
  }

  /** The finished file of a job of the caller's, for download. */
  async download(
    ctx: RequestContext,
    id: string,
  ): Promise<{ path: string; fileName: string; format: ExportFormat } | null> {
    if (!isUuid(id)) return null;
    const [row] = await run<JobRow>(ctx.em, finishedExportJobOf(id, this.owner(ctx)));
    if (!row) return null;
    const file = this.filePath(row.id, row.format);
    if (!fs.existsSync(file)) return null;
    return {
      path: file,
      fileName: exportFileName(row.kind, row.format, new Date(row.finished_at ?? row.created_at)),
      format: row.format,
    };
  }

  private present(row: JobRow): ExportJob {
    return {
      id: row.id,
      kind: row.kind as ExportKindEnum,
      format: row.format as ExportFormatEnum,
      state: row.state,
      rowsDone: row.rows_done,
      rowsTotal: row.rows_total,
      downloadUrl: row.state === ExportJobState.DONE ? `/export/jobs/${row.id}/download` : null,
      // Timestamps come back as text through the ORM's connection.
      error: row.error,
      createdAt: new Date(row.created_at),
      finishedAt: row.finished_at ? new Date(row.finished_at) : null,
      expiresAt: row.expires_at ? new Date(row.expires_at) : null,
    };
  }

  /** Works one export job: counts, streams into a file next to its final name, then renames it. */
  private async run(jobId: string, scope: ExportScope, options: ExportOptions): Promise<void> {
    const start = startExportJob(jobId);
    const {
      rows: [job],
    } = await this.pool.query<JobRow>(start.text, start.values);
    if (!job) return;
    const file = this.filePath(job.id, job.format);
    const partial = `${file}.part`;
    try {
      const total = await this.count(scope, job.kind, job.filter);
      const setTotal = setExportTotal(jobId, total);
      await this.pool.query(setTotal.text, setTotal.values);
      let reported = 0;
      let writing: Promise<unknown> | undefined;
      let last = Date.now();
      await fs.promises.rm(partial, { force: true }); // a file's mode is set when it is created
      const rows = await this.streamTo(
        scope,
        job.kind,
        job.format,
        job.filter,
        fs.createWriteStream(partial, { mode: 0o600 }),
        (n) => {
          // Progress at most every 250 ms, one update in flight at a time.
          if (writing || Date.now() - last < 250) return;
          last = Date.now();
          reported = n;
          const progress = setExportProgress(jobId, reported);
          writing = this.pool
            .query(progress.text, progress.values)
            .catch(() => undefined)
            .finally(() => {
              writing = undefined;
            });
        },
        options,
      );
      await writing;
      await fs.promises.rename(partial, file);
      const finish = finishExportJob(jobId, rows, this.settings.exportTtlSeconds);
      await this.pool.query(finish.text, finish.values);
    } catch (err) {
      this.log.error({ err, jobId }, 'export failed');
      await fs.promises.rm(partial, { force: true });
      const why =
        err instanceof ExportForbiddenError
          ? `${err.message}: the export was refused`
          : err instanceof ExportBusyError
            ? 'The server was busy; start the export again'
            : 'The export failed; the server log has the details';
      const failed = failExportJob(jobId, why);
      await this.pool.query(failed.text, failed.values);
    }
  }

  /** Deletes the files of expired exports (and marks them EXPIRED). */
  async sweep(): Promise<void> {
    const expire = expireExportJobs();
    const { rows } = await this.pool.query<{ id: string; format: ExportFormat }>(expire.text, expire.values);
    for (const r of rows) await fs.promises.rm(this.filePath(r.id, r.format), { force: true });
  }
}
