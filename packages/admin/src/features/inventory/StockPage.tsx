import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useThrottledCallback } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { QueryState } from '../../components/QueryState';
import {
  StockLevelRowFragment,
  useAdjustStockMutation,
  useInventoryOrderEventsSubscription,
  useInventoryWarehousesQuery,
  useStockQuery,
} from '../../graphql/generated';
import { useFormMutation } from '../../hooks/useFormMutation';
import { formatDateTime } from '../../lib/format';
import { StockHistory } from './StockHistory';
import { isLowStock, LOW_STOCK_THRESHOLD } from '../../lib/stock';

export function StockPage() {
  const [params, setParams] = useSearchParams();
  const warehouse = params.get('warehouse') || null;
  const sku = params.get('sku') ?? '';
  const lowOnly = params.get('low') === '1';
  const [search] = useDebouncedValue(sku.trim(), 250);
  // Filtered and paged on the server (Query.stock), 100 rows at a time.
  const filter = {
    warehouseCode: warehouse,
    search: search || null,
    availableBelow: lowOnly ? LOW_STOCK_THRESHOLD + 1 : null,
  };
  const { data, loading, error, refetch, fetchMore } = useStockQuery({ variables: { filter, first: 100 } });
  // Live: order events that move stock refresh the table, at most once a second.
  const refresh = useThrottledCallback(() => void refetch(), 1000);
  useInventoryOrderEventsSubscription({
    onData: ({ data: sub }) => {
      const ev = sub.data?.orderUpdated.event;
      if (
        ev &&
        (ev.type === 'PLACED' ||
          ev.type === 'SHIPMENT_CREATED' ||
          ev.type === 'RETURN_CREATED' ||
          ev.toStatus === 'CANCELLED')
      )
        refresh();
    },
  });
  const warehouses = useInventoryWarehousesQuery();
  const [adjusting, setAdjusting] = useState<StockLevelRowFragment | null>(null);
  const [history, setHistory] = useState<StockLevelRowFragment | null>(null);
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const rows = data?.stock.nodes ?? [];
  const loadMore = () =>
    fetchMore({
      variables: { after: data?.stock.pageInfo.endCursor },
      updateQuery: (prev, { fetchMoreResult }) => ({
        stock: { ...fetchMoreResult.stock, nodes: [...prev.stock.nodes, ...fetchMoreResult.stock.nodes] },
      }),
    });
  return (
    <Stack>
      <Title order={2}>Stock</Title>
      <Group align="end">
        <TextInput label="SKU or name" value={sku} onChange={(e) => set('sku', e.currentTarget.value)} w={220} />
        <Select
          label="Warehouse"
          placeholder="All warehouses"
          clearable
          data={(warehouses.data?.warehouses.nodes ?? []).map((w) => ({
            value: w.code,
            label: `${w.name} (${w.code})`,
          }))}
          value={warehouse}
          onChange={(v) => set('warehouse', v)}
          w={220}
        />
        <Switch
          label={`Low stock only (≤ ${LOW_STOCK_THRESHOLD} available)`}
          checked={lowOnly}
          onChange={(e) => set('low', e.currentTarget.checked ? '1' : null)}
          mb={6}
        />
      </Group>
      <QueryState
        data={data}
        loading={loading}
        error={error}
        loadingLabel="Loading stock…"
        isEmpty={() => rows.length === 0}
        empty={{ title: 'No stock levels', hint: 'Stock appears once a SKU is adjusted into a warehouse.' }}
      >
        {() => (
          <Table.ScrollContainer minWidth={700}>
            <Table highlightOnHover data-testid="stock-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>SKU</Table.Th>
                  <Table.Th>Warehouse</Table.Th>
                  <Table.Th ta="right">On hand</Table.Th>
                  <Table.Th ta="right">Reserved</Table.Th>
                  <Table.Th ta="right">Available</Table.Th>
                  <Table.Th>Updated</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((l) => (
                  <Table.Tr key={l.id} data-testid={`stock-${l.sku}-${l.warehouse.code}`}>
                    <Table.Td>
                      <Text fw={500} size="sm">
                        {l.sku}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {l.product.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>{l.warehouse.code}</Table.Td>
                    <Table.Td ta="right" data-col="onHand">
                      {l.onHand}
                    </Table.Td>
                    <Table.Td ta="right" data-col="reserved">
                      {l.reserved}
                    </Table.Td>
                    <Table.Td ta="right" data-col="available">
                      {isLowStock(l) ? (
                        <Badge color={l.available <= 0 ? 'red' : 'orange'} variant="light">
                          {l.available}
                        </Badge>
                      ) : (
                        l.available
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(l.updatedAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() => setAdjusting(l)}
                          aria-label={`Adjust ${l.sku} in ${l.warehouse.code}`}
                        >
                          Adjust
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => setHistory(l)}
                          aria-label={`History of ${l.sku} in ${l.warehouse.code}`}
                        >
                          History
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      {data?.stock.pageInfo.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => void loadMore()}>
            Load more ({rows.length} of {data.stock.totalCount})
          </Button>
        </Group>
      )}
      {adjusting && <AdjustDialog level={adjusting} onClose={() => setAdjusting(null)} />}
      {history && (
        <StockHistory sku={history.sku} warehouseCode={history.warehouse.code} onClose={() => setHistory(null)} />
      )}
    </Stack>
  );
}

function AdjustDialog({ level, onClose }: { level: StockLevelRowFragment; onClose: () => void }) {
  const [delta, setDelta] = useState<number | string>(0);
  const [reason, setReason] = useState('');
  const form = useFormMutation();
  const [adjust, { loading }] = useAdjustStockMutation();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = await form.run(
      async () =>
        (
          await adjust({
            variables: {
              input: { sku: level.sku, warehouseCode: level.warehouse.code, delta: Number(delta) || 0, reason },
            },
          })
        ).data?.adjustStock,
    );
    if (r) {
      notifications.show({
        color: 'green',
        message: `${level.sku} in ${level.warehouse.code}: on hand ${r.stockLevel?.onHand}`,
      });
      onClose();
    }
  };
  return (
    <Modal opened onClose={onClose} title={`Adjust ${level.sku} in ${level.warehouse.code}`}>
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">
            On hand {level.onHand}, reserved {level.reserved}. On hand can never drop below reserved.
          </Text>
          <NumberInput
            label="Change (negative to remove)"
            value={delta}
            onChange={setDelta}
            allowDecimal={false}
            error={form.fieldError('delta')}
            data-autofocus
          />
          <TextInput
            label="Reason"
            required
            placeholder="goods received PO-123, stock count…"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={form.fieldError('reason')}
          />
          {form.generalErrors(['delta', 'reason']).map((m) => (
            <Alert key={m} color="red" role="alert">
              {m}
            </Alert>
          ))}
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              Back
            </Button>
            <Button type="submit" loading={loading}>
              Adjust
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
