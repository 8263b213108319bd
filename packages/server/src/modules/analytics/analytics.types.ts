import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../common/money';
import { UserError } from '../../common/errors';

export enum ReportBucket {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(ReportBucket, {
  name: 'ReportBucket',
  description:
    'Time bucket of a report series: day, ISO week (from Monday) or calendar month, in the store time zone (OMS_TIME_ZONE, default UTC).',
});

@InputType({
  description:
    'What a report covers. Whole days of the store time zone (OMS_TIME_ZONE, default UTC): the day of `from` up to and including the day of the last instant before `to`; at most 366 days.',
})
export class ReportFilter {
  @Field(() => Date)
  from: Date;

  @Field(() => Date, { description: 'Exclusive: 2026-02-01T00:00:00Z ends the period with January 31.' })
  to: Date;

  @Field(() => ReportBucket, { nullable: true, description: 'Default DAY.' })
  bucket?: ReportBucket;

  @Field(() => String, { nullable: true, description: 'Only this channel (a partner key: one of its own).' })
  channelCode?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Only this warehouse: fulfilment (by the warehouse of the first shipment) and inventory figures.',
  })
  warehouseCode?: string;
}

@ObjectType({
  description:
    'Sales figures of a period; cancelled orders are not counted. See docs/analytics.md ("KPI definitions") for the formulas.',
})
export class SalesSummary {
  @Field(() => String, { description: 'The currency of every amount.' })
  currency: string;

  @Field(() => Int, { description: 'Orders placed, cancelled ones excluded.' })
  orders: number;

  @Field(() => Int, { description: 'Units ordered on those orders.' })
  units: number;

  @Field(() => Money, {
    description: "Sum of those orders' totals (lines, shipping and the tax the channels charged).",
  })
  grossSales: Money;

  @Field(() => Money, { description: 'The tax the channels charged on those orders (sum of their taxTotal).' })
  tax: Money;

  @Field(() => Money, { description: 'grossSales - tax: lines and shipping without tax.' })
  salesExcludingTax: Money;

  @Field(() => Money, { description: 'Refunds recorded against those orders.' })
  refunds: Money;

  @Field(() => Money, { description: 'grossSales - refunds.' })
  netSales: Money;

  @Field(() => Money, { description: 'grossSales / orders, rounded to the minor unit; 0 without orders.' })
  averageOrderValue: Money;

  @Field(() => Int, { description: 'Orders placed in the period and cancelled since (not in the figures above).' })
  cancelledOrders: number;
}

@ObjectType({ description: 'Sales of one channel in one bucket.' })
export class SalesPoint extends SalesSummary {
  @Field(() => Date, { description: 'Start of the bucket (midnight in the store time zone).' })
  bucketStart: Date;

  @Field(() => String)
  channelCode: string;
}

@ObjectType({ description: 'One channel in the period and in the period just before it, of the same length.' })
export class ChannelSalesComparison {
  @Field(() => String)
  channelCode: string;

  @Field(() => String)
  channelName: string;

  @Field(() => SalesSummary)
  current: SalesSummary;

  @Field(() => SalesSummary)
  previous: SalesSummary;
}

@ObjectType()
export class SalesReport {
  @Field(() => Date, { description: 'First instant covered (midnight in the store time zone).' })
  from: Date;

  @Field(() => Date, { description: 'End of the period (exclusive, midnight in the store time zone).' })
  to: Date;

  @Field(() => Date, { description: 'Start of the previous period: as many days, just before `from`.' })
  previousFrom: Date;

  @Field(() => [SalesPoint], { description: 'Per bucket and channel, buckets without orders left out.' })
  series: SalesPoint[];

  @Field(() => [SalesPoint], { description: 'The same for the previous period.' })
  previousSeries: SalesPoint[];

  @Field(() => [ChannelSalesComparison], { description: 'Every channel in scope, with this and the previous period.' })
  channels: ChannelSalesComparison[];
}

