/** GraphQL view of the background job queue (common/jobs.ts), for admins. */
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Payload } from '../../common/payload';

export enum JobStateFilter {
  CREATED = 'created',
  RETRY = 'retry',
  ACTIVE = 'active',
  COMPLETED = 'completed',
  CANCELLED = 'cancelled',
  FAILED = 'failed',
}
registerEnumType(JobStateFilter, {
  name: 'JobState',
  description:
    'CREATED: queued; RETRY: failed, waiting for its next attempt; ACTIVE: running; FAILED: retries used up. Dead letters are jobs of a `<queue>__dead` queue.',
});

@ObjectType('Job', { description: 'A background job (pg-boss).' })
export class JobView {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'e.g. webhook-delivery, or webhook-delivery__dead for its dead letters.' })
  queue: string;

  @Field(() => JobStateFilter)
  state: JobStateFilter;

  @Field(() => GraphQLJSONObject)
  data: Record<string, unknown>;

  @Field(() => Int, { description: 'Retries so far.' })
  retryCount: number;

  @Field(() => Int)
  retryLimit: number;

  @Field(() => Date)
  createdOn: Date;

  @Field(() => Date, { description: 'Not run before this time (the next retry, for a job in RETRY).' })
  startAfter: Date;

  @Field(() => Date, { nullable: true })
  startedOn?: Date | null;

  @Field(() => Date, { nullable: true })
  completedOn?: Date | null;

  @Field(() => String, { nullable: true, description: 'The message of the last failure.' })
  error?: string | null;
}

@ObjectType()
export class RetryJobPayload extends Payload('RetryJobPayload', 'job', JobView) {
  job?: JobView;
}
