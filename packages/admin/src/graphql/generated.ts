/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { gql } from '@apollo/client';
import * as ApolloReactCommon from '@apollo/client';
import * as ApolloReactHooks from '@apollo/client';
const defaultOptions = {} as const;
export type AddressInput = {
  city: string;
  /** ISO 3166-1 alpha-2, e.g. DE. */
  country: string;
  line1: string;
  line2?: string | null | undefined;
  name?: string | null | undefined;
  postalCode: string;
};

export type AdjustStockInput = {
  /** Change of on-hand units; negative to remove. On hand can never drop below reserved. */
  delta: number;
  /** Why, e.g. "goods received PO-123" or "stock count". */
  reason: string;
  sku: string;
  warehouseCode: string;
};

/** One action over many orders: give exactly one of filter and ids. */
export type BulkOrderActionInput = {
  action: BulkOrderActionKind;
  /** Every order the `orders` list shows you for this filter, as it matches when the job starts. */
  filter?: OrderFilter | null | undefined;
  /** These orders (at most 50,000). */
  ids?: Array<string | number> | null | undefined;
  /** HOLD: required. CANCEL: optional. */
  reason?: string | null | undefined;
  /** ADD_TAG, REMOVE_TAG: required. */
  tag?: string | null | undefined;
};

/** The order action a bulk job takes on each order, as confirmOrder, holdOrder, releaseOrderHold, cancelOrder, addOrderTag and removeOrderTag would. */
export enum BulkOrderActionKind {
  AddTag = 'ADD_TAG',
  Cancel = 'CANCEL',
  Confirm = 'CONFIRM',
  Hold = 'HOLD',
  ReleaseHold = 'RELEASE_HOLD',
  RemoveTag = 'REMOVE_TAG'
}

/** QUEUED: waiting for a worker; RUNNING; DONE: every order has its result (refusals included); FAILED: stopped early (see error). */
export enum BulkOrderJobState {
  Done = 'DONE',
  Failed = 'FAILED',
  Queued = 'QUEUED',
  Running = 'RUNNING'
}

export type ChangePasswordInput = {
  currentPassword: string;
  /** 10 to 200 characters and at most 72 bytes (UTF-8), different from the current one. */
  newPassword: string;
};

export type CreateApiKeyInput = {
  /** The channels the key may see and place orders into (at least one). */
  channelCodes: Array<string>;
  /** Who the key is for, e.g. "Marketplace X". */
  name: string;
  permissions: Array<Permission>;
};

/** A custom rule. Conditions: [{ field, op, value }], all must hold; actions: [{ type, ... }], run in order (see docs/automation.md). */
export type CreateAutomationRuleInput = {
  actions: unknown;
  conditions: unknown;
  description?: string | null | undefined;
  /** Default false. */
  enabled?: boolean | null | undefined;
  /** Stable key: 2 to 64 lower-case letters, digits and -. */
  key: string;
  name: string;
  /** Default: after every other rule. */
  position?: number | null | undefined;
  /** An order event type (e.g. order.placed) or "schedule". */
  trigger: string;
};

export type CreateChannelInput = {
  /** Unique, e.g. WEB. Letters, digits, - and _. */
  code: string;
  /** ISO 4217, e.g. EUR. */
  currency: string;
  name: string;
};

export type CreateReturnInput = {
  lines: Array<SkuQuantityInput>;
  orderId: string | number;
  reason?: string | null | undefined;
  /** Put the units back on hand in the warehouses they shipped from. */
  restock: boolean;
};

export type CreateShipmentInput = {
  carrier?: string | null | undefined;
  lines: Array<SkuQuantityInput>;
  orderId: string | number;
  trackingNumber?: string | null | undefined;
  warehouseCode: string;
};

export type CreateUserInput = {
  email: string;
  name: string;
  /** A one-time password: the user must choose a new one at first sign-in. 10 to 200 characters, at most 72 bytes. */
  password: string;
  role: Role;
};

export type CreateWarehouseInput = {
  code: string;
  name: string;
  /** Sourcing order: lower numbers are used first. */
  priority: number;
};

export type CreateWebhookEndpointInput = {
  /** Only events of these channels. Absent: every channel (for a partner key: all of its channels). */
  channelCodes?: Array<string> | null | undefined;
  /** Event types to deliver: order.placed, order.status_changed, order.cancelled, order.note_added, payment.recorded, payment.refunded, shipment.created, shipment.delivered, return.created, stock.adjusted, stock.low, order.late, order.tag_added, order.tag_removed, order.stock_allocated, rule.notified, rule.webhook, order.edited. */
  eventTypes: Array<string>;
  /** http or https URL that receives POST requests. */
  url: string;
};

export type CustomerInput = {
  email: string;
  name?: string | null | undefined;
};

/** Changes to an order before anything has shipped; fields left out stay as they are. */
export type EditOrderInput = {
  /** The complete new set of lines: a SKU left out is removed, a new SKU is added. A kept SKU keeps its unit price unless unitPrice is given; a new one takes the product price. Tax: a new line takes taxAmount/taxRate as at placement; a kept line takes taxAmount when given, else is recomputed from taxRate (given, or the one it has), else its tax is scaled by the quantity ratio. */
  lines?: Array<OrderLineInput> | null | undefined;
  orderId: string | number;
  /** Why the order is changed; recorded in its history. */
  reason: string;
  /** The new shipping address, whole. */
  shippingAddress?: AddressInput | null | undefined;
  /** The new shipping charge in minor units. */
  shippingAmount?: number | null | undefined;
};

/** What a customer e-mail is about (the stream event it answers). */
export enum EmailEvent {
  /** order.cancelled */
  OrderCancelled = 'ORDER_CANCELLED',
  /** shipment.delivered */
  OrderDelivered = 'ORDER_DELIVERED',
  /** order.placed */
  OrderPlaced = 'ORDER_PLACED',
  /** payment.refunded */
  OrderRefunded = 'ORDER_REFUNDED',
  /** shipment.created (with carrier and tracking number) */
  OrderShipped = 'ORDER_SHIPPED'
}

export type EmailMessageFilter = {
  orderId?: string | number | null | undefined;
  status?: EmailStatus | null | undefined;
};

/** QUEUED: waiting to be sent; SENT: the SMTP server accepted it; FAILED: the last attempt failed (retried until the attempts are used up); SKIPPED: not sent (no recipient). */
export enum EmailStatus {
  Failed = 'FAILED',
  Queued = 'QUEUED',
  Sent = 'SENT',
  Skipped = 'SKIPPED'
}

/** Unsaved template parts to preview (parts not given: the saved template). */
export type EmailTemplateDraftInput = {
  html?: string | null | undefined;
  subject?: string | null | undefined;
  text?: string | null | undefined;
};

/** Why a mutation was refused. */
export enum ErrorCode {
  Conflict = 'CONFLICT',
  Forbidden = 'FORBIDDEN',
  InsufficientStock = 'INSUFFICIENT_STOCK',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  InvalidInput = 'INVALID_INPUT',
  InvalidTransition = 'INVALID_TRANSITION',
  NotFound = 'NOT_FOUND'
}

/** CSV, or JSON lines (one JSON object per line). */
export enum ExportFormat {
  Csv = 'CSV',
  Jsonl = 'JSONL'
}

/** DONE: the file can be downloaded until expiresAt; EXPIRED: it was deleted. */
export enum ExportJobState {
  Done = 'DONE',
  Expired = 'EXPIRED',
  Failed = 'FAILED',
  Queued = 'QUEUED',
  Running = 'RUNNING'
}

/** What to export. */
export enum ExportKind {
  Customers = 'CUSTOMERS',
  Events = 'EVENTS',
  Orders = 'ORDERS',
  Products = 'PRODUCTS',
  Stock = 'STOCK'
}

/** CREATED: queued; RETRY: failed, waiting for its next attempt; ACTIVE: running; FAILED: retries used up. Dead letters are jobs of a `<queue>__dead` queue. */
export enum JobState {
  Active = 'ACTIVE',
  Cancelled = 'CANCELLED',
  Completed = 'COMPLETED',
  Created = 'CREATED',
  Failed = 'FAILED',
  Retry = 'RETRY'
}

/** Something that can be done to an order (see Order.availableActions). */
export enum OrderAction {
  /** cancelOrder */
  Cancel = 'CANCEL',
  /** confirmOrder */
  Confirm = 'CONFIRM',
  /** createReturn */
  CreateReturn = 'CREATE_RETURN',
  /** createShipment */
  CreateShipment = 'CREATE_SHIPMENT',
  /** editOrder: lines, shipping charge and address, while nothing has shipped */
  Edit = 'EDIT',
  /** holdOrder */
  Hold = 'HOLD',
  /** markShipmentDelivered (of a shipment not yet delivered) */
  MarkDelivered = 'MARK_DELIVERED',
  /** recordPayment */
  RecordPayment = 'RECORD_PAYMENT',
  /** refundPayment */
  Refund = 'REFUND',
  /** releaseOrderHold: back to the status before the hold */
  ReleaseHold = 'RELEASE_HOLD'
}

/** What happened to an order. */
export enum OrderEventType {
  Imported = 'IMPORTED',
  MarkedLate = 'MARKED_LATE',
  NoteAdded = 'NOTE_ADDED',
  OrderEdited = 'ORDER_EDITED',
  PaymentRecorded = 'PAYMENT_RECORDED',
  PaymentRefunded = 'PAYMENT_REFUNDED',
  Placed = 'PLACED',
  ReturnCreated = 'RETURN_CREATED',
  RuleNotified = 'RULE_NOTIFIED',
  RuleWebhook = 'RULE_WEBHOOK',
  ShipmentCreated = 'SHIPMENT_CREATED',
  ShipmentDelivered = 'SHIPMENT_DELIVERED',
  StatusChanged = 'STATUS_CHANGED',
  StockAllocated = 'STOCK_ALLOCATED',
  TagAdded = 'TAG_ADDED',
  TagRemoved = 'TAG_REMOVED'
}

export type OrderFilter = {
  channelCode?: string | null | undefined;
  placedFrom?: string | null | undefined;
  placedTo?: string | null | undefined;
  /** Order number or external id (exactly), or part of the customer e-mail or name (with CUSTOMER_READ only). */
  search?: string | null | undefined;
  status?: Array<OrderStatus> | null | undefined;
  /** Only orders with this tag. */
  tag?: string | null | undefined;
};

export type OrderLineInput = {
  quantity: number;
  sku: string;
  /** The tax the sales channel charged on the whole line, in minor units; taken as given (it wins over taxRate). Prices stay net: the tax is added to the total. */
  taxAmount?: number | null | undefined;
  /** The tax rate in basis points (1900 = 19 %), 0 to 100000. Given alone, the line tax is round(net × taxRate / 10000), half away from zero. */
  taxRate?: number | null | undefined;
  /** Unit price in minor units of the channel's currency; defaults to the product price. */
  unitPrice?: number | null | undefined;
};

/** Order of the orders list; ties are broken by id, so cursors stay stable. */
export enum OrderSort {
  PlacedAtAsc = 'PLACED_AT_ASC',
  PlacedAtDesc = 'PLACED_AT_DESC',
  TotalAsc = 'TOTAL_ASC',
  TotalDesc = 'TOTAL_DESC',
  UpdatedAtDesc = 'UPDATED_AT_DESC'
}

/** Where an order is in its lifecycle. */
export enum OrderStatus {
  Cancelled = 'CANCELLED',
  Confirmed = 'CONFIRMED',
  Delivered = 'DELIVERED',
  OnHold = 'ON_HOLD',
  PartiallyShipped = 'PARTIALLY_SHIPPED',
  Pending = 'PENDING',
  Returned = 'RETURNED',
  Shipped = 'SHIPPED'
}

/** Derived from the payments and refunds of an order. */
export enum PaymentStatus {
  Paid = 'PAID',
  PartiallyPaid = 'PARTIALLY_PAID',
  PartiallyRefunded = 'PARTIALLY_REFUNDED',
  Refunded = 'REFUNDED',
  Unpaid = 'UNPAID'
}

/** What a role or an API key may do, named RESOURCE_ACTION. */
export enum Permission {
  ApiKeyManage = 'API_KEY_MANAGE',
  AuditRead = 'AUDIT_READ',
  ChannelRead = 'CHANNEL_READ',
  ChannelWrite = 'CHANNEL_WRITE',
  CustomerErase = 'CUSTOMER_ERASE',
  CustomerRead = 'CUSTOMER_READ',
  DataExport = 'DATA_EXPORT',
  DataImport = 'DATA_IMPORT',
  EmailManage = 'EMAIL_MANAGE',
  EventRead = 'EVENT_READ',
  JobManage = 'JOB_MANAGE',
  OrderCancel = 'ORDER_CANCEL',
  OrderCancelPaid = 'ORDER_CANCEL_PAID',
  OrderEdit = 'ORDER_EDIT',
  OrderHold = 'ORDER_HOLD',
  OrderNote = 'ORDER_NOTE',
  OrderPlace = 'ORDER_PLACE',
  OrderRead = 'ORDER_READ',
  OrderUpdate = 'ORDER_UPDATE',
  PaymentRead = 'PAYMENT_READ',
  PaymentRecord = 'PAYMENT_RECORD',
  PaymentRefund = 'PAYMENT_REFUND',
  ProductRead = 'PRODUCT_READ',
  ProductWrite = 'PRODUCT_WRITE',
  ReportRead = 'REPORT_READ',
  ReturnCreate = 'RETURN_CREATE',
  RuleManage = 'RULE_MANAGE',
  ShipmentCreate = 'SHIPMENT_CREATE',
  ShipmentUpdate = 'SHIPMENT_UPDATE',
  StockAdjust = 'STOCK_ADJUST',
  StockRead = 'STOCK_READ',
  UserManage = 'USER_MANAGE',
  WarehouseRead = 'WAREHOUSE_READ',
  WarehouseWrite = 'WAREHOUSE_WRITE',
  WebhookManage = 'WEBHOOK_MANAGE'
}

export type PlaceOrderInput = {
  channelCode: string;
  customer: CustomerInput;
  /** The order's id in the sales channel. Placing the same (channelCode, externalId) again returns the first order. */
  externalId?: string | null | undefined;
  lines: Array<OrderLineInput>;
  note?: string | null | undefined;
  shippingAddress: AddressInput;
  /** Shipping charge in minor units; default 0. */
  shippingAmount?: number | null | undefined;
};

export type RecordPaymentInput = {
  /** Minor units of the order's currency. */
  amount: number;
  /** If given, must equal the order's currency. */
  currency?: string | null | undefined;
  /** e.g. card, paypal, bank_transfer, invoice. */
  method: string;
  orderId: string | number;
  /** The provider's reference; recording the same reference twice on an order is refused. */
  reference?: string | null | undefined;
};

export type RefundPaymentInput = {
  /** Minor units of the order's currency; at most what was paid and not yet refunded. */
  amount: number;
  orderId: string | number;
  reason?: string | null | undefined;
};

/** Which stored events to send again to an endpoint; every filter is optional. */
export type ReplayEventsInput = {
  /** Only events after this one (an event id, e.g. the last one a receiver processed). */
  after?: string | number | null | undefined;
  endpointId: string | number;
  /** Only events that happened at or after this time. */
  from?: string | null | undefined;
  /** Only events that happened before this time. */
  to?: string | null | undefined;
  /** Only these event types (of those the endpoint subscribes to). Absent: all of its types. */
  types?: Array<string> | null | undefined;
};

/** Time bucket of a report series: day, ISO week (from Monday) or calendar month, in the store time zone (OMS_TIME_ZONE, default UTC). */
export enum ReportBucket {
  Day = 'DAY',
  Month = 'MONTH',
  Week = 'WEEK'
}

/** What a report covers. Whole days of the store time zone (OMS_TIME_ZONE, default UTC): the day of `from` up to and including the day of the last instant before `to`; at most 366 days. */
export type ReportFilter = {
  /** Default DAY. */
  bucket?: ReportBucket | null | undefined;
  /** Only this channel (a partner key: one of its own). */
  channelCode?: string | null | undefined;
  from: string;
  /** Exclusive: 2026-02-01T00:00:00Z ends the period with January 31. */
  to: string;
  /** Only this warehouse: fulfilment (by the warehouse of the first shipment) and inventory figures. */
  warehouseCode?: string | null | undefined;
};

/** A staff role: a fixed set of permissions (see rolePermissions). */
export enum Role {
  Admin = 'ADMIN',
  Fulfillment = 'FULFILLMENT',
  Manager = 'MANAGER',
  Support = 'SUPPORT',
  Viewer = 'VIEWER'
}

/** APPLIED: actions ran; SKIPPED: conditions false or loop protection; FAILED: an action was refused (reason). */
export enum RuleExecutionOutcome {
  Applied = 'APPLIED',
  Failed = 'FAILED',
  Skipped = 'SKIPPED'
}

export enum ShipmentStatus {
  Delivered = 'DELIVERED',
  Shipped = 'SHIPPED'
}

export type SkuQuantityInput = {
  quantity: number;
  sku: string;
};

export type StartExportInput = {
  /** The same filters as the GET /export query parameters, e.g. { "status": ["CONFIRMED"], "channelCode": "WEB" }. */
  filter?: unknown;
  format: ExportFormat;
  kind: ExportKind;
  /** CSV only: text cells starting with =, +, -, @, tab or carriage return get a leading apostrophe, so that a spreadsheet shows them instead of running them as formulas. */
  spreadsheetSafe?: boolean | null | undefined;
};

/** Narrows Query.stock; every field given must match. */
export type StockFilter = {
  /** Only rows with fewer units available (onHand - reserved) than this, e.g. 1 for the sold out. */
  availableBelow?: number | null | undefined;
  /** Part of the SKU or the product name, case-insensitive. */
  search?: string | null | undefined;
  /** Exactly this SKU. */
  sku?: string | null | undefined;
  /** Exactly this warehouse. */
  warehouseCode?: string | null | undefined;
};

export enum StockMovementKind {
  Adjustment = 'ADJUSTMENT',
  Return = 'RETURN',
  Shipment = 'SHIPMENT'
}

/** Built-in rules: enabled, settings (merged into the current ones) and position. Custom rules: anything but settings. */
export type UpdateAutomationRuleInput = {
  actions?: unknown;
  conditions?: unknown;
  description?: string | null | undefined;
  enabled?: boolean | null | undefined;
  key: string;
  name?: string | null | undefined;
  position?: number | null | undefined;
  settings?: unknown;
  trigger?: string | null | undefined;
};

/** A channel's template for one event (Mustache: {{order.number}}, {{#lines}}...{{/lines}}; see docs/emails.md). Parts not given keep their current text. */
export type UpdateEmailTemplateInput = {
  channelCode: string;
  event: EmailEvent;
  html?: string | null | undefined;
  /** True: delete the override; the channel uses the default again. */
  reset?: boolean | null | undefined;
  subject?: string | null | undefined;
  text?: string | null | undefined;
};

export type UpdateUserInput = {
  /** false signs the user out everywhere at once and refuses their sign-ins. */
  active?: boolean | null | undefined;
  id: string | number;
  name?: string | null | undefined;
  /** Resets the password to a one-time password (the user must change it) and signs them out. */
  password?: string | null | undefined;
  role?: Role | null | undefined;
};

export type UpdateWebhookEndpointInput = {
  /** false disables the endpoint; true enables it again (and clears its failure count). */
  active?: boolean | null | undefined;
  /** Replaces the channels (an admin may pass [] for every channel). */
  channelCodes?: Array<string> | null | undefined;
  eventTypes?: Array<string> | null | undefined;
  id: string | number;
  url?: string | null | undefined;
};

export type UpsertProductInput = {
  /** Default false. */
  allowBackorder?: boolean | null | undefined;
  /** ISO 4217, e.g. EUR. */
  currency: string;
  name: string;
  /** Price in minor units. */
  price: number;
  /** Creates the product if no product has this SKU, else updates it. */
  sku: string;
};

/** PENDING: not attempted yet; RETRYING: failed, another attempt is scheduled; DELIVERED: a 2xx answer; FAILED: given up (a 4xx other than 408 and 429, a 3xx, a refused address, or retries exhausted). */
export enum WebhookDeliveryStatus {
  Delivered = 'DELIVERED',
  Failed = 'FAILED',
  Pending = 'PENDING',
  Retrying = 'RETRYING'
}

export type StaffUserFragment = { id: string, email: string, name: string, role: Role, active: boolean, mustChangePassword: boolean, lastLoginAt: string | null, createdAt: string };

