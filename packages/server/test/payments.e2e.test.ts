/**
 * Payments and refunds: the derived payment status, the limits (never more than due, never
 * more refunded than paid), duplicate references, currencies, cancelled orders. Every refusal
 * is checked against the payment, refund and order rows in the database.
 */
import { placeOrder } from './builders';
import { startTestServer, TestServer } from './harness';
import {
  cancelOrder,
  driveTo,
  onlyError,
  orderSnapshot,
  recordPayment,
  refundPayment,
  standardCatalog,
} from './order-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await standardCatalog(t);
});
afterAll(() => t?.stop());

/** 2 x SKU-1 at 12.50 plus 4.95 shipping: 29.95 EUR. */
const TOTAL = 2995;
async function newOrder() {
  const r = await placeOrder(t, { lines: [{ sku: 'SKU-1', quantity: 2 }], shippingAmount: 495 });
  expect(r.order.total).toEqual({ amount: TOTAL, currency: 'EUR' });
  return r.order as { id: string; number: string };
}

const orderRow = async (id: string) =>
  (await t.sql('select payment_status, paid_amount, refunded_amount from "order" where id = $1', [id]))[0];
const paymentRows = (id: string) =>
  t.sql(
    'select amount_minor, currency, method, reference, recorded_by from payment where order_id = $1 order by created_at, id',
    [id],
  );
const refundRows = (id: string) =>
  t.sql('select amount_minor, currency, reason, recorded_by from refund where order_id = $1 order by created_at, id', [
    id,
  ]);

test('a new order is UNPAID with its whole total due', async () => {
  const o = await newOrder();
  const r = await t.q(
    'query($id: ID!) { order(id: $id) { paymentStatus totalPaid { amount currency } totalRefunded { amount } amountDue { amount currency } } }',
    { id: o.id },
  );
  expect(r.order).toEqual({
    paymentStatus: 'UNPAID',
    totalPaid: { amount: 0, currency: 'EUR' },
    totalRefunded: { amount: 0 },
    amountDue: { amount: TOTAL, currency: 'EUR' },
  });
  expect(await orderRow(o.id)).toEqual({ payment_status: 'UNPAID', paid_amount: 0, refunded_amount: 0 });
});

test('payment status follows the money: UNPAID, PARTIALLY_PAID, PAID, PARTIALLY_REFUNDED, REFUNDED', async () => {
  const o = await newOrder();
  const steps: [() => ReturnType<typeof recordPayment>, string, number, number, number][] = [
    [
      () => recordPayment(t, { orderId: o.id, amount: 1000, method: 'card', reference: 'ch_1' }),
      'PARTIALLY_PAID',
      1000,
      0,
      1995,
    ],
    [
      () => recordPayment(t, { orderId: o.id, amount: 1995, method: 'bank_transfer', currency: 'EUR' }),
      'PAID',
      2995,
      0,
      0,
    ],
    [() => refundPayment(t, { orderId: o.id, amount: 500, reason: 'damaged box' }), 'PARTIALLY_REFUNDED', 2995, 500, 0],
    [() => refundPayment(t, { orderId: o.id, amount: 2495 }), 'REFUNDED', 2995, 2995, 0],
  ];
  for (const [run, status, paid, refunded, due] of steps) {
    const r = await run();
    expect(r.userErrors).toEqual([]);
    expect(r.order).toMatchObject({
      paymentStatus: status,
      totalPaid: { amount: paid, currency: 'EUR' },
      totalRefunded: { amount: refunded, currency: 'EUR' },
      amountDue: { amount: due },
    });
    expect(await orderRow(o.id)).toEqual({ payment_status: status, paid_amount: paid, refunded_amount: refunded });
  }
  expect(await paymentRows(o.id)).toEqual([
    { amount_minor: 1000, currency: 'EUR', method: 'card', reference: 'ch_1', recorded_by: 'user:admin@test.local' },
    {
      amount_minor: 1995,
      currency: 'EUR',
      method: 'bank_transfer',
      reference: null,
      recorded_by: 'user:admin@test.local',
    },
  ]);
  expect(await refundRows(o.id)).toEqual([
    { amount_minor: 500, currency: 'EUR', reason: 'damaged box', recorded_by: 'user:admin@test.local' },
    { amount_minor: 2495, currency: 'EUR', reason: null, recorded_by: 'user:admin@test.local' },
  ]);
  const history = await t.sql(
    `select type, message from order_history where order_id = $1 and type in ('PAYMENT_RECORDED', 'PAYMENT_REFUNDED') order by seq`,
    [o.id],
  );
  expect(history).toEqual([
    { type: 'PAYMENT_RECORDED', message: 'Payment of 10.00 EUR by card (ch_1)' },
    { type: 'PAYMENT_RECORDED', message: 'Payment of 19.95 EUR by bank_transfer' },
    { type: 'PAYMENT_REFUNDED', message: 'Refund of 5.00 EUR: damaged box' },
    { type: 'PAYMENT_REFUNDED', message: 'Refund of 24.95 EUR' },
  ]);
});

