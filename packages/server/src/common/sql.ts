/**
 * Plain SQL inside the current MikroORM transaction, for the hot paths where building and
 * flushing entities costs more CPU than the statements themselves (order placement, sign-in
 * checks). Parameters go to PostgreSQL as bind parameters, never spliced into the text.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import type { ClientBase, QueryResult } from 'pg';
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
}

/**
 * Runs `work` in a transaction on a connection of the ORM's pool, with the `pg` driver only: no
 * entity manager fork, no knex transaction, no unit of work to compute at commit. For the hot
 * path whose reads and writes are all plain SQL (order placement); a throw rolls back. The
 * statements, `begin` and `commit` included, go through MikroORM's query log like its own.
 */
export async function transaction<T>(em: EntityManager, work: (trx: SqlTransaction) => Promise<T>): Promise<T> {
  const client = em.getKnex().client;
  const connection = (await client.acquireConnection()) as ClientBase & { __knex__disposed?: unknown };
  const logger = em.config.getLogger();
  const logContext = em.getLoggerContext();
  const send = async <R>(query: string | { name?: string; text: string; values: unknown[] }): Promise<R[]> => {
    const started = Date.now();
    const result = await connection.query(query);
    if (logger.isEnabled('query', logContext)) {
      const text = typeof query === 'string' ? query : query.text.replace(/\s+/g, ' ');
      logger.logQuery({
        ...logContext,
        query: text,
        took: Date.now() - started,
        results: result.rowCount ?? undefined,
        level: 'info',
      });
    }
    return result.rows as R[];
  };
  const trx: SqlTransaction = {
    prepared: (statement) => send(preparedQuery(statement)),
    query: (statement) => send({ text: statement.text, values: statement.values }),
  };
  try {
    await send('begin');
    const result = await work(trx);
    await send('commit');
    return result;
  } catch (e) {
    try {
      await send('rollback');
    } catch (rollbackFailed) {
      // The connection is broken: the pool discards it instead of handing it out again.
      connection.__knex__disposed = rollbackFailed;
    }
    throw e;
  } finally {
    client.releaseConnection(connection);
  }
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
