/**
 * What a rule can say: the conditions over an order and the actions, their validation (each
 * mistake named at its field), their evaluation against an order's facts, and the built-in rules
 * with their settings and their own choice of target orders (so the engine and the scheduler
 * never compare rule keys).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode, UserError } from '../../common/errors';
import { formatMoney } from '../../common/money';
import { run } from '../../common/sql';
import { DomainEvent, EVENT_TYPES } from '../events';
import { OrderStatus, PaymentStatus } from '../order';
import {
  AutomationRule,
  RuleAction,
  RuleCondition,
  RuleExecution,
  RuleOutcomeKind,
  SCHEDULE,
} from './automation-rule.entity';
import {
  backorderedOrders,
  clearLowStock,
  lateOrders,
  markLowStock,
  stockLevel,
  stockLevelsOfOrder,
  unpaidOrders,
} from './automation.sql';
import { INT4_MAX, isUuid } from '../../common/limits';

/** What conditions look at: one order, read in the rule's transaction. */
export interface OrderFacts {
  id: string;
  number: string;
  status: OrderStatus;
  /** While ON_HOLD: the status it was held from (what it may still do depends on it). */
  statusBeforeHold: OrderStatus | null;
  paymentStatus: PaymentStatus;
  channel: string;
  total: number;
  paid: number;
  currency: string;
  country: string;
  skus: string[];
  emailDomain: string;
  tags: string[];
  placedAt: Date;
  /** When the order was last confirmed, if ever. */
  confirmedAt: Date | null;
  /** Units ordered but neither allocated to a warehouse nor shipped. */
  unallocated: number;
}

export const CONDITION_FIELDS = [
  'channel',
  'total',
  'currency',
  'country',
  'sku',
  'emailDomain',
  'paymentStatus',
  'status',
  'tags',
  'ageHours',
] as const;
export const ACTION_TYPES = [
  'confirm',
  'hold',
  'release',
  'cancel',
  'addTag',
  'allocate',
  'webhook',
  'notify',
] as const;
/** Event types a custom rule can react to: those about an order. */
export const ORDER_TRIGGERS = EVENT_TYPES.filter(
  (t) =>
    t.startsWith('order.') ||
    t.startsWith('payment.') ||
    t.startsWith('shipment.') ||
    t.startsWith('return.') ||
    t.startsWith('rule.'),
);

const LIST_OPS = ['in', 'notIn'];
const NUMBER_OPS = ['eq', 'gt', 'gte', 'lt', 'lte'];
const TEXT_OPS = ['contains', 'notContains'];
const OPS: Record<(typeof CONDITION_FIELDS)[number], string[]> = {
  channel: LIST_OPS,
  currency: LIST_OPS,
  country: LIST_OPS,
  emailDomain: LIST_OPS,
  paymentStatus: LIST_OPS,
  status: LIST_OPS,
  total: NUMBER_OPS,
  ageHours: NUMBER_OPS,
  sku: TEXT_OPS,
  tags: TEXT_OPS,
};
const TAG = /^[a-z0-9][a-z0-9_-]{0,39}$/;

const err = (path: (string | number)[], message: string) =>
  new UserError(ErrorCode.INVALID_INPUT, message, path.map(String));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringList = (v: unknown, max = 200): v is string[] =>
  Array.isArray(v) && v.length <= max && v.every((x) => typeof x === 'string' && x.length > 0 && x.length <= 200);

/** A userError at the first string (or object key) holding a NUL character, which PostgreSQL cannot store. */
export function nulError(value: unknown, path: (string | number)[]): UserError | undefined {
  if (typeof value === 'string')
    return value.includes('\u0000') ? err(path, 'must not contain NUL characters') : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const e = nulError(value[i], [...path, i]);
      if (e) return e;
    }
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      const e = k.includes('\u0000') ? err(path, 'must not contain NUL characters') : nulError(v, [...path, k]);
      if (e) return e;
    }
  }
  return undefined;
}

export function normaliseTag(tag: string): string {
  return tag.trim().toLowerCase();
}

export function validateTag(tag: unknown, path: (string | number)[]): UserError | undefined {
  if (typeof tag !== 'string' || !TAG.test(normaliseTag(tag)))
    return err(path, 'tag: 1 to 40 letters, digits, - or _, starting with a letter or digit');
  return undefined;
}

