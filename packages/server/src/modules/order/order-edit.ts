/**
 * Editing an order before anything has shipped (editOrder): a new shipping address, a new set of
 * lines, a new shipping charge. Whether the order may be edited is the state machine's EDIT rule.
 * In one transaction, with the order row locked first and then the stock rows of every SKU
 * involved (in primary-key order, as placement and cancellation lock them): the old reservations
 * are given back, the new lines are sourced by the same rule as at placement (so nothing is
 * oversold, and too little stock refuses the whole edit with INSUFFICIENT_STOCK), the totals and
 * the payment status are derived again, and one ORDER_EDITED history entry (event order.edited)
 * names each change before and after.
 */
import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { channelScope } from '../../common/access';
import type { RequestContext } from '../../common/context';
import { DomainError, ErrorCode, fail, UserError } from '../../common/errors';
import { INT4_MAX } from '../../common/limits';
import { formatMoney } from '../../common/money';
import { checkLength } from '../../common/strings';
import { validateInput } from '../../common/validation';
import { Product } from '../catalog';
import { InventoryService, StockAllocation, Warehouse } from '../inventory';
import { OrderLine } from './order-line.entity';
import { editedLineTax, lineTaxFromInput } from './order-tax';
import { checkAllowed, OrderAction } from './order-state-machine';
import { derivePaymentStatus, OrderEventType } from './order-state';
import type { OrderResult, OrderTransactions } from './order-transaction';
import { Address, Order } from './order.entity';
import type { AddressInput, EditOrderInput } from './order.inputs';

const field = (...path: (string | number)[]) => ['input', ...path.map(String)];

/** The address as one line, for the history message. */
function describeAddress(a: Partial<Address>): string {
  return [a.name, a.line1, a.line2, `${a.postalCode ?? ''} ${a.city ?? ''}`.trim(), a.country]
    .filter((p) => p && String(p).trim())
    .join(', ');
}

function sameAddress(a: Address, b: AddressInput): boolean {
  const norm = (v?: string | null) => (v ?? '').trim();
  return (
    norm(a.name) === norm(b.name) &&
    norm(a.line1) === norm(b.line1) &&
    norm(a.line2) === norm(b.line2) &&
    norm(a.city) === norm(b.city) &&
    norm(a.postalCode) === norm(b.postalCode) &&
    norm(a.country).toUpperCase() === norm(b.country).toUpperCase()
  );
}

/** Checks that need no database: the decorators' rules, a reason that is not blank, each SKU once, at least one change. */
export async function editOrderInputErrors(input: EditOrderInput): Promise<UserError[]> {
  const errors = await validateInput(input);
  if (errors.length) return errors;
  const blank = checkLength(input.reason, field('reason'), 1, 1000);
  if (blank) errors.push(blank);
  const seen = new Map<string, number>();
  input.lines?.forEach((l, i) => {
    if (seen.has(l.sku))
      errors.push(
        new UserError(
          ErrorCode.INVALID_INPUT,
          `lines.${i}.sku: ${l.sku} is already on line ${seen.get(l.sku)}`,
          field('lines', i, 'sku'),
        ),
      );
    seen.set(l.sku, i);
  });
  if (!input.lines && !input.shippingAddress && input.shippingAmount == null)
    errors.push(
      new UserError(ErrorCode.INVALID_INPUT, 'Nothing to change: give shippingAddress, lines or shippingAmount', [
        'input',
      ]),
    );
  return errors;
}

