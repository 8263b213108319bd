/** Staff users: invite with a one-time password, change role, deactivate or reactivate, reset a password. */
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { QueryState } from '../../components/QueryState';
import { LoadMore } from '../../components/LoadMore';
import {
  Role,
  StaffUserFragment,
  useCreateUserMutation,
  UsersDocument,
  useUpdateUserMutation,
  useUsersQuery,
} from '../../graphql/generated';
import { useFormMutation } from '../../hooks/useFormMutation';
import { formatDateTime } from '../../lib/format';
import { useMe } from '../../lib/me';

export const ROLE_OPTIONS = [
  { value: Role.Admin, label: 'Admin — everything, including users and API keys' },
  { value: Role.Manager, label: 'Manager — orders, stock, products, warehouses, channels' },
  { value: Role.Fulfillment, label: 'Fulfilment — ship, deliver, returns, stock counts' },
  { value: Role.Support, label: 'Support — customers, holds, cancel unpaid, notes' },
  { value: Role.Viewer, label: 'Viewer — read only (wall screens)' },
];
const roleName = (r: Role) => r.charAt(0) + r.slice(1).toLowerCase();

export function UsersPage() {
  const { data, loading, error, fetchMore } = useUsersQuery({ notifyOnNetworkStatusChange: true });
  const { me } = useMe();
  const [resetting, setResetting] = useState<StaffUserFragment | null>(null);
  return (
    <Stack>
      <Title order={2}>Users</Title>
      <Card withBorder>
        <QueryState
          data={data}
          loading={loading}
          error={error}
          isEmpty={(d) => d.users.nodes.length === 0}
          empty={{ title: 'No users' }}
        >
          {(data) => (
            <Table.ScrollContainer minWidth={800}>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>User</Table.Th>
                    <Table.Th>Role</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Last sign-in</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.users.nodes.map((u) => (
                    <UserRow key={u.id} user={u} self={u.id === me?.id} onReset={() => setResetting(u)} />
                  ))}
                </Table.Tbody>
              </Table>
              <LoadMore list={data.users} loading={loading} onMore={(after) => fetchMore({ variables: { after } })} />
            </Table.ScrollContainer>
          )}
        </QueryState>
      </Card>
      <InviteUser />
      <ResetPassword user={resetting} onClose={() => setResetting(null)} />
    </Stack>
  );
}

function UserRow({ user, self, onReset }: { user: StaffUserFragment; self: boolean; onReset: () => void }) {
  const [update, { loading }] = useUpdateUserMutation();
  const action = useFormMutation();
  const error = action.generalErrors().join('; ');
  const change = async (input: { role?: Role; active?: boolean }, done: string) => {
    action.setErrors([]);
    if (
      await action.run(async () => (await update({ variables: { input: { id: user.id, ...input } } })).data?.updateUser)
    )
      notifications.show({ color: 'green', message: done });
  };
  return (
    <Table.Tr data-testid={`user-row-${user.email}`}>
      <Table.Td>
        <Text fw={500}>
          {user.name}
          {self && (
            <Text span c="dimmed" size="sm">
              {' '}
              (you)
            </Text>
          )}
        </Text>
        <Text size="sm" c="dimmed">
          {user.email}
        </Text>
      </Table.Td>
      <Table.Td w={190}>
        <Select
          aria-label={`Role of ${user.email}`}
          data={ROLE_OPTIONS.map((o) => ({ value: o.value, label: roleName(o.value) }))}
          value={user.role}
          disabled={self || loading}
          allowDeselect={false}
          onChange={(v) =>
            v && v !== user.role && change({ role: v as Role }, `${user.email} is now ${roleName(v as Role)}`)
          }
        />
      </Table.Td>
      <Table.Td>
        {user.active ? (
          <Badge color="green" variant="light">
            Active
          </Badge>
        ) : (
          <Badge color="gray" variant="light">
            Deactivated
          </Badge>
        )}
        {user.mustChangePassword && (
          <Badge ml={4} color="yellow" variant="light">
            One-time password
          </Badge>
        )}
        {error && (
          <Text c="red" size="sm" role="alert" mt={4}>
            {error}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {user.lastLoginAt ? (
          formatDateTime(user.lastLoginAt)
        ) : (
          <Text c="dimmed" size="sm">
            never
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Button size="xs" variant="default" onClick={onReset}>
            Reset password
          </Button>
          {!self &&
            (user.active ? (
              <Button
                size="xs"
                color="red"
                variant="light"
                loading={loading}
                onClick={() => change({ active: false }, `${user.email} deactivated: signed out everywhere`)}
              >
                Deactivate
              </Button>
            ) : (
              <Button
                size="xs"
                variant="light"
                loading={loading}
                onClick={() => change({ active: true }, `${user.email} reactivated`)}
              >
                Reactivate
              </Button>
            ))}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function InviteUser() {
  const [create, { loading }] = useCreateUserMutation({ refetchQueries: [UsersDocument] });
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>(Role.Support);
  const [password, setPassword] = useState('');
  const form = useFormMutation();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (
      await form.run(
        async () => (await create({ variables: { input: { email, name, role, password } } })).data?.createUser,
      )
    ) {
      notifications.show({
        color: 'green',
        message: `${email} invited. Give them the one-time password; they choose their own at first sign-in.`,
      });
      setEmail('');
      setName('');
      setPassword('');
    }
  };
  return (
    <Card withBorder component="form" onSubmit={submit} aria-label="Invite a user">
      <Title order={4} mb="sm">
        Invite a user
      </Title>
      <Group align="start" grow>
        <TextInput
          label="E-mail"
          type="email"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={form.fieldError('email')}
        />
        <TextInput
          label="Name"
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={form.fieldError('name')}
        />
      </Group>
      <Group align="start" grow mt="sm">
        <Select
          label="Role"
          data={ROLE_OPTIONS}
          value={role}
          allowDeselect={false}
          onChange={(v) => v && setRole(v as Role)}
          error={form.fieldError('role')}
        />
        <PasswordInput
          label="One-time password"
          description="10 characters or more"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={form.fieldError('password')}
        />
      </Group>
      {form.generalErrors(['email', 'name', 'role', 'password']).map((m) => (
        <Alert key={m} color="red" mt="xs" role="alert">
          {m}
        </Alert>
      ))}
      <Button type="submit" mt="md" loading={loading}>
        Invite
      </Button>
    </Card>
  );
}

function ResetPassword({ user, onClose }: { user: StaffUserFragment | null; onClose: () => void }) {
  const [update, { loading }] = useUpdateUserMutation();
  const [password, setPassword] = useState('');
  const form = useFormMutation();
  const close = () => {
    setPassword('');
    form.setErrors([]);
    onClose();
  };
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!user) return;
    if (
      await form.run(async () => (await update({ variables: { input: { id: user.id, password } } })).data?.updateUser)
    ) {
      notifications.show({
        color: 'green',
        message: `${user.email} has a new one-time password and was signed out everywhere`,
      });
      close();
    }
  };
  return (
    <Modal opened={!!user} onClose={close} title={`Reset the password of ${user?.email ?? ''}`}>
      <form onSubmit={submit}>
        <Text size="sm" c="dimmed" mb="sm">
          They are signed out everywhere and must choose their own password at the next sign-in.
        </Text>
        <PasswordInput
          label="One-time password"
          required
          data-autofocus
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={form.fieldError('password')}
        />
        {form.generalErrors(['password']).map((m) => (
          <Alert key={m} color="red" mt="xs" role="alert">
            {m}
          </Alert>
        ))}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Reset password
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
