/**
 * Fan-out: one status change reaches every subscriber of a channel with the same number of SQL
 * statements whether one screen follows the channel or fifty: the stream loads each update's order
 * and history entry once per server process and hands the same data to every subscriber, which
 * only filters it and resolves its fields with its own permissions (personal data stays redacted
 * for a subscriber without CUSTOMER_READ, however many others may see it).
 */
import { Client as WsClient } from 'graphql-ws';
import { OrderView, placeOrder } from './builders';
import { settle, startTestServer, TestServer } from './harness';
import type { Select, Subscription } from './support/select';
import { createKey } from './access-helpers';
import { confirmOrder, holdOrder, standardCatalog } from './order-helpers';
import { sharedExecutions } from '../src/common/shared-subscribe';

jest.setTimeout(180_000);

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ config: { maxConnectionsPerActor: 500 } }); // 50 screens signed in as one admin, and then some
  await standardCatalog(t);
});
afterAll(() => t?.stop());

const SUB = `subscription { orderUpdated(channelCode: "WEB") {
  eventId order { id number status channel { code } customer { name email } lines { sku quantity } } event { type toStatus actor } } }`;

type Update = Select<
  Subscription,
  {
    orderUpdated: {
      eventId: true;
      order: {
        id: true;
        number: true;
        status: true;
        channel: { code: true };
        customer: { name: true; email: true };
        lines: { sku: true; quantity: true };
      };
      event: { type: true; toStatus: true; actor: true };
    };
  }
>;
/** A subscription result as a screen receives it (an error ends up in errors). */
type Got<T> = { data?: T | null; errors?: readonly unknown[] };
interface Screen {
  client: WsClient;
  got: Got<Update>[];
  stop: () => void;
}

function screen(token?: string): Screen {
  const client = t.ws(token);
  const got: Got<Update>[] = [];
  const stop = client.subscribe<Update>(
    { query: SUB },
    { next: (r) => got.push(r), error: (e) => got.push({ errors: [e] }), complete: () => {} },
  );
  return { client, got, stop };
}

