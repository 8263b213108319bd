import { Migration } from '@mikro-orm/migrations';

export class Migration20261127171601 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "audit_entry" ("id" uuid not null, "at" timestamptz(3) not null, "actor" varchar(300) not null, "action" varchar(100) not null, "target_type" varchar(50) not null, "target_id" varchar(100) null, "details" jsonb not null, constraint "audit_entry_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_entry_at_id_index" on "audit_entry" ("at", "id");`);

    this.addSql(
      `create table "api_key" ("id" uuid not null, "name" varchar(200) not null, "prefix" varchar(20) not null, "secret_hash" varchar(64) not null, "previous_secret_hash" varchar(64) null, "previous_valid_until" timestamptz null, "permissions" text[] not null, "created_by_id" uuid null, "created_at" timestamptz not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, constraint "api_key_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "api_key" add constraint "api_key_secret_hash_unique" unique ("secret_hash");`);
    this.addSql(`create index "api_key_previous_secret_hash_index" on "api_key" ("previous_secret_hash");`);

    this.addSql(
      `create table "api_key_channel" ("api_key_id" uuid not null, "channel_id" uuid not null, constraint "api_key_channel_pkey" primary key ("api_key_id", "channel_id"));`,
    );

    this.addSql(
      `alter table "api_key" add constraint "api_key_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "api_key_channel" add constraint "api_key_channel_api_key_id_foreign" foreign key ("api_key_id") references "api_key" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "api_key_channel" add constraint "api_key_channel_channel_id_foreign" foreign key ("channel_id") references "channel" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`alter type "order_event_type" add value if not exists 'NOTE_ADDED' after 'RETURN_CREATED';`);

    this.addSql(
      `alter table "app_user" add column "must_change_password" boolean not null default false, add column "last_login_at" timestamptz null;`,
    );

    // Counters of rate-limiter-flexible (RateLimiterPostgres with tableCreated: true); see common/rate-limits.ts.
    this.addSql(
      `create unlogged table "rate_limit" ("key" varchar(255) primary key, "points" integer not null default 0, "expire" bigint);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rate_limit";`);
    this.addSql(`alter table "api_key_channel" drop constraint "api_key_channel_api_key_id_foreign";`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "api_key" cascade;`);

    this.addSql(`drop table if exists "api_key_channel" cascade;`);

    this.addSql(`alter table "app_user" drop column "must_change_password", drop column "last_login_at";`);
  }
}
