import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../auth';
import type { RequestContext } from '../../common/context';
import { Connection } from '../../common/pagination';
import { Payload } from '../../common/payload';
import { StockLevel } from '../inventory';
import { Product } from './product.entity';
import { UpsertProductInput } from './product.inputs';
import { ProductService } from './product.service';
import { UpsertProductsPayload } from './product.types';

@ObjectType()
export class ProductPayload extends Payload('ProductPayload', 'product', Product) {
  product?: Product;
}

@ObjectType()
export class ProductConnection extends Connection(Product, 'Product') {}

@Resolver(() => Product)
export class ProductResolver {
  constructor(private readonly service: ProductService) {}

  @Authorized(Permission.PRODUCT_READ)
  @Query(() => ProductConnection, { description: 'Products by SKU, optionally searched by SKU or name.' })
  products(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('search', () => String, { nullable: true }) search?: string,
    @Arg('last', () => Int, {
      nullable: true,
      description: '1 to 200: the last items (before `before`). Not with first.',
    })
    last?: number,
    @Arg('before', () => String, { nullable: true, description: 'A cursor (startCursor): items before it.' })
    before?: string,
  ) {
    return this.service.list(ctx.em, { first, after, last, before, search });
  }

  @Authorized(Permission.PRODUCT_READ)
  @Query(() => Product, { nullable: true })
  product(@Ctx() ctx: RequestContext, @Arg('sku', () => String) sku: string) {
    return this.service.findBySku(ctx.em, sku);
  }

  @Authorized(Permission.PRODUCT_WRITE)
  @Mutation(() => ProductPayload, { description: 'Creates or updates the product with this SKU.' })
  upsertProduct(@Ctx() ctx: RequestContext, @Arg('input', () => UpsertProductInput) input: UpsertProductInput) {
    return this.service.upsert(ctx, input);
  }

  // Same permission as upsertProduct: a partner key can never hold it (the catalog is every channel's).
  @Authorized(Permission.PRODUCT_WRITE)
  @Mutation(() => UpsertProductsPayload, {
    description:
      'Creates or updates up to 500 products by SKU in one call. Each item is applied on its own: valid items are written, refused ones change nothing and report in their result (see docs/api.md, "Bulk sync").',
  })
  upsertProducts(@Ctx() ctx: RequestContext, @Arg('input', () => [UpsertProductInput]) input: UpsertProductInput[]) {
    return this.service.upsertMany(ctx, input);
  }

  @Authorized(Permission.STOCK_READ)
  @FieldResolver(() => [StockLevel], { description: 'Stock of this SKU in every warehouse that holds it.' })
  stockLevels(@Root() product: Product) {
    return product.stockLevels.loadItems();
  }
}
