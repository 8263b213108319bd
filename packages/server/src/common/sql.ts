/**
 * Plain SQL inside the current MikroORM transaction, for the hot paths where building and
 * flushing entities costs more CPU than the statements themselves (order placement, sign-in
 * checks). Parameters go to PostgreSQL as bind parameters, never spliced into the text.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { insertRowsStatement } from './insert.sql';

/** One SQL statement and its bind parameters, as the *.sql.ts files build them. */
export interface Statement {
  text: string;
  values: unknown[];
}

/** Runs `sql` with `?` placeholders in the transaction of `em` (or on the pool when there is none). */
export async function sql<T = Record<string, any>>(em: EntityManager, text: string, params: unknown[] = []): Promise<T[]> {
  const trx = em.getTransactionContext<Knex.Transaction>();
  const runner = trx ?? em.getKnex();
  const started = Date.now();
  const result: any = await runner.raw(text, params as any[]);
  // Through MikroORM's logger like its own statements, so query logs and counts see these too.
  em.config.getLogger().logQuery({ ...em.getLoggerContext(), query: text.replace(/\s+/g, ' '), took: Date.now() - started, results: result.rowCount, level: 'info' });
  return result.rows as T[];
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
export function run<T = Record<string, any>>(em: EntityManager, statement: Statement): Promise<T[]> {
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
export async function runPrepared<T = Record<string, any>>(em: EntityManager, statement: Statement): Promise<T[]> {
  const trx = em.getTransactionContext<Knex.Transaction>();
  if (!trx) return run<T>(em, statement);
  let name = preparedNames.get(statement.text);
  if (!name && preparedNames.size < MAX_PREPARED) {
    name = `oms_${createHash('sha1').update(statement.text).digest('hex').slice(0, 24)}`;
    preparedNames.set(statement.text, name);
  }
  // Inside a knex transaction, its client hands out the transaction's own connection.
  const connection = await (trx as any).client.acquireConnection();
  const started = Date.now();
  const result = await connection.query(name ? { name, text: statement.text, values: statement.values } : { text: statement.text, values: statement.values });
  em.config.getLogger().logQuery({ ...em.getLoggerContext(), query: statement.text.replace(/\s+/g, ' '), took: Date.now() - started, results: result.rowCount, level: 'info' });
  return result.rows as T[];
}
