/**
 * The automation engine: runs the rules an event triggers, one rule and one order at a time,
 * executes their actions, logs every execution, and answers the dry run. Rules react to
 * committed events: the dispatcher's reactor sends one job per event that an enabled rule
 * listens to, in the dispatching transaction, so each event's rules run once across processes and
 * a failed run is retried. Every rule acts through the order services, as `rule:<key>`, so the
 * state machine stays the only writer of status and each action lands in the order's history.
 * Events a rule's actions produce carry `cause: { rule, depth }`: a rule ignores its own events,
 * and chains stop at MAX_DEPTH. Which orders a built-in rule looks at is its definition's
 * business (rule-definitions.ts), never a comparison of rule keys here.
 */
import type { EntityManager, FilterQuery, MikroORM, ObjectQuery } from '@mikro-orm/postgresql';
import type PgBoss from 'pg-boss';
import { channelScope } from '../../common/access';
import { BACKGROUND, EventCause, RequestContext, systemContext } from '../../common/context';
import { ErrorCode } from '../../common/errors';
import type { JobQueue } from '../../common/jobs';
import { isUuid } from '../../common/limits';
import type { Logger } from '../../common/logger';
import { dateAndId, fetchOrder, keysetWhere, PageArgs, pageOf, toConnection } from '../../common/pagination';
import { rejectNul } from '../../common/query-args';
import { run as runSql } from '../../common/sql';
import { DomainEvent } from '../events';
import { allocationRefusal, OrderAction, refusal } from '../order';
import { OrderEventType } from '../order';
import type { OrderResult } from '../order/order-transaction';
import type { OrderService } from '../order/order.service';
import type { WebhookDeliveryService } from '../webhooks/webhook-delivery.service';
import { AutomationRule, RuleAction, RuleExecution, RuleOutcomeKind, SCHEDULE } from './automation-rule.entity';
import {
  claimExecution,
  executionExists,
  ExecutionRow,
  lockOrder,
  orderByIdOrNumber,
  orderFacts,
  OrderFactsRow,
  orderNumbers,
  recordFailedExecution,
  updateExecution,
} from './automation.sql';
import { BUILT_INS, BuiltIn, customVerdict, OrderFacts, Verdict } from './rule-definitions';

export const AUTOMATION_QUEUE = 'automation';
/** Events produced at this depth of a chain of rules trigger no further rule. */
export const MAX_DEPTH = 3;
/** The rule actions that are order actions, asked of the order's rules (order-state-machine.ts) in a dry run. */
const ORDER_ACTION_OF: Partial<Record<RuleAction['type'], OrderAction>> = {
  confirm: OrderAction.CONFIRM,
  hold: OrderAction.HOLD,
  release: OrderAction.RELEASE_HOLD,
  cancel: OrderAction.CANCEL,
};

export interface RuleOutcomeView {
  ruleKey: string;
  name: string;
  enabled: boolean;
  trigger: string;
  matches: boolean;
  actions: string[];
  reason: string;
}

/** One run of rules: for an event, or a scheduled pass at `now`. */
export interface RuleRun {
  event?: DomainEvent;
  depth: number;
  cause?: EventCause;
  now: Date;
  scheduled: boolean;
  /** The job's last attempt: an unexpected error is logged as FAILED instead of retried. */
  last: boolean;
}

const label = (a: RuleAction) => (a.type === 'addTag' ? `addTag:${a.tag}` : a.type);

/** A rule's built-in definition (custom rules have none). */
export function builtInOf(rule: AutomationRule): BuiltIn | undefined {
  return rule.builtIn ? BUILT_INS[rule.key] : undefined;
}

/** The event types a rule reacts to (none for scheduled rules). */
function triggers(rule: AutomationRule): string[] {
  const builtIn = builtInOf(rule);
  if (builtIn) return builtIn.events;
  return rule.trigger === SCHEDULE ? [] : [rule.trigger];
}

export class AutomationEngine {
  private orm?: MikroORM;

  constructor(
    private readonly jobs: JobQueue,
    private readonly orders: OrderService,
    private readonly webhooks: WebhookDeliveryService,
    private readonly log: Logger,
  ) {}

