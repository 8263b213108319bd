import { Migration } from '@mikro-orm/migrations';

/**
 * The store's time zone in the database (OMS_TIME_ZONE, docs/configuration.md): `oms_setting`
 * holds it, `oms_time_zone()` reads it, and the sales-per-day triggers and the analytics SQL
 * bucket orders by its calendar days instead of UTC's. The server writes the setting at start-up
 * and, when it changed, refills the days (config/time-zone-sync.ts). UTC until then, as before.
 */
export class Migration20261207170000_time_zone extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "oms_setting" ("key" text primary key, "value" text not null);`);
    this.addSql(`insert into "oms_setting" ("key", "value") values ('time_zone', 'UTC') on conflict do nothing;`);
    this.addSql(`create or replace function "oms_time_zone"() returns text language sql stable parallel safe as $$
  select coalesce((select value from oms_setting where key = 'time_zone'), 'UTC')
$$;`);
    this.addSql(`create or replace function "oms_order_sales_inserted"() returns trigger language plpgsql as $$
declare tz text := oms_time_zone();
begin
  insert into order_sales_daily (day, channel_id, orders, revenue)
  select (placed_at at time zone tz)::date, channel_id, count(*), sum(total_amount)
    from new_orders where status <> 'CANCELLED' group by 1, 2;
  return null;
end $$;`);
    this.addSql(`create or replace function "oms_order_sales_deleted"() returns trigger language plpgsql as $$
declare tz text := oms_time_zone();
begin
  insert into order_sales_daily (day, channel_id, orders, revenue)
  select (placed_at at time zone tz)::date, channel_id, -count(*), -sum(total_amount)
    from old_orders where status <> 'CANCELLED' group by 1, 2;
  return null;
end $$;`);
    this.addSql(`create or replace function "oms_order_sales_updated"() returns trigger language plpgsql as $$
declare tz text := oms_time_zone();
begin
  if old.status <> 'CANCELLED' then
    insert into order_sales_daily (day, channel_id, orders, revenue)
    values ((old.placed_at at time zone tz)::date, old.channel_id, -1, -old.total_amount);
  end if;
  if new.status <> 'CANCELLED' then
    insert into order_sales_daily (day, channel_id, orders, revenue)
    values ((new.placed_at at time zone tz)::date, new.channel_id, 1, new.total_amount);
  end if;
  return null;
end $$;`);
  }

  override async down(): Promise<void> {
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
    this.addSql(`drop function if exists "oms_time_zone"();`);
    this.addSql(`drop table if exists "oms_setting";`);
  }
}
