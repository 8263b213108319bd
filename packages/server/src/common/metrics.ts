/**
 * Prometheus metrics of one server: its own registry (tests run several servers in one process,
 * so nothing goes to prom-client's global registry), the metric definitions, an Apollo plugin
 * that times GraphQL operations, an Express middleware that times HTTP requests, and gauges read
 * at scrape time (database pools, job queues, event stream, WebSocket connections).
 *
 * Label values stay bounded: HTTP requests are labelled with their route pattern (never the raw
 * path), GraphQL operations with their name, capped at MAX_OPERATION_NAMES distinct names.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectDefaultMetrics, Counter, Gauge, type GaugeConfiguration, Histogram, Registry } from 'prom-client';
import type { RequestContext } from './context';

/** Distinct GraphQL operation names (and error codes) kept as label values; later ones count as `other`. */
export const MAX_OPERATION_NAMES = 200;
const MAX_ERROR_CODES = 50;
/** Job-queue counts are read at most this often (a scrape every few seconds costs one query). */
const QUEUE_CACHE_MS = 5000;

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** What a connection pool reports. */
export interface PoolStats {
  /** Connections open (in use and idle). */
  size: number;
  inUse: number;
  /** Callers waiting for a connection. */
  waiting: number;
  max?: number;
}

/** A tarn pool (knex's, so MikroORM's). */
interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  max?: number;
}
/** A node-postgres pool. */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

export const tarnPoolStats = (pool: TarnPool | undefined): PoolStats | undefined =>
  pool && {
    size: pool.numUsed() + pool.numFree(),
    inUse: pool.numUsed(),
    waiting: pool.numPendingAcquires(),
    max: pool.max,
  };
export const pgPoolStats = (pool: PgPool | undefined): PoolStats | undefined =>
  pool && {
    size: pool.totalCount,
    inUse: pool.totalCount - pool.idleCount,
    waiting: pool.waitingCount,
    max: pool.options?.max,
  };

export interface QueueCounts {
  /** Jobs by queue and state (`created`, `retry`, `active`). */
  depth: { queue: string; state: string; count: number }[];
  /** Jobs waiting in each queue's dead-letter queue, by the queue they came from. */
  deadLetters: { queue: string; count: number }[];
}

/** Where the scrape-time gauges read from; each is optional (and a failing source is skipped). */
export interface MetricSources {
  pools?: () => Record<string, PoolStats | undefined>;
  queues?: () => Promise<QueueCounts>;
  eventStream?: () => { lastPublishedAt?: Date; connected: boolean };
  webSockets?: () => { connections: number; subscriptions: number };
  /** Read replicas (DATABASE_READ_URL): reachable or not, and their replay lag. */
  replicas?: () => Promise<{ name: string; up: boolean; lagSeconds?: number }[]>;
}

/** What a finished webhook delivery attempt is counted as. */
export type WebhookOutcome = 'delivered' | 'retrying' | 'failed';

/** Keeps at most `max` distinct values; the rest become `other`. */
class BoundedLabel {
  private readonly seen = new Set<string>();
  constructor(private readonly max: number) {}
  of(value: string): string {
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.max) return 'other';
    this.seen.add(value);
    return value;
  }
}

/** A label-safe operation name: GraphQL names are [_A-Za-z][_0-9A-Za-z]*; anything else is anonymous. */
const operationLabel = (name: string | null | undefined) =>
  name && /^[_A-Za-z][_0-9A-Za-z]{0,99}$/.test(name) ? name : 'anonymous';

export class Metrics {
  readonly registry = new Registry();
  readonly contentType = this.registry.contentType;
  private readonly operationNames = new BoundedLabel(MAX_OPERATION_NAMES);
  private readonly errorCodes = new BoundedLabel(MAX_ERROR_CODES);
  private sources: MetricSources = {};
  private queueCache?: { at: number; counts: Promise<QueueCounts> };
  private replicaCache?: { at: number; status: Promise<{ name: string; up: boolean; lagSeconds?: number }[]> };

