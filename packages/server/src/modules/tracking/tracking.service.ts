/**
 * Order tracking for customers: the order number and the e-mail it was placed with, both
 * required, open a read-only view of that one order. A wrong pair reveals nothing (the same null
 * as an unknown number) and counts against the caller's address, which is refused for a while
 * after too many (RATE_LIMITED). The view leaves out internal notes, hold reasons, staff and
 * warehouses; its timeline is in plain words.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { Money } from '../../common/money';
import type { TrackingThrottle } from '../../common/rate-limits';
import { run } from '../../common/sql';
import { OrderHistoryEntry } from '../order';
import { OrderEventType, OrderStatus } from '../order';
import { Order } from '../order';
import { Shipment } from '../shipment';
import { trackedOrderId } from './tracking.sql';
import { TrackedOrder, TrackingStep } from './tracking.types';

export const STATUS_TEXT: Record<OrderStatus, string> = {
  [OrderStatus.PENDING]: 'Received, waiting to be confirmed',
  [OrderStatus.ON_HOLD]: 'Being reviewed',
  [OrderStatus.CONFIRMED]: 'Confirmed, being prepared',
  [OrderStatus.PARTIALLY_SHIPPED]: 'Partly shipped',
  [OrderStatus.SHIPPED]: 'Shipped',
  [OrderStatus.DELIVERED]: 'Delivered',
  [OrderStatus.CANCELLED]: 'Cancelled',
  [OrderStatus.RETURNED]: 'Returned',
};

/** A history entry in the customer's words, or null for what is internal (notes, hold releases). */
function stepText(h: OrderHistoryEntry): string | null {
  switch (h.type) {
    case OrderEventType.PLACED:
      return 'Order received';
    case OrderEventType.IMPORTED:
      return 'Order received';
    case OrderEventType.PAYMENT_RECORDED:
      return 'Payment received';
    case OrderEventType.PAYMENT_REFUNDED:
      return 'Refund issued';
    case OrderEventType.SHIPMENT_CREATED:
      return 'A parcel was shipped';
    case OrderEventType.SHIPMENT_DELIVERED:
      return 'A parcel was delivered';
    case OrderEventType.RETURN_CREATED:
      return 'Return received';
    case OrderEventType.NOTE_ADDED:
      return null;
    case OrderEventType.STATUS_CHANGED:
      switch (h.toStatus) {
        case OrderStatus.CONFIRMED:
          return 'Order confirmed';
        case OrderStatus.ON_HOLD:
          return 'Order under review';
        case OrderStatus.CANCELLED:
          return 'Order cancelled';
        case OrderStatus.RETURNED:
          return 'Return completed';
        // Shipping and delivery are told by the parcel steps; leaving a hold by the next step.
        default:
          return null;
      }
    default:
      return null;
  }
}

export class TrackingService {
  constructor(private readonly throttle?: TrackingThrottle) {}

  /**
   * The order's id if the pair matches. Every lookup (each aliased field too) first takes a point
   * from the address's budget, atomically; a match gives it back.
   */
  async find(ctx: Pick<RequestContext, 'em' | 'ip'>, number: string, email: string): Promise<string | null> {
    await this.throttle?.consumeTracking(ctx.ip);
    const valid =
      typeof number === 'string' &&
      typeof email === 'string' &&
      number.length <= 64 &&
      email.length <= 320 &&
      !number.includes('\u0000') &&
      !email.includes('\u0000') &&
      number.trim() !== '' &&
      email.trim() !== '';
    const [row] = valid
      ? await run<{ id: string }>(ctx.em, trackedOrderId(number.trim(), email.trim().toLowerCase()))
      : [];
    if (row) await this.throttle?.matchedTracking(ctx.ip);
    return row?.id ?? null;
  }

  async view(em: EntityManager, orderId: string): Promise<TrackedOrder> {
    const order = await em.findOneOrFail(Order, { id: orderId }, { populate: ['lines'], refresh: true });
    const [shipments, history] = await Promise.all([
      em.find(
        Shipment,
        { order: orderId },
        { populate: ['lines'], orderBy: { shippedAt: 'asc', id: 'asc' }, refresh: true },
      ),
      em.find(OrderHistoryEntry, { order: orderId }, { orderBy: { at: 'asc', seq: 'asc' }, refresh: true }),
    ]);
    const lines = order.lines.getItems();
    const names = new Map(lines.map((l) => [l.sku, l.name]));
    const timeline: TrackingStep[] = [];
    for (const h of history) {
      const text = stepText(h);
      if (text) timeline.push({ at: h.at, text });
    }
    return {
      number: order.number,
      status: order.status,
      statusText: STATUS_TEXT[order.status],
      placedAt: order.placedAt,
      total: new Money(order.totalAmount, order.currency),
      items: lines.map((l) => ({
        sku: l.sku,
        name: l.name,
        quantity: l.quantity,
        quantityShipped: l.quantityShipped,
        quantityReturned: l.quantityReturned,
      })),
      shipments: shipments.map((s) => ({
        status: s.status,
        carrier: s.carrier ?? null,
        trackingNumber: s.trackingNumber ?? null,
        shippedAt: s.shippedAt,
        deliveredAt: s.deliveredAt ?? null,
        items: s.lines.getItems().map((l) => ({ sku: l.sku, name: names.get(l.sku) ?? l.sku, quantity: l.quantity })),
      })),
      timeline,
    };
  }
}
