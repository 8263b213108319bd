import { Migration } from '@mikro-orm/migrations';

/** The initial schema, plus the order number sequence (numbers are human-readable and never reused). */
export class Migration20261127150121 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create type "order_status" as enum ('PENDING', 'ON_HOLD', 'CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'RETURNED');`,
    );
    this.addSql(
      `create type "payment_status" as enum ('UNPAID', 'PARTIALLY_PAID', 'PAID', 'PARTIALLY_REFUNDED', 'REFUNDED');`,
    );
    this.addSql(
      `create type "order_event_type" as enum ('PLACED', 'STATUS_CHANGED', 'PAYMENT_RECORDED', 'PAYMENT_REFUNDED', 'SHIPMENT_CREATED', 'SHIPMENT_DELIVERED', 'RETURN_CREATED');`,
    );
    this.addSql(`create type "user_role" as enum ('ADMIN', 'MANAGER', 'FULFILLMENT', 'SUPPORT', 'VIEWER');`);
    this.addSql(`create type "stock_movement_kind" as enum ('ADJUSTMENT', 'SHIPMENT', 'RETURN');`);
    this.addSql(`create type "shipment_status" as enum ('SHIPPED', 'DELIVERED');`);
    this.addSql(
      `create table "channel" ("id" uuid not null, "code" varchar(64) not null, "name" varchar(200) not null, "currency" varchar(3) not null, "created_at" timestamptz not null, constraint "channel_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "channel" add constraint "channel_code_unique" unique ("code");`);

    this.addSql(
      `create table "customer" ("id" uuid not null, "email" varchar(320) not null, "name" varchar(200) null, "created_at" timestamptz not null, constraint "customer_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "customer" add constraint "customer_email_unique" unique ("email");`);

    this.addSql(
      `create table "order" ("id" uuid not null, "number" varchar(32) not null, "channel_id" uuid not null, "external_id" varchar(128) null, "customer_id" uuid not null, "status" "order_status" not null, "status_before_hold" "order_status" null, "hold_reason" varchar(1000) null, "cancel_reason" varchar(1000) null, "payment_status" "payment_status" not null, "currency" varchar(3) not null, "subtotal_amount" int not null, "shipping_amount" int not null default 0, "total_amount" int not null, "paid_amount" int not null default 0, "refunded_amount" int not null default 0, "ship_name" varchar(200) null, "ship_line1" varchar(300) not null, "ship_line2" varchar(300) null, "ship_city" varchar(200) not null, "ship_postal_code" varchar(32) not null, "ship_country" varchar(2) not null, "note" varchar(2000) null, "placed_at" timestamptz(3) not null, "updated_at" timestamptz not null, constraint "order_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "order" add constraint "order_number_unique" unique ("number");`);
    this.addSql(`create index "order_customer_idx" on "order" ("customer_id");`);
    this.addSql(`create index "order_channel_placed_at_idx" on "order" ("channel_id", "placed_at", "id");`);
    this.addSql(`create index "order_status_placed_at_idx" on "order" ("status", "placed_at", "id");`);
    this.addSql(`create index "order_placed_at_idx" on "order" ("placed_at", "id");`);
    this.addSql(
      `alter table "order" add constraint "order_channel_external_id_unique" unique ("channel_id", "external_id");`,
    );

    this.addSql(
      `create table "order_history" ("id" uuid not null, "seq" bigserial, "order_id" uuid not null, "type" "order_event_type" not null, "from_status" "order_status" null, "to_status" "order_status" null, "message" text null, "actor" varchar(200) not null, "at" timestamptz not null, constraint "order_history_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "order_history_order_id_at_index" on "order_history" ("order_id", "at");`);

    this.addSql(
      `create table "payment" ("id" uuid not null, "order_id" uuid not null, "amount_minor" int not null, "currency" varchar(3) not null, "method" varchar(64) not null, "reference" varchar(200) null, "recorded_by" varchar(200) not null, "created_at" timestamptz not null, constraint "payment_pkey" primary key ("id"), constraint payment_amount_check check (amount_minor > 0));`,
    );
    this.addSql(`create index "payment_order_id_index" on "payment" ("order_id");`);

    this.addSql(
      `create table "product" ("id" uuid not null, "sku" varchar(64) not null, "name" varchar(300) not null, "price_amount" int not null, "currency" varchar(3) not null, "allow_backorder" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "product_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "product" add constraint "product_sku_unique" unique ("sku");`);

    this.addSql(
      `create table "order_line" ("id" uuid not null, "order_id" uuid not null, "line_no" smallint not null, "product_id" uuid not null, "sku" varchar(64) not null, "name" varchar(300) not null, "quantity" int not null, "unit_price_amount" int not null, "currency" varchar(3) not null, "quantity_shipped" int not null default 0, "quantity_returned" int not null default 0, constraint "order_line_pkey" primary key ("id"), constraint order_line_quantities_check check (quantity > 0 and quantity_shipped between 0 and quantity and quantity_returned between 0 and quantity_shipped));`,
    );
    this.addSql(`create index "order_line_order_id_index" on "order_line" ("order_id");`);

    this.addSql(
      `create table "refund" ("id" uuid not null, "order_id" uuid not null, "amount_minor" int not null, "currency" varchar(3) not null, "reason" varchar(1000) null, "recorded_by" varchar(200) not null, "created_at" timestamptz not null, constraint "refund_pkey" primary key ("id"), constraint refund_amount_check check (amount_minor > 0));`,
    );
    this.addSql(`create index "refund_order_id_index" on "refund" ("order_id");`);

    this.addSql(
      `create table "order_return" ("id" uuid not null, "order_id" uuid not null, "reason" varchar(1000) null, "restock" boolean not null, "created_at" timestamptz not null, constraint "order_return_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "order_return_order_id_index" on "order_return" ("order_id");`);

    this.addSql(
      `create table "order_return_line" ("id" uuid not null, "order_return_id" uuid not null, "order_line_id" uuid not null, "sku" varchar(64) not null, "quantity" int not null, constraint "order_return_line_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "order_return_line_order_return_id_index" on "order_return_line" ("order_return_id");`);

    this.addSql(
      `create table "app_user" ("id" uuid not null, "email" varchar(320) not null, "name" varchar(200) not null, "password_hash" varchar(100) not null, "role" "user_role" not null, "active" boolean not null default true, "created_at" timestamptz not null, constraint "app_user_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(
      `create table "user_session" ("id" uuid not null, "user_id" uuid not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "created_at" timestamptz not null, constraint "user_session_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "user_session_user_id_index" on "user_session" ("user_id");`);
    this.addSql(`alter table "user_session" add constraint "user_session_token_hash_unique" unique ("token_hash");`);

    this.addSql(
      `create table "warehouse" ("id" uuid not null, "code" varchar(64) not null, "name" varchar(200) not null, "priority" int not null, "created_at" timestamptz not null, constraint "warehouse_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "warehouse" add constraint "warehouse_code_unique" unique ("code");`);

    this.addSql(
      `create table "stock_movement" ("id" uuid not null, "product_id" uuid not null, "warehouse_id" uuid not null, "kind" "stock_movement_kind" not null, "delta" int not null, "reason" varchar(1000) null, "order_id" uuid null, "actor" varchar(200) not null, "at" timestamptz not null, constraint "stock_movement_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "stock_movement_product_id_warehouse_id_at_index" on "stock_movement" ("product_id", "warehouse_id", "at");`,
    );

    this.addSql(
      `create table "stock_level" ("id" uuid not null, "product_id" uuid not null, "warehouse_id" uuid not null, "on_hand" int not null default 0, "reserved" int not null default 0, "updated_at" timestamptz not null, constraint "stock_level_pkey" primary key ("id"), constraint stock_level_reserved_check check (reserved >= 0 and reserved <= on_hand), constraint stock_level_on_hand_check check (on_hand >= 0));`,
    );
    this.addSql(
      `alter table "stock_level" add constraint "stock_level_product_id_warehouse_id_unique" unique ("product_id", "warehouse_id");`,
    );

    this.addSql(
      `create table "stock_allocation" ("id" uuid not null, "order_line_id" uuid not null, "warehouse_id" uuid not null, "quantity" int not null, "quantity_shipped" int not null default 0, "quantity_returned" int not null default 0, "created_at" timestamptz not null, constraint "stock_allocation_pkey" primary key ("id"), constraint stock_allocation_quantities_check check (quantity_shipped between 0 and quantity and quantity_returned between 0 and quantity_shipped));`,
    );
    this.addSql(
      `alter table "stock_allocation" add constraint "stock_allocation_order_line_id_warehouse_id_unique" unique ("order_line_id", "warehouse_id");`,
    );

    this.addSql(
      `create table "shipment" ("id" uuid not null, "order_id" uuid not null, "warehouse_id" uuid not null, "status" "shipment_status" not null, "carrier" varchar(100) null, "tracking_number" varchar(200) null, "shipped_at" timestamptz not null, "delivered_at" timestamptz null, constraint "shipment_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "shipment_order_id_index" on "shipment" ("order_id");`);

    this.addSql(
      `create table "shipment_line" ("id" uuid not null, "shipment_id" uuid not null, "order_line_id" uuid not null, "sku" varchar(64) not null, "quantity" int not null, constraint "shipment_line_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "shipment_line_shipment_id_index" on "shipment_line" ("shipment_id");`);

    this.addSql(
      `alter table "order" add constraint "order_channel_id_foreign" foreign key ("channel_id") references "channel" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "order" add constraint "order_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "order_history" add constraint "order_history_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "payment" add constraint "payment_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "order_line" add constraint "order_line_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "order_line" add constraint "order_line_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "refund" add constraint "refund_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "order_return" add constraint "order_return_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "order_return_line" add constraint "order_return_line_order_return_id_foreign" foreign key ("order_return_id") references "order_return" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "order_return_line" add constraint "order_return_line_order_line_id_foreign" foreign key ("order_line_id") references "order_line" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "user_session" add constraint "user_session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "stock_movement" add constraint "stock_movement_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "stock_movement" add constraint "stock_movement_warehouse_id_foreign" foreign key ("warehouse_id") references "warehouse" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "stock_level" add constraint "stock_level_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "stock_level" add constraint "stock_level_warehouse_id_foreign" foreign key ("warehouse_id") references "warehouse" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "stock_allocation" add constraint "stock_allocation_order_line_id_foreign" foreign key ("order_line_id") references "order_line" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "stock_allocation" add constraint "stock_allocation_warehouse_id_foreign" foreign key ("warehouse_id") references "warehouse" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "shipment" add constraint "shipment_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "shipment" add constraint "shipment_warehouse_id_foreign" foreign key ("warehouse_id") references "warehouse" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "shipment_line" add constraint "shipment_line_shipment_id_foreign" foreign key ("shipment_id") references "shipment" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "shipment_line" add constraint "shipment_line_order_line_id_foreign" foreign key ("order_line_id") references "order_line" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`create sequence "order_number_seq" start with 100001;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop sequence if exists "order_number_seq";`);
    this.addSql(`alter table "order" drop constraint "order_channel_id_foreign";`);

    this.addSql(`alter table "order" drop constraint "order_customer_id_foreign";`);

    this.addSql(`alter table "order_history" drop constraint "order_history_order_id_foreign";`);

    this.addSql(`alter table "payment" drop constraint "payment_order_id_foreign";`);

    this.addSql(`alter table "order_line" drop constraint "order_line_order_id_foreign";`);

    this.addSql(`alter table "refund" drop constraint "refund_order_id_foreign";`);

    this.addSql(`alter table "order_return" drop constraint "order_return_order_id_foreign";`);

    this.addSql(`alter table "shipment" drop constraint "shipment_order_id_foreign";`);

    this.addSql(`alter table "order_line" drop constraint "order_line_product_id_foreign";`);

    this.addSql(`alter table "stock_movement" drop constraint "stock_movement_product_id_foreign";`);

    this.addSql(`alter table "stock_level" drop constraint "stock_level_product_id_foreign";`);

    this.addSql(`alter table "order_return_line" drop constraint "order_return_line_order_line_id_foreign";`);

    this.addSql(`alter table "stock_allocation" drop constraint "stock_allocation_order_line_id_foreign";`);

    this.addSql(`alter table "shipment_line" drop constraint "shipment_line_order_line_id_foreign";`);

    this.addSql(`alter table "order_return_line" drop constraint "order_return_line_order_return_id_foreign";`);

    this.addSql(`alter table "user_session" drop constraint "user_session_user_id_foreign";`);

    this.addSql(`alter table "stock_movement" drop constraint "stock_movement_warehouse_id_foreign";`);

    this.addSql(`alter table "stock_level" drop constraint "stock_level_warehouse_id_foreign";`);

    this.addSql(`alter table "stock_allocation" drop constraint "stock_allocation_warehouse_id_foreign";`);

    this.addSql(`alter table "shipment" drop constraint "shipment_warehouse_id_foreign";`);

    this.addSql(`alter table "shipment_line" drop constraint "shipment_line_shipment_id_foreign";`);

    this.addSql(`drop table if exists "channel" cascade;`);

    this.addSql(`drop table if exists "customer" cascade;`);

    this.addSql(`drop table if exists "order" cascade;`);

    this.addSql(`drop table if exists "order_history" cascade;`);

    this.addSql(`drop table if exists "payment" cascade;`);

    this.addSql(`drop table if exists "product" cascade;`);

    this.addSql(`drop table if exists "order_line" cascade;`);

    this.addSql(`drop table if exists "refund" cascade;`);

    this.addSql(`drop table if exists "order_return" cascade;`);

    this.addSql(`drop table if exists "order_return_line" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "user_session" cascade;`);

    this.addSql(`drop table if exists "warehouse" cascade;`);

    this.addSql(`drop table if exists "stock_movement" cascade;`);

    this.addSql(`drop table if exists "stock_level" cascade;`);

    this.addSql(`drop table if exists "stock_allocation" cascade;`);

    this.addSql(`drop table if exists "shipment" cascade;`);

    this.addSql(`drop table if exists "shipment_line" cascade;`);

    this.addSql(`drop type "order_status";`);
    this.addSql(`drop type "payment_status";`);
    this.addSql(`drop type "order_event_type";`);
    this.addSql(`drop type "user_role";`);
    this.addSql(`drop type "stock_movement_kind";`);
    this.addSql(`drop type "shipment_status";`);
  }
}
