/** Money received for an order, and money given back. Both are immutable once recorded. */
import { Check, Entity, ManyToOne, PrimaryKey, Property, Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { Money } from '../../common/money';
import { Order } from '../order';

@ObjectType({ description: 'Money received for an order.' })
@Entity({ tableName: 'payment' })
@Check({ name: 'payment_amount_check', expression: 'amount_minor > 0' })
export class Payment {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Order, { ref: true, deleteRule: 'cascade', index: true })
  order: Ref<Order>;

  @Property({ type: 'integer' })
  amountMinor: number;

  @Property({ type: 'string', length: 3 })
  currency: string;

  @Field(() => String, { description: 'How it was paid, e.g. card, bank_transfer, invoice.' })
  @Property({ type: 'string', length: 64 })
  method: string;

  @Field(() => String, { nullable: true, description: "The payment provider's reference." })
  @Property({ type: 'string', length: 200, nullable: true })
  reference?: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  recordedBy: string;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  constructor(props: {
    order: Ref<Order>;
    amountMinor: number;
    currency: string;
    method: string;
    reference?: string;
    recordedBy: string;
    createdAt?: Date;
  }) {
    Object.assign(this, props);
    if (!props.createdAt) this.createdAt = new Date();
  }

  @Field(() => Money)
  get amount(): Money {
    return new Money(this.amountMinor, this.currency);
  }
}

@ObjectType({ description: 'Money given back to the customer.' })
@Entity({ tableName: 'refund' })
@Check({ name: 'refund_amount_check', expression: 'amount_minor > 0' })
export class Refund {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Order, { ref: true, deleteRule: 'cascade', index: true })
  order: Ref<Order>;

  @Property({ type: 'integer' })
  amountMinor: number;

  @Property({ type: 'string', length: 3 })
  currency: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 1000, nullable: true })
  reason?: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  recordedBy: string;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  constructor(props: {
    order: Ref<Order>;
    amountMinor: number;
    currency: string;
    reason?: string;
    recordedBy: string;
    createdAt?: Date;
  }) {
    Object.assign(this, props);
    if (!props.createdAt) this.createdAt = new Date();
  }

  @Field(() => Money)
  get amount(): Money {
    return new Money(this.amountMinor, this.currency);
  }
}
