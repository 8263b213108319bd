/**
 * Bad input is refused cleanly: INVALID_INPUT naming the field at fault, CONFLICT for duplicate
 * codes, NOT_FOUND for unknown ids, a 4xx for requests that do not fit the schema, never a crash
 * or a stack trace, and never half of an order in the database.
 */
import { OrderPayload, orderInput, PLACE_ORDER } from './builders';
import type { UserError } from './support/select';
import { startTestServer, TestServer } from './harness';
import {
  cancelOrder,
  confirmOrder,
  countRows,
  createReturn,
  createShipment,
  driveTo,
  expectNoInternals,
  holdOrder,
  markShipmentDelivered,
  onlyError,
  ORDER_TABLES,
  recordPayment,
  releaseOrderHold,
  standardCatalog,
  totalReserved,
} from './order-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await standardCatalog(t);
});
afterAll(() => t?.stop());

const BIG = 'x'.repeat(200 * 1024);
const raw = (input: Record<string, unknown>) => t.gql<{ placeOrder: OrderPayload }>(PLACE_ORDER, { input });

/** Places an order that must be refused, and checks that not a single row was written. */
async function refusedPlacement(overrides: Record<string, unknown>) {
  const before = { rows: await countRows(t, ORDER_TABLES), reserved: await totalReserved(t) };
  const res = await raw(orderInput(overrides));
  expect(res.status).toBe(200);
  expectNoInternals(res.body);
  expect(res.body.errors).toBeUndefined();
  const payload = res.body.data!.placeOrder;
  expect(payload.order).toBeNull();
  expect({ rows: await countRows(t, ORDER_TABLES), reserved: await totalReserved(t) }).toEqual(before);
  return { payload, res };
}

const fieldsAndCodes = (errors: Pick<UserError, 'code' | 'field'>[]) => errors.map((e) => [e.code, e.field]);

