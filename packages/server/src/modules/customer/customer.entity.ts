/** A buyer, identified by e-mail (stored lower-case). */
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../../common/node';

@ObjectType({ description: 'A buyer, identified by e-mail.', implements: Node })
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

  constructor(email: string, name?: string) {
    this.email = email.toLowerCase();
    this.name = name;
  }
}
