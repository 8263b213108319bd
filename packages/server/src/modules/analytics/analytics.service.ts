/**
 * Analytics reports. Period figures come from the daily rollups (rollups.ts), never from a scan
 * of the order tables; the "now" figures (late orders, orders on hold, stock on hand) read the
 * live tables through indexes over the few rows they concern. A partner key's figures cover its
 * own channels only; inventory spans every channel, so it needs an unrestricted caller.
 * KPI formulas: docs/analytics.md. SQL: analytics.sql.ts.
 */
import { zonedMidnight } from '../../common/time-zone';
import { GraphQLError } from 'graphql';
import { can, channelScope } from '../../common/access';
import type { RequestContext } from '../../common/context';
import { ErrorCode, ForbiddenError, UserError } from '../../common/errors';
import { Money } from '../../common/money';
import { sql } from '../../common/sql';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  cancellationReasons,
  channelsInScope,
  fulfilmentCounts,
  leadTimeStats,
  lowStock,
  openOrdersOlderThan,
  ordersOnHold,
  placedAndCancelled,
  reportSettings,
  returnReasons,
  returnsBySku,
  salesSeries,
  salesTotals,
  skuTotals,
  Statement,
  stockCover,
  stockMovements,
  topCustomers,
  warehouseByCode,
  warehouseStock,
} from './analytics.sql';
import {
  ChannelSalesComparison,
  CustomerRank,
  ExceptionsReport,
  FulfilmentPoint,
  FulfilmentReport,
  InventoryReport,
  LeadTime,
  RebuildAnalyticsPayload,
  ReportBucket,
  ReportFilter,
  SalesPoint,
  SalesReport,
  SalesSummary,
  SkuRank,
  TopReport,
} from './analytics.types';
import { Permission } from '../auth';
import { addDays, Day, dayOf, daysBetween, rebuildRange } from './rollups';
import { onReplica } from '../../common/read-replica';

export const MAX_REPORT_DAYS = 366;

/** Runs one statement of analytics.sql.ts in the transaction of `em`. */
const run = <T = Record<string, unknown>>(em: EntityManager, s: Statement) => sql<T>(em, s.text, s.values);

/** Bad report arguments: a GraphQL error naming the argument at fault (queries have no userErrors). */
export class ReportInputError extends GraphQLError {
  constructor(message: string, field: string[]) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', field } });
  }
}

/** A sum or count as node-postgres returns it: bigint and numeric arrive as strings (read with `num`). */
type Aggregate = string | number | null;

interface SalesRow {
  current: boolean;
  bucket: Day;
  channel_id: string;
  currency: string;
  orders: Aggregate;
  units: Aggregate;
  gross: Aggregate;
  tax: Aggregate;
  refunds: Aggregate;
  cancelled: Aggregate;
}

interface SkuReturnsRow {
  sku: string;
  units: Aggregate;
  returned: Aggregate;
}

interface ReturnReasonRow {
  sku: string;
  reason: string;
  n: Aggregate;
}

interface HeldOrderRow {
  id: string;
  number: string;
  code: string;
  hold_reason: string | null;
  since: Date | null;
  total: number;
}

interface WarehouseStockRow {
  code: string;
  name: string;
  on_hand: Aggregate;
  reserved: Aggregate;
  values: { c: string; v: number }[];
}

interface LowStockRow {
  sku: string;
  name: string;
  code: string;
  on_hand: number;
  available: number;
}

interface StockCoverRow {
  sku: string;
  name: string;
  on_hand: Aggregate;
  out: Aggregate;
}

interface MovementRow {
  kind: string;
  reason: string;
  n: Aggregate;
  units_in: Aggregate;
  units_out: Aggregate;
}

/** A SKU's figures; name and currency are null for SKUs sold that left the catalogue. */
interface SkuTotalRow {
  sku: string;
  name: string | null;
  units: Aggregate;
  revenue: Aggregate;
  currency: string | null;
}

