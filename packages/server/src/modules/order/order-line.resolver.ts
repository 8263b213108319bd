import { Authorized, FieldResolver, Resolver, Root } from 'type-graphql';
import { Permission } from '../auth';
import { entityOf, itemsOf } from '../../common/load-once';
import { Product } from '../catalog';
import { StockAllocation } from '../inventory';
import { Warehouse } from '../inventory';
import { OrderLine } from './order-line.entity';

@Resolver(() => OrderLine)
export class OrderLineResolver {
  @FieldResolver(() => [StockAllocation], {
    description: 'Where the units of this line are reserved or were shipped from.',
  })
  allocations(@Root() line: OrderLine) {
    return itemsOf(line.allocations);
  }

  @Authorized(Permission.PRODUCT_READ)
  @FieldResolver(() => Product)
  product(@Root() line: OrderLine) {
    return entityOf(line.product);
  }
}

@Resolver(() => StockAllocation)
export class StockAllocationResolver {
  @FieldResolver(() => Warehouse)
  warehouse(@Root() allocation: StockAllocation) {
    return entityOf(allocation.warehouse);
  }
}
