/**
 * Fulfilment: shipments (which take stock off hand), delivery, and returns (which may put it
 * back). Each is allowed by the rules of order/order-state-machine.ts; order status follows
 * through the change log: PARTIALLY_SHIPPED, SHIPPED, DELIVERED, RETURNED.
 */
import { ref } from '@mikro-orm/core';
import { isUUID } from 'class-validator';
import { channelScope } from '../../common/access';
import type { RequestContext } from '../../common/context';
import { DomainError, ErrorCode, fail, UserError } from '../../common/errors';
import { validateInput } from '../../common/validation';
import { InventoryService } from '../inventory';
import { Warehouse } from '../inventory';
import type { OrderLine } from '../order/order-line.entity';
import { OrderEventType, OrderStatus } from '../order';
import { checkAllowed, OrderAction } from '../order';
import { OrderResult, OrderTransactions } from '../order';
import type { Order } from '../order/order.entity';
import { Return, ReturnLine } from './return.entity';
import { Shipment, ShipmentLine, ShipmentStatus } from './shipment.entity';
import { CreateReturnInput, CreateShipmentInput, SkuQuantityInput } from './shipment.inputs';

export class FulfilmentService {
  constructor(
    private readonly tx: OrderTransactions,
    private readonly inventory: InventoryService,
  ) {}

  async createShipment(ctx: RequestContext, input: CreateShipmentInput): Promise<OrderResult> {
    const invalid = await validateInput(input);
    if (invalid.length) return { userErrors: invalid };
    return this.tx.run(ctx, async (em, changes) => {
      const order = await this.tx.lock(em, input.orderId, ['input', 'orderId'], channelScope(ctx));
      checkAllowed(OrderAction.CREATE_SHIPMENT, order, ['input', 'orderId']);
      const warehouse = await em.findOne(Warehouse, { code: input.warehouseCode });
      if (!warehouse)
        fail(ErrorCode.INVALID_INPUT, `Unknown warehouse ${input.warehouseCode}`, ['input', 'warehouseCode']);
      await em.populate(order, ['lines.allocations']);
      const picked = this.matchLines(order, input.lines, (line) => line.quantityUnshipped, 'unshipped');

      const book = await this.inventory.lockStock(
        em,
        picked.map((p) => p.line.product.id),
      );
      const shipment = new Shipment({
        order: ref(order),
        warehouse: ref(warehouse!),
        carrier: input.carrier,
        trackingNumber: input.trackingNumber,
      });
      em.persist(shipment);
      for (const { line, qty, index } of picked) {
        this.inventory.ship(
          em,
          line,
          warehouse!,
          qty,
          book,
          ['input', 'lines', String(index), 'quantity'],
          changes.actor,
          order.id,
        );
        line.quantityShipped += qty;
        em.persist(new ShipmentLine(ref(shipment), ref(line), line.sku, qty));
      }
      const units = picked.reduce((s, p) => s + p.qty, 0);
      changes.record(
        order,
        OrderEventType.SHIPMENT_CREATED,
        `Shipped ${units} unit(s) from ${warehouse!.code}${input.carrier ? ` with ${input.carrier}` : ''}${input.trackingNumber ? ` (${input.trackingNumber})` : ''}`,
      );
      const allShipped = order.lines.getItems().every((l) => l.quantityShipped === l.quantity);
      const next = allShipped ? OrderStatus.SHIPPED : OrderStatus.PARTIALLY_SHIPPED;
      if (order.status !== next) changes.transition(order, next);
      return order;
    });
  }