interface CustomerRankRow {
  customer_id: string;
  currency: string;
  orders: Aggregate;
  units: Aggregate;
  revenue: Aggregate;
  ranking: 'revenue' | 'units';
  email: string;
  name: string | null;
}

interface Channel {
  id: string;
  code: string;
  name: string;
  currency: string;
}

interface Scope {
  from: Day;
  to: Day;
  days: number;
  previousFrom: Day;
  bucket: ReportBucket;
  /** Channels in scope (all the caller may see, or the one asked for). */
  channels: Channel[];
  channelIds: string[];
  warehouseId: string | null;
}

const midnight = (day: Day) => zonedMidnight(day);
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
const num = (v: unknown) => Number(v ?? 0);
const byBucketAndChannel = (a: SalesPoint, b: SalesPoint) =>
  a.bucketStart.getTime() - b.bucketStart.getTime() || a.channelCode.localeCompare(b.channelCode);
const truncUnit = (b: ReportBucket) => ({ DAY: 'day', WEEK: 'week', MONTH: 'month' })[b];

function summary(
  currency: string,
  r?: { orders?: unknown; units?: unknown; gross?: unknown; tax?: unknown; refunds?: unknown; cancelled?: unknown },
): SalesSummary {
  const orders = num(r?.orders);
  const gross = num(r?.gross);
  const tax = num(r?.tax);
  const refunds = num(r?.refunds);
  return {
    currency,
    orders,
    units: num(r?.units),
    grossSales: new Money(gross, currency),
    tax: new Money(tax, currency),
    salesExcludingTax: new Money(gross - tax, currency),
    refunds: new Money(refunds, currency),
    netSales: new Money(gross - refunds, currency),
    averageOrderValue: new Money(orders ? Math.round(gross / orders) : 0, currency),
    cancelledOrders: num(r?.cancelled),
  };
}

export class AnalyticsService {
  constructor(private readonly slaHours: number) {}

  /**
   * Runs a report in one read-only transaction: the same snapshot for all its statements, no JIT
   * (PostgreSQL's estimate for a year of rollup rows triggers a compilation costing more than the
   * query) and room to aggregate in memory.
   */
  private read<T>(ctx: RequestContext, fn: (c: RequestContext) => Promise<T>): Promise<T> {
    return onReplica(ctx.em, async (em) => {
      for (const setting of reportSettings()) await run(em, setting);
      return fn({ ...ctx, em });
    });
  }

  salesSummary(ctx: RequestContext, from: Date, to: Date, channelCode?: string | null): Promise<SalesSummary> {
    return this.read(ctx, (c) => this.salesSummaryIn(c, from, to, channelCode));
  }

  salesReport(ctx: RequestContext, filter: ReportFilter): Promise<SalesReport> {
    return this.read(ctx, (c) => this.salesReportIn(c, filter));
  }

  fulfilmentReport(ctx: RequestContext, filter: ReportFilter, slaHours?: number | null): Promise<FulfilmentReport> {
    return this.read(ctx, (c) => this.fulfilmentReportIn(c, filter, slaHours));
  }

  exceptionsReport(ctx: RequestContext, filter: ReportFilter): Promise<ExceptionsReport> {
    return this.read(ctx, (c) => this.exceptionsReportIn(c, filter));
  }

  inventoryReport(
    ctx: RequestContext,
    filter: ReportFilter,
    lowStockThreshold?: number | null,
  ): Promise<InventoryReport> {
    return this.read(ctx, (c) => this.inventoryReportIn(c, filter, lowStockThreshold));
  }

  topReport(ctx: RequestContext, filter: ReportFilter, first?: number | null): Promise<TopReport> {
    return this.read(ctx, (c) => this.topReportIn(c, filter, first));
  }

