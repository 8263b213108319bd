/** The request context every resolver receives and every service method takes first. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from './logger';

export interface Actor {
  kind: 'user' | 'system';
  id?: string;
  /** How the actor is shown in history, e.g. "user:ada@example.com" or "system". */
  label: string;
  role?: string;
}

export interface RequestContext {
  requestId: string;
  /** A fork of the ORM's entity manager, private to this request. */
  em: EntityManager;
  actor?: Actor;
  /** The raw token the caller authenticated with, so that logout can revoke it. */
  token?: string;
  log: Logger;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', label: 'system' };

export function systemContext(em: EntityManager, log: Logger, label = 'system'): RequestContext {
  return { requestId: label, em, actor: { kind: 'system', label }, log };
}
