/**
 * "Load more" under a list read a page at a time from a connection: how many are shown out of how
 * many, and a button for the next page while there is one. The page is appended by the query's
 * type policy (app/apollo.ts), so the caller only asks for the rows after `endCursor`.
 */
import { Button, Group, Text } from '@mantine/core';

export interface PagedList {
  nodes: readonly unknown[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export function LoadMore({
  list,
  loading,
  onMore,
  testId,
}: {
  list: PagedList;
  loading?: boolean;
  onMore: (after: string) => unknown;
  testId?: string;
}) {
  if (!list.pageInfo.hasNextPage && list.nodes.length >= list.totalCount) return null;
  return (
    <Group mt="sm" gap="sm" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {list.nodes.length} of {list.totalCount} shown
      </Text>
      {list.pageInfo.hasNextPage && list.pageInfo.endCursor && (
        <Button variant="default" size="xs" loading={loading} onClick={() => onMore(list.pageInfo.endCursor!)}>
          Load more
        </Button>
      )}
    </Group>
  );
}
