/**
 * DATABASE_READ_URL against a real streaming replica: a throwaway primary and a hot standby made
 * with pg_basebackup (test/replica-cluster.ts), never the machine's cluster. With replay paused on
 * the standby, what the primary has and the standby lacks shows where each read was answered:
 * lists, reports and exports from the replica; mutations, their payloads and single-order reads
 * from the primary. Skipped, with the reason printed, where no PostgreSQL binaries are installed.
 */
import { Client } from 'pg';
import { loadConfig } from '../src/config/config';
import { adjustStock, placeOrder } from './builders';
import { csvRows, exportText } from './data-helpers';
import { startTestServer, TestServer } from './harness';
import { operation, Query, Select } from './support/select';
import { standardCatalog } from './order-helpers';
import { replicaBinaries, ReplicaPair, startReplicaPair, waitForReplay } from './replica-cluster';

test('DATABASE_READ_URL takes a comma-separated list and names itself when an entry is not a PostgreSQL URL', () => {
  expect(loadConfig({}).databaseReadUrls).toEqual([]);
  expect(loadConfig({ DATABASE_READ_URL: 'postgres://a@r1:5432/oms, postgresql://a@r2/oms' }).databaseReadUrls).toEqual(
    ['postgres://a@r1:5432/oms', 'postgresql://a@r2/oms'],
  );
  expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://a@r1/oms,replica-2' })).toThrow(
    'DATABASE_READ_URL: entry 2 is not a URL',
  );
  expect(() => loadConfig({ DATABASE_READ_URL: 'mysql://secret@r1/oms' })).toThrow(
    /DATABASE_READ_URL: entry 1 must start with postgres:\/\//,
  );
  // The password of a URL is never echoed.
  expect(() => loadConfig({ DATABASE_READ_URL: 'mysql://user:hunter2@r1/oms' })).toThrow(
    expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
  );
});

const binaries = replicaBinaries();
if ('skip' in binaries) {
  console.warn(`replica.e2e: the streaming-replica tests are skipped: ${binaries.skip}`);
}
/** `test`, or `test.skip` where no replica pair can be made here. */
const replicaTest = 'skip' in binaries ? test.skip : test;

let pair: ReplicaPair | undefined;
let t: TestServer;
let replica: Client;
let primary: Client;
let replicaDbUrl: string;

async function connect(url: string) {
  const c = new Client({ connectionString: url });
  c.on('error', () => undefined); // the replica is stopped on purpose in one test
  await c.connect();
  return c;
}

const withDb = (url: string, db: string) => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
};

beforeAll(async () => {
  if ('skip' in binaries) return;
  pair = await startReplicaPair(binaries.binDir);
  t = await startTestServer({
    baseUrl: pair.primaryUrl,
    replicaUrl: pair.replicaUrl,
    config: { metricsToken: METRICS_TOKEN },
  });
  const db = new URL(t.databaseUrl).pathname.slice(1);
  await waitForReplay(pair.primaryUrl, pair.replicaUrl);
  replicaDbUrl = withDb(pair.replicaUrl, db);
  replica = await connect(replicaDbUrl);
  primary = await connect(withDb(pair.primaryUrl, db));
}, 180_000);

afterAll(async () => {
  await replica?.end();
  await primary?.end();
  await t?.stop();
  await pair?.stop();
}, 120_000);

