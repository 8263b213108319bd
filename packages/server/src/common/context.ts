/** The request context every resolver receives and every service method takes first. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from './logger';

export interface Actor {
  /** A signed-in staff user, a partner API key, or the server itself (seed, jobs). */
  kind: 'user' | 'apiKey' | 'system';
  id?: string;
  /** How the actor is shown in history, e.g. "user:ada@example.com", "key:Marketplace (omsk_Ab12Cd34)" or "system". */
  label: string;
  /** Staff users only. */
  role?: string;
  /** Permission names (see modules/auth/permissions.ts). */
  permissions: ReadonlySet<string>;
  /** The channels an API key is limited to; undefined means every channel. */
  channelIds?: readonly string[];
  /** A user whose password was set by an admin may only change it (and sign out) until they do. */
  mustChangePassword?: boolean;
}

export interface RequestContext {
  requestId: string;
  /** A fork of the ORM's entity manager, private to this request. */
  em: EntityManager;
  actor?: Actor;
  /** The raw token the caller authenticated with, so that logout can revoke it. */
  token?: string;
  log: Logger;
  /** The caller's network address, for login throttling. */
  ip?: string;
  /**
   * Set when an automation rule acts: the rule and how deep in a chain of rules this is. It is
   * written into the payload (`cause`) of every event the action produces (loop protection).
   */
  cause?: EventCause;
}

export interface EventCause {
  rule: string;
  depth: number;
}

const EVERYTHING: ReadonlySet<string> = new Proxy(new Set<string>(), {
  get: (target, prop) => (prop === 'has' ? () => true : Reflect.get(target, prop)),
});

export const SYSTEM_ACTOR: Actor = { kind: 'system', label: 'system', permissions: EVERYTHING };

export function systemContext(em: EntityManager, log: Logger, label = 'system'): RequestContext {
  return { requestId: label, em, actor: { ...SYSTEM_ACTOR, label }, log };
}

/** Logger context of work no request asked for (event dispatch, jobs): its SQL is logged as `[query] (background) ...`. */
export const BACKGROUND = { label: 'background' } as const;