export async function editOrder(
  tx: OrderTransactions,
  inventory: InventoryService,
  ctx: RequestContext,
  input: EditOrderInput,
): Promise<OrderResult> {
  const invalid = await editOrderInputErrors(input);
  if (invalid.length) return { userErrors: invalid };
  return tx.run(ctx, async (em, changes) => {
    const order = await tx.lock(em, input.orderId, field('orderId'), channelScope(ctx));
    checkAllowed(OrderAction.EDIT, order, field('orderId'));
    await em.populate(order, ['lines.allocations', 'lines.product']);
    const lines = order.lines.getItems();
    // The state machine allows EDIT only where nothing can have shipped; this holds it to that.
    if (lines.some((l) => l.quantityShipped > 0))
      fail(ErrorCode.INVALID_TRANSITION, `Order ${order.number} has shipped units; it can no longer be edited`, [
        'input',
        'orderId',
      ]);

    const said: string[] = [];
    const totalBefore = order.totalAmount;
    const taxBefore = order.taxAmount;
    const money = (amount: number) => formatMoney(amount, order.currency);

    if (input.shippingAddress && !sameAddress(order.shippingAddress, input.shippingAddress)) {
      const next = Object.assign(new Address(), input.shippingAddress);
      next.country = next.country.toUpperCase();
      said.push(`shipping address ${describeAddress(order.shippingAddress)} → ${describeAddress(next)}`);
      order.shippingAddress = next;
    }

    if (input.shippingAmount != null && input.shippingAmount !== order.shippingAmount) {
      said.push(`shipping ${money(order.shippingAmount)} → ${money(input.shippingAmount)}`);
      order.shippingAmount = input.shippingAmount;
    }

    if (input.lines) said.push(...(await replaceLines(em, inventory, order, lines, input)));

    const subtotal = order.lines.getItems().reduce((s, l) => s + l.unitPriceAmount * l.quantity, 0);
    const tax = order.lines.getItems().reduce((s, l) => s + l.taxAmount, 0);
    if (
      !Number.isSafeInteger(subtotal) ||
      !Number.isSafeInteger(tax) ||
      subtotal + order.shippingAmount + tax > INT4_MAX
    )
      fail(ErrorCode.INVALID_INPUT, 'Order total is too large', field('lines'));
    order.setTotals(subtotal, tax);
    order.paymentStatus = derivePaymentStatus(order.totalAmount, order.paidAmount, order.refundedAmount);
    if (order.taxAmount !== taxBefore) said.push(`tax total ${money(taxBefore)} → ${money(order.taxAmount)}`);
    if (order.totalAmount !== totalBefore) said.push(`total ${money(totalBefore)} → ${money(order.totalAmount)}`);

    if (!said.length)
      fail(ErrorCode.INVALID_INPUT, `Order ${order.number} already is as given: nothing changed`, ['input']);
    changes.record(order, OrderEventType.ORDER_EDITED, `${said.join('; ')}. Reason: ${input.reason.trim()}`);
    return order;
  });
}

/**
 * Gives back every reservation of the order, then sources the new set of lines as placement does
 * and writes the difference: quantities and prices of kept lines, new lines, removed lines, and
 * allocations moved between warehouses. Returns what changed, in words.
 */
