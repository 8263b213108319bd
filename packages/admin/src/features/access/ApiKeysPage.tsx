/** Partner API keys: create (limited to channels and permissions), rotate with a grace period, revoke. The secret is shown once. */
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
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { QueryState } from '../../components/QueryState';
import { LoadMore } from '../../components/LoadMore';
import {
  ApiKeysDocument,
  PartnerKeyFragment,
  Permission,
  useApiKeysQuery,
  useCreateApiKeyMutation,
  useRevokeApiKeyMutation,
  useRotateApiKeyMutation,
} from '../../graphql/generated';
import { useFormMutation } from '../../hooks/useFormMutation';
import { formatDateTime } from '../../lib/format';

/**
 * What a partner key may be given: the server's API_KEY_PERMISSIONS (it refuses access management,
 * creating channels or warehouses, jobs, rules, imports, erasing customers, and changing the catalog or stock
 * every channel shares).
 */
const KEY_PERMISSIONS = Object.values(Permission).filter(
  (p) =>
    ![
      Permission.UserManage,
      Permission.ApiKeyManage,
      Permission.AuditRead,
      Permission.ChannelWrite,
      Permission.WarehouseWrite,
      Permission.JobManage,
      Permission.RuleManage,
      Permission.DataImport,
      Permission.CustomerErase,
      Permission.ProductWrite,
      Permission.StockAdjust,
    ].includes(p),
);
const DEFAULT_PERMISSIONS = [Permission.OrderPlace, Permission.OrderRead, Permission.StockRead, Permission.ProductRead];

interface Revealed {
  name: string;
  secret: string;
  note: string;
}

