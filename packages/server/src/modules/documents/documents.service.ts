/**
 * Builds an order's packing slip or invoice for the caller. The order is found as `order(id:)`
 * finds it, so a partner key outside the order's channels gets NOT_FOUND, exactly as for a missing
 * order; personal data (the address, the customer) appears only with CUSTOMER_READ.
 */
import { can } from '../../common/access';
import type { RequestContext } from '../../common/context';
import { isUuid } from '../../common/limits';
import { channelScope } from '../../common/access';
import { Permission } from '../auth';
import { Order, OrderLine } from '../order';
import { DocumentKind, OrderDocumentData, renderOrderDocument } from './documents.pdf';

export const DOCUMENT_KINDS: readonly DocumentKind[] = ['packing-slip', 'invoice'];

/** The permissions each document needs, besides a signed-in caller. */
export const DOCUMENT_PERMISSIONS: Record<DocumentKind, Permission[]> = {
  'packing-slip': [Permission.ORDER_READ],
  invoice: [Permission.ORDER_READ, Permission.PAYMENT_READ],
};

export class DocumentService {
  /** The document's bytes, or null when the caller cannot see such an order. */
  async render(
    ctx: RequestContext,
    kind: DocumentKind,
    orderId: string,
  ): Promise<{ fileName: string; pdf: Buffer } | null> {
    if (!isUuid(orderId)) return null;
    const scope = channelScope(ctx);
    const order = await ctx.em.findOne(
      Order,
      { id: orderId, ...(scope ? { channel: { $in: [...scope] } } : {}) },
      { populate: ['channel', 'customer'] },
    );
    if (!order) return null;
    const lines = await ctx.em.find(OrderLine, { order: order.id }, { orderBy: { lineNo: 'asc' } });
    const personal = can(ctx, Permission.CUSTOMER_READ);
    const customer = order.customer.getEntity();
    const data: OrderDocumentData = {
      number: order.number,
      placedAt: order.placedAt,
      channelName: order.channel.getEntity().name,
      currency: order.currency,
      customer: personal ? { name: customer.name, email: customer.email } : null,
      shippingAddress: personal ? order.shippingAddress : null,
      lines: lines.map((l) => ({
        sku: l.sku,
        name: l.name,
        quantity: l.quantity,
        unitPriceAmount: l.unitPriceAmount,
        taxAmount: l.taxAmount,
        taxRate: l.taxRate ?? null,
      })),
      subtotalAmount: order.subtotalAmount,
      shippingAmount: order.shippingAmount,
      taxAmount: order.taxAmount,
      totalAmount: order.totalAmount,
      paidAmount: order.paidAmount,
      refundedAmount: order.refundedAmount,
      amountDue: order.balanceDue,
    };
    return {
      fileName: `${kind}-${order.number.replace(/[^\w.-]/g, '_')}.pdf`,
      pdf: await renderOrderDocument(kind, data),
    };
  }
}
