/**
 * editOrder: lines, shipping charge and address change while nothing has shipped. Stock is
 * reserved again by the placement rules in the same transaction (never oversold; too little stock
 * changes nothing), totals and payment status follow (refundDue when the total drops below what
 * was paid), one ORDER_EDITED history entry names each change, and the stream gets order.edited.
 * Refusals (shipped orders, bad input, missing permission, another channel) change nothing.
 */
import { createKey } from './access-helpers';
import { createCatalog, ORDER_FIELDS, OrderPayload, OrderView, placeOrder, stockRows } from './builders';
import { startTestServer, TestServer } from './harness';
import { driveTo, expectNoInternals, orderSnapshot, recordPayment, Target } from './order-helpers';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
  await createCatalog(t, {
    channels: [
      { code: 'WEB', currency: 'EUR' },
      { code: 'POS', currency: 'EUR' },
    ],
    warehouses: [
      { code: 'WH1', priority: 1 },
      { code: 'WH2', priority: 2 },
    ],
    products: [
      { sku: 'SKU-1', price: 1250 },
      { sku: 'SKU-2', price: 499 },
      { sku: 'SCARCE', price: 2000 },
    ],
    stock: { 'SKU-1': { WH1: 1000 }, 'SKU-2': { WH1: 1000 }, SCARCE: { WH1: 3, WH2: 2 } },
  });
});
afterAll(() => t?.stop());

type EditPayload = OrderPayload & {
  order: OrderView & { refundDue: { amount: number }; availableActions: string[] };
};
const EDIT = `mutation($i: EditOrderInput!) { editOrder(input: $i) {
  order { ${ORDER_FIELDS} refundDue { amount currency } availableActions }
  userErrors { field code message } } }`;
const edit = async (input: Record<string, unknown>, token?: string) =>
  t.gql<{ editOrder: EditPayload }>(EDIT, { i: input }, token ? { token } : {});

async function place(
  lines: { sku: string; quantity: number; unitPrice?: number }[],
  extra: Record<string, unknown> = {},
) {
  const r = await placeOrder(t, { lines, ...extra });
  if (r.userErrors.length) throw new Error(JSON.stringify(r.userErrors));
  return r.order;
}

async function history(id: string) {
  return t.sql<{ type: string; message: string; actor: string }>(
    'select type, message, actor from order_history where order_id = $1 order by seq',
    [id],
  );
}

test('a pending order gets a new quantity, a new SKU and loses one; stock, totals, history and the stream follow', async () => {
  const o = await place([
    { sku: 'SKU-1', quantity: 2 },
    { sku: 'SKU-2', quantity: 1 },
  ]);
  const before = await stockRows(t);
  const r = await edit({
    orderId: o.id,
    lines: [
      { sku: 'SKU-1', quantity: 3 },
      { sku: 'SCARCE', quantity: 1 },
    ],
    reason: 'customer called',
  });
  expect(r.body.errors).toBeUndefined();
  const { order, userErrors } = r.body.data!.editOrder;
  expect(userErrors).toEqual([]);
  expect(order.lines.map((l) => [l.sku, l.quantity, l.unitPrice.amount])).toEqual([
    ['SKU-1', 3, 1250],
    ['SCARCE', 1, 2000],
  ]);
  expect(order.subtotal.amount).toBe(3 * 1250 + 2000);
  expect(order.total.amount).toBe(3 * 1250 + 2000);
  expect(order.amountDue.amount).toBe(5750);
  expect(order.status).toBe('PENDING');

  // Stock: SKU-1 reserves one more, SKU-2 gives its unit back, SCARCE reserves one in WH1.
  const after = await stockRows(t);
  expect(after['SKU-1@WH1'].reserved - before['SKU-1@WH1'].reserved).toBe(1);
  expect(after['SKU-2@WH1'].reserved - before['SKU-2@WH1'].reserved).toBe(-1);
  expect(after['SCARCE@WH1'].reserved - before['SCARCE@WH1'].reserved).toBe(1);
  const rows = await t.sql(
    `select l.sku, l.quantity, l.line_no, a.quantity as allocated, w.code from order_line l
      left join stock_allocation a on a.order_line_id = l.id left join warehouse w on w.id = a.warehouse_id
      where l.order_id = $1 order by l.line_no`,
    [o.id],
  );
  expect(rows).toEqual([
    { sku: 'SKU-1', quantity: 3, line_no: 1, allocated: 3, code: 'WH1' },
    { sku: 'SCARCE', quantity: 1, line_no: 3, allocated: 1, code: 'WH1' },
  ]);
  const [stored] = await t.sql('select subtotal_amount, total_amount, payment_status from "order" where id = $1', [
    o.id,
  ]);
  expect(stored).toEqual({ subtotal_amount: 5750, total_amount: 5750, payment_status: 'UNPAID' });

  const entries = await history(o.id);
  expect(entries.map((h) => h.type)).toEqual(['PLACED', 'ORDER_EDITED']);
  expect(entries[1].message).toBe(
    'SKU-1 quantity 2 → 3; SCARCE added (1 × 20.00 EUR); SKU-2 removed (was 1); total 29.99 EUR → 57.50 EUR. Reason: customer called',
  );
  const [event] = await t.sql(
    `select type, payload->>'historyType' as history_type, (payload->>'total')::int as total
      from domain_event where aggregate_id = $1 and type = 'order.edited'`,
    [o.id],
  );
  expect(event).toEqual({ type: 'order.edited', history_type: 'ORDER_EDITED', total: 5750 });
});