export function ApiKeysPage() {
  const { data, loading, error, fetchMore } = useApiKeysQuery({ notifyOnNetworkStatusChange: true });
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  return (
    <Stack>
      <Title order={2}>API keys</Title>
      <Text c="dimmed">
        Partner apps (marketplaces, storefronts, 3PLs) call the API with a key, limited to the channels and permissions
        you choose. Send it as <Code>Authorization: Bearer &lt;key&gt;</Code>.
      </Text>
      <Card withBorder>
        <QueryState
          data={data}
          loading={loading}
          error={error}
          isEmpty={(d) => d.apiKeys.nodes.length === 0}
          empty={{ title: 'No API keys yet', hint: 'Create one below for each partner app.' }}
        >
          {(data) => (
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Key</Table.Th>
                    <Table.Th>Channels</Table.Th>
                    <Table.Th>Permissions</Table.Th>
                    <Table.Th>Last used</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.apiKeys.nodes.map((k) => (
                    <KeyRow key={k.id} apiKey={k} onSecret={setRevealed} />
                  ))}
                </Table.Tbody>
              </Table>
              <LoadMore list={data.apiKeys} loading={loading} onMore={(after) => fetchMore({ variables: { after } })} />
            </Table.ScrollContainer>
          )}
        </QueryState>
      </Card>
      {data && <CreateKey channels={data.channels} onSecret={setRevealed} />}
      <Modal
        opened={!!revealed}
        onClose={() => setRevealed(null)}
        title={`Secret of ${revealed?.name ?? ''}`}
        size="lg"
      >
        <Alert color="yellow" mb="sm">
          Copy it now: it is shown only this once, and only its hash is kept.
        </Alert>
        <Code block data-testid="api-key-secret">
          {revealed?.secret}
        </Code>
        {revealed?.note && (
          <Text size="sm" c="dimmed" mt="xs">
            {revealed.note}
          </Text>
        )}
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

function KeyRow({ apiKey, onSecret }: { apiKey: PartnerKeyFragment; onSecret: (r: Revealed) => void }) {
  const [rotate, { loading: rotating }] = useRotateApiKeyMutation();
  const [revoke, { loading: revoking }] = useRevokeApiKeyMutation();
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const action = useFormMutation();
  const error = action.generalErrors().join('; ');
  const doRotate = async () => {
    action.setErrors([]);
    const r = await action.run(async () => (await rotate({ variables: { id: apiKey.id } })).data?.rotateApiKey);
    if (r?.secret)
      onSecret({
        name: apiKey.name,
        secret: r.secret,
        note: `The previous secret keeps working until ${formatDateTime(r.apiKey?.previousValidUntil)}.`,
      });
  };
  const doRevoke = async () => {
    setConfirmRevoke(false);
    action.setErrors([]);
    if (await action.run(async () => (await revoke({ variables: { id: apiKey.id } })).data?.revokeApiKey)) {
      notifications.show({ color: 'green', message: `${apiKey.name} revoked: it stopped working at once` });
    }
  };
  return (
    <Table.Tr data-testid={`api-key-row-${apiKey.name}`}>
      <Table.Td>
        <Text fw={500}>{apiKey.name}</Text>
        <Code>{apiKey.prefix}…</Code>
        {apiKey.revokedAt && (
          <Badge ml="xs" color="red" variant="light">
            Revoked {formatDateTime(apiKey.revokedAt)}
          </Badge>
        )}
        {!apiKey.revokedAt && apiKey.previousValidUntil && new Date(apiKey.previousValidUntil) > new Date() && (
          <Text size="xs" c="dimmed">
            Previous secret valid until {formatDateTime(apiKey.previousValidUntil)}
          </Text>
        )}
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{apiKey.channels.map((c) => c.code).join(', ')}</Table.Td>
      <Table.Td maw={360}>
        <Group gap={4}>
          {apiKey.permissions.map((p) => (
            <Badge key={p} size="xs" variant="outline">
              {p}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        {apiKey.lastUsedAt ? (
          formatDateTime(apiKey.lastUsedAt)
        ) : (
          <Text c="dimmed" size="sm">
            never
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {!apiKey.revokedAt && (
          <Group gap="xs" justify="flex-end" wrap="nowrap">
            <Button size="xs" variant="default" loading={rotating} onClick={doRotate}>
              Rotate
            </Button>
            <Button size="xs" color="red" variant="light" loading={revoking} onClick={() => setConfirmRevoke(true)}>
              Revoke
            </Button>
          </Group>
        )}
        <ConfirmDialog
          opened={confirmRevoke}
          onClose={() => setConfirmRevoke(false)}
          title={`Revoke ${apiKey.name}?`}
          confirmLabel="Revoke key"
          onConfirm={doRevoke}
        >
          The key stops working at once, and its open subscriptions are closed. This cannot be undone.
        </ConfirmDialog>
      </Table.Td>
    </Table.Tr>
  );
}

function CreateKey({
  channels,
  onSecret,
}: {
  channels: { code: string; name: string }[];
  onSecret: (r: Revealed) => void;
}) {
  const [create, { loading }] = useCreateApiKeyMutation({ refetchQueries: [ApiKeysDocument] });
  const [name, setName] = useState('');
  const [channelCodes, setChannelCodes] = useState<string[]>([]);
  const [permissions, setPermissions] = useState<string[]>(DEFAULT_PERMISSIONS);
  const form = useFormMutation();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = await form.run(
      async () =>
        (await create({ variables: { input: { name, channelCodes, permissions: permissions as Permission[] } } })).data
          ?.createApiKey,
    );
    if (r?.secret) {
      onSecret({ name, secret: r.secret, note: '' });
      setName('');
      setChannelCodes([]);
    }
  };
  return (
    <Card withBorder component="form" onSubmit={submit} aria-label="Create an API key">
      <Title order={4} mb="sm">
        Create an API key
      </Title>
      <Group align="start" grow>
        <TextInput
          label="Name"
          description="who it is for"
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={form.fieldError('name')}
        />
        <MultiSelect
          label="Channels"
          description="the key sees and places orders in these only"
          data={channels.map((c) => ({ value: c.code, label: `${c.code} — ${c.name}` }))}
          value={channelCodes}
          onChange={setChannelCodes}
          error={form.fieldError('channelCodes', 'channelCodes.*')}
          searchable
        />
      </Group>
      <MultiSelect
        mt="sm"
        label="Permissions"
        data={KEY_PERMISSIONS}
        value={permissions}
        onChange={setPermissions}
        error={form.fieldError('permissions', 'permissions.*')}
        searchable
      />
      {form.generalErrors(['name', 'channelCodes', 'channelCodes.*', 'permissions', 'permissions.*']).map((m) => (
        <Alert key={m} color="red" mt="xs" role="alert">
          {m}
        </Alert>
      ))}
      <Button type="submit" mt="md" loading={loading}>
        Create key
      </Button>
    </Card>
  );
}
