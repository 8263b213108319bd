/**
 * `pnpm start`: reads the configuration, starts an embedded PostgreSQL when no DATABASE_URL is
 * given, starts the server and stops both cleanly on SIGINT/SIGTERM. With
 * OTEL_EXPORTER_OTLP_ENDPOINT set, traces are exported (src/tracing.ts, loaded first).
 */
// First: tracing (when configured) patches http, express, graphql and pg as they load.
import { configuredTracing } from './tracing';
import 'reflect-metadata';
import { loadConfig } from './config/config';
import { DEMO_ADMIN, firstAdmin } from './config/first-admin';
import { EmbeddedDatabase, startEmbeddedPostgres } from './config/embedded-postgres';
import { createLogger } from './common/logger';
import { describeStartupFailure, reportStartupFailure } from './common/startup-failure';
import { createServer, RunningServer } from './server';

export { DEMO_ADMIN } from './config/first-admin';

async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
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
    const timeoutMs = config.shutdownTimeoutSeconds * 1000;
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

  let databaseUrl = config.databaseUrl;
  // A well-known password (the demo login, compose's placeholder) must be changed at first sign-in.
  const admin = firstAdmin(config);
  const usingDemoLogin = admin.demo;
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
    log.warn(`Created the demo admin ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}. For local use only: set OMS_ADMIN_EMAIL and OMS_ADMIN_PASSWORD for anything else. It must choose a new password at its first sign-in.`);
  } else if (server.createdAdmin) {
    log.info({ email: server.createdAdmin }, 'created the first admin');
  }
  log.info({ url: `http://localhost:${server.port}/graphql`, seed }, `OMS is up on http://localhost:${server.port}/graphql`);
  log.info(`Back office (admin app): http://localhost:${server.port}/`);
}

main().catch((err) => {
  // Before the logger exists (an invalid setting): the same JSON line and sentence.
  reportStartupFailure(describeStartupFailure(err), createLogger('info'));
  process.exit(1);
});
