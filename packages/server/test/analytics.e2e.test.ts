/**
 * Analytics: every KPI of the reports on a small data set built through the real mutations,
 * compared with the figure worked out by hand below. Placing and shipping times are moved into
 * March 2026 with SQL (the only way to get a history), then the rollups are rebuilt through the
 * real rebuild path (mutation rebuildAnalytics); the live path (event reactor) is tested apart.
 *
 * The data set (period = 2026-03-02 .. 2026-03-15, 14 days; previous period = 2026-02-16 .. 03-01):
 *   products A 10.00, B 25.00, C 4.00; stock A: WH1 3, WH2 10; B: WH1 3; C: WH1 2 ("initial stock", 02-20)
 *   O1 WEB ada   2xA = 2000  D1 03-02 10:00  paid; shipped WH1 in one at +20h, delivered +50h
 *   O2 WEB bob   A+B = 3500  D1 03-02 12:00  paid, refunded 500; A shipped WH1 +10h, B WH1 +30h (split),
 *                                           delivered +40h and +72h; 1xB returned "damaged" (restocked)
 *   O3 WEB ada   1xB = 2500  D2 03-03 09:00  cancelled "customer asked"
 *   O4 MKT carol 3xA = 3000  D2 03-03 15:00  paid; shipped WH2 in one at +60h, not delivered
 *   O5 MKT carol 1xA = 1000  D3 03-10 08:00  cancelled "fraud suspected"
 *   O6 MKT dave  1xA = 1000  D3 03-10 09:00  confirmed, on hold "address check"
 *   O7 WEB ada   1xA = 1000  P  02-23 10:00  (previous period) shipped WH2 at +5h
 *   stock: A WH2 -1 "damaged in warehouse" on 03-05
 * Sourcing takes the warehouse that fills a whole order by priority: O1, O2 from WH1 (A: 3 -> 0),
 * O4..O7 from WH2.
 */
import { adjustStock, createCatalog, OrderPayload, OrderView, placeOrder } from './builders';
import { Mutation, operation, Query, Select } from './support/select';
import { startTestServer, TestServer } from './harness';
import { createKey } from './access-helpers';
import { cancelOrder, confirmOrder, holdOrder, ship, returnUnits } from './stock-helpers';
import { markShipmentDelivered, recordPayment, refundPayment } from './order-helpers';

let t: TestServer;
const o: Record<string, OrderView> = {};

const FROM = '2026-03-02T00:00:00Z';
const TO = '2026-03-16T00:00:00Z';
const F = (extra: Record<string, unknown> = {}) => ({ filter: { from: FROM, to: TO, ...extra } });

const MONEY = '{ amount currency }';
type Money = { amount: true; currency: true };
type Figures = {
  currency: true;
  orders: true;
  units: true;
  grossSales: Money;
  tax: Money;
  salesExcludingTax: Money;
  refunds: Money;
  netSales: Money;
  averageOrderValue: Money;
  cancelledOrders: true;
};
const FIGURES = `currency orders units grossSales ${MONEY} tax ${MONEY} salesExcludingTax ${MONEY} refunds ${MONEY} netSales ${MONEY} averageOrderValue ${MONEY} cancelledOrders`;
const SUMMARY = operation<Select<Query, { salesSummary: Figures }>>(
  `query($from: DateTime!, $to: DateTime!, $c: String) { salesSummary(from: $from, to: $to, channelCode: $c) { ${FIGURES} } }`,
);
const SALES = operation<
  Select<
    Query,
    {
      salesReport: {
        from: true;
        to: true;
        previousFrom: true;
        series: { bucketStart: true; channelCode: true } & Figures;
        previousSeries: { bucketStart: true; channelCode: true; orders: true; grossSales: { amount: true } };
        channels: {
          channelCode: true;
          channelName: true;
          current: Figures;
          previous: { orders: true; units: true; grossSales: { amount: true }; netSales: { amount: true } };
        };
      };
    }
  >
>(`query($filter: ReportFilter!) { salesReport(filter: $filter) {
  from to previousFrom series { bucketStart channelCode ${FIGURES} } previousSeries { bucketStart channelCode orders grossSales { amount } }
  channels { channelCode channelName current { ${FIGURES} } previous { orders units grossSales { amount } netSales { amount } } } } }`);
const FULFILMENT = operation<
  Select<Query, { fulfilmentReport: { slaHours: true; series: { bucketStart: true } } }>
>(`query($filter: ReportFilter!, $sla: Int) { fulfilmentReport(filter: $filter, slaHours: $sla) {
  slaHours placedToShipped { orders p50Hours p90Hours } placedToDelivered { orders p50Hours p90Hours }
  shippedComplete shippedWithinSla onTimeRate completeInOne fillRate ordersWithShipments splitOrders splitShipmentRate lateOrdersNow
  series { bucketStart shippedComplete shippedWithinSla onTimeRate p50Hours p90Hours } } }`);
const EXCEPTIONS = operation<
  Select<
    Query,
    {
      exceptionsReport: {
        placedOrders: true;
        onHold: { id: true; number: true; channelCode: true; reason: true; heldSince: true; hoursOnHold: true };
      };
    }
  >
