/**
 * Readiness and graceful shutdown of one server process.
 *
 * Readiness (`GET /readyz`) reports each part the process needs: the database (the ORM's pool
 * can run a statement), the job queue (pg-boss is started and its pool reaches the database) and
 * the event stream (the LISTEN connection is up). 503 while any is down, or while stopping.
 *
 * Shutdown runs in this order, within one deadline: readiness turns 503 (`stopping`); new HTTP
 * requests are refused (503, `Connection: close`; /healthz keeps answering); requests in flight
 * finish; WebSocket clients are closed with 1012 (Service Restart) so that they reconnect
 * elsewhere; then the caller stops job workers and closes the pools. Past the deadline the
 * remaining steps are forced.
 */
import type { NextFunction, Request, Response } from 'express';
import type http from 'node:http';
import type { WebSocketServer } from 'ws';
import type { Logger } from './logger';
import { RETRY_AFTER_SECONDS } from './unavailable';

export type PartState = 'up' | 'down';

export interface Readiness {
  status: 'ok' | 'unavailable' | 'stopping';
  database: PartState;
  jobs: PartState;
  eventStream: PartState;
}

export interface ReadinessChecks {
  database: () => Promise<unknown>;
  jobs: () => Promise<boolean>;
  eventStream: () => boolean;
}

/** WebSocket close code 1012: the server restarts; clients should reconnect. */
export const WS_SERVICE_RESTART = 1012;

/** A readiness probe that does not answer within this is counted as down. */
const CHECK_TIMEOUT_MS = 2000;

const within = <T>(p: Promise<T>, ms: number) => {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))),
  ]);
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Lifecycle {
  private stopping = false;
  private inFlight = 0;
  private idle?: () => void;

  constructor(private readonly log: Logger) {}

  get isStopping(): boolean {
    return this.stopping;
  }

  /**
   * First in the Express stack: counts requests in flight, and once stopping refuses new ones
   * (except the probes) with 503 and `Connection: close`, so keep-alive clients move elsewhere.
   */
  readonly gate = (req: Request, res: Response, next: NextFunction) => {
    if (req.path === '/healthz' || req.path === '/readyz') return next();
    if (this.stopping) {
      res.setHeader('connection', 'close');
      res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
      res.status(503).json({
        errors: [
          {
            message: 'The server is shutting down: retry (another instance will answer)',
            extensions: { code: 'SERVICE_UNAVAILABLE' },
          },
        ],
      });
      return;
    }
    this.inFlight++;
    let done = false;
    const finished = () => {
      if (done) return;
      done = true;
      this.inFlight--;
      if (this.inFlight === 0) this.idle?.();
    };
    res.once('finish', finished);
    res.once('close', finished);
    next();
  };

  /** `GET /readyz`. */
  readiness(checks: ReadinessChecks) {
    return async (_req: Request, res: Response) => {
      const [database, jobs] = await Promise.all([
        within(checks.database(), CHECK_TIMEOUT_MS).then(
          () => 'up' as const,
          () => 'down' as const,
        ),
        within(checks.jobs(), CHECK_TIMEOUT_MS).then(
          (ok) => (ok ? 'up' : 'down') as PartState,
          () => 'down' as const,
        ),
      ]);
      const eventStream: PartState = checks.eventStream() ? 'up' : 'down';
      const parts = { database, jobs, eventStream };
      const allUp = Object.values(parts).every((p) => p === 'up');
      const status: Readiness['status'] = this.stopping ? 'stopping' : allUp ? 'ok' : 'unavailable';
      res.status(status === 'ok' ? 200 : 503).json({ status, ...parts } satisfies Readiness);
    };
  }

  /** Readiness turns 503 and new requests are refused from now on. */
  beginStop() {
    this.stopping = true;
  }

  /** Waits until no HTTP request is in flight, or the deadline; returns how many are still running. */
  async drainRequests(deadline: number): Promise<number> {
    while (this.inFlight > 0 && Date.now() < deadline) {
      await Promise.race([
        new Promise<void>((resolve) => (this.idle = resolve)),
        sleep(Math.max(0, deadline - Date.now())),
      ]);
      this.idle = undefined;
    }
    return this.inFlight;
  }

  /** Closes every WebSocket with 1012 (Service Restart) and waits for them to go, terminating the rest at the deadline. */
  async closeSockets(wsServer: WebSocketServer, deadline: number): Promise<void> {
    const open = [...wsServer.clients];
    this.log.info({ sockets: open.length }, 'shutdown: closing WebSockets with 1012 (Service Restart)');
    if (!open.length) return;
    const closed = Promise.all(
      open.map(
        (socket) =>
          new Promise<void>((resolve) => {
            if (socket.readyState === socket.CLOSED) return resolve();
            socket.once('close', () => resolve());
            socket.close(WS_SERVICE_RESTART, 'Service Restart');
          }),
      ),
    );
    // A client that does not answer the close handshake is cut off (ws terminates it itself after 30 s).
    await Promise.race([closed, sleep(Math.max(0, Math.min(deadline - Date.now(), 2000)))]);
    const stuck = open.filter((socket) => socket.readyState !== socket.CLOSED);
    if (stuck.length)
      this.log.warn({ sockets: stuck.length }, 'shutdown: WebSockets that did not close in time were cut');
    for (const socket of stuck) socket.terminate();
  }

  /**
   * The whole shutdown: readiness 503 and new requests refused, requests in flight finished (cut
   * at the deadline), WebSockets closed with 1012, then `steps` in order. Each step is started
   * in turn; past the deadline none is waited for any more (a request stuck on a lock must not
   * keep the process, or the embedded database, from stopping).
   */
  async shutdown(o: {
    httpServer: http.Server;
    wsServer: WebSocketServer;
    timeoutMs: number;
    steps: [string, (left: () => number) => Promise<unknown>][];
  }) {
    const deadline = Date.now() + o.timeoutMs;
    const left = () => Math.max(0, deadline - Date.now());
    this.beginStop();
    this.log.info(
      { timeoutMs: o.timeoutMs },
      'shutdown: readiness 503, refusing new requests, finishing requests in flight',
    );
    if (await this.drainRequests(deadline)) this.forceClose(o.httpServer);
    await this.closeSockets(o.wsServer, deadline);
    for (const [name, run] of o.steps) {
      const began = Date.now();
      const done = run(left).then(
        () => this.log.debug({ step: name, ms: Date.now() - began }, 'shutdown: step done'),
        (err) => this.log.warn({ err, step: name }, 'shutdown: step failed'),
      );
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), left())));
      if (await Promise.race([done.then(() => false), late]))
        this.log.warn({ step: name }, 'shutdown: deadline passed, not waiting for this step');
      clearTimeout(timer);
    }
    this.log.info({ tookMs: o.timeoutMs - left(), timedOut: left() === 0 }, 'shutdown: server stopped');
  }

  /** Past the deadline: cuts every HTTP connection still open. */
  forceClose(httpServer: http.Server) {
    httpServer.closeAllConnections();
    this.log.warn({ inFlight: this.inFlight }, 'shutdown: deadline passed, closed the remaining connections');
  }
}
