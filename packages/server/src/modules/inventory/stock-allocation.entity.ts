/**
 * Units of an order line promised from one warehouse. quantity - quantityShipped is what is
 * still reserved there; quantityReturned is what came back to it.
 */
import { Check, Entity, ManyToOne, PrimaryKey, Property, Ref, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { OrderLine } from '../order';
import { Warehouse } from './warehouse.entity';

@ObjectType({ description: 'Units of an order line reserved in (and shipped from) one warehouse.' })
@Entity({ tableName: 'stock_allocation' })
@Unique({ properties: ['orderLine', 'warehouse'] })
@Check({
  name: 'stock_allocation_quantities_check',
  expression:
    '((quantity_shipped >= 0) AND (quantity_shipped <= quantity)) AND ((quantity_returned >= 0) AND (quantity_returned <= quantity_shipped))',
})
export class StockAllocation {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => OrderLine, { ref: true, deleteRule: 'cascade' })
  orderLine: Ref<OrderLine>;

  @ManyToOne(() => Warehouse, { ref: true })
  warehouse: Ref<Warehouse>;

  @Field(() => Int, { description: 'Units allocated from this warehouse (shipped or still reserved).' })
  @Property({ type: 'integer' })
  quantity: number;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  quantityShipped: number = 0;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  quantityReturned: number = 0;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  constructor(orderLine: Ref<OrderLine>, warehouse: Ref<Warehouse>, quantity: number) {
    this.orderLine = orderLine;
    this.warehouse = warehouse;
    this.quantity = quantity;
  }

  @Field(() => Int, { description: 'Units still reserved for this line in this warehouse.' })
  get quantityReserved(): number {
    return this.quantity - this.quantityShipped;
  }
}
