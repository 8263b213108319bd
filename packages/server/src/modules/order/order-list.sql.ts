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
  /**
   * How the customer part of the search is written (same matches either way): 'narrow' (default)
   * finds the matching customers' orders by customer; 'broad' tests each order in the sort's
   * order against the set of matching customers. See searchBreadth.
   */
  searchShape?: SearchShape;
  /**
   * The narrow shape's matching customers, when searchBreadth found them all: the statement then
   * reads their orders by customer id without searching the customers a second time.
   */
  searchCustomerIds?: string[];
}

export type SearchShape = 'narrow' | 'broad';

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** `%term%` for ILIKE, with LIKE's wildcards and escape matched literally. */
export const containsPattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

/**
 * The search: the order number or external id, exactly, or part of the customer's e-mail or name
 * (case-insensitive). Written as the union of three index lookups (number: unique index; external
 * id: its index; customers: trigram indexes, then their orders by customer) rather than one OR,
 * which PostgreSQL can only answer by testing every order.
 */
export function orderSearch(
  term: string,
  searchCustomers: boolean,
  shape: SearchShape = 'narrow',
  customerIds?: string[],
): Condition {
  if (!searchCustomers) {
    return {
      text: `o.id in (select id from "order" where number = ? union all select id from "order" where external_id = ?)`,
      values: [term, term],
    };
  }
  const like = containsPattern(term);
  if (shape === 'broad') {
    // The same matches as one OR: PostgreSQL walks the sort's index (or the filter's) and tests
    // each order against a hash of the matching customers' ids (a hashed SubPlan), stopping once
    // the page is full. Cheap when many customers match; with few, it would walk the whole index.
    return {
      text: `o.number = ? or o.external_id = ? or o.customer_id in (select id from customer where email ilike ? or name ilike ?)`,
      values: [term, term, like, like],
    };
  }
  if (customerIds) {
    return {
      text: `o.id in (select id from "order" where number = ?
                    union all select id from "order" where external_id = ?
                    union all select id from "order" where customer_id = any(?::uuid[]))`,
      // As an array literal: the query builder would spread a JS array into a list of values. Ids are uuids.
      values: [term, term, `{${customerIds.join(',')}}`],
    };
  }
  return {
    text: `o.id in (select id from "order" where number = ?
                    union all select id from "order" where external_id = ?
                    union all select id from "order" where customer_id in (select id from customer where email ilike ? or name ilike ?))`,
    values: [term, term, like, like],
  };
}

/**
 * Which search shape reads fewer orders for a page of `pageRows`, from how many customers match
 * the term (counted up to the break-even point, so a common fragment is not counted whole):
 * with m of C customers matching and N orders, about m·N/C orders belong to them (narrow: read
 * them all, sort, keep a page), and walking the sort's index finds a page after about
 * pageRows·C/m orders (broad). Broad wins when m > C·sqrt(pageRows / N) (about 1,430 customers
 * for 51 rows at 200,000 customers and a million orders). C and N are the planner's table sizes
 * (pg_class.reltuples); unknown (never analyzed): narrow, the shape that is never slow on small tables.
 * Returns the matching customers' `ids` (at most threshold + 1; all of them when the sizes are
 * unknown) and `threshold` (0 when unknown). Below the threshold the ids are every match, and the
 * narrow statement uses them instead of searching the customers again.
 */
export function searchBreadth(term: string, pageRows: number): Condition {
  const like = containsPattern(term);
  return {
    text: `with size as (
             select greatest((select reltuples from pg_class where oid = 'customer'::regclass), 0)::float8 as customers,
                    greatest((select reltuples from pg_class where oid = '"order"'::regclass), 0)::float8 as orders),
           threshold as (select case when orders > 0 and customers > 0 then ceil(customers * sqrt(?::float8 / orders))::int else 0 end as m from size),
           -- materialized: planned for every match (the trigram indexes), read only up to the limit.
           -- Planned under the limit, a long term's few estimated matches made a scan of every
           -- customer look cheaper (a second at 200,000 customers).
           matching as materialized (select id from customer where email ilike ? or name ilike ?)
           select array(select id from matching limit (select nullif(m, 0) + 1 from threshold)) as ids,
                  (select m from threshold) as threshold`,
    values: [pageRows, like, like],
  };
}

/** The shape searchBreadth's answer calls for, with the customers for the narrow one. */
export function searchPlan(r: { ids: string[]; threshold: number }): {
  searchShape: SearchShape;
  searchCustomerIds?: string[];
} {
  return r.threshold > 0 && r.ids.length > r.threshold
    ? { searchShape: 'broad' }
    : { searchShape: 'narrow', searchCustomerIds: r.ids };
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
  if (f.search) c.push(orderSearch(f.search, f.searchCustomers, f.searchShape, f.searchCustomerIds));
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
