/**
 * Order tracking for customers, without a token: the order number and the e-mail it was placed
 * with open that one order, in plain words, with its parcels; a wrong pair reveals nothing and is
 * rate-limited per address; nothing internal leaks (notes, hold reasons, staff, warehouses); the
 * subscription follows that one order live.
 */
import { createCatalog, placeOrder } from './builders';
import { collect, settle, startTestServer, TestServer } from './harness';
import type { Select, TrackedOrder } from './support/select';
import {
  confirmOrder,
  createShipment,
  holdOrder,
  markShipmentDelivered,
  recordPayment,
  releaseOrderHold,
} from './order-helpers';

let t: TestServer;
let order: { id: string; number: string };
let other: { id: string; number: string };
beforeAll(async () => {
  t = await startTestServer({ config: { trackingMaxFailuresPerAddress: 6 } });
  await createCatalog(t, {
    channels: [{ code: 'WEB', currency: 'EUR' }],
    warehouses: [{ code: 'WH1', priority: 1 }],
    products: [
      { sku: 'MUG-1', price: 1250 },
      { sku: 'CAP-1', price: 1995 },
    ],
    stock: { 'MUG-1': { WH1: 100 }, 'CAP-1': { WH1: 100 } },
  });
  order = (
    await placeOrder(t, {
      customer: { email: 'Ada@Example.com', name: 'Ada' },
      lines: [
        { sku: 'MUG-1', quantity: 2 },
        { sku: 'CAP-1', quantity: 1 },
      ],
    })
  ).order;
  other = (
    await placeOrder(t, { customer: { email: 'bob@example.com', name: 'Bob' }, lines: [{ sku: 'MUG-1', quantity: 1 }] })
  ).order;
  await holdOrder(t, order.id, 'suspected fraud: card country mismatch');
  await releaseOrderHold(t, order.id);
  await t.q(
    `mutation($id: ID!) { addOrderNote(id: $id, note: "INTERNAL: customer is difficult") { userErrors { code } } }`,
    { id: order.id },
  );
  await confirmOrder(t, order.id);
  await recordPayment(t, { orderId: order.id, amount: 4495, method: 'card' });
  const shipped = await createShipment(t, order.id, 2, 'MUG-1');
  await markShipmentDelivered(t, shipped.order.shipments[0].id);
});
afterAll(() => t?.stop());

const TRACK = `query($n: String!, $e: String!) { trackOrder(number: $n, email: $e) {
  number status statusText placedAt total { amount currency }
  items { sku name quantity quantityShipped quantityReturned }
  shipments { status carrier trackingNumber shippedAt deliveredAt items { sku name quantity } }
  timeline { at text } } }`;

test('the number and e-mail open the order, without a token, in plain words', async () => {
  const res = await t.gql(TRACK, { n: order.number, e: 'ada@example.com' }, { token: null });
  expect(res.status).toBe(200);
  expect(res.body.errors).toBeUndefined();
  const o: Select<
    TrackedOrder,
    {
      number: true;
      status: true;
      statusText: true;
      placedAt: true;
      total: { amount: true; currency: true };
      items: { sku: true; name: true; quantity: true; quantityShipped: true; quantityReturned: true };
      shipments: {
        status: true;
        carrier: true;
        trackingNumber: true;
        shippedAt: true;
        deliveredAt: true;
        items: { sku: true; name: true; quantity: true };
      };
      timeline: { at: true; text: true };
    }
  > = res.body.data.trackOrder;
  expect(o).toMatchObject({
    number: order.number,
    status: 'PARTIALLY_SHIPPED',
    statusText: 'Partly shipped',
    total: { amount: 2 * 1250 + 1995 + 0, currency: 'EUR' },
    items: [
      { sku: 'MUG-1', name: 'Product MUG-1', quantity: 2, quantityShipped: 2, quantityReturned: 0 },
      { sku: 'CAP-1', name: 'Product CAP-1', quantity: 1, quantityShipped: 0, quantityReturned: 0 },
    ],
  });
  expect(o.shipments).toEqual([
    {
      status: 'DELIVERED',
      carrier: 'DHL',
      trackingNumber: expect.stringMatching(/^TRK-/),
      shippedAt: expect.any(String),
      deliveredAt: expect.any(String),
      items: [{ sku: 'MUG-1', name: 'Product MUG-1', quantity: 2 }],
    },
  ]);
  expect(o.timeline.map((s) => s.text)).toEqual([
    'Order received',
    'Order under review',
    'Order confirmed',
    'Payment received',
    'A parcel was shipped',
    'A parcel was delivered',
  ]);
});

