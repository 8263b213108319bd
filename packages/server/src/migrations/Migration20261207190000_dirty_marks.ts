import { Migration } from '@mikro-orm/migrations';

/**
 * Analytics dirty-day marks are rows of their own, no longer one row per (day, kind): marking a
 * day (in the event dispatch transaction) inserts a row and never waits, where it used to wait
 * for a refresh that was recomputing that day (the refresh deletes the marks it takes and holds
 * them until it commits, and an insert of the same key had to wait for that). A refresh takes
 * every mark its statement sees, duplicates included; a mark made while it runs stays for the next.
 */
export class Migration20261207190000_dirty_marks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "analytics_dirty_day" drop constraint "analytics_dirty_day_pkey";`);
    this.addSql(
      `alter table "analytics_dirty_day" add column "id" bigint generated always as identity constraint "analytics_dirty_day_pkey" primary key;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `delete from "analytics_dirty_day" a using "analytics_dirty_day" b where a.day = b.day and a.kind = b.kind and a.id > b.id;`,
    );
    this.addSql(`alter table "analytics_dirty_day" drop column "id";`);
    this.addSql(
      `alter table "analytics_dirty_day" add constraint "analytics_dirty_day_pkey" primary key ("day", "kind");`,
    );
  }
}
