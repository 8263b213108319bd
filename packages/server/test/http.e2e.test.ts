/**
 * The HTTP surface: health endpoints, request ids, and what a client sees when a request is
 * broken (malformed JSON, oversized body, not GraphQL) or the server fails unexpectedly
 * (a masked INTERNAL_SERVER_ERROR with the request id, never a stack trace or SQL).
 */
import { gzipSync } from 'node:zlib';
import { GqlResponse, startTestServer, TestServer } from './harness';
import type { GqlBody } from './support/select';
import {
  baseUrl,
  driveTo,
  expectNoInternals,
  onlyError,
  orderSnapshot,
  recordPayment,
  standardCatalog,
} from './order-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await standardCatalog(t);
});
afterAll(() => t?.stop());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** POSTs a raw body to /graphql; returns status, headers and the parsed JSON body (or the text). */
async function post(body: string | Uint8Array, headers: Record<string, string> = {}, search = '') {
  const res = await fetch(t.url + search, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.token}`, ...headers },
    body,
  });
  return answer(res);
}

/** POSTs a body in chunks, without content-length (transfer-encoding: chunked). */
async function postStream(chunks: string[]) {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.token}` },
    body: stream,
    duplex: 'half',
  } as RequestInit);
  return answer(res);
}

async function answer(res: Response) {
  const text = await res.text();
  let json: GqlBody<unknown> | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

describe('health', () => {
  test('GET /healthz answers 200 {status: "ok"}', async () => {
    const res = await fetch(`${baseUrl(t)}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  test('GET /readyz answers 200 when the database is reachable', async () => {
    const res = await fetch(`${baseUrl(t)}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'up', jobs: 'up', eventStream: 'up' });
  });

  test('responses do not advertise the server software', async () => {
    const health = await fetch(`${baseUrl(t)}/healthz`);
    expect(health.headers.get('x-powered-by')).toBeNull();
    const graphql = await t.gql('{ me { email } }');
    expect(graphql.headers.get('x-powered-by')).toBeNull();
  });
});

describe('request ids', () => {
  test('every GraphQL response carries a fresh x-request-id', async () => {
    const a = await t.gql('{ me { email } }');
    const b = await t.gql('{ me { email } }');
    expect(a.headers.get('x-request-id')).toMatch(UUID);
    expect(b.headers.get('x-request-id')).toMatch(UUID);
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
  });

  test('a caller-supplied x-request-id is echoed; an unsafe one is replaced', async () => {
    const mine = await t.gql('{ me { email } }', undefined, { headers: { 'x-request-id': 'shop-frontend.req_42' } });
    expect(mine.headers.get('x-request-id')).toBe('shop-frontend.req_42');
    const unsafe = await t.gql('{ me { email } }', undefined, { headers: { 'x-request-id': 'bad id <script>' } });
    expect(unsafe.headers.get('x-request-id')).toMatch(UUID);
    const tooLong = await t.gql('{ me { email } }', undefined, { headers: { 'x-request-id': 'r'.repeat(101) } });
    expect(tooLong.headers.get('x-request-id')).toMatch(UUID);
  });
});

describe('caching', () => {
  test('no GraphQL response may be cached (cache-control: no-store), answers and errors alike', async () => {
    expect((await t.gql('{ me { email } }')).headers.get('cache-control')).toBe('no-store');
    expect((await t.gql('{ noSuchField }')).headers.get('cache-control')).toBe('no-store');
    expect((await post('{"query": "mutation { placeOrder }"}')).headers.get('cache-control')).toBe('no-store');
  });
});

