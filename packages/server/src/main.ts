/**
 * `pnpm start`: reads the configuration, starts an embedded PostgreSQL when no DATABASE_URL is
 * given, starts the server and stops both cleanly on SIGINT/SIGTERM. With
 * OTEL_EXPORTER_OTLP_ENDPOINT set, traces are exported (src/tracing.ts, loaded first).
 *
 * With OMS_WORKERS above 1 this process is the primary of a cluster (src/cluster.ts): it starts
 * the embedded PostgreSQL and forks the workers, which run this same file as workers.
 */
// First: tracing (when configured) patches http, express, graphql and pg as they load.
import { configuredTracing } from './tracing';
import 'reflect-metadata';
import cluster from 'node:cluster';
import { loadConfig } from './config/config';
import { DEMO_ADMIN, firstAdmin } from './config/first-admin';
import { EmbeddedDatabase, startEmbeddedPostgres } from './config/embedded-postgres';
import { createLogger } from './common/logger';
import { describeStartupFailure, reportStartupFailure } from './common/startup-failure';
import type { RunningServer } from './server';
import { joinCluster, runPrimary, workerReady, workerRole } from './cluster';

export { DEMO_ADMIN } from './config/first-admin';

async function main() {
  const config = loadConfig();
  const role = workerRole();
  const log = role
    ? createLogger(config.logLevel).child({ worker: cluster.worker!.id })
    : createLogger(config.logLevel);
  if (!role && config.workers > 1) {
    // The primary: no server of its own (src/cluster.ts).
    await runPrimary({
      config,
      log,
      startEmbedded: () => startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, log),
      onExit: async () => configuredTracing?.shutdown(),
      reportFailure: (err, ctx) => reportStartupFailure(describeStartupFailure(err, ctx), log),
    });
    return;
  }
  // A single process (OMS_WORKERS unset or 1) or one worker of a cluster, which the primary gives
  // DATABASE_URL and OMS_SEED; only its first worker creates the first admin; the primary serves OMS_METRICS_PORT.
  if (role) config.metricsPort = undefined;
  // The application, loaded here: a cluster's primary never loads it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createServer } = require('./server') as typeof import('./server');
  let db: EmbeddedDatabase | undefined;
  let server: RunningServer | undefined;

  // Last resort: every connection has its own error handling; a rejection nobody handled is a
  // bug to fix, logged as JSON, and not a reason to drop every request in flight.
  process.on('unhandledRejection', (reason) => {
    log.error({ err: reason }, 'unhandled promise rejection (a bug: please report it); the server keeps running');
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Everything, the embedded database included, within OMS_SHUTDOWN_TIMEOUT_SECONDS: the server
    // gets that minus what the database needs to stop; past the whole of it the process exits anyway.
    // A worker leaves the primary the time it needs to stop the embedded PostgreSQL after it.
    const timeoutMs = config.shutdownTimeoutSeconds * 1000 - (role?.reserveMs ?? 0);
    log.info({ signal, timeoutMs }, 'shutting down');
    setTimeout(() => {
      log.error({ timeoutMs }, 'shutdown did not finish within OMS_SHUTDOWN_TIMEOUT_SECONDS: exiting anyway');
      process.exit(1);
    }, timeoutMs);
    try {
      await server?.stop({ timeoutMs: Math.max(1000, timeoutMs - (db ? 2500 : 500)) });
      await db?.stop();
      await configuredTracing?.shutdown();
    } catch (err) {
      log.error({ err }, 'error during shutdown');
    }
    log.info('stopped');
    process.exit(0);
  };
  const onSignals = () => {
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
  };
  onSignals();
  // A worker also stops when its primary tells it to.
  if (role) joinCluster((reason) => void stop(reason));

  let databaseUrl = config.databaseUrl;
  // A well-known password (the demo login, compose's placeholder) must be changed at first sign-in.
  const admin = !role || role.bootstrap ? firstAdmin(config) : undefined;
  const usingDemoLogin = admin?.demo;
  let seed: 'demo' | 'none' = 'none';
  try {
    if (!databaseUrl) {
      log.info({ dataDir: config.dataDir }, 'DATABASE_URL not set: starting embedded PostgreSQL');
      db = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, log);
      databaseUrl = db.url;
      log.info({ databaseDir: db.databaseDir, pid: db.pid }, 'embedded PostgreSQL is up');
    }
    seed = config.seed ?? (db?.created ? 'demo' : 'none');
    server = await createServer({ config, databaseUrl, admin, seed, logger: log });
  } catch (err) {
    // One clear line (and sentence) naming the cause and the fix, the embedded database stopped, exit 1.
    reportStartupFailure(describeStartupFailure(err, { databaseUrl: config.databaseUrl, port: config.port }), log);
    await db?.stop().catch(() => {});
    process.exit(1);
  }
  if (server.createdAdmin && usingDemoLogin) {
    log.warn(
      `Created the demo admin ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}. For local use only: set OMS_ADMIN_EMAIL and OMS_ADMIN_PASSWORD for anything else. It must choose a new password at its first sign-in.`,
    );
  } else if (server.createdAdmin) {
    log.info({ email: server.createdAdmin }, 'created the first admin');
  }
  if (role) {
    log.info({ port: server.port, pid: process.pid }, 'worker serving');
    workerReady(server);
    return;
  }
  log.info(
    { url: `http://localhost:${server.port}/graphql`, seed },
    `OMS is up on http://localhost:${server.port}/graphql`,
  );
  log.info(`Back office (admin app): http://localhost:${server.port}/`);
}

main().catch((err) => {
  // Before the logger exists (an invalid setting): the same JSON line and sentence.
  reportStartupFailure(describeStartupFailure(err), createLogger('info'));
  process.exit(1);
});
