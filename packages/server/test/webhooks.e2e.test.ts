/**
 * Webhooks through the real server and a real HTTP receiver: signed deliveries the README's code
 * verifies, only subscribed types and channels, nothing for refused changes, retries on 5xx and
 * network errors (then dead letters), no retry on 4xx, auto-disable, replay with the same event
 * id, partner-key scoping, bad input, and two server processes delivering each event once.
 */
import { createKey } from './access-helpers';
import { adjustStock, createCatalog, placeOrder } from './builders';
import { ADMIN, startTestServer, TestServer } from './harness';
import type { GqlBody, Mutation, Query, Select } from './support/select';
import { confirmOrder, driveTo, recordPayment, standardCatalog } from './order-helpers';
import { createServer, RunningServer } from '../src/server';
import {
  CREATE_ENDPOINT,
  createEndpoint,
  deliveries,
  FAST_WEBHOOKS,
  readmeVerifier,
  Receiver,
  resolveNoNames,
  settled,
  startReceiver,
} from './webhook-helpers';

jest.setTimeout(90_000);

let t: TestServer;
let rx: Receiver;
const verify = readmeVerifier();

beforeAll(async () => {
  t = await startTestServer({ config: FAST_WEBHOOKS });
  resolveNoNames(t);
  await standardCatalog(t);
  await createCatalog(t, { channels: [{ code: 'B2B' }] });
  rx = await startReceiver();
});
afterAll(async () => {
  await t?.stop();
  await rx?.close();
});

// Each test starts with no endpoints (and so no retries of an earlier test's failing ones in flight).
afterEach(async () => {
  for (const { id } of (await t.q('{ webhookEndpoints { id } }')).webhookEndpoints) {
    const r = await t.q(`mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { deletedId userErrors { code } } }`, {
      id,
    });
    expect(r.deleteWebhookEndpoint).toEqual({ deletedId: id, userErrors: [] });
  }
  await settled(t, 30_000);
  expect(await t.sql('select count(*)::int as n from webhook_delivery')).toEqual([{ n: 0 }]);
});

const UPDATE = `mutation($i: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $i) { endpoint { id active disabledReason disabledAt consecutiveFailures } userErrors { field code message } } }`;

