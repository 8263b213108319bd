/** The tags in use, for filters: read from a replica like the order list, within the caller's channels. */
import { channelScope } from '../../common/access';
import type { RequestContext } from '../../common/context';
import { BadRequestError } from '../../common/errors';
import { replicaEm } from '../../common/read-replica';
import { run } from '../../common/sql';
import { tagsInUse, TagCountRow } from './order-tags.sql';
import type { OrderTagCount } from './order.types';

export const MAX_TAGS = 500;

export async function orderTagsInUse(ctx: RequestContext, first?: number | null): Promise<OrderTagCount[]> {
  const limit = first ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TAGS)
    throw new BadRequestError(`first must be between 1 and ${MAX_TAGS}`);
  const scope = channelScope(ctx);
  return run<TagCountRow>(replicaEm(ctx.em), tagsInUse(scope ? [...scope] : null, limit));
}
