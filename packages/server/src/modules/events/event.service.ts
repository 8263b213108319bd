/**
 * Reading the event stream: list and filter it, oldest first, for admins and scoped partner keys.
 * The stream is ordered by (txId, seq) and lists only events of transactions older than every
 * transaction still running, so an event can never commit behind a reader's cursor.
 */
import { raw } from '@mikro-orm/core';
import { BadRequestError } from '../../common/errors';
import { channelScope } from '../../common/access';
import type { RequestContext } from '../../common/context';
import { decodeCursor, pageSize, toConnection } from '../../common/pagination';
import { rejectNul } from '../../common/query-args';
import { sql } from '../../common/sql';
import { DomainEvent, EVENT_TYPES } from './domain-event.entity';

/** Only events of transactions older than every running one: nothing can commit before them any more. */
export const STABLE = 'pg_snapshot_xmin(pg_current_snapshot())';

/** How long a read waits for the transactions running when it began to end (then it reads what is stable). */
const SETTLE_MS = 2000;

/**
 * Waits until every transaction that was running when called has ended (polled every 20 ms, at
 * most SETTLE_MS), so that a read sees every event committed before it, its caller's own included.
 * Outside a transaction that has written: one's own would never end while it waits.
 */
export async function settled(em: RequestContext['em']): Promise<void> {
  const [{ xmax, idle }] = await sql<{ xmax: string; idle: boolean }>(em,
    'select pg_snapshot_xmax(s)::text as xmax, pg_snapshot_xmin(s) >= pg_snapshot_xmax(s) as idle from pg_current_snapshot() s');
  const until = Date.now() + SETTLE_MS;
  let done = idle;
  while (!done && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 20));
    [{ done }] = await sql<{ done: boolean }>(em, `select pg_snapshot_xmin(pg_current_snapshot()) >= ?::xid8 as done`, [xmax]);
  }
}

export class EventService {
  /** Oldest first (a stream is read forwards); `after` resumes where a reader stopped. */
  async list(ctx: RequestContext, args: { first?: number | null; after?: string | null; type?: string | null; aggregateId?: string | null }) {
    rejectNul({ type: args.type, aggregateId: args.aggregateId });
    const limit = pageSize(args.first);
    const cursor = await this.cursor(ctx, args.after);
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
    await settled(ctx.em);
    const page = { ...where, $and: [{ txId: { $lt: raw(STABLE) } }, ...(cursor ? [{ $or: [{ txId: { $gt: cursor.txId } }, { txId: cursor.txId, seq: { $gt: cursor.seq } }] }] : [])] };
    const items = await ctx.em.find(DomainEvent, page, { orderBy: { txId: 'asc', seq: 'asc' }, limit: limit + 1 });
    return toConnection(items, limit, (e) => [String(e.txId), String(e.seq)], () => ctx.em.count(DomainEvent, where));
  }

  /** A cursor is [txId, seq]; one of [seq] (before txId existed) is still understood. */
  private async cursor(ctx: RequestContext, after: string | null | undefined): Promise<{ txId: string; seq: string } | undefined> {
    let parts: (string | number)[] | undefined;
    try {
      parts = decodeCursor(after, 2);
    } catch {
      parts = decodeCursor(after, 1);
    }
    if (!parts) return undefined;
    if (!parts.every((p) => /^\d{1,20}$/.test(String(p)))) throw new BadRequestError('after is not a valid cursor');
    if (parts.length === 2) return { txId: String(parts[0]), seq: String(parts[1]) };
    const old = await ctx.em.findOne(DomainEvent, { seq: String(parts[0]) }, { fields: ['txId', 'seq'] });
    if (!old) throw new BadRequestError('after is not a valid cursor');
    return { txId: old.txId!, seq: old.seq! };
  }
}
