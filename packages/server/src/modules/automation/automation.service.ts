/**
 * The automation engine and the management of rules. Rules react to committed events: the
 * dispatcher's reactor sends one job per event that an enabled rule listens to, in the
 * dispatching transaction, so each event's rules run once across processes and a failed run is
 * retried. Scheduled rules run from a pg-boss cron job (or `runScheduledAutomation(now)`, with
 * any clock). Every rule acts through the order services, as `rule:<key>`, so the state machine
 * stays the only writer of status and each action lands in the order's history. Events a rule's
 * actions produce carry `cause: { rule, depth }`: a rule ignores its own events, and chains stop
 * at MAX_DEPTH.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type PgBoss from 'pg-boss';
import { BACKGROUND, EventCause, RequestContext, systemContext } from '../../common/context';
import { DomainError, ErrorCode, fail, UserError } from '../../common/errors';
import type { JobQueue } from '../../common/jobs';
import type { Logger } from '../../common/logger';
import { decodeCursor, pageSize, toConnection } from '../../common/pagination';
import { channelScope } from '../../common/access';
import { sql } from '../../common/sql';
import { recordAudit } from '../auth';
import { DomainEvent } from '../events';
import { allocationRefusal, OrderAction, refusal } from '../order';
import { OrderEventType } from '../order';
import type { OrderResult } from '../order/order-transaction';
import type { OrderService } from '../order/order.service';
import type { WebhookService } from '../webhooks/webhook.service';
import { AutomationRule, RuleAction, RuleExecution, RuleOutcomeKind, SCHEDULE } from './automation-rule.entity';
import { rejectNul } from '../../common/query-args';
import { BUILT_INS, customVerdict, nulError, OrderFacts, validateActions, validateConditions, validateTrigger, Verdict } from './rule-definitions';
import { Result, runMutation } from '../../common/mutation';
import { isUuid } from '../../common/limits';

export const AUTOMATION_QUEUE = 'automation';
export const SCHEDULE_QUEUE = 'automation-schedule';
/** Events produced at this depth of a chain of rules trigger no further rule. */
export const MAX_DEPTH = 3;
/** The rule actions that are order actions, asked of the order's rules (order-state-machine.ts) in a dry run. */
const ORDER_ACTION_OF: Partial<Record<RuleAction['type'], OrderAction>> = {
  confirm: OrderAction.CONFIRM, hold: OrderAction.HOLD, release: OrderAction.RELEASE_HOLD, cancel: OrderAction.CANCEL,
};
const KEY = /^[a-z0-9][a-z0-9-]{1,63}$/;

export interface RuleOutcomeView {
  ruleKey: string;
  name: string;
  enabled: boolean;
  trigger: string;
  matches: boolean;
  actions: string[];
  reason: string;
}

export interface CreateRuleData {
  key: string;
  name: string;
  description?: string | null;
  trigger: string;
  conditions: unknown;
  actions: unknown;
  enabled?: boolean | null;
  position?: number | null;
}

export interface UpdateRuleData {
  key: string;
  enabled?: boolean | null;
  settings?: unknown;
  name?: string | null;
  description?: string | null;
  trigger?: string | null;
  conditions?: unknown;
  actions?: unknown;
  position?: number | null;
}

interface Run {
  event?: DomainEvent;
  depth: number;
  cause?: EventCause;
  now: Date;
  scheduled: boolean;
  /** The job's last attempt: an unexpected error is logged as FAILED instead of retried. */
  last: boolean;
}

const label = (a: RuleAction) => (a.type === 'addTag' ? `addTag:${a.tag}` : a.type);
const err = (field: string[], message: string) => new UserError(ErrorCode.INVALID_INPUT, message, field);

export class AutomationService {
  private orm?: MikroORM;

  constructor(
    private readonly jobs: JobQueue,
    private readonly orders: OrderService,
    private readonly webhooks: WebhookService,
    private readonly log: Logger,
    private readonly schedule: string,
  ) {}

