import { Alert, Button, Card, Grid, Group, NumberInput, Stack, Table, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Empty, ErrorNotice, Loading } from '../../components/states';
import { InventoryChannelsDocument, InventoryWarehousesDocument, useCreateChannelMutation, useCreateWarehouseMutation, useInventoryChannelsQuery, useInventoryWarehousesQuery } from '../../graphql/generated';
import { formatDate } from '../../lib/format';
import { describeError, errorFor, generalErrors, UserErrorLike } from '../../lib/user-errors';

export function LocationsPage() {
  return (
    <Stack>
      <Title order={2}>Warehouses and channels</Title>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}><Warehouses /></Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}><Channels /></Grid.Col>
      </Grid>
    </Stack>
  );
}

function Warehouses() {
  const { data, loading, error } = useInventoryWarehousesQuery();
  const [create, { loading: saving }] = useCreateWarehouseMutation({ refetchQueries: [InventoryWarehousesDocument] });
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [priority, setPriority] = useState<number | string>(10);
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      const res = await create({ variables: { input: { code, name, priority: Number(priority) || 0 } } });
      const errs = res.data?.createWarehouse.userErrors ?? [];
      setErrors([...errs]);
      if (!errs.length) {
        notifications.show({ color: 'green', message: `Warehouse ${code} created` });
        setCode('');
        setName('');
      }
    } catch (err) {
      setErrors([{ code: 'ERROR', message: describeError(err) }]);
    }
  };
  return (
    <Card withBorder>
      <Title order={4} mb="sm">Warehouses</Title>
      {error && !data && <ErrorNotice error={error} />}
      {loading && !data && <Loading />}
      {data && data.warehouses.length === 0 && <Empty title="No warehouses yet" />}
      {data && data.warehouses.length > 0 && (
        <Table mb="md">
          <Table.Thead><Table.Tr><Table.Th>Code</Table.Th><Table.Th>Name</Table.Th><Table.Th>Priority</Table.Th><Table.Th>Created</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>{data.warehouses.map((w) => <Table.Tr key={w.id}><Table.Td fw={500}>{w.code}</Table.Td><Table.Td>{w.name}</Table.Td><Table.Td>{w.priority}</Table.Td><Table.Td>{formatDate(w.createdAt)}</Table.Td></Table.Tr>)}</Table.Tbody>
        </Table>
      )}
      <form onSubmit={submit}>
        <Group align="start" grow>
          <TextInput label="Code" required value={code} onChange={(e) => setCode(e.currentTarget.value)} error={errorFor(errors, 'code')} />
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errorFor(errors, 'name')} />
          <NumberInput label="Priority" description="lower ships first" value={priority} onChange={setPriority} error={errorFor(errors, 'priority')} />
        </Group>
        {generalErrors(errors, ['code', 'name', 'priority']).map((m) => <Alert key={m} color="red" mt="xs" role="alert">{m}</Alert>)}
        <Button type="submit" mt="sm" loading={saving}>Add warehouse</Button>
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
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      const res = await create({ variables: { input: { code, name, currency } } });
      const errs = res.data?.createChannel.userErrors ?? [];
      setErrors([...errs]);
      if (!errs.length) {
        notifications.show({ color: 'green', message: `Channel ${code} created` });
        setCode('');
        setName('');
      }
    } catch (err) {
      setErrors([{ code: 'ERROR', message: describeError(err) }]);
    }
  };
  return (
    <Card withBorder>
      <Title order={4} mb="sm">Sales channels</Title>
      {error && !data && <ErrorNotice error={error} />}
      {loading && !data && <Loading />}
      {data && data.channels.length === 0 && <Empty title="No channels yet" />}
      {data && data.channels.length > 0 && (
        <Table mb="md">
          <Table.Thead><Table.Tr><Table.Th>Code</Table.Th><Table.Th>Name</Table.Th><Table.Th>Currency</Table.Th><Table.Th>Created</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>{data.channels.map((c) => <Table.Tr key={c.id}><Table.Td fw={500}>{c.code}</Table.Td><Table.Td>{c.name}</Table.Td><Table.Td>{c.currency}</Table.Td><Table.Td>{formatDate(c.createdAt)}</Table.Td></Table.Tr>)}</Table.Tbody>
        </Table>
      )}
      <form onSubmit={submit}>
        <Group align="start" grow>
          <TextInput label="Code" required value={code} onChange={(e) => setCode(e.currentTarget.value)} error={errorFor(errors, 'code')} />
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errorFor(errors, 'name')} />
          <TextInput label="Currency" required maxLength={3} value={currency} onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())} error={errorFor(errors, 'currency')} />
        </Group>
        {generalErrors(errors, ['code', 'name', 'currency']).map((m) => <Alert key={m} color="red" mt="xs" role="alert">{m}</Alert>)}
        <Button type="submit" mt="sm" loading={saving}>Add channel</Button>
      </form>
    </Card>
  );
}