  /** Works the automation queue in this process. */
  async start(orm: MikroORM): Promise<void> {
    this.orm = orm;
    await this.jobs.define(AUTOMATION_QUEUE, {
      retryLimit: 5,
      retryDelaySeconds: 5,
      retryBackoff: true,
      expireInSeconds: 300,
      deadLetter: true,
    });
    await this.jobs.work<{ eventId: string }>(AUTOMATION_QUEUE, (job) => this.runEventJob(job));
  }

  /** A fork of the started ORM for background work. */
  background(): EntityManager {
    return this.orm!.em.fork({ loggerContext: BACKGROUND }) as EntityManager;
  }

  /** The dispatcher's reactor: one automation job per event some enabled rule reacts to. */
  readonly react = async (em: EntityManager, events: DomainEvent[]) => {
    const rules = await em.find(AutomationRule, { enabled: true });
    if (!rules.length) return;
    const wanted = new Set(rules.flatMap((r) => triggers(r)));
    const chosen = events.filter((e) => wanted.has(e.type));
    if (!chosen.length) return;
    for (const e of chosen) await this.jobs.send(em, AUTOMATION_QUEUE, { eventId: e.id });
    return () => this.jobs.wake(AUTOMATION_QUEUE);
  };

  /** Enabled rules in run order. */
  enabledRules(em: EntityManager): Promise<AutomationRule[]> {
    return em.find(AutomationRule, { enabled: true }, { orderBy: { position: 'asc', key: 'asc' } });
  }

  private async runEventJob(job: PgBoss.JobWithMetadata<{ eventId: string }>): Promise<void> {
    const em = this.background();
    const event = await em.findOne(DomainEvent, { id: job.data.eventId });
    if (!event) return;
    const cause = (event.payload?.cause ?? undefined) as EventCause | undefined;
    const run: RuleRun = {
      event,
      depth: cause?.depth ?? 0,
      cause,
      now: new Date(),
      scheduled: false,
      last: job.retryCount >= job.retryLimit,
    };
    for (const rule of await this.enabledRules(em)) {
      if (!triggers(rule).includes(event.type)) continue;
      const builtIn = builtInOf(rule);
      if (builtIn?.run) {
        if (run.cause?.rule === rule.key || run.depth >= MAX_DEPTH) continue;
        await this.background().transactional((tx) => builtIn.run!(tx as EntityManager, rule, event, run.depth + 1), {
          loggerContext: BACKGROUND,
        });
        continue;
      }
      const targets = builtIn?.eventTargets
        ? await builtIn.eventTargets(em, event)
        : { orderIds: event.aggregateType === 'order' ? [event.aggregateId] : [], untilSkipped: false };
      for (const orderId of targets.orderIds) {
        const outcome = await this.execute(rule, orderId, run);
        if (targets.untilSkipped && outcome === RuleOutcomeKind.SKIPPED) break;
      }
    }
  }

  /** What conditions look at, read with SQL in the caller's transaction. */
  private async facts(em: EntityManager, orderId: string): Promise<OrderFacts | undefined> {
    const [r] = await runSql<OrderFactsRow>(em, orderFacts(orderId));
    if (!r) return undefined;
    return {
      id: r.id,
      number: r.number,
      status: r.status,
      statusBeforeHold: r.status_before_hold,
      paymentStatus: r.payment_status,
      channel: r.channel,
      total: r.total_amount,
      paid: r.paid_amount,
      currency: r.currency,
      country: r.ship_country,
      skus: r.skus,
      emailDomain: String(r.email).split('@').pop()!.toLowerCase(),
      tags: r.tags ?? [],
      placedAt: new Date(r.placed_at),
      confirmedAt: r.confirmed_at ? new Date(r.confirmed_at) : null,
      unallocated: Number(r.unallocated),
    };
  }

