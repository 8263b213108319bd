/**
 * Limits on what one GraphQL operation may ask for: its depth (graphql-depth-limit, a validation
 * rule) and its cost (graphql-query-complexity): every field costs 1, and a field with a `first`
 * argument (a page) costs 1 + first x (the cost of one item), with first defaulting to the
 * default page size. The cost is reported in each response's `extensions.cost`.
 */
import depthLimit from 'graphql-depth-limit';
import { DocumentNode, GraphQLError, GraphQLSchema, ValidationRule } from 'graphql';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
}

const pageEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((a) => a.name === 'first')) return undefined;
  // A page over the maximum is refused by the field itself, with a clearer message than a cost.
  const first = Number.isInteger(args.first) && args.first > 0 ? Math.min(args.first, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  return 1 + first * childComplexity;
};

export function depthRule(limits: QueryLimits): ValidationRule {
  return depthLimit(limits.maxDepth) as unknown as ValidationRule;
}

/** The cost of an operation; throws QUERY_TOO_COMPLEX (with the cost) when it is over the limit. */
export function checkCost(schema: GraphQLSchema, limits: QueryLimits, query: DocumentNode, variables?: Record<string, unknown>, operationName?: string | null): number {
  let cost: number;
  try {
    cost = getComplexity({
      schema, query, variables, operationName: operationName ?? undefined,
      estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch {
    // Variables that do not fit the operation: execution refuses them with BAD_USER_INPUT.
    return 0;
  }
  if (cost > limits.maxCost) {
    throw new GraphQLError(`Query is too complex: cost ${cost}, maximum ${limits.maxCost}. Ask for fewer fields or smaller pages (first).`, {
      extensions: { code: 'QUERY_TOO_COMPLEX', cost, maximumCost: limits.maxCost, http: { status: 400 } },
    });
  }
  return cost;
}
