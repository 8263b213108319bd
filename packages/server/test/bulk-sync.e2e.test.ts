/**
 * Bulk sync for partners: upsertProducts and setStockLevels through the real server. Each item has
 * its own result, in input order; valid items are written and refused ones change nothing (the rows,
 * the movement ledger and the event stream are read back); a call over 500 items changes nothing;
 * the same SKU (or SKU and warehouse) twice in one call refuses the later item; stock is never set
 * below what is reserved, even while orders race for it; the single-item permissions apply.
 */
import { createKey, userWithRole } from './access-helpers';
import { createCatalog, placeOrder } from './builders';
import { startTestServer, TestServer } from './harness';
import { broken, placeOrderRaw, stockInvariantViolations, stockOf } from './stock-helpers';
import { Mutation, operation, Select } from './support/select';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await createCatalog(t, {
    channels: [{ code: 'WEB', currency: 'EUR' }],
    warehouses: [
      { code: 'WH1', priority: 1 },
      { code: 'WH2', priority: 2 },
    ],
  });
});
afterEach(async () => {
  expect(await stockInvariantViolations(t)).toEqual([]);
});
afterAll(() => t?.stop());

type ProductItem = { sku: string; name: string; price: number; currency: string; allowBackorder?: boolean | null };
type StockItem = { sku: string; warehouseCode: string; onHand: number; reason: string };

const UPSERT_PRODUCTS = operation<
  Select<
    Mutation,
    {
      upsertProducts: {
        results: {
          index: true;
          sku: true;
          outcome: true;
          product: { sku: true; name: true; price: { amount: true; currency: true }; allowBackorder: true };
          userErrors: { field: true; code: true; message: true };
        };
        userErrors: { field: true; code: true; message: true };
      };
    }
  >
>(`mutation($i: [UpsertProductInput!]!) { upsertProducts(input: $i) {
  results { index sku outcome product { sku name price { amount currency } allowBackorder } userErrors { field code message } }
  userErrors { field code message } } }`);

const SET_STOCK = operation<
  Select<
    Mutation,
    {
      setStockLevels: {
        results: {
          index: true;
          sku: true;
          warehouseCode: true;
          outcome: true;
          stockLevel: { onHand: true; reserved: true; available: true; sku: true; warehouse: { code: true } };
          userErrors: { field: true; code: true; message: true };
        };
        userErrors: { field: true; code: true; message: true };
      };
    }
  >
>(`mutation($i: [SetStockLevelInput!]!) { setStockLevels(input: $i) {
  results { index sku warehouseCode outcome stockLevel { onHand reserved available sku warehouse { code } } userErrors { field code message } }
  userErrors { field code message } } }`);

const upsertProducts = (items: ProductItem[], token?: string) => t.gql(UPSERT_PRODUCTS, { i: items }, { token });
const setStock = (items: StockItem[], token?: string) => t.gql(SET_STOCK, { i: items }, { token });

const product = (sku: string, extra: Partial<ProductItem> = {}): ProductItem => ({
  sku,
  name: `Product ${sku}`,
  price: 1000,
  currency: 'EUR',
  ...extra,
});

const productRows = (skus: string[]) =>
  t.sql(
    `select sku, name, price_amount as price, currency, allow_backorder as "allowBackorder", updated_at as "updatedAt"
       from product where sku = any($1::text[]) order by sku`,
    [skus],
  );

const stockRows = (skus: string[]) =>
  t.sql(
    `select p.sku, w.code, s.on_hand as "onHand", s.reserved, s.updated_at as "updatedAt" from stock_level s
       join product p on p.id = s.product_id join warehouse w on w.id = s.warehouse_id
      where p.sku = any($1::text[]) order by p.sku, w.code`,
    [skus],
  );

const movementRows = (skus: string[]) =>
  t.sql(
    `select p.sku, w.code, m.kind::text as kind, m.delta, m.reason, m.actor from stock_movement m
       join product p on p.id = m.product_id join warehouse w on w.id = m.warehouse_id
      where p.sku = any($1::text[]) order by p.sku, w.code, m.at, m.delta`,
    [skus],
  );

