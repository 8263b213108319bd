/** Customers by e-mail: created by order placement, or by the data import (upsert). */
import { isEmail } from 'class-validator';
import type { RequestContext } from '../../common/context';
import { ErrorCode, UserError } from '../../common/errors';
import { sql } from '../../common/sql';

export class CustomerService {
  /**
   * Creates the customer with this e-mail (stored lower-case), or sets its name. `unchanged`
   * when it exists with that name already, so a re-run changes nothing.
   */
  async upsert(ctx: Pick<RequestContext, 'em'>, input: { email: string; name?: string }): Promise<{ outcome?: 'created' | 'updated' | 'unchanged'; userErrors: UserError[] }> {
    const email = (input.email ?? '').trim().toLowerCase();
    if (!isEmail(email) || email.length > 320) return { userErrors: [new UserError(ErrorCode.INVALID_INPUT, 'email must be a valid e-mail address', ['email'])] };
    if (input.name && input.name.length > 200) return { userErrors: [new UserError(ErrorCode.INVALID_INPUT, 'name must be at most 200 characters', ['name'])] };
    const name = input.name || null;
    const [row] = await sql<{ inserted: boolean; name: string | null }>(ctx.em,
      `with old as (select name from customer where email = ?),
       up as (insert into customer (id, email, name, created_at) values (gen_random_uuid(), ?, ?, now())
              on conflict (email) do update set name = excluded.name where customer.name is distinct from excluded.name
              returning (xmax = 0) as inserted)
       select (select inserted from up) as inserted, (select count(*) from up) as changed`, [email, email, name]);
    const r = row as any;
    if (Number(r.changed) === 0) return { outcome: 'unchanged', userErrors: [] };
    return { outcome: r.inserted ? 'created' : 'updated', userErrors: [] };
  }
}
