/**
 * Customers by e-mail. Every customer is created or updated through the one conflict rule of
 * customer.sql.ts: by `upsert` here (the customer import and the order import), and by order
 * placement's statement, which embeds the same SQL (customerUpsertSql).
 */
import { isEmail } from 'class-validator';
import type { RequestContext } from '../../common/context';
import { ErrorCode, UserError } from '../../common/errors';
import { run } from '../../common/sql';
import { upsertCustomer } from './customer.sql';

export type CustomerUpsertOutcome = 'created' | 'updated' | 'unchanged';

/** An e-mail as customers are keyed: trimmed, lower-case. */
export function normaliseEmail(email: string): string {
  return (email ?? '').trim().toLowerCase();
}

export class CustomerService {
  /**
   * Creates the customer with this e-mail, or gives it the name (see customer.sql.ts for the
   * rule: a missing name leaves the stored one). `unchanged` when it exists and nothing changed,
   * so a re-run changes nothing. In the caller's transaction.
   */
  async upsert(
    ctx: Pick<RequestContext, 'em'>,
    input: { email: string; name?: string | null },
  ): Promise<{ id?: string; outcome?: CustomerUpsertOutcome; userErrors: UserError[] }> {
    const email = normaliseEmail(input.email);
    if (!isEmail(email) || email.length > 320)
      return {
        userErrors: [new UserError(ErrorCode.INVALID_INPUT, 'email must be a valid e-mail address', ['email'])],
      };
    if (input.name && input.name.length > 200)
      return { userErrors: [new UserError(ErrorCode.INVALID_INPUT, 'name must be at most 200 characters', ['name'])] };
    const name = input.name || null;
    const [row] = await run<{ id: string; existed: boolean; old_name: string | null }>(
      ctx.em,
      upsertCustomer(email, name),
    );
    const outcome: CustomerUpsertOutcome = !row.existed
      ? 'created'
      : name !== null && name !== row.old_name
        ? 'updated'
        : 'unchanged';
    return { id: row.id, outcome, userErrors: [] };
  }
}
