import { Migration } from '@mikro-orm/migrations';

/**
 * Days whose analytics rollups wait for recomputation: marked in the event dispatch transaction,
 * cleared by the `analytics-refresh` job that recomputes them (modules/analytics/analytics-refresh.ts).
 */
export class Migration20261127205000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "analytics_dirty_day" ("day" date not null, "kind" varchar(16) not null,
      constraint "analytics_dirty_day_pkey" primary key ("day", "kind"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "analytics_dirty_day";`);
  }
}
