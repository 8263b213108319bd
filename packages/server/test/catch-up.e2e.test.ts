/**
 * Subscription catch-up: a subscriber that resumes with `orderUpdated(after: <last eventId it
 * saw>)` first receives every later update of its filter from the stream table, in stream order,
 * then the live ones, with none missed and none twice, even while changes keep committing during
 * the catch-up. Unknown ids and events outside a partner key's channels are refused. Two
 * transactions that commit in the opposite order of their writes still reach subscribers in
 * stream order, and a subscriber resuming in between misses neither.
 */
import { Client } from 'pg';
import { createCatalog, placeOrder } from './builders';
import { collect, settle, startTestServer, TestServer } from './harness';
import type { Select, Subscription } from './support/select';
import { createKey } from './access-helpers';
import { cancelOrder, confirmOrder, holdOrder, recordPayment, releaseOrderHold } from './order-helpers';

jest.setTimeout(60_000);

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await createCatalog(t, {
    channels: [{ code: 'WEB' }, { code: 'B2B' }],
    warehouses: [{ code: 'WH1', priority: 1 }],
    products: [{ sku: 'SKU-1', price: 1000 }],
    stock: { 'SKU-1': { WH1: 1000 } },
  });
});
afterAll(() => t?.stop());

const SUB = `subscription($id: ID, $channelCode: String, $after: ID) {
  orderUpdated(id: $id, channelCode: $channelCode, after: $after) { eventId order { id status } event { type toStatus } } }`;
type Update = Select<
  Subscription,
  { orderUpdated: { eventId: true; order: { id: true; status: true }; event: { type: true; toStatus: true } } }
>;

/** Follows a subscription; `settled(n)` waits for n results, then a moment more, and says whether any more came. */
function follow(variables: Record<string, unknown>, token?: string) {
  const results: { data?: Update | null; errors?: readonly unknown[] }[] = [];
  const stop = t
    .ws(token)
    .subscribe<Update>(
      { query: SUB, variables },
      { next: (r) => results.push(r), error: (e) => results.push({ errors: [e] }), complete: () => {} },
    );
  return {
    results,
    async settled(n: number, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (results.length < n) {
        if (Date.now() > deadline)
          throw new Error(
            `timed out waiting for ${n} updates, got ${results.length}: ${JSON.stringify(results.slice(-3))}`,
          );
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 1000));
      stop();
      return results.map((r) => r.data!.orderUpdated);
    },
  };
}

/**
 * The primary (subscription) events of an order or channel in stream order, straight from the
 * table. Stream order is the position each event got after its transaction committed, not seq: of
 * two concurrent transactions, the one that committed first comes first even when it wrote its
 * event later.
 */
async function primaryEvents(
  where: string,
  params: unknown[],
): Promise<{ id: string; seq: string; type: string; aggregate_id: string }[]> {
  return t.sql(
    `select id, seq, type, aggregate_id from domain_event where (payload->>'primary')::boolean and ${where} order by position`,
    params,
  );
}

test('a live update carries the id of its stream event', async () => {
  const { order } = await placeOrder(t);
  const sub = collect(t.ws(), SUB, { id: order.id }, 1);
  await settle();
  await confirmOrder(t, order.id);
  const [got] = await sub.done;
  const events = await primaryEvents('aggregate_id = $1', [order.id]);
  expect(got.data.orderUpdated).toMatchObject({
    eventId: events[1].id,
    order: { id: order.id, status: 'CONFIRMED' },
    event: { type: 'STATUS_CHANGED' },
  });
});