>(`query($filter: ReportFilter!) { exceptionsReport(filter: $filter) {
  placedOrders cancelledOrders cancellationRate cancellationReasons { reason count }
  returnsBySku { sku unitsSold unitsReturned returnRate reasons { reason count } }
  onHoldCount onHold { id number channelCode reason heldSince hoursOnHold } } }`);
const INVENTORY = operation<
  Select<
    Query,
    {
      inventoryReport: {
        warehouses: { warehouseCode: true; onHand: true; reserved: true };
        lowStock: { sku: true; warehouseCode: true; onHand: true; available: true };
        skus: { sku: true };
        movements: { kind: true };
      };
    }
  >
>(`query($filter: ReportFilter!, $low: Int) { inventoryReport(filter: $filter, lowStockThreshold: $low) {
  warehouses { warehouseCode onHand reserved value ${MONEY} } lowStockThreshold lowStock { sku warehouseCode onHand available }
  skus { sku onHand unitsShipped daysOfCover sellThrough } movements { kind reason movements unitsIn unitsOut } } }`);
const TOP = operation<
  Select<
    Query,
    {
      topReport: {
        skusByRevenue: { sku: true; units: true };
        skusByUnits: { sku: true; units: true };
        bottomSkusByRevenue: { sku: true; units: true };
        bottomSkusByUnits: { sku: true; units: true };
        customersByRevenue: { email: true; orders: true; units: true };
        customersByUnits: { email: true; units: true };
      };
    }
  >
>(`query($filter: ReportFilter!, $first: Int) { topReport(filter: $filter, first: $first) {
  skusByRevenue { sku units revenue ${MONEY} } skusByUnits { sku units } bottomSkusByRevenue { sku units revenue { amount } } bottomSkusByUnits { sku units }
  customersByRevenue { email orders units revenue ${MONEY} } customersByUnits { email units } } }`);
const REBUILD = operation<
  Select<Mutation, { rebuildAnalytics: { days: true; userErrors: { field: true; code: true; message: true } } }>
>(
  `mutation($from: DateTime!, $to: DateTime!) { rebuildAnalytics(from: $from, to: $to) { days userErrors { field code message } } }`,
);

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const figures = (orders: number, units: number, gross: number, refunds: number, cancelled: number, tax = 0) => ({
  currency: 'EUR',
  orders,
  units,
  grossSales: eur(gross),
  tax: eur(tax),
  salesExcludingTax: eur(gross - tax),
  refunds: eur(refunds),
  netSales: eur(gross - refunds),
  averageOrderValue: eur(orders ? Math.round(gross / orders) : 0),
  cancelledOrders: cancelled,
});

