/**
 * The SQL of Query.node / Query.nodes: which of a list of UUIDs name an object the caller may see,
 * and of which type, in one statement (a union of primary-key lookups, one per type the caller
 * may read). Placeholders are `?` (common/sql.ts); uuid lists go as array literals.
 */
import type { Statement } from '../../common/sql';

export type NodeType = 'Order' | 'Product' | 'Customer' | 'Warehouse' | 'Channel';

/** What the caller may see: the types it may read, and its channels (undefined: every channel). */
export interface NodeScope {
  types: ReadonlySet<NodeType>;
  channelIds?: readonly string[];
}

/** `{a,b}`: a uuid[] literal (the query builder would spread a JS array). Ids must be checked UUIDs. */
const uuids = (ids: readonly string[]) => `{${ids.join(',')}}`;

/**
 * The visible objects among `ids` (checked UUIDs) as rows (type, id). An order is visible in the
 * caller's channels, a channel when it is one of them, a customer when they ordered in one of them
 * (as through Order.customer); products and warehouses belong to no channel.
 */
export function visibleNodes(ids: readonly string[], scope: NodeScope): Statement | undefined {
  const parts: string[] = [];
  const values: unknown[] = [];
  const ch = scope.channelIds ? uuids(scope.channelIds) : undefined;
  const add = (type: NodeType, text: string, ...extra: unknown[]) => {
    if (!scope.types.has(type)) return;
    parts.push(text);
    values.push(uuids(ids), ...extra);
  };
  add(
    'Order',
    `select 'Order' as type, o.id from "order" o where o.id = any(?::uuid[])${ch ? ' and o.channel_id = any(?::uuid[])' : ''}`,
    ...(ch ? [ch] : []),
  );
  add('Product', `select 'Product' as type, p.id from product p where p.id = any(?::uuid[])`);
  add(
    'Customer',
    `select 'Customer' as type, c.id from customer c where c.id = any(?::uuid[])${
      ch ? ' and exists (select 1 from "order" o where o.customer_id = c.id and o.channel_id = any(?::uuid[]))' : ''
    }`,
    ...(ch ? [ch] : []),
  );
  add('Warehouse', `select 'Warehouse' as type, w.id from warehouse w where w.id = any(?::uuid[])`);
  add(
    'Channel',
    `select 'Channel' as type, c.id from channel c where c.id = any(?::uuid[])${ch ? ' and c.id = any(?::uuid[])' : ''}`,
    ...(ch ? [ch] : []),
  );
  if (!parts.length) return undefined;
  return { text: parts.join('\nunion all\n'), values };
}
