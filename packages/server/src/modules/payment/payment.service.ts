/** Payments and refunds of an order. Payment status is re-derived by the order on every booking. */
import { ref } from '@mikro-orm/core';
import { channelScope } from '../../common/access';
import type { RequestContext } from '../../common/context';
import { ErrorCode, fail } from '../../common/errors';
import { formatMoney as fmt } from '../../common/money';
import { validateInput } from '../../common/validation';
import { OrderEventType } from '../order';
import { checkAllowed, OrderAction } from '../order';
import { OrderResult, OrderTransactions } from '../order';
import { Payment, Refund } from './payment.entity';
import { RecordPaymentInput, RefundPaymentInput } from './payment.inputs';

export class PaymentService {
  constructor(private readonly tx: OrderTransactions) {}

  async recordPayment(ctx: RequestContext, input: RecordPaymentInput): Promise<OrderResult> {
    const invalid = await validateInput(input);
    if (invalid.length) return { userErrors: invalid };
    return this.tx.run(ctx, async (em, changes) => {
      const order = await this.tx.lock(em, input.orderId, ['input', 'orderId'], channelScope(ctx));
      checkAllowed(OrderAction.RECORD_PAYMENT, order, ['input', 'orderId']);
      if (input.currency && input.currency !== order.currency) {
        fail(ErrorCode.INVALID_INPUT, `Order ${order.number} is in ${order.currency}, not ${input.currency}`, [
          'input',
          'currency',
        ]);
      }
      if (input.amount > order.balanceDue) {
        fail(
          ErrorCode.INVALID_INPUT,
          `Amount ${input.amount} is more than the ${order.balanceDue} due on order ${order.number}`,
          ['input', 'amount'],
        );
      }
      if (input.reference && (await em.count(Payment, { order: order.id, reference: input.reference }))) {
        fail(
          ErrorCode.CONFLICT,
          `A payment with reference ${input.reference} is already recorded on order ${order.number}`,
          ['input', 'reference'],
        );
      }
      em.persist(
        new Payment({
          order: ref(order),
          amountMinor: input.amount,
          currency: order.currency,
          method: input.method,
          reference: input.reference,
          recordedBy: changes.actor,
        }),
      );
      order.applyPayment(input.amount, 0);
      changes.record(
        order,
        OrderEventType.PAYMENT_RECORDED,
        `Payment of ${fmt(input.amount, order.currency)} by ${input.method}${input.reference ? ` (${input.reference})` : ''}`,
      );
      return order;
    });
  }

  async refundPayment(ctx: RequestContext, input: RefundPaymentInput): Promise<OrderResult> {
    const invalid = await validateInput(input);
    if (invalid.length) return { userErrors: invalid };
    return this.tx.run(ctx, async (em, changes) => {
      const order = await this.tx.lock(em, input.orderId, ['input', 'orderId'], channelScope(ctx));
      checkAllowed(OrderAction.REFUND, order, ['input', 'orderId']);
      const refundable = order.paidAmount - order.refundedAmount;
      if (input.amount > refundable) {
        fail(
          ErrorCode.INVALID_INPUT,
          `Amount ${input.amount} is more than the ${refundable} paid and not yet refunded on order ${order.number}`,
          ['input', 'amount'],
        );
      }
      em.persist(
        new Refund({
          order: ref(order),
          amountMinor: input.amount,
          currency: order.currency,
          reason: input.reason,
          recordedBy: changes.actor,
        }),
      );
      order.applyPayment(0, input.amount);
      changes.record(
        order,
        OrderEventType.PAYMENT_REFUNDED,
        `Refund of ${fmt(input.amount, order.currency)}${input.reason ? `: ${input.reason}` : ''}`,
      );
      return order;
    });
  }
}
