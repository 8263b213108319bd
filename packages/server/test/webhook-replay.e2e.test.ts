/**
 * Event replay: an admin (or a partner key, for its own endpoints and channels) sends stored
 * events again to an endpoint, narrowed by after / from / to / types. The receiver gets them
 * with the same event ids, the delivery log marks them as replays, bad input names its field and
 * queues nothing, and one call queues at most 10,000 events, saying how many matched. Replaying
 * on from the last event replayed misses none, even one whose transaction commits after it.
 */
import { Client } from 'pg';
import { createKey } from './access-helpers';
import { adjustStock, createCatalog, placeOrder } from './builders';
import { EVENT_TYPES } from '../src/modules/events/domain-event.entity';
import { startTestServer, TestServer } from './harness';
import { confirmOrder, standardCatalog } from './order-helpers';
import {
  createEndpoint,
  deliveries,
  FAST_WEBHOOKS,
  Receiver,
  resolveNoNames,
  settled,
  startReceiver,
} from './webhook-helpers';

jest.setTimeout(120_000);

let t: TestServer;
let rx: Receiver;

beforeAll(async () => {
  // No hourly replay budget here: one test replays 10,005 events to one endpoint.
  t = await startTestServer({ config: { ...FAST_WEBHOOKS, webhookReplayMaxPerHour: 0 } });
  resolveNoNames(t);
  await standardCatalog(t);
  await createCatalog(t, { channels: [{ code: 'B2B' }] });
  rx = await startReceiver();
});
afterAll(async () => {
  await t?.stop();
  await rx?.close();
});

const REPLAY = `mutation($i: ReplayEventsInput!) { replayEvents(input: $i) { queued matched lastEventId hasMore userErrors { field code message } } }`;
const replay = (i: Record<string, unknown>, token?: string) =>
  t.q(REPLAY, { i }, token ? { token } : undefined).then((r) => r.replayEvents);

test('replaying sends the stored events again with the same ids, marked as replays in the log', async () => {
  const { endpoint } = await createEndpoint(t, {
    url: rx.url('/all'),
    eventTypes: ['order.placed', 'order.status_changed'],
  });
  const a = (await placeOrder(t)).order;
  await confirmOrder(t, a.id);
  const b = (await placeOrder(t)).order;
  await rx.waitFor('/all', 3);
  await settled(t);
  const events = await t.sql(`select id, type from domain_event where aggregate_id in ($1, $2) order by seq`, [
    a.id,
    b.id,
  ]);

  const r = await replay({ endpointId: endpoint.id });
  expect(r).toEqual({ queued: 3, matched: 3, lastEventId: events[2].id, hasMore: false, userErrors: [] });
  await rx.waitFor('/all', 6);
  await settled(t);
  const again = rx.on('/all').slice(3);
  expect(again.map((x) => x.headers['oms-event-id']).sort()).toEqual(events.map((e) => e.id).sort());
  expect(again.map((x) => x.body!.id).sort()).toEqual(events.map((e) => e.id).sort());

  const log = await deliveries(t, endpoint.id);
  expect(log).toHaveLength(6);
  const replays = log.filter((d) => d.replay);
  expect(replays.map((d) => d.eventId).sort()).toEqual(events.map((e) => e.id).sort());
  expect(replays.every((d) => d.status === 'DELIVERED' && d.replayOf === null)).toBe(true);
  expect(log.filter((d) => !d.replay)).toHaveLength(3);
  const [audit] = await t.sql(`select details from audit_entry where action = 'webhookEndpoint.replayEvents'`);
  expect(audit.details).toMatchObject({ queued: 3, matched: 3 });
});

test('after, from, to and types narrow what is replayed', async () => {
  const { endpoint } = await createEndpoint(t, {
    url: rx.url('/narrow'),
    eventTypes: ['order.placed', 'order.status_changed', 'stock.adjusted'],
  });
  const first = (await placeOrder(t)).order;
  await new Promise((r) => setTimeout(r, 20));
  const between = new Date();
  await new Promise((r) => setTimeout(r, 20));
  await confirmOrder(t, first.id);
  await adjustStock(t, 'SKU-2', 'WH1', 1, 'count');
  await settled(t);
  const [placed] = await t.sql(`select id from domain_event where aggregate_id = $1 and type = 'order.placed'`, [
    first.id,
  ]);
  const [confirmed] = await t.sql(
    `select id from domain_event where aggregate_id = $1 and type = 'order.status_changed'`,
    [first.id],
  );
  const [stock] = await t.sql(`select id from domain_event where type = 'stock.adjusted' order by seq desc limit 1`);

  expect(await replay({ endpointId: endpoint.id, after: placed.id })).toMatchObject({
    queued: 2,
    lastEventId: stock.id,
  });
  expect(await replay({ endpointId: endpoint.id, after: placed.id, types: ['order.status_changed'] })).toMatchObject({
    queued: 1,
    lastEventId: confirmed.id,
  });
  expect(
    await replay({ endpointId: endpoint.id, from: between.toISOString(), types: ['order.placed', 'stock.adjusted'] }),
  ).toMatchObject({ queued: 1, lastEventId: stock.id });
  expect(await replay({ endpointId: endpoint.id, after: placed.id, to: between.toISOString() })).toMatchObject({
    queued: 0,
    matched: 0,
    lastEventId: null,
  });
  await settled(t);
  const replayed = (await deliveries(t, endpoint.id))
    .filter((d) => d.replay)
    .map((d) => d.eventId)
    .sort();
  expect(replayed).toEqual([confirmed.id, stock.id, confirmed.id, stock.id].sort());
});

