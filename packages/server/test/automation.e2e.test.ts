/**
 * Automation rules through the real server: each built-in rule end to end (real mutations, the
 * event dispatcher and the automation job queue, polling for the outcome), scheduled rules with
 * an injected clock, dry runs that change nothing, rule order, loop protection, custom rules with
 * a webhook action, and refused settings.
 */
import { parse, print } from 'graphql';
import fs from 'node:fs';
import path from 'node:path';
import { adjustStock, createCatalog, placeOrder } from './builders';
import { startTestServer, TestServer } from './harness';
import { AutomationRule, Mutation, operation, Query, Select } from './support/select';
import { orderSnapshot, recordPayment, confirmOrder } from './order-helpers';
import { createEndpoint, startReceiver } from './webhook-helpers';

let t: TestServer;
beforeAll(async () => {
  // webhookAllowPrivateAddresses: the webhook action's endpoint (staff's) is a receiver on 127.0.0.1.
  t = await startTestServer({
    config: {
      jobPollSeconds: 1,
      eventDispatchPollSeconds: 1,
      automationSchedule: 'off',
      webhookAllowPrivateAddresses: true,
    },
  });
  await createCatalog(t, {
    channels: [{ code: 'WEB', currency: 'EUR' }],
    warehouses: [
      { code: 'WH1', priority: 1 },
      { code: 'WH2', priority: 2 },
    ],
    products: [
      { sku: 'SKU-1', price: 1250 },
      { sku: 'SKU-2', price: 499 },
      { sku: 'BACK-1', price: 300, allowBackorder: true },
      { sku: 'LOW-1', price: 100 },
    ],
    stock: { 'SKU-1': { WH1: 1000 }, 'SKU-2': { WH1: 1000 }, 'LOW-1': { WH1: 30 } },
  });
});
afterAll(() => t?.stop());

const RULE = 'key name builtIn trigger enabled position settings conditions actions';
type RuleFields = {
  key: true;
  name: true;
  builtIn: true;
  trigger: true;
  enabled: true;
  position: true;
  settings: true;
  conditions: true;
  actions: true;
};
type Rule = Select<AutomationRule, RuleFields>;
type Refusals = { field: true; code: true; message: true };
const UPDATE = operation<Select<Mutation, { updateAutomationRule: { rule: RuleFields; userErrors: Refusals } }>>(
  `mutation($i: UpdateAutomationRuleInput!) { updateAutomationRule(input: $i) { rule { ${RULE} } userErrors { field code message } } }`,
);
const CREATE = operation<Select<Mutation, { createAutomationRule: { rule: RuleFields; userErrors: Refusals } }>>(
  `mutation($i: CreateAutomationRuleInput!) { createAutomationRule(input: $i) { rule { ${RULE} } userErrors { field code message } } }`,
);
const DELETE = operation<Select<Mutation, { deleteAutomationRule: { deletedKey: true; userErrors: Refusals } }>>(
  'mutation($k: String!) { deleteAutomationRule(key: $k) { deletedKey userErrors { field code message } } }',
);
const EXECUTIONS = operation<
  Select<
    Query,
    {
      ruleExecutions: {
        totalCount: true;
        nodes: {
          ruleKey: true;
          orderId: true;
          orderNumber: true;
          eventId: true;
          outcome: true;
          reason: true;
          actions: true;
        };
      };
    }
  >
>(
  `query($k: String, $o: ID) { ruleExecutions(ruleKey: $k, orderId: $o, first: 200) { totalCount nodes { ruleKey orderId orderNumber eventId outcome reason actions } } }`,
);
const DRY_RUN = operation<
  Select<
    Query,
    { dryRunAutomation: { ruleKey: true; enabled: true; trigger: true; matches: true; actions: true; reason: true } }
  >
