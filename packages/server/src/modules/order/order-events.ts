/** The stream events an order's history entry stands for (see modules/events). */
import { DomainEvent, EventType } from '../events';
import type { OrderHistoryEntry } from './order-history.entity';
import { OrderEventType, OrderStatus } from './order-state';
import type { Order } from './order.entity';
import type { OrderResource } from './order-resource';

/** Imported orders write no events: they are history, not news (see OrderImport.importOrder, order-import.ts). */
const TYPES: Record<Exclude<OrderEventType, OrderEventType.IMPORTED>, EventType> = {
  [OrderEventType.PLACED]: 'order.placed',
  [OrderEventType.STATUS_CHANGED]: 'order.status_changed',
  [OrderEventType.PAYMENT_RECORDED]: 'payment.recorded',
  [OrderEventType.PAYMENT_REFUNDED]: 'payment.refunded',
  [OrderEventType.SHIPMENT_CREATED]: 'shipment.created',
  [OrderEventType.SHIPMENT_DELIVERED]: 'shipment.delivered',
  [OrderEventType.RETURN_CREATED]: 'return.created',
  [OrderEventType.NOTE_ADDED]: 'order.note_added',
  [OrderEventType.TAG_ADDED]: 'order.tag_added',
  [OrderEventType.TAG_REMOVED]: 'order.tag_removed',
  [OrderEventType.STOCK_ALLOCATED]: 'order.stock_allocated',
  [OrderEventType.MARKED_LATE]: 'order.late',
  [OrderEventType.RULE_NOTIFIED]: 'rule.notified',
  [OrderEventType.RULE_WEBHOOK]: 'rule.webhook',
  [OrderEventType.ORDER_EDITED]: 'order.edited',
};

/**
 * One event per history entry, plus order.cancelled next to the status change into CANCELLED.
 * The first one is the order's "primary" event: subscriptions are fed from it alone. `resource` is
 * the order as the change leaves it (order-resource.ts), kept with each event for its webhooks.
 */
export function orderEvents(entry: OrderHistoryEntry, order: Order, resource?: OrderResource): DomainEvent[] {
  if (entry.type === OrderEventType.IMPORTED) return [];
  const payload = {
    orderId: order.id,
    number: order.number,
    channelId: order.channel.id,
    historyId: entry.id,
    historyType: entry.type,
    status: order.status,
    fromStatus: entry.fromStatus ?? null,
    toStatus: entry.toStatus ?? null,
    paymentStatus: order.paymentStatus,
    total: order.totalAmount,
    currency: order.currency,
    message: entry.message ?? null,
    tags: order.tags,
  };
  const base = {
    resource: resource ? (resource as unknown as Record<string, unknown>) : null,
    aggregateType: 'order',
    aggregateId: order.id,
    channelId: order.channel.id,
    actor: entry.actor,
    occurredAt: entry.at,
  };
  const events = [new DomainEvent({ ...base, type: TYPES[entry.type], payload: { ...payload, primary: true } })];
  if (entry.type === OrderEventType.STATUS_CHANGED && entry.toStatus === OrderStatus.CANCELLED) {
    events.push(
      new DomainEvent({
        ...base,
        type: 'order.cancelled',
        payload: { ...payload, primary: false, reason: order.cancelReason ?? null },
      }),
    );
  }
  return events;
}

/** The same events as rows, for order placement's single SQL statement. */
export function orderEventRows(
  entry: OrderHistoryEntry,
  order: Order,
  resource?: OrderResource,
): Record<string, unknown>[] {
  return orderEvents(entry, order, resource).map((e) => ({
    id: e.id,
    type: e.type,
    aggregate_type: e.aggregateType,
    aggregate_id: e.aggregateId,
    channel_id: e.channelId ?? null,
    payload: JSON.stringify(e.payload),
    resource: e.resource ? JSON.stringify(e.resource) : null,
    actor: e.actor,
    occurred_at: e.occurredAt,
  }));
}
