import { createCatalog, mutate, placeOrder, stockRows } from './builders';
import { startTestServer, TestServer } from './harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await createCatalog(t, {
    channels: [{ code: 'WEB', currency: 'EUR' }],
    warehouses: [
      { code: 'WH1', priority: 1 },
      { code: 'WH2', priority: 2 },
    ],
    products: [
      { sku: 'SKU-1', price: 1250 },
      { sku: 'SKU-2', price: 499 },
    ],
    stock: { 'SKU-1': { WH1: 10 }, 'SKU-2': { WH1: 5 } },
  });
});
afterAll(() => t?.stop());

const confirm = (id: string) => mutate(t, 'confirmOrder', 'id: $id', { id }, '$id: ID!');

test('an order walks from placement through payment, shipment and delivery, with every step in its history', async () => {
  const placed = await placeOrder(t, {
    lines: [
      { sku: 'SKU-1', quantity: 2 },
      { sku: 'SKU-2', quantity: 1 },
    ],
    shippingAmount: 495,
  });
  expect(placed.userErrors).toEqual([]);
  const order = placed.order;
  expect(order).toMatchObject({
    status: 'PENDING',
    paymentStatus: 'UNPAID',
    currency: 'EUR',
    subtotal: { amount: 2999, currency: 'EUR' },
    total: { amount: 3494, currency: 'EUR' },
    channel: { code: 'WEB' },
    customer: { email: 'ada@example.com' },
  });
  expect(order.lines[0].allocations).toEqual([
    { warehouse: { code: 'WH1' }, quantity: 2, quantityShipped: 0, quantityReturned: 0, quantityReserved: 2 },
  ]);
  expect(await stockRows(t)).toMatchObject({
    'SKU-1@WH1': { onHand: 10, reserved: 2 },
    'SKU-2@WH1': { onHand: 5, reserved: 1 },
  });

  expect((await confirm(order.id)).order.status).toBe('CONFIRMED');

  const paid = await mutate(
    t,
    'recordPayment',
    'input: $i',
    { i: { orderId: order.id, amount: 3494, method: 'card', reference: 'ch_1' } },
    '$i: RecordPaymentInput!',
  );
  expect(paid.userErrors).toEqual([]);
  expect(paid.order).toMatchObject({ paymentStatus: 'PAID', totalPaid: { amount: 3494 }, amountDue: { amount: 0 } });

  const shipped = await mutate(
    t,
    'createShipment',
    'input: $i',
    {
      i: {
        orderId: order.id,
        warehouseCode: 'WH1',
        carrier: 'DHL',
        trackingNumber: 'TRK1',
        lines: [
          { sku: 'SKU-1', quantity: 2 },
          { sku: 'SKU-2', quantity: 1 },
        ],
      },
    },
    '$i: CreateShipmentInput!',
  );
  expect(shipped.userErrors).toEqual([]);
  expect(shipped.order.status).toBe('SHIPPED');
  expect(shipped.order.shipments).toEqual([
    expect.objectContaining({ status: 'SHIPPED', carrier: 'DHL', trackingNumber: 'TRK1', warehouse: { code: 'WH1' } }),
  ]);
  expect(await stockRows(t)).toMatchObject({
    'SKU-1@WH1': { onHand: 8, reserved: 0 },
    'SKU-2@WH1': { onHand: 4, reserved: 0 },
  });

  const delivered = await mutate(
    t,
    'markShipmentDelivered',
    'shipmentId: $id',
    { id: shipped.order.shipments[0].id },
    '$id: ID!',
  );
  expect(delivered.order.status).toBe('DELIVERED');
  expect(delivered.order.history.map((h) => [h.type, h.fromStatus, h.toStatus])).toEqual([
    ['PLACED', null, 'PENDING'],
    ['STATUS_CHANGED', 'PENDING', 'CONFIRMED'],
    ['PAYMENT_RECORDED', null, null],
    ['SHIPMENT_CREATED', null, null],
    ['STATUS_CHANGED', 'CONFIRMED', 'SHIPPED'],
    ['SHIPMENT_DELIVERED', null, null],
    ['STATUS_CHANGED', 'SHIPPED', 'DELIVERED'],
  ]);
  expect(delivered.order.history.every((h) => h.actor === 'user:admin@test.local')).toBe(true);

  const [row] = await t.sql('select status, payment_status, paid_amount from "order" where id = $1', [order.id]);
  expect(row).toEqual({ status: 'DELIVERED', payment_status: 'PAID', paid_amount: 3494 });
  const [{ n }] = await t.sql('select count(*)::int as n from order_history where order_id = $1', [order.id]);
  expect(n).toBe(7);
});