test('a partly paid order refunded in full is REFUNDED', async () => {
  const o = await newOrder();
  await recordPayment(t, { orderId: o.id, amount: 700, method: 'card' });
  const r = await refundPayment(t, { orderId: o.id, amount: 700 });
  expect(r.userErrors).toEqual([]);
  expect(await orderRow(o.id)).toEqual({ payment_status: 'REFUNDED', paid_amount: 700, refunded_amount: 700 });
});

describe('a refund is never more than was paid and not yet refunded', () => {
  test('on an unpaid order any refund is refused at input.amount and nothing is written', async () => {
    const o = await newOrder();
    const before = await orderSnapshot(t, o.id);
    const r = await refundPayment(t, { orderId: o.id, amount: 1 });
    expect(r.order).toBeNull();
    expect(r.userErrors).toEqual([
      {
        code: 'INVALID_INPUT',
        field: ['input', 'amount'],
        message: `Amount 1 is more than the 0 paid and not yet refunded on order ${o.number}`,
      },
    ]);
    expect(await orderSnapshot(t, o.id)).toEqual(before);
  });

  test('one unit over what was paid is refused; exactly what was paid is accepted', async () => {
    const o = await newOrder();
    await recordPayment(t, { orderId: o.id, amount: 1000, method: 'card' });
    const before = await orderSnapshot(t, o.id);
    const over = await refundPayment(t, { orderId: o.id, amount: 1001 });
    expect(over.userErrors).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'amount'], message: expect.stringContaining('1001') },
    ]);
    expect(await orderSnapshot(t, o.id)).toEqual(before);
    expect(await refundRows(o.id)).toEqual([]);

    expect((await refundPayment(t, { orderId: o.id, amount: 600 })).userErrors).toEqual([]);
    const again = await refundPayment(t, { orderId: o.id, amount: 401 });
    expect(again.userErrors).toEqual([
      {
        code: 'INVALID_INPUT',
        field: ['input', 'amount'],
        message: expect.stringContaining('400 paid and not yet refunded'),
      },
    ]);
    expect(await orderRow(o.id)).toEqual({
      payment_status: 'PARTIALLY_REFUNDED',
      paid_amount: 1000,
      refunded_amount: 600,
    });
    expect((await refundPayment(t, { orderId: o.id, amount: 400 })).userErrors).toEqual([]);
    expect(await orderRow(o.id)).toEqual({ payment_status: 'REFUNDED', paid_amount: 1000, refunded_amount: 1000 });
    expect((await refundRows(o.id)).map((r) => r.amount_minor)).toEqual([600, 400]);
  });

  test('three refunds of the whole amount at the same moment: one is accepted, the others refused', async () => {
    const o = await newOrder();
    await recordPayment(t, { orderId: o.id, amount: TOTAL, method: 'card' });
    const results = await Promise.all([1, 2, 3].map(() => refundPayment(t, { orderId: o.id, amount: TOTAL })));
    expect(results.filter((r) => r.userErrors.length === 0)).toHaveLength(1);
    expect(results.filter((r) => r.userErrors[0]?.code === 'INVALID_INPUT')).toHaveLength(2);
    expect(await orderRow(o.id)).toEqual({ payment_status: 'REFUNDED', paid_amount: TOTAL, refunded_amount: TOTAL });
    expect(await refundRows(o.id)).toHaveLength(1);
  });
});

