/**
 * Wall display: big counts per open status and the newest orders, updated live, no interaction.
 * The live feed starts after the newest update there was just before the board was read
 * (`latestOrderUpdateId`, read first): a change committed after that is in the board, or sent by
 * the feed even when it came before the subscription, never lost. The WebSocket retries forever,
 * so the screen comes back by itself after a server restart; it then reads the start and the
 * board again and the feed resumes from there. A feed the server ends with an error starts over
 * the same way after 5 s.
 */
import { Badge, Box, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useThrottledCallback } from '@mantine/hooks';
import { useApolloClient } from '@apollo/client';
import { useCallback, useEffect, useState } from 'react';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import {
  OrderStatus,
  ScreenFeedStartDocument,
  ScreenFeedSubscription,
  useScreenBoardQuery,
  useScreenFeedSubscription,
} from '../../graphql/generated';
import { useConnectionState } from '../../lib/connection';
import { formatDateTime, formatMoney, formatTime, humanize } from '../../lib/format';

const TILES = [
  { key: 'pending', status: OrderStatus.Pending, label: 'Pending', color: 'yellow' },
  { key: 'onHold', status: OrderStatus.OnHold, label: 'On hold', color: 'orange' },
  { key: 'confirmed', status: OrderStatus.Confirmed, label: 'To ship', color: 'blue' },
  { key: 'partiallyShipped', status: OrderStatus.PartiallyShipped, label: 'Part shipped', color: 'cyan' },
  { key: 'shipped', status: OrderStatus.Shipped, label: 'Shipped', color: 'teal' },
] as const;

type Change = ScreenFeedSubscription['orderUpdated'];

const COLORS: Record<string, string> = {
  PENDING: 'yellow',
  ON_HOLD: 'orange',
  CONFIRMED: 'blue',
  PARTIALLY_SHIPPED: 'cyan',
  SHIPPED: 'teal',
  DELIVERED: 'green',
  CANCELLED: 'gray',
  RETURNED: 'grape',
};

/** Time only for today's orders, date and time for older ones. */
function placed(iso: string): string {
  return new Date(iso).toDateString() === new Date().toDateString() ? formatTime(iso) : formatDateTime(iso);
}

export function ScreenPage() {
  /** Where the feed starts (null: from when it subscribes); undefined until the board has been read. */
  const [after, setAfter] = useState<string | null>();
  const client = useApolloClient();
  const { data, refetch } = useScreenBoardQuery({ pollInterval: 60_000 });
  /** Reads where the feed starts, then the board; the start. */
  const start = useCallback(async () => {
    const feed = await client.query({ query: ScreenFeedStartDocument, fetchPolicy: 'network-only' });
    await refetch();
    return feed.data.latestOrderUpdateId ?? null;
  }, [client, refetch]);
  const [changes, setChanges] = useState<Change[]>([]);
  const [clock, setClock] = useState(() => new Date());
  const connection = useConnectionState();
  const refresh = useThrottledCallback(() => void refetch(), 1000);
  useEffect(() => {
    const t = setInterval(() => setClock(new Date()), 1000);
    return () => clearInterval(t);
  }, []);
  useEffect(() => {
    if (connection === 'offline') {
      // graphql-ws subscribes again with the same variables when it reconnects: not after the id of
      // the page's first load (it would send everything since), only from then on, until the board
      // has been read again below.
      setAfter((a) => (a === undefined ? a : null));
      return;
    }
    // Online (the page opened, or the connection came back): read the start and the board, and
    // follow from there. Only then: a poll or a refresh after an update leaves the subscription as it is.
    let current = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const attempt = () =>
      start().then(
        (id) => {
          if (current) setAfter(id);
        },
        () => {
          // Offline again (the next 'online' starts over), or a failed read: again in a few seconds.
          if (current) retry = setTimeout(attempt, 5000);
        },
      );
    void attempt();
    return () => {
      current = false;
      clearTimeout(retry);
    };
  }, [connection, start]);
  // The server ended the feed with an error (say, it fell too far behind): read the start and the
  // board again after a few seconds and follow from there, instead of staying still until a reconnect.
  const [feedFailures, setFeedFailures] = useState(0);
  useEffect(() => {
    if (!feedFailures) return;
    let current = true;
    const retry = setTimeout(() => {
      start().then(
        (id) => {
          if (current) setAfter(id);
        },
        () => {
          if (current) setFeedFailures((n) => n + 1);
        },
      );
    }, 5000);
    return () => {
      current = false;
      clearTimeout(retry);
    };
  }, [feedFailures, start]);
  useScreenFeedSubscription({
    skip: after === undefined,
    variables: { after },
    onError: () => {
      setAfter(undefined);
      setFeedFailures((n) => n + 1);
    },
    onData: ({ data: sub }) => {
      const c = sub.data?.orderUpdated;
      if (!c) return;
      // Resuming repeats an update that arrived before (catch-up after the board's id): shown once.
      setChanges((list) => (list.some((x) => x.eventId === c.eventId) ? list : [c, ...list].slice(0, 12)));
      refresh();
    },
  });
  return (
    <Box p="xl" mih="100vh" style={{ cursor: 'none' }} data-testid="screen">
      <ConnectionBanner />
      <Group justify="space-between" mb="lg">
        <Title order={1} style={{ fontSize: 44 }}>
          Orders
        </Title>
        <Text style={{ fontSize: 44 }} fw={600}>
          {clock.toLocaleTimeString()}
        </Text>
      </Group>
      <SimpleGrid cols={5} mb="xl">
        {TILES.map((t) => (
          <Box key={t.key} p="lg" bg={`var(--mantine-color-${t.color}-light)`} style={{ borderRadius: 16 }}>
            <Text style={{ fontSize: 28 }} fw={600}>
              {t.label}
            </Text>
            <Text style={{ fontSize: 96, lineHeight: 1.1 }} fw={800} data-testid={`screen-count-${t.key}`}>
              {data ? (data.orderStatusCounts.find((c) => c.status === t.status)?.count ?? 0) : '–'}
            </Text>
          </Box>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={2} spacing="xl">
        <Stack>
          <Title order={2} style={{ fontSize: 32 }}>
            Newest orders
          </Title>
          <Table fz={22} verticalSpacing="sm">
            <Table.Tbody>
              {(data?.newest.nodes ?? []).map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td fw={700}>{o.number}</Table.Td>
                  <Table.Td>{o.channel.code}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{placed(o.placedAt)}</Table.Td>
                  <Table.Td>{formatMoney(o.total)}</Table.Td>
                  <Table.Td>
                    <Badge
                      size="xl"
                      variant="light"
                      color={COLORS[o.status]}
                      styles={{ root: { overflow: 'visible', maxWidth: 'none' }, label: { overflow: 'visible' } }}
                    >
                      {humanize(o.status)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
        <Stack>
          <Title order={2} style={{ fontSize: 32 }}>
            Just now
          </Title>
          {changes.length === 0 && (
            <Text fz={22} c="dimmed">
              Status changes appear here as they happen.
            </Text>
          )}
          <Table fz={22} verticalSpacing="sm" data-testid="screen-changes">
            <Table.Tbody>
              {changes.map((c) => (
                <Table.Tr key={c.eventId}>
                  <Table.Td>{formatTime(c.event.at)}</Table.Td>
                  <Table.Td fw={700}>{c.order.number}</Table.Td>
                  <Table.Td>
                    {c.event.toStatus
                      ? `${c.event.fromStatus ? humanize(c.event.fromStatus) : 'New'} → ${humanize(c.event.toStatus)}`
                      : humanize(c.event.type)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </SimpleGrid>
    </Box>
  );
}
