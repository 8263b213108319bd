/**
 * Webhooks cannot be turned against the server's own network, and one partner cannot starve the
 * others. Found from outside with a partner key holding WEBHOOK_MANAGE:
 *
 * - SSRF: every non-public address, however it is spelled (IPv4, IPv6, IPv4 inside IPv6, decimal,
 *   octal, hex, short forms, names that resolve to one), is refused when an endpoint is created or
 *   updated, and again when a delivery connects (to the address resolved and checked then: a name
 *   that answered public at creation and private later, DNS rebinding, is refused and nothing
 *   reaches the local receiver). The development flag lets staff endpoints reach 127.0.0.1, never a
 *   partner key's. Redirects are not followed.
 * - Fairness: an endpoint that never answers holds at most its share of the delivery workers, so
 *   another endpoint's deliveries still arrive; a key registers a bounded number of endpoints and
 *   replays a bounded number of events per hour.
 *
 * Name resolution is the server's own (`webhooks.resolveHost`, dns.lookup by default) replaced by a
 * table here, so that names resolve without a network; every delivery goes through the same code.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createKey, PartnerKey } from './access-helpers';
import { placeOrder } from './builders';
import { startTestServer, TestServer } from './harness';
import { standardCatalog } from './order-helpers';
import {
  CREATE_ENDPOINT,
  createEndpoint,
  deliveries,
  FAST_WEBHOOKS,
  Receiver,
  settled,
  startReceiver,
} from './webhook-helpers';
import { loadConfig } from '../src/config/config';

jest.setTimeout(120_000);

type Answer = { address: string; family: number }[];
const v4 = (address: string) => ({ address, family: 4 });
const v6 = (address: string) => ({ address, family: 6 });

/** Name -> the answers of successive lookups (the last one repeats); other names do not resolve. */
function fakeDns(table: Record<string, Answer[]>) {
  const calls: string[] = [];
  const served = new Map<string, number>();
  const resolve = async (hostname: string): Promise<Answer> => {
    calls.push(hostname);
    const answers = table[hostname.toLowerCase()];
    if (!answers) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    const n = served.get(hostname) ?? 0;
    served.set(hostname, n + 1);
    return answers[Math.min(n, answers.length - 1)];
  };
  return { resolve, calls };
}

function useDns(t: TestServer, dns: ReturnType<typeof fakeDns>) {
  t.server.services.webhooks.resolveHost = dns.resolve;
}

const UPDATE = `mutation($i: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $i) { endpoint { id url } userErrors { field code message } } }`;
const REPLAY = `mutation($i: ReplayEventsInput!) { replayEvents(input: $i) { queued matched lastEventId hasMore userErrors { field code message } } }`;

let t: TestServer;
let rx: Receiver;
let key: PartnerKey;
const rxPort = () => Number(new URL(rx.url('/')).port);

beforeAll(async () => {
  // The development flag is ON here: partner keys' endpoints must be refused all the same.
  t = await startTestServer({ config: { ...FAST_WEBHOOKS, webhookMaxEndpointsPerKey: 3, webhookReplayMaxPerHour: 5 } });
  await standardCatalog(t);
  rx = await startReceiver();
  key = await createKey(t, { channelCodes: ['WEB'], permissions: ['WEBHOOK_MANAGE'] });
});
afterAll(async () => {
  await t?.stop();
  await rx?.close();
});

afterEach(async () => {
  for (const { id } of (await t.q('{ webhookEndpoints { id } }')).webhookEndpoints) {
    await t.q(`mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { deletedId } }`, { id });
  }
  await settled(t, 30_000);
});

