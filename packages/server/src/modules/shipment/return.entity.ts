/** Units that came back from the customer, optionally put back on hand. */
import { Collection, Entity, ManyToOne, OneToMany, PrimaryKey, Property, Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Order } from '../order';
import { OrderLine } from '../order';

@ObjectType({ description: 'Units returned by the customer.' })
@Entity({ tableName: 'order_return' })
export class Return {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Order, { ref: true, deleteRule: 'cascade', index: true })
  order: Ref<Order>;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 1000, nullable: true })
  reason?: string;

  @Field(() => Boolean, { description: 'Whether the units were put back on hand where they shipped from.' })
  @Property({ type: 'boolean' })
  restock: boolean;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @OneToMany('ReturnLine', 'orderReturn')
  lines = new Collection<ReturnLine>(this);

  constructor(props: { order: Ref<Order>; reason?: string; restock: boolean; createdAt?: Date }) {
    Object.assign(this, props);
    if (!props.createdAt) this.createdAt = new Date();
  }
}

@ObjectType({ description: 'Units of one order line in a return.' })
@Entity({ tableName: 'order_return_line' })
export class ReturnLine {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Return, { ref: true, deleteRule: 'cascade', index: true })
  orderReturn: Ref<Return>;

  @ManyToOne(() => OrderLine, { ref: true, deleteRule: 'cascade' })
  orderLine: Ref<OrderLine>;

  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  sku: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  quantity: number;

  constructor(orderReturn: Ref<Return>, orderLine: Ref<OrderLine>, sku: string, quantity: number) {
    this.orderReturn = orderReturn;
    this.orderLine = orderLine;
    this.sku = sku;
    this.quantity = quantity;
  }
}
