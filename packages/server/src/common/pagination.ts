/** Relay-style cursor pagination. Cursors are opaque base64url strings of a stable sort key. */
import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { BadRequestError } from './errors';

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;
/** Rows the deprecated unpaged lists (stockLevels, users, apiKeys, warehouses) return at most; page with their connections for more. */
export const LEGACY_LIST_CAP = 500;

export function pageSize(first: number | undefined | null): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadRequestError(`first must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return first;
}

export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined | null, arity: number): (string | number)[] | undefined {
  if (!cursor) return undefined;
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.length === arity) return parts;
  } catch {
    /* fall through */
  }
  throw new BadRequestError('after is not a valid cursor');
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
 * Builds a connection from limit + 1 fetched items. totalCount is counted only if a client asks
 * for it (a lazy getter), so paging does not pay for a count it does not show.
 */
export function toConnection<T>(
  items: T[],
  limit: number,
  cursorOf: (t: T) => (string | number)[],
  count: () => Promise<number>,
) {
  const page = items.slice(0, limit);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(cursorOf(node)) }));
  let counted: Promise<number> | undefined;
  return {
    edges,
    nodes: page,
    pageInfo: { hasNextPage: items.length > limit, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    get totalCount(): Promise<number> {
      counted ??= count();
      return counted;
    },
  };
}
