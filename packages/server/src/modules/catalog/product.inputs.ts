import { IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';

@InputType()
export class UpsertProductInput {
  @Field(() => String, { description: 'Creates the product if no product has this SKU, else updates it.' })
  @Length(1, 64)
  @Matches(/^\S+$/, { message: 'sku must not contain spaces' })
  sku: string;

  @Field(() => String)
  @Length(1, 300)
  name: string;

  @Field(() => Int, { description: 'Price in minor units.' })
  @Min(0)
  @Max(1_000_000_000)
  price: number;

  @Field(() => String, { description: 'ISO 4217, e.g. EUR.' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency: string;

  @Field(() => Boolean, { nullable: true, description: 'Default false.' })
  @IsOptional()
  allowBackorder?: boolean;
}
