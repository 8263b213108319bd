import {
  Arg,
  Args,
  ArgsType,
  Field,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { UnauthenticatedError } from '../../common/errors';
import { PagingArgs } from '../../common/pagination';
import { BULK_MAX_ORDERS, BulkOrderService } from './bulk.service';
import {
  BulkOrderActionInput,
  BulkOrderJob,
  BulkOrderResultConnection,
  StartBulkOrderActionPayload,
} from './bulk.types';

type BulkContext = RequestContext & { bulk: BulkOrderService };

@ArgsType()
class BulkOrderResultsArgs extends PagingArgs {
  @Field(() => Boolean, {
    nullable: true,
    description: 'Only the orders refused (false) or only those acted on (true).',
  })
  ok?: boolean;
}

@Resolver(() => BulkOrderJob)
export class BulkOrderResolver {
  constructor(private readonly service: BulkOrderService) {}

  // Signed in; the permission is the action's own (ORDER_UPDATE, ORDER_HOLD, ORDER_CANCEL, ORDER_NOTE), checked by the service.
  @Authorized()
  @Mutation(() => StartBulkOrderActionPayload, {
    description: `Starts one order action over many orders in the background: the orders a filter matches (as the \`orders\` list shows them to you, when the job starts) or a list of ids, at most ${BULK_MAX_ORDERS}. Needs the action's permission; each order is acted on as you, as the single mutation would, and a refused order does not stop the others. Follow it with bulkOrderJob(id) or the subscription bulkOrderJobUpdated(id).`,
  })
  startBulkOrderAction(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => BulkOrderActionInput) input: BulkOrderActionInput,
  ) {
    return this.service.startJob(ctx, input);
  }

  @Authorized()
  @Query(() => BulkOrderJob, {
    nullable: true,
    description: 'A bulk order job you started (admins: any); null for anyone else.',
  })
  bulkOrderJob(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.service.job(ctx, id);
  }

  @Authorized()
  @Subscription(() => BulkOrderJob, {
    description:
      'A bulk order job you started (admins: any): now, then as it progresses (a few updates a second at most), ending with DONE or FAILED.',
    subscribe: async ({ args, context }) => {
      const ctx = context as BulkContext;
      // @Authorized runs per event; the subscription itself is checked here, when it starts.
      if (!ctx.actor) throw new UnauthenticatedError();
      return ctx.bulk.watch(ctx, args.id);
    },
  })
  bulkOrderJobUpdated(@Root() job: BulkOrderJob, @Arg('id', () => ID) _id: string): BulkOrderJob {
    return job;
  }

  @FieldResolver(() => BulkOrderResultConnection, {
    description: 'The orders acted on so far, in the order of the snapshot, each with its result.',
  })
  results(
    @Root() job: BulkOrderJob,
    @Ctx() ctx: RequestContext,
    @Args(() => BulkOrderResultsArgs) args: BulkOrderResultsArgs,
  ) {
    return this.service.results(ctx, job, args);
  }
}