test('address and shipping charge alone: the lines and stock stay, the history says before and after', async () => {
  const o = await place([{ sku: 'SKU-1', quantity: 1 }], { shippingAmount: 495 });
  const stock = await stockRows(t);
  const r = await edit({
    orderId: o.id,
    shippingAddress: { name: 'Ada L', line1: '2 New Street', city: 'Leeds', postalCode: 'LS1 1AA', country: 'gb' },
    shippingAmount: 0,
    reason: 'moved house; free shipping as an apology',
  });
  const { order, userErrors } = r.body.data!.editOrder;
  expect(userErrors).toEqual([]);
  expect(order.shippingAddress).toEqual({
    name: 'Ada L',
    line1: '2 New Street',
    city: 'Leeds',
    postalCode: 'LS1 1AA',
    country: 'GB',
  });
  expect([order.shipping.amount, order.total.amount]).toEqual([0, 1250]);
  expect(await stockRows(t)).toEqual(stock);
  const [row] = await t.sql('select ship_line1, ship_city, ship_country, shipping_amount from "order" where id = $1', [
    o.id,
  ]);
  expect(row).toEqual({ ship_line1: '2 New Street', ship_city: 'Leeds', ship_country: 'GB', shipping_amount: 0 });
  expect((await history(o.id))[1].message).toBe(
    'shipping address Ada Lovelace, 1 Analytical Way, N1 1AA London, GB → Ada L, 2 New Street, LS1 1AA Leeds, GB; shipping 4.95 EUR → 0.00 EUR; total 17.45 EUR → 12.50 EUR. Reason: moved house; free shipping as an apology',
  );
});

test('a paid order edited below what was paid owes the difference back (refundDue); edited above, it is part-paid', async () => {
  const o = await place([{ sku: 'SKU-1', quantity: 2 }]);
  await recordPayment(t, { orderId: o.id, amount: 2500, method: 'card' });
  const down = (await edit({ orderId: o.id, lines: [{ sku: 'SKU-1', quantity: 1 }], reason: 'one out of stock' })).body
    .data!.editOrder.order;
  expect([down.total.amount, down.amountDue.amount, down.refundDue.amount, down.paymentStatus]).toEqual([
    1250,
    0,
    1250,
    'PAID',
  ]);
  expect(down.availableActions).toContain('REFUND');
  const up = (await edit({ orderId: o.id, lines: [{ sku: 'SKU-1', quantity: 3 }], reason: 'wants three after all' }))
    .body.data!.editOrder.order;
  expect([up.total.amount, up.amountDue.amount, up.refundDue.amount, up.paymentStatus]).toEqual([
    3750,
    1250,
    0,
    'PARTIALLY_PAID',
  ]);
  const [row] = await t.sql('select total_amount, paid_amount, payment_status from "order" where id = $1', [o.id]);
  expect(row).toEqual({ total_amount: 3750, paid_amount: 2500, payment_status: 'PARTIALLY_PAID' });
});

