import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Permission } from '../auth';
import { AnalyticsService } from './analytics.service';
import {
  ExceptionsReport,
  FulfilmentReport,
  InventoryReport,
  RebuildAnalyticsPayload,
  ReportFilter,
  SalesReport,
  SalesSummary,
  TopReport,
} from './analytics.types';

@Resolver()
export class AnalyticsResolver {
  constructor(private readonly service: AnalyticsService) {}

  @Authorized(Permission.REPORT_READ)
  @Query(() => SalesSummary, {
    description:
      'Sales of the orders placed in the days (OMS_TIME_ZONE, default UTC) of [from, to): cancelled orders excluded, refunds subtracted in netSales. With channels of several currencies, name a channelCode.',
  })
  salesSummary(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Arg('channelCode', () => String, { nullable: true }) channelCode?: string,
  ) {
    return this.service.salesSummary(ctx, from, to, channelCode);
  }

  @Authorized(Permission.REPORT_READ)
  @Query(() => SalesReport, {
    description: 'Sales per bucket and channel, and per channel against the previous period of the same length.',
  })
  salesReport(@Ctx() ctx: RequestContext, @Arg('filter', () => ReportFilter) filter: ReportFilter) {
    return this.service.salesReport(ctx, filter);
  }

  @Authorized(Permission.REPORT_READ)
  @Query(() => FulfilmentReport, {
    description: 'Lead times (p50, p90), on-time rate against the SLA, fill rate, split shipments, late orders now.',
  })
  fulfilmentReport(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => ReportFilter) filter: ReportFilter,
    @Arg('slaHours', () => Int, { nullable: true, description: 'Default: OMS_FULFILMENT_SLA_HOURS (48).' })
    slaHours?: number,
  ) {
    return this.service.fulfilmentReport(ctx, filter, slaHours);
  }

  @Authorized(Permission.REPORT_READ)
  @Query(() => ExceptionsReport, {
    description: 'Cancellations with reasons, returns by SKU with reasons, orders on hold now.',
  })
  exceptionsReport(@Ctx() ctx: RequestContext, @Arg('filter', () => ReportFilter) filter: ReportFilter) {
    return this.service.exceptionsReport(ctx, filter);
  }

  @Authorized(Permission.REPORT_READ)
  @Query(() => InventoryReport, {
    description:
      'Stock and its value per warehouse, low stock, days of cover and sell-through per SKU, movements by reason. Not for channel-limited keys.',
  })
  inventoryReport(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => ReportFilter) filter: ReportFilter,
    @Arg('lowStockThreshold', () => Int, {
      nullable: true,
      description: 'Available units at or below this are low; default 5.',
    })
    lowStockThreshold?: number,
  ) {
    return this.service.inventoryReport(ctx, filter, lowStockThreshold);
  }

  @Authorized(Permission.REPORT_READ)
  @Query(() => TopReport, { description: 'Top and bottom SKUs and top customers by revenue and by units.' })
  topReport(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => ReportFilter) filter: ReportFilter,
    @Arg('first', () => Int, { nullable: true, description: '1 to 100, default 10.' }) first?: number,
  ) {
    return this.service.topReport(ctx, filter, first);
  }

  @Authorized(Permission.JOB_MANAGE)
  @Mutation(() => RebuildAnalyticsPayload, {
    description:
      'Recomputes the analytics rollups of the days (OMS_TIME_ZONE) in [from, to) from the orders and stock movements (after an import or a repair); idempotent, one day per transaction.',
  })
  rebuildAnalytics(@Ctx() ctx: RequestContext, @Arg('from', () => Date) from: Date, @Arg('to', () => Date) to: Date) {
    return this.service.rebuild(ctx, from, to);
  }
}