describe('placeOrder refuses bad input with INVALID_INPUT at the field, writing nothing', () => {
  const cases: [string, Record<string, unknown>, [string, string[]][]][] = [
    [
      'a quantity of 0',
      { lines: [{ sku: 'SKU-1', quantity: 0 }] },
      [['INVALID_INPUT', ['input', 'lines', '0', 'quantity']]],
    ],
    [
      'a negative quantity on the second line',
      {
        lines: [
          { sku: 'SKU-1', quantity: 1 },
          { sku: 'SKU-2', quantity: -3 },
        ],
      },
      [['INVALID_INPUT', ['input', 'lines', '1', 'quantity']]],
    ],
    [
      'a quantity over a million',
      { lines: [{ sku: 'SKU-1', quantity: 1_000_001 }] },
      [['INVALID_INPUT', ['input', 'lines', '0', 'quantity']]],
    ],
    [
      'an unknown SKU on the second line',
      {
        lines: [
          { sku: 'SKU-1', quantity: 1 },
          { sku: 'NO-SUCH-SKU', quantity: 1 },
        ],
      },
      [['INVALID_INPUT', ['input', 'lines', '1', 'sku']]],
    ],
    [
      'the same SKU on two lines',
      {
        lines: [
          { sku: 'SKU-1', quantity: 1 },
          { sku: 'SKU-1', quantity: 2 },
        ],
      },
      [['INVALID_INPUT', ['input', 'lines', '1', 'sku']]],
    ],
    ['an empty SKU', { lines: [{ sku: '', quantity: 1 }] }, [['INVALID_INPUT', ['input', 'lines', '0', 'sku']]]],
    ['no lines at all', { lines: [] }, [['INVALID_INPUT', ['input', 'lines']]]],
    [
      'a negative unit price',
      { lines: [{ sku: 'SKU-1', quantity: 1, unitPrice: -1 }] },
      [['INVALID_INPUT', ['input', 'lines', '0', 'unitPrice']]],
    ],
    ['an unknown channel', { channelCode: 'NO-SUCH-CHANNEL' }, [['INVALID_INPUT', ['input', 'channelCode']]]],
    ['an empty channel code', { channelCode: '' }, [['INVALID_INPUT', ['input', 'channelCode']]]],
    [
      'an e-mail without an @',
      { customer: { email: 'ada.example.com', name: 'Ada' } },
      [['INVALID_INPUT', ['input', 'customer', 'email']]],
    ],
    [
      'an e-mail with spaces',
      { customer: { email: 'ada lovelace@example.com', name: 'Ada' } },
      [['INVALID_INPUT', ['input', 'customer', 'email']]],
    ],
    [
      'a customer name of 201 characters',
      { customer: { email: 'long@example.com', name: 'n'.repeat(201) } },
      [['INVALID_INPUT', ['input', 'customer', 'name']]],
    ],
    [
      'a country that is not ISO 3166',
      { shippingAddress: { ...orderInput().shippingAddress, country: 'XX' } },
      [['INVALID_INPUT', ['input', 'shippingAddress', 'country']]],
    ],
    [
      'a country written out',
      { shippingAddress: { ...orderInput().shippingAddress, country: 'Germany' } },
      [['INVALID_INPUT', ['input', 'shippingAddress', 'country']]],
    ],
    [
      'an empty street',
      { shippingAddress: { ...orderInput().shippingAddress, line1: '' } },
      [['INVALID_INPUT', ['input', 'shippingAddress', 'line1']]],
    ],
    [
      'a postal code of 33 characters',
      { shippingAddress: { ...orderInput().shippingAddress, postalCode: '1'.repeat(33) } },
      [['INVALID_INPUT', ['input', 'shippingAddress', 'postalCode']]],
    ],
    ['a negative shipping amount', { shippingAmount: -1 }, [['INVALID_INPUT', ['input', 'shippingAmount']]]],
    ['an external id of 129 characters', { externalId: 'e'.repeat(129) }, [['INVALID_INPUT', ['input', 'externalId']]]],
    ['a note of 2001 characters', { note: 'n'.repeat(2001) }, [['INVALID_INPUT', ['input', 'note']]]],
    [
      'a bad e-mail and a zero quantity together',
      { customer: { email: 'nope' }, lines: [{ sku: 'SKU-1', quantity: 0 }] },
      [
        ['INVALID_INPUT', ['input', 'customer', 'email']],
        ['INVALID_INPUT', ['input', 'lines', '0', 'quantity']],
      ],
    ],
    [
      'a total beyond what an integer holds',
      {
        customer: { email: 'rich@example.com' },
        lines: [{ sku: 'SKU-1', quantity: 1_000_000, unitPrice: 1_000_000_000 }],
      },
      [['INVALID_INPUT', ['input', 'lines']]],
    ],
    [
      'more units than are in stock',
      {
        customer: { email: 'greedy@example.com' },
        lines: [
          { sku: 'SKU-2', quantity: 1 },
          { sku: 'SKU-1', quantity: 5000 },
        ],
      },
      [['INSUFFICIENT_STOCK', ['input', 'lines', '1', 'quantity']]],
    ],
  ];

  test.each(cases)('%s', async (_what, overrides, expected) => {
    const { payload } = await refusedPlacement(overrides);
    expect(fieldsAndCodes(payload.userErrors)).toEqual(expected);
    for (const e of payload.userErrors) expect(e.message).toEqual(expect.any(String));
  });

  test('the messages say what is wrong', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ lines: [{ sku: 'SKU-1', quantity: 0 }] }, 'lines.0.quantity: quantity must not be less than 1'],
      [{ lines: [{ sku: 'NOPE', quantity: 1 }] }, 'Unknown SKU NOPE'],
      [{ channelCode: 'NOPE' }, 'Unknown channel NOPE'],
      [{ customer: { email: 'nope' } }, 'customer.email: email must be a valid e-mail address'],
      [
        { shippingAddress: { ...orderInput().shippingAddress, country: 'XX' } },
        'shippingAddress.country: country must be an ISO 3166-1 alpha-2 code such as DE',
      ],
      [{ lines: [] }, 'lines: lines must contain at least one line'],
      [
        { customer: { email: 'x@example.com' }, lines: [{ sku: 'SKU-1', quantity: 5000 }] },
        'Not enough stock for SKU-1: 5000 ordered, 1000 available',
      ],
    ];
    for (const [overrides, message] of cases) {
      const { payload } = await refusedPlacement(overrides);
      expect(payload.userErrors.map((e) => e.message)).toEqual([message]);
    }
  });

  test('a lower-case country code is accepted and stored upper-case', async () => {
    const res = await raw(orderInput({ shippingAddress: { ...orderInput().shippingAddress, country: 'gb' } }));
    expect(res.body.data!.placeOrder.userErrors).toEqual([]);
    const [row] = await t.sql('select ship_country from "order" where id = $1', [res.body.data!.placeOrder.order.id]);
    expect(row.ship_country).toBe('GB');
  });
});

