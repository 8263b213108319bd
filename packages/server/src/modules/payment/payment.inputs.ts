import { IsOptional, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { INT4_MAX } from '../../common/limits';

@InputType()
export class RecordPaymentInput {
  @Field(() => ID)
  @Length(1, 64)
  orderId: string;

  @Field(() => Int, { description: "Minor units of the order's currency." })
  @Min(1)
  @Max(INT4_MAX)
  amount: number;

  @Field(() => String, { nullable: true, description: "If given, must equal the order's currency." })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;

  @Field(() => String, { description: 'e.g. card, paypal, bank_transfer, invoice.' })
  @Length(1, 64)
  method: string;

  @Field(() => String, {
    nullable: true,
    description: "The provider's reference; recording the same reference twice on an order is refused.",
  })
  @IsOptional()
  @MaxLength(200)
  reference?: string;
}

@InputType()
export class RefundPaymentInput {
  @Field(() => ID)
  @Length(1, 64)
  orderId: string;

  @Field(() => Int, { description: "Minor units of the order's currency; at most what was paid and not yet refunded." })
  @Min(1)
  @Max(INT4_MAX)
  amount: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  reason?: string;
}