  readonly httpDuration = new Histogram({
    name: 'oms_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });
  readonly graphqlDuration = new Histogram({
    name: 'oms_graphql_operation_duration_seconds',
    help: 'GraphQL operations over HTTP by operation name (anonymous, other beyond 200 names), type and outcome (ok or the first error code)',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });
  readonly graphqlErrors = new Counter({
    name: 'oms_graphql_errors_total',
    help: 'GraphQL errors returned to clients, by error code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  readonly webhookDeliveries = new Counter({
    name: 'oms_webhook_delivery_attempts_total',
    help: 'Webhook delivery attempts by outcome (delivered, retrying, failed: given up)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly webhookLatency = new Histogram({
    name: 'oms_webhook_delivery_duration_seconds',
    help: 'Time from sending a webhook request to its answer (or failure), by outcome',
    labelNames: ['outcome'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    this.scrapeGauge(
      {
        name: 'oms_db_pool_connections',
        help: 'Open connections of a database pool (in use and idle)',
        labelNames: ['pool'] as const,
      },
      (gauge) => {
        this.setPools(gauge, 'size');
      },
    );
    this.scrapeGauge(
      {
        name: 'oms_db_pool_connections_in_use',
        help: 'Connections of a database pool in use',
        labelNames: ['pool'] as const,
      },
      (gauge) => {
        this.setPools(gauge, 'inUse');
      },
    );
    this.scrapeGauge(
      {
        name: 'oms_db_pool_waiting',
        help: 'Callers waiting for a connection of a database pool',
        labelNames: ['pool'] as const,
      },
      (gauge) => {
        this.setPools(gauge, 'waiting');
      },
    );
    this.scrapeGauge(
      {
        name: 'oms_db_pool_max',
        help: 'Largest size of a database pool',
        labelNames: ['pool'] as const,
      },
      (gauge) => {
        this.setPools(gauge, 'max');
      },
    );
    this.scrapeGauge(
      {
        name: 'oms_job_queue_jobs',
        help: 'Jobs in a queue by state (created: waiting, retry: waiting to be retried, active: running)',
        labelNames: ['queue', 'state'] as const,
      },
      async (gauge) => {
        const counts = await this.queueCounts();
        gauge.reset();
        for (const d of counts?.depth ?? []) gauge.set({ queue: d.queue, state: d.state }, d.count);
      },
    );
    this.scrapeGauge(
      {
        name: 'oms_job_dead_letters',
        help: 'Jobs that used up their retries, waiting in the dead-letter queue of a queue',
        labelNames: ['queue'] as const,
      },
      async (gauge) => {
        const counts = await this.queueCounts();
        gauge.reset();
        for (const d of counts?.deadLetters ?? []) gauge.set({ queue: d.queue }, d.count);
      },
    );
    this.scrapeGauge(
      {
        name: 'oms_event_stream_connected',
        help: '1 while the event stream listens to PostgreSQL, 0 while it reconnects',
      },
      (gauge) => {
        const s = this.read(() => this.sources.eventStream?.());
        if (s) gauge.set(s.connected ? 1 : 0);
      },
    );
    this.scrapeGauge(
      {
        name: 'oms_event_stream_last_published_timestamp_seconds',
        help: 'When the event stream last published a subscription update (Unix time; within OMS_EVENT_STABLE_WAIT_MS of its commit)',
      },
      (gauge) => {
        const at = this.read(() => this.sources.eventStream?.())?.lastPublishedAt;
        if (at) gauge.set(at.getTime() / 1000);
      },
    );
    this.scrapeGauge(
      {
        name: 'oms_event_stream_lag_seconds',
        help: 'Seconds since the event stream last published a subscription update (also grows while nothing changes)',
      },
      (gauge) => {
        const at = this.read(() => this.sources.eventStream?.())?.lastPublishedAt;
        if (at) gauge.set(Math.max(0, (Date.now() - at.getTime()) / 1000));
      },
    );
    this.scrapeGauge(
      {
        name: 'oms_ws_connections',
        help: 'Open WebSocket connections',
      },
      (gauge) => {
        const s = this.read(() => this.sources.webSockets?.());
        if (s) gauge.set(s.connections);
      },
    );
    this.scrapeGauge(
      {
        name: 'oms_ws_subscriptions',
        help: 'Active GraphQL subscriptions over WebSocket',
      },
      (gauge) => {
        const s = this.read(() => this.sources.webSockets?.());
        if (s) gauge.set(s.subscriptions);
      },
    );
    this.scrapeGauge(
      {
        name: 'oms_db_replica_up',
        help: 'Whether a read replica (DATABASE_READ_URL) answered at this scrape: 1 up, 0 down',
        labelNames: ['replica'] as const,
      },
      async (gauge) => {
        gauge.reset();
        for (const r of (await this.replicaStatus()) ?? []) gauge.set({ replica: r.name }, r.up ? 1 : 0);
      },
    );
    this.scrapeGauge(
      {
        name: 'oms_db_replica_lag_seconds',
        help: 'Replay lag of a read replica: 0 when it has replayed all it received, else the age of the last transaction it replayed',
        labelNames: ['replica'] as const,
      },
      async (gauge) => {
        gauge.reset();
        for (const r of (await this.replicaStatus()) ?? [])
          if (r.lagSeconds !== undefined) gauge.set({ replica: r.name }, r.lagSeconds);
      },
    );
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  /** A gauge of this registry whose value is set at scrape time by `collect`, given the gauge. */
  private scrapeGauge<T extends string>(
    config: Omit<GaugeConfiguration<T>, 'registers' | 'collect'>,
    collect: (gauge: Gauge<T>) => void | Promise<void>,
  ): Gauge<T> {
    return new Gauge<T>({
      ...config,
      registers: [this.registry],
      collect() {
        return collect(this);
      },
    });
  }

  /** Connects the scrape-time gauges to what they read (called once the server has built its parts). */
  observe(sources: MetricSources): void {
    this.sources = { ...this.sources, ...sources };
  }

  /** The text exposition of every metric. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  /** One finished webhook delivery attempt; `latencyMs` only when a request was sent. */
  webhookAttempt(outcome: WebhookOutcome, latencyMs?: number): void {
    this.webhookDeliveries.inc({ outcome });
    if (latencyMs !== undefined) this.webhookLatency.observe({ outcome }, latencyMs / 1000);
  }

  /** Times every HTTP request once it has been answered (or the client went away). */
  httpMiddleware() {
    return (req: Request, res: Response, next: NextFunction) => {
      const end = this.httpDuration.startTimer();
      res.once('close', () => end({ method: req.method, route: routeOf(req, res), status: String(res.statusCode) }));
      next();
    };
  }

  /** Times GraphQL operations over HTTP and counts their errors by code. */
  apolloPlugin(): ApolloServerPlugin<RequestContext> {
    return {
      requestDidStart: async () => {
        const end = this.graphqlDuration.startTimer();
        return {
          willSendResponse: async ({ response, operationName, operation }) => {
            const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
            const codes = errors.map((e) => this.errorCodes.of(String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')));
            for (const code of codes) this.graphqlErrors.inc({ code });
            end({
              operation: this.operationNames.of(operationLabel(operationName)),
              type: operation?.operation ?? 'unknown',
              outcome: codes[0] ?? 'ok',
            });
          },
        };
      },
    };
  }

  private setPools(gauge: Gauge<'pool'>, field: keyof PoolStats) {
    gauge.reset();
    const pools = this.read(() => this.sources.pools?.()) ?? {};
    for (const [pool, stats] of Object.entries(pools)) {
      const value = stats?.[field];
      if (value !== undefined) gauge.set({ pool }, value);
    }
  }

  private read<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch {
      return undefined;
    }
  }

  /** Replica status, probed once for both replica gauges of a scrape. */
  private async replicaStatus() {
    const source = this.sources.replicas;
    if (!source) return undefined;
    if (!this.replicaCache || Date.now() - this.replicaCache.at > 500)
      this.replicaCache = { at: Date.now(), status: source() };
    return this.replicaCache.status.catch(() => undefined);
  }

  /** Queue counts, read once for both gauges of a scrape and cached briefly. */
  private async queueCounts(): Promise<QueueCounts | undefined> {
    const source = this.sources.queues;
    if (!source) return undefined;
    if (!this.queueCache || Date.now() - this.queueCache.at > QUEUE_CACHE_MS) {
      this.queueCache = { at: Date.now(), counts: source() };
    }
    try {
      return await this.queueCache.counts;
    } catch {
      this.queueCache = undefined; // the database is away: no queue gauges in this scrape
      return undefined;
    }
  }
}

/**
 * The route pattern of a request, for labels: Express's matched route where there is one,
 * else the fixed mount points; anything else (static files, unknown paths) is one value.
 */
function routeOf(req: Request, res: Response): string {
  const path = (req.originalUrl ?? req.url).split('?')[0];
  if (req.route && typeof req.route.path === 'string') {
    const full = `${req.baseUrl ?? ''}${req.route.path}`;
    // The routes this server defines are all rooted; a pattern never carries ids.
    return full.startsWith('/') ? full : `/${full}`;
  }
  if (path === '/graphql') return '/graphql';
  if (req.route) return 'admin-app';
  return res.statusCode === 404 ? 'unmatched' : 'static';
}

/**
 * GET /metrics on the main port: off (404) unless a token is configured, then only with
 * `Authorization: Bearer <token>` (401 otherwise). The separate metrics port needs no token.
 */
export function metricsRoute(metrics: Metrics, token: string | undefined) {
  const expected = token ? createHash('sha256').update(token).digest() : undefined;
  return async (req: Request, res: Response) => {
    if (!expected) {
      res.status(404).json({
        error: {
          code: 'NOT_FOUND',
          message: 'Metrics are not served on this port (see OMS_METRICS_TOKEN, OMS_METRICS_PORT)',
        },
      });
      return;
    }
    const given = /^Bearer\s+(\S+)$/i.exec(req.header('authorization')?.trim() ?? '')?.[1];
    if (!given || !timingSafeEqual(createHash('sha256').update(given).digest(), expected)) {
      res.setHeader('www-authenticate', 'Bearer realm="metrics"');
      res.status(401).json({
        error: { code: 'UNAUTHENTICATED', message: 'GET /metrics needs Authorization: Bearer <OMS_METRICS_TOKEN>' },
      });
      return;
    }
    await sendMetrics(metrics, res);
  };
}

async function sendMetrics(metrics: Metrics, res: http.ServerResponse) {
  try {
    const body = await metrics.scrape();
    res.statusCode = 200;
    res.setHeader('content-type', metrics.contentType);
    res.setHeader('cache-control', 'no-store');
    res.end(body);
  } catch {
    res.statusCode = 500;
    res.end('metrics unavailable\n');
  }
}

/** A plain HTTP server that answers GET /metrics only (bound to `host`, loopback by default). */
export async function startMetricsServer(
  metrics: Metrics,
  port: number,
  host: string,
): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if ((req.url ?? '').split('?')[0] === '/metrics' && (req.method === 'GET' || req.method === 'HEAD')) {
      void sendMetrics(metrics, res);
      return;
    }
    res.statusCode = 404;
    res.setHeader('content-type', 'text/plain');
    res.end('Only GET /metrics is served on this port\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
