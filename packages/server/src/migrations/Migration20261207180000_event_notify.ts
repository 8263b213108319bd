import { Migration } from '@mikro-orm/migrations';

/** The routing payload the notification carried until this migration (Migration20261127204000). */
const ROUTING_NOTIFY = `create or replace function "oms_notify_domain_event"() returns trigger language plpgsql as $$
      begin
        perform pg_notify('oms_events', json_build_object(
          'seq', new.seq, 'txId', new.tx_id::text, 'id', new.id, 'type', new.type, 'aggregateId', new.aggregate_id, 'channelId', new.channel_id,
          'historyId', new.payload->>'historyId', 'primary', coalesce((new.payload->>'primary')::boolean, false))::text);
        return null;
      end $$;`;

/**
 * Event notifications carry nothing but their channel: a listener only learns that events
 * committed, then numbers and reads the stream (modules/events/event-stream.ts), so the trigger no
 * longer builds a JSON object per event, and PostgreSQL folds a transaction's identical
 * notifications into one: a transaction that writes a thousand events (an import, a bulk action)
 * wakes each listening process once, not a thousand times.
 */
export class Migration20261207180000_event_notify extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function "oms_notify_domain_event"() returns trigger language plpgsql as $$
      begin
        perform pg_notify('oms_events', '');
        return null;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(ROUTING_NOTIFY);
  }
}
