import { Migration } from '@mikro-orm/migrations';

/**
 * Order lists and search at a million orders (docs/scale.md): trigram indexes so that a search
 * for part of a customer's e-mail or name (ILIKE '%…%') reads an index instead of every
 * customer; an index for the search by external id (the unique one leads with the channel); and
 * one per sort of the order list that had none (updated at, total), so a page of 50 reads 50
 * index entries instead of sorting every matching order.
 * pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the database owner may
 * create it without being a superuser.
 */
export class Migration20261207020000_search extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(
      `create index if not exists "customer_email_trgm_index" on "customer" using gin ("email" gin_trgm_ops);`,
    );
    this.addSql(`create index if not exists "customer_name_trgm_index" on "customer" using gin ("name" gin_trgm_ops);`);
    this.addSql(`create index if not exists "order_external_id_index" on "order" ("external_id");`);
    this.addSql(`create index if not exists "order_updated_at_idx" on "order" ("updated_at", "id");`);
    this.addSql(`create index if not exists "order_total_amount_idx" on "order" ("total_amount", "id");`);
    // With a status filter (the list's usual one): a rare status would otherwise be found by
    // walking the whole sort index.
    this.addSql(`create index if not exists "order_status_updated_at_idx" on "order" ("status", "updated_at", "id");`);
    this.addSql(
      `create index if not exists "order_status_total_amount_idx" on "order" ("status", "total_amount", "id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "order_status_total_amount_idx";`);
    this.addSql(`drop index if exists "order_status_updated_at_idx";`);
    this.addSql(`drop index if exists "order_total_amount_idx";`);
    this.addSql(`drop index if exists "order_updated_at_idx";`);
    this.addSql(`drop index if exists "order_external_id_index";`);
    this.addSql(`drop index if exists "customer_name_trgm_index";`);
    this.addSql(`drop index if exists "customer_email_trgm_index";`);
    // The extension stays: other objects may use it by now.
  }
}
