import { Field, Int, ObjectType } from 'type-graphql';
import { Money } from '../../common/money';
import { OrderStatus } from '../order';
import { ShipmentStatus } from '../shipment';

@ObjectType({ description: 'An item of a tracked order.' })
export class TrackedItem {
  @Field(() => String) sku: string;
  @Field(() => String) name: string;
  @Field(() => Int) quantity: number;
  @Field(() => Int) quantityShipped: number;
  @Field(() => Int) quantityReturned: number;
}

@ObjectType({ description: 'A parcel of a tracked order.' })
export class TrackedShipment {
  @Field(() => ShipmentStatus) status: ShipmentStatus;
  @Field(() => String, { nullable: true }) carrier?: string | null;
  @Field(() => String, { nullable: true }) trackingNumber?: string | null;
  @Field(() => Date) shippedAt: Date;
  @Field(() => Date, { nullable: true }) deliveredAt?: Date | null;
  @Field(() => [TrackedItem]) items: Pick<TrackedItem, 'sku' | 'name' | 'quantity'>[];
}

@ObjectType({ description: 'One step of a tracked order, in plain words.' })
export class TrackingStep {
  @Field(() => Date) at: Date;
  @Field(() => String) text: string;
}

@ObjectType({
  description: 'What a customer may see of their own order: no internal notes, no staff, no other orders.',
})
export class TrackedOrder {
  @Field(() => String) number: string;
  @Field(() => OrderStatus) status: OrderStatus;
  @Field(() => String, { description: 'The status in plain words.' }) statusText: string;
  @Field(() => Date) placedAt: Date;
  @Field(() => Money) total: Money;
  @Field(() => [TrackedItem]) items: TrackedItem[];
  @Field(() => [TrackedShipment]) shipments: TrackedShipment[];
  @Field(() => [TrackingStep], { description: 'Oldest first.' }) timeline: TrackingStep[];
}
