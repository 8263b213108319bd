/** Wires the domain services together; one set per server. */
import type { Config } from './config/config';
import { createOmsPubSub, OmsPubSub } from './common/pubsub';
import { AccessEvents } from './common/access-events';
import type { JobQueue } from './common/jobs';
import type { Logger } from './common/logger';
import type { LoginThrottle, TrackingThrottle } from './common/rate-limits';
import { TrackingService } from './modules/tracking/tracking.service';
import { AccessService } from './modules/auth/access.service';
import { AuthService } from './modules/auth/auth.service';
import { EventService } from './modules/events/event.service';
import { ProductService } from './modules/catalog/product.service';
import { ChannelService } from './modules/channel/channel.service';
import { AnalyticsService } from './modules/analytics/analytics.service';
import { AnalyticsRefresh } from './modules/analytics/analytics-refresh';
import { DashboardService } from './modules/dashboard/dashboard.service';
import { InventoryService } from './modules/inventory/inventory.service';
import { WarehouseService } from './modules/inventory/warehouse.service';
import { OrderFeed } from './modules/order/order-feed';
import { OrderTransactions } from './modules/order/order-transaction';
import { OrderService } from './modules/order/order.service';
import { OrderImport } from './modules/order/order-import';
import { PaymentService } from './modules/payment/payment.service';
import { FulfilmentService } from './modules/shipment/fulfilment.service';
import { JobService } from './modules/jobs/job.service';
import { WebhookConfig, WebhookDeliveryService } from './modules/webhooks/webhook-delivery.service';
import { WebhookEndpointService } from './modules/webhooks/webhook-endpoint.service';
import { AutomationService } from './modules/automation/automation.service';
import { AutomationRules } from './modules/automation/automation-rules.service';
import { AutomationEngine } from './modules/automation/automation-engine';
import { AutomationScheduler } from './modules/automation/automation-scheduler';
import { CustomerQueries, CustomerService } from './modules/customer/customer.service';
import { ExportService, ExportSettings } from './modules/data/export.service';
import { ImportService } from './modules/data/import.service';
import { DocumentService } from './modules/documents/documents.service';
import { NodeService } from './modules/node/node.service';
import { BulkOrderService } from './modules/bulk/bulk.service';
import { EmailConfig, EmailSender } from './modules/email/email-sender';
import { EmailService } from './modules/email/email.service';

export interface Services {
  pubsub: OmsPubSub;
  accessEvents: AccessEvents;
  auth: AuthService;
  access: AccessService;
  events: EventService;
  tracking: TrackingService;
  channels: ChannelService;
  warehouses: WarehouseService;
  products: ProductService;
  inventory: InventoryService;
  orders: OrderService;
  orderFeed: OrderFeed;
  payments: PaymentService;
  fulfilment: FulfilmentService;
  dashboard: DashboardService;
  analytics: AnalyticsService;
  analyticsRefresh: AnalyticsRefresh;
  jobs: JobService;
  /** Webhook delivery, address checks and replays (its resolveHost is the one every check uses). */
  webhooks: WebhookDeliveryService;
  webhookEndpoints: WebhookEndpointService;
  /** Rule editing, the engine and the scheduler (automation.rules / .engine / .scheduler). */
  automation: AutomationService;
  customers: CustomerService;
  /** The customer queries, the customer data export and erasure (GDPR). */
  customerQueries: CustomerQueries;
  exports: ExportService;
  documents: DocumentService;
  imports: ImportService;
  /** Query.node / Query.nodes. */
  nodes: NodeService;
  /** Bulk order jobs (startBulkOrderAction). */
  bulk: BulkOrderService;
  /** Customer e-mails: templates, previews, the log (emails) and sending (emails.sender). */
  emails: EmailService;
}

export function createServices(
  config: Pick<Config, 'sessionTtlSeconds'> &
    Partial<
      Pick<Config, 'apiKeyRotationGraceSeconds' | 'automationSchedule' | 'fulfilmentSlaHours' | 'exactCountLimit'>
    > &
    WebhookConfig &
    ExportSettings &
    Partial<EmailConfig>,
  queue: JobQueue,
  log: Logger,
  throttle?: LoginThrottle & TrackingThrottle,
  databaseUrl?: string,
): Services {
  const pubsub = createOmsPubSub();
  const tx = new OrderTransactions();
  const inventory = new InventoryService();
  const accessEvents = new AccessEvents();
  const products = new ProductService();
  const customers = new CustomerService();
  const orders = new OrderService(tx, inventory, config.exactCountLimit ?? 10_000);
  const webhooks = new WebhookDeliveryService(queue, config, log);
  const automationEngine = new AutomationEngine(queue, orders, webhooks, log);
  return {
    pubsub,
    accessEvents,
    auth: new AuthService(config.sessionTtlSeconds, accessEvents, throttle),
    access: new AccessService(config.apiKeyRotationGraceSeconds ?? 24 * 3600, accessEvents),
    events: new EventService(),
    tracking: new TrackingService(throttle),
    channels: new ChannelService(),
    warehouses: new WarehouseService(),
    products,
    inventory,
    orders,
    orderFeed: new OrderFeed(pubsub),
    payments: new PaymentService(tx),
    fulfilment: new FulfilmentService(tx, inventory),
    dashboard: new DashboardService(config.exactCountLimit ?? 10_000),
    analytics: new AnalyticsService(config.fulfilmentSlaHours ?? 48),
    analyticsRefresh: new AnalyticsRefresh(queue, log),
    jobs: new JobService(queue),
    webhooks,
    webhookEndpoints: new WebhookEndpointService(webhooks, config),
    automation: new AutomationService(
      new AutomationRules(),
      automationEngine,
      new AutomationScheduler(queue, automationEngine, config.automationSchedule ?? '* * * * *'),
    ),
    customers,
    customerQueries: new CustomerQueries(),
    exports: new ExportService(databaseUrl ?? '', queue, log, config),
    documents: new DocumentService(),
    imports: new ImportService(products, customers, inventory, new OrderImport(tx, customers)),
    nodes: new NodeService(),
    bulk: new BulkOrderService(queue, orders, log),
    emails: new EmailService(
      new EmailSender(
        queue,
        {
          smtpUrl: config.smtpUrl,
          mailFrom: config.mailFrom,
          publicUrl: config.publicUrl ?? 'http://localhost:4000',
          emailRetryLimit: config.emailRetryLimit ?? 8,
          emailRetryDelaySeconds: config.emailRetryDelaySeconds ?? 30,
        },
        log,
      ),
    ),
  };
}