  /** Works the automation queues in this process and keeps the schedule. */
  async start(orm: MikroORM): Promise<void> {
    this.orm = orm;
    await this.jobs.define(AUTOMATION_QUEUE, { retryLimit: 5, retryDelaySeconds: 5, retryBackoff: true, expireInSeconds: 300, deadLetter: true });
    await this.jobs.work<{ eventId: string }>(AUTOMATION_QUEUE, (job) => this.runEventJob(job));
    await this.jobs.define(SCHEDULE_QUEUE, { retryLimit: 0, retryDelaySeconds: 60, retryBackoff: false, expireInSeconds: 600, deadLetter: false });
    await this.jobs.work(SCHEDULE_QUEUE, async () => {
      await this.runScheduledAutomation(new Date());
    });
    await this.jobs.schedule(SCHEDULE_QUEUE, this.schedule);
  }

  private triggers(rule: AutomationRule): string[] {
    const builtIn = BUILT_INS[rule.key];
    if (rule.builtIn && builtIn) return builtIn.events;
    return rule.trigger === SCHEDULE ? [] : [rule.trigger];
  }

  /** The dispatcher's reactor: one automation job per event some enabled rule reacts to. */
  readonly react = async (em: EntityManager, events: DomainEvent[]) => {
    const rules = await em.find(AutomationRule, { enabled: true });
    if (!rules.length) return;
    const wanted = new Set(rules.flatMap((r) => this.triggers(r)));
    const chosen = events.filter((e) => wanted.has(e.type));
    if (!chosen.length) return;
    for (const e of chosen) await this.jobs.send(em, AUTOMATION_QUEUE, { eventId: e.id });
    return () => this.jobs.wake(AUTOMATION_QUEUE);
  };

  private async enabledRules(em: EntityManager): Promise<AutomationRule[]> {
    return em.find(AutomationRule, { enabled: true }, { orderBy: { position: 'asc', key: 'asc' } });
  }

  private async runEventJob(job: PgBoss.JobWithMetadata<{ eventId: string }>): Promise<void> {
    const orm = this.orm!;
    const em = orm.em.fork({ loggerContext: BACKGROUND });
    const event = await em.findOne(DomainEvent, { id: job.data.eventId });
    if (!event) return;
    const cause = (event.payload?.cause ?? undefined) as EventCause | undefined;
    const run: Run = { event, depth: cause?.depth ?? 0, cause, now: new Date(), scheduled: false, last: job.retryCount >= job.retryLimit };
    for (const rule of await this.enabledRules(em)) {
      if (!this.triggers(rule).includes(event.type)) continue;
      if (rule.builtIn && rule.key === 'low-stock') {
        await this.lowStock(rule, run);
        continue;
      }
      if (rule.builtIn && rule.key === 'allocate-backorders') {
        if (!(Number(event.payload.delta) > 0)) continue;
        for (const orderId of await this.backorderTargets(em, String(event.payload.sku))) {
          const outcome = await this.execute(rule, orderId, run);
          // No stock left for this order: none for the younger ones either.
          if (outcome === RuleOutcomeKind.SKIPPED) break;
        }
        continue;
      }
      if (event.aggregateType === 'order') await this.execute(rule, event.aggregateId, run);
    }
  }

  /** Orders waiting for units of a SKU, oldest first. */
  private async backorderTargets(em: EntityManager, sku: string): Promise<string[]> {
    const rows = await sql<{ id: string }>(em, `select o.id from "order" o
      where o.status in ('PENDING', 'ON_HOLD', 'CONFIRMED', 'PARTIALLY_SHIPPED') and exists (
        select 1 from order_line l join product p on p.id = l.product_id
        where l.order_id = o.id and p.sku = ? and l.quantity > coalesce((select sum(a.quantity) from stock_allocation a where a.order_line_id = l.id), 0))
      order by o.placed_at, o.id limit 500`, [sku]);
    return rows.map((r) => r.id);
  }