>('query($id: ID!) { dryRunAutomation(orderId: $id) { ruleKey enabled trigger matches actions reason } }');
const ORDER = operation<
  Select<
    Query,
    {
      order: {
        id: true;
        number: true;
        status: true;
        holdReason: true;
        cancelReason: true;
        tags: true;
        history: { type: true; toStatus: true; message: true; actor: true };
        lines: { sku: true; allocations: { warehouse: { code: true }; quantity: true } };
      };
    }
  >
>(
  'query($id: ID) { order(id: $id) { id number status holdReason cancelReason tags history { type toStatus message actor } lines { sku allocations { warehouse { code } quantity } } } }',
);

async function update(input: Record<string, unknown>) {
  return (await t.q(UPDATE, { i: input })).updateAutomationRule;
}
async function enable(key: string, settings?: Record<string, unknown>) {
  const r = await update({ key, enabled: true, ...(settings ? { settings } : {}) });
  expect(r.userErrors).toEqual([]);
}
async function disableAll() {
  for (const r of (await t.q<Select<Query, { automationRules: { key: true } }>>('{ automationRules { key } }'))
    .automationRules)
    await update({ key: r.key, enabled: false });
}
async function create(input: Record<string, unknown>) {
  const r = (await t.q(CREATE, { i: input })).createAutomationRule;
  expect(r.userErrors).toEqual([]);
  return r.rule;
}
const order = async (id: string) => (await t.q(ORDER, { id })).order!;
async function executions(vars: { k?: string; o?: string }) {
  return (await t.q(EXECUTIONS, vars)).ruleExecutions.nodes;
}
async function place(overrides: Record<string, unknown> = {}) {
  const r = await placeOrder(t, overrides);
  expect(r.userErrors).toEqual([]);
  return r.order as { id: string; number: string; total: { amount: number } };
}

