/**
 * Webhooks: endpoints (create with the secret shown once, activate / deactivate, rotate the
 * secret, delete) and, per endpoint, its delivery log with every attempt, a replay per delivery
 * and a form that replays stored events.
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Modal,
  MultiSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { QueryState } from '../../components/QueryState';
import { LoadMore } from '../../components/LoadMore';
import {
  WebhookDeliveriesDocument,
  WebhookDeliveryRowFragment,
  WebhookDeliveryStatus,
  WebhookEndpointRowFragment,
  WebhookEndpointsDocument,
  useCreateWebhookEndpointMutation,
  useDeleteWebhookEndpointMutation,
  useReplayEventsMutation,
  useReplayWebhookDeliveryMutation,
  useRotateWebhookSecretMutation,
  useUpdateWebhookEndpointMutation,
  useWebhookDeliveriesQuery,
  useWebhookEndpointsQuery,
} from '../../graphql/generated';
import { useFormMutation } from '../../hooks/useFormMutation';
import { formatDateTime } from '../../lib/format';

interface Revealed {
  url: string;
  secret: string;
}

const STATUS_COLOR: Record<WebhookDeliveryStatus, string> = {
  [WebhookDeliveryStatus.Delivered]: 'green',
  [WebhookDeliveryStatus.Pending]: 'gray',
  [WebhookDeliveryStatus.Retrying]: 'orange',
  [WebhookDeliveryStatus.Failed]: 'red',
};

export function WebhooksPage() {
  const { data, loading, error, fetchMore } = useWebhookEndpointsQuery({ notifyOnNetworkStatusChange: true });
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const endpoints = data?.webhookEndpoints.nodes ?? [];
  const current = endpoints.find((e) => e.id === selected) ?? null;
  return (
    <Stack>
      <Title order={2}>Webhooks</Title>
      <Text c="dimmed">
        Each endpoint receives the events it subscribes to as signed <Code>POST</Code> requests (Standard Webhooks
        headers <Code>webhook-id</Code>, <Code>webhook-timestamp</Code>, <Code>webhook-signature</Code>, and the older{' '}
        <Code>oms-signature</Code>), retried with backoff on network errors, 5xx, 408 and 429.
      </Text>
      <Card withBorder>
        <QueryState
          data={data}
          loading={loading}
          error={error}
          isEmpty={() => endpoints.length === 0}
          empty={{ title: 'No webhook endpoints yet', hint: 'Register one below.' }}
        >
          {() => (
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing="xs" data-testid="webhook-endpoints">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>URL</Table.Th>
                    <Table.Th>Event types</Table.Th>
                    <Table.Th>Channels</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {endpoints.map((e) => (
                    <EndpointRow
                      key={e.id}
                      endpoint={e}
                      selected={e.id === selected}
                      onSelect={() => setSelected(e.id)}
                      onSecret={setRevealed}
                      onDeleted={() => selected === e.id && setSelected(null)}
                    />
                  ))}
                </Table.Tbody>
              </Table>
              {data && (
                <LoadMore
                  list={data.webhookEndpoints}
                  loading={loading}
                  onMore={(after) => fetchMore({ variables: { after } })}
                />
              )}
            </Table.ScrollContainer>
          )}
        </QueryState>
      </Card>
      {data && <CreateEndpoint eventTypes={data.webhookEventTypes} channels={data.channels} onSecret={setRevealed} />}
      {current && <DeliveryLog key={current.id} endpoint={current} />}
      <Modal opened={!!revealed} onClose={() => setRevealed(null)} title="Signing secret" size="lg">
        <Alert color="yellow" mb="sm">
          Copy it now: it is shown only this once. Receivers verify each request's signature with it.
        </Alert>
        <Text size="sm" mb="xs">
          {revealed?.url}
        </Text>
        <Code block data-testid="webhook-secret">
          {revealed?.secret}
        </Code>
        <Group justify="flex-end" mt="md">
          <CopyButton value={revealed?.secret ?? ''}>
            {({ copied, copy }) => (
              <Button variant="light" onClick={copy}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
          <Button onClick={() => setRevealed(null)}>Done</Button>
        </Group>
      </Modal>
    </Stack>
  );
}

function EndpointRow({
  endpoint,
  selected,
  onSelect,
  onSecret,
  onDeleted,
}: {
  endpoint: WebhookEndpointRowFragment;
  selected: boolean;
  onSelect: () => void;
  onSecret: (r: Revealed) => void;
  onDeleted: () => void;
}) {
  const [update, { loading: updating }] = useUpdateWebhookEndpointMutation();
  const [rotate, { loading: rotating }] = useRotateWebhookSecretMutation();
  const [remove, { loading: removing }] = useDeleteWebhookEndpointMutation({
    refetchQueries: [WebhookEndpointsDocument],
  });
  const [confirmDelete, setConfirmDelete] = useState(false);
  const action = useFormMutation();
  const error = action.generalErrors().join('; ');
  const run: typeof action.run = (mutate) => {
    action.setErrors([]);
    return action.run(mutate);
  };
  const toggle = () =>
    run(
      async () =>
        (await update({ variables: { input: { id: endpoint.id, active: !endpoint.active } } })).data
          ?.updateWebhookEndpoint,
    );
  const doRotate = async () => {
    const r = await run(async () => (await rotate({ variables: { id: endpoint.id } })).data?.rotateWebhookSecret);
    if (r?.secret) onSecret({ url: endpoint.url, secret: r.secret });
  };
  const doDelete = async () => {
    setConfirmDelete(false);
    if (await run(async () => (await remove({ variables: { id: endpoint.id } })).data?.deleteWebhookEndpoint)) {
      notifications.show({ color: 'green', message: `${endpoint.url} deleted` });
      onDeleted();
    }
  };
  return (
    <Table.Tr
      data-testid={`webhook-row-${endpoint.url}`}
      bg={selected ? 'var(--mantine-color-default-hover)' : undefined}
    >
      <Table.Td maw={320}>
        <Text fw={500} style={{ wordBreak: 'break-all' }}>
          {endpoint.url}
        </Text>
        <Text size="xs" c="dimmed">
          by {endpoint.createdBy}, {formatDateTime(endpoint.createdAt)}
        </Text>
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
      </Table.Td>
      <Table.Td miw={200} maw={320}>
        <Group gap={4}>
          {endpoint.eventTypes.map((t) => (
            <Badge key={t} size="xs" variant="outline" tt="none">
              {t}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        {endpoint.channelCodes.length ? (
          endpoint.channelCodes.join(', ')
        ) : (
          <Text size="sm" c="dimmed">
            all
          </Text>
        )}
      </Table.Td>
      <Table.Td miw={100}>
        <div style={{ minWidth: 'max-content' }}>
          {endpoint.active ? (
            <Badge color="green" variant="light">
              Active
            </Badge>
          ) : (
            <Badge color="gray" variant="light">
              Inactive
            </Badge>
          )}
        </div>
        {endpoint.disabledReason && (
          <Text size="xs" c="dimmed">
            {endpoint.disabledReason}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Button size="xs" variant={selected ? 'filled' : 'light'} onClick={onSelect}>
            Deliveries
          </Button>
          <Button size="xs" variant="default" loading={updating} onClick={toggle}>
            {endpoint.active ? 'Deactivate' : 'Activate'}
          </Button>
          <Button size="xs" variant="default" loading={rotating} onClick={doRotate}>
            Rotate secret
          </Button>
          <Button size="xs" color="red" variant="light" loading={removing} onClick={() => setConfirmDelete(true)}>
            Delete
          </Button>
        </Group>
        <ConfirmDialog
          opened={confirmDelete}
          onClose={() => setConfirmDelete(false)}
          title="Delete this endpoint?"
          confirmLabel="Delete endpoint"
          onConfirm={doDelete}
        >
          {endpoint.url} receives nothing more, and its delivery log is deleted with it.
        </ConfirmDialog>
      </Table.Td>
    </Table.Tr>
  );
}

function CreateEndpoint({
  eventTypes,
  channels,
  onSecret,
}: {
  eventTypes: readonly string[];
  channels: readonly { code: string; name: string }[];
  onSecret: (r: Revealed) => void;
}) {
  const [create, { loading }] = useCreateWebhookEndpointMutation({ refetchQueries: [WebhookEndpointsDocument] });
  const [url, setUrl] = useState('');
  const [types, setTypes] = useState<string[]>([]);
  const [channelCodes, setChannelCodes] = useState<string[]>([]);
  const form = useFormMutation();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = await form.run(
      async () =>
        (
          await create({
            variables: {
              input: { url, eventTypes: types, channelCodes: channelCodes.length ? channelCodes : undefined },
            },
          })
        ).data?.createWebhookEndpoint,
    );
    if (r?.secret) {
      onSecret({ url, secret: r.secret });
      setUrl('');
      setTypes([]);
      setChannelCodes([]);
    }
  };
  return (
    <Card withBorder component="form" onSubmit={submit} aria-label="Add a webhook endpoint">
      <Title order={4} mb="sm">
        Add an endpoint
      </Title>
      <TextInput
        label="URL"
        description="http or https; receives a POST per event"
        required
        value={url}
        onChange={(e) => setUrl(e.currentTarget.value)}
        error={form.fieldError('url')}
      />
      <Group align="start" grow mt="sm">
        <MultiSelect
          label="Event types"
          data={[...eventTypes]}
          value={types}
          onChange={setTypes}
          error={form.fieldError('eventTypes', 'eventTypes.*')}
          searchable
        />
        <MultiSelect
          label="Channels"
          description="none: every channel, and stock events"
          data={channels.map((c) => ({ value: c.code, label: `${c.code} — ${c.name}` }))}
          value={channelCodes}
          onChange={setChannelCodes}
          error={form.fieldError('channelCodes', 'channelCodes.*')}
          searchable
        />
      </Group>
      {form.generalErrors(['url', 'eventTypes', 'eventTypes.*', 'channelCodes', 'channelCodes.*']).map((m) => (
        <Alert key={m} color="red" mt="xs" role="alert">
          {m}
        </Alert>
      ))}
      <Button type="submit" mt="md" loading={loading}>
        Add endpoint
      </Button>
    </Card>
  );
}

const PAGE = 25;

function DeliveryLog({ endpoint }: { endpoint: WebhookEndpointRowFragment }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const { data, loading, error, refetch } = useWebhookDeliveriesQuery({
    variables: { endpointId: endpoint.id, first: PAGE, after },
    fetchPolicy: 'cache-and-network',
  });
  const page = data?.webhookDeliveries;
  return (
    <Card withBorder aria-label="Delivery log">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={4}>Delivery log</Title>
          <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {endpoint.url}
            {page ? ` — ${page.totalCount} deliveries, newest first` : ''}
          </Text>
        </div>
        <Button size="xs" variant="default" onClick={() => refetch()}>
          Refresh
        </Button>
      </Group>
      <QueryState
        data={page}
        loading={loading}
        error={error}
        isEmpty={(page) => page.nodes.length === 0}
        empty={{ title: 'No deliveries yet', hint: 'Deliveries appear here as events happen.' }}
      >
        {(page) => (
          <Table.ScrollContainer minWidth={1000}>
            <Table verticalSpacing={6} fz="sm" data-testid="webhook-deliveries">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Time</Table.Th>
                  <Table.Th>Event</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Attempts</Table.Th>
                  <Table.Th>HTTP</Table.Th>
                  <Table.Th>Latency</Table.Th>
                  <Table.Th>Response</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.nodes.map((d) => (
                  <DeliveryRow key={d.id} delivery={d} endpointActive={endpoint.active} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      <Group justify="flex-end" mt="xs">
        <Button
          size="xs"
          variant="default"
          disabled={cursors.length < 2}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          Newer
        </Button>
        <Button
          size="xs"
          variant="default"
          disabled={!page?.pageInfo.hasNextPage}
          onClick={() => setCursors((c) => [...c, page!.pageInfo.endCursor ?? null])}
        >
          Older
        </Button>
      </Group>
      <ReplayEvents endpoint={endpoint} />
    </Card>
  );
}

function DeliveryRow({ delivery, endpointActive }: { delivery: WebhookDeliveryRowFragment; endpointActive: boolean }) {
  const [replay, { loading }] = useReplayWebhookDeliveryMutation({ refetchQueries: [WebhookDeliveriesDocument] });
  const action = useFormMutation();
  const error = action.generalErrors().join('; ');
  const last = delivery.attempts[delivery.attempts.length - 1];
  const doReplay = async () => {
    action.setErrors([]);
    if (await action.run(async () => (await replay({ variables: { id: delivery.id } })).data?.replayWebhookDelivery)) {
      notifications.show({ color: 'green', message: `Event ${delivery.eventId.slice(0, 8)}… queued again` });
    }
  };
  return (
    <Table.Tr data-testid={`delivery-${delivery.id}`}>
      <Table.Td miw={110}>{formatDateTime(delivery.createdAt)}</Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {delivery.eventType}
        </Text>
        <Code fz="xs">{delivery.eventId}</Code>
        {delivery.replay && (
          <Badge ml={4} size="xs" color="grape" variant="light">
            replay
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <div style={{ minWidth: 'max-content' }}>
          <Badge color={STATUS_COLOR[delivery.status]} variant="light">
            {delivery.status}
          </Badge>
        </div>
      </Table.Td>
      <Table.Td>{delivery.attemptCount}</Table.Td>
      <Table.Td>
        {last?.statusCode ??
          (last?.error ? (
            <Tooltip label={last.error}>
              <Text size="sm" c="red">
                error
              </Text>
            </Tooltip>
          ) : (
            '—'
          ))}
      </Table.Td>
      <Table.Td>{last ? `${last.latencyMs} ms` : '—'}</Table.Td>
      <Table.Td maw={240}>
        <Text size="xs" lineClamp={2} style={{ wordBreak: 'break-all' }}>
          {last?.responseExcerpt ?? last?.error ?? ''}
        </Text>
      </Table.Td>
      <Table.Td>
        <Button size="xs" variant="light" loading={loading} disabled={!endpointActive} onClick={doReplay}>
          Replay
        </Button>
        {error && (
          <Text c="red" size="xs" role="alert">
            {error}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** `datetime-local` text (the viewer's time) to an ISO instant; empty: none. */
