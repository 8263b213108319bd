/** Every mutation returns a payload: its result (absent on failure) and the userErrors. */
import { ClassType, Field, ObjectType } from 'type-graphql';
import { UserError } from './errors';

export function Payload<T extends object>(name: string, field: string, type: ClassType<T>) {
  @ObjectType(`${name}Base`)
  abstract class PayloadClass {
    @Field(() => [UserError], { description: 'Empty when the mutation succeeded.' })
    userErrors: UserError[];
  }
  Field(() => type, { nullable: true })(PayloadClass.prototype, field);
  return PayloadClass;
}
