import { Migration } from '@mikro-orm/migrations';

/** Customer e-mails: per-channel template overrides and the log of every message (modules/email). */
export class Migration20261207150000_emails extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "email_template" ("id" uuid not null, "channel_id" uuid not null, "event" varchar(32) not null, "subject" varchar(500) not null, "text" text not null, "html" text not null, "updated_by" varchar(300) not null, "updated_at" timestamptz(3) not null, constraint "email_template_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "email_template" add constraint "email_template_channel_event_unique" unique ("channel_id", "event");`,
    );
    this.addSql(
      `alter table "email_template" add constraint "email_template_channel_id_foreign" foreign key ("channel_id") references "channel" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `create table "email_message" ("id" uuid not null, "event_id" uuid not null, "event" varchar(32) not null, "order_id" uuid not null, "channel_id" uuid not null, "recipient" varchar(320) not null, "subject" varchar(1000) not null, "text" text not null, "html" text not null, "status" varchar(16) not null, "attempts" int not null default 0, "last_error" varchar(2000) null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "sent_at" timestamptz(3) null, constraint "email_message_pkey" primary key ("id"), constraint email_message_status_check check (status in ('QUEUED', 'SENT', 'FAILED', 'SKIPPED')));`,
    );
    // At most one message per event: the event id is the idempotency key.
    this.addSql(`alter table "email_message" add constraint "email_message_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "email_message_created_at_id_index" on "email_message" ("created_at", "id");`);
    this.addSql(`create index "email_message_order_id_index" on "email_message" ("order_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "email_message";`);
    this.addSql(`drop table if exists "email_template";`);
  }
}
