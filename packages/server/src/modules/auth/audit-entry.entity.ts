/** The audit log: who changed access or settings (users, roles, API keys, channels, warehouses), and when. */
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One administrative action.' })
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['at', 'id'] })
export class AuditEntry {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Millisecond precision, so that cursors round-trip exactly. */
  @Field(() => Date)
  @Property({ type: 'datetime', length: 3 })
  at: Date = new Date();

  @Field(() => String, { description: 'Who did it, e.g. "user:ada@example.com" or "key:Marketplace (omsk_Ab12Cd34)".' })
  @Property({ type: 'string', length: 300 })
  actor: string;

  @Field(() => String, { description: 'What was done, e.g. "user.create", "apiKey.rotate".' })
  @Property({ type: 'string', length: 100 })
  action: string;

  @Field(() => String, { description: 'The kind of thing acted on: user, apiKey, channel, warehouse.' })
  @Property({ type: 'string', length: 50 })
  targetType: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  targetId?: string;

  @Field(() => GraphQLJSONObject, { description: 'What changed; never a secret or a password.' })
  @Property({ type: 'json' })
  details: Record<string, unknown>;

  constructor(props: {
    actor: string;
    action: string;
    targetType: string;
    targetId?: string;
    details?: Record<string, unknown>;
  }) {
    this.actor = props.actor;
    this.action = props.action;
    this.targetType = props.targetType;
    this.targetId = props.targetId;
    this.details = props.details ?? {};
  }
}
