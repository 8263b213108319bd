/** One SKU on an order, with the price it was sold at and how much has shipped and come back. */
import { Check, Collection, Entity, ManyToOne, OneToMany, PrimaryKey, Property, Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Money } from '../../common/money';
import { Product } from '../catalog';
import { Order } from './order.entity';
import type { StockAllocation } from '../inventory/stock-allocation.entity';

@ObjectType({ description: 'One SKU on an order.' })
@Entity({ tableName: 'order_line' })
@Check({
  name: 'order_line_quantities_check',
  expression:
    '(quantity > 0) AND ((quantity_shipped >= 0) AND (quantity_shipped <= quantity)) AND ((quantity_returned >= 0) AND (quantity_returned <= quantity_shipped))',
})
@Check({ name: 'order_line_tax_amount_check', expression: 'tax_amount >= 0' })
@Check({ name: 'order_line_tax_rate_check', expression: '(tax_rate >= 0) AND (tax_rate <= 100000)' })
export class OrderLine {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Order, { ref: true, deleteRule: 'cascade', index: true })
  order: Ref<Order>;

  @Property({ type: 'smallint' })
  lineNo: number;

  @ManyToOne(() => Product, { ref: true })
  product: Ref<Product>;

  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  sku: string;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  name: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  quantity: number;

  @Property({ type: 'integer' })
  unitPriceAmount: number;

  @Property({ type: 'string', length: 3 })
  currency: string;

  /** The tax the sales channel charged on the whole line, in minor units (0 when none was given). */
  @Property({ type: 'integer', default: 0 })
  taxAmount: number = 0;

  @Field(() => Int, {
    nullable: true,
    description:
      'The tax rate the sales channel charged, in basis points (1900 = 19 %); null when only an amount (or no tax) was given.',
  })
  @Property({ type: 'integer', nullable: true })
  taxRate?: number;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  quantityShipped: number = 0;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  quantityReturned: number = 0;

  @OneToMany<StockAllocation, OrderLine>('StockAllocation', 'orderLine', { orderBy: { createdAt: 'asc', id: 'asc' } })
  allocations = new Collection<StockAllocation>(this);

  constructor(props: {
    order: Ref<Order>;
    lineNo: number;
    product: Ref<Product>;
    sku: string;
    name: string;
    quantity: number;
    unitPriceAmount: number;
    currency: string;
    taxAmount?: number;
    taxRate?: number;
  }) {
    Object.assign(this, props);
  }

  @Field(() => Money)
  get unitPrice(): Money {
    return new Money(this.unitPriceAmount, this.currency);
  }

  @Field(() => Money, { description: 'unitPrice × quantity: the net amount of the line, without tax.' })
  get lineTotal(): Money {
    return new Money(this.unitPriceAmount * this.quantity, this.currency);
  }

  @Field(() => Money, { description: 'The tax on the whole line, as the sales channel charged it (0 when none).' })
  get tax(): Money {
    return new Money(this.taxAmount, this.currency);
  }

  get quantityUnshipped(): number {
    return this.quantity - this.quantityShipped;
  }
}
