/** Reading the event stream: list and filter it, oldest first, for admins and scoped partner keys. */
import { BadRequestError } from '../../common/errors';
import { channelScope } from '../../common/access';
import type { RequestContext } from '../../common/context';
import { decodeCursor, pageSize, toConnection } from '../../common/pagination';
import { rejectNul } from '../../common/query-args';
import { DomainEvent, EVENT_TYPES } from './domain-event.entity';

export class EventService {
  /** Oldest first (a stream is read forwards); `after` resumes where a reader stopped. */
  async list(ctx: RequestContext, args: { first?: number | null; after?: string | null; type?: string | null; aggregateId?: string | null }) {
    rejectNul({ type: args.type, aggregateId: args.aggregateId });
    const limit = pageSize(args.first);
    const cursor = decodeCursor(args.after, 1);
    if (args.type && !(EVENT_TYPES as readonly string[]).includes(args.type)) {
      throw new BadRequestError(`type must be one of ${EVENT_TYPES.join(', ')}`);
    }
    if (args.aggregateId && !/^[0-9a-f-]{36}$/i.test(args.aggregateId)) throw new BadRequestError('aggregateId is not a valid id');
    const where: Record<string, unknown> = {};
    if (args.type) where.type = args.type;
    if (args.aggregateId) where.aggregateId = args.aggregateId;
    // A partner key reads only its channels' events (stock events belong to no channel).
    const scope = channelScope(ctx);
    if (scope) where.channelId = { $in: [...scope] };
    const page = cursor ? { ...where, seq: { $gt: String(cursor[0]) } } : where;
    const items = await ctx.em.find(DomainEvent, page, { orderBy: { seq: 'asc' }, limit: limit + 1 });
    return toConnection(items, limit, (e) => [String(e.seq)], () => ctx.em.count(DomainEvent, where));
  }
}