describe('SSRF: a partner key cannot point a webhook at a non-public address', () => {
  const dns = fakeDns({
    'loopback.test': [[v4('127.0.0.1')]],
    'ten.test': [[v4('10.1.2.3')]],
    'metadata.test': [[v4('169.254.169.254')]],
    'mixed.test': [[v4('8.8.8.8'), v4('192.168.0.10')]],
    'six.test': [[v6('::1')]],
    'mapped.test': [[v6('::ffff:169.254.169.254')]],
    'ula.test': [[v6('fd00:ec2::254')]],
  });
  beforeAll(() => useDns(t, dns));

  // Each is refused before anything is stored; many are spellings the URL parser turns into 127.0.0.1.
  const REFUSED = [
    'http://127.0.0.1:{port}/graphql',
    'http://127.0.0.1:5432/',
    'http://10.0.0.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://172.16.5.4/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://100.100.100.200/latest/meta-data/',
    'http://0.0.0.0/',
    'http://0/',
    'http://224.0.0.1/',
    'http://255.255.255.255/',
    'http://240.0.0.1/',
    'http://198.18.0.1/',
    'http://192.0.2.1/',
    'http://198.51.100.7/',
    'http://203.0.113.9/',
    'http://192.0.0.192/',
    'http://168.63.129.16/',
    'http://127.255.255.254/',
    // Odd spellings of 127.0.0.1 and 169.254.169.254.
    'http://2130706433/',
    'http://0177.0.0.1/',
    'http://0x7f.0.0.1/',
    'http://0x7f000001/',
    'http://017700000001/',
    'http://127.1/',
    'http://127.0.1/',
    'http://127.000.000.001/',
    'http://%31%32%37.0.0.1/',
    'http://2852039166/',
    'http://0xa9.0xfe.0xa9.0xfe/',
    // IPv6, and IPv4 inside IPv6.
    'http://[::1]/',
    'http://[::]/',
    'http://[0:0:0:0:0:0:0:1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://[::ffff:169.254.169.254]/',
    'http://[::ffff:10.0.0.1]/',
    'http://[::127.0.0.1]/',
    'http://[::10.0.0.1]/',
    'http://[64:ff9b::127.0.0.1]/',
    'http://[64:ff9b::a9fe:a9fe]/',
    'http://[64:ff9b:1::a00:1]/',
    'http://[2002:7f00:1::1]/',
    'http://[2002:a9fe:a9fe::]/',
    'http://[2002:c0a8:101::1]/',
    'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/',
    'http://[fc00::1]/',
    'http://[fd00:ec2::254]/',
    'http://[fe80::1]/',
    'http://[fec0::1]/',
    'http://[ff02::1]/',
    'http://[2001:db8::1]/',
    'http://[100::1]/',
    // Names: localhost without asking DNS, and names that resolve to a non-public address (any one of several).
    'http://localhost/',
    'https://localhost:{port}/graphql',
    'http://LOCALHOST./',
    'http://api.localhost/',
    'http://loopback.test/',
    'https://ten.test:8443/x',
    'http://metadata.test/latest/meta-data/',
    'http://mixed.test/',
    'http://six.test/',
    'http://mapped.test/',
    'http://ula.test/',
  ];

  // {port} is the server's own port.
  const at = (url: string) => url.replace('{port}', String(t.server.port));

  test.each(REFUSED.map((url) => [url]))(
    'createWebhookEndpoint refuses %s with INVALID_INPUT on url, storing nothing',
    async (spelled) => {
      const url = () => at(spelled);
      const [{ n: before }] = await t.sql('select count(*)::int as n from webhook_endpoint');
      const r = await t.q(CREATE_ENDPOINT, { i: { url: url(), eventTypes: ['order.placed'] } }, { token: key.secret });
      expect({ url: url(), payload: r.createWebhookEndpoint }).toEqual({
        url: url(),
        payload: {
          endpoint: null,
          secret: null,
          userErrors: [{ field: ['input', 'url'], code: 'INVALID_INPUT', message: expect.stringMatching(/^url: /) }],
        },
      });
      expect(await t.sql('select count(*)::int as n from webhook_endpoint')).toEqual([{ n: before }]);
    },
  );

  test('updateWebhookEndpoint refuses the same addresses and keeps the old URL', async () => {
    const public4 = 'https://hooks.partner.invalid/oms';
    const { endpoint } = await createEndpoint(t, { url: public4, eventTypes: ['rule.notified'] }, key.secret);
    for (const url of [
      at(REFUSED[0]),
      'http://0x7f.1/',
      'http://[::ffff:a9fe:a9fe]/',
      'http://loopback.test/',
      'http://[64:ff9b::a00:1]/',
    ]) {
      const r = await t.q(UPDATE, { i: { id: endpoint.id, url } }, { token: key.secret });
      expect({ url, r: r.updateWebhookEndpoint }).toEqual({
        url,
        r: {
          endpoint: null,
          userErrors: [{ field: ['input', 'url'], code: 'INVALID_INPUT', message: expect.any(String) }],
        },
      });
    }
    expect(await t.sql('select url from webhook_endpoint where id = $1', [endpoint.id])).toEqual([{ url: public4 }]);
  });

  test('public addresses are accepted, however they are written (nothing is sent to them here: no event they subscribe to happens)', async () => {
    useDns(t, fakeDns({ 'public.test': [[v4('93.184.215.14'), v6('2606:2800:21f:cb07:6820:80da:af6b:8b2c')]] }));
    for (const url of [
      'https://93.184.215.14/hook',
      'https://1572395790/hook',
      'https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook',
      'https://[::ffff:93.184.215.14]/hook',
      'https://[64:ff9b::93.184.215.14]/hook',
      'https://[2002:5db8:d70e::1]/hook',
      'https://public.test:8443/hook',
    ]) {
      const r = await t.q(CREATE_ENDPOINT, { i: { url, eventTypes: ['rule.notified'] } }, { token: key.secret });
      expect({ url, errors: r.createWebhookEndpoint.userErrors }).toEqual({ url, errors: [] });
      await t.q(
        `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { deletedId } }`,
        { id: r.createWebhookEndpoint.endpoint!.id },
        { token: key.secret },
      );
    }
    useDns(t, dns);
  });

  test('other schemes and URLs with credentials are refused too', async () => {
    for (const url of [
      'file:///etc/passwd',
      'gopher://127.0.0.1:6379/_INFO',
      'ftp://example.com/',
      'https://user:pw@hooks.partner.invalid/',
    ]) {
      const r = await t.q(CREATE_ENDPOINT, { i: { url, eventTypes: ['order.placed'] } }, { token: key.secret });
      expect({ url, errors: r.createWebhookEndpoint.userErrors.map((e) => [e.field, e.code]) }).toEqual({
        url,
        errors: [[['input', 'url'], 'INVALID_INPUT']],
      });
    }
  });
});

