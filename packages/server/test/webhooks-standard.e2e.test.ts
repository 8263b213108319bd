/**
 * Standard Webhooks signatures and retries that respect the receiver, through the real server and
 * a real HTTP receiver: the `standardwebhooks` package verifies real deliveries (and refuses a
 * tampered body), the oms-* headers stay valid, the previous secret signs next to the new one for
 * the grace period after a rotation (and not after it), older base64url secrets keep working, 408
 * and 429 are retried (Retry-After honoured, capped at the retry window), other 4xx are not.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { createLogger } from '../src/common/logger';
import { placeOrder } from './builders';
import { startTestServer, TestServer } from './harness';
import { standardCatalog } from './order-helpers';
import {
  createEndpoint,
  deliveries,
  FAST_WEBHOOKS,
  readmeVerifier,
  Received,
  Receiver,
  settled,
  startReceiver,
} from './webhook-helpers';

jest.setTimeout(90_000);

const GRACE_SECONDS = 3600;
let t: TestServer;
let rx: Receiver;
const logged: string[] = [];
const verify = readmeVerifier();

beforeAll(async () => {
  const log = createLogger('debug', { write: (chunk: string) => void logged.push(chunk) });
  // FAST_WEBHOOKS: first retry after 1 s, a 3 s retry window (two retries).
  t = await startTestServer({ config: { ...FAST_WEBHOOKS, webhookSecretGraceSeconds: GRACE_SECONDS }, logger: log });
  await standardCatalog(t);
  rx = await startReceiver();
});
afterAll(async () => {
  await t?.stop();
  await rx?.close();
});

// Each test starts with no endpoints (and so no retries of an earlier test's deliveries in flight).
afterEach(async () => {
  for (const { id } of (await t.q('{ webhookEndpoints { id } }')).webhookEndpoints) {
    await t.q(`mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { deletedId } }`, { id });
  }
  await settled(t, 30_000);
});

const ROTATE = `mutation($id: ID!) { rotateWebhookSecret(id: $id) { endpoint { id previousSecretValidUntil } secret userErrors { code } } }`;

/** The Standard Webhooks verification of a received request; throws WebhookVerificationError when it does not verify. */
function standardVerify(secret: string, got: Pick<Received, 'headers' | 'raw'>) {
  return new Webhook(secret).verify(got.raw, got.headers as Record<string, string>);
}

function omsHmac(secret: string, t: string, raw: string) {
  return createHmac('sha256', secret).update(`${t}.${raw}`).digest('hex');
}

/** The HTTP statuses of a delivery's attempts, in order (null: no answer). */
const statuses = (d: { attempts: { statusCode: number | null }[] }) => d.attempts.map((a) => a.statusCode);

const attemptTimes = (deliveryId: string) =>
  t.sql(`select attempted_at, status_code from webhook_attempt where delivery_id = $1 order by attempted_at`, [
    deliveryId,
  ]);

