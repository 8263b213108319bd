import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../auth';
import { Connection } from '../../common/pagination';
import { StockMovement } from './stock-movement.entity';
import type { RequestContext } from '../../common/context';
import { Payload } from '../../common/payload';
import { Product } from '../catalog';
import { AdjustStockInput, CreateWarehouseInput, SetStockLevelInput, StockFilter } from './inventory.inputs';
import { SetStockLevelsPayload } from './inventory.types';
import { InventoryService } from './inventory.service';
import { StockLevel } from './stock-level.entity';
import { Warehouse } from './warehouse.entity';
import { WarehouseService } from './warehouse.service';

@ObjectType()
export class WarehousePayload extends Payload('WarehousePayload', 'warehouse', Warehouse) {
  warehouse?: Warehouse;
}

@ObjectType()
export class StockLevelPayload extends Payload('StockLevelPayload', 'stockLevel', StockLevel) {
  stockLevel?: StockLevel;
}

@ObjectType()
export class StockLevelConnection extends Connection(StockLevel, 'StockLevel') {}

@ObjectType()
export class WarehouseConnection extends Connection(Warehouse, 'Warehouse') {}

@Resolver(() => Warehouse)
export class WarehouseResolver {
  constructor(private readonly service: WarehouseService) {}

  @Authorized(Permission.WAREHOUSE_READ)
  @Query(() => [Warehouse], {
    description: 'In sourcing order. At most 500.',
    deprecationReason: 'Unpaged: returns at most 500 warehouses. Use warehousesConnection(first, after).',
  })
  warehouses(@Ctx() ctx: RequestContext) {
    return this.service.list(ctx.em);
  }

  @Authorized(Permission.WAREHOUSE_READ)
  @Query(() => WarehouseConnection, {
    description: 'Warehouses in sourcing order (priority, then code), a page at a time.',
  })
  warehousesConnection(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: '1 to 200, default 50.' }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('last', () => Int, {
      nullable: true,
      description: '1 to 200: the last items (before `before`). Not with first.',
    })
    last?: number,
    @Arg('before', () => String, { nullable: true, description: 'A cursor (startCursor): items before it.' })
    before?: string,
  ) {
    return this.service.page(ctx.em, { first, after, last, before });
  }

  @Authorized(Permission.WAREHOUSE_WRITE)
  @Mutation(() => WarehousePayload)
  createWarehouse(@Ctx() ctx: RequestContext, @Arg('input', () => CreateWarehouseInput) input: CreateWarehouseInput) {
    return this.service.create(ctx, input);
  }
}

@Resolver(() => StockLevel)
export class StockLevelResolver {
  constructor(private readonly inventory: InventoryService) {}

  @Authorized(Permission.STOCK_READ)
  @Query(() => [StockLevel], {
    description: 'Stock per SKU and warehouse, optionally for one SKU and/or one warehouse. At most 500 rows.',
    deprecationReason: 'Unpaged: returns at most 500 rows. Use stock(first, after, filter), a connection.',
  })
  stockLevels(
    @Ctx() ctx: RequestContext,
    @Arg('sku', () => String, { nullable: true }) sku?: string,
    @Arg('warehouseCode', () => String, { nullable: true }) warehouseCode?: string,
  ) {
    return this.inventory.stockLevels(ctx.em, { sku, warehouseCode });
  }

  @Authorized(Permission.STOCK_READ)
  @Query(() => StockLevelConnection, {
    description: 'Stock per SKU and warehouse, a page at a time: by SKU, then warehouse priority and code.',
  })
  stock(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: '1 to 200, default 50.' }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('filter', () => StockFilter, { nullable: true }) filter?: StockFilter,
    @Arg('last', () => Int, {
      nullable: true,
      description: '1 to 200: the last items (before `before`). Not with first.',
    })
    last?: number,
    @Arg('before', () => String, { nullable: true, description: 'A cursor (startCursor): items before it.' })
    before?: string,
  ) {
    return this.inventory.stockConnection(ctx.em, { first, after, last, before, filter });
  }

  @Authorized(Permission.STOCK_ADJUST)
  @Mutation(() => StockLevelPayload, { description: 'Changes on-hand stock; it can never go below what is reserved.' })
  adjustStock(@Ctx() ctx: RequestContext, @Arg('input', () => AdjustStockInput) input: AdjustStockInput) {
    return this.inventory.adjust(ctx, input);
  }

  // Same permission as adjustStock: a partner key can never hold it (stock is every channel's).
  @Authorized(Permission.STOCK_ADJUST)
  @Mutation(() => SetStockLevelsPayload, {
    description:
      'Records the units on hand of up to 500 SKU-warehouse pairs in one call, by adjustStock\'s rules (never below reserved; a movement with the reason and a stock.adjusted event per change). Each item is applied on its own: valid items are written, refused ones change nothing and report in their result (see docs/api.md, "Bulk sync").',
  })
  setStockLevels(@Ctx() ctx: RequestContext, @Arg('input', () => [SetStockLevelInput]) input: SetStockLevelInput[]) {
    return this.inventory.setLevels(ctx, input);
  }

  @FieldResolver(() => String)
  sku(@Root() level: StockLevel) {
    return level.product.load().then((p) => p!.sku);
  }

  @Authorized(Permission.PRODUCT_READ)
  @FieldResolver(() => Product)
  product(@Root() level: StockLevel) {
    return level.product.load();
  }

  @FieldResolver(() => Warehouse)
  warehouse(@Root() level: StockLevel) {
    return level.warehouse.load();
  }
}

@ObjectType()
export class StockMovementConnection extends Connection(StockMovement, 'StockMovement') {}

@Resolver(() => StockMovement)
export class StockMovementResolver {
  constructor(private readonly inventory: InventoryService) {}

  @Authorized(Permission.STOCK_READ)
  @Query(() => StockMovementConnection, {
    description: 'The on-hand ledger, newest first: every adjustment (with its reason), shipment and restocked return.',
  })
  stockMovements(
    @Ctx() ctx: RequestContext,
    @Arg('sku', () => String, { nullable: true }) sku?: string,
    @Arg('warehouseCode', () => String, { nullable: true }) warehouseCode?: string,
    @Arg('first', () => Int, { nullable: true, description: '1 to 200, default 50.' }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('last', () => Int, {
      nullable: true,
      description: '1 to 200: the last items (before `before`). Not with first.',
    })
    last?: number,
    @Arg('before', () => String, { nullable: true, description: 'A cursor (startCursor): items before it.' })
    before?: string,
  ) {
    return this.inventory.movements(ctx.em, { sku, warehouseCode, first, after, last, before });
  }

  @FieldResolver(() => String)
  sku(@Root() movement: StockMovement) {
    return movement.product.load().then((p) => p!.sku);
  }

  @FieldResolver(() => Warehouse)
  warehouse(@Root() movement: StockMovement) {
    return movement.warehouse.load();
  }
}
