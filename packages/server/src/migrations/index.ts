/** Committed migrations, applied in this order at start. Add new ones at the end. */
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127150121 } from './Migration20261127150121';

export const MIGRATIONS: MigrationObject[] = [{ name: 'Migration20261127150121', class: Migration20261127150121 }];
