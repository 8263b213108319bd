import { Anchor, Badge, Button, Card, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { QueryState } from '../../components/QueryState';
import {
  OrderListItemFragment,
  Permission,
  OrdersDocument,
  OrdersQuery,
  useOrderFilterChannelsQuery,
  useOrderTagOptionsQuery,
  useOrdersLiveSubscription,
  useOrdersQuery,
} from '../../graphql/generated';
import { formatDateTime, formatMoney } from '../../lib/format';
import { useMe } from '../../lib/me';
import { BulkActions } from './components/BulkActions';
import { BulkFilterJob } from './components/BulkFilterJob';
import { OrderFilters } from './components/OrderFilters';
import { PaymentBadge, StatusBadge } from './components/StatusBadge';
import { matchesOrderList, orderListSearch, orderUrl, parseOrderListParams, toOrderFilter } from './urls';

const PAGE = 25;

export function OrderListPage() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => parseOrderListParams(search), [search]);
  const filter = useMemo(() => toOrderFilter(params), [params]);
  const variables = { filter, first: PAGE, ...(params.sort ? { sort: params.sort } : {}) };
  const { data, loading, error, fetchMore, client, refetch } = useOrdersQuery({
    variables,
    notifyOnNetworkStatusChange: true,
  });
  const channels = useOrderFilterChannelsQuery();
  const { can } = useMe();
  const tags = useOrderTagOptionsQuery();
  const [selected, setSelected] = useState<Record<string, string>>({});
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [loadingMore, setLoadingMore] = useState(false);

  // Changed orders update in place through the cache; new ones that match the filters are prepended.
  useOrdersLiveSubscription({
    onData: ({ data: sub }) => {
      const update = sub.data?.orderUpdated;
      if (!update) return;
      const order = update.order;
      // Highlight what just changed for a few seconds.
      setFresh((s) => new Set(s).add(order.id));
      setTimeout(
        () =>
          setFresh((s) => {
            const n = new Set(s);
            n.delete(order.id);
            return n;
          }),
        4000,
      );
      // A changed order that no longer matches stays visible with its new status (rows do not jump
      // away under the cursor); it is gone at the next load.
      client.cache.updateQuery<OrdersQuery>({ query: OrdersDocument, variables }, (prev) => {
        // A new order goes on top only where new orders belong: newest first. Other sorts show it at the next load.
        if (
          !prev ||
          params.sort ||
          prev.orders.nodes.some((n) => n.id === order.id) ||
          !matchesOrderList(params, order)
        )
          return prev;
        return {
          orders: { ...prev.orders, totalCount: prev.orders.totalCount + 1, nodes: [order, ...prev.orders.nodes] },
        };
      });
    },
  });

  const orders = data?.orders.nodes ?? [];
  const selectedList = orders.filter((o) => selected[o.id]).map((o) => ({ id: o.id, number: o.number }));
  const allSelected = orders.length > 0 && orders.every((o) => selected[o.id]);

  const loadMore = async () => {
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { ...variables, after: data?.orders.pageInfo.endCursor } });
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Orders</Title>
        <Group gap="sm">
          {data && (
            <Text c="dimmed" size="sm" data-testid="orders-count">
              {data.orders.totalCount} matching
            </Text>
          )}
          {can(Permission.OrderPlace) && (
            <Button component={Link} to="/orders/new" size="xs">
              New order
            </Button>
          )}
        </Group>
      </Group>
      <OrderFilters
        value={params}
        channels={channels.data?.channels ?? []}
        tags={tags.data?.orderTags ?? []}
        onChange={(next) => {
          setSelected({});
          setSearch(orderListSearch(next));
        }}
      />
      {selectedList.length > 0 && (
        <Card withBorder p="xs">
          <Group justify="space-between">
            <BulkActions
              selected={selectedList}
              onDone={() => {
                setSelected({});
                void refetch();
              }}
            />
            {data && data.orders.totalCount > 0 && (
              // Beyond the orders shown: a job on the server over every order matching the filter.
              <BulkFilterJob
                filter={filter}
                total={data.orders.totalCount}
                onDone={() => {
                  setSelected({});
                  void refetch();
                }}
              />
            )}
          </Group>
        </Card>
      )}
      <QueryState
        data={data}
        loading={loading}
        error={error}
        loadingLabel="Loading orders…"
        isEmpty={() => orders.length === 0}
        empty={{
          title: 'No orders match',
          hint: search.toString()
            ? 'Try fewer filters, or clear them.'
            : 'Orders placed through a channel appear here as they arrive.',
        }}
      >
        {() => (
          <Table.ScrollContainer minWidth={900}>
            <Table highlightOnHover verticalSpacing="xs" data-testid="orders-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={36}>
                    <Checkbox
                      aria-label="Select all shown orders"
                      checked={allSelected}
                      indeterminate={!allSelected && selectedList.length > 0}
                      onChange={() =>
                        setSelected(allSelected ? {} : Object.fromEntries(orders.map((o) => [o.id, o.number])))
                      }
                    />
                  </Table.Th>
                  <Table.Th>Order</Table.Th>
                  <Table.Th>Placed</Table.Th>
                  <Table.Th>Customer</Table.Th>
                  <Table.Th>Channel</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Payment</Table.Th>
                  <Table.Th>Tags</Table.Th>
                  <Table.Th ta="right">Items</Table.Th>
                  <Table.Th ta="right">Total</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {orders.map((o: OrderListItemFragment) => (
                  <Table.Tr
                    key={o.id}
                    data-testid={`order-row-${o.number}`}
                    bg={fresh.has(o.id) ? 'var(--mantine-color-indigo-light)' : undefined}
                    style={{ transition: 'background-color 600ms' }}
                  >
                    <Table.Td>
                      <Checkbox
                        aria-label={`Select order ${o.number}`}
                        checked={!!selected[o.id]}
                        onChange={(e) => {
                          const checked = e.currentTarget.checked;
                          setSelected((s) => {
                            const n = { ...s };
                            if (checked) n[o.id] = o.number;
                            else delete n[o.id];
                            return n;
                          });
                        }}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={orderUrl(o.id)} fw={600}>
                        {o.number}
                      </Anchor>
                      {o.externalId && (
                        <Text size="xs" c="dimmed">
                          {o.externalId}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(o.placedAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{o.customer ? (o.customer.name ?? o.customer.email) : '—'}</Text>
                      {o.customer?.name && (
                        <Text size="xs" c="dimmed">
                          {o.customer.email}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="default">{o.channel.code}</Badge>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={o.status} />
                    </Table.Td>
                    <Table.Td>
                      <PaymentBadge status={o.paymentStatus} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="wrap">
                        {o.tags.map((tag) => (
                          <Badge
                            key={tag}
                            size="sm"
                            variant="outline"
                            style={{ cursor: 'pointer' }}
                            title={`Only orders tagged ${tag}`}
                            onClick={() => {
                              setSelected({});
                              setSearch(orderListSearch({ ...params, tag }));
                            }}
                          >
                            {tag}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">{o.lines.reduce((n, l) => n + l.quantity, 0)}</Table.Td>
                    <Table.Td ta="right" fw={500}>
                      {formatMoney(o.total)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      {data?.orders.pageInfo.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={loadMore} loading={loadingMore}>
            Load more ({orders.length} of {data.orders.totalCount} shown)
          </Button>
        </Group>
      )}
    </Stack>
  );
}
