import { Migration } from '@mikro-orm/migrations';

/**
 * Webhook payloads that carry the resource (docs/integrations.md#webhook-payloads): an order
 * event keeps the order as it was when the event was recorded, so that a delivery (or a retry
 * hours later, or a replay) sends that state, not the order as it is by then. Empty for the
 * events recorded before (they are sent with payloadVersion 1) and for stock events (their payload
 * is the stock level already).
 */
export class Migration20261207120000_event_resource extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "domain_event" add column if not exists "resource" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "domain_event" drop column if exists "resource";`);
  }
}
