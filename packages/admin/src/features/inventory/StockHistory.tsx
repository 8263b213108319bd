/** The on-hand ledger of one SKU in one warehouse: adjustments with their reasons, shipments, returns. */
import { Anchor, Badge, Button, Drawer, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { StockMovementKind, useStockMovementsQuery } from '../../graphql/generated';
import { formatDateTime, humanize } from '../../lib/format';

const KIND_COLORS: Record<StockMovementKind, string> = { ADJUSTMENT: 'blue', SHIPMENT: 'teal', RETURN: 'grape' };

export function StockHistory({
  sku,
  warehouseCode,
  onClose,
}: {
  sku: string;
  warehouseCode: string;
  onClose: () => void;
}) {
  const { data, loading, error, fetchMore } = useStockMovementsQuery({
    variables: { sku, warehouseCode },
    fetchPolicy: 'network-only',
  });
  const rows = data?.stockMovements.nodes ?? [];
  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={`${sku} in ${warehouseCode}: stock history`}>
      <QueryState
        data={data}
        loading={loading}
        error={error}
        isEmpty={() => rows.length === 0}
        empty={{ title: 'No movements yet' }}
      >
        {() => (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th ta="right">Change</Table.Th>
                <Table.Th>Why / who</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Text size="xs">{formatDateTime(m.at)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={KIND_COLORS[m.kind]}>
                      {humanize(m.kind)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right" fw={600} c={m.delta < 0 ? 'red' : 'green'}>
                    {m.delta > 0 ? `+${m.delta}` : m.delta}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {m.reason ??
                        (m.orderId ? (
                          <Anchor component={Link} to={`/orders/${m.orderId}`} onClick={onClose}>
                            Order
                          </Anchor>
                        ) : (
                          '—'
                        ))}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {m.actor.replace(/^user:/, '')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      {data?.stockMovements.pageInfo.hasNextPage && (
        <Group justify="center" mt="sm">
          <Button
            variant="default"
            onClick={() =>
              fetchMore({
                variables: { after: data.stockMovements.pageInfo.endCursor },
                updateQuery: (prev, { fetchMoreResult }) => ({
                  stockMovements: {
                    ...fetchMoreResult.stockMovements,
                    nodes: [...prev.stockMovements.nodes, ...fetchMoreResult.stockMovements.nodes],
                  },
                }),
              })
            }
          >
            Older movements
          </Button>
        </Group>
      )}
    </Drawer>
  );
}
