import { Migration } from '@mikro-orm/migrations';

/**
 * The tax the sales channel charged (issue 15): per line an amount in minor units and an optional
 * rate in basis points, per order the sum of its lines' tax (total = subtotal + shipping + tax).
 *
 * Instant on a big "order" table: a column with a constant default is added without rewriting
 * the table (PostgreSQL 11+), and its check is added NOT VALID so that it is not verified by a
 * scan of every row under the exclusive lock; every existing row holds the default 0, which
 * satisfies it, and every new or changed row is checked.
 */
export class Migration20261207160000_taxes extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "order_line" add column "tax_amount" int not null default 0, add column "tax_rate" int null;`,
    );
    this.addSql(
      `alter table "order_line" add constraint "order_line_tax_amount_check" check ("tax_amount" >= 0) not valid;`,
    );
    this.addSql(
      `alter table "order_line" add constraint "order_line_tax_rate_check" check ("tax_rate" >= 0 and "tax_rate" <= 100000) not valid;`,
    );
    this.addSql(`alter table "order" add column "tax_amount" int not null default 0;`);
    this.addSql(`alter table "order" add constraint "order_tax_amount_check" check ("tax_amount" >= 0) not valid;`);
    // The sales report's rollup (analytics.sql.ts): the tax of the day's orders; existing rows summarise untaxed orders.
    this.addSql(`alter table "analytics_sales_daily" add column "tax" bigint not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "analytics_sales_daily" drop column "tax";`);
    this.addSql(`alter table "order" drop column "tax_amount";`);
    this.addSql(`alter table "order_line" drop column "tax_rate", drop column "tax_amount";`);
  }
}