test('bad input is refused at its field and queues nothing', async () => {
  const { endpoint } = await createEndpoint(t, { url: rx.url('/bad'), eventTypes: ['order.placed'] });
  await placeOrder(t);
  await settled(t);
  const [{ n: before }] = await t.sql('select count(*)::int as n from webhook_delivery');
  const cases: [Record<string, unknown>, string[], string, RegExp][] = [
    [
      { endpointId: '00000000-0000-4000-8000-000000000000' },
      ['input', 'endpointId'],
      'NOT_FOUND',
      /No webhook endpoint/,
    ],
    [{ endpointId: 'nope' }, ['input', 'endpointId'], 'INVALID_INPUT', /webhook endpoint id/],
    [
      { endpointId: endpoint.id, after: '00000000-0000-4000-8000-000000000000' },
      ['input', 'after'],
      'NOT_FOUND',
      /No event with id/,
    ],
    [
      { endpointId: endpoint.id, types: ['order.exploded'] },
      ['input', 'types'],
      'INVALID_INPUT',
      /must be event types/,
    ],
    [
      { endpointId: endpoint.id, types: ['stock.adjusted'] },
      ['input', 'types', '0'],
      'INVALID_INPUT',
      /does not subscribe to stock.adjusted/,
    ],
    [
      { endpointId: endpoint.id, from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
      ['input', 'to'],
      'INVALID_INPUT',
      /after from/,
    ],
  ];
  for (const [i, field, code, message] of cases) {
    const r = await replay(i);
    expect(r.queued).toBeNull();
    expect(r.userErrors).toEqual([{ field, code, message: expect.stringMatching(message) }]);
  }
  await t.q(`mutation($i: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $i) { userErrors { code } } }`, {
    i: { id: endpoint.id, active: false },
  });
  expect((await replay({ endpointId: endpoint.id })).userErrors).toEqual([
    { field: ['input', 'endpointId'], code: 'INVALID_INPUT', message: expect.stringMatching(/disabled/) },
  ]);
  expect(await t.sql('select count(*)::int as n from webhook_delivery')).toEqual([{ n: before }]);
});

test("a partner key replays only to its own endpoints, and only its channels' events", async () => {
  const key = await createKey(t, { channelCodes: ['B2B'], permissions: ['WEBHOOK_MANAGE'] });
  const admin = await createEndpoint(t, { url: rx.url('/admin'), eventTypes: ['order.placed'] });
  // A partner key's endpoint cannot be on this machine (webhook addresses must be public): what it
  // is sent is read from its delivery log (the name never resolves, so every attempt fails).
  const { endpoint } = await createEndpoint(
    t,
    { url: 'https://partner.invalid/key', eventTypes: ['order.placed'] },
    key.secret,
  );
  const web = (await placeOrder(t)).order;
  const b2b = (await placeOrder(t, { channelCode: 'B2B', externalId: 'REPLAY-1' })).order;
  await settled(t);
  const [webPlaced] = await t.sql(`select id from domain_event where aggregate_id = $1`, [web.id]);
  const [b2bPlaced] = await t.sql(`select id from domain_event where aggregate_id = $1`, [b2b.id]);

  expect((await replay({ endpointId: admin.endpoint.id }, key.secret)).userErrors).toEqual([
    { field: ['input', 'endpointId'], code: 'NOT_FOUND', message: expect.any(String) },
  ]);
  expect((await replay({ endpointId: endpoint.id, after: webPlaced.id }, key.secret)).userErrors).toEqual([
    { field: ['input', 'after'], code: 'NOT_FOUND', message: expect.any(String) },
  ]);
  const r = await replay({ endpointId: endpoint.id }, key.secret);
  expect(r).toMatchObject({ userErrors: [], lastEventId: b2bPlaced.id });
  await settled(t);
  const b2bChannel = (await t.sql(`select id from channel where code = 'B2B'`))[0].id;
  const [{ n }] = await t.sql(
    `select count(*)::int as n from domain_event where type = 'order.placed' and channel_id = $1`,
    [b2bChannel],
  );
  expect(r.queued).toBe(n);
  const replayed = await t.sql(
    `select e.channel_id from webhook_delivery d join domain_event e on e.id = d.event_id where d.endpoint_id = $1 and d.replay`,
    [endpoint.id],
  );
  expect(replayed).toHaveLength(n);
  expect(replayed.every((x) => x.channel_id === b2bChannel)).toBe(true);
});

test('one call queues at most 10,000 events and says how many matched; the rest follows with after', async () => {
  const { endpoint } = await createEndpoint(t, { url: rx.url('/bulk'), eventTypes: ['stock.adjusted'] });
  // 10,005 stored events, written straight into the stream as already dispatched (history, not news).
  await t.sql(`insert into domain_event (id, type, aggregate_type, aggregate_id, payload, actor, occurred_at, dispatched_at)
    select gen_random_uuid(), 'stock.adjusted', 'stock', gen_random_uuid(), '{}'::jsonb, 'test', now(), now() from generate_series(1, 10005)`);
  const [{ n: total }] = await t.sql(`select count(*)::int as n from domain_event where type = 'stock.adjusted'`);
  const first = await replay({ endpointId: endpoint.id });
  expect(first).toMatchObject({ queued: 10_000, matched: total, hasMore: true, userErrors: [] });
  const [tenThousandth] = await t.sql(
    `select id from domain_event where type = 'stock.adjusted' order by seq offset 9999 limit 1`,
  );
  expect(first.lastEventId).toBe(tenThousandth.id);
  const rest = await replay({ endpointId: endpoint.id, after: first.lastEventId });
  expect(rest).toMatchObject({ queued: total - 10_000, matched: total - 10_000, hasMore: false });
  const [{ d, j }] = await t.sql(
    `select (select count(*)::int from webhook_delivery where endpoint_id = $1 and replay) as d,
    (select count(distinct data->>'deliveryId')::int from pgboss.job where name = 'webhook-delivery' and data->>'deliveryId' in (select id::text from webhook_delivery where endpoint_id = $1)) as j`,
    [endpoint.id],
  );
  expect({ d, j }).toEqual({ d: total, j: total });
  // Leave the queue quiet for the server's stop: the endpoint and its log go, the jobs find nothing to send.
  await t.q(`mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { deletedId } }`, { id: endpoint.id });
});

test("the event types an endpoint can subscribe to, and those of the stream, are the stream's own list", async () => {
  const r = await t.q('{ webhookEventTypes eventTypes }');
  expect(r.webhookEventTypes).toEqual([...EVENT_TYPES]);
  expect(r.eventTypes).toEqual([...EVENT_TYPES]);
  expect(r.eventTypes).toContain('order.placed');
});

test('replaying on after the last event replayed misses none when two transactions commit in the opposite order of their writes', async () => {
  const { endpoint } = await createEndpoint(t, { url: rx.url('/ooo'), eventTypes: ['order.note_added'] });
  const o = (await placeOrder(t)).order;
  const note = `insert into domain_event (id, type, aggregate_type, aggregate_id, channel_id, payload, actor, occurred_at)
    select gen_random_uuid(), 'order.note_added', 'order', id, channel_id, '{}'::jsonb, 'test', now() from "order" where id = $1 returning id, seq`;
  const [start] = await t.sql(note, [o.id]);
  const first = new Client({ connectionString: t.databaseUrl });
  const second = new Client({ connectionString: t.databaseUrl });
  await first.connect();
  await second.connect();
  try {
    await first.query('begin');
    const early = (await first.query(note, [o.id])).rows[0];
    await second.query('begin');
    const late = (await second.query(note, [o.id])).rows[0];
    await second.query('commit'); // the later write commits first
    const r1 = await replay({ endpointId: endpoint.id, after: start.id });
    await first.query('commit');
    const r2 = await replay({ endpointId: endpoint.id, after: r1.lastEventId ?? start.id });
    expect(r1.queued + r2.queued).toBe(2);
    // Stream order is commit order: the later write, committed first, was replayed first.
    expect(r2.lastEventId).toBe(early.id);
    const replayed = await t.sql(
      `select event_id from webhook_delivery where endpoint_id = $1 and replay order by created_at`,
      [endpoint.id],
    );
    expect(replayed.map((d) => d.event_id)).toEqual([late.id, early.id]);
  } finally {
    await first.end();
    await second.end();
  }
});
