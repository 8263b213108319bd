/**
 * The typed partner client in examples/partner-client works against the real server: its
 * generated documents are what codegen makes from schema.graphql now, it type-checks, its main
 * places an order with a real API key and reads it back (what it prints and what the database
 * holds), its subscription sees the order arrive, and its webhook receiver verifies real
 * deliveries and refuses forged ones.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestServer, TestServer } from './harness';
import { createCatalog, placeOrder } from './builders';
import { createKey } from './access-helpers';
import { createEndpoint, FAST_WEBHOOKS } from './webhook-helpers';

const run = promisify(execFile);
const example = path.resolve(__dirname, '../../../examples/partner-client');
const bin = (name: string) => path.join(example, 'node_modules/.bin', name);
const tsNode = (script: string) => [process.execPath, ['-r', '@swc-node/register', `src/${script}`]] as const;

/** Runs a script of the example (main.ts: as `pnpm start` does) without blocking this process, where the server runs. */
async function script(
  file: string,
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(...tsNode(file), {
      cwd: example,
      env: { PATH: process.env.PATH ?? '', ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** A long-running script of the example (the subscription, the webhook receiver), its output read line by line. */
interface Running {
  child: ChildProcess;
  lines: string[];
  stderr: string[];
  exited: Promise<number | null>;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
}

const main = (env: Record<string, string>) => script('main.ts', env);

const running: Running[] = [];
function start(script: string, env: Record<string, string>): Running {
  const child = spawn(...tsNode(script), { cwd: example, env: { PATH: process.env.PATH ?? '', ...env } });
  const r: Running = {
    child,
    lines: [],
    stderr: [],
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
    async waitFor(pattern, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = r.lines.map((l) => pattern.exec(l)).find((m) => m);
        if (hit) return hit;
        if (Date.now() > deadline)
          throw new Error(`${script}: no line matching ${pattern} in ${JSON.stringify(r.lines)} ${r.stderr.join('')}`);
        await new Promise((res) => setTimeout(res, 50));
      }
    },
  };
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const parts = (buffered + chunk.toString('utf8')).split('\n');
    buffered = parts.pop()!;
    r.lines.push(...parts);
  });
  child.stderr!.on('data', (chunk: Buffer) => r.stderr.push(chunk.toString('utf8')));
  running.push(r);
  return r;
}

test('the generated documents are up to date with schema.graphql and the example type-checks (tsc --noEmit)', async () => {
  const outcome = async (file: string, args: string[]) =>
    run(file, args, { cwd: example, timeout: 120_000 }).then(
      () => ({ status: 0, output: '' }),
      (e: { code?: number; stdout?: string; stderr?: string }) => ({
        status: e.code,
        output: `${e.stdout}\n${e.stderr}`,
      }),
    );
  const [codegen, tsc] = await Promise.all([
    outcome(bin('graphql-codegen'), ['--config', 'codegen.ts', '--check']),
    outcome(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']),
  ]);
  expect({ codegen, tsc }).toEqual({ codegen: { status: 0, output: '' }, tsc: { status: 0, output: '' } });
}, 180_000);

describe('against a server', () => {
  let t: TestServer;
  let key: string;
  let keyPrefix: string;
  let env: Record<string, string>;
  let watcher: Running;
  let receiver: Running;
  let receiverUrl: string;

  beforeAll(async () => {
    t = await startTestServer({ config: FAST_WEBHOOKS });
    await createCatalog(t, {
      channels: [{ code: 'WEB' }],
      warehouses: [{ code: 'BER', priority: 1 }],
      products: [{ sku: 'TSHIRT-BLK-M', price: 1999 }],
      stock: { 'TSHIRT-BLK-M': { BER: 10 } },
    });
    const created = await createKey(t, {
      name: 'Example app',
      channelCodes: ['WEB'],
      permissions: ['ORDER_PLACE', 'ORDER_READ'],
    });
    key = created.secret;
    keyPrefix = created.prefix;
    env = { OMS_URL: t.url, OMS_API_KEY: key, OMS_CHANNEL: 'WEB', OMS_SKU: 'TSHIRT-BLK-M' };

    // The webhook receiver, on a port of its own choosing: the endpoint's secret comes first, its URL after.
    // (A staff endpoint may point at this machine in development, as FAST_WEBHOOKS allows; a key's never.)
    const { endpoint, secret } = await createEndpoint(t, {
      url: 'http://127.0.0.1:9/oms',
      eventTypes: ['order.placed'],
    });
    receiver = start('webhook-receiver.ts', { OMS_WEBHOOK_SECRET: secret, PORT: '0' });
    receiverUrl = `http://127.0.0.1:${(await receiver.waitFor(/^listening on :(\d+)$/))[1]}/oms`;
    const updated = await t.q(
      `mutation($i: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $i) { userErrors { message } } }`,
      { i: { id: endpoint.id, url: receiverUrl } },
    );
    expect(updated.updateWebhookEndpoint.userErrors).toEqual([]);

    // The subscription resumes after an order placed before it started: it misses nothing placed after, however
    // long it takes to connect.
    const before = await placeOrder(t, { channelCode: 'WEB', lines: [{ sku: 'TSHIRT-BLK-M', quantity: 1 }] });
    const [{ id: after }] = await t.sql(
      `select id from domain_event where aggregate_id = $1 and type = 'order.placed'`,
      [before.order.id],
    );
    watcher = start('watch-orders.ts', { OMS_WS_URL: t.wsUrl, OMS_API_KEY: key, OMS_CHANNEL: 'WEB', OMS_AFTER: after });
  });
  afterAll(async () => {
    for (const r of running) {
      r.child.kill();
      await r.exited;
    }
    await t?.stop();
  });

  test('main places an order with the API key, reads it back and prints both; the order is in the database', async () => {
    const r = await main({ ...env, OMS_EXTERNAL_ID: 'example-1' });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const [placedLine, readLine, ...rest] = r.stdout.trimEnd().split('\n');
    expect(rest).toEqual([]);
    const number = /^Placed order (\S+) \(PENDING\), total 44\.93 EUR$/.exec(placedLine)?.[1];
    expect({ placedLine, number: expect.any(String) }).toEqual({ placedLine, number });
    expect(readLine.startsWith('Read back: ')).toBe(true);
    const read = JSON.parse(readLine.slice('Read back: '.length));
    expect(read).toMatchObject({
      number,
      externalId: 'example-1',
      status: 'PENDING',
      total: { amount: 2 * 1999 + 495, currency: 'EUR' },
      lines: [{ sku: 'TSHIRT-BLK-M', quantity: 2, unitPrice: { amount: 1999 } }],
    });

    const rows = await t.sql(
      `select o.id, o.number, o.status, c.code as channel, l.sku, l.quantity from "order" o
       join channel c on c.id = o.channel_id join order_line l on l.order_id = o.id where o.external_id = $1`,
      ['example-1'],
    );
    expect(rows).toEqual([
      { id: read.id, number, status: 'PENDING', channel: 'WEB', sku: 'TSHIRT-BLK-M', quantity: 2 },
    ]);
    // Placed by the key, as its history says.
    expect(await t.sql(`select actor from order_history where order_id = $1 and type = 'PLACED'`, [read.id])).toEqual([
      { actor: `key:Example app (${keyPrefix})` },
    ]);

    // The subscription saw it arrive (and only after the order it resumed from), and the receiver verified its delivery.
    await watcher.waitFor(new RegExp(`order ${number}: PLACED -> PENDING \\(event [0-9a-f-]+\\)$`));
    expect(watcher.lines).toHaveLength(1);
    // (The order placed before the subscription started is delivered too: the endpoint existed then.)
    const delivered = await receiver.waitFor(
      new RegExp(` order\\.placed event [0-9a-f-]+: (.*"orderId":"${read.id}".*)$`),
    );
    expect(JSON.parse(delivered[1])).toMatchObject({ orderId: read.id });
  });

  test('main again with the same externalId gets the same order back: one order in the database', async () => {
    const r = await main({ ...env, OMS_EXTERNAL_ID: 'example-1' });
    expect(r.code).toBe(0);
    const [row] = await t.sql(`select number from "order" where external_id = 'example-1'`);
    expect(r.stdout).toContain(`Placed order ${row.number} (PENDING)`);
    expect(await t.sql(`select count(*)::int as n from "order" where external_id = 'example-1'`)).toEqual([{ n: 1 }]);
  });

  test("list-orders pages through every order of the key's channel, one order per page", async () => {
    const r = await script('list-orders.ts', { ...env, OMS_PAGE_SIZE: '1' });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const listed = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => l.split(' ').slice(0, 2));
    const stored = await t.sql<{ number: string; status: string }>(
      `select o.number, o.status from "order" o join channel c on c.id = o.channel_id where c.code = 'WEB'`,
    );
    expect(stored.length).toBeGreaterThanOrEqual(2);
    expect(listed.sort()).toEqual(stored.map((o) => [o.number, o.status]).sort());
  });

  test('an unknown SKU: main prints the userError naming the field, exits 1, and no order is placed', async () => {
    const before = await t.sql(`select count(*)::int as n from "order"`);
    const r = await main({ ...env, OMS_SKU: 'NO-SUCH-SKU', OMS_EXTERNAL_ID: 'example-2' });
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(/^INVALID_INPUT at input\.lines\.0\.sku: .*NO-SUCH-SKU/);
    expect(await t.sql(`select count(*)::int as n from "order"`)).toEqual(before);
  });

  test('a key without ORDER_PLACE: main reports FORBIDDEN, exits 1, and nothing is placed', async () => {
    const readOnly = await createKey(t, { channelCodes: ['WEB'], permissions: ['ORDER_READ'] });
    const r = await main({ ...env, OMS_API_KEY: readOnly.secret, OMS_EXTERNAL_ID: 'example-3' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^FORBIDDEN: /);
    expect(await t.sql(`select count(*)::int as n from "order" where external_id = 'example-3'`)).toEqual([{ n: 0 }]);
  });

  test('the webhook receiver refuses a body that is not what was signed, and a request without signature headers', async () => {
    const seen = receiver.lines.length;
    const body = JSON.stringify({ id: '999', type: 'order.placed', occurredAt: new Date().toISOString(), data: {} });
    const forged = await fetch(receiverUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': '999',
        'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
        'webhook-signature': `v1,${Buffer.alloc(32).toString('base64')}`,
      },
      body,
    });
    const unsigned = await fetch(receiverUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect([forged.status, unsigned.status]).toEqual([401, 401]);
    expect(receiver.lines.length).toBe(seen);
  });

  test('a subscription with a wrong key is refused with UNAUTHENTICATED: the watcher exits 1 and does not retry', async () => {
    const wrong = start('watch-orders.ts', { OMS_WS_URL: t.wsUrl, OMS_API_KEY: 'omsk_wrong', OMS_CHANNEL: 'WEB' });
    expect(await wrong.exited).toBe(1);
    expect(wrong.stderr.join('')).toMatch(/^UNAUTHENTICATED: /);
  });
});
