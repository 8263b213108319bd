import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType()
export class SkuQuantityInput {
  @Field(() => String)
  @Length(1, 64)
  sku: string;

  @Field(() => Int)
  @Min(1)
  @Max(1_000_000)
  quantity: number;
}

@InputType()
export class CreateShipmentInput {
  @Field(() => ID)
  @Length(1, 64)
  orderId: string;

  @Field(() => String)
  @Length(1, 64)
  warehouseCode: string;

  @Field(() => [SkuQuantityInput])
  @ArrayMinSize(1, { message: 'lines must contain at least one line' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  lines: SkuQuantityInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  carrier?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  trackingNumber?: string;
}

@InputType()
export class CreateReturnInput {
  @Field(() => ID)
  @Length(1, 64)
  orderId: string;

  @Field(() => [SkuQuantityInput])
  @ArrayMinSize(1, { message: 'lines must contain at least one line' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  lines: SkuQuantityInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  reason?: string;

  @Field(() => Boolean, { description: 'Put the units back on hand in the warehouses they shipped from.' })
  restock: boolean;
}
