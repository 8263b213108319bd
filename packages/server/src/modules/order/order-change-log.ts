/**
 * The change log of one order-changing transaction: it writes the order's history entries and is
 * the only writer of Order.status. What an order may do is decided by the rules in
 * order-state-machine.ts, which the services ask before they act; a status change is checked here
 * once more against the status graph (ORDER_TRANSITIONS) and recorded in the history in the same
 * unit of work as the change itself.
 */
import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode, fail } from '../../common/errors';
import { StateMachine } from '../../common/state-machine';
import { OrderHistoryEntry } from './order-history.entity';
import { OrderEventType, OrderStatus, ORDER_TRANSITIONS } from './order-state';
import type { Order } from './order.entity';

const statusGraph = new StateMachine<OrderStatus>(ORDER_TRANSITIONS);

export class OrderChangeLog {
  /**
   * History entries written in this transaction. Each gets its stream events in the same
   * transaction (OrderTransactions.run), except those the caller writes with SQL (`entry`),
   * whose events the caller writes too.
   */
  readonly entries: { entry: OrderHistoryEntry; order: Order; writtenBySql: boolean }[] = [];

  constructor(
    private readonly em: EntityManager,
    readonly actor: string,
  ) {}

  record(
    order: Order,
    type: OrderEventType,
    message?: string,
    extra: Partial<Pick<OrderHistoryEntry, 'fromStatus' | 'toStatus' | 'at'>> = {},
  ): OrderHistoryEntry {
    const entry = new OrderHistoryEntry({ order: ref(order), type, actor: this.actor, message, ...extra });
    this.entries.push({ entry, order, writtenBySql: false });
    this.em.persist(entry);
    return entry;
  }

  /** A history entry the caller writes itself with SQL, together with its events (orderEventRows). */
  entry(
    order: Order,
    type: OrderEventType,
    message?: string,
    extra: Partial<Pick<OrderHistoryEntry, 'fromStatus' | 'toStatus' | 'at'>> = {},
  ): OrderHistoryEntry {
    const entry = new OrderHistoryEntry({ order: ref(order), type, actor: this.actor, message, ...extra });
    this.entries.push({ entry, order, writtenBySql: true });
    return entry;
  }

  /** Moves the order to `to`, or refuses with INVALID_TRANSITION (the caller's transaction then rolls back). */
  transition(order: Order, to: OrderStatus, message?: string, at?: Date): void {
    const from = order.status;
    if (!statusGraph.canTransition(from, to)) {
      fail(ErrorCode.INVALID_TRANSITION, `Order ${order.number} cannot go from ${from} to ${to}`, ['id']);
    }
    order.status = to;
    this.record(order, OrderEventType.STATUS_CHANGED, message, { fromStatus: from, toStatus: to, at });
  }

  /**
   * Creation of an order at a given status by an import (a migration from another system): not a
   * transition, so the table is not consulted; the one history entry says so. Only
   * OrderImport.importOrder (order-import.ts) calls this, on an order it has just built.
   */
  imported(order: Order, status: OrderStatus, message: string, at: Date): OrderHistoryEntry {
    order.status = status;
    return this.record(order, OrderEventType.IMPORTED, message, { toStatus: status, at });
  }

  /** Whether the status graph has the edge (used where a change of status is a consequence, e.g. the last unit returned). */
  canTransition(order: Order, to: OrderStatus): boolean {
    return statusGraph.canTransition(order.status, to);
  }
}