describe('SSRF at delivery: the address connected to is the address checked', () => {
  test('DNS rebinding: a name public when the endpoint was created and 127.0.0.1 at delivery is refused, and nothing reaches the local receiver', async () => {
    const dns = fakeDns({ 'rebind.test': [[v4('93.184.215.14')], [v4('127.0.0.1')]] });
    useDns(t, dns);
    const { endpoint } = await createEndpoint(
      t,
      { url: `http://rebind.test:${rxPort()}/rebound`, eventTypes: ['order.placed'] },
      key.secret,
    );
    await placeOrder(t);
    await settled(t, 30_000);
    const [d] = await deliveries(t, endpoint.id, key.secret);
    expect(d).toMatchObject({ status: 'FAILED', attemptCount: 1 });
    expect(d.attempts).toEqual([
      {
        statusCode: null,
        latencyMs: expect.any(Number),
        responseExcerpt: null,
        error: 'refused: rebind.test resolves to a non-public address (loopback)',
      },
    ]);
    expect(rx.on('/rebound')).toHaveLength(0);
    // One lookup when the endpoint was created, one for the delivery: the request did not look the name up again.
    expect(dns.calls).toEqual(['rebind.test', 'rebind.test']);
  });

  test('a name that does not resolve at delivery is a failed attempt (retried), never treated as public', async () => {
    const dns = fakeDns({});
    useDns(t, dns);
    const { endpoint } = await createEndpoint(
      t,
      { url: 'https://gone.partner.invalid/hook', eventTypes: ['order.placed'] },
      key.secret,
    );
    await placeOrder(t);
    await settled(t, 30_000);
    const [d] = await deliveries(t, endpoint.id, key.secret);
    expect(d.status).toBe('FAILED');
    expect(d.attemptCount).toBe(3); // the first attempt and both retries of FAST_WEBHOOKS
    expect(d.attempts.every((a) => /DNS lookup of gone\.partner\.invalid failed: ENOTFOUND/.test(a.error!))).toBe(true);
  });

  test("a DNS lookup that never answers is cut at the attempt's timeout: a failed attempt, retried, and no worker is held", async () => {
    useDns(t, { resolve: () => new Promise<Answer>(() => undefined), calls: [] });
    const { endpoint } = await createEndpoint(t, {
      url: 'http://silent-resolver.test/hook',
      eventTypes: ['order.placed'],
    });
    await placeOrder(t);
    await settled(t, 30_000);
    const [d] = await deliveries(t, endpoint.id);
    expect(d.status).toBe('FAILED');
    expect(d.attemptCount).toBe(3);
    expect(d.attempts.map((a) => a.error)).toEqual(
      Array(3).fill(`DNS lookup of silent-resolver.test failed: no answer within ${FAST_WEBHOOKS.webhookTimeoutMs} ms`),
    );
  });

  test('a staff endpoint with the development flag connects to the address its name resolved to (no second lookup), keeping the name as Host', async () => {
    const dns = fakeDns({ 'receiver.test': [[v4('127.0.0.1')]] });
    useDns(t, dns);
    const { endpoint } = await createEndpoint(t, {
      url: `http://receiver.test:${rxPort()}/pinned`,
      eventTypes: ['order.placed'],
    });
    await placeOrder(t);
    const [got] = await rx.waitFor('/pinned', 1);
    expect(got.headers.host).toBe(`receiver.test:${rxPort()}`);
    await settled(t);
    expect((await deliveries(t, endpoint.id))[0]).toMatchObject({ status: 'DELIVERED', attemptCount: 1 });
    expect(dns.calls).toEqual(['receiver.test']);
  });

  test("a partner endpoint is refused at delivery too, even when its URL was changed behind the API's back", async () => {
    useDns(t, fakeDns({}));
    const { endpoint } = await createEndpoint(
      t,
      { url: 'https://partner.invalid/hook', eventTypes: ['order.placed'] },
      key.secret,
    );
    await t.sql('update webhook_endpoint set url = $1 where id = $2', [rx.url('/sneaked'), endpoint.id]);
    await placeOrder(t);
    await settled(t, 30_000);
    const [d] = await deliveries(t, endpoint.id, key.secret);
    expect(d).toMatchObject({ status: 'FAILED', attemptCount: 1 });
    expect(d.attempts[0].error).toMatch(/^refused: 127\.0\.0\.1 is not a public address/);
    expect(rx.on('/sneaked')).toHaveLength(0);
  });

  test("a redirect is not followed: the 302 is the attempt's status, a failure, and its target receives nothing", async () => {
    const { endpoint } = await createEndpoint(t, { url: rx.url('/redirect'), eventTypes: ['order.placed'] });
    rx.script('/redirect', [{ status: 302, headers: { location: rx.url('/redirect-target') } }]);
    await placeOrder(t);
    await rx.waitFor('/redirect', 1);
    await settled(t);
    const [d] = await deliveries(t, endpoint.id);
    expect(d).toMatchObject({ status: 'FAILED', attemptCount: 1 });
    expect(d.attempts.map((a) => a.statusCode)).toEqual([302]);
    expect(rx.on('/redirect-target')).toHaveLength(0);
  });
});

