/**
 * The SQL of the order resource that order events carry (order-resource.ts): the orders with their
 * channel, customer, lines and shipments, read in one statement inside the changing transaction.
 * Placeholders are PostgreSQL's $1, $2, ... (run with common/sql.ts `run`).
 */
import type { Statement } from '../../common/sql';

/** One row per order of `orderIds`: its columns, channel code, customer, lines and shipments (json arrays). */
export function orderResources(orderIds: string[]): Statement {
  return {
    text: `select o.id, o.number, o.external_id, o.status, o.payment_status, o.hold_reason, o.cancel_reason, o.currency,
        o.subtotal_amount, o.shipping_amount, o.tax_amount, o.total_amount, o.paid_amount, o.refunded_amount,
        o.ship_name, o.ship_line1, o.ship_line2, o.ship_city, o.ship_postal_code, o.ship_country,
        o.note, o.tags, o.placed_at, o.updated_at, o.channel_id, ch.code as channel_code,
        c.id as customer_id, c.email as customer_email, c.name as customer_name,
        (select coalesce(json_agg(json_build_object('id', l.id, 'line_no', l.line_no, 'sku', l.sku, 'name', l.name,
            'quantity', l.quantity, 'quantity_shipped', l.quantity_shipped, 'quantity_returned', l.quantity_returned,
            'unit_price_amount', l.unit_price_amount, 'tax_amount', l.tax_amount, 'tax_rate', l.tax_rate) order by l.line_no), '[]'::json)
          from order_line l where l.order_id = o.id) as lines,
        (select coalesce(json_agg(json_build_object('id', s.id, 'status', s.status, 'carrier', s.carrier,
            'tracking_number', s.tracking_number, 'warehouse_code', w.code, 'shipped_at', s.shipped_at,
            'delivered_at', s.delivered_at,
            'lines', (select coalesce(json_agg(json_build_object('sku', sl.sku, 'quantity', sl.quantity) order by sl.sku, sl.id), '[]'::json)
              from shipment_line sl where sl.shipment_id = s.id)) order by s.shipped_at, s.id), '[]'::json)
          from shipment s join warehouse w on w.id = s.warehouse_id where s.order_id = o.id) as shipments
      from "order" o join channel ch on ch.id = o.channel_id join customer c on c.id = o.customer_id
      where o.id = any($1::uuid[])`,
    values: [orderIds],
  };
}
