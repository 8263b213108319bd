/** The event stream, oldest first: filter by type and by order (or stock level), page with cursors, read each payload. */
import { Badge, Button, Card, Code, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { QueryState } from '../../components/QueryState';
import { useEventsQuery, useEventTypesQuery } from '../../graphql/generated';
import { formatDateTime } from '../../lib/format';

const PAGE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function EventsPage() {
  const [type, setType] = useState('');
  const types = useEventTypesQuery().data?.eventTypes ?? [];
  const [aggregateId, setAggregateId] = useState('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [open, setOpen] = useState<string | null>(null);
  const validAggregate = !aggregateId.trim() || UUID.test(aggregateId.trim());
  const { data, loading, error } = useEventsQuery({
    variables: {
      first: PAGE,
      after: cursors[cursors.length - 1],
      type: type || undefined,
      aggregateId: validAggregate ? aggregateId.trim() || undefined : undefined,
    },
    fetchPolicy: 'cache-and-network',
  });
  const page = data?.events;
  const reset = () => setCursors([null]);
  return (
    <Stack>
      <Title order={2}>Events</Title>
      <Text c="dimmed">
        Every domain change, written with the change itself, oldest first. Webhooks and subscriptions are fed from this
        stream; partners resume from an event id.
      </Text>
      <Card withBorder>
        <Group align="end" mb="sm">
          <Select
            label="Type"
            placeholder="any type"
            data={[...types]}
            value={type || null}
            searchable
            clearable
            w={240}
            onChange={(v) => {
              setType(v ?? '');
              reset();
            }}
          />
          <TextInput
            label="Order or stock level id"
            placeholder="aggregate id"
            value={aggregateId}
            w={340}
            onChange={(e) => {
              setAggregateId(e.currentTarget.value);
              reset();
            }}
            error={validAggregate ? undefined : 'Not an id'}
          />
          <Button
            variant="default"
            disabled={!type && !aggregateId}
            onClick={() => {
              setType('');
              setAggregateId('');
              reset();
            }}
          >
            Clear filters
          </Button>
        </Group>
        <QueryState
          data={page}
          loading={loading}
          error={error}
          errorOverData
          isEmpty={(page) => page.nodes.length === 0}
          empty={{ title: 'No events match' }}
        >
          {(page) => (
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing={6} fz="sm" data-testid="events-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Time</Table.Th>
                    <Table.Th>Type</Table.Th>
                    <Table.Th>Aggregate</Table.Th>
                    <Table.Th>Actor</Table.Th>
                    <Table.Th>Event id</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.nodes.map((ev) => (
                    <Fragment key={ev.id}>
                      <Table.Tr data-testid={`event-${ev.id}`}>
                        <Table.Td>{formatDateTime(ev.occurredAt)}</Table.Td>
                        <Table.Td>
                          <Badge variant="light">{ev.type}</Badge>
                        </Table.Td>
                        <Table.Td>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            onClick={() => {
                              setAggregateId(ev.aggregateId);
                              reset();
                            }}
                          >
                            <Code fz="xs">{ev.aggregateId}</Code>
                          </Button>
                        </Table.Td>
                        <Table.Td>{ev.actor}</Table.Td>
                        <Table.Td>
                          <Code fz="xs">{ev.id}</Code>
                        </Table.Td>
                        <Table.Td>
                          <Button size="xs" variant="default" onClick={() => setOpen(open === ev.id ? null : ev.id)}>
                            {open === ev.id ? 'Hide payload' : 'Payload'}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                      {open === ev.id && (
                        <Table.Tr>
                          <Table.Td colSpan={6}>
                            <Code block data-testid="event-payload">
                              {JSON.stringify(ev.payload, null, 2)}
                            </Code>
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
        <Group justify="space-between" mt="xs">
          <Text size="sm" c="dimmed">
            {page ? `${page.totalCount} events; page ${cursors.length}` : ''}
          </Text>
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              disabled={cursors.length < 2}
              onClick={() => setCursors((c) => c.slice(0, -1))}
            >
              Previous
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={!page?.pageInfo.hasNextPage}
              onClick={() => setCursors((c) => [...c, page!.pageInfo.endCursor ?? null])}
            >
              Next
            </Button>
          </Group>
        </Group>
      </Card>
    </Stack>
  );
}
