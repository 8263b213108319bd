/** Append-only ledger of on-hand changes: adjustments, shipments and restocked returns. */
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Product } from '../catalog';
import { Warehouse } from './warehouse.entity';

export enum StockMovementKind {
  ADJUSTMENT = 'ADJUSTMENT',
  SHIPMENT = 'SHIPMENT',
  RETURN = 'RETURN',
}
registerEnumType(StockMovementKind, { name: 'StockMovementKind' });

@ObjectType({ description: 'A change of on-hand stock and why it happened.' })
@Entity({ tableName: 'stock_movement' })
@Index({ properties: ['product', 'warehouse', 'at'] })
export class StockMovement {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Product, { ref: true, deleteRule: 'cascade' })
  product: Ref<Product>;

  @ManyToOne(() => Warehouse, { ref: true, deleteRule: 'cascade' })
  warehouse: Ref<Warehouse>;

  @Field(() => StockMovementKind)
  @Enum({ items: () => StockMovementKind, nativeEnumName: 'stock_movement_kind' })
  kind: StockMovementKind;

  @Field(() => Int, { description: 'Change of onHand; negative for units leaving.' })
  @Property({ type: 'integer' })
  delta: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 1000, nullable: true })
  reason?: string;

  @Field(() => String, { nullable: true, description: 'The order this movement belongs to, if any.' })
  @Property({ type: 'uuid', nullable: true })
  orderId?: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  actor: string;

  /** Millisecond precision, like JavaScript dates, so that ledger cursors round-trip exactly. */
  @Field(() => Date)
  @Property({ type: 'datetime', length: 3 })
  at: Date = new Date();

  constructor(props: {
    product: Ref<Product>;
    warehouse: Ref<Warehouse>;
    kind: StockMovementKind;
    delta: number;
    reason?: string;
    orderId?: string;
    actor: string;
    at?: Date;
  }) {
    Object.assign(this, props);
    if (!props.at) this.at = new Date();
  }
}
