/**
 * What a caller with legitimate but limited credentials cannot stretch: throttles that count a
 * guess before they check it (aliases, parallel requests, IPv6 per /64), WebSocket connections
 * that end with the session or key they were opened with (on every process), WebSocket limits per
 * actor and by the real client address, and the smaller edges (int4 stock, the well-known first
 * admin password, bcrypt's 72 bytes).
 */
import { Client as WsClient, createClient } from 'graphql-ws';
import { Client } from 'pg';
import WebSocket from 'ws';
import type { Config } from '../src/config/config';
import { COMPOSE_ADMIN_PASSWORD, DEMO_ADMIN, firstAdmin } from '../src/config/first-admin';
import { createServer } from '../src/server';
import { createKey, login, userWithRole } from './access-helpers';
import { ADMIN, collect, settle, startTestServer, TestServer, WsClose } from './harness';
import { GqlBody, Query, Select } from './support/select';
import { driveTo, expectNoInternals, standardCatalog } from './order-helpers';

const servers: TestServer[] = [];
async function server(config: Partial<Config> = {}) {
  const t = await startTestServer({ config });
  servers.push(t);
  return t;
}
async function stopServers() {
  for (const s of servers.splice(0)) await s.stop();
}
afterAll(stopServers);

/** Requests as if from `address`, through a proxy on loopback the server trusts (OMS_TRUST_PROXY=loopback). */
const from = (address: string) => ({ token: null, headers: { 'x-forwarded-for': address } });
const guesses = (n: number, prefix = 'NOPE') =>
  `{ ${Array.from({ length: n }, (_, i) => `g${i}: trackOrder(number: "${prefix}-${i}", email: "nobody@example.com") { number }`).join(' ')} }`;
