/**
 * The view a template is rendered with: an order's data (read with SQL) shaped for Mustache, and
 * a sample order for previews. Amounts are formatted in the order's currency.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { formatMoney } from '../../common/money';
import { formatStoreDate } from '../../common/time-zone';
import { run } from '../../common/sql';
import { EmailEvent } from './email.entity';
import {
  emailOrder,
  emailOrderLines,
  EmailLineRow,
  EmailOrderRow,
  emailRefund,
  EmailRefundRow,
  emailShipment,
  EmailShipmentRow,
} from './email.sql';

export interface EmailView {
  recipient: string;
  channelId: string;
  view: Record<string, unknown>;
}

/** The public order tracking page of an order: the link a customer follows. */
export function trackingUrl(publicUrl: string, number: string, email: string): string {
  const url = new URL('/track', publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`);
  url.searchParams.set('number', number);
  url.searchParams.set('email', email);
  return url.toString();
}

function shape(
  publicUrl: string,
  o: EmailOrderRow,
  lines: EmailLineRow[],
  shipment?: EmailShipmentRow,
  refund?: EmailRefundRow,
): Record<string, unknown> {
  const money = (n: number) => formatMoney(Number(n), o.currency);
  return {
    order: {
      number: o.number,
      status: o.status,
      // The store's calendar date (OMS_TIME_ZONE), as on documents.
      placedAt: formatStoreDate(new Date(o.placed_at)),
      currency: o.currency,
      subtotal: money(o.subtotal_amount),
      shipping: money(o.shipping_amount),
      tax: money(o.tax_amount ?? 0),
      total: money(o.total_amount),
      paid: money(o.paid_amount),
      refunded: money(o.refunded_amount),
    },
    customer: { name: o.customer_name ?? o.ship_name ?? '', email: o.email },
    shippingAddress: {
      name: o.ship_name,
      line1: o.ship_line1,
      line2: o.ship_line2,
      city: o.ship_city,
      postalCode: o.ship_postal_code,
      country: o.ship_country,
    },
    channel: { code: o.channel_code, name: o.channel_name },
    tracking: { url: trackingUrl(publicUrl, o.number, o.email) },
    lines: lines.map((l) => ({
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      unitPrice: money(l.unit_price_amount),
      total: money(l.unit_price_amount * l.quantity),
    })),
    shipment: shipment
      ? {
          carrier: shipment.carrier,
          trackingNumber: shipment.tracking_number,
          shippedAt: formatStoreDate(new Date(shipment.shipped_at)),
          deliveredAt: shipment.delivered_at ? formatStoreDate(new Date(shipment.delivered_at)) : null,
        }
      : null,
    refund: refund ? { amount: formatMoney(refund.amount_minor, refund.currency), reason: refund.reason } : null,
    cancel: { reason: o.cancel_reason },
  };
}

/** The view of a real order for an event at `at` (null: now); undefined when the order is gone. */
export async function orderView(
  em: EntityManager,
  publicUrl: string,
  orderId: string,
  event: EmailEvent,
  at: Date | null,
): Promise<EmailView | undefined> {
  const [o] = await run<EmailOrderRow>(em, emailOrder(orderId));
  if (!o) return undefined;
  const lines = await run<EmailLineRow>(em, emailOrderLines(orderId));
  let shipment: EmailShipmentRow | undefined;
  let refund: EmailRefundRow | undefined;
  if (event === EmailEvent.ORDER_SHIPPED || event === EmailEvent.ORDER_DELIVERED)
    [shipment] = await run<EmailShipmentRow>(em, emailShipment(orderId, at, event === EmailEvent.ORDER_DELIVERED));
  if (event === EmailEvent.ORDER_REFUNDED) [refund] = await run<EmailRefundRow>(em, emailRefund(orderId, at));
  return { recipient: o.email, channelId: o.channel_id, view: shape(publicUrl, o, lines, shipment, refund) };
}

/** A made-up order of a channel, for previews without a real one. */
export function sampleView(publicUrl: string, channel: { code: string; name: string }): Record<string, unknown> {
  const now = new Date();
  return shape(
    publicUrl,
    {
      id: '00000000-0000-0000-0000-000000000000',
      number: 'SAMPLE-1001',
      channel_id: '',
      channel_code: channel.code,
      channel_name: channel.name,
      status: 'CONFIRMED',
      currency: 'EUR',
      subtotal_amount: 4497,
      shipping_amount: 495,
      total_amount: 4992,
      paid_amount: 4992,
      refunded_amount: 1499,
      cancel_reason: 'Customer asked',
      placed_at: now,
      email: 'jane.doe@example.com',
      customer_name: 'Jane Doe',
      ship_name: 'Jane Doe',
      ship_line1: '1 Sample Street',
      ship_line2: null,
      ship_city: 'Berlin',
      ship_postal_code: '10115',
      ship_country: 'DE',
    },
    [
      { sku: 'SAMPLE-TEE', name: 'T-shirt', quantity: 2, unit_price_amount: 1499 },
      { sku: 'SAMPLE-MUG', name: 'Mug', quantity: 1, unit_price_amount: 1499 },
    ],
    { carrier: 'DHL', tracking_number: '00340434161234567890', shipped_at: now, delivered_at: now },
    { amount_minor: 1499, currency: 'EUR', reason: 'Damaged in transit' },
  );
}
