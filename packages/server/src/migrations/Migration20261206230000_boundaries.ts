import { Migration } from '@mikro-orm/migrations';

/**
 * API keys no longer hold PRODUCT_WRITE or STOCK_ADJUST (a key is limited to channels, and the
 * catalog and stock are every channel's): strips them from existing keys, with an audit entry
 * per key changed. The server ignores them at use anyway (API_KEY_PERMISSIONS).
 */
export class Migration20261206230000_boundaries extends Migration {
  override async up(): Promise<void> {
    this.addSql(`insert into "audit_entry" ("id", "at", "actor", "action", "target_type", "target_id", "details")
      select gen_random_uuid(), now(), 'system:migration', 'apiKey.update', 'apiKey', k."id"::text,
             jsonb_build_object('name', k."name", 'prefix', k."prefix",
               'removedPermissions', to_jsonb(array(select p from unnest(k."permissions") p where p in ('PRODUCT_WRITE', 'STOCK_ADJUST'))),
               'reason', 'a key limited to channels cannot change what every channel sells')
        from "api_key" k where k."permissions" && array['PRODUCT_WRITE', 'STOCK_ADJUST']::text[];`);
    this
      .addSql(`update "api_key" set "permissions" = array_remove(array_remove("permissions", 'PRODUCT_WRITE'), 'STOCK_ADJUST')
      where "permissions" && array['PRODUCT_WRITE', 'STOCK_ADJUST']::text[];`);
  }

  override async down(): Promise<void> {
    // The permissions removed are in the audit log; they are not given back.
  }
}
