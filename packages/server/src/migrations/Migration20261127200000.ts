import { Migration } from '@mikro-orm/migrations';

/**
 * Automation rules: the rules (as data, the six built-ins seeded switched off), their execution
 * log, the low-stock state of each stock level (so stock.low is raised once per crossing), order
 * tags, and the order history types of rule actions.
 */
export class Migration20261127200000 extends Migration {
  override async up(): Promise<void> {
    for (const value of [
      'TAG_ADDED',
      'TAG_REMOVED',
      'STOCK_ALLOCATED',
      'MARKED_LATE',
      'RULE_NOTIFIED',
      'RULE_WEBHOOK',
    ]) {
      this.addSql(`alter type "order_event_type" add value if not exists '${value}';`);
    }
    this.addSql(`alter table "order" add column "tags" text[] not null default '{}';`);
    this.addSql(`create index "order_tags_index" on "order" using gin ("tags");`);

    this.addSql(
      `create table "automation_rule" ("id" uuid not null, "key" varchar(64) not null, "name" varchar(200) not null, "description" text not null default '', "built_in" boolean not null, "trigger" varchar(64) not null, "conditions" jsonb not null, "actions" jsonb not null, "settings" jsonb not null, "position" int not null, "enabled" boolean not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, constraint "automation_rule_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "automation_rule" add constraint "automation_rule_key_unique" unique ("key");`);

    this.addSql(
      `create table "rule_execution" ("id" uuid not null, "rule_id" uuid not null, "rule_key" varchar(64) not null, "order_id" uuid null, "aggregate_id" uuid null, "event_id" uuid null, "dedupe_key" varchar(300) not null, "outcome" text check ("outcome" in ('APPLIED', 'SKIPPED', 'FAILED')) not null, "reason" text null, "actions" jsonb not null, "at" timestamptz(3) not null, constraint "rule_execution_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "rule_execution" add constraint "rule_execution_dedupe_key_unique" unique ("dedupe_key");`,
    );
    this.addSql(`create index "rule_execution_at_index" on "rule_execution" ("at", "id");`);
    this.addSql(`create index "rule_execution_order_id_index" on "rule_execution" ("order_id");`);
    this.addSql(`create index "rule_execution_rule_id_index" on "rule_execution" ("rule_id", "at");`);
    this.addSql(
      `alter table "rule_execution" add constraint "rule_execution_rule_id_foreign" foreign key ("rule_id") references "automation_rule" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `create table "stock_low_state" ("stock_level_id" uuid not null, "available" int not null, "threshold" int not null, "since" timestamptz(3) not null, constraint "stock_low_state_pkey" primary key ("stock_level_id"));`,
    );
    this.addSql(
      `alter table "stock_low_state" add constraint "stock_low_state_stock_level_id_foreign" foreign key ("stock_level_id") references "stock_level" ("id") on update cascade on delete cascade;`,
    );

    const rules: [string, string, string, string, object][] = [
      [
        'auto-confirm-paid',
        'Confirm paid orders',
        'payment.recorded',
        'When a payment makes a PENDING order fully paid, confirm it.',
        {},
      ],
      [
        'hold-high-value',
        'Hold high-value or foreign orders',
        'order.placed',
        'When an order is placed with a total at or above the threshold (minor units), or shipping to a country outside allowedCountries (empty: any country), put it on hold for review.',
        { threshold: 100000, allowedCountries: [] },
      ],
      [
        'cancel-unpaid',
        'Cancel unpaid orders',
        'schedule',
        'On the schedule, cancel PENDING orders with nothing paid placed more than afterHours ago, releasing their stock.',
        { afterHours: 48 },
      ],
      [
        'allocate-backorders',
        'Allocate arriving stock to backorders',
        'stock.adjusted',
        'When stock of a SKU goes up, allocate it to waiting orders with unallocated units of that SKU, oldest order first.',
        {},
      ],
      [
        'low-stock',
        'Raise low-stock events',
        'stock.adjusted',
        'When available stock of a SKU at a warehouse drops below its threshold (perSku overrides threshold), emit stock.low once; it is raised again only after stock has recovered.',
        { threshold: 5, perSku: {} },
      ],
      [
        'flag-late',
        'Flag late orders',
        'schedule',
        'On the schedule, orders CONFIRMED or PARTIALLY_SHIPPED more than slaHours after their confirmation get an order.late event (once) and the tag "late".',
        { slaHours: 48 },
      ],
    ];
    rules.forEach(([key, name, trigger, description, settings], i) => {
      this
        .addSql(`insert into "automation_rule" ("id", "key", "name", "description", "built_in", "trigger", "conditions", "actions", "settings", "position", "enabled", "created_at", "updated_at")
        values (gen_random_uuid(), '${key}', '${name}', '${description.replace(/'/g, "''")}', true, '${trigger}', '[]', '[]', '${JSON.stringify(settings)}', ${(i + 1) * 10}, false, now(), now());`);
    });
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "stock_low_state" cascade;`);
    this.addSql(`drop table if exists "rule_execution" cascade;`);
    this.addSql(`drop table if exists "automation_rule" cascade;`);
    this.addSql(`alter table "order" drop column "tags";`);
  }
}