async function waitForDispatch() {
  const until = Date.now() + 15000;
  while (Date.now() < until) {
    const [r] = await t.sql('select count(*)::int as n from domain_event where dispatched_at is null');
    if (r.n === 0) return;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('events not dispatched in time');
}

const ok = (step: string, r: OrderPayload) => {
  if (r.userErrors.length) throw new Error(`${step}: ${JSON.stringify(r.userErrors)}`);
  return r.order;
};

async function rebuild() {
  const r = await t.q(REBUILD, { from: '2026-02-01T00:00:00Z', to: new Date(Date.now() + 86400_000).toISOString() });
  expect(r.rebuildAnalytics.userErrors).toEqual([]);
  return r.rebuildAnalytics.days;
}

beforeAll(async () => {
  t = await startTestServer();
  await createCatalog(t, {
    channels: [
      { code: 'WEB', currency: 'EUR' },
      { code: 'MKT', currency: 'EUR' },
    ],
    warehouses: [
      { code: 'WH1', priority: 1 },
      { code: 'WH2', priority: 2 },
    ],
    products: [
      { sku: 'A', price: 1000 },
      { sku: 'B', price: 2500 },
      { sku: 'C', price: 400 },
    ],
  });
  for (const [sku, wh, n] of [
    ['A', 'WH1', 3],
    ['A', 'WH2', 10],
    ['B', 'WH1', 3],
    ['C', 'WH1', 2],
  ] as const) {
    await adjustStock(t, sku, wh, n, 'initial stock');
  }
  const customer = (name: string) => ({ email: `${name}@example.com`, name });
  const place = async (channelCode: string, who: string, lines: { sku: string; quantity: number }[]) =>
    ok('place', await placeOrder(t, { channelCode, customer: customer(who), lines }));
  o.O1 = await place('WEB', 'ada', [{ sku: 'A', quantity: 2 }]);
  o.O2 = await place('WEB', 'bob', [
    { sku: 'A', quantity: 1 },
    { sku: 'B', quantity: 1 },
  ]);
  o.O3 = await place('WEB', 'ada', [{ sku: 'B', quantity: 1 }]);
  o.O4 = await place('MKT', 'carol', [{ sku: 'A', quantity: 3 }]);
  o.O5 = await place('MKT', 'carol', [{ sku: 'A', quantity: 1 }]);
  o.O6 = await place('MKT', 'dave', [{ sku: 'A', quantity: 1 }]);
  o.O7 = await place('WEB', 'ada', [{ sku: 'A', quantity: 1 }]);
  expect(o.O2.lines.map((l) => l.allocations[0].warehouse.code)).toEqual(['WH1', 'WH1']);
  expect(o.O4.lines[0].allocations[0].warehouse.code).toBe('WH2');

  for (const [k, amount] of [
    ['O1', 2000],
    ['O2', 3500],
    ['O4', 3000],
  ] as const) {
    ok('pay', await recordPayment(t, { orderId: o[k].id, amount, method: 'card' }));
  }
  ok('refund', await refundPayment(t, { orderId: o.O2.id, amount: 500, reason: 'late delivery' }));
  for (const k of ['O1', 'O2', 'O4', 'O6', 'O7']) ok('confirm', await confirmOrder(t, o[k].id));
  ok('cancel', await cancelOrder(t, o.O3.id, 'customer asked'));
  ok('cancel', await cancelOrder(t, o.O5.id, 'fraud suspected'));
  ok('hold', await holdOrder(t, o.O6.id, 'address check'));
  const s1 = ok('ship', await ship(t, o.O1.id, 'WH1', [{ sku: 'A', quantity: 2 }])).shipments[0].id;
  const s2a = ok('ship', await ship(t, o.O2.id, 'WH1', [{ sku: 'A', quantity: 1 }])).shipments[0].id;
  const shipped2 = ok('ship', await ship(t, o.O2.id, 'WH1', [{ sku: 'B', quantity: 1 }]));
  const s2b = shipped2.shipments.find((s) => s.id !== s2a)!.id;
  const s4 = ok('ship', await ship(t, o.O4.id, 'WH2', [{ sku: 'A', quantity: 3 }])).shipments[0].id;
  const s7 = ok('ship', await ship(t, o.O7.id, 'WH2', [{ sku: 'A', quantity: 1 }])).shipments[0].id;
  for (const s of [s1, s2a, s2b]) ok('deliver', await markShipmentDelivered(t, s));
  ok('return', await returnUnits(t, o.O2.id, [{ sku: 'B', quantity: 1 }], true, 'damaged'));
  await adjustStock(t, 'A', 'WH2', -1, 'damaged in warehouse');
  await waitForDispatch();

  // The history: placing, shipping and delivery times, and the days of the stock movements.
  const at = (k: string, iso: string) => t.sql('update "order" set placed_at = $2 where id = $1', [o[k].id, iso]);
  await at('O1', '2026-03-02T10:00:00Z');
  await at('O2', '2026-03-02T12:00:00Z');
  await at('O3', '2026-03-03T09:00:00Z');
  await at('O4', '2026-03-03T15:00:00Z');
  await at('O5', '2026-03-10T08:00:00Z');
  await at('O6', '2026-03-10T09:00:00Z');
  await at('O7', '2026-02-23T10:00:00Z');
  const sh = (id: string, shippedH: number, deliveredH: number | null, order: string) =>
    t.sql(
      `update shipment set shipped_at = o.placed_at + make_interval(hours => $2),
       delivered_at = case when $3::int is null then null else o.placed_at + make_interval(hours => $3::int) end
       from "order" o where o.id = $4 and shipment.id = $1`,
      [id, shippedH, deliveredH, o[order].id],
    );
  await sh(s1, 20, 50, 'O1');
  await sh(s2a, 10, 40, 'O2');
  await sh(s2b, 30, 72, 'O2');
  await sh(s4, 60, null, 'O4');
  await sh(s7, 5, null, 'O7');
  await t.sql(`update stock_movement set at = '2026-02-20T08:00:00Z' where reason = 'initial stock'`);
  await t.sql(`update stock_movement set at = '2026-03-05T08:00:00Z' where reason = 'damaged in warehouse'`);
  await t.sql(
    `update stock_movement m set at = o.placed_at + interval '1 day' from "order" o where o.id = m.order_id and m.kind = 'SHIPMENT'`,
  );
  await t.sql(`update stock_movement set at = '2026-03-08T08:00:00Z' where kind = 'RETURN'`);
  await rebuild();
});
afterAll(() => t?.stop());

describe('sales', () => {
  test('salesSummary: cancelled orders excluded, refunds subtracted in net sales, AOV = gross / orders', async () => {
    // Not cancelled in the period: O1 2000 + O2 3500 + O4 3000 + O6 1000 = 9500 over 4 orders; units 2+2+3+1 = 8;
    // refunds 500 (O2); net 9500 - 500 = 9000; AOV 9500 / 4 = 2375; cancelled O3, O5 = 2.
    const all = (await t.q(SUMMARY, { from: FROM, to: TO })).salesSummary;
    expect(all).toEqual(figures(4, 8, 9500, 500, 2));
    // WEB: O1 + O2 = 5500, units 4, refunds 500, AOV 2750; MKT: O4 + O6 = 4000, units 4, AOV 2000.
    expect((await t.q(SUMMARY, { from: FROM, to: TO, c: 'WEB' })).salesSummary).toEqual(figures(2, 4, 5500, 500, 1));
    expect((await t.q(SUMMARY, { from: FROM, to: TO, c: 'MKT' })).salesSummary).toEqual(figures(2, 4, 4000, 0, 1));
    // The database says the same (what the rollups summarise).
    const [db] = await t.sql(
      `select count(*)::int as n, sum(total_amount)::int as gross, sum(tax_amount)::int as tax, sum(refunded_amount)::int as refunds from "order"
      where placed_at >= $1 and placed_at < $2 and status <> 'CANCELLED'`,
      [FROM, TO],
    );
    expect(db).toEqual({ n: 4, gross: 9500, tax: 0, refunds: 500 });
  });

  test('salesReport: by channel and week, and against the previous period of the same length', async () => {
    const r = (await t.q(SALES, F({ bucket: 'WEEK' }))).salesReport;
    expect([r.from, r.to, r.previousFrom]).toEqual([
      '2026-03-02T00:00:00.000Z',
      '2026-03-16T00:00:00.000Z',
      '2026-02-16T00:00:00.000Z',
    ]);
    // Week of 03-02: WEB O1 + O2 (O3 cancelled), MKT O4; week of 03-09: MKT O6 (O5 cancelled).
    expect(r.series).toEqual([
      { bucketStart: '2026-03-02T00:00:00.000Z', channelCode: 'MKT', ...figures(1, 3, 3000, 0, 0) },
      { bucketStart: '2026-03-02T00:00:00.000Z', channelCode: 'WEB', ...figures(2, 4, 5500, 500, 1) },
      { bucketStart: '2026-03-09T00:00:00.000Z', channelCode: 'MKT', ...figures(1, 1, 1000, 0, 1) },
    ]);
    // Previous period: O7 (WEB, 02-23, week of 02-23) alone.
    expect(r.previousSeries).toEqual([
      { bucketStart: '2026-02-23T00:00:00.000Z', channelCode: 'WEB', orders: 1, grossSales: { amount: 1000 } },
    ]);
    expect(r.channels).toEqual([
      {
        channelCode: 'MKT',
        channelName: 'MKT',
        current: figures(2, 4, 4000, 0, 1),
        previous: { orders: 0, units: 0, grossSales: { amount: 0 }, netSales: { amount: 0 } },
      },
      {
        channelCode: 'WEB',
        channelName: 'WEB',
        current: figures(2, 4, 5500, 500, 1),
        previous: { orders: 1, units: 1, grossSales: { amount: 1000 }, netSales: { amount: 1000 } },
      },
    ]);
  });

  test('day and month buckets; a channel filter keeps only that channel', async () => {
    const day = (await t.q(SALES, F({ bucket: 'DAY', channelCode: 'WEB' }))).salesReport;
    // 03-02: O1 + O2; 03-03: O3 only, cancelled (a row with 0 orders and 1 cancelled).
    expect(
      day.series.map((p) => [p.bucketStart.slice(0, 10), p.orders, p.grossSales.amount, p.cancelledOrders]),
    ).toEqual([
      ['2026-03-02', 2, 5500, 0],
      ['2026-03-03', 0, 0, 1],
    ]);
    expect(day.channels.map((c) => c.channelCode)).toEqual(['WEB']);
    const month = (await t.q(SALES, F({ bucket: 'MONTH' }))).salesReport;
    expect(month.series.map((p) => [p.bucketStart.slice(0, 10), p.channelCode, p.orders, p.grossSales.amount])).toEqual(
      [
        ['2026-03-01', 'MKT', 2, 4000],
        ['2026-03-01', 'WEB', 2, 5500],
      ],
    );
  });
});

describe('fulfilment', () => {
  test('lead times p50/p90, on-time rate, fill rate, split rate and late orders now', async () => {
    const r = (await t.q(FULFILMENT, F())).fulfilmentReport;
    // Shipped complete: O1 20h, O2 30h (its last unit), O4 60h. Nearest rank of [20, 30, 60]:
    // p50 = rank ceil(0.5*3) = 2 -> 30; p90 = rank ceil(0.9*3) = 3 -> 60.
    // Delivered: O1 50h, O2 72h (its last parcel): p50 = rank 1 -> 50; p90 = rank ceil(1.8) = 2 -> 72.
    // On time (SLA 48h by default): O1, O2 -> 2/3. In one shipment: O1, O4 -> fill rate 2/3.
    // With shipments: O1, O2, O4; split: O2 -> 1/3. Late now: open and placed > 48h ago: O6 -> 1.
    expect(r).toMatchObject({
      slaHours: 48,
      placedToShipped: { orders: 3, p50Hours: 30, p90Hours: 60 },
      placedToDelivered: { orders: 2, p50Hours: 50, p90Hours: 72 },
      shippedComplete: 3,
      shippedWithinSla: 2,
      onTimeRate: 2 / 3,
      completeInOne: 2,
      fillRate: 2 / 3,
      ordersWithShipments: 3,
      splitOrders: 1,
      splitShipmentRate: 1 / 3,
      lateOrdersNow: 1,
    });
    // Daily series: 03-02 O1 20h, O2 30h (both on time); 03-03 O4 60h (late).
    expect(r.series).toEqual([
      {
        bucketStart: '2026-03-02T00:00:00.000Z',
        shippedComplete: 2,
        shippedWithinSla: 2,
        onTimeRate: 1,
        p50Hours: 20,
        p90Hours: 30,
      },
      {
        bucketStart: '2026-03-03T00:00:00.000Z',
        shippedComplete: 1,
        shippedWithinSla: 0,
        onTimeRate: 0,
        p50Hours: 60,
        p90Hours: 60,
      },
    ]);
  });

  test('the SLA is an argument; the warehouse filter takes the warehouse of the first shipment; the channel filter applies', async () => {
    expect((await t.q(FULFILMENT, { ...F(), sla: 72 })).fulfilmentReport).toMatchObject({
      slaHours: 72,
      shippedWithinSla: 3,
      onTimeRate: 1,
    });
    expect((await t.q(FULFILMENT, { ...F(), sla: 25 })).fulfilmentReport).toMatchObject({
      shippedWithinSla: 1,
      onTimeRate: 1 / 3,
    });
    // WH2: O4 alone (60h, one shipment, not delivered).
    expect((await t.q(FULFILMENT, F({ warehouseCode: 'WH2' }))).fulfilmentReport).toMatchObject({
      placedToShipped: { orders: 1, p50Hours: 60, p90Hours: 60 },
      placedToDelivered: { orders: 0, p50Hours: null, p90Hours: null },
      shippedComplete: 1,
      onTimeRate: 0,
      fillRate: 1,
      splitShipmentRate: 0,
    });
    // WEB: O1, O2 (split); no open WEB order is late.
    expect((await t.q(FULFILMENT, F({ channelCode: 'WEB' }))).fulfilmentReport).toMatchObject({
      placedToShipped: { orders: 2, p50Hours: 20, p90Hours: 30 },
      fillRate: 0.5,
      splitShipmentRate: 0.5,
      lateOrdersNow: 0,
    });
  });
});

describe('exceptions', () => {
  test('cancellation rate with reasons, return rate by SKU with reasons, orders on hold now', async () => {
    const r = (await t.q(EXCEPTIONS, F())).exceptionsReport;
    // Placed in the period: 6 (O1..O6); cancelled O3, O5 -> 2/6.
    // Returns: B sold 1 unit (O2; O3 was cancelled), 1 returned "damaged" -> 1.0. A: no returns, not listed.
    expect(r).toMatchObject({
      placedOrders: 6,
      cancelledOrders: 2,
      cancellationRate: 2 / 6,
      cancellationReasons: [
        { reason: 'customer asked', count: 1 },
        { reason: 'fraud suspected', count: 1 },
      ],
      returnsBySku: [
        { sku: 'B', unitsSold: 1, unitsReturned: 1, returnRate: 1, reasons: [{ reason: 'damaged', count: 1 }] },
      ],
      onHoldCount: 1,
      onHold: [{ id: o.O6.id, number: o.O6.number, channelCode: 'MKT', reason: 'address check' }],
    });
    expect(r.onHold[0].hoursOnHold).toBeGreaterThanOrEqual(0);
    expect(r.onHold[0].hoursOnHold).toBeLessThan(1);
    const web = (await t.q(EXCEPTIONS, F({ channelCode: 'WEB' }))).exceptionsReport;
    // WEB: O1, O2, O3 placed, O3 cancelled -> 1/3; nothing on hold.
    expect(web).toMatchObject({
      placedOrders: 3,
      cancelledOrders: 1,
      cancellationRate: 1 / 3,
      cancellationReasons: [{ reason: 'customer asked', count: 1 }],
      onHoldCount: 0,
      onHold: [],
    });
  });
});

describe('inventory', () => {
  test('stock and its value per warehouse, low stock, days of cover and sell-through, movements by reason', async () => {
    const r = (await t.q(INVENTORY, F())).inventoryReport;
    // On hand now: A@WH1 3-2-1 = 0; A@WH2 10-3 (O4)-1 (O7)-1 (damaged) = 5, 1 reserved (O6 on hold);
    // B@WH1 3-1 (O2)+1 (returned, restocked) = 3; C@WH1 2.
    // Value: WH1 0*1000 + 3*2500 + 2*400 = 8300; WH2 5*1000 = 5000.
    expect(r.warehouses).toEqual([
      { warehouseCode: 'WH1', onHand: 5, reserved: 0, value: [eur(8300)] },
      { warehouseCode: 'WH2', onHand: 5, reserved: 1, value: [eur(5000)] },
    ]);
    // Available <= 5: A@WH1 0, C@WH1 2, B@WH1 3, A@WH2 4.
    expect(r.lowStock.map((l) => [l.sku, l.warehouseCode, l.available])).toEqual([
      ['A', 'WH1', 0],
      ['C', 'WH1', 2],
      ['B', 'WH1', 3],
      ['A', 'WH2', 4],
    ]);
    // Shipped in the period (movement days): A 2 (O1) + 1 (O2) + 3 (O4) = 6 (O7's on 02-24 is before); B 1.
    // A: on hand 5, cover = 5 / (6 / 14 days) = 11.67 days, sell-through 6 / (6 + 5); B: 3 / (1 / 14) = 42, 1 / 4.
    expect(r.skus).toEqual([
      { sku: 'A', onHand: 5, unitsShipped: 6, daysOfCover: 5 / (6 / 14), sellThrough: 6 / 11 },
      { sku: 'B', onHand: 3, unitsShipped: 1, daysOfCover: 3 / (1 / 14), sellThrough: 1 / 4 },
    ]);
    // Movements in the period: 1 adjustment out, 1 return in, 4 shipment movements (O1 A, O2 A, O2 B, O4 A) out 7.
    expect(r.movements).toEqual([
      { kind: 'ADJUSTMENT', reason: 'damaged in warehouse', movements: 1, unitsIn: 0, unitsOut: 1 },
      { kind: 'RETURN', reason: 'damaged', movements: 1, unitsIn: 1, unitsOut: 0 },
      { kind: 'SHIPMENT', reason: '(no reason)', movements: 4, unitsIn: 0, unitsOut: 7 },
    ]);
  });

  test('the warehouse filter and the low-stock threshold', async () => {
    const r = (await t.q(INVENTORY, { ...F({ warehouseCode: 'WH1' }), low: 2 })).inventoryReport;
    expect(r.warehouses.map((w) => w.warehouseCode)).toEqual(['WH1']);
    expect(r.lowStock.map((l) => [l.sku, l.available])).toEqual([
      ['A', 0],
      ['C', 2],
    ]);
    // From WH1: A 2 + 1 = 3 shipped, 0 on hand -> cover 0, sell-through 1; B 1 shipped, 3 on hand.
    expect(r.skus).toEqual([
      { sku: 'A', onHand: 0, unitsShipped: 3, daysOfCover: 0, sellThrough: 1 },
      { sku: 'B', onHand: 3, unitsShipped: 1, daysOfCover: 42, sellThrough: 0.25 },
    ]);
  });
});

describe('top lists', () => {
  test('top and bottom SKUs, top customers, by revenue and by units', async () => {
    const r = (await t.q(TOP, F())).topReport;
    // A: O1 2 + O2 1 + O4 3 + O6 1 = 7 units, 7000; B: O2 1 unit, 2500 (O3 cancelled); C: unsold.
    expect(r.skusByRevenue).toEqual([
      { sku: 'A', units: 7, revenue: eur(7000) },
      { sku: 'B', units: 1, revenue: eur(2500) },
    ]);
    expect(r.skusByUnits).toEqual([
      { sku: 'A', units: 7 },
      { sku: 'B', units: 1 },
    ]);
    expect(r.bottomSkusByRevenue).toEqual([
      { sku: 'C', units: 0, revenue: { amount: 0 } },
      { sku: 'B', units: 1, revenue: { amount: 2500 } },
      { sku: 'A', units: 7, revenue: { amount: 7000 } },
    ]);
    expect(r.bottomSkusByUnits.map((s) => s.sku)).toEqual(['C', 'B', 'A']);
    // bob O2 3500 (2 units), carol O4 3000 (3), ada O1 2000 (2; O3 cancelled), dave O6 1000 (1).
    expect(r.customersByRevenue).toEqual([
      { email: 'bob@example.com', orders: 1, units: 2, revenue: eur(3500) },
      { email: 'carol@example.com', orders: 1, units: 3, revenue: eur(3000) },
      { email: 'ada@example.com', orders: 1, units: 2, revenue: eur(2000) },
      { email: 'dave@example.com', orders: 1, units: 1, revenue: eur(1000) },
    ]);
    // Units: carol 3; bob and ada 2 each (bob first: more revenue); dave 1.
    expect(r.customersByUnits.map((c) => [c.email!.split('@')[0], c.units])).toEqual([
      ['carol', 3],
      ['bob', 2],
      ['ada', 2],
      ['dave', 1],
    ]);
    const one = (await t.q(TOP, { ...F({ channelCode: 'MKT' }), first: 1 })).topReport;
    expect(one.skusByRevenue).toEqual([{ sku: 'A', units: 4, revenue: eur(4000) }]);
    expect(one.customersByRevenue.map((c) => c.email)).toEqual(['carol@example.com']);
  });
});

describe('access and input', () => {
  test('a partner key sees only its channel; another channel is unknown to it; inventory is refused', async () => {
    const key = await createKey(t, { channelCodes: ['MKT'], permissions: ['REPORT_READ'] });
    const as = { token: key.secret };
    expect((await t.q(SUMMARY, { from: FROM, to: TO }, as)).salesSummary).toEqual(figures(2, 4, 4000, 0, 1));
    expect((await t.q(SALES, F(), as)).salesReport.channels.map((c) => c.channelCode)).toEqual(['MKT']);
    // Without CUSTOMER_READ the ranking is there, the people are not (see security-boundaries).
    expect((await t.q(TOP, F(), as)).topReport.customersByRevenue.map((c) => c.email)).toEqual([null, null]);
    const withCustomers = await createKey(t, { channelCodes: ['MKT'], permissions: ['REPORT_READ', 'CUSTOMER_READ'] });
    expect(
      (await t.q(TOP, F(), { token: withCustomers.secret })).topReport.customersByRevenue.map((c) => c.email),
    ).toEqual(['carol@example.com', 'dave@example.com']);
    expect((await t.q(FULFILMENT, F(), as)).fulfilmentReport).toMatchObject({ shippedComplete: 1, lateOrdersNow: 1 });
    const web = await t.gql(SALES, F({ channelCode: 'WEB' }), as);
    expect(web.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['filter', 'channelCode'] });
    expect(web.body.data).toBeNull();
    const inv = await t.gql(INVENTORY, F(), as);
    expect(inv.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    const noPermission = await createKey(t, { channelCodes: ['MKT'], permissions: ['ORDER_READ'] });
    const denied = await t.gql(SUMMARY, { from: FROM, to: TO }, { token: noPermission.secret });
    expect(denied.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'REPORT_READ' });
  });

  test('bad input is refused naming the field: to before from, a range over 366 days, unknown channel or warehouse', async () => {
    const cases: [string, Record<string, unknown>, string[]][] = [
      [SALES, { filter: { from: TO, to: FROM } }, ['filter', 'to']],
      [SALES, { filter: { from: '2025-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' } }, ['filter', 'to']],
      [FULFILMENT, F({ channelCode: 'NOPE' }), ['filter', 'channelCode']],
      [INVENTORY, F({ warehouseCode: 'NOPE' }), ['filter', 'warehouseCode']],
      [FULFILMENT, { ...F(), sla: 0 }, ['slaHours']],
      [TOP, { ...F(), first: 1000 }, ['first']],
      [SUMMARY, { from: TO, to: FROM }, ['to']],
      [SUMMARY, { from: FROM, to: TO, c: 'NOPE' }, ['channelCode']],
    ];
    for (const [query, variables, field] of cases) {
      const res = await t.gql(query, variables);
      expect({ field, ext: res.body.errors?.[0]?.extensions }).toEqual({
        field,
        ext: expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
      });
      expect(JSON.stringify(res.body)).not.toMatch(/select |stack|\.ts:/i);
    }
    const bad = await t.q(REBUILD, { from: TO, to: FROM });
    expect(bad.rebuildAnalytics).toEqual({
      days: null,
      userErrors: [{ field: ['to'], code: 'INVALID_INPUT', message: expect.any(String) }],
    });
  });

  test('a 366-day range is accepted, and with channels in two currencies salesSummary asks for a channel', async () => {
    expect((await t.q(SUMMARY, { from: '2025-03-16T00:00:00Z', to: TO })).salesSummary.orders).toBe(5);
    await createCatalog(t, { channels: [{ code: 'UK', currency: 'GBP' }] });
    const res = await t.gql(SUMMARY, { from: FROM, to: TO });
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['channelCode'] });
    expect(res.body.errors![0].message).toMatch(/EUR, GBP/);
    expect((await t.q(SUMMARY, { from: FROM, to: TO, c: 'UK' })).salesSummary).toEqual({
      ...figures(0, 0, 0, 0, 0),
      currency: 'GBP',
      grossSales: { amount: 0, currency: 'GBP' },
      tax: { amount: 0, currency: 'GBP' },
      salesExcludingTax: { amount: 0, currency: 'GBP' },
      refunds: { amount: 0, currency: 'GBP' },
      netSales: { amount: 0, currency: 'GBP' },
      averageOrderValue: { amount: 0, currency: 'GBP' },
    });
  });
});