export function validateTrigger(trigger: unknown, path: (string | number)[]): UserError[] {
  if (trigger === SCHEDULE || (typeof trigger === 'string' && (ORDER_TRIGGERS as readonly string[]).includes(trigger)))
    return [];
  return [err(path, `trigger: must be "schedule" or an order event type (${ORDER_TRIGGERS.join(', ')})`)];
}

export function validateConditions(conditions: unknown, path: (string | number)[]): UserError[] {
  if (!Array.isArray(conditions)) return [err(path, 'conditions: must be a list')];
  if (conditions.length > 20) return [err(path, 'conditions: at most 20')];
  const errors: UserError[] = [];
  conditions.forEach((c, i) => {
    const at = [...path, i];
    if (!isObject(c)) return errors.push(err(at, 'must be an object { field, op, value }'));
    const extra = Object.keys(c).filter((k) => !['field', 'op', 'value'].includes(k));
    if (extra.length) errors.push(err([...at, extra[0]], `${extra[0]}: unknown property`));
    const field = c.field as (typeof CONDITION_FIELDS)[number];
    if (!CONDITION_FIELDS.includes(field))
      return errors.push(err([...at, 'field'], `field: one of ${CONDITION_FIELDS.join(', ')}`));
    if (!OPS[field].includes(c.op as string))
      return errors.push(err([...at, 'op'], `op: for ${field} one of ${OPS[field].join(', ')}`));
    const v = c.value;
    const bad = (m: string) => errors.push(err([...at, 'value'], `value: ${m}`));
    if (field === 'total' || field === 'ageHours') {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > INT4_MAX) bad('a whole number, 0 or more');
    } else if (field === 'sku' || field === 'tags') {
      if (typeof v !== 'string' || !v.length || v.length > 100) bad('a text of 1 to 100 characters');
    } else if (!isStringList(v) || !v.length) {
      bad('a non-empty list of texts');
    } else if (field === 'paymentStatus' && v.some((x) => !(x in PaymentStatus))) {
      bad(`payment statuses (${Object.keys(PaymentStatus).join(', ')})`);
    } else if (field === 'status' && v.some((x) => !(x in OrderStatus))) {
      bad(`order statuses (${Object.keys(OrderStatus).join(', ')})`);
    } else if ((field === 'country' || field === 'currency') && v.some((x) => !/^[A-Z]{2,3}$/.test(x))) {
      bad(field === 'country' ? 'ISO country codes in capitals, e.g. ["DE"]' : 'ISO currency codes, e.g. ["EUR"]');
    }
    return undefined;
  });
  return errors;
}

export function validateActions(actions: unknown, path: (string | number)[]): UserError[] {
  if (!Array.isArray(actions)) return [err(path, 'actions: must be a list')];
  if (!actions.length) return [err(path, 'actions: at least one')];
  if (actions.length > 10) return [err(path, 'actions: at most 10')];
  const errors: UserError[] = [];
  actions.forEach((a, i) => {
    const at = [...path, i];
    if (!isObject(a)) return errors.push(err(at, 'must be an object { type, ... }'));
    const type = a.type as (typeof ACTION_TYPES)[number];
    if (!ACTION_TYPES.includes(type))
      return errors.push(err([...at, 'type'], `type: one of ${ACTION_TYPES.join(', ')}`));
    const allowed: Record<string, string[]> = {
      hold: ['reason'],
      cancel: ['reason'],
      addTag: ['tag'],
      webhook: ['endpointId'],
      notify: ['message'],
    };
    const extra = Object.keys(a).filter((k) => k !== 'type' && !(allowed[type] ?? []).includes(k));
    if (extra.length) errors.push(err([...at, extra[0]], `${extra[0]}: not a property of ${type}`));
    const text = (k: string, required: boolean, max: number) => {
      const v = a[k];
      if (v == null && !required) return;
      if (typeof v !== 'string' || !v.trim() || v.length > max)
        errors.push(err([...at, k], `${k}: a text of 1 to ${max} characters`));
    };
    if (type === 'hold') text('reason', true, 1000);
    if (type === 'cancel') text('reason', false, 1000);
    if (type === 'notify') text('message', true, 1000);
    if (type === 'addTag') {
      const e = validateTag(a.tag, [...at, 'tag']);
      if (e) errors.push(e);
    }
    if (type === 'webhook' && (typeof a.endpointId !== 'string' || !isUuid(a.endpointId)))
      errors.push(err([...at, 'endpointId'], 'endpointId: the id of a webhook endpoint'));
    return undefined;
  });
  return errors;
}

