/**
 * What can happen to an order, in one place and as data (after Vendure's order process): the
 * actions, the positions each is allowed from, the statuses it leads to, the permission it takes
 * and what the order must hold for it to have anything to act on. Everyone asks these rules:
 * the services before they act (`checkAllowed`), `Order.availableActions` and
 * `Order.nextStatuses`, the automation engine's dry run, and through availableActions the admin's
 * buttons. docs/order-lifecycle.md prints this table (test/order-state-machine.test.ts keeps the
 * two equal).
 *
 * A position is the status, except that a held order also remembers the status it was held from:
 * "ON_HOLD from PARTIALLY_SHIPPED" has shipped units, so it cannot be cancelled, and its release
 * goes back to PARTIALLY_SHIPPED.
 */
import { registerEnumType } from 'type-graphql';
import { ErrorCode, fail } from '../../common/errors';
import { Permission } from '../auth';
import { OPEN_STATUSES, ORDER_TRANSITIONS, OrderStatus } from './order-state';

export enum OrderAction {
  CONFIRM = 'CONFIRM',
  HOLD = 'HOLD',
  RELEASE_HOLD = 'RELEASE_HOLD',
  CANCEL = 'CANCEL',
  RECORD_PAYMENT = 'RECORD_PAYMENT',
  REFUND = 'REFUND',
  CREATE_SHIPMENT = 'CREATE_SHIPMENT',
  MARK_DELIVERED = 'MARK_DELIVERED',
  CREATE_RETURN = 'CREATE_RETURN',
  EDIT = 'EDIT',
}
registerEnumType(OrderAction, {
  name: 'OrderAction',
  description: 'Something that can be done to an order (see Order.availableActions).',
  valuesConfig: {
    CONFIRM: { description: 'confirmOrder' },
    HOLD: { description: 'holdOrder' },
    RELEASE_HOLD: { description: 'releaseOrderHold: back to the status before the hold' },
    CANCEL: { description: 'cancelOrder' },
    RECORD_PAYMENT: { description: 'recordPayment' },
    REFUND: { description: 'refundPayment' },
    CREATE_SHIPMENT: { description: 'createShipment' },
    MARK_DELIVERED: { description: 'markShipmentDelivered (of a shipment not yet delivered)' },
    CREATE_RETURN: { description: 'createReturn' },
    EDIT: { description: 'editOrder: lines, shipping charge and address, while nothing has shipped' },
  },
});

const S = OrderStatus;
const A = OrderAction;
/** Money can be recorded and given back in every position where the order is alive. */
const MONEY = [A.RECORD_PAYMENT, A.REFUND];

/** The actions each position allows, before permissions and amounts (`needs` below). */
export const ORDER_PROCESS = {
  [S.PENDING]: [A.CONFIRM, A.HOLD, A.CANCEL, ...MONEY, A.EDIT],
  'ON_HOLD from PENDING': [A.RELEASE_HOLD, A.CANCEL, ...MONEY, A.EDIT],
  'ON_HOLD from CONFIRMED': [A.RELEASE_HOLD, A.CANCEL, ...MONEY, A.EDIT],
  // Units already shipped cannot be un-shipped: no cancel, even while held; those on their way are still delivered.
  'ON_HOLD from PARTIALLY_SHIPPED': [A.RELEASE_HOLD, ...MONEY, A.MARK_DELIVERED],
  [S.CONFIRMED]: [A.HOLD, A.CANCEL, ...MONEY, A.CREATE_SHIPMENT, A.EDIT],
  [S.PARTIALLY_SHIPPED]: [A.HOLD, ...MONEY, A.CREATE_SHIPMENT, A.MARK_DELIVERED, A.CREATE_RETURN],
  [S.SHIPPED]: [...MONEY, A.MARK_DELIVERED, A.CREATE_RETURN],
  [S.DELIVERED]: [...MONEY, A.MARK_DELIVERED, A.CREATE_RETURN],
  // Final: what was paid can still be given back; a RETURNED order may still have a shipment to mark delivered.
  [S.CANCELLED]: [A.REFUND],
  [S.RETURNED]: [A.REFUND, A.MARK_DELIVERED],
} as const satisfies Record<string, readonly OrderAction[]>;

export type OrderPosition = keyof typeof ORDER_PROCESS;
export const POSITIONS = Object.keys(ORDER_PROCESS) as OrderPosition[];