describe('the development flag', () => {
  test('is off by default: then even a staff endpoint on 127.0.0.1 is refused', async () => {
    expect(loadConfig({}).webhookAllowPrivateAddresses).toBe(false);
    const strict = await startTestServer({ config: { jobPollSeconds: 1 } });
    try {
      const r = await strict.q(CREATE_ENDPOINT, { i: { url: rx.url('/strict'), eventTypes: ['order.placed'] } });
      expect(r.createWebhookEndpoint.userErrors).toEqual([
        { field: ['input', 'url'], code: 'INVALID_INPUT', message: expect.stringMatching(/^url: /) },
      ]);
    } finally {
      await strict.stop();
    }
  });

  test("when on, a staff endpoint delivers to 127.0.0.1 while a partner key's endpoint to the same URL is still refused", async () => {
    const staff = await createEndpoint(t, { url: rx.url('/dev'), eventTypes: ['order.placed'] });
    const partner = await t.q(
      CREATE_ENDPOINT,
      { i: { url: rx.url('/dev'), eventTypes: ['order.placed'] } },
      { token: key.secret },
    );
    expect(partner.createWebhookEndpoint.userErrors).toEqual([
      { field: ['input', 'url'], code: 'INVALID_INPUT', message: expect.stringMatching(/^url: /) },
    ]);
    await placeOrder(t);
    await rx.waitFor('/dev', 1);
    await settled(t);
    expect(rx.on('/dev')).toHaveLength(1);
    expect((await deliveries(t, staff.endpoint.id))[0]).toMatchObject({ status: 'DELIVERED' });
  });
});

