import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Money } from '../../common/money';
import { OrderStatus } from '../order';

@ObjectType({ description: 'How many orders are in one status.' })
export class OrderStatusCount {
  @Field(() => OrderStatus)
  status: OrderStatus;

  @Field(() => Int)
  count: number;

  @Field(() => Boolean, {
    description:
      "True when count is PostgreSQL's estimate: the status holds more orders than the exact-count limit (OMS_EXACT_COUNT_LIMIT, default 10,000).",
  })
  isEstimate: boolean;
}

@ObjectType({
  description: 'Orders placed in one channel in a period and their value; cancelled orders are not counted.',
})
export class ChannelSales {
  @Field(() => String)
  channelCode: string;

  @Field(() => String)
  channelName: string;

  @Field(() => Int)
  orders: number;

  @Field(() => Money, { description: "Sum of the orders' totals, in the channel's currency." })
  revenue: Money;
}

@ObjectType({ description: 'A confirmed order not fully shipped in time.' })
export class LateOrder {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  number: string;

  @Field(() => OrderStatus)
  status: OrderStatus;

  @Field(() => String)
  channelCode: string;

  @Field(() => Date, { description: 'When the order was (last) confirmed.' })
  confirmedAt: Date;
}

@ObjectType()
export class LateOrders {
  @Field(() => Int, { description: 'How many orders are late, across all pages.' })
  totalCount: number;

  @Field(() => [LateOrder], { description: 'The longest-waiting first.' })
  nodes: LateOrder[];
}
