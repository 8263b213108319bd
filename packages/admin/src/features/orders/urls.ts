/**
 * The orders list's filters as URL state, so a view can be bookmarked and shared:
 * /orders?status=PENDING,ON_HOLD&channel=WEB&from=2026-01-01&to=2026-01-31&q=ada&tag=vip&sort=TOTAL_DESC
 */
import { OrderFilter, OrderSort, OrderStatus } from '../../graphql/generated';

export interface OrderListParams {
  status: OrderStatus[];
  channel?: string;
  /** yyyy-mm-dd, inclusive, in the viewer's time zone */
  from?: string;
  to?: string;
  q?: string;
  /** Orders with this tag. */
  tag?: string;
  /** Absent: newest first. */
  sort?: OrderSort;
}

const SORTS = new Set<string>(Object.values(OrderSort));
const STATUSES = new Set<string>(Object.values(OrderStatus));
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseOrderListParams(search: URLSearchParams): OrderListParams {
  const status = (search.get('status') ?? '').split(',').filter((s): s is OrderStatus => STATUSES.has(s));
  const from = search.get('from') ?? undefined;
  const to = search.get('to') ?? undefined;
  return {
    status,
    channel: search.get('channel') || undefined,
    from: from && DAY.test(from) ? from : undefined,
    to: to && DAY.test(to) ? to : undefined,
    q: search.get('q')?.trim() || undefined,
    tag: search.get('tag')?.trim().toLowerCase() || undefined,
    sort:
      SORTS.has(search.get('sort') ?? '') && search.get('sort') !== OrderSort.PlacedAtDesc
        ? (search.get('sort') as OrderSort)
        : undefined,
  };
}

export function orderListSearch(params: OrderListParams): URLSearchParams {
  const s = new URLSearchParams();
  if (params.status.length) s.set('status', params.status.join(','));
  if (params.channel) s.set('channel', params.channel);
  if (params.from) s.set('from', params.from);
  if (params.to) s.set('to', params.to);
  if (params.q) s.set('q', params.q);
  if (params.tag) s.set('tag', params.tag);
  if (params.sort) s.set('sort', params.sort);
  return s;
}

/** Local midnight of a yyyy-mm-dd day as an ISO instant. */
function startOfDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d).toISOString();
}

/** The server filter for these params; the `to` day is included whole. */
export function toOrderFilter(params: OrderListParams): OrderFilter {
  const filter: OrderFilter = {};
  if (params.status.length) filter.status = params.status;
  if (params.channel) filter.channelCode = params.channel;
  if (params.q) filter.search = params.q;
  if (params.tag) filter.tag = params.tag;
  if (params.from) filter.placedFrom = startOfDay(params.from);
  if (params.to) {
    const [y, m, d] = params.to.split('-').map(Number);
    filter.placedTo = new Date(new Date(y, m - 1, d + 1).getTime() - 1).toISOString();
  }
  return filter;
}

/** Whether a live order belongs in the list shown for these params (search: a best-effort match). */
export function matchesOrderList(
  params: OrderListParams,
  order: {
    status: OrderStatus;
    placedAt: string;
    number: string;
    externalId?: string | null;
    channel: { code: string };
    customer: { email: string; name?: string | null } | null;
    tags?: readonly string[];
  },
): boolean {
  const filter = toOrderFilter(params);
  if (filter.tag && !order.tags?.includes(filter.tag)) return false;
  if (filter.status && !filter.status.includes(order.status)) return false;
  if (filter.channelCode && filter.channelCode !== order.channel.code) return false;
  if (filter.placedFrom && order.placedAt < filter.placedFrom) return false;
  if (filter.placedTo && order.placedAt > filter.placedTo) return false;
  if (params.q) {
    const q = params.q.toLowerCase();
    const hay = [order.number, order.externalId ?? '', order.customer?.email ?? '', order.customer?.name ?? ''].map(
      (s) => s.toLowerCase(),
    );
    if (!hay.some((h) => h.includes(q))) return false;
  }
  return true;
}

export const orderUrl = (id: string) => `/orders/${encodeURIComponent(id)}`;
