/**
 * The order's statuses and the status graph: which status may ever follow which (docs/domain.md
 * shows this table). What an order can do in each status, and so where it can go next, is in
 * order-state-machine.ts (whose table is checked against this graph); OrderChangeLog
 * (order-change-log.ts) is the only writer of Order.status.
 */
import { registerEnumType } from 'type-graphql';
import { TransitionTable } from '../../common/state-machine';

export enum OrderStatus {
  PENDING = 'PENDING',
  ON_HOLD = 'ON_HOLD',
  CONFIRMED = 'CONFIRMED',
  PARTIALLY_SHIPPED = 'PARTIALLY_SHIPPED',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  CANCELLED = 'CANCELLED',
  RETURNED = 'RETURNED',
}
registerEnumType(OrderStatus, { name: 'OrderStatus', description: 'Where an order is in its lifecycle.' });

export const ORDER_TRANSITIONS: TransitionTable<OrderStatus> = {
  // placed, stock reserved, waiting for review or payment
  [OrderStatus.PENDING]: [OrderStatus.CONFIRMED, OrderStatus.ON_HOLD, OrderStatus.CANCELLED],
  // parked for review; release returns to the status before the hold
  [OrderStatus.ON_HOLD]: [
    OrderStatus.PENDING,
    OrderStatus.CONFIRMED,
    OrderStatus.PARTIALLY_SHIPPED,
    OrderStatus.CANCELLED,
  ],
  // released for fulfilment
  [OrderStatus.CONFIRMED]: [
    OrderStatus.ON_HOLD,
    OrderStatus.PARTIALLY_SHIPPED,
    OrderStatus.SHIPPED,
    OrderStatus.CANCELLED,
  ],
  // some units shipped, the rest still reserved
  [OrderStatus.PARTIALLY_SHIPPED]: [OrderStatus.ON_HOLD, OrderStatus.SHIPPED],
  // every unit shipped
  [OrderStatus.SHIPPED]: [OrderStatus.DELIVERED, OrderStatus.RETURNED],
  // every shipment delivered
  [OrderStatus.DELIVERED]: [OrderStatus.RETURNED],
  // final: reservations released
  [OrderStatus.CANCELLED]: [],
  // final: everything shipped came back
  [OrderStatus.RETURNED]: [],
};

/** Statuses an order may be put on hold from (and so may be released back to); the held positions of order-state-machine.ts. */
export const HOLDABLE = [OrderStatus.PENDING, OrderStatus.CONFIRMED, OrderStatus.PARTIALLY_SHIPPED];

/** Open orders: not finished, with units still to ship (their stock is reserved or wanted). */
export const OPEN_STATUSES: readonly OrderStatus[] = [
  OrderStatus.PENDING,
  OrderStatus.ON_HOLD,
  OrderStatus.CONFIRMED,
  OrderStatus.PARTIALLY_SHIPPED,
];

/** Released for fulfilment: units may ship from these. */
export const FULFILLABLE_STATUSES: readonly OrderStatus[] = [OrderStatus.CONFIRMED, OrderStatus.PARTIALLY_SHIPPED];

/**
 * A status set as an SQL list literal, for `status in (...)` in *.sql.ts files, so SQL is built
 * from the same constants as the code. Only enum values reach it, never input.
 */
export function sqlStatusList(statuses: readonly OrderStatus[]): string {
  return statuses
    .map((s) => {
      if (!Object.values(OrderStatus).includes(s)) throw new Error(`not an order status: ${String(s)}`);
      return `'${s}'`;
    })
    .join(', ');
}

export enum PaymentStatus {
  UNPAID = 'UNPAID',
  PARTIALLY_PAID = 'PARTIALLY_PAID',
  PAID = 'PAID',
  PARTIALLY_REFUNDED = 'PARTIALLY_REFUNDED',
  REFUNDED = 'REFUNDED',
}
registerEnumType(PaymentStatus, {
  name: 'PaymentStatus',
  description: 'Derived from the payments and refunds of an order.',
});

/** Payment status is derived, never set: from the order total, what was paid and what was refunded. */
export function derivePaymentStatus(total: number, paid: number, refunded: number): PaymentStatus {
  if (paid <= 0) return PaymentStatus.UNPAID;
  if (refunded > 0) return refunded >= paid ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
  return paid >= total ? PaymentStatus.PAID : PaymentStatus.PARTIALLY_PAID;
}

export enum OrderEventType {
  PLACED = 'PLACED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  PAYMENT_RECORDED = 'PAYMENT_RECORDED',
  PAYMENT_REFUNDED = 'PAYMENT_REFUNDED',
  SHIPMENT_CREATED = 'SHIPMENT_CREATED',
  SHIPMENT_DELIVERED = 'SHIPMENT_DELIVERED',
  RETURN_CREATED = 'RETURN_CREATED',
  NOTE_ADDED = 'NOTE_ADDED',
  TAG_ADDED = 'TAG_ADDED',
  TAG_REMOVED = 'TAG_REMOVED',
  STOCK_ALLOCATED = 'STOCK_ALLOCATED',
  MARKED_LATE = 'MARKED_LATE',
  RULE_NOTIFIED = 'RULE_NOTIFIED',
  RULE_WEBHOOK = 'RULE_WEBHOOK',
  /** editOrder changed lines, shipping charge or address; the message names each change. */
  ORDER_EDITED = 'ORDER_EDITED',
  /** The order was created at its status by an import (OrderImport.importOrder, order-import.ts), e.g. from another system. */
  IMPORTED = 'IMPORTED',
}
registerEnumType(OrderEventType, { name: 'OrderEventType', description: 'What happened to an order.' });
