/**
 * The automation rules' language without a server or database: what a rule may say (each mistake
 * refused at its field), how a condition is judged against an order's facts, and what each
 * built-in rule makes of an order.
 */
import 'reflect-metadata';
import { ErrorCode, UserError } from '../../src/common/errors';
import {
  BUILT_INS,
  checkCondition,
  customVerdict,
  normaliseTag,
  nulError,
  OrderFacts,
  ORDER_TRIGGERS,
  validateActions,
  validateConditions,
  validateTag,
  validateTrigger,
} from '../../src/modules/automation/rule-definitions';
import { RuleCondition } from '../../src/modules/automation/automation-rule.entity';
import { OrderStatus, PaymentStatus } from '../../src/modules/order/order-state';

const NOW = new Date('2026-06-01T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

function facts(more: Partial<OrderFacts> = {}): OrderFacts {
  return {
    id: 'o1',
    number: '1001',
    status: OrderStatus.PENDING,
    statusBeforeHold: null,
    paymentStatus: PaymentStatus.UNPAID,
    channel: 'WEB',
    total: 12000,
    paid: 0,
    currency: 'EUR',
    country: 'DE',
    skus: ['SKU-1', 'Gift-Card'],
    emailDomain: 'example.com',
    tags: ['vip'],
    placedAt: hoursAgo(5),
    confirmedAt: null,
    unallocated: 0,
    ...more,
  };
}

/** The fields (paths) of the errors, which is what a client shows them at. */
const fields = (errors: UserError[]) => errors.map((e) => e.field);
const P = ['input', 'conditions'];

describe('validation', () => {
  test('every error is INVALID_INPUT with a message naming the property', () => {
    const errors = validateConditions([{ field: 'total', op: 'gt', value: -1 }], P);
    expect(errors).toEqual([
      {
        code: ErrorCode.INVALID_INPUT,
        field: ['input', 'conditions', '0', 'value'],
        message: 'value: a whole number, 0 or more',
      },
    ]);
  });

  test('a trigger is "schedule" or an order event; stock events are not order triggers', () => {
    expect(validateTrigger('schedule', ['input', 'trigger'])).toEqual([]);
    for (const t of ['order.placed', 'payment.recorded', 'shipment.delivered', 'return.created', 'rule.notified'])
      expect(validateTrigger(t, ['t'])).toEqual([]);
    expect(ORDER_TRIGGERS).not.toContain('stock.adjusted');
    for (const t of ['stock.adjusted', 'order.nope', 42, null])
      expect(fields(validateTrigger(t, ['input', 'trigger']))).toEqual([['input', 'trigger']]);
  });

  test('valid conditions of every field pass', () => {
    const ok: RuleCondition[] = [
      { field: 'channel', op: 'in', value: ['WEB'] },
      { field: 'currency', op: 'notIn', value: ['USD'] },
      { field: 'country', op: 'in', value: ['DE', 'AT'] },
      { field: 'emailDomain', op: 'in', value: ['example.com'] },
      { field: 'paymentStatus', op: 'in', value: ['PAID'] },
      { field: 'status', op: 'notIn', value: ['ON_HOLD'] },
      { field: 'total', op: 'gte', value: 0 },
      { field: 'ageHours', op: 'lt', value: 48 },
      { field: 'sku', op: 'contains', value: 'SKU-1' },
      { field: 'tags', op: 'notContains', value: 'vip' },
    ];
    expect(validateConditions(ok, P)).toEqual([]);
  });

  test('conditions: each mistake at its field', () => {
    expect(fields(validateConditions('nope', P))).toEqual([P]);
    expect(fields(validateConditions(Array(21).fill({ field: 'total', op: 'gt', value: 1 }), P))).toEqual([P]);
    const bad: [unknown, string[]][] = [
      ['text', ['0']],
      [{ field: 'weight', op: 'gt', value: 1 }, ['0', 'field']],
      [{ field: 'total', op: 'in', value: [1] }, ['0', 'op']],
      [{ field: 'sku', op: 'eq', value: 'A' }, ['0', 'op']],
      [{ field: 'total', op: 'gt', value: 1.5 }, ['0', 'value']],
      [{ field: 'ageHours', op: 'gt', value: 2_147_483_648 }, ['0', 'value']],
      [{ field: 'sku', op: 'contains', value: '' }, ['0', 'value']],
      [{ field: 'tags', op: 'contains', value: 'x'.repeat(101) }, ['0', 'value']],
      [{ field: 'channel', op: 'in', value: [] }, ['0', 'value']],
      [{ field: 'channel', op: 'in', value: 'WEB' }, ['0', 'value']],
      [{ field: 'paymentStatus', op: 'in', value: ['SETTLED'] }, ['0', 'value']],
      [{ field: 'status', op: 'in', value: ['pending'] }, ['0', 'value']],
      [{ field: 'country', op: 'in', value: ['de'] }, ['0', 'value']],
      [{ field: 'currency', op: 'in', value: ['EURO'] }, ['0', 'value']],
    ];
    for (const [c, at] of bad)
      expect({ c, fields: fields(validateConditions([c], P)) }).toEqual({ c, fields: [[...P, ...at]] });
    // An unknown property is named, and the rest of the condition is still checked.
    expect(fields(validateConditions([{ field: 'total', op: 'gt', value: -1, note: 'x' }], P))).toEqual([
      [...P, '0', 'note'],
      [...P, '0', 'value'],
    ]);
    // Every condition is checked, each at its index.
    expect(
      fields(
        validateConditions(
          [
            { field: 'total', op: 'gt', value: 1 },
            { field: 'x', op: 'in', value: [] },
            { field: 'sku', op: 'in', value: 'A' },
          ],
          P,
        ),
      ),
    ).toEqual([
      [...P, '1', 'field'],
      [...P, '2', 'op'],
    ]);
  });

  test('actions: each mistake at its field', () => {
    const A = ['input', 'actions'];
    expect(
      validateActions(
        [
          { type: 'confirm' },
          { type: 'hold', reason: 'check' },
          { type: 'release' },
          { type: 'cancel' },
          { type: 'addTag', tag: 'VIP ' },
          { type: 'allocate' },
          { type: 'webhook', endpointId: '0b7c2a64-1c1e-4a53-9d27-4d3e7d6f6a10' },
        ],
        A,
      ),
    ).toEqual([]);
    expect(fields(validateActions({}, A))).toEqual([A]);
    expect(validateActions([], A).map((e) => e.message)).toEqual(['actions: at least one']);
    expect(validateActions(Array(11).fill({ type: 'confirm' }), A).map((e) => e.message)).toEqual([
      'actions: at most 10',
    ]);
    const bad: [unknown, string[]][] = [
      [null, ['0']],
      [{ type: 'ship' }, ['0', 'type']],
      [{ type: 'confirm', reason: 'x' }, ['0', 'reason']],
      [{ type: 'hold' }, ['0', 'reason']],
      [{ type: 'hold', reason: '   ' }, ['0', 'reason']],
      [{ type: 'cancel', reason: 'x'.repeat(1001) }, ['0', 'reason']],
      [{ type: 'notify' }, ['0', 'message']],
      [{ type: 'addTag', tag: '-late' }, ['0', 'tag']],
      [{ type: 'addTag' }, ['0', 'tag']],
      [{ type: 'webhook', endpointId: 'not-a-uuid' }, ['0', 'endpointId']],
    ];
    for (const [a, at] of bad)
      expect({ a, fields: fields(validateActions([a], A)) }).toEqual({ a, fields: [[...A, ...at]] });
  });

  test('tags are trimmed and lower-cased, then 1 to 40 letters, digits, - or _', () => {
    expect(normaliseTag('  Late-Order ')).toBe('late-order');
    for (const ok of ['a', 'VIP', 'b2b_partner', 'x'.repeat(40), ' spaced '])
      expect(validateTag(ok, ['t'])).toBeUndefined();
    for (const bad of ['', '_a', 'has space', 'x'.repeat(41), 7, 'ümlaut'])
      expect(validateTag(bad, ['t'])?.field).toEqual(['t']);
  });

  test('a NUL character anywhere in a value is found at its path', () => {
    expect(nulError({ a: ['ok', { b: 'x\u0000y' }] }, ['input', 'settings'])?.field).toEqual([
      'input',
      'settings',
      'a',
      '1',
      'b',
    ]);
    expect(nulError({ 'k\u0000': 1 }, ['input'])?.field).toEqual(['input']);
    expect(nulError({ a: ['fine', 3, null] }, ['input'])).toBeUndefined();
  });
});

describe('conditions against an order', () => {
  const check = (field: string, op: string, value: unknown, f = facts()) =>
    checkCondition({ field, op, value }, f, NOW);

  test('lists: in and notIn, ignoring case', () => {
    expect(check('channel', 'in', ['web', 'B2B'])).toEqual({ ok: true, why: 'channel WEB is in [web, B2B]' });
    expect(check('channel', 'notIn', ['WEB']).ok).toBe(false);
    expect(check('country', 'notIn', ['FR']).ok).toBe(true);
    expect(check('country', 'in', ['FR']).ok).toBe(false);
    expect(check('currency', 'in', ['USD']).ok).toBe(false);
    expect(check('emailDomain', 'in', ['EXAMPLE.com']).ok).toBe(true);
    expect(check('paymentStatus', 'in', ['UNPAID']).ok).toBe(true);
    expect(check('status', 'notIn', ['PENDING']).ok).toBe(false);
  });

  // The sentence follows whether the value is in the list, not whether the condition holds (the dry run and the log show it).
  test('the sentence of a list condition says whether the value is in the list, whatever the op', () => {
    expect(check('channel', 'notIn', ['WEB'])).toEqual({ ok: false, why: 'channel WEB is in [WEB]' });
    expect(check('country', 'notIn', ['FR'])).toEqual({ ok: true, why: 'country DE is not in [FR]' });
    expect(check('country', 'in', ['FR'])).toEqual({ ok: false, why: 'country DE is not in [FR]' });
    expect(customVerdict([{ field: 'country', op: 'in', value: ['FR'] }], [], facts(), NOW).reason).toBe(
      'country DE is not in [FR]',
    );
  });

  test('numbers: every comparison at, below and above the value', () => {
    const ops = ['eq', 'gt', 'gte', 'lt', 'lte'];
    const row = (value: number) => ops.map((op) => check('total', op, value).ok);
    expect(row(12000)).toEqual([true, false, true, false, true]);
    expect(row(11999)).toEqual([false, true, true, false, false]);
    expect(row(12001)).toEqual([false, false, false, true, true]);
    expect(check('total', 'gt', 100)).toEqual({ ok: true, why: 'total 12000 gt 100' });
    expect(check('total', 'lt', 100)).toEqual({ ok: false, why: 'total 12000 not lt 100' });
  });

  test('ageHours counts whole hours since the order was placed', () => {
    const f = facts({ placedAt: hoursAgo(47.9) });
    expect(check('ageHours', 'eq', 47, f)).toEqual({ ok: true, why: 'ageHours 47 eq 47' });
    expect(check('ageHours', 'gte', 48, f).ok).toBe(false);
  });

  test('sku and tags: whether one of them is the value, ignoring case', () => {
    expect(check('sku', 'contains', 'gift-card')).toEqual({ ok: true, why: 'the SKUs contain gift-card' });
    expect(check('sku', 'contains', 'SKU')).toEqual({ ok: false, why: 'the SKUs do not contain SKU' });
    expect(check('tags', 'notContains', 'VIP')).toEqual({ ok: false, why: 'the tags contain VIP' });
    expect(check('tags', 'notContains', 'late').ok).toBe(true);
  });

  test('an unknown field never holds', () => {
    expect(check('weight', 'gt', 1)).toEqual({ ok: false, why: 'unknown field weight' });
  });

  test('a custom rule matches when every condition holds, and says which did not', () => {
    const actions = [{ type: 'addTag', tag: 'big' }];
    const big = { field: 'total', op: 'gte', value: 10000 };
    const web = { field: 'channel', op: 'in', value: ['WEB'] };
    const fr = { field: 'country', op: 'in', value: ['FR'] };
    expect(customVerdict([big, web], actions, facts(), NOW)).toEqual({
      match: true,
      reason: 'total 12000 gte 10000; channel WEB is in [WEB]',
      actions,
    });
    expect(customVerdict([big, fr], actions, facts(), NOW)).toMatchObject({ match: false, actions: [] });
    expect(customVerdict([], actions, facts(), NOW)).toEqual({ match: true, reason: 'no conditions', actions });
  });
});

describe('built-in rules', () => {
  test('there are six, two of them on the schedule', () => {
    expect(Object.keys(BUILT_INS)).toEqual([
      'auto-confirm-paid',
      'hold-high-value',
      'cancel-unpaid',
      'allocate-backorders',
      'low-stock',
      'flag-late',
    ]);
    for (const [key, rule] of Object.entries(BUILT_INS)) expect(rule.key).toBe(key);
    expect(
      Object.values(BUILT_INS)
        .filter((r) => r.schedule)
        .map((r) => r.key),
    ).toEqual(['cancel-unpaid', 'flag-late']);
  });

  test('settings: valid ones pass; unknown, missing and out-of-range ones are named under input.settings', () => {
    const v = (key: string, settings: Record<string, unknown>) => fields(BUILT_INS[key].validate(settings));
    expect(v('auto-confirm-paid', {})).toEqual([]);
    expect(v('auto-confirm-paid', { threshold: 1 })).toEqual([['input', 'settings', 'threshold']]);
    expect(v('hold-high-value', { threshold: 100000, allowedCountries: [] })).toEqual([]);
    expect(v('hold-high-value', { threshold: 100000, allowedCountries: ['DE', 'AT'] })).toEqual([]);
    expect(v('hold-high-value', { threshold: 0, allowedCountries: ['de'] })).toEqual([
      ['input', 'settings', 'threshold'],
      ['input', 'settings', 'allowedCountries'],
    ]);
    expect(v('hold-high-value', { allowedCountries: [] })).toEqual([['input', 'settings', 'threshold']]);
    expect(v('cancel-unpaid', { afterHours: 24 })).toEqual([]);
    expect(v('cancel-unpaid', { afterHours: 24 * 365 + 1 })).toEqual([['input', 'settings', 'afterHours']]);
    expect(v('cancel-unpaid', { afterHours: 2.5 })).toEqual([['input', 'settings', 'afterHours']]);
    expect(v('allocate-backorders', {})).toEqual([]);
    expect(v('low-stock', { threshold: 0, perSku: { 'SKU-1': 10 } })).toEqual([]);
    expect(v('low-stock', { threshold: 5, perSku: { 'SKU-1': -1, 'SKU-2': 'ten' } })).toEqual([
      ['input', 'settings', 'perSku', 'SKU-1'],
      ['input', 'settings', 'perSku', 'SKU-2'],
    ]);
    expect(v('low-stock', { threshold: 5, perSku: [] })).toEqual([['input', 'settings', 'perSku']]);
    expect(v('flag-late', { slaHours: 48 })).toEqual([]);
    expect(v('flag-late', { slaHours: 0, extra: true })).toEqual([
      ['input', 'settings', 'extra'],
      ['input', 'settings', 'slaHours'],
    ]);
    expect(BUILT_INS['auto-confirm-paid'].validate({ x: 1 })[0].message).toBe(
      'x: not a setting of this rule (it has none)',
    );
  });

  const verdict = (key: string, f: OrderFacts, settings: Record<string, unknown> = {}) =>
    BUILT_INS[key].verdict!(f, settings, NOW);

  test('auto-confirm-paid confirms a PENDING order once it is fully paid', () => {
    expect(verdict('auto-confirm-paid', facts({ paid: 12000 }))).toEqual({
      match: true,
      reason: 'PENDING and fully paid',
      actions: [{ type: 'confirm' }],
    });
    expect(verdict('auto-confirm-paid', facts({ paid: 11999 })).match).toBe(false);
    expect(verdict('auto-confirm-paid', facts({ paid: 12000, status: OrderStatus.ON_HOLD }))).toMatchObject({
      match: false,
      reason: 'the order is ON_HOLD, not PENDING',
    });
  });

  test('hold-high-value holds at or above the threshold, or when the country is not allowed', () => {
    const s = { threshold: 12000, allowedCountries: [] };
    expect(verdict('hold-high-value', facts(), s)).toMatchObject({
      match: true,
      actions: [{ type: 'hold', reason: expect.stringMatching(/^Review: total .* is at or above /) }],
    });
    expect(verdict('hold-high-value', facts({ total: 11999 }), s).match).toBe(false);
    const countries = { threshold: 1_000_000, allowedCountries: ['AT'] };
    expect(verdict('hold-high-value', facts(), countries)).toMatchObject({
      match: true,
      reason: 'Review: shipping country DE is not in AT',
    });
    expect(verdict('hold-high-value', facts({ country: 'AT' }), countries).match).toBe(false);
  });

  test('cancel-unpaid cancels a PENDING order with nothing paid once it is old enough', () => {
    const s = { afterHours: 5 };
    expect(verdict('cancel-unpaid', facts(), s)).toEqual({
      match: true,
      reason: 'PENDING, unpaid, placed 5 h ago',
      actions: [{ type: 'cancel', reason: 'Unpaid after 5 hours' }],
    });
    expect(verdict('cancel-unpaid', facts(), { afterHours: 1 }).actions).toEqual([
      { type: 'cancel', reason: 'Unpaid after 1 hour' },
    ]);
    expect(verdict('cancel-unpaid', facts({ placedAt: hoursAgo(4.9) }), s)).toMatchObject({
      match: false,
      reason: 'placed 4 h ago, less than 5 h',
    });
    expect(verdict('cancel-unpaid', facts({ paid: 1 }), s)).toMatchObject({
      match: false,
      reason: 'something is paid',
    });
    expect(verdict('cancel-unpaid', facts({ status: OrderStatus.CONFIRMED }), s).match).toBe(false);
  });

  test('allocate-backorders allocates while units wait for stock and the order has not shipped', () => {
    expect(verdict('allocate-backorders', facts({ unallocated: 3 }))).toEqual({
      match: true,
      reason: '3 unit(s) waiting for stock',
      actions: [{ type: 'allocate' }],
    });
    expect(verdict('allocate-backorders', facts({ unallocated: 0 })).match).toBe(false);
    for (const status of [
      OrderStatus.PENDING,
      OrderStatus.ON_HOLD,
      OrderStatus.CONFIRMED,
      OrderStatus.PARTIALLY_SHIPPED,
    ]) {
      expect({ status, match: verdict('allocate-backorders', facts({ status, unallocated: 1 })).match }).toEqual({
        status,
        match: true,
      });
    }
    for (const status of [OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.CANCELLED, OrderStatus.RETURNED]) {
      expect({ status, match: verdict('allocate-backorders', facts({ status, unallocated: 1 })).match }).toEqual({
        status,
        match: false,
      });
    }
  });

  test('flag-late marks a confirmed order past its SLA once, counting from confirmation', () => {
    const s = { slaHours: 24 };
    const late = facts({ status: OrderStatus.CONFIRMED, placedAt: hoursAgo(100), confirmedAt: hoursAgo(30), tags: [] });
    expect(verdict('flag-late', late, s)).toEqual({
      match: true,
      reason: 'confirmed 30 h ago, past the 24 h SLA',
      actions: [{ type: 'markLate' }],
    });
    expect(verdict('flag-late', { ...late, confirmedAt: hoursAgo(2) }, s)).toMatchObject({
      match: false,
      reason: 'confirmed 2 h ago, within the 24 h SLA',
    });
    expect(verdict('flag-late', { ...late, confirmedAt: null }, s).match).toBe(true);
    expect(verdict('flag-late', { ...late, tags: ['late'] }, s)).toMatchObject({
      match: false,
      reason: 'already flagged late',
    });
    expect(verdict('flag-late', { ...late, status: OrderStatus.PARTIALLY_SHIPPED }, s).match).toBe(true);
    expect(verdict('flag-late', { ...late, status: OrderStatus.SHIPPED }, s).match).toBe(false);
  });
});
