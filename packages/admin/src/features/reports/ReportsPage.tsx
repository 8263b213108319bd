/**
 * Reports: sales, fulfilment, exceptions, inventory and top lists over a period, from the
 * server's daily rollups. Filters live in the URL. Every chart has its table underneath, and
 * every table a "Download CSV" of exactly what it shows. KPI definitions: docs/analytics.md.
 */
import { BarChart, LineChart } from '@mantine/charts';
import {
  Badge,
  Button,
  Card,
  Group,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Empty, ErrorNotice, Loading } from '../../components/states';
import {
  ReportBucket,
  useReportsExceptionsQuery,
  useReportsFulfilmentQuery,
  useReportsInventoryQuery,
  useReportsOptionsQuery,
  useReportsSalesQuery,
  useReportsTopQuery,
} from '../../graphql/generated';
import { formatMoney, minorUnitFactor } from '../../lib/format';
import { Cell, downloadCsv } from './csv';
import { dayInZone, useStoreTimeZone } from '../../lib/time-zone';
import { parseReportParams, ReportParams, reportSearch, ReportTab, TABS, toReportFilter } from './urls';

const TAB_LABELS: Record<ReportTab, string> = {
  sales: 'Sales',
  fulfilment: 'Fulfilment',
  exceptions: 'Exceptions',
  inventory: 'Inventory',
  top: 'Top',
};
const pct = (v: number | null | undefined) => (v == null ? '—' : `${(v * 100).toFixed(1)} %`);
const hours = (v: number | null | undefined) => (v == null ? '—' : `${v} h`);
/**
 * A bucket's label: its day in the store's time zone (buckets start at the store's midnight).
 * The page sets the zone on every render, before its tabs render their series.
 */
let labelZone = 'UTC';
const day = (iso: string) => dayInZone(new Date(iso), labelZone);
const major = (m: { amount: number; currency: string }) => m.amount / minorUnitFactor(m.currency);
/** CSV money: decimal major units, plus a currency column. */
const csvMoney = (m: { amount: number; currency: string }) =>
  major(m).toFixed(Math.round(Math.log10(minorUnitFactor(m.currency))));

/** The field an error names (extensions.field), e.g. ['filter', 'to'] -> 'to'. */
function fieldOf(error: unknown): string | undefined {
  const gql = (error as { graphQLErrors?: { extensions?: { field?: string[] } }[] })?.graphQLErrors?.[0];
  const field = gql?.extensions?.field;
  return field ? field[field.length - 1] : undefined;
}

/** A customer without CUSTOMER_READ: the server sends no e-mail or name, only the id. */
const customerRef = (id: string) => `customer ${id.slice(0, 8)}`;