/** What the rules look at. An Order entity has all of it but the two counts, which are loaded only when asked. */
export interface OrderFacts {
  number: string;
  status: OrderStatus;
  statusBeforeHold?: OrderStatus | null;
  totalAmount: number;
  paidAmount: number;
  refundedAmount: number;
  /** Shipments not yet delivered (for MARK_DELIVERED). */
  undeliveredShipments?: number;
  /** Units shipped and not yet returned (for CREATE_RETURN). */
  returnableUnits?: number;
}

/** What a refusal names: the order and where it is. */
type Where = Pick<OrderFacts, 'number' | 'status' | 'statusBeforeHold'>;

interface ActionRule {
  permission: Permission;
  /** A second permission some orders need, e.g. cancelling one with money on it. */
  alsoNeeds?: (o: OrderFacts) => Permission | undefined;
  /** Statuses the action can move the order to (staying where it is aside). */
  leadsTo: (o: OrderFacts) => readonly OrderStatus[];
  /** What the order must hold besides its position; the service checks the amounts of the input itself. */
  needs?: (o: OrderFacts) => boolean;
  /** `needs` in words, for docs/order-lifecycle.md. */
  needsInWords?: string;
  /** The refusal where the position does not allow the action: the codes and messages the API has always given. */
  refused: (o: Where) => { code: ErrorCode; message: string };
}

const transition = (message: string) => ({ code: ErrorCode.INVALID_TRANSITION, message });
const plain = (a: OrderAction) =>
  POSITIONS.filter((p) => !p.startsWith('ON_HOLD') && (ORDER_PROCESS[p] as readonly OrderAction[]).includes(a));

export const ACTION_RULES: Record<OrderAction, ActionRule> = {
  [A.CONFIRM]: {
    permission: Permission.ORDER_UPDATE,
    leadsTo: () => [S.CONFIRMED],
    // A hold is left by releasing it (back to where it was) or cancelling, never by confirming past it.
    refused: (o) =>
      transition(
        o.status === S.ON_HOLD
          ? `Order ${o.number} is ON_HOLD; release the hold first`
          : `Order ${o.number} cannot go from ${o.status} to CONFIRMED`,
      ),
  },
  [A.HOLD]: {
    permission: Permission.ORDER_HOLD,
    leadsTo: () => [S.ON_HOLD],
    refused: (o) => transition(`Order ${o.number} cannot be put on hold from ${o.status}`),
  },
  [A.RELEASE_HOLD]: {
    permission: Permission.ORDER_HOLD,
    leadsTo: (o) => [releaseTarget(o)],
    refused: (o) => transition(`Order ${o.number} is not on hold (it is ${o.status})`),
  },
  [A.CANCEL]: {
    permission: Permission.ORDER_CANCEL,
    alsoNeeds: (o) => (o.paidAmount - o.refundedAmount > 0 ? Permission.ORDER_CANCEL_PAID : undefined),
    leadsTo: () => [S.CANCELLED],
    refused: (o) =>
      transition(
        o.status === S.ON_HOLD
          ? `Order ${o.number} cannot be cancelled from ON_HOLD: it was ${o.statusBeforeHold} before the hold`
          : `Order ${o.number} cannot be cancelled from ${o.status}`,
      ),
  },
  [A.RECORD_PAYMENT]: {
    permission: Permission.PAYMENT_RECORD,
    leadsTo: () => [],
    needs: (o) => o.totalAmount - o.paidAmount > 0,
    needsInWords: 'an amount due',
    refused: (o) => ({
      code: ErrorCode.CONFLICT,
      message: `Order ${o.number} is ${o.status}; it takes no more payments`,
    }),
  },
  [A.REFUND]: {
    permission: Permission.PAYMENT_REFUND,
    leadsTo: () => [],
    needs: (o) => o.paidAmount - o.refundedAmount > 0,
    needsInWords: 'money paid and not yet refunded',
    refused: (o) => transition(`Order ${o.number} is ${o.status}; it takes no refunds`),
  },
  [A.CREATE_SHIPMENT]: {
    permission: Permission.SHIPMENT_CREATE,
    leadsTo: () => [S.PARTIALLY_SHIPPED, S.SHIPPED],
    refused: (o) =>
      transition(
        `Order ${o.number} is ${o.status}; shipments can only be created when it is ${plain(A.CREATE_SHIPMENT).join(' or ')}`,
      ),
  },
  [A.MARK_DELIVERED]: {
    permission: Permission.SHIPMENT_UPDATE,
    // The order is DELIVERED when it is SHIPPED and this was its last shipment on the way.
    leadsTo: () => [S.DELIVERED],
    needs: (o) => (o.undeliveredShipments ?? 0) > 0,
    needsInWords: 'a shipment not yet delivered',
    refused: (o) => transition(`Order ${o.number} is ${o.status}; it has no shipments to deliver`),
  },
  [A.CREATE_RETURN]: {
    permission: Permission.RETURN_CREATE,
    // RETURNED when every unit ordered was shipped and has come back.
    leadsTo: () => [S.RETURNED],
    needs: (o) => (o.returnableUnits ?? 0) > 0,
    needsInWords: 'units shipped and not yet returned',
    refused: (o) => transition(`Order ${o.number} is ${o.status}; only shipped units can be returned`),
  },
  [A.EDIT]: {
    permission: Permission.ORDER_EDIT,
    // Lines, address and shipping charge change; the status stays.
    leadsTo: () => [],
    refused: (o) =>
      transition(
        o.status === S.ON_HOLD
          ? `Order ${o.number} is ON_HOLD after a shipment; only orders with nothing shipped can be edited`
          : `Order ${o.number} is ${o.status}; only orders with nothing shipped (${plain(A.EDIT).join(', ')}, or ON_HOLD before a shipment) can be edited`,
      ),
  },
};

