/**
 * The event stream: every change writes its events in its own transaction (a refused or
 * rolled-back change writes none), admins list them, and subscriptions are fed from the stream
 * after commit, so a change made through one server process reaches subscribers of another
 * (here: the real launcher as a second process on the same database), even across a dropped
 * listening connection.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { Client } from 'pg';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { freePort } from '../src/config/embedded-postgres';
import { adjustStock, placeOrder } from './builders';
import { collect, settle, startTestServer, TestServer } from './harness';
import { GqlBody, Mutation, operation, Query, Select } from './support/select';
import { cancelOrder, confirmOrder, createShipment, driveTo, recordPayment, standardCatalog } from './order-helpers';

jest.setTimeout(120_000);

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await standardCatalog(t);
});
afterAll(() => t?.stop());

type EventsData = Select<
  Query,
  {
    events: {
      totalCount: true;
      nodes: { id: true; type: true; aggregateId: true; occurredAt: true; payload: true; actor: true };
      pageInfo: { endCursor: true; hasNextPage: true };
    };
  }
>;
const EVENTS =
  operation<EventsData>(`query($type: String, $id: ID, $after: String, $first: Int) { events(type: $type, aggregateId: $id, after: $after, first: $first) {
  totalCount nodes { id type aggregateId occurredAt payload actor } pageInfo { endCursor hasNextPage } } }`);

describe('events are written with the change', () => {
  test("an order's life is in the stream, in order, with stable ids and the actor", async () => {
    const placed = (await placeOrder(t, { lines: [{ sku: 'SKU-1', quantity: 2 }] })).order;
    await confirmOrder(t, placed.id);
    await recordPayment(t, { orderId: placed.id, amount: 2500, method: 'card' });
    await createShipment(t, placed.id, 2);
    const r = await t.q(EVENTS, { id: placed.id });
    expect(r.events.nodes.map((e) => e.type)).toEqual([
      'order.placed',
      'order.status_changed',
      'payment.recorded',
      'shipment.created',
      'order.status_changed',
    ]);
    const [first, confirmed] = r.events.nodes;
    expect(first).toMatchObject({ aggregateId: placed.id, actor: 'user:admin@test.local' });
    expect(first.payload).toMatchObject({
      orderId: placed.id,
      number: placed.number,
      status: 'PENDING',
      toStatus: 'PENDING',
      total: 2500,
      currency: 'EUR',
    });
    expect(confirmed.payload).toMatchObject({ fromStatus: 'PENDING', toStatus: 'CONFIRMED', status: 'CONFIRMED' });
    // The rows are the stream: same ids, written once.
    const rows = await t.sql('select id, type from domain_event where aggregate_id = $1 order by seq', [placed.id]);
    expect(rows.map((x) => x.id)).toEqual(r.events.nodes.map((e) => e.id));
  });

  test('a cancellation is order.status_changed and order.cancelled, with the reason', async () => {
    const o = await driveTo(t, 'PENDING');
    await cancelOrder(t, o.id, 'customer changed their mind');
    const r = await t.q(EVENTS, { id: o.id });
    expect(r.events.nodes.map((e) => e.type)).toEqual(['order.placed', 'order.status_changed', 'order.cancelled']);
    expect(r.events.nodes[2].payload).toMatchObject({ toStatus: 'CANCELLED', reason: 'customer changed their mind' });
  });

  test('a stock adjustment is stock.adjusted', async () => {
    await adjustStock(t, 'SKU-2', 'WH1', -3, 'damaged');
    const r = await t.q(EVENTS, { type: 'stock.adjusted' });
    expect(r.events.nodes.at(-1)!.payload).toMatchObject({
      sku: 'SKU-2',
      warehouseCode: 'WH1',
      delta: -3,
      reason: 'damaged',
    });
  });

  test('a refused change writes no event', async () => {
    const o = await driveTo(t, 'PENDING');
    const [{ n: before }] = await t.sql('select count(*)::int as n from domain_event');
    const refused = await t.q(`mutation($id: ID!) { releaseOrderHold(id: $id) { userErrors { code } } }`, { id: o.id });
    expect(refused.releaseOrderHold.userErrors).toEqual([{ code: 'INVALID_TRANSITION' }]);
    const overPaid = await recordPayment(t, { orderId: o.id, amount: 999999, method: 'card' });
    expect(overPaid.userErrors[0].code).toBe('INVALID_INPUT');
    expect(await t.sql('select count(*)::int as n from domain_event')).toEqual([{ n: before }]);
  });

  test('paging to the end while an earlier-written event is still uncommitted does not skip it once it commits', async () => {
    const o = await driveTo(t, 'PENDING');
    const first = new Client({ connectionString: t.databaseUrl });
    const second = new Client({ connectionString: t.databaseUrl });
    await first.connect();
    await second.connect();
    try {
      const write = async (c: Client, note: string) =>
        (
          await c.query(
            `insert into domain_event (id, type, aggregate_type, aggregate_id, channel_id, payload, actor, occurred_at)
        select gen_random_uuid(), 'order.note_added', 'order', id, channel_id, jsonb_build_object('note', $2::text), 'test', now() from "order" where id = $1 returning id, seq`,
            [o.id, note],
          )
        ).rows[0];
      await first.query('begin');
      const early = await write(first, 'written first');
      await second.query('begin');
      const late = await write(second, 'written second');
      expect(Number(late.seq)).toBeGreaterThan(Number(early.seq));
      await second.query('commit'); // the later write commits first
      // A reader pages to the end of the order's events and keeps the cursor.
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: EventsData['events'] = (await t.q(EVENTS, { id: o.id, first: 1, after })).events;
        seen.push(...page.nodes.map((e) => e.id));
        after = page.pageInfo.endCursor ?? after;
        if (!page.pageInfo.hasNextPage) break;
      }
      await first.query('commit');
      const rest = (await t.q(EVENTS, { id: o.id, first: 50, after })).events;
      seen.push(...rest.nodes.map((e) => e.id));
      // Every event exactly once, the earlier-written one included, in stream order (positions are
      // assigned after commit: the later write, committed first, comes first).
      expect(seen.slice(1)).toEqual([late.id, early.id]);
      const rows = await t.sql('select id from domain_event where aggregate_id = $1 order by position', [o.id]);
      expect(seen).toEqual(rows.map((x) => x.id));
      // A cursor from before tx_id existed (just the seq) still pages on.
      const legacy = Buffer.from(
        JSON.stringify([
          seen.length ? (await t.sql('select seq::text as s from domain_event where id = $1', [seen[0]]))[0].s : '0',
        ]),
      ).toString('base64url');
      expect((await t.q(EVENTS, { id: o.id, first: 50, after: legacy })).events.nodes.map((e) => e.id)).toEqual(
        seen.slice(1),
      );
    } finally {
      await first.end();
      await second.end();
    }
  });

  test('the stream pages forwards with stable cursors and filters by type; bad filters are refused', async () => {
    const all = await t.q(EVENTS, { first: 200 });
    const p1 = await t.q(EVENTS, { first: 3 });
    const p2 = await t.q(EVENTS, { first: 3, after: p1.events.pageInfo.endCursor });
    expect([...p1.events.nodes, ...p2.events.nodes].map((e) => e.id)).toEqual(
      all.events.nodes.slice(0, 6).map((e) => e.id),
    );
    const placedOnly = await t.q(EVENTS, { type: 'order.placed', first: 200 });
    expect(placedOnly.events.nodes.every((e) => e.type === 'order.placed')).toBe(true);
    expect(placedOnly.events.totalCount).toBe((await t.sql(`select count(*)::int as n from "order"`))[0].n);
    const bad = await t.gql(EVENTS, { type: 'order.exploded' });
    expect(bad.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(bad.body.errors![0].message).toMatch(/^type must be one of order.placed, /);
  });
});

describe('notifications', () => {
  test('a transaction that writes events wakes each listener once, with an empty payload; a rolled-back one not at all', async () => {
    const listener = new Client({ connectionString: t.databaseUrl });
    await listener.connect();
    const got: (string | undefined)[] = [];
    listener.on('notification', (m) => {
      if (m.channel === 'oms_events') got.push(m.payload);
    });
    const writer = new Client({ connectionString: t.databaseUrl });
    await writer.connect();
    const insert = `insert into domain_event (id, type, aggregate_type, aggregate_id, payload, actor, occurred_at)
      select gen_random_uuid(), 'stock.adjusted', 'stock', gen_random_uuid(), '{}'::jsonb, 'notification-test', now() from generate_series(1, 3)`;
    try {
      await listener.query('listen oms_events');
      await writer.query('begin');
      await writer.query(insert);
      await writer.query(insert);
      await writer.query('rollback');
      await writer.query('begin');
      await writer.query(insert);
      await writer.query(insert);
      await writer.query('commit');
      // A round trip on the listening connection after the commit: its notification has arrived by then.
      await new Promise((r) => setTimeout(r, 200));
      await listener.query('select 1');
      expect(got).toEqual(['']);
    } finally {
      await writer.end();
      await listener.end();
    }
    // The six events were still numbered and dispatched like any others.
    const dispatched = async () =>
      (
        await t.sql<{ n: number }>(
          `select count(*)::int as n from domain_event where actor = 'notification-test' and position is not null and dispatched_at is not null`,
        )
      )[0].n;
    for (let i = 0; i < 100 && (await dispatched()) < 6; i++) await settle(100);
    expect(await dispatched()).toBe(6);
  });
});

describe('two server processes on one database', () => {
  let child: ChildProcess;
  let out = '';
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: t.databaseUrl,
      PORT: String(port),
      OMS_SEED: 'none',
      LOG_LEVEL: 'warn',
      OMS_RATE_LIMIT_REQUESTS: '0',
    };
    child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: path.resolve(__dirname, '..'),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`second process exited:\n${out}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) break;
      } catch {
        /* not up yet */
      }
      if (Date.now() > deadline) throw new Error(`second process not ready:\n${out}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  });

  const wsTo = (url: string) =>
    createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${t.token}` },
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
    });
  const SUB =
    'subscription($id: ID) { orderUpdated(id: $id) { order { number status } event { type toStatus actor } } }';

  test('a change made through process A reaches a subscriber connected to process B, and the other way round', async () => {
    const o = await driveTo(t, 'PENDING');
    const onB = wsTo(`ws://127.0.0.1:${port}/graphql`);
    const received = collect(onB, SUB, { id: o.id }, 1, 10_000);
    await settle(300);
    await confirmOrder(t, o.id); // through A, the in-test server
    expect((await received.done)[0].data.orderUpdated).toEqual({
      order: { number: o.number, status: 'CONFIRMED' },
      event: { type: 'STATUS_CHANGED', toStatus: 'CONFIRMED', actor: 'user:admin@test.local' },
    });
    await onB.dispose();

    const onA = t.ws();
    const back = collect(onA, SUB, { id: o.id }, 1, 10_000);
    await settle(300);
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.token}` },
      body: JSON.stringify({
        query: `mutation($id: ID!) { holdOrder(id: $id, reason: "via B") { userErrors { code } } }`,
        variables: { id: o.id },
      }),
    });
    expect(
      ((await res.json()) as GqlBody<Select<Mutation, { holdOrder: { userErrors: { code: true } } }>>).data!.holdOrder
        .userErrors,
    ).toEqual([]);
    expect((await back.done)[0].data.orderUpdated.event).toEqual({
      type: 'STATUS_CHANGED',
      toStatus: 'ON_HOLD',
      actor: 'user:admin@test.local',
    });
  });

  test('every change arrives exactly once per subscriber, whichever process made it', async () => {
    const o = await driveTo(t, 'PENDING');
    const onB = wsTo(`ws://127.0.0.1:${port}/graphql`);
    const received = collect(onB, SUB, { id: o.id }, 3, 10_000);
    await settle(300);
    await confirmOrder(t, o.id);
    await recordPayment(t, { orderId: o.id, amount: 100, method: 'card' });
    await cancelOrder(t, o.id); // status change + order.cancelled: still one update
    const got = await received.done;
    expect(got.map((r) => r.data.orderUpdated.event.type)).toEqual([
      'STATUS_CHANGED',
      'PAYMENT_RECORDED',
      'STATUS_CHANGED',
    ]);
    const extra = collect(onB, SUB, { id: o.id }, 1, 800);
    await expect(extra.done).rejects.toThrow(/timed out/);
    await onB.dispose();
  });

  test('when a process loses its listening connection it reconnects and delivers what was committed meanwhile', async () => {
    const o = await driveTo(t, 'PENDING');
    const onA = t.ws();
    const received = collect(onA, SUB, { id: o.id }, 2, 15_000);
    await settle(300);
    // Cut every listening connection to this database (both processes'), then change the order at once.
    const cut = await t.sql(
      `select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = current_database() and application_name = 'oms-event-stream'`,
    );
    expect(cut.length).toBeGreaterThanOrEqual(2);
    await confirmOrder(t, o.id);
    await t.q(
      `mutation($id: ID!) { addOrderNote(id: $id, note: "while the listener was away") { userErrors { code } } }`,
      { id: o.id },
    );
    const got = await received.done;
    expect(got.map((r) => r.data.orderUpdated.event.type)).toEqual(['STATUS_CHANGED', 'NOTE_ADDED']);
    // And the stream is live again afterwards.
    const later = collect(onA, SUB, { id: o.id }, 1, 10_000);
    await settle(300);
    await cancelOrder(t, o.id);
    expect((await later.done)[0].data.orderUpdated.event.toStatus).toBe('CANCELLED');
  });
});
