import { GraphQLJSONObject } from 'graphql-scalars';
import {
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Connection } from '../../common/pagination';
import { Permission } from '../auth';
import { DomainEvent, EVENT_TYPES } from './domain-event.entity';
import { actorAsSeenBy, eventPayloadAsSeenBy, viewerOf } from './event-redaction';
import { EventService } from './event.service';

@ObjectType()
export class EventConnection extends Connection(DomainEvent, 'Event') {}

@ArgsType()
class EventArgs {
  @Field(() => Int, { nullable: true, description: '1 to 200, default 50.' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Resume after this cursor.' })
  after?: string;

  @Field(() => Int, { nullable: true, description: '1 to 200: the last items (before `before`). Not with first.' })
  last?: number;

  @Field(() => String, { nullable: true, description: 'A cursor (startCursor): items before it.' })
  before?: string;

  @Field(() => String, { nullable: true, description: 'Only this event type, e.g. order.placed.' })
  type?: string;

  @Field(() => ID, { nullable: true, description: 'Only the events of this order (or stock level).' })
  aggregateId?: string;
}

@Resolver(() => DomainEvent)
export class EventResolver {
  constructor(private readonly service: EventService) {}

  @Authorized(Permission.EVENT_READ)
  @Query(() => EventConnection, {
    description: 'The event stream, oldest first: every domain change, written with the change itself.',
  })
  events(@Ctx() ctx: RequestContext, @Args(() => EventArgs) args: EventArgs) {
    return this.service.list(ctx, args);
  }

  @Authorized(Permission.EVENT_READ)
  @Query(() => [String], { description: 'The event types of the stream, e.g. order.placed.' })
  eventTypes(): string[] {
    return [...EVENT_TYPES];
  }

  // Rendered per caller: payment details only with PAYMENT_READ, personal data only with
  // CUSTOMER_READ, staff e-mails only to staff (event-redaction.ts).
  @FieldResolver(() => GraphQLJSONObject, {
    description: 'Without PAYMENT_READ a payment\'s message reads "Payment recorded" / "Refund recorded".',
  })
  payload(@Root() event: DomainEvent, @Ctx() ctx: RequestContext): Record<string, unknown> {
    return eventPayloadAsSeenBy(viewerOf(ctx.actor), event.payload);
  }

  @FieldResolver(() => String, {
    description: 'Who caused it, as in order history (a partner key sees "staff" for a user).',
  })
  actor(@Root() event: DomainEvent, @Ctx() ctx: RequestContext): string {
    return actorAsSeenBy(viewerOf(ctx.actor), event.actor);
  }
}
