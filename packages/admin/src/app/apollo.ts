/**
 * Apollo Client: queries and mutations over HTTP, subscriptions over graphql-ws on the same
 * /graphql URL. Every request and every WebSocket (re)connect reads the current token, so a new
 * sign-in takes effect at once. The socket retries forever (a server restart is survived), and
 * both links report whether the server can be reached. UNAUTHENTICATED answers sign the user out.
 */
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, split } from '@apollo/client';
import { setContext } from '@apollo/client/link/context';
import { onError } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient, Client } from 'graphql-ws';
import { setConnectionState } from '../lib/connection';
import { getToken, onTokenChange } from '../lib/session';

/** A connection field whose "Load more" (a fetch with `after`) appends the next page; any other fetch replaces the list. */
function appendPages(keyArgs: string[]) {
  return {
    keyArgs,
    merge(
      existing: { nodes: unknown[] } | undefined,
      incoming: { nodes: unknown[] },
      { args }: { args: Record<string, unknown> | null },
    ) {
      if (!args?.after || !existing) return incoming;
      return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] };
    },
  };
}

export interface ApolloSetup {
  client: ApolloClient<unknown>;
  ws: Client;
}

export function createApollo(options: { onUnauthenticated: () => void; baseUrl?: string }): ApolloSetup {
  const base = options.baseUrl ?? window.location.origin;
  const httpUrl = new URL('/graphql', base).toString();
  const wsUrl = httpUrl.replace(/^http/, 'ws');

  // After a reconnect (server restart, network loss, new sign-in) events may have been missed while
  // away: refetch what is on screen. The first connect needs nothing.
  let connectedBefore = false;
  const ws = createClient({
    url: wsUrl,
    lazy: true,
    keepAlive: 10_000,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    // Back off up to 5 s: a wall screen must come back soon after the server does.
    retryWait: (retries) => new Promise((r) => setTimeout(r, Math.min(5000, 300 * 2 ** retries) + Math.random() * 300)),
    connectionParams: () => {
      const token = getToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    on: {
      connected: () => {
        setConnectionState('online');
        if (connectedBefore) void client.reFetchObservableQueries(); // `client` exists by then: the first connect skips this
        connectedBefore = true;
      },
      closed: (event) => {
        // 1000: closed when no subscription is left; 4499: terminated by us to re-authenticate.
        // Anything else means the server went away.
        const code = (event as { code?: number })?.code;
        if (code !== 1000 && code !== 4499) setConnectionState('offline');
      },
    },
  });

  // The server authenticates a socket once, when it connects: a new sign-in needs a new socket.
  // Terminating it makes the client reconnect at once (its subscriptions resume) with the new token.
  onTokenChange(() => ws.terminate());

  const http = new HttpLink({
    uri: httpUrl,
    fetch: async (input, init) => {
      try {
        const res = await fetch(input, init);
        setConnectionState(res.status >= 502 && res.status <= 504 ? 'offline' : 'online');
        return res;
      } catch (err) {
        setConnectionState('offline');
        throw err;
      }
    },
  });

  const auth = setContext((_op, { headers }) => {
    const token = getToken();
    return { headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } };
  });

  const errors = onError(({ graphQLErrors, networkError }) => {
    const status = (networkError as { statusCode?: number } | null)?.statusCode;
    const unauthenticated =
      status === 401 ||
      graphQLErrors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED') ||
      (networkError as { result?: { errors?: { extensions?: { code?: string } }[] } } | null)?.result?.errors?.some(
        (e) => e.extensions?.code === 'UNAUTHENTICATED',
      );
    if (unauthenticated) options.onUnauthenticated();
  });

  const link = split(
    ({ query }) => {
      const def = getMainDefinition(query);
      return def.kind === 'OperationDefinition' && def.operation === 'subscription';
    },
    new GraphQLWsLink(ws),
    ApolloLink.from([errors, auth, http]),
  );

  const client: ApolloClient<unknown> = new ApolloClient({
    link,
    cache: new InMemoryCache({
      typePolicies: {
        // Lists are replaced, never merged: the server always sends the whole list.
        Order: {
          fields: {
            lines: { merge: false },
            history: { merge: false },
            shipments: { merge: false },
            payments: { merge: false },
            refunds: { merge: false },
            returns: { merge: false },
          },
        },
        Query: {
          fields: {
            // "Load more" appends the next page (same filter and page size) to the list already shown.
            orders: appendPages(['filter', 'first', 'sort']),
            usersConnection: appendPages(['first']),
            apiKeysConnection: appendPages(['first']),
            warehousesConnection: appendPages(['first']),
            webhookEndpointsConnection: appendPages(['first']),
            customers: appendPages(['search', 'first', 'sort']),
          },
        },
      },
    }),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network', errorPolicy: 'all' },
      query: { errorPolicy: 'all' },
    },
  });
  return { client, ws };
}
