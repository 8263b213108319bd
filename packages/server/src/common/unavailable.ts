/**
 * "The database (or the rate-limit store) cannot be reached right now": a restart, a failover,
 * a network cut. Such a failure is not the caller's fault and not a bug; the same request will
 * work again shortly. Clients get HTTP 503 with `extensions.code: SERVICE_UNAVAILABLE` (GraphQL)
 * or `error.code: SERVICE_UNAVAILABLE` (HTTP routes), never the driver's message or SQL.
 */
import { GraphQLError } from 'graphql';

/** Seconds a client is asked to wait before it tries again (Retry-After). */
export const RETRY_AFTER_SECONDS = 1;

export const UNAVAILABLE_MESSAGE = 'Service temporarily unavailable: the database cannot be reached. Retry shortly.';

/**
 * SQLSTATEs of a lost or refused connection: admin shutdown / crash shutdown / cannot connect now
 * (57P01-57P03), connection exceptions (class 08), too many connections (53300).
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '08P01', '53300']);
/** Node socket errors of a connection that could not be made or was cut. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
]);
const MESSAGES = [
  /Connection terminated/i,
  /connection (?:is )?(?:closed|ended)/i,
  /Client has encountered a connection error/i,
  /Client was closed and is not queryable/i,
  /timeout exceeded when trying to connect/i,
  /Timeout acquiring a connection/i,
  /is not currently accepting connections/i,
  /the database system is (?:starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
  /Reached the max retries per request limit/i, // ioredis: Redis unreachable
  /Stream isn't writeable/i, // ioredis with the offline queue off
];

/** Whether `error` (or anything it wraps) says that a connection to the database or Redis failed. */
export function isUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  if (error instanceof ServiceUnavailableError) return true;
  const e = error as {
    code?: unknown;
    message?: unknown;
    name?: unknown;
    cause?: unknown;
    originalError?: unknown;
    errors?: unknown;
    thrownValue?: unknown;
  };
  if (typeof e.code === 'string' && (SQLSTATES.has(e.code) || SOCKET_CODES.has(e.code))) return true;
  if (e.name === 'KnexTimeoutError' || e.name === 'ConnectionException' || e.name === 'MaxRetriesPerRequestError')
    return true;
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => isUnavailable(x, depth + 1))) return true; // AggregateError (IPv4 and IPv6 refused)
  // graphql-js wraps a thrown value that is not an Error of its realm (a socket error under jest's
  // sandbox) in NonErrorThrown, keeping it as thrownValue.
  return (
    isUnavailable(e.cause, depth + 1) ||
    isUnavailable(e.originalError, depth + 1) ||
    isUnavailable(e.thrownValue, depth + 1)
  );
}

/** What a client gets instead of a connection failure: 503, retry shortly. */
export class ServiceUnavailableError extends GraphQLError {
  constructor(message = UNAVAILABLE_MESSAGE) {
    super(message, {
      extensions: {
        code: 'SERVICE_UNAVAILABLE',
        retryAfterSeconds: RETRY_AFTER_SECONDS,
        http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
      },
    });
  }
}

/** Rethrows a connection failure as ServiceUnavailableError; anything else unchanged. */
export function asUnavailable(error: unknown): unknown {
  return isUnavailable(error) && !(error instanceof ServiceUnavailableError) ? new ServiceUnavailableError() : error;
}

/**
 * Apollo Server plugin: a response carrying SERVICE_UNAVAILABLE (a resolver lost its database
 * connection) gets HTTP 503 and Retry-After, instead of 200 with an error inside.
 */
export function unavailableStatusPlugin() {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({
          response,
        }: {
          response: {
            http: { status?: number; headers: Map<string, string> };
            body: { kind: string; singleResult?: { errors?: readonly { extensions?: Record<string, unknown> }[] } };
          };
        }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult?.errors : undefined;
          if (errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
          }
        },
      };
    },
  };
}
