/**
 * OMS_WORKERS=2: the launcher (src/main.ts) as an OS process that forks two workers sharing the
 * port. What a user and an operator observe: requests answered by both workers, a subscription
 * on one worker seeing a change made through the other, one rate limit and one sign-out for all
 * workers, a killed worker replaced, SIGTERM stopping every process with exit 0, the embedded
 * PostgreSQL stopped only after the workers, and a clear error for a bad OMS_WORKERS.
 *
 * Which worker answered is read from the metrics (each series has a `worker` label): the cluster
 * hands new connections to the workers in turn, so every request here opens a connection of its own.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { parseWorkers } from '../src/config/config';
import { freePort } from '../src/config/embedded-postgres';
import { userWithRole } from './access-helpers';
import { placeOrder } from './builders';
import { ADMIN, startTestServer, TestServer, WsClose } from './harness';
import type { GqlBody, Select, Subscription } from './support/select';
import { standardCatalog } from './order-helpers';

jest.setTimeout(180_000);

const serverDir = path.resolve(__dirname, '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const RATE_LIMIT = 20;
const METRICS_TOKEN = 'workers-test-metrics-token';

interface Launched {
  child: ChildProcess;
  port: number;
  metricsPort: number;
  exited: Promise<number | null>;
  stdout: () => string;
  stderr: () => string;
}

/** A pino line of the launcher or a worker (pino writes pid, level and msg on every line). */
interface LogLine {
  msg: string;
  pid: number;
  level: number;
  worker?: number;
  code?: number | null;
  [field: string]: unknown;
}
const logLines = (text: string): LogLine[] =>
  text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
/** Pids of the processes whose parent is `pid` (Linux /proc). */
const childrenOf = (pid: number) =>
  fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid ? [Number(d)] : [];
      } catch {
        return [];
      }
    });

async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined | false> | T | undefined | false,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

const launched: ChildProcess[] = [];

async function launch(env: Record<string, string | undefined>, options: { ready?: boolean } = {}): Promise<Launched> {
  const [port, metricsPort] = [await freePort(), await freePort()];
  const full: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    LOG_LEVEL: 'info',
    OMS_SEED: 'none',
    OMS_METRICS_PORT: String(metricsPort),
    OMS_METRICS_TOKEN: METRICS_TOKEN,
    ...env,
  };
  for (const [k, v] of Object.entries(full)) if (v === undefined) delete full[k];
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: serverDir,
    env: full,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  launched.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  // 'close': the process has exited and its output (the workers' too) has been read to the end.
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const l = { child, port, metricsPort, exited, stdout: () => stdout, stderr: () => stderr };
  if (options.ready === false) return l;
  await waitFor(
    `the cluster to be up:\n${stdout}\n${stderr}`,
    () => {
      if (child.exitCode !== null) throw new Error(`exited early:\n${stdout}\n${stderr}`);
      return logLines(stdout).some((line) => /^OMS is up/.test(line.msg));
    },
    150_000,
  );
  return l;
}

afterAll(() => {
  for (const c of launched) if (c.exitCode === null) c.kill('SIGKILL');
});

