/**
 * Today's and this week's orders and revenue by channel, orders by status, late orders (confirmed
 * more than a chosen number of hours ago and not shipped), low stock and a live feed. The figures
 * are server-side aggregates; every live event refreshes them.
 */
import { BarChart, DonutChart } from '@mantine/charts';
import {
  Anchor,
  Badge,
  Card,
  Group,
  NumberInput,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useLocalStorage, useThrottledCallback } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Empty, ErrorNotice, Loading } from '../../components/states';
import {
  DashboardFeedSubscription,
  OrderStatus,
  useDashboardFeedSubscription,
  useDashboardFiguresQuery,
  useDashboardStockQuery,
} from '../../graphql/generated';
import { formatDateTime, formatMoney, formatTime, humanize, minorUnitFactor } from '../../lib/format';
import { LOW_STOCK_THRESHOLD } from '../../lib/stock';
import { todayAndWeekStart, useStoreTimeZone } from '../../lib/time-zone';

const STATUS_COLORS: Record<OrderStatus, string> = {
  PENDING: 'yellow.6',
  ON_HOLD: 'orange.6',
  CONFIRMED: 'blue.6',
  PARTIALLY_SHIPPED: 'cyan.6',
  SHIPPED: 'teal.6',
  DELIVERED: 'green.6',
  CANCELLED: 'gray.5',
  RETURNED: 'grape.6',
};
const OPEN = [OrderStatus.Pending, OrderStatus.OnHold, OrderStatus.Confirmed, OrderStatus.PartiallyShipped];

type FeedItem = DashboardFeedSubscription['orderUpdated'];

