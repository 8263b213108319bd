/**
 * One log line per HTTP request, written when the response is finished (or the client went
 * away): method, path (never the query string, which may carry filters or credentials), the
 * GraphQL operation name, status, duration, request id and who asked (`kind:id`, never a token,
 * a secret or an e-mail address). Health checks and scrapes are logged at debug only.
 *
 * The request id is settled here, first, and written back to the request's `x-request-id` header,
 * so that the GraphQL and data routes (which read that header) use the same id as this line.
 * The GraphQL operation and the actor are only known inside Apollo: its plugin hands them over
 * by request id.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { context } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Actor, RequestContext } from './context';
import type { Logger } from './logger';

const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);
const VALID_REQUEST_ID = /^[\w.-]{1,100}$/;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

interface Pending {
  operation?: string;
  actor?: string;
}

/** How an actor is named in the access log: kind and id, nothing that identifies a person or grants access. */
export const actorKey = (actor: Actor | undefined) =>
  actor ? (actor.id ? `${actor.kind}:${actor.id}` : actor.kind) : undefined;

export class AccessLog {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly log: Logger) {}

  middleware() {
    return (req: Request, res: Response, next: NextFunction) => {
      const started = performance.now();
      const given = req.header('x-request-id');
      const requestId = given && VALID_REQUEST_ID.test(given) ? given : randomUUID();
      req.headers['x-request-id'] = requestId;
      const entry: Pending = {};
      this.pending.set(requestId, entry);
      // Bound to the request's trace context (when tracing is on), so that the line carries its trace id.
      res.once(
        'close',
        context.bind(context.active(), () => {
          if (this.pending.get(requestId) === entry) this.pending.delete(requestId);
          const path = (req.originalUrl ?? req.url).split('?')[0].slice(0, 300);
          const line = {
            method: req.method,
            path,
            operation: entry.operation,
            status: res.statusCode,
            durationMs: Math.round((performance.now() - started) * 10) / 10,
            requestId,
            actor: entry.actor,
            ...(res.writableFinished ? {} : { aborted: true }),
          };
          if (QUIET_PATHS.has(path)) this.log.debug(line, 'request');
          else this.log.info(line, 'request');
        }),
      );
      next();
    };
  }

  /** Hands the GraphQL operation name and the authenticated actor of a request to its log line. */
  apolloPlugin(): ApolloServerPlugin<RequestContext> {
    const pending = this.pending;
    return {
      async requestDidStart() {
        return {
          async willSendResponse({ contextValue, operationName }) {
            const entry = pending.get(contextValue.requestId);
            if (!entry) return;
            entry.operation = operationName && OPERATION_NAME.test(operationName) ? operationName : 'anonymous';
            entry.actor = actorKey(contextValue.actor);
          },
        };
      },
    };
  }
}
