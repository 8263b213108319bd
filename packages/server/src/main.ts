/**
 * `pnpm start`: reads the configuration, starts an embedded PostgreSQL when no DATABASE_URL is
 * given, starts the server and stops both cleanly on SIGINT/SIGTERM.
 */
import 'reflect-metadata';
import { loadConfig } from './config/config';
import { DEMO_ADMIN, firstAdmin } from './config/first-admin';
import { EmbeddedDatabase, startEmbeddedPostgres } from './config/embedded-postgres';
import { createLogger } from './common/logger';
import { createServer, RunningServer } from './server';

export { DEMO_ADMIN } from './config/first-admin';

async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  let db: EmbeddedDatabase | undefined;
  let server: RunningServer | undefined;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    try {
      await server?.stop();
      await db?.stop();
    } catch (err) {
      log.error({ err }, 'error during shutdown');
    }
    process.exit(0);
  };
  const onSignals = () => {
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
  };
  onSignals();

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    log.info({ dataDir: config.dataDir }, 'DATABASE_URL not set: starting embedded PostgreSQL');
    db = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
    databaseUrl = db.url;
    // embedded-postgres hooks SIGINT/SIGTERM to stop the database and exit at once, which would cut
    // the server's own shutdown short (job workers, connections). `stop` above stops both, in order.
    process.removeAllListeners('SIGINT');
    process.removeAllListeners('SIGTERM');
    onSignals();
  }
  const seed = config.seed ?? (db?.created ? 'demo' : 'none');
  // A well-known password (the demo login, compose's placeholder) must be changed at first sign-in.
  const admin = firstAdmin(config);
  const usingDemoLogin = admin.demo;

  server = await createServer({ config, databaseUrl, admin, seed, logger: log });
  if (server.createdAdmin && usingDemoLogin) {
    log.warn(`Created the demo admin ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}. For local use only: set OMS_ADMIN_EMAIL and OMS_ADMIN_PASSWORD for anything else. It must choose a new password at its first sign-in.`);
  } else if (server.createdAdmin) {
    log.info({ email: server.createdAdmin }, 'created the first admin');
  }
  log.info({ url: `http://localhost:${server.port}/graphql`, seed }, `OMS is up on http://localhost:${server.port}/graphql`);
  log.info(`Back office (admin app): http://localhost:${server.port}/`);
}

main().catch((err) => {
  // eslint-disable-next-line no-console
  console.error(err);
  process.exit(1);
});