const SIGN_IN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token mustChangePassword userErrors { code } } }`;

/** A graphql-ws client whose upgrade request carries these headers. */
function wsWithHeaders(t: TestServer, headers: Record<string, string>, token?: string | null): WsClient {
  class WithHeaders extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  return createClient({
    url: t.wsUrl,
    webSocketImpl: WithHeaders,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
  });
}

/** Resolves when the server acknowledged the connection; rejects with the close code if it closed it first. */
function connected(client: WsClient): Promise<void> {
  return new Promise((resolve, reject) => {
    client.on('connected', () => resolve());
    client.on('closed', (e) =>
      reject(Object.assign(new Error(`closed ${(e as WsClose).code}`), { code: (e as WsClose).code })),
    );
  });
}
const closeCode = (client: WsClient) =>
  new Promise<number>((resolve) => client.on('closed', (e) => resolve((e as WsClose).code)));
const rateRow = async (t: TestServer, key: string) =>
  (await t.sql<{ points: number }>('select points from rate_limit where key = $1', [key]))[0]?.points;

describe('throttles count a guess before they check it', () => {
  afterAll(stopServers);
  let t: TestServer;
  beforeAll(async () => {
    t = await server({
      trustProxy: 'loopback',
      trackingMaxFailuresPerAddress: 20,
      loginMaxFailuresPerAccount: 3,
      loginMaxFailuresPerAddress: 5,
    });
  });

  test('an operation with more than 30 aliased fields is refused before anything runs: 300 aliased trackOrder guesses make no guess', async () => {
    const res = await t.gql(guesses(300), undefined, from('198.51.100.1'));
    expect(res.status).toBe(400);
    expectNoInternals(res.body);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        message: 'Too many aliases: an operation may hold at most 30 aliased fields',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'TOO_MANY_ALIASES', maximumAliases: 30 },
      }),
    ]);
    expect(await rateRow(t, 'track-address:198.51.100.1')).toBeUndefined();
    // A fragment counts each time it is spread: 2 x 16 aliases.
    const fragment = `fragment F on Query { ${Array.from({ length: 16 }, (_, i) => `f${i}: trackOrder(number: "F-${i}", email: "x@example.com") { number }`).join(' ')} }`;
    const spread = await t.gql(
      `{ ...F a: __typename ... on Query { ...F } } ${fragment}`,
      undefined,
      from('198.51.100.1'),
    );
    expect(spread.body.errors![0].extensions).toMatchObject({ reason: 'TOO_MANY_ALIASES' });
    expect(await rateRow(t, 'track-address:198.51.100.1')).toBeUndefined();
  });

  test('the alias limit holds over WebSocket too', async () => {
    const q = `subscription { orderUpdated { order { ${Array.from({ length: 31 }, (_, i) => `n${i}: number`).join(' ')} } } }`;
    const [result] = await collect(t.ws(), q, {}, 1, 5000).done;
    expect(result.errors?.[0]).toMatchObject({ extensions: { reason: 'TOO_MANY_ALIASES', maximumAliases: 30 } });
  });

  test('within the alias limit every trackOrder field counts: 25 guesses in one request at a limit of 20 answer 20 nulls and 5 RATE_LIMITED', async () => {
    const res = await t.gql(guesses(25), undefined, from('198.51.100.2'));
    const data = res.body.data as Record<string, unknown>;
    expect(Object.values(data).filter((v) => v === null)).toHaveLength(25);
    const limited = res.body.errors!.filter((e) => e.extensions?.code === 'RATE_LIMITED');
    expect(limited).toHaveLength(5);
    expect(limited[0].message).toMatch(
      /^Too many order lookups that matched nothing from this address; retry in \d+ s$/,
    );
    expect(await rateRow(t, 'track-address:198.51.100.2')).toBe(20);
    // The budget is spent: the next request is refused whole.
    const next = await t.gql(guesses(1, 'NEXT'), undefined, from('198.51.100.2'));
    expect(next.body.errors![0].extensions?.code).toBe('RATE_LIMITED');
  });

  test('IPv6 addresses are counted per /64: another address of the same network shares the budget, another network does not', async () => {
    expect(Object.values((await t.gql(guesses(20), undefined, from('2001:db8:1:2::a'))).body.data)).toEqual(
      Array(20).fill(null),
    );
    const same = await t.gql(guesses(1, 'SAME'), undefined, from('2001:db8:1:2:ffff:1:2:3'));
    expect(same.body.errors![0].extensions?.code).toBe('RATE_LIMITED');
    const other = await t.gql(guesses(1, 'OTHER'), undefined, from('2001:db8:1:3::1'));
    expect(other.body.errors).toBeUndefined();
    expect(await rateRow(t, 'track-address:2001:db8:1:2::/64')).toBe(20);
    expect(await rateRow(t, 'track-address:2001:db8:1:3::/64')).toBe(1);
  });

  test('a lookup that matches gives its point back: customers tracking their own orders are never throttled', async () => {
    await standardCatalog(t);
    const order = await driveTo(t, 'PENDING');
    const [{ email }] = await t.sql(
      'select c.email from "order" o join customer c on c.id = o.customer_id where o.id = $1',
      [order.id],
    );
    for (let i = 0; i < 3; i++) {
      const res = await t.gql(
        `{ ${Array.from({ length: 10 }, (_, j) => `m${j}: trackOrder(number: "${order.number}", email: "${email}") { number }`).join(' ')} }`,
        undefined,
        from('198.51.100.4'),
      );
      expect(res.body.errors).toBeUndefined();
    }
    expect(await rateRow(t, 'track-address:198.51.100.4')).toBe(0);
  });

  test('10 wrong passwords sent at once for one account (limit 3) count 3 failures and refuse 7; then even the right password is refused', async () => {
    const victim = await userWithRole(t, 'SUPPORT');
    const sessions = async () =>
      (await t.sql('select count(*)::int as n from user_session where user_id = $1', [victim.id]))[0].n;
    const before = await sessions();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.gql(SIGN_IN, { e: victim.email, p: `guess ${i}` }, from(`198.51.100.${100 + i}`)),
      ),
    );
    const wrong = results.filter((r) => r.body.data?.login?.userErrors?.[0]?.code === 'INVALID_CREDENTIALS');
    const refused = results.filter((r) => r.status === 429 && r.body.errors?.[0].extensions?.code === 'RATE_LIMITED');
    expect([wrong.length, refused.length]).toEqual([3, 7]);
    expect(await rateRow(t, `login-account:${victim.email}`)).toBe(3);
    const right = await t.gql(SIGN_IN, { e: victim.email, p: victim.password }, from('198.51.100.120'));
    expect(right.status).toBe(429);
    expect(await sessions()).toBe(before);
  });

  test('10 sign-ins at once from one address across accounts (limit 5) count 5 failures and refuse 5', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.gql(SIGN_IN, { e: `nobody-${i}@test.local`, p: 'x' }, from('198.51.100.5')),
      ),
    );
    const wrong = results.filter((r) => r.body.data?.login?.userErrors?.[0]?.code === 'INVALID_CREDENTIALS');
    const refused = results.filter((r) => r.status === 429);
    expect([wrong.length, refused.length]).toEqual([5, 5]);
    expect(refused[0].body.errors![0].message).toMatch(/^Too many failed sign-ins for this address; retry in \d+ s$/);
    expect(await rateRow(t, 'login-address:198.51.100.5')).toBe(5);
  });

  test('a successful sign-in gives its address point back', async () => {
    const user = await userWithRole(t, 'VIEWER');
    for (let i = 0; i < 8; i++)
      expect(
        (await t.gql(SIGN_IN, { e: user.email, p: user.password }, from('198.51.100.6'))).body.data.login.token,
      ).toMatch(/^oms_/);
    expect(await rateRow(t, 'login-address:198.51.100.6')).toBe(0);
  });
});

describe('WebSocket connections end with the credentials they were opened with', () => {
  afterAll(stopServers);
  let t: TestServer;
  const SUB = 'subscription { orderUpdated { event { type } } }';
  beforeAll(async () => {
    t = await server({ apiKeyRotationGraceSeconds: 2 });
    await standardCatalog(t);
  });

  test("changePassword closes the connections (and so the subscriptions) of the user's other sessions; the session that changed it streams on", async () => {
    const user = await userWithRole(t, 'VIEWER');
    const other = await login(t, user.email, user.password);
    const otherClient = t.ws(other);
    const otherClosed = closeCode(otherClient);
    // Authenticated (acknowledged) before the change: a subscription sent after it would just be refused.
    await connected(otherClient);
    const ownClient = t.ws(user.token);
    await connected(ownClient);
    const own = collect(ownClient, SUB, {}, 1, 30000);
    await settle();
    const r = await t.q(
      `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { userErrors { code } } }`,
      { i: { currentPassword: user.password, newPassword: 'a brand new password 3' } },
      { token: user.token },
    );
    expect(r.changePassword.userErrors).toEqual([]);
    expect(await otherClosed).toBe(4403);
    await driveTo(t, 'PENDING');
    expect((await own.done)[0].data.orderUpdated.event.type).toBe('PLACED');
    expect(
      await t.sql(
        "select 1 from user_session where token_hash = encode(sha256($1::bytea), 'hex') and revoked_at is not null",
        [other],
      ),
    ).toHaveLength(1);
  });

  test("signing out on one server process closes the session's connections on another process too", async () => {
    const user = await userWithRole(t, 'VIEWER');
    const second = await createServer({
      config: {
        port: 0,
        logLevel: 'silent',
        sessionTtlSeconds: 3600,
        bodyLimit: '1mb',
        corsOrigins: [],
        rateLimitRequests: 0,
      },
      databaseUrl: t.databaseUrl,
      host: '127.0.0.1',
      seed: 'none',
    });
    const client = createClient({
      url: second.wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${user.token}` },
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
    });
    try {
      const closed = closeCode(client);
      await connected(client);
      expect((await t.q('mutation { logout }', undefined, { token: user.token })).logout).toBe(true);
      expect(await closed).toBe(4403);
    } finally {
      await client.dispose();
      await second.stop();
    }
  });

  test("a connection with a rotated key's previous secret lasts until its grace period ends, then closes; the new secret streams on", async () => {
    const key = await createKey(t, { channelCodes: ['WEB'], permissions: ['ORDER_READ'] });
    const oldClient = t.ws(key.secret);
    const oldClosed = closeCode(oldClient);
    await connected(oldClient);
    const rotated = await t.q(`mutation($id: ID!) { rotateApiKey(id: $id) { secret userErrors { code } } }`, {
      id: key.id,
    });
    const fresh = collect(t.ws(rotated.rotateApiKey.secret), SUB, {}, 1, 30000);
    expect(await oldClosed).toBe(4403);
    const [{ over }] = await t.sql('select previous_valid_until <= now() as over from api_key where id = $1', [key.id]);
    expect(over).toBe(true);
    await driveTo(t, 'PENDING');
    expect((await fresh.done)[0].data.orderUpdated.event.type).toBe('PLACED');
  });

  test('a session that expires closes its connections', async () => {
    const short = await server({ sessionTtlSeconds: 2 });
    const token = await login(short, ADMIN.email, ADMIN.password);
    const client = short.ws(token);
    const closed = closeCode(client);
    await connected(client);
    expect(await closed).toBe(4403);
    const [{ expired }] = await short.sql(
      "select expires_at <= now() as expired from user_session where token_hash = encode(sha256($1::bytea), 'hex')",
      [token],
    );
    expect(expired).toBe(true);
  });
});

