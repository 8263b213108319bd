import { Migration } from '@mikro-orm/migrations';

/**
 * Webhook secret rotation with a grace period (docs/integrations.md#signatures): the secret a
 * rotation replaces, and until when it keeps signing deliveries next to the new one. Both empty
 * for existing endpoints (no rotation in progress).
 */
export class Migration20261207110000_webhook_secret_grace extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "webhook_endpoint" add column if not exists "previous_secret" varchar(100) null, add column if not exists "previous_secret_valid_until" timestamptz null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "webhook_endpoint" drop column if exists "previous_secret_valid_until", drop column if exists "previous_secret";`,
    );
  }
}