@ObjectType({ description: 'Lead time percentiles in whole hours (rounded up), nearest rank.' })
export class LeadTime {
  @Field(() => Int, { description: 'Orders measured.' })
  orders: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Half of the orders took at most this many hours; null without orders.',
  })
  p50Hours?: number | null;

  @Field(() => Int, { nullable: true, description: '90% of the orders took at most this many hours.' })
  p90Hours?: number | null;
}

@ObjectType()
export class FulfilmentPoint {
  @Field(() => Date)
  bucketStart: Date;

  @Field(() => Int, { description: 'Orders placed in the bucket and shipped complete.' })
  shippedComplete: number;

  @Field(() => Int)
  shippedWithinSla: number;

  @Field(() => Float, { nullable: true })
  onTimeRate?: number | null;

  @Field(() => Int, { nullable: true })
  p50Hours?: number | null;

  @Field(() => Int, { nullable: true })
  p90Hours?: number | null;
}

@ObjectType()
export class FulfilmentReport {
  @Field(() => Int, {
    description:
      'The shipping promise the on-time rate is measured against (argument slaHours, else OMS_FULFILMENT_SLA_HOURS).',
  })
  slaHours: number;

  @Field(() => LeadTime, { description: 'Placed to the shipment of the last unit, over orders shipped complete.' })
  placedToShipped: LeadTime;

  @Field(() => LeadTime, {
    description: 'Placed to delivery of the last parcel, over orders shipped complete and delivered.',
  })
  placedToDelivered: LeadTime;

  @Field(() => Int)
  shippedComplete: number;

  @Field(() => Int, { description: 'Shipped complete within slaHours of placing.' })
  shippedWithinSla: number;

  @Field(() => Float, { nullable: true, description: 'shippedWithinSla / shippedComplete.' })
  onTimeRate?: number | null;

  @Field(() => Int, { description: 'Shipped complete in a single shipment.' })
  completeInOne: number;

  @Field(() => Float, { nullable: true, description: 'completeInOne / shippedComplete.' })
  fillRate?: number | null;

  @Field(() => Int, { description: 'Orders with at least one shipment.' })
  ordersWithShipments: number;

  @Field(() => Int, { description: 'Orders with two or more shipments.' })
  splitOrders: number;

  @Field(() => Float, { nullable: true, description: 'splitOrders / ordersWithShipments.' })
  splitShipmentRate?: number | null;

  @Field(() => Int, {
    description:
      'Now: open orders (pending, on hold, confirmed, part-shipped) placed more than slaHours ago, whenever placed.',
  })
  lateOrdersNow: number;

  @Field(() => [FulfilmentPoint])
  series: FulfilmentPoint[];
}

@ObjectType()
export class ReasonCount {
  @Field(() => String, { description: '"(no reason)" when none was given.' })
  reason: string;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class SkuReturns {
  @Field(() => String)
  sku: string;

  @Field(() => Int, { description: 'Units on orders placed in the period, cancelled ones excluded.' })
  unitsSold: number;

  @Field(() => Int, { description: 'Of those, units returned so far.' })
  unitsReturned: number;

  @Field(() => Float, { nullable: true, description: 'unitsReturned / unitsSold.' })
  returnRate?: number | null;

  @Field(() => [ReasonCount], { description: 'Units returned per reason.' })
  reasons: ReasonCount[];
}

@ObjectType()
export class HeldOrder {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  number: string;

  @Field(() => String)
  channelCode: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => Date)
  heldSince: Date;

  @Field(() => Float, { description: 'Hours on hold until now.' })
  hoursOnHold: number;
}

@ObjectType()
export class ExceptionsReport {
  @Field(() => Int, { description: 'Orders placed in the period, cancelled ones included.' })
  placedOrders: number;

  @Field(() => Int)
  cancelledOrders: number;

  @Field(() => Float, { nullable: true, description: 'cancelledOrders / placedOrders.' })
  cancellationRate?: number | null;

  @Field(() => [ReasonCount], { description: 'Cancelled orders per reason, most frequent first.' })
  cancellationReasons: ReasonCount[];

  @Field(() => [SkuReturns], { description: 'SKUs with returns, highest return rate first (at most 100).' })
  returnsBySku: SkuReturns[];

