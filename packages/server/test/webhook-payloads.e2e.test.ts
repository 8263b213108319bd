/**
 * Webhook bodies carry the resource (payloadVersion 2, docs/integrations.md#webhook-payloads),
 * through the real server and a real HTTP receiver:
 *
 * - every delivery received validates (ajv, draft 2020-12, formats) against the JSON Schema file of
 *   its event type in docs/webhooks/schemas, and those files are current and listed in the docs;
 *   a body with a field missing, mistyped or added does not validate;
 * - an order placed, shipped with tracking and delivered: the bodies carry the order's lines,
 *   totals, channel code, shipments with tracking and previousStatus, as the `order` query and the
 *   database show them; the order is the one of the time of the event (a replay after later changes
 *   sends the order as it was);
 * - an endpoint owned by a partner key without CUSTOMER_READ gets no e-mail, name or address; one
 *   with it gets them;
 * - a stock change carries sku, warehouseCode, onHand, reserved and available as in the database;
 * - an event recorded before version 2 (no stored order) is still sent, as payloadVersion 1.
 */
import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';
import { EVENT_TYPES } from '../src/modules/events';
import type { OrderResource } from '../src/modules/order/order-resource';
import { webhookSchemaFiles } from '../src/modules/webhooks/webhook.schemas';
import { createKey } from './access-helpers';
import { adjustStock, ORDER_FIELDS, OrderView, placeOrder } from './builders';
import { startTestServer, TestServer } from './harness';
import { confirmOrder, markShipmentDelivered, standardCatalog } from './order-helpers';
import {
  createEndpoint,
  DeliveryBody,
  deliveries,
  FAST_WEBHOOKS,
  Received,
  Receiver,
  settled,
  startReceiver,
} from './webhook-helpers';
import { mutate } from './builders';

jest.setTimeout(120_000);

const SCHEMA_DIR = path.resolve(__dirname, '../../../docs/webhooks/schemas');
const ORDER_TYPES = EVENT_TYPES.filter((e) => !e.startsWith('stock.'));

let t: TestServer;
let rx: Receiver;
const validators = new Map<string, ValidateFunction>();

beforeAll(async () => {
  t = await startTestServer({ config: FAST_WEBHOOKS });
  await standardCatalog(t);
  rx = await startReceiver();
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  for (const type of EVENT_TYPES) {
    const schema = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, `${type}.json`), 'utf8'));
    validators.set(type, ajv.compile(schema));
  }
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

