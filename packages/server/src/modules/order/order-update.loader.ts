/**
 * The data of subscription updates (the order and its history entry), loaded once per batch of
 * updates and shared by every subscriber in this process (common/pubsub.ts SharedBatch): one read
 * per batch, not one per subscriber. The entities are shared, read-only; what each subscriber sees
 * of them is decided when its fields are resolved, with its own permissions (order.resolver.ts
 * redacts the customer, addresses and payments per caller). Relations a subscription asks for
 * beyond the channel and the customer are loaded on first use, once (common/load-once.ts).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { BACKGROUND } from '../../common/context';
import { OrderUpdatedMessage, SharedBatch } from '../../common/pubsub';
import { OrderHistoryEntry } from './order-history.entity';
import { Order } from './order.entity';
import type { OrderUpdate } from './order.types';

interface Loaded {
  orders: Map<string, Order>;
  entries: Map<string, OrderHistoryEntry>;
}

export async function loadOrderUpdate(em: EntityManager, message: OrderUpdatedMessage): Promise<OrderUpdate> {
  const batch = message.batch ?? new SharedBatch([message]);
  const loaded = await batch.once<Loaded>('order-update', async () => {
    // Its own unit of work, outlived by no request: the stream's, not the first subscriber's.
    const shared = em.fork({ loggerContext: BACKGROUND, clear: true });
    const orderIds = [...new Set(batch.messages.map((m) => m.orderId))];
    const historyIds = [...new Set(batch.messages.map((m) => m.historyId))];
    const [orders, entries] = await Promise.all([
      shared.find(Order, { id: { $in: orderIds } }, { populate: ['channel', 'customer'] }),
      shared.find(OrderHistoryEntry, { id: { $in: historyIds } }),
    ]);
    return { orders: new Map(orders.map((o) => [o.id, o])), entries: new Map(entries.map((e) => [e.id, e])) };
  });
  const order = loaded.orders.get(message.orderId);
  const event = loaded.entries.get(message.historyId);
  if (!order || !event) throw new Error(`order update ${message.eventId}: its order or history entry is gone`);
  return { order, event, eventId: message.eventId };
}
