import { Migration } from '@mikro-orm/migrations';

/**
 * Stock movement times at millisecond precision (ledger cursors round-trip exactly), and the
 * order history sequence column declared as the entity now describes it (no change in effect).
 */
export class Migration20261127160721 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "order_history" alter column "seq" type int8 using ("seq"::int8);`);
    this.addSql(
      `alter table "order_history" alter column "seq" set default nextval('order_history_seq_seq'::regclass);`,
    );

    this.addSql(`alter table "stock_movement" alter column "at" type timestamptz(3) using ("at"::timestamptz(3));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "order_history" alter column "seq" type int8 using ("seq"::int8);`);
    this.addSql(`create sequence if not exists "order_history_seq_seq";`);
    this.addSql(`select setval('order_history_seq_seq', (select max("seq") from "order_history"));`);
    this.addSql(`alter table "order_history" alter column "seq" set default nextval('order_history_seq_seq');`);

    this.addSql(`alter table "stock_movement" alter column "at" type timestamptz(6) using ("at"::timestamptz(6));`);
  }
}
