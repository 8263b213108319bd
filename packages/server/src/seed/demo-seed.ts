/**
 * Demo data for a first local start: 3 channels, 3 warehouses, ~50 products with stock, ~150
 * customers and ~500 orders over the last 90 days in every status, with payments, refunds,
 * shipments, deliveries and returns.
 *
 * Everything is written through the services, so every invariant (reservations, allocations,
 * history, payment status) holds. The services stamp "now"; the seed plays the 90 days as a
 * timeline (every step of every order, and goods received, in time order) and notes, for every
 * step, the order it touched, the real time span of the service call and the step's time on the
 * timeline. At the end one transaction moves every row an order's step wrote (found by order and
 * real timestamp) to that step's time, keeping the order of rows within a step.
 *
 * The plan comes from a seeded generator, so the demo is the same on every run.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { RequestContext, systemContext } from '../common/context';
import { ErrorCode, UserError } from '../common/errors';
import type { Logger } from '../common/logger';
import { UpsertProductInput } from '../modules/catalog/product.inputs';
import { CreateChannelInput } from '../modules/channel/channel.inputs';
import { AdjustStockInput, CreateWarehouseInput } from '../modules/inventory/inventory.inputs';
import { OrderStatus } from '../modules/order/order-state';
import type { OrderResult } from '../modules/order/order-transaction';
import { AddressInput, CustomerInput, OrderLineInput, PlaceOrderInput } from '../modules/order/order.inputs';
import { RecordPaymentInput, RefundPaymentInput } from '../modules/payment/payment.inputs';
import { Shipment } from '../modules/shipment/shipment.entity';
import { StockAllocation } from '../modules/inventory/stock-allocation.entity';
import { CreateReturnInput, CreateShipmentInput, SkuQuantityInput } from '../modules/shipment/shipment.inputs';
import type { Services } from '../services';
import { CHANNELS, CURRENCY, PRODUCTS, WarehouseCode, WAREHOUSES } from './demo-data';
import {
  DAY,
  HOUR,
  linePrice,
  MINUTE,
  OrderPlan,
  PlannedLine,
  planCustomers,
  planOrders,
  planStock,
  shippingFor,
} from './demo-plan';
import { mixSeed, Rng } from './random';

export const DEMO_SEED = 0x4e57_2025;
export const DEMO_SEED_ACTOR = 'system:seed';

export interface DemoSeedSummary {
  skipped: boolean;
  durationMs: number;
  channels: number;
  warehouses: number;
  products: number;
  customers: number;
  orders: number;
  ordersByStatus: Record<string, number>;
  payments: number;
  refunds: number;
  shipments: number;
  returns: number;
  stockMovements: number;
  /** Steps the services refused that the seed did not expect (0 when all went to plan). */
  refusedSteps: string[];
}

/**
 * A story yields when its next step is due. `shared` steps change nothing another order's step
 * reads, so several of them may run at once: confirm, hold, release, payments, refunds,
 * deliveries, returns without restock, and shipments of reserved units (on hand and reserved
 * drop together, so the available stock that sourcing reads stays the same). Every other step
 * (placing, cancelling, restocking returns, shipping backordered units, goods received) runs
 * alone, in time order, so sourcing sees exactly what it would see one step at a time.
 */
interface Due {
  at: number;
  shared: boolean;
}
type Story = AsyncGenerator<Due, void, undefined>;

export interface DemoSeedOptions {
  /** How many orders to plan (default 500). */
  orders?: number;
  /** The present of the timeline, ms since the epoch (default: when the seed starts; never later). */
  now?: number;
  /** How many shared steps may run at once (default 6; 1 runs every step alone). */
  parallel?: number;
}

interface Run {
  plan: OrderPlan;
  rng: Rng;
  lines: PlannedLine[];
  id?: string;
  number?: string;
  status?: OrderStatus;
  total: number;
  paid: number;
  refunded: number;
  /** Time of this order's latest step. */
  last: number;
  /** Shipments not yet delivered, with their planned delivery time, earliest first. */
  pending: { id: string; at: number }[];
  /** Some units were not allocated when the order was placed: shipping them takes available stock. */
  backordered: boolean;
}

const WAREHOUSE_PRIORITY = new Map<string, number>(WAREHOUSES.map((w) => [w.code, w.priority]));
const WAREHOUSE_COUNTRY = new Map<string, string>(WAREHOUSES.map((w) => [w.code, w.country]));
const NEIGHBOURS: Record<string, string[]> = {
  DE: ['NL', 'BE', 'AT', 'PL', 'DK', 'FR'],
  NL: ['BE', 'DE'],
  ES: ['FR'],
};
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

const iso = (t: number) => new Date(t).toISOString();