  /** What conditions look at, read with SQL in the caller's transaction. */
  private async facts(em: EntityManager, orderId: string): Promise<OrderFacts | undefined> {
    const [r] = await sql<any>(em, `select o.id, o.number, o.status, o.status_before_hold, o.payment_status, c.code as channel, o.total_amount, o.paid_amount, o.currency,
        o.ship_country, o.tags, o.placed_at, cu.email,
        coalesce((select array_agg(l.sku order by l.line_no) from order_line l where l.order_id = o.id), '{}') as skus,
        (select coalesce(sum(greatest(0, l.quantity - coalesce((select sum(a.quantity) from stock_allocation a where a.order_line_id = l.id), 0))), 0)
           from order_line l where l.order_id = o.id)::int as unallocated,
        (select max(h.at) from order_history h where h.order_id = o.id and h.to_status = 'CONFIRMED') as confirmed_at
      from "order" o join channel c on c.id = o.channel_id join customer cu on cu.id = o.customer_id where o.id = ?`, [orderId]);
    if (!r) return undefined;
    return {
      id: r.id, number: r.number, status: r.status, statusBeforeHold: r.status_before_hold, paymentStatus: r.payment_status, channel: r.channel, total: r.total_amount, paid: r.paid_amount,
      currency: r.currency, country: r.ship_country, skus: r.skus, emailDomain: String(r.email).split('@').pop()!.toLowerCase(), tags: r.tags ?? [],
      placedAt: new Date(r.placed_at), confirmedAt: r.confirmed_at ? new Date(r.confirmed_at) : null, unallocated: Number(r.unallocated),
    };
  }

  private verdict(rule: AutomationRule, f: OrderFacts, now: Date): Verdict {
    const builtIn = rule.builtIn ? BUILT_INS[rule.key] : undefined;
    if (builtIn) {
      if (!builtIn.verdict) return { match: false, reason: 'watches stock levels, not orders', actions: [] };
      return builtIn.verdict(f, rule.settings, now);
    }
    return customVerdict(rule.conditions, rule.actions, f, now);
  }

