/**
 * The demo seed's plan, made before anything is written: customers, ~500 orders (when, where,
 * what, and what should happen to each), and how much stock to put where and when. Everything
 * comes from a seeded generator, so the plan is the same on every run (times are relative to
 * the start of the run).
 */
import {
  B2B_NOTES,
  CANCEL_REASONS_CONFIRMED,
  CANCEL_REASONS_HOLD,
  CANCEL_REASONS_MARKET,
  CANCEL_REASONS_PENDING,
  ChannelCode,
  COMPANIES,
  COUNTRIES,
  DemoProduct,
  HOLD_REASONS_B2B,
  HOLD_REASONS_CONFIRMED,
  HOLD_REASONS_PARTIAL,
  HOLD_REASONS_PENDING,
  PRODUCTS,
  RETURN_REASONS,
  WarehouseCode,
  WEB_NOTES,
} from './demo-data';
import { Rng } from './random';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** How many days of history the demo covers. */
export const DAYS = 90;
export const ORDER_COUNT = 500;
const CONSUMER_COUNT = 160;

export interface DemoAddress {
  name?: string;
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  country: string;
}

export interface DemoCustomer {
  email: string;
  name: string;
  address: DemoAddress;
}

export interface PlannedLine {
  sku: string;
  quantity: number;
  /** B2B price (minor units); otherwise the list price applies. */
  unitPrice?: number;
}

export type PayMode =
  'card' | 'paypal' | 'klarna' | 'gift_card' | 'bank_transfer' | 'marketplace' | 'prepay' | 'deposit' | 'invoice';

export interface OrderPlan {
  /** Position in the plan; seeds the order's own random stream. */
  index: number;
  placedAt: number;
  channel: ChannelCode;
  customer: DemoCustomer;
  lines: PlannedLine[];
  externalId?: string;
  note?: string;
  pay: PayMode;
  /** Bank transfer that never arrives: cancelled after 7 days. */
  neverPaid?: boolean;
  hold?: {
    stage: 'pending' | 'confirmed' | 'partial';
    reason: string;
    outcome: 'release' | 'cancel' | 'stuck';
    cancelReason: string;
  };
  cancel?: { stage: 'pending' | 'confirmed'; reason: string };
  /** Ship what one warehouse has first and the rest days later. */
  split: boolean;
  ret?: { kind: 'all' | 'part'; reason: string; restock: boolean };
  goodwill?: boolean;
}

export interface StockPlan {
  /** sku -> warehouse -> units at the start. */
  initial: Map<string, Map<WarehouseCode, number>>;
  /** Goods received later, in time order. */
  receipts: { at: number; sku: string; warehouse: WarehouseCode; units: number; reference: string }[];
}

export const productBySku = new Map(PRODUCTS.map((p) => [p.sku, p]));

// ---------------------------------------------------------------- customers

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');
}

