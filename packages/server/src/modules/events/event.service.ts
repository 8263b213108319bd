/**
 * Reading the event stream: list and filter it, oldest first, for admins and scoped partner keys.
 * The stream is ordered by position, which each event gets after its transaction committed
 * (event-sequencer.ts), so no event can later appear behind a reader's cursor. A read first numbers
 * whatever has committed, so it sees every event committed before it (the caller's own included).
 */
import { isUuid } from '../../common/limits';
import { BadRequestError } from '../../common/errors';
import { channelScope } from '../../common/access';
import type { RequestContext } from '../../common/context';
import { decodeCursor, fetchOrder, keysetWhere, PageArgs, pageFrom, toConnection } from '../../common/pagination';
import { rejectNul } from '../../common/query-args';
import { DomainEvent, EVENT_TYPES } from './domain-event.entity';
import { assignStreamPositions } from './event-sequencer';

export class EventService {
  /** Oldest first (a stream is read forwards); `after` resumes where a reader stopped. */
  async list(ctx: RequestContext, args: PageArgs & { type?: string | null; aggregateId?: string | null }) {
    rejectNul({ type: args.type, aggregateId: args.aggregateId });
    pageFrom(args, undefined, undefined); // sizes checked before any work
    if (args.type && !(EVENT_TYPES as readonly string[]).includes(args.type)) {
      throw new BadRequestError(`type must be one of ${EVENT_TYPES.join(', ')}`);
    }
    if (args.aggregateId && !isUuid(args.aggregateId)) throw new BadRequestError('aggregateId is not a valid id');
    await assignStreamPositions(ctx.em);
    const after = await this.cursor(ctx, args.after, 'after');
    const before = await this.cursor(ctx, args.before, 'before');
    const paging = pageFrom(args, after ? [after] : undefined, before ? [before] : undefined);
    const where: Record<string, unknown> = { position: { $ne: null } };
    if (args.type) where.type = args.type;
    if (args.aggregateId) where.aggregateId = args.aggregateId;
    // A partner key reads only its channels' events (stock events belong to no channel).
    const scope = channelScope(ctx);
    if (scope) where.channelId = { $in: [...scope] };
    const page = keysetWhere(where, ['position'], 'asc', paging);
    const items = await ctx.em.find(DomainEvent, page, {
      orderBy: fetchOrder(['position'], 'asc', paging),
      limit: paging.limit + 1,
    });
    return toConnection(
      items,
      paging,
      (e) => ['p', String(e.position)],
      () => ctx.em.count(DomainEvent, where),
    );
  }

  /**
   * A cursor is ['p', position]. Cursors of the earlier stream orders, [txId, seq] and [seq], are
   * still understood: they resume after that event's position.
   */
  private async cursor(
    ctx: RequestContext,
    cursor: string | null | undefined,
    name: 'after' | 'before',
  ): Promise<string | undefined> {
    let parts: (string | number)[] | undefined;
    try {
      parts = decodeCursor(cursor, 2, name);
    } catch {
      parts = decodeCursor(cursor, 1, name);
    }
    if (!parts) return undefined;
    const [head, ...rest] = parts.map(String);
    if (head === 'p' && /^\d{1,19}$/.test(rest[0])) return rest[0];
    if (![head, ...rest].every((p) => /^\d{1,20}$/.test(p))) throw new BadRequestError(`${name} is not a valid cursor`);
    const seq = rest.length ? rest[0] : head;
    const old = await ctx.em.findOne(DomainEvent, { seq }, { fields: ['position'] });
    if (!old?.position) throw new BadRequestError(`${name} is not a valid cursor`);
    return String(old.position);
  }
}
