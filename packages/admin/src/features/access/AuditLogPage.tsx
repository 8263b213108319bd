/** The audit log: who changed users, API keys, channels and warehouses, newest first. */
import { Button, Card, Code, Stack, Table, Text, Title } from '@mantine/core';
import { QueryState } from '../../components/QueryState';
import { useAuditLogQuery } from '../../graphql/generated';
import { formatDateTime } from '../../lib/format';

const PAGE = 50;

/** `{ role: { from, to } }` as "role: FULFILLMENT → MANAGER". */
function describe(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([k, v]) => {
      if (v && typeof v === 'object' && !Array.isArray(v) && 'from' in v && 'to' in v)
        return `${k}: ${String(v.from)} → ${String(v.to)}`;
      return `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`;
    })
    .join(' · ');
}

export function AuditLogPage() {
  const { data, loading, error, fetchMore } = useAuditLogQuery({
    variables: { first: PAGE },
    notifyOnNetworkStatusChange: true,
  });
  const log = data?.auditLog;
  return (
    <Stack>
      <Title order={2}>Audit log</Title>
      <Text c="dimmed">
        Changes to users, roles, API keys, channels and warehouses. Changes to orders are in each order's history.
      </Text>
      <Card withBorder>
        <QueryState
          data={log}
          loading={loading}
          error={error}
          isEmpty={(log) => log.nodes.length === 0}
          empty={{ title: 'Nothing recorded yet' }}
        >
          {(log) => (
            <>
              <Table.ScrollContainer minWidth={800}>
                <Table verticalSpacing="xs" striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>When</Table.Th>
                      <Table.Th>Who</Table.Th>
                      <Table.Th>What</Table.Th>
                      <Table.Th>Details</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {log.nodes.map((e) => (
                      <Table.Tr key={e.id} data-testid="audit-row">
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                        <Table.Td>{e.actor}</Table.Td>
                        <Table.Td>
                          <Code>{e.action}</Code>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{describe(e.details as Record<string, unknown>)}</Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Text size="sm" c="dimmed" mt="sm">
                {log.nodes.length} of {log.totalCount}
              </Text>
              {log.pageInfo.hasNextPage && (
                <Button
                  mt="sm"
                  variant="default"
                  loading={loading}
                  onClick={() =>
                    fetchMore({
                      variables: { after: log.pageInfo.endCursor },
                      updateQuery: (prev, { fetchMoreResult }) => ({
                        auditLog: {
                          ...fetchMoreResult.auditLog,
                          nodes: [...prev.auditLog.nodes, ...fetchMoreResult.auditLog.nodes],
                        },
                      }),
                    })
                  }
                >
                  Load more
                </Button>
              )}
            </>
          )}
        </QueryState>
      </Card>
    </Stack>
  );
}