  async markShipmentDelivered(ctx: RequestContext, shipmentId: string): Promise<OrderResult> {
    return this.tx.run(ctx, async (em, changes) => {
      const found = isUUID(shipmentId)
        ? await em.findOne(Shipment, { id: shipmentId }, { fields: ['id', 'order'] })
        : null;
      const notFound = `No shipment with id ${JSON.stringify(shipmentId).slice(0, 80)}`;
      if (!found) return fail(ErrorCode.NOT_FOUND, notFound, ['shipmentId']);
      const order = await this.tx.lock(em, found.order.id, ['shipmentId'], channelScope(ctx), notFound);
      checkAllowed(OrderAction.MARK_DELIVERED, order, ['shipmentId']);
      const shipment = await em.findOneOrFail(Shipment, { id: shipmentId }, { refresh: true });
      if (shipment.status === ShipmentStatus.DELIVERED) {
        fail(ErrorCode.INVALID_TRANSITION, `Shipment ${shipment.trackingNumber ?? shipment.id} is already delivered`, [
          'shipmentId',
        ]);
      }
      shipment.status = ShipmentStatus.DELIVERED;
      shipment.deliveredAt = new Date();
      changes.record(
        order,
        OrderEventType.SHIPMENT_DELIVERED,
        `Shipment ${shipment.trackingNumber ?? shipment.id} delivered`,
      );
      if (order.status === OrderStatus.SHIPPED) {
        const open = await em.count(Shipment, { order: order.id, status: ShipmentStatus.SHIPPED });
        if (open === 0) changes.transition(order, OrderStatus.DELIVERED);
      }
      return order;
    });
  }

  async createReturn(ctx: RequestContext, input: CreateReturnInput): Promise<OrderResult> {
    const invalid = await validateInput(input);
    if (invalid.length) return { userErrors: invalid };
    return this.tx.run(ctx, async (em, changes) => {
      const order = await this.tx.lock(em, input.orderId, ['input', 'orderId'], channelScope(ctx));
      checkAllowed(OrderAction.CREATE_RETURN, order, ['input', 'orderId']);
      await em.populate(order, ['lines.allocations']);
      const picked = this.matchLines(
        order,
        input.lines,
        (line) => line.quantityShipped - line.quantityReturned,
        'shipped and not yet returned',
      );
      const book = input.restock
        ? await this.inventory.lockStock(
            em,
            picked.map((p) => p.line.product.id),
          )
        : undefined;
      const warehouses = await this.inventory.warehousesBySourcingOrder(em);
      const ret = new Return({ order: ref(order), reason: input.reason, restock: input.restock });
      em.persist(ret);
      for (const { line, qty } of picked) {
        this.inventory.receiveReturn(
          em,
          line,
          qty,
          input.restock,
          book!,
          changes.actor,
          order.id,
          warehouses,
          input.reason,
        );
        line.quantityReturned += qty;
        em.persist(new ReturnLine(ref(ret), ref(line), line.sku, qty));
      }
      const units = picked.reduce((s, p) => s + p.qty, 0);
      changes.record(
        order,
        OrderEventType.RETURN_CREATED,
        `${units} unit(s) returned${input.restock ? ' and restocked' : ''}${input.reason ? `: ${input.reason}` : ''}`,
      );
      const lines = order.lines.getItems();
      const everythingBack = lines.every(
        (l) => l.quantityShipped === l.quantity && l.quantityReturned === l.quantityShipped,
      );
      if (everythingBack && changes.canTransition(order, OrderStatus.RETURNED))
        changes.transition(order, OrderStatus.RETURNED);
      return order;
    });
  }

  /** Maps SKU/quantity input to the order's lines, refusing unknown SKUs, repeats and quantities over `limit`. */
  private matchLines(order: Order, lines: SkuQuantityInput[], limit: (l: OrderLine) => number, what: string) {
    const errors: UserError[] = [];
    const bySku = new Map(order.lines.getItems().map((l) => [l.sku, l]));
    const seen = new Set<string>();
    const picked: { line: OrderLine; qty: number; index: number }[] = [];
    lines.forEach((l, i) => {
      const line = bySku.get(l.sku);
      if (!line)
        errors.push(
          new UserError(ErrorCode.INVALID_INPUT, `${l.sku} is not on order ${order.number}`, [
            'input',
            'lines',
            String(i),
            'sku',
          ]),
        );
      else if (seen.has(l.sku))
        errors.push(
          new UserError(ErrorCode.INVALID_INPUT, `${l.sku} is listed twice`, ['input', 'lines', String(i), 'sku']),
        );
      else if (l.quantity > limit(line)) {
        errors.push(
          new UserError(
            ErrorCode.INVALID_INPUT,
            `${l.quantity} of ${l.sku} requested but only ${limit(line)} ${what}`,
            ['input', 'lines', String(i), 'quantity'],
          ),
        );
      } else picked.push({ line, qty: l.quantity, index: i });
      seen.add(l.sku);
    });
    if (errors.length) throw new DomainError(errors);
    return picked;
  }
}
