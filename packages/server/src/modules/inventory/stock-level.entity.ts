/**
 * Stock of one product in one warehouse. reserved counts units promised to open orders and
 * never exceeds onHand; the database checks both, as a last line of defence.
 */
import { Check, Entity, ManyToOne, PrimaryKey, Property, Ref, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Product } from '../catalog';
import { Warehouse } from './warehouse.entity';

@ObjectType({ description: 'Stock of one SKU in one warehouse. available = onHand - reserved.' })
@Entity({ tableName: 'stock_level' })
@Unique({ properties: ['product', 'warehouse'] })
@Check({ name: 'stock_level_on_hand_check', expression: 'on_hand >= 0' })
@Check({ name: 'stock_level_reserved_check', expression: 'reserved >= 0 and reserved <= on_hand' })
export class StockLevel {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Product, { ref: true, deleteRule: 'cascade' })
  product: Ref<Product>;

  @ManyToOne(() => Warehouse, { ref: true, deleteRule: 'cascade' })
  warehouse: Ref<Warehouse>;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  onHand: number = 0;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  reserved: number = 0;

  @Field(() => Date)
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  constructor(product: Ref<Product>, warehouse: Ref<Warehouse>) {
    this.product = product;
    this.warehouse = warehouse;
  }

  @Field(() => Int)
  get available(): number {
    return this.onHand - this.reserved;
  }
}