/** Whether one condition holds, and a sentence for the log and the dry run. */
export function checkCondition(c: RuleCondition, f: OrderFacts, now: Date): { ok: boolean; why: string } {
  const list = (actual: string, values: string[]) => {
    const found = values.map((v) => v.toLowerCase()).includes(actual.toLowerCase());
    const ok = c.op === 'in' ? found : !found;
    return { ok, why: `${c.field} ${actual} ${found ? 'is' : 'is not'} in [${values.join(', ')}]` };
  };
  const num = (actual: number, label: string) => {
    const v = c.value as number;
    const ok =
      c.op === 'eq'
        ? actual === v
        : c.op === 'gt'
          ? actual > v
          : c.op === 'gte'
            ? actual >= v
            : c.op === 'lt'
              ? actual < v
              : actual <= v;
    return { ok, why: `${c.field} ${label} ${ok ? '' : 'not '}${c.op} ${v}` };
  };
  const text = (items: string[], label: string) => {
    const v = String(c.value).toLowerCase();
    const found = items.some((x) => x.toLowerCase() === v);
    const ok = c.op === 'contains' ? found : !found;
    return { ok, why: `${label} ${found ? 'contain' : 'do not contain'} ${c.value}` };
  };
  switch (c.field) {
    case 'channel':
      return list(f.channel, c.value as string[]);
    case 'currency':
      return list(f.currency, c.value as string[]);
    case 'country':
      return list(f.country, c.value as string[]);
    case 'emailDomain':
      return list(f.emailDomain, c.value as string[]);
    case 'paymentStatus':
      return list(f.paymentStatus, c.value as string[]);
    case 'status':
      return list(f.status, c.value as string[]);
    case 'total':
      return num(f.total, `${f.total}`);
    case 'ageHours':
      return num(
        Math.floor((now.getTime() - f.placedAt.getTime()) / 3_600_000),
        `${Math.floor((now.getTime() - f.placedAt.getTime()) / 3_600_000)}`,
      );
    case 'sku':
      return text(f.skus, 'the SKUs');
    case 'tags':
      return text(f.tags, 'the tags');
    default:
      return { ok: false, why: `unknown field ${c.field}` };
  }
}

/** What a built-in rule makes of an order: whether it applies, why (not), and its actions. */
export interface Verdict {
  match: boolean;
  reason: string;
  actions: RuleAction[];
}

export interface BuiltIn {
  key: string;
  /** Event types it reacts to (besides its stored trigger), or the schedule. */
  events: string[];
  schedule?: boolean;
  /** Settings refused with the field named, ['input', 'settings', <name>]. */
  validate(settings: Record<string, unknown>): UserError[];
  /** For order rules: the verdict on one order. */
  verdict?(f: OrderFacts, settings: Record<string, unknown>, now: Date): Verdict;
  /** Scheduled rules: the orders to judge as of `now`, oldest first (default: recent open orders not judged yet). */
  targets?(em: EntityManager, settings: Record<string, unknown>, now: Date): Promise<string[]>;
  /**
   * Event rules: the orders an event concerns, oldest first (default: the event's own order);
   * `untilSkipped`: stop at the first order the rule skips.
   */
  eventTargets?(em: EntityManager, event: DomainEvent): Promise<{ orderIds: string[]; untilSkipped?: boolean }>;
  /**
   * Rules that watch something else than orders: the whole run for one event, in one
   * transaction; `depth` is the depth of the events it writes (cause: { rule, depth }).
   */
  run?(em: EntityManager, rule: AutomationRule, event: DomainEvent, depth: number): Promise<void>;
}

const S = (name: string) => ['input', 'settings', name];
const wholeNumber = (settings: Record<string, unknown>, name: string, min: number, max: number): UserError[] => {
  const v = settings[name];
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
    ? []
    : [err(S(name), `${name}: a whole number from ${min} to ${max}`)];
};
const only = (settings: Record<string, unknown>, names: string[]): UserError[] =>
  Object.keys(settings)
    .filter((k) => !names.includes(k))
    .map((k) => err(S(k), `${k}: not a setting of this rule (it has ${names.length ? names.join(', ') : 'none'})`));

const hours = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 3_600_000;
const hoursBefore = (now: Date, n: number) => new Date(now.getTime() - n * 3_600_000);
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

/**
 * low-stock: for each stock level the event touched, stock.low when available drops below the
 * threshold and the level was not already low; recovering to the threshold re-arms it.
 */
