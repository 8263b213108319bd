/**
 * The pgbench floor: placeOrder's statements run by PostgreSQL's own load generator
 * (`pgbench -M prepared`, C, one connection per client), so neither Node nor the pg driver is in
 * the way. One transaction per order, as the server and the node floor:
 *
 *   BEGIN;
 *   readProductsAndLockStock: the very text of modules/order/order-placement.sql.ts (3 SKUs);
 *   one write statement: customer upsert, order (number from the sequence), 3 lines, 3 allocations,
 *     1 history entry, 1 stream event, 3 stock rows reserved: the rows writePlacement writes,
 *     with the sourcing (the first warehouse by priority) done in SQL instead of in JS, since
 *     pgbench cannot compute between statements;
 *   COMMIT;
 *
 * SKUs (3 distinct), quantities (1-3) and customers are random, like the other paths.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readProductsAndLockStock } from '../modules/order/order-placement.sql';

/** pgbench on PATH, or in the usual Debian/Ubuntu places; undefined when there is none. */
export function findPgbench(): string | undefined {
  const candidates = [
    ...(process.env.PATH ?? '')
      .split(':')
      .filter(Boolean)
      .map((d) => path.join(d, 'pgbench')),
    ...['18', '17', '16', '15', '14'].map((v) => `/usr/lib/postgresql/${v}/bin/pgbench`),
  ];
  return candidates.find((p) => {
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** A string literal pgbench leaves alone: it would take ":name" inside quotes for a variable. */
const literal = (v: string) =>
  v
    .split(':')
    .map((part) => `'${part.replace(/'/g, "''")}'`)
    .join(' || chr(58) || ');

const sku = (v: string) => `'SKU-' || lpad(:${v}::text, 4, '0')`;

/** The pgbench script of one order over `products` products (SKU-0001..) and `customers` customers. */
export function pgbenchScript(products: number, customers: number, actor: string): string {
  const read = readProductsAndLockStock(['$1', '$2', '$3'])
    .text.replace(/\$1\b/, sku('s1'))
    .replace(/\$2\b/, sku('s2'))
    .replace(/\$3\b/, sku('s3'))
    .replace(/\s+/g, ' ');
  const write = `with ch as (select id, code, currency from channel where code = 'WEB'),
  x as materialized (
    select v.line_no, v.qty, p.id as product_id, p.sku, p.name, p.price_amount, gen_random_uuid() as line_id,
      (select s.id from stock_level s join warehouse w on w.id = s.warehouse_id where s.product_id = p.id and s.on_hand - s.reserved >= v.qty order by w.priority, w.code limit 1) as stock_id
    from (values (1, ${sku('s1')}, :q1::int), (2, ${sku('s2')}, :q2::int), (3, ${sku('s3')}, :q3::int)) as v(line_no, sku, qty) join product p on p.sku = v.sku
  ),
  ids as materialized (select gen_random_uuid() as order_id, gen_random_uuid() as history_id, (select sum(price_amount * qty) from x)::int as subtotal, now() as at),
  c as (insert into customer (id, email, name, created_at) values (gen_random_uuid(), 'customer-' || :c::int || '@bench.example', 'Customer ' || :c::int, now())
    on conflict (email) do update set name = coalesce(excluded.name, customer.name) returning id),
  o as (insert into "order" (id, channel_id, external_id, status, status_before_hold, hold_reason, cancel_reason, payment_status, currency,
      subtotal_amount, shipping_amount, total_amount, paid_amount, refunded_amount, ship_name, ship_line1, ship_line2, ship_city, ship_postal_code,
      ship_country, note, placed_at, updated_at, number, customer_id)
    select ids.order_id, ch.id, null, 'PENDING', null, null, null, 'UNPAID', ch.currency, ids.subtotal, 0, ids.subtotal, 0, 0,
      'Customer ' || :c::int, (1 + :c::int % 200) || ' Bench Street', null, 'Berlin', '10115', 'DE', null, ids.at, ids.at, nextval('order_number_seq')::text, (select id from c)
    from ids, ch returning id, number, customer_id),
  l as (insert into order_line (id, order_id, line_no, product_id, sku, name, quantity, unit_price_amount, currency, quantity_shipped, quantity_returned)
    select x.line_id, ids.order_id, x.line_no, x.product_id, x.sku, x.name, x.qty, x.price_amount, ch.currency, 0, 0 from x, ids, ch),
  a as (insert into stock_allocation (id, order_line_id, warehouse_id, quantity, quantity_shipped, quantity_returned, created_at)
    select gen_random_uuid(), x.line_id, s.warehouse_id, x.qty, 0, 0, ids.at from x join stock_level s on s.id = x.stock_id, ids),
  h as (insert into order_history (id, order_id, type, from_status, to_status, message, actor, at)
    select ids.history_id, ids.order_id, 'PLACED', null, 'PENDING', 'Order placed in ' || ch.code, ${literal(actor)}, ids.at from ids, ch),
  e as (insert into domain_event (id, type, aggregate_type, aggregate_id, channel_id, payload, actor, occurred_at)
    select gen_random_uuid(), 'order.placed', 'order', ids.order_id, ch.id,
      jsonb_build_object('orderId', ids.order_id, 'channelId', ch.id, 'historyId', ids.history_id, 'historyType', 'PLACED', 'status', 'PENDING',
        'fromStatus', null, 'toStatus', 'PENDING', 'paymentStatus', 'UNPAID', 'total', ids.subtotal, 'currency', ch.currency,
        'message', 'Order placed in ' || ch.code, 'primary', true, 'number', (select number from o)),
      ${literal(actor)}, ids.at from ids, ch),
  s as (update stock_level st set reserved = st.reserved + x.qty, updated_at = now() from x where st.id = x.stock_id)
  select number, customer_id from o`.replace(/\s+/g, ' ');
  return [
    `\\set n ${products}`,
    '\\set s1 random(1, :n)',
    '\\set d2 random(1, :n - 1)',
    '\\set d3 random(1, :n - 2)',
    '\\set d3 CASE WHEN :d3 >= :d2 THEN :d3 + 1 ELSE :d3 END',
    '\\set s2 ((:s1 - 1 + :d2) % :n) + 1',
    '\\set s3 ((:s1 - 1 + :d3) % :n) + 1',
    '\\set q1 random(1, 3)',
    '\\set q2 random(1, 3)',
    '\\set q3 random(1, 3)',
    `\\set c random(0, ${customers - 1})`,
    'BEGIN;',
    `${read};`,
    `${write};`,
    'COMMIT;',
    '',
  ].join('\n');
}

export interface PgbenchResult {
  tps: number;
  transactions: number;
  failed: number;
  latencyMs: number;
  seconds: number;
}

/** Runs pgbench with the script for `seconds`; resolves with its figures (tps without connection time). */
export function runPgbench(
  bin: string,
  databaseUrl: string,
  script: string,
  opts: { clients: number; seconds: number; threads?: number },
): Promise<PgbenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-pgbench-'));
  const file = path.join(dir, 'place-order.sql');
  fs.writeFileSync(file, script);
  const args = [
    '-n',
    '-M',
    'prepared',
    '-c',
    String(opts.clients),
    '-j',
    String(opts.threads ?? 2),
    '-T',
    String(opts.seconds),
    '-f',
    file,
    databaseUrl,
  ];
  return new Promise((resolve, reject) => {
    execFile(bin, args, { maxBuffer: 10 * 1024 * 1024 }, (err, stdout, stderr) => {
      fs.rmSync(dir, { recursive: true, force: true });
      const text = `${stdout}\n${stderr}`;
      const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(text);
      const processed = /number of transactions actually processed: (\d+)/.exec(text);
      if (err || !tps || !processed) {
        reject(
          new Error(
            `pgbench failed (exit ${err?.code ?? 0}): ${stderr.split('\n').filter(Boolean).slice(0, 5).join(' | ').slice(0, 800)}`,
          ),
        );
        return;
      }
      const failedTx = /number of failed transactions: (\d+)/.exec(text);
      const latency = /latency average = ([\d.]+) ms/.exec(text);
      resolve({
        tps: Number(tps[1]),
        transactions: Number(processed[1]),
        failed: failedTx ? Number(failedTx[1]) : 0,
        latencyMs: latency ? Number(latency[1]) : NaN,
        seconds: opts.seconds,
      });
    });
  });
}
