/**
 * The JSON Schemas (draft 2020-12) of webhook bodies, one per event type, as committed in
 * docs/webhooks/schemas/<type>.json (written by `pnpm --filter @oms/server webhook-schemas`; a test
 * checks the files are current and validates real deliveries against them). They describe
 * payloadVersion 2 (webhook.payload.ts): objects are closed (additionalProperties: false), so a
 * field added later is a new payloadVersion and a new schema, never a silent change.
 */
import { EVENT_TYPES, EventType } from '../events';
import { OrderEventType, OrderStatus, PaymentStatus } from '../order';
import { ShipmentStatus } from '../shipment';
import { PAYLOAD_VERSION, STATUS_CHANGE_EVENTS } from './webhook.payload';

type Schema = Record<string, unknown>;

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';
const str: Schema = { type: 'string' };
const nullableStr: Schema = { type: ['string', 'null'] };
const int: Schema = { type: 'integer' };
const uuid: Schema = { type: 'string', format: 'uuid' };
const dateTime: Schema = { type: 'string', format: 'date-time' };
const nonNegative: Schema = { type: 'integer', minimum: 0 };

/** A closed object: every listed property required unless named in `optional`. */
function object(properties: Record<string, Schema>, optional: string[] = [], description?: string): Schema {
  return {
    type: 'object',
    ...(description ? { description } : {}),
    additionalProperties: false,
    required: Object.keys(properties).filter((k) => !optional.includes(k)),
    properties,
  };
}

const nullable = (s: Schema): Schema => ({ anyOf: [s, { type: 'null' }] });

const DEFS: Record<string, Schema> = {
  money: object(
    {
      amount: { type: 'integer', description: 'Integer minor units, e.g. 1999 for 19.99 EUR.' },
      currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    },
    [],
    'An amount in integer minor units of an ISO 4217 currency, as the API returns Money.',
  ),
  orderStatus: { type: 'string', enum: Object.values(OrderStatus) },
  paymentStatus: { type: 'string', enum: Object.values(PaymentStatus) },
  cause: object(
    { rule: str, depth: int },
    [],
    'Present when an automation rule caused the change: the rule and how deep in a chain of rules.',
  ),
  order: object(
    {
      id: uuid,
      number: str,
      externalId: nullableStr,
      channel: object({ id: uuid, code: str }),
      status: { $ref: '#/$defs/orderStatus' },
      paymentStatus: { $ref: '#/$defs/paymentStatus' },
      holdReason: nullableStr,
      cancelReason: nullableStr,
      currency: { type: 'string', pattern: '^[A-Z]{3}$' },
      subtotal: { $ref: '#/$defs/money' },
      shipping: { $ref: '#/$defs/money' },
      taxTotal: { $ref: '#/$defs/money' },
      total: { $ref: '#/$defs/money' },
      totalPaid: { $ref: '#/$defs/money' },
      totalRefunded: { $ref: '#/$defs/money' },
      amountDue: { $ref: '#/$defs/money' },
      note: nullableStr,
      tags: { type: 'array', items: str },
      placedAt: dateTime,
      updatedAt: dateTime,
      customer: {
        ...nullable(object({ id: uuid, email: str, name: nullableStr })),
        description: 'Personal data: null unless the endpoint belongs to staff or to a key with CUSTOMER_READ.',
      },
      shippingAddress: {
        ...nullable(
          object({
            name: nullableStr,
            line1: str,
            line2: nullableStr,
            city: str,
            postalCode: str,
            country: { type: 'string', pattern: '^[A-Z]{2}$' },
          }),
        ),
        description: 'Personal data: null unless the endpoint belongs to staff or to a key with CUSTOMER_READ.',
      },
      lines: {
        type: 'array',
        items: object({
          id: uuid,
          lineNo: { type: 'integer', minimum: 1 },
          sku: str,
          name: str,
          quantity: { type: 'integer', minimum: 1 },
          quantityShipped: nonNegative,
          quantityReturned: nonNegative,
          unitPrice: { $ref: '#/$defs/money' },
          lineTotal: { $ref: '#/$defs/money' },
          tax: { $ref: '#/$defs/money' },
          taxRate: { type: ['integer', 'null'], minimum: 0, maximum: 100000 },
        }),
      },
      shipments: {
        type: 'array',
        items: object({
          id: uuid,
          status: { type: 'string', enum: Object.values(ShipmentStatus) },
          carrier: nullableStr,
          trackingNumber: nullableStr,
          warehouseCode: str,
          shippedAt: dateTime,
          deliveredAt: nullable(dateTime),
          lines: { type: 'array', items: object({ sku: str, quantity: { type: 'integer', minimum: 1 } }) },
        }),
      },
    },
    [],
    'The order as it was when the event was recorded, as the `order` query returns it (without payments).',
  ),
};

