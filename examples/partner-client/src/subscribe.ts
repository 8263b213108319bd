/**
 * Live updates over graphql-ws, typed by the same documents as requests. The connection
 * authenticates once, with `connectionParams: { authorization: "Bearer <key>" }` (the server reads
 * nothing else: no header, no query string). A missing or wrong key still connects, and every
 * subscription on it then fails with UNAUTHENTICATED; a key revoked, or rotated past its grace
 * period, closes the connection with code 4403.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { type GraphQLErrorBody, GraphQLRequestError } from './client';

export function connect(url: string, apiKey: string): Client {
  return createClient({
    url, // ws://localhost:4000/graphql: the same path as HTTP
    webSocketImpl: WebSocket, // Node 20 has no global WebSocket
    connectionParams: { authorization: `Bearer ${apiKey}` },
    // No automatic reconnect: graphql-ws would resubscribe with the first variables, and a
    // resumed subscription needs the latest `after` (see watchOrders).
    retryAttempts: 0,
  });
}

/** The results of a typed subscription, one `data` at a time; GraphQL errors are thrown as GraphQLRequestError. */
export async function* subscribe<TResult, TVariables extends Record<string, unknown>>(
  client: Client,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): AsyncGenerator<TResult> {
  try {
    for await (const result of client.iterate<TResult>({ query: print(document), variables })) {
      if (result.errors?.length) throw new GraphQLRequestError(200, result.errors as GraphQLErrorBody[], null);
      yield result.data as TResult;
    }
  } catch (err) {
    // graphql-ws rejects with the server's error list when the subscription itself is refused.
    if (Array.isArray(err)) throw new GraphQLRequestError(200, err as GraphQLErrorBody[], null);
    throw err;
  }
}
