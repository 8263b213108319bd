/**
 * Figures for the back-office dashboard, computed by PostgreSQL with aggregates over indexed
 * columns: never loads orders into memory. Read-only, so it reads the order tables directly.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadRequestError } from '../../common/errors';
import { Money } from '../../common/money';
import { sql } from '../../common/sql';
import { OrderStatus } from '../order/order-state';
import { ChannelSales, LateOrders, OrderStatusCount } from './dashboard.types';

export class DashboardService {
  /** Every status, with zero for statuses no order is in. */
  async orderStatusCounts(em: EntityManager): Promise<OrderStatusCount[]> {
    const rows = await sql<{ status: OrderStatus; count: number }>(em, `select status, count(*)::int as count from "order" group by status`);
    const counts = new Map(rows.map((r) => [r.status, r.count]));
    return Object.values(OrderStatus).map((status) => ({ status, count: counts.get(status) ?? 0 }));
  }

  /** Per channel (every channel, also those without orders): orders placed in [from, to) and their total. */
  async salesByChannel(em: EntityManager, from: Date, to?: Date | null): Promise<ChannelSales[]> {
    if (to && to <= from) throw new BadRequestError('"to" must be after "from"');
    const rows = await sql<{ code: string; name: string; currency: string; orders: number; revenue: string }>(
      em,
      `select c.code, c.name, c.currency, count(o.id)::int as orders, coalesce(sum(o.total_amount), 0)::bigint as revenue
         from channel c
         left join "order" o on o.channel_id = c.id and o.placed_at >= ? and (?::timestamptz is null or o.placed_at < ?::timestamptz)
                            and o.status <> 'CANCELLED'
        group by c.id, c.code, c.name, c.currency
        order by c.code`,
      [from, to ?? null, to ?? null],
    );
    return rows.map((r) => ({ channelCode: r.code, channelName: r.name, orders: r.orders, revenue: new Money(Number(r.revenue), r.currency) }));
  }

  /** Orders CONFIRMED (or part-shipped) whose last confirmation is more than `hours` ago. */
  async lateOrders(em: EntityManager, hours: number, first = 10): Promise<LateOrders> {
    if (!Number.isInteger(hours) || hours < 1 || hours > 24 * 365) throw new BadRequestError('olderThanHours must be between 1 and 8760');
    if (!Number.isInteger(first) || first < 1 || first > 200) throw new BadRequestError('first must be between 1 and 200');
    const rows = await sql<{ id: string; number: string; status: OrderStatus; channel_code: string; confirmed_at: Date; total: number }>(
      em,
      `select o.id, o.number, o.status, c.code as channel_code, h.confirmed_at, count(*) over ()::int as total
         from "order" o
         join channel c on c.id = o.channel_id
         cross join lateral (select max(h.at) as confirmed_at from order_history h where h.order_id = o.id and h.to_status = 'CONFIRMED') h
        where o.status in ('CONFIRMED', 'PARTIALLY_SHIPPED')
          and h.confirmed_at < now() - make_interval(hours => ?)
        order by h.confirmed_at, o.id
        limit ?`,
      [hours, first],
    );
    return {
      totalCount: rows[0]?.total ?? 0,
      nodes: rows.map((r) => ({ id: r.id, number: r.number, status: r.status, channelCode: r.channel_code, confirmedAt: new Date(r.confirmed_at) })),
    };
  }
}
