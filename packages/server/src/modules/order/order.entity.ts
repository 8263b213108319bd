/**
 * The order aggregate: lines, money totals kept as integer minor units, and the derived
 * payment status. Its status field is written only by OrderChangeLog, after the rules of
 * order-state-machine.ts allowed the action.
 */
import {
  ArrayType,
  Check,
  Collection,
  Embeddable,
  Embedded,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToMany,
  PrimaryKey,
  Property,
  Ref,
  Unique,
} from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { Money } from '../../common/money';
import { Channel } from '../channel';
import { Customer } from '../customer';
import { OrderStatus, PaymentStatus, derivePaymentStatus } from './order-state';
import type { OrderLine } from './order-line.entity';
import type { OrderHistoryEntry } from './order-history.entity';
import type { Payment, Refund } from '../payment/payment.entity';
import type { Shipment } from '../shipment/shipment.entity';
import type { Return } from '../shipment/return.entity';
import { Node } from '../../common/node';

@ObjectType()
@Embeddable()
export class Address {
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  name?: string;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  line1: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 300, nullable: true })
  line2?: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  city: string;

  @Field(() => String)
  @Property({ type: 'string', length: 32 })
  postalCode: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code.' })
  @Property({ type: 'string', length: 2 })
  country: string;
}