describe('fairness and limits', () => {
  test("an endpoint that never answers holds at most half of the delivery workers: another endpoint's deliveries still arrive while it hangs", async () => {
    // A long timeout, so that without a limit the hanging endpoint would hold every worker for a minute.
    const slow = await startTestServer({ config: { ...FAST_WEBHOOKS, webhookTimeoutMs: 60_000 } });
    const hanging: http.IncomingMessage[] = [];
    const sink = http.createServer((req) => hanging.push(req)); // never answers
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    try {
      await standardCatalog(slow);
      await createEndpoint(slow, {
        url: `http://127.0.0.1:${(sink.address() as AddressInfo).port}/hang`,
        eventTypes: ['order.placed'],
      });
      const fast = await createEndpoint(slow, { url: rx.url('/fast'), eventTypes: ['order.status_changed'] });
      const orders = [];
      for (let i = 0; i < 8; i++) orders.push((await placeOrder(slow)).order);
      // Wait until the hanging endpoint has taken what it can.
      const deadline = Date.now() + 20_000;
      while (hanging.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(hanging.length).toBeGreaterThanOrEqual(1);
      for (const o of orders.slice(0, 3)) {
        await slow.q(`mutation($id: ID!) { confirmOrder(id: $id) { userErrors { code } } }`, { id: o.id });
      }
      await rx.waitFor('/fast', 3, 20_000); // well within the 60 s the hanging requests are held
      expect(hanging.length).toBeLessThanOrEqual(2);
      // The receiver answered; the delivery rows record it right after (poll, no timing assumed).
      const delivered = async () =>
        (
          await slow.sql(
            `select count(*)::int as n from webhook_delivery where endpoint_id = $1 and status = 'DELIVERED'`,
            [fast.endpoint.id],
          )
        )[0].n;
      for (const until = Date.now() + 20_000; (await delivered()) < 3 && Date.now() < until;)
        await new Promise((r) => setTimeout(r, 100));
      expect(await delivered()).toBe(3);
    } finally {
      sink.closeAllConnections();
      await new Promise((resolve) => sink.close(resolve));
      await slow.stop();
    }
  });

  test("a big replay to one endpoint does not hold up another endpoint's replay: replays are worked round by round across lanes", async () => {
    const bulk = await startTestServer({ config: { ...FAST_WEBHOOKS, webhookReplayMaxPerHour: 0 } });
    try {
      const a = await createEndpoint(bulk, { url: rx.url('/bulk-a'), eventTypes: ['stock.adjusted'] });
      const b = await createEndpoint(bulk, { url: rx.url('/bulk-b'), eventTypes: ['stock.adjusted'] });
      // 300 stored events, written straight into the stream as already dispatched (history, not news).
      await bulk.sql(`insert into domain_event (id, type, aggregate_type, aggregate_id, payload, actor, occurred_at, dispatched_at)
        select gen_random_uuid(), 'stock.adjusted', 'stock', gen_random_uuid(), '{}'::jsonb, 'test', now(), now() from generate_series(1, 300)`);
      const [third] = await bulk.sql(`select id from domain_event order by tx_id desc, seq desc offset 3 limit 1`);
      expect((await bulk.q(REPLAY, { i: { endpointId: a.endpoint.id } })).replayEvents).toMatchObject({ queued: 300 });
      expect((await bulk.q(REPLAY, { i: { endpointId: b.endpoint.id, after: third.id } })).replayEvents).toMatchObject({
        queued: 3,
      });
      await rx.waitFor('/bulk-b', 3, 40_000);
      // B did not wait for A's 300: most of them are still to come.
      expect(rx.on('/bulk-a').length).toBeLessThan(150);
    } finally {
      await bulk.stop();
    }
  });

  test('a partner key registers at most OMS_WEBHOOK_MAX_ENDPOINTS_PER_KEY endpoints (3 here); staff are not limited', async () => {
    useDns(t, fakeDns({}));
    for (let i = 0; i < 3; i++)
      await createEndpoint(t, { url: `https://h${i}.partner.invalid/`, eventTypes: ['rule.notified'] }, key.secret);
    const r = await t.q(
      CREATE_ENDPOINT,
      { i: { url: 'https://h3.partner.invalid/', eventTypes: ['rule.notified'] } },
      { token: key.secret },
    );
    expect(r.createWebhookEndpoint).toEqual({
      endpoint: null,
      secret: null,
      userErrors: [
        {
          field: ['input'],
          code: 'INVALID_INPUT',
          message: 'A partner key may register at most 3 webhook endpoints: delete one first',
        },
      ],
    });
    expect(await t.sql('select count(*)::int as n from webhook_endpoint where owner_key_id = $1', [key.id])).toEqual([
      { n: 3 },
    ]);
    // Another key has its own allowance, and staff none.
    const other = await createKey(t, { channelCodes: ['WEB'], permissions: ['WEBHOOK_MANAGE'] });
    await createEndpoint(t, { url: 'https://other.partner.invalid/', eventTypes: ['rule.notified'] }, other.secret);
    for (let i = 0; i < 4; i++) await createEndpoint(t, { url: rx.url(`/staff-${i}`), eventTypes: ['rule.notified'] });
    // Deleting one makes room.
    const [{ id }] = await t.sql('select id from webhook_endpoint where owner_key_id = $1 limit 1', [key.id]);
    await t.q(`mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { deletedId } }`, { id }, { token: key.secret });
    await createEndpoint(t, { url: 'https://h3.partner.invalid/', eventTypes: ['rule.notified'] }, key.secret);
  });

  test('a partner key replays at most OMS_WEBHOOK_REPLAY_MAX_PER_HOUR events per hour (5 here), over all of its endpoints', async () => {
    useDns(t, fakeDns({}));
    const replayKey = await createKey(t, { channelCodes: ['WEB'], permissions: ['WEBHOOK_MANAGE'] });
    for (let i = 0; i < 7; i++) await placeOrder(t);
    await settled(t);
    const a = await createEndpoint(
      t,
      { url: 'https://a.partner.invalid/', eventTypes: ['order.placed'] },
      replayKey.secret,
    );
    const b = await createEndpoint(
      t,
      { url: 'https://b.partner.invalid/', eventTypes: ['order.placed'] },
      replayKey.secret,
    );

    const first = (await t.q(REPLAY, { i: { endpointId: a.endpoint.id } }, { token: replayKey.secret })).replayEvents;
    expect(first).toMatchObject({ queued: 5, hasMore: true, userErrors: [] });
    expect(first.matched).toBeGreaterThanOrEqual(7);
    for (const endpointId of [a.endpoint.id, b.endpoint.id]) {
      const res = await t.gql(REPLAY, { i: { endpointId } }, { token: replayKey.secret });
      expect(res.body.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/at most 5 events per hour/),
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) },
      });
    }
    const [delivery] = await t.sql('select id from webhook_delivery where endpoint_id = $1 limit 1', [a.endpoint.id]);
    const single = await t.gql(
      `mutation($id: ID!) { replayWebhookDelivery(id: $id) { delivery { id } userErrors { code } } }`,
      { id: delivery.id },
      { token: replayKey.secret },
    );
    expect(single.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(
      await t.sql('select count(*)::int as n from webhook_delivery where replay and endpoint_id = any($1)', [
        [a.endpoint.id, b.endpoint.id],
      ]),
    ).toEqual([{ n: 5 }]);
    // The audit log has the one replay that happened.
    expect(
      await t.sql(
        `select count(*)::int as n from audit_entry where action = 'webhookEndpoint.replayEvents' and target_id = any($1)`,
        [[a.endpoint.id, b.endpoint.id]],
      ),
    ).toEqual([{ n: 1 }]);
  });
});
