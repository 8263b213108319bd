/** Wires the domain services together; one set per server. */
import type { Config } from './config/config';
import { createOmsPubSub, OmsPubSub } from './common/pubsub';
import { AuthService } from './modules/auth/auth.service';
import { ProductService } from './modules/catalog/product.service';
import { ChannelService } from './modules/channel/channel.service';
import { DashboardService } from './modules/dashboard/dashboard.service';
import { InventoryService } from './modules/inventory/inventory.service';
import { WarehouseService } from './modules/inventory/warehouse.service';
import { OrderFeed } from './modules/order/order-feed';
import { OrderTransactions } from './modules/order/order-transaction';
import { OrderService } from './modules/order/order.service';
import { PaymentService } from './modules/payment/payment.service';
import { FulfilmentService } from './modules/shipment/fulfilment.service';

export interface Services {
  pubsub: OmsPubSub;
  auth: AuthService;
  channels: ChannelService;
  warehouses: WarehouseService;
  products: ProductService;
  inventory: InventoryService;
  orders: OrderService;
  orderFeed: OrderFeed;
  payments: PaymentService;
  fulfilment: FulfilmentService;
  dashboard: DashboardService;
}

export function createServices(config: Pick<Config, 'sessionTtlSeconds'>): Services {
  const pubsub = createOmsPubSub();
  const tx = new OrderTransactions(pubsub);
  const inventory = new InventoryService();
  return {
    pubsub,
    auth: new AuthService(config.sessionTtlSeconds),
    channels: new ChannelService(),
    warehouses: new WarehouseService(),
    products: new ProductService(),
    inventory,
    orders: new OrderService(tx, inventory),
    orderFeed: new OrderFeed(pubsub),
    payments: new PaymentService(tx),
    fulfilment: new FulfilmentService(tx, inventory),
    dashboard: new DashboardService(),
  };
}
