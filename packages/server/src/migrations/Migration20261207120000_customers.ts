import { Migration } from '@mikro-orm/migrations';

/**
 * Customers (docs/customers.md): when a customer's personal data was erased (eraseCustomer),
 * null for every existing customer; and the index of the customers list's default sort (name, or
 * the e-mail of a customer without one, then id).
 */
export class Migration20261207120000_customers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "customer" add column if not exists "erased_at" timestamptz null;`);
    this.addSql(
      `create index if not exists "customer_sort_name_index" on "customer" ((coalesce("name", "email")), "id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "customer_sort_name_index";`);
    this.addSql(`alter table "customer" drop column if exists "erased_at";`);
  }
}
