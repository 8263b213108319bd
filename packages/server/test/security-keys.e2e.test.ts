/**
 * Partner API keys: shown once and stored as a hash, limited to their channels (orders of other
 * channels do not exist for them, in queries, lists, mutations and subscriptions) and to their
 * permissions, rotated with a grace period, revoked at once, and audited.
 */
import { createHash } from 'node:crypto';
import { createKey, PartnerKey } from './access-helpers';
import { createCatalog, orderInput, placeOrder } from './builders';
import { ADMIN, collect, settle, startTestServer, TestServer, WsClose } from './harness';
import { Mutation, operation, Query, Select } from './support/select';
import { confirmOrder, createShipment, expectNoInternals, orderSnapshot } from './order-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await createCatalog(t, {
    channels: [
      { code: 'WEB', currency: 'EUR' },
      { code: 'MARKET', currency: 'EUR' },
      { code: 'B2B', currency: 'EUR' },
    ],
    warehouses: [{ code: 'WH1', priority: 1 }],
    products: [
      { sku: 'SKU-1', price: 1250 },
      { sku: 'SKU-2', price: 499 },
    ],
    stock: { 'SKU-1': { WH1: 1000 }, 'SKU-2': { WH1: 1000 } },
  });
});
afterAll(() => t?.stop());

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const PLACE = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { order { id number channel { code } history { actor } } userErrors { field code message } } }`;
const PARTNER = ['ORDER_PLACE', 'ORDER_READ', 'STOCK_READ', 'PRODUCT_READ'];

async function adminOrder(channelCode: string) {
  const r = await placeOrder(t, { channelCode });
  if (r.userErrors.length) throw new Error(JSON.stringify(r.userErrors));
  return r.order as { id: string; number: string };
}

describe('creating a key', () => {
  test('the secret is returned once, recognisable by its prefix, and only its SHA-256 is stored', async () => {
    const r = await t.q<
      Select<
        Mutation,
        {
          createApiKey: {
            apiKey: {
              id: true;
              name: true;
              prefix: true;
              channels: { code: true };
              permissions: true;
              lastUsedAt: true;
              revokedAt: true;
              previousValidUntil: true;
              createdAt: true;
            };
            secret: true;
            userErrors: { field: true };
          };
        }
      >
    >(
      `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) {
        apiKey { id name prefix channels { code } permissions lastUsedAt revokedAt previousValidUntil createdAt } secret userErrors { field } } }`,
      { i: { name: 'Marketplace X', channelCodes: ['MARKET', 'WEB'], permissions: ['ORDER_PLACE', 'ORDER_READ'] } },
    );
    const { userErrors } = r.createApiKey;
    const apiKey = r.createApiKey.apiKey!;
    const secret = r.createApiKey.secret!;
    expect(userErrors).toEqual([]);
    expect(secret).toMatch(/^omsk_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({
      name: 'Marketplace X',
      prefix: secret.slice(0, 13),
      permissions: ['ORDER_PLACE', 'ORDER_READ'],
      lastUsedAt: null,
      revokedAt: null,
      previousValidUntil: null,
    });
    expect(apiKey.channels.map((c) => c.code).sort()).toEqual(['MARKET', 'WEB']);

    const [row] = await t.sql('select * from api_key where id = $1', [apiKey.id]);
    expect(row.secret_hash).toBe(sha256(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    // Listing keys never shows a secret again; the type has no field for it.
    const listed = await t.q('{ apiKeys { id prefix } }');
    expect(listed.apiKeys).toContainEqual({ id: apiKey.id, prefix: apiKey.prefix });
    const fields = await t.q<{ __type: { fields: { name: string }[] } }>(
      '{ __type(name: "ApiKey") { fields { name } } }',
    );
    expect(fields.__type.fields.map((f) => f.name)).not.toEqual(expect.arrayContaining(['secret']));
    expect(fields.__type.fields.map((f) => f.name).join()).not.toMatch(/secret|hash/i);
  });

  test('unknown channels, access-management permissions and empty lists are refused by field, and nothing is created', async () => {
    const [{ n: before }] = await t.sql('select count(*)::int as n from api_key');
    const CREATE = operation<
      Select<
        Mutation,
        { createApiKey: { apiKey: { id: true }; secret: true; userErrors: { field: true; code: true; message: true } } }
      >
    >(
      `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { apiKey { id } secret userErrors { field code message } } }`,
    );
    const bad = await t.q(CREATE, {
      i: { name: 'Bad', channelCodes: ['WEB', 'NOPE'], permissions: ['ORDER_READ', 'USER_MANAGE', 'API_KEY_MANAGE'] },
    });
    expect(bad.createApiKey).toEqual({
      apiKey: null,
      secret: null,
      userErrors: [
        {
          field: ['input', 'permissions', '1'],
          code: 'INVALID_INPUT',
          message: 'USER_MANAGE cannot be given to an API key',
        },
        {
          field: ['input', 'permissions', '2'],
          code: 'INVALID_INPUT',
          message: 'API_KEY_MANAGE cannot be given to an API key',
        },
        { field: ['input', 'channelCodes', '1'], code: 'INVALID_INPUT', message: 'Unknown channel NOPE' },
      ],
    });
    const empty = await t.q(CREATE, { i: { name: '', channelCodes: [], permissions: [] } });
    expect(empty.createApiKey.userErrors.map((e) => e.field)).toEqual(
      expect.arrayContaining([
        ['input', 'name'],
        ['input', 'channelCodes'],
        ['input', 'permissions'],
      ]),
    );
    const [{ n: after }] = await t.sql('select count(*)::int as n from api_key');
    expect(after).toBe(before);
  });
});

describe('a key limited to channel WEB', () => {
  let key: PartnerKey;
  let webOrder: { id: string; number: string };
  let marketOrder: { id: string; number: string };
  beforeAll(async () => {
    key = await createKey(t, {
      name: 'Storefront',
      channelCodes: ['WEB'],
      permissions: [...PARTNER, 'CHANNEL_READ', 'ORDER_UPDATE', 'SHIPMENT_UPDATE', 'PAYMENT_RECORD'],
    });
    webOrder = await adminOrder('WEB');
    marketOrder = await adminOrder('MARKET');
  });

  test('places orders into WEB, and its history says the key did it', async () => {
    const r = await t.q(PLACE, { i: orderInput({ channelCode: 'WEB', externalId: 'SF-1' }) }, { token: key.secret });
    expect(r.placeOrder.userErrors).toEqual([]);
    expect(r.placeOrder.order.channel.code).toBe('WEB');
    expect(r.placeOrder.order.history[0].actor).toBe(`key:Storefront (${key.prefix})`);
  });

  test('cannot place into another channel: the channel is as unknown as one that does not exist, nothing is written', async () => {
    const [{ n: before }] = await t.sql('select count(*)::int as n from "order"');
    const other = await t.q(PLACE, { i: orderInput({ channelCode: 'MARKET' }) }, { token: key.secret });
    const missing = await t.q(PLACE, { i: orderInput({ channelCode: 'NOSUCH' }) }, { token: key.secret });
    expect(other.placeOrder).toEqual({
      order: null,
      userErrors: [{ field: ['input', 'channelCode'], code: 'INVALID_INPUT', message: 'Unknown channel MARKET' }],
    });
    expect(missing.placeOrder.userErrors[0].message).toBe('Unknown channel NOSUCH');
    const [{ n: after }] = await t.sql('select count(*)::int as n from "order"');
    expect(after).toBe(before);
  });

  test("sees its own orders; another channel's order does not exist for it, by id or by number", async () => {
    const Q = `query($id: ID) { byId: order(id: $id) { number } }`;
    expect((await t.q(Q, { id: webOrder.id }, { token: key.secret })).byId).toEqual({ number: webOrder.number });
    expect((await t.gql(Q, { id: marketOrder.id }, { token: key.secret })).body).toEqual({ data: { byId: null } });
    expect(
      (await t.gql(`query($n: String) { order(number: $n) { id } }`, { n: marketOrder.number }, { token: key.secret }))
        .body,
    ).toEqual({ data: { order: null } });
    // The answer is the same as for an order that does not exist at all.
    expect((await t.gql(Q, { id: '00000000-0000-4000-8000-000000000000' }, { token: key.secret })).body).toEqual({
      data: { byId: null },
    });
  });

  test("lists and counts only its own channel's orders, whatever the filter", async () => {
    const all = await t.q<Select<Query, { orders: { totalCount: true; nodes: { channel: { code: true } } } }>>(
      '{ orders(first: 200) { totalCount nodes { channel { code } } } }',
      undefined,
      { token: key.secret },
    );
    const [{ n: web }] = await t.sql(
      `select count(*)::int as n from "order" o join channel c on c.id = o.channel_id where c.code = 'WEB'`,
    );
    expect(all.orders.totalCount).toBe(web);
    expect(new Set(all.orders.nodes.map((o) => o.channel.code))).toEqual(new Set(['WEB']));
    const market = await t.q('{ orders(filter: { channelCode: "MARKET" }) { totalCount nodes { id } } }', undefined, {
      token: key.secret,
    });
    expect(market.orders).toEqual({ totalCount: 0, nodes: [] });
    const search = await t.q(
      `query($s: String) { orders(filter: { search: $s }) { totalCount } }`,
      { s: marketOrder.number },
      { token: key.secret },
    );
    expect(search.orders.totalCount).toBe(0);
    expect((await t.q('{ channels { code } }', undefined, { token: key.secret })).channels).toEqual([{ code: 'WEB' }]);
  });

  test("cannot change another channel's order: NOT_FOUND exactly as for a missing one, and nothing changes", async () => {
    const before = await orderSnapshot(t, marketOrder.id);
    const CONFIRM = `mutation($id: ID!) { confirmOrder(id: $id) { order { status } userErrors { field code message } } }`;
    const r = await t.q(CONFIRM, { id: marketOrder.id }, { token: key.secret });
    expect(r.confirmOrder).toEqual({
      order: null,
      userErrors: [{ field: ['id'], code: 'NOT_FOUND', message: `No order with id "${marketOrder.id}"` }],
    });
    const pay = await t.q(
      `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { userErrors { code } } }`,
      { i: { orderId: marketOrder.id, amount: 100, method: 'card' } },
      { token: key.secret },
    );
    expect(pay.recordPayment.userErrors).toEqual([{ code: 'NOT_FOUND' }]);
    expect(await orderSnapshot(t, marketOrder.id)).toEqual(before);
    // Its own channel's order it may confirm.
    expect((await t.q(CONFIRM, { id: webOrder.id }, { token: key.secret })).confirmOrder.order).toEqual({
      status: 'CONFIRMED',
    });
  });

  test('a shipment of another channel\'s order is "no shipment", without naming the order', async () => {
    const order = await adminOrder('MARKET');
    await confirmOrder(t, order.id);
    const shipped = await createShipment(t, order.id, 1);
    const shipmentId = shipped.order.shipments[0].id;
    const r = await t.q(
      `mutation($id: ID!) { markShipmentDelivered(shipmentId: $id) { userErrors { field code message } } }`,
      { id: shipmentId },
      { token: key.secret },
    );
    expect(r.markShipmentDelivered.userErrors).toEqual([
      { field: ['shipmentId'], code: 'NOT_FOUND', message: `No shipment with id "${shipmentId}"` },
    ]);
    expect(JSON.stringify(r)).not.toContain(order.id);
    expect((await t.sql('select status from shipment where id = $1', [shipmentId]))[0].status).toBe('SHIPPED');
  });

  test('does only what its permissions allow', async () => {
    for (const [query, name, permission] of [
      [`mutation($id: ID!) { cancelOrder(id: $id) { userErrors { code } } }`, 'cancelOrder', 'ORDER_CANCEL'],
      [`mutation($id: ID!) { holdOrder(id: $id, reason: "x") { userErrors { code } } }`, 'holdOrder', 'ORDER_HOLD'],
      ['{ users { id } }', 'users', 'USER_MANAGE'],
      ['{ apiKeys { id } }', 'apiKeys', 'API_KEY_MANAGE'],
    ] as const) {
      const res = await t.gql(query, { id: webOrder.id }, { token: key.secret });
      expectNoInternals(res.body);
      expect({ name, status: res.status, ext: res.body.errors?.[0].extensions }).toEqual({
        name,
        status: 403,
        ext: { code: 'FORBIDDEN', permission },
      });
    }
    expect(
      (await t.q('{ stockLevels(sku: "SKU-1") { available } }', undefined, { token: key.secret })).stockLevels,
    ).toHaveLength(1);
    // Without CUSTOMER_READ and PAYMENT_READ those fields are redacted.
    const redacted = await t.q(
      `query($id: ID) { order(id: $id) { number customer { email } shippingAddress { city } payments { id } } }`,
      { id: webOrder.id },
      { token: key.secret },
    );
    expect(redacted.order).toEqual({ number: webOrder.number, customer: null, shippingAddress: null, payments: null });
    expect((await t.q('{ me { id } }', undefined, { token: key.secret })).me).toBeNull();
    expect((await t.q('mutation { logout }', undefined, { token: key.secret })).logout).toBe(false);
  });

  test("its subscription only ever carries its own channel's orders", async () => {
    const client = t.ws(key.secret);
    const everything = collect(
      client,
      'subscription { orderUpdated { order { number channel { code } } } }',
      {},
      2,
      8000,
    );
    const otherById = collect(
      client,
      'subscription($id: ID) { orderUpdated(id: $id) { order { number } } }',
      { id: marketOrder.id },
      1,
      8000,
    );
    // Settled at once: under load the rest of this test may outlast its wait, and a rejection nobody waits for yet fails the test.
    const otherByIdOutcome = otherById.done.then(
      () => 'an event',
      (e: Error) => e.message,
    );
    const otherByChannel = await collect(
      t.ws(key.secret),
      'subscription { orderUpdated(channelCode: "MARKET") { order { number } } }',
      {},
      1,
      5000,
    ).done;
    expect(otherByChannel).toEqual([{ errors: [expect.objectContaining({ message: 'Unknown channel MARKET' })] }]);
    await settle();
    const m1 = await adminOrder('MARKET');
    const w1 = await adminOrder('WEB');
    await t.q(`mutation($id: ID!) { holdOrder(id: $id, reason: "x") { userErrors { code } } }`, { id: marketOrder.id });
    const w2 = await adminOrder('WEB');
    const got = await everything.done;
    expect(got.map((r) => r.data.orderUpdated.order)).toEqual([
      { number: w1.number, channel: { code: 'WEB' } },
      { number: w2.number, channel: { code: 'WEB' } },
    ]);
    expect(await otherByIdOutcome).toMatch(/timed out/);
    expect(m1.number).not.toBe(w1.number);
  });

  test('records when it was last used', async () => {
    const [row] = await t.sql('select last_used_at from api_key where id = $1', [key.id]);
    expect(row.last_used_at).toBeInstanceOf(Date);
    expect(Date.now() - row.last_used_at.getTime()).toBeLessThan(60_000);
  });
});

describe('rotating and revoking', () => {
  const ROTATE = `mutation($id: ID!) { rotateApiKey(id: $id) { apiKey { id prefix previousValidUntil } secret userErrors { code } } }`;
  const REVOKE = `mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { revokedAt } userErrors { code } } }`;
  const ME = '{ channels { code } }';

  test('after a rotation the old and the new secret both work until the grace period ends, then only the new one', async () => {
    const key = await createKey(t, { channelCodes: ['B2B'], permissions: ['CHANNEL_READ'] });
    const r = await t.q(ROTATE, { id: key.id });
    const { secret, apiKey } = r.rotateApiKey;
    expect(secret).toMatch(/^omsk_/);
    expect(secret).not.toBe(key.secret);
    expect(apiKey.prefix).toBe(secret.slice(0, 13));
    const grace = new Date(apiKey.previousValidUntil).getTime() - Date.now();
    expect(grace).toBeGreaterThan(23.9 * 3600_000);
    expect(grace).toBeLessThanOrEqual(24 * 3600_000);
    expect((await t.q(ME, undefined, { token: key.secret })).channels).toEqual([{ code: 'B2B' }]);
    expect((await t.q(ME, undefined, { token: secret })).channels).toEqual([{ code: 'B2B' }]);

    await t.sql(`update api_key set previous_valid_until = now() - interval '1 second' where id = $1`, [key.id]);
    const old = await t.gql(ME, undefined, { token: key.secret });
    expect(old.status).toBe(401);
    expect(old.body.errors![0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect((await t.q(ME, undefined, { token: secret })).channels).toEqual([{ code: 'B2B' }]);
  });

  test('a revoked key stops at once, its current and previous secret alike, and its open subscriptions are closed', async () => {
    const key = await createKey(t, { channelCodes: ['WEB'], permissions: ['ORDER_READ'] });
    const rotated = (await t.q(ROTATE, { id: key.id })).rotateApiKey.secret;
    const client = t.ws(rotated);
    const closed = new Promise<number>((resolve) => client.on('closed', (e) => resolve((e as WsClose).code)));
    const sub = collect(client, 'subscription { orderUpdated { event { type } } }', {}, 1, 5000);
    await settle();

    const r = await t.q(REVOKE, { id: key.id });
    expect(r.revokeApiKey.apiKey.revokedAt).not.toBeNull();
    expect(await closed).toBe(4403);
    sub.stop();
    for (const secret of [key.secret, rotated]) {
      const res = await t.gql(ME, undefined, { token: secret });
      expect(res.status).toBe(401);
    }
    const again = await t.q(ROTATE, { id: key.id });
    expect(again.rotateApiKey).toEqual({ apiKey: null, secret: null, userErrors: [{ code: 'INVALID_INPUT' }] });
    const refusedWs = await collect(t.ws(rotated), 'subscription { orderUpdated { event { type } } }', {}, 1, 5000)
      .done;
    expect(refusedWs[0].errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });

  test('an unknown key id is NOT_FOUND', async () => {
    const r = await t.q(REVOKE, { id: '00000000-0000-4000-8000-000000000000' });
    expect(r.revokeApiKey).toEqual({ apiKey: null, userErrors: [{ code: 'NOT_FOUND' }] });
  });

  test('creating, rotating and revoking are in the audit log with who did it, and no secret', async () => {
    const key = await createKey(t, { name: 'Audited key', channelCodes: ['WEB'], permissions: ['ORDER_READ'] });
    const rotated = (await t.q(ROTATE, { id: key.id })).rotateApiKey;
    await t.q(REVOKE, { id: key.id });
    const rows = await t.sql(`select actor, action, details from audit_entry where target_id = $1 order by at`, [
      key.id,
    ]);
    expect(rows.map((r) => [r.action, r.actor])).toEqual([
      ['apiKey.create', `user:${ADMIN.email}`],
      ['apiKey.rotate', `user:${ADMIN.email}`],
      ['apiKey.revoke', `user:${ADMIN.email}`],
    ]);
    expect(rows[0].details).toEqual({
      name: 'Audited key',
      prefix: key.prefix,
      channelCodes: ['WEB'],
      permissions: ['ORDER_READ'],
    });
    expect(rows[1].details).toMatchObject({ from: key.prefix, to: rotated.apiKey.prefix });
    const text = JSON.stringify(rows);
    expect(text).not.toContain(key.secret);
    expect(text).not.toContain(rotated.secret);
  });
});

test("no response in this suite carried a stack trace, SQL, a secret's hash or a password hash", async () => {
  const hashes = (
    await t.sql(
      'select secret_hash as h from api_key union all select previous_secret_hash from api_key where previous_secret_hash is not null union all select password_hash from app_user',
    )
  ).map((r) => r.h);
  for (const text of t.responses) {
    expectNoInternals(text);
    for (const h of hashes) expect(text.includes(h)).toBe(false);
  }
});
