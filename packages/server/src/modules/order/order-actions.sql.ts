/**
 * The SQL behind Order.availableActions beyond the order row: for a page of orders, in one
 * statement, the shipments still on their way (MARK_DELIVERED) and the units shipped and not yet
 * returned (CREATE_RETURN). Placeholders are PostgreSQL's $1, $2, ...
 */
import type { Statement } from './order-placement.sql';

export interface FulfilmentCountsRow {
  id: string;
  undelivered_shipments: number;
  returnable_units: number;
}

export function fulfilmentCounts(orderIds: readonly string[]): Statement {
  return {
    text: `select o.id,
        (select count(*)::int from shipment s where s.order_id = o.id and s.status = 'SHIPPED') as undelivered_shipments,
        (select coalesce(sum(l.quantity_shipped - l.quantity_returned), 0)::int from order_line l where l.order_id = o.id) as returnable_units
      from unnest($1::uuid[]) as o(id)`,
    values: [orderIds],
  };
}
