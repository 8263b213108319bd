/**
 * The tags in use on orders, most used first, for the order desk's tag filter. Placeholders are
 * PostgreSQL's $1, $2, ...
 */
import type { Statement } from './order-placement.sql';

export interface TagCountRow {
  tag: string;
  orders: number;
}

/** Tags on orders of the given channels (all channels when `channelIds` is null), with their order counts. */
export function tagsInUse(channelIds: readonly string[] | null, limit: number): Statement {
  return {
    text: `select t.tag, count(*)::int as orders
      from "order" o cross join lateral unnest(o.tags) as t(tag)
      where cardinality(o.tags) > 0 and ($1::uuid[] is null or o.channel_id = any($1::uuid[]))
      group by t.tag
      order by orders desc, t.tag
      limit $2`,
    values: [channelIds, limit],
  };
}
