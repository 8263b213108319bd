/**
 * The one wrapper every mutation use case goes through: validate the input, run the work in a
 * transaction, and turn expected failures into `userErrors` (nothing is changed then). Anything
 * else is thrown and masked by the server (common/error-masking.ts).
 */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from './context';
import { DomainError, ErrorCode, UserError } from './errors';
import { validateInput } from './validation';

/** A mutation payload: the value under its key on success, userErrors always. */
export type Result<K extends string, T> = { [P in K]?: T } & { userErrors: UserError[] };

export interface MutationOptions {
  /** Validated with class-validator before anything runs. */
  input?: object | null;
  /** A unique-constraint violation becomes this CONFLICT error instead of an exception. */
  conflict?: { message: string; field: string[] };
  /** Runs after the work, committed or not (e.g. forgetting cached credentials). */
  always?: () => void;
}

export async function runMutation<K extends string, T>(
  ctx: Pick<RequestContext, 'em'>,
  key: K,
  work: (em: EntityManager) => Promise<T>,
  options: MutationOptions = {},
): Promise<Result<K, T>> {
  try {
    if (options.input !== undefined) {
      const invalid = await validateInput(options.input);
      if (invalid.length) return { userErrors: invalid } as Result<K, T>;
    }
    const value = await ctx.em.transactional((em) => work(em as EntityManager));
    return { [key]: value, userErrors: [] } as unknown as Result<K, T>;
  } catch (e) {
    if (e instanceof DomainError) return { userErrors: e.userErrors } as Result<K, T>;
    if (options.conflict && e instanceof UniqueConstraintViolationException) {
      return {
        userErrors: [new UserError(ErrorCode.CONFLICT, options.conflict.message, options.conflict.field)],
      } as Result<K, T>;
    }
    throw e;
  } finally {
    options.always?.();
  }
}