  @Field(() => Int, { description: 'Now: orders on hold, whenever placed.' })
  onHoldCount: number;

  @Field(() => [HeldOrder], { description: 'Now: the 50 longest on hold.' })
  onHold: HeldOrder[];
}

@ObjectType()
export class WarehouseStock {
  @Field(() => String)
  warehouseCode: string;

  @Field(() => String)
  warehouseName: string;

  @Field(() => Int)
  onHand: number;

  @Field(() => Int)
  reserved: number;

  @Field(() => [Money], { description: 'On hand x list price, one amount per catalogue currency.' })
  value: Money[];
}

@ObjectType()
export class LowStockSku {
  @Field(() => String)
  sku: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  warehouseCode: string;

  @Field(() => Int)
  onHand: number;

  @Field(() => Int)
  available: number;
}

@ObjectType()
export class SkuCover {
  @Field(() => String)
  sku: string;

  @Field(() => String)
  name: string;

  @Field(() => Int, { description: 'Now.' })
  onHand: number;

  @Field(() => Int, { description: 'Units shipped out in the period (stock movements of kind SHIPMENT).' })
  unitsShipped: number;

  @Field(() => Float, {
    nullable: true,
    description: 'onHand / (unitsShipped / days in period); null when nothing shipped.',
  })
  daysOfCover?: number | null;

  @Field(() => Float, { nullable: true, description: 'unitsShipped / (unitsShipped + onHand).' })
  sellThrough?: number | null;
}

@ObjectType()
export class MovementSummary {
  @Field(() => String, { description: 'ADJUSTMENT, SHIPMENT or RETURN.' })
  kind: string;

  @Field(() => String)
  reason: string;

  @Field(() => Int)
  movements: number;

  @Field(() => Int)
  unitsIn: number;

  @Field(() => Int)
  unitsOut: number;
}

@ObjectType()
export class InventoryReport {
  @Field(() => [WarehouseStock])
  warehouses: WarehouseStock[];

  @Field(() => Int, { description: 'The threshold used: available units at or below it are low.' })
  lowStockThreshold: number;

  @Field(() => [LowStockSku], { description: 'Lowest available first (at most 100).' })
  lowStock: LowStockSku[];

  @Field(() => [SkuCover], {
    description: 'SKUs that shipped in the period, fewest days of cover first (at most 100).',
  })
  skus: SkuCover[];

  @Field(() => [MovementSummary], { description: 'Stock movements in the period by kind and reason.' })
  movements: MovementSummary[];
}

@ObjectType()
export class SkuRank {
  @Field(() => String)
  sku: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Int)
  units: number;

  @Field(() => Money, { description: 'Units x unit price (shipping not included).' })
  revenue: Money;
}

@ObjectType()
export class CustomerRank {
  @Field(() => ID)
  customerId: string;

  @Field(() => String, {
    nullable: true,
    description: 'Null without CUSTOMER_READ (the ranking, ids and figures stay).',
  })
  email: string | null;

  @Field(() => String, { nullable: true, description: 'Null without CUSTOMER_READ.' })
  name?: string | null;

  @Field(() => Int)
  orders: number;

  @Field(() => Int)
  units: number;

  @Field(() => Money, { description: "Sum of the customer's order totals." })
  revenue: Money;
}

@ObjectType()
export class TopReport {
  @Field(() => [SkuRank])
  skusByRevenue: SkuRank[];

  @Field(() => [SkuRank])
  skusByUnits: SkuRank[];

  @Field(() => [SkuRank], { description: 'Catalogue SKUs with the least revenue, unsold ones (0) first.' })
  bottomSkusByRevenue: SkuRank[];

  @Field(() => [SkuRank])
  bottomSkusByUnits: SkuRank[];

  @Field(() => [CustomerRank])
  customersByRevenue: CustomerRank[];

  @Field(() => [CustomerRank])
  customersByUnits: CustomerRank[];
}

@ObjectType()
export class RebuildAnalyticsPayload {
  @Field(() => Int, { nullable: true, description: 'Days recomputed.' })
  days?: number | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