describe('a payment is never more than is due', () => {
  test('one unit over the total is refused at input.amount and nothing is written', async () => {
    const o = await newOrder();
    const before = await orderSnapshot(t, o.id);
    const r = await recordPayment(t, { orderId: o.id, amount: TOTAL + 1, method: 'card', reference: 'ch_over' });
    expect(r.order).toBeNull();
    expect(r.userErrors).toEqual([
      {
        code: 'INVALID_INPUT',
        field: ['input', 'amount'],
        message: `Amount ${TOTAL + 1} is more than the ${TOTAL} due on order ${o.number}`,
      },
    ]);
    expect(await orderSnapshot(t, o.id)).toEqual(before);
    expect(await paymentRows(o.id)).toEqual([]);
  });

  test('after a part payment only the rest is accepted, and nothing once paid in full', async () => {
    const o = await newOrder();
    await recordPayment(t, { orderId: o.id, amount: 2000, method: 'card' });
    const over = await recordPayment(t, { orderId: o.id, amount: 996, method: 'card' });
    expect(over.userErrors).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'amount'], message: expect.stringContaining('995 due') },
    ]);
    expect(await orderRow(o.id)).toEqual({ payment_status: 'PARTIALLY_PAID', paid_amount: 2000, refunded_amount: 0 });
    expect((await recordPayment(t, { orderId: o.id, amount: 995, method: 'card' })).userErrors).toEqual([]);
    const extra = await recordPayment(t, { orderId: o.id, amount: 1, method: 'card' });
    expect(extra.userErrors).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'amount'], message: expect.stringContaining('0 due') },
    ]);
    expect(await orderRow(o.id)).toEqual({ payment_status: 'PAID', paid_amount: TOTAL, refunded_amount: 0 });
    expect((await paymentRows(o.id)).map((p) => p.amount_minor)).toEqual([2000, 995]);
  });

  test('three payments of the whole total at the same moment: exactly one is recorded', async () => {
    const o = await newOrder();
    const results = await Promise.all(
      ['a', 'b', 'c'].map((ref) =>
        recordPayment(t, { orderId: o.id, amount: TOTAL, method: 'card', reference: `race_${ref}` }),
      ),
    );
    expect(results.filter((r) => r.userErrors.length === 0)).toHaveLength(1);
    expect(results.filter((r) => r.userErrors[0]?.code === 'INVALID_INPUT')).toHaveLength(2);
    expect(await orderRow(o.id)).toEqual({ payment_status: 'PAID', paid_amount: TOTAL, refunded_amount: 0 });
    expect(await paymentRows(o.id)).toHaveLength(1);
  });
});

