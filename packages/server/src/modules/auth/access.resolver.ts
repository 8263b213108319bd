import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Connection, PagingArgs } from '../../common/pagination';
import { Payload } from '../../common/payload';
import { Channel } from '../channel';
import { ApiKey } from './api-key.entity';
import { AuditEntry } from './audit-entry.entity';
import { ChangePasswordInput, CreateApiKeyInput, CreateUserInput, UpdateUserInput } from './access.inputs';
import { AccessService } from './access.service';
import { Permission, permissionsOf } from './permissions';
import { User } from './user.entity';

@ObjectType()
export class UserPayload extends Payload('UserPayload', 'user', User) {
  user?: User;
}

@ObjectType()
export class ApiKeyPayload extends Payload('ApiKeyPayload', 'apiKey', ApiKey) {
  apiKey?: ApiKey;
}

@ObjectType()
export class CreateApiKeyPayload extends ApiKeyPayload {
  @Field(() => String, {
    nullable: true,
    description: 'The key to send as Authorization: Bearer <secret>. Shown only here, once; only its hash is kept.',
  })
  secret?: string;
}

@ObjectType()
export class AuditEntryConnection extends Connection(AuditEntry, 'AuditEntry') {}

@ObjectType()
export class UserConnection extends Connection(User, 'User') {}

@ObjectType()
export class ApiKeyConnection extends Connection(ApiKey, 'ApiKey') {}

@Resolver(() => User)
export class UserResolver {
  constructor(private readonly access: AccessService) {}

  @Authorized(Permission.USER_MANAGE)
  @Query(() => [User], {
    description: 'Staff users, by e-mail. At most 500.',
    deprecationReason: 'Unpaged: returns at most 500 users. Use usersConnection(first, after).',
  })
  users(@Ctx() ctx: RequestContext) {
    return this.access.users(ctx.em);
  }

  @Authorized(Permission.USER_MANAGE)
  @Query(() => UserConnection, { description: 'Staff users by e-mail, a page at a time.' })
  usersConnection(@Ctx() ctx: RequestContext, @Args(() => PagingArgs) args: PagingArgs) {
    return this.access.usersPage(ctx.em, args);
  }

  @Authorized(Permission.USER_MANAGE)
  @Mutation(() => UserPayload, {
    description: 'Invites a user with a one-time password, which they must change at first sign-in.',
  })
  createUser(@Ctx() ctx: RequestContext, @Arg('input', () => CreateUserInput) input: CreateUserInput) {
    return this.access.createUser(ctx, input);
  }

  @Authorized(Permission.USER_MANAGE)
  @Mutation(() => UserPayload, {
    description: 'Renames, changes the role of, deactivates or reactivates a user, or resets their password.',
  })
  updateUser(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateUserInput) input: UpdateUserInput) {
    return this.access.updateUser(ctx, input);
  }

  @Authorized()
  @Mutation(() => UserPayload, { description: 'The signed-in user sets a new password; their other sessions end.' })
  changePassword(@Ctx() ctx: RequestContext, @Arg('input', () => ChangePasswordInput) input: ChangePasswordInput) {
    return this.access.changePassword(ctx, input);
  }

  @FieldResolver(() => [Permission], { description: 'What the role allows.' })
  permissions(@Root() user: User): Permission[] {
    return [...permissionsOf(user.role)];
  }
}

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  constructor(private readonly access: AccessService) {}

  @Authorized(Permission.API_KEY_MANAGE)
  @Query(() => [ApiKey], {
    description: 'Partner API keys, newest first, revoked ones included. At most 500.',
    deprecationReason: 'Unpaged: returns at most 500 keys. Use apiKeysConnection(first, after).',
  })
  apiKeys(@Ctx() ctx: RequestContext) {
    return this.access.apiKeys(ctx.em);
  }

  @Authorized(Permission.API_KEY_MANAGE)
  @Query(() => ApiKeyConnection, {
    description: 'Partner API keys, newest first, revoked ones included, a page at a time.',
  })
  apiKeysConnection(@Ctx() ctx: RequestContext, @Args(() => PagingArgs) args: PagingArgs) {
    return this.access.apiKeysPage(ctx.em, args);
  }

  @Authorized(Permission.API_KEY_MANAGE)
  @Mutation(() => CreateApiKeyPayload, {
    description: 'Creates a key limited to some channels and permissions; the secret is returned once.',
  })
  createApiKey(@Ctx() ctx: RequestContext, @Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput) {
    return this.access.createApiKey(ctx, input);
  }

  @Authorized(Permission.API_KEY_MANAGE)
  @Mutation(() => CreateApiKeyPayload, {
    description:
      'Issues a new secret; the old one keeps working until previousValidUntil (OMS_API_KEY_ROTATION_GRACE_SECONDS).',
  })
  rotateApiKey(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.access.rotateApiKey(ctx, id);
  }

  @Authorized(Permission.API_KEY_MANAGE)
  @Mutation(() => ApiKeyPayload, { description: 'Stops the key at once, both its current and any previous secret.' })
  revokeApiKey(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.access.revokeApiKey(ctx, id);
  }

  @FieldResolver(() => [Channel])
  channels(@Root() key: ApiKey) {
    return key.channels.loadItems();
  }
}

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(private readonly access: AccessService) {}

  @Authorized(Permission.AUDIT_READ)
  @Query(() => AuditEntryConnection, {
    description: 'Administrative actions (users, roles, API keys, channels, warehouses), newest first.',
  })
  auditLog(@Ctx() ctx: RequestContext, @Args(() => PagingArgs) args: PagingArgs) {
    return this.access.auditLog(ctx.em, args);
  }
}
