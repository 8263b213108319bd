/** Results of the inventory's bulk mutation (setStockLevels). */
import { Field, ObjectType } from 'type-graphql';
import { BulkItemResult } from '../../common/bulk';
import { UserError } from '../../common/errors';
import { StockLevel } from './stock-level.entity';

@ObjectType({ description: 'What setStockLevels did with one item.' })
export class SetStockLevelResult extends BulkItemResult {
  @Field(() => String, { description: 'The SKU of the item, as given.' })
  sku: string;

  @Field(() => String, { description: 'The warehouse of the item, as given.' })
  warehouseCode: string;

  /** Builds the entity from the row this call read or wrote, only when a client asks for it (500 entities cost CPU). */
  constructor(
    fields: Omit<SetStockLevelResult, 'stockLevel'>,
    private readonly level?: () => StockLevel,
  ) {
    super();
    Object.assign(this, fields);
  }

  @Field(() => StockLevel, {
    nullable: true,
    description: 'The stock row as this call left it; null when the item was refused.',
  })
  get stockLevel(): StockLevel | undefined {
    return this.level?.();
  }
}

@ObjectType()
export class SetStockLevelsPayload {
  @Field(() => [SetStockLevelResult], {
    description: 'One per input item, in input order; empty when the whole call was refused (userErrors).',
  })
  results: SetStockLevelResult[];

  @Field(() => [UserError], {
    description:
      'Refusals of the whole call (more than 500 items): nothing was changed. Refused items report in their result.',
  })
  userErrors: UserError[];
}