describe('rollups', () => {
  const snapshot = async () => {
    const out: Record<string, unknown[]> = {};
    for (const table of [
      'sales',
      'cancel_reason',
      'sku',
      'return_reason',
      'customer',
      'fulfilment',
      'lead_time',
      'stock_movement',
    ]) {
      out[table] = await t.sql(`select * from analytics_${table}_daily order by 1, 2, 3, 4`);
    }
    return out;
  };

  test('the reports read the rollups, never the order tables (except the "now" figures)', async () => {
    for (const q of [SALES, EXCEPTIONS, TOP]) {
      const { statements } = await t.countQueries(() => t.q(q, F()));
      const touching = statements.filter((s) => /"order"|order_line|shipment\b|from payment|refund\b/.test(s));
      // exceptions: the orders on hold now (status = 'ON_HOLD', an indexed handful).
      expect(touching.filter((s) => !/o\.status = 'ON_HOLD'/.test(s))).toEqual([]);
    }
  });

  test('a rebuild is idempotent: running it again gives the same rows', async () => {
    const before = await snapshot();
    expect(before.sales.length).toBeGreaterThan(0);
    expect(await rebuild()).toBeGreaterThan(200);
    expect(await snapshot()).toEqual(before);
  });

  test("live: a new order and its payment update today's rollup through the event stream, counted once", async () => {
    const today = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
    const tomorrow = new Date(today.getTime() + 86400_000);
    const vars = { from: today.toISOString(), to: tomorrow.toISOString(), c: 'WEB' };
    expect((await t.q(SUMMARY, vars)).salesSummary.orders).toBe(0);
    const placed = ok('place', await placeOrder(t, { channelCode: 'WEB', lines: [{ sku: 'C', quantity: 2 }] }));
    ok('pay', await recordPayment(t, { orderId: placed.id, amount: 800, method: 'card' }));
    ok('refund', await refundPayment(t, { orderId: placed.id, amount: 300 }));
    await waitForDispatch();
    // Dispatch only marks the day; the analytics-refresh job recomputes it soon after.
    const until = Date.now() + 15000;
    // A mark made while a refresh runs stays for the next refresh (stately queue): wait until none is left.
    let summary = (await t.q(SUMMARY, vars)).salesSummary;
    let dirty = await t.sql('select day from analytics_dirty_day');
    while ((summary.refunds.amount !== 300 || dirty.length) && Date.now() < until) {
      await new Promise((res) => setTimeout(res, 100));
      summary = (await t.q(SUMMARY, vars)).salesSummary;
      dirty = await t.sql('select day from analytics_dirty_day');
    }
    // Three events for the order; still one order: 2 x 400 = 800 gross, 300 refunded.
    expect(summary).toEqual(figures(1, 2, 800, 300, 0));
    expect(await t.sql('select day from analytics_dirty_day')).toEqual([]);
    const [row] = await t.sql(`select orders, gross::int from analytics_sales_daily where day = $1::date`, [
      today.toISOString().slice(0, 10),
    ]);
    expect(row).toEqual({ orders: 1, gross: 800 });
  });

  test('tax: the reports show gross, tax and sales excluding tax, equal to the sums over the orders (live and rebuilt)', async () => {
    const today = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
    const tomorrow = new Date(today.getTime() + 86400_000);
    const vars = { from: today.toISOString(), to: tomorrow.toISOString(), c: 'MKT' };
    await createCatalog(t, {
      products: [
        { sku: 'TAX-C', price: 400 },
        { sku: 'TAX-A', price: 1000 },
      ],
    });
    await adjustStock(t, 'TAX-C', 'WH1', 10, 'initial stock');
    await adjustStock(t, 'TAX-A', 'WH1', 10, 'initial stock');
    // 2 x 4.00 at 19 % (1.52); 1 x 10.00 charged 0.70 at 7 %; one untaxed; one taxed and cancelled (not counted).
    ok('place', await placeOrder(t, { channelCode: 'MKT', lines: [{ sku: 'TAX-C', quantity: 2, taxRate: 1900 }] }));
    ok(
      'place',
      await placeOrder(t, { channelCode: 'MKT', lines: [{ sku: 'TAX-A', quantity: 1, taxAmount: 70, taxRate: 700 }] }),
    );
    ok('place', await placeOrder(t, { channelCode: 'MKT', lines: [{ sku: 'TAX-A', quantity: 1 }] }));
    const gone = ok(
      'place',
      await placeOrder(t, { channelCode: 'MKT', lines: [{ sku: 'TAX-A', quantity: 1, taxAmount: 190 }] }),
    );
    ok('cancel', await cancelOrder(t, gone.id, 'changed mind'));
    await waitForDispatch();
    const [db] = await t.sql(
      `select count(*)::int as n, sum(total_amount)::int as gross, sum(tax_amount)::int as tax from "order" o
        join channel c on c.id = o.channel_id where c.code = 'MKT' and placed_at >= $1 and placed_at < $2 and status <> 'CANCELLED'`,
      [vars.from, vars.to],
    );
    expect(db).toEqual({ n: 3, gross: 800 + 152 + 1000 + 70 + 1000, tax: 222 });
    const expected = figures(db.n, 4, db.gross, 0, 1, db.tax);
    const until = Date.now() + 15000;
    let summary = (await t.q(SUMMARY, vars)).salesSummary;
    while ((summary.orders !== 3 || summary.cancelledOrders !== 1) && Date.now() < until) {
      await new Promise((res) => setTimeout(res, 100));
      summary = (await t.q(SUMMARY, vars)).salesSummary;
    }
    expect(summary).toEqual(expected);
    expect(summary.salesExcludingTax.amount).toBe(db.gross - db.tax);
    const report = (await t.q(SALES, { filter: { from: vars.from, to: vars.to, channelCode: 'MKT' } })).salesReport;
    expect(report.series).toEqual([{ bucketStart: today.toISOString(), channelCode: 'MKT', ...expected }]);
    expect(report.channels[0].current).toEqual(expected);
    // A rebuild gives the same.
    await rebuild();
    expect((await t.q(SUMMARY, vars)).salesSummary).toEqual(expected);
    const [row] = await t.sql(
      `select sum(s.tax)::int as tax from analytics_sales_daily s join channel c on c.id = s.channel_id
        where c.code = 'MKT' and day = $1::date`,
      [vars.from.slice(0, 10)],
    );
    expect(row.tax).toBe(db.tax);
  });
});
