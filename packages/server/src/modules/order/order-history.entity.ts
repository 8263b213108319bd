/** Append-only history of an order: every transition and notable action, who did it and why. */
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { Order } from './order.entity';
import { OrderEventType, OrderStatus } from './order-state';

@ObjectType('OrderEvent', { description: "One entry of an order's history." })
@Entity({ tableName: 'order_history' })
@Index({ properties: ['order', 'at'] })
export class OrderHistoryEntry {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Insertion order, so entries written in the same millisecond keep their sequence. */
  @Property({
    type: 'bigint',
    columnType: 'int8',
    defaultRaw: "nextval('order_history_seq_seq'::regclass)",
    hidden: true,
    ignoreSchemaChanges: ['type', 'extra', 'default'],
  })
  seq?: string;

  @ManyToOne(() => Order, { ref: true, deleteRule: 'cascade' })
  order: Ref<Order>;

  @Field(() => OrderEventType)
  @Enum({ items: () => OrderEventType, nativeEnumName: 'order_event_type' })
  type: OrderEventType;

  @Field(() => OrderStatus, { nullable: true })
  @Enum({ items: () => OrderStatus, nativeEnumName: 'order_status', nullable: true })
  fromStatus?: OrderStatus;

  @Field(() => OrderStatus, { nullable: true })
  @Enum({ items: () => OrderStatus, nativeEnumName: 'order_status', nullable: true })
  toStatus?: OrderStatus;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  message?: string;

  @Field(() => String, { description: 'Who did it: "user:<email>" or "system".' })
  @Property({ type: 'string', length: 200 })
  actor: string;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  at: Date = new Date();

  constructor(props: {
    order: Ref<Order>;
    type: OrderEventType;
    actor: string;
    fromStatus?: OrderStatus;
    toStatus?: OrderStatus;
    message?: string;
    at?: Date;
  }) {
    Object.assign(this, props);
    if (!props.at) this.at = new Date();
  }
}
