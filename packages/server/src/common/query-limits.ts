/**
 * Limits on what one GraphQL operation may ask for: its depth (graphql-depth-limit, a validation
 * rule), its aliases (aliasRule) and its cost (graphql-query-complexity): every field costs 1,
 * and every list is priced by its bound, 1 + bound x (the cost of one item):
 * - a field with a `first` argument (a page): first (or last), defaulting to the default page size;
 * - Query.nodes: the number of ids it is given;
 * - the nodes/edges of a connection: 1 (the page above them is the multiplier);
 * - a list without paging: its entry in LIST_ESTIMATES (a cap the server enforces, such as a bulk
 *   mutation's results, one per input item and at most MAX_BULK_ITEMS, or an
 *   estimate of a small list), else DEFAULT_LIST_ESTIMATE. Nested lists multiply.
 * A payload's userErrors count as one item, and __typename costs nothing.
 * The cost is reported in each response's `extensions.cost`.
 */
import depthLimit from 'graphql-depth-limit';
import {
  DocumentNode,
  FragmentDefinitionNode,
  getNullableType,
  GraphQLError,
  GraphQLSchema,
  isListType,
  Kind,
  SelectionSetNode,
  ValidationRule,
} from 'graphql';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, LEGACY_LIST_CAP, MAX_NODE_IDS, MAX_PAGE_SIZE } from './pagination';
import { MAX_BULK_ITEMS } from './bulk';

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  /** Aliased fields one operation may hold (fragments counted each time they are spread); 0: no limit. */
  maxAliases?: number;
}

const pageEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((a) => a.name === 'first')) return undefined;
  // A page over the maximum is refused by the field itself, with a clearer message than a cost.
  const asked = args.first ?? args.last;
  const first = Number.isInteger(asked) && asked > 0 ? Math.min(asked, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  return 1 + first * childComplexity;
};

/** Query.nodes: priced by the ids it is given (at most MAX_NODE_IDS; more are refused by the field). */
const nodesEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (type.name !== 'Query' || field.name !== 'nodes') return undefined;
  const n = Array.isArray(args.ids) ? Math.min(args.ids.length, MAX_NODE_IDS) : MAX_NODE_IDS;
  return 1 + n * childComplexity;
};

/** How many items an unpaged list is priced at when LIST_ESTIMATES has no entry for it. */
export const DEFAULT_LIST_ESTIMATE = 10;

/**
 * Unpaged lists (`Type.field`) priced at other than DEFAULT_LIST_ESTIMATE. The deprecated
 * top-level lists return at most LEGACY_LIST_CAP (500) rows and are priced at that; the rest are
 * estimates of lists that stay small (a product's stock rows are one per warehouse, an order's
 * lines are what a customer bought, a line's allocations one per warehouse it is sourced from). A list inside a result whose field already took `first`
 * (the report's top N, late orders) is priced 1: the page is the multiplier.
 */
export const LIST_ESTIMATES: Record<string, number> = {
  'Query.stockLevels': LEGACY_LIST_CAP,
  'Query.users': LEGACY_LIST_CAP,
  'Query.apiKeys': LEGACY_LIST_CAP,
  'Query.warehouses': LEGACY_LIST_CAP,
  'Query.webhookEndpoints': LEGACY_LIST_CAP,
  'UpsertProductsPayload.results': MAX_BULK_ITEMS,
  'SetStockLevelsPayload.results': MAX_BULK_ITEMS,
  'Query.channels': 50,
  'Query.automationRules': 50,
  'Query.dryRunAutomation': 50,
  'Product.stockLevels': 20,
  'ApiKey.channels': 20,
  'Order.lines': 10,
  'OrderLine.allocations': 3,
  'Order.history': 30,
  'LateOrders.nodes': 1,
  'TopReport.skusByRevenue': 1,
  'TopReport.skusByUnits': 1,
  'TopReport.bottomSkusByRevenue': 1,
  'TopReport.bottomSkusByUnits': 1,
  'TopReport.customersByRevenue': 1,
  'TopReport.customersByUnits': 1,
  'SalesReport.series': 31,
  'SalesReport.previousSeries': 31,
  'FulfilmentReport.series': 31,
};

const listEstimator: ComplexityEstimator = ({ type, field, childComplexity }) => {
  // __typename (which clients such as Apollo add to every selection) resolves nothing: free.
  if (field.name.startsWith('__')) return 0;
  if (!isListType(getNullableType(field.type))) return undefined;
  // A payload's userErrors: the few refusals of one mutation, priced as one.
  if (field.name === 'userErrors') return undefined;
  // A connection's items: the paged field above them multiplies.
  if (type.name.endsWith('Connection') && (field.name === 'nodes' || field.name === 'edges')) return undefined;
  const bound = LIST_ESTIMATES[`${type.name}.${field.name}`] ?? DEFAULT_LIST_ESTIMATE;
  return 1 + bound * childComplexity;
};

