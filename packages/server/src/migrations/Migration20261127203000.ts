import { Migration } from '@mikro-orm/migrations';

/**
 * Open data: background export jobs (`export_job`, one row per export started from the admin or
 * GraphQL; the file itself lives in OMS_EXPORT_DIR) and the order history type IMPORTED, the one
 * entry of an order created at its status by an import.
 */
export class Migration20261127203000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "order_event_type" add value if not exists 'IMPORTED';`);
    this.addSql(
      `create table "export_job" ("id" uuid not null, "kind" varchar(32) not null, "format" varchar(8) not null, "filter" jsonb not null, "state" text check ("state" in ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'EXPIRED')) not null, "rows_done" int not null default 0, "rows_total" int null, "error" varchar(500) null, "owner" varchar(200) not null, "requested_by" varchar(300) not null, "channel_ids" jsonb null, "created_at" timestamptz(3) not null, "finished_at" timestamptz(3) null, "expires_at" timestamptz(3) null, constraint "export_job_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "export_job_owner_created_at_index" on "export_job" ("owner", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "export_job" cascade;`);
    // PostgreSQL cannot drop an enum value; IMPORTED stays in order_event_type.
  }
}
