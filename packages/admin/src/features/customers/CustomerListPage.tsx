/** Customers: searched by part of the e-mail or name (kept in the URL), with their order count and lifetime value. */
import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { useCustomersQuery } from '../../graphql/generated';
import { formatDateTime, formatMoney } from '../../lib/format';

const PAGE = 25;

export function CustomerListPage() {
  const [params, setParams] = useSearchParams();
  const search = params.get('search') ?? '';
  const [text, setText] = useState(search);
  useEffect(() => setText(search), [search]);
  const variables = { first: PAGE, ...(search ? { search } : {}) };
  const { data, loading, error, fetchMore } = useCustomersQuery({ variables, notifyOnNetworkStatusChange: true });
  const [loadingMore, setLoadingMore] = useState(false);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams(params);
    if (text.trim()) next.set('search', text.trim());
    else next.delete('search');
    setParams(next);
  };
  const loadMore = async () => {
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { ...variables, after: data?.customers.pageInfo.endCursor } });
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Stack>
      <Title order={2}>Customers</Title>
      <form onSubmit={submit} role="search">
        <Group align="flex-end">
          <TextInput
            label="Search"
            placeholder="Part of an e-mail or name"
            leftSection={<IconSearch size={16} />}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            w={360}
          />
          <Button type="submit" variant="light">
            Search
          </Button>
        </Group>
      </form>
      <QueryState
        data={data?.customers}
        loading={loading}
        error={error}
        errorOverData
        isEmpty={(c) => c.nodes.length === 0}
        empty={{ title: search ? `No customer matches “${search}”` : 'No customers yet' }}
      >
        {(customers) => (
          <Card withBorder p={0}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>E-mail</Table.Th>
                  <Table.Th ta="right">Orders</Table.Th>
                  <Table.Th ta="right">Lifetime value</Table.Th>
                  <Table.Th>Last order</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {customers.nodes.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/customers/${c.id}`}>
                        {c.name ?? c.email}
                      </Anchor>
                      {c.erasedAt && (
                        <Badge ml="xs" size="sm" color="gray">
                          erased
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{c.email}</Table.Td>
                    <Table.Td ta="right">{c.orderCount}</Table.Td>
                    <Table.Td ta="right">{c.lifetimeValue.map((m) => formatMoney(m)).join(' + ') || '–'}</Table.Td>
                    <Table.Td>{formatDateTime(c.lastOrderAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group justify="space-between" p="sm">
              <Text size="sm" c="dimmed">
                {customers.nodes.length} of {customers.totalCount} shown
              </Text>
              {customers.pageInfo.hasNextPage && (
                <Button variant="default" onClick={loadMore} loading={loadingMore}>
                  Load more
                </Button>
              )}
            </Group>
          </Card>
        )}
      </QueryState>
    </Stack>
  );
}
