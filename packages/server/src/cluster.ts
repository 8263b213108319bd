/**
 * OMS_WORKERS above 1: the server as several processes sharing one port (node:cluster), so that
 * every core serves requests. See docs/workers.md.
 *
 * The primary serves nothing itself and loads none of the application: it starts the embedded
 * PostgreSQL when there is no DATABASE_URL, forks the first worker (which applies the migrations,
 * creates the first admin and seeds, as a single process would), and once that one is up forks
 * the others, which find that work done. It replaces a worker that dies (after a delay that
 * doubles with each quick death), passes SIGTERM/SIGINT on to every worker for their graceful
 * shutdown, stops the embedded PostgreSQL only when all of them have exited, and serves
 * OMS_METRICS_PORT with the metrics of every worker (each labelled `worker`).
 *
 * Nothing else needs the primary: every worker LISTENs to the event stream, counts rate limits,
 * checks sessions and works jobs in PostgreSQL (or Redis), exactly like separate servers do.
 */
import cluster, { type Worker } from 'node:cluster';
import net from 'node:net';
import { Client } from 'pg';
import { AggregatorRegistry, type PrometheusContentType } from 'prom-client';
import type { Config } from './config/config';
import type { EmbeddedDatabase } from './config/embedded-postgres';
import type { Logger } from './common/logger';
import { Metrics, startMetricsServer } from './common/metrics';

/** What the primary tells a worker when it forks it (environment variable, JSON). Internal: not a setting. */
export interface WorkerRole {
  /** The first worker of a start: it creates the first admin and seeds; the others and replacements never do. */
  bootstrap: boolean;
  /** Milliseconds of OMS_SHUTDOWN_TIMEOUT_SECONDS the worker leaves to the primary (to stop the embedded PostgreSQL). */
  reserveMs: number;
}

const ROLE_ENV = 'OMS_CLUSTER_WORKER';

/** Messages between the primary and its workers (IPC). */
type ToPrimary = { oms: 'ready'; port: number; createdAdmin?: string } | { oms: 'metrics'; id: number };
type ToWorker = { oms: 'stop'; signal: string } | { oms: 'metrics'; id: number; body?: string; error?: string };

const isOms = (m: unknown): m is { oms: string } =>
  typeof m === 'object' && m !== null && typeof (m as { oms?: unknown }).oms === 'string';

/** First restart delay of a worker that died; it doubles with each death within RESTART_RESET_MS, up to RESTART_MAX_MS. */
const RESTART_MIN_MS = 1000;
const RESTART_MAX_MS = 30_000;
/** A worker that ran this long before dying is restarted after RESTART_MIN_MS again. */
const RESTART_RESET_MS = 60_000;
/** What the primary keeps of the shutdown deadline for stopping the embedded PostgreSQL. */
const EMBEDDED_STOP_RESERVE_MS = 2500;

// ---------------------------------------------------------------- worker side

/**
 * In a worker forked by this primary: its role; otherwise undefined. A process run by another
 * cluster manager (PM2's cluster mode) is a cluster worker too, but not ours: it runs as a single process.
 */
export function workerRole(): WorkerRole | undefined {
  const given = process.env[ROLE_ENV];
  if (!cluster.isWorker || !given) return undefined;
  try {
    const role = JSON.parse(given);
    return { bootstrap: role.bootstrap === true, reserveMs: Number(role.reserveMs) || 0 };
  } catch {
    return undefined;
  }
}

/** The id of this worker (1, 2, ...; a replacement gets the next free number), or undefined in the primary or a single process. */
export const workerId = (): number | undefined => cluster.worker?.id;

/**
 * Call first in a worker: the primary's stop message calls `stop`; the primary's metric
 * requests are answered (with nothing until `workerReady` gives the registry).
 */
export function joinCluster(stop: (reason: string) => void) {
  // Constructing it makes prom-client answer the primary's requests for this worker's metrics.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([]);
  process.on('message', (m: unknown) => {
    if (isOms(m) && m.oms === 'stop') stop((m as ToWorker & { oms: 'stop' }).signal);
  });
  // A primary that disappears (kill -9) disconnects its workers, and Node's cluster ends a worker at once then.
}

