/**
 * Confirm, hold or cancel many orders: one request per order, in sequence, with a progress bar
 * and each order's own result (a refused order does not stop the others).
 */
import { Alert, Button, Group, List, Modal, Progress, Stack, Text, TextInput, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import {
  useBulkCancelOrderMutation,
  useBulkConfirmOrderMutation,
  useBulkHoldOrderMutation,
} from '../../../graphql/generated';
import { describeError } from '../../../lib/user-errors';

type Action = 'confirm' | 'hold' | 'cancel';
interface Result {
  id: string;
  number: string;
  ok: boolean;
  message: string;
}

const TITLES: Record<Action, string> = {
  confirm: 'Confirm orders',
  hold: 'Put orders on hold',
  cancel: 'Cancel orders',
};

export function BulkActions({ selected, onDone }: { selected: { id: string; number: string }[]; onDone: () => void }) {
  const [action, setAction] = useState<Action | null>(null);
  const [reason, setReason] = useState('');
  const [running, setRunning] = useState(false);
  const [results, setResults] = useState<Result[]>([]);
  const [confirm] = useBulkConfirmOrderMutation();
  const [hold] = useBulkHoldOrderMutation();
  const [cancel] = useBulkCancelOrderMutation();
  const needsReason = action === 'hold' || action === 'cancel';
  const finished = results.length === selected.length && results.length > 0;

  const run = async () => {
    if (!action) return;
    setRunning(true);
    setResults([]);
    for (const order of selected) {
      let result: Result;
      try {
        const res =
          action === 'confirm'
            ? (await confirm({ variables: { id: order.id } })).data?.confirmOrder
            : action === 'hold'
              ? (await hold({ variables: { id: order.id, reason } })).data?.holdOrder
              : (await cancel({ variables: { id: order.id, reason: reason || null } })).data?.cancelOrder;
        const err = res?.userErrors[0];
        result = err
          ? { id: order.id, number: order.number, ok: false, message: err.message }
          : { id: order.id, number: order.number, ok: true, message: 'Done' };
      } catch (e) {
        result = { id: order.id, number: order.number, ok: false, message: describeError(e) };
      }
      setResults((r) => [...r, result]);
    }
    setRunning(false);
  };

  const close = () => {
    const hadRun = results.length > 0;
    setAction(null);
    setResults([]);
    setReason('');
    if (hadRun) onDone();
  };

  return (
    <>
      <Group gap="xs">
        <Text size="sm" fw={500}>
          {selected.length} selected
        </Text>
        <Button size="xs" onClick={() => setAction('confirm')} disabled={!selected.length}>
          Confirm
        </Button>
        <Button size="xs" variant="light" color="orange" onClick={() => setAction('hold')} disabled={!selected.length}>
          Hold
        </Button>
        <Button size="xs" variant="light" color="red" onClick={() => setAction('cancel')} disabled={!selected.length}>
          Cancel
        </Button>
      </Group>
      <Modal
        opened={action !== null}
        onClose={running ? () => {} : close}
        title={action ? TITLES[action] : ''}
        closeOnEscape={!running}
      >
        <Stack>
          {!results.length && !running && (
            <>
              <Text size="sm">
                {selected.length} order{selected.length === 1 ? '' : 's'}:{' '}
                {selected
                  .slice(0, 8)
                  .map((o) => o.number)
                  .join(', ')}
                {selected.length > 8 ? '…' : ''}
              </Text>
              {needsReason && (
                <TextInput
                  label="Reason"
                  required={action === 'hold'}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  data-autofocus
                />
              )}
              <Group justify="end">
                <Button variant="default" onClick={close}>
                  Back
                </Button>
                <Button
                  color={action === 'confirm' ? undefined : action === 'hold' ? 'orange' : 'red'}
                  onClick={run}
                  disabled={action === 'hold' && !reason.trim()}
                >
                  {action ? TITLES[action] : ''}
                </Button>
              </Group>
            </>
          )}
          {(running || results.length > 0) && (
            <>
              <Progress value={(results.length / selected.length) * 100} animated={running} aria-label="Progress" />
              <Text size="sm">
                {results.length} of {selected.length} done
                {finished
                  ? `: ${results.filter((r) => r.ok).length} succeeded, ${results.filter((r) => !r.ok).length} refused`
                  : '…'}
              </Text>
              <List spacing={4} size="sm" data-testid="bulk-results">
                {results.map((r) => (
                  <List.Item
                    key={r.id}
                    icon={
                      <ThemeIcon size={18} radius="xl" color={r.ok ? 'green' : 'red'}>
                        {r.ok ? <IconCheck size={12} /> : <IconX size={12} />}
                      </ThemeIcon>
                    }
                  >
                    <b>{r.number}</b>: {r.message}
                  </List.Item>
                ))}
              </List>
              {finished && results.some((r) => !r.ok) && (
                <Alert color="orange">Refused orders were left unchanged.</Alert>
              )}
              {finished && (
                <Group justify="end">
                  <Button onClick={close}>Close</Button>
                </Group>
              )}
            </>
          )}
        </Stack>
      </Modal>
    </>
  );
}