  /** Validates the filter and resolves codes to ids within what the caller may see. `path` prefixes error fields. */
  private async scope(ctx: RequestContext, f: ReportFilter, path: string[]): Promise<Scope> {
    if (!(f.from instanceof Date) || Number.isNaN(f.from.getTime()))
      throw new ReportInputError('"from" is not a valid date-time', [...path, 'from']);
    if (!(f.to instanceof Date) || Number.isNaN(f.to.getTime()))
      throw new ReportInputError('"to" is not a valid date-time', [...path, 'to']);
    if (f.to <= f.from) throw new ReportInputError('"to" must be after "from"', [...path, 'to']);
    const from = dayOf(f.from);
    const to = addDays(dayOf(new Date(f.to.getTime() - 1)), 1);
    const days = daysBetween(from, to);
    if (days > MAX_REPORT_DAYS)
      throw new ReportInputError(`The period spans ${days} days; at most ${MAX_REPORT_DAYS}`, [...path, 'to']);
    const allowed = channelScope(ctx);
    let channels = await run<Channel>(ctx.em, channelsInScope(allowed ? [...allowed] : null));
    if (f.channelCode != null) {
      channels = channels.filter((c) => c.code === f.channelCode);
      // A channel outside a partner's scope is as unknown as one that does not exist.
      if (!channels.length)
        throw new ReportInputError(`No channel with code "${f.channelCode}"`, [...path, 'channelCode']);
    }
    let warehouseId: string | null = null;
    if (f.warehouseCode != null) {
      const [w] = await run<{ id: string }>(ctx.em, warehouseByCode(f.warehouseCode));
      if (!w) throw new ReportInputError(`No warehouse with code "${f.warehouseCode}"`, [...path, 'warehouseCode']);
      warehouseId = w.id;
    }
    return {
      from,
      to,
      days,
      previousFrom: addDays(from, -days),
      bucket: f.bucket ?? ReportBucket.DAY,
      channels,
      channelIds: channels.map((c) => c.id),
      warehouseId,
    };
  }

  // ------------------------------------------------------------------------------------ sales

  private async salesSummaryIn(
    ctx: RequestContext,
    from: Date,
    to: Date,
    channelCode?: string | null,
  ): Promise<SalesSummary> {
    const s = await this.scope(ctx, { from, to, channelCode: channelCode ?? undefined }, []);
    const currencies = [...new Set(s.channels.map((c) => c.currency))];
    if (currencies.length > 1) {
      throw new ReportInputError(`The channels use several currencies (${currencies.join(', ')}): name a channelCode`, [
        'channelCode',
      ]);
    }
    const currency = currencies[0] ?? 'EUR';
    const [r] = await run(ctx.em, salesTotals(s.from, s.to, s.channelIds));
    return summary(currency, r);
  }

  private async salesReportIn(ctx: RequestContext, filter: ReportFilter): Promise<SalesReport> {
    const s = await this.scope(ctx, filter, ['filter']);
    const unit = truncUnit(s.bucket);
    const rows = await run<SalesRow>(ctx.em, salesSeries(s.from, unit, s.previousFrom, s.to, s.channelIds));
    const byId = new Map(s.channels.map((c) => [c.id, c]));
    const point = (r: SalesRow): SalesPoint => ({
      ...summary(r.currency, r),
      bucketStart: midnight(r.bucket),
      channelCode: byId.get(r.channel_id)!.code,
    });
    const total = (channelId: string, current: boolean) => {
      const c = byId.get(channelId)!;
      const mine = rows.filter((r) => r.channel_id === channelId && r.current === current);
      const sum = (k: 'orders' | 'units' | 'gross' | 'tax' | 'refunds' | 'cancelled') =>
        mine.reduce((a, r) => a + num(r[k]), 0);
      return summary(c.currency, {
        orders: sum('orders'),
        units: sum('units'),
        gross: sum('gross'),
        tax: sum('tax'),
        refunds: sum('refunds'),
        cancelled: sum('cancelled'),
      });
    };
    return {
      from: midnight(s.from),
      to: midnight(s.to),
      previousFrom: midnight(s.previousFrom),
      series: rows
        .filter((r) => r.current)
        .map(point)
        .sort(byBucketAndChannel),
      previousSeries: rows
        .filter((r) => !r.current)
        .map(point)
        .sort(byBucketAndChannel),
      channels: s.channels.map((c): ChannelSalesComparison => ({
        channelCode: c.code,
        channelName: c.name,
        current: total(c.id, true),
        previous: total(c.id, false),
      })),
    };
  }