/**
 * Call once the worker serves: its metrics get a `worker` label and go to the primary's
 * aggregation; /metrics on the main port (OMS_METRICS_TOKEN) answers with every worker's
 * metrics, whichever worker takes the request; and the primary learns that it is up.
 */
export function workerReady(server: { port: number; metrics: Metrics; createdAdmin?: string }) {
  const id = workerId()!;
  server.metrics.registry.setDefaultLabels({ worker: String(id) });
  AggregatorRegistry.setRegistries([server.metrics.registry]);
  const ownScrape = server.metrics.scrape.bind(server.metrics);
  server.metrics.scrape = () => clusterScrape().catch(() => ownScrape());
  send({ oms: 'ready', port: server.port, createdAdmin: server.createdAdmin });
}

let nextRequest = 0;
const pending = new Map<number, { resolve: (body: string) => void; reject: (err: Error) => void }>();

/** Asks the primary for the metrics of every worker. */
function clusterScrape(): Promise<string> {
  const id = nextRequest++;
  if (pending.size === 0) process.on('message', onMetricsReply);
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => settle(new Error('the primary did not answer')), 6000);
    const settle = (err?: Error, body?: string) => {
      clearTimeout(timer);
      pending.delete(id);
      if (pending.size === 0) process.off('message', onMetricsReply);
      if (err) reject(err);
      else resolve(body!);
    };
    pending.set(id, { resolve: (body) => settle(undefined, body), reject: (err) => settle(err) });
    if (!send({ oms: 'metrics', id })) settle(new Error('not connected to the primary'));
  });
}

function onMetricsReply(m: unknown) {
  if (!isOms(m) || m.oms !== 'metrics') return;
  const reply = m as ToWorker & { oms: 'metrics' };
  const p = pending.get(reply.id);
  if (!p) return;
  if (reply.body !== undefined) p.resolve(reply.body);
  else p.reject(new Error(reply.error ?? 'no metrics'));
}

function send(message: ToPrimary): boolean {
  if (!process.send || !process.connected) return false;
  process.send(message);
  return true;
}

// ---------------------------------------------------------------- primary side

export interface PrimaryOptions {
  config: Config;
  log: Logger;
  /** Starts the embedded PostgreSQL (main.ts passes the same function a single process uses). */
  startEmbedded: () => Promise<EmbeddedDatabase>;
  /** Run last on the way out (tracing's flush). */
  onExit?: () => Promise<unknown>;
  /** Logs a failed start the way a single process does, then the primary exits 1. */
  reportFailure: (err: unknown, ctx: { databaseUrl?: string; port?: number }) => void;
}

interface Slot {
  index: number;
  worker?: Worker;
  startedAt: number;
  ready: boolean;
  /** Deaths in a row, each within RESTART_RESET_MS of its start. */
  failures: number;
  restartTimer?: NodeJS.Timeout;
}

/** Connections one server process may open (README "Database connections"). */
export function connectionsPerProcess(
  config: Pick<Config, 'dbPoolMax' | 'jobsPoolMax' | 'exportPoolMax' | 'redisUrl'>,
): number {
  return config.dbPoolMax + config.jobsPoolMax + config.exportPoolMax + (config.redisUrl ? 0 : 3) + 1;
}

