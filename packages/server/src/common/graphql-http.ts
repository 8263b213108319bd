/**
 * GraphQL over HTTP, and the short way for the requests almost every client sends.
 *
 * `graphqlHandler` answers a request whose body is parsed, with Apollo Server's own
 * `executeHTTPGraphQLRequest`: what `@as-integrations/express5` does, in one place for both ways in.
 *
 * `fastLane` takes a `POST /graphql` with a plain JSON body (`content-type: application/json`,
 * UTF-8, a `content-length` within the body limit, no content encoding) past Express's router and
 * body-parser: it prepares the request and response as Express does (its prototypes, so `req.ip`,
 * `res.status`, `res.json` and `trust proxy` behave the same), runs the same middleware functions
 * in the same order as the Express stack, reads and parses the body itself, and hands errors to
 * the same error handler. Everything else (other paths and methods, chunked or compressed bodies,
 * other content types, an empty or too large body) goes through Express as before. Measured with
 * 16 clients sending `{ __typename }` as a signed-in user, alternating the two ways: 0.49 ms of
 * server CPU a request through Express, 0.41 ms the short way (docs/benchmark-place-order.md).
 */
import { ApolloServer, BaseContext, HeaderMap } from '@apollo/server';
import bytes from 'bytes';
import type { ErrorRequestHandler, Express, NextFunction, Request, RequestHandler, Response } from 'express';
import type http from 'node:http';

/** Apollo Server for a request whose `body` is parsed (by express.json or by the fast lane). */
export function graphqlHandler<C extends BaseContext>(
  apollo: ApolloServer<C>,
  context: (req: Request, res: Response) => Promise<C>,
) {
  return async (req: Request, res: Response): Promise<void> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const question = req.url.indexOf('?');
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method.toUpperCase(),
        headers,
        search: question < 0 ? '' : req.url.slice(question),
        body: req.body as unknown,
      },
      context: () => context(req, res),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status || 200;
    if (response.body.kind === 'complete') {
      // What res.send does for this answer (Apollo sets the content type with its charset; no ETag
      // on API responses), without parsing and re-formatting the content type on every request.
      const body = response.body.string;
      res.setHeader('content-length', Buffer.byteLength(body));
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

export interface FastLaneOptions {
  /** The Express app the other requests go to: its request and response prototypes and settings. */
  app: Express;
  /** The app's middleware for `POST /graphql` before the body is read, in the app's order. */
  middleware: RequestHandler[];
  /** The body limit, as given to express.json (`OMS_BODY_LIMIT`, e.g. `1mb`). */
  bodyLimit: string;
  /** Answers the request once `req.body` is set. */
  handler: (req: Request, res: Response) => Promise<void>;
  /** The app's error handler (JSON errors, never a stack trace). */
  onError: ErrorRequestHandler;
}

/** `application/json`, optionally with a UTF-8 charset: what express.json parses as JSON in UTF-8. */
const PLAIN_JSON = /^application\/json\s*(?:;\s*charset\s*=\s*(?:utf-8|"utf-8")\s*)?$/i;

/** Not a JSON object or array (express.json's `strict`), or not JSON at all: express.json's 400. */
const malformed = () => Object.assign(new SyntaxError('Malformed JSON'), { status: 400, type: 'entity.parse.failed' });

/**
 * Returns a request listener that answers the requests it takes and returns false for the others
 * (the caller hands those to Express).
 */
export function fastLane(options: FastLaneOptions): (req: http.IncomingMessage, res: http.ServerResponse) => boolean {
  const limit = bytes.parse(options.bodyLimit) ?? 100 * 1024;
  const { app, middleware, handler, onError } = options;
  return (incoming, outgoing) => {
    if (incoming.method !== 'POST' || incoming.url !== '/graphql') return false;
    const h = incoming.headers;
    const length = Number(h['content-length']);
    if (
      !(length > 0 && length <= limit) ||
      h['transfer-encoding'] !== undefined ||
      (h['content-encoding'] !== undefined && h['content-encoding'].toLowerCase() !== 'identity') ||
      !PLAIN_JSON.test(h['content-type'] ?? '')
    )
      return false;

    // What Express's app.handle does before its router runs.
    const req = incoming as Request;
    const res = outgoing as Response;
    req.res = res;
    res.req = req;
    Object.setPrototypeOf(req, app.request);
    Object.setPrototypeOf(res, app.response);
    res.locals = Object.create(null) as Response['locals'];
    req.originalUrl = req.url;
    req.baseUrl = '';

    let failed = false;
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      onError(err, req, res, () => undefined);
    };
    const readBody = () => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      // The client went away before the whole body came: a 400 no one reads, as body-parser's
      // (not a server failure to log).
      req.once('error', () =>
        fail(Object.assign(new Error('request aborted'), { status: 400, type: 'request.aborted' })),
      );
      req.once('end', () => {
        let body: unknown;
        try {
          let text = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString('utf8');
          if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
          const first = /\S/.exec(text)?.[0];
          if (first !== '{' && first !== '[') throw malformed();
          body = JSON.parse(text);
        } catch {
          fail(malformed());
          return;
        }
        req.body = body;
        handler(req, res).catch(fail);
      });
    };
    let i = 0;
    const next: NextFunction = (err?: unknown) => {
      if (err) return fail(err);
      const step = middleware[i++];
      if (!step) return readBody();
      try {
        const result = step(req, res, next) as unknown;
        if (result instanceof Promise) result.catch(fail);
      } catch (e) {
        fail(e);
      }
    };
    next();
    return true;
  };
}
