/**
 * The order rules as a table (no server, no database): every position's actions, what they lead
 * to, who may take them and what they need; and docs/order-lifecycle.md prints this very table.
 * Run with UPDATE_DOCS=1 to rewrite the generated part of the document after changing the rules.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { Permission, permissionsOf, Role } from '../src/modules/auth/permissions';
import {
  ACTION_RULES,
  allocationRefusal,
  availableActions,
  nextStatuses,
  OrderAction,
  OrderFacts,
  OrderPosition,
  ORDER_PROCESS,
  permittedActions,
  positionOf,
  POSITIONS,
  refusal,
  releaseTarget,
} from '../src/modules/order/order-state-machine';
import { HOLDABLE, ORDER_TRANSITIONS, OrderStatus } from '../src/modules/order/order-state';

const S = OrderStatus;
const A = OrderAction;
const ALL = Object.values(OrderAction);
const everything = () => true;

/** An order at `position` with the given money and counts (defaults: unpaid, nothing shipped). */
function at(position: OrderPosition | `${OrderPosition}`, more: Partial<OrderFacts> = {}): OrderFacts {
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
    ...more,
  };
}

/** The expected table, written out: what each position allows before permissions and amounts. */
const EXPECTED: Record<OrderPosition, OrderAction[]> = {
  PENDING: [A.CONFIRM, A.HOLD, A.CANCEL, A.RECORD_PAYMENT, A.REFUND, A.EDIT],
  'ON_HOLD from PENDING': [A.RELEASE_HOLD, A.CANCEL, A.RECORD_PAYMENT, A.REFUND, A.EDIT],
  'ON_HOLD from CONFIRMED': [A.RELEASE_HOLD, A.CANCEL, A.RECORD_PAYMENT, A.REFUND, A.EDIT],
  'ON_HOLD from PARTIALLY_SHIPPED': [A.RELEASE_HOLD, A.RECORD_PAYMENT, A.REFUND, A.MARK_DELIVERED],
  CONFIRMED: [A.HOLD, A.CANCEL, A.RECORD_PAYMENT, A.REFUND, A.CREATE_SHIPMENT, A.EDIT],
  PARTIALLY_SHIPPED: [A.HOLD, A.RECORD_PAYMENT, A.REFUND, A.CREATE_SHIPMENT, A.MARK_DELIVERED, A.CREATE_RETURN],
  SHIPPED: [A.RECORD_PAYMENT, A.REFUND, A.MARK_DELIVERED, A.CREATE_RETURN],
  DELIVERED: [A.RECORD_PAYMENT, A.REFUND, A.MARK_DELIVERED, A.CREATE_RETURN],
  CANCELLED: [A.REFUND],
  RETURNED: [A.REFUND, A.MARK_DELIVERED],
};

test('the positions are every status but ON_HOLD, plus ON_HOLD from each status a hold may be placed from', () => {
  const plain = Object.values(OrderStatus).filter((s) => s !== S.ON_HOLD);
  expect(new Set(POSITIONS)).toEqual(new Set([...plain, ...HOLDABLE.map((s) => `ON_HOLD from ${s}`)]));
  for (const p of POSITIONS) expect(positionOf(at(p))).toBe(p);
});

test('each position allows exactly the actions of the written-out table', () => {
  expect(Object.fromEntries(POSITIONS.map((p) => [p, [...ORDER_PROCESS[p]].sort()]))).toEqual(
    Object.fromEntries(Object.entries(EXPECTED).map(([p, list]) => [p, [...list].sort()])),
  );
});

test('a hold is allowed from exactly the HOLDABLE statuses, and a release goes back to the status before it', () => {
  expect(POSITIONS.filter((p) => (ORDER_PROCESS[p] as readonly OrderAction[]).includes(A.HOLD))).toEqual(HOLDABLE);
  for (const s of HOLDABLE) {
    const held = at(`ON_HOLD from ${s}` as OrderPosition);
    expect(releaseTarget(held)).toBe(s);
    expect(ACTION_RULES[A.RELEASE_HOLD].leadsTo(held)).toEqual([s]);
  }
  // A hold with no remembered status (none is written without one) is released to PENDING.
  expect(positionOf({ status: S.ON_HOLD, statusBeforeHold: null })).toBe('ON_HOLD from PENDING');
});

