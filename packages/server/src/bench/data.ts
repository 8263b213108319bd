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
 * millisecond precision. Orders and lines are written by one statement.
 */
export async function loadOrders(pool: Pool, channelId: string, orders: number, customers: number): Promise<{ orders: number; lines: number; customers: number }> {
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
       select gen_random_uuid(), 'B' || o.n, $2::uuid, md5('bench-customer-' || (1 + o.n % $3::int))::uuid,
              o.status,
              case when o.status = 'ON_HOLD' then 'PENDING'::order_status end,
              case when o.status = 'ON_HOLD' then 'bench' end,
              (case when o.status in ('CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED') then 'PAID' else 'UNPAID' end)::payment_status,
              'EUR', o.subtotal, 0, o.subtotal,
              case when o.status in ('CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED') then o.subtotal else 0 end, 0,
              'Bulk Customer', 'Bulk Street 1', 'Berlin', '10115', 'DE', o.placed_at, o.placed_at
       from orders o
       returning id, number
     )
     insert into order_line (id, order_id, line_no, product_id, sku, name, quantity, unit_price_amount, currency, quantity_shipped, quantity_returned)
     select gen_random_uuid(), ins.id, l.line_no, l.product_id, l.sku, l.name, l.quantity, l.price_amount, 'EUR', 0, 0
     from lines l join ins on ins.number = 'B' || l.n`,
    [orders, channelId, customers],
  );
  await pool.query('analyze');
  return { orders, lines: r.rowCount ?? 0, customers: c.rowCount ?? 0 };
}