export function DashboardPage() {
  const [lateHours, setLateHours] = useLocalStorage<number>({ key: 'oms.lateHours', defaultValue: 24 });
  const [hours] = useDebouncedValue(lateHours, 400);
  // Today and this week are the store's (OMS_TIME_ZONE), not the browser's.
  const zone = useStoreTimeZone();
  const period = useMemo(() => {
    const { today, week } = todayAndWeekStart(zone.timeZone);
    return { today: today.toISOString(), week: week.toISOString() };
  }, [zone.timeZone]);
  const figures = useDashboardFiguresQuery({ variables: { ...period, lateHours: hours }, skip: zone.loading });
  const stock = useDashboardStockQuery({ variables: { below: LOW_STOCK_THRESHOLD + 1 } });
  const [feed, setFeed] = useState<FeedItem[]>([]);
  // A busy shop sends many events a second: refresh the figures at most once a second.
  const refreshFigures = useThrottledCallback(() => void figures.refetch(), 1000);
  const refreshStock = useThrottledCallback(() => void stock.refetch(), 1000);

  useDashboardFeedSubscription({
    onData: ({ data }) => {
      const item = data.data?.orderUpdated;
      if (!item) return;
      setFeed((f) => [item, ...f].slice(0, 30));
      refreshFigures();
      if (
        item.event.type === 'PLACED' ||
        item.event.type === 'SHIPMENT_CREATED' ||
        item.event.type === 'RETURN_CREATED' ||
        item.event.toStatus === 'CANCELLED'
      )
        refreshStock();
    },
  });

  const f = figures.data;
  const byChannel = (f?.week ?? []).map((w) => ({
    week: w,
    today: f?.today.find((t) => t.channelCode === w.channelCode),
  }));
  const statusData = (f?.orderStatusCounts ?? []).map((c) => ({
    name: humanize(c.status),
    value: c.count,
    color: STATUS_COLORS[c.status],
    status: c.status,
  }));
  const count = (statuses: OrderStatus[]) =>
    (f?.orderStatusCounts ?? []).filter((c) => statuses.includes(c.status)).reduce((n, c) => n + c.count, 0);
  // The server filters (at most 50 rows, by SKU); the fewest available first.
  const lowStock = [...(stock.data?.stock.nodes ?? [])].sort((a, b) => a.available - b.available);
  const lowStockTotal = stock.data?.stock.totalCount ?? 0;
  const sum = (rows: { orders: number }[] | undefined) => (rows ?? []).reduce((n, r) => n + r.orders, 0);

  return (
    <Stack>
      <Title order={2}>Dashboard</Title>
      {figures.error && !f && <ErrorNotice error={figures.error} />}
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Kpi label="Orders today" value={f ? String(sum(f.today)) : '…'} testId="kpi-today" />
        <Kpi label="Orders this week" value={f ? String(sum(f.week)) : '…'} />
        <Kpi label="Open orders" value={f ? String(count(OPEN)) : '…'} />
        <Kpi
          label={`Late (confirmed > ${hours} h ago)`}
          value={f ? String(f.lateOrders.totalCount) : '…'}
          color={f?.lateOrders.totalCount ? 'red' : undefined}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={4}>Revenue by channel</Title>
          <Text size="xs" c="dimmed" mb="sm">
            Today and this week (since Monday), cancelled orders excluded
          </Text>
          {!f ? (
            <Loading />
          ) : byChannel.length === 0 ? (
            <Empty title="No channels yet" />
          ) : (
            <>
              <BarChart
                h={200}
                data={byChannel.map(({ week, today }) => ({
                  channel: week.channelCode,
                  Today: (today?.revenue.amount ?? 0) / minorUnitFactor(week.revenue.currency),
                  'This week': week.revenue.amount / minorUnitFactor(week.revenue.currency),
                }))}
                dataKey="channel"
                series={[
                  { name: 'Today', color: 'indigo.4' },
                  { name: 'This week', color: 'indigo.8' },
                ]}
                valueFormatter={(v) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }).format(v)}
                withLegend
              />
              <Table mt="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Channel</Table.Th>
                    <Table.Th ta="right">Orders today</Table.Th>
                    <Table.Th ta="right">Revenue today</Table.Th>
                    <Table.Th ta="right">Orders week</Table.Th>
                    <Table.Th ta="right">Revenue week</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {byChannel.map(({ week, today }) => (
                    <Table.Tr key={week.channelCode}>
                      <Table.Td title={week.channelName}>{week.channelCode}</Table.Td>
                      <Table.Td ta="right">{today?.orders ?? 0}</Table.Td>
                      <Table.Td ta="right">
                        {formatMoney(today?.revenue ?? { amount: 0, currency: week.revenue.currency })}
                      </Table.Td>
                      <Table.Td ta="right">{week.orders}</Table.Td>
                      <Table.Td ta="right">{formatMoney(week.revenue)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
        </Card>
        <Card withBorder>
          <Title order={4} mb="sm">
            Orders by status
          </Title>
          {!f ? (
            <Loading />
          ) : (
            <Group align="center" wrap="nowrap">
              <DonutChart data={statusData} size={180} thickness={28} withTooltip tooltipDataSource="segment" />
              <Stack gap={2}>
                {statusData.map((s) => (
                  <Anchor key={s.status} component={Link} to={`/orders?status=${s.status}`} size="sm">
                    {s.name}: <b>{s.value}</b>
                  </Anchor>
                ))}
              </Stack>
            </Group>
          )}
        </Card>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 3 }}>
        <Card withBorder>
          <Group justify="space-between" mb="sm">
            <Title order={4}>Late orders</Title>
            <NumberInput
              aria-label="Hours after confirmation when an unshipped order is late"
              size="xs"
              w={110}
              min={1}
              max={8760}
              allowDecimal={false}
              suffix=" h"
              value={lateHours}
              onChange={(v) => setLateHours(Math.min(8760, Math.max(1, Number(v) || 24)))}
            />
          </Group>
          <Text size="xs" c="dimmed" mb="xs">
            Confirmed more than {hours} h ago and not fully shipped
          </Text>
          {!f ? (
            <Loading />
          ) : f.lateOrders.nodes.length === 0 ? (
            <Empty title="Nothing late" />
          ) : (
            <Table>
              <Table.Tbody>
                {f.lateOrders.nodes.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/orders/${o.id}`}>
                        {o.number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">confirmed {formatDateTime(o.confirmedAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        styles={{ root: { overflow: 'visible', maxWidth: 'none' }, label: { overflow: 'visible' } }}
                      >
                        {humanize(o.status)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
        <Card withBorder>
          <Title order={4} mb="sm">
            Low stock (≤ {LOW_STOCK_THRESHOLD} available)
          </Title>
          {!stock.data ? (
            <Loading />
          ) : lowStock.length === 0 ? (
            <Empty title="Stock is fine" />
          ) : (
            <ScrollArea h={260} data-testid="low-stock">
              <Table>
                <Table.Tbody>
                  {lowStock.map((l) => (
                    <Table.Tr key={l.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/inventory?sku=${encodeURIComponent(l.sku)}`} size="sm">
                          {l.sku}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{l.warehouse.code}</Table.Td>
                      <Table.Td ta="right">
                        <Badge color={l.available <= 0 ? 'red' : 'orange'} variant="light">
                          {l.available}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          )}
          {lowStockTotal > 0 && (
            <Anchor component={Link} to="/inventory?low=1" size="sm" mt="xs" data-testid="low-stock-all">
              {lowStockTotal > lowStock.length
                ? `${lowStock.length} of ${lowStockTotal} shown: see all on the Stock page`
                : 'See them on the Stock page'}
            </Anchor>
          )}
        </Card>
        <Card withBorder>
          <Title order={4} mb="sm">
            Live events
          </Title>
          {feed.length === 0 ? (
            <Empty title="Waiting for order events" hint="New orders and status changes appear here as they happen." />
          ) : (
            <ScrollArea h={260}>
              <Stack gap={6} data-testid="live-feed">
                {feed.map((item) => (
                  <Group key={item.event.id} gap={6} wrap="nowrap">
                    <Text size="xs" c="dimmed" w={70}>
                      {formatTime(item.event.at)}
                    </Text>
                    <Anchor component={Link} to={`/orders/${item.order.id}`} size="sm" fw={500}>
                      {item.order.number}
                    </Anchor>
                    <Text size="sm">
                      {item.event.toStatus && item.event.type === 'STATUS_CHANGED'
                        ? `→ ${humanize(item.event.toStatus)}`
                        : humanize(item.event.type)}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </ScrollArea>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

function Kpi({ label, value, color, testId }: { label: string; value: string; color?: string; testId?: string }) {
  return (
    <Card withBorder>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} c={color} data-testid={testId} style={{ fontSize: 32 }}>
        {value}
      </Text>
    </Card>
  );
}
