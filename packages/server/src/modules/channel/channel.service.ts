/** Sales channels. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { createRecord } from '../../common/catalog-write';
import { channelScope } from '../../common/access';
import type { RequestContext } from '../../common/context';
import { ErrorCode, fail } from '../../common/errors';
import { isCurrencyCode } from '../../common/money';
import { recordAudit } from '../auth';
import { Channel } from './channel.entity';
import { CreateChannelInput } from './channel.inputs';

export class ChannelService {
  /** Every channel, or for a partner key only its own. */
  list(ctx: RequestContext): Promise<Channel[]> {
    const scope = channelScope(ctx);
    return ctx.em.find(Channel, scope ? { id: { $in: [...scope] } } : {}, { orderBy: { code: 'asc' } });
  }

  findByCode(em: EntityManager, code: string): Promise<Channel | null> {
    return em.findOne(Channel, { code });
  }

  async create(ctx: RequestContext, input: CreateChannelInput) {
    const r = await createRecord(
      ctx,
      input,
      'code',
      async (em) => {
        if (!isCurrencyCode(input.currency))
          fail(ErrorCode.INVALID_INPUT, `${input.currency} is not an ISO 4217 currency`, ['input', 'currency']);
        const channel = new Channel(input.code, input.name, input.currency);
        em.persist(channel);
        recordAudit(em, ctx, 'channel.create', 'channel', channel.id, {
          code: channel.code,
          name: channel.name,
          currency: channel.currency,
        });
        await em.flush();
        return channel;
      },
      `A channel with code ${input?.code} already exists`,
    );
    return { channel: r.value, userErrors: r.userErrors };
  }
}
