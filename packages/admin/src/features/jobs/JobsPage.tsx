/**
 * The background job queue: queued, retrying, running, failed and dead-lettered jobs, filtered by
 * state and queue, each with its last error, and a retry for failed jobs and dead letters.
 */
import { Badge, Button, Card, Code, Group, Select, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { QueryState } from '../../components/QueryState';
import { JobRowFragment, JobsDocument, JobState, useJobsQuery, useRetryJobMutation } from '../../graphql/generated';
import { useFormMutation } from '../../hooks/useFormMutation';
import { formatDateTime } from '../../lib/format';

const DEAD_SUFFIX = '__dead';

const STATES: { value: string; label: string }[] = [
  { value: '', label: 'Any state' },
  { value: JobState.Created, label: 'Queued' },
  { value: JobState.Retry, label: 'Waiting to retry' },
  { value: JobState.Active, label: 'Running' },
  { value: JobState.Failed, label: 'Failed' },
  { value: JobState.Completed, label: 'Completed' },
  { value: JobState.Cancelled, label: 'Cancelled' },
];

const COLOR: Record<JobState, string> = {
  [JobState.Created]: 'gray',
  [JobState.Retry]: 'orange',
  [JobState.Active]: 'blue',
  [JobState.Failed]: 'red',
  [JobState.Completed]: 'green',
  [JobState.Cancelled]: 'gray',
};

export function JobsPage() {
  const [state, setState] = useState('');
  const [queue, setQueue] = useState('');
  const [deadOnly, setDeadOnly] = useState(false);
  const variables = {
    state: (state || undefined) as JobState | undefined,
    queue: queue.trim() || undefined,
    first: 200,
  };
  const { data, loading, error, refetch } = useJobsQuery({
    variables,
    fetchPolicy: 'cache-and-network',
    pollInterval: 5000,
  });
  const jobs = (data?.jobs ?? []).filter((j) => !deadOnly || j.queue.endsWith(DEAD_SUFFIX));
  return (
    <Stack>
      <Title order={2}>Jobs</Title>
      <Text c="dimmed">
        Background work (webhook deliveries, …) on the PostgreSQL job queue. Jobs retry with backoff; a job that runs
        out of retries lands in its queue&apos;s dead letters (<Code>&lt;queue&gt;{DEAD_SUFFIX}</Code>) with its error.
      </Text>
      <Card withBorder>
        <Group align="end" mb="sm">
          <Select
            label="State"
            data={STATES}
            value={state}
            onChange={(v) => setState(v ?? '')}
            allowDeselect={false}
            w={200}
          />
          <TextInput
            label="Queue"
            placeholder="e.g. webhook-delivery"
            value={queue}
            onChange={(e) => setQueue(e.currentTarget.value)}
            w={260}
          />
          <Button
            variant={deadOnly ? 'filled' : 'default'}
            color={deadOnly ? 'red' : undefined}
            onClick={() => setDeadOnly((d) => !d)}
            aria-pressed={deadOnly}
          >
            Dead letters
          </Button>
          <Button variant="default" onClick={() => refetch()}>
            Refresh
          </Button>
        </Group>
        <QueryState
          data={data}
          loading={loading}
          error={error}
          isEmpty={() => jobs.length === 0}
          empty={{ title: 'No jobs match', hint: 'Change the filters, or wait for work to arrive.' }}
        >
          {() => (
            <Table.ScrollContainer minWidth={1000}>
              <Table verticalSpacing={6} fz="sm" data-testid="jobs-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Queue</Table.Th>
                    <Table.Th>State</Table.Th>
                    <Table.Th>Retries</Table.Th>
                    <Table.Th>Created</Table.Th>
                    <Table.Th>Next run / finished</Table.Th>
                    <Table.Th>Error</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {jobs.map((j) => (
                    <JobRow key={`${j.queue}:${j.id}`} job={j} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
      </Card>
    </Stack>
  );
}

function JobRow({ job }: { job: JobRowFragment }) {
  const [retry, { loading }] = useRetryJobMutation({ refetchQueries: [JobsDocument] });
  const action = useFormMutation();
  const error = action.generalErrors().join('; ');
  const dead = job.queue.endsWith(DEAD_SUFFIX);
  const retryable = dead || job.state === JobState.Failed;
  const doRetry = async () => {
    action.setErrors([]);
    const r = await action.run(
      async () => (await retry({ variables: { queue: job.queue, id: job.id } })).data?.retryJob,
    );
    if (r) notifications.show({ color: 'green', message: `Job queued again in ${r.job?.queue ?? job.queue}` });
  };
  return (
    <Table.Tr data-testid={`job-${job.id}`}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {job.queue}
        </Text>
        <Tooltip label={<pre style={{ margin: 0 }}>{JSON.stringify(job.data, null, 2)}</pre>}>
          <Code fz="xs">{job.id}</Code>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        <Badge color={COLOR[job.state]} variant="light">
          {dead ? 'DEAD' : job.state}
        </Badge>
      </Table.Td>
      <Table.Td>
        {job.retryCount} / {job.retryLimit}
      </Table.Td>
      <Table.Td>{formatDateTime(job.createdOn)}</Table.Td>
      <Table.Td>{job.completedOn ? formatDateTime(job.completedOn) : formatDateTime(job.startAfter)}</Table.Td>
      <Table.Td maw={360}>
        <Text size="xs" c={job.error ? 'red' : 'dimmed'} lineClamp={3} style={{ wordBreak: 'break-word' }}>
          {job.error ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        {retryable && (
          <Button size="xs" variant="light" loading={loading} onClick={doRetry}>
            Retry
          </Button>
        )}
        {error && (
          <Text c="red" size="xs" role="alert">
            {error}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
