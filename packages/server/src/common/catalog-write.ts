/** Shared shape of the small "create a reference record" use cases (channels, warehouses, products). */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { RequestContext } from './context';
import { DomainError, ErrorCode, UserError } from './errors';
import { validateInput } from './validation';

export async function createRecord<T extends object, K extends string>(
  ctx: RequestContext,
  input: object,
  key: K,
  build: (em: RequestContext['em']) => Promise<T>,
  conflictMessage: string,
): Promise<{ value?: T; userErrors: UserError[] }> {
  const invalid = await validateInput(input);
  if (invalid.length) return { userErrors: invalid };
  try {
    const value = await ctx.em.transactional(async (em) => build(em));
    return { value, userErrors: [] };
  } catch (e) {
    if (e instanceof DomainError) return { userErrors: e.userErrors };
    if (e instanceof UniqueConstraintViolationException) {
      return { userErrors: [new UserError(ErrorCode.CONFLICT, conflictMessage, ['input', key])] };
    }
    throw e;
  }
}