function orderData(type: EventType): Schema {
  const properties: Record<string, Schema> = {
    orderId: uuid,
    number: str,
    channelId: uuid,
    channelCode: { ...str, description: "The code of the order's sales channel." },
    historyId: uuid,
    historyType: { type: 'string', enum: Object.values(OrderEventType).filter((t) => t !== OrderEventType.IMPORTED) },
    status: { $ref: '#/$defs/orderStatus', description: 'The status after the event.' },
    fromStatus: nullable({ $ref: '#/$defs/orderStatus' }),
    toStatus: nullable({ $ref: '#/$defs/orderStatus' }),
    paymentStatus: { $ref: '#/$defs/paymentStatus' },
    total: {
      type: 'integer',
      description: 'The order total in integer minor units (payloadVersion 1; also order.total).',
    },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    message: {
      ...nullableStr,
      description: 'The history entry\'s message; for a payment "Payment recorded" without PAYMENT_READ.',
    },
    tags: { type: 'array', items: str },
    primary: { type: 'boolean', description: 'The first event of its history entry (order.cancelled is not).' },
    cause: { $ref: '#/$defs/cause' },
    order: { $ref: '#/$defs/order' },
  };
  if (STATUS_CHANGE_EVENTS.includes(type))
    properties.previousStatus = { $ref: '#/$defs/orderStatus', description: 'The status before the change.' };
  if (type === 'order.cancelled') properties.reason = nullableStr;
  return object(properties, ['cause']);
}

function stockData(type: EventType): Schema {
  const level = {
    sku: str,
    warehouseCode: str,
    onHand: { type: 'integer', description: 'Units on hand after the event.' },
    reserved: { type: 'integer', description: 'Units reserved for open orders after the event.' },
    available: { type: 'integer', description: 'onHand - reserved.' },
  };
  if (type === 'stock.low') return object({ ...level, threshold: int, cause: { $ref: '#/$defs/cause' } });
  return object({ ...level, delta: int, reason: nullableStr });
}

/** The schema of one event type's body. */
export function webhookSchema(type: EventType): Schema {
  const stock = type.startsWith('stock.');
  const data = stock ? stockData(type) : orderData(type);
  const defs = stock ? { cause: DEFS.cause } : DEFS;
  return {
    $schema: DRAFT,
    title: `${type} webhook body (payloadVersion ${PAYLOAD_VERSION})`,
    ...object({
      id: { ...uuid, description: 'The event id: the same on every retry and replay; de-duplicate on it.' },
      type: { const: type },
      occurredAt: dateTime,
      payloadVersion: { const: PAYLOAD_VERSION },
      data,
    }),
    $defs: defs,
  };
}

/** Every event type's schema, by file name (docs/webhooks/schemas/<file>). */
export function webhookSchemas(): Record<string, Schema> {
  return Object.fromEntries(EVENT_TYPES.map((type) => [`${type}.json`, webhookSchema(type)]));
}

/** The files as committed: each schema as pretty-printed JSON. */
export function webhookSchemaFiles(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(webhookSchemas()).map(([file, schema]) => [file, `${JSON.stringify(schema, null, 2)}\n`]),
  );
}
