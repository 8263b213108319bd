/** The catalogue of SKUs. */
import { rejectNul } from '../../common/query-args';
import type { EntityManager, FilterQuery, ObjectQuery } from '@mikro-orm/postgresql';
import { createRecord } from '../../common/catalog-write';
import type { RequestContext } from '../../common/context';
import { ErrorCode, fail } from '../../common/errors';
import { isCurrencyCode } from '../../common/money';
import { fetchOrder, keysetWhere, PageArgs, pageOf, toConnection } from '../../common/pagination';
import { Product } from './product.entity';
import { UpsertProductInput } from './product.inputs';
import { replicaEm } from '../../common/read-replica';
import { BulkItemOutcome, itemError, tooManyItems, validateItems } from '../../common/bulk';
import { run } from '../../common/sql';
import { productsBySku, upsertProducts } from './product.sql';
import { UpsertProductResult, UpsertProductsPayload } from './product.types';

export class ProductService {
  findBySku(em: EntityManager, sku: string): Promise<Product | null> {
    rejectNul({ sku });
    return em.findOne(Product, { sku });
  }

  async upsert(ctx: RequestContext, input: UpsertProductInput) {
    const r = await createRecord(
      ctx,
      input,
      'sku',
      async (em) => {
        if (!isCurrencyCode(input.currency))
          fail(ErrorCode.INVALID_INPUT, `${input.currency} is not an ISO 4217 currency`, ['input', 'currency']);
        let product = await em.findOne(Product, { sku: input.sku });
        if (!product) {
          product = new Product(input.sku, input.name, input.price, input.currency, input.allowBackorder ?? false);
          em.persist(product);
        } else {
          product.name = input.name;
          product.priceAmount = input.price;
          product.currency = input.currency;
          if (input.allowBackorder != null) product.allowBackorder = input.allowBackorder;
        }
        await em.flush();
        return product;
      },
      `A product with SKU ${input?.sku} was created at the same time; retry`,
    );
    return { product: r.value, userErrors: r.userErrors };
  }

  /**
   * upsertProducts: each item validated as upsertProduct validates it; the valid ones written
   * together in one transaction of two statements (an upsert of all of them, a read of the rows),
   * the refused ones left out (nothing of them is written).
   */
  async upsertMany(ctx: RequestContext, input: UpsertProductInput[]): Promise<UpsertProductsPayload> {
    const refused = tooManyItems(input.length);
    if (refused) return { results: [], userErrors: [refused] };
    const errors = await validateItems(
      input,
      (p) => p.sku,
      'sku',
      (p) => `SKU ${p.sku}`,
    );
    input.forEach((p, i) => {
      if (!errors[i].some((e) => e.field?.[2] === 'currency') && !isCurrencyCode(p.currency))
        errors[i].push(itemError(ErrorCode.INVALID_INPUT, i, 'currency', `${p.currency} is not an ISO 4217 currency`));
    });
    const valid = input.filter((_, i) => !errors[i].length);
    const rows = new Map<string, Record<string, unknown>>();
    const changed = new Map<string, boolean>();
    if (valid.length) {
      const raw = await ctx.em.transactional(async (em) => {
        const written = await run<{ sku: string; created: boolean }>(
          em as EntityManager,
          upsertProducts(
            valid.map((p) => ({
              sku: p.sku,
              name: p.name,
              price: p.price,
              currency: p.currency,
              allowBackorder: p.allowBackorder ?? null,
            })),
          ),
        );
        for (const w of written) changed.set(w.sku, w.created);
        return run<Record<string, unknown>>(em as EntityManager, productsBySku(valid.map((p) => p.sku)));
      });
      for (const r of raw) rows.set(r.sku as string, r);
    }
    const results = input.map((p, i) => {
      if (errors[i].length)
        return new UpsertProductResult({
          index: i,
          sku: p.sku,
          outcome: BulkItemOutcome.REFUSED,
          userErrors: errors[i],
        });
      const created = changed.get(p.sku);
      const row = rows.get(p.sku)!;
      return new UpsertProductResult(
        {
          index: i,
          sku: p.sku,
          outcome:
            created === undefined
              ? BulkItemOutcome.UNCHANGED
              : created
                ? BulkItemOutcome.CREATED
                : BulkItemOutcome.UPDATED,
          userErrors: [],
        },
        () => ctx.em.map(Product, row),
      );
    });
    return { results, userErrors: [] };
  }

  async list(em: EntityManager, args: PageArgs & { search?: string | null }) {
    em = replicaEm(em);
    rejectNul({ search: args.search });
    const paging = pageOf(args, 1);
    const where: ObjectQuery<Product> = {};
    const search = args.search?.trim();
    if (search) {
      const like = `%${search.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
      where.$or = [{ sku: { $ilike: like } }, { name: { $ilike: like } }];
    }
    const page: FilterQuery<Product> = keysetWhere(where, ['sku'], 'asc', paging);
    const items = await em.find(Product, page, {
      orderBy: fetchOrder(['sku'], 'asc', paging),
      limit: paging.limit + 1,
    });
    return toConnection(
      items,
      paging,
      (p) => [p.sku],
      () => em.count(Product, where),
    );
  }
}
