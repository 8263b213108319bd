/** Results of the catalog's bulk mutation (upsertProducts). */
import { Field, ObjectType } from 'type-graphql';
import { BulkItemResult } from '../../common/bulk';
import { UserError } from '../../common/errors';
import { Product } from './product.entity';

@ObjectType({ description: 'What upsertProducts did with one item.' })
export class UpsertProductResult extends BulkItemResult {
  @Field(() => String, { description: 'The SKU of the item, as given.' })
  sku: string;

  /** Builds the entity from the row this call read, only when a client asks for it (500 entities cost CPU). */
  constructor(
    fields: Omit<UpsertProductResult, 'product'>,
    private readonly row?: () => Product,
  ) {
    super();
    Object.assign(this, fields);
  }

  @Field(() => Product, { nullable: true, description: 'The product as it is now; null when the item was refused.' })
  get product(): Product | undefined {
    return this.row?.();
  }
}

@ObjectType()
export class UpsertProductsPayload {
  @Field(() => [UpsertProductResult], {
    description: 'One per input item, in input order; empty when the whole call was refused (userErrors).',
  })
  results: UpsertProductResult[];

  @Field(() => [UserError], {
    description:
      'Refusals of the whole call (more than 500 items): nothing was changed. Refused items report in their result.',
  })
  userErrors: UserError[];
}
