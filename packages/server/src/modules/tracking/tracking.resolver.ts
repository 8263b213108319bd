import { filter, pipe } from '@graphql-yoga/subscription';
import { Arg, Args, ArgsType, Ctx, Field, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { BadRequestError } from '../../common/errors';
import { OmsPubSub, ORDER_UPDATED, OrderUpdatedMessage } from '../../common/pubsub';
import { TrackingService } from './tracking.service';
import { TrackedOrder } from './tracking.types';

type TrackingContext = RequestContext & { tracking: TrackingService; pubsub: OmsPubSub };

@ArgsType()
class TrackArgs {
  @Field(() => String, { description: 'The order number, as in the confirmation e-mail.' })
  number: string;

  @Field(() => String, { description: 'The e-mail address the order was placed with.' })
  email: string;
}

/** Public: no token needed, only the order number and the e-mail it was placed with. */
@Resolver(() => TrackedOrder)
export class TrackingResolver {
  constructor(private readonly tracking: TrackingService) {}

  @Query(() => TrackedOrder, {
    nullable: true,
    description:
      'Public, no token: one order for its customer, by number and e-mail; null when the pair does not match. Failed lookups are rate-limited per address.',
  })
  async trackOrder(
    @Ctx() ctx: RequestContext,
    @Arg('number', () => String) number: string,
    @Arg('email', () => String) email: string,
  ) {
    const id = await this.tracking.find(ctx, number, email);
    return id ? this.tracking.view(ctx.em, id) : null;
  }

  @Subscription(() => TrackedOrder, {
    description:
      'Public, no token: the tracked order again each time it changes. A pair that matches no order is refused.',
    subscribe: async ({ args, context }) => {
      const ctx = context as TrackingContext;
      const id = await ctx.tracking.find(ctx, args.number, args.email);
      if (!id) throw new BadRequestError('No order matches this number and e-mail');
      return pipe(
        ctx.pubsub.subscribe(ORDER_UPDATED),
        filter((m: OrderUpdatedMessage) => m.orderId === id),
      );
    },
  })
  async trackedOrderUpdated(
    @Root() message: OrderUpdatedMessage,
    @Ctx() ctx: RequestContext,
    @Args(() => TrackArgs) _args: TrackArgs,
  ): Promise<TrackedOrder> {
    return this.tracking.view(ctx.em.fork(), message.orderId);
  }
}