/** Waits until every event is dispatched and no automation or delivery job is waiting or running. */
async function settled(timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ n }] = await t.sql(`select (select count(*) from domain_event where dispatched_at is null)
      + (select count(*) from pgboss.job where name in ('automation', 'webhook-delivery') and state in ('created', 'retry', 'active'))::int as n`);
    if (Number(n) === 0) return;
    if (Date.now() > deadline) throw new Error(`not settled: ${n} events or jobs pending`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

afterEach(async () => {
  await settled();
  await disableAll();
});

test('a fresh install has the six built-in rules, in order, all switched off', async () => {
  const r = await t.q<{ automationRules: Rule[] }>(`{ automationRules { ${RULE} } }`);
  expect(r.automationRules.map((x) => [x.key, x.builtIn, x.enabled, x.trigger])).toEqual([
    ['auto-confirm-paid', true, false, 'payment.recorded'],
    ['hold-high-value', true, false, 'order.placed'],
    ['cancel-unpaid', true, false, 'schedule'],
    ['allocate-backorders', true, false, 'stock.adjusted'],
    ['low-stock', true, false, 'stock.adjusted'],
    ['flag-late', true, false, 'schedule'],
  ]);
  expect(r.automationRules.find((x) => x.key === 'hold-high-value')!.settings).toEqual({
    threshold: 100000,
    allowedCountries: [],
  });
});

test('auto-confirm-paid: a PENDING order is confirmed by the rule once fully paid, not before', async () => {
  await enable('auto-confirm-paid');
  const o = await place({ lines: [{ sku: 'SKU-1', quantity: 2 }] });
  expect((await recordPayment(t, { orderId: o.id, amount: 1000, method: 'card' })).userErrors).toEqual([]);
  await settled();
  expect((await order(o.id)).status).toBe('PENDING');
  expect((await executions({ k: 'auto-confirm-paid', o: o.id }))[0]).toMatchObject({
    outcome: 'SKIPPED',
    reason: expect.stringContaining('not fully paid'),
  });

  expect((await recordPayment(t, { orderId: o.id, amount: 1500, method: 'card' })).userErrors).toEqual([]);
  const confirmed = await until('confirmation', async () => {
    const x = await order(o.id);
    return x.status === 'CONFIRMED' && x;
  });
  expect(confirmed.history.at(-1)).toMatchObject({
    type: 'STATUS_CHANGED',
    toStatus: 'CONFIRMED',
    actor: 'rule:auto-confirm-paid',
  });
  await settled();
  const log = await executions({ k: 'auto-confirm-paid', o: o.id });
  expect(log.map((x) => x.outcome)).toEqual(['APPLIED', 'SKIPPED']);
  expect(log[0]).toMatchObject({ actions: ['confirm'], orderNumber: o.number });
  // The status change the rule made carries its cause in the event stream.
  const [event] = await t.sql(
    `select actor, payload from domain_event where aggregate_id = $1 and type = 'order.status_changed'`,
    [o.id],
  );
  expect(event).toMatchObject({
    actor: 'rule:auto-confirm-paid',
    payload: { cause: { rule: 'auto-confirm-paid', depth: 1 } },
  });
});

test('hold-high-value: holds orders at or above the threshold or shipping outside the allowed countries, with the reason', async () => {
  await enable('hold-high-value', { threshold: 5000, allowedCountries: ['DE', 'AT'] });
  const small = await place({ shippingAddress: { line1: 'x', city: 'Berlin', postalCode: '10115', country: 'DE' } });
  const foreign = await place({ shippingAddress: { line1: 'x', city: 'Paris', postalCode: '75001', country: 'FR' } });
  const big = await place({
    lines: [{ sku: 'SKU-1', quantity: 4 }],
    shippingAddress: { line1: 'x', city: 'Wien', postalCode: '1010', country: 'AT' },
  });
  await settled();
  expect((await order(small.id)).status).toBe('PENDING');
  const f = await order(foreign.id);
  expect(f).toMatchObject({ status: 'ON_HOLD', holdReason: 'Review: shipping country FR is not in DE, AT' });
  expect(f.history.at(-1)).toMatchObject({ toStatus: 'ON_HOLD', actor: 'rule:hold-high-value' });
  expect((await order(big.id)).holdReason).toMatch(/^Review: total 50\.00 EUR is at or above 50\.00 EUR/);
  expect((await executions({ k: 'hold-high-value', o: small.id }))[0]).toMatchObject({ outcome: 'SKIPPED' });
});

test('bad settings are refused with the field named, and nothing changes', async () => {
  const before = await t.sql('select key, enabled, settings, updated_at from automation_rule order by key');
  const cases: [Record<string, unknown>, string[]][] = [
    [{ key: 'hold-high-value', enabled: true, settings: { threshold: -5 } }, ['input', 'settings', 'threshold']],
    [{ key: 'hold-high-value', settings: { allowedCountries: 'DE' } }, ['input', 'settings', 'allowedCountries']],
    [{ key: 'cancel-unpaid', settings: { afterHours: 1.5 } }, ['input', 'settings', 'afterHours']],
    [{ key: 'low-stock', settings: { perSku: { 'SKU-1': 'ten' } } }, ['input', 'settings', 'perSku', 'SKU-1']],
    [{ key: 'flag-late', settings: { slaHours: 24, colour: 'red' } }, ['input', 'settings', 'colour']],
    [{ key: 'auto-confirm-paid', conditions: [] }, ['input', 'conditions']],
    [{ key: 'no-such-rule', enabled: true }, ['input', 'key']],
    [{ key: 'low-stock', settings: { perSku: { 'SKU\u0000': 1 } } }, ['input', 'settings', 'perSku']],
  ];
  for (const [input, field] of cases) {
    const r = await update(input);
    expect({ input, rule: r.rule, fields: r.userErrors.map((e) => e.field) }).toEqual({
      input,
      rule: null,
      fields: [field],
    });
  }
  const bad = (
    await t.q(CREATE, {
      i: {
        key: 'bad',
        name: 'Bad',
        trigger: 'order.exploded',
        conditions: [{ field: 'colour', op: 'in', value: ['red'] }],
        actions: [{ type: 'hold' }],
      },
    })
  ).createAutomationRule;
  expect(bad.userErrors.map((e) => e.field)).toEqual([
    ['input', 'trigger'],
    ['input', 'conditions', '0', 'field'],
    ['input', 'actions', '0', 'reason'],
  ]);
  expect(await t.sql('select key, enabled, settings, updated_at from automation_rule order by key')).toEqual(before);
  const del = (await t.q(DELETE, { k: 'flag-late' })).deleteAutomationRule;
  expect(del).toEqual({
    deletedKey: null,
    userErrors: [
      { field: ['key'], code: 'INVALID_INPUT', message: 'flag-late is a built-in rule: disable it instead' },
    ],
  });
});

test('cancel-unpaid runs on the schedule with an injected clock: unpaid PENDING orders past afterHours are cancelled and their stock released, once', async () => {
  await enable('cancel-unpaid', { afterHours: 48 });
  const unpaid = await place({ lines: [{ sku: 'SKU-2', quantity: 3 }] });
  const partlyPaid = await place({ lines: [{ sku: 'SKU-2', quantity: 1 }] });
  expect((await recordPayment(t, { orderId: partlyPaid.id, amount: 100, method: 'card' })).userErrors).toEqual([]);
  const reserved = async () =>
    (await t.sql(`select s.reserved from stock_level s join product p on p.id = s.product_id where p.sku = 'SKU-2'`))[0]
      .reserved;
  const before = await reserved();
  const automation = t.server.services.automation;

  expect(await automation.runScheduledAutomation(new Date(Date.now() + 47 * 3600_000))).toEqual({ 'cancel-unpaid': 0 });
  expect((await order(unpaid.id)).status).toBe('PENDING');

  // Unpaid orders of the earlier tests are as old as this one, so they are cancelled too.
  const older = (await t.sql(`select count(*)::int as n from "order" where status = 'PENDING' and paid_amount = 0`))[0]
    .n;
  expect(await automation.runScheduledAutomation(new Date(Date.now() + 49 * 3600_000))).toEqual({
    'cancel-unpaid': older,
  });
  const cancelled = await order(unpaid.id);
  expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelReason: 'Unpaid after 48 hours' });
  expect(cancelled.history.at(-1)).toMatchObject({ toStatus: 'CANCELLED', actor: 'rule:cancel-unpaid' });
  expect(await reserved()).toBe(before - 3);
  expect((await order(partlyPaid.id)).status).toBe('PENDING');
  expect(await automation.runScheduledAutomation(new Date(Date.now() + 50 * 3600_000))).toEqual({ 'cancel-unpaid': 0 });
  expect(await executions({ k: 'cancel-unpaid', o: unpaid.id })).toEqual([
    expect.objectContaining({ orderId: unpaid.id, outcome: 'APPLIED', actions: ['cancel'], eventId: null }),
  ]);
  expect(await executions({ k: 'cancel-unpaid', o: partlyPaid.id })).toEqual([]);
});