async function lowStock(em: EntityManager, rule: AutomationRule, event: DomainEvent, depth: number): Promise<void> {
  const settings = rule.settings as { threshold: number; perSku: Record<string, number> };
  type Level = {
    id: string;
    sku: string;
    code: string;
    on_hand: number;
    reserved: number;
    available: number | string;
  };
  const levels = await run<Level>(
    em,
    event.aggregateType === 'stock' ? stockLevel(event.aggregateId) : stockLevelsOfOrder(event.aggregateId),
  );
  for (const level of levels) {
    const threshold = settings.perSku?.[level.sku] ?? settings.threshold;
    const available = Number(level.available);
    if (available >= threshold) {
      await run(em, clearLowStock(level.id));
      continue;
    }
    const [crossed] = await run(em, markLowStock(level.id, available, threshold));
    if (!crossed) continue;
    const cause = { rule: rule.key, depth };
    em.persist(
      new DomainEvent({
        type: 'stock.low',
        aggregateType: 'stock',
        aggregateId: level.id,
        actor: `rule:${rule.key}`,
        payload: {
          sku: level.sku,
          warehouseCode: level.code,
          onHand: level.on_hand,
          reserved: level.reserved,
          available,
          threshold,
          cause,
        },
      }),
    );
    em.persist(
      new RuleExecution({
        rule: em.getReference(AutomationRule, rule.id, { wrapped: true }),
        ruleKey: rule.key,
        aggregateId: level.id,
        eventId: event.id,
        dedupeKey: `${rule.id}:${event.id}:${level.id}`,
        outcome: RuleOutcomeKind.APPLIED,
        reason: `${level.sku} in ${level.code}: ${available} available, below ${threshold}`,
        actions: ['stock.low'],
      }),
    );
  }
}
const FINAL = [OrderStatus.CANCELLED, OrderStatus.RETURNED, OrderStatus.DELIVERED, OrderStatus.SHIPPED];

