import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { Permission } from '../auth';
import { can, demand } from '../../common/access';
import type { RequestContext } from '../../common/context';
import { UnauthenticatedError } from '../../common/errors';
import type { OrderUpdatedMessage } from '../../common/pubsub';
import { Channel } from '../channel';
import { Customer } from '../customer';
import { Payment, Refund } from '../payment';
import { Return } from '../shipment';
import { Shipment } from '../shipment';
import { latestOrderUpdateId, OrderFeed } from './order-feed';
import { loadOrderUpdate } from './order-update.loader';
import { entityOf, itemsOf } from '../../common/load-once';
import { OrderHistoryEntry } from './order-history.entity';
import { OrderLine } from './order-line.entity';
import { nextStatuses, OrderAction } from './order-state-machine';
import { OrderStatus } from './order-state';
import { Address, Order } from './order.entity';
import { EditOrderInput, OrderFilter, OrderSort, PlaceOrderInput } from './order.inputs';
import { OrderService } from './order.service';
import { OrderConnection, OrderPayload, OrderTagCount, OrderUpdate } from './order.types';
import { orderTagsInUse } from './order-tags';

export type GqlContext = RequestContext & { orderFeed: OrderFeed };

@ArgsType()
class OrderUpdatedArgs {
  @Field(() => ID, { nullable: true, description: 'Follow one order.' })
  id?: string;

  @Field(() => String, { nullable: true, description: 'Follow every order of a channel.' })
  channelCode?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'Resume after this event (the eventId of the last update received, or latestOrderUpdateId; the nil UUID is the start of the stream): every later update is sent first, then live ones, none missed, none twice.',
  })
  after?: string;
}

@Resolver(() => Order)
export class OrderResolver {
  constructor(private readonly service: OrderService) {}

  @Authorized(Permission.ORDER_READ)
  @Query(() => Order, { nullable: true, description: 'One order, by id or by number.' })
  order(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('number', () => String, { nullable: true }) number?: string,
  ) {
    return this.service.findOne(ctx, { id, number });
  }

