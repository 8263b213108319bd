/**
 * Access decisions that depend on data rather than on the operation alone: which channels a
 * caller may see (partner keys are limited to theirs) and permission checks inside services.
 */
import type { RequestContext } from './context';
import { ForbiddenError } from './errors';

/** The channel ids the caller is limited to, or undefined for every channel. */
export function channelScope(ctx: Pick<RequestContext, 'actor'>): readonly string[] | undefined {
  return ctx.actor?.channelIds;
}

export function inChannelScope(ctx: Pick<RequestContext, 'actor'>, channelId: string): boolean {
  const scope = channelScope(ctx);
  return !scope || scope.includes(channelId);
}

export function can(ctx: Pick<RequestContext, 'actor'>, permission: string): boolean {
  return !!ctx.actor && !ctx.actor.mustChangePassword && ctx.actor.permissions.has(permission);
}

export function demand(ctx: Pick<RequestContext, 'actor'>, permission: string, why?: string): void {
  if (ctx.actor?.mustChangePassword)
    throw new ForbiddenError('Choose a new password first (mutation changePassword)', {
      reason: 'PASSWORD_CHANGE_REQUIRED',
    });
  if (!can(ctx, permission)) throw new ForbiddenError(why ?? `Missing permission ${permission}`, { permission });
}
