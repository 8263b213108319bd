/**
 * Plain SQL inside the current MikroORM transaction, for the hot paths where building and
 * flushing entities costs more CPU than the statements themselves (order placement, sign-in
 * checks). Parameters go to PostgreSQL as bind parameters, never spliced into the text.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import type { ClientBase, QueryConfig, QueryResult } from 'pg';
import { insertRowsStatement } from './insert.sql';

/** One SQL statement and its bind parameters, as the *.sql.ts files build them. */
export interface Statement {
  text: string;
  values: unknown[];
}

/** Runs `sql` with `?` placeholders in the transaction of `em` (or on the pool when there is none). */
export async function sql<T = Record<string, unknown>>(
  em: EntityManager,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const trx = em.getTransactionContext<Knex.Transaction>();
  const runner = trx ?? em.getKnex();
  const started = Date.now();
  // knex's raw() resolves to the driver's own result: pg's QueryResult.
  const result = (await runner.raw(text, params as Knex.RawBinding[])) as QueryResult;
  // Through MikroORM's logger like its own statements, so query logs and counts see these too.
  logQuery(em, text, started, result.rowCount);
  return result.rows as T[];
}

/** A statement in MikroORM's query log; the text is tidied only when the log is on. */
function logQuery(em: EntityManager, text: string, started: number, rows: number | null): void {
  const logger = em.config.getLogger();
  const context = em.getLoggerContext();
  if (!logger.isEnabled('query', context)) return;
  logger.logQuery({
    ...context,
    query: text.replace(/\s+/g, ' '),
    took: Date.now() - started,
    results: rows ?? undefined,
    level: 'info',
  });
}

/** `?, ?, ?` for a list of n values. */
export const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** One multi-row INSERT; every row must have the same keys (column names). */
export async function insertRows(em: EntityManager, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const statement = insertRowsStatement(table, rows);
  await sql(em, statement.text, statement.values);
}

/** Runs a statement written with PostgreSQL's $1, $2 placeholders (see order-placement.sql.ts). */
export function run<T = Record<string, unknown>>(em: EntityManager, statement: Statement): Promise<T[]> {
  const values: unknown[] = [];
  const text = statement.text.replace(/\$(\d+)/g, (_, n) => {
    values.push(statement.values[Number(n) - 1]);
    return '?';
  });
  return sql<T>(em, text, values);
}

const preparedNames = new Map<string, string>();
const MAX_PREPARED = 200;

/**
 * Like `run`, as a named prepared statement of the transaction's connection: PostgreSQL parses
 * and plans a statement once per connection and shape, then only binds and executes it. For the
 * hot paths whose statements come in a few shapes (order placement); at most MAX_PREPARED
 * distinct texts per process are prepared, the others run unnamed. Outside a transaction: `run`.
 */
export async function runPrepared<T = Record<string, unknown>>(em: EntityManager, statement: Statement): Promise<T[]> {
  const trx = em.getTransactionContext<Knex.Transaction>();
  if (!trx) return run<T>(em, statement);
  // Inside a knex transaction, its client hands out the transaction's own connection.
  const connection = (await trx.client.acquireConnection()) as ClientBase;
  const started = Date.now();
  const result = await connection.query(preparedQuery(statement));
  logQuery(em, statement.text, started, result.rowCount);
  return result.rows as T[];
}

/** Statements of one transaction held on a connection of the ORM's pool (see `transaction`). */
export interface SqlTransaction {
  /** A named prepared statement (`runPrepared`'s naming and limit), or unnamed past the limit. */
  prepared<T = Record<string, unknown>>(statement: { text: string; values: unknown[] }): Promise<T[]>;
  /** A statement with $1, $2 placeholders, not prepared. */
  query<T = Record<string, unknown>>(statement: { text: string; values: unknown[] }): Promise<T[]>;
  /**
   * The transaction's last statement, prepared as `prepared`, sent with its `commit` in one round
   * trip. When it returns, the transaction has committed; the work must not send another statement.
   */
  preparedAndCommit<T = Record<string, unknown>>(statement: { text: string; values: unknown[] }): Promise<T[]>;
}

/**
 * Runs `work` in a transaction on a connection of the ORM's pool, with the `pg` driver only: no
 * entity manager fork, no knex transaction, no unit of work to compute at commit. For the hot
 * path whose reads and writes are all plain SQL (order placement); a throw rolls back. The
 * statements, `begin` and `commit` included, go through MikroORM's query log like its own.
 *
 * Round trips: `begin` travels with the work's first statement and `commit` with
 * `preparedAndCommit`'s statement (pipelined: the messages of both, then one Sync; see
 * `pipelined`), so a read-then-write transaction costs two round trips, not four. PostgreSQL runs
 * pipelined messages in order and skips the rest after an error, up to the Sync: a failed
 * statement never commits, and the catch below rolls back what `begin` opened.
 */