async function until(what: string, ok: () => boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The statements that read an update's data: the order, its history entry, and what the subscription asks of the order. */
const loads = (statements: string[]) =>
  statements.filter((s) => /from "(order|order_history|channel|customer|order_line)"/.test(s));

/** Opens n screens on the channel, changes an order's status once, and counts the server's statements until every screen has it. */
async function oneChange(screens: Screen[], change: (id: string) => Promise<unknown>) {
  // Subscribing has no acknowledgement: orders are placed until every screen has seen one.
  let order!: OrderView;
  for (let ready = false; !ready;) {
    order = (await placeOrder(t)).order;
    ready = await until(
      'every screen to see the placement',
      () => screens.every((s) => s.got.some((r) => r.data?.orderUpdated.order.id === order.id)),
      5000,
    ).then(
      () => true,
      () => false,
    );
  }
  await settle(300);
  const before = screens.map((s) => s.got.length);
  const { statements } = await t.countQueries(
    async () => {
      await change(order.id);
      await until('every screen to see the change', () => screens.every((s, i) => s.got.length > before[i]));
    },
    { background: true },
  );
  return { statements, updates: screens.map((s, i) => s.got.slice(before[i])), orderId: order.id };
}

test('one status change costs the same SQL statements for 1 subscriber as for 50, and each subscriber gets it once', async () => {
  const one = [screen()];
  await settle(500);
  const single = await oneChange(one, (id) => confirmOrder(t, id));
  for (const s of one) s.stop();

  // Two views among the fifty: 40 staff screens and 10 partner screens without CUSTOMER_READ.
  const partnerKey = await createKey(t, { channelCodes: ['WEB'], permissions: ['ORDER_READ'] });
  const fifty = Array.from({ length: 50 }, (_, i) => screen(i % 5 === 4 ? partnerKey.secret : undefined));
  await settle(1000);
  const many = await oneChange(fifty, (id) => confirmOrder(t, id));
  await settle(500);

  // Every screen got exactly the change, with the order as committed, and as its own access allows.
  for (const [i, updates] of many.updates.entries()) {
    expect(updates).toHaveLength(1);
    expect(updates[0].data!.orderUpdated).toMatchObject({
      order: { id: many.orderId, status: 'CONFIRMED', channel: { code: 'WEB' } },
      event: { type: 'STATUS_CHANGED', toStatus: 'CONFIRMED' },
    });
    if (i % 5 === 4) expect(updates[0].data!.orderUpdated.order.customer).toBeNull();
    else
      expect(updates[0].data!.orderUpdated.order.customer).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com' });
  }
  // Reading the update's data: the same statements for 50 subscribers as for one (not 2 per subscriber,
  // which was 256 against 11). Background jobs (automation, analytics refresh) may read an order inside
  // one of the two windows: a margin of 2, far below what one read per subscriber would add.
  expect(loads(many.statements).length).toBeLessThanOrEqual(loads(single.statements).length + 2);
  expect(loads(single.statements).length).toBeGreaterThan(0);
  if (process.env.SHOW_STATEMENTS)
    console.log(
      `N=1: ${single.statements.length} statements, N=50: ${many.statements.length}\n${many.statements.join('\n')}`,
    );
  // And in all (the mutation, the stream, dispatch). Periodic work (the sequencer's sweep, session
  // revalidation of open sockets, job polling) may fall inside either window: a margin of 10, far
  // below the 50 or more that any per-subscriber statement would add.
  expect(many.statements.length).toBeLessThanOrEqual(single.statements.length + 10);
  for (const s of fifty) s.stop();
});

test('subscribers share the loaded order, but each sees it with its own permissions', async () => {
  const viewerKey = await createKey(t, { channelCodes: ['WEB'], permissions: ['ORDER_READ'] });
  const admin = screen();
  const viewer = screen(viewerKey.secret);
  await settle(500);
  const { updates, orderId } = await oneChange([admin, viewer], (id) => holdOrder(t, id, 'address check'));
  const [[forAdmin], [forViewer]] = updates;
  expect(forAdmin.data!.orderUpdated.order).toMatchObject({
    id: orderId,
    status: 'ON_HOLD',
    customer: { name: 'Ada Lovelace', email: 'ada@example.com' },
    lines: [{ sku: 'SKU-1', quantity: 1 }],
  });
  expect(forViewer.data!.orderUpdated.order).toMatchObject({
    id: orderId,
    status: 'ON_HOLD',
    customer: null,
    lines: [{ sku: 'SKU-1', quantity: 1 }],
  });
  expect(forViewer.data!.orderUpdated.eventId).toBe(forAdmin.data!.orderUpdated.eventId);
  // Nothing of the customer reached the viewer's connection.
  expect(JSON.stringify(viewer.got)).not.toContain('ada@example.com');
  admin.stop();
  viewer.stop();
});

test('subscribers of the same operation text with other variables each get their own order only', async () => {
  const BY_ID = 'subscription($id: ID) { orderUpdated(id: $id) { eventId order { id status } } }';
  const a = (await placeOrder(t)).order;
  const b = (await placeOrder(t)).order;
  const watch = (id: string) => {
    const got: Got<Select<Subscription, { orderUpdated: { order: { id: true; status: true } } }>>[] = [];
    const stop = t
      .ws()
      .subscribe<Select<Subscription, { orderUpdated: { order: { id: true; status: true } } }>>(
        { query: BY_ID, variables: { id } },
        { next: (r) => got.push(r), error: (e) => got.push({ errors: [e] }), complete: () => {} },
      );
    return { got, stop };
  };
  const onA = [watch(a.id), watch(a.id)];
  const onB = watch(b.id);
  await settle(1000);
  await holdOrder(t, a.id, 'first');
  await confirmOrder(t, b.id);
  await until('every watcher to see its change', () => onA.every((w) => w.got.length >= 1) && onB.got.length >= 1);
  await settle(500);
  for (const w of onA) expect(w.got.map((r) => r.data!.orderUpdated.order)).toEqual([{ id: a.id, status: 'ON_HOLD' }]);
  expect(onB.got.map((r) => r.data!.orderUpdated.order)).toEqual([{ id: b.id, status: 'CONFIRMED' }]);
  for (const w of [...onA, onB]) w.stop();
});

test('screens resuming from different events share one execution of each update', async () => {
  // What a wall screen sends: the channel's updates after the event its board was read at.
  const RESUME = `subscription($after: ID) { orderUpdated(channelCode: "WEB", after: $after) { eventId order { id status } } }`;
  type Resumed = Select<Subscription, { orderUpdated: { eventId: true; order: { id: true; status: true } } }>;
  const latest = async () =>
    (await t.q<{ latestOrderUpdateId: string | null }>('{ latestOrderUpdateId }')).latestOrderUpdateId;
  const first = (await placeOrder(t)).order;
  const afterFirst = await latest();
  const second = (await placeOrder(t)).order;
  const afterSecond = await latest();
  expect(afterFirst).not.toBe(afterSecond);
  const watchers = [afterFirst, afterSecond, null].map((after) => {
    const got: Got<Resumed>[] = [];
    const stop = t
      .ws()
      .subscribe<Resumed>(
        { query: RESUME, variables: after ? { after } : {} },
        { next: (r) => got.push(r), error: (e) => got.push({ errors: [e] }), complete: () => {} },
      );
    return { got, stop };
  });
  // The first one catches up with the second placement (its own execution: read from the table for it alone).
  await until('the catch-up', () => watchers[0].got.length >= 1);
  expect(watchers[0].got[0].data!.orderUpdated.order.id).toBe(second.id);
  await settle(1000);
  const before = sharedExecutions();
  const seen = watchers.map((w) => w.got.length);
  await holdOrder(t, first.id, 'shared');
  await until('every watcher to see the change', () => watchers.every((w, i) => w.got.length > seen[i]));
  await settle(300);
  const updates = watchers.map((w, i) => w.got.slice(seen[i]));
  for (const u of updates)
    expect(u.map((r) => r.data!.orderUpdated.order)).toEqual([{ id: first.id, status: 'ON_HOLD' }]);
  // One execution for the three (the same view: `after` chooses the events, not what an update is).
  expect(sharedExecutions() - before).toBe(1);
  for (const w of watchers) w.stop();
});