const stockEvents = (skus: string[]) =>
  t.sql(
    `select payload, actor, aggregate_id as "aggregateId" from domain_event
      where type = 'stock.adjusted' and payload->>'sku' = any($1::text[]) order by payload->>'sku', payload->>'warehouseCode', seq`,
    [skus],
  );

describe('upsertProducts', () => {
  test('each item gets its result in input order: valid items are created or updated, invalid ones change nothing', async () => {
    await createCatalog(t, {
      products: [
        { sku: 'UP-OLD', price: 500, allowBackorder: true },
        { sku: 'UP-SAME', price: 700 },
      ],
    });
    const [same] = await productRows(['UP-SAME']);
    const r = await upsertProducts([
      product('UP-NEW-1', { price: 1999, allowBackorder: true }),
      product('UP-BAD-PRICE', { price: -1 }),
      product('UP-OLD', { name: 'Renamed', price: 650 }), // allowBackorder not given: stays true
      product('UP-BAD-CUR', { currency: 'XXQ' }),
      product('UP-NEW-1', { price: 1 }), // the same SKU again: refused, the first one wins
      product('UP-SAME', { price: 700 }),
      product('', {}),
      product('UP-NEW-2'),
    ]);
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    const p = r.body.data!.upsertProducts;
    expect(p.userErrors).toEqual([]);
    expect(p.results.map((x) => [x.index, x.sku, x.outcome, x.userErrors.map((e) => [e.code, e.field])])).toEqual([
      [0, 'UP-NEW-1', 'CREATED', []],
      [1, 'UP-BAD-PRICE', 'REFUSED', [['INVALID_INPUT', ['input', '1', 'price']]]],
      [2, 'UP-OLD', 'UPDATED', []],
      [3, 'UP-BAD-CUR', 'REFUSED', [['INVALID_INPUT', ['input', '3', 'currency']]]],
      [4, 'UP-NEW-1', 'REFUSED', [['INVALID_INPUT', ['input', '4', 'sku']]]],
      [5, 'UP-SAME', 'UNCHANGED', []],
      [
        6,
        '',
        'REFUSED',
        [
          ['INVALID_INPUT', ['input', '6', 'sku']],
          ['INVALID_INPUT', ['input', '6', 'sku']],
        ],
      ],
      [7, 'UP-NEW-2', 'CREATED', []],
    ]);
    expect(p.results[4].userErrors[0].message).toMatch(/input\[4\].*already input\[0\]/);
    expect(p.results[1].userErrors[0].message).toMatch(/^input\[1\]\.price/);
    expect(p.results[0].product).toEqual({
      sku: 'UP-NEW-1',
      name: 'Product UP-NEW-1',
      price: { amount: 1999, currency: 'EUR' },
      allowBackorder: true,
    });
    expect(p.results[2].product).toEqual({
      sku: 'UP-OLD',
      name: 'Renamed',
      price: { amount: 650, currency: 'EUR' },
      allowBackorder: true,
    });
    expect(p.results[1].product).toBeNull();

    const rows = await productRows(['UP-NEW-1', 'UP-NEW-2', 'UP-OLD', 'UP-SAME', 'UP-BAD-PRICE', 'UP-BAD-CUR', '']);
    expect(rows.map(({ updatedAt: _, ...row }) => row)).toEqual([
      { sku: 'UP-NEW-1', name: 'Product UP-NEW-1', price: 1999, currency: 'EUR', allowBackorder: true },
      { sku: 'UP-NEW-2', name: 'Product UP-NEW-2', price: 1000, currency: 'EUR', allowBackorder: false },
      { sku: 'UP-OLD', name: 'Renamed', price: 650, currency: 'EUR', allowBackorder: true },
      { sku: 'UP-SAME', name: 'Product UP-SAME', price: 700, currency: 'EUR', allowBackorder: false },
    ]);
    // A product already as given is not written at all.
    expect(rows[3].updatedAt).toEqual(same.updatedAt);
  });

  test('allowBackorder given as false turns it off; left out keeps it', async () => {
    await createCatalog(t, {
      products: [
        { sku: 'UP-BO-1', allowBackorder: true },
        { sku: 'UP-BO-2', allowBackorder: true },
      ],
    });
    const r = await upsertProducts([product('UP-BO-1', { allowBackorder: false }), product('UP-BO-2', { price: 5 })]);
    expect(r.body.data!.upsertProducts.results.map((x) => x.outcome)).toEqual(['UPDATED', 'UPDATED']);
    expect((await productRows(['UP-BO-1', 'UP-BO-2'])).map((x) => [x.sku, x.allowBackorder])).toEqual([
      ['UP-BO-1', false],
      ['UP-BO-2', true],
    ]);
  });

  test('501 items are refused as a whole with an error naming input, and nothing is written', async () => {
    const items = Array.from({ length: 501 }, (_, i) => product(`UP-501-${i}`));
    const before = (await t.sql('select count(*)::int as n from product'))[0].n;
    const r = await upsertProducts(items);
    expect(r.status).toBe(200);
    expect(r.body.data!.upsertProducts.results).toEqual([]);
    expect(r.body.data!.upsertProducts.userErrors).toEqual([
      {
        code: 'INVALID_INPUT',
        field: ['input'],
        message: 'input may hold at most 500 items, got 501; send them in several calls',
      },
    ]);
    expect((await t.sql('select count(*)::int as n from product'))[0].n).toBe(before);
    // 500 are fine, in a handful of statements.
    const { statements } = await t.countQueries(async () => {
      const ok = await upsertProducts(items.slice(0, 500));
      expect(ok.body.data!.upsertProducts.results.filter((x) => x.outcome === 'CREATED')).toHaveLength(500);
    });
    expect(statements.length).toBeLessThanOrEqual(8);
    expect((await t.sql('select count(*)::int as n from product'))[0].n).toBe(before + 500);
  });
});