  /**
   * Runs one rule for one order in one transaction: the execution row (unique per rule, event
   * and order, so a retried job does not run it twice), loop protection, the order locked, the
   * verdict, the actions in order. Scheduled runs log only what matched (once per order).
   */
  private async execute(rule: AutomationRule, orderId: string, run: Run): Promise<RuleOutcomeKind | undefined> {
    const orm = this.orm!;
    const dedupe = run.scheduled ? `${rule.id}:schedule:${orderId}` : `${rule.id}:${run.event!.id}:${orderId}`;
    const after: (() => void)[] = [];
    try {
      const outcome = await orm.em.fork({ loggerContext: BACKGROUND }).transactional(async (em) => {
        let executionId: string | undefined;
        const log = async (outcome: RuleOutcomeKind, reason: string, actions: string[] = []) => {
          if (!executionId) {
            const [row] = await sql<{ id: string }>(em, `insert into rule_execution (id, rule_id, rule_key, order_id, event_id, dedupe_key, outcome, reason, actions, at)
              values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) on conflict (dedupe_key) do nothing returning id`,
            [rule.id, rule.key, orderId, run.event?.id ?? null, dedupe, outcome, reason, JSON.stringify(actions), new Date()]);
            executionId = row?.id;
            return row ? outcome : undefined;
          }
          await sql(em, 'update rule_execution set outcome = ?, reason = ?, actions = ?::jsonb where id = ?', [outcome, reason, JSON.stringify(actions), executionId]);
          return outcome;
        };
        if (!run.scheduled) {
          // Claim the execution first: a second run of the same job finds it and does nothing.
          if (!(await log(RuleOutcomeKind.SKIPPED, 'running'))) return undefined;
          if (run.cause?.rule === rule.key) return log(RuleOutcomeKind.SKIPPED, "the event was caused by this rule's own action");
          if (run.depth >= MAX_DEPTH) return log(RuleOutcomeKind.SKIPPED, `chain depth limit reached (${MAX_DEPTH} rules in a row)`);
        } else if ((await sql(em, 'select 1 from rule_execution where dedupe_key = ?', [dedupe])).length) {
          return undefined;
        }
        const locked = await sql(em, `select id from "order" where id = ? for update${run.scheduled ? ' skip locked' : ''}`, [orderId]);
        if (!locked.length) return run.scheduled ? undefined : log(RuleOutcomeKind.SKIPPED, 'no such order');
        const facts = (await this.facts(em, orderId))!;
        const verdict = this.verdict(rule, facts, run.now);
        if (!verdict.match) return run.scheduled ? undefined : log(RuleOutcomeKind.SKIPPED, verdict.reason);
        if (run.scheduled && !(await log(RuleOutcomeKind.SKIPPED, 'running'))) return undefined;
        const done: string[] = [];
        for (const action of verdict.actions) {
          const ctx: RequestContext = {
            ...systemContext(em.fork({ keepTransactionContext: true, loggerContext: BACKGROUND }), this.log, `rule:${rule.key}`),
            cause: { rule: rule.key, depth: run.depth + 1 },
          };
          const result = await this.perform(ctx, rule, action, orderId, after);
          if (result.skip) return log(RuleOutcomeKind.SKIPPED, `${action.type}: ${result.skip}`, done);
          if (result.error) return log(RuleOutcomeKind.FAILED, `${action.type}: ${result.error}`, done);
          done.push(label(action));
        }
        return log(RuleOutcomeKind.APPLIED, verdict.reason, done);
      }, { loggerContext: BACKGROUND });
      for (const then of after) then();
      return outcome;
    } catch (e) {
      if (!run.last) throw e;
      // Retries are used up: the log says why, and the next rules still run.
      this.log.error({ err: e, rule: rule.key, orderId }, 'automation rule failed');
      await sql(orm.em.fork({ loggerContext: BACKGROUND }), `insert into rule_execution (id, rule_id, rule_key, order_id, event_id, dedupe_key, outcome, reason, actions, at)
        values (gen_random_uuid(), ?, ?, ?, ?, ?, 'FAILED', ?, '[]', now()) on conflict (dedupe_key) do update set outcome = 'FAILED', reason = excluded.reason`,
      [rule.id, rule.key, orderId, run.event?.id ?? null, dedupe, `error: ${String((e as Error)?.message ?? e).slice(0, 300)}`]);
      return RuleOutcomeKind.FAILED;
    }
  }

  /** One action through the order services; a refusal comes back as the reason, never as a crash. */
  private async perform(ctx: RequestContext, rule: AutomationRule, action: RuleAction, orderId: string, after: (() => void)[]): Promise<{ error?: string; skip?: string }> {
    const refused = (r: OrderResult) => (r.userErrors.length ? { error: r.userErrors.map((e) => e.message).join('; ') } : {});
    switch (action.type) {
      case 'confirm': return refused(await this.orders.confirmOrder(ctx, orderId));
      case 'hold': return refused(await this.orders.holdOrder(ctx, orderId, action.reason ?? `Held by rule ${rule.key}`));
      case 'release': return refused(await this.orders.releaseOrderHold(ctx, orderId));
      case 'cancel': return refused(await this.orders.cancelOrder(ctx, orderId, action.reason ?? `Cancelled by rule ${rule.key}`));
      case 'addTag': return refused(await this.orders.addOrderTag(ctx, orderId, action.tag!));
      case 'markLate': return refused(await this.orders.markOrderLate(ctx, orderId, `Not shipped within ${(rule.settings as any).slaHours} h of confirmation`));
      case 'notify': return refused(await this.orders.recordRuleEntry(ctx, orderId, OrderEventType.RULE_NOTIFIED, action.message ?? rule.name));
      case 'allocate': {
        const r = await this.orders.allocateOrder(ctx, orderId);
        const e = r.userErrors[0];
        if (e && (e.code === ErrorCode.INSUFFICIENT_STOCK || e.code === ErrorCode.CONFLICT)) return { skip: e.message };
        return refused(r);
      }
      case 'webhook': {
        const unusable = await this.webhooks.endpointUsable(ctx.em, action.endpointId!);
        if (unusable) return { error: unusable };
        const r = await this.orders.recordRuleEntry(ctx, orderId, OrderEventType.RULE_WEBHOOK, `Sent to webhook endpoint ${action.endpointId}`);
        if (r.userErrors.length) return refused(r);
        const event = await ctx.em.findOneOrFail(DomainEvent, { aggregateId: orderId, type: 'rule.webhook' }, { orderBy: { seq: 'desc' } });
        const sent = await this.webhooks.deliverTo(ctx.em, action.endpointId!, event);
        if (sent.after) after.push(sent.after);
        return sent.error ? { error: sent.error } : {};
      }
      default: return { error: `unknown action ${action.type}` };
    }
  }

