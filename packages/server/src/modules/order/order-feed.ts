/** Live order updates for subscriptions, filtered by order or by channel. */
import { rejectNul } from '../../common/query-args';
import { channelScope } from '../../common/access';
import type { RequestContext } from '../../common/context';
import { filter, pipe } from '@graphql-yoga/subscription';
import { isUUID } from 'class-validator';
import { BadRequestError } from '../../common/errors';
import { OmsPubSub, ORDER_UPDATED, OrderUpdatedMessage } from '../../common/pubsub';
import { Channel } from '../channel/channel.entity';

export class OrderFeed {
  constructor(private readonly pubsub: OmsPubSub) {}

  /** A partner key only ever receives updates of orders in its own channels. */
  async subscribe(ctx: RequestContext, args: { id?: string | null; channelCode?: string | null }): Promise<AsyncIterable<OrderUpdatedMessage>> {
    rejectNul(args);
    const { em } = ctx;
    const scope = channelScope(ctx);
    let channelId: string | undefined;
    if (args.id && !isUUID(args.id)) throw new BadRequestError('id is not a valid order id');
    if (args.channelCode) {
      const channel = await em.findOne(Channel, { code: args.channelCode });
      if (!channel || (scope && !scope.includes(channel.id))) throw new BadRequestError(`Unknown channel ${args.channelCode}`);
      channelId = channel.id;
    }
    return pipe(
      this.pubsub.subscribe(ORDER_UPDATED),
      filter((m: OrderUpdatedMessage) => (!args.id || m.orderId === args.id) && (!channelId || m.channelId === channelId) && (!scope || scope.includes(m.channelId))),
    );
  }
}
