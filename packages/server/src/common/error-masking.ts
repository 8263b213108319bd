/**
 * Decides what of an error a client may see. Our own GraphQLErrors (they carry a code) and
 * GraphQL's request errors pass; anything else is an unexpected failure: logged with the
 * request id and replaced by a generic message, so no stack trace or SQL reaches a client.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { isUnavailable, RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE } from './unavailable';

const PUBLIC_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'NOT_FOUND',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'TOO_MANY_SUBSCRIPTIONS',
  'SERVICE_UNAVAILABLE',
]);

const REQUEST_ID = Symbol('requestId');

export function isUnexpected(error: unknown): boolean {
  const original = unwrapResolverError(error);
  // A lost database connection is an outage, not a bug: the client is told to retry (503).
  if (isUnavailable(original)) return false;
  if (original instanceof GraphQLError) {
    if (original.originalError && !(original.originalError instanceof GraphQLError)) return true;
    const code = original.extensions?.code;
    if (typeof code === 'string') return !PUBLIC_CODES.has(code);
    // Without a code: request errors (parse, validation, variables) are the caller's; an error
    // raised while executing a field (it has a path) is the server's.
    return original.path !== undefined;
  }
  return true;
}

export function tagRequestId(error: unknown, requestId: string) {
  (error as Record<typeof REQUEST_ID, unknown>)[REQUEST_ID] = requestId;
}

export function maskError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (isUnavailable(unwrapResolverError(error)) && formatted.extensions?.code !== 'SERVICE_UNAVAILABLE') {
    return {
      message: UNAVAILABLE_MESSAGE,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: RETRY_AFTER_SECONDS },
    };
  }
  if (!isUnexpected(error)) {
    const { extensions, ...rest } = formatted;
    if (!extensions) return rest;
    // http is Apollo's instruction for the response status, not for the client.
    const { stacktrace: _s, exception: _e, http: _h, ...safe } = extensions as Record<string, unknown>;
    return { ...rest, extensions: safe };
  }
  const requestId = (error as Partial<Record<typeof REQUEST_ID, unknown>> | null | undefined)?.[REQUEST_ID];
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
  };
}
