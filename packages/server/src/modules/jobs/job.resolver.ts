import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Permission } from '../auth';
import { JobService } from './job.service';
import { JobStateFilter, JobView, RetryJobPayload } from './job.types';

@ArgsType()
class JobArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Only this queue, e.g. webhook-delivery or webhook-delivery__dead.',
  })
  queue?: string;

  @Field(() => JobStateFilter, { nullable: true })
  state?: JobStateFilter;

  @Field(() => Int, { nullable: true, description: '1 to 200, default 200.' })
  first?: number;
}

@Resolver(() => JobView)
export class JobResolver {
  constructor(private readonly service: JobService) {}

  @Authorized(Permission.JOB_MANAGE)
  @Query(() => [JobView], {
    description:
      'Background jobs, newest first: queued, retrying, running, completed, failed and dead letters, with their last error.',
  })
  jobs(@Ctx() ctx: RequestContext, @Args(() => JobArgs) args: JobArgs) {
    return this.service.list(ctx, args);
  }

  @Authorized(Permission.JOB_MANAGE)
  @Mutation(() => RetryJobPayload, {
    description: 'Runs a failed job again, or sends a dead letter back to its queue as a new job.',
  })
  retryJob(@Ctx() ctx: RequestContext, @Arg('queue', () => String) queue: string, @Arg('id', () => ID) id: string) {
    return this.service.retry(ctx, queue, id);
  }
}
