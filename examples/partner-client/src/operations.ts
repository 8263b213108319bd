/** The operations this app sends. `pnpm codegen` turns each into a typed document in src/gql. */
import { graphql } from './gql';

export const PlaceOrder = graphql(`
  mutation PlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      order {
        id
        number
        status
        total {
          amount
          currency
        }
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const OrderByNumber = graphql(`
  query OrderByNumber($number: String!) {
    order(number: $number) {
      id
      number
      externalId
      status
      paymentStatus
      placedAt
      total {
        amount
        currency
      }
      lines {
        sku
        quantity
        unitPrice {
          amount
        }
      }
      availableActions
    }
  }
`);

export const OrdersPage = graphql(`
  query OrdersPage($first: Int, $after: String, $filter: OrderFilter) {
    orders(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        number
        status
        placedAt
      }
    }
  }
`);

export const OrderUpdated = graphql(`
  subscription OrderUpdated($channelCode: String, $after: ID) {
    orderUpdated(channelCode: $channelCode, after: $after) {
      eventId
      order {
        number
        status
      }
      event {
        type
        fromStatus
        toStatus
        at
      }
    }
  }
`);
