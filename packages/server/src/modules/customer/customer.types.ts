/** The GraphQL types of the customer queries and mutations (customer.resolver.ts). */
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../common/pagination';
import { Payload } from '../../common/payload';
import { Customer } from './customer.entity';

export enum CustomerSort {
  /** By name (a customer without one by e-mail), then id. */
  NAME_ASC = 'NAME_ASC',
  /** By e-mail. */
  EMAIL_ASC = 'EMAIL_ASC',
}
registerEnumType(CustomerSort, {
  name: 'CustomerSort',
  description: 'How customers are sorted; a cursor belongs to one sort.',
  valuesConfig: {
    NAME_ASC: { description: 'By name (a customer without a name by e-mail), then id.' },
    EMAIL_ASC: { description: 'By e-mail, then id.' },
  },
});

@ObjectType()
export class CustomerConnection extends Connection(Customer, 'Customer') {}

@ObjectType()
export class EraseCustomerPayload extends Payload('EraseCustomerPayload', 'customer', Customer) {
  customer?: Customer;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True when the customer had been erased before (erasing again changes nothing that was not erased).',
  })
  alreadyErased?: boolean;
}