test('the e-mail is matched whatever its case and surrounding spaces', async () => {
  const res = await t.gql(TRACK, { n: order.number, e: '  ADA@example.COM ' }, { token: null });
  expect(res.body.data.trackOrder.number).toBe(order.number);
});

test('nothing internal leaks: no notes, hold reasons, staff, warehouses or other customers', async () => {
  const res = await t.gql(TRACK, { n: order.number, e: 'ada@example.com' }, { token: null });
  const text = JSON.stringify(res.body);
  for (const secret of [
    'INTERNAL',
    'fraud',
    'card country',
    'admin@test.local',
    'user:',
    'WH1',
    'bob@example.com',
    other.number,
    order.id,
  ]) {
    expect({ secret, leaked: text.includes(secret) }).toEqual({ secret, leaked: false });
  }
  // The type itself has no field for them.
  const type = await t.gql<{ __type: { fields: { name: string }[] } }>(
    '{ __type(name: "TrackedOrder") { fields { name } } }',
    undefined,
    { token: null },
  );
  expect(type.body.data!.__type.fields.map((f) => f.name).sort()).toEqual([
    'items',
    'number',
    'placedAt',
    'shipments',
    'status',
    'statusText',
    'timeline',
    'total',
  ]);
});

test('a pair that does not match answers null, the same whether the number or the e-mail is wrong', async () => {
  const wrongEmail = await t.gql(TRACK, { n: order.number, e: 'bob@example.com' }, { token: null });
  const wrongNumber = await t.gql(TRACK, { n: '999999999', e: 'ada@example.com' }, { token: null });
  const otherOrder = await t.gql(TRACK, { n: other.number, e: 'ada@example.com' }, { token: null });
  for (const res of [wrongEmail, wrongNumber, otherOrder])
    expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: { data: { trackOrder: null } } });
  const empty = await t.gql(TRACK, { n: '', e: '' }, { token: null });
  expect(empty.body).toEqual({ data: { trackOrder: null } });
});

test('the subscription follows that one order live, without a token; a wrong pair is refused', async () => {
  const SUB = `subscription($n: String!, $e: String!) { trackedOrderUpdated(number: $n, email: $e) { status statusText timeline { text } } }`;
  const anonymous = t.ws(null);
  const live = collect(anonymous, SUB, { n: order.number, e: 'ada@example.com' }, 1, 10_000);
  await settle();
  await t.q(`mutation($id: ID!) { addOrderNote(id: $id, note: "another internal note") { userErrors { code } } }`, {
    id: other.id,
  });
  await createShipment(t, order.id, 1, 'CAP-1');
  const [update] = await live.done;
  expect(update.data.trackedOrderUpdated).toMatchObject({ status: 'SHIPPED', statusText: 'Shipped' });
  expect(update.data.trackedOrderUpdated.timeline.at(-1)).toEqual({ text: 'A parcel was shipped' });

  const refused = await collect(t.ws(null), SUB, { n: order.number, e: 'mallory@example.com' }, 1, 5000).done;
  expect(refused).toEqual([
    {
      errors: [
        expect.objectContaining({
          message: 'No order matches this number and e-mail',
          extensions: { code: 'BAD_USER_INPUT' },
        }),
      ],
    },
  ]);
});

test('after too many lookups that match nothing, the address is refused for a while, even with the right pair', async () => {
  // 5 failures so far in this file (3 + empty + the refused subscription); the limit is 6.
  const sixth = await t.gql(TRACK, { n: '123', e: 'guess@example.com' }, { token: null });
  expect(sixth.body).toEqual({ data: { trackOrder: null } });
  const blocked = await t.gql(TRACK, { n: order.number, e: 'ada@example.com' }, { token: null });
  expect(blocked.status).toBe(429);
  expect(blocked.body.errors![0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
  expect(blocked.body.errors![0].message).toMatch(
    /^Too many order lookups that matched nothing from this address; retry in \d+ s$/,
  );
});
