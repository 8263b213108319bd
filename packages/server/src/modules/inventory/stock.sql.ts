/**
 * The SQL of stock: the paged stock list (Query.stock), filters and keyset paging in one statement, in
 * the same order as the deprecated stockLevels list (SKU, then warehouse priority and code); and
 * the stock row an adjustment creates when missing.
 * Placeholders are `?` (common/sql.ts).
 */
import { fetchDir, keysetSql, type Page } from '../../common/pagination';

export interface StockFilterValues {
  sku?: string | null;
  warehouseCode?: string | null;
  search?: string | null;
  availableBelow?: number | null;
}

export interface Statement {
  text: string;
  values: unknown[];
}

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

function where(f: StockFilterValues): Statement {
  const parts: string[] = [];
  const values: unknown[] = [];
  if (f.sku) {
    parts.push('p.sku = ?');
    values.push(f.sku);
  }
  if (f.warehouseCode) {
    parts.push('w.code = ?');
    values.push(f.warehouseCode);
  }
  const search = f.search?.trim();
  if (search) {
    parts.push('(p.sku ilike ? or p.name ilike ?)');
    values.push(like(search), like(search));
  }
  if (f.availableBelow != null) {
    parts.push('s.on_hand - s.reserved < ?');
    values.push(f.availableBelow);
  }
  return { text: parts.length ? parts.join(' and ') : 'true', values };
}

const FROM = 'from stock_level s join product p on p.id = s.product_id join warehouse w on w.id = s.warehouse_id';

/**
 * One page of stock row ids (limit + 1 rows, to tell whether there is another page) with their sort
 * key; read from the back (in reverse order) for a page asked with last.
 */
export function stockPage(f: StockFilterValues, page: Page): Statement {
  const w = where(f);
  const values = [...w.values];
  let keyset = '';
  for (const bound of keysetSql(['p.sku', 'w.priority', 'w.code'], 'asc', page, (p) => {
    if (!Number.isInteger(p[1])) throw new Error('not a priority');
    return [String(p[0]), p[1], String(p[2])];
  })) {
    keyset += ` and ${bound.text}`;
    values.push(...bound.values);
  }
  const dir = fetchDir('asc', page);
  values.push(page.limit + 1);
  return {
    text: `select s.id, p.sku, w.priority, w.code ${FROM} where ${w.text}${keyset} order by p.sku ${dir}, w.priority ${dir}, w.code ${dir} limit ?`,
    values,
  };
}

export function stockCount(f: StockFilterValues): Statement {
  const w = where(f);
  return { text: `select count(*)::int as n ${FROM} where ${w.text}`, values: w.values };
}

/** Creates the stock row of a product in a warehouse (nothing on hand, nothing reserved) unless it exists. */
export function ensureStockLevel(productId: string, warehouseId: string): Statement {
  return {
    text: 'insert into stock_level (id, product_id, warehouse_id, on_hand, reserved, updated_at) values (gen_random_uuid(), ?, ?, 0, 0, now()) on conflict (product_id, warehouse_id) do nothing',
    values: [productId, warehouseId],
  };
}

/*
 * setStockLevels (InventoryService.setLevels): a call's items in three statements, whatever their
 * number. Placeholders below are PostgreSQL's $1, $2, ... (run with common/sql `run`).
 */

export interface StockKeyRow {
  /** 1-based position in the arrays given. */
  idx: number;
  product_id: string | null;
  warehouse_id: string | null;
  /** Whether this statement created the stock row. */
  created: boolean;
}

/**
 * Resolves (SKU, warehouse code) pairs to product and warehouse ids, and creates the stock rows
 * that are missing (nothing on hand, nothing reserved), in (product, warehouse) order so that two
 * calls creating the same rows wait for each other instead of deadlocking. A pair with an unknown
 * SKU or code has a null id and gets no row. One row per pair, in the order given.
 */
export function resolveAndEnsureStockLevels(skus: string[], warehouseCodes: string[]): Statement {
  return {
    text: `with k as (
        select k.idx, p.id as product_id, w.id as warehouse_id
          from unnest($1::text[], $2::text[]) with ordinality as k(sku, code, idx)
          left join product p on p.sku = k.sku left join warehouse w on w.code = k.code
      ), ins as (
        insert into stock_level (id, product_id, warehouse_id, on_hand, reserved, updated_at)
        select gen_random_uuid(), product_id, warehouse_id, 0, 0, now() from k
         where product_id is not null and warehouse_id is not null order by product_id, warehouse_id
        on conflict (product_id, warehouse_id) do nothing
        returning product_id, warehouse_id
      )
      select k.idx::int, k.product_id, k.warehouse_id, (ins.product_id is not null) as created
        from k left join ins on ins.product_id = k.product_id and ins.warehouse_id = k.warehouse_id
       order by k.idx`,
    values: [skus, warehouseCodes],
  };
}

export interface LockedStockRow {
  id: string;
  product_id: string;
  warehouse_id: string;
  on_hand: number;
  reserved: number;
  updated_at: Date;
}

/**
 * Locks the stock rows of these (product, warehouse) pairs FOR UPDATE in primary-key order, the
 * order order placement (order-placement.sql.ts) and fulfilment lock in: a sync racing orders for
 * the same stock queues behind them or ahead of them, never in a deadlock.
 */
export function lockStockLevels(productIds: string[], warehouseIds: string[]): Statement {
  return {
    text: `select s.id, s.product_id, s.warehouse_id, s.on_hand, s.reserved, s.updated_at
        from stock_level s join unnest($1::uuid[], $2::uuid[]) as k(product_id, warehouse_id)
          on s.product_id = k.product_id and s.warehouse_id = k.warehouse_id
       order by s.id for update of s`,
    values: [productIds, warehouseIds],
  };
}

export interface StockSetWrite {
  stockLevelId: string;
  productId: string;
  warehouseId: string;
  onHand: number;
  delta: number;
  reason: string;
  /** The stock.adjusted event's payload. */
  payload: Record<string, unknown>;
}

/**
 * Writes new on-hand values of locked stock rows, with their ADJUSTMENT movements (the ledger) and
 * stock.adjusted events (the stream that webhooks and subscriptions read), as adjustStock does:
 * one statement. Returns the rows written.
 */
export function writeStockLevels(writes: StockSetWrite[], actor: string): Statement {
  return {
    text: `with v as (
        select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::int[], $6::text[], $7::jsonb[])
          as v(id, product_id, warehouse_id, on_hand, delta, reason, payload)
      ), m as (
        insert into stock_movement (id, product_id, warehouse_id, kind, delta, reason, actor, at)
        select gen_random_uuid(), product_id, warehouse_id, 'ADJUSTMENT', delta, reason, $8, now() from v
      ), e as (
        insert into domain_event (id, type, aggregate_type, aggregate_id, payload, actor, occurred_at)
        select gen_random_uuid(), 'stock.adjusted', 'stock', id, payload, $8, now() from v
      )
      update stock_level s set on_hand = v.on_hand, updated_at = now() from v where s.id = v.id
      returning s.id, s.product_id, s.warehouse_id, s.on_hand, s.reserved, s.updated_at`,
    values: [
      writes.map((w) => w.stockLevelId),
      writes.map((w) => w.productId),
      writes.map((w) => w.warehouseId),
      writes.map((w) => w.onHand),
      writes.map((w) => w.delta),
      writes.map((w) => w.reason),
      writes.map((w) => JSON.stringify(w.payload)),
      actor,
    ],
  };
}