/** One request on a connection of its own (so the cluster hands it to the next worker). */
function request(port: number, method: string, urlPath: string, body?: unknown, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: urlPath,
        agent: false,
        headers: {
          ...(data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {}),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function gql<T = unknown>(port: number, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const r = await request(
    port,
    'POST',
    '/graphql',
    { query, variables },
    token ? { authorization: `Bearer ${token}` } : {},
  );
  return { status: r.status, ...(JSON.parse(r.body) as GqlBody<T>) };
}

type Me = { me: { email: string } | null };

/** The value of every series of `name` (with `labels` among its labels) by worker, from the metrics port. */
async function byWorker(
  metricsPort: number,
  name: string,
  labels: Record<string, string> = {},
): Promise<Record<string, number>> {
  const text = (await request(metricsPort, 'GET', '/metrics')).body;
  const found: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const m = /^(\w+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const l = Object.fromEntries([...m[2].matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (!Object.entries(labels).every(([k, v]) => l[k] === v)) continue;
    found[l.worker] = (found[l.worker] ?? 0) + Number(m[3]);
  }
  return found;
}

function subscriber(port: number, token: string) {
  const updates: { id: string; status: string }[] = [];
  const closes: { code: number; reason: string }[] = [];
  const client = createClient({
    url: `ws://127.0.0.1:${port}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
  });
  client.on('closed', (e) => closes.push({ code: (e as WsClose).code, reason: (e as WsClose).reason }));
  client.subscribe<Select<Subscription, { orderUpdated: { order: { id: true; status: true } } }>>(
    { query: 'subscription { orderUpdated(channelCode: "WEB") { order { id status } } }' },
    {
      next: (r) => r.data && updates.push(r.data.orderUpdated.order),
      error: () => undefined,
      complete: () => undefined,
    },
  );
  return { client, updates, closes };
}

describe('parsing OMS_WORKERS', () => {
  test('unset is 1, "auto" is one per core, a number is that many; anything else names the variable', () => {
    expect(parseWorkers(undefined)).toBe(1);
    expect(parseWorkers('')).toBe(1);
    expect(parseWorkers('3')).toBe(3);
    expect(parseWorkers('auto', () => 6)).toBe(6);
    expect(parseWorkers('auto')).toBe(os.availableParallelism());
    for (const bad of ['0', '-1', '1.5', 'two', '2x'])
      expect(() => parseWorkers(bad)).toThrow(
        `OMS_WORKERS must be "auto" or a whole number of processes from 1 up, got "${bad}"`,
      );
  });

  test('a bad OMS_WORKERS stops the start with one clear line naming it, and no process is left', async () => {
    const l = await launch(
      { OMS_WORKERS: 'many', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
      { ready: false },
    );
    expect(await l.exited).toBe(1);
    expect(l.stderr()).toContain('OMS_WORKERS must be "auto" or a whole number of processes from 1 up, got "many"');
    expect(l.stderr()).not.toMatch(/\n\s+at /); // no stack trace
    expect(childrenOf(l.child.pid!)).toEqual([]);
  });
});

test('a port in use stops the start with one clear line before any worker starts', async () => {
  const taken = net.createServer();
  await new Promise<void>((resolve) => taken.listen(0, '0.0.0.0', resolve));
  const port = (taken.address() as net.AddressInfo).port;
  try {
    const l = await launch(
      { OMS_WORKERS: '2', DATABASE_URL: process.env.DATABASE_URL, PORT: String(port) },
      { ready: false },
    );
    expect(await l.exited).toBe(1);
    expect(l.stderr().trim()).toBe(
      `OMS could not start: Port ${port} is already in use.\nWhat to do: Stop what listens there, or set PORT to another port.`,
    );
    expect(logLines(l.stdout()).some((x) => x.msg === 'worker serving' || x.msg === 'starting 2 workers')).toBe(false);
  } finally {
    taken.close();
  }
});

describe('OMS_WORKERS=2 on a database of its own', () => {
  let t: TestServer;
  let c: Launched;
  let pids: number[];

  beforeAll(async () => {
    // The in-process server only makes the database (migrated, with the admin) and the catalogue; the cluster is the child.
    t = await startTestServer();
    await standardCatalog(t);
    c = await launch({
      OMS_WORKERS: '2',
      DATABASE_URL: t.databaseUrl,
      OMS_ADMIN_EMAIL: ADMIN.email,
      OMS_ADMIN_PASSWORD: ADMIN.password,
      OMS_RATE_LIMIT_REQUESTS: String(RATE_LIMIT),
    });
    pids = logLines(c.stdout())
      .filter((l) => l.msg === 'worker serving')
      .map((l) => l.pid);
  });
  afterAll(async () => {
    if (c?.child.exitCode === null) c.child.kill('SIGKILL');
    await t?.stop();
  });

  test('two worker processes, children of the launcher, both answer requests on the one port', async () => {
    expect(pids).toHaveLength(2);
    expect(childrenOf(c.child.pid!).sort()).toEqual([...pids].sort());
    for (let i = 0; i < 6; i++) expect((await request(c.port, 'GET', '/readyz')).status).toBe(200);
    const answered = await byWorker(c.metricsPort, 'oms_http_request_duration_seconds_count', { route: '/readyz' });
    expect(Object.keys(answered).sort()).toEqual(['1', '2']);
    expect(answered['1'] + answered['2']).toBeGreaterThanOrEqual(6);
    // /metrics on the main port shows every worker, whichever worker takes the scrape.
    for (let i = 0; i < 2; i++) {
      const scrape = await request(c.port, 'GET', '/metrics', undefined, { authorization: `Bearer ${METRICS_TOKEN}` });
      expect(scrape.status).toBe(200);
      expect(scrape.body).toMatch(/oms_ws_connections\{worker="1"\}/);
      expect(scrape.body).toMatch(/oms_ws_connections\{worker="2"\}/);
    }
  });

  test('a subscription on one worker sees a change made through the other', async () => {
    const viewer = await userWithRole(t, 'ADMIN', 'watcher');
    const { order } = await placeOrder(t);
    const subs = [0, 1, 2, 3].map(() => subscriber(c.port, viewer.token));
    // Subscriptions on both workers (connections go to the workers in turn).
    const spread = await waitFor('subscriptions on both workers', async () => {
      const s = await byWorker(c.metricsPort, 'oms_ws_subscriptions');
      return s['1'] >= 1 && s['2'] >= 1 && s['1'] + s['2'] === 4 && s;
    });
    expect(spread['1'] + spread['2']).toBe(4);
    const confirmed = await gql<{ confirmOrder: unknown }>(
      c.port,
      'mutation($id: ID!) { confirmOrder(id: $id) { order { status } userErrors { code } } }',
      { id: order.id },
      viewer.token,
    );
    expect(confirmed.data!.confirmOrder).toEqual({ order: { status: 'CONFIRMED' }, userErrors: [] });
    await waitFor('the update on every subscription', () =>
      subs.every((s) => s.updates.some((u) => u.id === order.id && u.status === 'CONFIRMED')),
    );
    for (const s of subs)
      expect(s.updates.filter((u) => u.id === order.id)).toEqual([{ id: order.id, status: 'CONFIRMED' }]);
    await Promise.all(subs.map((s) => s.client.dispose()));
  });

  test('the rate limit is one budget for all workers', async () => {
    const user = await userWithRole(t, 'VIEWER', 'busy script');
    const probe = 'query RateProbe { me { email } }';
    for (let i = 0; i < RATE_LIMIT; i++) {
      const r = await gql<Me>(c.port, probe, {}, user.token);
      expect({ i, status: r.status, me: r.data?.me }).toEqual({ i, status: 200, me: { email: user.email } });
    }
    // Both workers counted into it...
    const served = await byWorker(c.metricsPort, 'oms_graphql_operation_duration_seconds_count', {
      operation: 'RateProbe',
    });
    expect(served['1']).toBeGreaterThan(0);
    expect(served['2']).toBeGreaterThan(0);
    // ... and now neither lets the user through: each refuses with 429 RATE_LIMITED.
    for (let i = 0; i < 4; i++) {
      const r = await gql(c.port, probe, {}, user.token);
      expect(r.status).toBe(429);
      expect(r.errors![0].extensions!.code).toBe('RATE_LIMITED');
    }
    const refused = await byWorker(c.metricsPort, 'oms_graphql_operation_duration_seconds_count', {
      operation: 'RateProbe',
      outcome: 'RATE_LIMITED',
    });
    expect(Object.keys(refused).sort()).toEqual(['1', '2']);
    // Another user keeps its own budget.
    const other = await userWithRole(t, 'VIEWER', 'quiet script');
    expect((await gql<Me>(c.port, probe, {}, other.token)).data!.me).toEqual({ email: other.email });
  });

  test('signing out on one worker ends the token on every worker, WebSockets included', async () => {
    const user = await userWithRole(t, 'SUPPORT', 'leaving colleague');
    const subs = [0, 1, 2, 3].map(() => subscriber(c.port, user.token));
    await waitFor('their subscriptions on both workers', async () => {
      const s = await byWorker(c.metricsPort, 'oms_ws_subscriptions');
      return s['1'] >= 1 && s['2'] >= 1 && s['1'] + s['2'] === 4;
    });
    for (let i = 0; i < 2; i++)
      expect((await gql<Me>(c.port, '{ me { email } }', {}, user.token)).data!.me).toEqual({ email: user.email });
    const out = await gql(c.port, 'mutation { logout }', {}, user.token);
    expect(out.data).toEqual({ logout: true });
    for (let i = 0; i < 4; i++) {
      const r = await gql(c.port, '{ me { email } }', {}, user.token);
      expect(r.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
    await waitFor('every WebSocket of the token closed', () => subs.every((s) => s.closes.length > 0));
    for (const s of subs) expect(s.closes[0].code).toBe(4403);
    expect(
      await t.sql('select revoked_at is not null as revoked from user_session where user_id = $1', [user.id]),
    ).toEqual([{ revoked: true }]);
    await Promise.all(subs.map((s) => s.client.dispose()));
  });

  test('a killed worker is replaced, and the replacement serves', async () => {
    const [victim, survivor] = pids;
    process.kill(victim, 'SIGKILL');
    const replaced = await waitFor(
      'the replacement',
      () => logLines(c.stdout()).find((l) => l.msg === 'worker replaced'),
      60_000,
    );
    expect(
      logLines(c.stdout()).find((l) => l.msg === 'worker exited unexpectedly: starting a replacement'),
    ).toMatchObject({ pid: victim, signal: 'SIGKILL' });
    expect(replaced.pid).not.toBe(victim);
    expect(alive(victim)).toBe(false);
    expect(childrenOf(c.child.pid!).sort()).toEqual([survivor, replaced.pid].sort());
    for (let i = 0; i < 6; i++) expect((await request(c.port, 'GET', '/healthz')).status).toBe(200);
    const answered = await byWorker(c.metricsPort, 'oms_http_request_duration_seconds_count', { route: '/healthz' });
    expect(answered[String(replaced.worker)]).toBeGreaterThan(0);
    pids = [survivor, replaced.pid];
  });

  test('SIGTERM: WebSocket clients get 1012, every worker stops, the launcher exits 0 and no process is left', async () => {
    const sockets = [0, 1].map(() => subscriber(c.port, t.token));
    await waitFor('both sockets open', async () => {
      const s = await byWorker(c.metricsPort, 'oms_ws_subscriptions');
      return Object.values(s).reduce((a, b) => a + b, 0) === 2;
    });
    c.child.kill('SIGTERM');
    expect(await c.exited).toBe(0);
    for (const s of sockets) expect(s.closes).toEqual([{ code: 1012, reason: 'Service Restart' }]);
    await Promise.all(sockets.map((s) => s.client.dispose()));
    expect(c.stderr()).toBe('');
    for (const pid of pids) expect({ pid, alive: alive(pid) }).toEqual({ pid, alive: false });
    const lines = logLines(c.stdout());
    expect(lines.filter((l) => l.msg === 'worker exited').map((l) => l.code)).toEqual([0, 0]);
    expect(
      lines.filter((l) => l.msg === 'stopped' && l.worker !== undefined && typeof l.worker === 'number'),
    ).toHaveLength(2);
    // The launcher's own line (no worker field); the workers' output shares its pipe, so it is not always the last line.
    expect(lines.filter((l) => l.msg === 'stopped' && l.worker === undefined)).toEqual([
      expect.objectContaining({ workers: 2 }),
    ]);
  });
});

describe('OMS_WORKERS=2 without DATABASE_URL (embedded PostgreSQL)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-workers-'));
    fs.chmodSync(dataDir, 0o755);
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('the primary starts the database, the first worker creates the demo admin once, and the database stops after the workers', async () => {
    const c = await launch({
      OMS_WORKERS: '2',
      DATABASE_URL: undefined,
      OMS_ADMIN_EMAIL: undefined,
      OMS_ADMIN_PASSWORD: undefined,
      OMS_DATA_DIR: dataDir,
    });
    const lines = logLines(c.stdout());
    const pg = lines.find((l) => l.msg === 'embedded PostgreSQL is up');
    expect(pg!.worker).toBeUndefined(); // the primary's
    expect(alive(pg!.pid)).toBe(true);
    expect(c.stdout().split('admin@example.com / admin1234').length - 1).toBe(1);
    const login = await gql<{ login: { token: string } }>(
      c.port,
      'mutation { login(email: "admin@example.com", password: "admin1234") { token } }',
    );
    expect(login.data!.login.token).toMatch(/^oms_/);
    const workers = lines.filter((l) => l.msg === 'worker serving').map((l) => l.pid);
    expect(workers).toHaveLength(2);

    c.child.kill('SIGTERM');
    expect(await c.exited).toBe(0);
    expect(alive(pg!.pid)).toBe(false);
    for (const pid of workers) expect(alive(pid)).toBe(false);
    const after = logLines(c.stdout()).map((l) => l.msg);
    // Both workers gone before the primary's last line (it stops the database in between).
    expect(after.lastIndexOf('worker exited')).toBeLessThan(after.lastIndexOf('stopped'));
    expect(after.filter((m) => m === 'worker exited')).toHaveLength(2);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  });
});
