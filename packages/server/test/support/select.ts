/**
 * Response types for the tests' GraphQL documents, written as the selection they make and checked
 * against the schema's types (schema-types.ts, generated from schema.graphql):
 *
 *   const r = await t.q<Select<Query, { order: { id: true; lines: { sku: true; quantity: true } } }>>(
 *     'query($id: ID!) { order(id: $id) { id lines { sku quantity } } }', { id });
 *
 * A field named in the selection must exist on the type (a misspelt or removed field fails the
 * type check); `true` takes the field's type as it is; an object selection keeps the field's
 * nullability and list-ness. Aliases are not known to it: give those a shape of their own.
 */
export type * from './schema-types';

type Unwrap<V> = V extends readonly (infer U)[] ? Unwrap<U> : NonNullable<V>;

/** What may be selected of T: each field, as `true` or, for an object field, its own selection. */
export type Selection<T> = { [K in keyof T]?: true | Selection<Unwrap<T[K]>> };

type Apply<V, S> = null extends V
  ? Apply<NonNullable<V>, S> | null
  : V extends readonly (infer U)[]
    ? Apply<U, S>[]
    : V extends object
      ? Select<V, S>
      : V;

/** The response shape of selection S on type T. */
export type Select<T, S extends Selection<T>> = {
  [K in keyof S & keyof T]: S[K] extends true ? T[K] : Apply<T[K], S[K]>;
};

declare const RESULT: unique symbol;

/**
 * A GraphQL document that carries its response type: at run time it is the very string (so what
 * is sent is unchanged); `t.q(doc)` and `t.gql(doc)` take their data type from it.
 */
export type Operation<T> = string & { readonly [RESULT]?: T };
export const operation = <T>(text: string): Operation<T> => text as Operation<T>;

/** A GraphQL response body as a client reads it from plain fetch (tests that talk to a second process). */
export interface GqlBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}