describe('Standard Webhooks signatures', () => {
  test('a delivery verifies with the standardwebhooks package; a tampered body, a wrong secret or a changed id do not; the oms-* headers stay valid', async () => {
    const { endpoint, secret } = await createEndpoint(t, { url: rx.url('/std'), eventTypes: ['order.placed'] });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/); // 32 bytes in standard base64
    const order = (await placeOrder(t)).order;
    const [got] = await rx.waitFor('/std', 1);
    const [event] = await t.sql(`select id from domain_event where aggregate_id = $1 and type = 'order.placed'`, [
      order.id,
    ]);

    expect(got.headers['webhook-id']).toBe(event.id);
    expect(got.headers['oms-event-id']).toBe(event.id);
    expect(got.headers['webhook-timestamp']).toMatch(/^\d+$/);
    expect(got.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(standardVerify(secret, got)).toEqual(JSON.parse(got.raw));
    expect(() =>
      standardVerify(secret, { ...got, raw: got.raw.replace('"order.placed"', '"order.cancelled"') }),
    ).toThrow(WebhookVerificationError);
    expect(() => standardVerify(`whsec_${randomBytes(32).toString('base64')}`, got)).toThrow(WebhookVerificationError);
    expect(() =>
      standardVerify(secret, { ...got, headers: { ...got.headers, 'webhook-id': randomBytes(16).toString('hex') } }),
    ).toThrow(WebhookVerificationError);

    // The OMS's own headers, as before, with the same timestamp.
    expect(got.headers['oms-signature']).toBe(
      `t=${got.headers['webhook-timestamp']},v1=${omsHmac(secret, got.headers['webhook-timestamp'] as string, got.raw)}`,
    );
    expect(verify(secret, got.headers['oms-signature'] as string, got.raw)).toBe(true);
    expect(
      verify(secret, got.headers['oms-signature'] as string, got.raw.replace('"order.placed"', '"order.cancelled"')),
    ).toBe(false);
    await settled(t);
    expect((await deliveries(t, endpoint.id)).map((d) => d.status)).toEqual(['DELIVERED']);
  });

  test('an older secret (base64url, made before secrets were standard base64) signs with the bytes it decodes to', async () => {
    const { endpoint } = await createEndpoint(t, { url: rx.url('/old-secret'), eventTypes: ['order.placed'] });
    let old: string;
    do old = `whsec_${randomBytes(32).toString('base64url')}`;
    while (!/[-_]/.test(old));
    await t.sql(`update webhook_endpoint set secret = $2 where id = $1`, [endpoint.id, old]);
    await placeOrder(t);
    const [got] = await rx.waitFor('/old-secret', 1);
    // As docs/integrations.md says: the same bytes in standard base64 for a Standard Webhooks library.
    const standard = `whsec_${Buffer.from(old.slice('whsec_'.length), 'base64url').toString('base64')}`;
    expect(standardVerify(standard, got)).toEqual(JSON.parse(got.raw));
    expect(verify(old, got.headers['oms-signature'] as string, got.raw)).toBe(true);
  });

  test('after a rotation both secrets sign during the grace period (new first), and only the new one after it; neither secret is in GraphQL or the logs', async () => {
    const { endpoint, secret: first } = await createEndpoint(t, {
      url: rx.url('/rotate'),
      eventTypes: ['order.placed'],
    });
    const before = Date.now();
    const r = await t.q(ROTATE, { id: endpoint.id });
    expect(r.rotateWebhookSecret.userErrors).toEqual([]);
    const second: string = r.rotateWebhookSecret.secret;
    expect(second).toMatch(/^whsec_/);
    expect(second).not.toBe(first);
    // The grace period is the configured one, from the rotation.
    const until = Date.parse(r.rotateWebhookSecret.endpoint.previousSecretValidUntil);
    expect(until).toBeGreaterThanOrEqual(before + GRACE_SECONDS * 1000 - 1000);
    expect(until).toBeLessThanOrEqual(Date.now() + GRACE_SECONDS * 1000 + 1000);

    await placeOrder(t);
    const [during] = await rx.waitFor('/rotate', 1);
    const sigs = (during.headers['webhook-signature'] as string).split(' ');
    expect(sigs).toHaveLength(2);
    expect(sigs.every((s) => /^v1,[A-Za-z0-9+/]{43}=$/.test(s))).toBe(true);
    expect(standardVerify(second, during)).toEqual(JSON.parse(during.raw));
    expect(standardVerify(first, during)).toEqual(JSON.parse(during.raw));
    expect(() => standardVerify(second, { ...during, raw: `${during.raw} ` })).toThrow(WebhookVerificationError);
    const ts = during.headers['webhook-timestamp'] as string;
    expect(during.headers['oms-signature']).toBe(
      `t=${ts},v1=${omsHmac(second, ts, during.raw)},v1=${omsHmac(first, ts, during.raw)}`,
    );
    expect(verify(second, during.headers['oms-signature'] as string, during.raw)).toBe(true);
    expect(verify(first, during.headers['oms-signature'] as string, during.raw)).toBe(true);

    // Another rotation during the grace period: the secret it replaces signs next to the new one; the first no longer does.
    const third: string = (await t.q(ROTATE, { id: endpoint.id })).rotateWebhookSecret.secret;
    await placeOrder(t);
    const [, again] = await rx.waitFor('/rotate', 2);
    expect((again.headers['webhook-signature'] as string).split(' ')).toHaveLength(2);
    expect(standardVerify(third, again)).toBeTruthy();
    expect(standardVerify(second, again)).toBeTruthy();
    expect(() => standardVerify(first, again)).toThrow(WebhookVerificationError);
    expect(verify(first, again.headers['oms-signature'] as string, again.raw)).toBe(false);

    // The grace period is over (as if an hour had passed): only the new secret signs.
    await t.sql(`update webhook_endpoint set previous_secret_valid_until = now() - interval '1 second' where id = $1`, [
      endpoint.id,
    ]);
    await placeOrder(t);
    const [, , after] = await rx.waitFor('/rotate', 3);
    expect(after.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(standardVerify(third, after)).toBeTruthy();
    expect(() => standardVerify(second, after)).toThrow(WebhookVerificationError);
    const ta = after.headers['webhook-timestamp'] as string;
    expect(after.headers['oms-signature']).toBe(`t=${ta},v1=${omsHmac(third, ta, after.raw)}`);
    expect(verify(second, after.headers['oms-signature'] as string, after.raw)).toBe(false);

    // Neither secret can be read back: no such field, nothing in a query's answer, nothing logged.
    const asked = await t.gql('{ webhookEndpoints { id previousSecret } }');
    expect(asked.body.errors?.[0].message).toMatch(/previousSecret/);
    const listed = JSON.stringify(await t.q('{ webhookEndpoints { id url previousSecretValidUntil } }'));
    await settled(t);
    expect(logged.length).toBeGreaterThan(0); // requests are logged (at debug and above)
    for (const s of [first, second, third]) {
      expect(listed).not.toContain(s);
      expect(logged.join('')).not.toContain(s.slice('whsec_'.length));
    }
  });

  test('with a grace period of 0 a rotation stops the old secret at once', async () => {
    const { endpoint, secret: old } = await createEndpoint(t, {
      url: rx.url('/no-grace'),
      eventTypes: ['order.placed'],
    });
    const webhooks = t.server.services.webhookEndpoints as unknown as { config: Record<string, unknown> };
    const saved = webhooks.config;
    webhooks.config = { ...saved, webhookSecretGraceSeconds: 0 };
    let fresh: string;
    try {
      const r = await t.q(ROTATE, { id: endpoint.id });
      expect(r.rotateWebhookSecret.endpoint.previousSecretValidUntil).toBeNull();
      fresh = r.rotateWebhookSecret.secret;
    } finally {
      webhooks.config = saved;
    }
    await placeOrder(t);
    const [got] = await rx.waitFor('/no-grace', 1);
    expect(standardVerify(fresh, got)).toBeTruthy();
    expect(() => standardVerify(old, got)).toThrow(WebhookVerificationError);
    expect(verify(old, got.headers['oms-signature'] as string, got.raw)).toBe(false);
  });
});

describe('retries that respect the receiver', () => {
  test('a 429 with Retry-After: 2 is retried no sooner than 2 s later (same webhook-id), then delivered', async () => {
    const { endpoint, secret } = await createEndpoint(t, { url: rx.url('/busy'), eventTypes: ['order.placed'] });
    rx.script('/busy', [{ status: 429, body: 'slow down', headers: { 'retry-after': '2' } }]);
    await placeOrder(t);
    const [first, second] = await rx.waitFor('/busy', 2);
    expect(second.at - first.at).toBeGreaterThanOrEqual(2000);
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(standardVerify(secret, second)).toBeTruthy();
    await settled(t);
    const [d] = await deliveries(t, endpoint.id);
    expect(d).toMatchObject({ status: 'DELIVERED', attemptCount: 2 });
    expect(statuses(d)).toEqual([429, 200]);
    // The attempts as recorded: the first is written once its answer is read, so the gap between
    // the records is at most a little under the wait (the second request's latency).
    const [a, b] = await attemptTimes(d.id);
    expect(new Date(b.attempted_at).getTime() - new Date(a.attempted_at).getTime()).toBeGreaterThanOrEqual(2000 - 200);
  });

  test('a Retry-After longer than the retry window waits the window (3 s here); an HTTP date is read too', async () => {
    const { endpoint } = await createEndpoint(t, { url: rx.url('/later'), eventTypes: ['order.placed'] });
    const { endpoint: dated } = await createEndpoint(t, { url: rx.url('/dated'), eventTypes: ['order.placed'] });
    rx.script('/later', [{ status: 429, headers: { 'retry-after': '3600' } }]);
    rx.script('/dated', [{ status: 503, headers: { 'retry-after': new Date(Date.now() + 60_000).toUTCString() } }]);
    await placeOrder(t);
    const [first, second] = await rx.waitFor('/later', 2, 30_000);
    expect(second.at - first.at).toBeGreaterThanOrEqual(3000);
    const [d1, d2] = await rx.waitFor('/dated', 2, 30_000);
    expect(d2.at - d1.at).toBeGreaterThanOrEqual(3000); // a minute away: capped at the window too
    await settled(t);
    expect((await deliveries(t, endpoint.id))[0]).toMatchObject({ status: 'DELIVERED', attemptCount: 2 });
    expect((await deliveries(t, dated.id))[0]).toMatchObject({ status: 'DELIVERED', attemptCount: 2 });
  });

  test('a 408 is retried (backoff without Retry-After), then delivered', async () => {
    const { endpoint } = await createEndpoint(t, { url: rx.url('/timeout'), eventTypes: ['order.placed'] });
    rx.script('/timeout', [{ status: 408 }]);
    await placeOrder(t);
    const [first, second] = await rx.waitFor('/timeout', 2);
    expect(second.at - first.at).toBeGreaterThanOrEqual(900);
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    await settled(t);
    const [d] = await deliveries(t, endpoint.id);
    expect(d).toMatchObject({ status: 'DELIVERED', attemptCount: 2 });
    expect(statuses(d)).toEqual([408, 200]);
  });

  test('429 with Retry-After until the retries are used up: FAILED after 3 attempts, the job a dead letter', async () => {
    const { endpoint } = await createEndpoint(t, { url: rx.url('/always-busy'), eventTypes: ['order.placed'] });
    rx.script(
      '/always-busy',
      Array.from({ length: 5 }, () => ({ status: 429, headers: { 'retry-after': '1' } })),
    );
    await placeOrder(t);
    await rx.waitFor('/always-busy', 3, 30_000);
    await settled(t, 30_000);
    await new Promise((r) => setTimeout(r, 2500)); // no fourth attempt comes
    const got = rx.on('/always-busy');
    expect(got).toHaveLength(3);
    // Retry-After: 1 is shorter than the second backoff step (2 s here): the step wins.
    expect(got[1].at - got[0].at).toBeGreaterThanOrEqual(1000);
    expect(got[2].at - got[1].at).toBeGreaterThanOrEqual(2000);
    const [d] = await deliveries(t, endpoint.id);
    expect(d).toMatchObject({ status: 'FAILED', attemptCount: 3 });
    const dead = await t.q(`{ jobs(queue: "webhook-delivery__dead") { state data error } }`);
    expect(dead.jobs.filter((j: { data: { deliveryId?: string } }) => j.data.deliveryId === d.id)).toHaveLength(1);
  });

  test('400, 404 and 410 are not retried: FAILED after one attempt', async () => {
    const ids: Record<number, string> = {};
    for (const status of [400, 404, 410]) {
      ids[status] = (
        await createEndpoint(t, { url: rx.url(`/no-${status}`), eventTypes: ['order.placed'] })
      ).endpoint.id;
      rx.script(`/no-${status}`, [{ status, headers: { 'retry-after': '1' } }]);
    }
    await placeOrder(t);
    for (const status of [400, 404, 410]) await rx.waitFor(`/no-${status}`, 1);
    await settled(t);
    await new Promise((r) => setTimeout(r, 2500)); // longer than the first retry delay
    for (const status of [400, 404, 410]) {
      expect(rx.on(`/no-${status}`)).toHaveLength(1);
      const [d] = await deliveries(t, ids[status]);
      expect(d).toMatchObject({ status: 'FAILED', attemptCount: 1 });
      expect(statuses(d)).toEqual([status]);
    }
  });
});
