/**
 * The SQL of the data import (import.service.ts): what a row finds before it is applied, to tell
 * created, updated and skipped apart. Placeholders are PostgreSQL's $1, $2, ... (run with
 * common/sql `run`, in the row's transaction).
 */

export interface Statement {
  text: string;
  values: unknown[];
}

/** A product as a products row compares it, locked for the row's transaction. */
export function productForUpdate(sku: string): Statement {
  return {
    text: 'select name, price_amount, currency, allow_backorder from product where sku = $1 for update',
    values: [sku],
  };
}

/** The stock level of a SKU in a warehouse, locked for the row's transaction. */
export function stockLevelForUpdate(sku: string, warehouseCode: string): Statement {
  return {
    text: `select s.id, s.on_hand from stock_level s join product p on p.id = s.product_id join warehouse w on w.id = s.warehouse_id
      where p.sku = $1 and w.code = $2 for update of s`,
    values: [sku, warehouseCode],
  };
}

/** Whether a SKU and a warehouse code exist. */
export function productAndWarehouseExist(sku: string, warehouseCode: string): Statement {
  return {
    text: 'select exists(select 1 from product where sku = $1) as p, exists(select 1 from warehouse where code = $2) as w',
    values: [sku, warehouseCode],
  };
}

/** An adjustment with this reason already booked for the SKU and warehouse (an adjust row is booked once). */
export function adjustmentBooked(sku: string, warehouseCode: string, reason: string | null): Statement {
  return {
    text: `select 1 from stock_movement m join product p on p.id = m.product_id join warehouse w on w.id = m.warehouse_id
      where p.sku = $1 and w.code = $2 and m.kind = 'ADJUSTMENT' and m.reason = $3 limit 1`,
    values: [sku, warehouseCode, reason],
  };
}