describe('payment references', () => {
  test('the same reference twice on one order is a CONFLICT at input.reference, and the second is not written', async () => {
    const o = await newOrder();
    expect(
      (await recordPayment(t, { orderId: o.id, amount: 1000, method: 'card', reference: 'pi_123' })).userErrors,
    ).toEqual([]);
    const before = await orderSnapshot(t, o.id);
    const dup = await recordPayment(t, { orderId: o.id, amount: 500, method: 'card', reference: 'pi_123' });
    expect(dup.order).toBeNull();
    expect(dup.userErrors).toEqual([
      {
        code: 'CONFLICT',
        field: ['input', 'reference'],
        message: `A payment with reference pi_123 is already recorded on order ${o.number}`,
      },
    ]);
    expect(await orderSnapshot(t, o.id)).toEqual(before);
    expect(await paymentRows(o.id)).toEqual([expect.objectContaining({ amount_minor: 1000, reference: 'pi_123' })]);
  });

  test('the same reference retried concurrently is recorded once', async () => {
    const o = await newOrder();
    const results = await Promise.all(
      [1, 2, 3].map(() => recordPayment(t, { orderId: o.id, amount: 100, method: 'card', reference: 'pi_retry' })),
    );
    expect(results.filter((r) => r.userErrors.length === 0)).toHaveLength(1);
    expect(results.filter((r) => r.userErrors[0]?.code === 'CONFLICT')).toHaveLength(2);
    expect(await orderRow(o.id)).toEqual({ payment_status: 'PARTIALLY_PAID', paid_amount: 100, refunded_amount: 0 });
    expect(await paymentRows(o.id)).toHaveLength(1);
  });

  test('the same reference on two different orders is two payments', async () => {
    const a = await newOrder();
    const b = await newOrder();
    expect(
      (await recordPayment(t, { orderId: a.id, amount: 100, method: 'card', reference: 'shared_ref' })).userErrors,
    ).toEqual([]);
    expect(
      (await recordPayment(t, { orderId: b.id, amount: 100, method: 'card', reference: 'shared_ref' })).userErrors,
    ).toEqual([]);
    const [{ n }] = await t.sql(`select count(*)::int as n from payment where reference = 'shared_ref'`);
    expect(n).toBe(2);
  });
});

describe('currencies', () => {
  test.each([
    ['USD', 'Order {number} is in EUR, not USD'],
    ['eur', 'currency: currency must be an ISO 4217 code such as EUR'],
    ['EURO', 'currency: currency must be an ISO 4217 code such as EUR'],
  ])(
    'a payment in %s for a EUR order is refused at input.currency and nothing is written',
    async (currency, message) => {
      const o = await newOrder();
      const before = await orderSnapshot(t, o.id);
      const r = await recordPayment(t, { orderId: o.id, amount: 100, method: 'card', currency });
      expect(r.order).toBeNull();
      expect(r.userErrors).toEqual([
        { code: 'INVALID_INPUT', field: ['input', 'currency'], message: message.replace('{number}', o.number) },
      ]);
      expect(await orderSnapshot(t, o.id)).toEqual(before);
    },
  );

  test('payments and refunds are stored in the order currency, in integer minor units', async () => {
    const o = await newOrder();
    await recordPayment(t, { orderId: o.id, amount: 1999, method: 'card', currency: 'EUR' });
    await refundPayment(t, { orderId: o.id, amount: 1 });
    const [p] = await t.sql(
      `select amount_minor, currency, pg_typeof(amount_minor)::text as type from payment where order_id = $1`,
      [o.id],
    );
    expect(p).toEqual({ amount_minor: 1999, currency: 'EUR', type: 'integer' });
    const [r] = await t.sql(`select amount_minor, currency from refund where order_id = $1`, [o.id]);
    expect(r).toEqual({ amount_minor: 1, currency: 'EUR' });
  });

  test('a fractional amount is not GraphQL Int: refused with BAD_USER_INPUT and a 400, nothing written', async () => {
    const o = await newOrder();
    const res = await t.gql(`mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { userErrors { code } } }`, {
      i: { orderId: o.id, amount: 10.5, method: 'card' },
    });
    expect(res.status).toBe(400);
    expect(onlyError(res).extensions?.code).toBe('BAD_USER_INPUT');
    expect(await paymentRows(o.id)).toEqual([]);
  });
});

