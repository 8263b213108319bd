/**
 * The SQL of order placement, built here once so that the server and the benchmark's floor send
 * exactly the same statements: read the products, lock their stock rows, then write the customer,
 * the order, its lines, allocations, history entry and the reserved stock in ONE statement
 * (data-modifying CTEs; foreign keys are checked at the end of the statement).
 * Placeholders are PostgreSQL's $1, $2, ...
 */

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

export function selectProducts(skus: string[]): Statement {
  return { text: `select id, sku, name, price_amount, currency, allow_backorder from product where sku in (${list(skus.length)})`, values: skus };
}

/** Locks the stock rows of these products in primary-key order (no deadlocks), with their warehouse's sourcing rank. */
export function lockStock(productIds: string[]): Statement {
  return {
    text: `select s.id, s.product_id, s.warehouse_id, s.on_hand, s.reserved, w.priority, w.code
      from stock_level s join warehouse w on w.id = s.warehouse_id
      where s.product_id in (${list(productIds.length)}) order by s.id for update of s`,
    values: productIds,
  };
}

export interface StockRow { id: string; product_id: string; warehouse_id: string; on_hand: number; reserved: number; priority: number; code: string }

type Row = Record<string, unknown>;

export interface PlacementWrite {
  customer: { email: string; name?: string | null };
  /** Columns of the order row except number (from the sequence) and customer_id (from the upsert). */
  order: Row;
  lines: Row[];
  allocations: Row[];
  history: Row[];
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
  ctes.push(`c as (insert into customer (id, email, name, created_at) values (gen_random_uuid(), ${p.add(w.customer.email)}, ${p.add(w.customer.name ?? null)}, now())
    on conflict (email) do update set name = coalesce(excluded.name, customer.name) returning id)`);
  ctes.push(`o as (${insert(p, 'order', [w.order], { number: "nextval('order_number_seq')::text", customer_id: '(select id from c)' })} returning number, customer_id)`);
  ctes.push(`l as (${insert(p, 'order_line', w.lines)})`);
  if (w.allocations.length) ctes.push(`a as (${insert(p, 'stock_allocation', w.allocations)})`);
  ctes.push(`h as (${insert(p, 'order_history', w.history)})`);
  if (w.stock.length) {
    ctes.push(`s as (update stock_level st set reserved = v.reserved, updated_at = now()
      from (values ${w.stock.map((s) => `(${p.add(s.id)}::uuid, ${p.add(s.reserved)}::int)`).join(', ')}) as v(id, reserved) where st.id = v.id)`);
  }
  return { text: `with ${ctes.join(',\n')}\nselect number, customer_id from o`, values: p.values };
}