/** Moves t into opening hours [from, to) UTC, skipping closed days (0 = Sunday). */
function openAt(t: number, rng: Rng, from: number, to: number, closed: number[]): number {
  for (let i = 0; i < 10; i++) {
    const d = new Date(t);
    const hour = d.getUTCHours() + d.getUTCMinutes() / 60;
    if (!closed.includes(d.getUTCDay()) && hour >= from && hour < to) return t;
    const dayStart = t - (t % DAY);
    const nextDay = !closed.includes(d.getUTCDay()) && hour < from ? dayStart : dayStart + DAY;
    t = nextDay + from * HOUR + rng.int(0, 100) * MINUTE;
  }
  return t;
}
const warehouseHours = (t: number, rng: Rng) => openAt(t, rng, 6, 16, [0, 6]);
const officeHours = (t: number, rng: Rng) => openAt(t, rng, 7, 17, [0, 6]);
const shopHours = (t: number, rng: Rng) => openAt(t, rng, 6, 20, [0]);
const deliveryHours = (t: number, rng: Rng) => openAt(t, rng, 8, 18, [0]);

function carrierFor(rng: Rng, warehouse: string, country: string): string {
  const domestic = WAREHOUSE_COUNTRY.get(warehouse) === country;
  if (warehouse === 'BER')
    return domestic
      ? rng.choose([
          ['DHL', 70],
          ['DPD', 20],
          ['UPS', 10],
        ] as const)
      : rng.choose([
          ['DHL', 50],
          ['UPS', 30],
          ['DPD', 20],
        ] as const);
  if (warehouse === 'AMS')
    return country === 'NL' || country === 'BE'
      ? rng.choose([
          ['PostNL', 80],
          ['DHL', 20],
        ] as const)
      : rng.choose([
          ['UPS', 50],
          ['DHL', 30],
          ['DPD', 20],
        ] as const);
  return domestic
    ? rng.choose([
        ['DPD', 60],
        ['UPS', 40],
      ] as const)
    : rng.choose([
        ['UPS', 70],
        ['DPD', 30],
      ] as const);
}

function trackingNumber(rng: Rng, carrier: string, warehouse: string): string {
  switch (carrier) {
    case 'DHL':
      return `00340434${rng.digits(12)}`;
    case 'UPS':
      return `1Z${{ BER: '4W8E17', AMS: '9R2A05', MAD: '7X1V63' }[warehouse] ?? '4W8E17'}68${rng.digits(8)}`;
    case 'DPD':
      return `0150${rng.digits(10)}`;
    default:
      return `3SNWND${rng.digits(9)}`;
  }
}

function transitDays(rng: Rng, warehouse: string, country: string): number {
  const from = WAREHOUSE_COUNTRY.get(warehouse)!;
  if (from === country)
    return rng.choose([
      [1, 75],
      [2, 25],
    ] as const);
  if (NEIGHBOURS[from]?.includes(country))
    return rng.choose([
      [2, 60],
      [3, 30],
      [4, 10],
    ] as const);
  return rng.choose([
    [3, 40],
    [4, 35],
    [5, 25],
  ] as const);
}

const make = <T extends object>(cls: new () => T, props: Partial<T>): T => Object.assign(new cls(), props);

/** Key of steps that belong to no order (stock adjustments). */
const NO_ORDER = '00000000-0000-0000-0000-000000000000';

/** One service call: the order it wrote to, its real time span (ms) and its time on the timeline. */
interface Window {
  o: string;
  s: number;
  e: number;
  a: number;
}

/** Waits until the clock has moved past `t`, so that consecutive calls never share a millisecond. */
async function after(t: number): Promise<number> {
  while (Date.now() <= t) await new Promise((r) => setImmediate(r));
  return Date.now();
}

class DemoSeeder {
  readonly refused: string[] = [];
  private readonly windows: Window[] = [];
  /** End of the latest call per order (real ms). */
  private readonly lastEnd = new Map<string, number>();

  constructor(
    private readonly em: EntityManager,
    private readonly services: Services,
    private readonly log: Logger,
    readonly startedAt: number,
  ) {}

  /**
   * Runs a service call and notes its window. `key` is the order it writes to (NO_ORDER for stock
   * adjustments), or undefined for a new order, whose id `keyOf` takes from the result.
   */
  async timed<T>(
    key: string | undefined,
    at: number,
    call: () => Promise<T>,
    keyOf?: (result: T) => string | undefined,
  ): Promise<T> {
    const s = key ? await after(this.lastEnd.get(key) ?? 0) : Date.now();
    const result = await call();
    // One millisecond past the clock: PostgreSQL stamps in microseconds (now()), and a row stamped
    // in the call's last millisecond (say 12.7) is later than that millisecond's Date.now() (12).
    // The next call on the same order still starts after this end (after(lastEnd)).
    const e = Date.now() + 1;
    const o = key ?? keyOf?.(result);
    if (o) {
      this.windows.push({ o, s, e, a: at });
      this.lastEnd.set(o, e);
    }
    return result;
  }

  ctx(): RequestContext {
    return systemContext(this.em.fork(), this.log, DEMO_SEED_ACTOR);
  }

  sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
    return this.em.getConnection().execute(query, params) as Promise<T[]>;
  }

  // ------------------------------------------------------------ catalogue and stock

  async createCatalogue(): Promise<void> {
    for (const c of CHANNELS) {
      const r = await this.services.channels.create(this.ctx(), make(CreateChannelInput, { ...c }));
      this.check(`channel ${c.code}`, r.userErrors, true);
    }
    for (const w of WAREHOUSES) {
      const r = await this.services.warehouses.create(
        this.ctx(),
        make(CreateWarehouseInput, { code: w.code, name: w.name, priority: w.priority }),
      );
      this.check(`warehouse ${w.code}`, r.userErrors, true);
    }
    for (const p of PRODUCTS) {
      const r = await this.services.products.upsert(
        this.ctx(),
        make(UpsertProductInput, {
          sku: p.sku,
          name: p.name,
          price: p.price,
          currency: CURRENCY,
          allowBackorder: p.backorder ?? false,
        }),
      );
      this.check(`product ${p.sku}`, r.userErrors, true);
    }
  }

  async adjust(at: number, sku: string, warehouse: WarehouseCode, delta: number, reason: string): Promise<void> {
    const input = make(AdjustStockInput, { sku, warehouseCode: warehouse, delta, reason });
    const r = await this.timed(NO_ORDER, at, () => this.services.inventory.adjust(this.ctx(), input));
    this.check(`stock ${sku}@${warehouse}`, r.userErrors, true);
  }

  private check(what: string, errors: UserError[], fatal = false): boolean {
    if (!errors.length) return true;
    const text = `${what}: ${errors.map((e) => `${e.code} ${e.message}`).join('; ')}`;
    if (fatal) throw new Error(`demo seed: ${text}`);
    this.refused.push(text);
    this.log.debug({ refused: text }, 'demo seed step refused');
    return false;
  }

  // ------------------------------------------------------------ order steps

  /** One step of an order; returns the unit of work it ran in (to find what it created), or undefined if refused. */
  private async step(
    run: Run,
    at: number,
    what: string,
    call: (ctx: RequestContext, id: string) => Promise<OrderResult>,
  ): Promise<RequestContext | undefined> {
    const ctx = this.ctx();
    const r = await this.timed(run.id, at, () => call(ctx, run.id!));
    if (!this.check(`${what} order ${run.number}`, r.userErrors)) return undefined;
    this.took(run, at, r);
    return ctx;
  }

  private took(run: Run, at: number, r: OrderResult): void {
    const o = r.order!;
    run.id = o.id;
    run.number = o.number;
    run.status = o.status;
    run.total = o.totalAmount;
    run.paid = o.paidAmount;
    run.refunded = o.refundedAmount;
    run.last = at;
  }

  /** Places the order; lines that cannot be sourced are cut to what is available (or replaced). */
  async place(run: Run, at: number): Promise<boolean> {
    const { plan } = run;
    let lines = plan.lines.map((l) => ({ ...l }));
    for (let attempt = 0; attempt < 4; attempt++) {
      const c = plan.customer;
      const input = make(PlaceOrderInput, {
        channelCode: plan.channel,
        externalId: plan.externalId,
        customer: make(CustomerInput, { email: c.email, name: c.name }),
        shippingAddress: make(AddressInput, { ...c.address }),
        lines: lines.map((l) => make(OrderLineInput, { sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice })),
        shippingAmount: shippingFor(plan.channel, c.address.country, lines),
        note: plan.note,
      });
      const ctx = this.ctx();
      const r = await this.timed(
        undefined,
        at,
        () => this.services.orders.placeOrder(ctx, input),
        (x) => x.order?.id,
      );
      if (!r.userErrors.length) {
        run.lines = lines;
        this.took(run, at, r);
        // The call's unit of work holds the allocations it made (and no others).
        let allocated = 0;
        for (const entity of ctx.em.getUnitOfWork().getIdentityMap())
          if (entity instanceof StockAllocation) allocated += entity.quantity;
        run.backordered = allocated < lines.reduce((sum, l) => sum + l.quantity, 0);
        return true;
      }
      if (r.userErrors.some((e) => e.code !== ErrorCode.INSUFFICIENT_STOCK)) {
        throw new Error(`demo seed: placeOrder refused: ${r.userErrors.map((e) => e.message).join('; ')}`);
      }
      for (const e of r.userErrors) {
        const i = Number(e.field?.[3] === 'quantity' ? e.field[2] : NaN);
        const available = Number(/(\d+) available$/.exec(e.message)?.[1] ?? 0);
        if (Number.isInteger(i) && lines[i]) lines[i] = { ...lines[i], quantity: available };
      }
      lines = lines.filter((l) => l.quantity > 0);
      if (!lines.length) {
        const pool = PRODUCTS.filter((p) => !p.low && !p.backorder && (plan.channel !== 'B2B' || p.b2b));
        const p = run.rng.weighted(
          pool,
          pool.map((x) => x.weight),
        );
        lines = [
          plan.channel === 'B2B'
            ? { sku: p.sku, quantity: 10, unitPrice: Math.round((p.price * 0.85) / 5) * 5 }
            : { sku: p.sku, quantity: 1 },
        ];
      }
    }
    this.refused.push(`placeOrder ${plan.channel} #${plan.index}: no stock after 4 attempts`);
    return false;
  }

  confirm(run: Run, at: number) {
    return this.step(run, at, 'confirm', (ctx, id) => this.services.orders.confirmOrder(ctx, id));
  }

  hold(run: Run, at: number, reason: string) {
    return this.step(run, at, 'hold', (ctx, id) => this.services.orders.holdOrder(ctx, id, reason));
  }

  release(run: Run, at: number) {
    return this.step(run, at, 'release', (ctx, id) => this.services.orders.releaseOrderHold(ctx, id));
  }

  cancel(run: Run, at: number, reason: string) {
    return this.step(run, at, 'cancel', (ctx, id) => this.services.orders.cancelOrder(ctx, id, reason));
  }

  pay(run: Run, at: number, amount: number, method: string, reference: string) {
    if (amount <= 0) return Promise.resolve(undefined);
    return this.step(run, at, 'payment', (ctx, orderId) =>
      this.services.payments.recordPayment(ctx, make(RecordPaymentInput, { orderId, amount, method, reference })),
    );
  }

  refund(run: Run, at: number, amount: number, reason: string) {
    const amountMinor = Math.min(amount, run.paid - run.refunded);
    if (amountMinor <= 0) return Promise.resolve(undefined);
    return this.step(run, at, 'refund', (ctx, orderId) =>
      this.services.payments.refundPayment(ctx, make(RefundPaymentInput, { orderId, amount: amountMinor, reason })),
    );
  }

  deliver(run: Run, at: number, shipmentId: string) {
    return this.step(run, at, 'delivery', (ctx) => this.services.fulfilment.markShipmentDelivered(ctx, shipmentId));
  }

  returnUnits(run: Run, at: number, lines: { sku: string; quantity: number }[], reason: string, restock: boolean) {
    return this.step(run, at, 'return', (ctx, orderId) =>
      this.services.fulfilment.createReturn(
        ctx,
        make(CreateReturnInput, {
          orderId,
          reason,
          restock,
          lines: lines.map((l) => make(SkuQuantityInput, l)),
        }),
      ),
    );
  }

  /**
   * Ships what can be shipped: one parcel per warehouse holding units for the order, and
   * backordered units from wherever stock has arrived since. With `first`, only the first
   * warehouse's parcel goes out (or, from a single warehouse, all but some units), the rest
   * later. Returns how many units are still unshipped.
   */
  async ship(run: Run, at: number, mode: 'first' | 'all'): Promise<number> {
    const lines = await this.sql<{
      sku: string;
      product_id: string;
      quantity: number;
      shipped: number;
      allocs: { w: string; r: number; q: number }[];
    }>(
      `select l.sku, l.product_id, l.quantity, l.quantity_shipped as shipped,
              coalesce(json_agg(json_build_object('w', w.code, 'r', a.quantity - a.quantity_shipped, 'q', a.quantity))
                       filter (where a.id is not null), '[]') as allocs
       from order_line l left join stock_allocation a on a.order_line_id = l.id left join warehouse w on w.id = a.warehouse_id
       where l.order_id = ? group by l.id order by l.line_no`,
      [run.id],
    );
    const parcels = new Map<string, Map<string, number>>();
    const add = (w: string, sku: string, n: number) => {
      if (n <= 0) return;
      const parcel = parcels.get(w) ?? new Map<string, number>();
      parcel.set(sku, (parcel.get(sku) ?? 0) + n);
      parcels.set(w, parcel);
    };
    let unshipped = 0;
    const waiting: { sku: string; productId: string; need: number }[] = [];
    for (const l of lines) {
      unshipped += l.quantity - l.shipped;
      for (const a of l.allocs) add(a.w, l.sku, a.r);
      const allocated = l.allocs.reduce((s, a) => s + a.q, 0);
      if (l.quantity > allocated) waiting.push({ sku: l.sku, productId: l.product_id, need: l.quantity - allocated });
    }
    if (waiting.length && run.backordered) {
      const stock = await this.sql<{ product_id: string; code: string; available: number }>(
        `select s.product_id, w.code, s.on_hand - s.reserved as available from stock_level s join warehouse w on w.id = s.warehouse_id
         where s.product_id in (${waiting.map(() => '?').join(', ')}) order by w.priority, w.code`,
        waiting.map((x) => x.productId),
      );
      for (const x of waiting) {
        let need = x.need;
        for (const s of stock) {
          if (s.product_id !== x.productId || need === 0) continue;
          const take = Math.min(need, s.available);
          add(s.code, x.sku, take);
          need -= take;
        }
      }
    }
    let order = [...parcels.keys()].sort((a, b) => WAREHOUSE_PRIORITY.get(a)! - WAREHOUSE_PRIORITY.get(b)!);
    if (mode === 'first' && order.length > 1) order = [order[0]];
    else if (mode === 'first' && order.length === 1) {
      const parcel = parcels.get(order[0])!;
      const skus = [...parcel.keys()];
      if (skus.length > 1) parcel.delete(skus[skus.length - 1]);
      else if (parcel.get(skus[0])! > 1) parcel.set(skus[0], Math.ceil(parcel.get(skus[0])! / 2));
    }
    const country = run.plan.customer.address.country;
    let when = at;
    for (const w of order) {
      const parcel = parcels.get(w)!;
      const carrier = carrierFor(run.rng, w, country);
      const input = make(CreateShipmentInput, {
        orderId: run.id!,
        warehouseCode: w,
        carrier,
        trackingNumber: trackingNumber(run.rng, carrier, w),
        lines: [...parcel].map(([sku, quantity]) => make(SkuQuantityInput, { sku, quantity })),
      });
      const created = await this.step(run, when, `shipment from ${w}`, (ctx) =>
        this.services.fulfilment.createShipment(ctx, input),
      );
      if (created) {
        unshipped -= [...parcel.values()].reduce((s, n) => s + n, 0);
        const arrives = deliveryHours(
          when + transitDays(run.rng, w, country) * DAY + run.rng.int(-180, 180) * MINUTE,
          run.rng,
        );
        // The call's unit of work holds the shipment it created (and no other: it loads none).
        for (const entity of created.em.getUnitOfWork().getIdentityMap()) {
          if (entity instanceof Shipment) run.pending.push({ id: entity.id, at: arrives });
        }
        run.pending.sort((a, b) => a.at - b.at);
      }
      when += run.rng.int(4, 25) * MINUTE;
    }
    return unshipped;
  }

  // ------------------------------------------------------------ finishing touches

  /** Creation times of reference data, customers and stock rows, consistent with the timeline. */
  async finish(catalogueAt: number): Promise<void> {
    await this.em.fork().transactional(async (tx) => {
      const run = (q: string, params: unknown[] = []) => tx.execute(q, params);
      await run(
        `create temp table seed_window (o uuid not null, s timestamptz not null, e timestamptz not null, a timestamptz not null) on commit drop`,
      );
      await run(
        `insert into seed_window select * from jsonb_to_recordset(?::jsonb) as w(o uuid, s timestamptz, e timestamptz, a timestamptz)`,
        [JSON.stringify(this.windows.map((w) => ({ o: w.o, s: iso(w.s), e: iso(w.e), a: iso(w.a) })))],
      );
      await run('create index on seed_window (o, s)');
      await run('analyze seed_window');
      // A row belongs to the call of its order whose real time span contains its timestamp.
      const moved = (col: string, key: string) =>
        `coalesce((select w.a + (${col} - w.s) from seed_window w where w.o = ${key} and w.s <= ${col} and ${col} <= w.e order by w.s desc limit 1), ${col})`;
      await run(`update order_history t set at = ${moved('t.at', 't.order_id')}`);
      await run(`update payment t set created_at = ${moved('t.created_at', 't.order_id')}`);
      await run(`update refund t set created_at = ${moved('t.created_at', 't.order_id')}`);
      await run(`update order_return t set created_at = ${moved('t.created_at', 't.order_id')}`);
      await run(`update shipment t set shipped_at = ${moved('t.shipped_at', 't.order_id')},
        delivered_at = case when t.delivered_at is null then null else ${moved('t.delivered_at', 't.order_id')} end`);
      await run(`update stock_movement t set at = ${moved('t.at', `coalesce(t.order_id, '${NO_ORDER}')`)}`);
      await run(
        `update stock_allocation t set created_at = ${moved('t.created_at', 'l.order_id')} from order_line l where l.id = t.order_line_id`,
      );
      await run(
        `update "order" t set placed_at = ${moved('t.placed_at', 't.id')}, updated_at = ${moved('t.updated_at', 't.id')}`,
      );
      // placed_at and the PLACED entry were stamped a moment apart in the same call: make them equal.
      await run(`update "order" t set placed_at = h.at, updated_at = greatest(t.updated_at, h.at)
        from order_history h where h.order_id = t.id and h.type = 'PLACED'`);
    });
    await this.sql(
      `update channel set created_at = ?::timestamptz + (select count(*) from channel c2 where c2.code < channel.code) * interval '2 minutes'`,
      [iso(catalogueAt)],
    );
    await this.sql(`update warehouse set created_at = ?::timestamptz + priority * interval '5 minutes'`, [
      iso(catalogueAt + 10 * MINUTE),
    ]);
    await this.sql(
      `update product set created_at = x.at, updated_at = x.at
      from (select id, ?::timestamptz + row_number() over (order by sku) * interval '40 seconds' as at from product) x where product.id = x.id`,
      [iso(catalogueAt + 30 * MINUTE)],
    );
    await this
      .sql(`update customer c set created_at = x.first from (select customer_id, min(placed_at) as first from "order" group by customer_id) x
      where c.id = x.customer_id`);
    await this.sql(`update stock_level s set updated_at = coalesce(
      (select max(m.at) from stock_movement m where m.product_id = s.product_id and m.warehouse_id = s.warehouse_id), s.updated_at)`);
  }

  async summary(): Promise<Omit<DemoSeedSummary, 'skipped' | 'durationMs' | 'refusedSteps'>> {
    const [c] = await this.sql<
      Record<
        | 'channels'
        | 'warehouses'
        | 'products'
        | 'customers'
        | 'orders'
        | 'payments'
        | 'refunds'
        | 'shipments'
        | 'returns'
        | 'stock_movements',
        number
      >
    >(`select
      (select count(*)::int from channel) as channels, (select count(*)::int from warehouse) as warehouses,
      (select count(*)::int from product) as products, (select count(*)::int from customer) as customers,
      (select count(*)::int from "order") as orders, (select count(*)::int from payment) as payments,
      (select count(*)::int from refund) as refunds, (select count(*)::int from shipment) as shipments,
      (select count(*)::int from order_return) as returns, (select count(*)::int from stock_movement) as stock_movements`);
    const statuses = await this.sql<{ status: string; n: number }>(
      'select status, count(*)::int as n from "order" group by status',
    );
    const ordersByStatus: Record<string, number> = {};
    for (const s of Object.values(OrderStatus)) ordersByStatus[s] = statuses.find((x) => x.status === s)?.n ?? 0;
    return {
      channels: c.channels,
      warehouses: c.warehouses,
      products: c.products,
      customers: c.customers,
      orders: c.orders,
      ordersByStatus,
      payments: c.payments,
      refunds: c.refunds,
      shipments: c.shipments,
      returns: c.returns,
      stockMovements: c.stock_movements,
    };
  }
}

