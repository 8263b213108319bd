/** The store time zone's setting in the database (migration Migration20261207170000_time_zone). `?` placeholders. */
import type { Statement } from '../common/sql';

export const storedTimeZone = (): Statement => ({
  text: `select value from oms_setting where key = 'time_zone'`,
  values: [],
});

/** Fails (invalid time zone) when PostgreSQL does not know the name. */
export const checkTimeZone = (name: string): Statement => ({
  text: `select (now() at time zone ?) is not null as known`,
  values: [name],
});

export const saveTimeZone = (name: string): Statement => ({
  text: `insert into oms_setting (key, value) values ('time_zone', ?) on conflict (key) do update set value = excluded.value`,
  values: [name],
});

/** The dashboard's sales per day again from the orders, by the days of the (new) time zone. */
export const clearOrderSalesDaily = (): Statement => ({ text: `delete from order_sales_daily`, values: [] });
export const refillOrderSalesDaily = (): Statement => ({
  text: `insert into order_sales_daily (day, channel_id, orders, revenue)
    select (placed_at at time zone oms_time_zone())::date, channel_id, count(*), sum(total_amount)
      from "order" where status <> 'CANCELLED' group by 1, 2`,
  values: [],
});
