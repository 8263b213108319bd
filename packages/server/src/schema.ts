/** Builds the GraphQL schema from the resolvers, with one auth checker and the services injected. */
import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { AuthChecker, buildSchema, emitSchemaDefinitionFile } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from './common/errors';
import type { RequestContext } from './common/context';
import type { Services } from './services';
import { createOmsPubSub } from './common/pubsub';
import { ApiKeyResolver, AuditResolver, UserResolver } from './modules/auth/access.resolver';
import { AuthResolver } from './modules/auth/auth.resolver';
import { EventResolver } from './modules/events/event.resolver';
import { TrackingResolver } from './modules/tracking/tracking.resolver';
import { ProductResolver } from './modules/catalog/product.resolver';
import { ChannelResolver } from './modules/channel/channel.resolver';
import { AnalyticsResolver } from './modules/analytics/analytics.resolver';
import { DashboardResolver } from './modules/dashboard/dashboard.resolver';
import { StockLevelResolver, StockMovementResolver, WarehouseResolver } from './modules/inventory/inventory.resolver';
import { OrderLineResolver, StockAllocationResolver } from './modules/order/order-line.resolver';
import { OrderResolver } from './modules/order/order.resolver';
import { OrderHistoryResolver } from './modules/order/order-history.resolver';
import { PaymentResolver, RefundResolver } from './modules/payment/payment.resolver';
import { ReturnResolver, ShipmentResolver } from './modules/shipment/shipment.resolver';
import { JobResolver } from './modules/jobs/job.resolver';
import { DataResolver } from './modules/data/data.resolver';
import { WebhookDeliveryResolver, WebhookEndpointResolver } from './modules/webhooks/webhook.resolver';
import { AutomationResolver } from './modules/automation/automation.resolver';
import { NodeResolver } from './modules/node/node.resolver';
import { CustomerResolver } from './modules/customer/customer.resolver';
import { BulkOrderResolver } from './modules/bulk/bulk.resolver';
import { EmailResolver } from './modules/email/email.resolver';

/**
 * The one auth checker. Every operation but login needs a signed-in actor (a user or an API key);
 * `@Authorized(Permission.X)` also needs that permission. A user whose password was set by an
 * admin has no permission until they change it.
 */
export const authChecker: AuthChecker<RequestContext, string> = ({ context }, permissions) => {
  const actor = context.actor;
  if (!actor) throw new UnauthenticatedError();
  if (!permissions.length) return true;
  if (actor.mustChangePassword) {
    throw new ForbiddenError('Choose a new password first (mutation changePassword)', {
      reason: 'PASSWORD_CHANGE_REQUIRED',
    });
  }
  const missing = permissions.find((p) => !actor.permissions.has(p));
  if (missing) throw new ForbiddenError(`Missing permission ${missing}`, { permission: missing });
  return true;
};

export const RESOLVERS = [
  AuthResolver,
  UserResolver,
  ApiKeyResolver,
  AuditResolver,
  EventResolver,
  TrackingResolver,
  ChannelResolver,
  WarehouseResolver,
  StockLevelResolver,
  StockMovementResolver,
  ProductResolver,
  OrderResolver,
  OrderLineResolver,
  OrderHistoryResolver,
  StockAllocationResolver,
  PaymentResolver,
  RefundResolver,
  ShipmentResolver,
  ReturnResolver,
  DashboardResolver,
  WebhookEndpointResolver,
  WebhookDeliveryResolver,
  JobResolver,
  AutomationResolver,
  DataResolver,
  AnalyticsResolver,
  NodeResolver,
  CustomerResolver,
  BulkOrderResolver,
  EmailResolver,
] as const;

export async function createSchema(services?: Services, emitSchemaFile?: string): Promise<GraphQLSchema> {
  const instances = new Map<unknown, unknown>();
  if (services) {
    instances.set(AuthResolver, new AuthResolver(services.auth));
    instances.set(UserResolver, new UserResolver(services.access));
    instances.set(ApiKeyResolver, new ApiKeyResolver(services.access));
    instances.set(AuditResolver, new AuditResolver(services.access));
    instances.set(EventResolver, new EventResolver(services.events));
    instances.set(TrackingResolver, new TrackingResolver(services.tracking));
    instances.set(ChannelResolver, new ChannelResolver(services.channels));
    instances.set(WarehouseResolver, new WarehouseResolver(services.warehouses));
    instances.set(StockLevelResolver, new StockLevelResolver(services.inventory));
    instances.set(StockMovementResolver, new StockMovementResolver(services.inventory));
    instances.set(ProductResolver, new ProductResolver(services.products));
    instances.set(OrderResolver, new OrderResolver(services.orders));
    instances.set(CustomerResolver, new CustomerResolver(services.customerQueries));
    instances.set(PaymentResolver, new PaymentResolver(services.payments));
    instances.set(ShipmentResolver, new ShipmentResolver(services.fulfilment));
    instances.set(DashboardResolver, new DashboardResolver(services.dashboard));
    instances.set(WebhookEndpointResolver, new WebhookEndpointResolver(services.webhookEndpoints));
    instances.set(WebhookDeliveryResolver, new WebhookDeliveryResolver(services.webhooks));
    instances.set(JobResolver, new JobResolver(services.jobs));
    instances.set(AutomationResolver, new AutomationResolver(services.automation));
    instances.set(DataResolver, new DataResolver(services.exports));
    instances.set(AnalyticsResolver, new AnalyticsResolver(services.analytics));
    instances.set(NodeResolver, new NodeResolver(services.nodes));
    instances.set(BulkOrderResolver, new BulkOrderResolver(services.bulk));
    instances.set(EmailResolver, new EmailResolver(services.emails));
  }
  const built = await buildSchema({
    resolvers: [...RESOLVERS],
    authChecker,
    pubSub: services?.pubsub ?? createOmsPubSub(),
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    validate: false, // inputs are validated by the services, which report userErrors
    container: {
      get: (cls: new () => unknown) => {
        if (!instances.has(cls)) instances.set(cls, new cls());
        return instances.get(cls);
      },
    },
    emitSchemaFile: false,
  });
  // The types in the order they are reached from Query, Mutation and Subscription: type-graphql
  // lists an interface's implementations (Node's) first, which would move them to the top of
  // schema.graphql. Every implementation is reachable from a root, so none is lost.
  const schema = new GraphQLSchema({ ...built.toConfig(), types: [] });
  if (emitSchemaFile) await emitSchemaDefinitionFile(emitSchemaFile, schema, { sortedSchema: false });
  return schema;
}
