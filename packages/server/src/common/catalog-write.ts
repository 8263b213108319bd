/** Shared shape of the small "create a reference record" use cases (channels, warehouses, products). */
import type { RequestContext } from './context';
import type { UserError } from './errors';
import { runMutation } from './mutation';

export function createRecord<T extends object, K extends string>(
  ctx: RequestContext,
  input: object,
  key: K,
  build: (em: RequestContext['em']) => Promise<T>,
  conflictMessage: string,
): Promise<{ value?: T; userErrors: UserError[] }> {
  return runMutation(ctx, 'value', build, { input, conflict: { message: conflictMessage, field: ['input', key] } });
}