test('flag-late: confirmed orders past the SLA get one order.late event and the "late" tag', async () => {
  await enable('flag-late', { slaHours: 24 });
  const o = await place();
  await confirmOrder(t, o.id);
  const automation = t.server.services.automation;
  expect(await automation.runScheduledAutomation(new Date(Date.now() + 23 * 3600_000))).toEqual({ 'flag-late': 0 });
  const confirmed = (await t.sql(`select count(*)::int as n from "order" where status = 'CONFIRMED'`))[0].n;
  expect(await automation.runScheduledAutomation(new Date(Date.now() + 25 * 3600_000))).toEqual({
    'flag-late': confirmed,
  });
  expect(await automation.runScheduledAutomation(new Date(Date.now() + 26 * 3600_000))).toEqual({ 'flag-late': 0 });
  const flagged = await order(o.id);
  expect(flagged.tags).toEqual(['late']);
  expect(flagged.history.slice(-2)).toEqual([
    {
      type: 'MARKED_LATE',
      toStatus: null,
      message: 'Not shipped within 24 h of confirmation',
      actor: 'rule:flag-late',
    },
    { type: 'TAG_ADDED', toStatus: null, message: 'late', actor: 'rule:flag-late' },
  ]);
  expect(
    await t.sql(`select type from domain_event where aggregate_id = $1 and type = 'order.late'`, [o.id]),
  ).toHaveLength(1);
  expect((await t.q('query { orders(filter: { tag: "late" }) { nodes { id } } }')).orders.nodes).toContainEqual({
    id: o.id,
  });
  expect((await t.q('query { orders(filter: { tag: "late" }) { totalCount } }')).orders.totalCount).toBe(confirmed);
});

