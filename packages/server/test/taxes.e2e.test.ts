/**
 * Taxes the channel charged (issue 15): a line may carry taxAmount (minor units, the whole line)
 * and taxRate (basis points). Prices stay net; the order's total adds the tax, and the amount due
 * and payment status follow it. taxRate alone gives round(net × rate / 10000), half away from
 * zero, per line; both given are taken as charged. editOrder keeps the tax consistent. Bad input
 * names its field and changes nothing; a partner key places taxed orders as before.
 */
import { createKey } from './access-helpers';
import { csvRows, exportText, importCsv, jsonLines } from './data-helpers';
import { createCatalog, PLACE_ORDER, orderInput } from './builders';
import { startTestServer, TestServer } from './harness';
import { countRows, ORDER_TABLES, orderSnapshot, recordPayment } from './order-helpers';
import type { Order, Select, UserError } from './support/select';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
  await createCatalog(t, {
    channels: [
      { code: 'WEB', currency: 'EUR' },
      { code: 'POS', currency: 'EUR' },
    ],
    warehouses: [{ code: 'WH1', priority: 1 }],
    products: [
      { sku: 'TX-1', price: 1000 },
      { sku: 'TX-2', price: 333 },
      { sku: 'TX-3', price: 250 },
    ],
    stock: { 'TX-1': { WH1: 1000 }, 'TX-2': { WH1: 1000 }, 'TX-3': { WH1: 1000 } },
  });
});
afterAll(() => t?.stop());

const FIELDS = `id number paymentStatus
  subtotal { amount } shipping { amount } taxTotal { amount currency } total { amount } amountDue { amount }
  lines { sku quantity unitPrice { amount } lineTotal { amount } tax { amount currency } taxRate }
  history { type message }`;
type M = { amount: true };
type TaxedOrder = Select<
  Order,
  {
    id: true;
    number: true;
    paymentStatus: true;
    subtotal: M;
    shipping: M;
    taxTotal: { amount: true; currency: true };
    total: M;
    amountDue: M;
    lines: {
      sku: true;
      quantity: true;
      unitPrice: M;
      lineTotal: M;
      tax: { amount: true; currency: true };
      taxRate: true;
    };
    history: { type: true; message: true };
  }
