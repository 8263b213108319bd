import { Anchor, Badge, Button, Card, Grid, Group, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconFileInvoice, IconPackage } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { Empty, ErrorNotice, Loading } from '../../components/states';
import {
  OrderAction,
  OrderDetailFragment,
  Permission,
  ShipmentStatus,
  useMarkShipmentDeliveredMutation,
  useMeQuery,
  useOrderDetailLiveSubscription,
  useOrderDetailQuery,
  useOrderWarehousesQuery,
} from '../../graphql/generated';
import { downloadWithToken } from '../../lib/download';
import { formatDateTime, formatMoney, humanize } from '../../lib/format';
import { useMe } from '../../lib/me';
import { describeError } from '../../lib/user-errors';
import { NotesAndTags } from './components/NotesAndTags';
import { OrderActions } from './components/OrderActions';
import { PaymentBadge, StatusBadge } from './components/StatusBadge';

export function OrderDetailPage() {
  const { id = '' } = useParams();
  const { data, loading, error } = useOrderDetailQuery({ variables: { id } });
  const warehouses = useOrderWarehousesQuery({ fetchPolicy: 'cache-first' });
  const me = useMeQuery({ fetchPolicy: 'cache-first' });
  // The subscription's order replaces the cached one (same id): the page follows others' changes.
  useOrderDetailLiveSubscription({
    variables: { id },
    onData: ({ data: sub }) => {
      const ev = sub.data?.orderUpdated.event;
      // Tell about others' changes; one's own actions already say what they did.
      if (ev && ev.actor !== `user:${me.data?.me?.email}`)
        notifications.show({
          id: `ev-${ev.id}`,
          color: 'blue',
          message: `${humanize(ev.type)} by ${ev.actor.replace(/^user:/, '')}`,
          autoClose: 3000,
        });
    },
  });

  if (loading && !data) return <Loading label="Loading order…" />;
  if (error && !data?.order) return <ErrorNotice error={error} />;
  const order = data?.order;
  if (!order)
    return (
      <Empty
        title="Order not found"
        hint={
          <Anchor component={Link} to="/orders">
            Back to the orders
          </Anchor>
        }
      />
    );

  return (
    <Stack>
      <Group justify="space-between" align="start">
        <div>
          <Button
            component={Link}
            to="/orders"
            variant="subtle"
            size="compact-sm"
            leftSection={<IconArrowLeft size={14} />}
          >
            Orders
          </Button>
          <Group gap="sm" mt={4}>
            <Title order={2} data-testid="order-number">
              {order.number}
            </Title>
            <StatusBadge status={order.status} />
            <PaymentBadge status={order.paymentStatus} />
          </Group>
          <Text c="dimmed" size="sm">
            Placed {formatDateTime(order.placedAt)} via {order.channel.name}
            {order.externalId ? ` · external id ${order.externalId}` : ''}
          </Text>
          {order.tags.length > 0 && (
            <Group gap={4} mt={4} data-testid="order-tags">
              {order.tags.map((tag) => (
                <Badge key={tag} size="sm" variant="outline">
                  {tag}
                </Badge>
              ))}
            </Group>
          )}
          {order.holdReason && (
            <Text c="orange" size="sm">
              On hold: {order.holdReason}
            </Text>
          )}
          {order.cancelReason && (
            <Text c="dimmed" size="sm">
              Cancelled: {order.cancelReason}
            </Text>
          )}
        </div>
        <OrderDocuments orderId={order.id} />
      </Group>
      <OrderActions order={order} warehouses={warehouses.data?.warehouses.nodes ?? []} />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            <Lines order={order} />
            <Shipments order={order} />
            <Money order={order} />
            {order.returns.length > 0 && <Returns order={order} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack>
            <Totals order={order} />
            <Customer order={order} />
            <Section title="Notes and tags" testId="order-notes-section">
              <NotesAndTags order={order} />
            </Section>
            <History order={order} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

type P = { order: OrderDetailFragment };

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <Card withBorder data-testid={testId}>
      <Title order={4} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Lines({ order }: P) {
  return (
    <Section title="Lines" testId="order-lines">
      <Table.ScrollContainer minWidth={600}>
        <Table verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Item</Table.Th>
              <Table.Th ta="right">Qty</Table.Th>
              <Table.Th ta="right">Shipped</Table.Th>
              <Table.Th>Allocations</Table.Th>
              <Table.Th ta="right">Unit</Table.Th>
              <Table.Th ta="right">Net</Table.Th>
              <Table.Th ta="right">Tax</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {order.lines.map((l) => {
              const unallocated = l.quantity - l.allocations.reduce((n, a) => n + a.quantity, 0);
              return (
                <Table.Tr key={l.id}>
                  <Table.Td>
                    <Text fw={500} size="sm">
                      {l.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {l.sku}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{l.quantity}</Table.Td>
                  <Table.Td ta="right" data-testid={`shipped-${l.sku}`}>
                    {l.quantityShipped}
                    {l.quantityReturned ? ` (${l.quantityReturned} returned)` : ''}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {l.allocations.map((a) => (
                        <Badge
                          key={a.id}
                          variant="light"
                          color={a.quantityReserved ? 'blue' : 'gray'}
                          title={`${a.quantity} allocated, ${a.quantityShipped} shipped, ${a.quantityReserved} reserved`}
                        >
                          {a.warehouse.code}: {a.quantityReserved} reserved · {a.quantityShipped} shipped
                        </Badge>
                      ))}
                      {unallocated > 0 && (
                        <Badge color="red" variant="light">
                          {unallocated} backordered
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{formatMoney(l.unitPrice)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(l.lineTotal)}</Table.Td>
                  <Table.Td ta="right" data-testid={`tax-${l.sku}`}>
                    {formatMoney(l.tax)}
                    {l.taxRate != null && (
                      <Text size="xs" c="dimmed">
                        {l.taxRate / 100} %
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

function Totals({ order }: P) {
  const row = (label: string, value: string, strong = false) => (
    <Group justify="space-between">
      <Text size="sm" fw={strong ? 700 : undefined}>
        {label}
      </Text>
      <Text size="sm" fw={strong ? 700 : undefined}>
        {value}
      </Text>
    </Group>
  );
  return (
    <Section title="Totals" testId="order-totals">
      <Stack gap={4}>
        {row('Subtotal', formatMoney(order.subtotal))}
        {row('Shipping', formatMoney(order.shipping))}
        {row('Tax', formatMoney(order.taxTotal))}
        {row('Total', formatMoney(order.total), true)}
        {row('Paid', formatMoney(order.totalPaid))}
        {order.totalRefunded.amount > 0 && row('Refunded', formatMoney(order.totalRefunded))}
        {row('Amount due', formatMoney(order.amountDue), true)}
        {order.refundDue.amount > 0 && row('Refund due', formatMoney(order.refundDue), true)}
      </Stack>
    </Section>
  );
}

function Customer({ order }: P) {
  const a = order.shippingAddress;
  // Both are null when the signed-in role may not see personal data.
  return (
    <Section title="Customer">
      {order.customer ? (
        <>
          <Text size="sm" fw={500}>
            {order.customer.name ?? '—'}
          </Text>
          <Anchor size="sm" href={`mailto:${order.customer.email}`}>
            {order.customer.email}
          </Anchor>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          Hidden: your role does not show customer details.
        </Text>
      )}
      {a && (
        <>
          <Text size="sm" mt="sm" fw={500}>
            Ship to
          </Text>
          <Text size="sm">{a.name}</Text>
          <Text size="sm">{a.line1}</Text>
          {a.line2 && <Text size="sm">{a.line2}</Text>}
          <Text size="sm">
            {a.postalCode} {a.city}
          </Text>
          <Text size="sm">{a.country}</Text>
        </>
      )}
      {order.note && (
        <Text size="sm" mt="sm" c="dimmed">
          Note: {order.note}
        </Text>
      )}
    </Section>
  );
}

function Shipments({ order }: P) {
  const [deliver, { loading }] = useMarkShipmentDeliveredMutation();
  const markDelivered = async (shipmentId: string) => {
    try {
      const res = await deliver({ variables: { shipmentId } });
      const errs = res.data?.markShipmentDelivered.userErrors ?? [];
      notifications.show(
        errs.length
          ? { color: 'red', message: errs.map((e) => e.message).join(' ') }
          : { color: 'green', message: 'Shipment marked delivered' },
      );
    } catch (e) {
      notifications.show({ color: 'red', message: describeError(e) });
    }
  };
  // Whether this user may mark a shipment delivered (Order.availableActions, from the server's rules).
  const canDeliver = order.availableActions.includes(OrderAction.MarkDelivered);
  return (
    <Section title="Shipments" testId="order-shipments">
      {order.shipments.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing shipped yet.
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>From</Table.Th>
              <Table.Th>Items</Table.Th>
              <Table.Th>Carrier / tracking</Table.Th>
              <Table.Th>Shipped</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {order.shipments.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.warehouse.code}</Table.Td>
                <Table.Td>{s.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ')}</Table.Td>
                <Table.Td>
                  {s.carrier ?? '—'}{' '}
                  {s.trackingNumber && (
                    <Text span size="xs" c="dimmed">
                      {s.trackingNumber}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatDateTime(s.shippedAt)}</Table.Td>
                <Table.Td>
                  {s.status === ShipmentStatus.Delivered ? (
                    <Badge color="green" variant="light">
                      Delivered {formatDateTime(s.deliveredAt)}
                    </Badge>
                  ) : canDeliver ? (
                    <Button size="compact-xs" variant="light" loading={loading} onClick={() => markDelivered(s.id)}>
                      Mark delivered
                    </Button>
                  ) : (
                    <Badge color="blue" variant="light">
                      On its way
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

function Money({ order }: P) {
  const rows = [
    ...(order.payments ?? []).map((p) => ({
      id: p.id,
      at: p.createdAt,
      kind: 'Payment',
      detail: `${p.method}${p.reference ? ` · ${p.reference}` : ''}`,
      by: p.recordedBy,
      amount: formatMoney(p.amount),
    })),
    ...(order.refunds ?? []).map((r) => ({
      id: r.id,
      at: r.createdAt,
      kind: 'Refund',
      detail: r.reason ?? '',
      by: r.recordedBy,
      amount: `−${formatMoney(r.amount)}`,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Section title="Payments and refunds">
      {order.payments === null ? (
        <Text size="sm" c="dimmed">
          Hidden: your role does not show payments.
        </Text>
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No payments recorded.
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{formatDateTime(r.at)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={r.kind === 'Refund' ? 'red' : 'green'}>
                    {r.kind}
                  </Badge>
                </Table.Td>
                <Table.Td>{r.detail}</Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {r.by}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{r.amount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

function Returns({ order }: P) {
  return (
    <Section title="Returns">
      <Table>
        <Table.Tbody>
          {order.returns.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{formatDateTime(r.createdAt)}</Table.Td>
              <Table.Td>{r.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ')}</Table.Td>
              <Table.Td>{r.reason ?? '—'}</Table.Td>
              <Table.Td>
                {r.restock ? (
                  <Badge variant="light">Restocked</Badge>
                ) : (
                  <Badge variant="light" color="gray">
                    Not restocked
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

function History({ order }: P) {
  return (
    <Section title="History" testId="order-history">
      <Timeline active={order.history.length - 1} bulletSize={14} lineWidth={2}>
        {order.history.map((h) => (
          <Timeline.Item
            key={h.id}
            title={
              h.toStatus && h.fromStatus ? `${humanize(h.fromStatus)} → ${humanize(h.toStatus)}` : humanize(h.type)
            }
          >
            {h.message && <Text size="sm">{h.message}</Text>}
            <Text size="xs" c="dimmed">
              {formatDateTime(h.at)} · {h.actor.replace(/^user:/, '')}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Section>
  );
}

/** The order's PDFs (packing slip, and the invoice for those who may read payments), fetched with the session token. */
function OrderDocuments({ orderId }: { orderId: string }) {
  const { can } = useMe();
  const open = (doc: 'packing-slip' | 'invoice') => {
    downloadWithToken(`/documents/orders/${orderId}/${doc}.pdf`, `${doc}.pdf`).catch((e: Error) =>
      notifications.show({
        color: 'red',
        message: `Could not get the ${doc === 'invoice' ? 'invoice' : 'packing slip'}: ${e.message}`,
      }),
    );
  };
  return (
    <Group gap="xs" data-testid="order-documents">
      <Button variant="default" size="xs" leftSection={<IconPackage size={14} />} onClick={() => open('packing-slip')}>
        Packing slip
      </Button>
      {can(Permission.PaymentRead) && (
        <Button variant="default" size="xs" leftSection={<IconFileInvoice size={14} />} onClick={() => open('invoice')}>
          Invoice
        </Button>
      )}
    </Group>
  );
}
