/**
 * The demo seed on a fresh database: what it creates (through the API and in the tables), that
 * its 90-day timeline is consistent, that every stock and money invariant holds afterwards, and
 * that a second run changes nothing.
 */
import 'reflect-metadata';
import { PRODUCTS } from '../src/seed/demo-data';
import { planCustomers, planOrders, planStock } from '../src/seed/demo-plan';
import { DEMO_SEED, DEMO_SEED_ACTOR, DemoSeedSummary, seedDemoData } from '../src/seed/demo-seed';
import { Rng } from '../src/seed/random';
import { startTestServer, TestServer } from './harness';
import { Order, Query, Select } from './support/select';

const STATUSES = [
  'PENDING',
  'ON_HOLD',
  'CONFIRMED',
  'PARTIALLY_SHIPPED',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
  'RETURNED',
];
const TABLES = [
  'channel',
  'warehouse',
  'product',
  'customer',
  '"order"',
  'order_line',
  'order_history',
  'payment',
  'refund',
  'shipment',
  'shipment_line',
  'order_return',
  'order_return_line',
  'stock_level',
  'stock_allocation',
  'stock_movement',
];

let t: TestServer;
let summary: DemoSeedSummary;
let startedAt: number;

beforeAll(async () => {
  t = await startTestServer();
  startedAt = Date.now();
  summary = await seedDemoData(t.server.orm.em.fork(), t.server.services, t.server.log);
  // Visible in the test output: how long the seed took on this machine.
  console.log(`demo seed: ${summary.durationMs} ms, orders by status ${JSON.stringify(summary.ordersByStatus)}`);
}, 600_000);
afterAll(() => t?.stop());

