/** What the rule forms offer: triggers, condition fields with their operators, action types. Mirrors the server's rule definitions. */

export const TRIGGERS = [
  'order.placed',
  'order.status_changed',
  'order.cancelled',
  'order.note_added',
  'order.tag_added',
  'order.tag_removed',
  'order.stock_allocated',
  'order.late',
  'payment.recorded',
  'payment.refunded',
  'shipment.created',
  'shipment.delivered',
  'return.created',
  'rule.notified',
  'rule.webhook',
  'schedule',
];

export type FieldKind = 'list' | 'number' | 'text';

export const CONDITION_FIELDS: { value: string; label: string; kind: FieldKind; hint?: string }[] = [
  { value: 'channel', label: 'Channel', kind: 'list', hint: 'channel codes' },
  { value: 'total', label: 'Total (minor units)', kind: 'number' },
  { value: 'currency', label: 'Currency', kind: 'list', hint: 'e.g. EUR' },
  { value: 'country', label: 'Shipping country', kind: 'list', hint: 'e.g. DE' },
  { value: 'sku', label: 'SKU', kind: 'text' },
  { value: 'emailDomain', label: 'Customer e-mail domain', kind: 'list', hint: 'e.g. example.com' },
  { value: 'paymentStatus', label: 'Payment status', kind: 'list', hint: 'UNPAID, PARTIALLY_PAID, PAID, …' },
  { value: 'status', label: 'Order status', kind: 'list', hint: 'PENDING, CONFIRMED, …' },
  { value: 'tags', label: 'Tags', kind: 'text' },
  { value: 'ageHours', label: 'Age (hours since placed)', kind: 'number' },
];

export const OPS: Record<FieldKind, { value: string; label: string }[]> = {
  list: [
    { value: 'in', label: 'is one of' },
    { value: 'notIn', label: 'is not one of' },
  ],
  number: [
    { value: 'gte', label: '≥' },
    { value: 'gt', label: '>' },
    { value: 'lte', label: '≤' },
    { value: 'lt', label: '<' },
    { value: 'eq', label: '=' },
  ],
  text: [
    { value: 'contains', label: 'contains' },
    { value: 'notContains', label: 'does not contain' },
  ],
};

export const ACTIONS: { value: string; label: string; param?: { name: string; label: string } }[] = [
  { value: 'confirm', label: 'Confirm' },
  { value: 'hold', label: 'Hold', param: { name: 'reason', label: 'Reason' } },
  { value: 'release', label: 'Release hold' },
  { value: 'cancel', label: 'Cancel (releases stock)', param: { name: 'reason', label: 'Reason' } },
  { value: 'addTag', label: 'Add tag', param: { name: 'tag', label: 'Tag' } },
  { value: 'allocate', label: 'Allocate stock' },
  { value: 'webhook', label: 'Send webhook', param: { name: 'endpointId', label: 'Webhook endpoint id' } },
  { value: 'notify', label: 'Notify', param: { name: 'message', label: 'Message' } },
];

export interface ConditionRow {
  field: string;
  op: string;
  value: string | number | string[];
}
export interface ActionRow {
  type: string;
  param: string;
}

export function kindOf(field: string): FieldKind {
  return CONDITION_FIELDS.find((f) => f.value === field)?.kind ?? 'text';
}

export function toConditionRows(value: unknown): ConditionRow[] {
  return Array.isArray(value)
    ? value.map((c: { field?: unknown; op?: unknown; value?: unknown }) => ({
        field: String(c.field),
        op: String(c.op),
        value: c.value as ConditionRow['value'],
      }))
    : [];
}

export function toActionRows(value: unknown): ActionRow[] {
  return Array.isArray(value)
    ? value.map((a: { type?: unknown; reason?: unknown; tag?: unknown; endpointId?: unknown; message?: unknown }) => ({
        type: String(a.type),
        param: String(a.reason ?? a.tag ?? a.endpointId ?? a.message ?? ''),
      }))
    : [];
}

export function fromActionRows(rows: ActionRow[]): Record<string, string>[] {
  return rows.map((r) => {
    const param = ACTIONS.find((a) => a.value === r.type)?.param;
    return param && r.param ? { type: r.type, [param.name]: r.param } : { type: r.type };
  });
}

/** A one-line summary of a custom rule, for the list. */
export function summarise(conditions: unknown, actions: unknown): string {
  const when = toConditionRows(conditions)
    .map((c) => `${c.field} ${c.op} ${Array.isArray(c.value) ? c.value.join(', ') : c.value}`)
    .join(' and ');
  const then = toActionRows(actions)
    .map((a) => (a.param ? `${a.type} (${a.param})` : a.type))
    .join(', then ');
  return `${when ? `if ${when}: ` : ''}${then}`;
}
