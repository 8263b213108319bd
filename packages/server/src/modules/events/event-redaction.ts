/**
 * What of an order's history and of the event stream a caller may see. History entries and
 * events are stored once, complete; they are rendered per reader here, so that one rule serves
 * the order history (HTTP and subscriptions), the `events` query, the events export and the
 * webhook payloads sent to a partner key's endpoints:
 *
 * - payment details (the method, the provider's reference, the amount and the refund reason in
 *   "Payment of 19.99 EUR by card (ch_…)") only with PAYMENT_READ; others read "Payment recorded";
 * - personal data (a customer's e-mail, name or address) only with CUSTOMER_READ;
 * - who did it: staff see every actor; a partner key sees its own label, "staff" for a staff
 *   user (whose label is their e-mail), "partner" for another key, and rules and the system as they are.
 */
import type { Actor } from '../../common/context';
import { Permission } from '../auth';

/** The reader a history entry or an event is rendered for. */
export interface Viewer {
  /** Staff (and the server itself) see every actor label. */
  staff: boolean;
  /** A partner key's own actor label, shown to it as is. */
  ownLabel?: string;
  customers: boolean;
  payments: boolean;
}

export const FULL_VIEW: Viewer = { staff: true, customers: true, payments: true };

export function viewerOf(actor: Actor | undefined): Viewer {
  if (!actor) return { staff: false, customers: false, payments: false };
  // A user who must change their password can do nothing else, and reads nothing anyway.
  const has = (p: Permission) => actor.permissions.has(p) && !actor.mustChangePassword;
  return {
    staff: actor.kind !== 'apiKey',
    ownLabel: actor.label,
    customers: has(Permission.CUSTOMER_READ),
    payments: has(Permission.PAYMENT_READ),
  };
}

/** The owner of a webhook endpoint: a partner key (its permissions) or staff (everything). */
export function viewerOfKey(key: { name: string; prefix: string; permissions: readonly string[] } | undefined): Viewer {
  if (!key) return FULL_VIEW;
  return {
    staff: false,
    ownLabel: `key:${key.name} (${key.prefix})`,
    customers: key.permissions.includes(Permission.CUSTOMER_READ),
    payments: key.permissions.includes(Permission.PAYMENT_READ),
  };
}

/** An actor label ("user:ada@example.com", "key:Shop (omsk_Ab12Cd34)", "rule:flag-late", "system") as `viewer` may see it. */
export function actorAsSeenBy(viewer: Viewer, label: string): string {
  if (viewer.staff || label === viewer.ownLabel) return label;
  if (label.startsWith('user:')) return 'staff';
  if (label.startsWith('key:')) return 'partner';
  return label;
}

/** History types (OrderEventType) whose message is a payment's details. */
const PAYMENT_MESSAGES: Record<string, string> = {
  PAYMENT_RECORDED: 'Payment recorded',
  PAYMENT_REFUNDED: 'Refund recorded',
};

/** A history entry's message as `viewer` may read it. */
export function historyMessageAsSeenBy(
  viewer: Viewer,
  historyType: string,
  message: string | null | undefined,
): string | null {
  if (message == null) return null;
  if (!viewer.payments && PAYMENT_MESSAGES[historyType]) return PAYMENT_MESSAGES[historyType];
  return message;
}

/**
 * Payload members that would be personal data (no event's payload carries them; kept out should
 * one ever do), and the members of a resource (an order event's order) that are: its customer and
 * shipping address.
 */
const PERSONAL = ['customer', 'customerEmail', 'customerName', 'email', 'shippingAddress', 'billingAddress', 'address'];
/** Payload members that would be payment details. */
const PAYMENT = ['payments', 'refunds', 'method', 'reference', 'refundReason'];

/** An event's payload as `viewer` may read it. */
export function eventPayloadAsSeenBy(viewer: Viewer, payload: Record<string, unknown>): Record<string, unknown> {
  if (viewer.customers && viewer.payments) return payload;
  const out: Record<string, unknown> = { ...payload };
  if (!viewer.customers) for (const k of PERSONAL) if (k in out) out[k] = null;
  if (!viewer.payments) {
    for (const k of PAYMENT) if (k in out) out[k] = null;
    if (typeof out.historyType === 'string' && 'message' in out)
      out.message = historyMessageAsSeenBy(viewer, out.historyType, out.message as string | null);
  }
  return out;
}

/**
 * An event's resource (the order an order event carries, modules/order/order-resource.ts) as
 * `viewer` may read it: without CUSTOMER_READ its customer and addresses are null. Payment
 * details are not part of a resource (its totals are, as the `order` query shows them to anyone).
 */
export function resourceAsSeenBy(viewer: Viewer, resource: Record<string, unknown>): Record<string, unknown> {
  if (viewer.customers) return resource;
  const out: Record<string, unknown> = { ...resource };
  for (const k of PERSONAL) if (k in out) out[k] = null;
  return out;
}

/** A webhook body's `data`: the event's payload as the endpoint's owner may read it. */
export function webhookData(owner: Viewer, event: { payload: Record<string, unknown> }): Record<string, unknown> {
  return eventPayloadAsSeenBy(owner, event.payload);
}
