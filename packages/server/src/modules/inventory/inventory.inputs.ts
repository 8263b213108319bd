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

  @Field(() => Int, { description: 'Change of on-hand units; negative to remove. On hand can never drop below reserved.' })
  @NotEquals(0, { message: 'delta must not be 0' })
  @Min(-1_000_000_000)
  @Max(1_000_000_000)
  delta: number;

  @Field(() => String, { description: 'Why, e.g. "goods received PO-123" or "stock count".' })
  @Length(1, 500)
  reason: string;
}
