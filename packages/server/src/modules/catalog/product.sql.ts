/**
 * The SQL of the catalog's bulk upsert (upsertProducts): every item of a call in one INSERT ... ON
 * CONFLICT over unnest()ed arrays, then one read of the rows. Placeholders are PostgreSQL's $1, $2,
 * ... (run with common/sql `run`).
 */

export interface Statement {
  text: string;
  values: unknown[];
}

export interface ProductUpsertItem {
  sku: string;
  name: string;
  price: number;
  currency: string;
  /** Null keeps a product's setting (a new product gets false), as upsertProduct does. */
  allowBackorder: boolean | null;
}

/**
 * Creates or updates these products (SKUs distinct); returns the rows it created or changed, with
 * `created`. Rows are written in SKU order, so two concurrent calls wait for each other instead of
 * deadlocking; a product already as given is not touched (its updated_at stays).
 */
export function upsertProducts(items: ProductUpsertItem[]): Statement {
  return {
    text: `with v as (
        select * from unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::boolean[])
          as v(sku, name, price_amount, currency, allow_backorder)
      )
      insert into product as p (id, sku, name, price_amount, currency, allow_backorder, created_at, updated_at)
      select gen_random_uuid(), sku, name, price_amount, currency, coalesce(allow_backorder, false), now(), now()
        from v order by sku
      on conflict (sku) do update set
        name = excluded.name, price_amount = excluded.price_amount, currency = excluded.currency,
        allow_backorder = coalesce((select v.allow_backorder from v where v.sku = excluded.sku), p.allow_backorder),
        updated_at = now()
      where (p.name, p.price_amount, p.currency, p.allow_backorder) is distinct from
        (excluded.name, excluded.price_amount, excluded.currency,
         coalesce((select v.allow_backorder from v where v.sku = excluded.sku), p.allow_backorder))
      returning p.sku, (p.xmax = 0) as created`,
    values: [
      items.map((i) => i.sku),
      items.map((i) => i.name),
      items.map((i) => i.price),
      items.map((i) => i.currency),
      items.map((i) => i.allowBackorder),
    ],
  };
}

/** The product rows of these SKUs, as the entity maps them. */
export function productsBySku(skus: string[]): Statement {
  return {
    text: 'select id, sku, name, price_amount, currency, allow_backorder, created_at, updated_at from product where sku = any($1::text[])',
    values: [skus],
  };
}