test('low-stock: stock.low is raised once when available stock crosses below the threshold, again only after it recovered', async () => {
  await enable('low-stock', { threshold: 10, perSku: { 'LOW-1': 20 } });
  const lows = async () =>
    (await t.sql(`select payload from domain_event where type = 'stock.low' order by seq`)).map((r) => r.payload);
  await adjustStock(t, 'LOW-1', 'WH1', -5); // 25 available: above 20
  await settled();
  expect(await lows()).toEqual([]);
  await adjustStock(t, 'LOW-1', 'WH1', -10); // 15: crosses below 20
  await settled();
  await adjustStock(t, 'LOW-1', 'WH1', -1); // 14: still below, nothing new
  await place({ lines: [{ sku: 'LOW-1', quantity: 2 }] }); // 12 available
  await settled();
  expect(await lows()).toEqual([
    expect.objectContaining({
      sku: 'LOW-1',
      warehouseCode: 'WH1',
      available: 15,
      threshold: 20,
      cause: { rule: 'low-stock', depth: 1 },
    }),
  ]);
  await adjustStock(t, 'LOW-1', 'WH1', 20); // 32: recovered
  await settled();
  await place({ lines: [{ sku: 'LOW-1', quantity: 13 }] }); // 19: crosses again
  await settled();
  expect((await lows()).map((p) => p.available)).toEqual([15, 19]);
  expect((await executions({ k: 'low-stock' })).map((x) => x.outcome)).toEqual(['APPLIED', 'APPLIED']);
});

test('allocate-backorders: arriving stock goes to waiting orders oldest first', async () => {
  await enable('allocate-backorders');
  const first = await place({ lines: [{ sku: 'BACK-1', quantity: 2 }] });
  const second = await place({ lines: [{ sku: 'BACK-1', quantity: 2 }] });
  const allocated = async (id: string) =>
    (await order(id)).lines[0].allocations.reduce((s: number, a) => s + a.quantity, 0);
  expect([await allocated(first.id), await allocated(second.id)]).toEqual([0, 0]);
  await adjustStock(t, 'BACK-1', 'WH2', 3);
  await settled();
  expect([await allocated(first.id), await allocated(second.id)]).toEqual([2, 1]);
  const o1 = await order(first.id);
  expect(o1.history.at(-1)).toEqual({
    type: 'STOCK_ALLOCATED',
    toStatus: null,
    message: 'Allocated 2 × BACK-1 from WH2',
    actor: 'rule:allocate-backorders',
  });
  await adjustStock(t, 'BACK-1', 'WH1', 5);
  await settled();
  expect([await allocated(first.id), await allocated(second.id)]).toEqual([2, 2]);
  const [level] = await t.sql(
    `select sum(s.reserved)::int as reserved from stock_level s join product p on p.id = s.product_id where p.sku = 'BACK-1'`,
  );
  expect(level.reserved).toBe(4);
  // A decrease allocates nothing.
  const before = (await executions({ k: 'allocate-backorders' })).length;
  await adjustStock(t, 'BACK-1', 'WH1', -1);
  await settled();
  expect(await executions({ k: 'allocate-backorders' })).toHaveLength(before);
});

