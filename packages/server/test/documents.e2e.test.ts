/**
 * Documents: an order's packing slip and invoice as PDF over HTTP. The tests read the PDF's text
 * back (pdf-parse) and check who may fetch which document.
 */
import { createCatalog, placeOrder } from './builders';
import { createKey } from './data-helpers';
import { startTestServer, TestServer } from './harness';
import { baseUrl, recordPayment, standardCatalog } from './order-helpers';
import { pdfText } from './pdf-text-helper';

let t: TestServer;
let order: { id: string; number: string };
let otherChannelOrder: { id: string; number: string };

beforeAll(async () => {
  t = await startTestServer();
  await standardCatalog(t);
  await createCatalog(t, { channels: [{ code: 'MARKET', currency: 'EUR' }] });
  const placed = await placeOrder(t, {
    lines: [
      { sku: 'SKU-1', quantity: 2 },
      { sku: 'SKU-2', quantity: 3 },
    ],
    shippingAmount: 495,
    shippingAddress: {
      name: 'Ada Lovelace',
      line1: '1 Analytical Way',
      line2: 'Flat 2',
      city: 'London',
      postalCode: 'N1 1AA',
      country: 'GB',
    },
  });
  expect(placed.userErrors).toEqual([]);
  order = placed.order;
  const paid = await recordPayment(t, { orderId: order.id, amount: 1000, method: 'card', reference: 'ch_doc' });
  expect(paid.userErrors).toEqual([]);
  const other = await placeOrder(t, { channelCode: 'MARKET', externalId: 'mkt-doc' });
  expect(other.userErrors).toEqual([]);
  otherChannelOrder = other.order;
});
afterAll(() => t.stop());

async function fetchDoc(path: string, token: string | null = t.token) {
  const res = await fetch(`${baseUrl(t)}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { res, bytes };
}

describe('GET /documents/orders/<id>/packing-slip.pdf', () => {
  test('a PDF with the order number, the address and the lines, without prices', async () => {
    const { res, bytes } = await fetchDoc(`/documents/orders/${order.id}/packing-slip.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="packing-slip-${order.number}.pdf"`);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('Packing slip');
    expect(text).toContain(`Order ${order.number}`);
    for (const s of ['Ada Lovelace', '1 Analytical Way', 'Flat 2', 'N1 1AA London', 'GB', 'ada@example.com'])
      expect(text).toContain(s);
    expect(text).toMatch(/SKU-1\s+Product SKU-1\s+2/);
    expect(text).toMatch(/SKU-2\s+Product SKU-2\s+3/);
    expect(text).toContain('2 lines, 5 units');
    // No money on a packing slip.
    expect(text).not.toMatch(/12\.50|EUR|Total/);
  });
});

describe('GET /documents/orders/<id>/invoice.pdf', () => {
  test('a PDF with the lines priced and the totals, in the order currency', async () => {
    const { res, bytes } = await fetchDoc(`/documents/orders/${order.id}/invoice.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(bytes);
    expect(text).toContain('Invoice');
    expect(text).toContain(`Order ${order.number}`);
    expect(text).toContain('1 Analytical Way');
    // 2 x 12.50 and 3 x 4.99; subtotal 39.97, shipping 4.95, total 44.92, paid 10.00, due 34.92.
    expect(text).toMatch(/SKU-1\s+Product SKU-1\s+2\s+12\.50 EUR\s+25\.00 EUR/);
    expect(text).toMatch(/SKU-2\s+Product SKU-2\s+3\s+4\.99 EUR\s+14\.97 EUR/);
    expect(text).toMatch(/Subtotal\s+39\.97 EUR/);
    expect(text).toMatch(/Shipping\s+4\.95 EUR/);
    expect(text).toMatch(/Total\s+44\.92 EUR/);
    expect(text).toMatch(/Paid\s+10\.00 EUR/);
    expect(text).toMatch(/Amount due\s+34\.92 EUR/);
    // An order without tax: its tax is 0 and there is no breakdown per rate.
    expect(text).toMatch(/Net total\s+44\.92 EUR/);
    expect(text).toMatch(/Tax\s+0\.00 EUR/);
    expect(text).not.toContain('Tax rate');
  });

  test('the tax per line, a breakdown per rate, and the net, tax and gross totals', async () => {
    // 2 x 12.50 at 19 % (4.75), 3 x 4.99 at 7 % (1.05, as the channel charged), 1 x 12.50 with a
    // tax amount and no rate (1.00); shipping 4.95 (untaxed).
    const taxed = await placeOrder(t, {
      lines: [
        { sku: 'SKU-1', quantity: 2, taxRate: 1900 },
        { sku: 'SKU-2', quantity: 3, taxRate: 700, taxAmount: 105 },
      ],
      shippingAmount: 495,
    });
    expect(taxed.userErrors).toEqual([]);
    const more = await placeOrder(t, {
      lines: [
        { sku: 'SKU-2', quantity: 1, unitPrice: 1250, taxAmount: 100 },
        { sku: 'SKU-1', quantity: 2, taxRate: 1900 },
      ],
    });
    expect(more.userErrors).toEqual([]);
    const text = await pdfText((await fetchDoc(`/documents/orders/${taxed.order.id}/invoice.pdf`)).bytes);
    expect(text).toMatch(/SKU-1\s+Product SKU-1\s+2\s+12\.50 EUR\s+25\.00 EUR\s+19 %\s+4\.75 EUR/);
    expect(text).toMatch(/SKU-2\s+Product SKU-2\s+3\s+4\.99 EUR\s+14\.97 EUR\s+7 %\s+1\.05 EUR/);
    expect(text).toMatch(/Tax rate\s+Net\s+Tax\s+7 %\s+14\.97 EUR\s+1\.05 EUR\s+19 %\s+25\.00 EUR\s+4\.75 EUR/);
    expect(text).toMatch(/Subtotal\s+39\.97 EUR/);
    expect(text).toMatch(/Net total\s+44\.92 EUR/);
    expect(text).toMatch(/Tax\s+5\.80 EUR/);
    expect(text).toMatch(/Total\s+50\.72 EUR/);
    expect(text).toMatch(/Amount due\s+50\.72 EUR/);

    const mixed = await pdfText((await fetchDoc(`/documents/orders/${more.order.id}/invoice.pdf`)).bytes);
    // Lines without a rate are summed last, as "No rate".
    expect(mixed).toMatch(/19 %\s+25\.00 EUR\s+4\.75 EUR\s+No rate\s+12\.50 EUR\s+1\.00 EUR/);
    expect(mixed).toMatch(/Tax\s+5\.75 EUR/);
    expect(mixed).toMatch(/Total\s+43\.25 EUR/);
  });
});

