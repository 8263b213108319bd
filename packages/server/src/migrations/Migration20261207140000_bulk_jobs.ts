import { Migration } from '@mikro-orm/migrations';

/**
 * Bulk order jobs (startBulkOrderAction, modules/bulk): the job, and one row per order of its
 * snapshot. A row's outcome (ok, code, message) is written in the same transaction as the order's
 * change, and only while it has none, so an order is never acted on twice, even across restarts.
 */
export class Migration20261207140000_bulk_jobs extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "bulk_order_job" (
      "id" uuid not null primary key,
      "action" text not null,
      "reason" text null,
      "tag" text null,
      "state" text not null default 'QUEUED' check ("state" in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
      "total" int not null,
      "done" int not null default 0,
      "failed" int not null default 0,
      "error" text null,
      "actor_kind" text not null,
      "actor_id" uuid null,
      "actor_label" text not null,
      "created_at" timestamptz not null default now(),
      "started_at" timestamptz null,
      "finished_at" timestamptz null
    );`);
    this.addSql(
      `create index "bulk_order_job_actor_idx" on "bulk_order_job" ("actor_kind", "actor_id", "created_at");`,
    );
    this.addSql(`create table "bulk_order_job_result" (
      "job_id" uuid not null references "bulk_order_job" ("id") on delete cascade,
      "order_id" uuid not null,
      "position" int not null,
      "number" text null,
      "ok" boolean null,
      "code" text null,
      "message" text null,
      "processed_at" timestamptz null,
      primary key ("job_id", "order_id")
    );`);
    this.addSql(
      `create unique index "bulk_order_job_result_position_idx" on "bulk_order_job_result" ("job_id", "position");`,
    );
    this.addSql(
      `create index "bulk_order_job_result_pending_idx" on "bulk_order_job_result" ("job_id", "position") where "ok" is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "bulk_order_job_result";');
    this.addSql('drop table if exists "bulk_order_job";');
  }
}
