/**
 * Response headers that do not depend on the request, set without running their middleware on
 * every request: the hot path (a sales channel placing orders) pays for a few setHeader calls only.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * The headers a middleware sets (and removes) whatever the request, captured once by running it
 * on a stand-in response; the returned middleware applies them. For middleware whose headers are
 * fixed at construction, as helmet's are with a static configuration (no CSP nonces).
 */
export function staticHeaders(middleware: RequestHandler): RequestHandler {
  const set: [string, string | number | readonly string[]][] = [];
  const removed: string[] = [];
  let called = false;
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      set.push([name, value]);
      return res;
    },
    removeHeader(name: string) {
      removed.push(name);
    },
  };
  void middleware(
    { headers: {}, method: 'GET', url: '/' } as Request,
    res as unknown as Response,
    ((err?: unknown) => {
      if (err) throw err instanceof Error ? err : new Error(String(err));
      called = true;
    }) as NextFunction,
  );
  if (!called) throw new Error('staticHeaders: the middleware did not call next() at once');
  return (_req, response, next) => {
    for (const name of removed) response.removeHeader(name);
    for (const [name, value] of set) response.setHeader(name, value);
    next();
  };
}

/**
 * `cors` for requests that carry an Origin header only (what browsers send cross-origin). Without
 * one there is nothing for CORS to answer; `Vary: Origin` is still set when origins are
 * configured, as cors would, so that caches keep the answers for each origin apart.
 */
export function corsOnlyWithOrigin(corsMiddleware: RequestHandler, varyOnOrigin: boolean): RequestHandler {
  return (req, res, next) => {
    if (req.headers.origin !== undefined) return corsMiddleware(req, res, next);
    if (varyOnOrigin) res.vary('Origin');
    next();
  };
}
