import { Migration } from '@mikro-orm/migrations';

/** Deliveries made by a replay (of one delivery, or of stored events) are marked as such in the delivery log. */
export class Migration20261127201000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "webhook_delivery" add column "replay" boolean not null default false;`);
    this.addSql(`update "webhook_delivery" set "replay" = true where "replay_of" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "webhook_delivery" drop column "replay";`);
  }
}
