/** MikroORM options for a connection URL. Migrations are listed explicitly so they load the same
 * from TypeScript (tests) and compiled JavaScript (production). */
import { DataloaderType, Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Logger } from '../common/logger';
import { ENTITIES } from './entities';
import { MIGRATIONS } from '../migrations';

export interface OrmHooks {
  /** Called with every SQL statement, for tests and benchmarks that count queries. */
  onQuery?: (sql: string) => void;
  poolSize?: number;
  /** Where knex's own messages go (e.g. "Connection Error" when the database drops a pooled connection); else nowhere. */
  log?: Logger;
  /** DATABASE_READ_URL: read replicas, used only where a read is routed there explicitly (common/read-replica.ts). */
  readUrls?: string[];
}

export function ormOptions(databaseUrl: string, hooks: OrmHooks = {}): Options<PostgreSqlDriver> {
  return {
    driver: PostgreSqlDriver,
    clientUrl: databaseUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    // Relations on GraphQL fields are loaded through MikroORM's dataloader: one query per relation per request, not per row.
    dataloader: DataloaderType.ALL,
    forceUtcTimezone: true,
    discovery: { disableDynamicFileAccess: true },
    allowGlobalContext: false,
    pool: { min: 0, max: hooks.poolSize ?? 20 },
    // Each replica gets a pool of the same size. MikroORM would send every read outside a
    // transaction to a replica (preferReadReplicas defaults to true): a client would then miss
    // its own writes for the replica's lag. Here only reads routed explicitly go there.
    replicas: (hooks.readUrls ?? []).map((url, i) => ({ name: `read-${i + 1}`, clientUrl: url })),
    preferReadReplicas: false,
    // knex prints these with console.log, outside the JSON log; a dropped connection is discarded
    // by the pool and replaced on next use, so it is a warning.
    driverOptions: { log: knexLog(hooks.log) },
    migrations: {
      migrationsList: MIGRATIONS,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    debug: hooks.onQuery ? ['query'] : false,
    colors: false,
    logger: hooks.onQuery ?? (() => {}),
  };
}

function knexLog(log?: Logger) {
  const to = (level: 'warn' | 'error' | 'debug') => (message: unknown) =>
    log?.[level]({ knex: typeof message === 'string' ? message : String(message) }, 'database driver');
  return { warn: to('warn'), error: to('error'), deprecate: to('debug'), debug: to('debug') };
}
