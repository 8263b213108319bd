/** A parcel leaving one warehouse with some units of an order's lines. */
import { Collection, Entity, Enum, ManyToOne, OneToMany, PrimaryKey, Property, Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Order } from '../order';
import { OrderLine } from '../order';
import { Warehouse } from '../inventory';

export enum ShipmentStatus {
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
}
registerEnumType(ShipmentStatus, { name: 'ShipmentStatus' });

@ObjectType({ description: 'A parcel shipped from one warehouse.' })
@Entity({ tableName: 'shipment' })
export class Shipment {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Order, { ref: true, deleteRule: 'cascade', index: true })
  order: Ref<Order>;

  @ManyToOne(() => Warehouse, { ref: true })
  warehouse: Ref<Warehouse>;

  @Field(() => ShipmentStatus)
  @Enum({ items: () => ShipmentStatus, nativeEnumName: 'shipment_status' })
  status: ShipmentStatus = ShipmentStatus.SHIPPED;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  carrier?: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  trackingNumber?: string;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  shippedAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  deliveredAt?: Date;

  @OneToMany('ShipmentLine', 'shipment')
  lines = new Collection<ShipmentLine>(this);

  constructor(props: {
    order: Ref<Order>;
    warehouse: Ref<Warehouse>;
    carrier?: string;
    trackingNumber?: string;
    shippedAt?: Date;
  }) {
    Object.assign(this, props);
    if (!props.shippedAt) this.shippedAt = new Date();
  }
}

@ObjectType({ description: 'Units of one order line in a shipment.' })
@Entity({ tableName: 'shipment_line' })
export class ShipmentLine {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Shipment, { ref: true, deleteRule: 'cascade', index: true })
  shipment: Ref<Shipment>;

  @ManyToOne(() => OrderLine, { ref: true, deleteRule: 'cascade' })
  orderLine: Ref<OrderLine>;

  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  sku: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  quantity: number;

  constructor(shipment: Ref<Shipment>, orderLine: Ref<OrderLine>, sku: string, quantity: number) {
    this.shipment = shipment;
    this.orderLine = orderLine;
    this.sku = sku;
    this.quantity = quantity;
  }
}
