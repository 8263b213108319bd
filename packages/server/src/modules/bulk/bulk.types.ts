/** GraphQL types of bulk order jobs (startBulkOrderAction, bulkOrderJob, bulkOrderJobUpdated). */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ErrorCode } from '../../common/errors';
import { Connection } from '../../common/pagination';
import { Payload } from '../../common/payload';
import { OrderFilter } from '../order';

export enum BulkOrderActionKind {
  CONFIRM = 'CONFIRM',
  HOLD = 'HOLD',
  RELEASE_HOLD = 'RELEASE_HOLD',
  CANCEL = 'CANCEL',
  ADD_TAG = 'ADD_TAG',
  REMOVE_TAG = 'REMOVE_TAG',
}
registerEnumType(BulkOrderActionKind, {
  name: 'BulkOrderActionKind',
  description:
    'The order action a bulk job takes on each order, as confirmOrder, holdOrder, releaseOrderHold, cancelOrder, addOrderTag and removeOrderTag would.',
});

export enum BulkOrderJobState {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
registerEnumType(BulkOrderJobState, {
  name: 'BulkOrderJobState',
  description:
    'QUEUED: waiting for a worker; RUNNING; DONE: every order has its result (refusals included); FAILED: stopped early (see error).',
});

@InputType({ description: 'One action over many orders: give exactly one of filter and ids.' })
export class BulkOrderActionInput {
  @Field(() => BulkOrderActionKind)
  action: BulkOrderActionKind;

  @Field(() => OrderFilter, {
    nullable: true,
    description: 'Every order the `orders` list shows you for this filter, as it matches when the job starts.',
  })
  filter?: OrderFilter;

  @Field(() => [ID], { nullable: true, description: 'These orders (at most 50,000).' })
  ids?: string[];

  @Field(() => String, { nullable: true, description: 'HOLD: required. CANCEL: optional.' })
  reason?: string;

  @Field(() => String, { nullable: true, description: 'ADD_TAG, REMOVE_TAG: required.' })
  tag?: string;
}

@ObjectType({ description: 'The outcome of a bulk job for one order.' })
export class BulkOrderResult {
  @Field(() => ID)
  orderId: string;

  @Field(() => String, { nullable: true, description: 'Null for an id that names no order you may see.' })
  number?: string | null;

  @Field(() => Boolean)
  ok: boolean;

  @Field(() => ErrorCode, { nullable: true, description: 'Why the order was refused (ok false).' })
  code?: ErrorCode | null;

  @Field(() => String, { nullable: true })
  message?: string | null;
}

@ObjectType()
export class BulkOrderResultConnection extends Connection(BulkOrderResult, 'BulkOrderResult') {}

@ObjectType({ description: 'A bulk order job: one action over a snapshot of orders, run in the background.' })
export class BulkOrderJob {
  @Field(() => ID)
  id: string;

  @Field(() => BulkOrderActionKind)
  action: BulkOrderActionKind;

  @Field(() => BulkOrderJobState)
  state: BulkOrderJobState;

  @Field(() => Int, { description: 'Orders in the snapshot.' })
  total: number;

  @Field(() => Int, { description: 'Orders with a result so far (ok or refused).' })
  done: number;

  @Field(() => Int, { description: 'Of those, the orders refused.' })
  failed: number;

  @Field(() => String, { nullable: true, description: 'Why the job stopped early (FAILED).' })
  error?: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  finishedAt?: Date | null;
}

@ObjectType()
export class StartBulkOrderActionPayload extends Payload('StartBulkOrderActionPayload', 'job', BulkOrderJob) {
  job?: BulkOrderJob;
}
