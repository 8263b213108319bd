/** Bulk data for the benchmark, written with SQL (setup only: nothing here is measured). */
import type { Pool } from 'pg';

export const skuOf = (i: number) => `SKU-${String(i + 1).padStart(4, '0')}`;

/** `count` products SKU-0001.. priced 1.00 to 99.99 EUR, and `onHand` units of each in every warehouse. */
export async function loadCatalog(pool: Pool, count: number, onHand: number): Promise<void> {
  await pool.query(
    `insert into product (id, sku, name, price_amount, currency, allow_backorder, created_at, updated_at)
     select gen_random_uuid(), 'SKU-' || lpad(i::text, 4, '0'), 'Bench product ' || i, 100 + (i * 37) % 9900, 'EUR', false, now(), now()
     from generate_series(1, $1::int) i`,
    [count],
  );
  await pool.query(
    `insert into stock_level (id, product_id, warehouse_id, on_hand, reserved, updated_at)
     select gen_random_uuid(), p.id, w.id, $1::int, 0, now() from product p cross join warehouse w`,
    [onHand],
  );
}

/**
 * `orders` orders numbered B1..Bn with 2 or 3 lines each (distinct SKUs), over `customers`
 * customers, statuses mixed (15% CONFIRMED), placed_at spread over the last 90 days at
 * millisecond precision. Orders and lines are written by one statement; a line finds its order's
 * id from the order's number (md5 of it), not by joining the inserted orders, whose row count the
 * planner cannot know (a nested loop over 100,000 orders and 250,000 lines never finished).
 */
export async function loadOrders(
  pool: Pool,
  channelId: string,
  orders: number,
  customers: number,
): Promise<{ orders: number; lines: number; customers: number }> {
  const c = await pool.query(
    `insert into customer (id, email, name, created_at)
     select md5('bench-customer-' || i)::uuid, 'bulk-' || i || '@bench.example', 'Bulk Customer ' || i, now() - interval '100 days'
     from generate_series(1, $1::int) i`,
    [customers],
  );
  const r = await pool.query(
    `with prod as (
       select (row_number() over (order by sku) - 1)::int as rn, id, sku, name, price_amount from product
     ), n_prod as (
       select count(*)::int as n from prod
     ), lines as (
       select g.n, k.k as line_no, p.id as product_id, p.sku, p.name, p.price_amount, 1 + (g.n + k.k) % 3 as quantity
       from generate_series(1, $1::int) g(n)
       cross join lateral generate_series(1, 2 + g.n % 2) k(k)
       join prod p on p.rn = (g.n * 7 + k.k * 331) % (select n from n_prod)
     ), orders as (
       select n, sum(price_amount * quantity)::int as subtotal,
              date_trunc('milliseconds', now() - random() * interval '90 days') as placed_at,
              (case
                 when n % 20 < 2 then 'PENDING' when n % 20 = 2 then 'ON_HOLD'
                 when n % 20 < 6 then 'CONFIRMED' when n % 20 = 6 then 'PARTIALLY_SHIPPED'
                 when n % 20 < 10 then 'SHIPPED' when n % 20 < 17 then 'DELIVERED'
                 when n % 20 < 19 then 'CANCELLED' else 'RETURNED'
               end)::order_status as status
       from lines group by n
     ), ins as (
       insert into "order" (id, number, channel_id, customer_id, status, status_before_hold, hold_reason, payment_status, currency,
                            subtotal_amount, shipping_amount, total_amount, paid_amount, refunded_amount,
                            ship_name, ship_line1, ship_city, ship_postal_code, ship_country, placed_at, updated_at)
       select md5('bench-order-B' || o.n)::uuid, 'B' || o.n, $2::uuid, md5('bench-customer-' || (1 + o.n % $3::int))::uuid,
              o.status,
              case when o.status = 'ON_HOLD' then 'PENDING'::order_status end,
              case when o.status = 'ON_HOLD' then 'bench' end,
              (case when o.status in ('CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED') then 'PAID' else 'UNPAID' end)::payment_status,
              'EUR', o.subtotal, 0, o.subtotal,
              case when o.status in ('CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED') then o.subtotal else 0 end, 0,
              'Bulk Customer', 'Bulk Street 1', 'Berlin', '10115', 'DE', o.placed_at, o.placed_at
       from orders o
     )
     insert into order_line (id, order_id, line_no, product_id, sku, name, quantity, unit_price_amount, currency, quantity_shipped, quantity_returned)
     select gen_random_uuid(), md5('bench-order-B' || l.n)::uuid, l.line_no, l.product_id, l.sku, l.name, l.quantity, l.price_amount, 'EUR', 0, 0
     from lines l`,
    [orders, channelId, customers],
  );
  await pool.query('analyze');
  return { orders, lines: r.rowCount ?? 0, customers: c.rowCount ?? 0 };
}