/** Yields the deliveries due up to `until`, then `until` itself (for a step of the given kind); returns the time reached. */
async function* waitUntil(
  run: Run,
  s: DemoSeeder,
  until: number,
  shared: boolean,
): AsyncGenerator<Due, number, undefined> {
  while (run.pending.length && run.pending[0].at <= until) {
    const d = run.pending.shift()!;
    const at = Math.max(d.at, run.last + MINUTE);
    yield { at, shared: true };
    await s.deliver(run, at, d.id);
  }
  const at = Math.max(until, run.last + MINUTE);
  yield { at, shared };
  return at;
}

/** Yields every outstanding delivery; returns the time of the last step. */
async function* deliverAll(run: Run, s: DemoSeeder): AsyncGenerator<Due, number, undefined> {
  while (run.pending.length) {
    const d = run.pending.shift()!;
    const at = Math.max(d.at, run.last + MINUTE);
    yield { at, shared: true };
    await s.deliver(run, at, d.id);
  }
  return run.last;
}

const cardReference = (rng: Rng, method: string): string => {
  switch (method) {
    case 'card':
      return `pi_${rng.chars(24, ALNUM)}`;
    case 'paypal':
      return `PAYID-${rng.chars(24)}`;
    default:
      return `KL-${rng.chars(8)}-${rng.chars(4)}`;
  }
};

