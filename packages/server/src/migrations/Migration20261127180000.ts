import { Migration } from '@mikro-orm/migrations';

/** The event stream (transactional outbox) and its notification trigger; see modules/events. */
export class Migration20261127180000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create sequence if not exists "domain_event_seq_seq";`);
    this.addSql(`create table "domain_event" (
      "id" uuid not null, "seq" int8 not null default nextval('domain_event_seq_seq'::regclass), "type" varchar(64) not null,
      "aggregate_type" varchar(32) not null, "aggregate_id" uuid not null, "channel_id" uuid null, "payload" jsonb not null,
      "actor" varchar(300) not null, "occurred_at" timestamptz(3) not null,
      constraint "domain_event_pkey" primary key ("id"));`);
    this.addSql(`alter sequence "domain_event_seq_seq" owned by "domain_event"."seq";`);
    this.addSql(`alter table "domain_event" add constraint "domain_event_seq_unique" unique ("seq");`);
    this.addSql(`create index "domain_event_aggregate_id_seq_index" on "domain_event" ("aggregate_id", "seq");`);
    this.addSql(`create index "domain_event_type_seq_index" on "domain_event" ("type", "seq");`);
    // Routing data only (pg_notify payloads are limited to 8000 bytes); listeners read the row for more.
    this.addSql(`create or replace function "oms_notify_domain_event"() returns trigger language plpgsql as $$
      begin
        perform pg_notify('oms_events', json_build_object(
          'seq', new.seq, 'id', new.id, 'type', new.type, 'aggregateId', new.aggregate_id, 'channelId', new.channel_id,
          'historyId', new.payload->>'historyId', 'primary', coalesce((new.payload->>'primary')::boolean, false))::text);
        return null;
      end $$;`);
    this.addSql(
      `create trigger "domain_event_notify" after insert on "domain_event" for each row execute function "oms_notify_domain_event"();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "domain_event" cascade;`);
    this.addSql(`drop function if exists "oms_notify_domain_event"();`);
    this.addSql(`drop sequence if exists "domain_event_seq_seq";`);
  }
}
