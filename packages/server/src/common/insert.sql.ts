/** Generic statements of common/sql.ts's helpers. Placeholders are `?` (common/sql.ts `sql`). */
import type { Statement } from './sql';

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** One multi-row INSERT into `table`; every row must have the same keys (column names); undefined is written as null. */
export function insertRowsStatement(table: string, rows: Record<string, unknown>[]): Statement {
  const columns = Object.keys(rows[0]);
  const values = rows.map(() => `(${placeholders(columns.length)})`).join(', ');
  return {
    text: `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${values}`,
    values: rows.flatMap((r) => columns.map((c) => r[c] ?? null)),
  };
}
