/**
 * The access log: one JSON line per HTTP request once it is answered, with method, path (no
 * query string), GraphQL operation, status, duration, request id and actor, and never a
 * credential or an e-mail address. Health checks are logged at debug only.
 */
import net from 'node:net';
import { createLogger } from '../src/common/logger';
import { ADMIN, startTestServer, TestServer } from './harness';
import { createCatalog, orderInput } from './builders';

let t: TestServer;
const lines: Record<string, unknown>[] = [];
const raw: string[] = [];

beforeAll(async () => {
  const log = createLogger('debug', {
    write(chunk: string) {
      raw.push(chunk);
      for (const l of chunk.split('\n').filter(Boolean)) lines.push(JSON.parse(l));
    },
  });
  t = await startTestServer({ logger: log });
  await createCatalog(t, {
    channels: [{ code: 'WEB', currency: 'EUR' }],
    warehouses: [{ code: 'WH1', priority: 1 }],
    products: [{ sku: 'SKU-1', price: 1250 }],
    stock: { 'SKU-1': { WH1: 100 } },
  });
});
afterAll(() => t?.stop());

const base = () => t.url.replace(/\/graphql$/, '');
const requestLines = (requestId: string) => lines.filter((l) => l.msg === 'request' && l.requestId === requestId);

/** The access line of a request (written when its response has finished, just after the client has it). */
async function lineOf(requestId: string) {
  const deadline = Date.now() + 5000;
  while (!requestLines(requestId).length) {
    if (Date.now() > deadline) throw new Error(`no access log line for ${requestId}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 50));
  const found = requestLines(requestId);
  expect(found).toHaveLength(1);
  return found[0];
}

test('a GraphQL request is logged once, at info, with its operation, status, duration, request id and actor', async () => {
  const res = await t.gql(
    'mutation placeOrder($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } userErrors { code } } }',
    { input: orderInput() },
  );
  expect(res.body.data.placeOrder.userErrors).toEqual([]);
  const requestId = res.headers.get('x-request-id')!;
  const line = await lineOf(requestId);
  const [admin] = await t.sql('select id from app_user where email = $1', [ADMIN.email]);
  expect(line).toMatchObject({
    level: 30,
    msg: 'request',
    method: 'POST',
    path: '/graphql',
    operation: 'placeOrder',
    status: 200,
    requestId,
    actor: `user:${admin.id}`,
  });
  expect(typeof line.durationMs).toBe('number');
  expect(line.durationMs).toBeGreaterThan(0);
  expect(line.aborted).toBeUndefined();
});

test("the client's request id is kept, the query string is not logged, and anonymous callers have no actor", async () => {
  const res = await fetch(`${t.url}?token=sneaky-query-secret`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'client-req-42' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('x-request-id')).toBe('client-req-42');
  const line = await lineOf('client-req-42');
  expect(line).toMatchObject({ path: '/graphql', operation: 'anonymous', status: 200 });
  expect(line.actor).toBeUndefined();
  expect(raw.join('')).not.toContain('sneaky-query-secret');
});

test('data routes and refusals are logged with their status; health checks only at debug', async () => {
  const res = await fetch(`${base()}/export/orders.csv`, { headers: { 'x-request-id': 'export-no-token' } });
  expect(res.status).toBe(401);
  expect(await lineOf('export-no-token')).toMatchObject({
    level: 30,
    method: 'GET',
    path: '/export/orders.csv',
    status: 401,
  });

  await fetch(`${base()}/healthz`, { headers: { 'x-request-id': 'health-1' } });
  expect(await lineOf('health-1')).toMatchObject({ level: 20, path: '/healthz', status: 200 });
});

test('no credential, secret or e-mail address reaches the log', async () => {
  const password = 'Another horse battery 77';
  const created = await t.q(
    `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } userErrors { code message } } }`,
    { i: { email: 'logged.person@example.com', name: 'Logged Person', role: 'VIEWER', password } },
  );
  expect(created.createUser.userErrors).toEqual([]);
  const login = await t.gql(
    'mutation login($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: 'logged.person@example.com', p: password },
    { token: null },
  );
  const token = login.body.data.login.token as string;
  expect(token).toBeTruthy();
  await t.gql('{ __typename }', undefined, { token });
  const key = await t.q(
    'mutation { createApiKey(input: { name: "Log check", channelCodes: ["WEB"], permissions: [ORDER_READ] }) { secret apiKey { id } userErrors { code } } }',
  );
  const secret = key.createApiKey.secret as string;
  expect(secret).toBeTruthy();
  await t.gql('{ __typename }', undefined, { token: secret });
  await new Promise((r) => setTimeout(r, 100));

  const text = raw.join('');
  expect(lines.filter((l) => l.msg === 'request' && l.operation === 'login')).toHaveLength(1);
  for (const forbidden of [
    password,
    token,
    t.token,
    ADMIN.password,
    ADMIN.email,
    'logged.person@example.com',
    secret,
  ]) {
    expect(text).not.toContain(forbidden);
  }
  // The staff member is named by id only.
  const [user] = await t.sql('select id from app_user where email = $1', ['logged.person@example.com']);
  expect(lines.some((l) => l.msg === 'request' && l.actor === `user:${user.id}`)).toBe(true);
  expect(lines.some((l) => l.msg === 'request' && l.actor === `apiKey:${key.createApiKey.apiKey.id}`)).toBe(true);
});

test('a client that goes away in the middle of its body is logged as aborted, not as a server error, both ways in', async () => {
  const port = Number(new URL(t.url).port);
  const errorsBefore = lines.filter((l) => Number(l.level) >= 50).length;
  // A plain JSON body with its length (the short way, common/graphql-http.ts), and a chunked one (Express).
  const heads = [
    'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\nX-Request-Id: gone-1\r\n\r\n{"query":',
    'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nX-Request-Id: gone-2\r\n\r\n9\r\n{"query":\r\n',
  ];
  for (const head of heads) {
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write(head);
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 200);
      });
      socket.on('error', reject);
    });
  }
  // At info, as any request (body-parser's 400 on the Express side; the short way sees the close first).
  expect(await lineOf('gone-1')).toMatchObject({ level: 30, aborted: true });
  expect(await lineOf('gone-2')).toMatchObject({ level: 30 });
  await new Promise((r) => setTimeout(r, 200));
  expect(lines.filter((l) => Number(l.level) >= 50).slice(errorsBefore)).toEqual([]);
  // And the server goes on answering.
  expect((await t.q<{ __typename: string }>('{ __typename }')).__typename).toBe('Query');
});