/** The schema errors of a body against the file of its type ([] when it validates). */
function schemaErrors(body: unknown): string[] {
  const type = (body as DeliveryBody).type;
  const validate = validators.get(type);
  if (!validate) return [`no schema for ${type}`];
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** Every received body validates against its schema; returns the bodies. */
function validated(received: Received[]): DeliveryBody[] {
  for (const r of received)
    expect({ type: r.body?.type, errors: schemaErrors(r.body) }).toEqual({ type: r.body?.type, errors: [] });
  return received.map((r) => r.body!);
}

const ORDER_QUERY = `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`;

async function shipWithTracking(orderId: string, tracking: string) {
  return mutate(
    t,
    'createShipment',
    'input: $i',
    {
      i: {
        orderId,
        warehouseCode: 'WH1',
        carrier: 'UPS',
        trackingNumber: tracking,
        lines: [
          { sku: 'SKU-1', quantity: 2 },
          { sku: 'SKU-2', quantity: 1 },
        ],
      },
    },
    '$i: CreateShipmentInput!',
  );
}

type Money = { amount: number; currency: string };

/** The order of an order event's body (docs/webhooks/schemas: `data.order`). */
const orderOf = (b: DeliveryBody) => b.data.order as unknown as OrderResource;

/** What the webhook's order and the `order` query both show. */
interface Shown {
  id: string;
  number: string;
  externalId?: string | null;
  status: string;
  paymentStatus: string;
  currency: string;
  channel: { code: string };
  customer?: { email: string; name?: string | null } | null;
  shippingAddress?: { name?: string | null; line1: string; city: string; postalCode: string; country: string } | null;
  subtotal: Money;
  shipping: Money;
  total: Money;
  totalPaid: Money;
  totalRefunded: Money;
  amountDue: Money;
  lines: {
    sku: string;
    name: string;
    quantity: number;
    unitPrice: Money;
    quantityShipped: number;
    quantityReturned: number;
  }[];
  shipments: {
    id: string;
    status: string;
    carrier?: string | null;
    trackingNumber?: string | null;
    warehouseCode?: string;
    warehouse?: { code: string };
    lines: { sku: string; quantity: number }[];
  }[];
  placedAt: string | Date;
  updatedAt: string | Date;
}

function comparable(o: Shown) {
  return {
    id: o.id,
    number: o.number,
    externalId: o.externalId,
    status: o.status,
    paymentStatus: o.paymentStatus,
    currency: o.currency,
    channelCode: o.channel.code,
    customer: o.customer && { email: o.customer.email, name: o.customer.name },
    shippingAddress: o.shippingAddress && {
      name: o.shippingAddress.name,
      line1: o.shippingAddress.line1,
      city: o.shippingAddress.city,
      postalCode: o.shippingAddress.postalCode,
      country: o.shippingAddress.country,
    },
    subtotal: o.subtotal,
    shipping: o.shipping,
    total: o.total,
    totalPaid: o.totalPaid,
    totalRefunded: o.totalRefunded,
    amountDue: o.amountDue,
    lines: o.lines.map((l) => ({
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      quantityShipped: l.quantityShipped,
      quantityReturned: l.quantityReturned,
    })),
    shipments: o.shipments.map((s) => ({
      id: s.id,
      status: s.status,
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
      warehouseCode: s.warehouseCode ?? s.warehouse?.code,
      lines: s.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
    })),
    placedAt: new Date(o.placedAt).toISOString(),
    updatedAt: new Date(o.updatedAt).toISOString(),
  };
}

describe('schema files', () => {
  test('one per event type, as the server describes its bodies, each listed in docs/integrations.md', () => {
    const files = webhookSchemaFiles();
    expect(Object.keys(files).sort()).toEqual(EVENT_TYPES.map((e) => `${e}.json`).sort());
    expect(fs.readdirSync(SCHEMA_DIR).sort()).toEqual(Object.keys(files).sort());
    for (const [file, text] of Object.entries(files)) {
      // Run `pnpm --filter @oms/server webhook-schemas` after changing src/modules/webhooks/webhook.schemas.ts.
      expect({ file, text: fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8') }).toEqual({ file, text });
    }
    const docs = fs.readFileSync(path.resolve(__dirname, '../../../docs/integrations.md'), 'utf8');
    expect(EVENT_TYPES.filter((type) => !docs.includes(`(webhooks/schemas/${type}.json)`))).toEqual([]);
  });
});

describe('order events', () => {
  test('placed, shipped with tracking, delivered: lines, totals, channel code, shipments and previousStatus, as the order query and the database show them', async () => {
    await createEndpoint(t, { url: rx.url('/life'), eventTypes: [...ORDER_TYPES] });
    const placed = await placeOrder(t, {
      externalId: `life-${Date.now()}`,
      shippingAmount: 495,
      lines: [
        { sku: 'SKU-1', quantity: 2, taxRate: 1900 },
        { sku: 'SKU-2', quantity: 1, unitPrice: 450 },
      ],
    });
    expect(placed.userErrors).toEqual([]);
    const id = placed.order!.id;
    expect((await confirmOrder(t, id)).userErrors).toEqual([]);
    const shipped = await shipWithTracking(id, '1Z999AA10123456784');
    expect(shipped.userErrors).toEqual([]);
    const shipmentId = shipped.order!.shipments[0].id;
    expect((await markShipmentDelivered(t, shipmentId)).userErrors).toEqual([]);

    // placed, confirmed, shipment created + shipped, shipment delivered + delivered
    const received = await rx.waitFor('/life', 6);
    await settled(t);
    const bodies = validated(rx.on('/life'));
    expect(bodies.map((b) => b.payloadVersion)).toEqual(bodies.map(() => 2));
    const byType = (type: string) => bodies.filter((b) => b.type === type);
    expect(bodies.map((b) => b.type).sort()).toEqual(
      [
        'order.placed',
        'order.status_changed',
        'order.status_changed',
        'order.status_changed',
        'shipment.created',
        'shipment.delivered',
      ].sort(),
    );
    expect(received.every((r) => r.body!.data.orderId === id)).toBe(true);

    // Tax: the order as placed (built with the placement) and as shipped (read after the change) carry it alike.
    const [taxed] = await t.sql(
      `select o.tax_amount, (select tax_amount from order_line where order_id = o.id and sku = 'SKU-1') as line_tax
        from "order" o where o.id = $1`,
      [id],
    );
    expect(taxed.tax_amount).toBeGreaterThan(0);
    for (const type of ['order.placed', 'shipment.created']) {
      const o = orderOf(byType(type)[0]);
      expect([o.taxTotal.amount, o.lines[0].tax.amount, o.lines[0].taxRate, o.lines[1].taxRate]).toEqual([
        taxed.tax_amount,
        taxed.line_tax,
        1900,
        null,
      ]);
    }

    // The database: lines, channel code, shipment.
    const [order] = await t.sql(
      `select o.number, ch.code, o.total_amount, o.currency from "order" o join channel ch on ch.id = o.channel_id where o.id = $1`,
      [id],
    );
    const lines = await t.sql(
      `select sku, name, quantity, unit_price_amount, quantity_shipped from order_line where order_id = $1 order by line_no`,
      [id],
    );
    const [shipment] = await t.sql(`select carrier, tracking_number from shipment where order_id = $1`, [id]);
    expect(shipment).toEqual({ carrier: 'UPS', tracking_number: '1Z999AA10123456784' });

    for (const b of bodies) {
      expect(b.data.channelCode).toBe(order.code);
      expect(b.data.channelCode).toBe('WEB');
      const o = orderOf(b);
      expect([o.id, o.number, o.channel.code]).toEqual([id, order.number, 'WEB']);
      expect(o.total).toEqual({ amount: order.total_amount, currency: order.currency });
      // 19 % on the first line: 475.
      expect(o.total).toEqual({ amount: 2 * 1250 + 450 + 495 + 475, currency: 'EUR' });
      expect(o.shipping).toEqual({ amount: 495, currency: 'EUR' });
      expect(o.lines.map((l) => [l.sku, l.name, l.quantity, l.unitPrice, l.lineTotal])).toEqual(
        lines.map((l) => [
          l.sku,
          l.name,
          l.quantity,
          { amount: l.unit_price_amount, currency: 'EUR' },
          { amount: l.unit_price_amount * l.quantity, currency: 'EUR' },
        ]),
      );
    }

    // Each body is the order at the time of its event.
    const [placedBody] = byType('order.placed');
    const po = orderOf(placedBody);
    expect([po.status, po.shipments, po.lines.map((l) => l.quantityShipped)]).toEqual(['PENDING', [], [0, 0]]);
    expect(po.customer).toEqual({ id: expect.any(String), email: 'ada@example.com', name: 'Ada Lovelace' });
    expect(po.shippingAddress).toEqual({
      name: 'Ada Lovelace',
      line1: '1 Analytical Way',
      line2: null,
      city: 'London',
      postalCode: 'N1 1AA',
      country: 'GB',
    });
    expect(placedBody.data).not.toHaveProperty('previousStatus');
    // Built from the order being placed (in the placement's one statement): as placeOrder returned it.
    expect(comparable(po)).toEqual(comparable(placed.order!));

    // Built once, when the event was recorded, and stored with it: a staff endpoint gets it as stored.
    const stored = await t.sql(`select id, resource from domain_event where aggregate_id = $1`, [id]);
    expect(stored).toHaveLength(bodies.length);
    for (const b of bodies) expect(b.data.order).toEqual(stored.find((e) => e.id === b.id)!.resource);

    const changes = byType('order.status_changed')
      .map((b) => [b.data.previousStatus, b.data.toStatus, orderOf(b).status])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(changes).toEqual([
      ['CONFIRMED', 'SHIPPED', 'SHIPPED'],
      ['PENDING', 'CONFIRMED', 'CONFIRMED'],
      ['SHIPPED', 'DELIVERED', 'DELIVERED'],
    ]);
    for (const b of byType('order.status_changed')) expect(b.data.previousStatus).toBe(b.data.fromStatus);

    const [created] = byType('shipment.created');
    const so = orderOf(created);
    expect(so.shipments).toEqual([
      {
        id: shipmentId,
        status: 'SHIPPED',
        carrier: 'UPS',
        trackingNumber: '1Z999AA10123456784',
        warehouseCode: 'WH1',
        shippedAt: expect.any(String),
        deliveredAt: null,
        lines: [
          { sku: 'SKU-1', quantity: 2 },
          { sku: 'SKU-2', quantity: 1 },
        ],
      },
    ]);
    expect(so.lines.map((l) => l.quantityShipped)).toEqual(lines.map((l) => l.quantity_shipped));

    // The last event's order is the order as the `order` query returns it now.
    const [delivered] = byType('order.status_changed').filter((b) => b.data.toStatus === 'DELIVERED');
    const now = (await t.q<{ order: OrderView }>(ORDER_QUERY, { id })).order;
    expect(comparable(orderOf(delivered))).toEqual(comparable(now));
    expect(orderOf(delivered).shipments[0].deliveredAt).toEqual(expect.any(String));

    // A replay of order.placed, after all of that, still sends the order as it was placed.
    const [log] = (await deliveries(t, (await t.q('{ webhookEndpoints { id } }')).webhookEndpoints[0].id)).filter(
      (d) => d.eventType === 'order.placed',
    );
    const replay = await t.q(
      `mutation($id: ID!) { replayWebhookDelivery(id: $id) { delivery { id } userErrors { code message } } }`,
      { id: log.id },
    );
    expect(replay.replayWebhookDelivery.userErrors).toEqual([]);
    const [, again] = (await rx.waitFor('/life', 7)).filter((r) => r.body?.type === 'order.placed');
    expect(again.raw).toBe(rx.on('/life').find((r) => r.body?.type === 'order.placed')!.raw);
    expect(orderOf(again.body!).status).toBe('PENDING');
  });

  test('order.cancelled carries previousStatus and the reason; a body with a field missing, mistyped or added does not validate', async () => {
    await createEndpoint(t, { url: rx.url('/cancel'), eventTypes: ['order.cancelled'] });
    const id = (await placeOrder(t)).order!.id;
    const r = await mutate(t, 'cancelOrder', 'id: $id, reason: $r', { id, r: 'changed mind' }, '$id: ID!, $r: String');
    expect(r.userErrors).toEqual([]);
    const [got] = validated(await rx.waitFor('/cancel', 1));
    expect([got.data.previousStatus, got.data.reason, orderOf(got).status]).toEqual([
      'PENDING',
      'changed mind',
      'CANCELLED',
    ]);
    expect(orderOf(got).cancelReason).toBe('changed mind');

    type Editable = Omit<DeliveryBody, 'data' | 'payloadVersion'> & {
      payloadVersion: unknown;
      data: Record<string, unknown> & {
        order: Record<string, unknown> & { lines: Record<string, unknown>[]; total: Record<string, unknown> };
      };
    };
    const broken = (change: (b: Editable) => void) => {
      const b = JSON.parse(JSON.stringify(got));
      change(b);
      return schemaErrors(b);
    };
    expect(broken(() => undefined)).toEqual([]);
    expect(broken((b) => delete b.data.previousStatus)).not.toEqual([]);
    expect(broken((b) => delete b.data.order.lines[0].sku)).not.toEqual([]);
    expect(broken((b) => (b.data.order.total.amount = '17.45'))).not.toEqual([]);
    expect(broken((b) => (b.data.order.total.amount = 17.45))).not.toEqual([]);
    expect(broken((b) => (b.data.order.status = 'LOST'))).not.toEqual([]);
    expect(broken((b) => (b.data.order.placedAt = 'yesterday'))).not.toEqual([]);
    expect(broken((b) => (b.data.order.surprise = true))).not.toEqual([]);
    expect(broken((b) => (b.payloadVersion = 1))).not.toEqual([]);
    expect(broken((b) => delete b.data.channelCode)).not.toEqual([]);
  });
});

describe('order.edited', () => {
  test('carries the order as edited, with the message naming each change, and validates', async () => {
    await createEndpoint(t, { url: rx.url('/edited'), eventTypes: ['order.edited'] });
    const id = (await placeOrder(t)).order!.id;
    const r = await mutate(
      t,
      'editOrder',
      'input: $i',
      { i: { orderId: id, lines: [{ sku: 'SKU-1', quantity: 3 }], reason: 'one more' } },
      '$i: EditOrderInput!',
    );
    expect(r.userErrors).toEqual([]);
    const [got] = validated(await rx.waitFor('/edited', 1));
    expect(got.type).toBe('order.edited');
    expect(orderOf(got).lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity])).toEqual([
      ['SKU-1', 3],
    ]);
    expect(orderOf(got).total).toEqual(r.order.total);
    expect(got.data.message).toMatch(/^SKU-1 quantity \d+ → 3; .*Reason: one more$/);
  });
});

describe('personal data', () => {
  test('an endpoint of a key without CUSTOMER_READ gets no e-mail, name or address; one with it does; both get the rest', async () => {
    const without = await createKey(t, { channelCodes: ['WEB'], permissions: ['WEBHOOK_MANAGE', 'ORDER_READ'] });
    const withIt = await createKey(t, {
      channelCodes: ['WEB'],
      permissions: ['WEBHOOK_MANAGE', 'ORDER_READ', 'CUSTOMER_READ'],
    });
    // A partner key's endpoint must point at a public address; the receiver is on this machine, so
    // the address rule is lifted for this test only (it is tested in security-webhooks.e2e).
    const svc = t.server.services.webhooks;
    const strict = svc.strict;
    svc.strict = () => false;
    try {
      const types = ['order.placed', 'order.status_changed'];
      await createEndpoint(t, { url: rx.url('/no-pii'), eventTypes: types }, without.secret);
      await createEndpoint(t, { url: rx.url('/pii'), eventTypes: types }, withIt.secret);
      const email = `grace.${Date.now()}@example.org`;
      const id = (
        await placeOrder(t, {
          customer: { email, name: 'Grace Hopper' },
          shippingAddress: {
            name: 'G. Hopper',
            line1: '7 Cobol Street',
            city: 'Arlington',
            postalCode: 'VA 22201',
            country: 'US',
          },
        })
      ).order!.id;
      await confirmOrder(t, id);
      const blind = validated(await rx.waitFor('/no-pii', 2));
      const seeing = validated(await rx.waitFor('/pii', 2));
      await settled(t);

      for (const r of rx.on('/no-pii')) {
        for (const secret of [email, 'Grace', 'Hopper', 'Cobol', 'Arlington', 'VA 22201'])
          expect({ type: r.body?.type, has: r.raw.includes(secret), secret }).toEqual({
            type: r.body?.type,
            has: false,
            secret,
          });
      }
      for (const b of blind) {
        const o = orderOf(b);
        expect([o.customer, o.shippingAddress]).toEqual([null, null]);
        expect(o.lines.length).toBe(1);
        expect(b.data.channelCode).toBe('WEB');
      }
      const [customer] = await t.sql(
        `select c.id, c.email, c.name from customer c join "order" o on o.customer_id = c.id where o.id = $1`,
        [id],
      );
      for (const b of seeing) {
        const o = orderOf(b);
        expect(o.customer).toEqual(customer);
        expect(o.shippingAddress).toMatchObject({
          name: 'G. Hopper',
          line1: '7 Cobol Street',
          city: 'Arlington',
          country: 'US',
        });
      }
      // Apart from personal data, both got the same order.
      const same = (bodies: DeliveryBody[]) =>
        [...bodies]
          .sort((a, b) => a.type.localeCompare(b.type))
          .map((b) => ({
            ...b,
            data: { ...b.data, order: { ...b.data.order, customer: null, shippingAddress: null } },
          }));
      expect(same(blind)).toEqual(same(seeing));
    } finally {
      svc.strict = strict;
    }
  });
});

describe('stock events', () => {
  test('a stock change carries sku, warehouseCode, onHand, reserved and available as in the database', async () => {
    await createEndpoint(t, { url: rx.url('/stock'), eventTypes: ['stock.adjusted'] });
    await placeOrder(t, { lines: [{ sku: 'SKU-2', quantity: 3 }] }); // something reserved
    const adjusted = await adjustStock(t, 'SKU-2', 'WH1', -7, 'cycle count');
    expect(adjusted.userErrors).toEqual([]);
    const [got] = validated(await rx.waitFor('/stock', 1));
    const [row] = await t.sql(
      `select s.on_hand, s.reserved from stock_level s join product p on p.id = s.product_id
        join warehouse w on w.id = s.warehouse_id where p.sku = 'SKU-2' and w.code = 'WH1'`,
    );
    expect(row.reserved).toBeGreaterThan(0);
    expect(got.payloadVersion).toBe(2);
    expect(got.data).toEqual({
      sku: 'SKU-2',
      warehouseCode: 'WH1',
      delta: -7,
      onHand: row.on_hand,
      reserved: row.reserved,
      available: row.on_hand - row.reserved,
      reason: 'cycle count',
    });
  });

  test('a bulk setStockLevels change is delivered with the same body as adjustStock, and validates', async () => {
    await createEndpoint(t, { url: rx.url('/bulk-stock'), eventTypes: ['stock.adjusted'] });
    const r = await t.q<{ setStockLevels: { results: { outcome: string }[]; userErrors: unknown[] } }>(
      `mutation($i: [SetStockLevelInput!]!) { setStockLevels(input: $i) { results { outcome } userErrors { message } } }`,
      { i: [{ sku: 'SKU-1', warehouseCode: 'WH1', onHand: 4321, reason: 'WMS sync' }] },
    );
    expect(r.setStockLevels.results).toEqual([{ outcome: 'UPDATED' }]);
    const [got] = validated(await rx.waitFor('/bulk-stock', 1));
    expect(got.data).toMatchObject({ sku: 'SKU-1', warehouseCode: 'WH1', onHand: 4321, reason: 'WMS sync' });
  });

  test('stock.low carries the level too: onHand, reserved and available as in the database', async () => {
    const rule = `mutation($i: UpdateAutomationRuleInput!) { updateAutomationRule(input: $i) { userErrors { field message } } }`;
    const on = await t.q(rule, { i: { key: 'low-stock', enabled: true, settings: { threshold: 10, perSku: {} } } });
    expect(on.updateAutomationRule.userErrors).toEqual([]);
    try {
      await createEndpoint(t, { url: rx.url('/low'), eventTypes: ['stock.low'] });
      const [before] = await t.sql(
        `select s.on_hand - s.reserved as available from stock_level s join product p on p.id = s.product_id where p.sku = 'SKU-1'`,
      );
      const adjusted = await adjustStock(t, 'SKU-1', 'WH1', 5 - before.available, 'shrinkage'); // 5 available: below 10
      expect(adjusted.userErrors).toEqual([]);
      const [got] = validated(await rx.waitFor('/low', 1));
      const [row] = await t.sql(
        `select s.on_hand, s.reserved from stock_level s join product p on p.id = s.product_id
          join warehouse w on w.id = s.warehouse_id where p.sku = 'SKU-1' and w.code = 'WH1'`,
      );
      expect(got.payloadVersion).toBe(2);
      expect(got.data).toEqual({
        sku: 'SKU-1',
        warehouseCode: 'WH1',
        onHand: row.on_hand,
        reserved: row.reserved,
        available: 5,
        threshold: 10,
        cause: { rule: 'low-stock', depth: 1 },
      });
      expect(row.on_hand - row.reserved).toBe(5);
    } finally {
      await t.q(rule, { i: { key: 'low-stock', enabled: false } });
      await adjustStock(t, 'SKU-1', 'WH1', 1000, 'restock');
    }
  });
});

describe('events recorded before payloadVersion 2', () => {
  test('are still delivered, as payloadVersion 1 without the order', async () => {
    const { endpoint } = await createEndpoint(t, { url: rx.url('/old'), eventTypes: ['order.placed'] });
    const id = (await placeOrder(t)).order!.id;
    const [first] = await rx.waitFor('/old', 1);
    expect(first.body!.payloadVersion).toBe(2);
    await settled(t);
    // As an event written before the upgrade: no stored resource.
    await t.sql(`update domain_event set resource = null where aggregate_id = $1`, [id]);
    const [log] = await deliveries(t, endpoint.id);
    await t.q(`mutation($id: ID!) { replayWebhookDelivery(id: $id) { delivery { id } userErrors { code } } }`, {
      id: log.id,
    });
    const [, old] = await rx.waitFor('/old', 2);
    expect(old.body!.payloadVersion).toBe(1);
    expect(old.body!.data.order).toBeUndefined();
    expect(old.body!.data.orderId).toBe(id);
    expect(Object.keys(old.body!.data).sort()).toEqual(
      Object.keys(first.body!.data)
        .filter((k) => !['order', 'channelCode'].includes(k))
        .sort(),
    );
  });
});
