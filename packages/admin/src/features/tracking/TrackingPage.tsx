/**
 * The public order-tracking page (no sign-in): a customer enters the order number and the e-mail
 * they ordered with, or follows a link such as /track?number=100042&email=ada%40example.com from a
 * confirmation e-mail, and sees the order's status, items, parcels and timeline, updated live.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ThemeToggle } from '../../components/ThemeToggle';
import { TrackedOrderViewFragment, useTrackedOrderLiveSubscription, useTrackOrderQuery } from '../../graphql/generated';
import { formatDateTime, formatMoney } from '../../lib/format';
import { describeError } from '../../lib/user-errors';

export function TrackingPage() {
  const [params, setParams] = useSearchParams();
  const number = params.get('number') ?? '';
  const email = params.get('email') ?? '';
  const asked = number !== '' && email !== '';
  const [form, setForm] = useState({ number, email });
  const { data, loading, error } = useTrackOrderQuery({
    variables: { number, email },
    skip: !asked,
    fetchPolicy: 'network-only',
  });
  const [live, setLive] = useState<TrackedOrderViewFragment | null>(null);
  useTrackedOrderLiveSubscription({
    variables: { number, email },
    skip: !asked || !data?.trackOrder,
    onData: ({ data: d }) => d.data?.trackedOrderUpdated && setLive(d.data.trackedOrderUpdated),
  });
  const order = live && live.number === number ? live : (data?.trackOrder ?? null);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setLive(null);
    setParams({ number: form.number.trim(), email: form.email.trim() });
  };

  return (
    <Center p="md">
      <Stack w="100%" maw={760}>
        <Group justify="space-between">
          <Title order={2}>Track your order</Title>
          <ThemeToggle />
        </Group>
        <Card withBorder component="form" onSubmit={submit} aria-label="Find your order">
          <Group align="end" grow>
            <TextInput
              label="Order number"
              required
              value={form.number}
              onChange={(e) => setForm({ ...form, number: e.currentTarget.value })}
            />
            <TextInput
              label="E-mail used to order"
              type="email"
              required
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
            />
          </Group>
          <Button type="submit" mt="md" loading={loading}>
            Show my order
          </Button>
        </Card>
        {error && (
          <Alert color="red" role="alert">
            {describeError(error)}
          </Alert>
        )}
        {asked && !loading && !error && !order && (
          <Alert color="yellow" role="status">
            No order matches this number and e-mail. Check both against your confirmation e-mail.
          </Alert>
        )}
        {order && <TrackedOrderCard order={order} />}
      </Stack>
    </Center>
  );
}

function TrackedOrderCard({ order }: { order: TrackedOrderViewFragment }) {
  return (
    <Card withBorder data-testid="tracked-order">
      <Group justify="space-between">
        <div>
          <Text c="dimmed" size="sm">
            Order {order.number} · placed {formatDateTime(order.placedAt)}
          </Text>
          <Title order={3} data-testid="tracked-status">
            {order.statusText}
          </Title>
        </div>
        <Text fw={600}>{formatMoney(order.total)}</Text>
      </Group>
      <Table mt="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>Ordered</Table.Th>
            <Table.Th>Shipped</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {order.items.map((i) => (
            <Table.Tr key={i.sku}>
              <Table.Td>{i.name}</Table.Td>
              <Table.Td>{i.quantity}</Table.Td>
              <Table.Td>
                {i.quantityShipped}
                {i.quantityReturned > 0 && ` (${i.quantityReturned} returned)`}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {order.shipments.length > 0 && (
        <Stack mt="md" gap="xs" data-testid="tracked-parcels">
          <Title order={5}>Parcels</Title>
          {order.shipments.map((s, n) => (
            <Group key={n} gap="xs">
              <Badge variant="light" color={s.status === 'DELIVERED' ? 'green' : 'blue'}>
                {s.status === 'DELIVERED' ? 'Delivered' : 'On its way'}
              </Badge>
              <Text size="sm">
                {s.carrier ?? 'Carrier'}
                {s.trackingNumber && (
                  <>
                    {' '}
                    · tracking{' '}
                    <Anchor size="sm" component="span">
                      {s.trackingNumber}
                    </Anchor>
                  </>
                )}
              </Text>
              <Text size="sm" c="dimmed">
                {s.items.map((i) => `${i.quantity} × ${i.name}`).join(', ')}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      <Title order={5} mt="md" mb="xs">
        What happened
      </Title>
      <Timeline active={order.timeline.length - 1} bulletSize={14} lineWidth={2}>
        {order.timeline.map((step, n) => (
          <Timeline.Item key={n} title={step.text}>
            <Text size="xs" c="dimmed">
              {formatDateTime(step.at)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}