export type UsersQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type UsersQuery = { users: { totalCount: number, nodes: Array<{ id: string, email: string, name: string, role: Role, active: boolean, mustChangePassword: boolean, lastLoginAt: string | null, createdAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { user: { id: string, email: string, name: string, role: Role, active: boolean, mustChangePassword: boolean, lastLoginAt: string | null, createdAt: string } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type UpdateUserMutationVariables = Exact<{
  input: UpdateUserInput;
}>;


export type UpdateUserMutation = { updateUser: { user: { id: string, email: string, name: string, role: Role, active: boolean, mustChangePassword: boolean, lastLoginAt: string | null, createdAt: string } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ChangePasswordMutation = { changePassword: { user: { id: string, mustChangePassword: boolean } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type PartnerKeyFragment = { id: string, name: string, prefix: string, permissions: Array<Permission>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null, previousValidUntil: string | null, channels: Array<{ code: string }> };

export type ApiKeysQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ApiKeysQuery = { apiKeys: { totalCount: number, nodes: Array<{ id: string, name: string, prefix: string, permissions: Array<Permission>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null, previousValidUntil: string | null, channels: Array<{ code: string }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, channels: Array<{ id: string, code: string, name: string }> };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { secret: string | null, apiKey: { id: string, name: string, prefix: string, permissions: Array<Permission>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null, previousValidUntil: string | null, channels: Array<{ code: string }> } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type RotateApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RotateApiKeyMutation = { rotateApiKey: { secret: string | null, apiKey: { id: string, name: string, prefix: string, permissions: Array<Permission>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null, previousValidUntil: string | null, channels: Array<{ code: string }> } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { apiKey: { id: string, name: string, prefix: string, permissions: Array<Permission>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null, previousValidUntil: string | null, channels: Array<{ code: string }> } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AuditLogQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { totalCount: number, nodes: Array<{ id: string, at: string, actor: string, action: string, targetType: string, targetId: string | null, details: unknown }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login: { token: string | null, mustChangePassword: boolean | null, user: { id: string, email: string, name: string, role: Role, mustChangePassword: boolean, permissions: Array<Permission> } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, name: string, role: Role, mustChangePassword: boolean, permissions: Array<Permission> } | null };

export type AutomationRuleFieldsFragment = { id: string, key: string, name: string, description: string, builtIn: boolean, trigger: string, enabled: boolean, position: number, settings: unknown, conditions: unknown, actions: unknown, updatedAt: string };

export type AutomationRulesQueryVariables = Exact<{ [key: string]: never; }>;


export type AutomationRulesQuery = { automationRules: Array<{ id: string, key: string, name: string, description: string, builtIn: boolean, trigger: string, enabled: boolean, position: number, settings: unknown, conditions: unknown, actions: unknown, updatedAt: string }> };

export type UpdateAutomationRuleMutationVariables = Exact<{
  input: UpdateAutomationRuleInput;
}>;


export type UpdateAutomationRuleMutation = { updateAutomationRule: { rule: { id: string, key: string, name: string, description: string, builtIn: boolean, trigger: string, enabled: boolean, position: number, settings: unknown, conditions: unknown, actions: unknown, updatedAt: string } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type CreateAutomationRuleMutationVariables = Exact<{
  input: CreateAutomationRuleInput;
}>;


export type CreateAutomationRuleMutation = { createAutomationRule: { rule: { id: string, key: string, name: string, description: string, builtIn: boolean, trigger: string, enabled: boolean, position: number, settings: unknown, conditions: unknown, actions: unknown, updatedAt: string } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type DeleteAutomationRuleMutationVariables = Exact<{
  key: string;
}>;


export type DeleteAutomationRuleMutation = { deleteAutomationRule: { deletedKey: string | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type DryRunAutomationQueryVariables = Exact<{
  orderId: string | number;
}>;


export type DryRunAutomationQuery = { dryRunAutomation: Array<{ ruleKey: string, name: string, enabled: boolean, trigger: string, matches: boolean, actions: Array<string>, reason: string }> };

export type RuleExecutionsQueryVariables = Exact<{
  ruleKey?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type RuleExecutionsQuery = { ruleExecutions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, ruleKey: string, orderId: string | null, orderNumber: string | null, aggregateId: string | null, eventId: string | null, outcome: RuleExecutionOutcome, reason: string | null, actions: Array<string>, at: string }> } };

export type CustomerListItemFragment = { id: string, email: string, name: string | null, erasedAt: string | null, orderCount: number, lastOrderAt: string | null, lifetimeValue: Array<{ amount: number, currency: string }> };

export type CustomersQueryVariables = Exact<{
  search?: string | null | undefined;
  after?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type CustomersQuery = { customers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, email: string, name: string | null, erasedAt: string | null, orderCount: number, lastOrderAt: string | null, lifetimeValue: Array<{ amount: number, currency: string }> }> } };

export type CustomerDetailQueryVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
}>;


export type CustomerDetailQuery = { customer: { createdAt: string, firstOrderAt: string | null, id: string, email: string, name: string | null, erasedAt: string | null, orderCount: number, lastOrderAt: string | null, orders: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, number: string, status: OrderStatus, placedAt: string, total: { amount: number, currency: string }, channel: { id: string, code: string } }> }, lifetimeValue: Array<{ amount: number, currency: string }> } | null };

export type ExportCustomerDataQueryVariables = Exact<{
  id: string | number;
}>;


export type ExportCustomerDataQuery = { exportCustomerData: unknown };

export type EraseCustomerMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type EraseCustomerMutation = { eraseCustomer: { alreadyErased: boolean | null, customer: { id: string, email: string, name: string | null, erasedAt: string | null, orderCount: number, lastOrderAt: string | null, lifetimeValue: Array<{ amount: number, currency: string }> } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type DashboardFiguresQueryVariables = Exact<{
  today: string;
  week: string;
  lateHours: number;
}>;


export type DashboardFiguresQuery = { orderStatusCounts: Array<{ status: OrderStatus, count: number }>, today: Array<{ channelCode: string, channelName: string, orders: number, revenue: { amount: number, currency: string } }>, week: Array<{ channelCode: string, channelName: string, orders: number, revenue: { amount: number, currency: string } }>, lateOrders: { totalCount: number, nodes: Array<{ id: string, number: string, status: OrderStatus, channelCode: string, confirmedAt: string }> } };

export type DashboardStockQueryVariables = Exact<{
  below: number;
}>;


export type DashboardStockQuery = { stock: { totalCount: number, nodes: Array<{ id: string, sku: string, onHand: number, reserved: number, available: number, warehouse: { id: string, code: string }, product: { id: string, name: string } }> } };

export type DashboardFeedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type DashboardFeedSubscription = { orderUpdated: { order: { id: string, number: string, status: OrderStatus }, event: { id: string, type: OrderEventType, fromStatus: OrderStatus | null, toStatus: OrderStatus | null, actor: string, at: string, message: string | null } } };

export type ExportJobFieldsFragment = { id: string, kind: ExportKind, format: ExportFormat, state: ExportJobState, rowsDone: number, rowsTotal: number | null, downloadUrl: string | null, error: string | null, expiresAt: string | null };

export type StartExportMutationVariables = Exact<{
  input: StartExportInput;
}>;


export type StartExportMutation = { startExport: { job: { id: string, kind: ExportKind, format: ExportFormat, state: ExportJobState, rowsDone: number, rowsTotal: number | null, downloadUrl: string | null, error: string | null, expiresAt: string | null } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type ExportJobQueryVariables = Exact<{
  id: string | number;
}>;


export type ExportJobQuery = { exportJob: { id: string, kind: ExportKind, format: ExportFormat, state: ExportJobState, rowsDone: number, rowsTotal: number | null, downloadUrl: string | null, error: string | null, expiresAt: string | null } | null };

export type EmailTemplateFieldsFragment = { channelCode: string, event: EmailEvent, subject: string, text: string, html: string, customized: boolean, variables: Array<string>, updatedAt: string | null, updatedBy: string | null };

export type EmailChannelsQueryVariables = Exact<{ [key: string]: never; }>;


export type EmailChannelsQuery = { channels: Array<{ id: string, code: string, name: string }> };

export type EmailTemplatesQueryVariables = Exact<{
  channelCode: string;
}>;


export type EmailTemplatesQuery = { emailTemplates: Array<{ channelCode: string, event: EmailEvent, subject: string, text: string, html: string, customized: boolean, variables: Array<string>, updatedAt: string | null, updatedBy: string | null }> };

export type PreviewEmailQueryVariables = Exact<{
  channelCode: string;
  event: EmailEvent;
  orderId?: string | number | null | undefined;
  draft?: EmailTemplateDraftInput | null | undefined;
}>;


export type PreviewEmailQuery = { previewEmail: { subject: string, text: string, html: string, recipient: string, sample: boolean, problems: Array<string> } };

export type UpdateEmailTemplateMutationVariables = Exact<{
  input: UpdateEmailTemplateInput;
}>;


export type UpdateEmailTemplateMutation = { updateEmailTemplate: { template: { channelCode: string, event: EmailEvent, subject: string, text: string, html: string, customized: boolean, variables: Array<string>, updatedAt: string | null, updatedBy: string | null } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type EmailMessagesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: EmailMessageFilter | null | undefined;
}>;


export type EmailMessagesQuery = { emailMessages: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, event: EmailEvent, orderId: string, orderNumber: string | null, recipient: string, subject: string, status: EmailStatus, attempts: number, lastError: string | null, createdAt: string, sentAt: string | null }> } };

export type EventsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  type?: string | null | undefined;
  aggregateId?: string | number | null | undefined;
}>;


export type EventsQuery = { events: { totalCount: number, nodes: Array<{ id: string, type: string, aggregateId: string, occurredAt: string, actor: string, payload: unknown }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type EventTypesQueryVariables = Exact<{ [key: string]: never; }>;


export type EventTypesQuery = { eventTypes: Array<string> };

export type StockLevelRowFragment = { id: string, sku: string, onHand: number, reserved: number, available: number, updatedAt: string, product: { id: string, name: string }, warehouse: { id: string, code: string, name: string } };

export type StockQueryVariables = Exact<{
  filter?: StockFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type StockQuery = { stock: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, sku: string, onHand: number, reserved: number, available: number, updatedAt: string, product: { id: string, name: string }, warehouse: { id: string, code: string, name: string } }> } };

export type AdjustStockMutationVariables = Exact<{
  input: AdjustStockInput;
}>;


export type AdjustStockMutation = { adjustStock: { stockLevel: { id: string, sku: string, onHand: number, reserved: number, available: number, updatedAt: string, product: { id: string, name: string }, warehouse: { id: string, code: string, name: string } } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type ProductRowFragment = { id: string, sku: string, name: string, allowBackorder: boolean, updatedAt: string, price: { amount: number, currency: string } };

export type ProductsQueryVariables = Exact<{
  search?: string | null | undefined;
  after?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type ProductsQuery = { products: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, sku: string, name: string, allowBackorder: boolean, updatedAt: string, price: { amount: number, currency: string } }> } };

export type UpsertProductMutationVariables = Exact<{
  input: UpsertProductInput;
}>;


export type UpsertProductMutation = { upsertProduct: { product: { id: string, sku: string, name: string, allowBackorder: boolean, updatedAt: string, price: { amount: number, currency: string } } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type InventoryWarehousesQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type InventoryWarehousesQuery = { warehouses: { totalCount: number, nodes: Array<{ id: string, code: string, name: string, priority: number, createdAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateWarehouseMutationVariables = Exact<{
  input: CreateWarehouseInput;
}>;


export type CreateWarehouseMutation = { createWarehouse: { warehouse: { id: string, code: string, name: string, priority: number, createdAt: string } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type InventoryChannelsQueryVariables = Exact<{ [key: string]: never; }>;


export type InventoryChannelsQuery = { channels: Array<{ id: string, code: string, name: string, currency: string, createdAt: string }> };

export type CreateChannelMutationVariables = Exact<{
  input: CreateChannelInput;
}>;


export type CreateChannelMutation = { createChannel: { channel: { id: string, code: string, name: string, currency: string, createdAt: string } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type StockMovementsQueryVariables = Exact<{
  sku?: string | null | undefined;
  warehouseCode?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type StockMovementsQuery = { stockMovements: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, kind: StockMovementKind, delta: number, reason: string | null, orderId: string | null, actor: string, at: string, sku: string, warehouse: { id: string, code: string } }> } };

export type InventoryOrderEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type InventoryOrderEventsSubscription = { orderUpdated: { order: { id: string }, event: { id: string, type: OrderEventType, toStatus: OrderStatus | null } } };

export type JobRowFragment = { id: string, queue: string, state: JobState, data: unknown, retryCount: number, retryLimit: number, createdOn: string, startAfter: string, startedOn: string | null, completedOn: string | null, error: string | null };

export type JobsQueryVariables = Exact<{
  queue?: string | null | undefined;
  state?: JobState | null | undefined;
  first?: number | null | undefined;
}>;


export type JobsQuery = { jobs: Array<{ id: string, queue: string, state: JobState, data: unknown, retryCount: number, retryLimit: number, createdOn: string, startAfter: string, startedOn: string | null, completedOn: string | null, error: string | null }> };

export type RetryJobMutationVariables = Exact<{
  queue: string;
  id: string | number;
}>;


export type RetryJobMutation = { retryJob: { job: { id: string, queue: string, state: JobState, data: unknown, retryCount: number, retryLimit: number, createdOn: string, startAfter: string, startedOn: string | null, completedOn: string | null, error: string | null } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type NewOrderChannelsQueryVariables = Exact<{ [key: string]: never; }>;


export type NewOrderChannelsQuery = { channels: Array<{ id: string, code: string, name: string, currency: string }> };

export type NewOrderProductsQueryVariables = Exact<{
  search?: string | null | undefined;
}>;


export type NewOrderProductsQuery = { products: { nodes: Array<{ id: string, sku: string, name: string, allowBackorder: boolean, price: { amount: number, currency: string }, stockLevels: Array<{ id: string, available: number, warehouse: { id: string, code: string } }> }> } };

export type PlaceStaffOrderMutationVariables = Exact<{
  input: PlaceOrderInput;
}>;


export type PlaceStaffOrderMutation = { placeOrder: { order: { id: string, number: string } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type OrderDetailFragment = { id: string, number: string, externalId: string | null, status: OrderStatus, holdReason: string | null, cancelReason: string | null, tags: Array<string>, paymentStatus: PaymentStatus, currency: string, note: string | null, placedAt: string, updatedAt: string, nextStatuses: Array<OrderStatus>, availableActions: Array<OrderAction>, subtotal: { amount: number, currency: string }, shipping: { amount: number, currency: string }, taxTotal: { amount: number, currency: string }, total: { amount: number, currency: string }, totalPaid: { amount: number, currency: string }, totalRefunded: { amount: number, currency: string }, amountDue: { amount: number, currency: string }, refundDue: { amount: number, currency: string }, channel: { id: string, code: string, name: string }, customer: { id: string, email: string, name: string | null } | null, shippingAddress: { name: string | null, line1: string, line2: string | null, city: string, postalCode: string, country: string } | null, lines: Array<{ id: string, sku: string, name: string, quantity: number, quantityShipped: number, quantityReturned: number, taxRate: number | null, unitPrice: { amount: number, currency: string }, lineTotal: { amount: number, currency: string }, tax: { amount: number, currency: string }, allocations: Array<{ id: string, quantity: number, quantityShipped: number, quantityReturned: number, quantityReserved: number, warehouse: { id: string, code: string, name: string } }> }>, payments: Array<{ id: string, method: string, reference: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, refunds: Array<{ id: string, reason: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, shipments: Array<{ id: string, status: ShipmentStatus, carrier: string | null, trackingNumber: string | null, shippedAt: string, deliveredAt: string | null, warehouse: { id: string, code: string, name: string }, lines: Array<{ id: string, sku: string, quantity: number }> }>, returns: Array<{ id: string, reason: string | null, restock: boolean, createdAt: string, lines: Array<{ id: string, sku: string, quantity: number }> }>, history: Array<{ id: string, type: OrderEventType, fromStatus: OrderStatus | null, toStatus: OrderStatus | null, message: string | null, actor: string, at: string }> };

export type OrderDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type OrderDetailQuery = { order: { id: string, number: string, externalId: string | null, status: OrderStatus, holdReason: string | null, cancelReason: string | null, tags: Array<string>, paymentStatus: PaymentStatus, currency: string, note: string | null, placedAt: string, updatedAt: string, nextStatuses: Array<OrderStatus>, availableActions: Array<OrderAction>, subtotal: { amount: number, currency: string }, shipping: { amount: number, currency: string }, taxTotal: { amount: number, currency: string }, total: { amount: number, currency: string }, totalPaid: { amount: number, currency: string }, totalRefunded: { amount: number, currency: string }, amountDue: { amount: number, currency: string }, refundDue: { amount: number, currency: string }, channel: { id: string, code: string, name: string }, customer: { id: string, email: string, name: string | null } | null, shippingAddress: { name: string | null, line1: string, line2: string | null, city: string, postalCode: string, country: string } | null, lines: Array<{ id: string, sku: string, name: string, quantity: number, quantityShipped: number, quantityReturned: number, taxRate: number | null, unitPrice: { amount: number, currency: string }, lineTotal: { amount: number, currency: string }, tax: { amount: number, currency: string }, allocations: Array<{ id: string, quantity: number, quantityShipped: number, quantityReturned: number, quantityReserved: number, warehouse: { id: string, code: string, name: string } }> }>, payments: Array<{ id: string, method: string, reference: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, refunds: Array<{ id: string, reason: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, shipments: Array<{ id: string, status: ShipmentStatus, carrier: string | null, trackingNumber: string | null, shippedAt: string, deliveredAt: string | null, warehouse: { id: string, code: string, name: string }, lines: Array<{ id: string, sku: string, quantity: number }> }>, returns: Array<{ id: string, reason: string | null, restock: boolean, createdAt: string, lines: Array<{ id: string, sku: string, quantity: number }> }>, history: Array<{ id: string, type: OrderEventType, fromStatus: OrderStatus | null, toStatus: OrderStatus | null, message: string | null, actor: string, at: string }> } | null };

export type OrderWarehousesQueryVariables = Exact<{ [key: string]: never; }>;


export type OrderWarehousesQuery = { warehouses: { nodes: Array<{ id: string, code: string, name: string, priority: number }> } };

export type OrderDetailLiveSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type OrderDetailLiveSubscription = { orderUpdated: { order: { id: string, number: string, externalId: string | null, status: OrderStatus, holdReason: string | null, cancelReason: string | null, tags: Array<string>, paymentStatus: PaymentStatus, currency: string, note: string | null, placedAt: string, updatedAt: string, nextStatuses: Array<OrderStatus>, availableActions: Array<OrderAction>, subtotal: { amount: number, currency: string }, shipping: { amount: number, currency: string }, taxTotal: { amount: number, currency: string }, total: { amount: number, currency: string }, totalPaid: { amount: number, currency: string }, totalRefunded: { amount: number, currency: string }, amountDue: { amount: number, currency: string }, refundDue: { amount: number, currency: string }, channel: { id: string, code: string, name: string }, customer: { id: string, email: string, name: string | null } | null, shippingAddress: { name: string | null, line1: string, line2: string | null, city: string, postalCode: string, country: string } | null, lines: Array<{ id: string, sku: string, name: string, quantity: number, quantityShipped: number, quantityReturned: number, taxRate: number | null, unitPrice: { amount: number, currency: string }, lineTotal: { amount: number, currency: string }, tax: { amount: number, currency: string }, allocations: Array<{ id: string, quantity: number, quantityShipped: number, quantityReturned: number, quantityReserved: number, warehouse: { id: string, code: string, name: string } }> }>, payments: Array<{ id: string, method: string, reference: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, refunds: Array<{ id: string, reason: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, shipments: Array<{ id: string, status: ShipmentStatus, carrier: string | null, trackingNumber: string | null, shippedAt: string, deliveredAt: string | null, warehouse: { id: string, code: string, name: string }, lines: Array<{ id: string, sku: string, quantity: number }> }>, returns: Array<{ id: string, reason: string | null, restock: boolean, createdAt: string, lines: Array<{ id: string, sku: string, quantity: number }> }>, history: Array<{ id: string, type: OrderEventType, fromStatus: OrderStatus | null, toStatus: OrderStatus | null, message: string | null, actor: string, at: string }> }, event: { id: string, type: OrderEventType, actor: string, at: string } } };

export type ConfirmOrderMutationVariables = Exact<{
  id: string | number;
}>;


export type ConfirmOrderMutation = { confirmOrder: { order: { id: string, number: string, externalId: string | null, status: OrderStatus, holdReason: string | null, cancelReason: string | null, tags: Array<string>, paymentStatus: PaymentStatus, currency: string, note: string | null, placedAt: string, updatedAt: string, nextStatuses: Array<OrderStatus>, availableActions: Array<OrderAction>, subtotal: { amount: number, currency: string }, shipping: { amount: number, currency: string }, taxTotal: { amount: number, currency: string }, total: { amount: number, currency: string }, totalPaid: { amount: number, currency: string }, totalRefunded: { amount: number, currency: string }, amountDue: { amount: number, currency: string }, refundDue: { amount: number, currency: string }, channel: { id: string, code: string, name: string }, customer: { id: string, email: string, name: string | null } | null, shippingAddress: { name: string | null, line1: string, line2: string | null, city: string, postalCode: string, country: string } | null, lines: Array<{ id: string, sku: string, name: string, quantity: number, quantityShipped: number, quantityReturned: number, taxRate: number | null, unitPrice: { amount: number, currency: string }, lineTotal: { amount: number, currency: string }, tax: { amount: number, currency: string }, allocations: Array<{ id: string, quantity: number, quantityShipped: number, quantityReturned: number, quantityReserved: number, warehouse: { id: string, code: string, name: string } }> }>, payments: Array<{ id: string, method: string, reference: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, refunds: Array<{ id: string, reason: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, shipments: Array<{ id: string, status: ShipmentStatus, carrier: string | null, trackingNumber: string | null, shippedAt: string, deliveredAt: string | null, warehouse: { id: string, code: string, name: string }, lines: Array<{ id: string, sku: string, quantity: number }> }>, returns: Array<{ id: string, reason: string | null, restock: boolean, createdAt: string, lines: Array<{ id: string, sku: string, quantity: number }> }>, history: Array<{ id: string, type: OrderEventType, fromStatus: OrderStatus | null, toStatus: OrderStatus | null, message: string | null, actor: string, at: string }> } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type HoldOrderMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type HoldOrderMutation = { holdOrder: { order: { id: string, number: string, externalId: string | null, status: OrderStatus, holdReason: string | null, cancelReason: string | null, tags: Array<string>, paymentStatus: PaymentStatus, currency: string, note: string | null, placedAt: string, updatedAt: string, nextStatuses: Array<OrderStatus>, availableActions: Array<OrderAction>, subtotal: { amount: number, currency: string }, shipping: { amount: number, currency: string }, taxTotal: { amount: number, currency: string }, total: { amount: number, currency: string }, totalPaid: { amount: number, currency: string }, totalRefunded: { amount: number, currency: string }, amountDue: { amount: number, currency: string }, refundDue: { amount: number, currency: string }, channel: { id: string, code: string, name: string }, customer: { id: string, email: string, name: string | null } | null, shippingAddress: { name: string | null, line1: string, line2: string | null, city: string, postalCode: string, country: string } | null, lines: Array<{ id: string, sku: string, name: string, quantity: number, quantityShipped: number, quantityReturned: number, taxRate: number | null, unitPrice: { amount: number, currency: string }, lineTotal: { amount: number, currency: string }, tax: { amount: number, currency: string }, allocations: Array<{ id: string, quantity: number, quantityShipped: number, quantityReturned: number, quantityReserved: number, warehouse: { id: string, code: string, name: string } }> }>, payments: Array<{ id: string, method: string, reference: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, refunds: Array<{ id: string, reason: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, shipments: Array<{ id: string, status: ShipmentStatus, carrier: string | null, trackingNumber: string | null, shippedAt: string, deliveredAt: string | null, warehouse: { id: string, code: string, name: string }, lines: Array<{ id: string, sku: string, quantity: number }> }>, returns: Array<{ id: string, reason: string | null, restock: boolean, createdAt: string, lines: Array<{ id: string, sku: string, quantity: number }> }>, history: Array<{ id: string, type: OrderEventType, fromStatus: OrderStatus | null, toStatus: OrderStatus | null, message: string | null, actor: string, at: string }> } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type ReleaseOrderHoldMutationVariables = Exact<{
  id: string | number;
}>;


export type ReleaseOrderHoldMutation = { releaseOrderHold: { order: { id: string, number: string, externalId: string | null, status: OrderStatus, holdReason: string | null, cancelReason: string | null, tags: Array<string>, paymentStatus: PaymentStatus, currency: string, note: string | null, placedAt: string, updatedAt: string, nextStatuses: Array<OrderStatus>, availableActions: Array<OrderAction>, subtotal: { amount: number, currency: string }, shipping: { amount: number, currency: string }, taxTotal: { amount: number, currency: string }, total: { amount: number, currency: string }, totalPaid: { amount: number, currency: string }, totalRefunded: { amount: number, currency: string }, amountDue: { amount: number, currency: string }, refundDue: { amount: number, currency: string }, channel: { id: string, code: string, name: string }, customer: { id: string, email: string, name: string | null } | null, shippingAddress: { name: string | null, line1: string, line2: string | null, city: string, postalCode: string, country: string } | null, lines: Array<{ id: string, sku: string, name: string, quantity: number, quantityShipped: number, quantityReturned: number, taxRate: number | null, unitPrice: { amount: number, currency: string }, lineTotal: { amount: number, currency: string }, tax: { amount: number, currency: string }, allocations: Array<{ id: string, quantity: number, quantityShipped: number, quantityReturned: number, quantityReserved: number, warehouse: { id: string, code: string, name: string } }> }>, payments: Array<{ id: string, method: string, reference: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, refunds: Array<{ id: string, reason: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, shipments: Array<{ id: string, status: ShipmentStatus, carrier: string | null, trackingNumber: string | null, shippedAt: string, deliveredAt: string | null, warehouse: { id: string, code: string, name: string }, lines: Array<{ id: string, sku: string, quantity: number }> }>, returns: Array<{ id: string, reason: string | null, restock: boolean, createdAt: string, lines: Array<{ id: string, sku: string, quantity: number }> }>, history: Array<{ id: string, type: OrderEventType, fromStatus: OrderStatus | null, toStatus: OrderStatus | null, message: string | null, actor: string, at: string }> } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type CancelOrderMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;


export type CancelOrderMutation = { cancelOrder: { order: { id: string, number: string, externalId: string | null, status: OrderStatus, holdReason: string | null, cancelReason: string | null, tags: Array<string>, paymentStatus: PaymentStatus, currency: string, note: string | null, placedAt: string, updatedAt: string, nextStatuses: Array<OrderStatus>, availableActions: Array<OrderAction>, subtotal: { amount: number, currency: string }, shipping: { amount: number, currency: string }, taxTotal: { amount: number, currency: string }, total: { amount: number, currency: string }, totalPaid: { amount: number, currency: string }, totalRefunded: { amount: number, currency: string }, amountDue: { amount: number, currency: string }, refundDue: { amount: number, currency: string }, channel: { id: string, code: string, name: string }, customer: { id: string, email: string, name: string | null } | null, shippingAddress: { name: string | null, line1: string, line2: string | null, city: string, postalCode: string, country: string } | null, lines: Array<{ id: string, sku: string, name: string, quantity: number, quantityShipped: number, quantityReturned: number, taxRate: number | null, unitPrice: { amount: number, currency: string }, lineTotal: { amount: number, currency: string }, tax: { amount: number, currency: string }, allocations: Array<{ id: string, quantity: number, quantityShipped: number, quantityReturned: number, quantityReserved: number, warehouse: { id: string, code: string, name: string } }> }>, payments: Array<{ id: string, method: string, reference: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, refunds: Array<{ id: string, reason: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, shipments: Array<{ id: string, status: ShipmentStatus, carrier: string | null, trackingNumber: string | null, shippedAt: string, deliveredAt: string | null, warehouse: { id: string, code: string, name: string }, lines: Array<{ id: string, sku: string, quantity: number }> }>, returns: Array<{ id: string, reason: string | null, restock: boolean, createdAt: string, lines: Array<{ id: string, sku: string, quantity: number }> }>, history: Array<{ id: string, type: OrderEventType, fromStatus: OrderStatus | null, toStatus: OrderStatus | null, message: string | null, actor: string, at: string }> } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type RecordPaymentMutationVariables = Exact<{
  input: RecordPaymentInput;
}>;


export type RecordPaymentMutation = { recordPayment: { order: { id: string, number: string, externalId: string | null, status: OrderStatus, holdReason: string | null, cancelReason: string | null, tags: Array<string>, paymentStatus: PaymentStatus, currency: string, note: string | null, placedAt: string, updatedAt: string, nextStatuses: Array<OrderStatus>, availableActions: Array<OrderAction>, subtotal: { amount: number, currency: string }, shipping: { amount: number, currency: string }, taxTotal: { amount: number, currency: string }, total: { amount: number, currency: string }, totalPaid: { amount: number, currency: string }, totalRefunded: { amount: number, currency: string }, amountDue: { amount: number, currency: string }, refundDue: { amount: number, currency: string }, channel: { id: string, code: string, name: string }, customer: { id: string, email: string, name: string | null } | null, shippingAddress: { name: string | null, line1: string, line2: string | null, city: string, postalCode: string, country: string } | null, lines: Array<{ id: string, sku: string, name: string, quantity: number, quantityShipped: number, quantityReturned: number, taxRate: number | null, unitPrice: { amount: number, currency: string }, lineTotal: { amount: number, currency: string }, tax: { amount: number, currency: string }, allocations: Array<{ id: string, quantity: number, quantityShipped: number, quantityReturned: number, quantityReserved: number, warehouse: { id: string, code: string, name: string } }> }>, payments: Array<{ id: string, method: string, reference: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, refunds: Array<{ id: string, reason: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, shipments: Array<{ id: string, status: ShipmentStatus, carrier: string | null, trackingNumber: string | null, shippedAt: string, deliveredAt: string | null, warehouse: { id: string, code: string, name: string }, lines: Array<{ id: string, sku: string, quantity: number }> }>, returns: Array<{ id: string, reason: string | null, restock: boolean, createdAt: string, lines: Array<{ id: string, sku: string, quantity: number }> }>, history: Array<{ id: string, type: OrderEventType, fromStatus: OrderStatus | null, toStatus: OrderStatus | null, message: string | null, actor: string, at: string }> } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type RefundPaymentMutationVariables = Exact<{
  input: RefundPaymentInput;
}>;


export type RefundPaymentMutation = { refundPayment: { order: { id: string, number: string, externalId: string | null, status: OrderStatus, holdReason: string | null, cancelReason: string | null, tags: Array<string>, paymentStatus: PaymentStatus, currency: string, note: string | null, placedAt: string, updatedAt: string, nextStatuses: Array<OrderStatus>, availableActions: Array<OrderAction>, subtotal: { amount: number, currency: string }, shipping: { amount: number, currency: string }, taxTotal: { amount: number, currency: string }, total: { amount: number, currency: string }, totalPaid: { amount: number, currency: string }, totalRefunded: { amount: number, currency: string }, amountDue: { amount: number, currency: string }, refundDue: { amount: number, currency: string }, channel: { id: string, code: string, name: string }, customer: { id: string, email: string, name: string | null } | null, shippingAddress: { name: string | null, line1: string, line2: string | null, city: string, postalCode: string, country: string } | null, lines: Array<{ id: string, sku: string, name: string, quantity: number, quantityShipped: number, quantityReturned: number, taxRate: number | null, unitPrice: { amount: number, currency: string }, lineTotal: { amount: number, currency: string }, tax: { amount: number, currency: string }, allocations: Array<{ id: string, quantity: number, quantityShipped: number, quantityReturned: number, quantityReserved: number, warehouse: { id: string, code: string, name: string } }> }>, payments: Array<{ id: string, method: string, reference: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, refunds: Array<{ id: string, reason: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, shipments: Array<{ id: string, status: ShipmentStatus, carrier: string | null, trackingNumber: string | null, shippedAt: string, deliveredAt: string | null, warehouse: { id: string, code: string, name: string }, lines: Array<{ id: string, sku: string, quantity: number }> }>, returns: Array<{ id: string, reason: string | null, restock: boolean, createdAt: string, lines: Array<{ id: string, sku: string, quantity: number }> }>, history: Array<{ id: string, type: OrderEventType, fromStatus: OrderStatus | null, toStatus: OrderStatus | null, message: string | null, actor: string, at: string }> } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type CreateShipmentMutationVariables = Exact<{
  input: CreateShipmentInput;
}>;


export type CreateShipmentMutation = { createShipment: { order: { id: string, number: string, externalId: string | null, status: OrderStatus, holdReason: string | null, cancelReason: string | null, tags: Array<string>, paymentStatus: PaymentStatus, currency: string, note: string | null, placedAt: string, updatedAt: string, nextStatuses: Array<OrderStatus>, availableActions: Array<OrderAction>, subtotal: { amount: number, currency: string }, shipping: { amount: number, currency: string }, taxTotal: { amount: number, currency: string }, total: { amount: number, currency: string }, totalPaid: { amount: number, currency: string }, totalRefunded: { amount: number, currency: string }, amountDue: { amount: number, currency: string }, refundDue: { amount: number, currency: string }, channel: { id: string, code: string, name: string }, customer: { id: string, email: string, name: string | null } | null, shippingAddress: { name: string | null, line1: string, line2: string | null, city: string, postalCode: string, country: string } | null, lines: Array<{ id: string, sku: string, name: string, quantity: number, quantityShipped: number, quantityReturned: number, taxRate: number | null, unitPrice: { amount: number, currency: string }, lineTotal: { amount: number, currency: string }, tax: { amount: number, currency: string }, allocations: Array<{ id: string, quantity: number, quantityShipped: number, quantityReturned: number, quantityReserved: number, warehouse: { id: string, code: string, name: string } }> }>, payments: Array<{ id: string, method: string, reference: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, refunds: Array<{ id: string, reason: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, shipments: Array<{ id: string, status: ShipmentStatus, carrier: string | null, trackingNumber: string | null, shippedAt: string, deliveredAt: string | null, warehouse: { id: string, code: string, name: string }, lines: Array<{ id: string, sku: string, quantity: number }> }>, returns: Array<{ id: string, reason: string | null, restock: boolean, createdAt: string, lines: Array<{ id: string, sku: string, quantity: number }> }>, history: Array<{ id: string, type: OrderEventType, fromStatus: OrderStatus | null, toStatus: OrderStatus | null, message: string | null, actor: string, at: string }> } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type MarkShipmentDeliveredMutationVariables = Exact<{
  shipmentId: string | number;
}>;


export type MarkShipmentDeliveredMutation = { markShipmentDelivered: { order: { id: string, number: string, externalId: string | null, status: OrderStatus, holdReason: string | null, cancelReason: string | null, tags: Array<string>, paymentStatus: PaymentStatus, currency: string, note: string | null, placedAt: string, updatedAt: string, nextStatuses: Array<OrderStatus>, availableActions: Array<OrderAction>, subtotal: { amount: number, currency: string }, shipping: { amount: number, currency: string }, taxTotal: { amount: number, currency: string }, total: { amount: number, currency: string }, totalPaid: { amount: number, currency: string }, totalRefunded: { amount: number, currency: string }, amountDue: { amount: number, currency: string }, refundDue: { amount: number, currency: string }, channel: { id: string, code: string, name: string }, customer: { id: string, email: string, name: string | null } | null, shippingAddress: { name: string | null, line1: string, line2: string | null, city: string, postalCode: string, country: string } | null, lines: Array<{ id: string, sku: string, name: string, quantity: number, quantityShipped: number, quantityReturned: number, taxRate: number | null, unitPrice: { amount: number, currency: string }, lineTotal: { amount: number, currency: string }, tax: { amount: number, currency: string }, allocations: Array<{ id: string, quantity: number, quantityShipped: number, quantityReturned: number, quantityReserved: number, warehouse: { id: string, code: string, name: string } }> }>, payments: Array<{ id: string, method: string, reference: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, refunds: Array<{ id: string, reason: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, shipments: Array<{ id: string, status: ShipmentStatus, carrier: string | null, trackingNumber: string | null, shippedAt: string, deliveredAt: string | null, warehouse: { id: string, code: string, name: string }, lines: Array<{ id: string, sku: string, quantity: number }> }>, returns: Array<{ id: string, reason: string | null, restock: boolean, createdAt: string, lines: Array<{ id: string, sku: string, quantity: number }> }>, history: Array<{ id: string, type: OrderEventType, fromStatus: OrderStatus | null, toStatus: OrderStatus | null, message: string | null, actor: string, at: string }> } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type CreateReturnMutationVariables = Exact<{
  input: CreateReturnInput;
}>;


export type CreateReturnMutation = { createReturn: { order: { id: string, number: string, externalId: string | null, status: OrderStatus, holdReason: string | null, cancelReason: string | null, tags: Array<string>, paymentStatus: PaymentStatus, currency: string, note: string | null, placedAt: string, updatedAt: string, nextStatuses: Array<OrderStatus>, availableActions: Array<OrderAction>, subtotal: { amount: number, currency: string }, shipping: { amount: number, currency: string }, taxTotal: { amount: number, currency: string }, total: { amount: number, currency: string }, totalPaid: { amount: number, currency: string }, totalRefunded: { amount: number, currency: string }, amountDue: { amount: number, currency: string }, refundDue: { amount: number, currency: string }, channel: { id: string, code: string, name: string }, customer: { id: string, email: string, name: string | null } | null, shippingAddress: { name: string | null, line1: string, line2: string | null, city: string, postalCode: string, country: string } | null, lines: Array<{ id: string, sku: string, name: string, quantity: number, quantityShipped: number, quantityReturned: number, taxRate: number | null, unitPrice: { amount: number, currency: string }, lineTotal: { amount: number, currency: string }, tax: { amount: number, currency: string }, allocations: Array<{ id: string, quantity: number, quantityShipped: number, quantityReturned: number, quantityReserved: number, warehouse: { id: string, code: string, name: string } }> }>, payments: Array<{ id: string, method: string, reference: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, refunds: Array<{ id: string, reason: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, shipments: Array<{ id: string, status: ShipmentStatus, carrier: string | null, trackingNumber: string | null, shippedAt: string, deliveredAt: string | null, warehouse: { id: string, code: string, name: string }, lines: Array<{ id: string, sku: string, quantity: number }> }>, returns: Array<{ id: string, reason: string | null, restock: boolean, createdAt: string, lines: Array<{ id: string, sku: string, quantity: number }> }>, history: Array<{ id: string, type: OrderEventType, fromStatus: OrderStatus | null, toStatus: OrderStatus | null, message: string | null, actor: string, at: string }> } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AddOrderNoteMutationVariables = Exact<{
  id: string | number;
  note: string;
}>;


export type AddOrderNoteMutation = { addOrderNote: { order: { id: string, number: string, externalId: string | null, status: OrderStatus, holdReason: string | null, cancelReason: string | null, tags: Array<string>, paymentStatus: PaymentStatus, currency: string, note: string | null, placedAt: string, updatedAt: string, nextStatuses: Array<OrderStatus>, availableActions: Array<OrderAction>, subtotal: { amount: number, currency: string }, shipping: { amount: number, currency: string }, taxTotal: { amount: number, currency: string }, total: { amount: number, currency: string }, totalPaid: { amount: number, currency: string }, totalRefunded: { amount: number, currency: string }, amountDue: { amount: number, currency: string }, refundDue: { amount: number, currency: string }, channel: { id: string, code: string, name: string }, customer: { id: string, email: string, name: string | null } | null, shippingAddress: { name: string | null, line1: string, line2: string | null, city: string, postalCode: string, country: string } | null, lines: Array<{ id: string, sku: string, name: string, quantity: number, quantityShipped: number, quantityReturned: number, taxRate: number | null, unitPrice: { amount: number, currency: string }, lineTotal: { amount: number, currency: string }, tax: { amount: number, currency: string }, allocations: Array<{ id: string, quantity: number, quantityShipped: number, quantityReturned: number, quantityReserved: number, warehouse: { id: string, code: string, name: string } }> }>, payments: Array<{ id: string, method: string, reference: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, refunds: Array<{ id: string, reason: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, shipments: Array<{ id: string, status: ShipmentStatus, carrier: string | null, trackingNumber: string | null, shippedAt: string, deliveredAt: string | null, warehouse: { id: string, code: string, name: string }, lines: Array<{ id: string, sku: string, quantity: number }> }>, returns: Array<{ id: string, reason: string | null, restock: boolean, createdAt: string, lines: Array<{ id: string, sku: string, quantity: number }> }>, history: Array<{ id: string, type: OrderEventType, fromStatus: OrderStatus | null, toStatus: OrderStatus | null, message: string | null, actor: string, at: string }> } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AddOrderTagMutationVariables = Exact<{
  id: string | number;
  tag: string;
}>;


export type AddOrderTagMutation = { addOrderTag: { order: { id: string, number: string, externalId: string | null, status: OrderStatus, holdReason: string | null, cancelReason: string | null, tags: Array<string>, paymentStatus: PaymentStatus, currency: string, note: string | null, placedAt: string, updatedAt: string, nextStatuses: Array<OrderStatus>, availableActions: Array<OrderAction>, subtotal: { amount: number, currency: string }, shipping: { amount: number, currency: string }, taxTotal: { amount: number, currency: string }, total: { amount: number, currency: string }, totalPaid: { amount: number, currency: string }, totalRefunded: { amount: number, currency: string }, amountDue: { amount: number, currency: string }, refundDue: { amount: number, currency: string }, channel: { id: string, code: string, name: string }, customer: { id: string, email: string, name: string | null } | null, shippingAddress: { name: string | null, line1: string, line2: string | null, city: string, postalCode: string, country: string } | null, lines: Array<{ id: string, sku: string, name: string, quantity: number, quantityShipped: number, quantityReturned: number, taxRate: number | null, unitPrice: { amount: number, currency: string }, lineTotal: { amount: number, currency: string }, tax: { amount: number, currency: string }, allocations: Array<{ id: string, quantity: number, quantityShipped: number, quantityReturned: number, quantityReserved: number, warehouse: { id: string, code: string, name: string } }> }>, payments: Array<{ id: string, method: string, reference: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, refunds: Array<{ id: string, reason: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, shipments: Array<{ id: string, status: ShipmentStatus, carrier: string | null, trackingNumber: string | null, shippedAt: string, deliveredAt: string | null, warehouse: { id: string, code: string, name: string }, lines: Array<{ id: string, sku: string, quantity: number }> }>, returns: Array<{ id: string, reason: string | null, restock: boolean, createdAt: string, lines: Array<{ id: string, sku: string, quantity: number }> }>, history: Array<{ id: string, type: OrderEventType, fromStatus: OrderStatus | null, toStatus: OrderStatus | null, message: string | null, actor: string, at: string }> } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type RemoveOrderTagMutationVariables = Exact<{
  id: string | number;
  tag: string;
}>;


export type RemoveOrderTagMutation = { removeOrderTag: { order: { id: string, number: string, externalId: string | null, status: OrderStatus, holdReason: string | null, cancelReason: string | null, tags: Array<string>, paymentStatus: PaymentStatus, currency: string, note: string | null, placedAt: string, updatedAt: string, nextStatuses: Array<OrderStatus>, availableActions: Array<OrderAction>, subtotal: { amount: number, currency: string }, shipping: { amount: number, currency: string }, taxTotal: { amount: number, currency: string }, total: { amount: number, currency: string }, totalPaid: { amount: number, currency: string }, totalRefunded: { amount: number, currency: string }, amountDue: { amount: number, currency: string }, refundDue: { amount: number, currency: string }, channel: { id: string, code: string, name: string }, customer: { id: string, email: string, name: string | null } | null, shippingAddress: { name: string | null, line1: string, line2: string | null, city: string, postalCode: string, country: string } | null, lines: Array<{ id: string, sku: string, name: string, quantity: number, quantityShipped: number, quantityReturned: number, taxRate: number | null, unitPrice: { amount: number, currency: string }, lineTotal: { amount: number, currency: string }, tax: { amount: number, currency: string }, allocations: Array<{ id: string, quantity: number, quantityShipped: number, quantityReturned: number, quantityReserved: number, warehouse: { id: string, code: string, name: string } }> }>, payments: Array<{ id: string, method: string, reference: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, refunds: Array<{ id: string, reason: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, shipments: Array<{ id: string, status: ShipmentStatus, carrier: string | null, trackingNumber: string | null, shippedAt: string, deliveredAt: string | null, warehouse: { id: string, code: string, name: string }, lines: Array<{ id: string, sku: string, quantity: number }> }>, returns: Array<{ id: string, reason: string | null, restock: boolean, createdAt: string, lines: Array<{ id: string, sku: string, quantity: number }> }>, history: Array<{ id: string, type: OrderEventType, fromStatus: OrderStatus | null, toStatus: OrderStatus | null, message: string | null, actor: string, at: string }> } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type EditOrderMutationVariables = Exact<{
  input: EditOrderInput;
}>;


export type EditOrderMutation = { editOrder: { order: { id: string, number: string, externalId: string | null, status: OrderStatus, holdReason: string | null, cancelReason: string | null, tags: Array<string>, paymentStatus: PaymentStatus, currency: string, note: string | null, placedAt: string, updatedAt: string, nextStatuses: Array<OrderStatus>, availableActions: Array<OrderAction>, subtotal: { amount: number, currency: string }, shipping: { amount: number, currency: string }, taxTotal: { amount: number, currency: string }, total: { amount: number, currency: string }, totalPaid: { amount: number, currency: string }, totalRefunded: { amount: number, currency: string }, amountDue: { amount: number, currency: string }, refundDue: { amount: number, currency: string }, channel: { id: string, code: string, name: string }, customer: { id: string, email: string, name: string | null } | null, shippingAddress: { name: string | null, line1: string, line2: string | null, city: string, postalCode: string, country: string } | null, lines: Array<{ id: string, sku: string, name: string, quantity: number, quantityShipped: number, quantityReturned: number, taxRate: number | null, unitPrice: { amount: number, currency: string }, lineTotal: { amount: number, currency: string }, tax: { amount: number, currency: string }, allocations: Array<{ id: string, quantity: number, quantityShipped: number, quantityReturned: number, quantityReserved: number, warehouse: { id: string, code: string, name: string } }> }>, payments: Array<{ id: string, method: string, reference: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, refunds: Array<{ id: string, reason: string | null, recordedBy: string, createdAt: string, amount: { amount: number, currency: string } }> | null, shipments: Array<{ id: string, status: ShipmentStatus, carrier: string | null, trackingNumber: string | null, shippedAt: string, deliveredAt: string | null, warehouse: { id: string, code: string, name: string }, lines: Array<{ id: string, sku: string, quantity: number }> }>, returns: Array<{ id: string, reason: string | null, restock: boolean, createdAt: string, lines: Array<{ id: string, sku: string, quantity: number }> }>, history: Array<{ id: string, type: OrderEventType, fromStatus: OrderStatus | null, toStatus: OrderStatus | null, message: string | null, actor: string, at: string }> } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type OrderListItemFragment = { id: string, number: string, externalId: string | null, status: OrderStatus, paymentStatus: PaymentStatus, placedAt: string, updatedAt: string, tags: Array<string>, total: { amount: number, currency: string }, channel: { id: string, code: string, name: string }, customer: { id: string, email: string, name: string | null } | null, lines: Array<{ id: string, quantity: number }> };

export type OrdersQueryVariables = Exact<{
  filter?: OrderFilter | null | undefined;
  after?: string | null | undefined;
  first?: number | null | undefined;
  sort?: OrderSort | null | undefined;
}>;


export type OrdersQuery = { orders: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, number: string, externalId: string | null, status: OrderStatus, paymentStatus: PaymentStatus, placedAt: string, updatedAt: string, tags: Array<string>, total: { amount: number, currency: string }, channel: { id: string, code: string, name: string }, customer: { id: string, email: string, name: string | null } | null, lines: Array<{ id: string, quantity: number }> }> } };

export type OrderFilterChannelsQueryVariables = Exact<{ [key: string]: never; }>;


export type OrderFilterChannelsQuery = { channels: Array<{ id: string, code: string, name: string }> };

export type OrdersLiveSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type OrdersLiveSubscription = { orderUpdated: { order: { id: string, number: string, externalId: string | null, status: OrderStatus, paymentStatus: PaymentStatus, placedAt: string, updatedAt: string, tags: Array<string>, total: { amount: number, currency: string }, channel: { id: string, code: string, name: string }, customer: { id: string, email: string, name: string | null } | null, lines: Array<{ id: string, quantity: number }> }, event: { id: string, type: OrderEventType, toStatus: OrderStatus | null, at: string } } };

export type BulkConfirmOrderMutationVariables = Exact<{
  id: string | number;
}>;


export type BulkConfirmOrderMutation = { confirmOrder: { order: { id: string, number: string, externalId: string | null, status: OrderStatus, paymentStatus: PaymentStatus, placedAt: string, updatedAt: string, tags: Array<string>, total: { amount: number, currency: string }, channel: { id: string, code: string, name: string }, customer: { id: string, email: string, name: string | null } | null, lines: Array<{ id: string, quantity: number }> } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type BulkHoldOrderMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type BulkHoldOrderMutation = { holdOrder: { order: { id: string, number: string, externalId: string | null, status: OrderStatus, paymentStatus: PaymentStatus, placedAt: string, updatedAt: string, tags: Array<string>, total: { amount: number, currency: string }, channel: { id: string, code: string, name: string }, customer: { id: string, email: string, name: string | null } | null, lines: Array<{ id: string, quantity: number }> } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type BulkCancelOrderMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;


export type BulkCancelOrderMutation = { cancelOrder: { order: { id: string, number: string, externalId: string | null, status: OrderStatus, paymentStatus: PaymentStatus, placedAt: string, updatedAt: string, tags: Array<string>, total: { amount: number, currency: string }, channel: { id: string, code: string, name: string }, customer: { id: string, email: string, name: string | null } | null, lines: Array<{ id: string, quantity: number }> } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type OrderTagOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type OrderTagOptionsQuery = { orderTags: Array<{ tag: string, orders: number }> };

export type BulkOrderJobProgressFragment = { id: string, action: BulkOrderActionKind, state: BulkOrderJobState, total: number, done: number, failed: number, error: string | null };

export type StartBulkOrderActionMutationVariables = Exact<{
  input: BulkOrderActionInput;
}>;


export type StartBulkOrderActionMutation = { startBulkOrderAction: { job: { id: string, action: BulkOrderActionKind, state: BulkOrderJobState, total: number, done: number, failed: number, error: string | null } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type BulkOrderJobLiveSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type BulkOrderJobLiveSubscription = { bulkOrderJobUpdated: { id: string, action: BulkOrderActionKind, state: BulkOrderJobState, total: number, done: number, failed: number, error: string | null } };

export type BulkOrderJobRefusedQueryVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
}>;


export type BulkOrderJobRefusedQuery = { bulkOrderJob: { id: string, action: BulkOrderActionKind, state: BulkOrderJobState, total: number, done: number, failed: number, error: string | null, results: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ orderId: string, number: string | null, code: ErrorCode | null, message: string | null }> } } | null };

export type ReportsOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ReportsOptionsQuery = { channels: Array<{ code: string, name: string }>, warehouses: { nodes: Array<{ code: string, name: string }> } };

export type ReportsSalesQueryVariables = Exact<{
  filter: ReportFilter;
}>;


export type ReportsSalesQuery = { salesReport: { from: string, to: string, previousFrom: string, series: Array<{ bucketStart: string, channelCode: string, currency: string, orders: number, units: number, cancelledOrders: number, grossSales: { amount: number, currency: string }, refunds: { amount: number, currency: string }, netSales: { amount: number, currency: string }, averageOrderValue: { amount: number, currency: string } }>, previousSeries: Array<{ bucketStart: string, channelCode: string, orders: number, grossSales: { amount: number, currency: string }, netSales: { amount: number, currency: string } }>, channels: Array<{ channelCode: string, channelName: string, current: { currency: string, orders: number, units: number, cancelledOrders: number, grossSales: { amount: number, currency: string }, refunds: { amount: number, currency: string }, netSales: { amount: number, currency: string }, averageOrderValue: { amount: number, currency: string } }, previous: { currency: string, orders: number, units: number, grossSales: { amount: number, currency: string }, netSales: { amount: number, currency: string }, averageOrderValue: { amount: number, currency: string } } }> } };

export type ReportsFulfilmentQueryVariables = Exact<{
  filter: ReportFilter;
}>;


export type ReportsFulfilmentQuery = { fulfilmentReport: { slaHours: number, shippedComplete: number, shippedWithinSla: number, onTimeRate: number | null, completeInOne: number, fillRate: number | null, ordersWithShipments: number, splitOrders: number, splitShipmentRate: number | null, lateOrdersNow: number, placedToShipped: { orders: number, p50Hours: number | null, p90Hours: number | null }, placedToDelivered: { orders: number, p50Hours: number | null, p90Hours: number | null }, series: Array<{ bucketStart: string, shippedComplete: number, shippedWithinSla: number, onTimeRate: number | null, p50Hours: number | null, p90Hours: number | null }> } };

export type ReportsExceptionsQueryVariables = Exact<{
  filter: ReportFilter;
}>;


export type ReportsExceptionsQuery = { exceptionsReport: { placedOrders: number, cancelledOrders: number, cancellationRate: number | null, onHoldCount: number, cancellationReasons: Array<{ reason: string, count: number }>, returnsBySku: Array<{ sku: string, unitsSold: number, unitsReturned: number, returnRate: number | null, reasons: Array<{ reason: string, count: number }> }>, onHold: Array<{ id: string, number: string, channelCode: string, reason: string | null, heldSince: string, hoursOnHold: number }> } };

export type ReportsInventoryQueryVariables = Exact<{
  filter: ReportFilter;
}>;


export type ReportsInventoryQuery = { inventoryReport: { lowStockThreshold: number, warehouses: Array<{ warehouseCode: string, warehouseName: string, onHand: number, reserved: number, value: Array<{ amount: number, currency: string }> }>, lowStock: Array<{ sku: string, name: string, warehouseCode: string, onHand: number, available: number }>, skus: Array<{ sku: string, name: string, onHand: number, unitsShipped: number, daysOfCover: number | null, sellThrough: number | null }>, movements: Array<{ kind: string, reason: string, movements: number, unitsIn: number, unitsOut: number }> } };

export type ReportsTopQueryVariables = Exact<{
  filter: ReportFilter;
}>;


export type ReportsTopQuery = { topReport: { skusByRevenue: Array<{ sku: string, name: string | null, units: number, revenue: { amount: number, currency: string } }>, skusByUnits: Array<{ sku: string, name: string | null, units: number, revenue: { amount: number, currency: string } }>, bottomSkusByRevenue: Array<{ sku: string, name: string | null, units: number, revenue: { amount: number, currency: string } }>, bottomSkusByUnits: Array<{ sku: string, name: string | null, units: number, revenue: { amount: number, currency: string } }>, customersByRevenue: Array<{ customerId: string, email: string | null, name: string | null, orders: number, units: number, revenue: { amount: number, currency: string } }>, customersByUnits: Array<{ customerId: string, email: string | null, name: string | null, orders: number, units: number, revenue: { amount: number, currency: string } }> } };

export type ScreenFeedStartQueryVariables = Exact<{ [key: string]: never; }>;


export type ScreenFeedStartQuery = { latestOrderUpdateId: string };

export type ScreenBoardQueryVariables = Exact<{ [key: string]: never; }>;


export type ScreenBoardQuery = { orderStatusCounts: Array<{ status: OrderStatus, count: number }>, newest: { nodes: Array<{ id: string, number: string, status: OrderStatus, placedAt: string, total: { amount: number, currency: string }, channel: { id: string, code: string }, customer: { id: string, name: string | null, email: string } | null }> } };

export type ScreenFeedSubscriptionVariables = Exact<{
  after?: string | number | null | undefined;
}>;


export type ScreenFeedSubscription = { orderUpdated: { eventId: string, order: { id: string, number: string, status: OrderStatus, placedAt: string, total: { amount: number, currency: string }, channel: { id: string, code: string }, customer: { id: string, name: string | null, email: string } | null }, event: { id: string, type: OrderEventType, fromStatus: OrderStatus | null, toStatus: OrderStatus | null, at: string } } };

export type TrackedOrderViewFragment = { number: string, status: OrderStatus, statusText: string, placedAt: string, total: { amount: number, currency: string }, items: Array<{ sku: string, name: string, quantity: number, quantityShipped: number, quantityReturned: number }>, shipments: Array<{ status: ShipmentStatus, carrier: string | null, trackingNumber: string | null, shippedAt: string, deliveredAt: string | null, items: Array<{ sku: string, name: string, quantity: number }> }>, timeline: Array<{ at: string, text: string }> };

export type TrackOrderQueryVariables = Exact<{
  number: string;
  email: string;
}>;


export type TrackOrderQuery = { trackOrder: { number: string, status: OrderStatus, statusText: string, placedAt: string, total: { amount: number, currency: string }, items: Array<{ sku: string, name: string, quantity: number, quantityShipped: number, quantityReturned: number }>, shipments: Array<{ status: ShipmentStatus, carrier: string | null, trackingNumber: string | null, shippedAt: string, deliveredAt: string | null, items: Array<{ sku: string, name: string, quantity: number }> }>, timeline: Array<{ at: string, text: string }> } | null };

export type TrackedOrderLiveSubscriptionVariables = Exact<{
  number: string;
  email: string;
}>;


export type TrackedOrderLiveSubscription = { trackedOrderUpdated: { number: string, status: OrderStatus, statusText: string, placedAt: string, total: { amount: number, currency: string }, items: Array<{ sku: string, name: string, quantity: number, quantityShipped: number, quantityReturned: number }>, shipments: Array<{ status: ShipmentStatus, carrier: string | null, trackingNumber: string | null, shippedAt: string, deliveredAt: string | null, items: Array<{ sku: string, name: string, quantity: number }> }>, timeline: Array<{ at: string, text: string }> } };

export type WebhookEndpointRowFragment = { id: string, url: string, eventTypes: Array<string>, channelCodes: Array<string>, active: boolean, disabledReason: string | null, disabledAt: string | null, consecutiveFailures: number, createdBy: string, createdAt: string };

export type WebhookDeliveryRowFragment = { id: string, eventId: string, eventType: string, status: WebhookDeliveryStatus, attemptCount: number, replay: boolean, replayOf: string | null, createdAt: string, deliveredAt: string | null, attempts: Array<{ id: string, attemptedAt: string, statusCode: number | null, latencyMs: number, responseExcerpt: string | null, error: string | null }> };

export type WebhookEndpointsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type WebhookEndpointsQuery = { webhookEventTypes: Array<string>, webhookEndpoints: { totalCount: number, nodes: Array<{ id: string, url: string, eventTypes: Array<string>, channelCodes: Array<string>, active: boolean, disabledReason: string | null, disabledAt: string | null, consecutiveFailures: number, createdBy: string, createdAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, channels: Array<{ id: string, code: string, name: string }> };

export type WebhookDeliveriesQueryVariables = Exact<{
  endpointId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WebhookDeliveriesQuery = { webhookDeliveries: { totalCount: number, nodes: Array<{ id: string, eventId: string, eventType: string, status: WebhookDeliveryStatus, attemptCount: number, replay: boolean, replayOf: string | null, createdAt: string, deliveredAt: string | null, attempts: Array<{ id: string, attemptedAt: string, statusCode: number | null, latencyMs: number, responseExcerpt: string | null, error: string | null }> }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type CreateWebhookEndpointMutationVariables = Exact<{
  input: CreateWebhookEndpointInput;
}>;


export type CreateWebhookEndpointMutation = { createWebhookEndpoint: { secret: string | null, endpoint: { id: string, url: string, eventTypes: Array<string>, channelCodes: Array<string>, active: boolean, disabledReason: string | null, disabledAt: string | null, consecutiveFailures: number, createdBy: string, createdAt: string } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type UpdateWebhookEndpointMutationVariables = Exact<{
  input: UpdateWebhookEndpointInput;
}>;


export type UpdateWebhookEndpointMutation = { updateWebhookEndpoint: { endpoint: { id: string, url: string, eventTypes: Array<string>, channelCodes: Array<string>, active: boolean, disabledReason: string | null, disabledAt: string | null, consecutiveFailures: number, createdBy: string, createdAt: string } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type RotateWebhookSecretMutationVariables = Exact<{
  id: string | number;
}>;


export type RotateWebhookSecretMutation = { rotateWebhookSecret: { secret: string | null, endpoint: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type DeleteWebhookEndpointMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteWebhookEndpointMutation = { deleteWebhookEndpoint: { deletedId: string | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type ReplayWebhookDeliveryMutationVariables = Exact<{
  id: string | number;
}>;


export type ReplayWebhookDeliveryMutation = { replayWebhookDelivery: { delivery: { id: string, eventId: string, eventType: string, status: WebhookDeliveryStatus, attemptCount: number, replay: boolean, replayOf: string | null, createdAt: string, deliveredAt: string | null, attempts: Array<{ id: string, attemptedAt: string, statusCode: number | null, latencyMs: number, responseExcerpt: string | null, error: string | null }> } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type ReplayEventsMutationVariables = Exact<{
  input: ReplayEventsInput;
}>;


export type ReplayEventsMutation = { replayEvents: { queued: number | null, matched: number | null, lastEventId: string | null, hasMore: boolean | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type StoreTimeZoneQueryVariables = Exact<{ [key: string]: never; }>;


export type StoreTimeZoneQuery = { storeTimeZone: string };

export const StaffUserFragmentDoc = gql`
    fragment StaffUser on User {
  id
  email
  name
  role
  active
  mustChangePassword
  lastLoginAt
  createdAt
}
    `;
export const PartnerKeyFragmentDoc = gql`
    fragment PartnerKey on ApiKey {
  id
  name
  prefix
  channels {
    code
  }
  permissions
  createdAt
  lastUsedAt
  revokedAt
  previousValidUntil
}
    `;
export const AutomationRuleFieldsFragmentDoc = gql`
    fragment AutomationRuleFields on AutomationRule {
  id
  key
  name
  description
  builtIn
  trigger
  enabled
  position
  settings
  conditions
  actions
  updatedAt
}
    `;
export const CustomerListItemFragmentDoc = gql`
    fragment CustomerListItem on Customer {
  id
  email
  name
  erasedAt
  orderCount
  lastOrderAt
  lifetimeValue {
    amount
    currency
  }
}
    `;
export const ExportJobFieldsFragmentDoc = gql`
    fragment ExportJobFields on ExportJob {
  id
  kind
  format
  state
  rowsDone
  rowsTotal
  downloadUrl
  error
  expiresAt
}
    `;
export const EmailTemplateFieldsFragmentDoc = gql`
    fragment EmailTemplateFields on EmailTemplate {
  channelCode
  event
  subject
  text
  html
  customized
  variables
  updatedAt
  updatedBy
}
    `;
export const StockLevelRowFragmentDoc = gql`
    fragment StockLevelRow on StockLevel {
  id
  sku
  onHand
  reserved
  available
  updatedAt
  product {
    id
    name
  }
  warehouse {
    id
    code
    name
  }
}
    `;
export const ProductRowFragmentDoc = gql`
    fragment ProductRow on Product {
  id
  sku
  name
  allowBackorder
  updatedAt
  price {
    amount
    currency
  }
}
    `;
export const JobRowFragmentDoc = gql`
    fragment JobRow on Job {
  id
  queue
  state
  data
  retryCount
  retryLimit
  createdOn
  startAfter
  startedOn
  completedOn
  error
}
    `;
export const OrderDetailFragmentDoc = gql`
    fragment OrderDetail on Order {
  id
  number
  externalId
  status
  holdReason
  cancelReason
  tags
  paymentStatus
  currency
  note
  placedAt
  updatedAt
  nextStatuses
  availableActions
  subtotal {
    amount
    currency
  }
  shipping {
    amount
    currency
  }
  taxTotal {
    amount
    currency
  }
  total {
    amount
    currency
  }
  totalPaid {
    amount
    currency
  }
  totalRefunded {
    amount
    currency
  }
  amountDue {
    amount
    currency
  }
  refundDue {
    amount
    currency
  }
  channel {
    id
    code
    name
  }
  customer {
    id
    email
    name
  }
  shippingAddress {
    name
    line1
    line2
    city
    postalCode
    country
  }
  lines {
    id
    sku
    name
    quantity
    quantityShipped
    quantityReturned
    unitPrice {
      amount
      currency
    }
    lineTotal {
      amount
      currency
    }
    tax {
      amount
      currency
    }
    taxRate
    allocations {
      id
      quantity
      quantityShipped
      quantityReturned
      quantityReserved
      warehouse {
        id
        code
        name
      }
    }
  }
  payments {
    id
    method
    reference
    recordedBy
    createdAt
    amount {
      amount
      currency
    }
  }
  refunds {
    id
    reason
    recordedBy
    createdAt
    amount {
      amount
      currency
    }
  }
  shipments {
    id
    status
    carrier
    trackingNumber
    shippedAt
    deliveredAt
    warehouse {
      id
      code
      name
    }
    lines {
      id
      sku
      quantity
    }
  }
  returns {
    id
    reason
    restock
    createdAt
    lines {
      id
      sku
      quantity
    }
  }
  history {
    id
    type
    fromStatus
    toStatus
    message
    actor
    at
  }
}
    `;
export const OrderListItemFragmentDoc = gql`
    fragment OrderListItem on Order {
  id
  number
  externalId
  status
  paymentStatus
  placedAt
  updatedAt
  total {
    amount
    currency
  }
  channel {
    id
    code
    name
  }
  customer {
    id
    email
    name
  }
  lines {
    id
    quantity
  }
  tags
}
    `;
export const BulkOrderJobProgressFragmentDoc = gql`
    fragment BulkOrderJobProgress on BulkOrderJob {
  id
  action
  state
  total
  done
  failed
  error
}
    `;
export const TrackedOrderViewFragmentDoc = gql`
    fragment TrackedOrderView on TrackedOrder {
  number
  status
  statusText
  placedAt
  total {
    amount
    currency
  }
  items {
    sku
    name
    quantity
    quantityShipped
    quantityReturned
  }
  shipments {
    status
    carrier
    trackingNumber
    shippedAt
    deliveredAt
    items {
      sku
      name
      quantity
    }
  }
  timeline {
    at
    text
  }
}
    `;
export const WebhookEndpointRowFragmentDoc = gql`
    fragment WebhookEndpointRow on WebhookEndpoint {
  id
  url
  eventTypes
  channelCodes
  active
  disabledReason
  disabledAt
  consecutiveFailures
  createdBy
  createdAt
}
    `;
export const WebhookDeliveryRowFragmentDoc = gql`
    fragment WebhookDeliveryRow on WebhookDelivery {
  id
  eventId
  eventType
  status
  attemptCount
  replay
  replayOf
  createdAt
  deliveredAt
  attempts {
    id
    attemptedAt
    statusCode
    latencyMs
    responseExcerpt
    error
  }
}
    `;
export const UsersDocument = gql`
    query Users($after: String) {
  users: usersConnection(first: 200, after: $after) {
    nodes {
      ...StaffUser
    }
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    ${StaffUserFragmentDoc}`;

/**
 * __useUsersQuery__
 *
 * To run a query within a React component, call `useUsersQuery` and pass it any options that fit your needs.
 * When your component renders, `useUsersQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useUsersQuery({
 *   variables: {
 *      after: // value for 'after'
 *   },
 * });
 */
export function useUsersQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<UsersQuery, UsersQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<UsersQuery, UsersQueryVariables>(UsersDocument, options);
      }
export function useUsersLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<UsersQuery, UsersQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<UsersQuery, UsersQueryVariables>(UsersDocument, options);
        }
// @ts-ignore
export function useUsersSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<UsersQuery, UsersQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<UsersQuery, UsersQueryVariables>;
export function useUsersSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<UsersQuery, UsersQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<UsersQuery | undefined, UsersQueryVariables>;
export function useUsersSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<UsersQuery, UsersQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<UsersQuery, UsersQueryVariables>(UsersDocument, options);
        }
export type UsersQueryHookResult = ReturnType<typeof useUsersQuery>;
export type UsersLazyQueryHookResult = ReturnType<typeof useUsersLazyQuery>;
export type UsersSuspenseQueryHookResult = ReturnType<typeof useUsersSuspenseQuery>;
export type UsersQueryResult = ApolloReactCommon.QueryResult<UsersQuery, UsersQueryVariables>;
export const CreateUserDocument = gql`
    mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    user {
      ...StaffUser
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${StaffUserFragmentDoc}`;
export type CreateUserMutationFn = ApolloReactCommon.MutationFunction<CreateUserMutation, CreateUserMutationVariables>;

/**
 * __useCreateUserMutation__
 *
 * To run a mutation, you first call `useCreateUserMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useCreateUserMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [createUserMutation, { data, loading, error }] = useCreateUserMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useCreateUserMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<CreateUserMutation, CreateUserMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<CreateUserMutation, CreateUserMutationVariables>(CreateUserDocument, options);
      }
export type CreateUserMutationHookResult = ReturnType<typeof useCreateUserMutation>;
export type CreateUserMutationResult = ApolloReactCommon.MutationResult<CreateUserMutation>;
export type CreateUserMutationOptions = ApolloReactCommon.BaseMutationOptions<CreateUserMutation, CreateUserMutationVariables>;
export const UpdateUserDocument = gql`
    mutation UpdateUser($input: UpdateUserInput!) {
  updateUser(input: $input) {
    user {
      ...StaffUser
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${StaffUserFragmentDoc}`;
export type UpdateUserMutationFn = ApolloReactCommon.MutationFunction<UpdateUserMutation, UpdateUserMutationVariables>;

/**
 * __useUpdateUserMutation__
 *
 * To run a mutation, you first call `useUpdateUserMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useUpdateUserMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [updateUserMutation, { data, loading, error }] = useUpdateUserMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useUpdateUserMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<UpdateUserMutation, UpdateUserMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<UpdateUserMutation, UpdateUserMutationVariables>(UpdateUserDocument, options);
      }
export type UpdateUserMutationHookResult = ReturnType<typeof useUpdateUserMutation>;
export type UpdateUserMutationResult = ApolloReactCommon.MutationResult<UpdateUserMutation>;
export type UpdateUserMutationOptions = ApolloReactCommon.BaseMutationOptions<UpdateUserMutation, UpdateUserMutationVariables>;
export const ChangePasswordDocument = gql`
    mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input) {
    user {
      id
      mustChangePassword
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `;
export type ChangePasswordMutationFn = ApolloReactCommon.MutationFunction<ChangePasswordMutation, ChangePasswordMutationVariables>;

/**
 * __useChangePasswordMutation__
 *
 * To run a mutation, you first call `useChangePasswordMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useChangePasswordMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [changePasswordMutation, { data, loading, error }] = useChangePasswordMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useChangePasswordMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<ChangePasswordMutation, ChangePasswordMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<ChangePasswordMutation, ChangePasswordMutationVariables>(ChangePasswordDocument, options);
      }
export type ChangePasswordMutationHookResult = ReturnType<typeof useChangePasswordMutation>;
export type ChangePasswordMutationResult = ApolloReactCommon.MutationResult<ChangePasswordMutation>;
export type ChangePasswordMutationOptions = ApolloReactCommon.BaseMutationOptions<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const ApiKeysDocument = gql`
    query ApiKeys($after: String) {
  apiKeys: apiKeysConnection(first: 200, after: $after) {
    nodes {
      ...PartnerKey
    }
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
  }
  channels {
    id
    code
    name
  }
}
    ${PartnerKeyFragmentDoc}`;

/**
 * __useApiKeysQuery__
 *
 * To run a query within a React component, call `useApiKeysQuery` and pass it any options that fit your needs.
 * When your component renders, `useApiKeysQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useApiKeysQuery({
 *   variables: {
 *      after: // value for 'after'
 *   },
 * });
 */
export function useApiKeysQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<ApiKeysQuery, ApiKeysQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<ApiKeysQuery, ApiKeysQueryVariables>(ApiKeysDocument, options);
      }
export function useApiKeysLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<ApiKeysQuery, ApiKeysQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<ApiKeysQuery, ApiKeysQueryVariables>(ApiKeysDocument, options);
        }
// @ts-ignore
export function useApiKeysSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<ApiKeysQuery, ApiKeysQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<ApiKeysQuery, ApiKeysQueryVariables>;
export function useApiKeysSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<ApiKeysQuery, ApiKeysQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<ApiKeysQuery | undefined, ApiKeysQueryVariables>;
export function useApiKeysSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<ApiKeysQuery, ApiKeysQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<ApiKeysQuery, ApiKeysQueryVariables>(ApiKeysDocument, options);
        }
export type ApiKeysQueryHookResult = ReturnType<typeof useApiKeysQuery>;
export type ApiKeysLazyQueryHookResult = ReturnType<typeof useApiKeysLazyQuery>;
export type ApiKeysSuspenseQueryHookResult = ReturnType<typeof useApiKeysSuspenseQuery>;
export type ApiKeysQueryResult = ApolloReactCommon.QueryResult<ApiKeysQuery, ApiKeysQueryVariables>;
export const CreateApiKeyDocument = gql`
    mutation CreateApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    apiKey {
      ...PartnerKey
    }
    secret
    userErrors {
      field
      code
      message
    }
  }
}
    ${PartnerKeyFragmentDoc}`;
export type CreateApiKeyMutationFn = ApolloReactCommon.MutationFunction<CreateApiKeyMutation, CreateApiKeyMutationVariables>;

/**
 * __useCreateApiKeyMutation__
 *
 * To run a mutation, you first call `useCreateApiKeyMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useCreateApiKeyMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [createApiKeyMutation, { data, loading, error }] = useCreateApiKeyMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useCreateApiKeyMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<CreateApiKeyMutation, CreateApiKeyMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<CreateApiKeyMutation, CreateApiKeyMutationVariables>(CreateApiKeyDocument, options);
      }
export type CreateApiKeyMutationHookResult = ReturnType<typeof useCreateApiKeyMutation>;
export type CreateApiKeyMutationResult = ApolloReactCommon.MutationResult<CreateApiKeyMutation>;
export type CreateApiKeyMutationOptions = ApolloReactCommon.BaseMutationOptions<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RotateApiKeyDocument = gql`
    mutation RotateApiKey($id: ID!) {
  rotateApiKey(id: $id) {
    apiKey {
      ...PartnerKey
    }
    secret
    userErrors {
      field
      code
      message
    }
  }
}
    ${PartnerKeyFragmentDoc}`;
export type RotateApiKeyMutationFn = ApolloReactCommon.MutationFunction<RotateApiKeyMutation, RotateApiKeyMutationVariables>;

/**
 * __useRotateApiKeyMutation__
 *
 * To run a mutation, you first call `useRotateApiKeyMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useRotateApiKeyMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [rotateApiKeyMutation, { data, loading, error }] = useRotateApiKeyMutation({
 *   variables: {
 *      id: // value for 'id'
 *   },
 * });
 */
export function useRotateApiKeyMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<RotateApiKeyMutation, RotateApiKeyMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<RotateApiKeyMutation, RotateApiKeyMutationVariables>(RotateApiKeyDocument, options);
      }
export type RotateApiKeyMutationHookResult = ReturnType<typeof useRotateApiKeyMutation>;
export type RotateApiKeyMutationResult = ApolloReactCommon.MutationResult<RotateApiKeyMutation>;
export type RotateApiKeyMutationOptions = ApolloReactCommon.BaseMutationOptions<RotateApiKeyMutation, RotateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = gql`
    mutation RevokeApiKey($id: ID!) {
  revokeApiKey(id: $id) {
    apiKey {
      ...PartnerKey
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${PartnerKeyFragmentDoc}`;
export type RevokeApiKeyMutationFn = ApolloReactCommon.MutationFunction<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;

/**
 * __useRevokeApiKeyMutation__
 *
 * To run a mutation, you first call `useRevokeApiKeyMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useRevokeApiKeyMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [revokeApiKeyMutation, { data, loading, error }] = useRevokeApiKeyMutation({
 *   variables: {
 *      id: // value for 'id'
 *   },
 * });
 */
export function useRevokeApiKeyMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>(RevokeApiKeyDocument, options);
      }
export type RevokeApiKeyMutationHookResult = ReturnType<typeof useRevokeApiKeyMutation>;
export type RevokeApiKeyMutationResult = ApolloReactCommon.MutationResult<RevokeApiKeyMutation>;
export type RevokeApiKeyMutationOptions = ApolloReactCommon.BaseMutationOptions<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const AuditLogDocument = gql`
    query AuditLog($first: Int, $after: String) {
  auditLog(first: $first, after: $after) {
    totalCount
    nodes {
      id
      at
      actor
      action
      targetType
      targetId
      details
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `;

/**
 * __useAuditLogQuery__
 *
 * To run a query within a React component, call `useAuditLogQuery` and pass it any options that fit your needs.
 * When your component renders, `useAuditLogQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useAuditLogQuery({
 *   variables: {
 *      first: // value for 'first'
 *      after: // value for 'after'
 *   },
 * });
 */
export function useAuditLogQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<AuditLogQuery, AuditLogQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<AuditLogQuery, AuditLogQueryVariables>(AuditLogDocument, options);
      }
export function useAuditLogLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<AuditLogQuery, AuditLogQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<AuditLogQuery, AuditLogQueryVariables>(AuditLogDocument, options);
        }
// @ts-ignore
export function useAuditLogSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<AuditLogQuery, AuditLogQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<AuditLogQuery, AuditLogQueryVariables>;
export function useAuditLogSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<AuditLogQuery, AuditLogQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<AuditLogQuery | undefined, AuditLogQueryVariables>;
export function useAuditLogSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<AuditLogQuery, AuditLogQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<AuditLogQuery, AuditLogQueryVariables>(AuditLogDocument, options);
        }
export type AuditLogQueryHookResult = ReturnType<typeof useAuditLogQuery>;
export type AuditLogLazyQueryHookResult = ReturnType<typeof useAuditLogLazyQuery>;
export type AuditLogSuspenseQueryHookResult = ReturnType<typeof useAuditLogSuspenseQuery>;
export type AuditLogQueryResult = ApolloReactCommon.QueryResult<AuditLogQuery, AuditLogQueryVariables>;
export const LoginDocument = gql`
    mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    token
    mustChangePassword
    user {
      id
      email
      name
      role
      mustChangePassword
      permissions
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `;
export type LoginMutationFn = ApolloReactCommon.MutationFunction<LoginMutation, LoginMutationVariables>;

/**
 * __useLoginMutation__
 *
 * To run a mutation, you first call `useLoginMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useLoginMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [loginMutation, { data, loading, error }] = useLoginMutation({
 *   variables: {
 *      email: // value for 'email'
 *      password: // value for 'password'
 *   },
 * });
 */
export function useLoginMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<LoginMutation, LoginMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<LoginMutation, LoginMutationVariables>(LoginDocument, options);
      }
export type LoginMutationHookResult = ReturnType<typeof useLoginMutation>;
export type LoginMutationResult = ApolloReactCommon.MutationResult<LoginMutation>;
export type LoginMutationOptions = ApolloReactCommon.BaseMutationOptions<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = gql`
    mutation Logout {
  logout
}
    `;
export type LogoutMutationFn = ApolloReactCommon.MutationFunction<LogoutMutation, LogoutMutationVariables>;

/**
 * __useLogoutMutation__
 *
 * To run a mutation, you first call `useLogoutMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useLogoutMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [logoutMutation, { data, loading, error }] = useLogoutMutation({
 *   variables: {
 *   },
 * });
 */
export function useLogoutMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<LogoutMutation, LogoutMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<LogoutMutation, LogoutMutationVariables>(LogoutDocument, options);
      }
export type LogoutMutationHookResult = ReturnType<typeof useLogoutMutation>;
export type LogoutMutationResult = ApolloReactCommon.MutationResult<LogoutMutation>;
export type LogoutMutationOptions = ApolloReactCommon.BaseMutationOptions<LogoutMutation, LogoutMutationVariables>;
export const MeDocument = gql`
    query Me {
  me {
    id
    email
    name
    role
    mustChangePassword
    permissions
  }
}
    `;

/**
 * __useMeQuery__
 *
 * To run a query within a React component, call `useMeQuery` and pass it any options that fit your needs.
 * When your component renders, `useMeQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useMeQuery({
 *   variables: {
 *   },
 * });
 */
export function useMeQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<MeQuery, MeQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<MeQuery, MeQueryVariables>(MeDocument, options);
      }
export function useMeLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<MeQuery, MeQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<MeQuery, MeQueryVariables>(MeDocument, options);
        }
// @ts-ignore
export function useMeSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<MeQuery, MeQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<MeQuery, MeQueryVariables>;
export function useMeSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<MeQuery, MeQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<MeQuery | undefined, MeQueryVariables>;
export function useMeSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<MeQuery, MeQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<MeQuery, MeQueryVariables>(MeDocument, options);
        }
export type MeQueryHookResult = ReturnType<typeof useMeQuery>;
export type MeLazyQueryHookResult = ReturnType<typeof useMeLazyQuery>;
export type MeSuspenseQueryHookResult = ReturnType<typeof useMeSuspenseQuery>;
export type MeQueryResult = ApolloReactCommon.QueryResult<MeQuery, MeQueryVariables>;
export const AutomationRulesDocument = gql`
    query AutomationRules {
  automationRules {
    ...AutomationRuleFields
  }
}
    ${AutomationRuleFieldsFragmentDoc}`;

/**
 * __useAutomationRulesQuery__
 *
 * To run a query within a React component, call `useAutomationRulesQuery` and pass it any options that fit your needs.
 * When your component renders, `useAutomationRulesQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useAutomationRulesQuery({
 *   variables: {
 *   },
 * });
 */
export function useAutomationRulesQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<AutomationRulesQuery, AutomationRulesQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<AutomationRulesQuery, AutomationRulesQueryVariables>(AutomationRulesDocument, options);
      }
export function useAutomationRulesLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<AutomationRulesQuery, AutomationRulesQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<AutomationRulesQuery, AutomationRulesQueryVariables>(AutomationRulesDocument, options);
        }
// @ts-ignore
export function useAutomationRulesSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<AutomationRulesQuery, AutomationRulesQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<AutomationRulesQuery, AutomationRulesQueryVariables>;
export function useAutomationRulesSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<AutomationRulesQuery, AutomationRulesQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<AutomationRulesQuery | undefined, AutomationRulesQueryVariables>;
export function useAutomationRulesSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<AutomationRulesQuery, AutomationRulesQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<AutomationRulesQuery, AutomationRulesQueryVariables>(AutomationRulesDocument, options);
        }
export type AutomationRulesQueryHookResult = ReturnType<typeof useAutomationRulesQuery>;
export type AutomationRulesLazyQueryHookResult = ReturnType<typeof useAutomationRulesLazyQuery>;
export type AutomationRulesSuspenseQueryHookResult = ReturnType<typeof useAutomationRulesSuspenseQuery>;
export type AutomationRulesQueryResult = ApolloReactCommon.QueryResult<AutomationRulesQuery, AutomationRulesQueryVariables>;
export const UpdateAutomationRuleDocument = gql`
    mutation UpdateAutomationRule($input: UpdateAutomationRuleInput!) {
  updateAutomationRule(input: $input) {
    rule {
      ...AutomationRuleFields
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${AutomationRuleFieldsFragmentDoc}`;
export type UpdateAutomationRuleMutationFn = ApolloReactCommon.MutationFunction<UpdateAutomationRuleMutation, UpdateAutomationRuleMutationVariables>;

/**
 * __useUpdateAutomationRuleMutation__
 *
 * To run a mutation, you first call `useUpdateAutomationRuleMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useUpdateAutomationRuleMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [updateAutomationRuleMutation, { data, loading, error }] = useUpdateAutomationRuleMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useUpdateAutomationRuleMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<UpdateAutomationRuleMutation, UpdateAutomationRuleMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<UpdateAutomationRuleMutation, UpdateAutomationRuleMutationVariables>(UpdateAutomationRuleDocument, options);
      }
export type UpdateAutomationRuleMutationHookResult = ReturnType<typeof useUpdateAutomationRuleMutation>;
export type UpdateAutomationRuleMutationResult = ApolloReactCommon.MutationResult<UpdateAutomationRuleMutation>;
export type UpdateAutomationRuleMutationOptions = ApolloReactCommon.BaseMutationOptions<UpdateAutomationRuleMutation, UpdateAutomationRuleMutationVariables>;
export const CreateAutomationRuleDocument = gql`
    mutation CreateAutomationRule($input: CreateAutomationRuleInput!) {
  createAutomationRule(input: $input) {
    rule {
      ...AutomationRuleFields
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${AutomationRuleFieldsFragmentDoc}`;
export type CreateAutomationRuleMutationFn = ApolloReactCommon.MutationFunction<CreateAutomationRuleMutation, CreateAutomationRuleMutationVariables>;

/**
 * __useCreateAutomationRuleMutation__
 *
 * To run a mutation, you first call `useCreateAutomationRuleMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useCreateAutomationRuleMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [createAutomationRuleMutation, { data, loading, error }] = useCreateAutomationRuleMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useCreateAutomationRuleMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<CreateAutomationRuleMutation, CreateAutomationRuleMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<CreateAutomationRuleMutation, CreateAutomationRuleMutationVariables>(CreateAutomationRuleDocument, options);
      }
export type CreateAutomationRuleMutationHookResult = ReturnType<typeof useCreateAutomationRuleMutation>;
export type CreateAutomationRuleMutationResult = ApolloReactCommon.MutationResult<CreateAutomationRuleMutation>;
export type CreateAutomationRuleMutationOptions = ApolloReactCommon.BaseMutationOptions<CreateAutomationRuleMutation, CreateAutomationRuleMutationVariables>;
export const DeleteAutomationRuleDocument = gql`
    mutation DeleteAutomationRule($key: String!) {
  deleteAutomationRule(key: $key) {
    deletedKey
    userErrors {
      field
      code
      message
    }
  }
}
    `;
export type DeleteAutomationRuleMutationFn = ApolloReactCommon.MutationFunction<DeleteAutomationRuleMutation, DeleteAutomationRuleMutationVariables>;

/**
 * __useDeleteAutomationRuleMutation__
 *
 * To run a mutation, you first call `useDeleteAutomationRuleMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useDeleteAutomationRuleMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [deleteAutomationRuleMutation, { data, loading, error }] = useDeleteAutomationRuleMutation({
 *   variables: {
 *      key: // value for 'key'
 *   },
 * });
 */
export function useDeleteAutomationRuleMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<DeleteAutomationRuleMutation, DeleteAutomationRuleMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<DeleteAutomationRuleMutation, DeleteAutomationRuleMutationVariables>(DeleteAutomationRuleDocument, options);
      }
export type DeleteAutomationRuleMutationHookResult = ReturnType<typeof useDeleteAutomationRuleMutation>;
export type DeleteAutomationRuleMutationResult = ApolloReactCommon.MutationResult<DeleteAutomationRuleMutation>;
export type DeleteAutomationRuleMutationOptions = ApolloReactCommon.BaseMutationOptions<DeleteAutomationRuleMutation, DeleteAutomationRuleMutationVariables>;
export const DryRunAutomationDocument = gql`
    query DryRunAutomation($orderId: ID!) {
  dryRunAutomation(orderId: $orderId) {
    ruleKey
    name
    enabled
    trigger
    matches
    actions
    reason
  }
}
    `;

/**
 * __useDryRunAutomationQuery__
 *
 * To run a query within a React component, call `useDryRunAutomationQuery` and pass it any options that fit your needs.
 * When your component renders, `useDryRunAutomationQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useDryRunAutomationQuery({
 *   variables: {
 *      orderId: // value for 'orderId'
 *   },
 * });
 */
export function useDryRunAutomationQuery(baseOptions: ApolloReactHooks.QueryHookOptions<DryRunAutomationQuery, DryRunAutomationQueryVariables> & ({ variables: DryRunAutomationQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<DryRunAutomationQuery, DryRunAutomationQueryVariables>(DryRunAutomationDocument, options);
      }
export function useDryRunAutomationLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<DryRunAutomationQuery, DryRunAutomationQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<DryRunAutomationQuery, DryRunAutomationQueryVariables>(DryRunAutomationDocument, options);
        }
// @ts-ignore
export function useDryRunAutomationSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<DryRunAutomationQuery, DryRunAutomationQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<DryRunAutomationQuery, DryRunAutomationQueryVariables>;
export function useDryRunAutomationSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<DryRunAutomationQuery, DryRunAutomationQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<DryRunAutomationQuery | undefined, DryRunAutomationQueryVariables>;
export function useDryRunAutomationSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<DryRunAutomationQuery, DryRunAutomationQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<DryRunAutomationQuery, DryRunAutomationQueryVariables>(DryRunAutomationDocument, options);
        }
export type DryRunAutomationQueryHookResult = ReturnType<typeof useDryRunAutomationQuery>;
export type DryRunAutomationLazyQueryHookResult = ReturnType<typeof useDryRunAutomationLazyQuery>;
export type DryRunAutomationSuspenseQueryHookResult = ReturnType<typeof useDryRunAutomationSuspenseQuery>;
export type DryRunAutomationQueryResult = ApolloReactCommon.QueryResult<DryRunAutomationQuery, DryRunAutomationQueryVariables>;
export const RuleExecutionsDocument = gql`
    query RuleExecutions($ruleKey: String, $first: Int, $after: String) {
  ruleExecutions(ruleKey: $ruleKey, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      ruleKey
      orderId
      orderNumber
      aggregateId
      eventId
      outcome
      reason
      actions
      at
    }
  }
}
    `;

/**
 * __useRuleExecutionsQuery__
 *
 * To run a query within a React component, call `useRuleExecutionsQuery` and pass it any options that fit your needs.
 * When your component renders, `useRuleExecutionsQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useRuleExecutionsQuery({
 *   variables: {
 *      ruleKey: // value for 'ruleKey'
 *      first: // value for 'first'
 *      after: // value for 'after'
 *   },
 * });
 */
export function useRuleExecutionsQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<RuleExecutionsQuery, RuleExecutionsQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<RuleExecutionsQuery, RuleExecutionsQueryVariables>(RuleExecutionsDocument, options);
      }
export function useRuleExecutionsLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<RuleExecutionsQuery, RuleExecutionsQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<RuleExecutionsQuery, RuleExecutionsQueryVariables>(RuleExecutionsDocument, options);
        }
// @ts-ignore
export function useRuleExecutionsSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<RuleExecutionsQuery, RuleExecutionsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<RuleExecutionsQuery, RuleExecutionsQueryVariables>;
export function useRuleExecutionsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<RuleExecutionsQuery, RuleExecutionsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<RuleExecutionsQuery | undefined, RuleExecutionsQueryVariables>;
export function useRuleExecutionsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<RuleExecutionsQuery, RuleExecutionsQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<RuleExecutionsQuery, RuleExecutionsQueryVariables>(RuleExecutionsDocument, options);
        }
export type RuleExecutionsQueryHookResult = ReturnType<typeof useRuleExecutionsQuery>;
export type RuleExecutionsLazyQueryHookResult = ReturnType<typeof useRuleExecutionsLazyQuery>;
export type RuleExecutionsSuspenseQueryHookResult = ReturnType<typeof useRuleExecutionsSuspenseQuery>;
export type RuleExecutionsQueryResult = ApolloReactCommon.QueryResult<RuleExecutionsQuery, RuleExecutionsQueryVariables>;
export const CustomersDocument = gql`
    query Customers($search: String, $after: String, $first: Int) {
  customers(search: $search, after: $after, first: $first) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...CustomerListItem
    }
  }
}
    ${CustomerListItemFragmentDoc}`;

/**
 * __useCustomersQuery__
 *
 * To run a query within a React component, call `useCustomersQuery` and pass it any options that fit your needs.
 * When your component renders, `useCustomersQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useCustomersQuery({
 *   variables: {
 *      search: // value for 'search'
 *      after: // value for 'after'
 *      first: // value for 'first'
 *   },
 * });
 */
export function useCustomersQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<CustomersQuery, CustomersQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<CustomersQuery, CustomersQueryVariables>(CustomersDocument, options);
      }
export function useCustomersLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<CustomersQuery, CustomersQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<CustomersQuery, CustomersQueryVariables>(CustomersDocument, options);
        }
// @ts-ignore
export function useCustomersSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<CustomersQuery, CustomersQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<CustomersQuery, CustomersQueryVariables>;
export function useCustomersSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<CustomersQuery, CustomersQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<CustomersQuery | undefined, CustomersQueryVariables>;
export function useCustomersSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<CustomersQuery, CustomersQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<CustomersQuery, CustomersQueryVariables>(CustomersDocument, options);
        }
export type CustomersQueryHookResult = ReturnType<typeof useCustomersQuery>;
export type CustomersLazyQueryHookResult = ReturnType<typeof useCustomersLazyQuery>;
export type CustomersSuspenseQueryHookResult = ReturnType<typeof useCustomersSuspenseQuery>;
export type CustomersQueryResult = ApolloReactCommon.QueryResult<CustomersQuery, CustomersQueryVariables>;
export const CustomerDetailDocument = gql`
    query CustomerDetail($id: ID!, $after: String) {
  customer(id: $id) {
    ...CustomerListItem
    createdAt
    firstOrderAt
    orders(first: 25, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        number
        status
        placedAt
        total {
          amount
          currency
        }
        channel {
          id
          code
        }
      }
    }
  }
}
    ${CustomerListItemFragmentDoc}`;

/**
 * __useCustomerDetailQuery__
 *
 * To run a query within a React component, call `useCustomerDetailQuery` and pass it any options that fit your needs.
 * When your component renders, `useCustomerDetailQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useCustomerDetailQuery({
 *   variables: {
 *      id: // value for 'id'
 *      after: // value for 'after'
 *   },
 * });
 */
export function useCustomerDetailQuery(baseOptions: ApolloReactHooks.QueryHookOptions<CustomerDetailQuery, CustomerDetailQueryVariables> & ({ variables: CustomerDetailQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<CustomerDetailQuery, CustomerDetailQueryVariables>(CustomerDetailDocument, options);
      }
export function useCustomerDetailLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<CustomerDetailQuery, CustomerDetailQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<CustomerDetailQuery, CustomerDetailQueryVariables>(CustomerDetailDocument, options);
        }
// @ts-ignore
export function useCustomerDetailSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<CustomerDetailQuery, CustomerDetailQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<CustomerDetailQuery, CustomerDetailQueryVariables>;
export function useCustomerDetailSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<CustomerDetailQuery, CustomerDetailQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<CustomerDetailQuery | undefined, CustomerDetailQueryVariables>;
export function useCustomerDetailSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<CustomerDetailQuery, CustomerDetailQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<CustomerDetailQuery, CustomerDetailQueryVariables>(CustomerDetailDocument, options);
        }
export type CustomerDetailQueryHookResult = ReturnType<typeof useCustomerDetailQuery>;
export type CustomerDetailLazyQueryHookResult = ReturnType<typeof useCustomerDetailLazyQuery>;
export type CustomerDetailSuspenseQueryHookResult = ReturnType<typeof useCustomerDetailSuspenseQuery>;
export type CustomerDetailQueryResult = ApolloReactCommon.QueryResult<CustomerDetailQuery, CustomerDetailQueryVariables>;
export const ExportCustomerDataDocument = gql`
    query ExportCustomerData($id: ID!) {
  exportCustomerData(id: $id)
}
    `;

/**
 * __useExportCustomerDataQuery__
 *
 * To run a query within a React component, call `useExportCustomerDataQuery` and pass it any options that fit your needs.
 * When your component renders, `useExportCustomerDataQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useExportCustomerDataQuery({
 *   variables: {
 *      id: // value for 'id'
 *   },
 * });
 */
export function useExportCustomerDataQuery(baseOptions: ApolloReactHooks.QueryHookOptions<ExportCustomerDataQuery, ExportCustomerDataQueryVariables> & ({ variables: ExportCustomerDataQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<ExportCustomerDataQuery, ExportCustomerDataQueryVariables>(ExportCustomerDataDocument, options);
      }
export function useExportCustomerDataLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<ExportCustomerDataQuery, ExportCustomerDataQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<ExportCustomerDataQuery, ExportCustomerDataQueryVariables>(ExportCustomerDataDocument, options);
        }
// @ts-ignore
export function useExportCustomerDataSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<ExportCustomerDataQuery, ExportCustomerDataQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<ExportCustomerDataQuery, ExportCustomerDataQueryVariables>;
export function useExportCustomerDataSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<ExportCustomerDataQuery, ExportCustomerDataQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<ExportCustomerDataQuery | undefined, ExportCustomerDataQueryVariables>;
export function useExportCustomerDataSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<ExportCustomerDataQuery, ExportCustomerDataQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<ExportCustomerDataQuery, ExportCustomerDataQueryVariables>(ExportCustomerDataDocument, options);
        }
export type ExportCustomerDataQueryHookResult = ReturnType<typeof useExportCustomerDataQuery>;
export type ExportCustomerDataLazyQueryHookResult = ReturnType<typeof useExportCustomerDataLazyQuery>;
export type ExportCustomerDataSuspenseQueryHookResult = ReturnType<typeof useExportCustomerDataSuspenseQuery>;
export type ExportCustomerDataQueryResult = ApolloReactCommon.QueryResult<ExportCustomerDataQuery, ExportCustomerDataQueryVariables>;
export const EraseCustomerDocument = gql`
    mutation EraseCustomer($id: ID!, $reason: String!) {
  eraseCustomer(id: $id, reason: $reason) {
    customer {
      ...CustomerListItem
    }
    alreadyErased
    userErrors {
      field
      code
      message
    }
  }
}
    ${CustomerListItemFragmentDoc}`;
export type EraseCustomerMutationFn = ApolloReactCommon.MutationFunction<EraseCustomerMutation, EraseCustomerMutationVariables>;

/**
 * __useEraseCustomerMutation__
 *
 * To run a mutation, you first call `useEraseCustomerMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useEraseCustomerMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [eraseCustomerMutation, { data, loading, error }] = useEraseCustomerMutation({
 *   variables: {
 *      id: // value for 'id'
 *      reason: // value for 'reason'
 *   },
 * });
 */
export function useEraseCustomerMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<EraseCustomerMutation, EraseCustomerMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<EraseCustomerMutation, EraseCustomerMutationVariables>(EraseCustomerDocument, options);
      }
export type EraseCustomerMutationHookResult = ReturnType<typeof useEraseCustomerMutation>;
export type EraseCustomerMutationResult = ApolloReactCommon.MutationResult<EraseCustomerMutation>;
export type EraseCustomerMutationOptions = ApolloReactCommon.BaseMutationOptions<EraseCustomerMutation, EraseCustomerMutationVariables>;
export const DashboardFiguresDocument = gql`
    query DashboardFigures($today: DateTime!, $week: DateTime!, $lateHours: Int!) {
  orderStatusCounts {
    status
    count
  }
  today: salesByChannel(from: $today) {
    channelCode
    channelName
    orders
    revenue {
      amount
      currency
    }
  }
  week: salesByChannel(from: $week) {
    channelCode
    channelName
    orders
    revenue {
      amount
      currency
    }
  }
  lateOrders(olderThanHours: $lateHours, first: 10) {
    totalCount
    nodes {
      id
      number
      status
      channelCode
      confirmedAt
    }
  }
}
    `;

/**
 * __useDashboardFiguresQuery__
 *
 * To run a query within a React component, call `useDashboardFiguresQuery` and pass it any options that fit your needs.
 * When your component renders, `useDashboardFiguresQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useDashboardFiguresQuery({
 *   variables: {
 *      today: // value for 'today'
 *      week: // value for 'week'
 *      lateHours: // value for 'lateHours'
 *   },
 * });
 */
export function useDashboardFiguresQuery(baseOptions: ApolloReactHooks.QueryHookOptions<DashboardFiguresQuery, DashboardFiguresQueryVariables> & ({ variables: DashboardFiguresQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<DashboardFiguresQuery, DashboardFiguresQueryVariables>(DashboardFiguresDocument, options);
      }
export function useDashboardFiguresLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<DashboardFiguresQuery, DashboardFiguresQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<DashboardFiguresQuery, DashboardFiguresQueryVariables>(DashboardFiguresDocument, options);
        }
// @ts-ignore
export function useDashboardFiguresSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<DashboardFiguresQuery, DashboardFiguresQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<DashboardFiguresQuery, DashboardFiguresQueryVariables>;
export function useDashboardFiguresSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<DashboardFiguresQuery, DashboardFiguresQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<DashboardFiguresQuery | undefined, DashboardFiguresQueryVariables>;
export function useDashboardFiguresSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<DashboardFiguresQuery, DashboardFiguresQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<DashboardFiguresQuery, DashboardFiguresQueryVariables>(DashboardFiguresDocument, options);
        }
export type DashboardFiguresQueryHookResult = ReturnType<typeof useDashboardFiguresQuery>;
export type DashboardFiguresLazyQueryHookResult = ReturnType<typeof useDashboardFiguresLazyQuery>;
export type DashboardFiguresSuspenseQueryHookResult = ReturnType<typeof useDashboardFiguresSuspenseQuery>;
export type DashboardFiguresQueryResult = ApolloReactCommon.QueryResult<DashboardFiguresQuery, DashboardFiguresQueryVariables>;
export const DashboardStockDocument = gql`
    query DashboardStock($below: Int!) {
  stock(first: 50, filter: {availableBelow: $below}) {
    totalCount
    nodes {
      id
      sku
      onHand
      reserved
      available
      warehouse {
        id
        code
      }
      product {
        id
        name
      }
    }
  }
}
    `;

/**
 * __useDashboardStockQuery__
 *
 * To run a query within a React component, call `useDashboardStockQuery` and pass it any options that fit your needs.
 * When your component renders, `useDashboardStockQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useDashboardStockQuery({
 *   variables: {
 *      below: // value for 'below'
 *   },
 * });
 */
export function useDashboardStockQuery(baseOptions: ApolloReactHooks.QueryHookOptions<DashboardStockQuery, DashboardStockQueryVariables> & ({ variables: DashboardStockQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<DashboardStockQuery, DashboardStockQueryVariables>(DashboardStockDocument, options);
      }
export function useDashboardStockLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<DashboardStockQuery, DashboardStockQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<DashboardStockQuery, DashboardStockQueryVariables>(DashboardStockDocument, options);
        }
// @ts-ignore
export function useDashboardStockSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<DashboardStockQuery, DashboardStockQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<DashboardStockQuery, DashboardStockQueryVariables>;
export function useDashboardStockSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<DashboardStockQuery, DashboardStockQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<DashboardStockQuery | undefined, DashboardStockQueryVariables>;
export function useDashboardStockSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<DashboardStockQuery, DashboardStockQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<DashboardStockQuery, DashboardStockQueryVariables>(DashboardStockDocument, options);
        }
export type DashboardStockQueryHookResult = ReturnType<typeof useDashboardStockQuery>;
export type DashboardStockLazyQueryHookResult = ReturnType<typeof useDashboardStockLazyQuery>;
export type DashboardStockSuspenseQueryHookResult = ReturnType<typeof useDashboardStockSuspenseQuery>;
export type DashboardStockQueryResult = ApolloReactCommon.QueryResult<DashboardStockQuery, DashboardStockQueryVariables>;
export const DashboardFeedDocument = gql`
    subscription DashboardFeed {
  orderUpdated {
    order {
      id
      number
      status
    }
    event {
      id
      type
      fromStatus
      toStatus
      actor
      at
      message
    }
  }
}
    `;

/**
 * __useDashboardFeedSubscription__
 *
 * To run a query within a React component, call `useDashboardFeedSubscription` and pass it any options that fit your needs.
 * When your component renders, `useDashboardFeedSubscription` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the subscription, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useDashboardFeedSubscription({
 *   variables: {
 *   },
 * });
 */
export function useDashboardFeedSubscription(baseOptions?: ApolloReactHooks.SubscriptionHookOptions<DashboardFeedSubscription, DashboardFeedSubscriptionVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useSubscription<DashboardFeedSubscription, DashboardFeedSubscriptionVariables>(DashboardFeedDocument, options);
      }
export type DashboardFeedSubscriptionHookResult = ReturnType<typeof useDashboardFeedSubscription>;
export type DashboardFeedSubscriptionResult = ApolloReactCommon.SubscriptionResult<DashboardFeedSubscription>;
export const StartExportDocument = gql`
    mutation StartExport($input: StartExportInput!) {
  startExport(input: $input) {
    job {
      ...ExportJobFields
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${ExportJobFieldsFragmentDoc}`;
export type StartExportMutationFn = ApolloReactCommon.MutationFunction<StartExportMutation, StartExportMutationVariables>;

/**
 * __useStartExportMutation__
 *
 * To run a mutation, you first call `useStartExportMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useStartExportMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [startExportMutation, { data, loading, error }] = useStartExportMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useStartExportMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<StartExportMutation, StartExportMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<StartExportMutation, StartExportMutationVariables>(StartExportDocument, options);
      }
export type StartExportMutationHookResult = ReturnType<typeof useStartExportMutation>;
export type StartExportMutationResult = ApolloReactCommon.MutationResult<StartExportMutation>;
export type StartExportMutationOptions = ApolloReactCommon.BaseMutationOptions<StartExportMutation, StartExportMutationVariables>;
export const ExportJobDocument = gql`
    query ExportJob($id: ID!) {
  exportJob(id: $id) {
    ...ExportJobFields
  }
}
    ${ExportJobFieldsFragmentDoc}`;

/**
 * __useExportJobQuery__
 *
 * To run a query within a React component, call `useExportJobQuery` and pass it any options that fit your needs.
 * When your component renders, `useExportJobQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useExportJobQuery({
 *   variables: {
 *      id: // value for 'id'
 *   },
 * });
 */
export function useExportJobQuery(baseOptions: ApolloReactHooks.QueryHookOptions<ExportJobQuery, ExportJobQueryVariables> & ({ variables: ExportJobQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<ExportJobQuery, ExportJobQueryVariables>(ExportJobDocument, options);
      }
export function useExportJobLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<ExportJobQuery, ExportJobQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<ExportJobQuery, ExportJobQueryVariables>(ExportJobDocument, options);
        }
// @ts-ignore
export function useExportJobSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<ExportJobQuery, ExportJobQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<ExportJobQuery, ExportJobQueryVariables>;
export function useExportJobSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<ExportJobQuery, ExportJobQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<ExportJobQuery | undefined, ExportJobQueryVariables>;
export function useExportJobSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<ExportJobQuery, ExportJobQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<ExportJobQuery, ExportJobQueryVariables>(ExportJobDocument, options);
        }
export type ExportJobQueryHookResult = ReturnType<typeof useExportJobQuery>;
export type ExportJobLazyQueryHookResult = ReturnType<typeof useExportJobLazyQuery>;
export type ExportJobSuspenseQueryHookResult = ReturnType<typeof useExportJobSuspenseQuery>;
export type ExportJobQueryResult = ApolloReactCommon.QueryResult<ExportJobQuery, ExportJobQueryVariables>;
export const EmailChannelsDocument = gql`
    query EmailChannels {
  channels {
    id
    code
    name
  }
}
    `;

/**
 * __useEmailChannelsQuery__
 *
 * To run a query within a React component, call `useEmailChannelsQuery` and pass it any options that fit your needs.
 * When your component renders, `useEmailChannelsQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useEmailChannelsQuery({
 *   variables: {
 *   },
 * });
 */
export function useEmailChannelsQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<EmailChannelsQuery, EmailChannelsQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<EmailChannelsQuery, EmailChannelsQueryVariables>(EmailChannelsDocument, options);
      }
export function useEmailChannelsLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<EmailChannelsQuery, EmailChannelsQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<EmailChannelsQuery, EmailChannelsQueryVariables>(EmailChannelsDocument, options);
        }
// @ts-ignore
export function useEmailChannelsSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<EmailChannelsQuery, EmailChannelsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<EmailChannelsQuery, EmailChannelsQueryVariables>;
export function useEmailChannelsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<EmailChannelsQuery, EmailChannelsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<EmailChannelsQuery | undefined, EmailChannelsQueryVariables>;
export function useEmailChannelsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<EmailChannelsQuery, EmailChannelsQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<EmailChannelsQuery, EmailChannelsQueryVariables>(EmailChannelsDocument, options);
        }
export type EmailChannelsQueryHookResult = ReturnType<typeof useEmailChannelsQuery>;
export type EmailChannelsLazyQueryHookResult = ReturnType<typeof useEmailChannelsLazyQuery>;
export type EmailChannelsSuspenseQueryHookResult = ReturnType<typeof useEmailChannelsSuspenseQuery>;
export type EmailChannelsQueryResult = ApolloReactCommon.QueryResult<EmailChannelsQuery, EmailChannelsQueryVariables>;
export const EmailTemplatesDocument = gql`
    query EmailTemplates($channelCode: String!) {
  emailTemplates(channelCode: $channelCode) {
    ...EmailTemplateFields
  }
}
    ${EmailTemplateFieldsFragmentDoc}`;

/**
 * __useEmailTemplatesQuery__
 *
 * To run a query within a React component, call `useEmailTemplatesQuery` and pass it any options that fit your needs.
 * When your component renders, `useEmailTemplatesQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useEmailTemplatesQuery({
 *   variables: {
 *      channelCode: // value for 'channelCode'
 *   },
 * });
 */
export function useEmailTemplatesQuery(baseOptions: ApolloReactHooks.QueryHookOptions<EmailTemplatesQuery, EmailTemplatesQueryVariables> & ({ variables: EmailTemplatesQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<EmailTemplatesQuery, EmailTemplatesQueryVariables>(EmailTemplatesDocument, options);
      }
export function useEmailTemplatesLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<EmailTemplatesQuery, EmailTemplatesQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<EmailTemplatesQuery, EmailTemplatesQueryVariables>(EmailTemplatesDocument, options);
        }
// @ts-ignore
export function useEmailTemplatesSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<EmailTemplatesQuery, EmailTemplatesQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<EmailTemplatesQuery, EmailTemplatesQueryVariables>;
export function useEmailTemplatesSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<EmailTemplatesQuery, EmailTemplatesQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<EmailTemplatesQuery | undefined, EmailTemplatesQueryVariables>;
export function useEmailTemplatesSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<EmailTemplatesQuery, EmailTemplatesQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<EmailTemplatesQuery, EmailTemplatesQueryVariables>(EmailTemplatesDocument, options);
        }
export type EmailTemplatesQueryHookResult = ReturnType<typeof useEmailTemplatesQuery>;
export type EmailTemplatesLazyQueryHookResult = ReturnType<typeof useEmailTemplatesLazyQuery>;
export type EmailTemplatesSuspenseQueryHookResult = ReturnType<typeof useEmailTemplatesSuspenseQuery>;
export type EmailTemplatesQueryResult = ApolloReactCommon.QueryResult<EmailTemplatesQuery, EmailTemplatesQueryVariables>;
export const PreviewEmailDocument = gql`
    query PreviewEmail($channelCode: String!, $event: EmailEvent!, $orderId: ID, $draft: EmailTemplateDraftInput) {
  previewEmail(
    channelCode: $channelCode
    event: $event
    orderId: $orderId
    draft: $draft
  ) {
    subject
    text
    html
    recipient
    sample
    problems
  }
}
    `;

/**
 * __usePreviewEmailQuery__
 *
 * To run a query within a React component, call `usePreviewEmailQuery` and pass it any options that fit your needs.
 * When your component renders, `usePreviewEmailQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = usePreviewEmailQuery({
 *   variables: {
 *      channelCode: // value for 'channelCode'
 *      event: // value for 'event'
 *      orderId: // value for 'orderId'
 *      draft: // value for 'draft'
 *   },
 * });
 */
export function usePreviewEmailQuery(baseOptions: ApolloReactHooks.QueryHookOptions<PreviewEmailQuery, PreviewEmailQueryVariables> & ({ variables: PreviewEmailQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<PreviewEmailQuery, PreviewEmailQueryVariables>(PreviewEmailDocument, options);
      }
export function usePreviewEmailLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<PreviewEmailQuery, PreviewEmailQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<PreviewEmailQuery, PreviewEmailQueryVariables>(PreviewEmailDocument, options);
        }
// @ts-ignore
export function usePreviewEmailSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<PreviewEmailQuery, PreviewEmailQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<PreviewEmailQuery, PreviewEmailQueryVariables>;
export function usePreviewEmailSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<PreviewEmailQuery, PreviewEmailQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<PreviewEmailQuery | undefined, PreviewEmailQueryVariables>;
export function usePreviewEmailSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<PreviewEmailQuery, PreviewEmailQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<PreviewEmailQuery, PreviewEmailQueryVariables>(PreviewEmailDocument, options);
        }
export type PreviewEmailQueryHookResult = ReturnType<typeof usePreviewEmailQuery>;
export type PreviewEmailLazyQueryHookResult = ReturnType<typeof usePreviewEmailLazyQuery>;
export type PreviewEmailSuspenseQueryHookResult = ReturnType<typeof usePreviewEmailSuspenseQuery>;
export type PreviewEmailQueryResult = ApolloReactCommon.QueryResult<PreviewEmailQuery, PreviewEmailQueryVariables>;
export const UpdateEmailTemplateDocument = gql`
    mutation UpdateEmailTemplate($input: UpdateEmailTemplateInput!) {
  updateEmailTemplate(input: $input) {
    template {
      ...EmailTemplateFields
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${EmailTemplateFieldsFragmentDoc}`;
export type UpdateEmailTemplateMutationFn = ApolloReactCommon.MutationFunction<UpdateEmailTemplateMutation, UpdateEmailTemplateMutationVariables>;

/**
 * __useUpdateEmailTemplateMutation__
 *
 * To run a mutation, you first call `useUpdateEmailTemplateMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useUpdateEmailTemplateMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [updateEmailTemplateMutation, { data, loading, error }] = useUpdateEmailTemplateMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useUpdateEmailTemplateMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<UpdateEmailTemplateMutation, UpdateEmailTemplateMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<UpdateEmailTemplateMutation, UpdateEmailTemplateMutationVariables>(UpdateEmailTemplateDocument, options);
      }
export type UpdateEmailTemplateMutationHookResult = ReturnType<typeof useUpdateEmailTemplateMutation>;
export type UpdateEmailTemplateMutationResult = ApolloReactCommon.MutationResult<UpdateEmailTemplateMutation>;
export type UpdateEmailTemplateMutationOptions = ApolloReactCommon.BaseMutationOptions<UpdateEmailTemplateMutation, UpdateEmailTemplateMutationVariables>;
export const EmailMessagesDocument = gql`
    query EmailMessages($first: Int, $after: String, $filter: EmailMessageFilter) {
  emailMessages(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      event
      orderId
      orderNumber
      recipient
      subject
      status
      attempts
      lastError
      createdAt
      sentAt
    }
  }
}
    `;

/**
 * __useEmailMessagesQuery__
 *
 * To run a query within a React component, call `useEmailMessagesQuery` and pass it any options that fit your needs.
 * When your component renders, `useEmailMessagesQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useEmailMessagesQuery({
 *   variables: {
 *      first: // value for 'first'
 *      after: // value for 'after'
 *      filter: // value for 'filter'
 *   },
 * });
 */
export function useEmailMessagesQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<EmailMessagesQuery, EmailMessagesQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<EmailMessagesQuery, EmailMessagesQueryVariables>(EmailMessagesDocument, options);
      }
export function useEmailMessagesLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<EmailMessagesQuery, EmailMessagesQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<EmailMessagesQuery, EmailMessagesQueryVariables>(EmailMessagesDocument, options);
        }
// @ts-ignore
export function useEmailMessagesSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<EmailMessagesQuery, EmailMessagesQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<EmailMessagesQuery, EmailMessagesQueryVariables>;
export function useEmailMessagesSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<EmailMessagesQuery, EmailMessagesQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<EmailMessagesQuery | undefined, EmailMessagesQueryVariables>;
export function useEmailMessagesSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<EmailMessagesQuery, EmailMessagesQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<EmailMessagesQuery, EmailMessagesQueryVariables>(EmailMessagesDocument, options);
        }
export type EmailMessagesQueryHookResult = ReturnType<typeof useEmailMessagesQuery>;
export type EmailMessagesLazyQueryHookResult = ReturnType<typeof useEmailMessagesLazyQuery>;
export type EmailMessagesSuspenseQueryHookResult = ReturnType<typeof useEmailMessagesSuspenseQuery>;
export type EmailMessagesQueryResult = ApolloReactCommon.QueryResult<EmailMessagesQuery, EmailMessagesQueryVariables>;
export const EventsDocument = gql`
    query Events($first: Int, $after: String, $type: String, $aggregateId: ID) {
  events(first: $first, after: $after, type: $type, aggregateId: $aggregateId) {
    totalCount
    nodes {
      id
      type
      aggregateId
      occurredAt
      actor
      payload
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    `;

/**
 * __useEventsQuery__
 *
 * To run a query within a React component, call `useEventsQuery` and pass it any options that fit your needs.
 * When your component renders, `useEventsQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useEventsQuery({
 *   variables: {
 *      first: // value for 'first'
 *      after: // value for 'after'
 *      type: // value for 'type'
 *      aggregateId: // value for 'aggregateId'
 *   },
 * });
 */
export function useEventsQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<EventsQuery, EventsQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<EventsQuery, EventsQueryVariables>(EventsDocument, options);
      }
export function useEventsLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<EventsQuery, EventsQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<EventsQuery, EventsQueryVariables>(EventsDocument, options);
        }
// @ts-ignore
export function useEventsSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<EventsQuery, EventsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<EventsQuery, EventsQueryVariables>;
export function useEventsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<EventsQuery, EventsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<EventsQuery | undefined, EventsQueryVariables>;
export function useEventsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<EventsQuery, EventsQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<EventsQuery, EventsQueryVariables>(EventsDocument, options);
        }
export type EventsQueryHookResult = ReturnType<typeof useEventsQuery>;
export type EventsLazyQueryHookResult = ReturnType<typeof useEventsLazyQuery>;
export type EventsSuspenseQueryHookResult = ReturnType<typeof useEventsSuspenseQuery>;
export type EventsQueryResult = ApolloReactCommon.QueryResult<EventsQuery, EventsQueryVariables>;
export const EventTypesDocument = gql`
    query EventTypes {
  eventTypes
}
    `;

/**
 * __useEventTypesQuery__
 *
 * To run a query within a React component, call `useEventTypesQuery` and pass it any options that fit your needs.
 * When your component renders, `useEventTypesQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useEventTypesQuery({
 *   variables: {
 *   },
 * });
 */
export function useEventTypesQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<EventTypesQuery, EventTypesQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<EventTypesQuery, EventTypesQueryVariables>(EventTypesDocument, options);
      }
export function useEventTypesLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<EventTypesQuery, EventTypesQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<EventTypesQuery, EventTypesQueryVariables>(EventTypesDocument, options);
        }
// @ts-ignore
export function useEventTypesSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<EventTypesQuery, EventTypesQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<EventTypesQuery, EventTypesQueryVariables>;
export function useEventTypesSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<EventTypesQuery, EventTypesQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<EventTypesQuery | undefined, EventTypesQueryVariables>;
export function useEventTypesSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<EventTypesQuery, EventTypesQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<EventTypesQuery, EventTypesQueryVariables>(EventTypesDocument, options);
        }
export type EventTypesQueryHookResult = ReturnType<typeof useEventTypesQuery>;
export type EventTypesLazyQueryHookResult = ReturnType<typeof useEventTypesLazyQuery>;
export type EventTypesSuspenseQueryHookResult = ReturnType<typeof useEventTypesSuspenseQuery>;
export type EventTypesQueryResult = ApolloReactCommon.QueryResult<EventTypesQuery, EventTypesQueryVariables>;
export const StockDocument = gql`
    query Stock($filter: StockFilter, $first: Int, $after: String) {
  stock(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...StockLevelRow
    }
  }
}
    ${StockLevelRowFragmentDoc}`;

/**
 * __useStockQuery__
 *
 * To run a query within a React component, call `useStockQuery` and pass it any options that fit your needs.
 * When your component renders, `useStockQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useStockQuery({
 *   variables: {
 *      filter: // value for 'filter'
 *      first: // value for 'first'
 *      after: // value for 'after'
 *   },
 * });
 */
export function useStockQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<StockQuery, StockQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<StockQuery, StockQueryVariables>(StockDocument, options);
      }
export function useStockLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<StockQuery, StockQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<StockQuery, StockQueryVariables>(StockDocument, options);
        }
// @ts-ignore
export function useStockSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<StockQuery, StockQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<StockQuery, StockQueryVariables>;
export function useStockSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<StockQuery, StockQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<StockQuery | undefined, StockQueryVariables>;
export function useStockSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<StockQuery, StockQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<StockQuery, StockQueryVariables>(StockDocument, options);
        }
export type StockQueryHookResult = ReturnType<typeof useStockQuery>;
export type StockLazyQueryHookResult = ReturnType<typeof useStockLazyQuery>;
export type StockSuspenseQueryHookResult = ReturnType<typeof useStockSuspenseQuery>;
export type StockQueryResult = ApolloReactCommon.QueryResult<StockQuery, StockQueryVariables>;
export const AdjustStockDocument = gql`
    mutation AdjustStock($input: AdjustStockInput!) {
  adjustStock(input: $input) {
    stockLevel {
      ...StockLevelRow
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${StockLevelRowFragmentDoc}`;
export type AdjustStockMutationFn = ApolloReactCommon.MutationFunction<AdjustStockMutation, AdjustStockMutationVariables>;

/**
 * __useAdjustStockMutation__
 *
 * To run a mutation, you first call `useAdjustStockMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useAdjustStockMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [adjustStockMutation, { data, loading, error }] = useAdjustStockMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useAdjustStockMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<AdjustStockMutation, AdjustStockMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<AdjustStockMutation, AdjustStockMutationVariables>(AdjustStockDocument, options);
      }
export type AdjustStockMutationHookResult = ReturnType<typeof useAdjustStockMutation>;
export type AdjustStockMutationResult = ApolloReactCommon.MutationResult<AdjustStockMutation>;
export type AdjustStockMutationOptions = ApolloReactCommon.BaseMutationOptions<AdjustStockMutation, AdjustStockMutationVariables>;
export const ProductsDocument = gql`
    query Products($search: String, $after: String, $first: Int) {
  products(search: $search, after: $after, first: $first) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...ProductRow
    }
  }
}
    ${ProductRowFragmentDoc}`;

/**
 * __useProductsQuery__
 *
 * To run a query within a React component, call `useProductsQuery` and pass it any options that fit your needs.
 * When your component renders, `useProductsQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useProductsQuery({
 *   variables: {
 *      search: // value for 'search'
 *      after: // value for 'after'
 *      first: // value for 'first'
 *   },
 * });
 */
export function useProductsQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<ProductsQuery, ProductsQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<ProductsQuery, ProductsQueryVariables>(ProductsDocument, options);
      }
export function useProductsLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<ProductsQuery, ProductsQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<ProductsQuery, ProductsQueryVariables>(ProductsDocument, options);
        }
// @ts-ignore
export function useProductsSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<ProductsQuery, ProductsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<ProductsQuery, ProductsQueryVariables>;
export function useProductsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<ProductsQuery, ProductsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<ProductsQuery | undefined, ProductsQueryVariables>;
export function useProductsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<ProductsQuery, ProductsQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<ProductsQuery, ProductsQueryVariables>(ProductsDocument, options);
        }
export type ProductsQueryHookResult = ReturnType<typeof useProductsQuery>;
export type ProductsLazyQueryHookResult = ReturnType<typeof useProductsLazyQuery>;
export type ProductsSuspenseQueryHookResult = ReturnType<typeof useProductsSuspenseQuery>;
export type ProductsQueryResult = ApolloReactCommon.QueryResult<ProductsQuery, ProductsQueryVariables>;
export const UpsertProductDocument = gql`
    mutation UpsertProduct($input: UpsertProductInput!) {
  upsertProduct(input: $input) {
    product {
      ...ProductRow
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${ProductRowFragmentDoc}`;
export type UpsertProductMutationFn = ApolloReactCommon.MutationFunction<UpsertProductMutation, UpsertProductMutationVariables>;

/**
 * __useUpsertProductMutation__
 *
 * To run a mutation, you first call `useUpsertProductMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useUpsertProductMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [upsertProductMutation, { data, loading, error }] = useUpsertProductMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useUpsertProductMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<UpsertProductMutation, UpsertProductMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<UpsertProductMutation, UpsertProductMutationVariables>(UpsertProductDocument, options);
      }
export type UpsertProductMutationHookResult = ReturnType<typeof useUpsertProductMutation>;
export type UpsertProductMutationResult = ApolloReactCommon.MutationResult<UpsertProductMutation>;
export type UpsertProductMutationOptions = ApolloReactCommon.BaseMutationOptions<UpsertProductMutation, UpsertProductMutationVariables>;
export const InventoryWarehousesDocument = gql`
    query InventoryWarehouses($after: String) {
  warehouses: warehousesConnection(first: 200, after: $after) {
    nodes {
      id
      code
      name
      priority
      createdAt
    }
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `;

/**
 * __useInventoryWarehousesQuery__
 *
 * To run a query within a React component, call `useInventoryWarehousesQuery` and pass it any options that fit your needs.
 * When your component renders, `useInventoryWarehousesQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useInventoryWarehousesQuery({
 *   variables: {
 *      after: // value for 'after'
 *   },
 * });
 */
export function useInventoryWarehousesQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<InventoryWarehousesQuery, InventoryWarehousesQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<InventoryWarehousesQuery, InventoryWarehousesQueryVariables>(InventoryWarehousesDocument, options);
      }
export function useInventoryWarehousesLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<InventoryWarehousesQuery, InventoryWarehousesQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<InventoryWarehousesQuery, InventoryWarehousesQueryVariables>(InventoryWarehousesDocument, options);
        }
// @ts-ignore
export function useInventoryWarehousesSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<InventoryWarehousesQuery, InventoryWarehousesQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<InventoryWarehousesQuery, InventoryWarehousesQueryVariables>;
export function useInventoryWarehousesSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<InventoryWarehousesQuery, InventoryWarehousesQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<InventoryWarehousesQuery | undefined, InventoryWarehousesQueryVariables>;
export function useInventoryWarehousesSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<InventoryWarehousesQuery, InventoryWarehousesQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<InventoryWarehousesQuery, InventoryWarehousesQueryVariables>(InventoryWarehousesDocument, options);
        }
export type InventoryWarehousesQueryHookResult = ReturnType<typeof useInventoryWarehousesQuery>;
export type InventoryWarehousesLazyQueryHookResult = ReturnType<typeof useInventoryWarehousesLazyQuery>;
export type InventoryWarehousesSuspenseQueryHookResult = ReturnType<typeof useInventoryWarehousesSuspenseQuery>;
export type InventoryWarehousesQueryResult = ApolloReactCommon.QueryResult<InventoryWarehousesQuery, InventoryWarehousesQueryVariables>;
export const CreateWarehouseDocument = gql`
    mutation CreateWarehouse($input: CreateWarehouseInput!) {
  createWarehouse(input: $input) {
    warehouse {
      id
      code
      name
      priority
      createdAt
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `;
export type CreateWarehouseMutationFn = ApolloReactCommon.MutationFunction<CreateWarehouseMutation, CreateWarehouseMutationVariables>;

/**
 * __useCreateWarehouseMutation__
 *
 * To run a mutation, you first call `useCreateWarehouseMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useCreateWarehouseMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [createWarehouseMutation, { data, loading, error }] = useCreateWarehouseMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useCreateWarehouseMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<CreateWarehouseMutation, CreateWarehouseMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<CreateWarehouseMutation, CreateWarehouseMutationVariables>(CreateWarehouseDocument, options);
      }
export type CreateWarehouseMutationHookResult = ReturnType<typeof useCreateWarehouseMutation>;
export type CreateWarehouseMutationResult = ApolloReactCommon.MutationResult<CreateWarehouseMutation>;
export type CreateWarehouseMutationOptions = ApolloReactCommon.BaseMutationOptions<CreateWarehouseMutation, CreateWarehouseMutationVariables>;
export const InventoryChannelsDocument = gql`
    query InventoryChannels {
  channels {
    id
    code
    name
    currency
    createdAt
  }
}
    `;

/**
 * __useInventoryChannelsQuery__
 *
 * To run a query within a React component, call `useInventoryChannelsQuery` and pass it any options that fit your needs.
 * When your component renders, `useInventoryChannelsQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useInventoryChannelsQuery({
 *   variables: {
 *   },
 * });
 */
export function useInventoryChannelsQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<InventoryChannelsQuery, InventoryChannelsQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<InventoryChannelsQuery, InventoryChannelsQueryVariables>(InventoryChannelsDocument, options);
      }
export function useInventoryChannelsLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<InventoryChannelsQuery, InventoryChannelsQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<InventoryChannelsQuery, InventoryChannelsQueryVariables>(InventoryChannelsDocument, options);
        }
// @ts-ignore
export function useInventoryChannelsSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<InventoryChannelsQuery, InventoryChannelsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<InventoryChannelsQuery, InventoryChannelsQueryVariables>;
export function useInventoryChannelsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<InventoryChannelsQuery, InventoryChannelsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<InventoryChannelsQuery | undefined, InventoryChannelsQueryVariables>;
export function useInventoryChannelsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<InventoryChannelsQuery, InventoryChannelsQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<InventoryChannelsQuery, InventoryChannelsQueryVariables>(InventoryChannelsDocument, options);
        }
export type InventoryChannelsQueryHookResult = ReturnType<typeof useInventoryChannelsQuery>;
export type InventoryChannelsLazyQueryHookResult = ReturnType<typeof useInventoryChannelsLazyQuery>;
export type InventoryChannelsSuspenseQueryHookResult = ReturnType<typeof useInventoryChannelsSuspenseQuery>;
export type InventoryChannelsQueryResult = ApolloReactCommon.QueryResult<InventoryChannelsQuery, InventoryChannelsQueryVariables>;
export const CreateChannelDocument = gql`
    mutation CreateChannel($input: CreateChannelInput!) {
  createChannel(input: $input) {
    channel {
      id
      code
      name
      currency
      createdAt
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `;
export type CreateChannelMutationFn = ApolloReactCommon.MutationFunction<CreateChannelMutation, CreateChannelMutationVariables>;

/**
 * __useCreateChannelMutation__
 *
 * To run a mutation, you first call `useCreateChannelMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useCreateChannelMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [createChannelMutation, { data, loading, error }] = useCreateChannelMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useCreateChannelMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<CreateChannelMutation, CreateChannelMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<CreateChannelMutation, CreateChannelMutationVariables>(CreateChannelDocument, options);
      }
export type CreateChannelMutationHookResult = ReturnType<typeof useCreateChannelMutation>;
export type CreateChannelMutationResult = ApolloReactCommon.MutationResult<CreateChannelMutation>;
export type CreateChannelMutationOptions = ApolloReactCommon.BaseMutationOptions<CreateChannelMutation, CreateChannelMutationVariables>;
export const StockMovementsDocument = gql`
    query StockMovements($sku: String, $warehouseCode: String, $after: String) {
  stockMovements(
    sku: $sku
    warehouseCode: $warehouseCode
    after: $after
    first: 50
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      kind
      delta
      reason
      orderId
      actor
      at
      sku
      warehouse {
        id
        code
      }
    }
  }
}
    `;

/**
 * __useStockMovementsQuery__
 *
 * To run a query within a React component, call `useStockMovementsQuery` and pass it any options that fit your needs.
 * When your component renders, `useStockMovementsQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useStockMovementsQuery({
 *   variables: {
 *      sku: // value for 'sku'
 *      warehouseCode: // value for 'warehouseCode'
 *      after: // value for 'after'
 *   },
 * });
 */
export function useStockMovementsQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<StockMovementsQuery, StockMovementsQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<StockMovementsQuery, StockMovementsQueryVariables>(StockMovementsDocument, options);
      }
export function useStockMovementsLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<StockMovementsQuery, StockMovementsQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<StockMovementsQuery, StockMovementsQueryVariables>(StockMovementsDocument, options);
        }
// @ts-ignore
export function useStockMovementsSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<StockMovementsQuery, StockMovementsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<StockMovementsQuery, StockMovementsQueryVariables>;
export function useStockMovementsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<StockMovementsQuery, StockMovementsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<StockMovementsQuery | undefined, StockMovementsQueryVariables>;
export function useStockMovementsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<StockMovementsQuery, StockMovementsQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<StockMovementsQuery, StockMovementsQueryVariables>(StockMovementsDocument, options);
        }
export type StockMovementsQueryHookResult = ReturnType<typeof useStockMovementsQuery>;
export type StockMovementsLazyQueryHookResult = ReturnType<typeof useStockMovementsLazyQuery>;
export type StockMovementsSuspenseQueryHookResult = ReturnType<typeof useStockMovementsSuspenseQuery>;
export type StockMovementsQueryResult = ApolloReactCommon.QueryResult<StockMovementsQuery, StockMovementsQueryVariables>;
export const InventoryOrderEventsDocument = gql`
    subscription InventoryOrderEvents {
  orderUpdated {
    order {
      id
    }
    event {
      id
      type
      toStatus
    }
  }
}
    `;

/**
 * __useInventoryOrderEventsSubscription__
 *
 * To run a query within a React component, call `useInventoryOrderEventsSubscription` and pass it any options that fit your needs.
 * When your component renders, `useInventoryOrderEventsSubscription` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the subscription, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useInventoryOrderEventsSubscription({
 *   variables: {
 *   },
 * });
 */
export function useInventoryOrderEventsSubscription(baseOptions?: ApolloReactHooks.SubscriptionHookOptions<InventoryOrderEventsSubscription, InventoryOrderEventsSubscriptionVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useSubscription<InventoryOrderEventsSubscription, InventoryOrderEventsSubscriptionVariables>(InventoryOrderEventsDocument, options);
      }
export type InventoryOrderEventsSubscriptionHookResult = ReturnType<typeof useInventoryOrderEventsSubscription>;
export type InventoryOrderEventsSubscriptionResult = ApolloReactCommon.SubscriptionResult<InventoryOrderEventsSubscription>;
export const JobsDocument = gql`
    query Jobs($queue: String, $state: JobState, $first: Int) {
  jobs(queue: $queue, state: $state, first: $first) {
    ...JobRow
  }
}
    ${JobRowFragmentDoc}`;

/**
 * __useJobsQuery__
 *
 * To run a query within a React component, call `useJobsQuery` and pass it any options that fit your needs.
 * When your component renders, `useJobsQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useJobsQuery({
 *   variables: {
 *      queue: // value for 'queue'
 *      state: // value for 'state'
 *      first: // value for 'first'
 *   },
 * });
 */
export function useJobsQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<JobsQuery, JobsQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<JobsQuery, JobsQueryVariables>(JobsDocument, options);
      }
export function useJobsLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<JobsQuery, JobsQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<JobsQuery, JobsQueryVariables>(JobsDocument, options);
        }
// @ts-ignore
export function useJobsSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<JobsQuery, JobsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<JobsQuery, JobsQueryVariables>;
export function useJobsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<JobsQuery, JobsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<JobsQuery | undefined, JobsQueryVariables>;
export function useJobsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<JobsQuery, JobsQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<JobsQuery, JobsQueryVariables>(JobsDocument, options);
        }
export type JobsQueryHookResult = ReturnType<typeof useJobsQuery>;
export type JobsLazyQueryHookResult = ReturnType<typeof useJobsLazyQuery>;
export type JobsSuspenseQueryHookResult = ReturnType<typeof useJobsSuspenseQuery>;
export type JobsQueryResult = ApolloReactCommon.QueryResult<JobsQuery, JobsQueryVariables>;
export const RetryJobDocument = gql`
    mutation RetryJob($queue: String!, $id: ID!) {
  retryJob(queue: $queue, id: $id) {
    job {
      ...JobRow
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${JobRowFragmentDoc}`;
export type RetryJobMutationFn = ApolloReactCommon.MutationFunction<RetryJobMutation, RetryJobMutationVariables>;

/**
 * __useRetryJobMutation__
 *
 * To run a mutation, you first call `useRetryJobMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useRetryJobMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [retryJobMutation, { data, loading, error }] = useRetryJobMutation({
 *   variables: {
 *      queue: // value for 'queue'
 *      id: // value for 'id'
 *   },
 * });
 */
export function useRetryJobMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<RetryJobMutation, RetryJobMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<RetryJobMutation, RetryJobMutationVariables>(RetryJobDocument, options);
      }
export type RetryJobMutationHookResult = ReturnType<typeof useRetryJobMutation>;
export type RetryJobMutationResult = ApolloReactCommon.MutationResult<RetryJobMutation>;
export type RetryJobMutationOptions = ApolloReactCommon.BaseMutationOptions<RetryJobMutation, RetryJobMutationVariables>;
export const NewOrderChannelsDocument = gql`
    query NewOrderChannels {
  channels {
    id
    code
    name
    currency
  }
}
    `;

/**
 * __useNewOrderChannelsQuery__
 *
 * To run a query within a React component, call `useNewOrderChannelsQuery` and pass it any options that fit your needs.
 * When your component renders, `useNewOrderChannelsQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useNewOrderChannelsQuery({
 *   variables: {
 *   },
 * });
 */
export function useNewOrderChannelsQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<NewOrderChannelsQuery, NewOrderChannelsQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<NewOrderChannelsQuery, NewOrderChannelsQueryVariables>(NewOrderChannelsDocument, options);
      }
export function useNewOrderChannelsLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<NewOrderChannelsQuery, NewOrderChannelsQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<NewOrderChannelsQuery, NewOrderChannelsQueryVariables>(NewOrderChannelsDocument, options);
        }
// @ts-ignore
export function useNewOrderChannelsSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<NewOrderChannelsQuery, NewOrderChannelsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<NewOrderChannelsQuery, NewOrderChannelsQueryVariables>;
export function useNewOrderChannelsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<NewOrderChannelsQuery, NewOrderChannelsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<NewOrderChannelsQuery | undefined, NewOrderChannelsQueryVariables>;
export function useNewOrderChannelsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<NewOrderChannelsQuery, NewOrderChannelsQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<NewOrderChannelsQuery, NewOrderChannelsQueryVariables>(NewOrderChannelsDocument, options);
        }
export type NewOrderChannelsQueryHookResult = ReturnType<typeof useNewOrderChannelsQuery>;
export type NewOrderChannelsLazyQueryHookResult = ReturnType<typeof useNewOrderChannelsLazyQuery>;
export type NewOrderChannelsSuspenseQueryHookResult = ReturnType<typeof useNewOrderChannelsSuspenseQuery>;
export type NewOrderChannelsQueryResult = ApolloReactCommon.QueryResult<NewOrderChannelsQuery, NewOrderChannelsQueryVariables>;
export const NewOrderProductsDocument = gql`
    query NewOrderProducts($search: String) {
  products(search: $search, first: 20) {
    nodes {
      id
      sku
      name
      allowBackorder
      price {
        amount
        currency
      }
      stockLevels {
        id
        available
        warehouse {
          id
          code
        }
      }
    }
  }
}
    `;

/**
 * __useNewOrderProductsQuery__
 *
 * To run a query within a React component, call `useNewOrderProductsQuery` and pass it any options that fit your needs.
 * When your component renders, `useNewOrderProductsQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useNewOrderProductsQuery({
 *   variables: {
 *      search: // value for 'search'
 *   },
 * });
 */
export function useNewOrderProductsQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<NewOrderProductsQuery, NewOrderProductsQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<NewOrderProductsQuery, NewOrderProductsQueryVariables>(NewOrderProductsDocument, options);
      }
export function useNewOrderProductsLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<NewOrderProductsQuery, NewOrderProductsQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<NewOrderProductsQuery, NewOrderProductsQueryVariables>(NewOrderProductsDocument, options);
        }
// @ts-ignore
export function useNewOrderProductsSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<NewOrderProductsQuery, NewOrderProductsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<NewOrderProductsQuery, NewOrderProductsQueryVariables>;
export function useNewOrderProductsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<NewOrderProductsQuery, NewOrderProductsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<NewOrderProductsQuery | undefined, NewOrderProductsQueryVariables>;
export function useNewOrderProductsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<NewOrderProductsQuery, NewOrderProductsQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<NewOrderProductsQuery, NewOrderProductsQueryVariables>(NewOrderProductsDocument, options);
        }
export type NewOrderProductsQueryHookResult = ReturnType<typeof useNewOrderProductsQuery>;
export type NewOrderProductsLazyQueryHookResult = ReturnType<typeof useNewOrderProductsLazyQuery>;
export type NewOrderProductsSuspenseQueryHookResult = ReturnType<typeof useNewOrderProductsSuspenseQuery>;
export type NewOrderProductsQueryResult = ApolloReactCommon.QueryResult<NewOrderProductsQuery, NewOrderProductsQueryVariables>;
export const PlaceStaffOrderDocument = gql`
    mutation PlaceStaffOrder($input: PlaceOrderInput!) {
  placeOrder(input: $input) {
    order {
      id
      number
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `;
export type PlaceStaffOrderMutationFn = ApolloReactCommon.MutationFunction<PlaceStaffOrderMutation, PlaceStaffOrderMutationVariables>;

/**
 * __usePlaceStaffOrderMutation__
 *
 * To run a mutation, you first call `usePlaceStaffOrderMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `usePlaceStaffOrderMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [placeStaffOrderMutation, { data, loading, error }] = usePlaceStaffOrderMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function usePlaceStaffOrderMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<PlaceStaffOrderMutation, PlaceStaffOrderMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<PlaceStaffOrderMutation, PlaceStaffOrderMutationVariables>(PlaceStaffOrderDocument, options);
      }
export type PlaceStaffOrderMutationHookResult = ReturnType<typeof usePlaceStaffOrderMutation>;
export type PlaceStaffOrderMutationResult = ApolloReactCommon.MutationResult<PlaceStaffOrderMutation>;
export type PlaceStaffOrderMutationOptions = ApolloReactCommon.BaseMutationOptions<PlaceStaffOrderMutation, PlaceStaffOrderMutationVariables>;
export const OrderDetailDocument = gql`
    query OrderDetail($id: ID!) {
  order(id: $id) {
    ...OrderDetail
  }
}
    ${OrderDetailFragmentDoc}`;

/**
 * __useOrderDetailQuery__
 *
 * To run a query within a React component, call `useOrderDetailQuery` and pass it any options that fit your needs.
 * When your component renders, `useOrderDetailQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useOrderDetailQuery({
 *   variables: {
 *      id: // value for 'id'
 *   },
 * });
 */
export function useOrderDetailQuery(baseOptions: ApolloReactHooks.QueryHookOptions<OrderDetailQuery, OrderDetailQueryVariables> & ({ variables: OrderDetailQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<OrderDetailQuery, OrderDetailQueryVariables>(OrderDetailDocument, options);
      }
export function useOrderDetailLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<OrderDetailQuery, OrderDetailQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<OrderDetailQuery, OrderDetailQueryVariables>(OrderDetailDocument, options);
        }
// @ts-ignore
export function useOrderDetailSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<OrderDetailQuery, OrderDetailQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<OrderDetailQuery, OrderDetailQueryVariables>;
export function useOrderDetailSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<OrderDetailQuery, OrderDetailQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<OrderDetailQuery | undefined, OrderDetailQueryVariables>;
export function useOrderDetailSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<OrderDetailQuery, OrderDetailQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<OrderDetailQuery, OrderDetailQueryVariables>(OrderDetailDocument, options);
        }
export type OrderDetailQueryHookResult = ReturnType<typeof useOrderDetailQuery>;
export type OrderDetailLazyQueryHookResult = ReturnType<typeof useOrderDetailLazyQuery>;
export type OrderDetailSuspenseQueryHookResult = ReturnType<typeof useOrderDetailSuspenseQuery>;
export type OrderDetailQueryResult = ApolloReactCommon.QueryResult<OrderDetailQuery, OrderDetailQueryVariables>;
export const OrderWarehousesDocument = gql`
    query OrderWarehouses {
  warehouses: warehousesConnection(first: 200) {
    nodes {
      id
      code
      name
      priority
    }
  }
}
    `;

/**
 * __useOrderWarehousesQuery__
 *
 * To run a query within a React component, call `useOrderWarehousesQuery` and pass it any options that fit your needs.
 * When your component renders, `useOrderWarehousesQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useOrderWarehousesQuery({
 *   variables: {
 *   },
 * });
 */
export function useOrderWarehousesQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<OrderWarehousesQuery, OrderWarehousesQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<OrderWarehousesQuery, OrderWarehousesQueryVariables>(OrderWarehousesDocument, options);
      }
export function useOrderWarehousesLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<OrderWarehousesQuery, OrderWarehousesQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<OrderWarehousesQuery, OrderWarehousesQueryVariables>(OrderWarehousesDocument, options);
        }
// @ts-ignore
export function useOrderWarehousesSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<OrderWarehousesQuery, OrderWarehousesQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<OrderWarehousesQuery, OrderWarehousesQueryVariables>;
export function useOrderWarehousesSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<OrderWarehousesQuery, OrderWarehousesQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<OrderWarehousesQuery | undefined, OrderWarehousesQueryVariables>;
export function useOrderWarehousesSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<OrderWarehousesQuery, OrderWarehousesQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<OrderWarehousesQuery, OrderWarehousesQueryVariables>(OrderWarehousesDocument, options);
        }
export type OrderWarehousesQueryHookResult = ReturnType<typeof useOrderWarehousesQuery>;
export type OrderWarehousesLazyQueryHookResult = ReturnType<typeof useOrderWarehousesLazyQuery>;
export type OrderWarehousesSuspenseQueryHookResult = ReturnType<typeof useOrderWarehousesSuspenseQuery>;
export type OrderWarehousesQueryResult = ApolloReactCommon.QueryResult<OrderWarehousesQuery, OrderWarehousesQueryVariables>;
export const OrderDetailLiveDocument = gql`
    subscription OrderDetailLive($id: ID!) {
  orderUpdated(id: $id) {
    order {
      ...OrderDetail
    }
    event {
      id
      type
      actor
      at
    }
  }
}
    ${OrderDetailFragmentDoc}`;

/**
 * __useOrderDetailLiveSubscription__
 *
 * To run a query within a React component, call `useOrderDetailLiveSubscription` and pass it any options that fit your needs.
 * When your component renders, `useOrderDetailLiveSubscription` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the subscription, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useOrderDetailLiveSubscription({
 *   variables: {
 *      id: // value for 'id'
 *   },
 * });
 */
export function useOrderDetailLiveSubscription(baseOptions: ApolloReactHooks.SubscriptionHookOptions<OrderDetailLiveSubscription, OrderDetailLiveSubscriptionVariables> & ({ variables: OrderDetailLiveSubscriptionVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useSubscription<OrderDetailLiveSubscription, OrderDetailLiveSubscriptionVariables>(OrderDetailLiveDocument, options);
      }
export type OrderDetailLiveSubscriptionHookResult = ReturnType<typeof useOrderDetailLiveSubscription>;
export type OrderDetailLiveSubscriptionResult = ApolloReactCommon.SubscriptionResult<OrderDetailLiveSubscription>;
export const ConfirmOrderDocument = gql`
    mutation ConfirmOrder($id: ID!) {
  confirmOrder(id: $id) {
    order {
      ...OrderDetail
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${OrderDetailFragmentDoc}`;
export type ConfirmOrderMutationFn = ApolloReactCommon.MutationFunction<ConfirmOrderMutation, ConfirmOrderMutationVariables>;

/**
 * __useConfirmOrderMutation__
 *
 * To run a mutation, you first call `useConfirmOrderMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useConfirmOrderMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [confirmOrderMutation, { data, loading, error }] = useConfirmOrderMutation({
 *   variables: {
 *      id: // value for 'id'
 *   },
 * });
 */
export function useConfirmOrderMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<ConfirmOrderMutation, ConfirmOrderMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<ConfirmOrderMutation, ConfirmOrderMutationVariables>(ConfirmOrderDocument, options);
      }
export type ConfirmOrderMutationHookResult = ReturnType<typeof useConfirmOrderMutation>;
export type ConfirmOrderMutationResult = ApolloReactCommon.MutationResult<ConfirmOrderMutation>;
export type ConfirmOrderMutationOptions = ApolloReactCommon.BaseMutationOptions<ConfirmOrderMutation, ConfirmOrderMutationVariables>;
export const HoldOrderDocument = gql`
    mutation HoldOrder($id: ID!, $reason: String!) {
  holdOrder(id: $id, reason: $reason) {
    order {
      ...OrderDetail
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${OrderDetailFragmentDoc}`;
export type HoldOrderMutationFn = ApolloReactCommon.MutationFunction<HoldOrderMutation, HoldOrderMutationVariables>;

/**
 * __useHoldOrderMutation__
 *
 * To run a mutation, you first call `useHoldOrderMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useHoldOrderMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [holdOrderMutation, { data, loading, error }] = useHoldOrderMutation({
 *   variables: {
 *      id: // value for 'id'
 *      reason: // value for 'reason'
 *   },
 * });
 */
export function useHoldOrderMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<HoldOrderMutation, HoldOrderMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<HoldOrderMutation, HoldOrderMutationVariables>(HoldOrderDocument, options);
      }
export type HoldOrderMutationHookResult = ReturnType<typeof useHoldOrderMutation>;
export type HoldOrderMutationResult = ApolloReactCommon.MutationResult<HoldOrderMutation>;
export type HoldOrderMutationOptions = ApolloReactCommon.BaseMutationOptions<HoldOrderMutation, HoldOrderMutationVariables>;
export const ReleaseOrderHoldDocument = gql`
    mutation ReleaseOrderHold($id: ID!) {
  releaseOrderHold(id: $id) {
    order {
      ...OrderDetail
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${OrderDetailFragmentDoc}`;
export type ReleaseOrderHoldMutationFn = ApolloReactCommon.MutationFunction<ReleaseOrderHoldMutation, ReleaseOrderHoldMutationVariables>;

/**
 * __useReleaseOrderHoldMutation__
 *
 * To run a mutation, you first call `useReleaseOrderHoldMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useReleaseOrderHoldMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [releaseOrderHoldMutation, { data, loading, error }] = useReleaseOrderHoldMutation({
 *   variables: {
 *      id: // value for 'id'
 *   },
 * });
 */
export function useReleaseOrderHoldMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<ReleaseOrderHoldMutation, ReleaseOrderHoldMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<ReleaseOrderHoldMutation, ReleaseOrderHoldMutationVariables>(ReleaseOrderHoldDocument, options);
      }
export type ReleaseOrderHoldMutationHookResult = ReturnType<typeof useReleaseOrderHoldMutation>;
export type ReleaseOrderHoldMutationResult = ApolloReactCommon.MutationResult<ReleaseOrderHoldMutation>;
export type ReleaseOrderHoldMutationOptions = ApolloReactCommon.BaseMutationOptions<ReleaseOrderHoldMutation, ReleaseOrderHoldMutationVariables>;
export const CancelOrderDocument = gql`
    mutation CancelOrder($id: ID!, $reason: String) {
  cancelOrder(id: $id, reason: $reason) {
    order {
      ...OrderDetail
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${OrderDetailFragmentDoc}`;
export type CancelOrderMutationFn = ApolloReactCommon.MutationFunction<CancelOrderMutation, CancelOrderMutationVariables>;

/**
 * __useCancelOrderMutation__
 *
 * To run a mutation, you first call `useCancelOrderMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useCancelOrderMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [cancelOrderMutation, { data, loading, error }] = useCancelOrderMutation({
 *   variables: {
 *      id: // value for 'id'
 *      reason: // value for 'reason'
 *   },
 * });
 */
export function useCancelOrderMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<CancelOrderMutation, CancelOrderMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<CancelOrderMutation, CancelOrderMutationVariables>(CancelOrderDocument, options);
      }
export type CancelOrderMutationHookResult = ReturnType<typeof useCancelOrderMutation>;
export type CancelOrderMutationResult = ApolloReactCommon.MutationResult<CancelOrderMutation>;
export type CancelOrderMutationOptions = ApolloReactCommon.BaseMutationOptions<CancelOrderMutation, CancelOrderMutationVariables>;
export const RecordPaymentDocument = gql`
    mutation RecordPayment($input: RecordPaymentInput!) {
  recordPayment(input: $input) {
    order {
      ...OrderDetail
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${OrderDetailFragmentDoc}`;
export type RecordPaymentMutationFn = ApolloReactCommon.MutationFunction<RecordPaymentMutation, RecordPaymentMutationVariables>;

/**
 * __useRecordPaymentMutation__
 *
 * To run a mutation, you first call `useRecordPaymentMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useRecordPaymentMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [recordPaymentMutation, { data, loading, error }] = useRecordPaymentMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useRecordPaymentMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<RecordPaymentMutation, RecordPaymentMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<RecordPaymentMutation, RecordPaymentMutationVariables>(RecordPaymentDocument, options);
      }
export type RecordPaymentMutationHookResult = ReturnType<typeof useRecordPaymentMutation>;
export type RecordPaymentMutationResult = ApolloReactCommon.MutationResult<RecordPaymentMutation>;
export type RecordPaymentMutationOptions = ApolloReactCommon.BaseMutationOptions<RecordPaymentMutation, RecordPaymentMutationVariables>;
export const RefundPaymentDocument = gql`
    mutation RefundPayment($input: RefundPaymentInput!) {
  refundPayment(input: $input) {
    order {
      ...OrderDetail
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${OrderDetailFragmentDoc}`;
export type RefundPaymentMutationFn = ApolloReactCommon.MutationFunction<RefundPaymentMutation, RefundPaymentMutationVariables>;

/**
 * __useRefundPaymentMutation__
 *
 * To run a mutation, you first call `useRefundPaymentMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useRefundPaymentMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [refundPaymentMutation, { data, loading, error }] = useRefundPaymentMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useRefundPaymentMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<RefundPaymentMutation, RefundPaymentMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<RefundPaymentMutation, RefundPaymentMutationVariables>(RefundPaymentDocument, options);
      }
export type RefundPaymentMutationHookResult = ReturnType<typeof useRefundPaymentMutation>;
export type RefundPaymentMutationResult = ApolloReactCommon.MutationResult<RefundPaymentMutation>;
export type RefundPaymentMutationOptions = ApolloReactCommon.BaseMutationOptions<RefundPaymentMutation, RefundPaymentMutationVariables>;
export const CreateShipmentDocument = gql`
    mutation CreateShipment($input: CreateShipmentInput!) {
  createShipment(input: $input) {
    order {
      ...OrderDetail
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${OrderDetailFragmentDoc}`;
export type CreateShipmentMutationFn = ApolloReactCommon.MutationFunction<CreateShipmentMutation, CreateShipmentMutationVariables>;

/**
 * __useCreateShipmentMutation__
 *
 * To run a mutation, you first call `useCreateShipmentMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useCreateShipmentMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [createShipmentMutation, { data, loading, error }] = useCreateShipmentMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useCreateShipmentMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<CreateShipmentMutation, CreateShipmentMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<CreateShipmentMutation, CreateShipmentMutationVariables>(CreateShipmentDocument, options);
      }
export type CreateShipmentMutationHookResult = ReturnType<typeof useCreateShipmentMutation>;
export type CreateShipmentMutationResult = ApolloReactCommon.MutationResult<CreateShipmentMutation>;
export type CreateShipmentMutationOptions = ApolloReactCommon.BaseMutationOptions<CreateShipmentMutation, CreateShipmentMutationVariables>;
export const MarkShipmentDeliveredDocument = gql`
    mutation MarkShipmentDelivered($shipmentId: ID!) {
  markShipmentDelivered(shipmentId: $shipmentId) {
    order {
      ...OrderDetail
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${OrderDetailFragmentDoc}`;
export type MarkShipmentDeliveredMutationFn = ApolloReactCommon.MutationFunction<MarkShipmentDeliveredMutation, MarkShipmentDeliveredMutationVariables>;

/**
 * __useMarkShipmentDeliveredMutation__
 *
 * To run a mutation, you first call `useMarkShipmentDeliveredMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useMarkShipmentDeliveredMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [markShipmentDeliveredMutation, { data, loading, error }] = useMarkShipmentDeliveredMutation({
 *   variables: {
 *      shipmentId: // value for 'shipmentId'
 *   },
 * });
 */
export function useMarkShipmentDeliveredMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<MarkShipmentDeliveredMutation, MarkShipmentDeliveredMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<MarkShipmentDeliveredMutation, MarkShipmentDeliveredMutationVariables>(MarkShipmentDeliveredDocument, options);
      }
export type MarkShipmentDeliveredMutationHookResult = ReturnType<typeof useMarkShipmentDeliveredMutation>;
export type MarkShipmentDeliveredMutationResult = ApolloReactCommon.MutationResult<MarkShipmentDeliveredMutation>;
export type MarkShipmentDeliveredMutationOptions = ApolloReactCommon.BaseMutationOptions<MarkShipmentDeliveredMutation, MarkShipmentDeliveredMutationVariables>;
export const CreateReturnDocument = gql`
    mutation CreateReturn($input: CreateReturnInput!) {
  createReturn(input: $input) {
    order {
      ...OrderDetail
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${OrderDetailFragmentDoc}`;
export type CreateReturnMutationFn = ApolloReactCommon.MutationFunction<CreateReturnMutation, CreateReturnMutationVariables>;

/**
 * __useCreateReturnMutation__
 *
 * To run a mutation, you first call `useCreateReturnMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useCreateReturnMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [createReturnMutation, { data, loading, error }] = useCreateReturnMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useCreateReturnMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<CreateReturnMutation, CreateReturnMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<CreateReturnMutation, CreateReturnMutationVariables>(CreateReturnDocument, options);
      }
export type CreateReturnMutationHookResult = ReturnType<typeof useCreateReturnMutation>;
export type CreateReturnMutationResult = ApolloReactCommon.MutationResult<CreateReturnMutation>;
export type CreateReturnMutationOptions = ApolloReactCommon.BaseMutationOptions<CreateReturnMutation, CreateReturnMutationVariables>;
export const AddOrderNoteDocument = gql`
    mutation AddOrderNote($id: ID!, $note: String!) {
  addOrderNote(id: $id, note: $note) {
    order {
      ...OrderDetail
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${OrderDetailFragmentDoc}`;
export type AddOrderNoteMutationFn = ApolloReactCommon.MutationFunction<AddOrderNoteMutation, AddOrderNoteMutationVariables>;

/**
 * __useAddOrderNoteMutation__
 *
 * To run a mutation, you first call `useAddOrderNoteMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useAddOrderNoteMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [addOrderNoteMutation, { data, loading, error }] = useAddOrderNoteMutation({
 *   variables: {
 *      id: // value for 'id'
 *      note: // value for 'note'
 *   },
 * });
 */
export function useAddOrderNoteMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<AddOrderNoteMutation, AddOrderNoteMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<AddOrderNoteMutation, AddOrderNoteMutationVariables>(AddOrderNoteDocument, options);
      }
export type AddOrderNoteMutationHookResult = ReturnType<typeof useAddOrderNoteMutation>;
export type AddOrderNoteMutationResult = ApolloReactCommon.MutationResult<AddOrderNoteMutation>;
export type AddOrderNoteMutationOptions = ApolloReactCommon.BaseMutationOptions<AddOrderNoteMutation, AddOrderNoteMutationVariables>;
export const AddOrderTagDocument = gql`
    mutation AddOrderTag($id: ID!, $tag: String!) {
  addOrderTag(id: $id, tag: $tag) {
    order {
      ...OrderDetail
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${OrderDetailFragmentDoc}`;
export type AddOrderTagMutationFn = ApolloReactCommon.MutationFunction<AddOrderTagMutation, AddOrderTagMutationVariables>;

/**
 * __useAddOrderTagMutation__
 *
 * To run a mutation, you first call `useAddOrderTagMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useAddOrderTagMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [addOrderTagMutation, { data, loading, error }] = useAddOrderTagMutation({
 *   variables: {
 *      id: // value for 'id'
 *      tag: // value for 'tag'
 *   },
 * });
 */
export function useAddOrderTagMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<AddOrderTagMutation, AddOrderTagMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<AddOrderTagMutation, AddOrderTagMutationVariables>(AddOrderTagDocument, options);
      }
export type AddOrderTagMutationHookResult = ReturnType<typeof useAddOrderTagMutation>;
export type AddOrderTagMutationResult = ApolloReactCommon.MutationResult<AddOrderTagMutation>;
export type AddOrderTagMutationOptions = ApolloReactCommon.BaseMutationOptions<AddOrderTagMutation, AddOrderTagMutationVariables>;
export const RemoveOrderTagDocument = gql`
    mutation RemoveOrderTag($id: ID!, $tag: String!) {
  removeOrderTag(id: $id, tag: $tag) {
    order {
      ...OrderDetail
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${OrderDetailFragmentDoc}`;
export type RemoveOrderTagMutationFn = ApolloReactCommon.MutationFunction<RemoveOrderTagMutation, RemoveOrderTagMutationVariables>;

/**
 * __useRemoveOrderTagMutation__
 *
 * To run a mutation, you first call `useRemoveOrderTagMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useRemoveOrderTagMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [removeOrderTagMutation, { data, loading, error }] = useRemoveOrderTagMutation({
 *   variables: {
 *      id: // value for 'id'
 *      tag: // value for 'tag'
 *   },
 * });
 */
export function useRemoveOrderTagMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<RemoveOrderTagMutation, RemoveOrderTagMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<RemoveOrderTagMutation, RemoveOrderTagMutationVariables>(RemoveOrderTagDocument, options);
      }
export type RemoveOrderTagMutationHookResult = ReturnType<typeof useRemoveOrderTagMutation>;
export type RemoveOrderTagMutationResult = ApolloReactCommon.MutationResult<RemoveOrderTagMutation>;
export type RemoveOrderTagMutationOptions = ApolloReactCommon.BaseMutationOptions<RemoveOrderTagMutation, RemoveOrderTagMutationVariables>;
export const EditOrderDocument = gql`
    mutation EditOrder($input: EditOrderInput!) {
  editOrder(input: $input) {
    order {
      ...OrderDetail
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${OrderDetailFragmentDoc}`;
export type EditOrderMutationFn = ApolloReactCommon.MutationFunction<EditOrderMutation, EditOrderMutationVariables>;

/**
 * __useEditOrderMutation__
 *
 * To run a mutation, you first call `useEditOrderMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useEditOrderMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [editOrderMutation, { data, loading, error }] = useEditOrderMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useEditOrderMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<EditOrderMutation, EditOrderMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<EditOrderMutation, EditOrderMutationVariables>(EditOrderDocument, options);
      }
export type EditOrderMutationHookResult = ReturnType<typeof useEditOrderMutation>;
export type EditOrderMutationResult = ApolloReactCommon.MutationResult<EditOrderMutation>;
export type EditOrderMutationOptions = ApolloReactCommon.BaseMutationOptions<EditOrderMutation, EditOrderMutationVariables>;
export const OrdersDocument = gql`
    query Orders($filter: OrderFilter, $after: String, $first: Int, $sort: OrderSort) {
  orders(filter: $filter, after: $after, first: $first, sort: $sort) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...OrderListItem
    }
  }
}
    ${OrderListItemFragmentDoc}`;

/**
 * __useOrdersQuery__
 *
 * To run a query within a React component, call `useOrdersQuery` and pass it any options that fit your needs.
 * When your component renders, `useOrdersQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useOrdersQuery({
 *   variables: {
 *      filter: // value for 'filter'
 *      after: // value for 'after'
 *      first: // value for 'first'
 *      sort: // value for 'sort'
 *   },
 * });
 */
export function useOrdersQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<OrdersQuery, OrdersQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<OrdersQuery, OrdersQueryVariables>(OrdersDocument, options);
      }
export function useOrdersLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<OrdersQuery, OrdersQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<OrdersQuery, OrdersQueryVariables>(OrdersDocument, options);
        }
// @ts-ignore
export function useOrdersSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<OrdersQuery, OrdersQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<OrdersQuery, OrdersQueryVariables>;
export function useOrdersSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<OrdersQuery, OrdersQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<OrdersQuery | undefined, OrdersQueryVariables>;
export function useOrdersSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<OrdersQuery, OrdersQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<OrdersQuery, OrdersQueryVariables>(OrdersDocument, options);
        }
export type OrdersQueryHookResult = ReturnType<typeof useOrdersQuery>;
export type OrdersLazyQueryHookResult = ReturnType<typeof useOrdersLazyQuery>;
export type OrdersSuspenseQueryHookResult = ReturnType<typeof useOrdersSuspenseQuery>;
export type OrdersQueryResult = ApolloReactCommon.QueryResult<OrdersQuery, OrdersQueryVariables>;
export const OrderFilterChannelsDocument = gql`
    query OrderFilterChannels {
  channels {
    id
    code
    name
  }
}
    `;

/**
 * __useOrderFilterChannelsQuery__
 *
 * To run a query within a React component, call `useOrderFilterChannelsQuery` and pass it any options that fit your needs.
 * When your component renders, `useOrderFilterChannelsQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useOrderFilterChannelsQuery({
 *   variables: {
 *   },
 * });
 */
export function useOrderFilterChannelsQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<OrderFilterChannelsQuery, OrderFilterChannelsQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<OrderFilterChannelsQuery, OrderFilterChannelsQueryVariables>(OrderFilterChannelsDocument, options);
      }
export function useOrderFilterChannelsLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<OrderFilterChannelsQuery, OrderFilterChannelsQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<OrderFilterChannelsQuery, OrderFilterChannelsQueryVariables>(OrderFilterChannelsDocument, options);
        }
// @ts-ignore
export function useOrderFilterChannelsSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<OrderFilterChannelsQuery, OrderFilterChannelsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<OrderFilterChannelsQuery, OrderFilterChannelsQueryVariables>;
export function useOrderFilterChannelsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<OrderFilterChannelsQuery, OrderFilterChannelsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<OrderFilterChannelsQuery | undefined, OrderFilterChannelsQueryVariables>;
export function useOrderFilterChannelsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<OrderFilterChannelsQuery, OrderFilterChannelsQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<OrderFilterChannelsQuery, OrderFilterChannelsQueryVariables>(OrderFilterChannelsDocument, options);
        }
export type OrderFilterChannelsQueryHookResult = ReturnType<typeof useOrderFilterChannelsQuery>;
export type OrderFilterChannelsLazyQueryHookResult = ReturnType<typeof useOrderFilterChannelsLazyQuery>;
export type OrderFilterChannelsSuspenseQueryHookResult = ReturnType<typeof useOrderFilterChannelsSuspenseQuery>;
export type OrderFilterChannelsQueryResult = ApolloReactCommon.QueryResult<OrderFilterChannelsQuery, OrderFilterChannelsQueryVariables>;
export const OrdersLiveDocument = gql`
    subscription OrdersLive {
  orderUpdated {
    order {
      ...OrderListItem
    }
    event {
      id
      type
      toStatus
      at
    }
  }
}
    ${OrderListItemFragmentDoc}`;

/**
 * __useOrdersLiveSubscription__
 *
 * To run a query within a React component, call `useOrdersLiveSubscription` and pass it any options that fit your needs.
 * When your component renders, `useOrdersLiveSubscription` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the subscription, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useOrdersLiveSubscription({
 *   variables: {
 *   },
 * });
 */
export function useOrdersLiveSubscription(baseOptions?: ApolloReactHooks.SubscriptionHookOptions<OrdersLiveSubscription, OrdersLiveSubscriptionVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useSubscription<OrdersLiveSubscription, OrdersLiveSubscriptionVariables>(OrdersLiveDocument, options);
      }
export type OrdersLiveSubscriptionHookResult = ReturnType<typeof useOrdersLiveSubscription>;
export type OrdersLiveSubscriptionResult = ApolloReactCommon.SubscriptionResult<OrdersLiveSubscription>;
export const BulkConfirmOrderDocument = gql`
    mutation BulkConfirmOrder($id: ID!) {
  confirmOrder(id: $id) {
    order {
      ...OrderListItem
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${OrderListItemFragmentDoc}`;
export type BulkConfirmOrderMutationFn = ApolloReactCommon.MutationFunction<BulkConfirmOrderMutation, BulkConfirmOrderMutationVariables>;

/**
 * __useBulkConfirmOrderMutation__
 *
 * To run a mutation, you first call `useBulkConfirmOrderMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useBulkConfirmOrderMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [bulkConfirmOrderMutation, { data, loading, error }] = useBulkConfirmOrderMutation({
 *   variables: {
 *      id: // value for 'id'
 *   },
 * });
 */
export function useBulkConfirmOrderMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<BulkConfirmOrderMutation, BulkConfirmOrderMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<BulkConfirmOrderMutation, BulkConfirmOrderMutationVariables>(BulkConfirmOrderDocument, options);
      }
export type BulkConfirmOrderMutationHookResult = ReturnType<typeof useBulkConfirmOrderMutation>;
export type BulkConfirmOrderMutationResult = ApolloReactCommon.MutationResult<BulkConfirmOrderMutation>;
export type BulkConfirmOrderMutationOptions = ApolloReactCommon.BaseMutationOptions<BulkConfirmOrderMutation, BulkConfirmOrderMutationVariables>;
export const BulkHoldOrderDocument = gql`
    mutation BulkHoldOrder($id: ID!, $reason: String!) {
  holdOrder(id: $id, reason: $reason) {
    order {
      ...OrderListItem
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${OrderListItemFragmentDoc}`;
export type BulkHoldOrderMutationFn = ApolloReactCommon.MutationFunction<BulkHoldOrderMutation, BulkHoldOrderMutationVariables>;

/**
 * __useBulkHoldOrderMutation__
 *
 * To run a mutation, you first call `useBulkHoldOrderMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useBulkHoldOrderMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [bulkHoldOrderMutation, { data, loading, error }] = useBulkHoldOrderMutation({
 *   variables: {
 *      id: // value for 'id'
 *      reason: // value for 'reason'
 *   },
 * });
 */
export function useBulkHoldOrderMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<BulkHoldOrderMutation, BulkHoldOrderMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<BulkHoldOrderMutation, BulkHoldOrderMutationVariables>(BulkHoldOrderDocument, options);
      }
export type BulkHoldOrderMutationHookResult = ReturnType<typeof useBulkHoldOrderMutation>;
export type BulkHoldOrderMutationResult = ApolloReactCommon.MutationResult<BulkHoldOrderMutation>;
export type BulkHoldOrderMutationOptions = ApolloReactCommon.BaseMutationOptions<BulkHoldOrderMutation, BulkHoldOrderMutationVariables>;
export const BulkCancelOrderDocument = gql`
    mutation BulkCancelOrder($id: ID!, $reason: String) {
  cancelOrder(id: $id, reason: $reason) {
    order {
      ...OrderListItem
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${OrderListItemFragmentDoc}`;
export type BulkCancelOrderMutationFn = ApolloReactCommon.MutationFunction<BulkCancelOrderMutation, BulkCancelOrderMutationVariables>;

/**
 * __useBulkCancelOrderMutation__
 *
 * To run a mutation, you first call `useBulkCancelOrderMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useBulkCancelOrderMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [bulkCancelOrderMutation, { data, loading, error }] = useBulkCancelOrderMutation({
 *   variables: {
 *      id: // value for 'id'
 *      reason: // value for 'reason'
 *   },
 * });
 */
export function useBulkCancelOrderMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<BulkCancelOrderMutation, BulkCancelOrderMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<BulkCancelOrderMutation, BulkCancelOrderMutationVariables>(BulkCancelOrderDocument, options);
      }
export type BulkCancelOrderMutationHookResult = ReturnType<typeof useBulkCancelOrderMutation>;
export type BulkCancelOrderMutationResult = ApolloReactCommon.MutationResult<BulkCancelOrderMutation>;
export type BulkCancelOrderMutationOptions = ApolloReactCommon.BaseMutationOptions<BulkCancelOrderMutation, BulkCancelOrderMutationVariables>;
export const OrderTagOptionsDocument = gql`
    query OrderTagOptions {
  orderTags(first: 200) {
    tag
    orders
  }
}
    `;

/**
 * __useOrderTagOptionsQuery__
 *
 * To run a query within a React component, call `useOrderTagOptionsQuery` and pass it any options that fit your needs.
 * When your component renders, `useOrderTagOptionsQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useOrderTagOptionsQuery({
 *   variables: {
 *   },
 * });
 */
export function useOrderTagOptionsQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<OrderTagOptionsQuery, OrderTagOptionsQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<OrderTagOptionsQuery, OrderTagOptionsQueryVariables>(OrderTagOptionsDocument, options);
      }
export function useOrderTagOptionsLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<OrderTagOptionsQuery, OrderTagOptionsQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<OrderTagOptionsQuery, OrderTagOptionsQueryVariables>(OrderTagOptionsDocument, options);
        }
// @ts-ignore
export function useOrderTagOptionsSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<OrderTagOptionsQuery, OrderTagOptionsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<OrderTagOptionsQuery, OrderTagOptionsQueryVariables>;
export function useOrderTagOptionsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<OrderTagOptionsQuery, OrderTagOptionsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<OrderTagOptionsQuery | undefined, OrderTagOptionsQueryVariables>;
export function useOrderTagOptionsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<OrderTagOptionsQuery, OrderTagOptionsQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<OrderTagOptionsQuery, OrderTagOptionsQueryVariables>(OrderTagOptionsDocument, options);
        }
export type OrderTagOptionsQueryHookResult = ReturnType<typeof useOrderTagOptionsQuery>;
export type OrderTagOptionsLazyQueryHookResult = ReturnType<typeof useOrderTagOptionsLazyQuery>;
export type OrderTagOptionsSuspenseQueryHookResult = ReturnType<typeof useOrderTagOptionsSuspenseQuery>;
export type OrderTagOptionsQueryResult = ApolloReactCommon.QueryResult<OrderTagOptionsQuery, OrderTagOptionsQueryVariables>;
export const StartBulkOrderActionDocument = gql`
    mutation StartBulkOrderAction($input: BulkOrderActionInput!) {
  startBulkOrderAction(input: $input) {
    job {
      ...BulkOrderJobProgress
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${BulkOrderJobProgressFragmentDoc}`;
export type StartBulkOrderActionMutationFn = ApolloReactCommon.MutationFunction<StartBulkOrderActionMutation, StartBulkOrderActionMutationVariables>;

/**
 * __useStartBulkOrderActionMutation__
 *
 * To run a mutation, you first call `useStartBulkOrderActionMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useStartBulkOrderActionMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [startBulkOrderActionMutation, { data, loading, error }] = useStartBulkOrderActionMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useStartBulkOrderActionMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<StartBulkOrderActionMutation, StartBulkOrderActionMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<StartBulkOrderActionMutation, StartBulkOrderActionMutationVariables>(StartBulkOrderActionDocument, options);
      }
export type StartBulkOrderActionMutationHookResult = ReturnType<typeof useStartBulkOrderActionMutation>;
export type StartBulkOrderActionMutationResult = ApolloReactCommon.MutationResult<StartBulkOrderActionMutation>;
export type StartBulkOrderActionMutationOptions = ApolloReactCommon.BaseMutationOptions<StartBulkOrderActionMutation, StartBulkOrderActionMutationVariables>;
export const BulkOrderJobLiveDocument = gql`
    subscription BulkOrderJobLive($id: ID!) {
  bulkOrderJobUpdated(id: $id) {
    ...BulkOrderJobProgress
  }
}
    ${BulkOrderJobProgressFragmentDoc}`;

/**
 * __useBulkOrderJobLiveSubscription__
 *
 * To run a query within a React component, call `useBulkOrderJobLiveSubscription` and pass it any options that fit your needs.
 * When your component renders, `useBulkOrderJobLiveSubscription` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the subscription, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useBulkOrderJobLiveSubscription({
 *   variables: {
 *      id: // value for 'id'
 *   },
 * });
 */
export function useBulkOrderJobLiveSubscription(baseOptions: ApolloReactHooks.SubscriptionHookOptions<BulkOrderJobLiveSubscription, BulkOrderJobLiveSubscriptionVariables> & ({ variables: BulkOrderJobLiveSubscriptionVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useSubscription<BulkOrderJobLiveSubscription, BulkOrderJobLiveSubscriptionVariables>(BulkOrderJobLiveDocument, options);
      }
export type BulkOrderJobLiveSubscriptionHookResult = ReturnType<typeof useBulkOrderJobLiveSubscription>;
export type BulkOrderJobLiveSubscriptionResult = ApolloReactCommon.SubscriptionResult<BulkOrderJobLiveSubscription>;
export const BulkOrderJobRefusedDocument = gql`
    query BulkOrderJobRefused($id: ID!, $after: String) {
  bulkOrderJob(id: $id) {
    ...BulkOrderJobProgress
    results(ok: false, first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        orderId
        number
        code
        message
      }
    }
  }
}
    ${BulkOrderJobProgressFragmentDoc}`;

/**
 * __useBulkOrderJobRefusedQuery__
 *
 * To run a query within a React component, call `useBulkOrderJobRefusedQuery` and pass it any options that fit your needs.
 * When your component renders, `useBulkOrderJobRefusedQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useBulkOrderJobRefusedQuery({
 *   variables: {
 *      id: // value for 'id'
 *      after: // value for 'after'
 *   },
 * });
 */
export function useBulkOrderJobRefusedQuery(baseOptions: ApolloReactHooks.QueryHookOptions<BulkOrderJobRefusedQuery, BulkOrderJobRefusedQueryVariables> & ({ variables: BulkOrderJobRefusedQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<BulkOrderJobRefusedQuery, BulkOrderJobRefusedQueryVariables>(BulkOrderJobRefusedDocument, options);
      }
export function useBulkOrderJobRefusedLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<BulkOrderJobRefusedQuery, BulkOrderJobRefusedQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<BulkOrderJobRefusedQuery, BulkOrderJobRefusedQueryVariables>(BulkOrderJobRefusedDocument, options);
        }
// @ts-ignore
export function useBulkOrderJobRefusedSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<BulkOrderJobRefusedQuery, BulkOrderJobRefusedQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<BulkOrderJobRefusedQuery, BulkOrderJobRefusedQueryVariables>;
export function useBulkOrderJobRefusedSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<BulkOrderJobRefusedQuery, BulkOrderJobRefusedQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<BulkOrderJobRefusedQuery | undefined, BulkOrderJobRefusedQueryVariables>;
export function useBulkOrderJobRefusedSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<BulkOrderJobRefusedQuery, BulkOrderJobRefusedQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<BulkOrderJobRefusedQuery, BulkOrderJobRefusedQueryVariables>(BulkOrderJobRefusedDocument, options);
        }
export type BulkOrderJobRefusedQueryHookResult = ReturnType<typeof useBulkOrderJobRefusedQuery>;
export type BulkOrderJobRefusedLazyQueryHookResult = ReturnType<typeof useBulkOrderJobRefusedLazyQuery>;
export type BulkOrderJobRefusedSuspenseQueryHookResult = ReturnType<typeof useBulkOrderJobRefusedSuspenseQuery>;
export type BulkOrderJobRefusedQueryResult = ApolloReactCommon.QueryResult<BulkOrderJobRefusedQuery, BulkOrderJobRefusedQueryVariables>;
export const ReportsOptionsDocument = gql`
    query ReportsOptions {
  channels {
    code
    name
  }
  warehouses: warehousesConnection(first: 200) {
    nodes {
      code
      name
    }
  }
}
    `;

/**
 * __useReportsOptionsQuery__
 *
 * To run a query within a React component, call `useReportsOptionsQuery` and pass it any options that fit your needs.
 * When your component renders, `useReportsOptionsQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useReportsOptionsQuery({
 *   variables: {
 *   },
 * });
 */
export function useReportsOptionsQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<ReportsOptionsQuery, ReportsOptionsQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<ReportsOptionsQuery, ReportsOptionsQueryVariables>(ReportsOptionsDocument, options);
      }
export function useReportsOptionsLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<ReportsOptionsQuery, ReportsOptionsQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<ReportsOptionsQuery, ReportsOptionsQueryVariables>(ReportsOptionsDocument, options);
        }
// @ts-ignore
export function useReportsOptionsSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<ReportsOptionsQuery, ReportsOptionsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<ReportsOptionsQuery, ReportsOptionsQueryVariables>;
export function useReportsOptionsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<ReportsOptionsQuery, ReportsOptionsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<ReportsOptionsQuery | undefined, ReportsOptionsQueryVariables>;
export function useReportsOptionsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<ReportsOptionsQuery, ReportsOptionsQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<ReportsOptionsQuery, ReportsOptionsQueryVariables>(ReportsOptionsDocument, options);
        }
export type ReportsOptionsQueryHookResult = ReturnType<typeof useReportsOptionsQuery>;
export type ReportsOptionsLazyQueryHookResult = ReturnType<typeof useReportsOptionsLazyQuery>;
export type ReportsOptionsSuspenseQueryHookResult = ReturnType<typeof useReportsOptionsSuspenseQuery>;
export type ReportsOptionsQueryResult = ApolloReactCommon.QueryResult<ReportsOptionsQuery, ReportsOptionsQueryVariables>;
export const ReportsSalesDocument = gql`
    query ReportsSales($filter: ReportFilter!) {
  salesReport(filter: $filter) {
    from
    to
    previousFrom
    series {
      bucketStart
      channelCode
      currency
      orders
      units
      grossSales {
        amount
        currency
      }
      refunds {
        amount
        currency
      }
      netSales {
        amount
        currency
      }
      averageOrderValue {
        amount
        currency
      }
      cancelledOrders
    }
    previousSeries {
      bucketStart
      channelCode
      orders
      grossSales {
        amount
        currency
      }
      netSales {
        amount
        currency
      }
    }
    channels {
      channelCode
      channelName
      current {
        currency
        orders
        units
        grossSales {
          amount
          currency
        }
        refunds {
          amount
          currency
        }
        netSales {
          amount
          currency
        }
        averageOrderValue {
          amount
          currency
        }
        cancelledOrders
      }
      previous {
        currency
        orders
        units
        grossSales {
          amount
          currency
        }
        netSales {
          amount
          currency
        }
        averageOrderValue {
          amount
          currency
        }
      }
    }
  }
}
    `;

/**
 * __useReportsSalesQuery__
 *
 * To run a query within a React component, call `useReportsSalesQuery` and pass it any options that fit your needs.
 * When your component renders, `useReportsSalesQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useReportsSalesQuery({
 *   variables: {
 *      filter: // value for 'filter'
 *   },
 * });
 */
export function useReportsSalesQuery(baseOptions: ApolloReactHooks.QueryHookOptions<ReportsSalesQuery, ReportsSalesQueryVariables> & ({ variables: ReportsSalesQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<ReportsSalesQuery, ReportsSalesQueryVariables>(ReportsSalesDocument, options);
      }
export function useReportsSalesLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<ReportsSalesQuery, ReportsSalesQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<ReportsSalesQuery, ReportsSalesQueryVariables>(ReportsSalesDocument, options);
        }
// @ts-ignore
export function useReportsSalesSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<ReportsSalesQuery, ReportsSalesQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<ReportsSalesQuery, ReportsSalesQueryVariables>;
export function useReportsSalesSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<ReportsSalesQuery, ReportsSalesQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<ReportsSalesQuery | undefined, ReportsSalesQueryVariables>;
export function useReportsSalesSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<ReportsSalesQuery, ReportsSalesQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<ReportsSalesQuery, ReportsSalesQueryVariables>(ReportsSalesDocument, options);
        }
export type ReportsSalesQueryHookResult = ReturnType<typeof useReportsSalesQuery>;
export type ReportsSalesLazyQueryHookResult = ReturnType<typeof useReportsSalesLazyQuery>;
export type ReportsSalesSuspenseQueryHookResult = ReturnType<typeof useReportsSalesSuspenseQuery>;
export type ReportsSalesQueryResult = ApolloReactCommon.QueryResult<ReportsSalesQuery, ReportsSalesQueryVariables>;
export const ReportsFulfilmentDocument = gql`
    query ReportsFulfilment($filter: ReportFilter!) {
  fulfilmentReport(filter: $filter) {
    slaHours
    placedToShipped {
      orders
      p50Hours
      p90Hours
    }
    placedToDelivered {
      orders
      p50Hours
      p90Hours
    }
    shippedComplete
    shippedWithinSla
    onTimeRate
    completeInOne
    fillRate
    ordersWithShipments
    splitOrders
    splitShipmentRate
    lateOrdersNow
    series {
      bucketStart
      shippedComplete
      shippedWithinSla
      onTimeRate
      p50Hours
      p90Hours
    }
  }
}
    `;

/**
 * __useReportsFulfilmentQuery__
 *
 * To run a query within a React component, call `useReportsFulfilmentQuery` and pass it any options that fit your needs.
 * When your component renders, `useReportsFulfilmentQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useReportsFulfilmentQuery({
 *   variables: {
 *      filter: // value for 'filter'
 *   },
 * });
 */
export function useReportsFulfilmentQuery(baseOptions: ApolloReactHooks.QueryHookOptions<ReportsFulfilmentQuery, ReportsFulfilmentQueryVariables> & ({ variables: ReportsFulfilmentQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<ReportsFulfilmentQuery, ReportsFulfilmentQueryVariables>(ReportsFulfilmentDocument, options);
      }
export function useReportsFulfilmentLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<ReportsFulfilmentQuery, ReportsFulfilmentQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<ReportsFulfilmentQuery, ReportsFulfilmentQueryVariables>(ReportsFulfilmentDocument, options);
        }
// @ts-ignore
export function useReportsFulfilmentSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<ReportsFulfilmentQuery, ReportsFulfilmentQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<ReportsFulfilmentQuery, ReportsFulfilmentQueryVariables>;
export function useReportsFulfilmentSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<ReportsFulfilmentQuery, ReportsFulfilmentQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<ReportsFulfilmentQuery | undefined, ReportsFulfilmentQueryVariables>;
export function useReportsFulfilmentSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<ReportsFulfilmentQuery, ReportsFulfilmentQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<ReportsFulfilmentQuery, ReportsFulfilmentQueryVariables>(ReportsFulfilmentDocument, options);
        }
export type ReportsFulfilmentQueryHookResult = ReturnType<typeof useReportsFulfilmentQuery>;
export type ReportsFulfilmentLazyQueryHookResult = ReturnType<typeof useReportsFulfilmentLazyQuery>;
export type ReportsFulfilmentSuspenseQueryHookResult = ReturnType<typeof useReportsFulfilmentSuspenseQuery>;
export type ReportsFulfilmentQueryResult = ApolloReactCommon.QueryResult<ReportsFulfilmentQuery, ReportsFulfilmentQueryVariables>;
export const ReportsExceptionsDocument = gql`
    query ReportsExceptions($filter: ReportFilter!) {
  exceptionsReport(filter: $filter) {
    placedOrders
    cancelledOrders
    cancellationRate
    cancellationReasons {
      reason
      count
    }
    returnsBySku {
      sku
      unitsSold
      unitsReturned
      returnRate
      reasons {
        reason
        count
      }
    }
    onHoldCount
    onHold {
      id
      number
      channelCode
      reason
      heldSince
      hoursOnHold
    }
  }
}
    `;

/**
 * __useReportsExceptionsQuery__
 *
 * To run a query within a React component, call `useReportsExceptionsQuery` and pass it any options that fit your needs.
 * When your component renders, `useReportsExceptionsQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useReportsExceptionsQuery({
 *   variables: {
 *      filter: // value for 'filter'
 *   },
 * });
 */
export function useReportsExceptionsQuery(baseOptions: ApolloReactHooks.QueryHookOptions<ReportsExceptionsQuery, ReportsExceptionsQueryVariables> & ({ variables: ReportsExceptionsQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<ReportsExceptionsQuery, ReportsExceptionsQueryVariables>(ReportsExceptionsDocument, options);
      }
export function useReportsExceptionsLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<ReportsExceptionsQuery, ReportsExceptionsQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<ReportsExceptionsQuery, ReportsExceptionsQueryVariables>(ReportsExceptionsDocument, options);
        }
// @ts-ignore
export function useReportsExceptionsSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<ReportsExceptionsQuery, ReportsExceptionsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<ReportsExceptionsQuery, ReportsExceptionsQueryVariables>;
export function useReportsExceptionsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<ReportsExceptionsQuery, ReportsExceptionsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<ReportsExceptionsQuery | undefined, ReportsExceptionsQueryVariables>;
export function useReportsExceptionsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<ReportsExceptionsQuery, ReportsExceptionsQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<ReportsExceptionsQuery, ReportsExceptionsQueryVariables>(ReportsExceptionsDocument, options);
        }
export type ReportsExceptionsQueryHookResult = ReturnType<typeof useReportsExceptionsQuery>;
export type ReportsExceptionsLazyQueryHookResult = ReturnType<typeof useReportsExceptionsLazyQuery>;
export type ReportsExceptionsSuspenseQueryHookResult = ReturnType<typeof useReportsExceptionsSuspenseQuery>;
export type ReportsExceptionsQueryResult = ApolloReactCommon.QueryResult<ReportsExceptionsQuery, ReportsExceptionsQueryVariables>;
export const ReportsInventoryDocument = gql`
    query ReportsInventory($filter: ReportFilter!) {
  inventoryReport(filter: $filter) {
    warehouses {
      warehouseCode
      warehouseName
      onHand
      reserved
      value {
        amount
        currency
      }
    }
    lowStockThreshold
    lowStock {
      sku
      name
      warehouseCode
      onHand
      available
    }
    skus {
      sku
      name
      onHand
      unitsShipped
      daysOfCover
      sellThrough
    }
    movements {
      kind
      reason
      movements
      unitsIn
      unitsOut
    }
  }
}
    `;

/**
 * __useReportsInventoryQuery__
 *
 * To run a query within a React component, call `useReportsInventoryQuery` and pass it any options that fit your needs.
 * When your component renders, `useReportsInventoryQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useReportsInventoryQuery({
 *   variables: {
 *      filter: // value for 'filter'
 *   },
 * });
 */
export function useReportsInventoryQuery(baseOptions: ApolloReactHooks.QueryHookOptions<ReportsInventoryQuery, ReportsInventoryQueryVariables> & ({ variables: ReportsInventoryQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<ReportsInventoryQuery, ReportsInventoryQueryVariables>(ReportsInventoryDocument, options);
      }
export function useReportsInventoryLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<ReportsInventoryQuery, ReportsInventoryQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<ReportsInventoryQuery, ReportsInventoryQueryVariables>(ReportsInventoryDocument, options);
        }
// @ts-ignore
export function useReportsInventorySuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<ReportsInventoryQuery, ReportsInventoryQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<ReportsInventoryQuery, ReportsInventoryQueryVariables>;
export function useReportsInventorySuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<ReportsInventoryQuery, ReportsInventoryQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<ReportsInventoryQuery | undefined, ReportsInventoryQueryVariables>;
export function useReportsInventorySuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<ReportsInventoryQuery, ReportsInventoryQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<ReportsInventoryQuery, ReportsInventoryQueryVariables>(ReportsInventoryDocument, options);
        }
export type ReportsInventoryQueryHookResult = ReturnType<typeof useReportsInventoryQuery>;
export type ReportsInventoryLazyQueryHookResult = ReturnType<typeof useReportsInventoryLazyQuery>;
export type ReportsInventorySuspenseQueryHookResult = ReturnType<typeof useReportsInventorySuspenseQuery>;
export type ReportsInventoryQueryResult = ApolloReactCommon.QueryResult<ReportsInventoryQuery, ReportsInventoryQueryVariables>;
export const ReportsTopDocument = gql`
    query ReportsTop($filter: ReportFilter!) {
  topReport(filter: $filter, first: 10) {
    skusByRevenue {
      sku
      name
      units
      revenue {
        amount
        currency
      }
    }
    skusByUnits {
      sku
      name
      units
      revenue {
        amount
        currency
      }
    }
    bottomSkusByRevenue {
      sku
      name
      units
      revenue {
        amount
        currency
      }
    }
    bottomSkusByUnits {
      sku
      name
      units
      revenue {
        amount
        currency
      }
    }
    customersByRevenue {
      customerId
      email
      name
      orders
      units
      revenue {
        amount
        currency
      }
    }
    customersByUnits {
      customerId
      email
      name
      orders
      units
      revenue {
        amount
        currency
      }
    }
  }
}
    `;

/**
 * __useReportsTopQuery__
 *
 * To run a query within a React component, call `useReportsTopQuery` and pass it any options that fit your needs.
 * When your component renders, `useReportsTopQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useReportsTopQuery({
 *   variables: {
 *      filter: // value for 'filter'
 *   },
 * });
 */
export function useReportsTopQuery(baseOptions: ApolloReactHooks.QueryHookOptions<ReportsTopQuery, ReportsTopQueryVariables> & ({ variables: ReportsTopQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<ReportsTopQuery, ReportsTopQueryVariables>(ReportsTopDocument, options);
      }
export function useReportsTopLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<ReportsTopQuery, ReportsTopQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<ReportsTopQuery, ReportsTopQueryVariables>(ReportsTopDocument, options);
        }
// @ts-ignore
export function useReportsTopSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<ReportsTopQuery, ReportsTopQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<ReportsTopQuery, ReportsTopQueryVariables>;
export function useReportsTopSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<ReportsTopQuery, ReportsTopQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<ReportsTopQuery | undefined, ReportsTopQueryVariables>;
export function useReportsTopSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<ReportsTopQuery, ReportsTopQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<ReportsTopQuery, ReportsTopQueryVariables>(ReportsTopDocument, options);
        }
export type ReportsTopQueryHookResult = ReturnType<typeof useReportsTopQuery>;
export type ReportsTopLazyQueryHookResult = ReturnType<typeof useReportsTopLazyQuery>;
export type ReportsTopSuspenseQueryHookResult = ReturnType<typeof useReportsTopSuspenseQuery>;
export type ReportsTopQueryResult = ApolloReactCommon.QueryResult<ReportsTopQuery, ReportsTopQueryVariables>;
export const ScreenFeedStartDocument = gql`
    query ScreenFeedStart {
  latestOrderUpdateId
}
    `;

/**
 * __useScreenFeedStartQuery__
 *
 * To run a query within a React component, call `useScreenFeedStartQuery` and pass it any options that fit your needs.
 * When your component renders, `useScreenFeedStartQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useScreenFeedStartQuery({
 *   variables: {
 *   },
 * });
 */
export function useScreenFeedStartQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<ScreenFeedStartQuery, ScreenFeedStartQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<ScreenFeedStartQuery, ScreenFeedStartQueryVariables>(ScreenFeedStartDocument, options);
      }
export function useScreenFeedStartLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<ScreenFeedStartQuery, ScreenFeedStartQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<ScreenFeedStartQuery, ScreenFeedStartQueryVariables>(ScreenFeedStartDocument, options);
        }
// @ts-ignore
export function useScreenFeedStartSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<ScreenFeedStartQuery, ScreenFeedStartQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<ScreenFeedStartQuery, ScreenFeedStartQueryVariables>;
export function useScreenFeedStartSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<ScreenFeedStartQuery, ScreenFeedStartQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<ScreenFeedStartQuery | undefined, ScreenFeedStartQueryVariables>;
export function useScreenFeedStartSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<ScreenFeedStartQuery, ScreenFeedStartQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<ScreenFeedStartQuery, ScreenFeedStartQueryVariables>(ScreenFeedStartDocument, options);
        }
export type ScreenFeedStartQueryHookResult = ReturnType<typeof useScreenFeedStartQuery>;
export type ScreenFeedStartLazyQueryHookResult = ReturnType<typeof useScreenFeedStartLazyQuery>;
export type ScreenFeedStartSuspenseQueryHookResult = ReturnType<typeof useScreenFeedStartSuspenseQuery>;
export type ScreenFeedStartQueryResult = ApolloReactCommon.QueryResult<ScreenFeedStartQuery, ScreenFeedStartQueryVariables>;
export const ScreenBoardDocument = gql`
    query ScreenBoard {
  orderStatusCounts {
    status
    count
  }
  newest: orders(first: 12) {
    nodes {
      id
      number
      status
      placedAt
      total {
        amount
        currency
      }
      channel {
        id
        code
      }
      customer {
        id
        name
        email
      }
    }
  }
}
    `;

/**
 * __useScreenBoardQuery__
 *
 * To run a query within a React component, call `useScreenBoardQuery` and pass it any options that fit your needs.
 * When your component renders, `useScreenBoardQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useScreenBoardQuery({
 *   variables: {
 *   },
 * });
 */
export function useScreenBoardQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<ScreenBoardQuery, ScreenBoardQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<ScreenBoardQuery, ScreenBoardQueryVariables>(ScreenBoardDocument, options);
      }
export function useScreenBoardLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<ScreenBoardQuery, ScreenBoardQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<ScreenBoardQuery, ScreenBoardQueryVariables>(ScreenBoardDocument, options);
        }
// @ts-ignore
export function useScreenBoardSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<ScreenBoardQuery, ScreenBoardQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<ScreenBoardQuery, ScreenBoardQueryVariables>;
export function useScreenBoardSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<ScreenBoardQuery, ScreenBoardQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<ScreenBoardQuery | undefined, ScreenBoardQueryVariables>;
export function useScreenBoardSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<ScreenBoardQuery, ScreenBoardQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<ScreenBoardQuery, ScreenBoardQueryVariables>(ScreenBoardDocument, options);
        }
export type ScreenBoardQueryHookResult = ReturnType<typeof useScreenBoardQuery>;
export type ScreenBoardLazyQueryHookResult = ReturnType<typeof useScreenBoardLazyQuery>;
export type ScreenBoardSuspenseQueryHookResult = ReturnType<typeof useScreenBoardSuspenseQuery>;
export type ScreenBoardQueryResult = ApolloReactCommon.QueryResult<ScreenBoardQuery, ScreenBoardQueryVariables>;
export const ScreenFeedDocument = gql`
    subscription ScreenFeed($after: ID) {
  orderUpdated(after: $after) {
    eventId
    order {
      id
      number
      status
      placedAt
      total {
        amount
        currency
      }
      channel {
        id
        code
      }
      customer {
        id
        name
        email
      }
    }
    event {
      id
      type
      fromStatus
      toStatus
      at
    }
  }
}
    `;

/**
 * __useScreenFeedSubscription__
 *
 * To run a query within a React component, call `useScreenFeedSubscription` and pass it any options that fit your needs.
 * When your component renders, `useScreenFeedSubscription` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the subscription, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useScreenFeedSubscription({
 *   variables: {
 *      after: // value for 'after'
 *   },
 * });
 */
export function useScreenFeedSubscription(baseOptions?: ApolloReactHooks.SubscriptionHookOptions<ScreenFeedSubscription, ScreenFeedSubscriptionVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useSubscription<ScreenFeedSubscription, ScreenFeedSubscriptionVariables>(ScreenFeedDocument, options);
      }
export type ScreenFeedSubscriptionHookResult = ReturnType<typeof useScreenFeedSubscription>;
export type ScreenFeedSubscriptionResult = ApolloReactCommon.SubscriptionResult<ScreenFeedSubscription>;
export const TrackOrderDocument = gql`
    query TrackOrder($number: String!, $email: String!) {
  trackOrder(number: $number, email: $email) {
    ...TrackedOrderView
  }
}
    ${TrackedOrderViewFragmentDoc}`;

/**
 * __useTrackOrderQuery__
 *
 * To run a query within a React component, call `useTrackOrderQuery` and pass it any options that fit your needs.
 * When your component renders, `useTrackOrderQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useTrackOrderQuery({
 *   variables: {
 *      number: // value for 'number'
 *      email: // value for 'email'
 *   },
 * });
 */
export function useTrackOrderQuery(baseOptions: ApolloReactHooks.QueryHookOptions<TrackOrderQuery, TrackOrderQueryVariables> & ({ variables: TrackOrderQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<TrackOrderQuery, TrackOrderQueryVariables>(TrackOrderDocument, options);
      }
export function useTrackOrderLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<TrackOrderQuery, TrackOrderQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<TrackOrderQuery, TrackOrderQueryVariables>(TrackOrderDocument, options);
        }
// @ts-ignore
export function useTrackOrderSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<TrackOrderQuery, TrackOrderQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<TrackOrderQuery, TrackOrderQueryVariables>;
export function useTrackOrderSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<TrackOrderQuery, TrackOrderQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<TrackOrderQuery | undefined, TrackOrderQueryVariables>;
export function useTrackOrderSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<TrackOrderQuery, TrackOrderQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<TrackOrderQuery, TrackOrderQueryVariables>(TrackOrderDocument, options);
        }
export type TrackOrderQueryHookResult = ReturnType<typeof useTrackOrderQuery>;
export type TrackOrderLazyQueryHookResult = ReturnType<typeof useTrackOrderLazyQuery>;
export type TrackOrderSuspenseQueryHookResult = ReturnType<typeof useTrackOrderSuspenseQuery>;
export type TrackOrderQueryResult = ApolloReactCommon.QueryResult<TrackOrderQuery, TrackOrderQueryVariables>;
export const TrackedOrderLiveDocument = gql`
    subscription TrackedOrderLive($number: String!, $email: String!) {
  trackedOrderUpdated(number: $number, email: $email) {
    ...TrackedOrderView
  }
}
    ${TrackedOrderViewFragmentDoc}`;

/**
 * __useTrackedOrderLiveSubscription__
 *
 * To run a query within a React component, call `useTrackedOrderLiveSubscription` and pass it any options that fit your needs.
 * When your component renders, `useTrackedOrderLiveSubscription` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the subscription, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useTrackedOrderLiveSubscription({
 *   variables: {
 *      number: // value for 'number'
 *      email: // value for 'email'
 *   },
 * });
 */
export function useTrackedOrderLiveSubscription(baseOptions: ApolloReactHooks.SubscriptionHookOptions<TrackedOrderLiveSubscription, TrackedOrderLiveSubscriptionVariables> & ({ variables: TrackedOrderLiveSubscriptionVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useSubscription<TrackedOrderLiveSubscription, TrackedOrderLiveSubscriptionVariables>(TrackedOrderLiveDocument, options);
      }
export type TrackedOrderLiveSubscriptionHookResult = ReturnType<typeof useTrackedOrderLiveSubscription>;
export type TrackedOrderLiveSubscriptionResult = ApolloReactCommon.SubscriptionResult<TrackedOrderLiveSubscription>;
export const WebhookEndpointsDocument = gql`
    query WebhookEndpoints($after: String) {
  webhookEndpoints: webhookEndpointsConnection(first: 200, after: $after) {
    nodes {
      ...WebhookEndpointRow
    }
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
  }
  webhookEventTypes
  channels {
    id
    code
    name
  }
}
    ${WebhookEndpointRowFragmentDoc}`;

/**
 * __useWebhookEndpointsQuery__
 *
 * To run a query within a React component, call `useWebhookEndpointsQuery` and pass it any options that fit your needs.
 * When your component renders, `useWebhookEndpointsQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useWebhookEndpointsQuery({
 *   variables: {
 *      after: // value for 'after'
 *   },
 * });
 */
export function useWebhookEndpointsQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>(WebhookEndpointsDocument, options);
      }
export function useWebhookEndpointsLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>(WebhookEndpointsDocument, options);
        }
// @ts-ignore
export function useWebhookEndpointsSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>;
export function useWebhookEndpointsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<WebhookEndpointsQuery | undefined, WebhookEndpointsQueryVariables>;
export function useWebhookEndpointsSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>(WebhookEndpointsDocument, options);
        }
export type WebhookEndpointsQueryHookResult = ReturnType<typeof useWebhookEndpointsQuery>;
export type WebhookEndpointsLazyQueryHookResult = ReturnType<typeof useWebhookEndpointsLazyQuery>;
export type WebhookEndpointsSuspenseQueryHookResult = ReturnType<typeof useWebhookEndpointsSuspenseQuery>;
export type WebhookEndpointsQueryResult = ApolloReactCommon.QueryResult<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>;
export const WebhookDeliveriesDocument = gql`
    query WebhookDeliveries($endpointId: ID!, $first: Int, $after: String) {
  webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {
    totalCount
    nodes {
      ...WebhookDeliveryRow
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    ${WebhookDeliveryRowFragmentDoc}`;

/**
 * __useWebhookDeliveriesQuery__
 *
 * To run a query within a React component, call `useWebhookDeliveriesQuery` and pass it any options that fit your needs.
 * When your component renders, `useWebhookDeliveriesQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useWebhookDeliveriesQuery({
 *   variables: {
 *      endpointId: // value for 'endpointId'
 *      first: // value for 'first'
 *      after: // value for 'after'
 *   },
 * });
 */
export function useWebhookDeliveriesQuery(baseOptions: ApolloReactHooks.QueryHookOptions<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables> & ({ variables: WebhookDeliveriesQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>(WebhookDeliveriesDocument, options);
      }
export function useWebhookDeliveriesLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>(WebhookDeliveriesDocument, options);
        }
// @ts-ignore
export function useWebhookDeliveriesSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export function useWebhookDeliveriesSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<WebhookDeliveriesQuery | undefined, WebhookDeliveriesQueryVariables>;
export function useWebhookDeliveriesSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>(WebhookDeliveriesDocument, options);
        }
export type WebhookDeliveriesQueryHookResult = ReturnType<typeof useWebhookDeliveriesQuery>;
export type WebhookDeliveriesLazyQueryHookResult = ReturnType<typeof useWebhookDeliveriesLazyQuery>;
export type WebhookDeliveriesSuspenseQueryHookResult = ReturnType<typeof useWebhookDeliveriesSuspenseQuery>;
export type WebhookDeliveriesQueryResult = ApolloReactCommon.QueryResult<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const CreateWebhookEndpointDocument = gql`
    mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    endpoint {
      ...WebhookEndpointRow
    }
    secret
    userErrors {
      field
      code
      message
    }
  }
}
    ${WebhookEndpointRowFragmentDoc}`;
export type CreateWebhookEndpointMutationFn = ApolloReactCommon.MutationFunction<CreateWebhookEndpointMutation, CreateWebhookEndpointMutationVariables>;

/**
 * __useCreateWebhookEndpointMutation__
 *
 * To run a mutation, you first call `useCreateWebhookEndpointMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useCreateWebhookEndpointMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [createWebhookEndpointMutation, { data, loading, error }] = useCreateWebhookEndpointMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useCreateWebhookEndpointMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<CreateWebhookEndpointMutation, CreateWebhookEndpointMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<CreateWebhookEndpointMutation, CreateWebhookEndpointMutationVariables>(CreateWebhookEndpointDocument, options);
      }
export type CreateWebhookEndpointMutationHookResult = ReturnType<typeof useCreateWebhookEndpointMutation>;
export type CreateWebhookEndpointMutationResult = ApolloReactCommon.MutationResult<CreateWebhookEndpointMutation>;
export type CreateWebhookEndpointMutationOptions = ApolloReactCommon.BaseMutationOptions<CreateWebhookEndpointMutation, CreateWebhookEndpointMutationVariables>;
export const UpdateWebhookEndpointDocument = gql`
    mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
  updateWebhookEndpoint(input: $input) {
    endpoint {
      ...WebhookEndpointRow
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${WebhookEndpointRowFragmentDoc}`;
export type UpdateWebhookEndpointMutationFn = ApolloReactCommon.MutationFunction<UpdateWebhookEndpointMutation, UpdateWebhookEndpointMutationVariables>;

/**
 * __useUpdateWebhookEndpointMutation__
 *
 * To run a mutation, you first call `useUpdateWebhookEndpointMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useUpdateWebhookEndpointMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [updateWebhookEndpointMutation, { data, loading, error }] = useUpdateWebhookEndpointMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useUpdateWebhookEndpointMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<UpdateWebhookEndpointMutation, UpdateWebhookEndpointMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<UpdateWebhookEndpointMutation, UpdateWebhookEndpointMutationVariables>(UpdateWebhookEndpointDocument, options);
      }
export type UpdateWebhookEndpointMutationHookResult = ReturnType<typeof useUpdateWebhookEndpointMutation>;
export type UpdateWebhookEndpointMutationResult = ApolloReactCommon.MutationResult<UpdateWebhookEndpointMutation>;
export type UpdateWebhookEndpointMutationOptions = ApolloReactCommon.BaseMutationOptions<UpdateWebhookEndpointMutation, UpdateWebhookEndpointMutationVariables>;
export const RotateWebhookSecretDocument = gql`
    mutation RotateWebhookSecret($id: ID!) {
  rotateWebhookSecret(id: $id) {
    endpoint {
      id
    }
    secret
    userErrors {
      field
      code
      message
    }
  }
}
    `;
export type RotateWebhookSecretMutationFn = ApolloReactCommon.MutationFunction<RotateWebhookSecretMutation, RotateWebhookSecretMutationVariables>;

/**
 * __useRotateWebhookSecretMutation__
 *
 * To run a mutation, you first call `useRotateWebhookSecretMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useRotateWebhookSecretMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [rotateWebhookSecretMutation, { data, loading, error }] = useRotateWebhookSecretMutation({
 *   variables: {
 *      id: // value for 'id'
 *   },
 * });
 */
export function useRotateWebhookSecretMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<RotateWebhookSecretMutation, RotateWebhookSecretMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<RotateWebhookSecretMutation, RotateWebhookSecretMutationVariables>(RotateWebhookSecretDocument, options);
      }
export type RotateWebhookSecretMutationHookResult = ReturnType<typeof useRotateWebhookSecretMutation>;
export type RotateWebhookSecretMutationResult = ApolloReactCommon.MutationResult<RotateWebhookSecretMutation>;
export type RotateWebhookSecretMutationOptions = ApolloReactCommon.BaseMutationOptions<RotateWebhookSecretMutation, RotateWebhookSecretMutationVariables>;
export const DeleteWebhookEndpointDocument = gql`
    mutation DeleteWebhookEndpoint($id: ID!) {
  deleteWebhookEndpoint(id: $id) {
    deletedId
    userErrors {
      field
      code
      message
    }
  }
}
    `;
export type DeleteWebhookEndpointMutationFn = ApolloReactCommon.MutationFunction<DeleteWebhookEndpointMutation, DeleteWebhookEndpointMutationVariables>;

/**
 * __useDeleteWebhookEndpointMutation__
 *
 * To run a mutation, you first call `useDeleteWebhookEndpointMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useDeleteWebhookEndpointMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [deleteWebhookEndpointMutation, { data, loading, error }] = useDeleteWebhookEndpointMutation({
 *   variables: {
 *      id: // value for 'id'
 *   },
 * });
 */
export function useDeleteWebhookEndpointMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<DeleteWebhookEndpointMutation, DeleteWebhookEndpointMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<DeleteWebhookEndpointMutation, DeleteWebhookEndpointMutationVariables>(DeleteWebhookEndpointDocument, options);
      }
export type DeleteWebhookEndpointMutationHookResult = ReturnType<typeof useDeleteWebhookEndpointMutation>;
export type DeleteWebhookEndpointMutationResult = ApolloReactCommon.MutationResult<DeleteWebhookEndpointMutation>;
export type DeleteWebhookEndpointMutationOptions = ApolloReactCommon.BaseMutationOptions<DeleteWebhookEndpointMutation, DeleteWebhookEndpointMutationVariables>;
export const ReplayWebhookDeliveryDocument = gql`
    mutation ReplayWebhookDelivery($id: ID!) {
  replayWebhookDelivery(id: $id) {
    delivery {
      ...WebhookDeliveryRow
    }
    userErrors {
      field
      code
      message
    }
  }
}
    ${WebhookDeliveryRowFragmentDoc}`;
export type ReplayWebhookDeliveryMutationFn = ApolloReactCommon.MutationFunction<ReplayWebhookDeliveryMutation, ReplayWebhookDeliveryMutationVariables>;

/**
 * __useReplayWebhookDeliveryMutation__
 *
 * To run a mutation, you first call `useReplayWebhookDeliveryMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useReplayWebhookDeliveryMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [replayWebhookDeliveryMutation, { data, loading, error }] = useReplayWebhookDeliveryMutation({
 *   variables: {
 *      id: // value for 'id'
 *   },
 * });
 */
export function useReplayWebhookDeliveryMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<ReplayWebhookDeliveryMutation, ReplayWebhookDeliveryMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<ReplayWebhookDeliveryMutation, ReplayWebhookDeliveryMutationVariables>(ReplayWebhookDeliveryDocument, options);
      }
export type ReplayWebhookDeliveryMutationHookResult = ReturnType<typeof useReplayWebhookDeliveryMutation>;
export type ReplayWebhookDeliveryMutationResult = ApolloReactCommon.MutationResult<ReplayWebhookDeliveryMutation>;
export type ReplayWebhookDeliveryMutationOptions = ApolloReactCommon.BaseMutationOptions<ReplayWebhookDeliveryMutation, ReplayWebhookDeliveryMutationVariables>;
export const ReplayEventsDocument = gql`
    mutation ReplayEvents($input: ReplayEventsInput!) {
  replayEvents(input: $input) {
    queued
    matched
    lastEventId
    hasMore
    userErrors {
      field
      code
      message
    }
  }
}
    `;
export type ReplayEventsMutationFn = ApolloReactCommon.MutationFunction<ReplayEventsMutation, ReplayEventsMutationVariables>;

/**
 * __useReplayEventsMutation__
 *
 * To run a mutation, you first call `useReplayEventsMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useReplayEventsMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [replayEventsMutation, { data, loading, error }] = useReplayEventsMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useReplayEventsMutation(baseOptions?: ApolloReactHooks.MutationHookOptions<ReplayEventsMutation, ReplayEventsMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useMutation<ReplayEventsMutation, ReplayEventsMutationVariables>(ReplayEventsDocument, options);
      }
export type ReplayEventsMutationHookResult = ReturnType<typeof useReplayEventsMutation>;
export type ReplayEventsMutationResult = ApolloReactCommon.MutationResult<ReplayEventsMutation>;
export type ReplayEventsMutationOptions = ApolloReactCommon.BaseMutationOptions<ReplayEventsMutation, ReplayEventsMutationVariables>;
export const StoreTimeZoneDocument = gql`
    query StoreTimeZone {
  storeTimeZone
}
    `;

/**
 * __useStoreTimeZoneQuery__
 *
 * To run a query within a React component, call `useStoreTimeZoneQuery` and pass it any options that fit your needs.
 * When your component renders, `useStoreTimeZoneQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useStoreTimeZoneQuery({
 *   variables: {
 *   },
 * });
 */
export function useStoreTimeZoneQuery(baseOptions?: ApolloReactHooks.QueryHookOptions<StoreTimeZoneQuery, StoreTimeZoneQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return ApolloReactHooks.useQuery<StoreTimeZoneQuery, StoreTimeZoneQueryVariables>(StoreTimeZoneDocument, options);
      }
export function useStoreTimeZoneLazyQuery(baseOptions?: ApolloReactHooks.LazyQueryHookOptions<StoreTimeZoneQuery, StoreTimeZoneQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useLazyQuery<StoreTimeZoneQuery, StoreTimeZoneQueryVariables>(StoreTimeZoneDocument, options);
        }
// @ts-ignore
export function useStoreTimeZoneSuspenseQuery(baseOptions?: ApolloReactHooks.SuspenseQueryHookOptions<StoreTimeZoneQuery, StoreTimeZoneQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<StoreTimeZoneQuery, StoreTimeZoneQueryVariables>;
export function useStoreTimeZoneSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<StoreTimeZoneQuery, StoreTimeZoneQueryVariables>): ApolloReactHooks.UseSuspenseQueryResult<StoreTimeZoneQuery | undefined, StoreTimeZoneQueryVariables>;
export function useStoreTimeZoneSuspenseQuery(baseOptions?: ApolloReactHooks.SkipToken | ApolloReactHooks.SuspenseQueryHookOptions<StoreTimeZoneQuery, StoreTimeZoneQueryVariables>) {
          const options = baseOptions === ApolloReactHooks.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return ApolloReactHooks.useSuspenseQuery<StoreTimeZoneQuery, StoreTimeZoneQueryVariables>(StoreTimeZoneDocument, options);
        }
export type StoreTimeZoneQueryHookResult = ReturnType<typeof useStoreTimeZoneQuery>;
export type StoreTimeZoneLazyQueryHookResult = ReturnType<typeof useStoreTimeZoneLazyQuery>;
export type StoreTimeZoneSuspenseQueryHookResult = ReturnType<typeof useStoreTimeZoneSuspenseQuery>;
export type StoreTimeZoneQueryResult = ApolloReactCommon.QueryResult<StoreTimeZoneQuery, StoreTimeZoneQueryVariables>;