@ObjectType({ description: 'A customer order from one sales channel.', implements: Node })
@Entity({ tableName: 'order' })
@Unique({ name: 'order_channel_external_id_unique', properties: ['channel', 'externalId'] })
@Index({ name: 'order_placed_at_idx', properties: ['placedAt', 'id'] })
@Index({ name: 'order_status_placed_at_idx', properties: ['status', 'placedAt', 'id'] })
@Index({ name: 'order_channel_placed_at_idx', properties: ['channel', 'placedAt', 'id'] })
@Index({ name: 'order_customer_idx', properties: ['customer'] })
// Search by external id, and the list's sorts by update time and total (Migration20261207020000_search).
@Index({ name: 'order_external_id_index', properties: ['externalId'] })
@Index({ name: 'order_updated_at_idx', properties: ['updatedAt', 'id'] })
@Index({ name: 'order_total_amount_idx', properties: ['totalAmount', 'id'] })
@Index({ name: 'order_status_updated_at_idx', properties: ['status', 'updatedAt', 'id'] })
@Index({ name: 'order_status_total_amount_idx', properties: ['status', 'totalAmount', 'id'] })
// The search by part of the customer's e-mail or name, on the order's own copies (Migration20261207120000_order_search).
@Index({
  name: 'order_search_email_trgm_index',
  expression: 'create index "order_search_email_trgm_index" on "order" using gin ("search_email" gin_trgm_ops)',
})
@Index({
  name: 'order_search_name_trgm_index',
  expression: 'create index "order_search_name_trgm_index" on "order" using gin ("search_name" gin_trgm_ops)',
})
@Check({ name: 'order_tax_amount_check', expression: 'tax_amount >= 0' })
export class Order {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'Human-readable order number, unique.' })
  @Property({ type: 'string', length: 32, unique: true })
  number: string;

  @ManyToOne(() => Channel, { ref: true })
  channel: Ref<Channel>;

  @Field(() => String, {
    nullable: true,
    description: "The order's id in the sales channel; placeOrder is idempotent on (channel, externalId).",
  })
  @Property({ type: 'string', length: 128, nullable: true })
  externalId?: string;

  @ManyToOne(() => Customer, { ref: true })
  customer: Ref<Customer>;

  /**
   * Copies of the customer's e-mail and name for the order search, written only by triggers
   * (Migration20261207120000_order_search); mapped so that the schema diff keeps them. Not in the API.
   */
  @Property({ type: 'string', length: 320, nullable: true, lazy: true, hidden: true })
  searchEmail?: string;

  @Property({ type: 'string', length: 200, nullable: true, lazy: true, hidden: true })
  searchName?: string;

  @Field(() => OrderStatus)
  @Enum({ items: () => OrderStatus, nativeEnumName: 'order_status' })
  status: OrderStatus = OrderStatus.PENDING;

  /** The status an ON_HOLD order returns to on release. */
  @Enum({ items: () => OrderStatus, nativeEnumName: 'order_status', nullable: true })
  statusBeforeHold?: OrderStatus;

  @Field(() => String, { nullable: true, description: 'Why the order is on hold, while it is.' })
  @Property({ type: 'string', length: 1000, nullable: true })
  holdReason?: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 1000, nullable: true })
  cancelReason?: string;

  @Field(() => PaymentStatus)
  @Enum({ items: () => PaymentStatus, nativeEnumName: 'payment_status' })
  paymentStatus: PaymentStatus = PaymentStatus.UNPAID;

  @Field(() => String)
  @Property({ type: 'string', length: 3 })
  currency: string;

  @Property({ type: 'integer' })
  subtotalAmount: number = 0;

  @Property({ type: 'integer', default: 0 })
  shippingAmount: number = 0;

  /** The sum of the lines' tax (Migration20261207160000_taxes); 0 for orders without tax. */
  @Property({ type: 'integer', default: 0 })
  taxAmount: number = 0;

  @Property({ type: 'integer' })
  totalAmount: number = 0;

  @Property({ type: 'integer', default: 0 })
  paidAmount: number = 0;

  @Property({ type: 'integer', default: 0 })
  refundedAmount: number = 0;

  /** Exposed through OrderResolver.shippingAddress (personal data: needs CUSTOMER_READ). */
  @Embedded(() => Address, { prefix: 'ship_' })
  shippingAddress: Address;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 2000, nullable: true })
  note?: string;

  @Field(() => [String], { description: 'Labels set by staff or automation rules (e.g. "late"), lower case, sorted.' })
  @Property({ type: ArrayType, columnType: 'text[]', defaultRaw: "'{}'" })
  tags: string[] = [];

  /** Millisecond precision, like JavaScript dates, so that list cursors round-trip exactly. */
  @Field(() => Date)
  @Property({ type: 'datetime', length: 3 })
  placedAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @OneToMany<OrderLine, Order>('OrderLine', 'order', { orderBy: { lineNo: 'asc' } })
  lines = new Collection<OrderLine>(this);

  @OneToMany<Payment, Order>('Payment', 'order', { orderBy: { createdAt: 'asc', id: 'asc' } })
  payments = new Collection<Payment>(this);

  @OneToMany<Refund, Order>('Refund', 'order', { orderBy: { createdAt: 'asc', id: 'asc' } })
  refunds = new Collection<Refund>(this);

  @OneToMany<Shipment, Order>('Shipment', 'order', { orderBy: { shippedAt: 'asc', id: 'asc' } })
  shipments = new Collection<Shipment>(this);

  @OneToMany<Return, Order>('Return', 'order', { orderBy: { createdAt: 'asc', id: 'asc' } })
  returns = new Collection<Return>(this);

  @OneToMany<OrderHistoryEntry, Order>('OrderHistoryEntry', 'order', { orderBy: { at: 'asc', seq: 'asc' } })
  history = new Collection<OrderHistoryEntry>(this);

  constructor(props: {
    number: string;
    channel: Ref<Channel>;
    customer: Ref<Customer>;
    currency: string;
    shippingAddress: Address;
    externalId?: string;
    note?: string;
    shippingAmount?: number;
  }) {
    this.number = props.number;
    this.channel = props.channel;
    this.customer = props.customer;
    this.currency = props.currency;
    this.shippingAddress = props.shippingAddress;
    this.externalId = props.externalId;
    this.note = props.note;
    this.shippingAmount = props.shippingAmount ?? 0;
  }

  /**
   * Sets the totals from the line amounts: when the order is placed, and again when it is edited.
   * Prices are net; the tax the channel charged is added: total = subtotal + shipping + tax.
   */
  setTotals(subtotal: number, tax = 0) {
    this.subtotalAmount = subtotal;
    this.taxAmount = tax;
    this.totalAmount = subtotal + this.shippingAmount + tax;
  }

  /** Books a payment or refund and re-derives the payment status. */
  applyPayment(paidDelta: number, refundedDelta: number) {
    this.paidAmount += paidDelta;
    this.refundedAmount += refundedDelta;
    if (this.refundedAmount > this.paidAmount) throw new Error('refunded more than paid');
    this.paymentStatus = derivePaymentStatus(this.totalAmount, this.paidAmount, this.refundedAmount);
  }

  get balanceDue(): number {
    return Math.max(0, this.totalAmount - this.paidAmount);
  }

  @Field(() => Money)
  get subtotal(): Money {
    return new Money(this.subtotalAmount, this.currency);
  }

  @Field(() => Money)
  get shipping(): Money {
    return new Money(this.shippingAmount, this.currency);
  }

  @Field(() => Money, { description: "The sum of the lines' tax, as the sales channel charged it (0 when none)." })
  get taxTotal(): Money {
    return new Money(this.taxAmount, this.currency);
  }

  @Field(() => Money, { description: 'subtotal + shipping + taxTotal.' })
  get total(): Money {
    return new Money(this.totalAmount, this.currency);
  }

  @Field(() => Money)
  get totalPaid(): Money {
    return new Money(this.paidAmount, this.currency);
  }

  @Field(() => Money)
  get totalRefunded(): Money {
    return new Money(this.refundedAmount, this.currency);
  }

  @Field(() => Money, {
    description:
      'What is owed back to the customer: what was paid and not refunded beyond the total (after an edit lowered it), or all of it for a cancelled order; else 0.',
  })
  get refundDue(): Money {
    const kept = this.paidAmount - this.refundedAmount;
    const owed = this.status === OrderStatus.CANCELLED ? kept : kept - this.totalAmount;
    return new Money(Math.max(0, owed), this.currency);
  }

  @Field(() => Money, { description: 'total - totalPaid, never negative.' })
  get amountDue(): Money {
    return new Money(this.balanceDue, this.currency);
  }
}
