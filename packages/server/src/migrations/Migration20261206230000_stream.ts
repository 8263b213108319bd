import { Migration } from '@mikro-orm/migrations';

/**
 * Stream positions assigned after commit (modules/events/event-sequencer.ts): `domain_event.position`
 * is null while an event is new and is set, once, by the sequencer, which numbers committed
 * events from the `domain_event_position` sequence under one advisory lock. Readers page by it.
 * Existing events are numbered in their former stream order, (tx_id, seq). The sequence caches
 * no values (CACHE 1): nextval must be increasing across sessions, not only within one.
 *
 * `oms_assign_stream_positions(max_rows)` is one sequencer run, in one round trip: called on its
 * own (autocommit), it is its own transaction. It takes the advisory lock, then numbers up to
 * max_rows committed, unnumbered events in seq order; being VOLATILE, each statement in it takes a
 * new snapshot, so the numbering statement sees everything committed before the lock was granted
 * (including the previous run's positions). nextval is computed in a subquery that PostgreSQL
 * cannot flatten (volatile target list) over an ordered, limited, locked one (not flattened
 * either), so the numbers follow seq. Returns how many it numbered.
 */
export class Migration20261206230000_stream extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create sequence "domain_event_position" as bigint minvalue 1 start 1 cache 1;`);
    this.addSql(`alter table "domain_event" add column "position" bigint null;`);
    this.addSql(`update "domain_event" d set "position" = b.p
      from (select id, row_number() over (order by tx_id, seq) as p from "domain_event") b where d.id = b.id;`);
    this.addSql(
      `select setval('domain_event_position', coalesce((select max("position") from "domain_event"), 0) + 1, false);`,
    );
    this.addSql(`create unique index "domain_event_position_unique" on "domain_event" ("position");`);
    this.addSql(`create index "domain_event_unpositioned_index" on "domain_event" ("seq") where "position" is null;`);
    this.addSql(
      `create index "domain_event_aggregate_id_position_index" on "domain_event" ("aggregate_id", "position");`,
    );
    this.addSql(`create index "domain_event_type_position_index" on "domain_event" ("type", "position");`);
    this.addSql(`create index "domain_event_channel_id_position_index" on "domain_event" ("channel_id", "position");`);
    this.addSql(`drop index if exists "domain_event_tx_id_seq_index";`);
    this
      .addSql(`create or replace function "oms_assign_stream_positions"(max_rows int) returns int language plpgsql volatile as $$
      declare numbered int;
      begin
        if not exists (select 1 from domain_event where position is null) then return 0; end if;
        perform set_config('lock_timeout', '10s', true);
        perform pg_advisory_xact_lock(7411093257);
        with n as (
          select id, nextval('domain_event_position') as p
          from (select id from domain_event where position is null order by seq limit max_rows for update) s)
        update domain_event d set position = n.p from n where d.id = n.id;
        get diagnostics numbered = row_count;
        return numbered;
      end $$;`);
    // The dispatcher hands events to webhooks and rules in stream order, once they have a position.
    this.addSql(
      `create index "domain_event_undispatched_position_index" on "domain_event" ("position") where "dispatched_at" is null;`,
    );
    this.addSql(`drop index if exists "domain_event_undispatched_index";`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `create index "domain_event_undispatched_index" on "domain_event" ("seq") where "dispatched_at" is null;`,
    );
    this.addSql(`drop index if exists "domain_event_undispatched_position_index";`);
    this.addSql(`drop function if exists "oms_assign_stream_positions"(int);`);
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
