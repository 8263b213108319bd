/**
 * Open data, imports: a dry run reports every bad row and writes nothing; the real run is
 * idempotent and all-or-nothing per row; an export re-imported into an empty system gives the
 * same export back; the example files in docs/data import cleanly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createCatalog } from './builders';
import { startTestServer, TestServer } from './harness';
import {
  createKey,
  dataCounts,
  exportText,
  ImportBody,
  importCsv,
  jsonLines,
  csvRows,
  seedStore,
} from './data-helpers';

const DOCS = path.join(__dirname, '../../../docs/data');
const example = (name: string) => fs.readFileSync(path.join(DOCS, name), 'utf8');

let a: TestServer; // a store with data
let b: TestServer; // an empty system (channels and warehouses only)

beforeAll(async () => {
  [a, b] = await Promise.all([startTestServer(), startTestServer({ config: { importMaxBytes: 200_000 } })]);
  await seedStore(a);
  await createCatalog(b, {
    channels: [
      { code: 'WEB', currency: 'EUR' },
      { code: 'MARKET', currency: 'EUR' },
    ],
    warehouses: [{ code: 'WH1', priority: 1 }],
  });
}, 120_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const withoutKeys = (rows: Record<string, unknown>[], keys: string[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k))));

describe('round trip: export, import into an empty system, export again', () => {
  const files: Record<string, string> = {};

  test('the exports of the store import into the empty system without errors', async () => {
    for (const kind of ['products', 'customers', 'stock', 'orders'])
      files[kind] = (await exportText(a, `/export/${kind}.csv`)).text;
    for (const kind of ['products', 'customers', 'stock', 'orders']) {
      const res = await importCsv(b, kind, files[kind], false);
      expect(res.status).toBe(200);
      expect(res.body.errors).toEqual([]);
      expect(res.body.dryRun).toBe(false);
    }
    const [{ n }] = await a.sql('select count(*)::int as n from "order"');
    expect((await b.sql('select count(*)::int as n from "order"'))[0].n).toBe(n);
  });

  test('exporting again gives the same data (ids, created/updated times and reservations aside)', async () => {
    for (const kind of ['products', 'customers']) {
      const before = csvRows((await exportText(a, `/export/${kind}.csv`)).text);
      const after = csvRows((await exportText(b, `/export/${kind}.csv`)).text);
      expect(withoutKeys(after, ['created_at', 'updated_at'])).toEqual(
        withoutKeys(before, ['created_at', 'updated_at']),
      );
    }
    const stockOf = async (t: TestServer) =>
      csvRows((await exportText(t, '/export/stock.csv')).text).map((r) => [r.sku, r.warehouse_code, r.on_hand]);
    expect(await stockOf(b)).toEqual(await stockOf(a));

    const ordersA = jsonLines((await exportText(a, '/export/orders.jsonl')).text);
    const ordersB = jsonLines((await exportText(b, '/export/orders.jsonl')).text);
    expect(ordersB.length).toBe(9);
    expect(withoutKeys(ordersB, ['id'])).toEqual(withoutKeys(ordersA, ['id']));
    // And the CSV form, line by line.
    const csvA = csvRows((await exportText(a, '/export/orders.csv')).text);
    const csvB = csvRows((await exportText(b, '/export/orders.csv')).text);
    expect(withoutKeys(csvB, ['id'])).toEqual(withoutKeys(csvA, ['id']));
  });

  test('imported orders have one IMPORTED history entry, took no stock, wrote no events, and keep their numbers clear of new ones', async () => {
    const history = await b.sql(`select type, count(*)::int as n from order_history group by type`);
    expect(history).toEqual([{ type: 'IMPORTED', n: 9 }]);
    expect(await b.sql(`select type from domain_event where aggregate_type = 'order'`)).toEqual([]);
    expect((await b.sql('select coalesce(sum(reserved), 0)::int as r from stock_level'))[0].r).toBe(0);
    const [{ next }] = await b.sql(`select nextval('order_number_seq')::text as next`);
    const [{ max }] = await b.sql(`select max(number::bigint)::text as max from "order"`);
    expect(BigInt(next)).toBeGreaterThan(BigInt(max));
  });

  test('re-running every import creates nothing: all rows are skipped and the database is unchanged', async () => {
    const before = await dataCounts(b);
    for (const kind of ['products', 'customers', 'stock', 'orders']) {
      const res = await importCsv(b, kind, files[kind], false);
      expect(res.body).toMatchObject({ created: 0, updated: 0, errors: [] });
      expect(res.body.skipped).toBeGreaterThan(0);
    }
    expect(await dataCounts(b)).toEqual(before);
  });

  test('a changed row is updated, an unchanged one skipped', async () => {
    const res = await importCsv(
      b,
      'products',
      'sku,name,price,currency\nSKU-1,Product SKU-1,1300,EUR\nSKU-2,Product SKU-2,499,EUR\nSKU-NEW,New,5,EUR\n',
      false,
    );
    expect(res.body).toEqual({ dryRun: false, rows: 3, created: 1, updated: 1, skipped: 1, errors: [] });
    expect((await b.sql(`select price_amount from product where sku = 'SKU-1'`))[0].price_amount).toBe(1300);
  });
});

describe('stock: set and adjust', () => {
  test('set is idempotent; adjust is booked once per reason; on hand never below reserved', async () => {
    const file =
      'sku,warehouse_code,mode,quantity,reason\nSKU-2,WH1,set,40,\nSKU-2,WH1,adjust,-5,count 2026-11\nSKU-NEW,WH1,adjust,7,PO-9\n';
    const first = await importCsv(b, 'stock', file, false);
    expect(first.body).toMatchObject({ rows: 3, errors: [] });
    const onHand = async (sku: string) =>
      (
        await b.sql(`select s.on_hand from stock_level s join product p on p.id = s.product_id where p.sku = $1`, [sku])
      )[0]?.on_hand;
    expect(await onHand('SKU-2')).toBe(35);
    expect(await onHand('SKU-NEW')).toBe(7);
    const again = await importCsv(b, 'stock', file, false);
    // set 40 now changes 35 to 40 again; the adjustments are recognised by their reason.
    expect(again.body).toMatchObject({ updated: 1, skipped: 2, errors: [] });
    expect(await onHand('SKU-2')).toBe(40);
    const movements = await b.sql(`select reason from stock_movement where reason in ('count 2026-11', 'PO-9')`);
    expect(movements).toHaveLength(2);
    const bad = await importCsv(
      b,
      'stock',
      'sku,warehouse_code,mode,quantity,reason\nSKU-2,WH1,adjust,0,x\nSKU-2,NOWHERE,set,1,\nSKU-2,WH1,move,1,\nSKU-2,WH1,adjust,-1000,too many\nNO-SKU,WH1,set,0,\n',
      true,
    );
    expect(bad.body.errors).toEqual([
      { line: 2, field: 'quantity', message: 'quantity of an adjust row must not be 0' },
      { line: 3, field: 'warehouse_code', message: 'No warehouse with code NOWHERE' },
      { line: 4, field: 'mode', message: 'mode must be set or adjust' },
      { line: 5, field: 'quantity', message: expect.stringContaining('Cannot adjust SKU-2 in WH1 by -1000') },
      { line: 6, field: 'sku', message: 'No product with SKU NO-SKU' },
    ]);
  });
});

describe('dry run of a deliberately broken file (docs/data/broken-orders.csv)', () => {
  test('reports every bad row with its line and field, and writes nothing', async () => {
    await createCatalog(b, { warehouses: [{ code: 'BER', priority: 2 }] });
    expect((await importCsv(b, 'products', example('products.csv'), false)).body.errors).toEqual([]);
    const before = await dataCounts(b);
    const res = await importCsv(b, 'orders', example('broken-orders.csv'), true);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, rows: 10, created: 1, updated: 0, skipped: 0 });
    expect(res.body.errors!.map((e) => [e.line, e.field])).toEqual([
      [2, 'quantity_shipped'],
      [3, 'status'],
      [4, 'placed_at'],
      [5, 'customer_email'],
      [6, 'sku'],
      [7, 'quantity'],
      [7, 'unit_price'],
      [8, 'channel'],
      [9, 'payments'],
      [10, 'payments'],
    ]);
    expect(res.body.errors![0].message).toBe('quantity_shipped is 2 but the shipments hold 0 of TSHIRT-BLK-M');
    expect(res.body.errors![1].message).toMatch(/^status must be one of PENDING, /);
    expect(res.body.errors![4].message).toBe('Unknown SKU NO-SUCH-SKU');
    expect(res.body.errors![7].message).toBe('Unknown channel NOPE');
    expect(res.body.errors![8].message).toBe('payments add up to 999999, more than the total 1999');
    expect(await dataCounts(b)).toEqual(before);
  });

  test('a dry run of a valid file runs every write and rolls it back', async () => {
    const before = await dataCounts(b);
    const res = await importCsv(b, 'orders', example('orders.csv'), true);
    expect(res.body).toMatchObject({ dryRun: true, rows: 4, created: 3, errors: [] });
    expect(await dataCounts(b)).toEqual(before);
  });
});

describe('the example files in docs/data', () => {
  test('import cleanly, in order, and a second time only skip', async () => {
    for (const kind of ['products', 'customers', 'stock', 'orders']) {
      const res = await importCsv(b, kind, example(`${kind}.csv`), false);
      expect({ kind, errors: res.body.errors }).toEqual({ kind, errors: [] });
    }
    const [order] = await b.sql(
      `select o.status, o.payment_status, o.total_amount from "order" o where external_id = 'legacy-5001'`,
    );
    expect(order).toEqual({ status: 'DELIVERED', payment_status: 'PAID', total_amount: 4493 });
    // legacy-5002 carries the tax its channel charged: a rate alone (19 % of 19.99 → 3.80) and an amount with its rate.
    const taxed = await b.sql(
      `select o.subtotal_amount, o.tax_amount as order_tax, o.total_amount, l.sku, l.tax_amount, l.tax_rate
        from "order" o join order_line l on l.order_id = o.id where o.external_id = 'legacy-5002' order by l.line_no`,
    );
    expect(taxed).toEqual([
      {
        subtotal_amount: 3797,
        order_tax: 506,
        total_amount: 4303,
        sku: 'TSHIRT-BLK-L',
        tax_amount: 380,
        tax_rate: 1900,
      },
      { subtotal_amount: 3797, order_tax: 506, total_amount: 4303, sku: 'MUG-LOGO', tax_amount: 126, tax_rate: 700 },
    ]);
    const again = await importCsv(b, 'orders', example('orders.csv'), false);
    expect(again.body).toMatchObject({ rows: 4, created: 0, skipped: 3, errors: [] });
  });
});

describe('a failed row leaves nothing behind', () => {
  test('the orders around a failing one are created; the failing one has no order, line or customer', async () => {
    const header = example('orders.csv').split('\n')[0];
    const row = (ext: string, email: string, sku: string, lineNo = 1) =>
      `WEB,,${ext},PENDING,2025-04-01T10:00:00Z,${email},X,X,1 Road,Town,12345,DE,0,${lineNo},${sku},1,100,0,0,[],[],[],,,`; // tax_amount, tax_rate, tax_total empty
    const file = [
      header,
      row('p-1', 'p1@example.com', 'SKU-1'),
      row('p-2', 'p2@example.com', 'SKU-1'),
      row('p-2', 'p2@example.com', 'NO-SUCH', 2),
      row('p-3', 'p3@example.com', 'SKU-2'),
    ].join('\n');
    const res = await importCsv(b, 'orders', file, false);
    expect(res.body).toMatchObject({
      rows: 4,
      created: 2,
      errors: [{ line: 4, field: 'sku', message: 'Unknown SKU NO-SUCH' }],
    });
    expect(await b.sql(`select external_id from "order" where external_id like 'p-%' order by 1`)).toEqual([
      { external_id: 'p-1' },
      { external_id: 'p-3' },
    ]);
    expect(await b.sql(`select email from customer where email = 'p2@example.com'`)).toEqual([]);
  });

  test('rows of one order must be consecutive', async () => {
    const header = example('orders.csv').split('\n')[0];
    const row = (ext: string, lineNo: number, sku: string) =>
      `WEB,,${ext},PENDING,2025-04-01T10:00:00Z,q@example.com,X,X,1 Road,Town,12345,DE,0,${lineNo},${sku},1,100,0,0,[],[],[],,,`; // tax_amount, tax_rate, tax_total empty
    const res = await importCsv(
      b,
      'orders',
      [header, row('q-1', 1, 'SKU-1'), row('q-2', 1, 'SKU-1'), row('q-1', 2, 'SKU-2')].join('\n'),
      true,
    );
    expect(res.body.errors).toEqual([
      {
        line: 4,
        field: 'external_id',
        message: 'The rows of an order must be consecutive: this order started on line 2',
      },
    ]);
  });
});

describe('refusals', () => {
  test('401 without a token, 403 without DATA_IMPORT, nothing written', async () => {
    const before = await dataCounts(b);
    const none = await importCsv(b, 'products', example('products.csv'), false, null);
    expect(none.status).toBe(401);
    expect(none.body.error!.code).toBe('UNAUTHENTICATED');
    const key = await createKey(b, ['WEB'], ['DATA_EXPORT', 'PRODUCT_READ']);
    const refused = await importCsv(b, 'products', 'sku,name,price,currency\nX-1,X,1,EUR\n', false, key);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'FORBIDDEN', permission: 'DATA_IMPORT' });
    expect(await dataCounts(b)).toEqual(before);
  });

  test('bad requests: dryRun missing, wrong content type, unknown kind, bad header, broken CSV, too large', async () => {
    const bad = async (res: { status: number; body: ImportBody }, status: number, parameter?: string) => {
      expect(res.status).toBe(status);
      if (parameter) expect(res.body.error!.parameter).toBe(parameter);
    };
    await bad(await importCsv(b, 'products', 'sku\n', ''), 400, 'dryRun');
    await bad(await importCsv(b, 'products', 'sku\n', 'maybe'), 400, 'dryRun');
    await bad(await importCsv(b, 'products', '{}', true, b.token, 'application/json'), 415, 'content-type');
    await bad(await importCsv(b, 'invoices', 'x\n', true), 404);
    const header = await importCsv(b, 'products', 'sku,name,colour\nA,B,C\n', true);
    expect(header.body.errors).toEqual([
      {
        line: 1,
        field: 'colour',
        message: expect.stringMatching(/^Unknown column colour; products files have sku, name, price, currency/),
      },
      { line: 1, field: 'price', message: 'Missing column price' },
      { line: 1, field: 'currency', message: 'Missing column currency' },
    ]);
    const broken = await importCsv(b, 'products', 'sku,name,price,currency\nA,"B"x,1,EUR\n', true);
    expect(broken.status).toBe(400);
    expect(broken.body.error).toMatchObject({ code: 'BAD_REQUEST', line: 2 });
    const big = await importCsv(b, 'customers', 'email,name\n' + 'someone@example.com,Someone\n'.repeat(10_000), false);
    expect(big.status).toBe(413);
    expect(big.body.error!.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
