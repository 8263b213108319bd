import { Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType()
export class CreateChannelInput {
  @Field(() => String, { description: 'Unique, e.g. WEB. Letters, digits, - and _.' })
  @Length(1, 64)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'code may contain only letters, digits, - and _' })
  code: string;

  @Field(() => String)
  @Length(1, 200)
  name: string;

  @Field(() => String, { description: 'ISO 4217, e.g. EUR.' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency: string;
}
