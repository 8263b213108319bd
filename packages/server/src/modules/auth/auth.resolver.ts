import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { UserError } from '../../common/errors';
import { AuthService } from './auth.service';
import { User } from './user.entity';

@ObjectType()
export class LoginPayload {
  @Field(() => String, { nullable: true, description: 'Send as Authorization: Bearer <token>.' })
  token?: string;

  @Field(() => User, { nullable: true })
  user?: User;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True when the user must choose a new password (changePassword) before anything else: an invited user, a reset, or the first admin with a well-known password. Null when sign-in failed.',
  })
  mustChangePassword?: boolean;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@Resolver(() => User)
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => LoginPayload, { description: 'The only operation that needs no token.' })
  login(
    @Ctx() ctx: RequestContext,
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
  ) {
    return this.auth.login(ctx, email, password);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Revokes the token this request was made with.' })
  logout(@Ctx() ctx: RequestContext) {
    return this.auth.logout(ctx.em, ctx.token);
  }

  @Authorized()
  @Query(() => User, { nullable: true, description: 'The signed-in user (null for an API key).' })
  me(@Ctx() ctx: RequestContext) {
    return ctx.actor?.kind === 'user' ? ctx.em.findOne(User, { id: ctx.actor.id }) : null;
  }
}