describe('very long strings', () => {
  test.each([
    ['customer name', { customer: { email: 'big@example.com', name: BIG } }, ['input', 'customer', 'name']],
    ['note', { note: BIG }, ['input', 'note']],
    [
      'street',
      { shippingAddress: { ...orderInput().shippingAddress, line1: BIG } },
      ['input', 'shippingAddress', 'line1'],
    ],
    ['SKU', { lines: [{ sku: BIG, quantity: 1 }] }, ['input', 'lines', '0', 'sku']],
  ])(
    'a 200 kB %s gets a short INVALID_INPUT answer and the server keeps answering',
    async (_what, overrides, field) => {
      const { payload, res } = await refusedPlacement(overrides);
      expect(fieldsAndCodes(payload.userErrors)).toEqual([['INVALID_INPUT', field]]);
      expect(JSON.stringify(res.body).length).toBeLessThan(2000);
      expect((await t.q('{ channels { code } }')).channels).toEqual([{ code: 'WEB' }]);
    },
  );

  test('a 200 kB hold reason, cancel reason, payment reference or warehouse name is INVALID_INPUT and changes nothing', async () => {
    const o = await driveTo(t, 'CONFIRMED');
    const before = await countRows(t, [...ORDER_TABLES, 'warehouse']);
    const hold = await holdOrder(t, o.id, BIG);
    expect(fieldsAndCodes(hold.userErrors)).toEqual([['INVALID_INPUT', ['reason']]]);
    const cancel = await cancelOrder(t, o.id, BIG);
    expect(fieldsAndCodes(cancel.userErrors)).toEqual([['INVALID_INPUT', ['reason']]]);
    const pay = await recordPayment(t, { orderId: o.id, amount: 100, method: 'card', reference: BIG });
    expect(fieldsAndCodes(pay.userErrors)).toEqual([['INVALID_INPUT', ['input', 'reference']]]);
    const wh = await t.q(
      `mutation($i: CreateWarehouseInput!) { createWarehouse(input: $i) { warehouse { id } userErrors { field code } } }`,
      { i: { code: 'BIG', name: BIG, priority: 1 } },
    );
    expect(wh.createWarehouse).toEqual({
      warehouse: null,
      userErrors: [{ field: ['input', 'name'], code: 'INVALID_INPUT' }],
    });
    expect(await countRows(t, [...ORDER_TABLES, 'warehouse'])).toEqual(before);
    const [row] = await t.sql('select status, hold_reason from "order" where id = $1', [o.id]);
    expect(row).toEqual({ status: 'CONFIRMED', hold_reason: null });
  });

  test('a 200 kB e-mail at login is just wrong credentials', async () => {
    const res = await t.gql(
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token userErrors { code } } }`,
      { e: BIG, p: BIG },
      { token: null },
    );
    expect(res.body).toEqual({ data: { login: { token: null, userErrors: [{ code: 'INVALID_CREDENTIALS' }] } } });
  });
});

describe('text the database cannot store', () => {
  test.each([
    [
      'customer name',
      { customer: { email: 'nul@example.com', name: 'Ada\u0000Lovelace' } },
      ['input', 'customer', 'name'],
    ],
    ['note', { note: 'leave at door\u0000' }, ['input', 'note']],
    [
      'city',
      { shippingAddress: { ...orderInput().shippingAddress, city: 'Lon\u0000don' } },
      ['input', 'shippingAddress', 'city'],
    ],
  ])('a NUL character in the %s is INVALID_INPUT, not a server error', async (_what, overrides, field) => {
    const { payload } = await refusedPlacement(overrides);
    expect(fieldsAndCodes(payload.userErrors)).toEqual([['INVALID_INPUT', field]]);
  });

  test('a NUL character in a reason, a payment, a shipment, a channel or at login is refused cleanly', async () => {
    const o = await driveTo(t, 'CONFIRMED');
    const before = await countRows(t, [...ORDER_TABLES, 'channel']);
    const hold = await holdOrder(t, o.id, 'fraud\u0000');
    expect(hold.userErrors).toEqual([
      { code: 'INVALID_INPUT', field: ['reason'], message: 'reason must not contain NUL characters' },
    ]);
    const cancel = await cancelOrder(t, o.id, '\u0000');
    expect(fieldsAndCodes(cancel.userErrors)).toEqual([['INVALID_INPUT', ['reason']]]);
    const pay = await recordPayment(t, { orderId: o.id, amount: 100, method: 'card', reference: 'ch_\u0000' });
    expect(pay.userErrors).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'reference'], message: 'reference: must not contain NUL characters' },
    ]);
    const ship = await t.q(
      `mutation($i: CreateShipmentInput!) { createShipment(input: $i) { userErrors { field code } } }`,
      { i: { orderId: o.id, warehouseCode: 'WH1', carrier: 'D\u0000HL', lines: [{ sku: 'SKU-1', quantity: 1 }] } },
    );
    expect(ship.createShipment.userErrors).toEqual([{ field: ['input', 'carrier'], code: 'INVALID_INPUT' }]);
    const channel = await t.q(
      `mutation($i: CreateChannelInput!) { createChannel(input: $i) { userErrors { field code } } }`,
      { i: { code: 'NUL', name: 'a\u0000b', currency: 'EUR' } },
    );
    expect(channel.createChannel.userErrors).toEqual([{ field: ['input', 'name'], code: 'INVALID_INPUT' }]);
    expect(await countRows(t, [...ORDER_TABLES, 'channel'])).toEqual(before);
    const [row] = await t.sql('select status from "order" where id = $1', [o.id]);
    expect(row.status).toBe('CONFIRMED');
    const res = await t.gql(
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token userErrors { code } } }`,
      { e: 'admin\u0000@test.local', p: 'x' },
      { token: null },
    );
    expect(res.body).toEqual({ data: { login: { token: null, userErrors: [{ code: 'INVALID_CREDENTIALS' }] } } });
  });

  test('unicode beyond ASCII is stored as given', async () => {
    const res = await raw(
      orderInput({
        customer: { email: 'zoe@example.com', name: 'Zoë Łukasiewicz 日本 🚀' },
        note: 'Bitte klingeln – danke!',
      }),
    );
    expect(res.body.data!.placeOrder.userErrors).toEqual([]);
    const [row] = await t.sql(
      `select c.name, o.note from "order" o join customer c on c.id = o.customer_id where o.id = $1`,
      [res.body.data!.placeOrder.order.id],
    );
    expect(row).toEqual({ name: 'Zoë Łukasiewicz 日本 🚀', note: 'Bitte klingeln – danke!' });
  });
});