  private verdict(rule: AutomationRule, f: OrderFacts, now: Date): Verdict {
    const builtIn = builtInOf(rule);
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
  async execute(rule: AutomationRule, orderId: string, run: RuleRun): Promise<RuleOutcomeKind | undefined> {
    const row: ExecutionRow = {
      ruleId: rule.id,
      ruleKey: rule.key,
      orderId,
      eventId: run.event?.id ?? null,
      dedupeKey: run.scheduled ? `${rule.id}:schedule:${orderId}` : `${rule.id}:${run.event!.id}:${orderId}`,
    };
    const after: (() => void)[] = [];
    try {
      const outcome = await this.background().transactional(
        async (tx) => {
          const em = tx as EntityManager;
          let executionId: string | undefined;
          const log = async (outcome: RuleOutcomeKind, reason: string, actions: string[] = []) => {
            if (!executionId) {
              const [claimed] = await runSql<{ id: string }>(
                em,
                claimExecution(row, outcome, reason, actions, new Date()),
              );
              executionId = claimed?.id;
              return claimed ? outcome : undefined;
            }
            await runSql(em, updateExecution(executionId, outcome, reason, actions));
            return outcome;
          };
          if (!run.scheduled) {
            // Claim the execution first: a second run of the same job finds it and does nothing.
            if (!(await log(RuleOutcomeKind.SKIPPED, 'running'))) return undefined;
            if (run.cause?.rule === rule.key)
              return log(RuleOutcomeKind.SKIPPED, "the event was caused by this rule's own action");
            if (run.depth >= MAX_DEPTH)
              return log(RuleOutcomeKind.SKIPPED, `chain depth limit reached (${MAX_DEPTH} rules in a row)`);
          } else if ((await runSql(em, executionExists(row.dedupeKey))).length) {
            return undefined;
          }
          const locked = await runSql(em, lockOrder(orderId, run.scheduled));
          if (!locked.length) return run.scheduled ? undefined : log(RuleOutcomeKind.SKIPPED, 'no such order');
          const facts = (await this.facts(em, orderId))!;
          const verdict = this.verdict(rule, facts, run.now);
          if (!verdict.match) return run.scheduled ? undefined : log(RuleOutcomeKind.SKIPPED, verdict.reason);
          if (run.scheduled && !(await log(RuleOutcomeKind.SKIPPED, 'running'))) return undefined;
          const done: string[] = [];
          for (const action of verdict.actions) {
            const ctx: RequestContext = {
              ...systemContext(
                em.fork({ keepTransactionContext: true, loggerContext: BACKGROUND }),
                this.log,
                `rule:${rule.key}`,
              ),
              cause: { rule: rule.key, depth: run.depth + 1 },
            };
            const result = await this.perform(ctx, rule, action, orderId, after);
            if (result.skip) return log(RuleOutcomeKind.SKIPPED, `${action.type}: ${result.skip}`, done);
            if (result.error) return log(RuleOutcomeKind.FAILED, `${action.type}: ${result.error}`, done);
            done.push(label(action));
          }
          return log(RuleOutcomeKind.APPLIED, verdict.reason, done);
        },
        { loggerContext: BACKGROUND },
      );
      for (const then of after) then();
      return outcome;
    } catch (e) {
      if (!run.last) throw e;
      // Retries are used up: the log says why, and the next rules still run.
      this.log.error({ err: e, rule: rule.key, orderId }, 'automation rule failed');
      await runSql(
        this.background(),
        recordFailedExecution(row, `error: ${String((e as Error)?.message ?? e).slice(0, 300)}`),
      );
      return RuleOutcomeKind.FAILED;
    }
  }

  /** One action through the order services; a refusal comes back as the reason, never as a crash. */
  private async perform(
    ctx: RequestContext,
    rule: AutomationRule,
    action: RuleAction,
    orderId: string,
    after: (() => void)[],
  ): Promise<{ error?: string; skip?: string }> {
    const refused = (r: OrderResult) =>
      r.userErrors.length ? { error: r.userErrors.map((e) => e.message).join('; ') } : {};
    switch (action.type) {
      case 'confirm':
        return refused(await this.orders.confirmOrder(ctx, orderId));
      case 'hold':
        return refused(await this.orders.holdOrder(ctx, orderId, action.reason ?? `Held by rule ${rule.key}`));
      case 'release':
        return refused(await this.orders.releaseOrderHold(ctx, orderId));
      case 'cancel':
        return refused(await this.orders.cancelOrder(ctx, orderId, action.reason ?? `Cancelled by rule ${rule.key}`));
      case 'addTag':
        return refused(await this.orders.addOrderTag(ctx, orderId, action.tag!));
      case 'markLate':
        return refused(
          await this.orders.markOrderLate(
            ctx,
            orderId,
            `Not shipped within ${rule.settings.slaHours} h of confirmation`,
          ),
        );
      case 'notify':
        return refused(
          await this.orders.recordRuleEntry(ctx, orderId, OrderEventType.RULE_NOTIFIED, action.message ?? rule.name),
        );
      case 'allocate': {
        const r = await this.orders.allocateOrder(ctx, orderId);
        const e = r.userErrors[0];
        if (e && (e.code === ErrorCode.INSUFFICIENT_STOCK || e.code === ErrorCode.CONFLICT)) return { skip: e.message };
        return refused(r);
      }
      case 'webhook': {
        const unusable = await this.webhooks.endpointUsable(ctx.em, action.endpointId!);
        if (unusable) return { error: unusable };
        const r = await this.orders.recordRuleEntry(
          ctx,
          orderId,
          OrderEventType.RULE_WEBHOOK,
          `Sent to webhook endpoint ${action.endpointId}`,
        );
        if (r.userErrors.length) return refused(r);
        const event = await ctx.em.findOneOrFail(
          DomainEvent,
          { aggregateId: orderId, type: 'rule.webhook' },
          { orderBy: { seq: 'desc' } },
        );
        const sent = await this.webhooks.deliverTo(ctx.em, action.endpointId!, event);
        if (sent.after) after.push(sent.after);
        return sent.error ? { error: sent.error } : {};
      }
      default:
        return { error: `unknown action ${action.type}` };
    }
  }

  /**
   * What every rule would do to an order now, in run order, enabled or not. Reads only: it
   * changes nothing (no lock, no write, no event).
   */
  async dryRun(ctx: RequestContext, orderIdOrNumber: string): Promise<RuleOutcomeView[]> {
    rejectNul({ orderId: orderIdOrNumber });
    const scope = channelScope(ctx);
    const [row] = await runSql<{ id: string; channel_id: string }>(
      ctx.em,
      orderByIdOrNumber(orderIdOrNumber, isUuid(orderIdOrNumber)),
    );
    if (!row || (scope && !scope.includes(row.channel_id))) return [];
    const facts = (await this.facts(ctx.em, row.id))!;
    const now = new Date();
    const rules = await ctx.em.find(AutomationRule, {}, { orderBy: { position: 'asc', key: 'asc' } });
    return rules.map((rule) => {
      const v = this.verdict(rule, facts, now);
      const refusals = v.match ? v.actions.map((a) => this.wouldRefuse(a, facts)).filter((x): x is string => !!x) : [];
      return {
        ruleKey: rule.key,
        name: rule.name,
        enabled: rule.enabled,
        trigger: rule.trigger,
        matches: v.match,
        actions: v.actions.map(label),
        reason: [v.reason, ...refusals].join('; '),
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
    if (a.type === 'allocate')
      return !allocationRefusal(f) && f.unallocated > 0
        ? undefined
        : 'allocate would do nothing: nothing is waiting for stock';
    return undefined;
  }

  /** The execution log, newest first. */
  async executions(ctx: RequestContext, args: PageArgs & { ruleKey?: string | null; orderId?: string | null }) {
    rejectNul({ ruleKey: args.ruleKey });
    const paging = pageOf(args, 2);
    const where: ObjectQuery<RuleExecution> = {};
    if (args.ruleKey) where.ruleKey = args.ruleKey;
    if (args.orderId) {
      if (!isUuid(args.orderId))
        return toConnection(
          [] as RuleExecution[],
          paging,
          () => [],
          async () => 0,
        );
      where.orderId = args.orderId;
    }
    const page: FilterQuery<RuleExecution> = keysetWhere(where, ['at', 'id'], 'desc', paging, dateAndId);
    const items = await ctx.em.find(RuleExecution, page, {
      orderBy: fetchOrder(['at', 'id'], 'desc', paging),
      limit: paging.limit + 1,
    });
    const orderIds = [...new Set(items.map((x) => x.orderId).filter((x): x is string => !!x))];
    if (orderIds.length) {
      const numbers = new Map(
        (await runSql<{ id: string; number: string }>(ctx.em, orderNumbers(orderIds))).map((r) => [r.id, r.number]),
      );
      for (const x of items) x.orderNumber = x.orderId ? numbers.get(x.orderId) : undefined;
    }
    return toConnection(
      items,
      paging,
      (x) => [x.at.toISOString(), x.id],
      () => ctx.em.count(RuleExecution, where),
    );
  }
}
