/**
 * The printed documents of an order, drawn with PDFKit: a packing slip (what goes in the parcel,
 * no prices) and an invoice (the same lines with prices and the order's totals). Both use PDF's
 * standard Helvetica, so nothing is read from disk and no font is embedded.
 */
import { formatStoreDate } from '../../common/time-zone';
import PDFDocument from 'pdfkit';
import { formatMoney } from '../../common/money';

export interface DocumentAddress {
  name?: string | null;
  line1: string;
  line2?: string | null;
  city: string;
  postalCode: string;
  country: string;
}

export interface DocumentLine {
  sku: string;
  name: string;
  quantity: number;
  unitPriceAmount: number;
}

export interface OrderDocumentData {
  number: string;
  placedAt: Date;
  channelName: string;
  currency: string;
  /** Null when the caller may not read personal data (CUSTOMER_READ): the document says so instead. */
  customer: { name?: string | null; email: string } | null;
  shippingAddress: DocumentAddress | null;
  lines: DocumentLine[];
  subtotalAmount: number;
  shippingAmount: number;
  totalAmount: number;
  paidAmount: number;
  refundedAmount: number;
  /** What the customer still owes: total less what was paid, never negative. */
  amountDue: number;
}

export type DocumentKind = 'packing-slip' | 'invoice';

const WITHHELD = "Withheld: reading the customer's address needs the CUSTOMER_READ permission.";

function addressLines(a: DocumentAddress): string[] {
  return [a.name, a.line1, a.line2, `${a.postalCode} ${a.city}`, a.country].filter(
    (l): l is string => !!l && !!l.trim(),
  );
}

/** Renders one document to a PDF file's bytes. */
export function renderOrderDocument(kind: DocumentKind, order: OrderDocumentData): Promise<Buffer> {
  const title = kind === 'invoice' ? 'Invoice' : 'Packing slip';
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${title} ${order.number}`, Creator: 'OMS' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const money = (amount: number) => formatMoney(amount, order.currency);

  doc.font('Helvetica-Bold').fontSize(20).text(title);
  doc
    .moveDown(0.3)
    .font('Helvetica')
    .fontSize(10)
    .text(`Order ${order.number}`)
    .text(`Placed ${formatStoreDate(order.placedAt)} in ${order.channelName}`);

  doc
    .moveDown()
    .font('Helvetica-Bold')
    .text(kind === 'invoice' ? 'Bill and ship to' : 'Ship to')
    .font('Helvetica');
  if (order.shippingAddress) for (const l of addressLines(order.shippingAddress)) doc.text(l);
  else doc.text(WITHHELD);
  if (order.customer) doc.text(order.customer.email);

  // The lines as a table: SKU, name, quantity (and for an invoice, unit price and line total).
  doc.moveDown();
  const left = doc.page.margins.left;
  const cols =
    kind === 'invoice'
      ? [
          { h: 'SKU', x: 0, w: 90 },
          { h: 'Item', x: 95, w: 190 },
          { h: 'Qty', x: 290, w: 40, right: true },
          { h: 'Unit price', x: 335, w: 75, right: true },
          { h: 'Amount', x: 415, w: 80, right: true },
        ]
      : [
          { h: 'SKU', x: 0, w: 120 },
          { h: 'Item', x: 125, w: 300 },
          { h: 'Qty', x: 430, w: 65, right: true },
        ];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    let bottom = y;
    cells.forEach((text, i) => {
      const c = cols[i];
      doc.text(text, left + c.x, y, { width: c.w, align: 'right' in c && c.right ? 'right' : 'left' });
      bottom = Math.max(bottom, doc.y);
    });
    doc.x = left;
    doc.y = bottom + 4;
  };
  row(
    cols.map((c) => c.h),
    true,
  );
  for (const l of order.lines) {
    row(
      kind === 'invoice'
        ? [l.sku, l.name, String(l.quantity), money(l.unitPriceAmount), money(l.unitPriceAmount * l.quantity)]
        : [l.sku, l.name, String(l.quantity)],
    );
  }
  const units = order.lines.reduce((n, l) => n + l.quantity, 0);

  doc.moveDown();
  if (kind === 'invoice') {
    const totals: [string, number][] = [
      ['Subtotal', order.subtotalAmount],
      ['Shipping', order.shippingAmount],
      ['Total', order.totalAmount],
    ];
    if (order.paidAmount) totals.push(['Paid', order.paidAmount]);
    if (order.refundedAmount) totals.push(['Refunded', order.refundedAmount]);
    totals.push(['Amount due', order.amountDue]);
    for (const [label, amount] of totals) {
      const y = doc.y;
      doc.font(label === 'Total' ? 'Helvetica-Bold' : 'Helvetica');
      doc.text(label, left + 290, y, { width: 120, align: 'right' });
      doc.text(money(amount), left + 415, y, { width: 80, align: 'right' });
      doc.x = left;
    }
  } else {
    doc
      .font('Helvetica')
      .text(
        `${order.lines.length} ${order.lines.length === 1 ? 'line' : 'lines'}, ${units} ${units === 1 ? 'unit' : 'units'}`,
        left,
      );
  }
  doc.end();
  return done;
}