/**
 * Stock allocation of units still waiting for stock: the automation engine's `allocate` action,
 * not an API mutation (so not an OrderAction), allowed while the order still waits to ship.
 */
export const ALLOCATABLE: readonly OrderStatus[] = OPEN_STATUSES;

export function allocationRefusal(o: Where): { code: ErrorCode; message: string } | undefined {
  return ALLOCATABLE.includes(o.status)
    ? undefined
    : transition(`Order ${o.number} is ${o.status}: nothing to allocate`);
}

/** Where the order is, for the rules: its status, or for a held order, the status it was held from too. */
export function positionOf(o: Pick<OrderFacts, 'status' | 'statusBeforeHold'>): OrderPosition {
  if (o.status !== S.ON_HOLD) return o.status as OrderPosition;
  // A hold with no remembered status is released to PENDING, so it is treated as held from PENDING.
  return `ON_HOLD from ${o.statusBeforeHold ?? S.PENDING}` as OrderPosition;
}

/** The status a release of the hold returns to. */
export function releaseTarget(o: Pick<OrderFacts, 'statusBeforeHold'>): OrderStatus {
  return o.statusBeforeHold ?? S.PENDING;
}

/** The actions the order's position allows, regardless of who asks and of amounts. */
export function actionsAt(o: Pick<OrderFacts, 'status' | 'statusBeforeHold'>): readonly OrderAction[] {
  return ORDER_PROCESS[positionOf(o)] ?? [];
}

export function isAllowedAt(action: OrderAction, o: Pick<OrderFacts, 'status' | 'statusBeforeHold'>): boolean {
  return actionsAt(o).includes(action);
}

/** The refusal (code and message) if the order's position does not allow the action. */
export function refusal(action: OrderAction, o: Where): { code: ErrorCode; message: string } | undefined {
  return isAllowedAt(action, o) ? undefined : ACTION_RULES[action].refused(o);
}

/** Refuses the action with its userError at `field` (the caller's transaction rolls back) unless the position allows it. */
export function checkAllowed(action: OrderAction, o: Where, field: string[]): void {
  const r = refusal(action, o);
  if (r) fail(r.code, r.message, field);
}

/** The statuses the order can move to next, in the order of the status graph. */
export function nextStatuses(o: Pick<OrderFacts, 'status' | 'statusBeforeHold'>): OrderStatus[] {
  const reachable = new Set(actionsAt(o).flatMap((a) => ACTION_RULES[a].leadsTo(o as OrderFacts)));
  return ORDER_TRANSITIONS[o.status].filter((s) => reachable.has(s));
}

/** The actions allowed here that the caller has the permission for (the amounts not yet looked at). */
export function permittedActions(o: OrderFacts, can: (p: Permission) => boolean): OrderAction[] {
  return actionsAt(o).filter((a) => {
    const rule = ACTION_RULES[a];
    const extra = rule.alsoNeeds?.(o);
    return can(rule.permission) && (!extra || can(extra));
  });
}

/**
 * What the caller can do to the order now: allowed here, permitted, and with something to act on.
 * `undeliveredShipments` and `returnableUnits` must be given when MARK_DELIVERED or CREATE_RETURN
 * is among the permittedActions (undefined counts as none).
 */
export function availableActions(o: OrderFacts, can: (p: Permission) => boolean): OrderAction[] {
  const permitted = new Set(permittedActions(o, can));
  return Object.values(OrderAction).filter((a) => permitted.has(a) && (ACTION_RULES[a].needs?.(o) ?? true));
}
