import { Migration } from '@mikro-orm/migrations';

/** The notification trigger of Migration20261127180000, now also carrying the transaction id. */
const NOTIFY = `create or replace function "oms_notify_domain_event"() returns trigger language plpgsql as $$
      begin
        perform pg_notify('oms_events', json_build_object(
          $ROUTING'id', new.id, 'type', new.type, 'aggregateId', new.aggregate_id, 'channelId', new.channel_id,
          'historyId', new.payload->>'historyId', 'primary', coalesce((new.payload->>'primary')::boolean, false))::text);
        return null;
      end $$;`;

/**
 * Commit-safe stream order: `domain_event.tx_id` is the id of the transaction that wrote the row.
 * Readers order the stream by (tx_id, seq) and read only rows whose transaction is older than
 * every transaction still running (tx_id < pg_snapshot_xmin(pg_current_snapshot())), so no row
 * can later commit before a reader's cursor. Existing rows all get this migration's id. Notifications carry the
 * transaction id too.
 */
export class Migration20261127204000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "domain_event" add column "tx_id" xid8 not null default pg_current_xact_id();`);
    this.addSql(`create index "domain_event_tx_id_seq_index" on "domain_event" ("tx_id", "seq");`);
    this.addSql(NOTIFY.replace('$ROUTING', `'seq', new.seq, 'txId', new.tx_id::text, `));
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "domain_event_tx_id_seq_index";`);
    this.addSql(NOTIFY.replace('$ROUTING', `'seq', new.seq, `));
    this.addSql(`alter table "domain_event" drop column if exists "tx_id";`);
  }
}
