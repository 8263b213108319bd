/**
 * Relay-style cursor pagination, both ways. Cursors are opaque base64url strings of a stable sort
 * key. A page is asked for with `first` (and `after`) from the front, or with `last` (and
 * `before`) from the back; `after` and `before` may also bound one page together.
 */
import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { BadRequestError } from './errors';

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => Boolean, {
    description:
      'Whether items come before this page. Exact when paging with last; with first, true when after was given.',
  })
  hasPreviousPage: boolean;

  @Field(() => String, {
    nullable: true,
    description: "The first edge's cursor: pass it as before for the page before.",
  })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "The last edge's cursor: pass it as after for the page after." })
  endCursor: string | null;
}

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;
/** Rows the deprecated unpaged lists (stockLevels, users, apiKeys, warehouses) return at most; page with their connections for more. */
export const LEGACY_LIST_CAP = 500;
/** Ids Query.nodes takes at most. */
export const MAX_NODE_IDS = 100;

/** The paging arguments every connection takes. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** The paging arguments of a connection, for `@Args()` (a connection's own arguments go in a subclass). */
@ArgsType()
export class PagingArgs implements PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `1 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}: the first items (after \`after\`).`,
  })
  first?: number;

  @Field(() => String, { nullable: true, description: 'A cursor (endCursor): items after it.' })
  after?: string;

  @Field(() => Int, {
    nullable: true,
    description: `1 to ${MAX_PAGE_SIZE}: the last items (before \`before\`). Not with first.`,
  })
  last?: number;

  @Field(() => String, { nullable: true, description: 'A cursor (startCursor): items before it.' })
  before?: string;
}

/** A checked page request: its size, its bounds (decoded cursors) and which end it is read from. */
export interface Page {
  limit: number;
  after?: (string | number)[];
  before?: (string | number)[];
  /** Read from the back (`last`, or `before` alone): fetched in reverse sort order, returned in sort order. */
  backward: boolean;
}