>;
type Payload = { order: TaxedOrder | null; userErrors: Pick<UserError, 'field' | 'code' | 'message'>[] };
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { ${FIELDS} } userErrors { field code message } } }`;
const EDIT = `mutation($i: EditOrderInput!) { editOrder(input: $i) { order { ${FIELDS} } userErrors { field code message } } }`;

type LineIn = { sku: string; quantity: number; unitPrice?: number; taxAmount?: number; taxRate?: number };
async function place(lines: LineIn[], extra: Record<string, unknown> = {}, token?: string): Promise<Payload> {
  const r = await t.gql<{ placeOrder: Payload }>(
    PLACE,
    { input: orderInput({ lines, ...extra }) },
    token ? { token } : {},
  );
  expect(r.body.errors).toBeUndefined();
  return r.body.data!.placeOrder;
}
async function placed(lines: LineIn[], extra: Record<string, unknown> = {}) {
  const r = await place(lines, extra);
  expect(r.userErrors).toEqual([]);
  return r.order!;
}
async function edit(input: Record<string, unknown>): Promise<Payload> {
  const r = await t.gql<{ editOrder: Payload }>(EDIT, { i: input });
  expect(r.body.errors).toBeUndefined();
  return r.body.data!.editOrder;
}
const stored = async (id: string) => {
  const [order] = await t.sql(
    'select subtotal_amount, shipping_amount, tax_amount, total_amount, paid_amount, payment_status from "order" where id = $1',
    [id],
  );
  const lines = await t.sql(
    'select sku, quantity, unit_price_amount, tax_amount, tax_rate from order_line where order_id = $1 order by line_no',
    [id],
  );
  return { order, lines };
};
const taxOf = (o: TaxedOrder) => o.lines.map((l) => [l.sku, l.tax.amount]);

describe('placement', () => {
  test('taxAmount as given: the tax is added to the net prices, per line and in the total', async () => {
    const o = await placed(
      [
        { sku: 'TX-1', quantity: 2, taxAmount: 380 },
        { sku: 'TX-2', quantity: 1, taxAmount: 23, taxRate: 700 },
      ],
      { shippingAmount: 500 },
    );
    expect(o.subtotal.amount).toBe(2333);
    expect(o.taxTotal).toEqual({ amount: 403, currency: 'EUR' });
    expect(o.total.amount).toBe(2333 + 500 + 403);
    expect(o.amountDue.amount).toBe(3236);
    // Both given: the channel's figure wins (7 % of 3.33 would be 23 anyway; here it is as sent).
    expect(o.lines.map((l) => [l.sku, l.lineTotal.amount, l.tax, l.taxRate])).toEqual([
      ['TX-1', 2000, { amount: 380, currency: 'EUR' }, null],
      ['TX-2', 333, { amount: 23, currency: 'EUR' }, 700],
    ]);
    expect(await stored(o.id)).toEqual({
      order: {
        subtotal_amount: 2333,
        shipping_amount: 500,
        tax_amount: 403,
        total_amount: 3236,
        paid_amount: 0,
        payment_status: 'UNPAID',
      },
      lines: [
        { sku: 'TX-1', quantity: 2, unit_price_amount: 1000, tax_amount: 380, tax_rate: null },
        { sku: 'TX-2', quantity: 1, unit_price_amount: 333, tax_amount: 23, tax_rate: 700 },
      ],
    });
  });

  test('both given and disagreeing: the channel figure is taken, not recomputed', async () => {
    const o = await placed([{ sku: 'TX-1', quantity: 1, taxAmount: 150, taxRate: 1900 }]);
    expect(o.lines[0].tax.amount).toBe(150);
    expect(o.lines[0].taxRate).toBe(1900);
    expect(o.total.amount).toBe(1150);
  });

  test('taxRate only: round(net × rate / 10000) per line, half away from zero', async () => {
    const o = await placed([
      // 333 × 19 % = 63.27 → 63; 250 × 19 % = 47.5 → 48 (the half goes up); 3 × 250 × 7 % = 52.5 → 53.
      { sku: 'TX-2', quantity: 1, taxRate: 1900 },
      { sku: 'TX-3', quantity: 1, taxRate: 1900, unitPrice: 250 },
      { sku: 'TX-1', quantity: 3, unitPrice: 250, taxRate: 700 },
    ]);
    expect(taxOf(o)).toEqual([
      ['TX-2', 63],
      ['TX-3', 48],
      ['TX-1', 53],
    ]);
    expect(o.taxTotal.amount).toBe(164);
    expect(o.total.amount).toBe(333 + 250 + 750 + 164);
    const { order, lines } = await stored(o.id);
    expect(order.tax_amount).toBe(164);
    expect(lines.map((l) => [l.tax_amount, l.tax_rate])).toEqual([
      [63, 1900],
      [48, 1900],
      [53, 700],
    ]);
  });

  test('neither: no tax, totals as before', async () => {
    const o = await placed([{ sku: 'TX-1', quantity: 1 }], { shippingAmount: 100 });
    expect(o.taxTotal.amount).toBe(0);
    expect(o.lines[0]).toMatchObject({ tax: { amount: 0, currency: 'EUR' }, taxRate: null });
    expect(o.total.amount).toBe(1100);
    const { order, lines } = await stored(o.id);
    expect([order.tax_amount, order.total_amount, lines[0].tax_amount, lines[0].tax_rate]).toEqual([0, 1100, 0, null]);
  });

  test('payment status follows the gross total: the net amount alone leaves it partially paid', async () => {
    const o = await placed([{ sku: 'TX-1', quantity: 1, taxRate: 1900 }]);
    const part = await recordPayment(t, { orderId: o.id, amount: 1000, method: 'card' });
    expect(part.userErrors).toEqual([]);
    expect(part.order.paymentStatus).toBe('PARTIALLY_PAID');
    expect(part.order.amountDue.amount).toBe(190);
    const rest = await recordPayment(t, { orderId: o.id, amount: 190, method: 'card' });
    expect(rest.order.paymentStatus).toBe('PAID');
    expect(rest.order.amountDue.amount).toBe(0);
    expect((await stored(o.id)).order).toMatchObject({ paid_amount: 1190, total_amount: 1190, payment_status: 'PAID' });
  });

  test.each([
    ['taxAmount', -1, 'input.lines.0.taxAmount'],
    ['taxRate', -1, 'input.lines.0.taxRate'],
    ['taxRate', 100_001, 'input.lines.0.taxRate'],
  ])('bad %s %p is refused naming %s, and nothing is written', async (key, value, path) => {
    const before = await countRows(t, ORDER_TABLES);
    const r = await place([{ sku: 'TX-1', quantity: 1, [key]: value }]);
    expect(r.order).toBeNull();
    expect(r.userErrors).toHaveLength(1);
    expect(r.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: path.split('.') });
    expect(r.userErrors[0].message).toContain(path.slice('input.'.length));
    expect(await countRows(t, ORDER_TABLES)).toEqual(before);
  });

  test('a tax that takes the total past the largest amount is refused', async () => {
    const before = await countRows(t, ORDER_TABLES);
    const r = await place([{ sku: 'TX-1', quantity: 1, taxAmount: 2_147_483_000 }]);
    expect(r.userErrors.map((e) => e.message)).toEqual(['Order total is too large']);
    expect(await countRows(t, ORDER_TABLES)).toEqual(before);
  });

  test('a partner key places a taxed order as any other; refused outside its channels', async () => {
    const key = await createKey(t, { channelCodes: ['POS'], permissions: ['ORDER_PLACE', 'ORDER_READ'] });
    const r = await place([{ sku: 'TX-1', quantity: 1, taxRate: 1900 }], { channelCode: 'POS' }, key.secret);
    expect(r.userErrors).toEqual([]);
    expect([r.order!.taxTotal.amount, r.order!.total.amount]).toEqual([190, 1190]);
    expect((await stored(r.order!.id)).order.tax_amount).toBe(190);
    const before = await countRows(t, ORDER_TABLES);
    const other = await place([{ sku: 'TX-1', quantity: 1, taxRate: 1900 }], { channelCode: 'WEB' }, key.secret);
    expect(other.userErrors.map((e) => e.field)).toEqual([['input', 'channelCode']]);
    expect(await countRows(t, ORDER_TABLES)).toEqual(before);
  });

  test('the placement statement is the same with and without tax (no schema drift in the fast path)', async () => {
    // The order and its lines are written by one plain SQL statement: both columns must be there.
    const r = await t.gql(PLACE_ORDER, { input: orderInput({ lines: [{ sku: 'TX-3', quantity: 2, taxAmount: 95 }] }) });
    const id = r.body.data.placeOrder.order.id;
    expect((await stored(id)).order).toMatchObject({ subtotal_amount: 500, tax_amount: 95, total_amount: 595 });
  });
});

describe('editOrder keeps the tax consistent', () => {
  test('a new line takes its tax from its input, as at placement; the history names the tax change', async () => {
    const o = await placed([{ sku: 'TX-1', quantity: 1, taxAmount: 190 }]);
    const r = await edit({
      orderId: o.id,
      lines: [
        { sku: 'TX-1', quantity: 1 },
        { sku: 'TX-2', quantity: 1, taxRate: 1900 },
      ],
      reason: 'added one',
    });
    expect(r.userErrors).toEqual([]);
    expect(taxOf(r.order!)).toEqual([
      ['TX-1', 190],
      ['TX-2', 63],
    ]);
    expect(r.order!.taxTotal.amount).toBe(253);
    expect(r.order!.total.amount).toBe(1333 + 253);
    expect(r.order!.history.at(-1)!.message).toBe(
      'TX-2 added (1 × 3.33 EUR, tax 0.63 EUR); tax total 1.90 EUR → 2.53 EUR; total 11.90 EUR → 15.86 EUR. Reason: added one',
    );
    const { order, lines } = await stored(o.id);
    expect([order.tax_amount, order.total_amount]).toEqual([253, 1586]);
    expect(lines.map((l) => [l.sku, l.tax_amount, l.tax_rate])).toEqual([
      ['TX-1', 190, null],
      ['TX-2', 63, 1900],
    ]);
  });

  test('a kept line with a new quantity: a given taxAmount is used', async () => {
    const o = await placed([{ sku: 'TX-1', quantity: 2, taxRate: 1900 }]);
    const r = await edit({ orderId: o.id, lines: [{ sku: 'TX-1', quantity: 3, taxAmount: 500 }], reason: 'r' });
    expect(r.userErrors).toEqual([]);
    expect(taxOf(r.order!)).toEqual([['TX-1', 500]]);
    expect(r.order!.total.amount).toBe(3500);
    expect(r.order!.history.at(-1)!.message).toBe(
      'TX-1 quantity 2 → 3; TX-1 tax 3.80 EUR → 5.00 EUR; tax total 3.80 EUR → 5.00 EUR; total 23.80 EUR → 35.00 EUR. Reason: r',
    );
    expect((await stored(o.id)).lines[0]).toMatchObject({ tax_amount: 500, tax_rate: 1900 });
  });

  test('a kept line with a known rate is recomputed from the new net', async () => {
    const o = await placed([{ sku: 'TX-3', quantity: 1, taxRate: 1900 }]); // 47.5 → 48
    const r = await edit({ orderId: o.id, lines: [{ sku: 'TX-3', quantity: 3 }], reason: 'r' });
    expect(taxOf(r.order!)).toEqual([['TX-3', 143]]); // 750 × 19 % = 142.5 → 143
    expect(r.order!.lines[0].taxRate).toBe(1900);
    expect(r.order!.total.amount).toBe(893);
    expect((await stored(o.id)).order).toMatchObject({ tax_amount: 143, total_amount: 893 });
  });

  test('a kept line with an amount only is scaled by the quantity ratio (rounded)', async () => {
    const o = await placed([{ sku: 'TX-1', quantity: 3, taxAmount: 100 }]);
    const r = await edit({ orderId: o.id, lines: [{ sku: 'TX-1', quantity: 2 }], reason: 'r' });
    expect(taxOf(r.order!)).toEqual([['TX-1', 67]]); // 100 × 2 / 3 = 66.67 → 67
    expect(r.order!.lines[0].taxRate).toBeNull();
    expect(r.order!.taxTotal.amount).toBe(67);
    expect((await stored(o.id)).lines[0]).toMatchObject({ quantity: 2, tax_amount: 67, tax_rate: null });
  });

  test('an edit that does not touch the lines leaves a channel figure alone; removal drops its tax', async () => {
    const o = await placed([
      { sku: 'TX-1', quantity: 1, taxAmount: 150, taxRate: 1900 },
      { sku: 'TX-2', quantity: 1, taxAmount: 10 },
    ]);
    const ship = await edit({ orderId: o.id, shippingAmount: 200, reason: 'r' });
    expect(taxOf(ship.order!)).toEqual([
      ['TX-1', 150],
      ['TX-2', 10],
    ]);
    const same = await edit({ orderId: o.id, lines: [{ sku: 'TX-1', quantity: 1 }], reason: 'r' });
    expect(taxOf(same.order!)).toEqual([['TX-1', 150]]);
    expect(same.order!.taxTotal.amount).toBe(150);
    expect(same.order!.total.amount).toBe(1000 + 200 + 150);
  });

  test('payment status is derived again from the gross total', async () => {
    const o = await placed([{ sku: 'TX-1', quantity: 1 }]);
    await recordPayment(t, { orderId: o.id, amount: 1000, method: 'card' });
    const r = await edit({ orderId: o.id, lines: [{ sku: 'TX-1', quantity: 1, taxRate: 1900 }], reason: 'tax' });
    expect(r.order!.paymentStatus).toBe('PARTIALLY_PAID');
    expect(r.order!.amountDue.amount).toBe(190);
    expect((await stored(o.id)).order).toMatchObject({ tax_amount: 190, payment_status: 'PARTIALLY_PAID' });
  });

  test('bad tax input in an edit names the field and changes nothing', async () => {
    const o = await placed([{ sku: 'TX-1', quantity: 1, taxRate: 1900 }]);
    const before = await orderSnapshot(t, o.id);
    const r = await edit({ orderId: o.id, lines: [{ sku: 'TX-1', quantity: 2, taxRate: 100_001 }], reason: 'r' });
    expect(r.userErrors.map((e) => e.field)).toEqual([['input', 'lines', '0', 'taxRate']]);
    expect(await orderSnapshot(t, o.id)).toEqual(before);
    expect((await stored(o.id)).order.tax_amount).toBe(190);
  });
});

test('the database refuses a negative tax whatever writes it', async () => {
  const o = await placed([{ sku: 'TX-1', quantity: 1 }]);
  await expect(t.sql('update "order" set tax_amount = -1 where id = $1', [o.id])).rejects.toThrow(
    /order_tax_amount_check/,
  );
  await expect(t.sql('update order_line set tax_rate = 100001 where order_id = $1', [o.id])).rejects.toThrow(
    /order_line_tax_rate_check/,
  );
});

describe('export and import', () => {
  test('orders exports carry the tax per line and the order tax total; a re-import keeps them', async () => {
    const o = await placed(
      [
        { sku: 'TX-1', quantity: 1, taxRate: 1900 },
        { sku: 'TX-2', quantity: 2, taxAmount: 50 },
      ],
      { externalId: 'tax-export-1', channelCode: 'POS' },
    );
    const csv = await exportText(t, `/export/orders.csv?search=${o.number}`);
    expect(csv.status).toBe(200);
    const rows = csvRows(csv.text);
    expect(rows.map((r) => [r.sku, r.unit_price, r.tax_amount, r.tax_rate, r.subtotal, r.tax_total, r.total])).toEqual([
      ['TX-1', '1000', '190', '1900', '1666', '240', '1906'],
      ['TX-2', '333', '50', '', '1666', '240', '1906'],
    ]);
    const json = jsonLines((await exportText(t, `/export/orders.jsonl?search=${o.number}`)).text);
    expect(json[0]).toMatchObject({ subtotal: 1666, taxTotal: 240, total: 1906 });
    expect((json[0].lines as Record<string, unknown>[]).map((l) => [l.sku, l.taxAmount, l.taxRate])).toEqual([
      ['TX-1', 190, 1900],
      ['TX-2', 50, null],
    ]);

    // The export, under another external id, imports as the same order with the same tax.
    const again = csv.text.replace(/tax-export-1/g, 'tax-export-1b').replace(new RegExp(`,${o.number},`, 'g'), ',,');
    const res = await importCsv(t, 'orders', again, false);
    expect(res.body).toMatchObject({ created: 1, errors: [] });
    const [imported] = await t.sql(`select id from "order" where external_id = 'tax-export-1b'`);
    expect(await stored(imported.id)).toEqual({
      order: expect.objectContaining({ subtotal_amount: 1666, tax_amount: 240, total_amount: 1906 }),
      lines: [
        { sku: 'TX-1', quantity: 1, unit_price_amount: 1000, tax_amount: 190, tax_rate: 1900 },
        { sku: 'TX-2', quantity: 2, unit_price_amount: 333, tax_amount: 50, tax_rate: null },
      ],
    });
  });

  test('an import checks tax_total and the tax columns, naming them; nothing is written', async () => {
    const header =
      'channel,external_id,status,placed_at,customer_email,ship_line1,ship_city,ship_postal_code,ship_country,sku,quantity,unit_price,tax_amount,tax_rate,tax_total,total';
    const row = (ext: string, tax: string) =>
      `WEB,${ext},PENDING,2025-04-01T10:00:00Z,t@example.com,1 Road,Town,12345,DE,TX-3,2,250,${tax}`;
    const before = await countRows(t, ORDER_TABLES);
    const res = await importCsv(
      t,
      'orders',
      [
        header,
        row('tax-imp-1', ',1900,96,'), // 500 × 19 % = 95
        row('tax-imp-2', '-5,,,'),
        row('tax-imp-3', ',100001,,'),
        row('tax-imp-4', ',1900,,600'), // 500 + 95 = 595
      ].join('\n'),
      false,
    );
    expect(res.body.errors).toEqual([
      { line: 2, field: 'tax_total', message: "tax_total is 96 but the lines' tax adds up to 95" },
      { line: 3, field: 'tax_amount', message: 'tax_amount must be at least 0' },
      { line: 4, field: 'tax_rate', message: 'tax_rate must be at most 100000' },
      { line: 5, field: 'total', message: 'total is 600 but lines, shipping and tax add up to 595' },
    ]);
    expect(await countRows(t, ORDER_TABLES)).toEqual(before);
    const ok = await importCsv(t, 'orders', [header, row('tax-imp-5', ',1900,95,595')].join('\n'), false);
    expect(ok.body).toMatchObject({ created: 1, errors: [] });
    expect((await t.sql(`select tax_amount, total_amount from "order" where external_id = 'tax-imp-5'`))[0]).toEqual({
      tax_amount: 95,
      total_amount: 595,
    });
  });
});
