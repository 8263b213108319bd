/**
 * The order state machine as a written-out table (no server, no database): for every position
 * (each status, and ON_HOLD by the status it was held from) and every action, whether it is
 * allowed and which status it moves the order to; that nextStatuses is derived from the same
 * rules; and that both agree with the status graph (ORDER_TRANSITIONS). test/order-state-machine.test.ts
 * checks the per-action rules (permissions, amounts, messages) and the table printed in the docs.
 */
import 'reflect-metadata';
import { DomainError, ErrorCode } from '../../src/common/errors';
import { StateMachine } from '../../src/common/state-machine';
import {
  ACTION_RULES,
  actionsAt,
  checkAllowed,
  isAllowedAt,
  nextStatuses,
  OrderAction,
  OrderFacts,
  OrderPosition,
  ORDER_PROCESS,
  positionOf,
  POSITIONS,
  refusal,
} from '../../src/modules/order/order-state-machine';
import {
  derivePaymentStatus,
  HOLDABLE,
  ORDER_TRANSITIONS,
  OrderStatus,
  PaymentStatus,
} from '../../src/modules/order/order-state';

const S = OrderStatus;
const A = OrderAction;
const ACTIONS = Object.values(OrderAction);
const STATUSES = Object.values(OrderStatus);

function at(position: OrderPosition): OrderFacts {
  const held = position.startsWith('ON_HOLD from ')
    ? (position.slice('ON_HOLD from '.length) as OrderStatus)
    : undefined;
  return {
    number: '1001',
    status: held ? S.ON_HOLD : (position as OrderStatus),
    statusBeforeHold: held ?? null,
    totalAmount: 2500,
    paidAmount: 0,
    refundedAmount: 0,
  };
}

/**
 * Every position × action. `x`: refused; `-`: allowed, the status stays; otherwise the statuses the
 * action moves the order to (more than one where it depends on the order, e.g. a shipment of some
 * or all units). Columns in the order of ACTIONS.
 */
const COLUMNS = [
  A.CONFIRM,
  A.HOLD,
  A.RELEASE_HOLD,
  A.CANCEL,
  A.RECORD_PAYMENT,
  A.REFUND,
  A.CREATE_SHIPMENT,
  A.MARK_DELIVERED,
  A.CREATE_RETURN,
  A.EDIT,
];
const TABLE: Record<OrderPosition, string[]> = {
  //                                CONFIRM      HOLD       RELEASE_HOLD         CANCEL       PAYMENT REFUND SHIPMENT                     DELIVERED    RETURN  EDIT
  PENDING: ['CONFIRMED', 'ON_HOLD', 'x', 'CANCELLED', '-', '-', 'x', 'x', 'x', '-'],
  'ON_HOLD from PENDING': ['x', 'x', 'PENDING', 'CANCELLED', '-', '-', 'x', 'x', 'x', '-'],
  'ON_HOLD from CONFIRMED': ['x', 'x', 'CONFIRMED', 'CANCELLED', '-', '-', 'x', 'x', 'x', '-'],
  // Held after a shipment: no cancel (units have left), no new shipment, but what is on its way is still delivered.
  'ON_HOLD from PARTIALLY_SHIPPED': ['x', 'x', 'PARTIALLY_SHIPPED', 'x', '-', '-', 'x', '-', 'x', 'x'],
  CONFIRMED: ['x', 'ON_HOLD', 'x', 'CANCELLED', '-', '-', 'PARTIALLY_SHIPPED,SHIPPED', 'x', 'x', '-'],
  PARTIALLY_SHIPPED: ['x', 'ON_HOLD', 'x', 'x', '-', '-', 'SHIPPED', '-', '-', 'x'],
  SHIPPED: ['x', 'x', 'x', 'x', '-', '-', 'x', 'DELIVERED', 'RETURNED', 'x'],
  DELIVERED: ['x', 'x', 'x', 'x', '-', '-', 'x', '-', 'RETURNED', 'x'],
  CANCELLED: ['x', 'x', 'x', 'x', 'x', '-', 'x', 'x', 'x', 'x'],
  RETURNED: ['x', 'x', 'x', 'x', 'x', '-', 'x', '-', 'x', 'x'],
};

/** Where the action can take the order from here: its rule's targets that the status graph allows from the order's status. */
const targets = (a: OrderAction, o: OrderFacts) =>
  ACTION_RULES[a].leadsTo(o).filter((s) => ORDER_TRANSITIONS[o.status].includes(s));

test('the table covers every position and every action', () => {
  expect(COLUMNS).toEqual(ACTIONS);
  expect(Object.keys(TABLE).sort()).toEqual([...POSITIONS].sort());
});

describe.each(POSITIONS)('%s', (position) => {
  const o = at(position);
  test.each(COLUMNS.map((a, i) => [a, TABLE[position][i]] as const))('%s: %s', (action, cell) => {
    if (cell === 'x') {
      expect(isAllowedAt(action, o)).toBe(false);
      // RECORD_PAYMENT has always answered CONFLICT; every other refusal is an invalid transition.
      const r = refusal(action, o);
      expect(r).toEqual({
        code: action === A.RECORD_PAYMENT ? ErrorCode.CONFLICT : ErrorCode.INVALID_TRANSITION,
        message: expect.stringContaining('Order 1001'),
      });
      expect(r!.message).toContain(o.status);
    } else {
      expect(isAllowedAt(action, o)).toBe(true);
      expect(refusal(action, o)).toBeUndefined();
      expect(targets(action, o)).toEqual(cell === '-' ? [] : cell.split(','));
    }
  });
});

