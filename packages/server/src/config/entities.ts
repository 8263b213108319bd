/** Every entity of the domain model, registered explicitly (no folder scanning). */
import { User, Session } from '../modules/auth/user.entity';
import { ApiKey } from '../modules/auth/api-key.entity';
import { AuditEntry } from '../modules/auth/audit-entry.entity';
import { DomainEvent } from '../modules/events/domain-event.entity';
import { Channel } from '../modules/channel/channel.entity';
import { Product } from '../modules/catalog/product.entity';
import { Customer } from '../modules/customer/customer.entity';
import { Warehouse } from '../modules/inventory/warehouse.entity';
import { StockLevel } from '../modules/inventory/stock-level.entity';
import { StockAllocation } from '../modules/inventory/stock-allocation.entity';
import { StockMovement } from '../modules/inventory/stock-movement.entity';
import { Order, Address } from '../modules/order/order.entity';
import { OrderLine } from '../modules/order/order-line.entity';
import { OrderHistoryEntry } from '../modules/order/order-history.entity';
import { Payment, Refund } from '../modules/payment/payment.entity';
import { Shipment, ShipmentLine } from '../modules/shipment/shipment.entity';
import { Return, ReturnLine } from '../modules/shipment/return.entity';
import { AutomationRule, RuleExecution } from '../modules/automation/automation-rule.entity';
import { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from '../modules/webhooks/webhook.entity';
import { EmailMessage, EmailTemplateOverride } from '../modules/email/email.entity';

export const ENTITIES = [
  User,
  Session,
  ApiKey,
  AuditEntry,
  DomainEvent,
  Channel,
  Product,
  Customer,
  Warehouse,
  StockLevel,
  StockAllocation,
  StockMovement,
  Order,
  Address,
  OrderLine,
  OrderHistoryEntry,
  Payment,
  Refund,
  Shipment,
  ShipmentLine,
  Return,
  ReturnLine,
  WebhookEndpoint,
  WebhookDelivery,
  WebhookAttempt,
  AutomationRule,
  RuleExecution,
  EmailTemplateOverride,
  EmailMessage,
];
