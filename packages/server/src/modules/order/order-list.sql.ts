/**
 * The SQL of the order list (OrderService.list): its filter conditions on `"order" o`, the
 * search, and the count. Conditions use `?` placeholders (MikroORM's query builder and `sql`).
 * Written for a million orders (docs/scale.md): every filter and sort has an index that yields a
 * page of 50 without sorting every match, the search reads indexes only, and a count stops at
 * the exact-count limit.
 */
import type { OrderStatus } from './order-state';

/** One condition on the order alias `o`, with its values. */
export interface Condition {
  text: string;
  values: unknown[];
}

export interface ListFilter {
  status?: OrderStatus[];
  channelCode?: string;
  /** The caller's channels (a partner key); undefined: every channel. */
  channelIds?: string[];
  placedFrom?: Date;
  placedTo?: Date;
  tag?: string;
  search?: string;
  /** Whether the search also matches part of the customer's e-mail or name (CUSTOMER_READ). */
  searchCustomers: boolean;
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** `%term%` for ILIKE, with LIKE's wildcards and escape matched literally. */
export const containsPattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

/** How many leading characters of a search term the trigram indexes are asked for (orderSearch). */
export const INDEXED_CHARS = 16;

/**
 * The search: the order number or external id, exactly, or part of the customer's e-mail or name
 * (case-insensitive). The e-mail and name are read from the order's own copies (`search_email`,
 * `search_name`, kept by triggers: Migration20261207120000_order_search), so the whole search is
 * one condition on the order row and PostgreSQL picks the plan from how many orders it expects
 * to match (docs/scale.md#search):
 * - few (a whole e-mail, a rare name, a number): a BitmapOr of the number's unique index, the
 *   external id's index and the two trigram indexes, then the matches sorted;
 * - many (`schwa`, a mail domain): the index of the page's sort (or of the status or channel
 *   filter) walked in order, each order's columns tested, stopping when the page is full.
 * Without CUSTOMER_READ only the number and external id, as a union of their two index lookups.
 */
export function orderSearch(term: string, searchCustomers: boolean): Condition {
  if (!searchCustomers) {
    return {
      text: `o.id in (select id from "order" where number = ? union all select id from "order" where external_id = ?)`,
      values: [term, term],
    };
  }
  const like = containsPattern(term);
  const chars = Array.from(term);
  if (chars.length <= INDEXED_CHARS)
    return {
      text: `o.number = ? or o.external_id = ? or o.search_email ilike ? or o.search_name ilike ?`,
      values: [term, term, like, like],
    };
  // A long term (a whole e-mail): the trigram indexes are asked for its first INDEXED_CHARS
  // characters only, and the whole term is tested on the few orders they yield (`|| ''` keeps
  // that test out of the index). Every trigram costs a read of its posting list, and those of a
  // mail domain list most orders: a whole e-mail read about 2,800 index pages, its local part 500.
  const head = containsPattern(chars.slice(0, INDEXED_CHARS).join(''));
  return {
    text: `o.number = ? or o.external_id = ?
           or (o.search_email ilike ? and (o.search_email || '') ilike ?)
           or (o.search_name ilike ? and (o.search_name || '') ilike ?)`,
    values: [term, term, head, like, head, like],
  };
}

/** The conditions of a filter; none for an empty one. */
export function orderListConditions(f: ListFilter): Condition[] {
  const c: Condition[] = [];
  // One status is `=` (the status index then yields placement order); several, a list.
  if (f.status?.length === 1) c.push({ text: 'o.status = ?', values: [f.status[0]] });
  else if (f.status?.length) c.push({ text: `o.status in (${marks(f.status.length)})`, values: [...f.status] });
  // The channel's id first (a one-row lookup), so that the (channel, placed_at) index orders the page.
  if (f.channelCode)
    c.push({ text: 'o.channel_id = (select id from channel where code = ?)', values: [f.channelCode] });
  if (f.channelIds)
    c.push(
      f.channelIds.length
        ? { text: `o.channel_id in (${marks(f.channelIds.length)})`, values: [...f.channelIds] }
        : { text: 'false', values: [] },
    );
  if (f.placedFrom) c.push({ text: 'o.placed_at >= ?', values: [f.placedFrom] });
  if (f.placedTo) c.push({ text: 'o.placed_at < ?', values: [f.placedTo] });
  if (f.tag) c.push({ text: '? = any(o.tags)', values: [f.tag] });
  if (f.search) c.push(orderSearch(f.search, f.searchCustomers));
  return c;
}

const where = (conditions: Condition[]) => ({
  text: conditions.length ? `where ${conditions.map((x) => `(${x.text})`).join(' and ')}` : '',
  values: conditions.flatMap((x) => x.values),
});

/** How many orders match, counting at most `cap` (the answer is then `cap`: "at least"). */
export function cappedOrderCount(conditions: Condition[], cap: number): Condition {
  const w = where(conditions);
  return {
    text: `select count(*)::int as n from (select 1 from "order" o ${w.text} limit ?) x`,
    values: [...w.values, cap],
  };
}

/** Every matching order counted (no cap). */
export function exactOrderCount(conditions: Condition[]): Condition {
  const w = where(conditions);
  return { text: `select count(*)::int as n from "order" o ${w.text}`, values: w.values };
}

/** PostgreSQL's estimate of how many orders match: the row estimate of the plan (no order is read). */
export function estimatedOrderCount(conditions: Condition[]): Condition {
  const w = where(conditions);
  return { text: `explain (format json) select 1 from "order" o ${w.text}`, values: w.values };
}