  /**
   * low-stock: for each stock level the event touched, stock.low when available drops below the
   * threshold and the level was not already low; recovering to the threshold re-arms it.
   */
  private async lowStock(rule: AutomationRule, run: Run): Promise<void> {
    const event = run.event!;
    if (run.cause?.rule === rule.key || run.depth >= MAX_DEPTH) return;
    const settings = rule.settings as { threshold: number; perSku: Record<string, number> };
    await this.orm!.em.fork({ loggerContext: BACKGROUND }).transactional(async (em) => {
      const levels = event.aggregateType === 'stock'
        ? await sql<any>(em, `select s.id, p.sku, w.code, s.on_hand - s.reserved as available from stock_level s join product p on p.id = s.product_id join warehouse w on w.id = s.warehouse_id where s.id = ?`, [event.aggregateId])
        : await sql<any>(em, `select s.id, p.sku, w.code, s.on_hand - s.reserved as available from stock_level s join product p on p.id = s.product_id join warehouse w on w.id = s.warehouse_id
            where s.product_id in (select product_id from order_line where order_id = ?) order by s.id`, [event.aggregateId]);
      for (const level of levels) {
        const threshold = settings.perSku?.[level.sku] ?? settings.threshold;
        const available = Number(level.available);
        if (available >= threshold) {
          await sql(em, 'delete from stock_low_state where stock_level_id = ?', [level.id]);
          continue;
        }
        const [crossed] = await sql(em, `insert into stock_low_state (stock_level_id, available, threshold, since) values (?, ?, ?, now())
          on conflict (stock_level_id) do nothing returning stock_level_id`, [level.id, available, threshold]);
        if (!crossed) continue;
        const cause = { rule: rule.key, depth: run.depth + 1 };
        const low = new DomainEvent({
          type: 'stock.low', aggregateType: 'stock', aggregateId: level.id, actor: `rule:${rule.key}`,
          payload: { sku: level.sku, warehouseCode: level.code, available, threshold, cause },
        });
        em.persist(low);
        em.persist(new RuleExecution({
          rule: em.getReference(AutomationRule, rule.id, { wrapped: true }), ruleKey: rule.key, aggregateId: level.id, eventId: event.id,
          dedupeKey: `${rule.id}:${event.id}:${level.id}`, outcome: RuleOutcomeKind.APPLIED,
          reason: `${level.sku} in ${level.code}: ${available} available, below ${threshold}`, actions: ['stock.low'],
        }));
      }
    }, { loggerContext: BACKGROUND });
  }