describe('setStockLevels', () => {
  test('each item gets its result in input order; valid ones are set with a movement and an event, refused ones change nothing', async () => {
    await createCatalog(t, {
      products: [{ sku: 'ST-A' }, { sku: 'ST-B' }, { sku: 'ST-C' }, { sku: 'ST-R' }],
      stock: { 'ST-B': { WH1: 7, WH2: 3 }, 'ST-C': { WH1: 4 }, 'ST-R': { WH1: 10 } },
    });
    await placeOrder(t, { customer: { email: 'st-r@example.com' }, lines: [{ sku: 'ST-R', quantity: 6 }] });
    const skus = ['ST-A', 'ST-B', 'ST-C', 'ST-R', 'ST-NOPE'];
    const beforeStock = await stockRows(skus);
    const beforeMovements = await movementRows(skus);
    const beforeEvents = await stockEvents(skus);

    const r = await setStock([
      { sku: 'ST-A', warehouseCode: 'WH1', onHand: 50, reason: 'sync 1' }, // no stock row yet: created
      { sku: 'ST-A', warehouseCode: 'NOPE', onHand: 5, reason: 'sync 1' },
      { sku: 'ST-NOPE', warehouseCode: 'WH1', onHand: 5, reason: 'sync 1' },
      { sku: 'ST-R', warehouseCode: 'WH1', onHand: 5, reason: 'sync 1' }, // 6 reserved
      { sku: 'ST-A', warehouseCode: 'WH1', onHand: 60, reason: 'sync 1' }, // the same pair again
      { sku: 'ST-B', warehouseCode: 'WH1', onHand: -1, reason: 'sync 1' },
      { sku: 'ST-B', warehouseCode: 'WH2', onHand: 3, reason: 'sync 1' }, // as it is
      { sku: 'ST-B', warehouseCode: 'WH1', onHand: 2, reason: 'sync 1' }, // a repeat of item 5, refused though 5 was
      { sku: 'ST-R', warehouseCode: 'WH2', onHand: 4, reason: '' },
      { sku: 'ST-C', warehouseCode: 'WH1', onHand: 1, reason: 'sync 1' },
    ]);
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    const p = r.body.data!.setStockLevels;
    expect(p.userErrors).toEqual([]);
    expect(
      p.results.map((x) => [x.index, x.sku, x.warehouseCode, x.outcome, x.userErrors.map((e) => [e.code, e.field])]),
    ).toEqual([
      [0, 'ST-A', 'WH1', 'CREATED', []],
      [1, 'ST-A', 'NOPE', 'REFUSED', [['NOT_FOUND', ['input', '1', 'warehouseCode']]]],
      [2, 'ST-NOPE', 'WH1', 'REFUSED', [['NOT_FOUND', ['input', '2', 'sku']]]],
      [3, 'ST-R', 'WH1', 'REFUSED', [['INSUFFICIENT_STOCK', ['input', '3', 'onHand']]]],
      [4, 'ST-A', 'WH1', 'REFUSED', [['INVALID_INPUT', ['input', '4', 'sku']]]],
      [5, 'ST-B', 'WH1', 'REFUSED', [['INVALID_INPUT', ['input', '5', 'onHand']]]],
      [6, 'ST-B', 'WH2', 'UNCHANGED', []],
      [7, 'ST-B', 'WH1', 'REFUSED', [['INVALID_INPUT', ['input', '7', 'sku']]]],
      [8, 'ST-R', 'WH2', 'REFUSED', [['INVALID_INPUT', ['input', '8', 'reason']]]],
      [9, 'ST-C', 'WH1', 'UPDATED', []],
    ]);
    expect(p.results[7].userErrors[0].message).toBe(
      'input[7]: SKU ST-B in warehouse WH1 is already input[5]; each may appear once per call',
    );
    expect(p.results[3].userErrors[0].message).toBe(
      'input[3].onHand: Cannot set ST-R in WH1 to 5 on hand: 6 reserved for orders',
    );
    expect(p.results[1].userErrors[0].message).toBe('input[1].warehouseCode: No warehouse with code NOPE');
    expect(p.results[0].stockLevel).toEqual({
      onHand: 50,
      reserved: 0,
      available: 50,
      sku: 'ST-A',
      warehouse: { code: 'WH1' },
    });
    expect(p.results[6].stockLevel).toMatchObject({ onHand: 3, reserved: 0 });
    expect(p.results[9].stockLevel).toMatchObject({ onHand: 1, reserved: 0, available: 1 });
    expect(p.results[3].stockLevel).toBeNull();

    // The rows: only items 0 and 9 changed anything.
    const after = await stockRows(skus);
    const strip = (rows: { updatedAt: Date }[]) => rows.map(({ updatedAt: _, ...x }) => x);
    expect(strip(after)).toEqual([
      { sku: 'ST-A', code: 'WH1', onHand: 50, reserved: 0 },
      { sku: 'ST-B', code: 'WH1', onHand: 7, reserved: 0 },
      { sku: 'ST-B', code: 'WH2', onHand: 3, reserved: 0 },
      { sku: 'ST-C', code: 'WH1', onHand: 1, reserved: 0 },
      { sku: 'ST-R', code: 'WH1', onHand: 10, reserved: 6 },
    ]);
    const unchanged = (sku: string, code: string) => (rows: { sku: string; code: string }[]) =>
      rows.find((x) => x.sku === sku && x.code === code);
    expect(unchanged('ST-B', 'WH2')(after)).toEqual(unchanged('ST-B', 'WH2')(beforeStock));
    expect(unchanged('ST-B', 'WH1')(after)).toEqual(unchanged('ST-B', 'WH1')(beforeStock));
    expect(unchanged('ST-R', 'WH1')(after)).toEqual(unchanged('ST-R', 'WH1')(beforeStock));

    // The ledger: one ADJUSTMENT per change, with the reason and who did it.
    const movements = await movementRows(skus);
    expect(movements.filter((m) => m.reason === 'sync 1')).toEqual([
      { sku: 'ST-A', code: 'WH1', kind: 'ADJUSTMENT', delta: 50, reason: 'sync 1', actor: 'user:admin@test.local' },
      { sku: 'ST-C', code: 'WH1', kind: 'ADJUSTMENT', delta: -3, reason: 'sync 1', actor: 'user:admin@test.local' },
    ]);
    expect(movements.length).toBe(beforeMovements.length + 2);

    // The stream: a stock.adjusted event per change, as adjustStock writes them.
    const events = await stockEvents(skus);
    expect(events.length).toBe(beforeEvents.length + 2);
    const fresh = events.filter((e) => e.payload.reason === 'sync 1');
    expect(fresh.map((e) => e.payload)).toEqual([
      { sku: 'ST-A', warehouseCode: 'WH1', delta: 50, onHand: 50, reserved: 0, available: 50, reason: 'sync 1' },
      { sku: 'ST-C', warehouseCode: 'WH1', delta: -3, onHand: 1, reserved: 0, available: 1, reason: 'sync 1' },
    ]);
    const ids = await t.sql(
      `select s.id from stock_level s join product p on p.id = s.product_id join warehouse w on w.id = s.warehouse_id
        where (p.sku, w.code) in (('ST-A', 'WH1'), ('ST-C', 'WH1')) order by p.sku`,
    );
    expect(fresh.map((e) => e.aggregateId)).toEqual(ids.map((x) => x.id));
  });

  test('the events reach the event stream that webhooks and subscriptions read', async () => {
    await createCatalog(t, { products: [{ sku: 'ST-EV' }] });
    const r = await setStock([{ sku: 'ST-EV', warehouseCode: 'WH2', onHand: 12, reason: 'stream check' }]);
    expect(r.body.data!.setStockLevels.results[0].outcome).toBe('CREATED');
    let seen: { type: string; payload: Record<string, unknown> }[] = [];
    for (let i = 0; i < 50 && !seen.length; i++) {
      const e = await t.q(`{ events(first: 200, type: "stock.adjusted") { nodes { type payload } } }`);
      seen = e.events.nodes.filter((n: { payload: { sku: string } }) => n.payload.sku === 'ST-EV');
      if (!seen.length) await new Promise((res) => setTimeout(res, 100));
    }
    expect(seen).toEqual([
      {
        type: 'stock.adjusted',
        payload: {
          sku: 'ST-EV',
          warehouseCode: 'WH2',
          delta: 12,
          onHand: 12,
          reserved: 0,
          available: 12,
          reason: 'stream check',
        },
      },
    ]);
  });

  test('on hand can be set down to what is reserved, not below', async () => {
    await createCatalog(t, { products: [{ sku: 'ST-RES' }], stock: { 'ST-RES': { WH1: 10 } } });
    const order = await placeOrder(t, {
      customer: { email: 'res@example.com' },
      lines: [{ sku: 'ST-RES', quantity: 4 }],
    });
    expect(order.userErrors).toEqual([]);
    const below = await setStock([{ sku: 'ST-RES', warehouseCode: 'WH1', onHand: 3, reason: 'count' }]);
    expect(below.body.data!.setStockLevels.results[0]).toMatchObject({
      outcome: 'REFUSED',
      stockLevel: null,
      userErrors: [{ code: 'INSUFFICIENT_STOCK', field: ['input', '0', 'onHand'] }],
    });
    expect(await stockOf(t, 'ST-RES')).toEqual({ WH1: { onHand: 10, reserved: 4 } });
    const exact = await setStock([{ sku: 'ST-RES', warehouseCode: 'WH1', onHand: 4, reason: 'count' }]);
    expect(exact.body.data!.setStockLevels.results[0]).toMatchObject({
      outcome: 'UPDATED',
      stockLevel: { onHand: 4, reserved: 4, available: 0 },
      userErrors: [],
    });
    expect(await stockOf(t, 'ST-RES')).toEqual({ WH1: { onHand: 4, reserved: 4 } });
  });

  test('501 items are refused as a whole with an error naming input; 500 take a handful of statements', async () => {
    const skus = Array.from({ length: 250 }, (_, i) => `ST-BIG-${String(i).padStart(3, '0')}`);
    const made = await upsertProducts(skus.map((s) => product(s)));
    expect(made.body.data!.upsertProducts.results.every((x) => x.outcome === 'CREATED')).toBe(true);
    const items = skus.flatMap((sku) =>
      ['WH1', 'WH2'].map((warehouseCode, w) => ({ sku, warehouseCode, onHand: 10 + w, reason: 'bulk' })),
    );
    const extra = { sku: 'ST-BIG-000', warehouseCode: 'WH3', onHand: 1, reason: 'bulk' };
    const refused = await setStock([...items, extra]);
    expect(refused.body.data!.setStockLevels).toEqual({
      results: [],
      userErrors: [
        {
          code: 'INVALID_INPUT',
          field: ['input'],
          message: 'input may hold at most 500 items, got 501; send them in several calls',
        },
      ],
    });
    expect(await stockRows(skus)).toEqual([]);
    expect(await movementRows(skus)).toEqual([]);

    const { statements } = await t.countQueries(async () => {
      const ok = await setStock(items);
      const results = ok.body.data!.setStockLevels.results;
      expect(results.map((x) => x.index)).toEqual(items.map((_, i) => i));
      expect(results.every((x) => x.outcome === 'CREATED')).toBe(true);
    });
    // begin, resolve + create rows, lock, write, commit: plus the reads of the response's sku/warehouse fields.
    expect(statements.length).toBeLessThanOrEqual(10);
    const rows = await stockRows(skus);
    expect(rows).toHaveLength(500);
    expect(rows.filter((x) => x.onHand !== (x.code === 'WH1' ? 10 : 11))).toEqual([]);
    expect(await movementRows(skus)).toHaveLength(500);
  });

  test('a key or user without the permission is refused and changes nothing; FULFILLMENT may set stock but not products', async () => {
    await createCatalog(t, { products: [{ sku: 'ST-PERM', price: 300 }], stock: { 'ST-PERM': { WH1: 9 } } });
    const stockItem = [{ sku: 'ST-PERM', warehouseCode: 'WH1', onHand: 1, reason: 'intruder' }];
    const productItem = [product('ST-PERM', { price: 1 })];
    const before = { p: await productRows(['ST-PERM']), s: await stockRows(['ST-PERM']) };

    const viewer = await userWithRole(t, 'VIEWER');
    const v1 = await upsertProducts(productItem, viewer.token);
    const v2 = await setStock(stockItem, viewer.token);
    expect([v1.status, v1.body.errors?.[0].extensions?.code, v1.body.errors?.[0].message]).toEqual([
      403,
      'FORBIDDEN',
      'Missing permission PRODUCT_WRITE',
    ]);
    expect([v2.status, v2.body.errors?.[0].extensions?.code, v2.body.errors?.[0].message]).toEqual([
      403,
      'FORBIDDEN',
      'Missing permission STOCK_ADJUST',
    ]);

    // A partner key can never hold PRODUCT_WRITE or STOCK_ADJUST (they change what every channel
    // sells); one that has them stored from before is refused at use, as for the single-item mutations.
    const key = await createKey(t, { channelCodes: ['WEB'], permissions: ['PRODUCT_READ', 'STOCK_READ'] });
    await t.sql(
      `update api_key set permissions = array['PRODUCT_READ', 'STOCK_READ', 'PRODUCT_WRITE', 'STOCK_ADJUST'] where id = $1`,
      [key.id],
    );
    const k1 = await upsertProducts(productItem, key.secret);
    const k2 = await setStock(stockItem, key.secret);
    expect([k1.status, k1.body.errors?.[0].extensions?.permission, k1.body.data ?? null]).toEqual([
      403,
      'PRODUCT_WRITE',
      null,
    ]);
    expect([k2.status, k2.body.errors?.[0].extensions?.permission, k2.body.data ?? null]).toEqual([
      403,
      'STOCK_ADJUST',
      null,
    ]);

    const fulfilment = await userWithRole(t, 'FULFILLMENT');
    const f1 = await upsertProducts(productItem, fulfilment.token);
    expect([f1.status, f1.body.errors?.[0].message]).toEqual([403, 'Missing permission PRODUCT_WRITE']);
    expect({ p: await productRows(['ST-PERM']), s: await stockRows(['ST-PERM']) }).toEqual(before);

    const f2 = await setStock([{ ...stockItem[0], onHand: 8, reason: 'count' }], fulfilment.token);
    expect(f2.body.data!.setStockLevels.results[0].outcome).toBe('UPDATED');
    expect(await stockOf(t, 'ST-PERM')).toEqual({ WH1: { onHand: 8, reserved: 0 } });
  });

  test('setStockLevels racing orders for the same stock never oversells and never deadlocks', async () => {
    const skus = ['RACE-1', 'RACE-2', 'RACE-3', 'RACE-4'];
    await createCatalog(t, {
      products: skus.map((sku) => ({ sku })),
      stock: Object.fromEntries(skus.map((sku) => [sku, { WH1: 5, WH2: 5 }])),
    });
    // Syncs name the SKUs in every order (and both warehouses), orders take several SKUs at once.
    const sync = (n: number) => {
      const order = n % 2 ? [...skus].reverse() : skus;
      return setStock(
        order.flatMap((sku) =>
          (n % 3 ? ['WH2', 'WH1'] : ['WH1', 'WH2']).map((warehouseCode) => ({
            sku,
            warehouseCode,
            onHand: (n * 7 + sku.length) % 6,
            reason: `race sync ${n}`,
          })),
        ),
      );
    };
    const orderFor = (n: number) => {
      const lines = n % 2 ? [skus[n % 4], skus[(n + 1) % 4]] : [skus[(n + 1) % 4], skus[n % 4]];
      return placeOrderRaw(t, {
        customer: { email: `race${n}@example.com` },
        lines: lines.map((sku) => ({ sku, quantity: 1 + (n % 2) })),
      });
    };
    const work: Promise<{
      kind: 'sync' | 'order';
      r: Awaited<ReturnType<typeof sync>> | Awaited<ReturnType<typeof orderFor>>;
    }>[] = [];
    for (let n = 0; n < 40; n++) {
      work.push(
        n % 3 === 0
          ? sync(n).then((r) => ({ kind: 'sync' as const, r }))
          : orderFor(n).then((r) => ({ kind: 'order' as const, r })),
      );
    }
    const outcomes = await Promise.all(work);
    expect(broken(outcomes.map((o) => o.r))).toEqual([]);
    const syncResults = outcomes
      .filter((o) => o.kind === 'sync')
      .flatMap(
        (o) =>
          (o.r.body.data as { setStockLevels: { results: { outcome: string; userErrors: { code: string }[] }[] } })
            .setStockLevels.results,
      );
    // Every refusal is the reserved rule, nothing else (no deadlock, no conflict).
    expect(
      [...new Set(syncResults.flatMap((x) => x.userErrors.map((e) => e.code)))].filter(
        (c) => c !== 'INSUFFICIENT_STOCK',
      ),
    ).toEqual([]);
    const placed = outcomes.filter(
      (o) => o.kind === 'order' && (o.r.body.data as { placeOrder: { order: unknown } }).placeOrder.order,
    );
    expect(placed.length).toBeGreaterThan(0);
    // Never oversold: reserved <= on hand everywhere, and reserved is exactly what the orders hold (afterEach also checks the ledger).
    for (const sku of skus) {
      for (const level of Object.values(await stockOf(t, sku)))
        expect(level.reserved).toBeLessThanOrEqual(level.onHand);
    }
  });

  test('concurrent syncs creating the same products and stock rows in different orders all succeed, without deadlocks', async () => {
    const skus = Array.from({ length: 250 }, (_, i) => `PAR-${String(i).padStart(3, '0')}`);
    // Half the calls name them in ascending order, half in descending: a lock order taken from the input would deadlock.
    const shuffled = (n: number) => (n % 2 ? [...skus].reverse() : skus);
    const products = await Promise.all(
      Array.from({ length: 6 }, (_, n) => upsertProducts(shuffled(n).map((sku) => product(sku, { price: 100 })))),
    );
    expect(broken(products)).toEqual([]);
    const created = products.flatMap((r) => r.body.data!.upsertProducts.results).filter((x) => x.outcome === 'CREATED');
    expect(products.flatMap((r) => r.body.data!.upsertProducts.results.flatMap((x) => x.userErrors))).toEqual([]);
    expect(created.map((x) => x.sku).sort()).toEqual(skus); // each SKU created once, by one of the calls
    const levels = await Promise.all(
      Array.from({ length: 6 }, (_, n) =>
        setStock(
          shuffled(n).flatMap((sku) =>
            (n % 2 ? ['WH2', 'WH1'] : ['WH1', 'WH2']).map((warehouseCode) => ({
              sku,
              warehouseCode,
              onHand: 5,
              reason: 'parallel',
            })),
          ),
        ),
      ),
    );
    expect(broken(levels)).toEqual([]);
    const results = levels.flatMap((r) => r.body.data!.setStockLevels.results);
    expect(results.flatMap((x) => x.userErrors)).toEqual([]);
    // Each row is created once and set to 5 once (one movement); the other calls find it as given.
    expect(results.filter((x) => x.outcome === 'CREATED')).toHaveLength(500);
    expect(results.filter((x) => x.outcome === 'UNCHANGED')).toHaveLength(2500);
    expect(await stockRows(skus)).toHaveLength(500);
    expect(await movementRows(skus)).toHaveLength(500);
  });
});
