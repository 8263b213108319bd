import { Migration } from '@mikro-orm/migrations';

/**
 * Analytics rollups: per-day aggregates the reports read instead of the order tables. Every
 * figure except stock movements is filed under the UTC day the order was placed (a refund or a
 * shipment a week later updates the row of the placing day). See modules/analytics/rollups.ts.
 */
export class Migration20261127202000 extends Migration {
  override async up(): Promise<void> {
    this
      .addSql(`create table "analytics_sales_daily" ("day" date not null, "channel_id" uuid not null, "currency" varchar(3) not null,
      "orders" int not null, "units" int not null, "gross" bigint not null, "refunds" bigint not null,
      "cancelled_orders" int not null, "cancelled_gross" bigint not null,
      constraint "analytics_sales_daily_pkey" primary key ("day", "channel_id", "currency"));`);
    this
      .addSql(`create table "analytics_cancel_reason_daily" ("day" date not null, "channel_id" uuid not null, "reason" varchar(200) not null, "orders" int not null,
      constraint "analytics_cancel_reason_daily_pkey" primary key ("day", "channel_id", "reason"));`);
    this
      .addSql(`create table "analytics_sku_daily" ("day" date not null, "channel_id" uuid not null, "sku" varchar(64) not null, "currency" varchar(3) not null,
      "units" int not null, "revenue" bigint not null, "returned_units" int not null,
      constraint "analytics_sku_daily_pkey" primary key ("day", "channel_id", "sku", "currency"));`);
    this
      .addSql(`create table "analytics_return_reason_daily" ("day" date not null, "channel_id" uuid not null, "sku" varchar(64) not null, "reason" varchar(200) not null, "units" int not null,
      constraint "analytics_return_reason_daily_pkey" primary key ("day", "channel_id", "sku", "reason"));`);
    this
      .addSql(`create table "analytics_customer_daily" ("day" date not null, "channel_id" uuid not null, "customer_id" uuid not null, "currency" varchar(3) not null,
      "orders" int not null, "units" int not null, "revenue" bigint not null,
      constraint "analytics_customer_daily_pkey" primary key ("day", "channel_id", "customer_id", "currency"));`);
    this
      .addSql(`create table "analytics_fulfilment_daily" ("day" date not null, "channel_id" uuid not null, "warehouse_id" uuid not null,
      "shipped_any" int not null, "split_orders" int not null, "shipped_complete" int not null, "complete_in_one" int not null, "delivered" int not null,
      constraint "analytics_fulfilment_daily_pkey" primary key ("day", "channel_id", "warehouse_id"));`);
    this
      .addSql(`create table "analytics_lead_time_daily" ("day" date not null, "channel_id" uuid not null, "warehouse_id" uuid not null, "stage" varchar(16) not null, "hours" int not null, "orders" int not null,
      constraint "analytics_lead_time_daily_pkey" primary key ("day", "channel_id", "warehouse_id", "stage", "hours"));`);
    this
      .addSql(`create table "analytics_stock_movement_daily" ("day" date not null, "warehouse_id" uuid not null, "product_id" uuid not null, "kind" "stock_movement_kind" not null, "reason" varchar(200) not null,
      "movements" int not null, "units_in" int not null, "units_out" int not null,
      constraint "analytics_stock_movement_daily_pkey" primary key ("day", "warehouse_id", "product_id", "kind", "reason"));`);
    // Stock movements are filed by their own day: the rebuild of a day finds them by time.
    this.addSql(`create index "stock_movement_at_index" on "stock_movement" ("at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "stock_movement_at_index";`);
    for (const t of [
      'sales',
      'cancel_reason',
      'sku',
      'return_reason',
      'customer',
      'fulfilment',
      'lead_time',
      'stock_movement',
    ]) {
      this.addSql(`drop table "analytics_${t}_daily";`);
    }
  }
}
