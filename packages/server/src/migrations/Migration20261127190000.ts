import { Migration } from '@mikro-orm/migrations';

/**
 * Webhooks (endpoints, deliveries, attempts) and event dispatch: `domain_event.dispatched_at`
 * marks events already handed to webhooks. Events written before this migration count as
 * dispatched, so new endpoints receive only what happens from now on. (The job queue's tables
 * are pg-boss's own, in the `pgboss` schema it creates at start.)
 */
export class Migration20261127190000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "webhook_endpoint" ("id" uuid not null, "url" varchar(2000) not null, "event_types" jsonb not null, "channel_ids" jsonb not null, "secret" varchar(100) not null, "active" boolean not null, "disabled_reason" varchar(500) null, "disabled_at" timestamptz null, "consecutive_failures" int not null, "owner_key_id" uuid null, "created_by" varchar(300) not null, "created_at" timestamptz not null, constraint "webhook_endpoint_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create table "webhook_delivery" ("id" uuid not null, "endpoint_id" uuid not null, "event_id" uuid not null, "event_type" varchar(64) not null, "status" text check ("status" in ('PENDING', 'RETRYING', 'DELIVERED', 'FAILED')) not null, "attempt_count" int not null, "replay_of" uuid null, "created_at" timestamptz(3) not null, "delivered_at" timestamptz(3) null, constraint "webhook_delivery_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "webhook_delivery_event_id_index" on "webhook_delivery" ("event_id");`);
    this.addSql(
      `create index "webhook_delivery_endpoint_id_created_at_index" on "webhook_delivery" ("endpoint_id", "created_at");`,
    );
    this.addSql(
      `create table "webhook_attempt" ("id" uuid not null, "delivery_id" uuid not null, "attempted_at" timestamptz(3) not null, "status_code" int null, "latency_ms" int not null, "response_excerpt" varchar(1024) null, "error" varchar(500) null, constraint "webhook_attempt_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "webhook_attempt_delivery_id_index" on "webhook_attempt" ("delivery_id");`);
    this.addSql(
      `alter table "webhook_endpoint" add constraint "webhook_endpoint_owner_key_id_foreign" foreign key ("owner_key_id") references "api_key" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoint" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "webhook_attempt" add constraint "webhook_attempt_delivery_id_foreign" foreign key ("delivery_id") references "webhook_delivery" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "domain_event" add column "dispatched_at" timestamptz(3) null;`);
    this.addSql(`update "domain_event" set "dispatched_at" = now();`);
    // The dispatcher's work list: small, since events leave it within seconds.
    this.addSql(
      `create index "domain_event_undispatched_index" on "domain_event" ("seq") where "dispatched_at" is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "webhook_attempt" cascade;`);
    this.addSql(`drop table if exists "webhook_delivery" cascade;`);
    this.addSql(`drop table if exists "webhook_endpoint" cascade;`);
    this.addSql(`alter table "domain_event" drop column "dispatched_at";`);
  }
}