test('no cancel once a unit has shipped, even while held', () => {
  for (const p of [
    'PARTIALLY_SHIPPED',
    'ON_HOLD from PARTIALLY_SHIPPED',
    'SHIPPED',
    'DELIVERED',
    'RETURNED',
  ] as OrderPosition[]) {
    expect({ p, cancel: (ORDER_PROCESS[p] as readonly OrderAction[]).includes(A.CANCEL) }).toEqual({
      p,
      cancel: false,
    });
  }
  expect(refusal(A.CANCEL, at('ON_HOLD from PARTIALLY_SHIPPED'))).toEqual({
    code: 'INVALID_TRANSITION',
    message: 'Order 1001 cannot be cancelled from ON_HOLD: it was PARTIALLY_SHIPPED before the hold',
  });
  expect(refusal(A.CANCEL, at('ON_HOLD from CONFIRMED'))).toBeUndefined();
});

test('nextStatuses of every plain status is its row of the status graph; a held order may only go back or be cancelled', () => {
  for (const s of Object.values(OrderStatus).filter((x) => x !== S.ON_HOLD))
    expect({ s, next: nextStatuses(at(s as OrderPosition)) }).toEqual({ s, next: ORDER_TRANSITIONS[s] });
  expect(nextStatuses(at('ON_HOLD from PENDING'))).toEqual([S.PENDING, S.CANCELLED]);
  expect(nextStatuses(at('ON_HOLD from CONFIRMED'))).toEqual([S.CONFIRMED, S.CANCELLED]);
  expect(nextStatuses(at('ON_HOLD from PARTIALLY_SHIPPED'))).toEqual([S.PARTIALLY_SHIPPED]);
  // The graph's ON_HOLD row is no more than the held positions together.
  const held = new Set(HOLDABLE.flatMap((s) => nextStatuses(at(`ON_HOLD from ${s}` as OrderPosition))));
  expect(held).toEqual(new Set(ORDER_TRANSITIONS[S.ON_HOLD]));
});

test('every action refused somewhere says why with the codes the API has always used', () => {
  expect(refusal(A.CONFIRM, at('ON_HOLD from PENDING'))).toEqual({
    code: 'INVALID_TRANSITION',
    message: 'Order 1001 is ON_HOLD; release the hold first',
  });
  expect(refusal(A.CONFIRM, at('SHIPPED'))).toEqual({
    code: 'INVALID_TRANSITION',
    message: 'Order 1001 cannot go from SHIPPED to CONFIRMED',
  });
  expect(refusal(A.HOLD, at('SHIPPED'))?.message).toBe('Order 1001 cannot be put on hold from SHIPPED');
  expect(refusal(A.RELEASE_HOLD, at('PENDING'))?.message).toBe('Order 1001 is not on hold (it is PENDING)');
  expect(refusal(A.RECORD_PAYMENT, at('CANCELLED'))).toEqual({
    code: 'CONFLICT',
    message: 'Order 1001 is CANCELLED; it takes no more payments',
  });
  expect(refusal(A.CREATE_SHIPMENT, at('PENDING'))?.message).toBe(
    'Order 1001 is PENDING; shipments can only be created when it is CONFIRMED or PARTIALLY_SHIPPED',
  );
  expect(refusal(A.CREATE_RETURN, at('CONFIRMED'))?.message).toBe(
    'Order 1001 is CONFIRMED; only shipped units can be returned',
  );
  for (const p of POSITIONS)
    for (const a of ALL)
      expect(refusal(a, at(p)) === undefined).toBe((ORDER_PROCESS[p] as readonly OrderAction[]).includes(a));
});

test("automation's allocate (not an API action) is allowed while the order still waits to ship, held or not", () => {
  expect(POSITIONS.filter((p) => !allocationRefusal(at(p)))).toEqual([
    'PENDING',
    'ON_HOLD from PENDING',
    'ON_HOLD from CONFIRMED',
    'ON_HOLD from PARTIALLY_SHIPPED',
    'CONFIRMED',
    'PARTIALLY_SHIPPED',
  ]);
  expect(allocationRefusal(at('SHIPPED'))).toEqual({
    code: 'INVALID_TRANSITION',
    message: 'Order 1001 is SHIPPED: nothing to allocate',
  });
});

