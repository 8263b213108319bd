/**
 * `latestOrderUpdateId`: a screen reads it with the data it shows, then subscribes with
 * `orderUpdated(after:)` it, and so receives the changes committed in between (after its read,
 * before the server registered its subscription), which a subscription without `after` never
 * sends. A partner key is answered from its own channels' updates only. With no update yet, the
 * answer is the nil UUID, the start of the stream.
 */
import { createKey, userWithRole } from './access-helpers';
import { adjustStock, createCatalog, placeOrder } from './builders';
import { collect, settle, startTestServer, TestServer } from './harness';
import { cancelOrder, confirmOrder } from './order-helpers';
import type { Query, Select, Subscription } from './support/select';

let t: TestServer;
let viewer: string;
beforeAll(async () => {
  t = await startTestServer();
  await createCatalog(t, {
    channels: [{ code: 'WEB' }, { code: 'B2B' }, { code: 'POS' }],
    warehouses: [{ code: 'WH1', priority: 1 }],
    products: [{ sku: 'SKU-1', price: 1000 }],
    stock: { 'SKU-1': { WH1: 100 } },
  });
  viewer = (await userWithRole(t, 'VIEWER')).token;
});
afterAll(() => t?.stop());

const LATEST = '{ latestOrderUpdateId }';
const latest = async (token: string) =>
  (await t.q<Select<Query, { latestOrderUpdateId: true }>>(LATEST, undefined, { token })).latestOrderUpdateId;

const SUB = `subscription($after: ID) {
  orderUpdated(after: $after) { eventId order { id number status channel { code } } event { type toStatus } } }`;
type Update = Select<
  Subscription,
  {
    orderUpdated: {
      eventId: true;
      order: { id: true; number: true; status: true; channel: { code: true } };
      event: { type: true; toStatus: true };
    };
  }
>;

/** The stream event of an order's placement, straight from the table. */
async function placementEvent(orderId: string): Promise<string> {
  const [row] = await t.sql<{ id: string }>(
    `select id from domain_event where aggregate_id = $1 and type = 'order.placed'`,
    [orderId],
  );
  return row.id;
}

/** The next `n` updates of a subscription with `after`, then checks that no more come. */
async function updates(token: string, after: string | null, n: number) {
  const got = n ? await collect<Update>(t.ws(token), SUB, { after }, n).done : [];
  const extra = collect<Update>(t.ws(token), SUB, { after }, n + 1, 800);
  await expect(extra.done).rejects.toThrow(/timed out/);
  return got.map((r) => {
    expect(r.errors).toBeUndefined();
    return r.data!.orderUpdated;
  });
}

const STREAM_START = '00000000-0000-0000-0000-000000000000';

// First: the stream has no order update yet (the catalog's stock changes are not order updates).
test('with no order update yet the answer is the start of the stream, and resuming after it misses nothing', async () => {
  expect(await latest(viewer)).toBe(STREAM_START);
  // The first order ever, committed after the read and before the subscription: sent.
  const { order } = await placeOrder(t, { channelCode: 'WEB' });
  const [got] = await updates(viewer, STREAM_START, 1);
  expect(got).toMatchObject({ order: { id: order.id }, event: { type: 'PLACED' } });
  expect(await latest(viewer)).toBe(got.eventId);
  // Without `after`, a subscription gets the changes from when the server registered it on.
  const sub = collect<Update>(t.ws(viewer), SUB, { after: null }, 1);
  await settle();
  await confirmOrder(t, order.id);
  const [live] = await sub.done;
  expect(live.data!.orderUpdated).toMatchObject({ order: { id: order.id }, event: { toStatus: 'CONFIRMED' } });
});

test('a viewer that subscribes after its answer gets the changes committed between its read and its subscription', async () => {
  const seen = await latest(viewer);
  expect(seen).not.toBe(STREAM_START);
  // Committed after the read, before the subscription started: a subscription without `after` misses them.
  const { order } = await placeOrder(t, { channelCode: 'B2B' });
  await confirmOrder(t, order.id);
  const got = await updates(viewer, seen, 2);
  expect(got.map((u) => [u.order.id, u.event.type, u.event.toStatus])).toEqual([
    [order.id, 'PLACED', 'PENDING'],
    [order.id, 'STATUS_CHANGED', 'CONFIRMED'],
  ]);
  // Read right after the change, the answer is that change (numbered by the read if the stream has not yet).
  expect(await latest(viewer)).toBe(got[1].eventId);
});

test('the answer is the last update a subscriber received: stock changes and the event next to a cancellation are not updates', async () => {
  const { order } = await placeOrder(t, { channelCode: 'WEB' });
  const from = await latest(viewer);
  await cancelOrder(t, order.id); // also writes order.cancelled, which subscribers never receive
  await adjustStock(t, 'SKU-1', 'WH1', 5);
  const [cancelled] = await updates(viewer, from, 1);
  expect(cancelled).toMatchObject({ order: { id: order.id, status: 'CANCELLED' }, event: { toStatus: 'CANCELLED' } });
  expect(await latest(viewer)).toBe(cancelled.eventId);
  // Nothing follows it.
  await updates(viewer, await latest(viewer), 0);
});

test("a partner key's answer is an update of its own channels, never of another's, and resuming after it works", async () => {
  const web = await createKey(t, { channelCodes: ['WEB'], permissions: ['ORDER_READ'] });
  const pos = await createKey(t, { channelCodes: ['POS'], permissions: ['ORDER_READ'] });
  const { order: inWeb } = await placeOrder(t, { channelCode: 'WEB' });
  const { order: inB2b } = await placeOrder(t, { channelCode: 'B2B' }); // the newest update of all
  const key = await latest(web.secret);
  expect(key).toBe(await placementEvent(inWeb.id));
  expect(await latest(t.token)).toBe(await placementEvent(inB2b.id));
  // Resuming after it, the key gets its channel's next change, and nothing of B2B.
  const { order: next } = await placeOrder(t, { channelCode: 'WEB' });
  await placeOrder(t, { channelCode: 'B2B' });
  const [got] = await updates(web.secret, key, 1);
  expect(got).toMatchObject({ order: { id: next.id, channel: { code: 'WEB' } }, event: { type: 'PLACED' } });
  expect(await latest(web.secret)).toBe(got.eventId);
  // A key whose channels have no order update yet gets the start of the stream, not another
  // channel's event; resuming after it, it gets its own channel's updates only.
  expect(await latest(pos.secret)).toBe(STREAM_START);
  await placeOrder(t, { channelCode: 'B2B' });
  const { order: inPos } = await placeOrder(t, { channelCode: 'POS' });
  const [posUpdate] = await updates(pos.secret, STREAM_START, 1);
  expect(posUpdate.order.id).toBe(inPos.id);
  expect(await latest(pos.secret)).toBe(posUpdate.eventId);
});

test('a caller without ORDER_READ is refused', async () => {
  const key = await createKey(t, { channelCodes: ['WEB'], permissions: ['STOCK_READ'] });
  const res = await t.gql(LATEST, undefined, { token: key.secret });
  expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(res.body.data?.latestOrderUpdateId ?? null).toBeNull();
});