function fillTemplate(rng: Rng, template: string): string {
  return template.replace(/[#L]/g, (c) => (c === '#' ? String(rng.int(0, 9)) : rng.chars(1, 'ABCDEFGHJKLMNPRSTVWXYZ')));
}

export function planCustomers(rng: Rng): { consumers: DemoCustomer[]; companies: DemoCustomer[] } {
  const emails = new Set<string>();
  const consumers: DemoCustomer[] = [];
  const domains = ['example.com', 'example.org', 'example.net'];
  while (consumers.length < CONSUMER_COUNT) {
    const c = rng.weighted(
      COUNTRIES,
      COUNTRIES.map((x) => x.weight),
    );
    const first = rng.pick(c.first);
    const last = rng.pick(c.last);
    const f = slug(first);
    const l = slug(last);
    const domain = rng.pick(domains);
    const style = rng.int(0, 4);
    let local = [`${f}.${l}`, `${f}${l[0]}`, `${f[0]}.${l}`, `${f}.${l}${rng.int(70, 99)}`, `${l}.${f}`][style];
    while (emails.has(`${local}@${domain}`)) local = `${f}.${l}${rng.int(1, 999)}`;
    const email = `${local}@${domain}`;
    emails.add(email);
    const [city, postal] = rng.pick(c.cities);
    const name = `${first} ${last}`;
    consumers.push({
      email,
      name,
      address: {
        name,
        line1: c.address(rng.pick(c.streets), rng.int(1, 140)),
        city,
        postalCode: fillTemplate(rng, postal),
        country: c.code,
      },
    });
  }
  const companies = COMPANIES.map((co) => ({
    email: co.email,
    name: co.name,
    address: {
      name: co.name,
      line1: co.line1,
      line2: `${co.country === 'DE' || co.country === 'AT' ? 'z. Hd.' : 'Attn:'} ${co.contact}`,
      city: co.city,
      postalCode: co.postalCode,
      country: co.country,
    },
  }));
  return { consumers, companies };
}

// ---------------------------------------------------------------- orders

/** Relative order volume by UTC hour (the shop's customers are mostly in CET/CEST). */
const HOURS_CONSUMER = [
  1, 0.5, 0.3, 0.2, 0.3, 0.6, 1.2, 2, 2.5, 2.8, 3, 3.2, 3.3, 3, 3, 3.2, 3.6, 4.2, 5, 5.2, 4.5, 3.2, 2, 1.3,
];
const HOURS_B2B = [0, 0, 0, 0, 0, 0, 1, 3, 5, 5, 5, 4, 4, 5, 4, 2, 1, 0, 0, 0, 0, 0, 0, 0];
const HOUR_LIST = Array.from({ length: 24 }, (_, h) => h);

function pickLines(rng: Rng, channel: ChannelCode): PlannedLine[] {
  const pool = channel === 'B2B' ? PRODUCTS.filter((p) => p.b2b) : PRODUCTS;
  const n =
    channel === 'WEB'
      ? rng.choose([
          [1, 55],
          [2, 27],
          [3, 12],
          [4, 6],
        ] as const)
      : channel === 'MARKET'
        ? rng.choose([
            [1, 82],
            [2, 18],
          ] as const)
        : rng.int(2, 5);
  const chosen: DemoProduct[] = [];
  while (chosen.length < n) {
    const p = rng.weighted(
      pool,
      pool.map((x) => x.weight),
    );
    // One size per garment kind and colour: no "M and L of the same shirt" in consumer orders.
    const family = p.sku.replace(/-(S|M|L|XL)$/, '');
    if (chosen.some((c) => c.sku === p.sku || (channel !== 'B2B' && c.sku.replace(/-(S|M|L|XL)$/, '') === family)))
      continue;
    chosen.push(p);
  }
  return chosen.map((p) => {
    if (channel === 'B2B') {
      let quantity: number = rng.choose([
        [10, 20],
        [12, 10],
        [15, 10],
        [20, 20],
        [25, 14],
        [30, 10],
        [40, 8],
        [50, 8],
      ] as const);
      if (p.price >= 2900) quantity = Math.max(5, Math.round(quantity / 2));
      const discount = quantity >= 30 ? 0.8 : 0.85;
      return { sku: p.sku, quantity, unitPrice: Math.round((p.price * discount) / 5) * 5 };
    }
    const quantity = p.multi
      ? rng.choose([
          [1, 60],
          [2, 30],
          [3, 10],
        ] as const)
      : rng.choose([
          [1, 90],
          [2, 9],
          [3, 1],
        ] as const);
    return { sku: p.sku, quantity };
  });
}

export function linePrice(l: PlannedLine): number {
  return l.unitPrice ?? productBySku.get(l.sku)!.price;
}

export function subtotalOf(lines: PlannedLine[]): number {
  return lines.reduce((s, l) => s + linePrice(l) * l.quantity, 0);
}

export function shippingFor(channel: ChannelCode, country: string, lines: PlannedLine[]): number {
  const subtotal = subtotalOf(lines);
  if (channel === 'MARKET') return 0;
  if (channel === 'B2B') return subtotal >= 50_000 ? 0 : 1490;
  if (country === 'DE') return subtotal >= 5000 ? 0 : 495;
  return subtotal >= 7500 ? 0 : 895;
}

function planStory(
  rng: Rng,
  plan: Omit<OrderPlan, 'pay' | 'split'>,
): Pick<OrderPlan, 'pay' | 'neverPaid' | 'hold' | 'cancel' | 'split' | 'ret' | 'goodwill'> {
  const units = plan.lines.reduce((s, l) => s + l.quantity, 0);
  const out: Pick<OrderPlan, 'pay' | 'neverPaid' | 'hold' | 'cancel' | 'split' | 'ret' | 'goodwill'> = {
    pay: 'card',
    split: false,
  };
  const holdOutcome = (release: number, cancel: number, stuck: number) =>
    rng.choose([
      ['release', release],
      ['cancel', cancel],
      ['stuck', stuck],
    ] as const);
  const x = rng.next();
  const r = rng.next();
  if (plan.channel === 'WEB') {
    out.pay = rng.choose([
      ['card', 56],
      ['paypal', 22],
      ['klarna', 8],
      ['bank_transfer', 10],
      ['gift_card', 4],
    ] as const);
    out.neverPaid = out.pay === 'bank_transfer' && rng.chance(0.4);
    if (x < 0.06)
      out.hold = {
        stage: 'pending',
        reason: rng.pick(HOLD_REASONS_PENDING),
        outcome: holdOutcome(50, 25, 25),
        cancelReason: rng.pick(CANCEL_REASONS_HOLD),
      };
    else if (x < 0.1) out.cancel = { stage: 'pending', reason: rng.pick(CANCEL_REASONS_PENDING) };
    else if (x < 0.12) out.cancel = { stage: 'confirmed', reason: rng.pick(CANCEL_REASONS_CONFIRMED) };
    else if (x < 0.145)
      out.hold = {
        stage: 'confirmed',
        reason: rng.pick(HOLD_REASONS_CONFIRMED),
        outcome: holdOutcome(65, 0, 35),
        cancelReason: '',
      };
    out.split = units >= 2 && rng.chance(0.14);
    if (!out.hold && out.split && rng.chance(0.3)) {
      out.hold = {
        stage: 'partial',
        reason: rng.pick(HOLD_REASONS_PARTIAL),
        outcome: holdOutcome(65, 0, 35),
        cancelReason: '',
      };
    }
    if (r < 0.045) out.ret = { kind: 'all', ...rng.pick(RETURN_REASONS) };
    else if (r < 0.08) out.ret = { kind: 'part', ...rng.pick(RETURN_REASONS) };
    else if (r < 0.11) out.goodwill = true;
  } else if (plan.channel === 'MARKET') {
    out.pay = 'marketplace';
    if (x < 0.02)
      out.hold = {
        stage: 'pending',
        reason: rng.pick(HOLD_REASONS_PENDING),
        outcome: holdOutcome(60, 30, 10),
        cancelReason: rng.pick(CANCEL_REASONS_MARKET),
      };
    else if (x < 0.05) out.cancel = { stage: 'pending', reason: rng.pick(CANCEL_REASONS_MARKET) };
    else if (x < 0.06) out.cancel = { stage: 'confirmed', reason: rng.pick(CANCEL_REASONS_MARKET) };
    out.split = units >= 2 && rng.chance(0.1);
    if (r < 0.035) out.ret = { kind: 'all', ...rng.pick(RETURN_REASONS) };
    else if (r < 0.05) out.ret = { kind: 'part', ...rng.pick(RETURN_REASONS) };
  } else {
    out.pay = rng.choose([
      ['prepay', 30],
      ['deposit', 30],
      ['invoice', 40],
    ] as const);
    if (x < 0.12)
      out.hold = {
        stage: 'pending',
        reason: rng.pick(HOLD_REASONS_B2B),
        outcome: holdOutcome(60, 15, 25),
        cancelReason: 'Credit check failed',
      };
    else if (x < 0.16) out.cancel = { stage: 'pending', reason: 'Customer cancelled the purchase order' };
    else if (x < 0.18) out.cancel = { stage: 'confirmed', reason: 'Event postponed, customer cancelled' };
    out.split = rng.chance(0.25);
    if (r < 0.04) out.ret = { kind: 'part', reason: 'Too many ordered, returning the surplus', restock: true };
  }
  if (out.cancel || out.hold?.outcome === 'cancel' || out.hold?.outcome === 'stuck' || out.neverPaid) {
    delete out.ret;
    delete out.goodwill;
  }
  return out;
}

/** Splits `total` over the weights, rounding so that the parts add up exactly. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = total - parts.reduce((s, p) => s + p, 0);
  for (let k = 0; k < missing; k++) parts[order[k][1]]++;
  return parts;
}

/**
 * Orders in windows of 24 hours going back from `anchor` (window 0 is the last 24 hours),
 * busier towards the present, with a sale weekend a few weeks ago, placed at believable hours.
 */
export function planOrders(
  rng: Rng,
  anchor: number,
  consumers: DemoCustomer[],
  companies: DemoCustomer[],
  orderCount = ORDER_COUNT,
): OrderPlan[] {
  const windowWeights = Array.from({ length: DAYS }, (_, k) => {
    let w = 0.55 + (0.9 * (DAYS - 1 - k)) / (DAYS - 1);
    if (k >= 38 && k <= 40) w *= 1.8; // mid-season sale
    if (k < 4) w *= 1.5; // a campaign running right now
    return w;
  });
  const counts = apportion(orderCount, windowWeights);
  const consumerWeights = consumers.map((_, i) => 1 / (1 + i / 30));
  const companyWeights = COMPANIES.map((c) => c.weight);
  const externalIds = new Set<string>();
  const plans: OrderPlan[] = [];
  const latest = anchor - 3 * MINUTE;
  let index = 0;
  for (let k = 0; k < DAYS; k++) {
    const windowStart = anchor - (k + 1) * DAY;
    for (let j = 0; j < counts[k]; j++) {
      const channel = rng.choose([
        ['WEB', 62],
        ['MARKET', 28],
        ['B2B', 10],
      ] as const);
      const hour = rng.weighted(HOUR_LIST, channel === 'B2B' ? HOURS_B2B : HOURS_CONSUMER);
      const timeOfDay = hour * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59_999);
      let placedAt = windowStart + ((timeOfDay - (windowStart % DAY) + DAY) % DAY);
      if (channel === 'B2B') {
        // Businesses order on weekdays: move Saturday and Sunday orders to Friday or Monday.
        const weekday = new Date(placedAt).getUTCDay();
        if (weekday === 6 || weekday === 0) {
          const back = placedAt - (weekday === 6 ? 1 : 2) * DAY;
          placedAt = back >= anchor - DAYS * DAY ? back : placedAt + (weekday === 6 ? 2 : 1) * DAY;
        }
      }
      if (placedAt > latest) placedAt = latest - rng.int(0, 30) * MINUTE;
      const customer =
        channel === 'B2B' ? rng.weighted(companies, companyWeights) : rng.weighted(consumers, consumerWeights);
      const lines = pickLines(rng, channel);
      let externalId: string | undefined;
      if (channel === 'MARKET') {
        do externalId = `${rng.int(302, 306)}-${rng.digits(7)}-${rng.digits(7)}`;
        while (externalIds.has(externalId));
        externalIds.add(externalId);
      }
      const note =
        channel === 'WEB' && rng.chance(0.06)
          ? rng.pick(WEB_NOTES)
          : channel === 'B2B' && rng.chance(0.3)
            ? rng.pick(B2B_NOTES)
            : undefined;
      const base = { index, placedAt, channel, customer, lines, externalId, note };
      plans.push({ ...base, ...planStory(rng, base) });
      index++;
    }
  }
  // Whatever the time of day, the present should show orders waiting for a bank transfer (PENDING).
  const recent = plans.filter((p) => p.channel === 'WEB' && p.placedAt > anchor - 5 * DAY && !p.hold && !p.cancel);
  for (let i = 0; i < 2 && recent.length; i++) {
    const p = recent.splice(rng.int(0, recent.length - 1), 1)[0];
    Object.assign(p, { pay: 'bank_transfer', neverPaid: true, split: false, ret: undefined, goodwill: undefined });
  }
  return plans.sort((a, b) => a.placedAt - b.placedAt || a.index - b.index);
}

// ---------------------------------------------------------------- stock

function shares(rng: Rng, n: number): number[] {
  if (n === 1) return [1];
  if (n === 2) {
    const a = rng.between(0.55, 0.8);
    return [a, 1 - a];
  }
  const a = rng.between(0.5, 0.7);
  const b = (1 - a) * rng.between(0.55, 0.8);
  return [a, b, 1 - a - b];
}

/**
 * Stock to match the planned demand: most SKUs are restocked twice and end comfortably;
 * "low" SKUs barely cover demand; limited editions (backorder) get less than is ordered, so
 * some orders wait for goods.
 */
export function planStock(rng: Rng, anchor: number, plans: OrderPlan[]): StockPlan {
  const demand = new Map<string, number>(PRODUCTS.map((p) => [p.sku, 0]));
  for (const o of plans) for (const l of o.lines) demand.set(l.sku, demand.get(l.sku)! + l.quantity);
  const initial = new Map<string, Map<WarehouseCode, number>>();
  const receipts: StockPlan['receipts'] = [];
  let po = 4100;
  const receiptDays: Record<'normal' | 'low' | 'backorder', [number, number][]> = {
    normal: [
      [62, 0.3],
      [31, 0.3],
    ],
    low: [[45, 0.25]],
    backorder: [
      [40, 0.35],
      [12, 0.2],
    ],
  };
  const dayAt = (daysAgo: number) => {
    // 09:30 UTC on that day
    const t = anchor - daysAgo * DAY;
    return t - (t % DAY) + 9 * HOUR + 30 * MINUTE;
  };
  const receiptTimes = new Map<number, string>();
  for (const p of PRODUCTS) {
    const d = demand.get(p.sku)!;
    const kind = p.backorder ? 'backorder' : p.low ? 'low' : 'normal';
    const start =
      kind === 'backorder'
        ? Math.ceil(0.25 * d) + 2
        : kind === 'low'
          ? Math.ceil(0.7 * d) + 2
          : Math.ceil(0.55 * d) + 10;
    const where = p.stockAt ?? (['BER', 'AMS', 'MAD'] as WarehouseCode[]);
    const split = apportion(start, shares(rng, where.length));
    initial.set(p.sku, new Map(where.map((w, i) => [w, Math.max(1, split[i])])));
    for (const [daysAgo, fraction] of receiptDays[kind]) {
      const at = dayAt(daysAgo);
      if (!receiptTimes.has(at)) receiptTimes.set(at, `PO-${po++}`);
      const units = Math.ceil(fraction * d) + (kind === 'normal' ? 5 : 0);
      // A product nobody orders in a small plan (tests seed fewer orders) gets no empty receipt: a zero adjustment is refused.
      if (units > 0) receipts.push({ at, sku: p.sku, warehouse: where[0], units, reference: receiptTimes.get(at)! });
    }
  }
  receipts.sort((a, b) => a.at - b.at || a.sku.localeCompare(b.sku));
  return { initial, receipts };
}