  // ------------------------------------------------------------------------------- fulfilment

  private async fulfilmentReportIn(
    ctx: RequestContext,
    filter: ReportFilter,
    slaHours?: number | null,
  ): Promise<FulfilmentReport> {
    const sla = slaHours ?? this.slaHours;
    if (!Number.isInteger(sla) || sla < 1 || sla > 24 * 365)
      throw new ReportInputError('slaHours must be between 1 and 8760', ['slaHours']);
    const s = await this.scope(ctx, filter, ['filter']);
    const unit = truncUnit(s.bucket);
    const [counts] = await run(ctx.em, fulfilmentCounts(s.from, s.to, s.channelIds, s.warehouseId));
    const stats = await run<{
      bucket: string | null;
      stage: string;
      total: string;
      p50: number;
      p90: number;
      within: string;
    }>(ctx.em, leadTimeStats(unit, s.from, s.to, s.channelIds, s.warehouseId, sla));
    const [late] = await run<{ n: number }>(ctx.em, openOrdersOlderThan(sla, s.channelIds));

    const stat = (bucket: string | null, stage: string) => stats.find((r) => r.bucket === bucket && r.stage === stage);
    const lead = (r?: { total: string; p50: number; p90: number }): LeadTime => ({
      orders: num(r?.total),
      p50Hours: r?.p50 ?? null,
      p90Hours: r?.p90 ?? null,
    });
    const shipped = stat(null, 'SHIPPED');
    const shippedComplete = num(counts?.shipped_complete);
    const completeInOne = num(counts?.complete_in_one);
    const ordersWithShipments = num(counts?.shipped_any);
    const splitOrders = num(counts?.split_orders);
    const shippedWithinSla = num(shipped?.within);
    const series = stats
      .filter((r) => r.bucket !== null && r.stage === 'SHIPPED')
      .map((r): FulfilmentPoint => ({
        bucketStart: midnight(r.bucket!),
        shippedComplete: num(r.total),
        shippedWithinSla: num(r.within),
        onTimeRate: ratio(num(r.within), num(r.total)),
        p50Hours: r.p50,
        p90Hours: r.p90,
      }));
    return {
      slaHours: sla,
      placedToShipped: lead(shipped),
      placedToDelivered: lead(stat(null, 'DELIVERED')),
      shippedComplete,
      shippedWithinSla,
      onTimeRate: ratio(shippedWithinSla, shippedComplete),
      completeInOne,
      fillRate: ratio(completeInOne, shippedComplete),
      ordersWithShipments,
      splitOrders,
      splitShipmentRate: ratio(splitOrders, ordersWithShipments),
      lateOrdersNow: late.n,
      series,
    };
  }

  // ------------------------------------------------------------------------------- exceptions

  private async exceptionsReportIn(ctx: RequestContext, filter: ReportFilter): Promise<ExceptionsReport> {
    const s = await this.scope(ctx, filter, ['filter']);
    const [sales] = await run(ctx.em, placedAndCancelled(s.from, s.to, s.channelIds));
    const reasons = await run<{ reason: string; n: string }>(ctx.em, cancellationReasons(s.from, s.to, s.channelIds));
    const skus = await run<SkuReturnsRow>(ctx.em, returnsBySku(s.from, s.to, s.channelIds));
    const returned = skus.length
      ? await run<ReturnReasonRow>(
          ctx.em,
          returnReasons(
            s.from,
            s.to,
            s.channelIds,
            skus.map((r) => r.sku),
          ),
        )
      : [];
    const held = await run<HeldOrderRow>(ctx.em, ordersOnHold(s.channelIds));
    const placed = num(sales?.orders) + num(sales?.cancelled);
    const cancelled = num(sales?.cancelled);
    const now = Date.now();
    return {
      placedOrders: placed,
      cancelledOrders: cancelled,
      cancellationRate: ratio(cancelled, placed),
      cancellationReasons: reasons.map((r) => ({ reason: r.reason, count: num(r.n) })),
      returnsBySku: skus.map((r) => ({
        sku: r.sku,
        unitsSold: num(r.units),
        unitsReturned: num(r.returned),
        returnRate: ratio(num(r.returned), num(r.units)),
        reasons: returned.filter((x) => x.sku === r.sku).map((x) => ({ reason: x.reason, count: num(x.n) })),
      })),
      onHoldCount: held[0]?.total ?? 0,
      onHold: held.map((r) => {
        const since = new Date(r.since ?? 0);
        return {
          id: r.id,
          number: r.number,
          channelCode: r.code,
          reason: r.hold_reason,
          heldSince: since,
          hoursOnHold: Math.round((now - since.getTime()) / 36e4) / 10,
        };
      }),
    };
  }

