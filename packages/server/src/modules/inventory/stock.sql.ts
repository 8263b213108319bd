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
