/**
 * The floor: what placeOrder costs in the database alone. The same statements the server issues
 * for one order, built by the same functions (modules/order/order-placement.sql.ts), sent
 * straight through the `pg` driver in one transaction, sourcing computed in JS the same way.
 * No HTTP, no GraphQL, no ORM, no authentication lookup.
 */
import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';
import {
  ProductRow,
  readProductsAndLockStock,
  splitProductsAndStock,
  StockRow,
  writePlacement,
} from '../modules/order/order-placement.sql';

export interface FloorOrder {
  channelCode: string;
  customer: { email: string; name: string };
  shippingAddress: { name: string; line1: string; city: string; postalCode: string; country: string };
  lines: { sku: string; quantity: number }[];
  actor: string;
}

const channels = new Map<string, { id: string; code: string; currency: string }>();

/** Counts the statements the floor sends (begin and commit included). */
export const floorCounter = { statements: 0 };

export async function placeOrderFloor(
  pool: Pool,
  input: FloorOrder,
): Promise<{ id: string; number: string; total: number; currency: string }> {
  const conn: PoolClient = await pool.connect();
  const client = {
    query<R extends QueryResultRow = QueryResultRow>(text: string, params?: unknown[]): Promise<QueryResult<R>> {
      floorCounter.statements++;
      return conn.query<R>(text, params);
    },
  };
  let failed = false;
  try {
    await client.query('begin');
    // Channels are immutable: the server keeps the ones it found, and so does the floor.
    let channel = channels.get(input.channelCode);
    if (!channel) {
      channel = (
        await client.query<{ id: string; code: string; currency: string }>(
          'select id, code, currency from channel where code = $1',
          [input.channelCode],
        )
      ).rows[0];
      if (channel) channels.set(input.channelCode, channel);
    }
    if (!channel) throw new Error(`unknown channel ${input.channelCode}`);

    const read = readProductsAndLockStock(input.lines.map((l) => l.sku));
    const { products, stock: levels } = splitProductsAndStock(
      (await client.query<Parameters<typeof splitProductsAndStock>[0][number]>(read.text, read.values)).rows,
    );
    const bySku = new Map<string, ProductRow>(products.map((p) => [p.sku, p]));
    for (const l of input.lines) if (!bySku.has(l.sku)) throw new Error(`unknown SKU ${l.sku}`);

    const book = new Map<string, StockRow>(levels.map((l) => [`${l.product_id}:${l.warehouse_id}`, l]));
    const available = (productId: string, warehouseId: string) => {
      const l = book.get(`${productId}:${warehouseId}`);
      return l ? l.on_hand - l.reserved : 0;
    };
    const byId = new Map(
      levels.map((l) => [l.warehouse_id, { id: l.warehouse_id, code: l.code, priority: l.priority }]),
    );
    const warehouses = [...byId.values()].sort((a, b) => a.priority - b.priority || (a.code < b.code ? -1 : 1));

    const now = new Date();
    const orderId = randomUUID();
    const lines = input.lines.map((l, i) => {
      const p = bySku.get(l.sku)!; // every SKU was checked above
      return { id: randomUUID(), lineNo: i + 1, product: p, quantity: l.quantity, unitPrice: p.price_amount };
    });
    const subtotal = lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0);

    // Sourcing, as InventoryService.allocate: the first warehouse that fills every line, else split by priority.
    const single = warehouses.find((w) => lines.every((l) => available(l.product.id, w.id) >= l.quantity));
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
    const historyId = randomUUID();
    const write = writePlacement({
      customer: { email: input.customer.email.trim().toLowerCase(), name: input.customer.name },
      order: {
        id: orderId,
        channel_id: channel.id,
        external_id: null,
        status: 'PENDING',
        status_before_hold: null,
        hold_reason: null,
        cancel_reason: null,
        payment_status: 'UNPAID',
        currency: channel.currency,
        subtotal_amount: subtotal,
        shipping_amount: 0,
        tax_amount: 0,
        total_amount: subtotal,
        paid_amount: 0,
        refunded_amount: 0,
        ship_name: a.name,
        ship_line1: a.line1,
        ship_line2: null,
        ship_city: a.city,
        ship_postal_code: a.postalCode,
        ship_country: a.country.toUpperCase(),
        note: null,
        placed_at: now,
        updated_at: now,
      },
      lines: lines.map((l) => ({
        id: l.id,
        order_id: orderId,
        line_no: l.lineNo,
        product_id: l.product.id,
        sku: l.product.sku,
        name: l.product.name,
        quantity: l.quantity,
        unit_price_amount: l.unitPrice,
        currency: channel.currency,
        tax_amount: 0,
        tax_rate: null,
        quantity_shipped: 0,
        quantity_returned: 0,
      })),
      allocations: plan.map((p) => ({
        id: randomUUID(),
        order_line_id: p.lineId,
        warehouse_id: p.warehouseId,
        quantity: p.qty,
        quantity_shipped: 0,
        quantity_returned: 0,
        created_at: now,
      })),
      history: [
        {
          id: historyId,
          order_id: orderId,
          type: 'PLACED',
          from_status: null,
          to_status: 'PENDING',
          message: `Order placed in ${channel.code}`,
          actor: input.actor,
          at: now,
        },
      ],
      events: [
        {
          id: randomUUID(),
          type: 'order.placed',
          aggregate_type: 'order',
          aggregate_id: orderId,
          channel_id: channel.id,
          actor: input.actor,
          occurred_at: now,
          payload: JSON.stringify({
            orderId,
            channelId: channel.id,
            historyId,
            historyType: 'PLACED',
            status: 'PENDING',
            fromStatus: null,
            toStatus: 'PENDING',
            paymentStatus: 'UNPAID',
            total: subtotal,
            currency: channel.currency,
            message: `Order placed in ${channel.code}`,
            primary: true,
          }),
        },
      ],
      stock: [...new Set(plan.map((p) => p.level))].map((l) => ({ id: l.id, reserved: l.reserved })),
    });
    const {
      rows: [written],
    } = await client.query<{ number: string }>(write.text, write.values);
    await client.query('commit');
    return { id: orderId, number: written.number, total: subtotal, currency: channel.currency };
  } catch (e) {
    failed = true;
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    conn.release(failed ? true : undefined);
  }
}
