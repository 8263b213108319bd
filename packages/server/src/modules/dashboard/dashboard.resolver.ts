import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Permission } from '../auth';
import { storeTimeZone } from '../../common/time-zone';
import { DashboardService } from './dashboard.service';
import { ChannelSales, LateOrders, OrderStatusCount } from './dashboard.types';

@Resolver()
export class DashboardResolver {
  constructor(private readonly service: DashboardService) {}

  @Authorized()
  @Query(() => String, {
    description:
      "The store's IANA time zone (OMS_TIME_ZONE, default UTC): the days of reports and of salesByChannel's whole days, and 'today' on the dashboard.",
  })
  storeTimeZone() {
    return storeTimeZone();
  }

  @Authorized(Permission.ORDER_READ)
  @Query(() => [OrderStatusCount], { description: 'How many orders are in each status (every status, zero included).' })
  orderStatusCounts(@Ctx() ctx: RequestContext) {
    return this.service.orderStatusCounts(ctx);
  }

  @Authorized(Permission.ORDER_READ)
  @Query(() => [ChannelSales], {
    description: 'Orders placed per channel in [from, to) and their value; cancelled orders excluded.',
  })
  salesByChannel(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date, { nullable: true }) to?: Date,
  ) {
    return this.service.salesByChannel(ctx, from, to);
  }

  @Authorized(Permission.ORDER_READ)
  @Query(() => LateOrders, {
    description: 'Orders confirmed more than olderThanHours ago and not yet fully shipped, longest-waiting first.',
  })
  lateOrders(
    @Ctx() ctx: RequestContext,
    @Arg('olderThanHours', () => Int) olderThanHours: number,
    @Arg('first', () => Int, { nullable: true, description: '1 to 200, default 10.' }) first?: number,
  ) {
    return this.service.lateOrders(ctx, olderThanHours, first ?? 10);
  }
}