export async function runPrimary(options: PrimaryOptions): Promise<void> {
  const { config, log } = options;
  const count = config.workers;
  const timeoutMs = config.shutdownTimeoutSeconds * 1000;
  let db: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  let stopping = false;
  let starting = true;
  let metricsServer: { port: number; close(): Promise<void> } | undefined;
  const slots: Slot[] = Array.from({ length: count }, (_, index) => ({
    index,
    startedAt: 0,
    ready: false,
    failures: 0,
  }));
  const readyWaiters = new Map<Worker, { resolve: () => void; reject: (err: Error) => void }>();
  const exits = new Map<Worker, Promise<number>>();
  let exitedBadly = false;
  /** The port the workers share (PORT, or the one picked for PORT=0). */
  let port = config.port;

  const alive = () => slots.map((s) => s.worker).filter((w): w is Worker => !!w && !w.isDead());

  const fork = (slot: Slot, bootstrap: boolean, seed: 'demo' | 'none') => {
    const role: WorkerRole = { bootstrap, reserveMs: db ? EMBEDDED_STOP_RESERVE_MS : 0 };
    const worker = cluster.fork({ DATABASE_URL: databaseUrl, OMS_SEED: seed, [ROLE_ENV]: JSON.stringify(role) });
    slot.worker = worker;
    slot.startedAt = Date.now();
    slot.ready = false;
    exits.set(
      worker,
      new Promise<number>((resolve) => worker.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)))),
    );
    worker.on('message', (m: unknown) => onMessage(slot, worker, m));
    worker.once('exit', (code, signal) => onExit(slot, worker, code, signal));
    return worker;
  };

  const whenReady = (worker: Worker) =>
    new Promise<void>((resolve, reject) => readyWaiters.set(worker, { resolve, reject }));

  const onMessage = (slot: Slot, worker: Worker, m: unknown) => {
    if (!isOms(m)) return;
    const message = m as ToPrimary;
    if (message.oms === 'ready') {
      slot.ready = true;
      port = message.port;
      log.info({ worker: worker.id, pid: worker.process.pid }, starting ? 'worker ready' : 'worker replaced');
      readyWaiters.get(worker)?.resolve();
      readyWaiters.delete(worker);
    } else if (message.oms === 'metrics') {
      aggregator.clusterMetrics().then(
        (body) => reply(worker, { oms: 'metrics', id: message.id, body }),
        (err: Error) => reply(worker, { oms: 'metrics', id: message.id, error: err.message }),
      );
    }
  };

  const reply = (worker: Worker, message: ToWorker) => {
    if (worker.isConnected()) worker.send(message);
  };

  const onExit = (slot: Slot, worker: Worker, code: number | null, signal: string | null) => {
    const waiter = readyWaiters.get(worker);
    readyWaiters.delete(worker);
    if (stopping) {
      if (code !== 0) exitedBadly = true;
      log.info({ worker: worker.id, pid: worker.process.pid, code, signal }, 'worker exited');
      return;
    }
    if (waiter && starting) {
      waiter.reject(
        new WorkerStartFailed(`worker ${worker.id} exited with ${signal ?? `code ${code}`} while starting`),
      );
      return;
    }
    // A worker died while serving (or its replacement while starting): replace it, later each time it dies quickly.
    if (Date.now() - slot.startedAt > RESTART_RESET_MS) slot.failures = 0;
    const delayMs = Math.min(RESTART_MAX_MS, RESTART_MIN_MS * 2 ** slot.failures);
    slot.failures++;
    log.error(
      { worker: worker.id, pid: worker.process.pid, code, signal, restartInMs: delayMs },
      'worker exited unexpectedly: starting a replacement',
    );
    slot.restartTimer = setTimeout(() => {
      slot.restartTimer = undefined;
      if (!stopping) fork(slot, false, 'none');
    }, delayMs);
  };

  // Every worker's metrics, each series labelled with its worker: OMS_METRICS_PORT here, /metrics on the main port in the workers.
  const aggregator = new AggregatorRegistry<PrometheusContentType>();

  const stop = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, timeoutMs, workers: alive().length }, 'shutting down');
    setTimeout(() => {
      log.error({ timeoutMs }, 'shutdown did not finish within OMS_SHUTDOWN_TIMEOUT_SECONDS: exiting anyway');
      for (const w of alive()) w.process.kill('SIGKILL');
      process.exit(1);
    }, timeoutMs + 1000).unref();
    for (const slot of slots) if (slot.restartTimer) clearTimeout(slot.restartTimer);
    const running = alive();
    for (const w of running) {
      if (w.isConnected()) w.send({ oms: 'stop', signal } satisfies ToWorker);
      else w.process.kill('SIGTERM');
    }
    // Workers end themselves at their deadline; one that does not is killed, so that the database can stop.
    const workersDeadline = timeoutMs - (db ? EMBEDDED_STOP_RESERVE_MS : 0) + 500;
    const killer = setTimeout(() => {
      for (const w of alive()) {
        log.error({ worker: w.id, pid: w.process.pid }, 'worker did not stop in time: killing it');
        w.process.kill('SIGKILL');
      }
    }, workersDeadline);
    await Promise.all(running.map((w) => exits.get(w)));
    clearTimeout(killer);
    try {
      await metricsServer?.close();
      await db?.stop();
      await options.onExit?.();
    } catch (err) {
      log.error({ err }, 'error during shutdown');
      exitCode = 1;
    }
    log.info({ workers: count }, 'stopped');
    process.exit(exitedBadly ? 1 : exitCode);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    if (!databaseUrl) {
      log.info({ dataDir: config.dataDir }, 'DATABASE_URL not set: starting embedded PostgreSQL');
      db = await options.startEmbedded();
      databaseUrl = db.url;
      log.info({ databaseDir: db.databaseDir, pid: db.pid }, 'embedded PostgreSQL is up');
    }
    await checkConnections(databaseUrl, config, log);
    // The workers' listen fails on a port in use too, but less clearly (through the cluster): say it here.
    if (config.port) await portFree(config.port);
    if (config.metricsPort !== undefined) {
      metricsServer = await startMetricsServer(new ClusterMetrics(aggregator), config.metricsPort, config.metricsHost);
    }
    const seed = config.seed ?? (db?.created ? 'demo' : 'none');
    log.info({ workers: count }, `starting ${count} workers`);
    // The first worker alone: the migrations, the first admin and the seed, once.
    const first = fork(slots[0], true, seed);
    await whenReady(first);
    await Promise.all(slots.slice(1).map((slot) => whenReady(fork(slot, false, 'none'))));
    starting = false;
    if (stopping) return;
    log.info(
      {
        url: `http://localhost:${port}/graphql`,
        seed,
        workers: count,
        pids: alive().map((w) => w.process.pid),
        metricsPort: metricsServer?.port,
      },
      `OMS is up on http://localhost:${port}/graphql with ${count} workers`,
    );
  } catch (err) {
    if (stopping) return;
    stopping = true;
    for (const w of alive()) w.process.kill('SIGTERM');
    await Promise.all([...exits.values()]);
    // A worker that failed has said why in its own start-up failure line.
    if (err instanceof WorkerStartFailed)
      log.fatal({ err: err.message }, 'a worker could not start (its error is logged above): stopping');
    else options.reportFailure(err, { databaseUrl: config.databaseUrl, port: config.port });
    await metricsServer?.close().catch(() => undefined);
    await db?.stop().catch(() => undefined);
    process.exit(1);
  }
}