  /**
   * Runs the enabled scheduled rules as of `now` (the cron job passes the clock; tests pass any
   * time). Each matching order is handled once per rule. Returns how many orders each rule acted on.
   */
  async runScheduledAutomation(now: Date = new Date()): Promise<Record<string, number>> {
    const em = this.orm!.em.fork({ loggerContext: BACKGROUND });
    const result: Record<string, number> = {};
    const run: Run = { depth: 0, now, scheduled: true, last: true };
    for (const rule of await this.enabledRules(em)) {
      if (rule.trigger !== SCHEDULE) continue;
      const settings = rule.settings as any;
      let ids: { id: string }[];
      if (rule.builtIn && rule.key === 'cancel-unpaid') {
        ids = await sql(em, `select id from "order" where status = 'PENDING' and paid_amount = 0 and placed_at <= ? order by placed_at, id limit 500`,
          [new Date(now.getTime() - settings.afterHours * 3_600_000)]);
      } else if (rule.builtIn && rule.key === 'flag-late') {
        ids = await sql(em, `select o.id from "order" o where o.status in ('CONFIRMED', 'PARTIALLY_SHIPPED') and not ('late' = any(o.tags))
          and coalesce((select max(h.at) from order_history h where h.order_id = o.id and h.to_status = 'CONFIRMED'), o.placed_at) <= ?
          order by o.placed_at, o.id limit 500`, [new Date(now.getTime() - settings.slaHours * 3_600_000)]);
      } else {
        // Custom scheduled rules: recent, open orders this rule has not acted on yet.
        ids = await sql(em, `select o.id from "order" o where o.status in ('PENDING', 'ON_HOLD', 'CONFIRMED', 'PARTIALLY_SHIPPED')
          and o.placed_at >= ? and not exists (select 1 from rule_execution x where x.rule_id = ? and x.order_id = o.id and x.event_id is null)
          order by o.placed_at, o.id limit 200`, [new Date(now.getTime() - 30 * 24 * 3_600_000), rule.id]);
      }
      let n = 0;
      for (const { id } of ids) if (await this.execute(rule, id, run)) n++;
      result[rule.key] = n;
    }
    return result;
  }

  // ---- management ----

  rules(ctx: RequestContext): Promise<AutomationRule[]> {
    return ctx.em.find(AutomationRule, {}, { orderBy: { position: 'asc', key: 'asc' } });
  }

  private write<T>(ctx: RequestContext, work: (em: EntityManager) => Promise<T>): Promise<Result<'value', T>> {
    return runMutation(ctx, 'value', work);
  }


  private checkCommon(input: { name?: string | null; description?: string | null; position?: number | null }, errors: UserError[]) {
    if (input.name != null && (!input.name.trim() || input.name.length > 200)) errors.push(err(['input', 'name'], 'name: 1 to 200 characters'));
    if (input.description != null && input.description.length > 2000) errors.push(err(['input', 'description'], 'description: at most 2000 characters'));
    if (input.position != null && (!Number.isInteger(input.position) || input.position < 0 || input.position > 1_000_000)) errors.push(err(['input', 'position'], 'position: a whole number from 0 to 1000000'));
  }

  async create(ctx: RequestContext, input: CreateRuleData) {
    const nul = nulError(input, ['input']);
    if (nul) return { userErrors: [nul] };
    const errors: UserError[] = [];
    if (typeof input.key !== 'string' || !KEY.test(input.key)) errors.push(err(['input', 'key'], 'key: 2 to 64 lower-case letters, digits and -'));
    else if (BUILT_INS[input.key]) errors.push(err(['input', 'key'], `key: ${input.key} is a built-in rule`));
    if (input.name == null) errors.push(err(['input', 'name'], 'name: required'));
    this.checkCommon(input, errors);
    errors.push(...validateTrigger(input.trigger, ['input', 'trigger']), ...validateConditions(input.conditions, ['input', 'conditions']), ...validateActions(input.actions, ['input', 'actions']));
    if (errors.length) return { userErrors: errors };
    const r = await this.write(ctx, async (em) => {
      if (await em.count(AutomationRule, { key: input.key })) fail(ErrorCode.CONFLICT, `key: a rule ${input.key} exists`, ['input', 'key']);
      const [{ max }] = await sql<{ max: number | null }>(em, 'select max(position) as max from automation_rule');
      const rule = new AutomationRule({
        key: input.key, name: input.name.trim(), description: input.description ?? '', builtIn: false, trigger: input.trigger,
        conditions: input.conditions as any, actions: normaliseActions(input.actions as RuleAction[]), settings: {},
        position: input.position ?? (Number(max ?? 0) + 10), enabled: input.enabled ?? false,
      });
      em.persist(rule);
      recordAudit(em, ctx, 'automationRule.create', 'automationRule', rule.id, { key: rule.key, trigger: rule.trigger, conditions: rule.conditions, actions: rule.actions, enabled: rule.enabled });
      return rule;
    });
    return { rule: r.value, userErrors: r.userErrors };
  }

