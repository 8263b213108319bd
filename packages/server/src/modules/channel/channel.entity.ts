/** A sales channel (web shop, marketplace, B2B portal): orders arrive through one, in its currency. */
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../../common/node';

@ObjectType({ description: 'A sales channel through which orders arrive.', implements: Node })
@Entity({ tableName: 'channel' })
export class Channel {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String)
  @Property({ type: 'string', length: 64, unique: true })
  code: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name: string;

  @Field(() => String, { description: 'ISO 4217 currency of every order in this channel.' })
  @Property({ type: 'string', length: 3 })
  currency: string;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  constructor(code: string, name: string, currency: string) {
    this.code = code;
    this.name = name;
    this.currency = currency;
  }
}