describe('who may fetch a document', () => {
  test('without a token: 401 UNAUTHENTICATED as JSON', async () => {
    const { res, bytes } = await fetchDoc(`/documents/orders/${order.id}/packing-slip.pdf`, null);
    expect(res.status).toBe(401);
    expect(JSON.parse(bytes.toString()).error).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  test('a key with ORDER_READ gets the packing slip but not the invoice (PAYMENT_READ)', async () => {
    const key = await createKey(t, ['WEB'], ['ORDER_READ', 'CUSTOMER_READ']);
    expect((await fetchDoc(`/documents/orders/${order.id}/packing-slip.pdf`, key)).res.status).toBe(200);
    const { res, bytes } = await fetchDoc(`/documents/orders/${order.id}/invoice.pdf`, key);
    expect(res.status).toBe(403);
    expect(JSON.parse(bytes.toString()).error).toMatchObject({ code: 'FORBIDDEN', permission: 'PAYMENT_READ' });
    const full = await createKey(t, ['WEB'], ['ORDER_READ', 'PAYMENT_READ']);
    expect((await fetchDoc(`/documents/orders/${order.id}/invoice.pdf`, full)).res.status).toBe(200);
  });

  test('a key without ORDER_READ is refused both documents', async () => {
    const key = await createKey(t, ['WEB'], ['STOCK_READ']);
    for (const doc of ['packing-slip', 'invoice']) {
      const { res, bytes } = await fetchDoc(`/documents/orders/${order.id}/${doc}.pdf`, key);
      expect(res.status).toBe(403);
      expect(JSON.parse(bytes.toString()).error).toMatchObject({ code: 'FORBIDDEN', permission: 'ORDER_READ' });
    }
  });

  test("a key for another channel gets 404 for this channel's order, as for one that does not exist", async () => {
    const key = await createKey(t, ['MARKET'], ['ORDER_READ', 'CUSTOMER_READ', 'PAYMENT_READ']);
    const hidden = await fetchDoc(`/documents/orders/${order.id}/packing-slip.pdf`, key);
    const missing = await fetchDoc('/documents/orders/00000000-0000-4000-8000-000000000000/packing-slip.pdf', key);
    expect(hidden.res.status).toBe(404);
    expect(missing.res.status).toBe(404);
    const strip = (b: Buffer) => ({ ...JSON.parse(b.toString()).error, requestId: undefined });
    expect(strip(hidden.bytes)).toEqual(strip(missing.bytes));
    expect((await fetchDoc(`/documents/orders/${otherChannelOrder.id}/packing-slip.pdf`, key)).res.status).toBe(200);
  });

  test('without CUSTOMER_READ the document withholds the address and the e-mail', async () => {
    const key = await createKey(t, ['WEB'], ['ORDER_READ']);
    const { res, bytes } = await fetchDoc(`/documents/orders/${order.id}/packing-slip.pdf`, key);
    expect(res.status).toBe(200);
    const text = await pdfText(bytes);
    expect(text).toContain(`Order ${order.number}`);
    expect(text).toContain('CUSTOMER_READ');
    for (const s of ['Ada Lovelace', '1 Analytical Way', 'N1 1AA', 'ada@example.com']) expect(text).not.toContain(s);
  });

  test('an unknown document or a malformed id is 404 with a JSON error naming the documents', async () => {
    const unknown = await fetchDoc(`/documents/orders/${order.id}/receipt.pdf`);
    expect(unknown.res.status).toBe(404);
    expect(JSON.parse(unknown.bytes.toString()).error.message).toContain('packing-slip|invoice');
    const malformed = await fetchDoc('/documents/orders/not-a-uuid/invoice.pdf');
    expect(malformed.res.status).toBe(404);
    expect(JSON.parse(malformed.bytes.toString()).error).toMatchObject({ code: 'NOT_FOUND' });
  });
});