test('a kept SKU keeps the price it was sold at unless unitPrice is given; a new SKU takes the product price', async () => {
  const o = await place([{ sku: 'SKU-1', quantity: 1, unitPrice: 1000 }]);
  const r = await edit({
    orderId: o.id,
    lines: [
      { sku: 'SKU-1', quantity: 2 },
      { sku: 'SKU-2', quantity: 1, unitPrice: 450 },
    ],
    reason: 'add socks at a discount',
  });
  expect(r.body.data!.editOrder.order.lines.map((l) => [l.sku, l.unitPrice.amount])).toEqual([
    ['SKU-1', 1000],
    ['SKU-2', 450],
  ]);
});

test('too little stock refuses the whole edit at the line, and nothing changes', async () => {
  const o = await place([{ sku: 'SKU-1', quantity: 1 }]);
  const before = await orderSnapshot(t, o.id);
  const [{ available }] = await t.sql(
    `select sum(on_hand - reserved)::int as available from stock_level s join product p on p.id = s.product_id where p.sku = 'SCARCE'`,
  );
  const r = await edit({
    orderId: o.id,
    lines: [
      { sku: 'SKU-1', quantity: 5 },
      { sku: 'SCARCE', quantity: available + 1 },
    ],
    reason: 'bulk',
  });
  expect(r.body.data!.editOrder).toEqual({
    order: null,
    userErrors: [
      {
        field: ['input', 'lines', '1', 'quantity'],
        code: 'INSUFFICIENT_STOCK',
        message: `Not enough stock for SCARCE: ${available + 1} ordered, ${available} available`,
      },
    ],
  });
  expect(await orderSnapshot(t, o.id)).toEqual(before);
});

test.each<[Target, boolean]>([
  ['PENDING', true],
  ['ON_HOLD from PENDING', true],
  ['CONFIRMED', true],
  ['ON_HOLD from CONFIRMED', true],
  ['PARTIALLY_SHIPPED', false],
  ['ON_HOLD from PARTIALLY_SHIPPED', false],
  ['SHIPPED', false],
  ['DELIVERED', false],
  ['CANCELLED', false],
  ['RETURNED', false],
])('%s: editable %p; a refusal is INVALID_TRANSITION and changes nothing', async (target, editable) => {
  const o = await driveTo(t, target);
  const before = await orderSnapshot(t, o.id);
  const r = await edit({ orderId: o.id, shippingAmount: 100, reason: 'test' });
  const payload = r.body.data!.editOrder;
  const [{ available_actions }] = await t
    .q<{ order: { availableActions: string[] } }>(`query($id: ID!) { order(id: $id) { availableActions } }`, {
      id: o.id,
    })
    .then((d) => [{ available_actions: d.order.availableActions }]);
  if (editable) {
    expect(payload.userErrors).toEqual([]);
    expect(payload.order.shipping.amount).toBe(100);
    expect(available_actions).toContain('EDIT');
  } else {
    expect(payload.order).toBeNull();
    expect(payload.userErrors).toEqual([
      { field: ['input', 'orderId'], code: 'INVALID_TRANSITION', message: expect.stringContaining(o.number) },
    ]);
    expect(payload.userErrors[0].message).toMatch(/only orders with nothing shipped/);
    expect(available_actions).not.toContain('EDIT');
    expect(await orderSnapshot(t, o.id)).toEqual(before);
  }
});

test.each<[string, Record<string, unknown>, string[], RegExp]>([
  ['an unknown SKU', { lines: [{ sku: 'NOPE', quantity: 1 }] }, ['input', 'lines', '0', 'sku'], /Unknown SKU NOPE/],
  [
    'a SKU twice',
    {
      lines: [
        { sku: 'SKU-1', quantity: 1 },
        { sku: 'SKU-1', quantity: 2 },
      ],
    },
    ['input', 'lines', '1', 'sku'],
    /already on line 0/,
  ],
  ['no lines at all', { lines: [] }, ['input', 'lines'], /at least one line/],
  ['a zero quantity', { lines: [{ sku: 'SKU-1', quantity: 0 }] }, ['input', 'lines', '0', 'quantity'], /quantity/],
  ['a negative shipping charge', { shippingAmount: -1 }, ['input', 'shippingAmount'], /shippingAmount/],
  ['a blank reason', { shippingAmount: 1, reason: '   ' }, ['input', 'reason'], /reason is required/],
  ['nothing to change', {}, ['input'], /Nothing to change/],
  [
    'a bad country',
    { shippingAddress: { line1: 'x', city: 'y', postalCode: 'z', country: 'XX' } },
    ['input', 'shippingAddress', 'country'],
    /country/,
  ],
  ['changes that change nothing', { shippingAmount: 0 }, ['input'], /nothing changed/],
])('%s is refused at its field and changes nothing', async (_name, change, field, message) => {
  const o = await place([{ sku: 'SKU-1', quantity: 1 }]);
  const before = await orderSnapshot(t, o.id);
  const r = await edit({ orderId: o.id, reason: 'because', ...change });
  expectNoInternals(r.body);
  const { order, userErrors } = r.body.data!.editOrder;
  expect(order).toBeNull();
  expect(userErrors[0].field).toEqual(field);
  expect(userErrors[0].message).toMatch(message);
  expect(await orderSnapshot(t, o.id)).toEqual(before);
});