test('a dry run tells, for every rule in order, whether it would match and what it would do, and changes nothing', async () => {
  await enable('hold-high-value', { threshold: 100, allowedCountries: [] });
  await settled();
  await update({ key: 'hold-high-value', enabled: false });
  const o = await place({ lines: [{ sku: 'SKU-1', quantity: 1 }] });
  await settled();
  await update({ key: 'hold-high-value', enabled: true });
  const snapshot = async () => ({
    order: await orderSnapshot(t, o.id),
    counts:
      await t.sql(`select (select count(*) from rule_execution)::int as executions, (select count(*) from domain_event)::int as events,
      (select count(*) from pgboss.job where name = 'automation')::int as jobs, (select count(*) from audit_entry)::int as audit`),
  });
  const before = await snapshot();
  const r = (await t.q(DRY_RUN, { id: o.id })).dryRunAutomation;
  expect(r.map((x) => x.ruleKey)).toEqual([
    'auto-confirm-paid',
    'hold-high-value',
    'cancel-unpaid',
    'allocate-backorders',
    'low-stock',
    'flag-late',
  ]);
  expect(r[0]).toMatchObject({
    enabled: false,
    matches: false,
    actions: [],
    reason: expect.stringContaining('not fully paid'),
  });
  expect(r[1]).toMatchObject({
    enabled: true,
    matches: true,
    actions: ['hold'],
    reason: 'Review: total 12.50 EUR is at or above 1.00 EUR',
  });
  expect(r[2]).toMatchObject({ matches: false, reason: expect.stringMatching(/placed 0 h ago/) });
  expect((await t.q(DRY_RUN, { id: o.number })).dryRunAutomation).toEqual(r);
  expect(await snapshot()).toEqual(before);
  expect((await t.q(DRY_RUN, { id: '00000000-0000-0000-0000-000000000000' })).dryRunAutomation).toEqual([]);
});

test('rules run in position order: a later rule sees what an earlier one did', async () => {
  await create({
    key: 'tag-a',
    name: 'Tag a',
    trigger: 'order.placed',
    conditions: [{ field: 'sku', op: 'contains', value: 'SKU-2' }],
    actions: [{ type: 'addTag', tag: 'A' }],
    enabled: true,
    position: 100,
  });
  await create({
    key: 'tag-b-after-a',
    name: 'Tag b',
    trigger: 'order.placed',
    conditions: [{ field: 'tags', op: 'contains', value: 'a' }],
    actions: [{ type: 'addTag', tag: 'b' }],
    enabled: true,
    position: 200,
  });
  const o1 = await place({ lines: [{ sku: 'SKU-2', quantity: 1 }] });
  await settled();
  expect((await order(o1.id)).tags).toEqual(['a', 'b']);
  expect((await order(o1.id)).history.slice(-2).map((h) => h.actor)).toEqual(['rule:tag-a', 'rule:tag-b-after-a']);

  await update({ key: 'tag-b-after-a', position: 50 });
  const o2 = await place({ lines: [{ sku: 'SKU-2', quantity: 1 }] });
  await settled();
  expect((await order(o2.id)).tags).toEqual(['a']);
  expect((await executions({ k: 'tag-b-after-a', o: o2.id }))[0]).toMatchObject({
    outcome: 'SKIPPED',
    reason: 'the tags do not contain a',
  });
  for (const k of ['tag-a', 'tag-b-after-a'])
    expect((await t.q(DELETE, { k })).deleteAutomationRule).toEqual({ deletedKey: k, userErrors: [] });
  expect(
    await t.sql(`select count(*)::int as n from rule_execution where rule_key in ('tag-a', 'tag-b-after-a')`),
  ).toEqual([{ n: 0 }]);
});

