/**
 * The floor: what placeOrder costs in the database alone. Same statements as the server issues
 * for one order (see OrderService.placeOrder and InventoryService.lockStock/allocate), sent
 * straight through the `pg` driver in one transaction, sourcing computed in JS the same way.
 * No HTTP, no GraphQL, no ORM, no authentication lookup.
 */
import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient, QueryResult } from 'pg';

export interface FloorOrder {
  channelCode: string;
  customer: { email: string; name: string };
  shippingAddress: { name: string; line1: string; city: string; postalCode: string; country: string };
  lines: { sku: string; quantity: number }[];
  actor: string;
}

interface StockRow { id: string; product_id: string; warehouse_id: string; on_hand: number; reserved: number }

/** Counts the statements the floor sends (begin and commit included). */
export const floorCounter = { statements: 0 };

export async function placeOrderFloor(pool: Pool, input: FloorOrder): Promise<{ id: string; number: string; total: number; currency: string }> {
  const conn: PoolClient = await pool.connect();
  const client = {
    query(text: string, params?: unknown[]): Promise<QueryResult<any>> {
      floorCounter.statements++;
      return conn.query(text, params as any[]);
    },
  };
  let failed = false;
  try {
    await client.query('begin');
    const { rows: [channel] } = await client.query('select "c0".* from "channel" as "c0" where "c0"."code" = $1 limit $2', [input.channelCode, 1]);
    if (!channel) throw new Error(`unknown channel ${input.channelCode}`);

    const skus = input.lines.map((l) => l.sku);
    const { rows: products } = await client.query('select "p0".* from "product" as "p0" where "p0"."sku" = any($1)', [skus]);
    const bySku = new Map<string, any>(products.map((p: any) => [p.sku, p]));
    for (const l of input.lines) if (!bySku.has(l.sku)) throw new Error(`unknown SKU ${l.sku}`);

    const { rows: warehouses } = await client.query('select "w0".* from "warehouse" as "w0" order by "w0"."priority" asc, "w0"."code" asc');
    const { rows: levels }: { rows: StockRow[] } = await client.query(
      'select "s0".* from "stock_level" as "s0" where "s0"."product_id" = any($1) order by "s0"."id" asc for update',
      [products.map((p: any) => p.id)],
    );
    const book = new Map<string, StockRow>(levels.map((l) => [`${l.product_id}:${l.warehouse_id}`, l]));
    const available = (productId: string, warehouseId: string) => {
      const l = book.get(`${productId}:${warehouseId}`);
      return l ? l.on_hand - l.reserved : 0;
    };

    const { rows: [customer] } = await client.query(
      `insert into customer (id, email, name, created_at) values (gen_random_uuid(), $1, $2, now())
       on conflict (email) do update set name = coalesce(excluded.name, customer.name)
       returning id`,
      [input.customer.email.trim().toLowerCase(), input.customer.name],
    );
    const { rows: [{ nextval }] } = await client.query("select nextval('order_number_seq')::text as nextval");

    const now = new Date();
    const orderId = randomUUID();
    const lines = input.lines.map((l, i) => {
      const p = bySku.get(l.sku);
      return { id: randomUUID(), lineNo: i + 1, product: p, quantity: l.quantity, unitPrice: p.price_amount as number };
    });
    const subtotal = lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0);

    // Sourcing, as InventoryService.allocate: the first warehouse that fills every line, else split by priority.
    const single = warehouses.find((w: any) => lines.every((l) => available(l.product.id, w.id) >= l.quantity));
    const plan: { lineId: string; level: StockRow; warehouseId: string; qty: number }[] = [];
    for (const l of lines) {
      let remaining = l.quantity;
      for (const w of single ? [single] : warehouses) {
        if (remaining === 0) break;
        const take = Math.min(remaining, available(l.product.id, w.id));
        if (take > 0) {
          plan.push({ lineId: l.id, level: book.get(`${l.product.id}:${w.id}`)!, warehouseId: w.id, qty: take });
          remaining -= take;
        }
      }
      if (remaining > 0 && !l.product.allow_backorder) throw new Error(`not enough stock for ${l.product.sku}`);
    }
    for (const p of plan) p.level.reserved += p.qty;

    const a = input.shippingAddress;
    await client.query(
      'insert into "order" ("id", "number", "channel_id", "customer_id", "status", "payment_status", "currency", "subtotal_amount", "shipping_amount", "total_amount", "paid_amount", "refunded_amount", "ship_name", "ship_line1", "ship_city", "ship_postal_code", "ship_country", "placed_at", "updated_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)',
      [orderId, nextval, channel.id, customer.id, 'PENDING', 'UNPAID', channel.currency, subtotal, 0, subtotal, 0, 0, a.name, a.line1, a.city, a.postalCode, a.country.toUpperCase(), now, now],
    );
    await client.query(
      'insert into "order_history" ("id", "order_id", "type", "to_status", "message", "actor", "at") values ($1, $2, $3, $4, $5, $6, $7)',
      [randomUUID(), orderId, 'PLACED', 'PENDING', `Order placed in ${channel.code}`, input.actor, now],
    );

    const lineParams: unknown[] = [];
    const lineValues = lines.map((l) => {
      const b = lineParams.length;
      lineParams.push(l.id, orderId, l.lineNo, l.product.id, l.product.sku, l.product.name, l.quantity, l.unitPrice, channel.currency, 0, 0);
      return `(${Array.from({ length: 11 }, (_, i) => `$${b + i + 1}`).join(', ')})`;
    });
    await client.query(
      `insert into "order_line" ("id", "order_id", "line_no", "product_id", "sku", "name", "quantity", "unit_price_amount", "currency", "quantity_shipped", "quantity_returned") values ${lineValues.join(', ')}`,
      lineParams,
    );

    const allocParams: unknown[] = [];
    const allocValues = plan.map((p) => {
      const b = allocParams.length;
      allocParams.push(randomUUID(), p.lineId, p.warehouseId, p.qty, 0, 0, now);
      return `(${Array.from({ length: 7 }, (_, i) => `$${b + i + 1}`).join(', ')})`;
    });
    await client.query(
      `insert into "stock_allocation" ("id", "order_line_id", "warehouse_id", "quantity", "quantity_shipped", "quantity_returned", "created_at") values ${allocValues.join(', ')}`,
      allocParams,
    );

    // Same shape as MikroORM's batched update of the changed StockLevel rows.
    const changed = [...new Set(plan.map((p) => p.level))];
    const params: unknown[] = [];
    const arg = (v: unknown) => { params.push(v); return `$${params.length}`; };
    const reserved = changed.map((l) => `when ("id" = ${arg(l.id)}) then ${arg(l.reserved)}`).join(' ');
    const updated = changed.map((l) => `when ("id" = ${arg(l.id)}) then ${arg(now)}`).join(' ');
    const ids = changed.map((l) => arg(l.id)).join(', ');
    await client.query(
      `update "stock_level" set "reserved" = case ${reserved} else "reserved" end, "updated_at" = case ${updated} else "updated_at" end where "id" in (${ids}) returning "id"`,
      params,
    );
    await client.query('commit');
    return { id: orderId, number: nextval, total: subtotal, currency: channel.currency };
  } catch (e) {
    failed = true;
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    conn.release(failed ? true : undefined);
  }
}