describe('delivery', () => {
  test('a placed order reaches the receiver once, signed: the README code verifies it, with the event id, headers and body', async () => {
    const { endpoint, secret } = await createEndpoint(t, { url: rx.url('/placed'), eventTypes: ['order.placed'] });
    expect(endpoint).toMatchObject({ active: true, eventTypes: ['order.placed'], channelCodes: [] });
    expect(secret).toMatch(/^whsec_/);
    const order = (await placeOrder(t)).order;
    const [got] = await rx.waitFor('/placed', 1);
    const [event] = await t.sql(
      `select id, occurred_at from domain_event where aggregate_id = $1 and type = 'order.placed'`,
      [order.id],
    );

    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['oms-event-id']).toBe(event.id);
    expect(got.headers['oms-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verify(secret, got.headers['oms-signature'] as string, got.raw)).toBe(true);
    expect(
      verify(secret, got.headers['oms-signature'] as string, got.raw.replace('"order.placed"', '"order.cancelled"')),
    ).toBe(false);
    expect(verify('whsec_wrong', got.headers['oms-signature'] as string, got.raw)).toBe(false);
    const old = (got.headers['oms-signature'] as string).replace(/^t=\d+/, `t=${Math.floor(Date.now() / 1000) - 3600}`);
    expect(verify(secret, old, got.raw)).toBe(false);

    expect(Object.keys(got.body!)).toEqual(['id', 'type', 'occurredAt', 'payloadVersion', 'data']);
    expect(got.body).toMatchObject({
      id: event.id,
      type: 'order.placed',
      occurredAt: new Date(event.occurred_at).toISOString(),
      payloadVersion: 2,
    });
    expect(got.body!.data).toMatchObject({
      orderId: order.id,
      number: order.number,
      status: 'PENDING',
      total: 1250,
      currency: 'EUR',
    });

    await settled(t);
    expect(rx.on('/placed')).toHaveLength(1);
    const [d] = await deliveries(t, endpoint.id);
    expect(d).toMatchObject({
      eventId: event.id,
      eventType: 'order.placed',
      status: 'DELIVERED',
      attemptCount: 1,
      replayOf: null,
    });
    expect(d.attempts).toEqual([
      { statusCode: 200, latencyMs: expect.any(Number), responseExcerpt: 'ok', error: null },
    ]);
    // The secret is never stored in the log or shown again.
    expect(JSON.stringify(await t.q('{ webhookEndpoints { id url } }'))).not.toContain(secret);
  });

  test('only subscribed event types of subscribed channels are delivered', async () => {
    const { endpoint } = await createEndpoint(t, {
      url: rx.url('/b2b-status'),
      eventTypes: ['order.status_changed'],
      channelCodes: ['B2B'],
    });
    expect(endpoint.channelCodes).toEqual(['B2B']);
    const web = (await placeOrder(t)).order;
    await confirmOrder(t, web.id);
    const b2b = (await placeOrder(t, { channelCode: 'B2B' })).order;
    await confirmOrder(t, b2b.id);
    await adjustStock(t, 'SKU-1', 'WH1', 1, 'count');
    await rx.waitFor('/b2b-status', 1);
    await settled(t);
    const got = rx.on('/b2b-status');
    expect(got.map((r) => [r.body!.type, r.body!.data.orderId, r.body!.data.toStatus])).toEqual([
      ['order.status_changed', b2b.id, 'CONFIRMED'],
    ]);
  });

  test('a refused or rolled-back change delivers nothing', async () => {
    await createEndpoint(t, { url: rx.url('/everything'), eventTypes: ['order.status_changed', 'payment.recorded'] });
    const o = await driveTo(t, 'PENDING');
    await settled(t);
    const before = rx.on('/everything').length;
    const [{ n: rows }] = await t.sql('select count(*)::int as n from webhook_delivery');
    const refused = await t.q(`mutation($id: ID!) { releaseOrderHold(id: $id) { userErrors { code } } }`, { id: o.id });
    expect(refused.releaseOrderHold.userErrors).toEqual([{ code: 'INVALID_TRANSITION' }]);
    const overPaid = await recordPayment(t, { orderId: o.id, amount: 999999, method: 'card' });
    expect(overPaid.userErrors[0].code).toBe('INVALID_INPUT');
    await new Promise((r) => setTimeout(r, 1500)); // a sweep runs every second
    await settled(t);
    expect(rx.on('/everything')).toHaveLength(before);
    expect(await t.sql('select count(*)::int as n from webhook_delivery')).toEqual([{ n: rows }]);
  });

  test('an event left undispatched (a process died after the change committed) is delivered by the periodic sweep, with its id', async () => {
    await createEndpoint(t, { url: rx.url('/sweep'), eventTypes: ['order.placed'] });
    const order = (await placeOrder(t)).order;
    const [first] = await rx.waitFor('/sweep', 1);
    await settled(t);
    // As if the dispatching process had died before its commit: no notification will come for it.
    await t.sql(`update domain_event set dispatched_at = null where aggregate_id = $1 and type = 'order.placed'`, [
      order.id,
    ]);
    const [, again] = await rx.waitFor('/sweep', 2, 5000);
    expect(again.headers['oms-event-id']).toBe(first.headers['oms-event-id']);
    expect(again.raw).toBe(first.raw);
  });
});

describe('retries', () => {
  test('a 500 is retried with backoff and then delivered: two attempts logged, same event id', async () => {
    const { endpoint, secret } = await createEndpoint(t, { url: rx.url('/flaky'), eventTypes: ['order.placed'] });
    rx.script('/flaky', [{ status: 500, body: 'database down' }]);
    await placeOrder(t);
    const [first, second] = await rx.waitFor('/flaky', 2);
    expect(second.headers['oms-event-id']).toBe(first.headers['oms-event-id']);
    expect(second.at - first.at).toBeGreaterThanOrEqual(900);
    expect(verify(secret, second.headers['oms-signature'] as string, second.raw)).toBe(true);
    await settled(t);
    const [d] = await deliveries(t, endpoint.id);
    expect(d).toMatchObject({ status: 'DELIVERED', attemptCount: 2 });
    expect(d.attempts.map((a) => [a.statusCode, a.responseExcerpt])).toEqual([
      [500, 'database down'],
      [200, 'ok'],
    ]);
  });

  test('a 4xx is not retried: the delivery is FAILED after one attempt, with the response excerpt (1 kB at most)', async () => {
    const { endpoint } = await createEndpoint(t, { url: rx.url('/gone'), eventTypes: ['order.placed'] });
    rx.script('/gone', [{ status: 422, body: 'x'.repeat(5000) }]);
    await placeOrder(t);
    await rx.waitFor('/gone', 1);
    await settled(t);
    await new Promise((r) => setTimeout(r, 2500)); // longer than the first retry delay
    expect(rx.on('/gone')).toHaveLength(1);
    const [d] = await deliveries(t, endpoint.id);
    expect(d).toMatchObject({ status: 'FAILED', attemptCount: 1 });
    expect(d.attempts[0].statusCode).toBe(422);
    expect(d.attempts[0].responseExcerpt).toBe('x'.repeat(1024));
  });

  test('network errors and timeouts are retried until the window is used up, then the job is a dead letter with its error', async () => {
    const { endpoint } = await createEndpoint(t, { url: rx.url('/down'), eventTypes: ['order.placed'] });
    rx.script('/down', [{ status: -1 }, { status: 200, delayMs: 2500 }, { status: -1 }]);
    await placeOrder(t);
    await rx.waitFor('/down', 3, 30_000);
    await settled(t, 30_000);
    const [d] = await deliveries(t, endpoint.id);
    expect(d).toMatchObject({ status: 'FAILED', attemptCount: 3 });
    expect(d.attempts.map((a) => a.statusCode)).toEqual([null, null, null]);
    expect(d.attempts[1].error).toBe('timed out after 1500 ms');
    const dead = await t.q<Select<Query, { jobs: { id: true; state: true; data: true; error: true } }>>(
      `{ jobs(queue: "webhook-delivery__dead") { id state data error } }`,
    );
    const letter = dead.jobs.find((j) => j.data.deliveryId === d.id);
    expect(letter).toMatchObject({ state: 'CREATED' });
    expect(letter!.error).toContain(`webhook delivery ${d.id}`);
  });

  test('an endpoint that keeps failing is disabled with a notice, and receives nothing more until enabled again', async () => {
    const { endpoint } = await createEndpoint(t, { url: rx.url('/broken'), eventTypes: ['order.placed'] });
    rx.script(
      '/broken',
      Array.from({ length: 10 }, () => ({ status: 404 })),
    );
    for (let i = 0; i < 3; i++) await placeOrder(t);
    await rx.waitFor('/broken', 3);
    await settled(t);
    const [state] = (
      await t.q<
        Select<
          Query,
          {
            webhookEndpoints: {
              id: true;
              active: true;
              disabledReason: true;
              disabledAt: true;
              consecutiveFailures: true;
            };
          }
        >
      >('{ webhookEndpoints { id active disabledReason disabledAt consecutiveFailures } }')
    ).webhookEndpoints.filter((e) => e.id === endpoint.id);
    expect(state).toMatchObject({
      active: false,
      disabledReason: '3 deliveries in a row failed',
      consecutiveFailures: 3,
    });
    expect(state.disabledAt).toBeTruthy();
    const audit = await t.sql(
      `select actor, details from audit_entry where action = 'webhookEndpoint.disable' and target_id = $1`,
      [endpoint.id],
    );
    expect(audit).toEqual([
      { actor: 'system:webhooks', details: expect.objectContaining({ reason: '3 deliveries in a row failed' }) },
    ]);

    await placeOrder(t);
    await settled(t);
    expect(rx.on('/broken')).toHaveLength(3);
    const replay = await t.q(
      `mutation($id: ID!) { replayWebhookDelivery(id: $id) { delivery { id } userErrors { field code message } } }`,
      { id: (await deliveries(t, endpoint.id))[0].id },
    );
    expect(replay.replayWebhookDelivery.userErrors).toEqual([
      {
        field: ['id'],
        code: 'INVALID_INPUT',
        message: 'The endpoint is disabled: enable it first (updateWebhookEndpoint)',
      },
    ]);

    const enabled = await t.q(UPDATE, { i: { id: endpoint.id, active: true } });
    expect(enabled.updateWebhookEndpoint.endpoint).toMatchObject({
      active: true,
      disabledReason: null,
      disabledAt: null,
      consecutiveFailures: 0,
    });
    await placeOrder(t);
    await rx.waitFor('/broken', 4);
  });
});

test('replay sends the same event again (same event id and body) as a new delivery', async () => {
  const { endpoint, secret } = await createEndpoint(t, { url: rx.url('/replay'), eventTypes: ['order.placed'] });
  await placeOrder(t);
  const [original] = await rx.waitFor('/replay', 1);
  await settled(t);
  const [d] = await deliveries(t, endpoint.id);
  const r = await t.q(
    `mutation($id: ID!) { replayWebhookDelivery(id: $id) { delivery { id eventId status replayOf } userErrors { code } } }`,
    { id: d.id },
  );
  expect(r.replayWebhookDelivery).toMatchObject({ userErrors: [], delivery: { eventId: d.eventId, replayOf: d.id } });
  const [, again] = await rx.waitFor('/replay', 2);
  expect(again.headers['oms-event-id']).toBe(original.headers['oms-event-id']);
  expect(again.raw).toBe(original.raw);
  expect(verify(secret, again.headers['oms-signature'] as string, again.raw)).toBe(true);
  await settled(t);
  expect((await deliveries(t, endpoint.id)).map((x) => x.status)).toEqual(['DELIVERED', 'DELIVERED']);
  const missing = await t.q(
    `mutation { replayWebhookDelivery(id: "00000000-0000-4000-8000-000000000000") { delivery { id } userErrors { field code } } }`,
  );
  expect(missing.replayWebhookDelivery).toEqual({ delivery: null, userErrors: [{ field: ['id'], code: 'NOT_FOUND' }] });
});

test('a rotated secret signs the next deliveries; the old one no longer verifies', async () => {
  const { endpoint, secret: old } = await createEndpoint(t, { url: rx.url('/rotate'), eventTypes: ['order.placed'] });
  const r = await t.q(
    `mutation($id: ID!) { rotateWebhookSecret(id: $id) { endpoint { id } secret userErrors { code } } }`,
    { id: endpoint.id },
  );
  const fresh = r.rotateWebhookSecret.secret;
  expect(fresh).toMatch(/^whsec_/);
  expect(fresh).not.toBe(old);
  await placeOrder(t);
  const [got] = await rx.waitFor('/rotate', 1);
  expect(verify(fresh, got.headers['oms-signature'] as string, got.raw)).toBe(true);
  expect(verify(old, got.headers['oms-signature'] as string, got.raw)).toBe(false);
});

describe('partner keys', () => {
  test("register endpoints only for their own channels, see only their own, and receive only their channels' events", async () => {
    const key = await createKey(t, { channelCodes: ['WEB'], permissions: ['WEBHOOK_MANAGE'] });
    const admin = await createEndpoint(t, {
      url: rx.url('/admin-all'),
      eventTypes: ['order.placed', 'stock.adjusted'],
    });

    // A partner key's endpoint cannot be on this machine (webhook addresses must be public): what it
    // is sent is read from its delivery log (the name never resolves, so every attempt fails).
    const url = 'https://partner.invalid/key';
    const other = await t.q(
      CREATE_ENDPOINT,
      { i: { url, eventTypes: ['order.placed'], channelCodes: ['WEB', 'B2B'] } },
      { token: key.secret },
    );
    expect(other.createWebhookEndpoint).toEqual({
      endpoint: null,
      secret: null,
      userErrors: [{ field: ['input', 'channelCodes', '1'], code: 'INVALID_INPUT', message: 'Unknown channel B2B' }],
    });
    const { endpoint } = await createEndpoint(t, { url, eventTypes: ['order.placed', 'stock.adjusted'] }, key.secret);
    expect(endpoint.channelCodes).toEqual(['WEB']);

    const listed = await t.q('{ webhookEndpoints { id } }', undefined, { token: key.secret });
    expect(listed.webhookEndpoints).toEqual([{ id: endpoint.id }]);
    const foreign = await t.q(UPDATE, { i: { id: admin.endpoint.id, active: false } }, { token: key.secret });
    expect(foreign.updateWebhookEndpoint.userErrors).toEqual([
      { field: ['input', 'id'], code: 'NOT_FOUND', message: expect.any(String) },
    ]);
    const foreignLog = await t.q(
      `query($id: ID!) { webhookDeliveries(endpointId: $id) { totalCount } }`,
      { id: admin.endpoint.id },
      { token: key.secret },
    );
    expect(foreignLog.webhookDeliveries.totalCount).toBe(0);

    const web = (await placeOrder(t)).order;
    await placeOrder(t, { channelCode: 'B2B' });
    await adjustStock(t, 'SKU-2', 'WH1', 2, 'count');
    await rx.waitFor('/admin-all', 3);
    await settled(t);
    const [placed] = await t.sql(`select id from domain_event where aggregate_id = $1 and type = 'order.placed'`, [
      web.id,
    ]);
    const sent = await deliveries(t, endpoint.id, key.secret);
    expect(sent.map((d) => [d.eventType, d.eventId])).toEqual([['order.placed', placed.id]]);

    // A revoked key's endpoints receive nothing more.
    await t.q(`mutation($id: ID!) { revokeApiKey(id: $id) { userErrors { code } } }`, { id: key.id });
    await placeOrder(t);
    await rx.waitFor('/admin-all', 4);
    await settled(t);
    expect(await deliveries(t, endpoint.id)).toHaveLength(1);
  });
});

describe('bad input', () => {
  test('is refused with userErrors naming the field, and nothing is created', async () => {
    const [{ n: before }] = await t.sql('select count(*)::int as n from webhook_endpoint');
    const cases: [Record<string, unknown>, string[], RegExp][] = [
      [{ url: 'ftp://example.com/x', eventTypes: ['order.placed'] }, ['input', 'url'], /http or https/],
      [{ url: 'not a url', eventTypes: ['order.placed'] }, ['input', 'url'], /absolute http or https URL/],
      [{ url: 'https://user:pw@example.com/', eventTypes: ['order.placed'] }, ['input', 'url'], /credentials/],
      [{ url: 'https://example.com/', eventTypes: ['order.exploded'] }, ['input', 'eventTypes'], /must be event types/],
      [{ url: 'https://example.com/', eventTypes: [] }, ['input', 'eventTypes'], /at least one event type/],
      [
        { url: 'https://example.com/', eventTypes: ['order.placed'], channelCodes: ['NOPE'] },
        ['input', 'channelCodes', '0'],
        /Unknown channel NOPE/,
      ],
      [{ url: 'https://example.com/\u0000', eventTypes: ['order.placed'] }, ['input', 'url'], /NUL/],
    ];
    for (const [input, field, message] of cases) {
      const r = await t.gql(CREATE_ENDPOINT, { i: input });
      expect(r.status).toBe(200);
      const p = r.body.data!.createWebhookEndpoint;
      expect({ input, endpoint: p.endpoint, secret: p.secret, field: p.userErrors[0]?.field }).toEqual({
        input,
        endpoint: null,
        secret: null,
        field,
      });
      expect(p.userErrors[0].message).toMatch(message);
    }
    expect(await t.sql('select count(*)::int as n from webhook_endpoint')).toEqual([{ n: before }]);
  });

  test('without OMS_WEBHOOK_ALLOW_PRIVATE_ADDRESSES (the default), loopback and private URLs are refused', async () => {
    const strict = await startTestServer({ config: { ...FAST_WEBHOOKS, webhookAllowPrivateAddresses: false } }); // as by default
    try {
      for (const url of [
        'http://127.0.0.1:8080/x',
        'http://10.1.2.3/x',
        'http://[::1]/x',
        'http://localhost/x',
        'http://169.254.169.254/latest',
      ]) {
        const r = await strict.q(CREATE_ENDPOINT, { i: { url, eventTypes: ['order.placed'] } });
        expect({ url, errors: r.createWebhookEndpoint.userErrors }).toEqual({
          url,
          errors: [
            {
              field: ['input', 'url'],
              code: 'INVALID_INPUT',
              message:
                'url: must point at a public address (not loopback, private, link-local, multicast, reserved or cloud metadata)',
            },
          ],
        });
      }
      const ok = await strict.q(CREATE_ENDPOINT, {
        i: { url: 'https://93.184.215.14/hook', eventTypes: ['order.placed'] },
      });
      expect(ok.createWebhookEndpoint.userErrors).toEqual([]);
    } finally {
      await strict.stop();
    }
  });
});

describe('two server processes on one database', () => {
  let second: RunningServer;
  beforeAll(async () => {
    second = await createServer({
      config: {
        port: 0,
        logLevel: 'silent',
        sessionTtlSeconds: 3600,
        bodyLimit: '1mb',
        corsOrigins: [],
        rateLimitRequests: 0,
        ...FAST_WEBHOOKS,
      },
      databaseUrl: t.databaseUrl,
      host: '127.0.0.1',
      seed: 'none',
    });
  });
  afterAll(() => second?.stop());

  test('each event is delivered once, whichever process the change went through', async () => {
    const { endpoint } = await createEndpoint(t, { url: rx.url('/twice'), eventTypes: ['order.placed'] });
    const login = await fetch(second.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        variables: { e: ADMIN.email, p: ADMIN.password },
      }),
    });
    const token = ((await login.json()) as GqlBody<Select<Mutation, { login: { token: true } }>>).data!.login.token;
    const placeOnSecond = async () => {
      const res = await fetch(second.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { order { id } } }',
          variables: {
            i: {
              channelCode: 'WEB',
              customer: { email: 'b@example.com' },
              shippingAddress: { name: 'B', line1: '1 Road', city: 'Paris', postalCode: '75001', country: 'FR' },
              lines: [{ sku: 'SKU-2', quantity: 1 }],
            },
          },
        }),
      });
      const body = (await res.json()) as GqlBody<Select<Mutation, { placeOrder: { order: { id: true } } }>>;
      if (!body.data?.placeOrder?.order) throw new Error(JSON.stringify(body));
    };
    // Five at a time through each process (the database's connections are shared with the other suites).
    for (let round = 0; round < 2; round++)
      await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? placeOrder(t) : placeOnSecond())));
    await rx.waitFor('/twice', 20);
    await settled(t);
    await new Promise((r) => setTimeout(r, 1500)); // both processes sweep in that time
    await settled(t);
    const ids = rx.on('/twice').map((r) => r.headers['oms-event-id']);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
    const rows = await deliveries(t, endpoint.id);
    expect(rows).toHaveLength(20);
    expect(rows.every((d) => d.status === 'DELIVERED' && d.attemptCount === 1)).toBe(true);
  });
});
