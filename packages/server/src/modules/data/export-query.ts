/**
 * What each export holds: its filters (the list filters, as query parameters) and how a row
 * becomes a JSON line or CSV rows. The one SQL statement that reads it in a stable order
 * (streamed with a cursor, never loaded whole) is in export.sql.ts. Column formats are documented in docs/integrations.md
 * ("Open data: export and import") and match what the import reads.
 */
import { isUuid } from '../../common/limits';
import { EVENT_TYPES } from '../events';
import { actorAsSeenBy, eventPayloadAsSeenBy, Viewer } from '../events';
import { OrderStatus } from '../order';

export const EXPORT_KINDS = ['orders', 'products', 'stock', 'customers', 'events'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A bad export request: which parameter and why (HTTP 400, or a userError). */
export class ExportParameterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

export type ExportFilter = Record<string, string | string[]>;

/** The filters each kind accepts. */
const FILTERS: Record<ExportKind, string[]> = {
  orders: ['status', 'channelCode', 'search', 'placedFrom', 'placedTo'],
  products: ['search'],
  stock: ['warehouseCode', 'sku'],
  customers: ['search'],
  events: ['type', 'aggregateId'],
};

export function filtersOf(kind: ExportKind): string[] {
  return FILTERS[kind];
}

const one = (name: string, v: string | string[]): string => {
  if (Array.isArray(v)) {
    if (v.length !== 1) throw new ExportParameterError(name, `${name} may be given once`);
    return one(name, v[0]);
  }
  if (typeof v !== 'string') throw new ExportParameterError(name, `${name} must be a string`);
  if (v.includes('\u0000')) throw new ExportParameterError(name, `${name} must not contain NUL characters`);
  if (v.length > 200) throw new ExportParameterError(name, `${name} must be at most 200 characters`);
  return v;
};

const date = (name: string, v: string): Date => {
  const d = new Date(v);
  if (!/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(d.getTime()))
    throw new ExportParameterError(name, `${name} must be an ISO 8601 date or date-time, e.g. 2026-11-01T00:00:00Z`);
  return d;
};

/** Checks the filters of `kind` (unknown parameters included) and returns them normalised. */
export function parseFilter(kind: ExportKind, raw: Record<string, unknown>): ExportFilter {
  const allowed = FILTERS[kind];
  const out: ExportFilter = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined || value === null || value === '') continue;
    if (!allowed.includes(name)) {
      throw new ExportParameterError(name, `Unknown parameter ${name}; ${kind} accept ${allowed.join(', ')}`);
    }
    if (name === 'status') {
      const list = (Array.isArray(value) ? value : [value])
        .flatMap((v) => String(v).split(','))
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = list.find((s) => !(Object.values(OrderStatus) as string[]).includes(s));
      if (bad)
        throw new ExportParameterError(
          'status',
          `status ${bad.slice(0, 40)} is not one of ${Object.values(OrderStatus).join(', ')}`,
        );
      out.status = list;
      continue;
    }
    const v = one(name, value as string | string[]);
    if (name === 'placedFrom' || name === 'placedTo') out[name] = date(name, v).toISOString();
    else if (name === 'type' && !(EVENT_TYPES as readonly string[]).includes(v))
      throw new ExportParameterError('type', `type must be one of ${EVENT_TYPES.join(', ')}`);
    else if (name === 'aggregateId' && !isUuid(v))
      throw new ExportParameterError('aggregateId', 'aggregateId is not a valid id');
    else out[name] = v.trim();
  }
  return out;
}

/**
 * What the caller may see: a partner key's channels, and whether personal data and money are
 * shown. It travels in a background export's job data, so it is plain JSON.
 */
export interface ExportScope {
  channelIds?: readonly string[];
  customers: boolean;
  payments: boolean;
  /** Staff see every actor label; a partner key its own (`ownLabel`), "staff" and "partner" for others. Absent (a job queued before this existed): not staff. */
  staff?: boolean;
  ownLabel?: string;
}

/** A customer export without CUSTOMER_READ: refused wherever it is asked for (HTTP route, startExport, the job itself). */
export class ExportForbiddenError extends Error {
  constructor(readonly permission: string) {
    super(`Missing permission ${permission}`);
  }
}

const viewerOfScope = (scope: ExportScope): Viewer => ({
  staff: !!scope.staff,
  ownLabel: scope.ownLabel,
  customers: scope.customers,
  payments: scope.payments,
});

/** CSV columns of each kind, in order. Orders: one row per order line (see docs/integrations.md). */
export const CSV_COLUMNS: Record<ExportKind, string[]> = {
  products: ['sku', 'name', 'price', 'currency', 'allow_backorder', 'created_at', 'updated_at'],
  stock: ['sku', 'warehouse_code', 'on_hand', 'reserved', 'available', 'updated_at'],
  customers: ['email', 'name', 'created_at'],
  events: ['seq', 'id', 'type', 'aggregate_type', 'aggregate_id', 'channel', 'actor', 'occurred_at', 'payload'],
  orders: [
    'channel',
    'number',
    'external_id',
    'status',
    'status_before_hold',
    'hold_reason',
    'cancel_reason',
    'placed_at',
    'currency',
    'customer_email',
    'customer_name',
    'ship_name',
    'ship_line1',
    'ship_line2',
    'ship_city',
    'ship_postal_code',
    'ship_country',
    'shipping_amount',
    'note',
    'line_no',
    'sku',
    'name',
    'quantity',
    'unit_price',
    'tax_amount',
    'tax_rate',
    'quantity_shipped',
    'quantity_returned',
    'payments',
    'refunds',
    'shipments',
    'payment_status',
    'subtotal',
    'tax_total',
    'total',
    'paid',
    'refunded',
    'id',
  ],
};