export function ReportsPage() {
  const [search, setSearch] = useSearchParams();
  const { timeZone } = useStoreTimeZone();
  labelZone = timeZone;
  const params = useMemo(() => parseReportParams(search, new Date(), timeZone), [search, timeZone]);
  const set = (patch: Partial<ReportParams>) => setSearch(reportSearch({ ...params, ...patch }), { replace: true });
  const options = useReportsOptionsQuery();
  const filter = useMemo(() => toReportFilter(params, timeZone), [params, timeZone]);

  return (
    <Stack>
      <Title order={2}>Reports</Title>
      <Filters
        params={params}
        set={set}
        channels={options.data?.channels ?? []}
        warehouses={options.data?.warehouses.nodes ?? []}
      />
      <Tabs value={params.tab} onChange={(v) => v && set({ tab: v as ReportTab })} keepMounted={false}>
        <Tabs.List>
          {TABS.map((t) => (
            <Tabs.Tab key={t} value={t}>
              {TAB_LABELS[t]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="sales" pt="md">
          <SalesSection filter={filter} />
        </Tabs.Panel>
        <Tabs.Panel value="fulfilment" pt="md">
          <FulfilmentSection filter={filter} />
        </Tabs.Panel>
        <Tabs.Panel value="exceptions" pt="md">
          <ExceptionsSection filter={filter} />
        </Tabs.Panel>
        <Tabs.Panel value="inventory" pt="md">
          <InventorySection filter={filter} />
        </Tabs.Panel>
        <Tabs.Panel value="top" pt="md">
          <TopSection filter={filter} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

type Filter = ReturnType<typeof toReportFilter>;

function Filters({
  params,
  set,
  channels,
  warehouses,
}: {
  params: ReportParams;
  set: (p: Partial<ReportParams>) => void;
  channels: { code: string; name: string }[];
  warehouses: { code: string; name: string }[];
}) {
  const errorField = useFilterError(params);
  const error = (name: string) => (errorField?.field === name ? errorField.message : undefined);
  return (
    <Card withBorder>
      <Group align="flex-start" wrap="wrap">
        <TextInput
          type="date"
          label="From (UTC day)"
          value={params.from}
          onChange={(e) => e.currentTarget.value && set({ from: e.currentTarget.value })}
          error={error('from')}
          data-testid="report-from"
        />
        <TextInput
          type="date"
          label="To (included)"
          value={params.to}
          onChange={(e) => e.currentTarget.value && set({ to: e.currentTarget.value })}
          error={error('to')}
          data-testid="report-to"
        />
        <Select
          label="Bucket"
          data={[
            { value: ReportBucket.Day, label: 'Day' },
            { value: ReportBucket.Week, label: 'Week' },
            { value: ReportBucket.Month, label: 'Month' },
          ]}
          value={params.bucket}
          onChange={(v) => v && set({ bucket: v as ReportBucket })}
          allowDeselect={false}
          w={120}
        />
        <Select
          label="Channel"
          placeholder="All channels"
          clearable
          data={channels.map((c) => ({ value: c.code, label: `${c.code} — ${c.name}` }))}
          value={params.channel ?? null}
          onChange={(v) => set({ channel: v ?? undefined })}
          error={error('channelCode')}
          w={240}
        />
        <Select
          label="Warehouse"
          placeholder="All warehouses"
          clearable
          data={warehouses.map((w) => ({ value: w.code, label: `${w.code} — ${w.name}` }))}
          value={params.warehouse ?? null}
          onChange={(v) => set({ warehouse: v ?? undefined })}
          error={error('warehouseCode')}
          w={240}
          description="Fulfilment and inventory"
        />
      </Group>
    </Card>
  );
}

/** The sales query doubles as the filter check: its error, if it names a filter field, is shown at that field. */
function useFilterError(params: ReportParams) {
  const { timeZone } = useStoreTimeZone();
  const { error } = useReportsSalesQuery({ variables: { filter: toReportFilter(params, timeZone) } });
  const field = fieldOf(error);
  const message = (error as { graphQLErrors?: { message: string }[] } | undefined)?.graphQLErrors?.[0]?.message;
  return field && message ? { field, message } : undefined;
}

function DataTable({
  title,
  headers,
  rows,
  csvRows,
  filename,
}: {
  title: string;
  headers: string[];
  rows: React.ReactNode[][];
  csvRows: Cell[][];
  filename: string;
}) {
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600}>{title}</Text>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconDownload size={14} />}
          onClick={() => downloadCsv(filename, headers, csvRows)}
          disabled={!csvRows.length}
          aria-label={`Download CSV: ${title}`}
        >
          Download CSV
        </Button>
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          Nothing in this period.
        </Text>
      ) : (
        <ScrollArea.Autosize mah={360}>
          <Table striped highlightOnHover data-testid={`table-${filename.replace(/\.csv$/, '')}`}>
            <Table.Thead>
              <Table.Tr>
                {headers.map((h) => (
                  <Table.Th key={h}>{h}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => (
                <Table.Tr key={i}>
                  {r.map((c, j) => (
                    <Table.Td key={j}>{c}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}

function Kpi({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

function Section({ loading, error, children }: { loading: boolean; error?: unknown; children: React.ReactNode }) {
  if (error) return <ErrorNotice error={error} title="Could not load this report" />;
  if (loading) return <Loading />;
  return <Stack>{children}</Stack>;
}

// ------------------------------------------------------------------------------------- sales

function SalesSection({ filter }: { filter: Filter }) {
  const { data, loading, error } = useReportsSalesQuery({ variables: { filter } });
  const r = data?.salesReport;
  const channelCodes = [...new Set((r?.series ?? []).map((p) => p.channelCode))];
  const chart = useMemo(() => {
    const byBucket = new Map<string, Record<string, number | string>>();
    for (const p of r?.series ?? []) {
      const row = byBucket.get(day(p.bucketStart)) ?? { bucket: day(p.bucketStart) };
      row[p.channelCode] = major(p.netSales);
      byBucket.set(day(p.bucketStart), row);
    }
    return [...byBucket.values()];
  }, [r]);
  const colors = ['blue.6', 'teal.6', 'grape.6', 'orange.6', 'cyan.6', 'pink.6'];
  const total = (k: 'orders' | 'units') => (r?.channels ?? []).reduce((n, c) => n + c.current[k], 0);
  const prevTotal = (r?.channels ?? []).reduce((n, c) => n + c.previous.orders, 0);
  return (
    <Section loading={loading && !r} error={error}>
      {r && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Kpi
              label="Orders"
              value={String(total('orders'))}
              hint={`previous period: ${prevTotal}`}
              testId="kpi-sales-orders"
            />
            <Kpi label="Units" value={String(total('units'))} />
            {r.channels.length > 0 && (
              <Kpi
                label="Net sales"
                value={sumMoney(r.channels.map((c) => c.current.netSales))}
                hint={`previous: ${sumMoney(r.channels.map((c) => c.previous.netSales))}`}
                testId="kpi-sales-net"
              />
            )}
            {r.channels.length > 0 && (
              <Kpi label="Gross sales" value={sumMoney(r.channels.map((c) => c.current.grossSales))} />
            )}
          </SimpleGrid>
          <Card withBorder>
            <Text fw={600} mb="xs">
              Net sales by channel and {filter.bucket?.toLowerCase()}
            </Text>
            {chart.length === 0 ? (
              <Empty title="No sales in this period" />
            ) : (
              <BarChart
                h={260}
                data={chart}
                dataKey="bucket"
                type="stacked"
                withLegend
                series={channelCodes.map((c, i) => ({ name: c, color: colors[i % colors.length] }))}
              />
            )}
          </Card>
          <DataTable
            title="Per channel, against the previous period"
            filename="sales-by-channel.csv"
            headers={[
              'channel',
              'orders',
              'previous orders',
              'units',
              'gross sales',
              'refunds',
              'net sales',
              'previous net sales',
              'average order value',
              'cancelled',
              'currency',
            ]}
            rows={r.channels.map((c) => [
              c.channelCode,
              c.current.orders,
              c.previous.orders,
              c.current.units,
              formatMoney(c.current.grossSales),
              formatMoney(c.current.refunds),
              formatMoney(c.current.netSales),
              formatMoney(c.previous.netSales),
              formatMoney(c.current.averageOrderValue),
              c.current.cancelledOrders,
              c.current.currency,
            ])}
            csvRows={r.channels.map((c) => [
              c.channelCode,
              c.current.orders,
              c.previous.orders,
              c.current.units,
              csvMoney(c.current.grossSales),
              csvMoney(c.current.refunds),
              csvMoney(c.current.netSales),
              csvMoney(c.previous.netSales),
              csvMoney(c.current.averageOrderValue),
              c.current.cancelledOrders,
              c.current.currency,
            ])}
          />
          <DataTable
            title={`Per ${filter.bucket?.toLowerCase()} and channel`}
            filename="sales-by-bucket.csv"
            headers={[
              'bucket',
              'channel',
              'orders',
              'units',
              'gross sales',
              'refunds',
              'net sales',
              'average order value',
              'cancelled',
              'currency',
            ]}
            rows={r.series.map((p) => [
              day(p.bucketStart),
              p.channelCode,
              p.orders,
              p.units,
              formatMoney(p.grossSales),
              formatMoney(p.refunds),
              formatMoney(p.netSales),
              formatMoney(p.averageOrderValue),
              p.cancelledOrders,
              p.currency,
            ])}
            csvRows={r.series.map((p) => [
              day(p.bucketStart),
              p.channelCode,
              p.orders,
              p.units,
              csvMoney(p.grossSales),
              csvMoney(p.refunds),
              csvMoney(p.netSales),
              csvMoney(p.averageOrderValue),
              p.cancelledOrders,
              p.currency,
            ])}
          />
        </>
      )}
    </Section>
  );
}

function sumMoney(list: { amount: number; currency: string }[]): string {
  const by = new Map<string, number>();
  for (const m of list) by.set(m.currency, (by.get(m.currency) ?? 0) + m.amount);
  return [...by].map(([currency, amount]) => formatMoney({ amount, currency })).join(' + ') || '—';
}

// -------------------------------------------------------------------------------- fulfilment

function FulfilmentSection({ filter }: { filter: Filter }) {
  const { data, loading, error } = useReportsFulfilmentQuery({ variables: { filter } });
  const r = data?.fulfilmentReport;
  return (
    <Section loading={loading && !r} error={error}>
      {r && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Kpi
              label="Placed → shipped p50 / p90"
              value={`${hours(r.placedToShipped.p50Hours)} / ${hours(r.placedToShipped.p90Hours)}`}
              hint={`${r.placedToShipped.orders} orders shipped complete`}
              testId="kpi-ship-lead"
            />
            <Kpi
              label="Placed → delivered p50 / p90"
              value={`${hours(r.placedToDelivered.p50Hours)} / ${hours(r.placedToDelivered.p90Hours)}`}
              hint={`${r.placedToDelivered.orders} orders delivered`}
            />
            <Kpi
              label={`On time (≤ ${r.slaHours} h)`}
              value={pct(r.onTimeRate)}
              hint={`${r.shippedWithinSla} of ${r.shippedComplete}`}
              testId="kpi-on-time"
            />
            <Kpi label="Late now" value={String(r.lateOrdersNow)} hint={`open and placed > ${r.slaHours} h ago`} />
            <Kpi label="Fill rate" value={pct(r.fillRate)} hint={`${r.completeInOne} complete in one shipment`} />
            <Kpi
              label="Split shipments"
              value={pct(r.splitShipmentRate)}
              hint={`${r.splitOrders} of ${r.ordersWithShipments} orders`}
            />
          </SimpleGrid>
          <Card withBorder>
            <Text fw={600} mb="xs">
              Lead time placed → shipped (hours) per {filter.bucket?.toLowerCase()}
            </Text>
            {r.series.length === 0 ? (
              <Empty title="Nothing shipped in this period" />
            ) : (
              <LineChart
                h={240}
                data={r.series.map((p) => ({ bucket: day(p.bucketStart), p50: p.p50Hours ?? 0, p90: p.p90Hours ?? 0 }))}
                dataKey="bucket"
                withLegend
                series={[
                  { name: 'p50', color: 'teal.6' },
                  { name: 'p90', color: 'orange.6' },
                ]}
              />
            )}
          </Card>
          <DataTable
            title={`Per ${filter.bucket?.toLowerCase()} of placing`}
            filename="fulfilment.csv"
            headers={['bucket', 'shipped complete', 'within SLA', 'on-time rate', 'p50 hours', 'p90 hours']}
            rows={r.series.map((p) => [
              day(p.bucketStart),
              p.shippedComplete,
              p.shippedWithinSla,
              pct(p.onTimeRate),
              p.p50Hours ?? '—',
              p.p90Hours ?? '—',
            ])}
            csvRows={r.series.map((p) => [
              day(p.bucketStart),
              p.shippedComplete,
              p.shippedWithinSla,
              p.onTimeRate,
              p.p50Hours,
              p.p90Hours,
            ])}
          />
        </>
      )}
    </Section>
  );
}

// -------------------------------------------------------------------------------- exceptions

function ExceptionsSection({ filter }: { filter: Filter }) {
  const { data, loading, error } = useReportsExceptionsQuery({ variables: { filter } });
  const r = data?.exceptionsReport;
  return (
    <Section loading={loading && !r} error={error}>
      {r && (
        <>
          <SimpleGrid cols={{ base: 2, md: 3 }}>
            <Kpi
              label="Cancellation rate"
              value={pct(r.cancellationRate)}
              hint={`${r.cancelledOrders} of ${r.placedOrders} placed`}
              testId="kpi-cancellation"
            />
            <Kpi label="On hold now" value={String(r.onHoldCount)} />
            <Kpi label="SKUs with returns" value={String(r.returnsBySku.length)} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Card withBorder>
              <Text fw={600} mb="xs">
                Cancellations by reason
              </Text>
              {r.cancellationReasons.length === 0 ? (
                <Empty title="No cancellations" />
              ) : (
                <BarChart
                  h={220}
                  data={r.cancellationReasons.map((c) => ({ reason: c.reason, orders: c.count }))}
                  dataKey="reason"
                  series={[{ name: 'orders', color: 'red.6' }]}
                />
              )}
              <DataTable
                title="Cancellation reasons"
                filename="cancellation-reasons.csv"
                headers={['reason', 'orders']}
                rows={r.cancellationReasons.map((c) => [c.reason, c.count])}
                csvRows={r.cancellationReasons.map((c) => [c.reason, c.count])}
              />
            </Card>
            <Card withBorder>
              <Text fw={600} mb="xs">
                Return rate by SKU
              </Text>
              {r.returnsBySku.length === 0 ? (
                <Empty title="No returns" />
              ) : (
                <BarChart
                  h={220}
                  data={r.returnsBySku
                    .slice(0, 15)
                    .map((s) => ({ sku: s.sku, 'return rate %': Math.round((s.returnRate ?? 0) * 1000) / 10 }))}
                  dataKey="sku"
                  series={[{ name: 'return rate %', color: 'grape.6' }]}
                />
              )}
              <DataTable
                title="Returns by SKU"
                filename="returns-by-sku.csv"
                headers={['sku', 'units sold', 'units returned', 'return rate', 'reasons']}
                rows={r.returnsBySku.map((s) => [
                  s.sku,
                  s.unitsSold,
                  s.unitsReturned,
                  pct(s.returnRate),
                  s.reasons.map((x) => `${x.reason} (${x.count})`).join(', '),
                ])}
                csvRows={r.returnsBySku.map((s) => [
                  s.sku,
                  s.unitsSold,
                  s.unitsReturned,
                  s.returnRate,
                  s.reasons.map((x) => `${x.reason} (${x.count})`).join('; '),
                ])}
              />
            </Card>
          </SimpleGrid>
          <Card withBorder>
            {r.onHold.length > 0 && (
              <BarChart
                h={200}
                data={r.onHold.slice(0, 20).map((o) => ({ order: o.number, hours: o.hoursOnHold }))}
                dataKey="order"
                series={[{ name: 'hours', color: 'orange.6' }]}
                mb="sm"
              />
            )}
            <DataTable
              title="Orders on hold now, longest first"
              filename="orders-on-hold.csv"
              headers={['order', 'channel', 'reason', 'on hold since', 'hours on hold']}
              rows={r.onHold.map((o) => [
                <Link key={o.id} to={`/orders/${o.id}`}>
                  {o.number}
                </Link>,
                o.channelCode,
                o.reason ?? '—',
                new Date(o.heldSince).toLocaleString(),
                o.hoursOnHold,
              ])}
              csvRows={r.onHold.map((o) => [o.number, o.channelCode, o.reason, o.heldSince, o.hoursOnHold])}
            />
          </Card>
        </>
      )}
    </Section>
  );
}

// --------------------------------------------------------------------------------- inventory

function InventorySection({ filter }: { filter: Filter }) {
  const { data, loading, error } = useReportsInventoryQuery({ variables: { filter } });
  const r = data?.inventoryReport;
  return (
    <Section loading={loading && !r} error={error}>
      {r && (
        <>
          <Card withBorder>
            <Text fw={600} mb="xs">
              Stock on hand per warehouse
            </Text>
            <BarChart
              h={220}
              data={r.warehouses.map((w) => ({
                warehouse: w.warehouseCode,
                'on hand': w.onHand,
                reserved: w.reserved,
              }))}
              dataKey="warehouse"
              series={[
                { name: 'on hand', color: 'blue.6' },
                { name: 'reserved', color: 'orange.6' },
              ]}
              withLegend
            />
            <DataTable
              title="Warehouses"
              filename="stock-by-warehouse.csv"
              headers={['warehouse', 'on hand', 'reserved', 'value (list price)']}
              rows={r.warehouses.map((w) => [
                w.warehouseCode,
                w.onHand,
                w.reserved,
                w.value.map((v) => formatMoney(v)).join(' + ') || '—',
              ])}
              csvRows={r.warehouses.map((w) => [
                w.warehouseCode,
                w.onHand,
                w.reserved,
                w.value.map((v) => `${csvMoney(v)} ${v.currency}`).join('; '),
              ])}
            />
          </Card>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Card withBorder>
              <BarChart
                h={200}
                data={r.skus
                  .slice(0, 15)
                  .map((s) => ({ sku: s.sku, 'days of cover': Math.round((s.daysOfCover ?? 0) * 10) / 10 }))}
                dataKey="sku"
                series={[{ name: 'days of cover', color: 'teal.6' }]}
                mb="sm"
              />
              <DataTable
                title="Days of cover and sell-through"
                filename="sku-cover.csv"
                headers={['sku', 'on hand', 'shipped in period', 'days of cover', 'sell-through']}
                rows={r.skus.map((s) => [
                  s.sku,
                  s.onHand,
                  s.unitsShipped,
                  s.daysOfCover == null ? '—' : s.daysOfCover.toFixed(1),
                  pct(s.sellThrough),
                ])}
                csvRows={r.skus.map((s) => [s.sku, s.onHand, s.unitsShipped, s.daysOfCover, s.sellThrough])}
              />
            </Card>
            <Card withBorder>
              <BarChart
                h={200}
                data={r.movements.map((m) => ({
                  movement: `${m.kind.toLowerCase()}: ${m.reason}`,
                  in: m.unitsIn,
                  out: m.unitsOut,
                }))}
                dataKey="movement"
                series={[
                  { name: 'in', color: 'green.6' },
                  { name: 'out', color: 'red.6' },
                ]}
                withLegend
                mb="sm"
              />
              <DataTable
                title="Stock movements by reason"
                filename="stock-movements.csv"
                headers={['kind', 'reason', 'movements', 'units in', 'units out']}
                rows={r.movements.map((m) => [m.kind, m.reason, m.movements, m.unitsIn, m.unitsOut])}
                csvRows={r.movements.map((m) => [m.kind, m.reason, m.movements, m.unitsIn, m.unitsOut])}
              />
            </Card>
          </SimpleGrid>
          <Card withBorder>
            <DataTable
              title={`Low stock (available ≤ ${r.lowStockThreshold})`}
              filename="low-stock.csv"
              headers={['sku', 'product', 'warehouse', 'on hand', 'available']}
              rows={r.lowStock.map((l) => [
                l.sku,
                l.name,
                l.warehouseCode,
                l.onHand,
                <Badge key={l.sku + l.warehouseCode} color={l.available <= 0 ? 'red' : 'orange'} variant="light">
                  {l.available}
                </Badge>,
              ])}
              csvRows={r.lowStock.map((l) => [l.sku, l.name, l.warehouseCode, l.onHand, l.available])}
            />
          </Card>
        </>
      )}
    </Section>
  );
}

// --------------------------------------------------------------------------------------- top

function TopSection({ filter }: { filter: Filter }) {
  const { data, loading, error } = useReportsTopQuery({ variables: { filter } });
  const r = data?.topReport;
  type SkuRow = NonNullable<typeof r>['skusByRevenue'][number];
  type CustomerRow = NonNullable<typeof r>['customersByRevenue'][number];
  const skuTable = (title: string, file: string, rows: SkuRow[]) => (
    <DataTable
      title={title}
      filename={file}
      headers={['sku', 'product', 'units', 'revenue']}
      rows={rows.map((s) => [s.sku, s.name ?? '—', s.units, formatMoney(s.revenue)])}
      csvRows={rows.map((s) => [s.sku, s.name, s.units, csvMoney(s.revenue)])}
    />
  );
  const customerTable = (title: string, file: string, rows: CustomerRow[]) => (
    <DataTable
      title={title}
      filename={file}
      headers={['customer', 'name', 'orders', 'units', 'revenue']}
      rows={rows.map((c) => [
        c.email ?? customerRef(c.customerId),
        c.name ?? '—',
        c.orders,
        c.units,
        formatMoney(c.revenue),
      ])}
      csvRows={rows.map((c) => [c.email ?? customerRef(c.customerId), c.name, c.orders, c.units, csvMoney(c.revenue)])}
    />
  );
  return (
    <Section loading={loading && !r} error={error}>
      {r && (
        <>
          <Card withBorder>
            <Text fw={600} mb="xs">
              Top SKUs by revenue
            </Text>
            {r.skusByRevenue.length === 0 ? (
              <Empty title="No sales in this period" />
            ) : (
              <BarChart
                h={240}
                data={r.skusByRevenue.map((s) => ({ sku: s.sku, revenue: major(s.revenue) }))}
                dataKey="sku"
                series={[{ name: 'revenue', color: 'blue.6' }]}
              />
            )}
            {skuTable('Top SKUs by revenue', 'top-skus-by-revenue.csv', r.skusByRevenue)}
          </Card>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Card withBorder>{skuTable('Top SKUs by units', 'top-skus-by-units.csv', r.skusByUnits)}</Card>
            <Card withBorder>
              {skuTable('Bottom SKUs by revenue', 'bottom-skus-by-revenue.csv', r.bottomSkusByRevenue)}
            </Card>
            <Card withBorder>{skuTable('Bottom SKUs by units', 'bottom-skus-by-units.csv', r.bottomSkusByUnits)}</Card>
            <Card withBorder>
              {r.customersByRevenue.length > 0 && (
                <BarChart
                  h={200}
                  data={r.customersByRevenue.map((c) => ({
                    customer: c.name ?? c.email ?? customerRef(c.customerId),
                    revenue: major(c.revenue),
                  }))}
                  dataKey="customer"
                  series={[{ name: 'revenue', color: 'grape.6' }]}
                  mb="sm"
                />
              )}
              {customerTable('Top customers by revenue', 'top-customers-by-revenue.csv', r.customersByRevenue)}
            </Card>
            <Card withBorder>
              {customerTable('Top customers by units', 'top-customers-by-units.csv', r.customersByUnits)}
            </Card>
          </SimpleGrid>
        </>
      )}
    </Section>
  );
}
