/**
 * The partners' Bruno collection (docs/partners/bruno) cannot rot: every request file is read with
 * Bruno's own parser (@usebruno/lang), its GraphQL is valid for schema.graphql and uses nothing
 * deprecated, and the collection runs, in its order, against a real server with a real API key:
 * variables filled from the environment file, post-response scripts setting the next requests' ids.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, NoDeprecatedCustomRule, parse, specifiedRules, validate } from 'graphql';
import { bruToEnvJsonV2, bruToJsonV2 } from '@usebruno/lang';
import { startTestServer, TestServer } from './harness';
import { createCatalog, stockRows } from './builders';
import { createKey } from './access-helpers';
import { resolveNoNames } from './webhook-helpers';

const root = path.resolve(__dirname, '../../..');
const dir = path.join(root, 'docs/partners/bruno');

const requests = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bru'))
  .map((file) => ({ file, ...bruToJsonV2(fs.readFileSync(path.join(dir, file), 'utf8')) }))
  .sort((a, b) => Number(a.meta.seq) - Number(b.meta.seq));
const byFile = (file: string) => requests.find((r) => r.file === file)!;
const environment = bruToEnvJsonV2(fs.readFileSync(path.join(dir, 'environments/local.bru'), 'utf8'));

test('the collection holds one request per partner task, each a POST of GraphQL to {{baseUrl}}/graphql with a bearer token', () => {
  expect(JSON.parse(fs.readFileSync(path.join(dir, 'bruno.json'), 'utf8'))).toMatchObject({
    version: '1',
    type: 'collection',
  });
  expect(requests.map((r) => r.file)).toEqual([
    'place-order.bru',
    'order-by-number.bru',
    'orders-list.bru',
    'stock-page.bru',
    'adjust-stock.bru',
    'confirm-order.bru',
    'ship-order.bru',
    'register-webhook.bru',
  ]);
  for (const r of requests) {
    expect({ file: r.file, type: r.meta.type, http: r.http }).toEqual({
      file: r.file,
      type: 'graphql',
      http: { method: 'post', url: '{{baseUrl}}/graphql', body: 'graphql', auth: 'bearer' },
    });
    // Stock is every channel's: only a staff user may change it (docs/api.md, Partner API keys).
    expect({ file: r.file, token: r.auth.bearer.token }).toEqual({
      file: r.file,
      token: r.file === 'adjust-stock.bru' ? '{{staffToken}}' : '{{apiKey}}',
    });
  }
  // The secrets are declared, never committed.
  expect(environment.variables.filter((v) => v.secret).map((v) => [v.name, v.value])).toEqual([
    ['apiKey', ''],
    ['staffToken', ''],
  ]);
  expect(environment.variables.find((v) => v.name === 'baseUrl')?.value).toBe('http://localhost:4000');
});

test("every request's GraphQL is valid for schema.graphql and uses no deprecated field or argument", () => {
  const schema = buildSchema(fs.readFileSync(path.join(root, 'schema.graphql'), 'utf8'));
  const problems = requests.flatMap((r) =>
    validate(schema, parse(r.body.graphql.query), [...specifiedRules, NoDeprecatedCustomRule]).map(
      (e) => `${r.file}: ${e.message}`,
    ),
  );
  expect(problems).toEqual([]);
});

describe('run against a server', () => {
  let t: TestServer;
  const vars: Record<string, string> = {};
  const run = async (file: string, token?: string) => {
    const r = byFile(file);
    const fill = (text: string) =>
      text.replace(/\{\{(\$?\w+)\}\}/g, (_, name: string) => {
        if (name === '$timestamp') return String(Math.floor(Date.now() / 1000));
        if (!(name in vars)) throw new Error(`${file}: no value for {{${name}}}`);
        return vars[name];
      });
    const res = await t.gql(r.body.graphql.query, JSON.parse(fill(r.body.graphql.variables)), {
      token: token ?? fill(r.auth.bearer.token),
    });
    if (r.script?.res && !token) {
      const bru = { setVar: (name: string, value: unknown) => (vars[name] = String(value)) };
      new Function('bru', 'res', r.script.res)(bru, { body: res.body, status: res.status });
    }
    return res;
  };

  beforeAll(async () => {
    t = await startTestServer();
    resolveNoNames(t); // the environment's webhook URL is a name that resolves nowhere here: accepted, never reached
    await createCatalog(t, {
      channels: [{ code: 'WEB' }, { code: 'B2B' }],
      warehouses: [{ code: 'BER', priority: 1 }],
      products: [{ sku: 'TSHIRT-BLK-M', price: 1999 }],
      stock: { 'TSHIRT-BLK-M': { BER: 5 } },
    });
    for (const v of environment.variables) vars[v.name] = v.value;
    vars.staffToken = t.token;
    vars.apiKey = (
      await createKey(t, {
        name: 'Bruno',
        channelCodes: ['WEB'],
        permissions: ['ORDER_PLACE', 'ORDER_READ', 'ORDER_UPDATE', 'STOCK_READ', 'SHIPMENT_CREATE', 'WEBHOOK_MANAGE'],
      })
    ).secret;
  });
  afterAll(() => t?.stop());

  test('place, read, list, stock, adjust, confirm, ship and register a webhook, as the collection runs them', async () => {
    const placed = await run('place-order.bru');
    expect(placed.body.errors).toBeUndefined();
    expect(placed.body.data.placeOrder).toMatchObject({
      order: { status: 'PENDING', total: { amount: 1999 + 495, currency: 'EUR' } },
      userErrors: [],
    });
    expect(vars.orderId).toBe(placed.body.data.placeOrder.order.id);
    const [row] = await t.sql(
      `select o.number, o.external_id, c.code as channel from "order" o join channel c on c.id = o.channel_id where o.id = $1`,
      [vars.orderId],
    );
    expect(row).toEqual({
      number: vars.orderNumber,
      external_id: expect.stringMatching(/^bruno-\d+$/),
      channel: 'WEB',
    });

    const read = await run('order-by-number.bru');
    expect(read.body.data.order).toMatchObject({ id: vars.orderId, number: vars.orderNumber, status: 'PENDING' });

    const list = await run('orders-list.bru');
    expect(list.body.data.orders).toMatchObject({ totalCount: 1, pageInfo: { hasNextPage: false } });
    expect(list.body.data.orders.nodes.map((o: { id: string }) => o.id)).toEqual([vars.orderId]);
    expect(vars.ordersEndCursor).toBe(list.body.data.orders.pageInfo.endCursor);

    const stock = await run('stock-page.bru');
    expect(stock.body.data.stock.nodes).toEqual([
      expect.objectContaining({ sku: 'TSHIRT-BLK-M', warehouse: { code: 'BER' }, onHand: 5, reserved: 1 }),
    ]);

    const adjusted = await run('adjust-stock.bru');
    expect(adjusted.body.data.adjustStock).toMatchObject({ stockLevel: { onHand: 15, reserved: 1 }, userErrors: [] });

    const confirmed = await run('confirm-order.bru');
    expect(confirmed.body.data.confirmOrder).toMatchObject({ order: { status: 'CONFIRMED' }, userErrors: [] });

    const shipped = await run('ship-order.bru');
    expect(shipped.body.data.createShipment).toMatchObject({
      order: { status: 'SHIPPED', shipments: [{ carrier: 'DHL', trackingNumber: '00340434' }] },
      userErrors: [],
    });
    expect(await t.sql(`select status from "order" where id = $1`, [vars.orderId])).toEqual([{ status: 'SHIPPED' }]);
    expect((await stockRows(t))['TSHIRT-BLK-M@BER']).toEqual({ onHand: 14, reserved: 0 });

    const hook = await run('register-webhook.bru');
    expect(hook.body.data.createWebhookEndpoint).toMatchObject({
      endpoint: { url: vars.webhookUrl, channelCodes: ['WEB'], active: true },
      secret: expect.stringMatching(/^whsec_/),
      userErrors: [],
    });
    expect(await t.sql(`select url from webhook_endpoint`)).toEqual([{ url: vars.webhookUrl }]);
  });

  test('adjust stock with the API key instead of a staff token is refused (FORBIDDEN) and changes nothing', async () => {
    const before = await stockRows(t);
    const refused = await run('adjust-stock.bru', vars.apiKey);
    expect(refused.status).toBe(403);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'FORBIDDEN', permission: 'STOCK_ADJUST' }),
      }),
    ]);
    expect(await stockRows(t)).toEqual(before);
  });

  test("the key sees no other channel's order: order by number is null", async () => {
    const other = await t.q(
      `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { order { number } userErrors { message } } }`,
      {
        i: {
          channelCode: 'B2B',
          customer: { email: 'b2b@example.com' },
          shippingAddress: { line1: '1 Road', city: 'Berlin', postalCode: '10115', country: 'DE' },
          lines: [{ sku: 'TSHIRT-BLK-M', quantity: 1 }],
        },
      },
    );
    vars.orderNumber = other.placeOrder.order.number;
    const read = await run('order-by-number.bru');
    expect(read.body).toEqual({ data: { order: null } });
  });
});
