/**
 * What the plain HTTP routes (exports and imports, documents) share with each other and with
 * GraphQL: the request id, the bearer token's caller with the rate limit and permissions checked,
 * and JSON errors `{ error: { code, message, ..., requestId } }` that never carry a stack trace.
 */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { can } from './access';
import type { RequestContext } from './context';
import { RateLimitedError } from './errors';
import type { Logger } from './logger';
import { isUnavailable, RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE } from './unavailable';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function sendHttpError(res: Response, e: HttpError) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  // Refused before the first byte: headers set for the file do not apply.
  res.removeHeader('content-disposition');
  res.removeHeader('content-type');
  res
    .status(e.status)
    .json({ error: { code: e.code, message: e.message, ...e.extra, requestId: res.locals.requestId } });
}

/** Middleware: takes a sane x-request-id from the client or makes one, and echoes it. */
export function requestId(req: Request, res: Response, next: NextFunction) {
  const given = req.header('x-request-id');
  res.locals.requestId = given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', res.locals.requestId);
  next();
}

export interface CallerOptions {
  /** The GraphQL context for this request: authenticated actor, fresh entity manager. */
  context: (req: Request, res: Response) => Promise<RequestContext>;
  /** Charges the caller's rate limit (throws RateLimitedError). */
  charge: (ctx: RequestContext) => Promise<void>;
}

/** The signed-in caller, with the rate limit and every given permission checked (401, 429, 403). */
export async function httpCaller(
  o: CallerOptions,
  req: Request,
  res: Response,
  permissions: readonly string[],
): Promise<RequestContext> {
  const ctx = await o.context(req, res);
  if (!ctx.actor)
    throw new HttpError(
      401,
      'UNAUTHENTICATED',
      'Authentication required: send Authorization: Bearer <token or API key>',
    );
  try {
    await o.charge(ctx);
  } catch (e) {
    if (e instanceof RateLimitedError) {
      const after = Number(e.extensions.retryAfterSeconds);
      res.setHeader('retry-after', String(after));
      throw new HttpError(429, 'RATE_LIMITED', e.message, { retryAfterSeconds: after });
    }
    throw e;
  }
  if (ctx.actor.mustChangePassword)
    throw new HttpError(403, 'FORBIDDEN', 'Choose a new password first (mutation changePassword)', {
      reason: 'PASSWORD_CHANGE_REQUIRED',
    });
  for (const permission of permissions) {
    if (!can(ctx, permission))
      throw new HttpError(403, 'FORBIDDEN', `Missing permission ${permission}`, { permission });
  }
  return ctx;
}

/** Wraps a route: HttpErrors as JSON, a database outage as 503 with Retry-After, anything else as a logged 500. */
export function httpRoute(log: Logger, what: string, fn: (req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response) => {
    try {
      await fn(req, res);
    } catch (e) {
      if (e instanceof HttpError) return sendHttpError(res, e);
      if ((e as { code?: string })?.code === 'ERR_STREAM_PREMATURE_CLOSE') return; // the client went away
      if (isUnavailable(e)) {
        // The database is away (restart, failover): retry shortly. Mid-stream, the connection is cut instead.
        log.warn({ err: e, requestId: res.locals.requestId }, `${what}: database unreachable`);
        if (!res.headersSent) res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
        return sendHttpError(res, new HttpError(503, 'SERVICE_UNAVAILABLE', UNAVAILABLE_MESSAGE));
      }
      log.error({ err: e, requestId: res.locals.requestId }, `${what} failed`);
      sendHttpError(res, new HttpError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error'));
    }
  };
}