// ---------------------------------------------------------------------------------------------
// A shop's history at scale (`pnpm bench:million`, and tests that need many rows): customers
// with realistic names, orders spread over time whose status follows their age, 1 to 4 lines,
// an order history that leads to the status, and external ids on marketplace channels. Every
// table is filled by one `insert ... select generate_series` on the server: no row travels
// through Node, and values are derived from the row number (hashint8), so a run is repeatable.

const FIRST_NAMES = [
  'Anna',
  'Ben',
  'Clara',
  'David',
  'Emma',
  'Felix',
  'Greta',
  'Hannah',
  'Ivan',
  'Julia',
  'Karl',
  'Lena',
  'Max',
  'Nina',
  'Oskar',
  'Paula',
  'Quentin',
  'Rosa',
  'Simon',
  'Tina',
  'Uwe',
  'Vera',
  'Walter',
  'Xenia',
  'Yusuf',
  'Zoe',
  'Amelie',
  'Bruno',
  'Chiara',
  'Dominik',
  'Elif',
  'Finn',
  'Gabriel',
  'Helena',
  'Ida',
  'Jonas',
  'Katrin',
  'Lukas',
  'Mia',
  'Noah',
  'Olivia',
  'Peter',
  'Rahel',
  'Sofia',
  'Theo',
  'Ulrike',
  'Valentin',
  'Wiebke',
  'Yara',
  'Zeynep',
];
const LAST_NAMES = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Braun',
  'Zimmermann',
  'Hartmann',
  'Krüger',
  'Lange',
  'Werner',
  'Krause',
  'Lehmann',
  'Köhler',
  'Maier',
  'Herrmann',
  'Walter',
  'König',
  'Mayer',
  'Huber',
  'Kaiser',
  'Fuchs',
  'Peters',
  'Lang',
  'Scholz',
  'Möller',
  'Weiß',
  'Jung',
  'Hahn',
  'Vogel',
  'Friedrich',
  'Keller',
  'Günther',
  'Frank',
  'Berger',
  'Winkler',
  'Roth',
  'Beck',
  'Lorenz',
  'Baumann',
  'Franke',
  'Albrecht',
  'Ludwig',
  'Simon',
  'Böhm',
  'Winter',
  'Kraus',
  'Martin',
];
const MAIL_DOMAINS = [
  'example.com',
  'mail.example',
  'post.example',
  'web.example',
  'shop-mail.example',
  'inbox.example',
];