test('loop protection: a rule never reacts to its own events, and a chain of rules stops at depth 3', async () => {
  await create({
    key: 'starter',
    name: 'Starter',
    trigger: 'order.tag_added',
    conditions: [{ field: 'tags', op: 'contains', value: 'go' }],
    actions: [{ type: 'notify', message: 'started' }],
    enabled: true,
  });
  await create({
    key: 'ping',
    name: 'Ping',
    trigger: 'rule.notified',
    conditions: [],
    actions: [{ type: 'notify', message: 'ping' }],
    enabled: true,
  });
  await create({
    key: 'pong',
    name: 'Pong',
    trigger: 'rule.notified',
    conditions: [],
    actions: [{ type: 'notify', message: 'pong' }],
    enabled: true,
  });
  const o = await place();
  const r = await t.q(
    'mutation($id: ID!) { addOrderTag(id: $id, tag: "GO") { order { tags } userErrors { message } } }',
    { id: o.id },
  );
  expect(r.addOrderTag).toEqual({ order: { tags: ['go'] }, userErrors: [] });
  await settled();
  await new Promise((res) => setTimeout(res, 500));
  await settled();
  const notices = await t.sql(
    `select actor, payload->'cause' as cause from domain_event where aggregate_id = $1 and type = 'rule.notified' order by seq`,
    [o.id],
  );
  // starter (depth 1); ping and pong on it (depth 2); each on the other's (depth 3); nothing deeper.
  expect(notices.map((n) => n.cause.depth).sort()).toEqual([1, 2, 2, 3, 3]);
  const log = await executions({ o: o.id });
  const of = (k: string, outcome: string) => log.filter((x) => x.ruleKey === k && x.outcome === outcome);
  expect(of('ping', 'APPLIED')).toHaveLength(2);
  expect(of('pong', 'APPLIED')).toHaveLength(2);
  expect(
    of('ping', 'SKIPPED')
      .map((x) => x.reason)
      .sort(),
  ).toEqual([
    'chain depth limit reached (3 rules in a row)',
    "the event was caused by this rule's own action",
    "the event was caused by this rule's own action",
  ]);
  expect(
    (await order(o.id)).history
      .filter((h) => h.type === 'RULE_NOTIFIED')
      .map((h) => h.actor)
      .sort(),
  ).toEqual(['rule:ping', 'rule:ping', 'rule:pong', 'rule:pong', 'rule:starter']);
  for (const k of ['starter', 'ping', 'pong']) await t.q(DELETE, { k });
});

test('an action the order state refuses is logged as FAILED with the reason; a webhook action reaches its endpoint', async () => {
  const receiver = await startReceiver();
  try {
    const { endpoint } = await createEndpoint(t, { url: receiver.url('/rules'), eventTypes: ['order.cancelled'] });
    await create({
      key: 'confirm-on-payment',
      name: 'Confirm',
      trigger: 'payment.recorded',
      conditions: [],
      actions: [{ type: 'confirm' }, { type: 'webhook', endpointId: endpoint.id }],
      enabled: true,
    });
    const o = await place();
    await confirmOrder(t, o.id);
    await recordPayment(t, { orderId: o.id, amount: 100, method: 'card' });
    await settled();
    expect((await executions({ k: 'confirm-on-payment', o: o.id }))[0]).toMatchObject({
      outcome: 'FAILED',
      actions: [],
      reason: expect.stringContaining('cannot go from CONFIRMED to CONFIRMED'),
    });

    await update({
      key: 'confirm-on-payment',
      actions: [
        { type: 'addTag', tag: 'paid' },
        { type: 'webhook', endpointId: endpoint.id },
      ],
    });
    await recordPayment(t, { orderId: o.id, amount: 100, method: 'card' });
    const [hit] = await receiver.waitFor('/rules', 1);
    expect(hit.body).toMatchObject({
      type: 'rule.webhook',
      data: { orderId: o.id, tags: ['paid'], cause: { rule: 'confirm-on-payment', depth: 1 } },
    });
    await settled();
    expect((await executions({ k: 'confirm-on-payment', o: o.id }))[0]).toMatchObject({
      outcome: 'APPLIED',
      actions: ['addTag:paid', 'webhook'],
    });
    await t.q(DELETE, { k: 'confirm-on-payment' });
    await t.q('mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { userErrors { message } } }', { id: endpoint.id });
  } finally {
    await receiver.close();
  }
});