describe('broken requests get a 4xx JSON error and no stack trace', () => {
  test('malformed JSON is a 400 with a JSON error naming the problem', async () => {
    const res = await post('{"query": "{ me { email } }", ');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.json).toEqual({
      errors: [
        {
          message: 'Malformed JSON in request body',
          extensions: { code: 'BAD_REQUEST', requestId: res.headers.get('x-request-id') },
        },
      ],
    });
    expectNoInternals(res.text);
  });

  test('a JSON body that is not an object is a 400', async () => {
    const res = await post('"{ me { email } }"');
    expect(res.status).toBe(400);
    expect(res.json!.errors![0]).toMatchObject({
      message: 'Malformed JSON in request body',
      extensions: { code: 'BAD_REQUEST' },
    });
    expectNoInternals(res.text);
  });

  test('a body of about 2 MB is a 413 with a JSON error, and the server goes on answering', async () => {
    // A valid operation padded with an extension the server ignores: only the size is wrong.
    const body = JSON.stringify({ query: 'mutation { logout }', extensions: { padding: 'x'.repeat(2 * 1024 * 1024) } });
    const res = await post(body);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.json).toEqual({
      errors: [
        {
          message: 'Request body too large (limit 1mb)',
          extensions: { code: 'BAD_REQUEST', requestId: res.headers.get('x-request-id') },
        },
      ],
    });
    expectNoInternals(res.text);
    // The oversized request was not executed: the token it would have revoked still works.
    expect((await t.q('{ me { email } }')).me.email).toBe('admin@test.local');
  });

  test('a body just under the limit is read and answered normally', async () => {
    const body = JSON.stringify({
      query: 'mutation($e: String!) { login(email: $e, password: "x") { token userErrors { code } } }',
      variables: { e: 'x'.repeat(900 * 1024) },
    });
    const res = await post(body);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      data: { login: { token: null, userErrors: [{ code: 'INVALID_CREDENTIALS' }] } },
      extensions: { cost: { requested: 4, maximum: 50000 } },
    });
  });

  // Plain JSON POSTs to /graphql skip Express's router and body-parser (common/graphql-http.ts);
  // every other way of sending the same request goes through Express. Both must answer alike.
  describe('the same answer whichever way the body is sent', () => {
    const query = JSON.stringify({ query: '{ me { email } }' });
    const expected = {
      data: { me: { email: 'admin@test.local' } },
      extensions: { cost: { requested: expect.any(Number), maximum: 50000 } },
    };

    test.each<[string, () => Promise<Awaited<ReturnType<typeof post>>>]>([
      ['content-length (the short way)', () => post(query)],
      ['charset=utf-8', () => post(query, { 'content-type': 'application/json; charset=utf-8' })],
      ['a byte order mark and whitespace first', () => post(`\ufeff \n\t${query}`)],
      ['chunked, without content-length', () => postStream([query.slice(0, 10), query.slice(10)])],
      ['gzip-compressed', () => post(gzipSync(query), { 'content-encoding': 'gzip' })],
      ['with a query string', () => post(query, {}, '?via=query-string')],
    ])('%s', async (_how, send) => {
      const res = await send();
      expect(res.status).toBe(200);
      expect(res.json).toEqual(expected);
      expect(res.headers.get('x-request-id')).toMatch(UUID);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(res.text)));
    });

    test.each<[string, () => Promise<Awaited<ReturnType<typeof post>>>]>([
      ['content-length', () => post('{"query": ')],
      ['chunked', () => postStream(['{"query": ', ''])],
      ['a JSON string, content-length', () => post('"{ me { email } }"')],
      ['a JSON string, chunked', () => postStream(['"{ me { email } }"'])],
    ])('malformed JSON sent with %s is the same 400', async (_how, send) => {
      const res = await send();
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        errors: [
          {
            message: 'Malformed JSON in request body',
            extensions: { code: 'BAD_REQUEST', requestId: res.headers.get('x-request-id') },
          },
        ],
      });
    });

    test('a content-length over the limit is refused before the body is read, as before', async () => {
      const body = JSON.stringify({ query: 'mutation { logout }', extensions: { padding: 'x'.repeat(1024 * 1024) } });
      const res = await post(body);
      expect(res.status).toBe(413);
      expect((await t.q('{ me { email } }')).me.email).toBe('admin@test.local');
    });
  });

  test.each([
    ['no query', '{}', '400', 'POST body missing, invalid Content-Type, or JSON object has no keys.'],
    ['a query that is a number', '{"query": 5}', '400', 'GraphQL queries must be strings.'],
    ['a batch of operations', '[{"query": "{ me { email } }"}]', '400', 'Operation batching disabled.'],
  ])('%s is a %s', async (_what, body, status, message) => {
    const res = await post(body);
    expect(String(res.status)).toBe(status);
    expect(res.json).toEqual({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
    expectNoInternals(res.text);
  });

  test('a text/plain POST is blocked as possible CSRF with a 400, and not executed', async () => {
    const res = await post(JSON.stringify({ query: 'mutation { logout }' }), { 'content-type': 'text/plain' });
    expect(res.status).toBe(400);
    expect(res.json!.errors![0].message).toMatch(/Cross-Site Request Forgery/);
    expectNoInternals(res.text);
    expect((await t.q('{ me { email } }')).me.email).toBe('admin@test.local');
  });

  test('an unsupported body encoding is a 415 JSON error', async () => {
    const res = await post('{}', { 'content-encoding': 'br2' });
    expect(res.status).toBe(415);
    expect(res.json!.errors![0].extensions).toEqual({
      code: 'BAD_REQUEST',
      requestId: res.headers.get('x-request-id'),
    });
    expectNoInternals(res.text);
  });

  test('wrong variable types are a 400 BAD_USER_INPUT GraphQL error', async () => {
    const res = await t.gql('mutation($id: ID!) { confirmOrder(id: $id) { userErrors { code } } }', {
      id: { nested: true },
    });
    expect(res.status).toBe(400);
    expect(onlyError(res).extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });
});

describe('unexpected failures are masked', () => {
  test('a database failure during a mutation reaches the client as "Internal server error" with the request id, no SQL, nothing written', async () => {
    const o = await driveTo(t, 'CONFIRMED');
    const before = await orderSnapshot(t, o.id);
    await t.sql('alter table payment rename column method to method_moved');
    let res: GqlResponse | undefined;
    try {
      res = await t.gql(
        'mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { order { id } userErrors { code } } }',
        { i: { orderId: o.id, amount: 100, method: 'card', reference: 'ch_masked' } },
      );
    } finally {
      await t.sql('alter table payment rename column method_moved to method');
    }
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toMatch(UUID);
    expect(res.body).toEqual({
      data: null,
      errors: [
        {
          message: 'Internal server error',
          path: ['recordPayment'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
        },
      ],
    });
    expectNoInternals(res.body);
    expect(JSON.stringify(res.body.errors![0].message) + JSON.stringify(res.body.errors![0].extensions)).not.toMatch(
      /payment|method|column|postgres|mikro|insert/i,
    );
    // The transaction rolled back: no payment, no history entry, the order as it was.
    expect(await orderSnapshot(t, o.id)).toEqual(before);

    // With the column back the same payment goes through.
    const retry = await recordPayment(t, { orderId: o.id, amount: 100, method: 'card', reference: 'ch_masked' });
    expect(retry.userErrors).toEqual([]);
    expect(retry.order.paymentStatus).toBe('PARTIALLY_PAID');
  });

  test('a database failure during a query is masked too, and carries the caller-supplied request id', async () => {
    await t.sql('alter table channel rename column code to code_moved');
    let res: GqlResponse | undefined;
    try {
      res = await t.gql('{ channels { code currency } }', undefined, { headers: { 'x-request-id': 'ops-trace-7' } });
    } finally {
      await t.sql('alter table channel rename column code_moved to code');
    }
    expect(res.headers.get('x-request-id')).toBe('ops-trace-7');
    expect(res.body).toEqual({
      data: null,
      errors: [
        {
          message: 'Internal server error',
          path: ['channels'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'ops-trace-7' },
        },
      ],
    });
    expectNoInternals(res.body);
    expect((await t.q('{ channels { code currency } }')).channels).toEqual([{ code: 'WEB', currency: 'EUR' }]);
  });

  test('a constraint the code does not expect is masked as well, and the order is untouched', async () => {
    const o = await driveTo(t, 'PENDING');
    const before = await orderSnapshot(t, o.id);
    await t.sql(`alter table order_history add constraint test_no_holds check (to_status is distinct from 'ON_HOLD')`);
    let res: GqlResponse | undefined;
    try {
      res = await t.gql(
        'mutation($id: ID!) { holdOrder(id: $id, reason: "check") { order { status } userErrors { code } } }',
        { id: o.id },
      );
    } finally {
      await t.sql('alter table order_history drop constraint test_no_holds');
    }
    expect(onlyError(res)).toEqual({
      message: 'Internal server error',
      path: ['holdOrder'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: res.headers.get('x-request-id') },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/test_no_holds|order_history|constraint/);
    expect(await orderSnapshot(t, o.id)).toEqual(before);
  });
});
