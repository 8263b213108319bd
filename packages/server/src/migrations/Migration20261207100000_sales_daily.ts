import { Migration } from '@mikro-orm/migrations';

/**
 * `order_sales_daily`: the dashboard's sales per channel and UTC day (salesByChannel), kept by
 * triggers on "order" in the same transaction as every change, so a period of a year sums a few
 * thousand rows instead of half a million orders and the figures stay exact (docs/scale.md).
 *
 * Rows are deltas, appended and never updated: +1 order and +total when a non-cancelled order
 * appears (placed, or un-cancelled), -1 and -total when one goes away (cancelled, deleted), and
 * both when its day, channel or total changes. Appending takes no row lock, so concurrent
 * placements never wait on each other and transactions touching many orders cannot deadlock on
 * it. The analytics refresh job folds a day's deltas into one row per channel every minute
 * (analytics.sql.ts, compactOrderSales); readers sum whatever rows there are.
 *
 * Inserts and deletes are statement triggers over transition tables (one insert per statement,
 * also for a bulk load); updates a row trigger that PostgreSQL only calls when one of the four
 * columns changed in a way that counts (a status change between two non-cancelled statuses
 * does not). TRUNCATE "order" empties the table too.
 *
 * Filled from the existing orders in this transaction: the trigger creation locks "order" against
 * writes until commit, so no order is missed or counted twice (a few seconds at a million orders).
 */
export class Migration20261207100000_sales_daily extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "order_sales_daily" ("day" date not null, "channel_id" uuid not null, "orders" int not null, "revenue" bigint not null);`,
    );
    this.addSql(`create index "order_sales_daily_day_index" on "order_sales_daily" ("day", "channel_id");`);
    this.addSql(`create or replace function "oms_order_sales_inserted"() returns trigger language plpgsql as $$
begin
  insert into order_sales_daily (day, channel_id, orders, revenue)
  select (placed_at at time zone 'UTC')::date, channel_id, count(*), sum(total_amount)
    from new_orders where status <> 'CANCELLED' group by 1, 2;
  return null;
end $$;`);
    this.addSql(`create or replace function "oms_order_sales_deleted"() returns trigger language plpgsql as $$
begin
  insert into order_sales_daily (day, channel_id, orders, revenue)
  select (placed_at at time zone 'UTC')::date, channel_id, -count(*), -sum(total_amount)
    from old_orders where status <> 'CANCELLED' group by 1, 2;
  return null;
end $$;`);
    this.addSql(`create or replace function "oms_order_sales_updated"() returns trigger language plpgsql as $$
begin
  if old.status <> 'CANCELLED' then
    insert into order_sales_daily (day, channel_id, orders, revenue)
    values ((old.placed_at at time zone 'UTC')::date, old.channel_id, -1, -old.total_amount);
  end if;
  if new.status <> 'CANCELLED' then
    insert into order_sales_daily (day, channel_id, orders, revenue)
    values ((new.placed_at at time zone 'UTC')::date, new.channel_id, 1, new.total_amount);
  end if;
  return null;
end $$;`);
    this.addSql(`create or replace function "oms_order_sales_truncated"() returns trigger language plpgsql as $$
begin
  delete from order_sales_daily;
  return null;
end $$;`);
    this.addSql(`create trigger "order_sales_daily_insert" after insert on "order" referencing new table as new_orders
      for each statement execute function "oms_order_sales_inserted"();`);
    this.addSql(`create trigger "order_sales_daily_delete" after delete on "order" referencing old table as old_orders
      for each statement execute function "oms_order_sales_deleted"();`);
    this
      .addSql(`create trigger "order_sales_daily_update" after update of "placed_at", "channel_id", "status", "total_amount" on "order"
      for each row when (old.placed_at is distinct from new.placed_at or old.channel_id is distinct from new.channel_id
                         or (old.status = 'CANCELLED') is distinct from (new.status = 'CANCELLED')
                         or old.total_amount is distinct from new.total_amount)
      execute function "oms_order_sales_updated"();`);
    this.addSql(
      `create trigger "order_sales_daily_truncate" after truncate on "order" for each statement execute function "oms_order_sales_truncated"();`,
    );
    this.addSql(`insert into "order_sales_daily" ("day", "channel_id", "orders", "revenue")
      select (placed_at at time zone 'UTC')::date, channel_id, count(*), sum(total_amount)
        from "order" where status <> 'CANCELLED' group by 1, 2;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "order_sales_daily_truncate" on "order";`);
    this.addSql(`drop trigger if exists "order_sales_daily_update" on "order";`);
    this.addSql(`drop trigger if exists "order_sales_daily_delete" on "order";`);
    this.addSql(`drop trigger if exists "order_sales_daily_insert" on "order";`);
    this.addSql(`drop function if exists "oms_order_sales_truncated"();`);
    this.addSql(`drop function if exists "oms_order_sales_updated"();`);
    this.addSql(`drop function if exists "oms_order_sales_deleted"();`);
    this.addSql(`drop function if exists "oms_order_sales_inserted"();`);
    this.addSql(`drop table if exists "order_sales_daily";`);
  }
}