  // -------------------------------------------------------------------------------- inventory

  private async inventoryReportIn(
    ctx: RequestContext,
    filter: ReportFilter,
    lowStockThreshold?: number | null,
  ): Promise<InventoryReport> {
    const threshold = lowStockThreshold ?? 5;
    if (!Number.isInteger(threshold) || threshold < 0 || threshold > 1_000_000)
      throw new ReportInputError('lowStockThreshold must be between 0 and 1000000', ['lowStockThreshold']);
    const s = await this.scope(ctx, filter, ['filter']);
    if (channelScope(ctx))
      throw new ForbiddenError(
        'Stock is shared by every channel: the inventory report needs a caller not limited to channels',
      );
    const warehouses = await run<WarehouseStockRow>(ctx.em, warehouseStock(s.warehouseId));
    const low = await run<LowStockRow>(ctx.em, lowStock(threshold, s.warehouseId));
    const cover = await run<StockCoverRow>(ctx.em, stockCover(s.from, s.to, s.warehouseId));
    const movements = await run<MovementRow>(ctx.em, stockMovements(s.from, s.to, s.warehouseId));
    return {
      warehouses: warehouses.map((w) => {
        const values = new Map<string, number>();
        for (const v of w.values) values.set(v.c, (values.get(v.c) ?? 0) + Number(v.v));
        return {
          warehouseCode: w.code,
          warehouseName: w.name,
          onHand: num(w.on_hand),
          reserved: num(w.reserved),
          value: [...values].sort().map(([c, v]) => new Money(v, c)),
        };
      }),
      lowStockThreshold: threshold,
      lowStock: low.map((r) => ({
        sku: r.sku,
        name: r.name,
        warehouseCode: r.code,
        onHand: r.on_hand,
        available: r.available,
      })),
      skus: cover.map((r) => {
        const onHand = num(r.on_hand);
        const out = num(r.out);
        return {
          sku: r.sku,
          name: r.name,
          onHand,
          unitsShipped: out,
          daysOfCover: out ? onHand / (out / s.days) : null,
          sellThrough: ratio(out, out + onHand),
        };
      }),
      movements: movements.map((m) => ({
        kind: m.kind,
        reason: m.reason,
        movements: num(m.n),
        unitsIn: num(m.units_in),
        unitsOut: num(m.units_out),
      })),
    };
  }

  // -------------------------------------------------------------------------------------- top

