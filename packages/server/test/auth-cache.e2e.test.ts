/**
 * API keys are looked up at most once per AUTH_CACHE_MS (1 s) per process (modules/auth/auth.service.ts),
 * and request rate limits are counted in memory below half the budget (common/rate-limits.ts).
 * What a caller observes must not change: a revoked or rotated key is refused at once by the
 * process that revoked it and within the bound by another process; a rotated key's previous
 * secret ends with its grace period; rate limits are still enforced and written to the database.
 */
import { createServer, RunningServer } from '../src/server';
import { AUTH_CACHE_MS } from '../src/modules/auth/auth.service';
import { createKey } from './access-helpers';
import { settle, startTestServer, TestServer } from './harness';
import type { GqlBody, Query, Select } from './support/select';

let t: TestServer;
let second: RunningServer | undefined;
beforeAll(async () => {
  t = await startTestServer({ config: { rateLimitRequests: 40, rateLimitWindowSeconds: 60 } });
  await t.q(`mutation { createChannel(input: { code: "WEB", name: "Web", currency: "EUR" }) { userErrors { code } } }`);
});
afterAll(async () => {
  await second?.stop();
  await t.stop();
});

const CHANNELS = '{ channels { code } }';
const REVOKE = `mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { revokedAt } userErrors { code } } }`;
const ROTATE = `mutation($id: ID!) { rotateApiKey(id: $id) { secret userErrors { code } } }`;

async function viaSecond(url: string, token: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: CHANNELS }),
  });
  return { status: res.status, body: (await res.json()) as GqlBody<Select<Query, { channels: { code: true } }>> };
}

test('a key revoked through the API is refused at once by this process, though it was just used (and cached)', async () => {
  const key = await createKey(t, { channelCodes: ['WEB'], permissions: ['CHANNEL_READ'] });
  for (let i = 0; i < 3; i++)
    expect((await t.q(CHANNELS, undefined, { token: key.secret })).channels).toEqual([{ code: 'WEB' }]);
  expect((await t.q(REVOKE, { id: key.id })).revokeApiKey.userErrors).toEqual([]);
  const refused = await t.gql(CHANNELS, undefined, { token: key.secret });
  expect(refused.status).toBe(401);
  expect(refused.body.errors![0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
});

test('a rotation with the previous secret in use: the old secret stops when its grace period ends, even right after a use', async () => {
  const key = await createKey(t, { channelCodes: ['WEB'], permissions: ['CHANNEL_READ'] });
  expect((await t.q(CHANNELS, undefined, { token: key.secret })).channels).toEqual([{ code: 'WEB' }]);
  const rotated = (await t.q(ROTATE, { id: key.id })).rotateApiKey.secret;
  expect((await t.q(CHANNELS, undefined, { token: key.secret })).channels).toEqual([{ code: 'WEB' }]);
  await t.sql(`update api_key set previous_valid_until = now() - interval '1 millisecond' where id = $1`, [key.id]);
  expect((await t.gql(CHANNELS, undefined, { token: key.secret })).status).toBe(401);
  expect((await t.q(CHANNELS, undefined, { token: rotated })).channels).toEqual([{ code: 'WEB' }]);
});

test('a key revoked on another process (or in the database) is refused here within the documented bound', async () => {
  second = await createServer({
    config: {
      port: 0,
      logLevel: 'silent',
      sessionTtlSeconds: 3600,
      bodyLimit: '1mb',
      corsOrigins: [],
      rateLimitRequests: 40,
      rateLimitWindowSeconds: 60,
    },
    databaseUrl: t.databaseUrl,
    host: '127.0.0.1',
    seed: 'none',
  });
  const key = await createKey(t, { channelCodes: ['WEB'], permissions: ['CHANNEL_READ'] });
  const used = await viaSecond(second.url, key.secret);
  expect(used.status).toBe(200);
  expect(used.body.data!.channels).toEqual([{ code: 'WEB' }]);
  // Revoked through the first process: the second one has the key in its cache.
  expect((await t.q(REVOKE, { id: key.id })).revokeApiKey.userErrors).toEqual([]);
  await settle(AUTH_CACHE_MS + 200);
  const refused = await viaSecond(second.url, key.secret);
  expect(refused.status).toBe(401);
  expect(refused.body.errors![0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
});

test('a key keeps its rate limit: past the budget it is refused, and every request it made is in the database', async () => {
  const key = await createKey(t, { channelCodes: ['WEB'], permissions: ['CHANNEL_READ'] });
  const statuses: number[] = [];
  for (let i = 0; i < 45; i++) statuses.push((await t.gql(CHANNELS, undefined, { token: key.secret })).status);
  expect(statuses.slice(0, 40)).toEqual(Array(40).fill(200));
  expect(statuses.slice(40)).toEqual(Array(5).fill(429));
  // In-memory counts reach the database within FLUSH_MS; refused requests are counted at once.
  await settle(300);
  const [row] = await t.sql(`select points from rate_limit where key = $1`, [`req:apiKey:${key.id}`]);
  expect(row.points).toBe(45);
});
