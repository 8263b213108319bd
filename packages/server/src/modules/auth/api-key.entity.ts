/**
 * A partner API key: a secret for one partner app, limited to some channels and permissions.
 * Only SHA-256 hashes of secrets are stored. Rotation keeps the previous secret valid until
 * previousValidUntil, so a partner can switch without downtime.
 */
import { Collection, Entity, Enum, ManyToMany, ManyToOne, PrimaryKey, Property, Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { Channel } from '../channel';
import { Permission } from './permissions';
import { User } from './user.entity';

@ObjectType({
  description: 'A key a partner app calls the API with. Its secret is shown once, when it is created or rotated.',
})
@Entity({ tableName: 'api_key' })
export class ApiKey {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name: string;

  @Field(() => String, {
    description: "The first characters of the current secret, to recognise it (e.g. in a partner's configuration).",
  })
  @Property({ type: 'string', length: 20 })
  prefix: string;

  @Property({ type: 'string', length: 64, unique: true, hidden: true })
  secretHash: string;

  @Property({ type: 'string', length: 64, nullable: true, index: true, hidden: true })
  previousSecretHash?: string;

  @Field(() => Date, {
    nullable: true,
    description: 'Until when the secret replaced by the last rotation still works.',
  })
  @Property({ type: 'datetime', nullable: true })
  previousValidUntil?: Date;

  @ManyToMany(() => Channel, undefined, {
    pivotTable: 'api_key_channel',
    joinColumn: 'api_key_id',
    inverseJoinColumn: 'channel_id',
  })
  channels = new Collection<Channel>(this);

  @Field(() => [Permission])
  @Enum({ items: () => Permission, array: true, columnType: 'text[]' })
  permissions: Permission[];

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  createdBy?: Ref<User>;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'Updated at most once a minute.' })
  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date;

  constructor(props: {
    name: string;
    prefix: string;
    secretHash: string;
    permissions: Permission[];
    createdBy?: Ref<User>;
  }) {
    this.name = props.name;
    this.prefix = props.prefix;
    this.secretHash = props.secretHash;
    this.permissions = props.permissions;
    this.createdBy = props.createdBy;
  }

  rotate(prefix: string, secretHash: string, graceSeconds: number, now = new Date()) {
    this.previousSecretHash = this.secretHash;
    this.previousValidUntil = new Date(now.getTime() + graceSeconds * 1000);
    this.prefix = prefix;
    this.secretHash = secretHash;
  }

  revoke(now = new Date()) {
    this.revokedAt ??= now;
    this.previousSecretHash = undefined;
    this.previousValidUntil = undefined;
  }
}
