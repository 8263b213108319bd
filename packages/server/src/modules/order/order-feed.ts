/**
 * Live order updates for subscriptions, filtered by order or by channel. A subscriber that lost
 * its connection resumes with `after: <the last eventId it saw>`: it first gets every later update
 * from the stream table, then the live ones, with none missed and none twice.
 */
import { rejectNul } from '../../common/query-args';
import { channelScope } from '../../common/access';
import type { RequestContext } from '../../common/context';
import { isUUID } from 'class-validator';
import { BadRequestError } from '../../common/errors';
import { OmsPubSub, ORDER_UPDATED, OrderUpdatedMessage } from '../../common/pubsub';
import { sql } from '../../common/sql';
import { Channel } from '../channel/channel.entity';

/** Catch-up reads the stream in pages of this many updates. */
const CATCH_UP_PAGE = 500;

interface Filter {
  orderId?: string;
  channelId?: string;
  scope?: readonly string[];
}

export class OrderFeed {
  constructor(private readonly pubsub: OmsPubSub) {}

  /** A partner key only ever receives updates of orders in its own channels. */
  async subscribe(ctx: RequestContext, args: { id?: string | null; channelCode?: string | null; after?: string | null }): Promise<AsyncIterable<OrderUpdatedMessage>> {
    rejectNul(args);
    const em = ctx.em.fork();
    const scope = channelScope(ctx);
    let channelId: string | undefined;
    if (args.id && !isUUID(args.id)) throw new BadRequestError('id is not a valid order id');
    if (args.channelCode) {
      const channel = await em.findOne(Channel, { code: args.channelCode });
      if (!channel || (scope && !scope.includes(channel.id))) throw new BadRequestError(`Unknown channel ${args.channelCode}`);
      channelId = channel.id;
    }
    const filter: Filter = { orderId: args.id ?? undefined, channelId, scope: scope ? [...scope] : undefined };
    let afterSeq: number | undefined;
    if (args.after != null) {
      // An event outside the key's channels is reported like an unknown one.
      const [row] = isUUID(args.after) ? await sql<{ seq: string; channel_id: string | null }>(em, 'select seq, channel_id from domain_event where id = ?', [args.after]) : [];
      if (!row || (scope && (!row.channel_id || !scope.includes(row.channel_id)))) {
        throw new BadRequestError(`after: no event with id ${JSON.stringify(args.after).slice(0, 80)}`);
      }
      afterSeq = Number(row.seq);
    }
    const matches = (m: OrderUpdatedMessage) => (!filter.orderId || m.orderId === filter.orderId) && (!filter.channelId || m.channelId === filter.channelId) && (!filter.scope || filter.scope.includes(m.channelId));
    // Listening starts now, before the catch-up reads the table: anything committed from here on
    // arrives live, anything committed before is in the table, and what is in both is sent once.
    const live = this.pubsub.subscribe(ORDER_UPDATED)[Symbol.asyncIterator]();
    const first = live.next();
    return stream(em, afterSeq, filter, live, first, matches);
  }
}

async function* stream(
  em: RequestContext['em'], afterSeq: number | undefined, filter: Filter,
  live: AsyncIterator<OrderUpdatedMessage>, first: Promise<IteratorResult<OrderUpdatedMessage>>, matches: (m: OrderUpdatedMessage) => boolean,
): AsyncGenerator<OrderUpdatedMessage> {
  const sent = new Set<number>();
  try {
    let from = afterSeq;
    while (from !== undefined) {
      // Subscriptions carry one update per order history entry: its primary event.
      const rows = await sql<{ seq: string; id: string; aggregate_id: string; channel_id: string; history_id: string }>(em,
        `select seq, id, aggregate_id, channel_id, payload->>'historyId' as history_id from domain_event
         where seq > ? and aggregate_type = 'order' and channel_id is not null and payload->>'historyId' is not null
           and coalesce((payload->>'primary')::boolean, false)
           and (?::uuid is null or aggregate_id = ?::uuid) and (?::uuid is null or channel_id = ?::uuid)
           and (?::uuid[] is null or channel_id = any(?::uuid[]))
         order by seq limit ?`,
        [from, filter.orderId ?? null, filter.orderId ?? null, filter.channelId ?? null, filter.channelId ?? null, filter.scope ?? null, filter.scope ?? null, CATCH_UP_PAGE]);
      for (const r of rows) {
        const seq = Number(r.seq);
        sent.add(seq);
        yield { orderId: r.aggregate_id, channelId: r.channel_id, historyId: r.history_id, eventId: r.id, seq };
      }
      from = rows.length < CATCH_UP_PAGE ? undefined : Number(rows[rows.length - 1].seq);
    }
    let next = first;
    for (;;) {
      const r = await next;
      if (r.done) return;
      next = live.next();
      // Sent during catch-up already (committed while it ran): not again.
      if (!matches(r.value) || sent.has(r.value.seq)) continue;
      yield r.value;
    }
  } finally {
    await live.return?.();
  }
}
