/**
 * Customer e-mails: per channel and event, the template (subject, plain text, HTML) with a live
 * preview the server renders (previewEmail, a sample order unless an order id is given), saved or
 * reset to the default; and the log of messages sent or tried, with their status and last error.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Grid,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import {
  EmailEvent,
  EmailStatus,
  EmailTemplateFieldsFragment,
  EmailTemplatesDocument,
  Permission,
  useEmailChannelsQuery,
  useEmailMessagesQuery,
  useEmailTemplatesQuery,
  usePreviewEmailQuery,
  useUpdateEmailTemplateMutation,
} from '../../graphql/generated';
import { useFormMutation } from '../../hooks/useFormMutation';
import { formatDateTime, humanize } from '../../lib/format';
import { useMe } from '../../lib/me';

const EVENTS: { value: EmailEvent; label: string }[] = [
  { value: EmailEvent.OrderPlaced, label: 'Order placed' },
  { value: EmailEvent.OrderShipped, label: 'Order shipped' },
  { value: EmailEvent.OrderDelivered, label: 'Order delivered' },
  { value: EmailEvent.OrderCancelled, label: 'Order cancelled' },
  { value: EmailEvent.OrderRefunded, label: 'Order refunded' },
];

const STATUS_COLOR: Record<EmailStatus, string> = {
  [EmailStatus.Queued]: 'gray',
  [EmailStatus.Sent]: 'green',
  [EmailStatus.Failed]: 'red',
  [EmailStatus.Skipped]: 'yellow',
};

export function EmailsPage() {
  const { can } = useMe();
  const channels = useEmailChannelsQuery();
  const [channelCode, setChannelCode] = useState<string | null>(null);
  const [event, setEvent] = useState<EmailEvent>(EmailEvent.OrderPlaced);
  const first = channels.data?.channels[0]?.code ?? null;
  const channel = channelCode ?? first;
  return (
    <Stack>
      <Title order={2}>Customer e-mails</Title>
      <Text c="dimmed">
        What customers are e-mailed when their order is placed, shipped, delivered, cancelled or refunded. Templates are
        Mustache: <Code>{'{{order.number}}'}</Code>, <Code>{'{{#lines}}…{{/lines}}'}</Code>; in HTML a value is escaped.
        Sending needs <Code>OMS_SMTP_URL</Code> on the server.
      </Text>
      <Group align="end">
        <Select
          label="Channel"
          data={(channels.data?.channels ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
          value={channel}
          onChange={(v) => v && setChannelCode(v)}
          allowDeselect={false}
          w={260}
        />
        <Select
          label="Event"
          data={EVENTS}
          value={event}
          onChange={(v) => v && setEvent(v as EmailEvent)}
          allowDeselect={false}
          w={220}
        />
      </Group>
      {channel ? <TemplateEditor key={`${channel}:${event}`} channelCode={channel} event={event} /> : null}
      {can(Permission.CustomerRead) && <MessageLog />}
    </Stack>
  );
}

function TemplateEditor({ channelCode, event }: { channelCode: string; event: EmailEvent }) {
  const { data, loading, error } = useEmailTemplatesQuery({ variables: { channelCode } });
  const template = data?.emailTemplates.find((t) => t.event === event);
  return (
    <QueryState data={template} loading={loading} error={error} isEmpty={() => false} empty={{ title: 'No template' }}>
      {(t) => <TemplateForm template={t} />}
    </QueryState>
  );
}

function TemplateForm({ template }: { template: EmailTemplateFieldsFragment }) {
  const [subject, setSubject] = useState(template.subject);
  const [text, setText] = useState(template.text);
  const [html, setHtml] = useState(template.html);
  const [orderId, setOrderId] = useState('');
  useEffect(() => {
    setSubject(template.subject);
    setText(template.text);
    setHtml(template.html);
  }, [template]);
  const [draft] = useDebouncedValue({ subject, text, html }, 300);
  const [debouncedOrder] = useDebouncedValue(orderId.trim(), 400);
  const preview = usePreviewEmailQuery({
    variables: { channelCode: template.channelCode, event: template.event, draft, orderId: debouncedOrder || null },
    fetchPolicy: 'cache-and-network',
  });
  const [update, { loading }] = useUpdateEmailTemplateMutation({
    refetchQueries: [EmailTemplatesDocument],
    awaitRefetchQueries: true,
  });
  const form = useFormMutation();
  const dirty = subject !== template.subject || text !== template.text || html !== template.html;
  const save = async (reset = false) => {
    const input = reset
      ? { channelCode: template.channelCode, event: template.event, reset: true }
      : { channelCode: template.channelCode, event: template.event, subject, text, html };
    const r = await form.run(async () => (await update({ variables: { input } })).data?.updateEmailTemplate);
    if (r) notifications.show({ color: 'green', message: reset ? 'Back to the default template' : 'Template saved' });
  };
  const p = preview.data?.previewEmail;
  const general = form.generalErrors(['input.subject', 'input.text', 'input.html']);
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Card withBorder component="form" aria-label="E-mail template" onSubmit={(e) => (e.preventDefault(), save())}>
          <Stack gap="sm">
            <Group justify="space-between">
              <Text fw={600}>Template</Text>
              <Badge variant="light" color={template.customized ? 'blue' : 'gray'} data-testid="template-kind">
                {template.customized ? 'Customized' : 'Default'}
              </Badge>
            </Group>
            <TextInput
              label="Subject"
              value={subject}
              onChange={(e) => setSubject(e.currentTarget.value)}
              error={form.fieldError('input.subject')}
            />
            <Textarea
              label="Plain text"
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={6}
              maxRows={14}
              styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
              error={form.fieldError('input.text')}
            />
            <Textarea
              label="HTML"
              value={html}
              onChange={(e) => setHtml(e.currentTarget.value)}
              autosize
              minRows={6}
              maxRows={14}
              styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
              error={form.fieldError('input.html')}
            />
            <Text size="xs" c="dimmed">
              Variables: {template.variables.join(', ')}
            </Text>
            {general.length > 0 && (
              <Alert color="red" role="alert">
                {general.join('; ')}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={loading} disabled={!dirty}>
                Save template
              </Button>
              <Button variant="default" disabled={!template.customized || loading} onClick={() => save(true)}>
                Reset to default
              </Button>
              {template.updatedAt && (
                <Text size="xs" c="dimmed">
                  Saved {formatDateTime(template.updatedAt)} by {template.updatedBy}
                </Text>
              )}
            </Group>
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Card withBorder aria-label="Preview" component="section">
          <Stack gap="xs">
            <Group justify="space-between" align="end">
              <Text fw={600}>Preview</Text>
              <TextInput
                size="xs"
                label="Order id (blank: a sample order)"
                value={orderId}
                onChange={(e) => setOrderId(e.currentTarget.value)}
                w={300}
              />
            </Group>
            {preview.error && (
              <Alert color="red" role="alert">
                {preview.error.message}
              </Alert>
            )}
            {p && (
              <>
                {p.problems.length > 0 && (
                  <Alert color="orange" title="This template would be refused" data-testid="preview-problems">
                    {p.problems.join('; ')}
                  </Alert>
                )}
                <Text size="sm">
                  To: {p.recipient} {p.sample && <Badge size="xs">sample order</Badge>}
                </Text>
                <Text size="sm" fw={600} data-testid="preview-subject">
                  {p.subject}
                </Text>
                <iframe
                  title="HTML preview"
                  sandbox=""
                  srcDoc={p.html}
                  style={{
                    width: '100%',
                    height: 320,
                    border: '1px solid var(--mantine-color-gray-4)',
                    background: 'white',
                  }}
                />
                <Code block data-testid="preview-text" style={{ maxHeight: 220, overflow: 'auto' }}>
                  {p.text}
                </Code>
              </>
            )}
          </Stack>
        </Card>
      </Grid.Col>
    </Grid>
  );
}

function MessageLog() {
  const [status, setStatus] = useState('');
  const { data, loading, error, refetch } = useEmailMessagesQuery({
    variables: { first: 50, filter: status ? { status: status as EmailStatus } : undefined },
    fetchPolicy: 'cache-and-network',
    pollInterval: 5000,
  });
  return (
    <Card withBorder>
      <Group justify="space-between" align="end" mb="sm">
        <Text fw={600}>Messages{data ? ` (${data.emailMessages.totalCount})` : ''}</Text>
        <Group align="end">
          <Select
            label="Status"
            data={[
              { value: '', label: 'Any status' },
              ...Object.values(EmailStatus).map((s) => ({ value: s, label: s })),
            ]}
            value={status}
            onChange={(v) => setStatus(v ?? '')}
            allowDeselect={false}
            w={180}
          />
          <Button variant="default" onClick={() => refetch()}>
            Refresh
          </Button>
        </Group>
      </Group>
      <QueryState
        data={data?.emailMessages}
        loading={loading}
        error={error}
        isEmpty={(c) => c.nodes.length === 0}
        empty={{ title: 'No e-mails yet', hint: 'Messages appear here once orders are placed with e-mails on.' }}
      >
        {(c) => (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing={6} fz="sm" data-testid="email-messages">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Order</Table.Th>
                  <Table.Th>Event</Table.Th>
                  <Table.Th>To</Table.Th>
                  <Table.Th>Subject</Table.Th>
                  <Table.Th miw={90}>Status</Table.Th>
                  <Table.Th>Attempts</Table.Th>
                  <Table.Th>Last error</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.nodes.map((m) => (
                  <Table.Tr key={m.id} data-testid={`email-${m.id}`}>
                    <Table.Td>{formatDateTime(m.createdAt)}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/orders/${m.orderId}`}>
                        {m.orderNumber ?? m.orderId}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{humanize(m.event)}</Table.Td>
                    <Table.Td>{m.recipient}</Table.Td>
                    <Table.Td>{m.subject}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[m.status]} variant="light">
                        {m.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{m.attempts}</Table.Td>
                    <Table.Td maw={280}>
                      <Text size="xs" c={m.lastError ? 'red' : 'dimmed'} lineClamp={2}>
                        {m.lastError ?? '—'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </Card>
  );
}
