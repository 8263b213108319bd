/**
 * One customer: figures, newest orders, the export of everything held about them (a JSON file)
 * and, for those with CUSTOMER_ERASE, the erasure of their personal data with a reason.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { QueryState } from '../../components/QueryState';
import {
  Permission,
  useCustomerDetailQuery,
  useEraseCustomerMutation,
  useExportCustomerDataLazyQuery,
} from '../../graphql/generated';
import { useFormMutation } from '../../hooks/useFormMutation';
import { saveBlob } from '../../lib/download';
import { formatDateTime, formatMoney, humanize } from '../../lib/format';
import { useMe } from '../../lib/me';
import { describeError } from '../../lib/user-errors';

export function CustomerDetailPage() {
  const { id = '' } = useParams();
  const { can } = useMe();
  const { data, loading, error } = useCustomerDetailQuery({ variables: { id } });
  const [exportData, exported] = useExportCustomerDataLazyQuery({ fetchPolicy: 'network-only' });
  const [exportError, setExportError] = useState<string>();
  const [erase, erasing] = useEraseCustomerMutation();
  const form = useFormMutation();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string>();

  const download = async () => {
    setExportError(undefined);
    try {
      const r = await exportData({ variables: { id } });
      if (r.error) throw r.error;
      if (!r.data?.exportCustomerData) throw new Error('The customer was not found');
      saveBlob(
        new Blob([JSON.stringify(r.data.exportCustomerData, null, 2)], { type: 'application/json' }),
        `customer-${id}.json`,
      );
    } catch (e) {
      setExportError(describeError(e));
    }
  };

  const confirmErase = async () => {
    const payload = await form.run(async () => (await erase({ variables: { id, reason } })).data?.eraseCustomer);
    if (payload) {
      setConfirming(false);
      setReason('');
      setDone(payload.alreadyErased ? 'The customer had already been erased.' : 'The personal data was erased.');
    }
  };

  return (
    <QueryState
      data={data ? data.customer : undefined}
      loading={loading}
      error={error}
      isEmpty={(c) => c === null}
      empty={{
        title: 'Customer not found',
        hint: (
          <Anchor component={Link} to="/customers">
            All customers
          </Anchor>
        ),
      }}
    >
      {(customer) =>
        customer && (
          <Stack>
            <Group justify="space-between">
              <div>
                <Title order={2}>
                  {customer.name ?? customer.email}{' '}
                  {customer.erasedAt && (
                    <Badge color="gray" size="lg">
                      erased {formatDateTime(customer.erasedAt)}
                    </Badge>
                  )}
                </Title>
                <Text c="dimmed">{customer.email}</Text>
              </div>
              <Group>
                <Button variant="default" onClick={download} loading={exported.loading}>
                  Export data (JSON)
                </Button>
                {can(Permission.CustomerErase) && (
                  <Button color="red" variant="light" onClick={() => setConfirming(true)}>
                    Erase personal data
                  </Button>
                )}
              </Group>
            </Group>
            {exportError && <Alert color="red">{exportError}</Alert>}
            {done && <Alert color="green">{done}</Alert>}
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              <Figure label="Orders" value={String(customer.orderCount)} />
              <Figure
                label="Lifetime value"
                value={customer.lifetimeValue.map((m) => formatMoney(m)).join(' + ') || '–'}
                hint="Order totals, cancelled orders excluded"
              />
              <Figure label="First order" value={formatDateTime(customer.firstOrderAt)} />
              <Figure label="Last order" value={formatDateTime(customer.lastOrderAt)} />
            </SimpleGrid>
            <Card withBorder p={0}>
              <Text fw={600} p="sm">
                Orders ({customer.orders.totalCount})
              </Text>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Number</Table.Th>
                    <Table.Th>Channel</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th ta="right">Total</Table.Th>
                    <Table.Th>Placed</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {customer.orders.nodes.map((o) => (
                    <Table.Tr key={o.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/orders/${o.id}`}>
                          {o.number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{o.channel.code}</Table.Td>
                      <Table.Td>
                        <Badge variant="light">{humanize(o.status)}</Badge>
                      </Table.Td>
                      <Table.Td ta="right">{formatMoney(o.total)}</Table.Td>
                      <Table.Td>{formatDateTime(o.placedAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {customer.orders.pageInfo.hasNextPage && (
                <Text size="sm" c="dimmed" p="sm">
                  The newest {customer.orders.nodes.length} are shown.
                </Text>
              )}
            </Card>
            <ConfirmDialog
              opened={confirming}
              title="Erase this customer's personal data?"
              confirmLabel="Erase"
              loading={erasing.loading}
              onConfirm={confirmErase}
              onClose={() => {
                setConfirming(false);
                form.setErrors([]);
              }}
              fields={
                <Stack mt="md" gap="xs">
                  <TextInput
                    label="Reason"
                    description="Kept in the audit log, e.g. the request this answers"
                    required
                    value={reason}
                    onChange={(e) => setReason(e.currentTarget.value)}
                    error={form.fieldError('reason')}
                  />
                  {form.generalErrors(['reason']).map((m) => (
                    <Alert key={m} color="red">
                      {m}
                    </Alert>
                  ))}
                </Stack>
              }
            >
              The e-mail, name and addresses are removed from the customer, its orders, their history and events. Order
              numbers and amounts stay. This cannot be undone.
            </ConfirmDialog>
          </Stack>
        )
      }
    </QueryState>
  );
}

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card withBorder>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
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