describe('amounts and orders that do not exist', () => {
  test.each([0, -100])('a payment of %i is refused at input.amount', async (amount) => {
    const o = await newOrder();
    const r = await recordPayment(t, { orderId: o.id, amount, method: 'card' });
    expect(r.userErrors).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'amount'], message: 'amount: amount must not be less than 1' },
    ]);
    expect(await paymentRows(o.id)).toEqual([]);
  });

  test.each([0, -100])('a refund of %i is refused at input.amount', async (amount) => {
    const o = await newOrder();
    await recordPayment(t, { orderId: o.id, amount: 500, method: 'card' });
    const r = await refundPayment(t, { orderId: o.id, amount });
    expect(r.userErrors).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'amount'], message: 'amount: amount must not be less than 1' },
    ]);
    expect(await refundRows(o.id)).toEqual([]);
  });

  test('a payment without a method is refused at input.method', async () => {
    const o = await newOrder();
    const r = await recordPayment(t, { orderId: o.id, amount: 100, method: '' });
    expect(r.userErrors).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'method'], message: expect.stringContaining('method') },
    ]);
    expect(await paymentRows(o.id)).toEqual([]);
  });

  test.each([
    ['an unknown UUID', '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b'],
    ['a string that is no UUID', 'not-an-order'],
  ])('a payment or refund for %s is NOT_FOUND at input.orderId', async (_what, orderId) => {
    const [{ n: before }] = await t.sql('select count(*)::int as n from payment');
    const pay = await recordPayment(t, { orderId, amount: 100, method: 'card' });
    expect(pay.userErrors).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'orderId'], message: `No order with id "${orderId}"` },
    ]);
    const refund = await refundPayment(t, { orderId, amount: 100 });
    expect(refund.userErrors).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'orderId'], message: `No order with id "${orderId}"` },
    ]);
    const [{ n: after }] = await t.sql('select count(*)::int as n from payment');
    expect(after).toBe(before);
  });
});

describe('cancelled and returned orders', () => {
  test('a payment on a cancelled order is a CONFLICT and nothing is written', async () => {
    const o = await newOrder();
    expect((await cancelOrder(t, o.id)).userErrors).toEqual([]);
    const before = await orderSnapshot(t, o.id);
    const r = await recordPayment(t, { orderId: o.id, amount: 100, method: 'card' });
    expect(r.order).toBeNull();
    expect(r.userErrors).toEqual([
      {
        code: 'CONFLICT',
        field: ['input', 'orderId'],
        message: `Order ${o.number} is CANCELLED; it takes no more payments`,
      },
    ]);
    expect(await orderSnapshot(t, o.id)).toEqual(before);
    expect(await orderRow(o.id)).toEqual({ payment_status: 'UNPAID', paid_amount: 0, refunded_amount: 0 });
  });

  test('a payment on a returned order is a CONFLICT', async () => {
    const o = await driveTo(t, 'RETURNED');
    const before = await orderSnapshot(t, o.id);
    const r = await recordPayment(t, { orderId: o.id, amount: 100, method: 'card' });
    expect(r.userErrors).toEqual([
      { code: 'CONFLICT', field: ['input', 'orderId'], message: expect.stringContaining('RETURNED') },
    ]);
    expect(await orderSnapshot(t, o.id)).toEqual(before);
  });

  test('a paid order that is cancelled can still be refunded, and becomes REFUNDED', async () => {
    const o = await newOrder();
    await recordPayment(t, { orderId: o.id, amount: TOTAL, method: 'card' });
    expect((await cancelOrder(t, o.id)).order).toMatchObject({ status: 'CANCELLED', paymentStatus: 'PAID' });
    const r = await refundPayment(t, { orderId: o.id, amount: TOTAL, reason: 'order cancelled' });
    expect(r.userErrors).toEqual([]);
    expect(r.order).toMatchObject({ status: 'CANCELLED', paymentStatus: 'REFUNDED', totalRefunded: { amount: TOTAL } });
    expect(await orderRow(o.id)).toEqual({ payment_status: 'REFUNDED', paid_amount: TOTAL, refunded_amount: TOTAL });
  });
});
