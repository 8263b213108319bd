/**
 * The order as order events carry it to webhooks (docs/integrations.md#webhook-payloads): what the
 * `order` query returns, as plain JSON: totals as Money (integer minor units and currency), status
 * and payment status, the channel's code, the lines, the shipments with carrier and tracking, the
 * tags, and the personal data (customer, shipping address) that event-redaction.ts blanks for an
 * endpoint whose owner lacks CUSTOMER_READ. Payments and refunds are not part of it (PAYMENT_READ);
 * the totals paid and refunded are.
 *
 * It is built once, when the event is recorded, in the changing transaction (after its changes are
 * flushed: every event of one transaction carries the order as that transaction leaves it), and
 * stored with the event (DomainEvent.resource): a delivery, a retry hours later and a replay all
 * send the order as it was when the event happened, and no delivery reads the order again.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { run } from '../../common/sql';
import { orderResources } from './order-resource.sql';

/** The version of webhook bodies that carry the resource (payloadVersion). */
export const RESOURCE_VERSION = 2;

interface Money {
  amount: number;
  currency: string;
}

export interface OrderResource {
  id: string;
  number: string;
  externalId: string | null;
  channel: { id: string; code: string };
  status: string;
  paymentStatus: string;
  holdReason: string | null;
  cancelReason: string | null;
  currency: string;
  subtotal: Money;
  shipping: Money;
  /** The tax the channel charged, over every line. */
  taxTotal: Money;
  total: Money;
  totalPaid: Money;
  totalRefunded: Money;
  amountDue: Money;
  note: string | null;
  tags: string[];
  placedAt: string;
  updatedAt: string;
  /** Personal data: null for a reader without CUSTOMER_READ. */
  customer: { id: string; email: string; name: string | null } | null;
  /** Personal data: null for a reader without CUSTOMER_READ. */
  shippingAddress: {
    name: string | null;
    line1: string;
    line2: string | null;
    city: string;
    postalCode: string;
    country: string;
  } | null;
  lines: {
    id: string;
    lineNo: number;
    sku: string;
    name: string;
    quantity: number;
    quantityShipped: number;
    quantityReturned: number;
    unitPrice: Money;
    lineTotal: Money;
    tax: Money;
    /** Basis points, when the channel gave one. */
    taxRate: number | null;
  }[];
  shipments: {
    id: string;
    status: string;
    carrier: string | null;
    trackingNumber: string | null;
    warehouseCode: string;
    shippedAt: string;
    deliveredAt: string | null;
    lines: { sku: string; quantity: number }[];
  }[];
}

/** An order's columns as stored (the names of the `order` table), with what the resource adds. */
export interface OrderResourceRow {
  id: string;
  number: string;
  external_id: string | null;
  status: string;
  payment_status: string;
  hold_reason: string | null;
  cancel_reason: string | null;
  currency: string;
  subtotal_amount: number;
  shipping_amount: number;
  /** Absent in rows from before taxes: 0. */
  tax_amount?: number;
  total_amount: number;
  paid_amount: number;
  refunded_amount: number;
  ship_name: string | null;
  ship_line1: string;
  ship_line2: string | null;
  ship_city: string;
  ship_postal_code: string;
  ship_country: string;
  note: string | null;
  tags: string[] | null;
  placed_at: Date | string;
  updated_at: Date | string;
  channel_id: string;
  channel_code: string;
  customer_id: string | null;
  customer_email: string | null;
  customer_name: string | null;
  lines: {
    id: string;
    line_no: number;
    sku: string;
    name: string;
    quantity: number;
    quantity_shipped: number;
    quantity_returned: number;
    unit_price_amount: number;
    tax_amount?: number;
    tax_rate?: number | null;
  }[];
  shipments: {
    id: string;
    status: string;
    carrier: string | null;
    tracking_number: string | null;
    warehouse_code: string;
    shipped_at: Date | string;
    delivered_at: Date | string | null;
    lines: { sku: string; quantity: number }[];
  }[];
}

const iso = (d: Date | string) => new Date(d).toISOString();

/** The resource of one order row (orderResources, or an order being placed). */
export function orderResource(r: OrderResourceRow): OrderResource {
  const money = (amount: number): Money => ({ amount: Number(amount), currency: r.currency });
  return {
    id: r.id,
    number: r.number,
    externalId: r.external_id ?? null,
    channel: { id: r.channel_id, code: r.channel_code },
    status: r.status,
    paymentStatus: r.payment_status,
    holdReason: r.hold_reason ?? null,
    cancelReason: r.cancel_reason ?? null,
    currency: r.currency,
    subtotal: money(r.subtotal_amount),
    shipping: money(r.shipping_amount),
    taxTotal: money(r.tax_amount ?? 0),
    total: money(r.total_amount),
    totalPaid: money(r.paid_amount),
    totalRefunded: money(r.refunded_amount),
    amountDue: money(Math.max(0, r.total_amount - r.paid_amount)),
    note: r.note ?? null,
    tags: r.tags ?? [],
    placedAt: iso(r.placed_at),
    updatedAt: iso(r.updated_at),
    customer: r.customer_id
      ? { id: r.customer_id, email: r.customer_email ?? '', name: r.customer_name ?? null }
      : null,
    shippingAddress: {
      name: r.ship_name ?? null,
      line1: r.ship_line1,
      line2: r.ship_line2 ?? null,
      city: r.ship_city,
      postalCode: r.ship_postal_code,
      country: r.ship_country,
    },
    lines: r.lines.map((l) => ({
      id: l.id,
      lineNo: l.line_no,
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      quantityShipped: l.quantity_shipped,
      quantityReturned: l.quantity_returned,
      unitPrice: money(l.unit_price_amount),
      lineTotal: money(l.unit_price_amount * l.quantity),
      tax: money(l.tax_amount ?? 0),
      taxRate: l.tax_rate ?? null,
    })),
    shipments: r.shipments.map((s) => ({
      id: s.id,
      status: s.status,
      carrier: s.carrier ?? null,
      trackingNumber: s.tracking_number ?? null,
      warehouseCode: s.warehouse_code,
      shippedAt: iso(s.shipped_at),
      deliveredAt: s.delivered_at ? iso(s.delivered_at) : null,
      lines: s.lines,
    })),
  };
}

/** The resources of orders as they are in `em`'s transaction (flush first), by order id: one statement for all. */
export async function loadOrderResources(em: EntityManager, orderIds: string[]): Promise<Map<string, OrderResource>> {
  const out = new Map<string, OrderResource>();
  if (!orderIds.length) return out;
  const rows = await run<OrderResourceRow>(em, orderResources(orderIds));
  for (const row of rows) out.set(row.id, orderResource(row));
  return out;
}