const sqlArray = (xs: string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(', ')}]`;
/** A non-negative pseudo-random integer of a row number and a salt. */
const h = (expr: string, salt: number) => `abs(hashint8((${expr})::bigint * 7919 + ${salt})::bigint)`;

export interface GenerateOptions {
  orders: number;
  /** Distinct customers the orders are spread over. */
  customers: number;
  /** Channel ids, the first the busiest (about half the orders); orders of every other channel carry an external id. */
  channelIds: string[];
  /** Orders are placed evenly over this many days up to now (with jitter). */
  days: number;
  /** Progress lines (each step and its seconds). */
  log?: (s: string) => void;
}

export interface Generated {
  orders: number;
  lines: number;
  customers: number;
  history: number;
  seconds: { customers: number; orders: number; lines: number; history: number; analyze: number };
}

/** `count` customers `Anna Müller` .. with unique e-mails `anna.mueller.<i>@<domain>`. */
async function generateCustomers(pool: Pool, count: number): Promise<number> {
  const r = await pool.query(
    `insert into customer (id, email, name, created_at)
     select md5('gen-customer-' || i)::uuid,
            lower(translate(f, 'äöüßé', 'aousé') || '.' || translate(l, 'äöüßÄÖÜ', 'aousAOU')) || '.' || i || '@' || d,
            f || ' ' || l, now() - interval '800 days'
       from generate_series(1, $1::int) i,
            lateral (select (${sqlArray(FIRST_NAMES)})[1 + ${h('i', 1)} % ${FIRST_NAMES.length}] as f,
                            (${sqlArray(LAST_NAMES)})[1 + ${h('i', 2)} % ${LAST_NAMES.length}] as l,
                            (${sqlArray(MAIL_DOMAINS)})[1 + ${h('i', 3)} % ${MAIL_DOMAINS.length}] as d) x
     on conflict (email) do nothing`,
    [count],
  );
  return r.rowCount ?? 0;
}

/**
 * The status of order n placed `age` days ago: recent orders are still being worked on, old ones
 * are mostly delivered (a few cancelled, returned, or stuck in CONFIRMED or ON_HOLD).
 */
const STATUS_BY_AGE = (n: string, age: string) => `(case
  when ${age} < 1 then (case when ${h(n, 4)} % 1000 < 350 then 'PENDING' when ${h(n, 4)} % 1000 < 380 then 'ON_HOLD'
    when ${h(n, 4)} % 1000 < 800 then 'CONFIRMED' when ${h(n, 4)} % 1000 < 830 then 'PARTIALLY_SHIPPED'
    when ${h(n, 4)} % 1000 < 960 then 'SHIPPED' else 'CANCELLED' end)
  when ${age} < 7 then (case when ${h(n, 4)} % 1000 < 10 then 'PENDING' when ${h(n, 4)} % 1000 < 30 then 'ON_HOLD'
    when ${h(n, 4)} % 1000 < 80 then 'CONFIRMED' when ${h(n, 4)} % 1000 < 110 then 'PARTIALLY_SHIPPED'
    when ${h(n, 4)} % 1000 < 550 then 'SHIPPED' when ${h(n, 4)} % 1000 < 920 then 'DELIVERED'
    when ${h(n, 4)} % 1000 < 970 then 'CANCELLED' else 'RETURNED' end)
  else (case when ${h(n, 4)} % 1000 < 3 then 'ON_HOLD' when ${h(n, 4)} % 1000 < 8 then 'CONFIRMED'
    when ${h(n, 4)} % 1000 < 900 then 'DELIVERED' when ${h(n, 4)} % 1000 < 960 then 'CANCELLED' else 'RETURNED' end)
end)::order_status`;

/** How many lines order n has: 1 (40%), 2 (30%), 3 (20%) or 4 (10%). */
const LINE_COUNT = (n: string) =>
  `(case when ${h(n, 5)} % 10 < 4 then 1 when ${h(n, 5)} % 10 < 7 then 2 when ${h(n, 5)} % 10 < 9 then 3 else 4 end)`;
/** The product (1-based, by sku) of line k of order n; distinct per order for k <= 4 when there are 1,000 products or fewer. */
const PRODUCT_OF = (n: string, k: string, np: string) => `(1 + (${h(n, 6)} + ${k} * 331) % ${np})`;

/**
 * The history each final status has: (step, type, from, to, hours after placing). Held orders
 * were held from PENDING; cancelled ones from PENDING.
 */
const HISTORY_PATHS = `(values
  ('PENDING', 1, 'PLACED', null, 'PENDING', 0),
  ('ON_HOLD', 1, 'PLACED', null, 'PENDING', 0), ('ON_HOLD', 2, 'STATUS_CHANGED', 'PENDING', 'ON_HOLD', 2),
  ('CONFIRMED', 1, 'PLACED', null, 'PENDING', 0), ('CONFIRMED', 2, 'STATUS_CHANGED', 'PENDING', 'CONFIRMED', 1),
  ('PARTIALLY_SHIPPED', 1, 'PLACED', null, 'PENDING', 0), ('PARTIALLY_SHIPPED', 2, 'STATUS_CHANGED', 'PENDING', 'CONFIRMED', 1),
  ('PARTIALLY_SHIPPED', 3, 'STATUS_CHANGED', 'CONFIRMED', 'PARTIALLY_SHIPPED', 6),
  ('SHIPPED', 1, 'PLACED', null, 'PENDING', 0), ('SHIPPED', 2, 'STATUS_CHANGED', 'PENDING', 'CONFIRMED', 1),
  ('SHIPPED', 3, 'STATUS_CHANGED', 'CONFIRMED', 'SHIPPED', 8),
  ('DELIVERED', 1, 'PLACED', null, 'PENDING', 0), ('DELIVERED', 2, 'STATUS_CHANGED', 'PENDING', 'CONFIRMED', 1),
  ('DELIVERED', 3, 'STATUS_CHANGED', 'CONFIRMED', 'SHIPPED', 20), ('DELIVERED', 4, 'STATUS_CHANGED', 'SHIPPED', 'DELIVERED', 72),
  ('CANCELLED', 1, 'PLACED', null, 'PENDING', 0), ('CANCELLED', 2, 'STATUS_CHANGED', 'PENDING', 'CANCELLED', 3),
  ('RETURNED', 1, 'PLACED', null, 'PENDING', 0), ('RETURNED', 2, 'STATUS_CHANGED', 'PENDING', 'CONFIRMED', 1),
  ('RETURNED', 3, 'STATUS_CHANGED', 'CONFIRMED', 'SHIPPED', 20), ('RETURNED', 4, 'STATUS_CHANGED', 'SHIPPED', 'DELIVERED', 72),
  ('RETURNED', 5, 'STATUS_CHANGED', 'DELIVERED', 'RETURNED', 240)
) as p(final, step, type, from_status, to_status, hours)`;

/**
 * Generates a shop's orders with SQL only (setup for benchmarks and scale tests): customers,
 * orders numbered from order_number_seq (moved past them), their lines over the existing
 * products, and their history; then ANALYZE. Needs at least one product.
 */
export async function generateOrders(pool: Pool, o: GenerateOptions): Promise<Generated> {
  const log = o.log ?? (() => undefined);
  const seconds = { customers: 0, orders: 0, lines: 0, history: 0, analyze: 0 };
  const timed = async <T>(key: keyof typeof seconds, fn: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    const r = await fn();
    seconds[key] = (Date.now() - t0) / 1000;
    log(`${key}: ${seconds[key].toFixed(1)} s`);
    return r;
  };
  const customers = await timed('customers', () => generateCustomers(pool, o.customers));
  const [{ n: products }] = (await pool.query('select count(*)::int as n from product')).rows;
  if (!products) throw new Error('generateOrders needs products');
  const [{ start }] = (await pool.query(`select nextval('order_number_seq') as start`)).rows;
  const age = `(${o.days}::float8 * (1 - n::float8 / $1::int))`;

  // Orders, their totals from their lines (computed again, alike, when the lines are written).
  await timed('orders', () =>
    pool.query(
      `with prod as materialized (select array_agg(price_amount order by sku) as prices from product),
     base as (
       select n, $2::uuid[] as channels,
              date_trunc('milliseconds', now() - (${age} * interval '1 day') - (${h('n', 7)} % 3600) * interval '1 second') as placed_at,
              ${STATUS_BY_AGE('n', age)} as status,
              (select sum(prod.prices[${PRODUCT_OF('n', 'k', String(products))}] * (1 + ${h('n', 8)} % 3))::int
                 from generate_series(1, ${LINE_COUNT('n')}) k, prod) as subtotal,
              floor(array_length($2::uuid[], 1) * power((${h('n', 9)} % 1000) / 1000.0, 2))::int + 1 as ch
         from generate_series(1, $1::int) n
     )
     insert into "order" (id, number, channel_id, external_id, customer_id, status, status_before_hold, hold_reason, cancel_reason, payment_status, currency,
                          subtotal_amount, shipping_amount, total_amount, paid_amount, refunded_amount,
                          ship_name, ship_line1, ship_city, ship_postal_code, ship_country, placed_at, updated_at, tags)
     select md5('gen-order-' || b.n)::uuid, ($4::bigint + b.n - 1)::text, b.channels[b.ch],
            case when b.ch > 1 then lpad((${h('b.n', 10)} % 1000)::text, 3, '0') || '-' || lpad(b.n::text, 7, '0') || '-' || lpad((${h('b.n', 11)} % 10000000)::text, 7, '0') end,
            md5('gen-customer-' || (1 + ${h('b.n', 12)} % $3::int))::uuid,
            b.status,
            case when b.status = 'ON_HOLD' then 'PENDING'::order_status end,
            case when b.status = 'ON_HOLD' then 'Address check' end,
            case when b.status = 'CANCELLED' then 'Customer request' end,
            (case when b.status in ('PENDING', 'ON_HOLD', 'CANCELLED') then 'UNPAID' when b.status = 'RETURNED' then 'REFUNDED' else 'PAID' end)::payment_status,
            'EUR', b.subtotal, 495, b.subtotal + 495,
            case when b.status in ('PENDING', 'ON_HOLD', 'CANCELLED') then 0 else b.subtotal + 495 end,
            case when b.status = 'RETURNED' then b.subtotal + 495 else 0 end,
            'Customer ' || b.n, 'Hauptstraße ' || (1 + b.n % 200), 'Berlin', lpad((10000 + b.n % 90000)::text, 5, '0'), 'DE',
            b.placed_at,
            least(now(), b.placed_at + (case b.status when 'PENDING' then 0 when 'ON_HOLD' then 2 when 'CONFIRMED' then 1
              when 'PARTIALLY_SHIPPED' then 6 when 'SHIPPED' then 8 when 'DELIVERED' then 72 when 'CANCELLED' then 3 else 240 end) * interval '1 hour'),
            case when ${h('b.n', 13)} % 50 = 0 then array['vip'] else '{}'::text[] end
       from base b`,
      [o.orders, o.channelIds, o.customers, start],
    ),
  );
  await pool.query(`select setval('order_number_seq', $1::bigint)`, [BigInt(start) + BigInt(o.orders)]);

  const lines = await timed(
    'lines',
    async () =>
      (
        await pool.query(
          `with prod as materialized (select array_agg(id order by sku) as ids, array_agg(sku order by sku) as skus, array_agg(name order by sku) as names,
                          array_agg(price_amount order by sku) as prices from product)
     insert into order_line (id, order_id, line_no, product_id, sku, name, quantity, unit_price_amount, currency, quantity_shipped, quantity_returned)
     select md5('gen-line-' || n || '-' || k)::uuid, md5('gen-order-' || n)::uuid, k,
            prod.ids[p], prod.skus[p], prod.names[p], 1 + ${h('n', 8)} % 3, prod.prices[p], 'EUR', 0, 0
       from generate_series(1, $1::int) n
       cross join lateral generate_series(1, ${LINE_COUNT('n')}) k
       cross join prod
       cross join lateral (select ${PRODUCT_OF('n', 'k', String(products))} as p) x`,
          [o.orders],
        )
      ).rowCount ?? 0,
  );

  const history = await timed(
    'history',
    async () =>
      (
        await pool.query(
          `insert into order_history (id, order_id, type, from_status, to_status, message, actor, at)
     select md5('gen-history-' || o.id || '-' || p.step)::uuid, o.id, p.type::order_event_type, p.from_status::order_status, p.to_status::order_status,
            case when p.step = 1 then 'Order placed' end, 'system:generator', least(now(), o.placed_at + p.hours * interval '1 hour')
       from "order" o
       cross join lateral (select * from ${HISTORY_PATHS} where p.final = o.status::text order by p.step) p
      where o.id = any(select md5('gen-order-' || n)::uuid from generate_series(1, $1::int) n)`,
          [o.orders],
        )
      ).rowCount ?? 0,
  );

  await timed('analyze', () => pool.query('vacuum analyze customer, "order", order_line, order_history'));
  return { orders: o.orders, lines, customers, history, seconds };
}
