/** A stock location. Sourcing prefers warehouses with the lowest priority number. */
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../common/node';

@ObjectType({ description: 'A stock location. Lower priority numbers are sourced first.', implements: Node })
@Entity({ tableName: 'warehouse' })
export class Warehouse {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String)
  @Property({ type: 'string', length: 64, unique: true })
  code: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  priority: number;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  constructor(code: string, name: string, priority: number) {
    this.code = code;
    this.name = name;
    this.priority = priority;
  }
}
