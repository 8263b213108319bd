/** The SQL of customer e-mails. Placeholders are PostgreSQL's $1, $2, ... (run with common/sql.ts `run`). */
import type { Statement } from '../../common/sql';

export interface EmailOrderRow {
  id: string;
  number: string;
  channel_id: string;
  channel_code: string;
  channel_name: string;
  status: string;
  currency: string;
  subtotal_amount: number;
  tax_amount?: number;
  shipping_amount: number;
  total_amount: number;
  paid_amount: number;
  refunded_amount: number;
  cancel_reason: string | null;
  placed_at: Date;
  email: string;
  customer_name: string | null;
  ship_name: string | null;
  ship_line1: string;
  ship_line2: string | null;
  ship_city: string;
  ship_postal_code: string;
  ship_country: string;
}

/** What an e-mail says of an order, its customer and its channel. */
export function emailOrder(orderId: string): Statement {
  return {
    text: `select o.id, o.number, o.channel_id, ch.code as channel_code, ch.name as channel_name, o.status, o.currency,
                  o.subtotal_amount, o.shipping_amount, o.tax_amount, o.total_amount, o.paid_amount, o.refunded_amount, o.cancel_reason,
                  o.placed_at, c.email, c.name as customer_name, o.ship_name, o.ship_line1, o.ship_line2, o.ship_city,
                  o.ship_postal_code, o.ship_country
             from "order" o join customer c on c.id = o.customer_id join channel ch on ch.id = o.channel_id
            where o.id = $1`,
    values: [orderId],
  };
}

export interface EmailLineRow {
  sku: string;
  name: string;
  quantity: number;
  unit_price_amount: number;
}

export function emailOrderLines(orderId: string): Statement {
  return {
    text: `select sku, name, quantity, unit_price_amount from order_line where order_id = $1 order by line_no`,
    values: [orderId],
  };
}

export interface EmailShipmentRow {
  carrier: string | null;
  tracking_number: string | null;
  shipped_at: Date;
  delivered_at: Date | null;
}

/**
 * The shipment an event is about: the latest one shipped (or delivered) by the time of the event.
 * Events carry the order, not the shipment; a second shipment of the same order moments later is
 * the only case where this could pick the newer one.
 */
export function emailShipment(orderId: string, at: Date | null, delivered: boolean): Statement {
  const column = delivered ? 'delivered_at' : 'shipped_at';
  return {
    text: `select carrier, tracking_number, shipped_at, delivered_at from shipment
            where order_id = $1 and ${column} is not null and ($2::timestamptz is null or ${column} <= $2::timestamptz + interval '1 second')
            order by ${column} desc, id desc limit 1`,
    values: [orderId, at],
  };
}

export interface EmailRefundRow {
  amount_minor: number;
  currency: string;
  reason: string | null;
}

/** The refund an event is about: the latest one recorded by the time of the event. */
export function emailRefund(orderId: string, at: Date | null): Statement {
  return {
    text: `select amount_minor, currency, reason from refund
            where order_id = $1 and ($2::timestamptz is null or created_at <= $2::timestamptz + interval '1 second')
            order by created_at desc, id desc limit 1`,
    values: [orderId, at],
  };
}

/** The latest order of a channel, for previews with a real order when none is named. */
export function channelByCode(code: string): Statement {
  return { text: `select id, code, name from channel where code = $1`, values: [code] };
}

export function orderChannel(orderId: string): Statement {
  return { text: `select channel_id from "order" where id = $1`, values: [orderId] };
}

export function orderNumbersOf(orderIds: string[]): Statement {
  return { text: `select id, number from "order" where id = any($1::uuid[])`, values: [orderIds] };
}

/** Claims a message for sending: skipped when another worker holds it or it was sent already. */
export function claimMessage(id: string): Statement {
  return {
    text: `select id, event_id, recipient, subject, text, html, attempts from email_message
            where id = $1 and status in ('QUEUED', 'FAILED') for update skip locked`,
    values: [id],
  };
}

export function markSent(id: string): Statement {
  return {
    text: `update email_message set status = 'SENT', attempts = attempts + 1, last_error = null, sent_at = now(), updated_at = now() where id = $1`,
    values: [id],
  };
}

export function markFailed(id: string, error: string): Statement {
  return {
    text: `update email_message set status = 'FAILED', attempts = attempts + 1, last_error = $2, updated_at = now() where id = $1`,
    values: [id, error.slice(0, 2000)],
  };
}