/** One order's life, as a sequence of (time, step) pairs: yields the time of its next step. */
async function* orderStory(run: Run, s: DemoSeeder): Story {
  const { plan, rng } = run;
  yield { at: plan.placedAt, shared: false };
  if (!(await s.place(run, plan.placedAt))) return;
  let t = plan.placedAt;
  /** The next step may run together with others (see Due) or must run alone. */
  const next = (at: number) => waitUntil(run, s, at, true);
  const alone = (at: number) => waitUntil(run, s, at, false);
  const shipping = (at: number) => waitUntil(run, s, at, !run.backordered);
  const min = (a: number, b: number) => rng.int(a, b) * MINUTE;

  if (plan.hold?.stage === 'pending') {
    t = yield* next(t + min(5, 120));
    await s.hold(run, t, plan.hold.reason);
    if (plan.hold.outcome === 'stuck') return;
    if (plan.hold.outcome === 'cancel') {
      t = yield* alone(officeHours(t + min(3 * 60, 40 * 60), rng));
      await s.cancel(run, t, plan.hold.cancelReason);
      return;
    }
    t = yield* next(officeHours(t + min(60, 20 * 60), rng));
    await s.release(run, t);
  }
  if (plan.cancel?.stage === 'pending') {
    t = yield* alone(t + min(15, 36 * 60));
    await s.cancel(run, t, plan.cancel.reason);
    return;
  }

  // Confirmation and payment.
  if (plan.pay === 'bank_transfer') {
    if (plan.neverPaid) {
      t = yield* alone(officeHours(plan.placedAt + 7 * DAY, rng));
      await s.cancel(run, t, 'Payment not received within 7 days');
      return;
    }
    t = yield* next(officeHours(t + min(16 * 60, 96 * 60), rng)); // the transfer arrives
    await s.confirm(run, t);
    t = yield* next(t + min(1, 4));
    await s.pay(run, t, run.total - run.paid, 'bank_transfer', `NW-${run.number}`);
  } else if (plan.channel === 'B2B') {
    t = yield* next(officeHours(t + min(2 * 60, 3 * 24 * 60), rng)); // credit check, order approval
    await s.confirm(run, t);
    if (plan.pay === 'prepay' || plan.pay === 'deposit') {
      t = yield* next(officeHours(t + min(4 * 60, 3 * 24 * 60), rng));
      const amount = plan.pay === 'prepay' ? run.total - run.paid : Math.round((run.total * 0.3) / 100) * 100;
      await s.pay(run, t, amount, 'bank_transfer', plan.pay === 'prepay' ? `PF-${run.number}` : `DEP-${run.number}`);
    }
  } else if (plan.channel === 'MARKET') {
    t = yield* next(t + min(10, 120));
    await s.confirm(run, t);
    t = yield* next(t + min(1, 20));
    await s.pay(run, t, run.total - run.paid, 'marketplace', `MP-${plan.externalId}`);
  } else {
    t = yield* next(shopHours(t + min(10, 240), rng)); // the shop team checks new orders
    await s.confirm(run, t);
    t = yield* next(t + min(1, 6));
    if (plan.pay === 'gift_card' && run.total > 2600) {
      const voucher = run.total > 6000 ? 5000 : 2500;
      await s.pay(run, t, voucher, 'gift_card', `GC-${rng.chars(4)}-${rng.chars(4)}`);
      t = yield* next(t + MINUTE);
      await s.pay(run, t, run.total - run.paid, 'card', cardReference(rng, 'card'));
    } else {
      const method = plan.pay === 'gift_card' ? 'card' : plan.pay;
      await s.pay(run, t, run.total - run.paid, method, cardReference(rng, method));
    }
  }

  if (plan.hold?.stage === 'confirmed') {
    t = yield* next(t + min(30, 8 * 60));
    await s.hold(run, t, plan.hold.reason);
    if (plan.hold.outcome === 'stuck') return;
    t = yield* next(officeHours(t + min(6 * 60, 3 * 24 * 60), rng));
    await s.release(run, t);
  }
  if (plan.cancel?.stage === 'confirmed') {
    t = yield* alone(t + min(30, 20 * 60));
    await s.cancel(run, t, plan.cancel.reason);
    if (run.paid > run.refunded) {
      t = yield* next(officeHours(t + min(60, 2 * 24 * 60), rng));
      await s.refund(run, t, run.paid - run.refunded, 'Order cancelled before dispatch');
    }
    return;
  }

  // Fulfilment: first parcel(s), then the rest (split shipments, backorders waiting for goods).
  t = yield* shipping(
    warehouseHours(t + (plan.channel === 'B2B' ? min(24 * 60, 4 * 24 * 60) : min(2 * 60, 36 * 60)), rng),
  );
  let left = await s.ship(run, t, plan.split ? 'first' : 'all');
  if (plan.hold?.stage === 'partial' && run.status === OrderStatus.PARTIALLY_SHIPPED) {
    t = yield* next(officeHours(t + min(2 * 60, 24 * 60), rng));
    await s.hold(run, t, plan.hold.reason);
    if (plan.hold.outcome === 'stuck') {
      yield* deliverAll(run, s);
      return;
    }
    t = yield* next(officeHours(t + min(24 * 60, 4 * 24 * 60), rng));
    await s.release(run, t);
  }
  for (let tries = 0; left > 0 && tries < 10; tries++) {
    const wait = plan.split && tries === 0 ? min(36 * 60, 7 * 24 * 60) : min(2 * 24 * 60, 5 * 24 * 60);
    t = yield* shipping(warehouseHours(t + wait, rng));
    left = await s.ship(run, t, 'all');
  }
  t = yield* deliverAll(run, s);
  if (left > 0) return;

  // After delivery: invoices, goodwill, returns.
  if ((plan.pay === 'deposit' || plan.pay === 'invoice') && run.total > run.paid) {
    t = yield* next(officeHours(t + min(7 * 24 * 60, 30 * 24 * 60), rng));
    await s.pay(run, t, run.total - run.paid, 'bank_transfer', `INV-${new Date(t).getUTCFullYear()}-${run.number}`);
  }
  if (plan.goodwill && run.paid > 0) {
    t = yield* next(officeHours(t + min(12 * 60, 4 * 24 * 60), rng));
    await s.refund(run, t, rng.pick([500, 1000, 1500]), 'Goodwill: the parcel arrived late');
  }
  if (plan.ret) {
    t = yield* (plan.ret.restock ? alone : next)(t + min(2 * 24 * 60, 14 * 24 * 60));
    let back = run.lines.map((l) => ({ sku: l.sku, quantity: l.quantity }));
    if (plan.ret.kind === 'part') {
      const l = rng.pick(back);
      back = [{ sku: l.sku, quantity: l.quantity > 1 ? rng.int(1, l.quantity - 1) : 1 }];
    }
    if (await s.returnUnits(run, t, back, plan.ret.reason, plan.ret.restock)) {
      const value = back.reduce((sum, b) => sum + linePrice(run.lines.find((l) => l.sku === b.sku)!) * b.quantity, 0);
      t = yield* next(officeHours(t + min(12 * 60, 4 * 24 * 60), rng));
      await s.refund(run, t, plan.ret.restock ? value : run.paid, `Return: ${plan.ret.reason}`);
    }
  }
}

