/**
 * The SQL of order placement, built here once so that the server and the benchmark's floor send
 * exactly the same statements: read the products, lock their stock rows, then write the customer,
 * the order, its lines, allocations, history entry, stream events and the reserved stock in ONE statement
 * (data-modifying CTEs; foreign keys are checked at the end of the statement).
 * Placeholders are PostgreSQL's $1, $2, ...
 */
import { customerUpsertSql } from '../customer';

export interface Statement {
  text: string;
  values: unknown[];
}

class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v === undefined ? null : v);
    return `$${this.values.length}`;
  }
  row(values: unknown[]): string {
    return `(${values.map((v) => this.add(v)).join(', ')})`;
  }
}

const list = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `$${from + i}`).join(', ');

/** Serialises retries of one (channel, externalId) to the end of the transaction; the unique index is the backstop. */
export function lockExternalId(channelId: string, externalId: string): Statement {
  return { text: 'select pg_advisory_xact_lock(hashtext($1))', values: [`order:${channelId}:${externalId}`] };
}

/** The order already placed with this (channel, externalId), if any. */
export function orderWithExternalId(channelId: string, externalId: string): Statement {
  return { text: 'select id from "order" where channel_id = $1 and external_id = $2', values: [channelId, externalId] };
}

/**
 * Reads the ordered products and locks their stock rows, in one statement. The lock is taken in
 * a materialized CTE ordered by the stock row's primary key, so concurrent placements queue
 * instead of deadlocking. One row per (product, stock row); stock columns are null for a product
 * without stock rows; unknown SKUs are absent.
 */
export function readProductsAndLockStock(skus: string[]): Statement {
  return {
    text: `with p as (
        select id, sku, name, price_amount, currency, allow_backorder from product where sku in (${list(skus.length)})
      ), s as materialized (
        select s.id, s.product_id, s.warehouse_id, s.on_hand, s.reserved from stock_level s
        where s.product_id in (select id from p) order by s.id for update of s
      )
      select p.id, p.sku, p.name, p.price_amount, p.currency, p.allow_backorder,
        s.id as stock_id, s.warehouse_id, s.on_hand, s.reserved, w.priority, w.code
      from p left join s on s.product_id = p.id left join warehouse w on w.id = s.warehouse_id`,
    values: skus,
  };
}

export interface ProductRow {
  id: string;
  sku: string;
  name: string;
  price_amount: number;
  currency: string;
  allow_backorder: boolean;
}
export interface StockRow {
  id: string;
  product_id: string;
  warehouse_id: string;
  on_hand: number;
  reserved: number;
  priority: number;
  code: string;
}

/** Splits the rows of readProductsAndLockStock into products and locked stock rows. */
export function splitProductsAndStock(
  rows: (ProductRow & {
    stock_id: string | null;
    warehouse_id: string | null;
    on_hand: number | null;
    reserved: number | null;
    priority: number | null;
    code: string | null;
  })[],
) {
  const products = new Map<string, ProductRow>();
  const stock: StockRow[] = [];
  for (const r of rows) {
    products.set(r.id, {
      id: r.id,
      sku: r.sku,
      name: r.name,
      price_amount: r.price_amount,
      currency: r.currency,
      allow_backorder: r.allow_backorder,
    });
    if (r.stock_id)
      stock.push({
        id: r.stock_id,
        product_id: r.id,
        warehouse_id: r.warehouse_id!,
        on_hand: r.on_hand!,
        reserved: r.reserved!,
        priority: r.priority!,
        code: r.code!,
      });
  }
  return { products: [...products.values()], stock };
}

type Row = Record<string, unknown>;

export interface PlacementWrite {
  customer: { email: string; name?: string | null };
  /** Columns of the order row except number (from the sequence) and customer_id (from the upsert). */
  order: Row;
  lines: Row[];
  allocations: Row[];
  history: Row[];
  /** Stream events (modules/events): written in the same statement, like everything else. */
  events: Row[];
  /** New reserved values of the locked stock rows. */
  stock: { id: string; reserved: number }[];
}

function insert(p: Params, table: string, rows: Row[], extra: Record<string, string> = {}): string {
  const columns = Object.keys(rows[0]);
  const extraColumns = Object.keys(extra);
  const values = rows.map((r) => {
    const own = columns.map((c) => p.add(r[c]));
    return `(${[...own, ...extraColumns.map((c) => extra[c])].join(', ')})`;
  });
  return `insert into "${table}" (${[...columns, ...extraColumns].map((c) => `"${c}"`).join(', ')}) values ${values.join(', ')}`;
}

/** One statement that writes a placed order; returns its number and customer id. */
export function writePlacement(w: PlacementWrite): Statement {
  const p = new Params();
  const ctes: string[] = [];
  ctes.push(`c as (${customerUpsertSql(p.add(w.customer.email), p.add(w.customer.name ?? null))})`);
  ctes.push(
    `o as (${insert(p, 'order', [w.order], { number: "nextval('order_number_seq')::text", customer_id: '(select id from c)' })} returning number, customer_id)`,
  );
  ctes.push(`l as (${insert(p, 'order_line', w.lines)})`);
  if (w.allocations.length) ctes.push(`a as (${insert(p, 'stock_allocation', w.allocations)})`);
  ctes.push(`h as (${insert(p, 'order_history', w.history)})`);
  if (w.events.length) {
    // The payload gets the order number, which only the sequence (in CTE o) knows; the resource
    // (the order as placed, order-resource.ts) the number and the customer as the upsert (CTE c)
    // leaves it: its name is the one given, or the one it had (the statement reads the table as it was before).
    const email = p.add(w.customer.email);
    const name = p.add(w.customer.name ?? null);
    const customer = `jsonb_build_object('id', (select id from c), 'email', ${email}::text, 'name', coalesce(${name}::text, (select name from customer where email = ${email}::text)))`;
    const rows = w.events.map(
      (e) =>
        `(${p.add(e.id)}::uuid, ${p.add(e.type)}, ${p.add(e.aggregate_type)}, ${p.add(e.aggregate_id)}::uuid, ${p.add(e.channel_id)}::uuid, ` +
        `${p.add(e.payload)}::jsonb || jsonb_build_object('number', (select number from o)), ` +
        `${p.add(e.resource ?? null)}::jsonb || jsonb_build_object('number', (select number from o), 'customer', ${customer}), ` +
        `${p.add(e.actor)}, ${p.add(e.occurred_at)}::timestamptz)`,
    );
    ctes.push(
      `e as (insert into domain_event (id, type, aggregate_type, aggregate_id, channel_id, payload, resource, actor, occurred_at) values ${rows.join(', ')})`,
    );
  }
  if (w.stock.length) {
    ctes.push(`s as (update stock_level st set reserved = v.reserved, updated_at = now()
      from (values ${w.stock.map((s) => `(${p.add(s.id)}::uuid, ${p.add(s.reserved)}::int)`).join(', ')}) as v(id, reserved) where st.id = v.id)`);
  }
  return { text: `with ${ctes.join(',\n')}\nselect number, customer_id from o`, values: p.values };
}
