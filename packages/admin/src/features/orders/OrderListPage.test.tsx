import { MockedResponse } from '@apollo/client/testing';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { orderListItem } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';
import {
  OrderFilterChannelsDocument,
  OrderTagOptionsDocument,
  OrdersDocument,
  OrdersLiveDocument,
  OrderStatus,
} from '../../graphql/generated';
import { OrderListPage } from './OrderListPage';

const channels: MockedResponse = {
  request: { query: OrderFilterChannelsDocument },
  result: { data: { channels: [{ __typename: 'Channel', id: 'c1', code: 'WEB', name: 'Web shop' }] } },
};
const tags: MockedResponse = {
  request: { query: OrderTagOptionsDocument },
  result: { data: { orderTags: [{ __typename: 'OrderTagCount', tag: 'vip', orders: 3 }] } },
};
/** The live subscription stays open and quiet in these tests. */
const live: MockedResponse = { request: { query: OrdersLiveDocument }, result: { data: null }, delay: Infinity };
const page = (nodes: unknown[], totalCount = nodes.length) => ({
  data: {
    orders: {
      __typename: 'OrderConnection',
      totalCount,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      nodes,
    },
  },
});

test('the filters in the URL become the query, and clearing them clears the URL', async () => {
  const mocks: MockedResponse[] = [
    channels,
    tags,
    live,
    {
      request: {
        query: OrdersDocument,
        variables: { filter: { status: [OrderStatus.Pending], channelCode: 'WEB', search: 'ada' }, first: 25 },
      },
      result: page([orderListItem()]),
    },
    { request: { query: OrdersDocument, variables: { filter: {}, first: 25 } }, result: page([], 0) },
  ];
  renderApp(<OrderListPage />, { url: '/orders?status=PENDING&channel=WEB&q=ada', path: '/orders', mocks });
  expect(await screen.findByTestId('order-row-100042')).toHaveTextContent('Ada Lovelace');
  expect(screen.getByLabelText('Search')).toHaveValue('ada');
  await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
  expect(screen.getByTestId('location')).toHaveTextContent(/^\/orders$/);
  expect(await screen.findByText('No orders match')).toBeInTheDocument();
});

test('typing a search term puts it in the URL', async () => {
  const mocks: MockedResponse[] = [
    channels,
    tags,
    live,
    { request: { query: OrdersDocument, variables: { filter: {}, first: 25 } }, result: page([orderListItem()]) },
    {
      request: { query: OrdersDocument, variables: { filter: { search: '100042' }, first: 25 } },
      result: page([orderListItem()]),
    },
  ];
  renderApp(<OrderListPage />, { url: '/orders', path: '/orders', mocks });
  await screen.findByTestId('order-row-100042');
  await userEvent.type(screen.getByLabelText('Search'), '100042{Enter}');
  expect(screen.getByTestId('location')).toHaveTextContent('/orders?q=100042');
});