  private async topReportIn(ctx: RequestContext, filter: ReportFilter, first?: number | null): Promise<TopReport> {
    const n = first ?? 10;
    if (!Number.isInteger(n) || n < 1 || n > 100)
      throw new ReportInputError('first must be between 1 and 100', ['first']);
    const s = await this.scope(ctx, filter, ['filter']);
    // Every catalogue SKU with its figures (a few thousand rows at most), ranked here four ways;
    // and the customers ranked two ways by one aggregation.
    const skus = await run<SkuTotalRow>(ctx.em, skuTotals(s.from, s.to, s.channelIds));
    const customers = await run<CustomerRankRow>(ctx.em, topCustomers(s.from, s.to, s.channelIds, n));
    const sku = (r: SkuTotalRow): SkuRank => ({
      sku: r.sku,
      name: r.name ?? null,
      units: num(r.units),
      revenue: new Money(num(r.revenue), r.currency ?? 'EUR'),
    });
    // Without CUSTOMER_READ the ranking keeps its ids and figures, and loses who the people are.
    const personal = can(ctx, Permission.CUSTOMER_READ);
    const customer = (r: CustomerRankRow): CustomerRank => ({
      customerId: r.customer_id,
      email: personal ? r.email : null,
      name: personal ? r.name : null,
      orders: num(r.orders),
      units: num(r.units),
      revenue: new Money(num(r.revenue), r.currency),
    });
    const ranked = (rows: SkuTotalRow[], cmp: (a: SkuTotalRow, b: SkuTotalRow) => number) =>
      [...rows].sort(cmp).slice(0, n);
    const sold = skus.filter((r) => num(r.units) > 0);
    const byName = (a: SkuTotalRow, b: SkuTotalRow) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0);
    const byRevenue = ranked(
      sold,
      (a, b) => num(b.revenue) - num(a.revenue) || num(b.units) - num(a.units) || byName(a, b),
    );
    const byUnits = ranked(
      sold,
      (a, b) => num(b.units) - num(a.units) || num(b.revenue) - num(a.revenue) || byName(a, b),
    );
    const bottomRevenue = ranked(
      skus.filter((r) => r.name !== null),
      (a, b) => num(a.revenue) - num(b.revenue) || num(a.units) - num(b.units) || byName(a, b),
    );
    const bottomUnits = ranked(
      skus.filter((r) => r.name !== null),
      (a, b) => num(a.units) - num(b.units) || num(a.revenue) - num(b.revenue) || byName(a, b),
    );
    // The statement picked them; the join loses its order: rank again (same keys, uuid order = hex order).
    const byId = (a: CustomerRankRow, b: CustomerRankRow) =>
      a.customer_id < b.customer_id ? -1 : a.customer_id > b.customer_id ? 1 : 0;
    const custRevenue = customers
      .filter((r) => r.ranking === 'revenue')
      .sort((a, b) => num(b.revenue) - num(a.revenue) || num(b.units) - num(a.units) || byId(a, b));
    const custUnits = customers
      .filter((r) => r.ranking === 'units')
      .sort((a, b) => num(b.units) - num(a.units) || num(b.revenue) - num(a.revenue) || byId(a, b));
    return {
      skusByRevenue: byRevenue.map(sku),
      skusByUnits: byUnits.map(sku),
      bottomSkusByRevenue: bottomRevenue.map(sku),
      bottomSkusByUnits: bottomUnits.map(sku),
      customersByRevenue: custRevenue.map(customer),
      customersByUnits: custUnits.map(customer),
    };
  }

  // ---------------------------------------------------------------------------------- rebuild

  /** Recomputes the rollups of the store days (OMS_TIME_ZONE) in [from, to) from the source tables, one day per transaction. */
  async rebuild(ctx: RequestContext, from: Date, to: Date): Promise<RebuildAnalyticsPayload> {
    if (to <= from)
      return { days: null, userErrors: [new UserError(ErrorCode.INVALID_INPUT, '"to" must be after "from"', ['to'])] };
    const fromDay = dayOf(from);
    const toDay = addDays(dayOf(new Date(to.getTime() - 1)), 1);
    if (daysBetween(fromDay, toDay) > 3 * MAX_REPORT_DAYS) {
      return {
        days: null,
        userErrors: [new UserError(ErrorCode.INVALID_INPUT, `At most ${3 * MAX_REPORT_DAYS} days per call`, ['to'])],
      };
    }
    ctx.log.info({ from: fromDay, to: toDay }, 'rebuilding analytics rollups');
    return { days: await rebuildRange(ctx.em, fromDay, toDay), userErrors: [] };
  }
}