test("a key without ORDER_EDIT is refused; a key with it sees another channel's order as missing", async () => {
  const o = await place([{ sku: 'SKU-1', quantity: 1 }]);
  const before = await orderSnapshot(t, o.id);
  const reader = await createKey(t, { channelCodes: ['WEB'], permissions: ['ORDER_READ', 'ORDER_UPDATE'] });
  const denied = await edit({ orderId: o.id, shippingAmount: 1, reason: 'x' }, reader.secret);
  expect(denied.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const pos = await createKey(t, { channelCodes: ['POS'], permissions: ['ORDER_READ', 'ORDER_EDIT'] });
  const other = await edit({ orderId: o.id, shippingAmount: 1, reason: 'x' }, pos.secret);
  const missing = await edit(
    { orderId: '00000000-0000-4000-8000-000000000000', shippingAmount: 1, reason: 'x' },
    pos.secret,
  );
  expect(other.body.data!.editOrder.userErrors[0].code).toBe('NOT_FOUND');
  expect(other.body.data!.editOrder.userErrors[0].message).toBe(
    missing.body.data!.editOrder.userErrors[0].message.replace('00000000-0000-4000-8000-000000000000', o.id),
  );
  expect(await orderSnapshot(t, o.id)).toEqual(before);
  // The same key in its own channel edits.
  const mine = await place([{ sku: 'SKU-1', quantity: 1 }], { channelCode: 'POS' });
  const ok = await edit({ orderId: mine.id, shippingAmount: 1, reason: 'x' }, pos.secret);
  expect(ok.body.data!.editOrder.userErrors).toEqual([]);
  expect((await history(mine.id)).at(-1)!.actor).toMatch(/^key:/);
});

test('edits and placements racing for the last units never oversell', async () => {
  await createCatalog(t, { products: [{ sku: 'RACE', price: 100 }], stock: { RACE: { WH1: 6 } } });
  const orders = await Promise.all([0, 1, 2].map(() => place([{ sku: 'RACE', quantity: 1 }])));
  // 3 reserved, 3 left: three edits to 3 units (+2 each) and three new orders of 2 units compete for them.
  const results = await Promise.all([
    ...orders.map((o) => edit({ orderId: o.id, lines: [{ sku: 'RACE', quantity: 3 }], reason: 'more' })),
    ...[0, 1, 2].map(() =>
      t.gql<{ placeOrder: OrderPayload }>(
        `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } userErrors { code } } }`,
        {
          input: {
            channelCode: 'WEB',
            customer: { email: 'race@example.com' },
            shippingAddress: { line1: '1 Way', city: 'X', postalCode: '1', country: 'DE' },
            lines: [{ sku: 'RACE', quantity: 2 }],
          },
        },
      ),
    ),
  ]);
  for (const r of results) expect(r.body.errors).toBeUndefined();
  const [{ on_hand, reserved }] = await t.sql(
    `select on_hand, reserved from stock_level s join product p on p.id = s.product_id where p.sku = 'RACE'`,
  );
  expect(on_hand).toBe(6);
  expect(reserved).toBeLessThanOrEqual(6);
  // What is reserved is exactly what the orders hold.
  const [{ held }] = await t.sql(
    `select coalesce(sum(a.quantity - a.quantity_shipped), 0)::int as held from stock_allocation a
      join order_line l on l.id = a.order_line_id where l.sku = 'RACE'`,
  );
  expect(held).toBe(reserved);
  const refused = results.filter((r) => JSON.stringify(r.body).includes('INSUFFICIENT_STOCK')).length;
  expect(refused).toBeGreaterThan(0);
});