test("nextStatuses is the union of the allowed actions' targets, in the order of the status graph", () => {
  for (const p of POSITIONS) {
    const o = at(p);
    const fromTable = new Set(
      COLUMNS.flatMap((a, i) => (['x', '-'].includes(TABLE[p][i]) ? [] : TABLE[p][i].split(','))),
    );
    expect({ p, next: nextStatuses(o) }).toEqual({
      p,
      next: ORDER_TRANSITIONS[o.status].filter((s) => fromTable.has(s)),
    });
    expect({ p, next: nextStatuses(o) }).toEqual({
      p,
      next: ORDER_TRANSITIONS[o.status].filter((s) => actionsAt(o).some((a) => ACTION_RULES[a].leadsTo(o).includes(s))),
    });
  }
});

test('every edge of the status graph is taken by some action from some position, and no action leaves the graph', () => {
  const edges = new Set(STATUSES.flatMap((from) => ORDER_TRANSITIONS[from].map((to) => `${from}->${to}`)));
  const taken = new Set(POSITIONS.flatMap((p) => nextStatuses(at(p)).map((to) => `${at(p).status}->${to}`)));
  expect(taken).toEqual(edges);
});

test('held after shipment: the hold goes back to PARTIALLY_SHIPPED, never to CANCELLED, and says why a cancel is refused', () => {
  const held = at('ON_HOLD from PARTIALLY_SHIPPED');
  expect(positionOf(held)).toBe('ON_HOLD from PARTIALLY_SHIPPED');
  expect(nextStatuses(held)).toEqual([S.PARTIALLY_SHIPPED]);
  expect(refusal(A.CANCEL, held)?.message).toBe(
    'Order 1001 cannot be cancelled from ON_HOLD: it was PARTIALLY_SHIPPED before the hold',
  );
  expect(refusal(A.CREATE_SHIPMENT, held)?.message).toBe(
    'Order 1001 is ON_HOLD; shipments can only be created when it is CONFIRMED or PARTIALLY_SHIPPED',
  );
  // Held before any shipment, the same order could still be cancelled.
  expect(nextStatuses(at('ON_HOLD from CONFIRMED'))).toEqual([S.CONFIRMED, S.CANCELLED]);
});

test('a hold is placed only from the HOLDABLE statuses and the held positions are exactly those', () => {
  expect(STATUSES.filter((s) => s !== S.ON_HOLD && isAllowedAt(A.HOLD, { status: s, statusBeforeHold: null }))).toEqual(
    HOLDABLE,
  );
  expect(POSITIONS.filter((p) => p.startsWith('ON_HOLD from '))).toEqual(HOLDABLE.map((s) => `ON_HOLD from ${s}`));
  for (const p of POSITIONS) expect(ORDER_PROCESS[p].includes(A.RELEASE_HOLD as never)).toBe(p.startsWith('ON_HOLD'));
});

test('checkAllowed throws the refusal as a userError at the given field, and nothing when the action is allowed', () => {
  expect(() => checkAllowed(A.CONFIRM, at(S.PENDING), ['input', 'orderId'])).not.toThrow();
  let thrown: unknown;
  try {
    checkAllowed(A.CONFIRM, at(S.SHIPPED), ['input', 'orderId']);
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(DomainError);
  expect((thrown as DomainError).userErrors).toEqual([
    {
      code: ErrorCode.INVALID_TRANSITION,
      message: 'Order 1001 cannot go from SHIPPED to CONFIRMED',
      field: ['input', 'orderId'],
    },
  ]);
});

test('the generic state machine over the status graph: allowed moves, next states and the final statuses', () => {
  const machine = new StateMachine(ORDER_TRANSITIONS);
  for (const from of STATUSES)
    for (const to of STATUSES) expect(machine.canTransition(from, to)).toBe(ORDER_TRANSITIONS[from].includes(to));
  expect(STATUSES.filter((s) => machine.isFinal(s))).toEqual([S.CANCELLED, S.RETURNED]);
  expect(machine.nextStates(S.PARTIALLY_SHIPPED)).toEqual([S.ON_HOLD, S.SHIPPED]);
});

test('the payment status is derived from total, paid and refunded', () => {
  const P = PaymentStatus;
  expect([
    derivePaymentStatus(1000, 0, 0),
    derivePaymentStatus(1000, 400, 0),
    derivePaymentStatus(1000, 1000, 0),
    derivePaymentStatus(1000, 1200, 0),
    derivePaymentStatus(1000, 1000, 300),
    derivePaymentStatus(1000, 1000, 1000),
    derivePaymentStatus(1000, 0, 500),
  ]).toEqual([P.UNPAID, P.PARTIALLY_PAID, P.PAID, P.PAID, P.PARTIALLY_REFUNDED, P.REFUNDED, P.UNPAID]);
});
