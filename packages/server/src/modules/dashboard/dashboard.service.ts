/**
 * Figures for the back-office dashboard, computed by PostgreSQL with aggregates over indexed
 * columns (and, for sales over a period, the per-day table the order triggers keep): never loads
 * orders into memory. Read-only, so it reads the order tables directly. SQL: dashboard.sql.ts.
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
import { INT4_MAX } from '../../common/limits';
import { OrderStatus } from '../order';
import { ChannelSales, LateOrders, OrderStatusCount } from './dashboard.types';
import { lateOrders, salesByChannel, statusCountsCapped, statusCountsExact } from './dashboard.sql';

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
      return Object.values(OrderStatus).map((status) => ({
        status,
        count: counts.get(status) ?? 0,
        isEstimate: false,
      }));
    }
    const capped = statusCountsCapped(this.exactCountLimit + 1);
    const rows = await sql<{ status: OrderStatus; count: number; estimate: number }>(
      ctx.em,
      capped.text,
      capped.values,
    );
    const byStatus = new Map(rows.map((r) => [r.status, r]));
    return Object.values(OrderStatus).map((status) => {
      const r = byStatus.get(status);
      if (!r || r.count <= this.exactCountLimit) return { status, count: r?.count ?? 0, isEstimate: false };
      // More than the limit were counted: an estimate below that is known to be wrong.
      return {
        status,
        count: Math.min(INT4_MAX, Math.max(Math.round(r.estimate), this.exactCountLimit + 1)),
        isEstimate: true,
      };
    });
  }

  /** Per channel (every channel, also those without orders): orders placed in [from, to) and their total. */
  async salesByChannel(ctx: RequestContext, from: Date, to?: Date | null): Promise<ChannelSales[]> {
    if (to && to <= from) throw new BadRequestError('"to" must be after "from"');
    const scope = scopeOf(ctx);
    const sales = salesByChannel(from, to ?? null, scope);
    const rows = await sql<{ code: string; name: string; currency: string; orders: number; revenue: string }>(
      ctx.em,
      sales.text,
      sales.values,
    );
    return rows.map((r) => ({
      channelCode: r.code,
      channelName: r.name,
      orders: r.orders,
      revenue: new Money(Number(r.revenue), r.currency),
    }));
  }

  /** Orders CONFIRMED (or part-shipped) whose last confirmation is more than `hours` ago. */
  async lateOrders(ctx: RequestContext, hours: number, first = 10): Promise<LateOrders> {
    const scope = scopeOf(ctx);
    if (!Number.isInteger(hours) || hours < 1 || hours > 24 * 365)
      throw new BadRequestError('olderThanHours must be between 1 and 8760');
    if (!Number.isInteger(first) || first < 1 || first > 200)
      throw new BadRequestError('first must be between 1 and 200');
    const late = lateOrders(hours, scope, first);
    const rows = await sql<{
      id: string;
      number: string;
      status: OrderStatus;
      channel_code: string;
      confirmed_at: Date;
      total: number;
    }>(ctx.em, late.text, late.values);
    return {
      totalCount: rows[0]?.total ?? 0,
      nodes: rows.map((r) => ({
        id: r.id,
        number: r.number,
        status: r.status,
        channelCode: r.channel_code,
        confirmedAt: new Date(r.confirmed_at),
      })),
    };
  }
}
