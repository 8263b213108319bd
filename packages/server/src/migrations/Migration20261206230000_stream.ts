import { Migration } from '@mikro-orm/migrations';

/**
 * Stream positions assigned after commit (modules/events/event-sequencer.ts): `domain_event.position`
 * is null while an event is new and is set, once, by the sequencer, which numbers committed
 * events from the `domain_event_position` sequence under one advisory lock. Readers page by it.
 * Existing events are numbered in their former stream order, (tx_id, seq). The sequence caches
 * no values (CACHE 1): nextval must be increasing across sessions, not only within one.
 */
export class Migration20261206230000_stream extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create sequence "domain_event_position" as bigint minvalue 1 start 1 cache 1;`);
    this.addSql(`alter table "domain_event" add column "position" bigint null;`);
    this.addSql(`update "domain_event" d set "position" = b.p
      from (select id, row_number() over (order by tx_id, seq) as p from "domain_event") b where d.id = b.id;`);
    this.addSql(`select setval('domain_event_position', coalesce((select max("position") from "domain_event"), 0) + 1, false);`);
    this.addSql(`create unique index "domain_event_position_unique" on "domain_event" ("position");`);
    this.addSql(`create index "domain_event_unpositioned_index" on "domain_event" ("seq") where "position" is null;`);
    this.addSql(`create index "domain_event_aggregate_id_position_index" on "domain_event" ("aggregate_id", "position");`);
    this.addSql(`create index "domain_event_type_position_index" on "domain_event" ("type", "position");`);
    this.addSql(`create index "domain_event_channel_id_position_index" on "domain_event" ("channel_id", "position");`);
    this.addSql(`drop index if exists "domain_event_tx_id_seq_index";`);
    // The dispatcher hands events to webhooks and rules in stream order, once they have a position.
    this.addSql(`create index "domain_event_undispatched_position_index" on "domain_event" ("position") where "dispatched_at" is null;`);
    this.addSql(`drop index if exists "domain_event_undispatched_index";`);
  }

  override async down(): Promise<void> {
    this.addSql(`create index "domain_event_undispatched_index" on "domain_event" ("seq") where "dispatched_at" is null;`);
    this.addSql(`drop index if exists "domain_event_undispatched_position_index";`);
    this.addSql(`create index "domain_event_tx_id_seq_index" on "domain_event" ("tx_id", "seq");`);
    this.addSql(`drop index if exists "domain_event_channel_id_position_index";`);
    this.addSql(`drop index if exists "domain_event_type_position_index";`);
    this.addSql(`drop index if exists "domain_event_aggregate_id_position_index";`);
    this.addSql(`drop index if exists "domain_event_unpositioned_index";`);
    this.addSql(`drop index if exists "domain_event_position_unique";`);
    this.addSql(`alter table "domain_event" drop column if exists "position";`);
    this.addSql(`drop sequence if exists "domain_event_position";`);
  }
}