describe('requests that do not fit the schema get a 4xx GraphQL error, not a 500', () => {
  test('a quantity of "two" in the variables is BAD_USER_INPUT with status 400, and nothing is written', async () => {
    const before = await countRows(t, ORDER_TABLES);
    const res = await raw({ ...orderInput(), lines: [{ sku: 'SKU-1', quantity: 'two' }] });
    expect(res.status).toBe(400);
    const error = onlyError(res);
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(error.message).toMatch(/\$input.*lines.*quantity.*Int/);
    expect(res.body.data).toBeUndefined();
    expect(await countRows(t, ORDER_TABLES)).toEqual(before);
  });

  test.each([
    ['a quantity beyond 32 bits', { ...orderInput(), lines: [{ sku: 'SKU-1', quantity: 2 ** 31 }] }],
    ['a fractional quantity', { ...orderInput(), lines: [{ sku: 'SKU-1', quantity: 1.5 }] }],
    ['a missing required field', { ...orderInput(), channelCode: undefined }],
    ['an unknown input field', { ...orderInput(), coupon: 'FREE' }],
    ['a list where an object belongs', { ...orderInput(), customer: ['ada@example.com'] }],
  ])('%s is BAD_USER_INPUT with status 400', async (_what, input) => {
    const res = await raw(input as Record<string, unknown>);
    expect(res.status).toBe(400);
    expect(onlyError(res).extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  test('a string literal where an Int belongs in the query text is GRAPHQL_VALIDATION_FAILED with status 400', async () => {
    const res = await t.gql(`mutation { placeOrder(input: { channelCode: "WEB", customer: { email: "a@b.co" },
      shippingAddress: { line1: "x", city: "y", postalCode: "z", country: "DE" }, lines: [{ sku: "SKU-1", quantity: "two" }] }) { order { id } } }`);
    expect(res.status).toBe(400);
    expect(onlyError(res).extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  test('a field the schema does not have is GRAPHQL_VALIDATION_FAILED with status 400', async () => {
    const res = await t.gql('{ orders { nodes { id secretField } } }');
    expect(res.status).toBe(400);
    expect(onlyError(res).extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  test('a query that does not parse is GRAPHQL_PARSE_FAILED with status 400', async () => {
    const res = await t.gql('{ orders { nodes { id } ');
    expect(res.status).toBe(400);
    expect(onlyError(res).extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
  });
});

describe('unknown ids are NOT_FOUND', () => {
  const ids: [string, string][] = [
    ['a random UUID', '0b7d3f6e-8c1a-4f55-9e2b-7a6c5d4e3f21'],
    ['a string that is no UUID', 'order-42'],
  ];

  test.each(ids)('every order action with %s says NOT_FOUND at the id field and writes nothing', async (_what, id) => {
    const before = await countRows(t, [...ORDER_TABLES, 'order_return']);
    const message = `No order with id ${JSON.stringify(id)}`;
    expect((await confirmOrder(t, id)).userErrors).toEqual([{ code: 'NOT_FOUND', field: ['id'], message }]);
    expect((await holdOrder(t, id)).userErrors).toEqual([{ code: 'NOT_FOUND', field: ['id'], message }]);
    expect((await releaseOrderHold(t, id)).userErrors).toEqual([{ code: 'NOT_FOUND', field: ['id'], message }]);
    expect((await cancelOrder(t, id)).userErrors).toEqual([{ code: 'NOT_FOUND', field: ['id'], message }]);
    expect((await createShipment(t, id, 1)).userErrors).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'orderId'], message },
    ]);
    expect((await createReturn(t, id, 1)).userErrors).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'orderId'], message },
    ]);
    expect((await recordPayment(t, { orderId: id, amount: 1, method: 'card' })).userErrors).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'orderId'], message },
    ]);
    expect((await markShipmentDelivered(t, id)).userErrors).toEqual([
      { code: 'NOT_FOUND', field: ['shipmentId'], message: `No shipment with id ${JSON.stringify(id)}` },
    ]);
    expect(await countRows(t, [...ORDER_TABLES, 'order_return'])).toEqual(before);
  });

  test.each(ids)('the order query with %s answers null, without an error', async (_what, id) => {
    const res = await t.gql('query($id: ID) { order(id: $id) { id } }', { id });
    expect(res.body).toEqual({ data: { order: null } });
  });

  // 36 characters of hex digits and dashes, but no UUID: once matched a looser pattern and reached the database.
  const NOT_A_UUID = '------------------------------------';
  test('ids shaped like a UUID but not one: a clean answer from exports, events and API keys, never a server error', async () => {
    expect(await t.q('query($id: ID!) { exportJob(id: $id) { id } }', { id: NOT_A_UUID })).toEqual({ exportJob: null });
    const events = await t.gql('query($a: ID) { events(first: 1, aggregateId: $a) { nodes { id } } }', {
      a: NOT_A_UUID,
    });
    expectNoInternals(events.body);
    expect(events.body.errors?.[0].message).toBe('aggregateId is not a valid id');
    const key = await t.gql('mutation($id: ID!) { revokeApiKey(id: $id) { userErrors { code field } } }', {
      id: NOT_A_UUID,
    });
    expect(key.body).toEqual({ data: { revokeApiKey: { userErrors: [{ code: 'NOT_FOUND', field: ['id'] }] } } });
  });

  test('an unknown order number answers null', async () => {
    expect(await t.q('{ order(number: "999999999") { id } }')).toEqual({ order: null });
  });
});

