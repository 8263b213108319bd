/**
 * Partners build on the API, so schema.graphql may only change compatibly: a field, argument,
 * input field, enum value or type is removed (or changed in a breaking way) only after it was
 * deprecated for at least two minor versions (docs/api.md#versions-and-deprecation). The released
 * schemas are kept in packages/server/schema-releases/<version>.graphql; the committed
 * schema.graphql is compared with the latest of them by graphql-inspector.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { Change, CriticalityLevel, diff } from '@graphql-inspector/core';

const RELEASES = path.resolve(__dirname, '../schema-releases');
const CURRENT = path.resolve(__dirname, '../../../schema.graphql');
const VERSION: string = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../package.json'), 'utf8')).version;

type Version = [number, number, number];
const parse = (v: string): Version => v.split('.').map(Number) as Version;
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

function releases(): { version: string; schema: GraphQLSchema }[] {
  return fs
    .readdirSync(RELEASES)
    .filter((f) => /^\d+\.\d+\.\d+\.graphql$/.test(f))
    .map((f) => f.replace(/\.graphql$/, ''))
    .sort((a, b) => compare(parse(a), parse(b)))
    .map((version) => ({
      version,
      schema: buildSchema(fs.readFileSync(path.join(RELEASES, `${version}.graphql`), 'utf8')),
    }));
}

/** The deprecation reason of the schema element at a graphql-inspector path (Type.field.arg, Type.field, Enum.VALUE), if any. */
function deprecationAt(schema: GraphQLSchema, at: string): string | undefined {
  const [typeName, member, arg] = at.split('.');
  const type = schema.getType(typeName);
  if (!type || !member) return undefined;
  if (isEnumType(type)) return type.getValue(member)?.deprecationReason ?? undefined;
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
    const field = type.getFields()[member] as
      | { deprecationReason?: string | null; args?: readonly { name: string; deprecationReason?: string | null }[] }
      | undefined;
    if (!field) return undefined;
    if (arg) return field.args?.find((a) => a.name === arg)?.deprecationReason ?? undefined;
    return field.deprecationReason ?? undefined;
  }
  return undefined;
}

/**
 * The breaking changes from the released schemas to `next` that the policy does not allow: a
 * breaking change is allowed only on an element deprecated in a release at least two minor
 * versions before `version`.
 */
export async function disallowedChanges(
  released: { version: string; schema: GraphQLSchema }[],
  next: GraphQLSchema,
  version: string,
): Promise<string[]> {
  const latest = released[released.length - 1];
  const changes: Change[] = await diff(latest.schema, next);
  const now = parse(version);
  return changes
    .filter((c) => c.criticality.level === CriticalityLevel.Breaking)
    .filter((c) => {
      const at = c.path ?? '';
      const deprecatedSince = released.find((r) => deprecationAt(r.schema, at) !== undefined);
      if (!deprecatedSince) return true;
      const since = parse(deprecatedSince.version);
      const minorsSince = now[0] > since[0] ? Infinity : now[1] - since[1];
      return minorsSince < 2;
    })
    .map((c) => `${c.path ?? '?'}: ${c.message}`);
}

describe('schema compatibility (graphql-inspector diff against the released schema)', () => {
  const released = releases();

  test('a released schema is kept for the current version or an earlier one', () => {
    expect(released.length).toBeGreaterThan(0);
    expect(compare(parse(released[released.length - 1].version), parse(VERSION))).toBeLessThanOrEqual(0);
  });

  test('schema.graphql changes nothing a partner relies on without deprecating it first', async () => {
    const current = buildSchema(fs.readFileSync(CURRENT, 'utf8'));
    expect(await disallowedChanges(released, current, VERSION)).toEqual([]);
  });

  // The check itself: each kind of breaking change is caught, and a removal after the deprecation period is allowed.
  describe('the check', () => {
    const base = `
      type Query { order(id: ID!): Order, legacy: String @deprecated(reason: "Use order.") }
      type Order { id: ID!, total: Int!, note: String }
      enum Status { OPEN CLOSED }
      input Filter { status: Status, tag: String }
      type Mutation { act(filter: Filter): Order }
    `;
    const v010 = [{ version: '0.1.0', schema: buildSchema(base) }];
    const without = (sdl: string) => buildSchema(sdl);

    test('a removed field is refused, naming it', async () => {
      const next = without(base.replace('note: String', ''));
      expect(await disallowedChanges(v010, next, '0.2.0')).toEqual([expect.stringContaining('Order.note')]);
    });

    test('a changed field type is refused', async () => {
      const next = without(base.replace('total: Int!', 'total: String!'));
      expect(await disallowedChanges(v010, next, '0.2.0')).toEqual([expect.stringContaining('Order.total')]);
    });

    test('a removed enum value and a removed input field are refused', async () => {
      const next = without(base.replace('OPEN CLOSED', 'OPEN').replace('tag: String', ''));
      const refused = await disallowedChanges(v010, next, '0.2.0');
      expect(refused).toEqual(
        expect.arrayContaining([expect.stringContaining('Status.CLOSED'), expect.stringContaining('Filter.tag')]),
      );
    });

    test('an added field is allowed', async () => {
      const next = without(base.replace('note: String', 'note: String, tags: [String!]!'));
      expect(await disallowedChanges(v010, next, '0.2.0')).toEqual([]);
    });

    test('a deprecated field may go two minor versions after its deprecation, not before', async () => {
      const next = without(base.replace(', legacy: String @deprecated(reason: "Use order.")', ''));
      expect(await disallowedChanges(v010, next, '0.2.0')).toEqual([expect.stringContaining('Query.legacy')]);
      expect(await disallowedChanges(v010, next, '0.3.0')).toEqual([]);
    });
  });
});
