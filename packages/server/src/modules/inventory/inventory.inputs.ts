import { Length, Matches, Max, Min, NotEquals } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';

@InputType()
export class CreateWarehouseInput {
  @Field(() => String)
  @Length(1, 64)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'code may contain only letters, digits, - and _' })
  code: string;

  @Field(() => String)
  @Length(1, 200)
  name: string;

  @Field(() => Int, { description: 'Sourcing order: lower numbers are used first.' })
  @Min(0)
  @Max(1_000_000)
  priority: number;
}

@InputType()
export class AdjustStockInput {
  @Field(() => String)
  @Length(1, 64)
  sku: string;

  @Field(() => String)
  @Length(1, 64)
  warehouseCode: string;

  @Field(() => Int, {
    description: 'Change of on-hand units; negative to remove. On hand can never drop below reserved.',
  })
  @NotEquals(0, { message: 'delta must not be 0' })
  @Min(-1_000_000_000)
  @Max(1_000_000_000)
  delta: number;

  @Field(() => String, { description: 'Why, e.g. "goods received PO-123" or "stock count".' })
  @Length(1, 500)
  reason: string;
}

@InputType({ description: 'One item of setStockLevels: the units on hand of a SKU in a warehouse, counted.' })
export class SetStockLevelInput {
  @Field(() => String)
  @Length(1, 64)
  sku: string;

  @Field(() => String)
  @Length(1, 64)
  warehouseCode: string;

  @Field(() => Int, {
    description: 'Units on hand to record; never below what is reserved there (the item is refused then).',
  })
  @Min(0)
  @Max(1_000_000_000)
  onHand: number;

  @Field(() => String, { description: 'Why, e.g. "nightly sync from WMS"; booked with the stock movement.' })
  @Length(1, 500)
  reason: string;
}

@InputType({ description: 'Narrows Query.stock; every field given must match.' })
export class StockFilter {
  @Field(() => String, { nullable: true, description: 'Exactly this SKU.' })
  sku?: string;

  @Field(() => String, { nullable: true, description: 'Exactly this warehouse.' })
  warehouseCode?: string;

  @Field(() => String, { nullable: true, description: 'Part of the SKU or the product name, case-insensitive.' })
  search?: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Only rows with fewer units available (onHand - reserved) than this, e.g. 1 for the sold out.',
  })
  availableBelow?: number;
}
