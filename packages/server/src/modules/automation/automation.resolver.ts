import { GraphQLJSON } from 'graphql-scalars';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Connection } from '../../common/pagination';
import { Payload } from '../../common/payload';
import { Permission } from '../auth';
import { AutomationRule, RuleExecution } from './automation-rule.entity';
import { AutomationService } from './automation.service';

@ObjectType()
export class AutomationRulePayload extends Payload('AutomationRulePayload', 'rule', AutomationRule) {
  rule?: AutomationRule;
}

@ObjectType()
export class DeleteAutomationRulePayload extends Payload('DeleteAutomationRulePayload', 'deletedKey', String) {
  deletedKey?: string;
}

@ObjectType()
export class RuleExecutionConnection extends Connection(RuleExecution, 'RuleExecution') {}

@ObjectType({ description: 'What one rule would do to an order now (a dry run).' })
export class RuleOutcome {
  @Field(() => String)
  ruleKey: string;

  @Field(() => String)
  name: string;

  @Field(() => Boolean)
  enabled: boolean;

  @Field(() => String)
  trigger: string;

  @Field(() => Boolean, { description: 'Whether its conditions hold for the order now.' })
  matches: boolean;

  @Field(() => [String], { description: 'The actions it would run, in order (empty when it does not match).' })
  actions: string[];

  @Field(() => String, { description: 'Why it matches or not, and any action the order state would refuse.' })
  reason: string;
}

@InputType({
  description:
    'A custom rule. Conditions: [{ field, op, value }], all must hold; actions: [{ type, ... }], run in order (see docs/automation.md).',
})
export class CreateAutomationRuleInput {
  @Field(() => String, { description: 'Stable key: 2 to 64 lower-case letters, digits and -.' })
  key: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => String, { description: 'An order event type (e.g. order.placed) or "schedule".' })
  trigger: string;

  @Field(() => GraphQLJSON)
  conditions: unknown;

  @Field(() => GraphQLJSON)
  actions: unknown;

  @Field(() => Boolean, { nullable: true, description: 'Default false.' })
  enabled?: boolean;

  @Field(() => Int, { nullable: true, description: 'Default: after every other rule.' })
  position?: number;
}

@InputType({
  description:
    'Built-in rules: enabled, settings (merged into the current ones) and position. Custom rules: anything but settings.',
})
export class UpdateAutomationRuleInput {
  @Field(() => String)
  key: string;

  @Field(() => Boolean, { nullable: true })
  enabled?: boolean;

  @Field(() => GraphQLJSON, { nullable: true })
  settings?: unknown;

  @Field(() => Int, { nullable: true })
  position?: number;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => String, { nullable: true })
  trigger?: string;

  @Field(() => GraphQLJSON, { nullable: true })
  conditions?: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  actions?: unknown;
}

@ArgsType()
class RuleExecutionArgs {
  @Field(() => String, { nullable: true })
  ruleKey?: string;

  @Field(() => ID, { nullable: true })
  orderId?: string;

  @Field(() => Int, { nullable: true, description: '1 to 200, default 50.' })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => Int, { nullable: true, description: '1 to 200: the last items (before `before`). Not with first.' })
  last?: number;

  @Field(() => String, { nullable: true, description: 'A cursor (startCursor): items before it.' })
  before?: string;
}

@Resolver(() => AutomationRule)
export class AutomationResolver {
  constructor(private readonly automation: AutomationService) {}

  @Authorized(Permission.RULE_MANAGE)
  @Query(() => [AutomationRule], { description: 'Every automation rule, in run order.' })
  automationRules(@Ctx() ctx: RequestContext) {
    return this.automation.rules.list(ctx);
  }

  @Authorized(Permission.RULE_MANAGE)
  @Query(() => RuleExecutionConnection, { description: 'The execution log, newest first.' })
  ruleExecutions(@Ctx() ctx: RequestContext, @Args(() => RuleExecutionArgs) args: RuleExecutionArgs) {
    return this.automation.engine.executions(ctx, args);
  }

  @Authorized(Permission.RULE_MANAGE)
  @Query(() => [RuleOutcome], {
    description: 'What every rule would do to an order (id or number) now. Changes nothing.',
  })
  dryRunAutomation(@Ctx() ctx: RequestContext, @Arg('orderId', () => ID) orderId: string) {
    return this.automation.engine.dryRun(ctx, orderId);
  }

  @Authorized(Permission.RULE_MANAGE)
  @Mutation(() => AutomationRulePayload)
  createAutomationRule(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateAutomationRuleInput) input: CreateAutomationRuleInput,
  ) {
    return this.automation.rules.create(ctx, input);
  }

  @Authorized(Permission.RULE_MANAGE)
  @Mutation(() => AutomationRulePayload, {
    description: 'Enables or disables a rule, changes its settings, position or (custom rules) definition.',
  })
  updateAutomationRule(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateAutomationRuleInput) input: UpdateAutomationRuleInput,
  ) {
    return this.automation.rules.update(ctx, input);
  }

  @Authorized(Permission.RULE_MANAGE)
  @Mutation(() => DeleteAutomationRulePayload, {
    description: 'Deletes a custom rule (built-in rules can only be disabled).',
  })
  deleteAutomationRule(@Ctx() ctx: RequestContext, @Arg('key', () => String) key: string) {
    return this.automation.rules.delete(ctx, key);
  }
}
