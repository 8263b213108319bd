/**
 * Access control as data: permissions named RESOURCE_ACTION, and each role as a set of them.
 * This table is the one place roles are defined; the auth checker, the API-key rules and the
 * README all read it.
 */
import { registerEnumType } from 'type-graphql';

export enum Permission {
  ORDER_READ = 'ORDER_READ',
  ORDER_PLACE = 'ORDER_PLACE',
  /** Confirm an order. */
  ORDER_UPDATE = 'ORDER_UPDATE',
  /** Put an order on hold and release it. */
  ORDER_HOLD = 'ORDER_HOLD',
  /** Cancel an order nothing has been paid for. */
  ORDER_CANCEL = 'ORDER_CANCEL',
  /** Cancel an order that has payments (on top of ORDER_CANCEL). */
  ORDER_CANCEL_PAID = 'ORDER_CANCEL_PAID',
  ORDER_NOTE = 'ORDER_NOTE',
  /** Change an order's lines, shipping charge and address while nothing has shipped (editOrder). */
  ORDER_EDIT = 'ORDER_EDIT',
  /** The customer of an order and its shipping address (personal data). */
  CUSTOMER_READ = 'CUSTOMER_READ',
  /** Erase a customer's personal data everywhere it is kept (GDPR); ADMIN only by default, never an API key's. */
  CUSTOMER_ERASE = 'CUSTOMER_ERASE',
  /** Payments and refunds of an order. */
  PAYMENT_READ = 'PAYMENT_READ',
  PAYMENT_RECORD = 'PAYMENT_RECORD',
  PAYMENT_REFUND = 'PAYMENT_REFUND',
  STOCK_READ = 'STOCK_READ',
  STOCK_ADJUST = 'STOCK_ADJUST',
  SHIPMENT_CREATE = 'SHIPMENT_CREATE',
  /** Mark a shipment delivered. */
  SHIPMENT_UPDATE = 'SHIPMENT_UPDATE',
  RETURN_CREATE = 'RETURN_CREATE',
  PRODUCT_READ = 'PRODUCT_READ',
  /** Create products and change their names and prices. */
  PRODUCT_WRITE = 'PRODUCT_WRITE',
  CHANNEL_READ = 'CHANNEL_READ',
  CHANNEL_WRITE = 'CHANNEL_WRITE',
  WAREHOUSE_READ = 'WAREHOUSE_READ',
  WAREHOUSE_WRITE = 'WAREHOUSE_WRITE',
  USER_MANAGE = 'USER_MANAGE',
  API_KEY_MANAGE = 'API_KEY_MANAGE',
  AUDIT_READ = 'AUDIT_READ',
  /** The event stream (`events`). */
  EVENT_READ = 'EVENT_READ',
  /** Webhook endpoints and their delivery logs; a partner key manages only its own endpoints, for its channels. */
  WEBHOOK_MANAGE = 'WEBHOOK_MANAGE',
  /** The background job queue: list jobs, retry failed ones. */
  JOB_MANAGE = 'JOB_MANAGE',
  /** Automation rules: list, switch on and off, change settings, create custom rules, dry runs. */
  RULE_MANAGE = 'RULE_MANAGE',
  /** Analytics and reports (sales, fulfilment, exceptions, inventory, top lists). */
  REPORT_READ = 'REPORT_READ',
  /** Export orders, products, stock, customers and events as CSV or JSON lines. */
  DATA_EXPORT = 'DATA_EXPORT',
  /** Import products, stock, customers and historical orders from CSV. */
  DATA_IMPORT = 'DATA_IMPORT',
  /** Customer e-mails: templates per channel, previews and (with CUSTOMER_READ) the message log. */
  EMAIL_MANAGE = 'EMAIL_MANAGE',
}
registerEnumType(Permission, {
  name: 'Permission',
  description: 'What a role or an API key may do, named RESOURCE_ACTION.',
});

export enum Role {
  ADMIN = 'ADMIN',
  MANAGER = 'MANAGER',
  FULFILLMENT = 'FULFILLMENT',
  SUPPORT = 'SUPPORT',
  VIEWER = 'VIEWER',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'A staff role: a fixed set of permissions (see rolePermissions).',
});

const P = Permission;
const ALL = Object.values(Permission);
const READ_BASICS = [P.ORDER_READ, P.STOCK_READ, P.PRODUCT_READ, P.CHANNEL_READ, P.WAREHOUSE_READ];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  [Role.ADMIN]: ALL,
  [Role.MANAGER]: ALL.filter(
    (p) =>
      ![
        P.USER_MANAGE,
        P.API_KEY_MANAGE,
        P.AUDIT_READ,
        P.WEBHOOK_MANAGE,
        P.JOB_MANAGE,
        P.DATA_IMPORT,
        P.CUSTOMER_ERASE,
      ].includes(p),
  ),
  [Role.FULFILLMENT]: [
    ...READ_BASICS,
    P.CUSTOMER_READ,
    P.ORDER_NOTE,
    P.STOCK_ADJUST,
    P.SHIPMENT_CREATE,
    P.SHIPMENT_UPDATE,
    P.RETURN_CREATE,
  ],
  [Role.SUPPORT]: [...READ_BASICS, P.CUSTOMER_READ, P.PAYMENT_READ, P.ORDER_HOLD, P.ORDER_CANCEL, P.ORDER_NOTE],
  [Role.VIEWER]: READ_BASICS,
};

/**
 * Permissions that change what every channel sells: products (names, prices) and stock are
 * shared by all channels. Only a caller for every channel may hold them; every API key is limited
 * to channels, so no key does (a key for channel A must not reprice or take stock from B).
 */
export const EVERY_CHANNEL_PERMISSIONS: readonly Permission[] = [P.PRODUCT_WRITE, P.STOCK_ADJUST];

/**
 * What a partner API key may be granted: everything that acts on orders of its channels, plus
 * stock and catalog reads, webhooks, reports and exports for its channels, but never access
 * management, creating channels and warehouses, the job queue, automation rules (they act on
 * every channel), imports, erasing customers (a customer is shared by every channel), or
 * changing the shared catalog and stock (EVERY_CHANNEL_PERMISSIONS).
 * A key's stored permissions are filtered through this list each time it is used.
 */
export const API_KEY_PERMISSIONS: readonly Permission[] = ALL.filter(
  (p) =>
    ![
      P.USER_MANAGE,
      P.API_KEY_MANAGE,
      P.AUDIT_READ,
      P.CHANNEL_WRITE,
      P.WAREHOUSE_WRITE,
      P.JOB_MANAGE,
      P.RULE_MANAGE,
      P.DATA_IMPORT,
      P.CUSTOMER_ERASE,
    ].includes(p) && !EVERY_CHANNEL_PERMISSIONS.includes(p),
);

/** Why a permission cannot be given to an API key, or undefined if it can. */
export function apiKeyRefusal(p: Permission): string | undefined {
  if (API_KEY_PERMISSIONS.includes(p)) return undefined;
  if (EVERY_CHANNEL_PERMISSIONS.includes(p))
    return `${p} cannot be given to an API key: it changes what every channel sells, and a key is limited to its channels`;
  return `${p} cannot be given to an API key`;
}

const ROLE_SETS = new Map(Object.entries(ROLE_PERMISSIONS).map(([role, list]) => [role, new Set(list)]));

export function permissionsOf(role: string): ReadonlySet<Permission> {
  return ROLE_SETS.get(role) ?? new Set();
}