describe('channels, warehouses and products', () => {
  const CREATE_CHANNEL = `mutation($i: CreateChannelInput!) { createChannel(input: $i) { channel { code } userErrors { field code message } } }`;
  const CREATE_WAREHOUSE = `mutation($i: CreateWarehouseInput!) { createWarehouse(input: $i) { warehouse { code } userErrors { field code message } } }`;
  const UPSERT_PRODUCT = `mutation($i: UpsertProductInput!) { upsertProduct(input: $i) { product { sku } userErrors { field code message } } }`;

  test('a second channel with an existing code is a CONFLICT at input.code, and the first is unchanged', async () => {
    const before = await t.sql('select code, name, currency from channel order by code');
    const r = await t.q(CREATE_CHANNEL, { i: { code: 'WEB', name: 'Other web', currency: 'USD' } });
    expect(r.createChannel).toEqual({
      channel: null,
      userErrors: [{ field: ['input', 'code'], code: 'CONFLICT', message: 'A channel with code WEB already exists' }],
    });
    expect(await t.sql('select code, name, currency from channel order by code')).toEqual(before);
  });

  test('a second warehouse with an existing code is a CONFLICT at input.code, and the first is unchanged', async () => {
    const before = await t.sql('select code, name, priority from warehouse order by code');
    const r = await t.q(CREATE_WAREHOUSE, { i: { code: 'WH1', name: 'Other', priority: 0 } });
    expect(r.createWarehouse).toEqual({
      warehouse: null,
      userErrors: [{ field: ['input', 'code'], code: 'CONFLICT', message: 'A warehouse with code WH1 already exists' }],
    });
    expect(await t.sql('select code, name, priority from warehouse order by code')).toEqual(before);
  });

  test.each([
    ['a code with spaces', { code: 'MY SHOP', name: 'x', currency: 'EUR' }, ['input', 'code']],
    ['an empty code', { code: '', name: 'x', currency: 'EUR' }, ['input', 'code']],
    ['a lower-case currency', { code: 'SHOP1', name: 'x', currency: 'eur' }, ['input', 'currency']],
    ['a made-up currency', { code: 'SHOP2', name: 'x', currency: 'ABC' }, ['input', 'currency']],
    ['an empty name', { code: 'SHOP3', name: '', currency: 'EUR' }, ['input', 'name']],
  ])('a channel with %s is INVALID_INPUT at that field and not created', async (_what, input, field) => {
    const before = await countRows(t, ['channel']);
    const r = await t.q(CREATE_CHANNEL, { i: input });
    expect(r.createChannel.channel).toBeNull();
    // An empty code breaks two rules (length and characters): both are reported, at the same field.
    expect(new Set(fieldsAndCodes(r.createChannel.userErrors).map((e) => JSON.stringify(e)))).toEqual(
      new Set([JSON.stringify(['INVALID_INPUT', field])]),
    );
    expect(await countRows(t, ['channel'])).toEqual(before);
  });

  test.each([
    ['a negative priority', { code: 'WH9', name: 'x', priority: -1 }, ['input', 'priority']],
    ['a code with a slash', { code: 'WH/9', name: 'x', priority: 1 }, ['input', 'code']],
  ])('a warehouse with %s is INVALID_INPUT at that field and not created', async (_what, input, field) => {
    const before = await countRows(t, ['warehouse']);
    const r = await t.q(CREATE_WAREHOUSE, { i: input });
    expect(fieldsAndCodes(r.createWarehouse.userErrors)).toEqual([['INVALID_INPUT', field]]);
    expect(await countRows(t, ['warehouse'])).toEqual(before);
  });

  test.each([
    ['a SKU with spaces', { sku: 'SKU 9', name: 'x', price: 1, currency: 'EUR' }, ['input', 'sku']],
    ['a negative price', { sku: 'SKU-9', name: 'x', price: -1, currency: 'EUR' }, ['input', 'price']],
    ['a made-up currency', { sku: 'SKU-9', name: 'x', price: 1, currency: 'ABC' }, ['input', 'currency']],
  ])('a product with %s is INVALID_INPUT at that field and not created', async (_what, input, field) => {
    const before = await countRows(t, ['product']);
    const r = await t.q(UPSERT_PRODUCT, { i: input });
    expect(fieldsAndCodes(r.upsertProduct.userErrors)).toEqual([['INVALID_INPUT', field]]);
    expect(await countRows(t, ['product'])).toEqual(before);
  });

  test('stock cannot be adjusted for an unknown SKU or warehouse, nor by 0', async () => {
    const ADJUST = `mutation($i: AdjustStockInput!) { adjustStock(input: $i) { stockLevel { onHand } userErrors { field code } } }`;
    const before = await t.sql('select * from stock_level order by id');
    const bySku = await t.q(ADJUST, { i: { sku: 'NOPE', warehouseCode: 'WH1', delta: 1, reason: 'x' } });
    expect(bySku.adjustStock).toEqual({
      stockLevel: null,
      userErrors: [{ field: ['input', 'sku'], code: 'NOT_FOUND' }],
    });
    const byWarehouse = await t.q(ADJUST, { i: { sku: 'SKU-1', warehouseCode: 'NOPE', delta: 1, reason: 'x' } });
    expect(byWarehouse.adjustStock).toEqual({
      stockLevel: null,
      userErrors: [{ field: ['input', 'warehouseCode'], code: 'NOT_FOUND' }],
    });
    const zero = await t.q(ADJUST, { i: { sku: 'SKU-1', warehouseCode: 'WH1', delta: 0, reason: 'x' } });
    expect(zero.adjustStock).toEqual({
      stockLevel: null,
      userErrors: [{ field: ['input', 'delta'], code: 'INVALID_INPUT' }],
    });
    expect(await t.sql('select * from stock_level order by id')).toEqual(before);
  });
});

