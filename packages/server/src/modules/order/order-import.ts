/**
 * The order import: creates an order from another system at the status it has there (the data
 * import, modules/data/import.service.ts, for migrating order history). Its customer goes
 * through the customer module's one upsert (CustomerService.upsert, customer.sql.ts).
 */
import { ref } from '@mikro-orm/core';
import { inChannelScope } from '../../common/access';
import type { RequestContext } from '../../common/context';
import { DomainError, ErrorCode, fail, UserError } from '../../common/errors';
import { INT4_MAX } from '../../common/limits';
import { run } from '../../common/sql';
import { Channel } from '../channel';
import { Customer } from '../customer';
import type { CustomerService } from '../customer/customer.service';
import { StockAllocation } from '../inventory';
import { Warehouse } from '../inventory';
import { Product } from '../catalog';
import { Payment, Refund } from '../payment';
import { Shipment, ShipmentLine, ShipmentStatus } from '../shipment';
import {
  channelByCode,
  lockImportKey,
  moveOrderNumbersPast,
  nextOrderNumber,
  orderByExternalId,
  orderByNumber,
} from './order-import.sql';
import { OrderLine } from './order-line.entity';
import { lineTaxFromInput } from './order-tax';
import { HOLDABLE, OrderStatus } from './order-state';
import { actorLabel, OrderResult, OrderTransactions } from './order-transaction';
import { Address, Order } from './order.entity';
import type { ImportedOrder } from './order.inputs';

export class OrderImport {
  constructor(
    private readonly tx: OrderTransactions,
    private readonly customers: CustomerService,
  ) {}