test('the automation examples of docs/automation.md run as written', async () => {
  const section = fs.readFileSync(path.resolve(__dirname, '../../../docs/automation.md'), 'utf8');
  const block = /```graphql\n([\s\S]*?)```/.exec(section)![1];
  const operations = parse(block).definitions;
  expect(operations).toHaveLength(4);
  for (const op of operations) {
    const res = await t.gql(print(op));
    expect({ op: print(op).slice(0, 40), errors: res.body.errors }).toEqual({
      op: print(op).slice(0, 40),
      errors: undefined,
    });
    for (const value of Object.values(res.body.data ?? {}))
      if (value && typeof value === 'object' && 'userErrors' in value)
        expect((value as { userErrors: unknown }).userErrors).toEqual([]);
  }
  const rules = (
    await t.q<Select<Query, { automationRules: { key: true; enabled: true; settings: true } }>>(
      '{ automationRules { key enabled settings } }',
    )
  ).automationRules;
  expect(rules).toContainEqual({
    key: 'hold-high-value',
    enabled: true,
    settings: { threshold: 50000, allowedCountries: ['DE', 'AT', 'CH'] },
  });
  expect(rules.map((r) => r.key)).toContain('vip-b2b');
  await t.q(DELETE, { k: 'vip-b2b' });
});

test('the scheduled job (what the cron schedule sends every minute) runs the scheduled rules with the real clock', async () => {
  expect(await t.sql(`select name from pgboss.schedule where name = 'automation-schedule'`)).toEqual([]); // OMS_AUTOMATION_SCHEDULE=off here
  await enable('cancel-unpaid', { afterHours: 1 });
  const o = await place();
  // An order placed two hours ago, as far as the rule can tell.
  await t.sql(`update "order" set placed_at = placed_at - interval '2 hours' where id = $1`, [o.id]);
  await t.server.orm.em.fork().transactional((em) => t.server.jobs.send(em, 'automation-schedule', {}));
  t.server.jobs.wake('automation-schedule');
  const cancelled = await until('the scheduled cancel', async () => {
    const x = await order(o.id);
    return x.status === 'CANCELLED' && x;
  });
  expect(cancelled.history.at(-1)).toMatchObject({ actor: 'rule:cancel-unpaid', message: 'Unpaid after 1 hour' });
});

test("a rerun of an event's automation job (a retry, a replay) does not run its rules again", async () => {
  await create({
    key: 'note-once',
    name: 'Note once',
    trigger: 'order.placed',
    conditions: [],
    actions: [{ type: 'notify', message: 'placed' }],
    enabled: true,
  });
  const o = await place();
  await settled();
  const [placed] = await t.sql(`select id from domain_event where aggregate_id = $1 and type = 'order.placed'`, [o.id]);
  const notices = async () =>
    (
      await t.sql(`select count(*)::int as n from order_history where order_id = $1 and type = 'RULE_NOTIFIED'`, [o.id])
    )[0].n;
  expect(await notices()).toBe(1);
  await t.server.orm.em.fork().transactional((em) => t.server.jobs.send(em, 'automation', { eventId: placed.id }));
  t.server.jobs.wake('automation');
  await settled();
  expect(await notices()).toBe(1);
  expect(await executions({ k: 'note-once', o: o.id })).toHaveLength(1);
  await t.q(DELETE, { k: 'note-once' });
});
