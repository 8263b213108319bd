import { Arg, Authorized, Ctx, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Permission } from '../auth';
import type { RequestContext } from '../../common/context';
import { Payload } from '../../common/payload';
import { Channel } from './channel.entity';
import { CreateChannelInput } from './channel.inputs';
import { ChannelService } from './channel.service';

@ObjectType()
export class ChannelPayload extends Payload('ChannelPayload', 'channel', Channel) {
  channel?: Channel;
}

@Resolver(() => Channel)
export class ChannelResolver {
  constructor(private readonly service: ChannelService) {}

  @Authorized(Permission.CHANNEL_READ)
  @Query(() => [Channel])
  channels(@Ctx() ctx: RequestContext) {
    return this.service.list(ctx);
  }

  @Authorized(Permission.CHANNEL_WRITE)
  @Mutation(() => ChannelPayload)
  createChannel(@Ctx() ctx: RequestContext, @Arg('input', () => CreateChannelInput) input: CreateChannelInput) {
    return this.service.create(ctx, input);
  }
}
