import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { UserError } from '../../common/errors';
import { Connection } from '../../common/pagination';
import { Payload } from '../../common/payload';
import { Permission } from '../auth';
import { EVENT_TYPES } from '../events';
import { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from './webhook.entity';
import { CreateWebhookEndpointInput, ReplayEventsInput, UpdateWebhookEndpointInput } from './webhook.inputs';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookEndpointService } from './webhook-endpoint.service';

@ObjectType()
export class WebhookEndpointPayload extends Payload('WebhookEndpointPayload', 'endpoint', WebhookEndpoint) {
  endpoint?: WebhookEndpoint;
}

@ObjectType()
export class CreateWebhookEndpointPayload extends WebhookEndpointPayload {
  @Field(() => String, { nullable: true, description: 'The signing secret. Shown only here, once.' })
  secret?: string;
}

@ObjectType()
export class RotateWebhookSecretPayload extends WebhookEndpointPayload {
  @Field(() => String, {
    nullable: true,
    description: 'The new signing secret, in use at once. Shown only here, once.',
  })
  secret?: string;
}

@ObjectType()
export class DeleteWebhookEndpointPayload extends Payload('DeleteWebhookEndpointPayload', 'deletedId', String) {
  deletedId?: string;
}

@ObjectType()
export class ReplayWebhookDeliveryPayload extends Payload('ReplayWebhookDeliveryPayload', 'delivery', WebhookDelivery) {
  delivery?: WebhookDelivery;
}

@ObjectType()
export class ReplayEventsPayload {
  @Field(() => Int, { nullable: true, description: 'How many deliveries were queued.' })
  queued?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'How many stored events matched (queued is at most 10,000 of them).',
  })
  matched?: number;

  @Field(() => ID, {
    nullable: true,
    description: 'The last event queued: pass it as `after` to queue the rest when hasMore.',
  })
  lastEventId?: string;

  @Field(() => Boolean, { nullable: true, description: 'More events matched than were queued.' })
  hasMore?: boolean;

  @Field(() => [UserError], { description: 'Empty when the mutation succeeded.' })
  userErrors: UserError[];
}

@ObjectType()
export class WebhookDeliveryConnection extends Connection(WebhookDelivery, 'WebhookDelivery') {}

@ArgsType()
class DeliveryArgs {
  @Field(() => ID)
  endpointId: string;

  @Field(() => Int, { nullable: true, description: '1 to 200, default 50.' })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => Int, { nullable: true, description: '1 to 200: the last items (before `before`). Not with first.' })
  last?: number;

  @Field(() => String, { nullable: true, description: 'A cursor (startCursor): items before it.' })
  before?: string;
}

@ObjectType()
export class WebhookEndpointConnection extends Connection(WebhookEndpoint, 'WebhookEndpoint') {}

@Resolver(() => WebhookEndpoint)
export class WebhookEndpointResolver {
  constructor(private readonly webhooks: WebhookEndpointService) {}

  @Authorized(Permission.WEBHOOK_MANAGE)
  @Query(() => [WebhookEndpoint], {
    description: 'Webhook endpoints, oldest first (a partner key sees its own). At most 500.',
    deprecationReason: 'Unpaged: returns at most 500 endpoints. Use webhookEndpointsConnection(first, after).',
  })
  webhookEndpoints(@Ctx() ctx: RequestContext) {
    return this.webhooks.endpoints(ctx);
  }

  @Authorized(Permission.WEBHOOK_MANAGE)
  @Query(() => WebhookEndpointConnection, {
    description: 'Webhook endpoints, oldest first (a partner key sees its own), a page at a time.',
  })
  webhookEndpointsConnection(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: '1 to 200, default 50.' }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('last', () => Int, {
      nullable: true,
      description: '1 to 200: the last items (before `before`). Not with first.',
    })
    last?: number,
    @Arg('before', () => String, { nullable: true, description: 'A cursor (startCursor): items before it.' })
    before?: string,
  ) {
    return this.webhooks.endpointsPage(ctx, { first, after, last, before });
  }

  @Authorized(Permission.WEBHOOK_MANAGE)
  @Query(() => [String], { description: 'The event types an endpoint can subscribe to.' })
  webhookEventTypes(): string[] {
    return [...EVENT_TYPES];
  }

  @Authorized(Permission.WEBHOOK_MANAGE)
  @Mutation(() => CreateWebhookEndpointPayload, {
    description: 'Registers a URL for event types (and channels); the signing secret is returned once.',
  })
  createWebhookEndpoint(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput,
  ) {
    return this.webhooks.create(ctx, input);
  }

  @Authorized(Permission.WEBHOOK_MANAGE)
  @Mutation(() => WebhookEndpointPayload, {
    description: 'Changes the URL, event types or channels, or disables / enables the endpoint.',
  })
  updateWebhookEndpoint(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateWebhookEndpointInput) input: UpdateWebhookEndpointInput,
  ) {
    return this.webhooks.update(ctx, input);
  }

  @Authorized(Permission.WEBHOOK_MANAGE)
  @Mutation(() => RotateWebhookSecretPayload, {
    description:
      'Replaces the signing secret; the new one is returned once. The old one keeps signing too, next to the new one, until previousSecretValidUntil (OMS_WEBHOOK_SECRET_GRACE_SECONDS).',
  })
  rotateWebhookSecret(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.webhooks.rotateSecret(ctx, id);
  }

  @Authorized(Permission.WEBHOOK_MANAGE)
  @Mutation(() => DeleteWebhookEndpointPayload, { description: 'Deletes the endpoint and its delivery log.' })
  deleteWebhookEndpoint(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.webhooks.delete(ctx, id);
  }

  @FieldResolver(() => [String], {
    description: 'The channels it receives events of; empty: every channel, and events of no channel (stock).',
  })
  channelCodes(@Ctx() ctx: RequestContext, @Root() endpoint: WebhookEndpoint) {
    return this.webhooks.channelCodes(ctx.em, endpoint);
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  constructor(private readonly webhooks: WebhookDeliveryService) {}

  @Authorized(Permission.WEBHOOK_MANAGE)
  @Query(() => WebhookDeliveryConnection, {
    description: 'The delivery log of an endpoint, newest first, with every attempt.',
  })
  webhookDeliveries(@Ctx() ctx: RequestContext, @Args(() => DeliveryArgs) args: DeliveryArgs) {
    return this.webhooks.deliveries(ctx, args.endpointId, args);
  }

  @Authorized(Permission.WEBHOOK_MANAGE)
  @Mutation(() => ReplayWebhookDeliveryPayload, {
    description: 'Sends the event of a delivery again (same event id), as a new delivery.',
  })
  replayWebhookDelivery(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.webhooks.replay(ctx, id);
  }

  @Authorized(Permission.WEBHOOK_MANAGE)
  @Mutation(() => ReplayEventsPayload, {
    description:
      'Sends stored events again to an endpoint (same event ids), as new deliveries marked as replays: the events it subscribes to, narrowed by after / from / to / types, oldest first, at most 10,000 per call.',
  })
  replayEvents(@Ctx() ctx: RequestContext, @Arg('input', () => ReplayEventsInput) input: ReplayEventsInput) {
    return this.webhooks.replayEvents(ctx, input);
  }

  @FieldResolver(() => [WebhookAttempt], { description: 'Every HTTP attempt, oldest first.' })
  attempts(@Ctx() ctx: RequestContext, @Root() delivery: WebhookDelivery) {
    return this.webhooks.attempts(ctx.em, delivery);
  }
}