describe('WebSocket limits per actor, from the real client address', () => {
  afterAll(stopServers);

  test("subscriptions are charged to the actor's own budget, the same one as their HTTP requests", async () => {
    const t = await server({ rateLimitRequests: 5, rateLimitWindowSeconds: 60 });
    const user = await userWithRole(t, 'VIEWER'); // its changePassword was request 1 of 5
    for (let i = 0; i < 4; i++)
      expect((await t.gql('{ me { email } }', undefined, { token: user.token })).status).toBe(200);
    const [refused] = await collect(t.ws(user.token), 'subscription { orderUpdated { event { type } } }', {}, 1, 5000)
      .done;
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    expect(await rateRow(t, `req:user:${user.id}`)).toBe(6);
  });

  test('with OMS_TRUST_PROXY the WebSocket client address is the forwarded one, as over HTTP', async () => {
    const t = await server({ trustProxy: 'loopback', trackingMaxFailuresPerAddress: 20 });
    const client = wsWithHeaders(t, { 'x-forwarded-for': '203.0.113.9' });
    const [result] = await collect(
      client,
      'subscription { trackedOrderUpdated(number: "NOPE-1", email: "x@example.com") { number } }',
      {},
      1,
      5000,
    ).done;
    expect(result.errors?.[0].message).toBe('No order matches this number and e-mail');
    await client.dispose();
    expect(await rateRow(t, 'track-address:203.0.113.9')).toBe(1);
    expect(await t.sql(`select key from rate_limit where key like 'track-address:%127.0.0.1'`)).toEqual([]);
  });

  test('one actor may hold at most OMS_MAX_CONNECTIONS_PER_ACTOR connections: one more is closed with 4429; others are not affected', async () => {
    const t = await server({ maxConnectionsPerActor: 2 });
    const user = await userWithRole(t, 'VIEWER');
    const a = t.ws(user.token);
    const b = t.ws(user.token);
    await Promise.all([connected(a), connected(b)]);
    const c = t.ws(user.token);
    await expect(connected(c)).rejects.toMatchObject({ code: 4429 });
    // Another user, and the admin, connect as usual.
    await connected(t.ws());
    await connected(t.ws((await userWithRole(t, 'VIEWER')).token));
    // A closed connection frees its place.
    await a.dispose();
    await settle();
    await connected(t.ws(user.token));
  });
});