test.each([
  ['product(sku:)', '{ product(sku: "A\\u0000B") { sku } }', 'sku must not contain NUL characters'],
  ['order(number:)', '{ order(number: "1\\u00002") { id } }', 'number must not contain NUL characters'],
  [
    'orders search',
    '{ orders(filter: { search: "a\\u0000" }) { totalCount } }',
    'filter.search must not contain NUL characters',
  ],
  ['products search', '{ products(search: "a\\u0000") { totalCount } }', 'search must not contain NUL characters'],
  [
    'stockLevels filter',
    '{ stockLevels(warehouseCode: "W\\u0000") { onHand } }',
    'warehouseCode must not contain NUL characters',
  ],
])(
  'a NUL character in the %s argument is BAD_USER_INPUT naming it, not a server error',
  async (_what, query, message) => {
    const res = await t.gql(query);
    expectNoInternals(res.body);
    expect(res.body.errors).toEqual([expect.objectContaining({ message, extensions: { code: 'BAD_USER_INPUT' } })]);
  },
);

test('after all of the above the server still places orders', async () => {
  const res = await raw(orderInput());
  expect(res.status).toBe(200);
  expect(res.body.data!.placeOrder.userErrors).toEqual([]);
  expect(res.body.data!.placeOrder.order.status).toBe('PENDING');
});
