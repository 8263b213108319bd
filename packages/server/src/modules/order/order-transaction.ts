/**
 * Runs one order-changing use case: a database transaction in which the order row is locked,
 * the change, its history and its stream events are written, and DomainErrors roll everything
 * back and come out as userErrors. Subscribers hear of the change from the event stream, after
 * the commit (modules/events/event-stream.ts).
 */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUUID } from 'class-validator';
import type { RequestContext } from '../../common/context';
import { ErrorCode, fail, UserError } from '../../common/errors';
import { runMutation } from '../../common/mutation';
import { orderEvents } from './order-events';
import { loadOrderResources } from './order-resource';
import { OrderChangeLog } from './order-change-log';
import { Order } from './order.entity';

export interface OrderResult {
  order?: Order;
  userErrors: UserError[];
}

export function actorLabel(ctx: RequestContext): string {
  return ctx.actor?.label ?? 'system';
}

export class OrderTransactions {
  async run(
    ctx: RequestContext,
    work: (em: EntityManager, changes: OrderChangeLog) => Promise<Order>,
  ): Promise<OrderResult> {
    return runMutation(ctx, 'order', async (em) => {
      const changes = new OrderChangeLog(em, actorLabel(ctx));
      const result = await work(em, changes);
      const recorded = changes.entries.filter((e) => !e.writtenBySql);
      if (!recorded.length) return result;
      // The orders as this transaction leaves them, for the events' webhooks (order-resource.ts):
      // flushed first, so that the one statement reading them sees every change of the transaction.
      await em.flush();
      const resources = await loadOrderResources(em, [...new Set(recorded.map((e) => e.order.id))]);
      for (const { entry, order: changed } of recorded) {
        for (const event of orderEvents(entry, changed, resources.get(changed.id))) {
          if (ctx.cause) event.payload = { ...event.payload, cause: ctx.cause };
          em.persist(event);
        }
      }
      return result;
    });
  }

  /**
   * Loads an order with a row lock held to the end of the transaction, so changes to one order
   * are serialised. An order outside the caller's channels (`scope`, see common/access.ts) is
   * NOT_FOUND, exactly as one that does not exist.
   */
  async lock(
    em: EntityManager,
    id: string,
    field: string[] = ['id'],
    scope?: readonly string[],
    notFound?: string,
  ): Promise<Order> {
    const where = scope ? { id, channel: { $in: [...scope] } } : { id };
    const order = isUUID(id) ? await em.findOne(Order, where, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!order)
      return fail(ErrorCode.NOT_FOUND, notFound ?? `No order with id ${JSON.stringify(id).slice(0, 80)}`, field);
    return order;
  }
}