const METRICS_TOKEN = 'replica-test-metrics';
/** The replica gauges of a /metrics scrape: { up, lag }. */
async function replicaMetrics() {
  await new Promise((r) => setTimeout(r, 600)); // past the half-second cache of the replica gauges
  const res = await fetch(t.url.replace(/\/graphql$/, '/metrics'), {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  const text = await res.text();
  const value = (name: string) => {
    const m = new RegExp(`^${name}\\{replica="read-1"\\} (\\S+)$`, 'm').exec(text);
    return m ? Number(m[1]) : undefined;
  };
  const pool = /^oms_db_pool_max\{pool="read-1"\} (\S+)$/m.exec(text);
  return {
    up: value('oms_db_replica_up'),
    lag: value('oms_db_replica_lag_seconds'),
    poolMax: pool ? Number(pool[1]) : undefined,
  };
}

const ORDERS = operation<
  Select<
    Query,
    { orders: { totalCount: true; nodes: { id: true; number: true; lines: { sku: true; quantity: true } } } }
  >
>(`query($first: Int) { orders(first: $first) { totalCount nodes { id number lines { sku quantity } } } }`);
const ORDER = operation<
  Select<Query, { order: { id: true; number: true; status: true; lines: { sku: true; quantity: true } } }>
>(`query($id: ID!) { order(id: $id) { id number status lines { sku quantity } } }`);
const STOCK = operation<
  Select<
    Query,
    { stock: { nodes: { sku: true; warehouse: { code: true }; onHand: true; reserved: true; available: true } } }
  >
>(`{ stock(first: 50) { nodes { sku warehouse { code } onHand reserved available } } }`);
const INVENTORY = operation<
  Select<Query, { inventoryReport: { warehouses: { warehouseCode: true; onHand: true; reserved: true } } }>
>(
  `query($filter: ReportFilter!) { inventoryReport(filter: $filter) { warehouses { warehouseCode onHand reserved } } }`,
);
const today = () => {
  const from = new Date();
  from.setUTCHours(0, 0, 0, 0);
  return { filter: { from: from.toISOString(), to: new Date(from.getTime() + 86_400_000).toISOString() } };
};

async function pauseReplay() {
  await replica.query('select pg_wal_replay_pause()');
  // Paused once the startup process has stopped replaying, not when asked.
  for (let i = 0; i < 200; i++) {
    const {
      rows: [r],
    } = await replica.query('select pg_get_wal_replay_pause_state() as state');
    if (r.state === 'paused') return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('replay did not pause');
}

async function resumeReplay() {
  await replica.query('select pg_wal_replay_resume()');
  await waitForReplay(pair!.primaryUrl, pair!.replicaUrl);
}

replicaTest(
  'with replay paused, an order just placed is in its payload and by id, but not yet in the order list, the stock list, the report or the export; after replay it is',
  async () => {
    await standardCatalog(t);
    const first = await placeOrder(t, { externalId: 'before-pause' });
    expect(first.userErrors).toEqual([]);
    await waitForReplay(pair!.primaryUrl, pair!.replicaUrl);
    const before = await t.q(ORDERS, { first: 10 });
    expect(before.orders.nodes.map((o) => o.number)).toEqual([first.order.number]);
    expect(before.orders.nodes[0].lines).toEqual([{ sku: 'SKU-1', quantity: 1 }]);

    await pauseReplay();
    try {
      // A mutation writes to the primary and answers from it: the standby refuses writes, so the
      // order being placed at all shows it went to the primary.
      const second = await placeOrder(t, { externalId: 'during-pause', lines: [{ sku: 'SKU-1', quantity: 2 }] });
      expect(second.userErrors).toEqual([]);
      expect(second.order.lines.map((l) => [l.sku, l.quantity])).toEqual([['SKU-1', 2]]);
      const adjusted = await adjustStock(t, 'SKU-2', 'WH1', 5, 'delivery during the pause');
      expect(adjusted).toEqual({ stockLevel: { onHand: 1005, reserved: 0, available: 1005 }, userErrors: [] });
      // A single order by id reads the primary (a client opening the order it just placed finds it).
      expect((await t.q(ORDER, { id: second.order.id })).order).toMatchObject({
        number: second.order.number,
        status: 'PENDING',
        lines: [{ sku: 'SKU-1', quantity: 2 }],
      });

      // In the database: the primary has it, the standby does not yet.
      expect((await primary.query('select count(*)::int as n from "order"')).rows[0].n).toBe(2);
      expect((await replica.query('select count(*)::int as n from "order"')).rows[0].n).toBe(1);

      // What the replica answers: the list, its count, the stock list, the report, the export.
      const during = await t.q(ORDERS, { first: 10 });
      expect(during.orders.totalCount).toBe(1);
      expect(during.orders.nodes.map((o) => o.number)).toEqual([first.order.number]);
      const stock = (await t.q(STOCK)).stock.nodes.map((s) => [s.sku, s.onHand, s.reserved]);
      expect(stock).toEqual([
        ['SKU-1', 1000, 1],
        ['SKU-2', 1000, 0],
      ]);
      const report = (await t.q(INVENTORY, today())).inventoryReport;
      expect(report.warehouses).toEqual([{ warehouseCode: 'WH1', onHand: 2000, reserved: 1 }]);
      const exported = await exportText(t, '/export/orders.csv');
      expect(exported.status).toBe(200);
      expect([...new Set(csvRows(exported.text).map((r) => r.external_id))]).toEqual(['before-pause']);

      // /metrics: the replica is up and behind (it has received WAL it has not replayed).
      const behind = await replicaMetrics();
      expect(behind.up).toBe(1);
      expect(behind.lag).toBeGreaterThan(0);
      expect(behind.poolMax).toBe(20); // the replica's ORM pool, as large as the primary's (OMS_DB_POOL_MAX)
    } finally {
      await resumeReplay();
    }

    const after = await t.q(ORDERS, { first: 10 });
    expect(after.orders.totalCount).toBe(2);
    expect(after.orders.nodes.map((o) => o.lines)).toEqual([
      [{ sku: 'SKU-1', quantity: 2 }],
      [{ sku: 'SKU-1', quantity: 1 }],
    ]);
    expect((await t.q(STOCK)).stock.nodes.map((s) => [s.sku, s.onHand, s.reserved])).toEqual([
      ['SKU-1', 1000, 3],
      ['SKU-2', 1005, 0],
    ]);
    expect((await t.q(INVENTORY, today())).inventoryReport.warehouses).toEqual([
      { warehouseCode: 'WH1', onHand: 2005, reserved: 3 },
    ]);
    expect(
      [...new Set(csvRows((await exportText(t, '/export/orders.csv')).text).map((r) => r.external_id))].sort(),
    ).toEqual(['before-pause', 'during-pause']);
  },
  120_000,
);

replicaTest(
  'with the replica down, orders are still placed on the primary, lists and exports answer 503 SERVICE_UNAVAILABLE and /metrics says so; back up, it catches up',
  async () => {
    await replica.end();
    pair!.stopReplica();
    try {
      const placed = await placeOrder(t, { externalId: 'replica-down' });
      expect(placed.userErrors).toEqual([]);
      expect(
        (await primary.query('select count(*)::int as n from "order" where external_id = $1', ['replica-down'])).rows[0]
          .n,
      ).toBe(1);
      const list = await t.gql(ORDERS, { first: 10 });
      expect(list.status).toBe(503);
      expect(list.body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(JSON.stringify(list.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|select/i);
      const exported = await exportText(t, '/export/orders.csv');
      expect(exported.status).toBe(503);
      expect(exported.text).toContain('SERVICE_UNAVAILABLE');
      expect((await replicaMetrics()).up).toBe(0);
    } finally {
      await pair!.startReplica();
      replica = await connect(replicaDbUrl);
    }
    await waitForReplay(pair!.primaryUrl, pair!.replicaUrl);
    const after = await t.q(ORDERS, { first: 10 });
    expect(after.orders.nodes.map((o) => o.number)).toContain(
      (await primary.query('select number from "order" where external_id = $1', ['replica-down'])).rows[0].number,
    );
    const back = await replicaMetrics();
    expect(back.up).toBe(1);
    expect(back.lag).toBeGreaterThanOrEqual(0);
  },
  120_000,
);