async function replaceLines(
  em: EntityManager,
  inventory: InventoryService,
  order: Order,
  current: OrderLine[],
  input: EditOrderInput,
): Promise<string[]> {
  const wanted = input.lines!;
  const bySku = new Map(current.map((l) => [l.sku, l]));
  const newSkus = wanted.map((l) => l.sku).filter((sku) => !bySku.has(sku));
  const products = new Map(
    (newSkus.length ? await em.find(Product, { sku: { $in: newSkus } }) : []).map((p) => [p.sku, p]),
  );
  const errors: UserError[] = [];
  wanted.forEach((l, i) => {
    if (bySku.has(l.sku)) return;
    const p = products.get(l.sku);
    if (!p) errors.push(new UserError(ErrorCode.INVALID_INPUT, `Unknown SKU ${l.sku}`, field('lines', i, 'sku')));
    else if (l.unitPrice == null && p.currency !== order.currency)
      errors.push(
        new UserError(
          ErrorCode.INVALID_INPUT,
          `${l.sku} is priced in ${p.currency} but the order is in ${order.currency}: give unitPrice`,
          field('lines', i, 'unitPrice'),
        ),
      );
  });
  if (errors.length) throw new DomainError(errors);

  // Stock rows of every product involved, old and new, locked in primary-key order.
  const productIds = [...new Set([...current.map((l) => l.product.id), ...[...products.values()].map((p) => p.id)])];
  const book = await inventory.lockStock(em, productIds);
  inventory.release(current, book);
  const warehouses = await inventory.warehousesBySourcingOrder(em);

  const said: string[] = [];
  const money = (amount: number) => formatMoney(amount, order.currency);
  const rate = (bp?: number | null) => (bp == null ? 'none' : `${bp / 100} %`);
  let nextLineNo = Math.max(0, ...current.map((l) => l.lineNo)) + 1;
  const keep = new Set<OrderLine>();
  const requests = wanted.map((l, index) => {
    const existing = bySku.get(l.sku);
    if (existing) {
      keep.add(existing);
      if (existing.quantity !== l.quantity) said.push(`${l.sku} quantity ${existing.quantity} → ${l.quantity}`);
      if (l.unitPrice != null && l.unitPrice !== existing.unitPriceAmount)
        said.push(`${l.sku} unit price ${money(existing.unitPriceAmount)} → ${money(l.unitPrice)}`);
      const unitPrice = l.unitPrice ?? existing.unitPriceAmount;
      const tax = editedLineTax(
        {
          taxAmount: existing.taxAmount,
          taxRate: existing.taxRate,
          quantity: existing.quantity,
          net: existing.unitPriceAmount * existing.quantity,
        },
        { net: unitPrice * l.quantity, quantity: l.quantity },
        l,
      );
      if ((tax.taxRate ?? null) !== (existing.taxRate ?? null))
        said.push(`${l.sku} tax rate ${rate(existing.taxRate)} → ${rate(tax.taxRate)}`);
      if (tax.taxAmount !== existing.taxAmount)
        said.push(`${l.sku} tax ${money(existing.taxAmount)} → ${money(tax.taxAmount)}`);
      existing.quantity = l.quantity;
      existing.unitPriceAmount = unitPrice;
      existing.taxAmount = tax.taxAmount;
      existing.taxRate = tax.taxRate;
      return { line: existing, product: existing.product.getEntity(), index };
    }
    const product = products.get(l.sku)!;
    const unitPriceAmount = l.unitPrice ?? product.priceAmount;
    const line = new OrderLine({
      order: ref(order),
      lineNo: nextLineNo++,
      product: ref(product),
      sku: product.sku,
      name: product.name,
      quantity: l.quantity,
      unitPriceAmount,
      currency: order.currency,
      ...lineTaxFromInput(unitPriceAmount * l.quantity, l),
    });
    order.lines.add(line);
    em.persist(line);
    said.push(
      `${l.sku} added (${l.quantity} × ${money(line.unitPriceAmount)}${line.taxAmount ? `, tax ${money(line.taxAmount)}` : ''})`,
    );
    return { line, product, index };
  });
  for (const line of current) {
    if (keep.has(line)) continue;
    said.push(`${line.sku} removed (was ${line.quantity})`);
    for (const a of line.allocations.getItems()) em.remove(a);
    order.lines.remove(line);
    em.remove(line);
  }

  // Sourced as at placement; the reservations are then written onto the allocation rows, reusing
  // a line's row for a warehouse it already had (one row per line and warehouse).
  const plan = inventory.planAllocation(requests, warehouses, book);
  const planned = new Map<StockAllocation, number>();
  for (const { request, warehouseId, quantity } of plan) {
    book.get(request.product.id, warehouseId)!.reserved += quantity;
    const line = request.line;
    let allocation = line.allocations.getItems().find((a) => a.warehouse.id === warehouseId);
    if (!allocation) {
      allocation = new StockAllocation(ref(line), em.getReference(Warehouse, warehouseId, { wrapped: true }), 0);
      line.allocations.add(allocation);
      em.persist(allocation);
    }
    allocation.quantity = quantity;
    planned.set(allocation, quantity);
  }
  for (const line of keep)
    for (const a of line.allocations.getItems())
      if (!planned.has(a)) {
        line.allocations.remove(a);
        em.remove(a);
      }
  return said;
}
