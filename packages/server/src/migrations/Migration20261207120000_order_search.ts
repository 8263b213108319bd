import { Migration } from '@mikro-orm/migrations';

/**
 * The order search by part of the customer's e-mail or name on the order row itself
 * (docs/scale.md#search): `order.search_email` and `order.search_name` are copies of the
 * customer's e-mail and name, with a trigram GIN index each. A term few orders share is then
 * answered from those indexes; a term many share (`schwa`, a mail domain) by walking the index of
 * the page's sort and testing each order's own columns until the page is full, without reading
 * customers at all.
 *
 * Kept by triggers, so every path that writes orders or customers keeps them current (placement,
 * the order import, bulk SQL loads, the customer upsert):
 * - before an order is inserted, or its customer_id changes: the customer's e-mail and name;
 * - after a customer's e-mail or name changes (PostgreSQL checks the `when` itself, so the
 *   upsert's unchanged rewrites call nothing): every order of that customer, through the
 *   customer_id index, in the same transaction.
 *
 * Filled from the customers in this transaction, before the trigram indexes are built (building
 * them once is cheaper than updating them a million times). Adding the columns locks "order"
 * against reads and writes until commit: 127 s at a million orders on a loaded 2-core machine
 * (docs/scale.md#cost-on-writes); the update leaves a dead copy of every row for autovacuum.
 * Every statement may have run before (by hand, the update in batches, to avoid that pause):
 * it then skips what exists and updates only the orders still to fill.
 */
export class Migration20261207120000_order_search extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "order" add column if not exists "search_email" varchar(320) null, add column if not exists "search_name" varchar(200) null;`,
    );
    this.addSql(`create or replace function "oms_order_search_fill"() returns trigger language plpgsql as $$
begin
  select email, name into new.search_email, new.search_name from customer where id = new.customer_id;
  return new;
end $$;`);
    this.addSql(`create or replace function "oms_customer_search_changed"() returns trigger language plpgsql as $$
begin
  update "order" set search_email = new.email, search_name = new.name
   where customer_id = new.id and (search_email, search_name) is distinct from (new.email, new.name);
  return null;
end $$;`);
    this.addSql(
      `create or replace trigger "order_search_insert" before insert on "order" for each row execute function "oms_order_search_fill"();`,
    );
    this.addSql(`create or replace trigger "order_search_customer_id" before update of "customer_id" on "order"
      for each row when (old.customer_id is distinct from new.customer_id) execute function "oms_order_search_fill"();`);
    this.addSql(`create or replace trigger "customer_search_changed" after update of "email", "name" on "customer"
      for each row when (old.email is distinct from new.email or old.name is distinct from new.name)
      execute function "oms_customer_search_changed"();`);
    this.addSql(
      `update "order" o set search_email = c.email, search_name = c.name from customer c
      where c.id = o.customer_id and (o.search_email, o.search_name) is distinct from (c.email, c.name);`,
    );
    this.addSql(
      `create index if not exists "order_search_email_trgm_index" on "order" using gin ("search_email" gin_trgm_ops);`,
    );
    this.addSql(
      `create index if not exists "order_search_name_trgm_index" on "order" using gin ("search_name" gin_trgm_ops);`,
    );
    // The planner picks between the trigram indexes and walking the sort's index from how many
    // orders it expects to match: a finer sample of these two columns than the default.
    this.addSql(
      `alter table "order" alter column "search_email" set statistics 1000, alter column "search_name" set statistics 1000;`,
    );
    // Only a table with orders is analyzed: statistics of an empty one would tell the planner it
    // stays tiny, and the plans PostgreSQL caches on each connection (foreign-key checks of every
    // order line, prepared statements) would read the whole table for every new order until the
    // next ANALYZE (common/table-maintenance.ts). Left unanalyzed, a table is planned by its size.
    this.addSql(`do $$ begin if exists (select 1 from "order") then analyze "order"; end if; end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "customer_search_changed" on "customer";`);
    this.addSql(`drop trigger if exists "order_search_customer_id" on "order";`);
    this.addSql(`drop trigger if exists "order_search_insert" on "order";`);
    this.addSql(`drop function if exists "oms_customer_search_changed"();`);
    this.addSql(`drop function if exists "oms_order_search_fill"();`);
    this.addSql(`drop index if exists "order_search_name_trgm_index";`);
    this.addSql(`drop index if exists "order_search_email_trgm_index";`);
    this.addSql(`alter table "order" drop column if exists "search_name", drop column if exists "search_email";`);
  }
}
