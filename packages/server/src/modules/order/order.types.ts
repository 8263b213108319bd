import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../common/pagination';
import { Payload } from '../../common/payload';
import { OrderHistoryEntry } from './order-history.entity';
import { Order } from './order.entity';

@ObjectType()
export class OrderPayload extends Payload('OrderPayload', 'order', Order) {
  order?: Order;
}

@ObjectType()
export class OrderConnection extends Connection(Order, 'Order') {
  @Field(() => Boolean, {
    description:
      "True when totalCount is PostgreSQL's estimate: more orders match than the exact-count limit (OMS_EXACT_COUNT_LIMIT, default 10,000), and counting them all would read every one. False: totalCount is exact.",
  })
  totalCountIsEstimate: boolean;
}

@ObjectType({ description: 'A change to an order, pushed to subscribers after it committed.' })
export class OrderUpdate {
  @Field(() => Order)
  order: Order;

  @Field(() => OrderHistoryEntry, { description: 'The history entry that describes the change.' })
  event: OrderHistoryEntry;

  @Field(() => ID, {
    description:
      'The stream event of this update (see events): remember it, and pass it as orderUpdated(after:) to resume.',
  })
  eventId: string;
}

@ObjectType({ description: 'A tag and how many orders carry it.' })
export class OrderTagCount {
  @Field()
  tag!: string;

  @Field(() => Int, { description: 'Orders in scope with this tag.' })
  orders!: number;
}
