/**
 * graphql-ws over `ws`, as `graphql-ws/use/ws` `useServer` does it (the same protocol handling,
 * keep-alive pings every 12 s, close codes), with one difference: a subscription result shared by
 * many subscribers (common/shared-subscribe.ts) is serialised to JSON once, and each subscriber's
 * message is its own envelope (`{"id":...,"type":"next","payload":` ... `}`) around that same text.
 * graphql-ws would serialise the whole message for every subscriber; with 1,000 screens on one
 * channel that is 1,000 serialisations of the same result per update.
 *
 * How: the message replacer (graphql-ws `jsonMessageReplacer`) puts a placeholder for a shared
 * payload and notes its JSON; the socket's `send`, called right after (synchronously, by
 * graphql-ws), puts the JSON in the placeholder's place. Anything else is serialised as usual.
 */
import type http from 'node:http';
import { CloseCode, DEPRECATED_GRAPHQL_WS_PROTOCOL, handleProtocols, makeServer, ServerOptions } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';
import { sharedJson } from './shared-subscribe';
import type { Logger } from './logger';
import { isUnavailable } from './unavailable';

/** WebSocket close code 1013 (Try Again Later): the database is unreachable; clients reconnect. */
const TRY_AGAIN_LATER = 1013;

export interface Extra {
  readonly socket: WebSocket;
  readonly request: http.IncomingMessage;
}

/** Stands for a shared payload in the serialised message: a JSON string no result can produce (a NUL character escaped). */
const PLACEHOLDER = '\u0000oms-shared-payload';
const PLACEHOLDER_JSON = JSON.stringify(PLACEHOLDER);

/** The JSON of the shared payload the replacer last replaced; taken by the `send` that follows. */
let pending: string | undefined;

function replacer(this: unknown, key: string, value: unknown): unknown {
  if (key === 'payload' && value && typeof value === 'object') {
    const json = sharedJson(value);
    if (json !== undefined) {
      pending = json;
      return PLACEHOLDER;
    }
  }
  return value;
}

/** The message with the shared payload's JSON in the placeholder's place. */
function withPayload(data: string): string {
  const json = pending;
  pending = undefined;
  if (json === undefined) return data;
  const at = data.lastIndexOf(PLACEHOLDER_JSON);
  return at < 0 ? data : data.slice(0, at) + json + data.slice(at + PLACEHOLDER_JSON.length);
}

const reasonOf = (err: unknown, isProd: boolean) => {
  if (isProd) return 'Internal server error';
  const msg = err instanceof Error ? err.message : String(err);
  return Buffer.byteLength(msg) > 123 ? 'Internal server error' : msg; // a close reason holds 123 bytes at most
};

export function serveGraphqlWs<P extends Record<string, unknown> | undefined = Record<string, unknown> | undefined>(
  options: ServerOptions<P, Extra> & { isProd?: boolean; log: Logger },
  ws: WebSocketServer,
  keepAlive = 12_000,
): { dispose(): Promise<void> } {
  const log = options.log;
  const isProd = typeof options.isProd === 'boolean' ? options.isProd : process.env.NODE_ENV === 'production';
  const given = options.jsonMessageReplacer;
  const server = makeServer<P, Extra>({
    ...options,
    jsonMessageReplacer: given
      ? function (this: unknown, key: string, value: unknown) {
          return replacer.call(this, key, given.call(this, key, value));
        }
      : replacer,
  });
  ws.options.handleProtocols = handleProtocols;
  ws.once('error', (err) => {
    log.error({ err }, 'WebSocket server error');
    for (const client of ws.clients) {
      try {
        client.close(CloseCode.InternalServerError, reasonOf(err, isProd));
      } catch {
        // closing every other one still
      }
    }
  });
  ws.on('connection', (socket, request) => {
    socket.once('error', (err) => {
      // A frame above the size limit or a broken frame: ws has already closed the socket with its
      // own code (1009, 1002); this close is then a no-op.
      log.warn({ err: { message: err.message, code: (err as { code?: string }).code } }, 'WebSocket connection error');
      socket.close(CloseCode.InternalServerError, reasonOf(err, isProd));
    });
    let pongWait: NodeJS.Timeout | null = null;
    const pingInterval =
      keepAlive > 0 && isFinite(keepAlive)
        ? setInterval(() => {
            if (socket.readyState !== socket.OPEN) return;
            pongWait = setTimeout(() => socket.terminate(), keepAlive);
            socket.once('pong', () => {
              if (pongWait) {
                clearTimeout(pongWait);
                pongWait = null;
              }
            });
            socket.ping();
          }, keepAlive)
        : null;
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) => {
          const message = withPayload(data);
          return new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(message, (err) => (err ? reject(err) : resolve()));
          });
        },
        close: (code, reason) => socket.close(code, reason),
        onMessage: (cb) =>
          socket.on('message', async (event) => {
            try {
              await cb(String(event));
            } catch (err) {
              // The database went away while a message was handled (the session check of a connection
              // or a subscription): the client is asked to come back, as HTTP answers 503.
              if (isUnavailable(err)) {
                log.warn(
                  { err },
                  'WebSocket message not handled: database unreachable; closing with 1013 (Try Again Later)',
                );
                socket.close(TRY_AGAIN_LATER, 'Service temporarily unavailable');
                return;
              }
              log.error({ err }, 'WebSocket message handling failed');
              socket.close(CloseCode.InternalServerError, reasonOf(err, isProd));
            }
          }),
      },
      { socket, request },
    );
    socket.once('close', (code, reason) => {
      if (pongWait) clearTimeout(pongWait);
      if (pingInterval) clearInterval(pingInterval);
      if (
        !isProd &&
        code === CloseCode.SubprotocolNotAcceptable &&
        socket.protocol === DEPRECATED_GRAPHQL_WS_PROTOCOL
      ) {
        log.warn(
          `Client provided the unsupported and deprecated subprotocol "${socket.protocol}" used by subscriptions-transport-ws.`,
        );
      }
      void closed(code, String(reason));
    });
  });
  return {
    dispose: async () => {
      for (const client of ws.clients) client.close(1001, 'Going away');
      ws.removeAllListeners();
      await new Promise<void>((resolve, reject) => ws.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
