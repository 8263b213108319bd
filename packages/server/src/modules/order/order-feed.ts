/** Live order updates for subscriptions, filtered by order or by channel. */
import { rejectNul } from '../../common/query-args';
import type { EntityManager } from '@mikro-orm/postgresql';
import { filter, pipe } from '@graphql-yoga/subscription';
import { isUUID } from 'class-validator';
import { BadRequestError } from '../../common/errors';
import { OmsPubSub, ORDER_UPDATED, OrderUpdatedMessage } from '../../common/pubsub';
import { Channel } from '../channel/channel.entity';

export class OrderFeed {
  constructor(private readonly pubsub: OmsPubSub) {}

  async subscribe(em: EntityManager, args: { id?: string | null; channelCode?: string | null }): Promise<AsyncIterable<OrderUpdatedMessage>> {
    rejectNul(args);
    let channelId: string | undefined;
    if (args.id && !isUUID(args.id)) throw new BadRequestError('id is not a valid order id');
    if (args.channelCode) {
      const channel = await em.findOne(Channel, { code: args.channelCode });
      if (!channel) throw new BadRequestError(`Unknown channel ${args.channelCode}`);
      channelId = channel.id;
    }
    return pipe(
      this.pubsub.subscribe(ORDER_UPDATED),
      filter((m: OrderUpdatedMessage) => (!args.id || m.orderId === args.id) && (!channelId || m.channelId === channelId)),
    );
  }
}
