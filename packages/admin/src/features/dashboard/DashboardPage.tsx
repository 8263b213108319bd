/**
 * Today's and this week's orders and revenue by channel, orders by status, late orders, low stock
 * and a live feed. Counts come from the server's totalCount; revenue sums this week's orders
 * (up to 200 per week, which the page says when exceeded). Everything refreshes on each live event.
 */
import { BarChart, DonutChart } from '@mantine/charts';
import { Anchor, Badge, Card, Group, NumberInput, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Empty, ErrorNotice, Loading } from '../../components/states';
import {
  DashboardFeedSubscription,
  useDashboardFeedSubscription,
  useDashboardLateOrdersQuery,
  useDashboardRecentOrdersQuery,
  useDashboardStatusCountsQuery,
  useDashboardStockQuery,
} from '../../graphql/generated';
import { formatDateTime, formatMoney, formatTime, humanize, minorUnitFactor } from '../../lib/format';

const LOW_STOCK = 5;
const STATUS_COLORS: Record<string, string> = {
  pending: 'yellow.6', onHold: 'orange.6', confirmed: 'blue.6', partiallyShipped: 'cyan.6', shipped: 'teal.6', delivered: 'green.6', cancelled: 'gray.5', returned: 'grape.6',
};
const STATUS_LABELS: Record<string, string> = {
  pending: 'Pending', onHold: 'On hold', confirmed: 'Confirmed', partiallyShipped: 'Partially shipped', shipped: 'Shipped', delivered: 'Delivered', cancelled: 'Cancelled', returned: 'Returned',
};

function startOfToday(): Date {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  return d;
}
/** Monday 00:00 local time of the current week. */
function startOfWeek(): Date {
  const d = startOfToday();
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d;
}

type FeedItem = DashboardFeedSubscription['orderUpdated'];

