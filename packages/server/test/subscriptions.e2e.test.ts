import { collect, settle, startTestServer, TestServer } from './harness';
import { createCatalog, mutate, placeOrder, PLACE_ORDER, orderInput } from './builders';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await createCatalog(t, {
    channels: [{ code: 'WEB' }, { code: 'B2B' }],
    warehouses: [{ code: 'WH1', priority: 1 }],
    products: [{ sku: 'SKU-1', price: 1000 }],
    stock: { 'SKU-1': { WH1: 100 } },
  });
});
afterAll(() => t?.stop());

const SUB = `subscription($id: ID, $channelCode: String) {
  orderUpdated(id: $id, channelCode: $channelCode) {
    order { id number status channel { code } }
    event { type fromStatus toStatus actor message }
  }
}`;

test('a screen following one order sees each of its changes, and nothing of other orders', async () => {
  const { order } = await placeOrder(t);
  const other = await placeOrder(t, { customer: { email: 'other@example.com' } });
  const ws = t.ws();
  const sub = collect(ws, SUB, { id: order.id }, 2);
  await settle();
  await mutate(t, 'confirmOrder', 'id: $id', { id: other.order.id }, '$id: ID!');
  await mutate(t, 'confirmOrder', 'id: $id', { id: order.id }, '$id: ID!');
  await mutate(t, 'holdOrder', 'id: $id, reason: $r', { id: order.id, r: 'address check' }, '$id: ID!, $r: String!');
  const results = await sub.done;
  expect(results.map((r) => r.data.orderUpdated.order.id)).toEqual([order.id, order.id]);
  expect(results.map((r) => r.data.orderUpdated.event)).toEqual([
    {
      type: 'STATUS_CHANGED',
      fromStatus: 'PENDING',
      toStatus: 'CONFIRMED',
      actor: 'user:admin@test.local',
      message: null,
    },
    {
      type: 'STATUS_CHANGED',
      fromStatus: 'CONFIRMED',
      toStatus: 'ON_HOLD',
      actor: 'user:admin@test.local',
      message: 'address check',
    },
  ]);
  // The order is read after commit: it already shows the new status.
  expect(results[1].data.orderUpdated.order.status).toBe('ON_HOLD');
});

test('a channel subscription sees new and changed orders of that channel only', async () => {
  const ws = t.ws();
  const sub = collect(ws, SUB, { channelCode: 'B2B' }, 2);
  await settle();
  await placeOrder(t, { channelCode: 'WEB' });
  const b2b = await placeOrder(t, { channelCode: 'B2B', externalId: 'PO-1' });
  await mutate(
    t,
    'cancelOrder',
    'id: $id, reason: $r',
    { id: b2b.order.id, r: 'customer asked' },
    '$id: ID!, $r: String',
  );
  const results = await sub.done;
  expect(
    results.map((r) => [
      r.data.orderUpdated.order.channel.code,
      r.data.orderUpdated.event.type,
      r.data.orderUpdated.event.toStatus,
    ]),
  ).toEqual([
    ['B2B', 'PLACED', 'PENDING'],
    ['B2B', 'STATUS_CHANGED', 'CANCELLED'],
  ]);
});

test('a refused change is not published', async () => {
  const { order } = await placeOrder(t);
  const ws = t.ws();
  const sub = collect(ws, SUB, { id: order.id }, 1, 3000);
  await settle();
  const refused = await mutate(t, 'releaseOrderHold', 'id: $id', { id: order.id }, '$id: ID!');
  expect(refused.userErrors[0].code).toBe('INVALID_TRANSITION');
  const insufficient = await t.q(PLACE_ORDER, { input: orderInput({ lines: [{ sku: 'SKU-1', quantity: 100000 }] }) });
  expect(insufficient.placeOrder.userErrors[0].code).toBe('INSUFFICIENT_STOCK');
  await mutate(t, 'confirmOrder', 'id: $id', { id: order.id }, '$id: ID!');
  const results = await sub.done;
  expect(results).toHaveLength(1);
  expect(results[0].data.orderUpdated.event.toStatus).toBe('CONFIRMED');
});

test('subscribing without a token is refused with UNAUTHENTICATED', async () => {
  const ws = t.ws(null);
  const sub = collect(ws, SUB, {}, 1, 5000);
  const results = await sub.done;
  expect(results[0].errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
});

test('subscribing to an unknown channel is refused with a clear error', async () => {
  const ws = t.ws();
  const results = await collect(ws, SUB, { channelCode: 'NOPE' }, 1, 5000).done;
  expect(results[0].errors?.[0]?.message).toBe('Unknown channel NOPE');
});
