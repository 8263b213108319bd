/**
 * Committed migrations, applied in this order at start. Add new ones at the end.
 * (`pnpm --filter @oms/server migration:create` always proposes `alter column "seq" type int8` on
 * order_history: MikroORM's introspection of that sequence-backed column; it changes nothing, so
 * drop that line from a new migration.)
 */
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127150121 } from './Migration20261127150121';
import { Migration20261127160721 } from './Migration20261127160721';
import { Migration20261127171601 } from './Migration20261127171601';
import { Migration20261127180000 } from './Migration20261127180000';
import { Migration20261127190000 } from './Migration20261127190000';
import { Migration20261127200000 } from './Migration20261127200000';
import { Migration20261127201000 } from './Migration20261127201000';
import { Migration20261127202000 } from './Migration20261127202000';
import { Migration20261127203000 } from './Migration20261127203000';
import { Migration20261127204000 } from './Migration20261127204000';
import { Migration20261127205000 } from './Migration20261127205000';
import { Migration20261206230000_stream } from './Migration20261206230000_stream';
import { Migration20261206230000_boundaries } from './Migration20261206230000_boundaries';
import { Migration20261207020000_search } from './Migration20261207020000_search';
import { Migration20261207100000_sales_daily } from './Migration20261207100000_sales_daily';
import { Migration20261207110000_webhook_secret_grace } from './Migration20261207110000_webhook_secret_grace';
import { Migration20261207120000_customers } from './Migration20261207120000_customers';
import { Migration20261207120000_event_resource } from './Migration20261207120000_event_resource';
import { Migration20261207120000_order_search } from './Migration20261207120000_order_search';
import { Migration20261207130000_order_edit } from './Migration20261207130000_order_edit';
import { Migration20261207140000_bulk_jobs } from './Migration20261207140000_bulk_jobs';
import { Migration20261207150000_emails } from './Migration20261207150000_emails';
import { Migration20261207160000_taxes } from './Migration20261207160000_taxes';
import { Migration20261207170000_time_zone } from './Migration20261207170000_time_zone';
import { Migration20261207180000_event_notify } from './Migration20261207180000_event_notify';
import { Migration20261207190000_dirty_marks } from './Migration20261207190000_dirty_marks';

export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261127150121', class: Migration20261127150121 },
  { name: 'Migration20261127160721', class: Migration20261127160721 },
  { name: 'Migration20261127171601', class: Migration20261127171601 },
  { name: 'Migration20261127180000', class: Migration20261127180000 },
  { name: 'Migration20261127190000', class: Migration20261127190000 },
  { name: 'Migration20261127200000', class: Migration20261127200000 },
  { name: 'Migration20261127201000', class: Migration20261127201000 },
  { name: 'Migration20261127202000', class: Migration20261127202000 },
  { name: 'Migration20261127203000', class: Migration20261127203000 },
  { name: 'Migration20261127204000', class: Migration20261127204000 },
  { name: 'Migration20261127205000', class: Migration20261127205000 },
  { name: 'Migration20261206230000_stream', class: Migration20261206230000_stream },
  { name: 'Migration20261206230000_boundaries', class: Migration20261206230000_boundaries },
  { name: 'Migration20261207020000_search', class: Migration20261207020000_search },
  { name: 'Migration20261207100000_sales_daily', class: Migration20261207100000_sales_daily },
  { name: 'Migration20261207110000_webhook_secret_grace', class: Migration20261207110000_webhook_secret_grace },
  { name: 'Migration20261207120000_customers', class: Migration20261207120000_customers },
  { name: 'Migration20261207120000_event_resource', class: Migration20261207120000_event_resource },
  { name: 'Migration20261207120000_order_search', class: Migration20261207120000_order_search },
  { name: 'Migration20261207130000_order_edit', class: Migration20261207130000_order_edit },
  { name: 'Migration20261207140000_bulk_jobs', class: Migration20261207140000_bulk_jobs },
  { name: 'Migration20261207150000_emails', class: Migration20261207150000_emails },
  { name: 'Migration20261207160000_taxes', class: Migration20261207160000_taxes },
  { name: 'Migration20261207170000_time_zone', class: Migration20261207170000_time_zone },
  { name: 'Migration20261207180000_event_notify', class: Migration20261207180000_event_notify },
  { name: 'Migration20261207190000_dirty_marks', class: Migration20261207190000_dirty_marks },
];