  @Authorized(Permission.ORDER_READ)
  @Query(() => OrderConnection, { description: 'Orders, newest first unless sorted otherwise, with stable cursors.' })
  orders(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: '1 to 200, default 50.' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'A cursor from the same sort.' }) after?: string,
    @Arg('filter', () => OrderFilter, { nullable: true }) filter?: OrderFilter,
    @Arg('sort', () => OrderSort, { nullable: true, defaultValue: OrderSort.PLACED_AT_DESC }) sort?: OrderSort,
    @Arg('last', () => Int, {
      nullable: true,
      description: '1 to 200: the last items (before `before`). Not with first.',
    })
    last?: number,
    @Arg('before', () => String, {
      nullable: true,
      description: 'A cursor (startCursor) from the same sort: items before it.',
    })
    before?: string,
  ) {
    return this.service.list(ctx, { first, after, last, before, filter, sort });
  }

  @Authorized(Permission.ORDER_READ)
  @Query(() => [OrderTagCount], {
    description: "The tags on orders in the caller's channels, most used first (for a tag filter).",
  })
  orderTags(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: '1 to 500, default 100.' }) first?: number,
  ) {
    return orderTagsInUse(ctx, first);
  }

  @Authorized(Permission.ORDER_READ)
  @Query(() => ID, {
    description:
      'The eventId of the newest order update the caller can see (as OrderUpdate.eventId; a partner key: of its channels), or the nil UUID 00000000-0000-0000-0000-000000000000 (the start of the stream) when there is none. Read it in a request of its own before the data you show, then subscribe with orderUpdated(after:) it: every later update arrives, also those committed before the subscription started.',
  })
  latestOrderUpdateId(@Ctx() ctx: RequestContext): Promise<string> {
    return latestOrderUpdateId(ctx);
  }

  @Authorized(Permission.ORDER_PLACE)
  @Mutation(() => OrderPayload, {
    description: 'Places an order and reserves its stock. Idempotent on (channelCode, externalId).',
  })
  placeOrder(@Ctx() ctx: RequestContext, @Arg('input', () => PlaceOrderInput) input: PlaceOrderInput) {
    return this.service.placeOrder(ctx, input);
  }

  @Authorized(Permission.ORDER_EDIT)
  @Mutation(() => OrderPayload, {
    description:
      'Changes the lines, shipping charge or shipping address of an order while nothing has shipped (PENDING, CONFIRMED, or ON_HOLD before a shipment). Stock is reserved again by the placement rules in the same transaction (INSUFFICIENT_STOCK changes nothing); totals and payment status follow; the history gets ORDER_EDITED and the stream order.edited.',
  })
  editOrder(@Ctx() ctx: RequestContext, @Arg('input', () => EditOrderInput) input: EditOrderInput) {
    return this.service.editOrder(ctx, input);
  }

  @Authorized(Permission.ORDER_UPDATE)
  @Mutation(() => OrderPayload)
  confirmOrder(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.service.confirmOrder(ctx, id);
  }

  @Authorized(Permission.ORDER_HOLD)
  @Mutation(() => OrderPayload)
  holdOrder(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string) {
    return this.service.holdOrder(ctx, id, reason);
  }

  @Authorized(Permission.ORDER_HOLD)
  @Mutation(() => OrderPayload, { description: 'Returns the order to the status it had before the hold.' })
  releaseOrderHold(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.service.releaseOrderHold(ctx, id);
  }

  @Authorized(Permission.ORDER_CANCEL)
  @Mutation(() => OrderPayload, {
    description: 'Cancels an order that has not shipped and releases its reserved stock.',
  })
  cancelOrder(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason?: string,
  ) {
    return this.service.cancelOrder(ctx, id, reason);
  }

  @Authorized(Permission.ORDER_NOTE)
  @Mutation(() => OrderPayload, { description: 'Adds an internal note to the order history.' })
  addOrderNote(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('note', () => String) note: string) {
    return this.service.addOrderNote(ctx, id, note);
  }

  @Authorized(Permission.ORDER_NOTE)
  @Mutation(() => OrderPayload, {
    description: 'Adds a tag (lower case letters, digits, - and _); adding one the order has changes nothing.',
  })
  addOrderTag(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('tag', () => String) tag: string) {
    return this.service.addOrderTag(ctx, id, tag);
  }

  @Authorized(Permission.ORDER_NOTE)
  @Mutation(() => OrderPayload, { description: 'Removes a tag of the order.' })
  removeOrderTag(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('tag', () => String) tag: string) {
    return this.service.removeOrderTag(ctx, id, tag);
  }

  @Authorized(Permission.ORDER_READ)
  @Subscription(() => OrderUpdate, {
    description:
      'Changes to one order (id) or to every order of a channel (channelCode), or all orders when neither is given; `after` catches up from the stream first.',
    subscribe: async ({ args, context }) => {
      const ctx = context as GqlContext;
      // @Authorized runs per event; the subscription itself is checked here, when it starts.
      if (!ctx.actor) throw new UnauthenticatedError();
      demand(ctx, Permission.ORDER_READ);
      return ctx.orderFeed.subscribe(ctx, args);
    },
  })
  orderUpdated(
    @Root() message: OrderUpdatedMessage,
    @Ctx() ctx: RequestContext,
    @Args(() => OrderUpdatedArgs) _args: OrderUpdatedArgs,
  ): Promise<OrderUpdate> {
    // Loaded once per batch of updates for every subscriber of this process (fresh, after commit);
    // the fields below redact it per subscriber.
    return loadOrderUpdate(ctx.em, message);
  }

  @FieldResolver(() => Channel)
  channel(@Root() order: Order) {
    return entityOf(order.channel);
  }

  // Personal data and money movements: redacted (null) for callers without the permission, so
  // that one query serves every role (a wall screen signed in as VIEWER sees orders, not people).
  @FieldResolver(() => Customer, { nullable: true, description: 'Null without CUSTOMER_READ.' })
  customer(@Root() order: Order, @Ctx() ctx: RequestContext) {
    return can(ctx, Permission.CUSTOMER_READ) ? entityOf(order.customer) : null;
  }

  @FieldResolver(() => Address, { nullable: true, description: 'Null without CUSTOMER_READ.' })
  shippingAddress(@Root() order: Order, @Ctx() ctx: RequestContext) {
    return can(ctx, Permission.CUSTOMER_READ) ? order.shippingAddress : null;
  }

  @FieldResolver(() => [OrderLine])
  lines(@Root() order: Order) {
    return itemsOf(order.lines);
  }

  @FieldResolver(() => [Payment], { nullable: true, description: 'Null without PAYMENT_READ.' })
  payments(@Root() order: Order, @Ctx() ctx: RequestContext) {
    return can(ctx, Permission.PAYMENT_READ) ? itemsOf(order.payments) : null;
  }

  @FieldResolver(() => [Refund], { nullable: true, description: 'Null without PAYMENT_READ.' })
  refunds(@Root() order: Order, @Ctx() ctx: RequestContext) {
    return can(ctx, Permission.PAYMENT_READ) ? itemsOf(order.refunds) : null;
  }

  @FieldResolver(() => [Shipment])
  shipments(@Root() order: Order) {
    return itemsOf(order.shipments);
  }

  @FieldResolver(() => [Return])
  returns(@Root() order: Order) {
    return itemsOf(order.returns);
  }

  @FieldResolver(() => [OrderHistoryEntry], { description: 'Every transition and notable action, oldest first.' })
  history(@Root() order: Order) {
    return itemsOf(order.history);
  }

  @FieldResolver(() => [OrderStatus], {
    description:
      'Statuses the order may move to next by some action, whoever takes it (a held order: back to the status before the hold, or CANCELLED if nothing has shipped).',
  })
  nextStatuses(@Root() order: Order): readonly OrderStatus[] {
    return nextStatuses(order);
  }

  @FieldResolver(() => [OrderAction], {
    description:
      'What the caller can do to the order now: allowed in its status, permitted to the caller, and with something to act on (an amount due, a shipment on its way, units to return).',
  })
  availableActions(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<OrderAction[]> {
    return this.service.availableActions(ctx, order);
  }
}
