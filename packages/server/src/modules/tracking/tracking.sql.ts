/** The SQL of order tracking. Placeholders are PostgreSQL's $1, $2, ... (run with common/sql.ts `run`). */
import type { Statement } from '../../common/sql';

/** The id of the order with this number placed with this e-mail (already trimmed and lower-cased): both must match. */
export function trackedOrderId(number: string, email: string): Statement {
  return {
    text: `select o.id from "order" o join customer c on c.id = o.customer_id where o.number = $1 and c.email = $2`,
    values: [number, email],
  };
}