/** Goods received during the 90 days, on the days the stock plan says. */
async function* purchasingStory(s: DemoSeeder, receipts: ReturnType<typeof planStock>['receipts']): Story {
  let i = 0;
  while (i < receipts.length) {
    const at = receipts[i].at;
    yield { at, shared: false };
    for (; i < receipts.length && receipts[i].at === at; i++) {
      const r = receipts[i];
      await s.adjust(at, r.sku, r.warehouse, r.units, `goods received ${r.reference}`);
    }
  }
}

interface Entry extends Due {
  /** Fixed per story (orders by plan index), so that equal times always resolve the same way. */
  key: number;
  story: Story;
}

/** A binary min-heap of the next step of every story, by time, then story key. */
class Agenda {
  private items: Entry[] = [];

  get size() {
    return this.items.length;
  }

  peek(): Entry {
    return this.items[0];
  }

  push(entry: Entry) {
    const items = this.items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      [items[i], items[p]] = [items[p], items[i]];
      i = p;
    }
  }

  pop(): Entry {
    const items = this.items;
    const top = items[0];
    const last = items.pop()!;
    if (items.length) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.less(l, m)) m = l;
        if (r < items.length && this.less(r, m)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m], items[i]];
        i = m;
      }
    }
    return top;
  }

  private less(a: number, b: number) {
    const x = this.items[a];
    const y = this.items[b];
    return x.at < y.at || (x.at === y.at && x.key < y.key);
  }
}

