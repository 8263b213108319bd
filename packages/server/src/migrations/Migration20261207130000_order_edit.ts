import { Migration } from '@mikro-orm/migrations';

/** editOrder's history entry type (ORDER_EDITED, event order.edited). */
export class Migration20261207130000_order_edit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "order_event_type" add value if not exists 'ORDER_EDITED';`);
  }

  override async down(): Promise<void> {
    // PostgreSQL cannot drop an enum value; an unused one is harmless.
  }
}
