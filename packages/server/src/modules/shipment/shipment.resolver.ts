import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Permission } from '../auth';
import { entityOf, itemsOf } from '../../common/load-once';
import type { RequestContext } from '../../common/context';
import { Warehouse } from '../inventory';
import { OrderPayload } from '../order';
import { FulfilmentService } from './fulfilment.service';
import { Return, ReturnLine } from './return.entity';
import { Shipment, ShipmentLine } from './shipment.entity';
import { CreateReturnInput, CreateShipmentInput } from './shipment.inputs';

@Resolver(() => Shipment)
export class ShipmentResolver {
  constructor(private readonly fulfilment: FulfilmentService) {}

  @Authorized(Permission.SHIPMENT_CREATE)
  @Mutation(() => OrderPayload, {
    description: 'Ships units from one warehouse; only from CONFIRMED or PARTIALLY_SHIPPED, never more than ordered.',
  })
  createShipment(@Ctx() ctx: RequestContext, @Arg('input', () => CreateShipmentInput) input: CreateShipmentInput) {
    return this.fulfilment.createShipment(ctx, input);
  }

  @Authorized(Permission.SHIPMENT_UPDATE)
  @Mutation(() => OrderPayload, {
    description: 'The order becomes DELIVERED when it is SHIPPED and all its shipments are delivered.',
  })
  markShipmentDelivered(@Ctx() ctx: RequestContext, @Arg('shipmentId', () => ID) shipmentId: string) {
    return this.fulfilment.markShipmentDelivered(ctx, shipmentId);
  }

  @Authorized(Permission.RETURN_CREATE)
  @Mutation(() => OrderPayload, {
    description: 'Records returned units; with restock they go back on hand where they shipped from.',
  })
  createReturn(@Ctx() ctx: RequestContext, @Arg('input', () => CreateReturnInput) input: CreateReturnInput) {
    return this.fulfilment.createReturn(ctx, input);
  }

  @FieldResolver(() => Warehouse)
  warehouse(@Root() shipment: Shipment) {
    return entityOf(shipment.warehouse);
  }

  @FieldResolver(() => [ShipmentLine])
  lines(@Root() shipment: Shipment) {
    return itemsOf(shipment.lines);
  }
}

@Resolver(() => Return)
export class ReturnResolver {
  @FieldResolver(() => [ReturnLine])
  lines(@Root() ret: Return) {
    return itemsOf(ret.lines);
  }
}
