/** A back-office user and the sign-in sessions issued to them. */
import { Entity, Enum, ManyToOne, PrimaryKey, Property, Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from './permissions';

export { Role };

@ObjectType({ description: 'A back-office user.' })
@Entity({ tableName: 'app_user' })
export class User {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String)
  @Property({ type: 'string', length: 320, unique: true })
  email: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name: string;

  /** bcrypt hash; never exposed. */
  @Property({ type: 'string', length: 100, hidden: true })
  passwordHash: string;

  @Field(() => Role)
  @Enum({ items: () => Role, nativeEnumName: 'user_role' })
  role: Role = Role.ADMIN;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Field(() => Boolean, {
    description:
      'Set when an admin gave the password: the user must choose a new one (changePassword) before doing anything else.',
  })
  @Property({ type: 'boolean', default: false })
  mustChangePassword: boolean = false;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastLoginAt?: Date;

  constructor(email: string, name: string, passwordHash: string, role: Role) {
    this.email = email.toLowerCase();
    this.name = name;
    this.passwordHash = passwordHash;
    this.role = role;
  }
}

/** An opaque bearer token; only its SHA-256 is stored, so a database leak yields no usable token. */
@Entity({ tableName: 'user_session' })
export class Session {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade', index: true })
  user: Ref<User>;

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash: string;

  @Property({ type: 'datetime' })
  expiresAt: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  constructor(user: Ref<User>, tokenHash: string, expiresAt: Date) {
    this.user = user;
    this.tokenHash = tokenHash;
    this.expiresAt = expiresAt;
  }
}