test('resuming after an event sends every later update of the order, oldest first, then live ones, none twice', async () => {
  const { order } = await placeOrder(t);
  await confirmOrder(t, order.id);
  await holdOrder(t, order.id, 'check');
  await releaseOrderHold(t, order.id);
  const events = await primaryEvents('aggregate_id = $1', [order.id]);
  expect(events.map((e) => e.type)).toEqual([
    'order.placed',
    'order.status_changed',
    'order.status_changed',
    'order.status_changed',
  ]);
  // The subscriber saw the placement and the confirmation, then lost its connection.
  const sub = follow({ id: order.id, after: events[1].id });
  await settle(300);
  await recordPayment(t, { orderId: order.id, amount: 1000, method: 'card' });
  await cancelOrder(t, order.id);
  const got = await sub.settled(4);
  expect(got).toHaveLength(4); // and nothing more
  const all = await primaryEvents('aggregate_id = $1', [order.id]);
  expect(got.map((u) => u.eventId)).toEqual(all.slice(2).map((e) => e.id));
  expect(got.map((u) => [u.event.type, u.event.toStatus])).toEqual([
    ['STATUS_CHANGED', 'ON_HOLD'],
    ['STATUS_CHANGED', 'CONFIRMED'],
    ['PAYMENT_RECORDED', null],
    ['STATUS_CHANGED', 'CANCELLED'],
  ]);
  // Nothing else arrives afterwards.
  const extra = collect(t.ws(), SUB, { id: order.id, after: all.at(-1)!.id }, 1, 800);
  await expect(extra.done).rejects.toThrow(/timed out/);
});

test('a channel subscriber resuming while changes keep committing gets each update exactly once', async () => {
  const orders = [];
  for (let i = 0; i < 12; i++) orders.push((await placeOrder(t, { channelCode: 'B2B', externalId: `CU-${i}` })).order);
  await placeOrder(t, { channelCode: 'WEB' }); // another channel: never sent
  const channelId = (await t.sql(`select id from channel where code = 'B2B'`))[0].id;
  const before = await primaryEvents('channel_id = $1', [channelId]);
  const after = before[1];
  // A long history to catch up on (600 more updates, more than one page, written straight into the stream as
  // already dispatched), so that the changes below commit while the catch-up is still reading it.
  await t.sql(
    `insert into domain_event (id, type, aggregate_type, aggregate_id, channel_id, payload, actor, occurred_at, dispatched_at)
    select gen_random_uuid(), type, aggregate_type, aggregate_id, channel_id, payload, actor, occurred_at, now()
    from domain_event, generate_series(1, 600) where id = $1`,
    [before.at(-1)!.id],
  );
  const sub = follow({ channelCode: 'B2B', after: after.id });
  await settle(20);
  await Promise.all(
    orders.map(async (o) => {
      await confirmOrder(t, o.id);
      await holdOrder(t, o.id, 'burst');
      await releaseOrderHold(t, o.id);
    }),
  );
  const all = await primaryEvents('channel_id = $1 and position > (select position from domain_event where id = $2)', [
    channelId,
    after.id,
  ]);
  expect(all).toHaveLength(before.length - 2 + 600 + orders.length * 3);
  const got = await sub.settled(all.length);
  expect(got).toHaveLength(all.length);
  // None twice, none missed: exactly the stream's updates after the one the subscriber had seen.
  expect(new Set(got.map((u) => u.eventId)).size).toBe(got.length);
  expect(got.map((u) => u.eventId).sort()).toEqual(all.map((e) => e.id).sort());
  // Each order's updates arrive in the order they happened.
  for (const o of orders) {
    expect(
      got
        .filter((u) => u.order.id === o.id)
        .map((u) => u.event.toStatus)
        .slice(-3),
    ).toEqual(['CONFIRMED', 'ON_HOLD', 'CONFIRMED']);
    expect(got.filter((u) => u.order.id === o.id).map((u) => u.eventId)).toEqual(
      all.filter((e) => e.aggregate_id === o.id).map((e) => e.id),
    );
  }
  // No extra update afterwards.
  const extra = collect(t.ws(), SUB, { channelCode: 'B2B', after: all.at(-1)!.id }, 1, 800);
  await expect(extra.done).rejects.toThrow(/timed out/);
});

