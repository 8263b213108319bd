/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation PlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      order {\n        id\n        number\n        status\n        total {\n          amount\n          currency\n        }\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.PlaceOrderDocument,
    "\n  query OrderByNumber($number: String!) {\n    order(number: $number) {\n      id\n      number\n      externalId\n      status\n      paymentStatus\n      placedAt\n      total {\n        amount\n        currency\n      }\n      lines {\n        sku\n        quantity\n        unitPrice {\n          amount\n        }\n      }\n      availableActions\n    }\n  }\n": typeof types.OrderByNumberDocument,
    "\n  query OrdersPage($first: Int, $after: String, $filter: OrderFilter) {\n    orders(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        number\n        status\n        placedAt\n      }\n    }\n  }\n": typeof types.OrdersPageDocument,
    "\n  subscription OrderUpdated($channelCode: String, $after: ID) {\n    orderUpdated(channelCode: $channelCode, after: $after) {\n      eventId\n      order {\n        number\n        status\n      }\n      event {\n        type\n        fromStatus\n        toStatus\n        at\n      }\n    }\n  }\n": typeof types.OrderUpdatedDocument,
};
const documents: Documents = {
    "\n  mutation PlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      order {\n        id\n        number\n        status\n        total {\n          amount\n          currency\n        }\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.PlaceOrderDocument,
    "\n  query OrderByNumber($number: String!) {\n    order(number: $number) {\n      id\n      number\n      externalId\n      status\n      paymentStatus\n      placedAt\n      total {\n        amount\n        currency\n      }\n      lines {\n        sku\n        quantity\n        unitPrice {\n          amount\n        }\n      }\n      availableActions\n    }\n  }\n": types.OrderByNumberDocument,
    "\n  query OrdersPage($first: Int, $after: String, $filter: OrderFilter) {\n    orders(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        number\n        status\n        placedAt\n      }\n    }\n  }\n": types.OrdersPageDocument,
    "\n  subscription OrderUpdated($channelCode: String, $after: ID) {\n    orderUpdated(channelCode: $channelCode, after: $after) {\n      eventId\n      order {\n        number\n        status\n      }\n      event {\n        type\n        fromStatus\n        toStatus\n        at\n      }\n    }\n  }\n": types.OrderUpdatedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      order {\n        id\n        number\n        status\n        total {\n          amount\n          currency\n        }\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      order {\n        id\n        number\n        status\n        total {\n          amount\n          currency\n        }\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderByNumber($number: String!) {\n    order(number: $number) {\n      id\n      number\n      externalId\n      status\n      paymentStatus\n      placedAt\n      total {\n        amount\n        currency\n      }\n      lines {\n        sku\n        quantity\n        unitPrice {\n          amount\n        }\n      }\n      availableActions\n    }\n  }\n"): (typeof documents)["\n  query OrderByNumber($number: String!) {\n    order(number: $number) {\n      id\n      number\n      externalId\n      status\n      paymentStatus\n      placedAt\n      total {\n        amount\n        currency\n      }\n      lines {\n        sku\n        quantity\n        unitPrice {\n          amount\n        }\n      }\n      availableActions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrdersPage($first: Int, $after: String, $filter: OrderFilter) {\n    orders(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        number\n        status\n        placedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrdersPage($first: Int, $after: String, $filter: OrderFilter) {\n    orders(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        number\n        status\n        placedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OrderUpdated($channelCode: String, $after: ID) {\n    orderUpdated(channelCode: $channelCode, after: $after) {\n      eventId\n      order {\n        number\n        status\n      }\n      event {\n        type\n        fromStatus\n        toStatus\n        at\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription OrderUpdated($channelCode: String, $after: ID) {\n    orderUpdated(channelCode: $channelCode, after: $after) {\n      eventId\n      order {\n        number\n        status\n      }\n      event {\n        type\n        fromStatus\n        toStatus\n        at\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;