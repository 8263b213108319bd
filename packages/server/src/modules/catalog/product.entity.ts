/** A sellable SKU with its list price. */
import { Collection, Entity, OneToMany, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { Money } from '../../common/money';
import type { StockLevel } from '../inventory/stock-level.entity';
import { Node } from '../../common/node';

@ObjectType({ description: 'A sellable SKU.', implements: Node })
@Entity({ tableName: 'product' })
export class Product {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String)
  @Property({ type: 'string', length: 64, unique: true })
  sku: string;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  name: string;

  @Property({ type: 'integer' })
  priceAmount: number;

  @Property({ type: 'string', length: 3 })
  currency: string;

  @Field(() => Boolean, {
    description: 'Whether orders may be placed beyond available stock; the rest waits unallocated.',
  })
  @Property({ type: 'boolean', default: false })
  allowBackorder: boolean = false;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @OneToMany('StockLevel', 'product')
  stockLevels = new Collection<StockLevel>(this);

  constructor(sku: string, name: string, priceAmount: number, currency: string, allowBackorder = false) {
    this.sku = sku;
    this.name = name;
    this.priceAmount = priceAmount;
    this.currency = currency;
    this.allowBackorder = allowBackorder;
  }

  @Field(() => Money)
  get price(): Money {
    return new Money(this.priceAmount, this.currency);
  }
}
