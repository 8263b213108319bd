/**
 * Figures for the back-office dashboard, computed by PostgreSQL with aggregates over indexed
 * columns: never loads orders into memory. Read-only, so it reads the order tables directly.
 * A partner key's figures cover its own channels only.
 */

/** null for every channel, or the caller's channel ids (see common/access.ts). */
const scopeOf = (ctx: RequestContext) => {
  const scope = channelScope(ctx);
  return scope ? [...scope] : null;
};
import { channelScope } from '../../common/access';
import type { RequestContext } from '../../common/context';
import { BadRequestError } from '../../common/errors';
import { Money } from '../../common/money';
import { sql } from '../../common/sql';
import { OrderStatus } from '../order';
import { ChannelSales, LateOrders, OrderStatusCount } from './dashboard.types';
import { statusCountsCapped, statusCountsExact } from './dashboard.sql';
import { INT4_MAX } from '../../common/limits';

export class DashboardService {
  /**
   * @param exactCountLimit a status with more orders than this is given PostgreSQL's estimate
   *   (isEstimate) for every caller but partner keys, whose channels are counted exactly; 0: always exact.
   */
  constructor(private readonly exactCountLimit = 10_000) {}

  /** Every status, with zero for statuses no order is in. */
  async orderStatusCounts(ctx: RequestContext): Promise<OrderStatusCount[]> {
    const scope = scopeOf(ctx);
    if (scope || this.exactCountLimit === 0) {
      const exact = statusCountsExact(scope);
      const rows = await sql<{ status: OrderStatus; count: number }>(ctx.em, exact.text, exact.values);
      const counts = new Map(rows.map((r) => [r.status, r.count]));
      return Object.values(OrderStatus).map((status) => ({ status, count: counts.get(status) ?? 0, isEstimate: false }));
    }
    const capped = statusCountsCapped(this.exactCountLimit + 1);
    const rows = await sql<{ status: OrderStatus; count: number; estimate: number }>(ctx.em, capped.text, capped.values);
    const byStatus = new Map(rows.map((r) => [r.status, r]));
    return Object.values(OrderStatus).map((status) => {
      const r = byStatus.get(status);
      if (!r || r.count <= this.exactCountLimit) return { status, count: r?.count ?? 0, isEstimate: false };
      // More than the limit were counted: an estimate below that is known to be wrong.
      return { status, count: Math.min(INT4_MAX, Math.max(Math.round(r.estimate), this.exactCountLimit + 1)), isEstimate: true };
    });
  }

  /** Per channel (every channel, also those without orders): orders placed in [from, to) and their total. */
  async salesByChannel(ctx: RequestContext, from: Date, to?: Date | null): Promise<ChannelSales[]> {
    if (to && to <= from) throw new BadRequestError('"to" must be after "from"');
    const scope = scopeOf(ctx);
    const rows = await sql<{ code: string; name: string; currency: string; orders: number; revenue: string }>(
      ctx.em,
      `select c.code, c.name, c.currency, count(o.id)::int as orders, coalesce(sum(o.total_amount), 0)::bigint as revenue
         from channel c
         left join "order" o on o.channel_id = c.id and o.placed_at >= ? and (?::timestamptz is null or o.placed_at < ?::timestamptz)
                            and o.status <> 'CANCELLED'
        where (?::uuid[] is null or c.id = any(?::uuid[]))
        group by c.id, c.code, c.name, c.currency
        order by c.code`,
      [from, to ?? null, to ?? null, scope, scope],
    );
    return rows.map((r) => ({ channelCode: r.code, channelName: r.name, orders: r.orders, revenue: new Money(Number(r.revenue), r.currency) }));
  }

  /** Orders CONFIRMED (or part-shipped) whose last confirmation is more than `hours` ago. */
  async lateOrders(ctx: RequestContext, hours: number, first = 10): Promise<LateOrders> {
    const scope = scopeOf(ctx);
    if (!Number.isInteger(hours) || hours < 1 || hours > 24 * 365) throw new BadRequestError('olderThanHours must be between 1 and 8760');
    if (!Number.isInteger(first) || first < 1 || first > 200) throw new BadRequestError('first must be between 1 and 200');
    const rows = await sql<{ id: string; number: string; status: OrderStatus; channel_code: string; confirmed_at: Date; total: number }>(
      ctx.em,
      `select o.id, o.number, o.status, c.code as channel_code, h.confirmed_at, count(*) over ()::int as total
         from "order" o
         join channel c on c.id = o.channel_id
         cross join lateral (select max(h.at) as confirmed_at from order_history h where h.order_id = o.id and h.to_status = 'CONFIRMED') h
        where o.status in ('CONFIRMED', 'PARTIALLY_SHIPPED')
          and h.confirmed_at < now() - make_interval(hours => ?)
          and (?::uuid[] is null or o.channel_id = any(?::uuid[]))
        order by h.confirmed_at, o.id
        limit ?`,
      [hours, scope, scope, first],
    );
    return {
      totalCount: rows[0]?.total ?? 0,
      nodes: rows.map((r) => ({ id: r.id, number: r.number, status: r.status, channelCode: r.channel_code, confirmedAt: new Date(r.confirmed_at) })),
    };
  }
}