function size(name: 'first' | 'last', n: number | undefined | null): number | undefined {
  if (n === undefined || n === null) return undefined;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
    throw new BadRequestError(`${name} must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return n;
}

export function pageSize(first: number | undefined | null): number {
  return size('first', first) ?? DEFAULT_PAGE_SIZE;
}

/**
 * Checks the paging arguments: first and last are each 1..MAX_PAGE_SIZE and not both given; after
 * and before are cursors of `arity` parts. `decode` reads a cursor instead (a connection whose
 * cursors carry more, e.g. the sort they belong to); it throws for a cursor it refuses.
 */
export function pageOf(
  args: PageArgs,
  arity: number,
  decode: (cursor: string | null | undefined, name: 'after' | 'before') => (string | number)[] | undefined = (
    c,
    name,
  ) => decodeCursor(c, arity, name),
): Page {
  return pageFrom(args, decode(args.after, 'after'), decode(args.before, 'before'));
}

/** A page from checked sizes and already decoded bounds (pageOf, for a connection that reads its cursors itself). */
export function pageFrom(
  args: Pick<PageArgs, 'first' | 'last'>,
  after: (string | number)[] | undefined,
  before: (string | number)[] | undefined,
): Page {
  if (args.first != null && args.last != null) throw new BadRequestError('first and last cannot be used together');
  const first = size('first', args.first);
  const last = size('last', args.last);
  const backward = last !== undefined || (first === undefined && before !== undefined && after === undefined);
  return { limit: first ?? last ?? DEFAULT_PAGE_SIZE, after, before, backward };
}

export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor(
  cursor: string | undefined | null,
  arity: number,
  name: 'after' | 'before' = 'after',
): (string | number)[] | undefined {
  if (!cursor) return undefined;
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.length === arity) return parts;
  } catch {
    /* fall through */
  }
  throw new BadRequestError(`${name} is not a valid cursor`);
}

export type SortDir = 'asc' | 'desc';

/** A cursor's parts read as (timestamp, id), for the sorts newest or oldest first; throws for a part that is not. */
export function dateAndId(parts: (string | number)[]): [Date, string] {
  const at = new Date(String(parts[0]));
  if (Number.isNaN(at.getTime())) throw new BadRequestError('not a valid cursor');
  return [at, String(parts[1])];
}

/** parse(parts), a refusal naming the argument (after, before). */
function parsed(parse: (parts: (string | number)[]) => unknown[], parts: (string | number)[], side: string) {
  try {
    return parse(parts);
  } catch {
    throw new BadRequestError(`${side} is not a valid cursor`);
  }
}

/** The direction to fetch in: the sort's own, or its reverse for a page read from the back. */
export function fetchDir(dir: SortDir, page: Page): SortDir {
  return page.backward ? (dir === 'asc' ? 'desc' : 'asc') : dir;
}

/** An orderBy of the sort's keys, each in `fetchDir`. */
export function fetchOrder<K extends string>(keys: readonly K[], dir: SortDir, page: Page): Record<K, SortDir> {
  const d = fetchDir(dir, page);
  return Object.fromEntries(keys.map((k) => [k, d])) as Record<K, SortDir>;
}

/**
 * The keyset bounds of a page as MikroORM filters, for a sort on `keys` (all in `dir`), e.g.
 * after (a, b) in ascending order: a > a0 or (a = a0 and b > b0). `parse` turns the cursor's
 * parts back into values (dates). Returns the filters to AND with the page's own (none: []).
 */
export function keysetFilters(
  keys: readonly string[],
  dir: SortDir,
  page: Page,
  parse: (parts: (string | number)[]) => unknown[] = (p) => p,
): Record<string, unknown>[] {
  const bound = (parts: (string | number)[], side: 'after' | 'before') => {
    const values = parsed(parse, parts, side);
    const op = (dir === 'asc') === (side === 'after') ? '$gt' : '$lt';
    const or = keys.map((key, i) => {
      const eq = Object.fromEntries(keys.slice(0, i).map((k, j) => [k, values[j]]));
      return { ...eq, [key]: { [op]: values[i] } };
    });
    return or.length === 1 ? or[0] : { $or: or };
  };
  const out: Record<string, unknown>[] = [];
  if (page.after) out.push(bound(page.after, 'after'));
  if (page.before) out.push(bound(page.before, 'before'));
  return out;
}

/** `where` limited to the page's keyset bounds (keysetFilters). */
export function keysetWhere<W extends object>(
  where: W,
  keys: readonly string[],
  dir: SortDir,
  page: Page,
  parse?: (parts: (string | number)[]) => unknown[],
): W {
  const bounds = keysetFilters(keys, dir, page, parse);
  return (bounds.length ? { $and: [where, ...bounds] } : where) as W;
}

/**
 * The keyset bounds of a page as SQL row comparisons on `columns` (all sorted in `dir`), with `?`
 * placeholders: `(a, b) > (?, ?)` for after in ascending order.
 */
export function keysetSql(
  columns: readonly string[],
  dir: SortDir,
  page: Page,
  parse: (parts: (string | number)[]) => unknown[] = (p) => p,
): { text: string; values: unknown[] }[] {
  const row = `(${columns.join(', ')})`;
  const marks = `(${columns.map(() => '?').join(', ')})`;
  const out: { text: string; values: unknown[] }[] = [];
  if (page.after)
    out.push({ text: `${row} ${dir === 'asc' ? '>' : '<'} ${marks}`, values: parsed(parse, page.after, 'after') });
  if (page.before)
    out.push({ text: `${row} ${dir === 'asc' ? '<' : '>'} ${marks}`, values: parsed(parse, page.before, 'before') });
  return out;
}

export function Connection<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}ConnectionBase`)
  abstract class ConnectionClass {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => [node], { description: 'The nodes of edges, for convenience.' })
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many items match, across all pages.' })
    totalCount: number;
  }
  return ConnectionClass;
}

/**
 * Builds a connection from up to limit + 1 fetched items (in fetch order: reversed for a page
 * read from the back). hasNextPage/hasPreviousPage: the extra item tells whether more lie beyond
 * the far end; a cursor given for the near end means an item lies beyond it. totalCount is counted
 * only if a client asks for it (a lazy getter), so paging does not pay for a count it does not show.
 */
export function toConnection<T>(
  items: T[],
  page: Page | number,
  cursorOf: (t: T) => (string | number)[],
  count: () => Promise<number>,
) {
  const p: Page = typeof page === 'number' ? { limit: page, backward: false } : page;
  const more = items.length > p.limit;
  const slice = items.slice(0, p.limit);
  if (p.backward) slice.reverse();
  const edges = slice.map((node) => ({ node, cursor: encodeCursor(cursorOf(node)) }));
  let counted: Promise<number> | undefined;
  return {
    edges,
    nodes: slice,
    pageInfo: {
      hasNextPage: p.backward ? !!p.before : more || !!p.before,
      hasPreviousPage: p.backward ? more || !!p.after : !!p.after,
      startCursor: edges.length ? edges[0].cursor : null,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
    get totalCount(): Promise<number> {
      counted ??= count();
      return counted;
    },
  };
}