describe('availableActions', () => {
  test('needs something to act on: an amount due, money to refund, a shipment on its way, units to return', () => {
    expect(availableActions(at('PENDING'), everything)).toEqual([
      A.CONFIRM,
      A.HOLD,
      A.CANCEL,
      A.RECORD_PAYMENT,
      A.EDIT,
    ]);
    expect(availableActions(at('PENDING', { paidAmount: 2500 }), everything)).toEqual([
      A.CONFIRM,
      A.HOLD,
      A.CANCEL,
      A.REFUND,
      A.EDIT,
    ]);
    // The amount due is the total less what was paid; a refund does not make it due again.
    expect(availableActions(at('PENDING', { paidAmount: 2500, refundedAmount: 2500 }), everything)).toEqual([
      A.CONFIRM,
      A.HOLD,
      A.CANCEL,
      A.EDIT,
    ]);
    expect(availableActions(at('SHIPPED', { undeliveredShipments: 1, returnableUnits: 2 }), everything)).toEqual([
      A.RECORD_PAYMENT,
      A.MARK_DELIVERED,
      A.CREATE_RETURN,
    ]);
    expect(
      availableActions(at('DELIVERED', { undeliveredShipments: 0, returnableUnits: 0, paidAmount: 2500 }), everything),
    ).toEqual([A.REFUND]);
    expect(
      availableActions(
        at('ON_HOLD from PARTIALLY_SHIPPED', { undeliveredShipments: 1, returnableUnits: 1 }),
        everything,
      ),
    ).toEqual([A.RELEASE_HOLD, A.RECORD_PAYMENT, A.MARK_DELIVERED]);
  });

  test('only what the caller is permitted: a role or a partner key without the permission does not see the action', () => {
    const role = (r: Role) => (p: Permission) => permissionsOf(r).has(p);
    expect(availableActions(at('PENDING'), role(Role.SUPPORT))).toEqual([A.HOLD, A.CANCEL]);
    expect(availableActions(at('PENDING'), role(Role.VIEWER))).toEqual([]);
    expect(availableActions(at('CONFIRMED'), role(Role.FULFILLMENT))).toEqual([A.CREATE_SHIPMENT]);
    const key =
      (...ps: Permission[]) =>
      (p: Permission) =>
        ps.includes(p);
    expect(availableActions(at('PENDING'), key(Permission.ORDER_UPDATE, Permission.PAYMENT_RECORD))).toEqual([
      A.CONFIRM,
      A.RECORD_PAYMENT,
    ]);
  });

  test('cancelling an order with money on it also takes ORDER_CANCEL_PAID', () => {
    const paid = at('CONFIRMED', { paidAmount: 100 });
    expect(permittedActions(paid, (p) => p !== Permission.ORDER_CANCEL_PAID)).not.toContain(A.CANCEL);
    expect(permittedActions(paid, everything)).toContain(A.CANCEL);
    expect(
      permittedActions(
        at('CONFIRMED', { paidAmount: 100, refundedAmount: 100 }),
        (p) => p !== Permission.ORDER_CANCEL_PAID,
      ),
    ).toContain(A.CANCEL);
  });
});

/** The generated part of docs/order-lifecycle.md. */
function lifecycleTables(): string {
  const mark = (p: OrderPosition, a: OrderAction) =>
    (ORDER_PROCESS[p] as readonly OrderAction[]).includes(a) ? 'yes' : '·';
  const positions = [
    '| position | ' + ALL.join(' | ') + ' | nextStatuses |',
    '|' + ' --- |'.repeat(ALL.length + 2),
    ...POSITIONS.map(
      (p) => `| ${p} | ${ALL.map((a) => mark(p, a)).join(' | ')} | ${nextStatuses(at(p)).join(', ') || '(final)'} |`,
    ),
  ];
  const paid = at('PENDING', { paidAmount: 1 });
  const actions = [
    '| action | permission | also needs | leads to |',
    '| --- | --- | --- | --- |',
    ...ALL.map((a) => {
      const r = ACTION_RULES[a];
      const extra = r.alsoNeeds?.(paid);
      const needs =
        [r.needsInWords, extra ? `\`${extra}\` too when money is paid and not refunded` : undefined]
          .filter(Boolean)
          .join('; ') || '·';
      const leads =
        a === A.RELEASE_HOLD ? 'the status before the hold' : r.leadsTo(paid).join(' or ') || '(status unchanged)';
      return `| ${a} | \`${r.permission}\` | ${needs} | ${leads} |`;
    }),
  ];
  return [
    '<!-- generated by packages/server/test/order-state-machine.test.ts: start -->',
    ...positions,
    '',
    ...actions,
    '<!-- generated: end -->',
  ].join('\n');
}

test('docs/order-lifecycle.md prints these tables', () => {
  const file = path.resolve(__dirname, '../../../docs/order-lifecycle.md');
  const doc = fs.readFileSync(file, 'utf8');
  const start = doc.indexOf('<!-- generated by');
  const end = doc.indexOf('<!-- generated: end -->') + '<!-- generated: end -->'.length;
  if (process.env.UPDATE_DOCS) fs.writeFileSync(file, doc.slice(0, start) + lifecycleTables() + doc.slice(end));
  else expect(doc.slice(start, end)).toBe(lifecycleTables());
});