test("an unknown event id, or one outside a partner key's channels, is refused with a clear error", async () => {
  const unknown = await collect(t.ws(), SUB, { after: '00000000-0000-4000-8000-000000000000' }, 1).done;
  expect(unknown[0].errors![0]).toMatchObject({
    message: 'after: no event with id "00000000-0000-4000-8000-000000000000"',
    extensions: { code: 'BAD_USER_INPUT' },
  });
  const garbage = await collect(t.ws(), SUB, { after: 'not-an-id' }, 1).done;
  expect(garbage[0].errors![0].message).toBe('after: no event with id "not-an-id"');

  const web = (await placeOrder(t, { channelCode: 'WEB' })).order;
  const [webEvent] = await primaryEvents('aggregate_id = $1', [web.id]);
  const key = await createKey(t, { channelCodes: ['B2B'], permissions: ['ORDER_READ'] });
  const outside = await collect(t.ws(key.secret), SUB, { after: webEvent.id }, 1).done;
  expect(outside[0].errors![0].message).toBe(`after: no event with id "${webEvent.id}"`);

  // Within its channels the key catches up, and sees nothing of other channels.
  const b2b = (await placeOrder(t, { channelCode: 'B2B', externalId: 'KEY-1' })).order;
  const [b2bPlaced] = await primaryEvents('aggregate_id = $1', [b2b.id]);
  await placeOrder(t, { channelCode: 'WEB' });
  await confirmOrder(t, b2b.id);
  const mine = await collect(t.ws(key.secret), SUB, { after: b2bPlaced.id }, 1).done;
  expect(mine[0].data.orderUpdated).toMatchObject({ order: { id: b2b.id, status: 'CONFIRMED' } });
  const more = collect(t.ws(key.secret), SUB, { after: b2bPlaced.id }, 2, 800);
  await expect(more.done).rejects.toThrow(/timed out/);
});

/**
 * Two transactions each write an update of one order; the one that wrote second commits first. A
 * subscriber that was following, one that resumes while the first is still open, and one that
 * resumes after the last update the first subscriber had received before the first transaction
 * committed: all receive both, once, in stream order (here: commit order).
 */
test('updates committed in the opposite order of their writes reach every subscriber once, in stream order, with no gap on resuming', async () => {
  const { order } = await placeOrder(t, { channelCode: 'B2B', externalId: 'OOO-1' });
  const [placed] = await primaryEvents('aggregate_id = $1', [order.id]);
  const following = follow({ id: order.id, after: placed.id });
  await settle(300);
  const first = new Client({ connectionString: t.databaseUrl });
  const second = new Client({ connectionString: t.databaseUrl });
  await first.connect();
  await second.connect();
  try {
    // A copy of the placement's update (the same history entry), as a new stream event.
    const write = async (c: Client) =>
      (
        await c.query(
          `insert into domain_event (id, type, aggregate_type, aggregate_id, channel_id, payload, actor, occurred_at)
      select gen_random_uuid(), type, aggregate_type, aggregate_id, channel_id, payload, actor, now() from domain_event where id = $1 returning id, seq`,
          [placed.id],
        )
      ).rows[0];
    await first.query('begin');
    const early = await write(first);
    await second.query('begin');
    const late = await write(second);
    expect(Number(late.seq)).toBeGreaterThan(Number(early.seq));
    await second.query('commit'); // the later write commits first
    // Resuming while the earlier write is still open.
    const resumedMeanwhile = follow({ id: order.id, after: placed.id });
    await settle(1000);
    // What the follower has so far, and where it would resume from if it dropped now.
    const sofar = following.results.map((r) => r.data!.orderUpdated.eventId);
    const resumedAfter = follow({ id: order.id, after: sofar.at(-1) ?? placed.id });
    await settle(300);
    await first.query('commit');
    // Stream order is commit order here: the later write committed first.
    const both = (await primaryEvents('aggregate_id = $1', [order.id])).slice(1).map((e) => e.id);
    expect(both).toEqual([late.id, early.id]);
    expect((await following.settled(2)).map((u) => u.eventId)).toEqual(both);
    expect((await resumedMeanwhile.settled(2)).map((u) => u.eventId)).toEqual(both);
    // Nothing is lost by resuming after what had arrived: the rest, once.
    expect([
      ...sofar,
      ...(await resumedAfter.settled(both.length - sofar.length, 10_000)).map((u) => u.eventId),
    ]).toEqual(both);
    expect(following.results).toHaveLength(2);
    expect(resumedMeanwhile.results).toHaveLength(2);
  } finally {
    await first.end();
    await second.end();
  }
});
