import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../common/pagination';
import { Payload } from '../../common/payload';
import { OrderHistoryEntry } from './order-history.entity';
import { Order } from './order.entity';

@ObjectType()
export class OrderPayload extends Payload('OrderPayload', 'order', Order) {
  order?: Order;
}

@ObjectType()
export class OrderConnection extends Connection(Order, 'Order') {}

@ObjectType({ description: 'A change to an order, pushed to subscribers after it committed.' })
export class OrderUpdate {
  @Field(() => Order)
  order: Order;

  @Field(() => OrderHistoryEntry, { description: 'The history entry that describes the change.' })
  event: OrderHistoryEntry;

  @Field(() => ID, { description: 'The stream event of this update (see events): remember it, and pass it as orderUpdated(after:) to resume.' })
  eventId: string;
}