export function depthRule(limits: QueryLimits): ValidationRule {
  return depthLimit(limits.maxDepth) as unknown as ValidationRule;
}

/**
 * At most `maxAliases` aliased fields per operation, counted through fragments (a fragment spread
 * twice counts twice). Aliases are how one request repeats a field (300 x trackOrder, 300 x
 * login): this bounds how much one request can do that a rate limit counts once.
 */
export function aliasRule(limits: QueryLimits): ValidationRule {
  return (context) => ({
    Document(document) {
      const max = limits.maxAliases;
      if (!max) return;
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
      const memo = new Map<string, number>();
      const count = (set: SelectionSetNode | undefined, visiting: Set<string>): number => {
        let n = 0;
        for (const sel of set?.selections ?? []) {
          if (sel.kind === Kind.FIELD) n += (sel.alias ? 1 : 0) + count(sel.selectionSet, visiting);
          else if (sel.kind === Kind.INLINE_FRAGMENT) n += count(sel.selectionSet, visiting);
          else {
            const name = sel.name.value;
            if (visiting.has(name)) continue; // a cycle: NoFragmentCycles reports it
            if (!memo.has(name)) memo.set(name, count(fragments.get(name)?.selectionSet, new Set([...visiting, name])));
            n += memo.get(name)!;
          }
          if (n > max) return n; // enough to refuse
        }
        return n;
      };
      for (const d of document.definitions) {
        if (d.kind !== Kind.OPERATION_DEFINITION) continue;
        const n = count(d.selectionSet, new Set());
        if (n > max) {
          context.reportError(
            new GraphQLError(`Too many aliases: an operation may hold at most ${max} aliased fields`, {
              nodes: [d],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'TOO_MANY_ALIASES', maximumAliases: max },
            }),
          );
        }
      }
      return false;
    },
  });
}

/**
 * The variables an operation's cost can depend on: those used (anywhere) in a `first`, `last` or `ids` argument or
 * in a directive's arguments (@include/@skip). Every other variable (a mutation's input) leaves
 * the cost as it is.
 */
const COST_ARGUMENTS = new Set(['first', 'last', 'ids']);

function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (node: unknown, inside: boolean) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) collect(n, inside);
      return;
    }
    const n = node as { kind?: string; name?: { value: string }; value?: unknown };
    if (n.kind === Kind.VARIABLE) {
      if (inside) names.add(n.name!.value);
      return;
    }
    if (n.kind === Kind.VARIABLE_DEFINITION) return; // a declaration, not a use
    for (const [key, child] of Object.entries(n)) {
      if (key === 'loc') continue;
      const argument = n.kind === Kind.ARGUMENT && key === 'value' && COST_ARGUMENTS.has(n.name?.value ?? '');
      const directive = n.kind === Kind.DIRECTIVE && key === 'arguments';
      collect(child, inside || argument || directive);
    }
  };
  collect(document, false);
  return [...names].sort();
}

/**
 * Costs computed, per parsed document (Apollo keeps one DocumentNode per query text, so a repeated
 * operation is the same object), per operation name and values of the variables the cost depends on.
 */
const costCache = new WeakMap<
  GraphQLSchema,
  WeakMap<DocumentNode, { variables: string[]; costs: Map<string, number> }>
>();
const MAX_COSTS_PER_DOCUMENT = 100;

/** The cost of an operation; throws QUERY_TOO_COMPLEX (with the cost) when it is over the limit. */
export function checkCost(
  schema: GraphQLSchema,
  limits: QueryLimits,
  query: DocumentNode,
  variables?: Record<string, unknown>,
  operationName?: string | null,
): number {
  let bySchema = costCache.get(schema);
  if (!bySchema) costCache.set(schema, (bySchema = new WeakMap()));
  let known = bySchema.get(query);
  if (!known) bySchema.set(query, (known = { variables: costVariables(query), costs: new Map() }));
  const key = JSON.stringify([
    operationName ?? null,
    known.variables.map((v) => (variables && v in variables ? variables[v] : { absent: true })),
  ]);
  let cost = known.costs.get(key);
  if (cost === undefined) {
    try {
      cost = getComplexity({
        schema,
        query,
        variables,
        operationName: operationName ?? undefined,
        estimators: [pageEstimator, nodesEstimator, listEstimator, simpleEstimator({ defaultComplexity: 1 })],
      });
    } catch {
      // Variables that do not fit the operation: execution refuses them with BAD_USER_INPUT.
      return 0;
    }
    if (known.costs.size >= MAX_COSTS_PER_DOCUMENT) known.costs.clear();
    known.costs.set(key, cost);
  }
  if (cost > limits.maxCost) {
    throw new GraphQLError(
      `Query is too complex: cost ${cost}, maximum ${limits.maxCost}. Ask for fewer fields or smaller pages (first).`,
      {
        extensions: { code: 'QUERY_TOO_COMPLEX', cost, maximumCost: limits.maxCost, http: { status: 400 } },
      },
    );
  }
  return cost;
}
