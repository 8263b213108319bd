/**
 * Creates a migration from the difference between the entities and the database at DATABASE_URL
 * (which should have every existing migration applied), then prints its file name.
 * Usage: DATABASE_URL=postgres://... pnpm migration:create [--initial]
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import path from 'node:path';
import { ormOptions } from '../src/config/mikro-orm.config';

async function run() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const options = ormOptions(url);
  options.migrations = {
    ...options.migrations,
    migrationsList: undefined,
    path: path.join(__dirname, '../src/migrations'),
    emit: 'ts',
    snapshot: false,
    glob: 'Migration*.{js,ts}',
  };
  const orm = await MikroORM.init(options);
  const initial = process.argv.includes('--initial');
  const result = await orm.migrator.createMigration(undefined, false, initial);
  console.log(result.fileName || 'no changes');
  await orm.close(true);
}

run().catch((e) => {
  console.error(e);
  process.exit(1);
});
