/** Writes an audit-log entry in the caller's transaction (flushed with the change it records). */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { AuditEntry } from './audit-entry.entity';

export function recordAudit(
  em: EntityManager,
  ctx: RequestContext,
  action: string,
  targetType: string,
  targetId: string,
  details: Record<string, unknown> = {},
): void {
  em.persist(new AuditEntry({ actor: ctx.actor?.label ?? 'system', action, targetType, targetId, details }));
}