export function DashboardPage() {
  const [lateHours, setLateHours] = useLocalStorage<number>({ key: 'oms.lateHours', defaultValue: 24 });
  const weekStart = useMemo(() => startOfWeek().toISOString(), []);
  const [lateBefore, setLateBefore] = useState(() => new Date(Date.now() - lateHours * 3600_000).toISOString());
  const counts = useDashboardStatusCountsQuery();
  const recent = useDashboardRecentOrdersQuery({ variables: { from: weekStart } });
  const late = useDashboardLateOrdersQuery({ variables: { placedBefore: lateBefore } });
  const stock = useDashboardStockQuery();
  const [feed, setFeed] = useState<FeedItem[]>([]);

  useDashboardFeedSubscription({
    onData: ({ data }) => {
      const item = data.data?.orderUpdated;
      if (!item) return;
      setFeed((f) => [item, ...f].slice(0, 30));
      void counts.refetch();
      void recent.refetch();
      void late.refetch();
      if (item.event.type === 'PLACED' || item.event.type === 'SHIPMENT_CREATED' || item.event.type === 'RETURN_CREATED' || item.event.toStatus === 'CANCELLED') void stock.refetch();
    },
  });

  const byChannel = useMemo(() => {
    const today = startOfToday().toISOString();
    const rows = new Map<string, { channel: string; currency: string; todayOrders: number; weekOrders: number; todayRevenue: number; weekRevenue: number }>();
    for (const o of recent.data?.orders.nodes ?? []) {
      if (o.status === 'CANCELLED') continue;
      const r = rows.get(o.channel.code) ?? { channel: o.channel.code, currency: o.total.currency, todayOrders: 0, weekOrders: 0, todayRevenue: 0, weekRevenue: 0 };
      r.weekOrders += 1;
      r.weekRevenue += o.total.amount;
      if (o.placedAt >= today) {
        r.todayOrders += 1;
        r.todayRevenue += o.total.amount;
      }
      rows.set(o.channel.code, r);
    }
    return [...rows.values()].sort((a, b) => a.channel.localeCompare(b.channel));
  }, [recent.data]);

  const statusData = counts.data
    ? Object.entries(counts.data).filter(([k]) => k in STATUS_LABELS).map(([k, v]) => ({ name: STATUS_LABELS[k], value: (v as { totalCount: number }).totalCount, color: STATUS_COLORS[k] }))
    : [];
  const lowStock = (stock.data?.stockLevels ?? []).filter((l) => l.available <= LOW_STOCK).sort((a, b) => a.available - b.available);
  const todayOrders = byChannel.reduce((n, r) => n + r.todayOrders, 0);
  const weekOrders = byChannel.reduce((n, r) => n + r.weekOrders, 0);
  const truncated = (recent.data?.orders.totalCount ?? 0) > (recent.data?.orders.nodes.length ?? 0);

  return (
    <Stack>
      <Title order={2}>Dashboard</Title>
      {counts.error && !counts.data && <ErrorNotice error={counts.error} />}
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Kpi label="Orders today" value={recent.data ? String(todayOrders) : '…'} testId="kpi-today" />
        <Kpi label="Orders this week" value={recent.data ? String(weekOrders) : '…'} />
        <Kpi label="Open (pending, on hold, confirmed)" value={counts.data ? String(counts.data.pending.totalCount + counts.data.onHold.totalCount + counts.data.confirmed.totalCount + counts.data.partiallyShipped.totalCount) : '…'} />
        <Kpi label={`Late (> ${lateHours} h, not shipped)`} value={late.data ? String(late.data.orders.totalCount) : '…'} color={late.data?.orders.totalCount ? 'red' : undefined} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={4}>Revenue by channel</Title>
          <Text size="xs" c="dimmed" mb="sm">This week since Monday, cancelled orders excluded{truncated ? '; newest 200 orders only' : ''}</Text>
          {recent.loading && !recent.data ? <Loading /> : byChannel.length === 0 ? <Empty title="No orders this week" /> : (
            <>
              <BarChart
                h={200}
                data={byChannel.map((r) => ({ channel: r.channel, Today: r.todayRevenue / minorUnitFactor(r.currency), 'This week': r.weekRevenue / minorUnitFactor(r.currency) }))}
                valueFormatter={(v) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }).format(v)}
                dataKey="channel"
                series={[{ name: 'Today', color: 'indigo.4' }, { name: 'This week', color: 'indigo.8' }]}
                withLegend
              />
              <Table mt="sm">
                <Table.Thead><Table.Tr><Table.Th>Channel</Table.Th><Table.Th ta="right">Orders today</Table.Th><Table.Th ta="right">Revenue today</Table.Th><Table.Th ta="right">Orders week</Table.Th><Table.Th ta="right">Revenue week</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {byChannel.map((r) => (
                    <Table.Tr key={r.channel}>
                      <Table.Td>{r.channel}</Table.Td>
                      <Table.Td ta="right">{r.todayOrders}</Table.Td>
                      <Table.Td ta="right">{formatMoney({ amount: r.todayRevenue, currency: r.currency })}</Table.Td>
                      <Table.Td ta="right">{r.weekOrders}</Table.Td>
                      <Table.Td ta="right">{formatMoney({ amount: r.weekRevenue, currency: r.currency })}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
        </Card>
        <Card withBorder>
          <Title order={4} mb="sm">Orders by status</Title>
          {!counts.data ? <Loading /> : (
            <Group align="center" wrap="nowrap">
              <DonutChart data={statusData} size={180} thickness={28} withTooltip tooltipDataSource="segment" />
              <Stack gap={2}>
                {statusData.map((s) => (
                  <Anchor key={s.name} component={Link} to={`/orders?status=${Object.keys(STATUS_LABELS).find((k) => STATUS_LABELS[k] === s.name)?.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`} size="sm">
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
              aria-label="Hours after which a confirmed, unshipped order is late"
              size="xs"
              w={110}
              min={1}
              suffix=" h"
              value={lateHours}
              onChange={(v) => {
                const h = Math.max(1, Number(v) || 24);
                setLateHours(h);
                setLateBefore(new Date(Date.now() - h * 3600_000).toISOString());
              }}
            />
          </Group>
          <Text size="xs" c="dimmed" mb="xs">Confirmed or part-shipped, placed more than {lateHours} h ago</Text>
          {!late.data ? <Loading /> : late.data.orders.nodes.length === 0 ? <Empty title="Nothing late" /> : (
            <Table>
              <Table.Tbody>
                {late.data.orders.nodes.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td><Anchor component={Link} to={`/orders/${o.id}`}>{o.number}</Anchor></Table.Td>
                    <Table.Td><Text size="xs">{formatDateTime(o.placedAt)}</Text></Table.Td>
                    <Table.Td><Badge variant="light">{humanize(o.status)}</Badge></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
        <Card withBorder>
          <Title order={4} mb="sm">Low stock (≤ {LOW_STOCK} available)</Title>
          {!stock.data ? <Loading /> : lowStock.length === 0 ? <Empty title="Stock is fine" /> : (
            <ScrollArea h={260}>
              <Table>
                <Table.Tbody>
                  {lowStock.map((l) => (
                    <Table.Tr key={l.id}>
                      <Table.Td><Anchor component={Link} to={`/inventory?sku=${encodeURIComponent(l.sku)}`} size="sm">{l.sku}</Anchor></Table.Td>
                      <Table.Td>{l.warehouse.code}</Table.Td>
                      <Table.Td ta="right"><Badge color={l.available <= 0 ? 'red' : 'orange'} variant="light">{l.available}</Badge></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          )}
        </Card>
        <Card withBorder>
          <Title order={4} mb="sm">Live events</Title>
          {feed.length === 0 ? <Empty title="Waiting for order events" hint="New orders and status changes appear here as they happen." /> : (
            <ScrollArea h={260}>
              <Stack gap={6} data-testid="live-feed">
                {feed.map((f) => (
                  <Group key={f.event.id} gap={6} wrap="nowrap">
                    <Text size="xs" c="dimmed" w={70}>{formatTime(f.event.at)}</Text>
                    <Anchor component={Link} to={`/orders/${f.order.id}`} size="sm" fw={500}>{f.order.number}</Anchor>
                    <Text size="sm">{f.event.toStatus ? `→ ${humanize(f.event.toStatus)}` : humanize(f.event.type)}</Text>
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
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="xl" fw={700} c={color} data-testid={testId} style={{ fontSize: 32 }}>{value}</Text>
    </Card>
  );
}
