import { Alert, Button, Card, Grid, Group, NumberInput, Stack, Table, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { QueryState } from '../../components/QueryState';
import { LoadMore } from '../../components/LoadMore';
import {
  InventoryChannelsDocument,
  InventoryWarehousesDocument,
  useCreateChannelMutation,
  useCreateWarehouseMutation,
  useInventoryChannelsQuery,
  useInventoryWarehousesQuery,
} from '../../graphql/generated';
import { useFormMutation } from '../../hooks/useFormMutation';
import { formatDate } from '../../lib/format';

export function LocationsPage() {
  return (
    <Stack>
      <Title order={2}>Warehouses and channels</Title>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Warehouses />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Channels />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Warehouses() {
  const { data, loading, error, fetchMore } = useInventoryWarehousesQuery({ notifyOnNetworkStatusChange: true });
  const [create, { loading: saving }] = useCreateWarehouseMutation({ refetchQueries: [InventoryWarehousesDocument] });
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [priority, setPriority] = useState<number | string>(10);
  const form = useFormMutation();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (
      await form.run(
        async () =>
          (await create({ variables: { input: { code, name, priority: Number(priority) || 0 } } })).data
            ?.createWarehouse,
      )
    ) {
      notifications.show({ color: 'green', message: `Warehouse ${code} created` });
      setCode('');
      setName('');
    }
  };
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        Warehouses
      </Title>
      <QueryState
        data={data}
        loading={loading}
        error={error}
        isEmpty={(d) => d.warehouses.nodes.length === 0}
        empty={{ title: 'No warehouses yet' }}
      >
        {(data) => (
          <>
            <Table mb="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Code</Table.Th>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Priority</Table.Th>
                  <Table.Th>Created</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.warehouses.nodes.map((w) => (
                  <Table.Tr key={w.id}>
                    <Table.Td fw={500}>{w.code}</Table.Td>
                    <Table.Td>{w.name}</Table.Td>
                    <Table.Td>{w.priority}</Table.Td>
                    <Table.Td>{formatDate(w.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <LoadMore
              list={data.warehouses}
              loading={loading}
              onMore={(after) => fetchMore({ variables: { after } })}
            />
          </>
        )}
      </QueryState>
      <form onSubmit={submit}>
        <Group align="start" grow>
          <TextInput
            label="Code"
            required
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={form.fieldError('code')}
          />
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={form.fieldError('name')}
          />
          <NumberInput
            label="Priority"
            description="lower ships first"
            value={priority}
            onChange={setPriority}
            error={form.fieldError('priority')}
          />
        </Group>
        {form.generalErrors(['code', 'name', 'priority']).map((m) => (
          <Alert key={m} color="red" mt="xs" role="alert">
            {m}
          </Alert>
        ))}
        <Button type="submit" mt="sm" loading={saving}>
          Add warehouse
        </Button>
      </form>
    </Card>
  );
}

function Channels() {
  const { data, loading, error } = useInventoryChannelsQuery();
  const [create, { loading: saving }] = useCreateChannelMutation({ refetchQueries: [InventoryChannelsDocument] });
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const form = useFormMutation();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (
      await form.run(async () => (await create({ variables: { input: { code, name, currency } } })).data?.createChannel)
    ) {
      notifications.show({ color: 'green', message: `Channel ${code} created` });
      setCode('');
      setName('');
    }
  };
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        Sales channels
      </Title>
      <QueryState
        data={data}
        loading={loading}
        error={error}
        isEmpty={(d) => d.channels.length === 0}
        empty={{ title: 'No channels yet' }}
      >
        {(data) => (
          <Table mb="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Code</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Currency</Table.Th>
                <Table.Th>Created</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.channels.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td fw={500}>{c.code}</Table.Td>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>{c.currency}</Table.Td>
                  <Table.Td>{formatDate(c.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      <form onSubmit={submit}>
        <Group align="start" grow>
          <TextInput
            label="Code"
            required
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={form.fieldError('code')}
          />
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={form.fieldError('name')}
          />
          <TextInput
            label="Currency"
            required
            maxLength={3}
            value={currency}
            onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())}
            error={form.fieldError('currency')}
          />
        </Group>
        {form.generalErrors(['code', 'name', 'currency']).map((m) => (
          <Alert key={m} color="red" mt="xs" role="alert">
            {m}
          </Alert>
        ))}
        <Button type="submit" mt="sm" loading={saving}>
          Add channel
        </Button>
      </form>
    </Card>
  );
}