  async update(ctx: RequestContext, input: UpdateRuleData) {
    const nul = nulError(input, ['input']);
    if (nul) return { userErrors: [nul] };
    const r = await this.write(ctx, async (em) => {
      const rule = typeof input.key === 'string' ? await em.findOne(AutomationRule, { key: input.key }) : null;
      if (!rule) return fail(ErrorCode.NOT_FOUND, `No automation rule ${JSON.stringify(input.key).slice(0, 80)}`, ['input', 'key']);
      const errors: UserError[] = [];
      this.checkCommon(input, errors);
      let settings: Record<string, unknown> | undefined;
      if (rule.builtIn) {
        for (const f of ['name', 'description', 'trigger', 'conditions', 'actions'] as const) {
          if (input[f] != null) errors.push(err(['input', f], `${f}: a built-in rule's ${f} cannot be changed (only enabled, settings and position)`));
        }
        if (input.settings != null) {
          if (typeof input.settings !== 'object' || Array.isArray(input.settings)) errors.push(err(['input', 'settings'], 'settings: must be an object'));
          else {
            settings = { ...rule.settings, ...(input.settings as Record<string, unknown>) };
            errors.push(...BUILT_INS[rule.key].validate(settings));
          }
        }
      } else {
        if (input.settings != null && Object.keys(input.settings as object).length) errors.push(err(['input', 'settings'], 'settings: custom rules have none (use conditions and actions)'));
        if (input.trigger != null) errors.push(...validateTrigger(input.trigger, ['input', 'trigger']));
        if (input.conditions != null) errors.push(...validateConditions(input.conditions, ['input', 'conditions']));
        if (input.actions != null) errors.push(...validateActions(input.actions, ['input', 'actions']));
      }
      if (errors.length) throw new DomainError(errors);
      const before = { enabled: rule.enabled, settings: rule.settings, position: rule.position, name: rule.name, trigger: rule.trigger, conditions: rule.conditions, actions: rule.actions };
      if (input.enabled != null) rule.enabled = input.enabled;
      if (settings) rule.settings = settings;
      if (input.position != null) rule.position = input.position;
      if (input.name != null) rule.name = input.name.trim();
      if (input.description != null) rule.description = input.description;
      if (input.trigger != null) rule.trigger = input.trigger;
      if (input.conditions != null) rule.conditions = input.conditions as any;
      if (input.actions != null) rule.actions = normaliseActions(input.actions as RuleAction[]);
      const after = { enabled: rule.enabled, settings: rule.settings, position: rule.position, name: rule.name, trigger: rule.trigger, conditions: rule.conditions, actions: rule.actions };
      const changes = Object.fromEntries(Object.entries(after).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify((before as any)[k])).map(([k, v]) => [k, { from: (before as any)[k], to: v }]));
      if (Object.keys(changes).length) recordAudit(em, ctx, 'automationRule.update', 'automationRule', rule.id, { key: rule.key, ...changes });
      return rule;
    });
    return { rule: r.value, userErrors: r.userErrors };
  }

  async delete(ctx: RequestContext, key: string) {
    const nul = nulError(key, ['key']);
    if (nul) return { userErrors: [nul] };
    const r = await this.write(ctx, async (em) => {
      const rule = await em.findOne(AutomationRule, { key });
      if (!rule) return fail(ErrorCode.NOT_FOUND, `No automation rule ${JSON.stringify(key).slice(0, 80)}`, ['key']);
      if (rule.builtIn) fail(ErrorCode.INVALID_INPUT, `${key} is a built-in rule: disable it instead`, ['key']);
      recordAudit(em, ctx, 'automationRule.delete', 'automationRule', rule.id, { key });
      await em.nativeDelete(AutomationRule, { id: rule.id });
      return key;
    });
    return { deletedKey: r.value, userErrors: r.userErrors };
  }

  /**
   * What every rule would do to an order now, in run order, enabled or not. Reads only: it
   * changes nothing (no lock, no write, no event).
   */
  async dryRun(ctx: RequestContext, orderIdOrNumber: string): Promise<RuleOutcomeView[]> {
    rejectNul({ orderId: orderIdOrNumber });
    const scope = channelScope(ctx);
    const [row] = await sql<{ id: string; channel_id: string }>(ctx.em, `select id, channel_id from "order" where ${isUuid(orderIdOrNumber) ? 'id = ?::uuid' : 'number = ?'}`, [orderIdOrNumber]);
    if (!row || (scope && !scope.includes(row.channel_id))) return [];
    const facts = (await this.facts(ctx.em, row.id))!;
    const now = new Date();
    return (await this.rules(ctx)).map((rule) => {
      const v = this.verdict(rule, facts, now);
      const refusals = v.match ? v.actions.map((a) => this.wouldRefuse(a, facts)).filter((x): x is string => !!x) : [];
      return {
        ruleKey: rule.key, name: rule.name, enabled: rule.enabled, trigger: rule.trigger, matches: v.match,
        actions: v.actions.map(label), reason: [v.reason, ...refusals].join('; '),
      };
    });
  }

  /** Why an action would be refused by the order services in the order's current state, if it would. */
  private wouldRefuse(a: RuleAction, f: OrderFacts): string | undefined {
    const action = ORDER_ACTION_OF[a.type];
    if (action) {
      const refused = refusal(action, f);
      return refused ? `${a.type} would be refused: ${refused.message}` : undefined;
    }
    if (a.type === 'allocate') return !allocationRefusal(f) && f.unallocated > 0 ? undefined : 'allocate would do nothing: nothing is waiting for stock';
    return undefined;
  }

  async executions(ctx: RequestContext, args: { ruleKey?: string | null; orderId?: string | null; first?: number | null; after?: string | null }) {
    rejectNul({ ruleKey: args.ruleKey });
    const limit = pageSize(args.first);
    const cursor = decodeCursor(args.after, 2);
    const where: Record<string, unknown> = {};
    if (args.ruleKey) where.ruleKey = args.ruleKey;
    if (args.orderId) {
      if (!isUuid(args.orderId)) return toConnection([] as RuleExecution[], limit, () => [], async () => 0);
      where.orderId = args.orderId;
    }
    const page: any = cursor ? { ...where, $or: [{ at: { $lt: new Date(cursor[0] as string) } }, { at: new Date(cursor[0] as string), id: { $lt: cursor[1] } }] } : where;
    const items = await ctx.em.find(RuleExecution, page, { orderBy: { at: 'desc', id: 'desc' }, limit: limit + 1 });
    const orderIds = [...new Set(items.map((x) => x.orderId).filter((x): x is string => !!x))];
    if (orderIds.length) {
      const numbers = new Map((await sql<{ id: string; number: string }>(ctx.em, 'select id, number from "order" where id = any(?::uuid[])', [orderIds])).map((r) => [r.id, r.number]));
      for (const x of items) x.orderNumber = x.orderId ? numbers.get(x.orderId) : undefined;
    }
    return toConnection(items, limit, (x) => [x.at.toISOString(), x.id], () => ctx.em.count(RuleExecution, where));
  }
}

function normaliseActions(actions: RuleAction[]): RuleAction[] {
  return actions.map((a) => (a.type === 'addTag' ? { ...a, tag: a.tag!.trim().toLowerCase() } : a));
}
