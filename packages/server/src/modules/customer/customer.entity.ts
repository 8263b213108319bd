/** A buyer, identified by e-mail (stored lower-case). */
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../../common/node';

@ObjectType({
  implements: Node,
  description:
    'A buyer, identified by e-mail. Its orders, order count and lifetime value are those the caller may see (a partner key: its channels).',
})
@Entity({ tableName: 'customer' })
// Trigram indexes for the order search by part of an e-mail or name (Migration20261207020000_search).
@Index({
  name: 'customer_email_trgm_index',
  expression: 'create index "customer_email_trgm_index" on "customer" using gin ("email" gin_trgm_ops)',
})
@Index({
  name: 'customer_name_trgm_index',
  expression: 'create index "customer_name_trgm_index" on "customer" using gin ("name" gin_trgm_ops)',
})
// The customers list sorted by name (a customer without one by e-mail), then id (Migration20261207120000_customers).
@Index({
  name: 'customer_sort_name_index',
  expression: 'create index "customer_sort_name_index" on "customer" ((coalesce("name", "email")), "id")',
})
export class Customer {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String)
  @Property({ type: 'string', length: 320, unique: true })
  email: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  name?: string;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date, {
    nullable: true,
    description:
      'When the personal data was erased (eraseCustomer): the e-mail is then a placeholder, the name empty. Null: never erased.',
  })
  @Property({ type: 'datetime', nullable: true })
  erasedAt?: Date | null;

  constructor(email: string, name?: string) {
    this.email = email.toLowerCase();
    this.name = name;
  }
}
