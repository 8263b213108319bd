/**
 * Editing automation rules: list, create, update (built-ins: enabled, settings and position;
 * custom rules: their definition) and delete custom rules, each mistake named at its field
 * (the validation of triggers, conditions, actions and settings is in rule-definitions.ts).
 * Every change is audited.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { DomainError, ErrorCode, fail, UserError } from '../../common/errors';
import { Result, runMutation } from '../../common/mutation';
import { run as runSql } from '../../common/sql';
import { recordAudit } from '../auth';
import { AutomationRule, RuleAction, RuleCondition } from './automation-rule.entity';
import { maxRulePosition } from './automation.sql';
import { BUILT_INS, nulError, validateActions, validateConditions, validateTrigger } from './rule-definitions';

const KEY = /^[a-z0-9][a-z0-9-]{1,63}$/;

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

const err = (field: string[], message: string) => new UserError(ErrorCode.INVALID_INPUT, message, field);

export class AutomationRules {
  /** Every rule, in run order. */
  list(ctx: RequestContext): Promise<AutomationRule[]> {
    return ctx.em.find(AutomationRule, {}, { orderBy: { position: 'asc', key: 'asc' } });
  }

  private write<T>(ctx: RequestContext, work: (em: EntityManager) => Promise<T>): Promise<Result<'value', T>> {
    return runMutation(ctx, 'value', work);
  }

  private checkCommon(
    input: { name?: string | null; description?: string | null; position?: number | null },
    errors: UserError[],
  ) {
    if (input.name != null && (!input.name.trim() || input.name.length > 200))
      errors.push(err(['input', 'name'], 'name: 1 to 200 characters'));
    if (input.description != null && input.description.length > 2000)
      errors.push(err(['input', 'description'], 'description: at most 2000 characters'));
    if (
      input.position != null &&
      (!Number.isInteger(input.position) || input.position < 0 || input.position > 1_000_000)
    )
      errors.push(err(['input', 'position'], 'position: a whole number from 0 to 1000000'));
  }

  async create(ctx: RequestContext, input: CreateRuleData) {
    const nul = nulError(input, ['input']);
    if (nul) return { userErrors: [nul] };
    const errors: UserError[] = [];
    if (typeof input.key !== 'string' || !KEY.test(input.key))
      errors.push(err(['input', 'key'], 'key: 2 to 64 lower-case letters, digits and -'));
    else if (BUILT_INS[input.key]) errors.push(err(['input', 'key'], `key: ${input.key} is a built-in rule`));
    if (input.name == null) errors.push(err(['input', 'name'], 'name: required'));
    this.checkCommon(input, errors);
    errors.push(
      ...validateTrigger(input.trigger, ['input', 'trigger']),
      ...validateConditions(input.conditions, ['input', 'conditions']),
      ...validateActions(input.actions, ['input', 'actions']),
    );
    if (errors.length) return { userErrors: errors };
    const r = await this.write(ctx, async (em) => {
      if (await em.count(AutomationRule, { key: input.key }))
        fail(ErrorCode.CONFLICT, `key: a rule ${input.key} exists`, ['input', 'key']);
      const [{ max }] = await runSql<{ max: number | null }>(em, maxRulePosition());
      const rule = new AutomationRule({
        key: input.key,
        name: input.name.trim(),
        description: input.description ?? '',
        builtIn: false,
        trigger: input.trigger,
        conditions: input.conditions as RuleCondition[],
        actions: normaliseActions(input.actions as RuleAction[]),
        settings: {},
        position: input.position ?? Number(max ?? 0) + 10,
        enabled: input.enabled ?? false,
      });
      em.persist(rule);
      recordAudit(em, ctx, 'automationRule.create', 'automationRule', rule.id, {
        key: rule.key,
        trigger: rule.trigger,
        conditions: rule.conditions,
        actions: rule.actions,
        enabled: rule.enabled,
      });
      return rule;
    });
    return { rule: r.value, userErrors: r.userErrors };
  }

  async update(ctx: RequestContext, input: UpdateRuleData) {
    const nul = nulError(input, ['input']);
    if (nul) return { userErrors: [nul] };
    const r = await this.write(ctx, async (em) => {
      const rule = typeof input.key === 'string' ? await em.findOne(AutomationRule, { key: input.key }) : null;
      if (!rule)
        return fail(ErrorCode.NOT_FOUND, `No automation rule ${JSON.stringify(input.key).slice(0, 80)}`, [
          'input',
          'key',
        ]);
      const errors: UserError[] = [];
      this.checkCommon(input, errors);
      let settings: Record<string, unknown> | undefined;
      if (rule.builtIn) {
        for (const f of ['name', 'description', 'trigger', 'conditions', 'actions'] as const) {
          if (input[f] != null)
            errors.push(
              err(['input', f], `${f}: a built-in rule's ${f} cannot be changed (only enabled, settings and position)`),
            );
        }
        if (input.settings != null) {
          if (typeof input.settings !== 'object' || Array.isArray(input.settings))
            errors.push(err(['input', 'settings'], 'settings: must be an object'));
          else {
            settings = { ...rule.settings, ...(input.settings as Record<string, unknown>) };
            errors.push(...BUILT_INS[rule.key].validate(settings));
          }
        }
      } else {
        if (input.settings != null && Object.keys(input.settings as object).length)
          errors.push(err(['input', 'settings'], 'settings: custom rules have none (use conditions and actions)'));
        if (input.trigger != null) errors.push(...validateTrigger(input.trigger, ['input', 'trigger']));
        if (input.conditions != null) errors.push(...validateConditions(input.conditions, ['input', 'conditions']));
        if (input.actions != null) errors.push(...validateActions(input.actions, ['input', 'actions']));
      }
      if (errors.length) throw new DomainError(errors);
      const before = {
        enabled: rule.enabled,
        settings: rule.settings,
        position: rule.position,
        name: rule.name,
        trigger: rule.trigger,
        conditions: rule.conditions,
        actions: rule.actions,
      };
      if (input.enabled != null) rule.enabled = input.enabled;
      if (settings) rule.settings = settings;
      if (input.position != null) rule.position = input.position;
      if (input.name != null) rule.name = input.name.trim();
      if (input.description != null) rule.description = input.description;
      if (input.trigger != null) rule.trigger = input.trigger;
      if (input.conditions != null) rule.conditions = input.conditions as RuleCondition[];
      if (input.actions != null) rule.actions = normaliseActions(input.actions as RuleAction[]);
      const after = {
        enabled: rule.enabled,
        settings: rule.settings,
        position: rule.position,
        name: rule.name,
        trigger: rule.trigger,
        conditions: rule.conditions,
        actions: rule.actions,
      };
      const changes = Object.fromEntries(
        Object.entries(after)
          .filter(([k, v]) => JSON.stringify(v) !== JSON.stringify((before as Record<string, unknown>)[k]))
          .map(([k, v]) => [k, { from: (before as Record<string, unknown>)[k], to: v }]),
      );
      if (Object.keys(changes).length)
        recordAudit(em, ctx, 'automationRule.update', 'automationRule', rule.id, { key: rule.key, ...changes });
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
}

function normaliseActions(actions: RuleAction[]): RuleAction[] {
  return actions.map((a) => (a.type === 'addTag' ? { ...a, tag: a.tag!.trim().toLowerCase() } : a));
}