/** Runs every story's steps in time order until `cutoff`; consecutive shared steps run together. */
async function play(stories: { key: number; story: Story }[], cutoff: number, parallel: number): Promise<void> {
  const agenda = new Agenda();
  const advance = async (key: number, story: Story) => {
    const due = await story.next();
    if (!due.done) agenda.push({ ...due.value, key, story });
  };
  for (const { key, story } of stories) await advance(key, story);
  while (agenda.size && agenda.peek().at < cutoff) {
    if (!agenda.peek().shared) {
      const { key, story } = agenda.pop();
      await advance(key, story);
      continue;
    }
    const batch: Entry[] = [];
    while (batch.length < parallel && agenda.size && agenda.peek().shared && agenda.peek().at < cutoff)
      batch.push(agenda.pop());
    await Promise.all(batch.map(({ key, story }) => advance(key, story)));
  }
}

export async function seedDemoData(
  em: EntityManager,
  services: Services,
  log: Logger,
  options: DemoSeedOptions = {},
): Promise<DemoSeedSummary> {
  const startedAt = Date.now();
  const now = Math.min(options.now ?? startedAt, startedAt);
  const seeder = new DemoSeeder(em, services, log, startedAt);
  const [{ n }] = await seeder.sql<{ n: number }>('select count(*)::int as n from channel');
  if (n > 0) {
    log.info({ channels: n }, 'demo seed skipped: the database already has channels');
    return { skipped: true, durationMs: Date.now() - startedAt, ...(await seeder.summary()), refusedSteps: [] };
  }

  // The plan: who orders what, when, and what happens next; stock to match.
  log.info('loading demo data: ~500 orders over the last 90 days through the services (can take a minute)');
  const rng = new Rng(DEMO_SEED);
  const { consumers, companies } = planCustomers(rng.fork(1));
  const plans = planOrders(rng.fork(2), now, consumers, companies, options.orders);
  const stock = planStock(rng.fork(3), now, plans);

  // Catalogue and opening stock, a day before the first order.
  const catalogueAt = now - 92 * DAY;
  await seeder.createCatalogue();
  const stockedAt = now - 91 * DAY;
  for (const [sku, perWarehouse] of stock.initial) {
    for (const [warehouse, units] of perWarehouse)
      await seeder.adjust(stockedAt, sku, warehouse, units, 'initial stock');
  }

  // The 90 days, step by step in time order; steps that would lie in the future do not happen.
  await play(
    [
      { key: -1, story: purchasingStory(seeder, stock.receipts) },
      ...plans.map((plan) => {
        const run: Run = {
          plan,
          rng: new Rng(mixSeed(DEMO_SEED, plan.index)),
          lines: plan.lines,
          total: 0,
          paid: 0,
          refunded: 0,
          last: plan.placedAt,
          pending: [],
          backordered: false,
        };
        return { key: plan.index, story: orderStory(run, seeder) };
      }),
    ],
    now - MINUTE,
    Math.max(1, options.parallel ?? 6),
  );
  await seeder.finish(catalogueAt);

  const counts = await seeder.summary();
  const durationMs = Date.now() - startedAt;
  const byStatus = Object.entries(counts.ordersByStatus)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  log.info(
    { ...counts, durationMs, refusedSteps: seeder.refused.length },
    `demo data seeded in ${(durationMs / 1000).toFixed(1)} s: ${counts.channels} channels, ${counts.warehouses} warehouses, ` +
      `${counts.products} products, ${counts.customers} customers, ${counts.orders} orders (${byStatus}), ${counts.payments} payments, ` +
      `${counts.refunds} refunds, ${counts.shipments} shipments, ${counts.returns} returns, ${counts.stockMovements} stock movements`,
  );
  return { skipped: false, durationMs, ...counts, refusedSteps: seeder.refused };
}