export const BUILT_INS: Record<string, BuiltIn> = {
  'auto-confirm-paid': {
    key: 'auto-confirm-paid',
    events: ['payment.recorded'],
    validate: (s) => only(s, []),
    verdict: (f) => {
      if (f.status !== OrderStatus.PENDING)
        return { match: false, reason: `the order is ${f.status}, not PENDING`, actions: [] };
      if (f.paid < f.total)
        return {
          match: false,
          reason: `not fully paid (${formatMoney(f.paid, f.currency)} of ${formatMoney(f.total, f.currency)})`,
          actions: [],
        };
      return { match: true, reason: 'PENDING and fully paid', actions: [{ type: 'confirm' }] };
    },
  },
  'hold-high-value': {
    key: 'hold-high-value',
    events: ['order.placed'],
    validate: (s) => {
      const errors = [...only(s, ['threshold', 'allowedCountries']), ...wholeNumber(s, 'threshold', 1, INT4_MAX)];
      const c = s.allowedCountries;
      if (!Array.isArray(c) || c.length > 300 || c.some((x) => typeof x !== 'string' || !/^[A-Z]{2}$/.test(x))) {
        errors.push(
          err(
            S('allowedCountries'),
            'allowedCountries: a list of ISO country codes in capitals, e.g. ["DE", "AT"] (empty: any country)',
          ),
        );
      }
      return errors;
    },
    verdict: (f, s: { threshold: number; allowedCountries: string[] }) => {
      const reasons: string[] = [];
      if (f.total >= s.threshold)
        reasons.push(
          `total ${formatMoney(f.total, f.currency)} is at or above ${formatMoney(s.threshold, f.currency)}`,
        );
      if (s.allowedCountries.length && !s.allowedCountries.includes(f.country))
        reasons.push(`shipping country ${f.country} is not in ${s.allowedCountries.join(', ')}`);
      if (!reasons.length)
        return {
          match: false,
          reason: `total below ${formatMoney(s.threshold, f.currency)} and country ${f.country} allowed`,
          actions: [],
        };
      const reason = `Review: ${reasons.join('; ')}`;
      return { match: true, reason, actions: [{ type: 'hold', reason }] };
    },
  },
  'cancel-unpaid': {
    key: 'cancel-unpaid',
    events: [],
    schedule: true,
    validate: (s) => [...only(s, ['afterHours']), ...wholeNumber(s, 'afterHours', 1, 24 * 365)],
    verdict: (f, s: { afterHours: number }, now) => {
      if (f.status !== OrderStatus.PENDING)
        return { match: false, reason: `the order is ${f.status}, not PENDING`, actions: [] };
      if (f.paid > 0) return { match: false, reason: 'something is paid', actions: [] };
      const age = hours(f.placedAt, now);
      if (age < s.afterHours)
        return { match: false, reason: `placed ${Math.floor(age)} h ago, less than ${s.afterHours} h`, actions: [] };
      const reason = `Unpaid after ${s.afterHours} hour${s.afterHours === 1 ? '' : 's'}`;
      return {
        match: true,
        reason: `PENDING, unpaid, placed ${Math.floor(age)} h ago`,
        actions: [{ type: 'cancel', reason }],
      };
    },
    targets: async (em, s: { afterHours: number }, now) =>
      ids(await run<{ id: string }>(em, unpaidOrders(hoursBefore(now, s.afterHours)))),
  },
  'allocate-backorders': {
    key: 'allocate-backorders',
    events: ['stock.adjusted'],
    validate: (s) => only(s, []),
    verdict: (f) => {
      if (FINAL.includes(f.status)) return { match: false, reason: `the order is ${f.status}`, actions: [] };
      if (f.unallocated <= 0) return { match: false, reason: 'every unit is allocated', actions: [] };
      return { match: true, reason: `${f.unallocated} unit(s) waiting for stock`, actions: [{ type: 'allocate' }] };
    },
    // Stock added: the orders waiting for the SKU, oldest first; no stock left for one, none for the younger ones either.
    eventTargets: async (em, event) => {
      if (!(Number(event.payload.delta) > 0)) return { orderIds: [] };
      return {
        orderIds: ids(await run<{ id: string }>(em, backorderedOrders(String(event.payload.sku)))),
        untilSkipped: true,
      };
    },
  },
  'low-stock': {
    key: 'low-stock',
    // Available stock drops when stock is adjusted and when orders reserve it; it recovers on cancellation too.
    events: ['stock.adjusted', 'order.placed', 'order.cancelled', 'order.stock_allocated', 'order.edited'],
    validate: (s) => {
      const errors = [...only(s, ['threshold', 'perSku']), ...wholeNumber(s, 'threshold', 0, 1_000_000)];
      const per = s.perSku;
      if (!isObject(per) || Object.keys(per).length > 5000)
        errors.push(err(S('perSku'), 'perSku: an object of SKU to threshold, e.g. {"SKU-1": 10}'));
      else {
        for (const [sku, n] of Object.entries(per)) {
          if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 1_000_000)
            errors.push(err([...S('perSku'), sku], `perSku.${sku}: a whole number from 0 to 1000000`));
        }
      }
      return errors;
    },
    run: lowStock,
  },
  'flag-late': {
    key: 'flag-late',
    events: [],
    schedule: true,
    validate: (s) => [...only(s, ['slaHours']), ...wholeNumber(s, 'slaHours', 1, 24 * 365)],
    verdict: (f, s: { slaHours: number }, now) => {
      if (f.status !== OrderStatus.CONFIRMED && f.status !== OrderStatus.PARTIALLY_SHIPPED)
        return { match: false, reason: `the order is ${f.status}, not CONFIRMED or PARTIALLY_SHIPPED`, actions: [] };
      if (f.tags.includes('late')) return { match: false, reason: 'already flagged late', actions: [] };
      const since = f.confirmedAt ?? f.placedAt;
      const age = hours(since, now);
      if (age < s.slaHours)
        return {
          match: false,
          reason: `confirmed ${Math.floor(age)} h ago, within the ${s.slaHours} h SLA`,
          actions: [],
        };
      return {
        match: true,
        reason: `confirmed ${Math.floor(age)} h ago, past the ${s.slaHours} h SLA`,
        actions: [{ type: 'markLate' }],
      };
    },
    targets: async (em, s: { slaHours: number }, now) =>
      ids(await run<{ id: string }>(em, lateOrders(hoursBefore(now, s.slaHours)))),
  },
};

/** The verdict of a custom rule: every condition must hold. */
export function customVerdict(conditions: RuleCondition[], actions: RuleAction[], f: OrderFacts, now: Date): Verdict {
  const checks = conditions.map((c) => checkCondition(c, f, now));
  const failed = checks.filter((c) => !c.ok);
  if (failed.length) return { match: false, reason: failed.map((c) => c.why).join('; '), actions: [] };
  return { match: true, reason: checks.length ? checks.map((c) => c.why).join('; ') : 'no conditions', actions };
}
