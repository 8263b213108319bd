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