export async function transaction<T>(em: EntityManager, work: (trx: SqlTransaction) => Promise<T>): Promise<T> {
  const client = em.getKnex().client;
  const connection = (await client.acquireConnection()) as PgConnection;
  const logger = em.config.getLogger();
  const logContext = em.getLoggerContext();
  const log = (text: string, started: number, rows: number | null | undefined) => {
    if (!logger.isEnabled('query', logContext)) return;
    logger.logQuery({
      ...logContext,
      query: text.replace(/\s+/g, ' '),
      took: Date.now() - started,
      results: rows ?? undefined,
      level: 'info',
    });
  };
  /** begin: not sent yet; open: sent (and maybe failed: the catch rolls back); done: committed. */
  let state = 'begin' as 'begin' | 'open' | 'done';
  const send = async <R>(query: { name?: string; text: string; values: unknown[] }, commit = false): Promise<R[]> => {
    if (state === 'done') throw new Error('transaction: a statement after preparedAndCommit');
    const withBegin = state === 'begin';
    state = 'open';
    const started = Date.now();
    if (withBegin) log('begin', started, null);
    const result =
      withBegin || commit
        ? await pipelined(connection, query, { begin: withBegin, commit })
        : await connection.query(query);
    log(query.text, started, result.rowCount);
    if (commit) {
      state = 'done';
      log('commit', started, null);
    }
    return result.rows as R[];
  };
  const trx: SqlTransaction = {
    prepared: (statement) => send(preparedQuery(statement)),
    query: (statement) => send({ text: statement.text, values: statement.values }),
    preparedAndCommit: (statement) => send(preparedQuery(statement), true),
  };
  try {
    const result = await work(trx);
    if (state === 'open') {
      const started = Date.now();
      await connection.query('commit');
      log('commit', started, null);
    }
    return result;
  } catch (e) {
    // A statement failed (or the work threw) after begin was sent: roll back. If commit itself
    // failed, the transaction has already ended and rollback only warns.
    if (state !== 'begin') {
      try {
        await connection.query('rollback');
      } catch (rollbackFailed) {
        // The connection is broken: the pool discards it instead of handing it out again.
        connection.__knex__disposed = rollbackFailed;
      }
    }
    throw e;
  } finally {
    client.releaseConnection(connection);
  }
}

type PgConnection = ClientBase & { __knex__disposed?: unknown };

/** The wire-protocol half of a pg Client, as its Query objects drive it. */
interface WireConnection {
  parse(m: { text: string; name?: string; types?: unknown[] }): void;
  bind(m: { portal?: string; statement?: string; values?: unknown[] }): void;
  execute(m: { portal?: string; rows?: number }): void;
  sync(): void;
}

/** The members of pg's Query (lib/query.js) that `pipelinedQueryClass` extends; not in its typings. */
interface PgQuery {
  text: string;
  name?: string;
  types?: unknown[];
  portal?: string;
  hasBeenParsed(connection: WireConnection): boolean;
  prepare(connection: WireConnection): void;
  _getRows(connection: WireConnection, rows?: number): void;
}
type PgQueryClass = new (config: object) => PgQuery;

const pipelinedClasses = new WeakMap<PgQueryClass, PgQueryClass>();

/** An unnamed statement without parameters, in the pipeline (its results join the query's). */
function sendUnnamed(connection: WireConnection, text: 'begin' | 'commit') {
  connection.parse({ text });
  connection.bind({});
  connection.execute({});
}

/**
 * pg's own Query, extended to send `begin` before the statement and/or `commit` after it, all
 * before the one Sync. Built on the Query class of the connection's own driver (knex may load
 * another copy of pg than this package), so rows, errors and the end of the pipeline are handled
 * by the driver as for any query; the results come back as an array, one per statement.
 */
function pipelinedQueryClass(connection: ClientBase): PgQueryClass {
  const Base = (connection.constructor as unknown as { Query?: PgQueryClass }).Query;
  if (!Base) throw new Error('transaction: the pg driver exposes no Client.Query');
  let Pipelined = pipelinedClasses.get(Base);
  if (!Pipelined) {
    Pipelined = class extends Base {
      begin = false;
      commit = false;
      private parsedAhead = false;
      requiresPreparation() {
        return true;
      }
      hasBeenParsed(c: WireConnection) {
        return this.parsedAhead || super.hasBeenParsed(c);
      }
      prepare(c: WireConnection) {
        if (this.begin) {
          if (this.name && !super.hasBeenParsed(c)) {
            // A named statement's Parse goes before begin's: the driver marks the name parsed at
            // the first ParseComplete, and a Parse that fails sends none (nor anything after it).
            c.parse({ text: this.text, name: this.name, types: this.types });
            this.parsedAhead = true;
          }
          // An unnamed statement is parsed after begin, which would otherwise replace it.
          sendUnnamed(c, 'begin');
        }
        super.prepare(c);
      }
      _getRows(c: WireConnection, rows?: number) {
        if (!this.commit) return super._getRows(c, rows);
        c.execute({ portal: this.portal, rows });
        sendUnnamed(c, 'commit');
        c.sync();
      }
    };
    pipelinedClasses.set(Base, Pipelined);
  }
  return Pipelined;
}

/** Sends `query` with `begin` before it and/or `commit` after it in one round trip; its own result. */
function pipelined(
  connection: ClientBase,
  query: { name?: string; text: string; values: unknown[] },
  around: { begin: boolean; commit: boolean },
): Promise<QueryResult> {
  const Pipelined = pipelinedQueryClass(connection);
  return new Promise((resolve, reject) => {
    const q = Object.assign(
      new Pipelined({
        ...query,
        callback: (err: Error | undefined, results: QueryResult | QueryResult[]) => {
          if (err) return reject(err);
          const all = Array.isArray(results) ? results : [results];
          // One result per statement: [begin,] the statement[, commit].
          resolve(all[around.begin ? 1 : 0]);
        },
      }),
      around,
    );
    void connection.query(q as unknown as QueryConfig);
  });
}

function preparedQuery(statement: { text: string; values: unknown[] }): {
  name?: string;
  text: string;
  values: unknown[];
} {
  let name = preparedNames.get(statement.text);
  if (!name && preparedNames.size < MAX_PREPARED) {
    name = `oms_${createHash('sha1').update(statement.text).digest('hex').slice(0, 24)}`;
    preparedNames.set(statement.text, name);
  }
  return name
    ? { name, text: statement.text, values: statement.values }
    : { text: statement.text, values: statement.values };
}