const toInstant = (value: string) => (value ? new Date(value).toISOString() : undefined);

function ReplayEvents({ endpoint }: { endpoint: WebhookEndpointRowFragment }) {
  const [replayEvents, { loading }] = useReplayEventsMutation({ refetchQueries: [WebhookDeliveriesDocument] });
  const [after, setAfter] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [types, setTypes] = useState<string[]>([]);
  const form = useFormMutation();
  const [result, setResult] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setResult(null);
    const r = await form.run(
      async () =>
        (
          await replayEvents({
            variables: {
              input: {
                endpointId: endpoint.id,
                after: after.trim() || undefined,
                from: toInstant(from),
                to: toInstant(to),
                types: types.length ? types : undefined,
              },
            },
          })
        ).data?.replayEvents,
    );
    if (r)
      setResult(
        `${r.queued} events queued of ${r.matched} matching.${r.hasMore ? ` Replay again after ${r.lastEventId} for the rest.` : ''}`,
      );
  };
  return (
    <Card withBorder mt="md" component="form" onSubmit={submit} aria-label="Replay events">
      <Title order={5}>Replay events</Title>
      <Text size="sm" c="dimmed" mb="xs">
        Sends stored events to this endpoint again, with their own event ids, oldest first (at most 10,000 at a time).
        Every filter is optional.
      </Text>
      <Group align="start" grow>
        <TextInput
          label="After event id"
          placeholder="the last event the receiver processed"
          value={after}
          onChange={(e) => setAfter(e.currentTarget.value)}
          error={form.fieldError('after')}
        />
        <TextInput
          label="From"
          type="datetime-local"
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          error={form.fieldError('from')}
        />
        <TextInput
          label="To"
          type="datetime-local"
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          error={form.fieldError('to')}
        />
      </Group>
      <MultiSelect
        mt="sm"
        label="Event types"
        description="none: all the endpoint subscribes to"
        data={[...endpoint.eventTypes]}
        value={types}
        onChange={setTypes}
        error={form.fieldError('types', 'types.*')}
      />
      {form.generalErrors(['after', 'from', 'to', 'types', 'types.*']).map((m) => (
        <Alert key={m} color="red" mt="xs" role="alert">
          {m}
        </Alert>
      ))}
      {result && (
        <Alert color="green" mt="xs" role="status" data-testid="replay-result">
          {result}
        </Alert>
      )}
      <Button type="submit" mt="sm" loading={loading}>
        Replay events
      </Button>
    </Card>
  );
}
