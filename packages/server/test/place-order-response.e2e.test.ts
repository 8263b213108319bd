/**
 * placeOrder answers with the order it wrote without reading it back: the order, its lines and
 * allocations are built in memory and their relations (channel, customer, products, warehouses)
 * are references that load only when a field asks for them (common/load-once.ts lazyReference).
 * The answer must be what a later read of the same order gives, relation by relation, and the
 * rows written must name the same channel, customer, products and warehouses.
 */
import { createCatalog, ORDER_FIELDS, orderInput } from './builders';
import { startTestServer, TestServer } from './harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await createCatalog(t, {
    channels: [{ code: 'WEB', currency: 'EUR' }],
    warehouses: [
      { code: 'NEAR', priority: 1 },
      { code: 'FAR', priority: 2 },
    ],
    products: [
      { sku: 'P-1', price: 1250, name: 'Teapot' },
      { sku: 'P-2', price: 400, name: 'Cup' },
    ],
    // No warehouse can fill both lines: P-1 is split NEAR 1 + FAR 1, P-2 comes from NEAR.
    stock: { 'P-1': { NEAR: 1, FAR: 5 }, 'P-2': { NEAR: 1 } },
  });
});
afterAll(() => t?.stop());

const FIELDS = `${ORDER_FIELDS} availableActions lines { product { sku name price { amount currency } } }`;

test('the placeOrder answer is the order as a later read gives it: channel, customer, products and warehouses included', async () => {
  const placed = await t.q<{ placeOrder: { order: Record<string, unknown> & { id: string }; userErrors: unknown[] } }>(
    `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { ${FIELDS} } userErrors { field message code } } }`,
    {
      input: orderInput({
        customer: { email: 'Grace@Example.com', name: 'Grace Hopper' },
        lines: [
          { sku: 'P-1', quantity: 2 },
          { sku: 'P-2', quantity: 1 },
        ],
      }),
    },
  );
  expect(placed.placeOrder.userErrors).toEqual([]);
  const answer = placed.placeOrder.order;
  expect(answer).toMatchObject({
    channel: { code: 'WEB' },
    customer: { email: 'grace@example.com', name: 'Grace Hopper' },
    lines: [
      {
        sku: 'P-1',
        product: { sku: 'P-1', name: 'Teapot', price: { amount: 1250, currency: 'EUR' } },
        allocations: [
          { warehouse: { code: 'NEAR' }, quantity: 1 },
          { warehouse: { code: 'FAR' }, quantity: 1 },
        ],
      },
      {
        sku: 'P-2',
        product: { sku: 'P-2', name: 'Cup' },
        allocations: [{ warehouse: { code: 'NEAR' }, quantity: 1 }],
      },
    ],
  });

  const read = await t.q<{ order: Record<string, unknown> }>(`query($id: ID) { order(id: $id) { ${FIELDS} } }`, {
    id: answer.id,
  });
  // Allocations in sourcing order both times (NEAR, priority 1, before FAR), not as sets.
  expect(read.order).toEqual(answer);

  // The rows name the same channel, customer, products and warehouses.
  const rows = await t.sql<{ channel: string; email: string; sku: string; warehouse: string; quantity: number }>(
    `select c.code as channel, cu.email, p.sku, w.code as warehouse, a.quantity
       from "order" o join channel c on c.id = o.channel_id join customer cu on cu.id = o.customer_id
       join order_line l on l.order_id = o.id join product p on p.id = l.product_id
       join stock_allocation a on a.order_line_id = l.id join warehouse w on w.id = a.warehouse_id
      where o.id = $1 order by l.line_no, w.code desc`,
    [answer.id],
  );
  expect(rows).toEqual([
    { channel: 'WEB', email: 'grace@example.com', sku: 'P-1', warehouse: 'NEAR', quantity: 1 },
    { channel: 'WEB', email: 'grace@example.com', sku: 'P-1', warehouse: 'FAR', quantity: 1 },
    { channel: 'WEB', email: 'grace@example.com', sku: 'P-2', warehouse: 'NEAR', quantity: 1 },
  ]);
});

test('an answer that asks only for scalars reads nothing back: the statements end with the commit', async () => {
  let status: string | undefined;
  const { statements } = await t.countQueries(async () => {
    const placed = await t.q<{ placeOrder: { order: { id: string; status: string } } }>(
      `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id number status total { amount } } userErrors { message } } }`,
      { input: orderInput({ lines: [{ sku: 'P-1', quantity: 1 }] }) },
    );
    status = placed.placeOrder.order.status;
  });
  expect(status).toBe('PENDING');
  expect(statements.at(-1)).toMatch(/\bcommit\b/);
});
