/**
 * The customer module's SQL. Customers are upserted in one place, with one conflict rule:
 *
 *   A customer is its e-mail (stored trimmed and lower-case, unique). A new e-mail creates the
 *   customer with the name given. A known e-mail keeps its customer: a name given replaces the
 *   stored one, a missing name (null) leaves it as it is, so the latest name anyone gave wins and
 *   nothing clears a name.
 *
 * Order placement writes the customer inside its one statement (order-placement.sql.ts), so the
 * rule is a statement fragment with the placeholders of the caller; everyone else runs
 * `upsertCustomer` (CustomerService.upsert). Placeholders are PostgreSQL's $1, $2, ...
 */

export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * The upsert as one INSERT with the conflict rule, returning the customer's id; `email` and
 * `name` are the caller's placeholders (e.g. `$1`, `$2`). The e-mail must be normalised already.
 */
export function customerUpsertSql(email: string, name: string): string {
  return `insert into customer (id, email, name, created_at) values (gen_random_uuid(), ${email}, ${name}, now())
    on conflict (email) do update set name = coalesce(excluded.name, customer.name) returning id`;
}

/** The upsert on its own: the customer's id, whether it existed and its name before. */
export function upsertCustomer(email: string, name: string | null): Statement {
  return {
    text: `with old as (select name from customer where email = $1),
      c as (${customerUpsertSql('$1', '$2')})
      select (select id from c) as id, exists (select 1 from old) as existed, (select name from old) as old_name`,
    values: [email, name],
  };
}
