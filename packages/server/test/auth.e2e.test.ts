/**
 * Authentication: every operation but login needs a valid bearer token; without one (or with an
 * unknown, expired, revoked or deactivated user's token) the caller gets UNAUTHENTICATED and
 * nothing changes. Login refuses wrong passwords and unknown e-mails alike; passwords are bcrypt
 * hashes; logout revokes the token.
 */
import bcrypt from 'bcryptjs';
import { createHash } from 'node:crypto';
import { orderInput } from './builders';
import { ADMIN, collect, GqlResponse, startTestServer, TestServer } from './harness';
import {
  ACCEPTED_WITH_USER_ERRORS,
  PUBLIC_OPERATIONS,
  OperationFixtures,
  operationFixtures,
  operations as allOperations,
} from './access-helpers';
import { expectNoInternals, orderSnapshot, standardCatalog } from './order-helpers';

let t: TestServer;
let fixtures: OperationFixtures;
beforeAll(async () => {
  // webhookAllowPrivateAddresses: the fixtures' webhook endpoints (staff's) are on 127.0.0.1.
  t = await startTestServer({ config: { webhookAllowPrivateAddresses: true } });
  await standardCatalog(t);
  fixtures = await operationFixtures(t);
});
const operations = () => allOperations(fixtures);
afterAll(() => t?.stop());

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { email name role active } userErrors { field code message } } }`;
const login = (email: string, password: string, token: string | null = null) =>
  t.gql(LOGIN, { e: email, p: password }, { token });
const ME = '{ me { email name role active } }';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const ALL_TABLES = [
  'order',
  'order_line',
  'order_history',
  'stock_allocation',
  'stock_level',
  'stock_movement',
  'customer',
  'payment',
  'refund',
  'shipment',
  'shipment_line',
  'order_return',
  'channel',
  'warehouse',
  'product',
  'app_user',
  'user_session',
  'api_key',
  'api_key_channel',
  'audit_entry',
  'webhook_endpoint',
];

/** Row counts of every table, the stock, sessions and the three orders the operations target. */
async function databaseState() {
  const counts: Record<string, number> = {};
  for (const table of ALL_TABLES) counts[table] = (await t.sql(`select count(*)::int as n from "${table}"`))[0].n;
  const sessions = await t.sql('select id, revoked_at, expires_at from user_session order by id');
  const orders = [
    await orderSnapshot(t, fixtures.pending.id),
    await orderSnapshot(t, fixtures.held.id),
    await orderSnapshot(t, fixtures.partlyShipped.id),
  ];
  const users = await t.sql('select id, name, role, active, password_hash from app_user order by id');
  const keys = await t.sql('select id, secret_hash, previous_secret_hash, revoked_at from api_key order by id');
  return { counts, sessions, orders, users, keys };
}

function expectUnauthenticated(res: GqlResponse, name: string) {
  expectNoInternals(res.body);
  expect({
    op: name,
    status: res.status,
    errors: res.body.errors?.map((e) => ({ code: e.extensions?.code, extensions: e.extensions })),
  }).toEqual({
    op: name,
    status: 401,
    errors: [{ code: 'UNAUTHENTICATED', extensions: { code: 'UNAUTHENTICATED' } }],
  });
  expect(res.body.errors![0].message).toBe('Authentication required: send Authorization: Bearer <token>');
  // Nullable fields come back null; non-null ones null the whole data.
  expect(res.body.data?.[name] ?? null).toBeNull();
}

test('the operations below are every query and mutation of the schema except the public ones (login, trackOrder)', async () => {
  const r = await t.q(
    '{ q: __schema { queryType { fields(includeDeprecated: true) { name } } mutationType { fields(includeDeprecated: true) { name } } } }',
    undefined,
    { token: null },
  );
  const names = [...r.q.queryType.fields, ...r.q.mutationType.fields]
    .map((f) => f.name)
    .filter((n: string) => !PUBLIC_OPERATIONS.includes(n));
  expect(names.sort()).toEqual(Object.keys(operations()).sort());
});

/** Authorization headers that must not get anyone in (given the admin's valid token, to misuse it). */
const BAD_CREDENTIALS: [string, (validToken: string) => Record<string, string>][] = [
  ['no Authorization header', () => ({})],
  [
    'a token that was never issued',
    () => ({ authorization: 'Bearer oms_WnV5cWFhc2RmZ2hqa2w7cXdlcnR5dWlvcHp4Y3Zibm0' }),
  ],
  ['a malformed token', () => ({ authorization: 'Bearer not-a-token' })],
  ['a valid token sent without the Bearer scheme', (valid) => ({ authorization: valid })],
  [
    'a Basic credential with the right password',
    () => ({ authorization: `Basic ${Buffer.from(`${ADMIN.email}:${ADMIN.password}`).toString('base64')}` }),
  ],
];

describe.each(BAD_CREDENTIALS)('with %s', (_what, headersFor) => {
  test('every operation but login is refused with UNAUTHENTICATED and nothing changes', async () => {
    const before = await databaseState();
    for (const [name, [query, variables]] of Object.entries(operations())) {
      const res = await t.gql(query, variables, { token: null, headers: headersFor(t.token) });
      expectUnauthenticated(res, name);
    }
    expect(await databaseState()).toEqual(before);
  });
});

test('the same operations are accepted with a valid token (the refusals above were about the token only)', async () => {
  const session = await login(ADMIN.email, ADMIN.password);
  const token = session.body.data.login.token;
  const [{ n: ordersBefore }] = await t.sql('select count(*)::int as n from "order"');
  for (const [name, [query, variables]] of Object.entries(operations())) {
    const res = await t.gql(query, variables, { token });
    expect({ name, status: res.status, errors: res.body.errors }).toEqual({ name, status: 200, errors: undefined });
    const value = res.body.data![name];
    if (value && typeof value === 'object' && 'userErrors' in value && !ACCEPTED_WITH_USER_ERRORS.has(name)) {
      expect({ name, userErrors: value.userErrors }).toEqual({ name, userErrors: [] });
    }
  }
  const [{ n: ordersAfter }] = await t.sql('select count(*)::int as n from "order"');
  expect(ordersAfter).toBe(ordersBefore + 1);
  // logout ran last: this token is now revoked.
  expectUnauthenticated(await t.gql(ME, undefined, { token }), 'me');
});

test('placeOrder without a token writes no order, line, customer or reservation', async () => {
  const before = await databaseState();
  const res = await t.gql(
    `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { order { id } } }`,
    { i: orderInput({ customer: { email: 'anon@example.com' } }) },
    { token: null },
  );
  expectUnauthenticated(res, 'placeOrder');
  expect(await databaseState()).toEqual(before);
  expect(await t.sql(`select * from customer where email = 'anon@example.com'`)).toEqual([]);
});

test('a subscription without a valid token is refused with UNAUTHENTICATED', async () => {
  const results = await collect(
    t.ws('oms_not-a-real-token'),
    'subscription { orderUpdated { event { type } } }',
    {},
    1,
    5000,
  ).done;
  expect(results).toEqual([
    {
      errors: [
        expect.objectContaining({
          message: 'Authentication required: send Authorization: Bearer <token>',
          extensions: { code: 'UNAUTHENTICATED' },
        }),
      ],
    },
  ]);
});

describe('login', () => {
  test('the right e-mail and password give a token and the user; the token works', async () => {
    const [{ n: sessionsBefore }] = await t.sql('select count(*)::int as n from user_session');
    const res = await login(ADMIN.email, ADMIN.password);
    expect(res.status).toBe(200);
    const { token, user, userErrors } = res.body.data.login;
    expect(userErrors).toEqual([]);
    expect(user).toEqual({ email: ADMIN.email, name: 'Administrator', role: 'ADMIN', active: true });
    expect(token).toMatch(/^oms_[A-Za-z0-9_-]{43}$/);
    expect((await t.q(ME, undefined, { token })).me).toEqual(user);
    // Only the SHA-256 of the token is stored.
    const sessions = await t.sql('select token_hash from user_session where token_hash = $1', [sha256(token)]);
    expect(sessions).toHaveLength(1);
    const [{ n: sessionsAfter }] = await t.sql('select count(*)::int as n from user_session');
    expect(sessionsAfter).toBe(sessionsBefore + 1);
    expect(await t.sql('select 1 from user_session where token_hash = $1', [token])).toEqual([]);
  });

  test('the e-mail is matched without regard to case', async () => {
    const res = await login(ADMIN.email.toUpperCase(), ADMIN.password);
    expect(res.body.data.login.userErrors).toEqual([]);
    expect(res.body.data.login.user.email).toBe(ADMIN.email);
  });

  test('a wrong password and an unknown e-mail get the same INVALID_CREDENTIALS answer and no session', async () => {
    const [{ n: before }] = await t.sql('select count(*)::int as n from user_session');
    const wrongPassword = await login(ADMIN.email, 'correct horse battery stapler');
    const unknownEmail = await login('nobody@test.local', ADMIN.password);
    const tooLong = await login(ADMIN.email, 'x'.repeat(10_000));
    const refused = {
      token: null,
      user: null,
      userErrors: [{ field: ['password'], code: 'INVALID_CREDENTIALS', message: 'E-mail or password is wrong' }],
    };
    expect(wrongPassword.body).toEqual({ data: { login: refused } });
    expect(unknownEmail.body).toEqual({ data: { login: refused } });
    expect(tooLong.body).toEqual({ data: { login: refused } });
    const [{ n: after }] = await t.sql('select count(*)::int as n from user_session');
    expect(after).toBe(before);
  });

  test('login works even when a revoked or bogus token is sent along', async () => {
    const res = await login(ADMIN.email, ADMIN.password, 'oms_bogus');
    expect(res.body.data.login.userErrors).toEqual([]);
    expect(res.body.data.login.token).toMatch(/^oms_/);
  });

  test('the password is stored as a bcrypt hash, never as the password', async () => {
    const [row] = await t.sql('select password_hash from app_user where email = $1', [ADMIN.email]);
    expect(row.password_hash).toMatch(/^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/);
    expect(row.password_hash).not.toContain(ADMIN.password);
    expect(await bcrypt.compare(ADMIN.password, row.password_hash)).toBe(true);
  });

  test('the user type exposes no password hash', async () => {
    const res = await t.gql('{ me { passwordHash } }');
    expect(res.status).toBe(400);
    expect(res.body.errors![0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

test('me returns the signed-in user', async () => {
  const r = await t.q(ME);
  expect(r.me).toEqual({ email: ADMIN.email, name: 'Administrator', role: 'ADMIN', active: true });
});

test('the Bearer scheme is case-insensitive', async () => {
  const res = await t.gql(ME, undefined, { token: null, headers: { authorization: `bearer ${t.token}` } });
  expect(res.body).toEqual({
    data: { me: { email: ADMIN.email, name: 'Administrator', role: 'ADMIN', active: true } },
  });
});

test('logout revokes only the token it is called with; the next call with it is UNAUTHENTICATED', async () => {
  const token = (await login(ADMIN.email, ADMIN.password)).body.data.login.token;
  expect((await t.q(ME, undefined, { token })).me.email).toBe(ADMIN.email);
  expect(await t.q('mutation { logout }', undefined, { token })).toEqual({ logout: true });
  const [session] = await t.sql('select revoked_at from user_session where token_hash = $1', [sha256(token)]);
  expect(session.revoked_at).toBeInstanceOf(Date);
  expectUnauthenticated(await t.gql(ME, undefined, { token }), 'me');
  expectUnauthenticated(await t.gql('mutation { logout }', undefined, { token }), 'logout');
  // Another session of the same user is untouched.
  expect((await t.q(ME)).me.email).toBe(ADMIN.email);
});

test('an expired token is refused with UNAUTHENTICATED', async () => {
  const token = (await login(ADMIN.email, ADMIN.password)).body.data.login.token;
  expect((await t.q(ME, undefined, { token })).me.email).toBe(ADMIN.email);
  await t.sql(`update user_session set expires_at = now() - interval '1 second' where token_hash = $1`, [
    sha256(token),
  ]);
  expectUnauthenticated(await t.gql(ME, undefined, { token }), 'me');
});

test('a deactivated user is locked out at once: open sessions stop working and login is refused', async () => {
  const hash = await bcrypt.hash('clerk password 1', 4);
  await t.sql(
    `insert into app_user (id, email, name, password_hash, role, active, created_at)
    values (gen_random_uuid(), 'clerk@test.local', 'Clerk', $1, 'SUPPORT', true, now())`,
    [hash],
  );
  const signedIn = await login('clerk@test.local', 'clerk password 1');
  expect(signedIn.body.data.login.userErrors).toEqual([]);
  const token = signedIn.body.data.login.token;
  expect((await t.q(ME, undefined, { token })).me).toEqual({
    email: 'clerk@test.local',
    name: 'Clerk',
    role: 'SUPPORT',
    active: true,
  });

  await t.sql(`update app_user set active = false where email = 'clerk@test.local'`);
  const before = await databaseState();
  expectUnauthenticated(await t.gql(ME, undefined, { token }), 'me');
  const [name, [query, variables]] = ['placeOrder', operations().placeOrder];
  expectUnauthenticated(await t.gql(query, variables, { token }), name);
  expect(await databaseState()).toEqual(before);

  const again = await login('clerk@test.local', 'clerk password 1');
  expect(again.body.data.login).toEqual({
    token: null,
    user: null,
    userErrors: [{ field: ['password'], code: 'INVALID_CREDENTIALS', message: 'E-mail or password is wrong' }],
  });
  // The admin is not affected.
  expect((await t.q(ME)).me.email).toBe(ADMIN.email);
});
