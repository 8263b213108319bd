/**
 * Open data: export any list as CSV or JSON lines in the background (with progress and a download
 * when done), and import CSV files with a dry run first (a per-row report), then for real.
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  MultiSelect,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconDownload, IconFileImport, IconFileExport } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import {
  ExportFormat,
  ExportJobState,
  ExportKind,
  OrderStatus,
  Permission,
  useExportJobQuery,
  useStartExportMutation,
} from '../../graphql/generated';
import { useFormMutation } from '../../hooks/useFormMutation';
import { useMe } from '../../lib/me';
import { describeError } from '../../lib/user-errors';
import { download, ImportKind, ImportReport, runImport } from './data-http';

const KINDS = [
  { value: ExportKind.Orders, label: 'Orders' },
  { value: ExportKind.Products, label: 'Products' },
  { value: ExportKind.Stock, label: 'Stock levels' },
  { value: ExportKind.Customers, label: 'Customers' },
  { value: ExportKind.Events, label: 'Event history' },
];

const FILTER_FIELDS: Record<ExportKind, string[]> = {
  [ExportKind.Orders]: ['status', 'channelCode', 'search', 'placedFrom', 'placedTo'],
  [ExportKind.Products]: ['search'],
  [ExportKind.Stock]: ['warehouseCode', 'sku'],
  [ExportKind.Customers]: ['search'],
  [ExportKind.Events]: ['type', 'aggregateId'],
};

const EVENT_TYPES = [
  'order.placed',
  'order.status_changed',
  'order.cancelled',
  'order.note_added',
  'payment.recorded',
  'payment.refunded',
  'shipment.created',
  'shipment.delivered',
  'return.created',
  'stock.adjusted',
];

export function DataPage() {
  const { can } = useMe();
  return (
    <Stack>
      <Title order={2}>Data</Title>
      <Text c="dimmed" size="sm">
        Every record can leave as a file and arrive as one. Column formats and example files are in docs/integrations.md
        (“Open data: export and import”).
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        {can(Permission.DataExport) && <ExportCard />}
        {can(Permission.DataImport) && <ImportCard />}
      </SimpleGrid>
    </Stack>
  );
}

function ExportCard() {
  const [kind, setKind] = useState<ExportKind>(ExportKind.Orders);
  const [format, setFormat] = useState<ExportFormat>(ExportFormat.Csv);
  const [filter, setFilter] = useState<Record<string, string | string[]>>({});
  const form = useFormMutation();
  const [jobId, setJobId] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [start, { loading: starting }] = useStartExportMutation();
  const { data, stopPolling, startPolling } = useExportJobQuery({
    variables: { id: jobId ?? '' },
    skip: !jobId,
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: true,
  });
  const job = data?.exportJob ?? null;
  const finished =
    job &&
    (job.state === ExportJobState.Done || job.state === ExportJobState.Failed || job.state === ExportJobState.Expired);
  useEffect(() => {
    if (!jobId) return;
    if (finished) stopPolling();
    else startPolling(400);
    return () => stopPolling();
  }, [jobId, finished, startPolling, stopPolling]);

  const set = (name: string) => (value: string | string[] | null) => setFilter((f) => ({ ...f, [name]: value ?? '' }));
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setDownloadError(null);
    const chosen = Object.fromEntries(
      Object.entries(filter).filter(([k, v]) => FILTER_FIELDS[kind].includes(k) && (Array.isArray(v) ? v.length : v)),
    );
    // A CSV opened in a spreadsheet must not run a cell as a formula (a customer named "=HYPERLINK(…)").
    const payload = await form.run(
      async () =>
        (
          await start({
            variables: { input: { kind, format, filter: chosen, spreadsheetSafe: format === ExportFormat.Csv } },
          })
        ).data?.startExport,
    );
    if (payload?.job) setJobId(payload.job.id);
  };
  const fields = FILTER_FIELDS[kind];
  const percent = job?.rowsTotal
    ? Math.round((job.rowsDone / job.rowsTotal) * 100)
    : job?.state === ExportJobState.Done
      ? 100
      : 0;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="export-title">
      <form onSubmit={submit}>
        <Stack>
          <Group gap="xs">
            <IconFileExport size={20} />
            <Title order={3} id="export-title">
              Export
            </Title>
          </Group>
          <Group grow align="flex-start">
            <Select
              label="What"
              data={KINDS}
              value={kind}
              onChange={(v) => v && setKind(v as ExportKind)}
              allowDeselect={false}
            />
            <div>
              <Text size="sm" fw={500} mb={4}>
                Format
              </Text>
              <SegmentedControl
                fullWidth
                value={format}
                onChange={(v) => setFormat(v as ExportFormat)}
                data={[
                  { value: ExportFormat.Csv, label: 'CSV' },
                  { value: ExportFormat.Jsonl, label: 'JSON lines' },
                ]}
                aria-label="Format"
              />
            </div>
          </Group>
          {fields.includes('status') && (
            <MultiSelect
              label="Status"
              placeholder="Any"
              data={Object.values(OrderStatus)}
              value={(filter.status as string[]) ?? []}
              onChange={set('status')}
              error={form.fieldError('status')}
              clearable
            />
          )}
          <Group grow align="flex-start">
            {fields.includes('channelCode') && (
              <TextInput
                label="Channel code"
                value={(filter.channelCode as string) ?? ''}
                onChange={(e) => set('channelCode')(e.currentTarget.value)}
                error={form.fieldError('channelCode')}
              />
            )}
            {fields.includes('search') && (
              <TextInput
                label="Search"
                value={(filter.search as string) ?? ''}
                onChange={(e) => set('search')(e.currentTarget.value)}
                error={form.fieldError('search')}
              />
            )}
            {fields.includes('warehouseCode') && (
              <TextInput
                label="Warehouse code"
                value={(filter.warehouseCode as string) ?? ''}
                onChange={(e) => set('warehouseCode')(e.currentTarget.value)}
                error={form.fieldError('warehouseCode')}
              />
            )}
            {fields.includes('sku') && (
              <TextInput
                label="SKU"
                value={(filter.sku as string) ?? ''}
                onChange={(e) => set('sku')(e.currentTarget.value)}
                error={form.fieldError('sku')}
              />
            )}
            {fields.includes('type') && (
              <Select
                label="Event type"
                placeholder="Any"
                data={EVENT_TYPES}
                value={(filter.type as string) || null}
                onChange={set('type')}
                clearable
                error={form.fieldError('type')}
              />
            )}
            {fields.includes('aggregateId') && (
              <TextInput
                label="Order or stock id"
                value={(filter.aggregateId as string) ?? ''}
                onChange={(e) => set('aggregateId')(e.currentTarget.value)}
                error={form.fieldError('aggregateId')}
              />
            )}
          </Group>
          {fields.includes('placedFrom') && (
            <Group grow>
              <TextInput
                type="date"
                label="Placed from"
                value={(filter.placedFrom as string) ?? ''}
                onChange={(e) => set('placedFrom')(e.currentTarget.value)}
                error={form.fieldError('placedFrom')}
              />
              <TextInput
                type="date"
                label="Placed before"
                value={(filter.placedTo as string) ?? ''}
                onChange={(e) => set('placedTo')(e.currentTarget.value)}
                error={form.fieldError('placedTo')}
              />
            </Group>
          )}
          {form.generalErrors([...fields]).map((m) => (
            <Alert key={m} color="red">
              {m}
            </Alert>
          ))}
          <Group>
            <Button type="submit" loading={starting} leftSection={<IconFileExport size={16} />}>
              Start export
            </Button>
          </Group>
          {job && (
            <Stack gap={6} aria-live="polite" data-testid="export-job">
              <Group justify="space-between">
                <Text size="sm">
                  {KINDS.find((k) => k.value === job.kind)?.label} as{' '}
                  {job.format === ExportFormat.Csv ? 'CSV' : 'JSON lines'}
                </Text>
                <Badge
                  color={
                    job.state === ExportJobState.Done ? 'green' : job.state === ExportJobState.Failed ? 'red' : 'blue'
                  }
                >
                  {job.state}
                </Badge>
              </Group>
              <Progress value={percent} animated={!finished} aria-label="Export progress" />
              <Text size="xs" c="dimmed">
                {job.rowsDone.toLocaleString()} of {job.rowsTotal == null ? '…' : job.rowsTotal.toLocaleString()}{' '}
                records
              </Text>
              {job.error && <Alert color="red">{job.error}</Alert>}
              {job.state === ExportJobState.Done && job.downloadUrl && (
                <Group>
                  <Button
                    variant="light"
                    leftSection={<IconDownload size={16} />}
                    onClick={() => download(job.downloadUrl!).catch((e) => setDownloadError(describeError(e)))}
                  >
                    Download
                  </Button>
                  {job.expiresAt && (
                    <Text size="xs" c="dimmed">
                      available until {new Date(job.expiresAt).toLocaleString()}
                    </Text>
                  )}
                </Group>
              )}
              {downloadError && <Alert color="red">{downloadError}</Alert>}
            </Stack>
          )}
        </Stack>
      </form>
    </Card>
  );
}

const IMPORT_KINDS: { value: ImportKind; label: string }[] = [
  { value: 'products', label: 'Products' },
  { value: 'stock', label: 'Stock levels (set or adjust)' },
  { value: 'customers', label: 'Customers' },
  { value: 'orders', label: 'Historical orders' },
];

function ImportCard() {
  const [kind, setKind] = useState<ImportKind>('products');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [checked, setChecked] = useState<{ kind: ImportKind; file: File } | null>(null);
  const [busy, setBusy] = useState<'dry' | 'run' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const go = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'dry' : 'run');
    setFailure(null);
    try {
      const r = await runImport(kind, file, dryRun);
      setReport(r);
      setChecked(dryRun ? { kind, file } : null);
    } catch (e) {
      setReport(null);
      setFailure(describeError(e));
    } finally {
      setBusy(null);
    }
  };
  const canRun = !!file && checked?.file === file && checked.kind === kind;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="import-title">
      <Stack>
        <Group gap="xs">
          <IconFileImport size={20} />
          <Title order={3} id="import-title">
            Import
          </Title>
        </Group>
        <Group grow align="flex-start">
          <Select
            label="What"
            data={IMPORT_KINDS}
            value={kind}
            onChange={(v) => {
              if (v) {
                setKind(v as ImportKind);
                setReport(null);
              }
            }}
            allowDeselect={false}
          />
          <FileInput
            label="CSV file"
            placeholder="Choose a file"
            accept=".csv,text/csv"
            value={file}
            onChange={(f) => {
              setFile(f);
              setReport(null);
            }}
            clearable
          />
        </Group>
        <Group>
          <Button variant="default" disabled={!file} loading={busy === 'dry'} onClick={() => go(true)}>
            Dry run
          </Button>
          <Button disabled={!canRun} loading={busy === 'run'} onClick={() => go(false)}>
            Import
          </Button>
          {!canRun && file && (
            <Text size="xs" c="dimmed">
              Dry-run this file first.
            </Text>
          )}
        </Group>
        {failure && (
          <Alert color="red" title="The file was refused">
            {failure}
          </Alert>
        )}
        {report && <ImportReportView report={report} />}
      </Stack>
    </Card>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  return (
    <Stack gap="xs" aria-live="polite" data-testid="import-report">
      <Group gap="xs">
        <Badge variant="light" color={report.dryRun ? 'gray' : 'green'}>
          {report.dryRun ? 'Dry run: nothing written' : 'Imported'}
        </Badge>
        <Text size="sm">
          {report.rows} rows · {report.created} {report.dryRun ? 'to create' : 'created'} · {report.updated}{' '}
          {report.dryRun ? 'to update' : 'updated'} · {report.skipped} unchanged ·{' '}
          {report.errors.length + (report.errorsOmitted ?? 0)} problems
        </Text>
      </Group>
      {report.errors.length > 0 && (
        <Table striped withTableBorder aria-label="Problems">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Line</Table.Th>
              <Table.Th>Column</Table.Th>
              <Table.Th>Problem</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.errors.map((e, i) => (
              <Table.Tr key={i}>
                <Table.Td>{e.line}</Table.Td>
                <Table.Td>{e.field ?? '—'}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {report.errorsOmitted ? (
        <Text size="xs" c="dimmed">
          …and {report.errorsOmitted} more.
        </Text>
      ) : null}
      {report.errors.length === 0 && (
        <Text size="sm" c="green">
          No problems found.
        </Text>
      )}
    </Stack>
  );
}
