/**
 * Graceful shutdown: readiness turns 503 first, new requests are refused (503, Connection: close),
 * a request in flight still finishes, WebSocket clients are closed with 1012 (Service Restart),
 * then the job workers and the pools stop. In process (server.stop()), and as an OS process
 * receiving SIGTERM, which exits 0 within OMS_SHUTDOWN_TIMEOUT_SECONDS.
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import { Client } from 'pg';
import WebSocket from 'ws';
import { freePort } from '../src/config/embedded-postgres';
import { placeOrder } from './builders';
import { settle, startTestServer, TestServer, WsClose } from './harness';
import { baseUrl, standardCatalog } from './order-helpers';

jest.setTimeout(120_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CONFIRM = 'mutation($id: ID!) { confirmOrder(id: $id) { order { id status } userErrors { code } } }';

/** Holds the order's row lock from SQL: the server's confirmOrder waits for it. */
async function lockOrder(databaseUrl: string, orderId: string) {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  await c.query('begin');
  await c.query('select id from "order" where id = $1 for update', [orderId]);
  return {
    release: async () => {
      await c.query('commit');
      await c.end();
    },
  };
}

async function waitUntilBlocked(t: TestServer) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const rows = await t.sql(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if (rows[0].n > 0) return;
    await sleep(50);
  }
  throw new Error('the request never waited for the lock');
}

function openSocket(wsUrl: string, token: string) {
  const closes: { code: number; reason: string }[] = [];
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
  });
  client.on('closed', (e) => closes.push({ code: (e as WsClose).code, reason: (e as WsClose).reason }));
  client.subscribe(
    { query: 'subscription { orderUpdated(channelCode: "WEB") { order { id } } }' },
    { next: () => undefined, error: () => undefined, complete: () => undefined },
  );
  return { client, closes };
}

describe('in process: server.stop()', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ config: { shutdownTimeoutSeconds: 30 } });
    await standardCatalog(t);
  });
  afterAll(() => t?.stop());

  test('readiness 503 and new requests refused while a request in flight finishes; then WebSockets get 1012', async () => {
    const { order } = await placeOrder(t);
    const socket = openSocket(t.wsUrl, t.token);
    await settle();
    const seen: string[] = [];

    const lock = await lockOrder(t.databaseUrl, order.id);
    const inFlight = t.gql(CONFIRM, { id: order.id }).then((r) => {
      seen.push('in-flight request answered');
      return r;
    });
    await waitUntilBlocked(t);

    const stopped = t.server.stop().then(() => seen.push('stopped'));
    await sleep(100);

    const ready = await fetch(`${baseUrl(t)}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { status: string }).status).toBe('stopping');
    expect((await fetch(`${baseUrl(t)}/healthz`)).status).toBe(200);

    const refused = await t.gql('{ me { email } }');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('connection')).toBe('close');
    expect(refused.body.errors![0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(socket.closes).toEqual([]); // sockets wait for the requests in flight

    seen.push('lock released');
    await lock.release();
    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(answered.body.data.confirmOrder).toEqual({ order: { id: order.id, status: 'CONFIRMED' }, userErrors: [] });

    await stopped;
    expect(socket.closes).toEqual([{ code: 1012, reason: 'Service Restart' }]);
    expect(seen).toEqual(['lock released', 'in-flight request answered', 'stopped']);
    await socket.client.dispose();

    const c = new Client({ connectionString: t.databaseUrl });
    await c.connect();
    expect((await c.query('select status from "order" where id = $1', [order.id])).rows).toEqual([
      { status: 'CONFIRMED' },
    ]);
    await c.end();
  });
});

describe('as an OS process: SIGTERM', () => {
  let t: TestServer;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    // Only for its database (migrated, with an admin) and its SQL client; the process under test is a child.
    t = await startTestServer();
    await standardCatalog(t);
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await t?.stop();
  });

  async function launch(extraEnv: Record<string, string> = {}) {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      // NODE_ENV as in production: jest's "test" switches off behaviour (Apollo's own signal handlers) that production has.
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: t.databaseUrl,
      LOG_LEVEL: 'info',
      OMS_SEED: 'none',
      OMS_ADMIN_EMAIL: 'admin@test.local',
      OMS_ADMIN_PASSWORD: 'correct horse battery staple',
      ...extraEnv,
    };
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: path.resolve(__dirname, '..'),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`exited early:\n${stdout}\n${stderr}`);
      if (Date.now() > deadline) throw new Error(`not ready:\n${stdout}\n${stderr}`);
      if (
        await fetch(`http://127.0.0.1:${port}/readyz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await sleep(200);
    }
    return { child, port, exited, stdout: () => stdout, stderr: () => stderr };
  }

  const logLines = (text: string) =>
    text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));

  test('SIGTERM with a WebSocket client open: 1012 to the client, every step logged as JSON, exit 0', async () => {
    const p = await launch({ OMS_SHUTDOWN_TIMEOUT_SECONDS: '10' });
    const socket = openSocket(`ws://127.0.0.1:${p.port}/graphql`, t.token);
    await settle(300);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(socket.closes).toEqual([{ code: 1012, reason: 'Service Restart' }]);
    await socket.client.dispose();
    expect(p.stderr()).toBe('');
    const messages = logLines(p.stdout()).map((l) => l.msg);
    expect(messages).toEqual(expect.arrayContaining(['shutting down', 'shutdown: server stopped', 'stopped']));
  });

  test('SIGTERM while a request cannot finish: the rest is forced at OMS_SHUTDOWN_TIMEOUT_SECONDS and the process still exits', async () => {
    const p = await launch({ OMS_SHUTDOWN_TIMEOUT_SECONDS: '3' });
    const { order } = await placeOrder(t);
    const lock = await lockOrder(t.databaseUrl, order.id);
    const pending = fetch(`http://127.0.0.1:${p.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.token}` },
      body: JSON.stringify({ query: CONFIRM, variables: { id: order.id } }),
    }).then(
      (r) => r.status,
      () => 'cut',
    );
    await waitUntilBlocked(t);
    p.child.kill('SIGTERM');
    const code = await p.exited;
    await lock.release();
    expect(code).toBe(0);
    // The request that could not finish was cut off (or answered with an error), not left hanging.
    expect(await pending).not.toBe(200);
    expect(p.stderr()).toBe('');
    const messages = logLines(p.stdout()).map((l) => l.msg);
    expect(messages).toContain('shutting down');
    expect(messages).toContain('shutdown: deadline passed, closed the remaining connections');
    expect(logLines(p.stdout()).find((l) => l.msg === 'shutdown: server stopped')).toMatchObject({ timedOut: true });
  });
});
