/**
 * Automation rules as data: what starts a rule (an event type, or the schedule), the conditions
 * it checks on the order, the actions it takes, its settings (built-in rules) and its place in
 * the run order; and the log of every execution with its outcome.
 */
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Ref } from '@mikro-orm/core';
import { GraphQLJSON, GraphQLJSONObject } from 'graphql-scalars';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** The trigger of rules that run on the schedule rather than on an event. */
export const SCHEDULE = 'schedule';

@ObjectType({
  description: 'A rule: when its trigger fires and its conditions hold for an order, its actions run, in order.',
})
@Entity({ tableName: 'automation_rule' })
export class AutomationRule {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'Stable: auto-confirm-paid, hold-high-value, ... for the built-ins.' })
  @Property({ type: 'string', length: 64, unique: true })
  key: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name: string;

  @Field(() => String)
  @Property({ type: 'text', default: '' })
  description: string = '';

  @Field(() => Boolean, {
    description: 'Built-in rules have fixed behaviour (tuned by settings) and cannot be deleted.',
  })
  @Property({ type: 'boolean' })
  builtIn: boolean;

  @Field(() => String, { description: 'An event type (e.g. order.placed), or "schedule".' })
  @Property({ type: 'string', length: 64 })
  trigger: string;

  @Field(() => GraphQLJSON, {
    description: 'Custom rules: every condition must hold, e.g. [{"field":"total","op":"gte","value":50000}].',
  })
  @Property({ type: 'json' })
  conditions: RuleCondition[] = [];

  @Field(() => GraphQLJSON, {
    description: 'Custom rules: the actions, in order, e.g. [{"type":"hold","reason":"Review"}].',
  })
  @Property({ type: 'json' })
  actions: RuleAction[] = [];

  @Field(() => GraphQLJSONObject, { description: 'Built-in rules: their settings (see docs/automation.md).' })
  @Property({ type: 'json' })
  settings: Record<string, unknown> = {};

  @Field(() => Int, { description: 'Rules run in ascending position.' })
  @Property({ type: 'integer' })
  position: number;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  enabled = false;

  @Field(() => Date)
  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: 'datetime', length: 3, onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  constructor(props: {
    key: string;
    name: string;
    description?: string;
    builtIn: boolean;
    trigger: string;
    conditions: RuleCondition[];
    actions: RuleAction[];
    settings?: Record<string, unknown>;
    position: number;
    enabled: boolean;
  }) {
    Object.assign(this, props);
  }
}

export interface RuleCondition {
  field: string;
  op: string;
  value: unknown;
}

export interface RuleAction {
  type: string;
  reason?: string;
  tag?: string;
  endpointId?: string;
  message?: string;
}

export enum RuleOutcomeKind {
  APPLIED = 'APPLIED',
  SKIPPED = 'SKIPPED',
  FAILED = 'FAILED',
}
registerEnumType(RuleOutcomeKind, {
  name: 'RuleExecutionOutcome',
  description:
    'APPLIED: actions ran; SKIPPED: conditions false or loop protection; FAILED: an action was refused (reason).',
});

@ObjectType({ description: 'One execution of a rule for one order (or stock level), with its outcome.' })
@Entity({ tableName: 'rule_execution' })
@Index({ properties: ['at', 'id'] })
export class RuleExecution {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => AutomationRule, { ref: true, deleteRule: 'cascade' })
  rule: Ref<AutomationRule>;

  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  ruleKey: string;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true, index: true })
  orderId?: string;

  @Field(() => ID, { nullable: true, description: 'The stock level, for stock rules.' })
  @Property({ type: 'uuid', nullable: true })
  aggregateId?: string;

  @Field(() => ID, { nullable: true, description: 'The event that triggered it; null for scheduled runs.' })
  @Property({ type: 'uuid', nullable: true })
  eventId?: string;

  /** One execution per rule, event and order: a retried job does not run a rule twice. */
  @Property({ type: 'string', length: 300, unique: true, hidden: true })
  dedupeKey: string;

  @Field(() => RuleOutcomeKind)
  @Enum({ items: () => RuleOutcomeKind })
  outcome: RuleOutcomeKind;

  @Field(() => String, { nullable: true, description: 'Why it was skipped or failed; what it did when applied.' })
  @Property({ type: 'text', nullable: true })
  reason?: string;

  @Field(() => [String], { description: 'The actions done, e.g. ["hold", "addTag:vip"].' })
  @Property({ type: 'json' })
  actions: string[] = [];

  @Field(() => Date)
  @Property({ type: 'datetime', length: 3 })
  at: Date = new Date();

  /** Filled in by the execution log query (not stored). */
  @Field(() => String, { nullable: true, description: 'The number of the order, when it is about one.' })
  orderNumber?: string;

  constructor(
    props: Pick<RuleExecution, 'rule' | 'ruleKey' | 'dedupeKey' | 'outcome'> &
      Partial<Pick<RuleExecution, 'orderId' | 'aggregateId' | 'eventId' | 'reason' | 'actions' | 'at'>>,
  ) {
    Object.assign(this, props);
  }
}
