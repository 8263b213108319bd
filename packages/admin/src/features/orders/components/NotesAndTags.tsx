/**
 * Staff notes and tags on the order page. Notes are history entries (NOTE_ADDED), listed here
 * newest first; tags are added and removed with the server's own rule for what a tag may be (its
 * error shows at the field). Only users whose role has ORDER_NOTE see the inputs.
 */
import { ActionIcon, Alert, Badge, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import {
  OrderDetailFragment,
  OrderEventType,
  OrderTagOptionsDocument,
  Permission,
  useAddOrderNoteMutation,
  useAddOrderTagMutation,
  useRemoveOrderTagMutation,
} from '../../../graphql/generated';
import { useFormMutation } from '../../../hooks/useFormMutation';
import { formatDateTime } from '../../../lib/format';
import { useMe } from '../../../lib/me';

export function NotesAndTags({ order }: { order: OrderDetailFragment }) {
  const { can } = useMe();
  const editable = can(Permission.OrderNote);
  const notes = order.history.filter((h) => h.type === OrderEventType.NoteAdded).reverse();
  return (
    <Stack gap="sm" data-testid="order-notes-tags">
      <Group gap={4} data-testid="order-tag-list">
        {order.tags.length === 0 && (
          <Text size="sm" c="dimmed">
            No tags.
          </Text>
        )}
        {order.tags.map((tag) => (
          <TagBadge key={tag} orderId={order.id} tag={tag} removable={editable} />
        ))}
      </Group>
      {editable && <AddTag orderId={order.id} />}
      {editable && <AddNote orderId={order.id} />}
      <Stack gap={6} data-testid="order-notes">
        {notes.map((n) => (
          <div key={n.id}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {n.message}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(n.at)} · {n.actor.replace(/^user:/, '')}
            </Text>
          </div>
        ))}
      </Stack>
    </Stack>
  );
}

function TagBadge({ orderId, tag, removable }: { orderId: string; tag: string; removable: boolean }) {
  const [remove, { loading }] = useRemoveOrderTagMutation({ refetchQueries: [OrderTagOptionsDocument] });
  const action = useFormMutation();
  const removeTag = async () => {
    if (await action.run(async () => (await remove({ variables: { id: orderId, tag } })).data?.removeOrderTag))
      notifications.show({ color: 'green', message: `Tag ${tag} removed` });
    else notifications.show({ color: 'red', message: action.generalErrors().join(' ') || `Could not remove ${tag}` });
  };
  return (
    <Badge
      variant="outline"
      data-testid={`order-tag-${tag}`}
      rightSection={
        removable ? (
          <ActionIcon
            size="xs"
            variant="transparent"
            aria-label={`Remove tag ${tag}`}
            loading={loading}
            onClick={removeTag}
          >
            <IconX size={10} />
          </ActionIcon>
        ) : undefined
      }
    >
      {tag}
    </Badge>
  );
}

function AddTag({ orderId }: { orderId: string }) {
  const [add, { loading }] = useAddOrderTagMutation({ refetchQueries: [OrderTagOptionsDocument] });
  const [tag, setTag] = useState('');
  const form = useFormMutation();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!tag.trim()) return form.setErrors([{ field: ['tag'], code: 'BAD_INPUT', message: 'Enter a tag' }]);
    if (await form.run(async () => (await add({ variables: { id: orderId, tag: tag.trim() } })).data?.addOrderTag)) {
      notifications.show({ color: 'green', message: `Tag ${tag.trim().toLowerCase()} added` });
      setTag('');
    }
  };
  const general = form.generalErrors(['tag']);
  return (
    <form onSubmit={submit}>
      <Group align="start" gap="xs">
        <TextInput
          aria-label="New tag"
          placeholder="Add a tag, e.g. vip"
          size="xs"
          value={tag}
          onChange={(e) => setTag(e.currentTarget.value)}
          error={form.fieldError('tag')}
          w={200}
        />
        <Button type="submit" size="xs" variant="default" loading={loading}>
          Add tag
        </Button>
      </Group>
      {general.length > 0 && (
        <Alert color="red" mt="xs">
          {general.join(' ')}
        </Alert>
      )}
    </form>
  );
}

function AddNote({ orderId }: { orderId: string }) {
  const [add, { loading }] = useAddOrderNoteMutation();
  const [note, setNote] = useState('');
  const form = useFormMutation();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!note.trim()) return form.setErrors([{ field: ['note'], code: 'BAD_INPUT', message: 'Write a note' }]);
    if (await form.run(async () => (await add({ variables: { id: orderId, note: note.trim() } })).data?.addOrderNote)) {
      notifications.show({ color: 'green', message: 'Note added' });
      setNote('');
    }
  };
  const general = form.generalErrors(['note']);
  return (
    <form onSubmit={submit}>
      <Textarea
        aria-label="New note"
        placeholder="Add an internal note (staff only)"
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={form.fieldError('note')}
      />
      <Group justify="flex-end" mt="xs">
        <Button type="submit" size="xs" variant="default" loading={loading}>
          Add note
        </Button>
      </Group>
      {general.length > 0 && (
        <Alert color="red" mt="xs">
          {general.join(' ')}
        </Alert>
      )}
    </form>
  );
}