  /**
   * Creates an order from another system at the status it has there, with its lines, payments,
   * refunds and shipments (the data import; for migrating order history). This is creation, not
   * a transition: the order gets one history entry IMPORTED, and no stream events (partners are
   * not told of old orders as if they were new). Stock is not touched: shipped units get
   * allocations that are fully shipped (nothing reserved), unshipped units of an open order stay
   * unallocated like a backorder, and nothing is taken off hand.
   *
   * Idempotent on (channel, externalId), or on the number when there is no external id: an
   * order that exists already is returned as `skipped` and left unchanged. Field paths of
   * userErrors name the import's columns (`["lines", "<i>", "sku"]`, `["shipments"]`, ...).
   */
  async importOrder(
    ctx: RequestContext,
    input: ImportedOrder,
  ): Promise<OrderResult & { outcome?: 'created' | 'skipped' }> {
    let outcome: 'created' | 'skipped' = 'created';
    const result = await this.tx.run(ctx, async (em, changes) => {
      const errors: UserError[] = [];
      const err = (message: string, field: (string | number)[]) =>
        errors.push(new UserError(ErrorCode.INVALID_INPUT, message, field.map(String)));
      const [channel] = await run<{ id: string; code: string; currency: string }>(em, channelByCode(input.channelCode));
      if (!channel || !inChannelScope(ctx, channel.id))
        fail(ErrorCode.INVALID_INPUT, `Unknown channel ${input.channelCode}`, ['channel']);
      if (!input.externalId && !input.number)
        fail(ErrorCode.INVALID_INPUT, 'external_id or number is required (the key that makes a re-run safe)', [
          'external_id',
        ]);

      await run(
        em,
        lockImportKey(input.externalId ? `order:${channel.id}:${input.externalId}` : `order-number:${input.number}`),
      );
      const [existing] = await run<{ id: string }>(
        em,
        input.externalId ? orderByExternalId(channel.id, input.externalId) : orderByNumber(input.number!),
      );
      if (existing) {
        outcome = 'skipped';
        return em.findOneOrFail(Order, { id: existing.id });
      }
      if (input.number) {
        const [taken] = await run(em, orderByNumber(input.number));
        if (taken)
          fail(ErrorCode.CONFLICT, `Order number ${input.number} is already used by another order`, ['number']);
      }
      if (input.currency && input.currency !== channel.currency)
        err(`Channel ${channel.code} sells in ${channel.currency}, not ${input.currency}`, ['currency']);

      // Lines: known SKUs, each once, shipped and returned quantities within what was ordered.
      const products = await em.find(Product, { sku: { $in: input.lines.map((l) => l.sku) } });
      const productBySku = new Map(products.map((p) => [p.sku, p]));
      const lineBySku = new Map<string, number>();
      input.lines.forEach((l, i) => {
        if (!productBySku.has(l.sku)) err(`Unknown SKU ${l.sku}`, ['lines', i, 'sku']);
        if (lineBySku.has(l.sku))
          err(`${l.sku} is already on line ${lineBySku.get(l.sku)! + 1} of this order`, ['lines', i, 'sku']);
        lineBySku.set(l.sku, i);
        if (l.quantityShipped > l.quantity)
          err(`quantity_shipped ${l.quantityShipped} is more than quantity ${l.quantity}`, [
            'lines',
            i,
            'quantity_shipped',
          ]);
        if (l.quantityReturned > l.quantityShipped)
          err(`quantity_returned ${l.quantityReturned} is more than quantity_shipped ${l.quantityShipped}`, [
            'lines',
            i,
            'quantity_returned',
          ]);
      });

      // Shipments: known warehouses, lines of this order, adding up to each line's shipped quantity.
      const warehouses = await em.find(Warehouse, { code: { $in: input.shipments.map((s) => s.warehouse) } });
      const warehouseByCode = new Map(warehouses.map((w) => [w.code, w]));
      const shippedBySku = new Map<string, number>();
      input.shipments.forEach((s, i) => {
        if (!warehouseByCode.has(s.warehouse)) err(`shipments[${i}]: unknown warehouse ${s.warehouse}`, ['shipments']);
        if (s.status === 'DELIVERED' && !s.deliveredAt)
          err(`shipments[${i}]: a DELIVERED shipment needs deliveredAt`, ['shipments']);
        for (const sl of s.lines) {
          if (!lineBySku.has(sl.sku)) err(`shipments[${i}]: ${sl.sku} is not a line of this order`, ['shipments']);
          shippedBySku.set(sl.sku, (shippedBySku.get(sl.sku) ?? 0) + sl.quantity);
        }
      });
      input.lines.forEach((l, i) => {
        const inShipments = shippedBySku.get(l.sku) ?? 0;
        if (inShipments !== l.quantityShipped)
          err(`quantity_shipped is ${l.quantityShipped} but the shipments hold ${inShipments} of ${l.sku}`, [
            'lines',
            i,
            'quantity_shipped',
          ]);
      });

      // The status must be one the order could have reached with these quantities.
      const ordered = input.lines.reduce((s, l) => s + l.quantity, 0);
      const shipped = input.lines.reduce((s, l) => s + l.quantityShipped, 0);
      const returned = input.lines.reduce((s, l) => s + l.quantityReturned, 0);
      const effective = input.status === OrderStatus.ON_HOLD ? input.statusBeforeHold : input.status;
      if (input.status === OrderStatus.ON_HOLD && (!effective || !HOLDABLE.includes(effective))) {
        err(`An ON_HOLD order needs status_before_hold, one of ${HOLDABLE.join(', ')}`, ['status_before_hold']);
      } else if (input.status !== OrderStatus.ON_HOLD && input.statusBeforeHold) {
        err('status_before_hold is only for ON_HOLD orders', ['status_before_hold']);
      }
      const expectShipped: Partial<Record<OrderStatus, [boolean, string]>> = {
        [OrderStatus.PENDING]: [shipped === 0, 'nothing shipped'],
        [OrderStatus.CONFIRMED]: [shipped === 0, 'nothing shipped'],
        [OrderStatus.CANCELLED]: [shipped === 0, 'nothing shipped'],
        [OrderStatus.PARTIALLY_SHIPPED]: [shipped > 0 && shipped < ordered, 'some but not all units shipped'],
        [OrderStatus.SHIPPED]: [shipped === ordered, 'every unit shipped'],
        [OrderStatus.DELIVERED]: [
          shipped === ordered && input.shipments.every((s) => s.status === 'DELIVERED'),
          'every unit shipped and every shipment delivered',
        ],
        [OrderStatus.RETURNED]: [shipped === ordered && returned === shipped, 'every unit shipped and returned'],
      };
      const rule = effective ? expectShipped[effective] : undefined;
      if (rule && !rule[0])
        err(`A ${input.status} order has ${rule[1]} (${shipped} of ${ordered} shipped, ${returned} returned)`, [
          'status',
        ]);

      // Money: totals as stated, payments within the total, refunds within the payments. A line's
      // tax is as given, else from its rate (rounded half away from zero), else 0.
      const subtotal = input.lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
      const lineTaxes = input.lines.map((l) => lineTaxFromInput(l.unitPrice * l.quantity, l));
      const tax = lineTaxes.reduce((s, t) => s + t.taxAmount, 0);
      const total = subtotal + input.shippingAmount + tax;
      if (!Number.isSafeInteger(total) || total > INT4_MAX) err('Order total is too large', ['total']);
      if (input.taxTotal != null && input.taxTotal !== tax)
        err(`tax_total is ${input.taxTotal} but the lines' tax adds up to ${tax}`, ['tax_total']);
      if (input.total != null && input.total !== total)
        err(`total is ${input.total} but lines, shipping and tax add up to ${total}`, ['total']);
      const paid = input.payments.reduce((s, p) => s + p.amount, 0);
      const refunded = input.refunds.reduce((s, r) => s + r.amount, 0);
      if (paid > total) err(`payments add up to ${paid}, more than the total ${total}`, ['payments']);
      if (refunded > paid) err(`refunds add up to ${refunded}, more than was paid (${paid})`, ['refunds']);
      if (errors.length) throw new DomainError(errors);

      const customer = await this.customers.upsert({ em }, input.customer);
      if (customer.userErrors.length)
        throw new DomainError(
          customer.userErrors.map((e) => new UserError(e.code, e.message, [`customer_${e.field?.[0] ?? 'email'}`])),
        );
      const [{ number }] = input.number
        ? [{ number: input.number }]
        : await run<{ number: string }>(em, nextOrderNumber());
      // A kept numeric number moves the sequence past it, so placed orders never collide with it.
      if (input.number && /^\d{1,15}$/.test(input.number)) await run(em, moveOrderNumbersPast(input.number));

      const order = new Order({
        number,
        channel: em.getReference(Channel, channel.id, { wrapped: true }),
        customer: em.getReference(Customer, customer.id!, { wrapped: true }),
        currency: channel.currency,
        shippingAddress: Object.assign(new Address(), {
          ...input.shippingAddress,
          country: input.shippingAddress.country.toUpperCase(),
        }),
        externalId: input.externalId,
        note: input.note,
        shippingAmount: input.shippingAmount,
      });
      order.placedAt = input.placedAt;
      order.setTotals(subtotal, tax);
      order.holdReason = input.status === OrderStatus.ON_HOLD ? input.holdReason : undefined;
      order.statusBeforeHold = input.status === OrderStatus.ON_HOLD ? input.statusBeforeHold : undefined;
      order.cancelReason = input.status === OrderStatus.CANCELLED ? input.cancelReason : undefined;
      em.persist(order);

      const lines = input.lines.map((l, i) => {
        const product = productBySku.get(l.sku)!;
        const line = new OrderLine({
          order: ref(order),
          lineNo: i + 1,
          product: ref(product),
          sku: l.sku,
          name: l.name || product.name,
          quantity: l.quantity,
          unitPriceAmount: l.unitPrice,
          currency: channel.currency,
          ...lineTaxes[i],
        });
        line.quantityShipped = l.quantityShipped;
        line.quantityReturned = l.quantityReturned;
        em.persist(line);
        return line;
      });
      const lineOf = new Map(lines.map((l) => [l.sku, l]));

      // Fully shipped allocations per line and warehouse (nothing reserved); returns credited in shipment order.
      const allocations = new Map<string, StockAllocation>();
      for (const s of input.shipments) {
        const warehouse = warehouseByCode.get(s.warehouse)!;
        const shipment = new Shipment({
          order: ref(order),
          warehouse: ref(warehouse),
          carrier: s.carrier,
          trackingNumber: s.trackingNumber,
          shippedAt: s.shippedAt,
        });
        shipment.status = s.status === 'DELIVERED' ? ShipmentStatus.DELIVERED : ShipmentStatus.SHIPPED;
        shipment.deliveredAt = s.deliveredAt;
        em.persist(shipment);
        for (const sl of s.lines) {
          const line = lineOf.get(sl.sku)!;
          em.persist(new ShipmentLine(ref(shipment), ref(line), sl.sku, sl.quantity));
          const key = `${line.id}:${warehouse.id}`;
          let a = allocations.get(key);
          if (!a) {
            a = new StockAllocation(ref(line), ref(warehouse), 0);
            allocations.set(key, a);
            em.persist(a);
          }
          a.quantity += sl.quantity;
          a.quantityShipped += sl.quantity;
        }
      }
      for (const line of lines) {
        let toCredit = line.quantityReturned;
        for (const a of allocations.values()) {
          if (toCredit === 0) break;
          if (a.orderLine.id !== line.id) continue;
          const take = Math.min(toCredit, a.quantityShipped);
          a.quantityReturned += take;
          toCredit -= take;
        }
      }

      for (const p of input.payments) {
        em.persist(
          new Payment({
            order: ref(order),
            amountMinor: p.amount,
            currency: channel.currency,
            method: p.method,
            reference: p.reference,
            recordedBy: p.recordedBy || actorLabel(ctx),
            createdAt: p.at,
          }),
        );
        order.applyPayment(p.amount, 0);
      }
      for (const r of input.refunds) {
        em.persist(
          new Refund({
            order: ref(order),
            amountMinor: r.amount,
            currency: channel.currency,
            reason: r.reason,
            recordedBy: r.recordedBy || actorLabel(ctx),
            createdAt: r.at,
          }),
        );
        order.applyPayment(0, r.amount);
      }
      changes.imported(
        order,
        input.status,
        `Imported with status ${input.status}${input.externalId ? ` (external id ${input.externalId})` : ''}`,
        input.placedAt,
      );
      await em.flush();
      return order;
    });
    return { ...result, outcome: result.order ? outcome : undefined };
  }
}