type Row = Record<string, unknown>;
/** An event as in the `events` query: its payload and actor as the caller may read them (event-redaction.ts). */
const redactEvent = (r: Row, scope: ExportScope): Row => {
  const viewer = viewerOfScope(scope);
  return {
    ...r,
    actor: actorAsSeenBy(viewer, r.actor as string),
    payload: eventPayloadAsSeenBy(viewer, r.payload as Record<string, unknown>),
  };
};
/** Who recorded a payment or refund: staff e-mails to staff only. */
const redactPayments = (r: Row, scope: ExportScope): Row => {
  if (!scope.payments || scope.staff) return r;
  const viewer = viewerOfScope(scope);
  const by = (x: Row) => ({ ...x, recordedBy: actorAsSeenBy(viewer, x.recordedBy as string) });
  return { ...r, payments: (r.payments as Row[]).map(by), refunds: (r.refunds as Row[]).map(by) };
};
const redactCustomer = (r: Row, scope: ExportScope) =>
  scope.customers
    ? r
    : {
        ...r,
        customer_email: null,
        customer_name: null,
        ship_name: null,
        ship_line1: null,
        ship_line2: null,
        ship_city: null,
        ship_postal_code: null,
        ship_country: null,
      };

/** One row as a JSON line's object (orders nested). */
export function toJson(kind: ExportKind, row: Row, scope: ExportScope): Row {
  if (kind === 'products')
    return {
      sku: row.sku,
      name: row.name,
      price: row.price,
      currency: row.currency,
      allowBackorder: row.allow_backorder,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  if (kind === 'stock')
    return {
      sku: row.sku,
      warehouseCode: row.warehouse_code,
      onHand: row.on_hand,
      reserved: row.reserved,
      available: row.available,
      updatedAt: row.updated_at,
    };
  if (kind === 'customers') return { email: row.email, name: row.name, createdAt: row.created_at };
  if (kind === 'events') {
    const e = redactEvent(row, scope);
    return {
      seq: e.seq,
      id: e.id,
      type: e.type,
      aggregateType: e.aggregate_type,
      aggregateId: e.aggregate_id,
      channel: e.channel,
      actor: e.actor,
      occurredAt: e.occurred_at,
      payload: e.payload,
    };
  }
  const r = redactPayments(redactCustomer(row, scope), scope);
  return {
    id: r.id,
    number: r.number,
    channel: r.channel,
    externalId: r.external_id,
    status: r.status,
    statusBeforeHold: r.status_before_hold,
    holdReason: r.hold_reason,
    cancelReason: r.cancel_reason,
    placedAt: r.placed_at,
    currency: r.currency,
    paymentStatus: r.payment_status,
    subtotal: r.subtotal,
    shippingAmount: r.shipping_amount,
    taxTotal: r.tax_total,
    total: r.total,
    paid: r.paid,
    refunded: r.refunded,
    customer: scope.customers ? { email: r.customer_email, name: r.customer_name } : null,
    shippingAddress: scope.customers
      ? {
          name: r.ship_name,
          line1: r.ship_line1,
          line2: r.ship_line2,
          city: r.ship_city,
          postalCode: r.ship_postal_code,
          country: r.ship_country,
        }
      : null,
    note: r.note,
    lines: r.lines,
    payments: scope.payments ? r.payments : null,
    refunds: scope.payments ? r.refunds : null,
    shipments: r.shipments,
  };
}

/** One row as CSV records (arrays in CSV_COLUMNS order); an order gives one per line. */
export function toCsv(kind: ExportKind, row: Row, scope: ExportScope): unknown[][] {
  const cols = CSV_COLUMNS[kind];
  if (kind === 'events') {
    const e = redactEvent(row, scope);
    return [cols.map((c) => (c === 'payload' ? JSON.stringify(e.payload) : e[c]))];
  }
  if (kind !== 'orders') return [cols.map((c) => row[c])];
  const r = redactPayments(redactCustomer(row, scope), scope);
  const order: Row = {
    ...r,
    payments: scope.payments ? JSON.stringify(r.payments) : null,
    refunds: scope.payments ? JSON.stringify(r.refunds) : null,
    shipments: JSON.stringify(r.shipments),
  };
  return (r.lines as Row[]).map((l) =>
    cols.map((c) => {
      switch (c) {
        case 'line_no':
          return l.lineNo;
        case 'sku':
          return l.sku;
        case 'name':
          return l.name;
        case 'quantity':
          return l.quantity;
        case 'unit_price':
          return l.unitPrice;
        case 'tax_amount':
          return l.taxAmount;
        case 'tax_rate':
          return l.taxRate;
        case 'quantity_shipped':
          return l.quantityShipped;
        case 'quantity_returned':
          return l.quantityReturned;
        default:
          return order[c];
      }
    }),
  );
}
