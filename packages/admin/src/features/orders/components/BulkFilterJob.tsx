/**
 * One action over every order matching the list's filter: a bulk order job on the server
 * (startBulkOrderAction), its progress pushed by the subscription bulkOrderJobUpdated, and at the
 * end the refused orders with the server's reason, each linking to its order.
 */
import { Alert, Anchor, Button, Group, List, Modal, Progress, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  BulkOrderActionKind,
  BulkOrderJobProgressFragment,
  BulkOrderJobState,
  OrderFilter,
  useBulkOrderJobLiveSubscription,
  useBulkOrderJobRefusedQuery,
  useStartBulkOrderActionMutation,
} from '../../../graphql/generated';
import { describeError, errorFor } from '../../../lib/user-errors';
import { orderUrl } from '../urls';

const ACTIONS: { value: BulkOrderActionKind; label: string }[] = [
  { value: BulkOrderActionKind.Confirm, label: 'Confirm' },
  { value: BulkOrderActionKind.Hold, label: 'Put on hold' },
  { value: BulkOrderActionKind.ReleaseHold, label: 'Release hold' },
  { value: BulkOrderActionKind.Cancel, label: 'Cancel' },
  { value: BulkOrderActionKind.AddTag, label: 'Add tag' },
  { value: BulkOrderActionKind.RemoveTag, label: 'Remove tag' },
];

const finished = (job?: BulkOrderJobProgressFragment | null) =>
  job?.state === BulkOrderJobState.Done || job?.state === BulkOrderJobState.Failed;

export function BulkFilterJob({ filter, total, onDone }: { filter: OrderFilter; total: number; onDone: () => void }) {
  const [opened, setOpened] = useState(false);
  const [action, setAction] = useState<BulkOrderActionKind>(BulkOrderActionKind.Confirm);
  const [reason, setReason] = useState('');
  const [tag, setTag] = useState('');
  const [job, setJob] = useState<BulkOrderJobProgressFragment | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [start, started] = useStartBulkOrderActionMutation();
  const userErrors = started.data?.startBulkOrderAction.userErrors;

  useBulkOrderJobLiveSubscription({
    variables: { id: job?.id ?? '' },
    skip: !job || finished(job),
    onData: ({ data }) => {
      const next = data.data?.bulkOrderJobUpdated;
      if (next) setJob(next);
    },
  });
  const refused = useBulkOrderJobRefusedQuery({
    variables: { id: job?.id ?? '' },
    skip: !job || !finished(job),
    fetchPolicy: 'network-only',
  });

  const needsReason = action === BulkOrderActionKind.Hold || action === BulkOrderActionKind.Cancel;
  const needsTag = action === BulkOrderActionKind.AddTag || action === BulkOrderActionKind.RemoveTag;
  const label = ACTIONS.find((a) => a.value === action)!.label;

  const run = async () => {
    setFailure(null);
    try {
      const res = await start({
        variables: {
          input: {
            action,
            filter,
            ...(needsReason && reason.trim() ? { reason } : {}),
            ...(needsTag ? { tag } : {}),
          },
        },
      });
      const created = res.data?.startBulkOrderAction.job;
      if (created) setJob(created);
    } catch (e) {
      setFailure(describeError(e));
    }
  };

  const close = () => {
    const hadJob = !!job;
    setOpened(false);
    setJob(null);
    setReason('');
    setTag('');
    setFailure(null);
    started.reset();
    if (hadJob) onDone();
  };

  const refusedList = refused.data?.bulkOrderJob?.results;
  const running = !!job && !finished(job);
  // Errors the form does not show at a field (e.g. the filter matched too many or no orders).
  const general = userErrors?.filter((e) => !errorFor([e], 'reason', 'tag')).map((e) => e.message);

  return (
    <>
      <Button size="xs" variant="subtle" onClick={() => setOpened(true)} data-testid="bulk-filter-open">
        All {total} orders matching this filter…
      </Button>
      <Modal
        opened={opened}
        onClose={running ? () => {} : close}
        closeOnEscape={!running}
        title={`All ${total} orders matching this filter`}
      >
        <Stack>
          {!job && (
            <>
              <Text size="sm">
                The action runs on the server over every order matching the filter when it starts, each as if you took
                it on its own; refused orders are listed at the end.
              </Text>
              <Select
                label="Action"
                data={ACTIONS}
                value={action}
                allowDeselect={false}
                onChange={(v) => v && setAction(v as BulkOrderActionKind)}
                comboboxProps={{ withinPortal: false }}
              />
              {needsReason && (
                <TextInput
                  label="Reason"
                  required={action === BulkOrderActionKind.Hold}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  error={errorFor(userErrors, 'reason')}
                />
              )}
              {needsTag && (
                <TextInput
                  label="Tag"
                  required
                  value={tag}
                  onChange={(e) => setTag(e.currentTarget.value)}
                  error={errorFor(userErrors, 'tag')}
                />
              )}
              {(general?.length || failure) && (
                <Alert color="red" data-testid="bulk-filter-error">
                  {failure ?? general!.join(' ')}
                </Alert>
              )}
              <Group justify="end">
                <Button variant="default" onClick={close}>
                  Back
                </Button>
                <Button
                  onClick={run}
                  loading={started.loading}
                  disabled={(action === BulkOrderActionKind.Hold && !reason.trim()) || (needsTag && !tag.trim())}
                  color={action === BulkOrderActionKind.Cancel ? 'red' : undefined}
                >
                  {label}: {total} orders
                </Button>
              </Group>
            </>
          )}
          {job && (
            <>
              <Progress
                value={job.total ? (job.done / job.total) * 100 : 0}
                animated={running}
                aria-label="Progress"
                data-testid="bulk-filter-progress"
              />
              <Text size="sm" data-testid="bulk-filter-status">
                {job.done} of {job.total} done
                {finished(job)
                  ? `: ${job.done - job.failed} succeeded, ${job.failed} refused`
                  : job.state === BulkOrderJobState.Queued
                    ? ' (queued)…'
                    : '…'}
              </Text>
              {job.state === BulkOrderJobState.Failed && job.error && <Alert color="red">{job.error}</Alert>}
              {refusedList && refusedList.nodes.length > 0 && (
                <>
                  <List spacing={4} size="sm" data-testid="bulk-filter-refused">
                    {refusedList.nodes.map((r) => (
                      <List.Item key={r.orderId}>
                        {r.number ? (
                          <Anchor component={Link} to={orderUrl(r.orderId)} fw={600}>
                            {r.number}
                          </Anchor>
                        ) : (
                          <b>{r.orderId}</b>
                        )}
                        : {r.message}
                      </List.Item>
                    ))}
                  </List>
                  {refusedList.totalCount > refusedList.nodes.length && (
                    <Text size="xs" c="dimmed">
                      and {refusedList.totalCount - refusedList.nodes.length} more refused
                    </Text>
                  )}
                  <Alert color="orange">Refused orders were left unchanged.</Alert>
                </>
              )}
              {finished(job) && (
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
