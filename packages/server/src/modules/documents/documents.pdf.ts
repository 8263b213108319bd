/**
 * The printed documents of an order, drawn with PDFKit: a packing slip (what goes in the parcel,
 * no prices) and an invoice (the same lines with net prices and the tax the channel charged, a
 * breakdown of the tax per rate, and the order's net, tax and gross totals). Both use PDF's
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
  /** The tax on the whole line, in minor units. */
  taxAmount: number;
  /** Basis points (1900 = 19 %); null when the channel sent no rate. */
  taxRate: number | null;
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
  taxAmount: number;
  totalAmount: number;
  paidAmount: number;
  refundedAmount: number;
  /** What the customer still owes: total less what was paid, never negative. */
  amountDue: number;
}

export type DocumentKind = 'packing-slip' | 'invoice';

/** 1900 → "19 %", 750 → "7.5 %". */
export const formatRate = (basisPoints: number) => `${basisPoints / 100} %`;

/** Net and tax of the lines per rate (lines without a rate together, last), in rate order. */
export function taxBreakdown(lines: DocumentLine[]): { rate: number | null; net: number; tax: number }[] {
  const byRate = new Map<number | null, { rate: number | null; net: number; tax: number }>();
  for (const l of lines) {
    const row = byRate.get(l.taxRate) ?? { rate: l.taxRate, net: 0, tax: 0 };
    row.net += l.unitPriceAmount * l.quantity;
    row.tax += l.taxAmount;
    byRate.set(l.taxRate, row);
  }
  return [...byRate.values()].sort((a, b) => (a.rate ?? Infinity) - (b.rate ?? Infinity));
}

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

  // The lines as a table: SKU, name, quantity (and for an invoice, net unit price, net amount, tax rate and tax).
  doc.moveDown();
  const left = doc.page.margins.left;
  let cols: { h: string; x: number; w: number; right?: boolean }[] =
    kind === 'invoice'
      ? [
          { h: 'SKU', x: 0, w: 65 },
          { h: 'Item', x: 68, w: 122 },
          { h: 'Qty', x: 193, w: 27, right: true },
          { h: 'Unit price', x: 223, w: 68, right: true },
          { h: 'Net', x: 294, w: 70, right: true },
          { h: 'Rate', x: 367, w: 48, right: true },
          { h: 'Tax', x: 418, w: 77, right: true },
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
      doc.text(text, left + c.x, y, { width: c.w, align: c.right ? 'right' : 'left' });
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
        ? [
            l.sku,
            l.name,
            String(l.quantity),
            money(l.unitPriceAmount),
            money(l.unitPriceAmount * l.quantity),
            l.taxRate == null ? '' : formatRate(l.taxRate),
            money(l.taxAmount),
          ]
        : [l.sku, l.name, String(l.quantity)],
    );
  }
  const units = order.lines.reduce((n, l) => n + l.quantity, 0);

  doc.moveDown();
  if (kind === 'invoice') {
    // The tax per rate the channel charged (lines only: the shipping charge carries no tax).
    const breakdown = taxBreakdown(order.lines);
    if (order.taxAmount > 0 || breakdown.some((b) => b.rate != null)) {
      cols = [
        { h: 'Tax rate', x: 223, w: 68, right: true },
        { h: 'Net', x: 294, w: 70, right: true },
        { h: 'Tax', x: 367, w: 128, right: true },
      ];
      row(
        cols.map((c) => c.h),
        true,
      );
      for (const b of breakdown) row([b.rate == null ? 'No rate' : formatRate(b.rate), money(b.net), money(b.tax)]);
      doc.moveDown();
    }
    const totals: [string, number][] = [
      ['Subtotal', order.subtotalAmount],
      ['Shipping', order.shippingAmount],
      ['Net total', order.subtotalAmount + order.shippingAmount],
      ['Tax', order.taxAmount],
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
