/** MikroORM options for a connection URL. Migrations are listed explicitly so they load the same
 * from TypeScript (tests) and compiled JavaScript (production). */
import { DataloaderType, Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { ENTITIES } from './entities';
import { MIGRATIONS } from '../migrations';

export interface OrmHooks {
  /** Called with every SQL statement, for tests and benchmarks that count queries. */
  onQuery?: (sql: string) => void;
  poolSize?: number;
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