class WorkerStartFailed extends Error {}

/** Metrics whose exposition is every worker's, gathered by the primary. */
class ClusterMetrics extends Metrics {
  constructor(private readonly aggregator: AggregatorRegistry<PrometheusContentType>) {
    super({ defaultMetrics: false });
  }

  override scrape(): Promise<string> {
    return this.aggregator.clusterMetrics();
  }
}

/** Resolves when `port` can be listened on (all interfaces, as the workers do); throws listen's EADDRINUSE otherwise. */
function portFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(port, '0.0.0.0', () => probe.close(() => resolve()));
  });
}

/**
 * Warns when the pools of all workers together could ask for more connections than the database
 * allows (each worker has its own pools). Also the first contact with the database: a wrong
 * DATABASE_URL fails here, before any worker starts.
 */
async function checkConnections(databaseUrl: string, config: Config, log: Logger) {
  const client = new Client({ connectionString: databaseUrl, application_name: 'oms-primary' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const {
      rows: [{ max_connections: max }],
    } = await client.query<{ max_connections: string }>('show max_connections');
    const perProcess = connectionsPerProcess(config);
    const total = perProcess * config.workers;
    if (total > Number(max) - 3) {
      log.warn(
        { workers: config.workers, perProcess, total, maxConnections: Number(max) },
        `${config.workers} workers may open ${total} database connections (${perProcess} each) but PostgreSQL allows ${max}: lower OMS_DB_POOL_MAX (or OMS_WORKERS), or raise max_connections`,
      );
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