describe('smaller edges', () => {
  afterAll(stopServers);
  let t: TestServer;
  beforeAll(async () => {
    t = await server();
    await standardCatalog(t);
  });

  test('adjustStock past the integer range is refused as INVALID_INPUT on delta and changes nothing', async () => {
    const ADJUST = `mutation($i: AdjustStockInput!) { adjustStock(input: $i) { stockLevel { onHand } userErrors { code field message } } }`;
    const adjust = (delta: number) =>
      t.gql(ADJUST, { i: { sku: 'SKU-1', warehouseCode: 'WH1', delta, reason: 'big delivery' } });
    expect((await adjust(1_000_000_000)).body.data.adjustStock.userErrors).toEqual([]);
    expect((await adjust(1_000_000_000)).body.data.adjustStock.userErrors).toEqual([]);
    const before = await t.sql(
      `select s.on_hand, (select count(*)::int from stock_movement) as movements from stock_level s join product p on p.id = s.product_id where p.sku = 'SKU-1'`,
    );
    const res = await adjust(1_000_000_000);
    expect(res.status).toBe(200);
    expectNoInternals(res.body);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.adjustStock).toEqual({
      stockLevel: null,
      userErrors: [
        {
          code: 'INVALID_INPUT',
          field: ['input', 'delta'],
          message: 'Cannot adjust SKU-1 in WH1 by 1000000000: on hand would be 3000001000, more than 2147483647',
        },
      ],
    });
    expect(
      await t.sql(
        `select s.on_hand, (select count(*)::int from stock_movement) as movements from stock_level s join product p on p.id = s.product_id where p.sku = 'SKU-1'`,
      ),
    ).toEqual(before);
  });

  test('passwords over 72 bytes are refused when set, and a longer one never signs in on its first 72 bytes', async () => {
    const CREATE = `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } userErrors { code field message } } }`;
    const long = 'é'.repeat(37); // 37 characters, 74 bytes
    const refused = await t.q(CREATE, {
      i: { email: 'long@test.local', name: 'Long', role: 'VIEWER', password: long },
    });
    expect(refused.createUser).toEqual({
      user: null,
      userErrors: [
        {
          code: 'INVALID_INPUT',
          field: ['input', 'password'],
          message: 'password: must be at most 72 bytes in UTF-8 (longer passwords are refused)',
        },
      ],
    });
    expect(await t.sql(`select 1 from app_user where email = 'long@test.local'`)).toEqual([]);
    const user = await userWithRole(t, 'VIEWER');
    const CHANGE = `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { userErrors { code field } } }`;
    const r = await t.q(
      CHANGE,
      { i: { currentPassword: user.password, newPassword: 'x'.repeat(73) } },
      { token: user.token },
    );
    expect(r.changePassword.userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'newPassword'] }]);
    expect(await login(t, user.email, user.password)).toMatch(/^oms_/);
    // Exactly 72 bytes is fine; 72 bytes and more does not sign in (bcrypt alone would let it).
    const exact = 'p'.repeat(72);
    expect(
      (await t.q(CHANGE, { i: { currentPassword: user.password, newPassword: exact } }, { token: user.token }))
        .changePassword.userErrors,
    ).toEqual([]);
    expect(await login(t, user.email, exact)).toMatch(/^oms_/);
    const longer = await t.gql(SIGN_IN, { e: user.email, p: `${exact}and more` }, { token: null });
    expect(longer.body.data.login).toEqual({
      token: null,
      mustChangePassword: null,
      userErrors: [{ code: 'INVALID_CREDENTIALS' }],
    });
  });

  test('a first admin with a well-known password must change it at first sign-in; until then only me, changePassword and logout work', async () => {
    expect(firstAdmin({})).toEqual({ ...DEMO_ADMIN, mustChangePassword: true, demo: true });
    expect(
      firstAdmin({ adminEmail: 'ops@example.com', adminPassword: COMPOSE_ADMIN_PASSWORD }).mustChangePassword,
    ).toBe(true);
    expect(firstAdmin({ adminEmail: 'ops@example.com', adminPassword: 'our own long secret' }).mustChangePassword).toBe(
      false,
    );

    const base = process.env.DATABASE_URL!;
    const admin = new Client({ connectionString: base });
    await admin.connect();
    const db = `oms_test_first_admin_${Date.now()}`;
    await admin.query(`create database "${db}"`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${db}`;
    const s = await createServer({
      config: {
        port: 0,
        logLevel: 'silent',
        sessionTtlSeconds: 3600,
        bodyLimit: '1mb',
        corsOrigins: [],
        rateLimitRequests: 0,
      },
      databaseUrl: url.toString(),
      host: '127.0.0.1',
      seed: 'none',
      admin: firstAdmin({}),
    });
    const post = async <T = unknown>(query: string, variables: unknown, token?: string): Promise<GqlBody<T>> =>
      (
        await fetch(s.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        })
      ).json() as Promise<GqlBody<T>>;
    try {
      type SignIn = { login: { token: string; mustChangePassword: boolean } };
      const first = (await post<SignIn>(SIGN_IN, { e: DEMO_ADMIN.email, p: DEMO_ADMIN.password })).data!.login;
      expect(first).toMatchObject({ token: expect.stringMatching(/^oms_/), mustChangePassword: true, userErrors: [] });
      const refused = await post('{ channels { code } }', {}, first.token);
      expect(refused.errors![0]).toMatchObject({
        message: 'Choose a new password first (mutation changePassword)',
        extensions: { code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' },
      });
      const created = await post(
        `mutation { createChannel(input: { code: "WEB", name: "Web", currency: "EUR" }) { userErrors { code } } }`,
        {},
        first.token,
      );
      expect(created.errors![0].extensions!.reason).toBe('PASSWORD_CHANGE_REQUIRED');
      expect((await post<{ me: unknown }>('{ me { email mustChangePassword } }', {}, first.token)).data!.me).toEqual({
        email: DEMO_ADMIN.email,
        mustChangePassword: true,
      });
      const changed = await post<{ changePassword: unknown }>(
        `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { user { mustChangePassword } userErrors { code } } }`,
        { i: { currentPassword: DEMO_ADMIN.password, newPassword: 'now a real secret 42' } },
        first.token,
      );
      expect(changed.data!.changePassword).toEqual({ user: { mustChangePassword: false }, userErrors: [] });
      expect((await post<{ channels: unknown }>('{ channels { code } }', {}, first.token)).data!.channels).toEqual([]);
      expect(
        (await post<SignIn>(SIGN_IN, { e: DEMO_ADMIN.email, p: 'now a real secret 42' })).data!.login
          .mustChangePassword,
      ).toBe(false);
    } finally {
      await s.stop();
    }
    // The test servers' admin has its own password: nothing to change.
    expect(
      (await t.gql(SIGN_IN, { e: ADMIN.email, p: ADMIN.password }, { token: null })).body.data.login.mustChangePassword,
    ).toBe(false);
  });
});

describe('lists are priced by their bound, and the big ones page', () => {
  afterAll(stopServers);
  let t: TestServer;
  beforeAll(async () => {
    t = await server();
    await standardCatalog(t); // SKU-1, SKU-2 in WH1
    for (const [code, priority] of [
      ['WH2', 2],
      ['WH0', 2],
    ] as const) {
      await t.q(`mutation($i: CreateWarehouseInput!) { createWarehouse(input: $i) { userErrors { code } } }`, {
        i: { code, name: code, priority },
      });
      for (const sku of ['SKU-1', 'SKU-2']) {
        await t.q(`mutation($i: AdjustStockInput!) { adjustStock(input: $i) { userErrors { code } } }`, {
          i: { sku, warehouseCode: code, delta: code === 'WH0' ? 3 : 7, reason: 'count' },
        });
      }
    }
  });

  test('an unpaged list is priced at its cap, and nested lists multiply: stockLevels > product > stockLevels > ... is refused', async () => {
    const res = await t.gql('{ stockLevels { product { stockLevels { product { stockLevels { onHand } } } } } }');
    expect(res.status).toBe(400);
    // 1 + 500 x (1 + (1 + 20 x (1 + (1 + 20 x 1))))
    expect(res.body.errors![0]).toMatchObject({
      extensions: { code: 'QUERY_TOO_COMPLEX', cost: 221001, maximumCost: 50000 },
    });
    expect((await t.gql('{ stockLevels { onHand } }')).cost).toEqual({ requested: 501, maximum: 50000 });
    expect((await t.gql('{ stock(first: 10) { nodes { onHand } } }')).cost).toEqual({ requested: 21, maximum: 50000 });
  });

  test('stock pages through every row in the order of stockLevels, with filters', async () => {
    const all = (
      await t.q<Select<Query, { stockLevels: { sku: true; warehouse: { code: true }; onHand: true } }>>(
        '{ stockLevels { sku warehouse { code } onHand } }',
      )
    ).stockLevels;
    expect(all).toHaveLength(6);
    const seen: unknown[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const r: Select<
        Query,
        {
          stock: {
            totalCount: true;
            nodes: { sku: true; warehouse: { code: true }; onHand: true };
            pageInfo: { hasNextPage: true; endCursor: true };
          };
        }
      >['stock'] = (
        await t.q(
          'query($after: String) { stock(first: 4, after: $after) { totalCount nodes { sku warehouse { code } onHand } pageInfo { hasNextPage endCursor } } }',
          { after },
        )
      ).stock;
      expect(r.totalCount).toBe(6);
      seen.push(...r.nodes);
      if (!r.pageInfo.hasNextPage) break;
      after = r.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
    expect(all.map((s) => `${s.sku}@${s.warehouse.code}`)).toEqual([
      'SKU-1@WH1',
      'SKU-1@WH0',
      'SKU-1@WH2',
      'SKU-2@WH1',
      'SKU-2@WH0',
      'SKU-2@WH2',
    ]);
    const q = (filter: Record<string, unknown>) =>
      t.q('query($f: StockFilter) { stock(filter: $f) { totalCount nodes { sku warehouse { code } } } }', {
        f: filter,
      });
    expect((await q({ warehouseCode: 'WH0' })).stock.nodes).toEqual([
      { sku: 'SKU-1', warehouse: { code: 'WH0' } },
      { sku: 'SKU-2', warehouse: { code: 'WH0' } },
    ]);
    expect((await q({ availableBelow: 5 })).stock.totalCount).toBe(2);
    expect((await q({ search: 'u-2', sku: 'SKU-2', availableBelow: 8 })).stock.nodes).toEqual([
      { sku: 'SKU-2', warehouse: { code: 'WH0' } },
      { sku: 'SKU-2', warehouse: { code: 'WH2' } },
    ]);
    expect((await q({ search: '%' })).stock.totalCount).toBe(0);
    const bad = await t.gql('{ stock(after: "garbage") { totalCount } }');
    expect(bad.body.errors![0]).toMatchObject({
      message: 'after is not a valid cursor',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  test('the deprecated lists return at most 500 rows; their connections page through all', async () => {
    await t.sql(
      `insert into warehouse (id, code, name, priority, created_at) select gen_random_uuid(), 'BULK-' || lpad(i::text, 4, '0'), 'Bulk', 100, now() from generate_series(1, 510) i`,
    );
    const legacy = (await t.q<Select<Query, { warehouses: { code: true } }>>('{ warehouses { code } }')).warehouses;
    expect(legacy).toHaveLength(500);
    const codes: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r: Select<
        Query,
        {
          warehousesConnection: {
            totalCount: true;
            nodes: { code: true };
            pageInfo: { hasNextPage: true; endCursor: true };
          };
        }
      >['warehousesConnection'] = (
        await t.q(
          'query($after: String) { warehousesConnection(first: 200, after: $after) { totalCount nodes { code } pageInfo { hasNextPage endCursor } } }',
          { after },
        )
      ).warehousesConnection;
      expect(r.totalCount).toBe(513);
      codes.push(...r.nodes.map((w) => w.code));
      if (!r.pageInfo.hasNextPage) break;
      after = r.pageInfo.endCursor;
    }
    expect(codes).toHaveLength(513);
    expect(codes.slice(0, 500)).toEqual(legacy.map((w) => w.code));
    expect(codes.slice(0, 3)).toEqual(['WH1', 'WH0', 'WH2']);
    // Users and keys page the same way.
    const users = [await userWithRole(t, 'VIEWER'), await userWithRole(t, 'SUPPORT')];
    const u1 = (
      await t.q('{ usersConnection(first: 2) { totalCount nodes { email } pageInfo { hasNextPage endCursor } } }')
    ).usersConnection;
    const u2 = (
      await t.q(
        'query($a: String) { usersConnection(first: 2, after: $a) { nodes { email } pageInfo { hasNextPage } } }',
        { a: u1.pageInfo.endCursor },
      )
    ).usersConnection;
    expect(u1.totalCount).toBe(3);
    expect([...u1.nodes, ...u2.nodes].map((u) => u.email)).toEqual([ADMIN.email, ...users.map((u) => u.email)].sort());
    expect(u2.pageInfo.hasNextPage).toBe(false);
    const keys = [
      await createKey(t, { channelCodes: ['WEB'], permissions: ['ORDER_READ'] }),
      await createKey(t, { channelCodes: ['WEB'], permissions: ['ORDER_READ'] }),
    ];
    const k1 = (
      await t.q('{ apiKeysConnection(first: 1) { totalCount nodes { id channels { code } } pageInfo { endCursor } } }')
    ).apiKeysConnection;
    const k2 = (
      await t.q(
        'query($a: String) { apiKeysConnection(first: 1, after: $a) { nodes { id } pageInfo { hasNextPage } } }',
        { a: k1.pageInfo.endCursor },
      )
    ).apiKeysConnection;
    expect(k1.totalCount).toBe(2);
    expect([k1.nodes[0].id, k2.nodes[0].id]).toEqual([keys[1].id, keys[0].id]);
    expect(k1.nodes[0].channels).toEqual([{ code: 'WEB' }]);
    expect(k2.pageInfo.hasNextPage).toBe(false);
  });

  test('webhook endpoints page too: the deprecated list stops at 500, the connection pages through all, a key sees its own', async () => {
    const CREATE =
      'mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { id } userErrors { field message } } }';
    const first = (await t.q(CREATE, { i: { url: 'https://hooks.invalid/staff', eventTypes: ['order.placed'] } }))
      .createWebhookEndpoint;
    expect(first.userErrors).toEqual([]);
    // 504 older rows like it, a millisecond apart.
    await t.sql(
      `insert into webhook_endpoint select (jsonb_populate_record(null::webhook_endpoint, to_jsonb(e)
      || jsonb_build_object('id', gen_random_uuid(), 'created_at', e.created_at - interval '1 hour' + i * interval '1 millisecond'))).*
      from webhook_endpoint e, generate_series(1, 504) i where e.id = $1`,
      [first.endpoint.id],
    );
    const key = await createKey(t, { channelCodes: ['WEB'], permissions: ['WEBHOOK_MANAGE'] });
    const mine = (
      await t.q(
        CREATE,
        { i: { url: 'https://hooks.invalid/partner', eventTypes: ['order.placed'] } },
        { token: key.secret },
      )
    ).createWebhookEndpoint;
    expect(mine.userErrors).toEqual([]);
    expect((await t.q('{ webhookEndpoints { id } }')).webhookEndpoints).toHaveLength(500);
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r: Select<
        Query,
        {
          webhookEndpointsConnection: {
            totalCount: true;
            nodes: { id: true };
            pageInfo: { hasNextPage: true; endCursor: true };
          };
        }
      >['webhookEndpointsConnection'] = (
        await t.q(
          'query($after: String) { webhookEndpointsConnection(first: 200, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }',
          { after },
        )
      ).webhookEndpointsConnection;
      expect(r.totalCount).toBe(506);
      ids.push(...r.nodes.map((e) => e.id));
      if (!r.pageInfo.hasNextPage) break;
      after = r.pageInfo.endCursor;
    }
    expect(new Set(ids).size).toBe(506);
    expect(ids.slice(504)).toEqual([first.endpoint.id, mine.endpoint.id]);
    const own = (
      await t.q('{ webhookEndpointsConnection { totalCount nodes { id } } }', undefined, { token: key.secret })
    ).webhookEndpointsConnection;
    expect(own).toEqual({ totalCount: 1, nodes: [{ id: mine.endpoint.id }] });
  });
});