const tableCounts = async () => {
  const [row] =
    await t.sql(`select ${TABLES.map((x) => `(select count(*)::int from ${x}) as "${x.replace(/"/g, '')}"`).join(', ')},
    (select coalesce(sum(on_hand), 0)::int from stock_level) as on_hand, (select coalesce(sum(reserved), 0)::int from stock_level) as reserved,
    (select max(updated_at) from "order") as last_update`);
  return row;
};

test('the plan is the same on every run', () => {
  const plan = () => {
    const rng = new Rng(DEMO_SEED);
    const { consumers, companies } = planCustomers(rng.fork(1));
    const orders = planOrders(rng.fork(2), 1_800_000_000_000, consumers, companies);
    return { orders, stock: planStock(rng.fork(3), 1_800_000_000_000, orders) };
  };
  expect(plan()).toEqual(plan());
});

test('it creates 3 channels, 3 warehouses and ~50 products with stock', async () => {
  expect(summary.skipped).toBe(false);
  const data = await t.q<
    Select<
      Query,
      {
        channels: { code: true; name: true; currency: true };
        warehouses: { code: true; name: true; priority: true };
        products: {
          totalCount: true;
          nodes: {
            sku: true;
            name: true;
            price: { amount: true; currency: true };
            allowBackorder: true;
            stockLevels: { onHand: true; reserved: true; available: true };
          };
        };
      }
    >
  >(`{
    channels { code name currency }
    warehouses { code name priority }
    products(first: 200) { totalCount nodes { sku name price { amount currency } allowBackorder stockLevels { onHand reserved available } } }
  }`);
  expect(data.channels.map((c) => [c.code, c.currency])).toEqual([
    ['B2B', 'EUR'],
    ['MARKET', 'EUR'],
    ['WEB', 'EUR'],
  ]);
  expect(data.warehouses.map((w) => [w.code, w.priority])).toEqual([
    ['BER', 1],
    ['AMS', 2],
    ['MAD', 3],
  ]);
  const products = data.products.nodes;
  expect(data.products.totalCount).toBe(PRODUCTS.length);
  expect(products.length).toBeGreaterThanOrEqual(45);
  expect(products.length).toBeLessThanOrEqual(60);
  expect(products.every((p) => p.price.currency === 'EUR' && p.price.amount > 0 && p.stockLevels.length > 0)).toBe(
    true,
  );
  expect(products.filter((p) => p.allowBackorder).length).toBeGreaterThanOrEqual(2);
  // Some SKUs run low; most have stock to sell.
  const available = products.map((p) => p.stockLevels.reduce((s: number, l) => s + l.available, 0));
  expect(available.filter((a: number) => a <= 5).length).toBeGreaterThanOrEqual(1);
  expect(available.filter((a: number) => a > 10).length).toBeGreaterThan(products.length / 2);
});

test('it creates ~500 orders in every status, with payments, refunds, shipments and returns', async () => {
  expect(summary.refusedSteps).toEqual([]);
  const all = await t.q('{ orders(first: 1) { totalCount } }');
  expect(all.orders.totalCount).toBeGreaterThanOrEqual(450);
  expect(all.orders.totalCount).toBeLessThanOrEqual(550);
  for (const status of STATUSES) {
    const r = await t.q('query($s: [OrderStatus!]) { orders(first: 1, filter: { status: $s }) { totalCount } }', {
      s: [status],
    });
    expect({ status, present: r.orders.totalCount > 0 }).toEqual({ status, present: true });
  }
  const [c] =
    await t.sql(`select (select count(*)::int from payment) as payments, (select count(*)::int from refund) as refunds,
    (select count(*)::int from shipment) as shipments, (select count(*)::int from shipment where delivered_at is not null) as delivered,
    (select count(*)::int from order_return) as returns, (select count(*)::int from order_return where not restock) as not_restocked,
    (select count(*)::int from customer) as customers, (select count(distinct payment_status)::int from "order") as payment_statuses,
    (select count(*)::int from "order" where status = 'CANCELLED' and cancel_reason is not null) as cancelled_with_reason,
    (select count(*)::int from "order" where status = 'ON_HOLD' and hold_reason is not null) as held_with_reason,
    (select count(*)::int from (select order_id from shipment group by 1 having count(*) > 1) x) as split_shipments`);
  expect(c.payments).toBeGreaterThan(300);
  expect(c.refunds).toBeGreaterThan(5);
  expect(c.shipments).toBeGreaterThan(300);
  expect(c.delivered).toBeGreaterThan(250);
  expect(c.returns).toBeGreaterThan(3);
  expect(c.not_restocked).toBeGreaterThan(0);
  expect(c.customers).toBeGreaterThanOrEqual(120);
  expect(c.customers).toBeLessThanOrEqual(200);
  expect(c.payment_statuses).toBe(5);
  expect(c.cancelled_with_reason).toBe(summary.ordersByStatus.CANCELLED);
  expect(c.held_with_reason).toBe(summary.ordersByStatus.ON_HOLD);
  expect(c.split_shipments).toBeGreaterThan(0);
  expect(summary.orders).toBe(all.orders.totalCount);
  expect(Object.values(summary.ordersByStatus).reduce((s, n) => s + n, 0)).toBe(summary.orders);
});

test('the data looks real: channels, customers, carriers and marketplace ids', async () => {
  const byChannel = await t.sql(`select c.code, count(*)::int as n, count(o.external_id)::int as with_external_id
    from "order" o join channel c on c.id = o.channel_id group by c.code order by c.code`);
  expect(byChannel.map((r) => r.code)).toEqual(['B2B', 'MARKET', 'WEB']);
  for (const r of byChannel) expect(r.with_external_id).toBe(r.code === 'MARKET' ? r.n : 0);
  const emails = await t.sql(`select email from customer`);
  expect(emails.every((e) => /@([a-z0-9-]+\.)*example\.(com|org|net)$/.test(e.email))).toBe(true);
  const countries = await t.sql(`select count(distinct ship_country)::int as n from "order"`);
  expect(countries[0].n).toBeGreaterThanOrEqual(5);
  const carriers = await t.sql(`select distinct carrier from shipment order by 1`);
  expect(carriers.map((r) => r.carrier)).toEqual(['DHL', 'DPD', 'PostNL', 'UPS']);
  const [noTracking] = await t.sql(`select count(*)::int as n from shipment where tracking_number is null`);
  expect(noTracking.n).toBe(0);
  const actors = await t.sql(`select distinct actor from order_history`);
  expect(actors).toEqual([{ actor: DEMO_SEED_ACTOR }]);
  // Order numbers follow placement time.
  const [unordered] = await t.sql(`select count(*)::int as n from (
    select number, lag(number) over (order by placed_at, number) as prev from "order") x where number::int < prev::int`);
  expect(unordered.n).toBe(0);

  // A returned order tells its whole story through the API, in order.
  const [ret] = await t.sql(`select number from "order" where status = 'RETURNED' order by number limit 1`);
  const { order } = await t.q<{
    order: Select<
      Order,
      {
        status: true;
        paymentStatus: true;
        history: { type: true; toStatus: true; at: true; actor: true };
        shipments: { status: true; shippedAt: true; deliveredAt: true };
        returns: { reason: true; restock: true };
      }
    >;
  }>(
    `query($n: String) { order(number: $n) {
    status paymentStatus history { type toStatus at actor } shipments { status shippedAt deliveredAt } returns { reason restock } } }`,
    { n: ret.number },
  );
  const types = order.history.map((h) => h.type);
  expect(types[0]).toBe('PLACED');
  expect(types).toEqual(
    expect.arrayContaining(['PAYMENT_RECORDED', 'SHIPMENT_CREATED', 'SHIPMENT_DELIVERED', 'RETURN_CREATED']),
  );
  expect(order.history[order.history.length - 1]).toMatchObject({
    type: expect.stringMatching(/STATUS_CHANGED|PAYMENT_REFUNDED/),
  });
  expect(order.history.map((h) => h.toStatus).filter(Boolean)).toEqual(
    expect.arrayContaining(['PENDING', 'CONFIRMED', 'SHIPPED', 'RETURNED']),
  );
  const times = order.history.map((h) => Date.parse(h.at));
  expect([...times].sort((a, b) => a - b)).toEqual(times);
  expect(order.returns.length).toBeGreaterThan(0);
});

test("orders are spread over the last 90 days, none in the future, and each order's events are in order", async () => {
  const [span] = await t.sql(`select extract(epoch from max(placed_at) - min(placed_at)) / 86400 as days,
    extract(epoch from now() - min(placed_at)) / 86400 as oldest_days from "order"`);
  expect(Number(span.days)).toBeGreaterThan(60);
  expect(Number(span.oldest_days)).toBeLessThanOrEqual(91);
  // More recent weeks are busier than the first weeks.
  const [weeks] = await t.sql(`select count(*) filter (where placed_at > now() - interval '28 days')::int as recent,
    count(*) filter (where placed_at < now() - interval '62 days')::int as early from "order"`);
  expect(weeks.recent).toBeGreaterThan(weeks.early);

  const seedStart = new Date(startedAt).toISOString();
  // Per table, so that a failure names where the row stamped after the seed's start is.
  const [future] = await t.sql(
    `select
      (select count(*)::int from "order" where placed_at >= $1 or updated_at >= $1) as "order",
      (select count(*)::int from order_history where at >= $1) as order_history,
      (select count(*)::int from payment where created_at >= $1) as payment,
      (select count(*)::int from refund where created_at >= $1) as refund,
      (select count(*)::int from shipment where shipped_at >= $1 or delivered_at >= $1) as shipment,
      (select count(*)::int from order_return where created_at >= $1) as order_return,
      (select count(*)::int from stock_movement where at >= $1) as stock_movement,
      (select count(*)::int from stock_allocation where created_at >= $1) as stock_allocation,
      (select count(*)::int from stock_level where updated_at >= $1) as stock_level,
      (select count(*)::int from customer where created_at >= $1) as customer,
      (select count(*)::int from product where created_at >= $1 or updated_at >= $1) as product,
      (select count(*)::int from channel where created_at >= $1) as channel,
      (select count(*)::int from warehouse where created_at >= $1) as warehouse`,
    [seedStart],
  );
  expect(Object.entries(future).filter(([, n]) => n !== 0)).toEqual([]);

  const [checks] = await t.sql(`select
    (select count(*)::int from (select at, lag(at) over (partition by order_id order by seq) as prev from order_history) x where at < prev) as history_out_of_order,
    (select count(*)::int from "order" o where o.placed_at <> (select h.at from order_history h where h.order_id = o.id order by h.seq limit 1)
       or (select h.type from order_history h where h.order_id = o.id order by h.seq limit 1) <> 'PLACED') as placed_not_first,
    (select count(*)::int from "order" o where o.updated_at < o.placed_at) as updated_before_placed,
    (select count(*)::int from payment p join "order" o on o.id = p.order_id where p.created_at <= o.placed_at) as paid_before_placed,
    (select count(*)::int from refund r where r.created_at <= (select min(created_at) from payment p where p.order_id = r.order_id)) as refunded_before_paid,
    (select count(*)::int from shipment s join "order" o on o.id = s.order_id where s.shipped_at <= o.placed_at) as shipped_before_placed,
    (select count(*)::int from shipment s where s.delivered_at <= s.shipped_at) as delivered_before_shipped,
    (select count(*)::int from shipment s where (s.status = 'DELIVERED') <> (s.delivered_at is not null)) as delivery_mismatch,
    (select count(*)::int from order_return r where r.created_at <= (select max(s.shipped_at) from shipment s where s.order_id = r.order_id)) as returned_before_shipped,
    (select count(*)::int from customer c where c.created_at > (select min(placed_at) from "order" o where o.customer_id = c.id)) as customer_after_order,
    (select count(*)::int from stock_movement m where m.kind = 'ADJUSTMENT' and m.at > (select min(placed_at) from "order") and m.reason not like 'goods received%') as late_initial_stock`);
  expect(checks).toEqual({
    history_out_of_order: 0,
    placed_not_first: 0,
    updated_before_placed: 0,
    paid_before_placed: 0,
    refunded_before_paid: 0,
    shipped_before_placed: 0,
    delivered_before_shipped: 0,
    delivery_mismatch: 0,
    returned_before_shipped: 0,
    customer_after_order: 0,
    late_initial_stock: 0,
  });
  // Confirmation comes after placement and before the first shipment.
  const [confirm] = await t.sql(`select count(*)::int as n from "order" o
    join lateral (select min(at) as at from order_history h where h.order_id = o.id and h.to_status = 'CONFIRMED') c on true
    where c.at <= o.placed_at or c.at >= (select min(shipped_at) from shipment s where s.order_id = o.id)`);
  expect(confirm.n).toBe(0);
});

test('stock invariants hold: reserved is what open allocations still hold, never more than on hand, and on hand is the ledger', async () => {
  const levels =
    await t.sql(`select p.sku, w.code, s.on_hand, s.reserved, coalesce(x.open, 0)::int as open, coalesce(m.ledger, 0)::int as ledger
    from stock_level s join product p on p.id = s.product_id join warehouse w on w.id = s.warehouse_id
    left join (select l.product_id, a.warehouse_id, sum(a.quantity - a.quantity_shipped) as open
               from stock_allocation a join order_line l on l.id = a.order_line_id join "order" o on o.id = l.order_id
               where o.status <> 'CANCELLED' group by 1, 2) x on x.product_id = s.product_id and x.warehouse_id = s.warehouse_id
    left join (select product_id, warehouse_id, sum(delta) as ledger from stock_movement group by 1, 2) m
      on m.product_id = s.product_id and m.warehouse_id = s.warehouse_id`);
  expect(levels.length).toBeGreaterThan(100);
  expect(levels.filter((l) => l.reserved !== l.open)).toEqual([]);
  expect(levels.filter((l) => l.reserved > l.on_hand || l.on_hand < 0)).toEqual([]);
  expect(levels.filter((l) => l.on_hand !== l.ledger)).toEqual([]);
  expect(levels.some((l) => l.reserved > 0)).toBe(true);

  const [lines] = await t.sql(`select
    (select count(*)::int from order_line l where l.quantity_shipped <> coalesce((select sum(quantity) from shipment_line sl where sl.order_line_id = l.id), 0)) as shipped_mismatch,
    (select count(*)::int from order_line l where l.quantity_shipped <> coalesce((select sum(quantity_shipped) from stock_allocation a where a.order_line_id = l.id), 0)) as allocation_shipped_mismatch,
    (select count(*)::int from order_line l where l.quantity_returned <> coalesce((select sum(quantity) from order_return_line rl where rl.order_line_id = l.id), 0)) as returned_mismatch,
    (select count(*)::int from order_line l join "order" o on o.id = l.order_id where o.status <> 'CANCELLED'
       and l.quantity < coalesce((select sum(quantity) from stock_allocation a where a.order_line_id = l.id), 0)) as over_allocated,
    (select count(*)::int from order_line l join "order" o on o.id = l.order_id
       where o.status in ('SHIPPED', 'DELIVERED', 'RETURNED') and l.quantity_shipped <> l.quantity) as shipped_status_mismatch,
    (select count(*)::int from order_line l join "order" o on o.id = l.order_id
       where o.status in ('PENDING', 'CONFIRMED', 'CANCELLED') and l.quantity_shipped > 0) as unshipped_status_mismatch,
    (select count(*)::int from "order" o where o.status = 'PARTIALLY_SHIPPED' and not exists (select 1 from order_line l where l.order_id = o.id and l.quantity_shipped < l.quantity)) as partial_mismatch,
    (select count(*)::int from "order" o where o.status = 'DELIVERED' and exists (select 1 from shipment s where s.order_id = o.id and s.status <> 'DELIVERED')) as undelivered`);
  expect(lines).toEqual({
    shipped_mismatch: 0,
    allocation_shipped_mismatch: 0,
    returned_mismatch: 0,
    over_allocated: 0,
    shipped_status_mismatch: 0,
    unshipped_status_mismatch: 0,
    partial_mismatch: 0,
    undelivered: 0,
  });
});

test('money adds up: paid and refunded amounts match the payments and refunds, and payment status follows', async () => {
  const [m] = await t.sql(`select
    (select count(*)::int from "order" o where o.paid_amount <> coalesce((select sum(amount_minor) from payment p where p.order_id = o.id), 0)) as paid_mismatch,
    (select count(*)::int from "order" o where o.refunded_amount <> coalesce((select sum(amount_minor) from refund r where r.order_id = o.id), 0)) as refunded_mismatch,
    (select count(*)::int from "order" o where o.paid_amount > o.total_amount or o.refunded_amount > o.paid_amount) as over,
    (select count(*)::int from "order" o where o.total_amount <> o.subtotal_amount + o.shipping_amount
       or o.subtotal_amount <> (select sum(quantity * unit_price_amount) from order_line l where l.order_id = o.id)) as totals_mismatch,
    (select count(*)::int from "order" o where o.payment_status <> case
       when o.paid_amount <= 0 then 'UNPAID' when o.refunded_amount > 0 and o.refunded_amount >= o.paid_amount then 'REFUNDED'
       when o.refunded_amount > 0 then 'PARTIALLY_REFUNDED' when o.paid_amount >= o.total_amount then 'PAID' else 'PARTIALLY_PAID' end::payment_status) as status_mismatch,
    (select count(*)::int from "order" o join channel c on c.id = o.channel_id where c.code <> 'B2B' and o.status in ('SHIPPED', 'DELIVERED') and o.payment_status = 'UNPAID') as shipped_unpaid_consumer`);
  expect(m).toEqual({
    paid_mismatch: 0,
    refunded_mismatch: 0,
    over: 0,
    totals_mismatch: 0,
    status_mismatch: 0,
    shipped_unpaid_consumer: 0,
  });
});

test('a second run changes nothing', async () => {
  const before = await tableCounts();
  const again = await seedDemoData(t.server.orm.em.fork(), t.server.services, t.server.log);
  expect(again.skipped).toBe(true);
  expect(again.orders).toBe(summary.orders);
  expect(await tableCounts()).toEqual(before);
});
