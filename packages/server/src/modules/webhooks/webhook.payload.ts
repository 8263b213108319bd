/**
 * The body of a webhook delivery (docs/integrations.md#webhook-payloads; a JSON Schema per event
 * type in docs/webhooks/schemas): `{ id, type, occurredAt, payloadVersion, data }`.
 *
 * `data` is the event's payload as the endpoint's owner may read it (event-redaction.ts), as in
 * payloadVersion 1: nothing partners relied on is removed. Version 2 adds to it:
 * - order events: `order`, the order as it was when the event was recorded (stored with the event,
 *   modules/order/order-resource.ts), its customer and shipping address null unless the owner has
 *   CUSTOMER_READ; `channelCode`; and for status changes (order.status_changed, order.cancelled)
 *   `previousStatus`;
 * - stock events: the stock level's `sku`, `warehouseCode`, `onHand`, `reserved` and `available`
 *   (stock.adjusted always had them; stock.low has onHand and reserved since version 2).
 *
 * Built per delivery from the stored event alone (no other read), so one event costs no database
 * work per endpoint beyond reading the event, and a retry or a replay sends the same state.
 * Events recorded before version 2 (no stored order, a stock.low without onHand) are sent as they
 * always were, with payloadVersion 1.
 */
import type { DomainEvent, Viewer } from '../events';
import { resourceAsSeenBy, webhookData } from '../events';

export const PAYLOAD_VERSION = 2;

/** Order events that are a change of status: they carry previousStatus. */
export const STATUS_CHANGE_EVENTS: readonly string[] = ['order.status_changed', 'order.cancelled'];
/** What a stock event's data must hold to be a version 2 body. */
const STOCK_FIELDS = ['sku', 'warehouseCode', 'onHand', 'reserved', 'available'];

export interface WebhookBody {
  id: string;
  type: string;
  occurredAt: string;
  payloadVersion: number;
  data: Record<string, unknown>;
}

export function webhookBody(
  owner: Viewer,
  event: Pick<DomainEvent, 'id' | 'type' | 'occurredAt' | 'aggregateType' | 'payload' | 'resource'>,
): WebhookBody {
  const data = webhookData(owner, event);
  let payloadVersion = 1;
  if (event.aggregateType === 'order' && event.resource) {
    const order = resourceAsSeenBy(owner, event.resource);
    const channel = order.channel as { code?: string } | undefined;
    data.channelCode = channel?.code ?? null;
    if (STATUS_CHANGE_EVENTS.includes(event.type)) data.previousStatus = event.payload.fromStatus ?? null;
    data.order = order;
    payloadVersion = PAYLOAD_VERSION;
  } else if (event.aggregateType === 'stock' && STOCK_FIELDS.every((k) => k in event.payload)) {
    payloadVersion = PAYLOAD_VERSION;
  }
  return {
    id: event.id,
    type: event.type,
    occurredAt: event.occurredAt.toISOString(),
    payloadVersion,
    data,
  };
}
