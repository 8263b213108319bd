/**
 * What a new user gets from `pnpm start` with no DATABASE_URL: the launcher starts an embedded
 * PostgreSQL under OMS_DATA_DIR, applies migrations, creates the demo admin, serves GraphQL and
 * the health endpoints on PORT, and stops everything cleanly on SIGTERM. Runs the real launcher
 * (src/main.ts) as a child process, whatever DATABASE_URL the test run itself uses.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../src/config/embedded-postgres';
import type { GqlBody, Mutation, Query, Select } from './support/select';

jest.setTimeout(120_000);

const serverDir = path.resolve(__dirname, '..');
let dataDir: string;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-start-'));
  fs.chmodSync(dataDir, 0o755);
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

interface Launched {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function launch(port: number, pgPort: number, extraEnv: Record<string, string> = {}): Launched {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    OMS_DATA_DIR: dataDir,
    OMS_EMBEDDED_PG_PORT: String(pgPort),
    LOG_LEVEL: 'info',
    ...extraEnv,
  };
  delete env.DATABASE_URL;
  delete env.OMS_ADMIN_EMAIL;
  delete env.OMS_ADMIN_PASSWORD;
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: serverDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitReady(port: number, l: Launched) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (l.child.exitCode !== null) throw new Error(`launcher exited early:\n${l.output()}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`not ready in time:\n${l.output()}`);
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.on('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });

async function login(port: number, email: string, password: string) {
  const r = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token mustChangePassword userErrors { code } } }',
      variables: { e: email, p: password },
    }),
  });
  return (
    (await r.json()) as GqlBody<
      Select<Mutation, { login: { token: true; mustChangePassword: true; userErrors: { code: true } } }>
    >
  ).data!.login;
}

test('pnpm start without DATABASE_URL runs on embedded PostgreSQL, prints the demo login, and stops cleanly on SIGTERM', async () => {
  const [port, pgPort] = [await freePort(), await freePort()];
  const l = launch(port, pgPort, { OMS_SEED: 'none' });
  await waitReady(port, l);
  expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ status: 'ok' });
  expect(fs.existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);
  expect(l.output()).toContain('admin@example.com / admin1234');
  expect(l.output()).toContain('For local use only');
  const { token, mustChangePassword } = await login(port, 'admin@example.com', 'admin1234');
  expect(token).toMatch(/^oms_/);
  // A password everybody knows: it must be changed before anything else.
  expect(mustChangePassword).toBe(true);

  l.child.kill('SIGTERM');
  expect(await l.exited).toBe(0);
  expect(await portOpen(pgPort)).toBe(false);
  expect(await portOpen(port)).toBe(false);
});

test('a second start on the same data folder keeps the data and does not create the admin again', async () => {
  const [port, pgPort] = [await freePort(), await freePort()];
  const l = launch(port, pgPort);
  await waitReady(port, l);
  expect(l.output()).not.toContain('Created the demo admin');
  // Not a first start, so no demo data unless asked for.
  const { token } = await login(port, 'admin@example.com', 'admin1234');
  const changed = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query:
        'mutation { changePassword(input: { currentPassword: "admin1234", newPassword: "my own password 1" }) { userErrors { code } } }',
    }),
  });
  expect(
    ((await changed.json()) as GqlBody<Select<Mutation, { changePassword: { userErrors: { code: true } } }>>).data!
      .changePassword.userErrors,
  ).toEqual([]);
  const r = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ channels { code } }' }),
  });
  expect(((await r.json()) as GqlBody<Select<Query, { channels: { code: true } }>>).data!.channels).toEqual([]);
  l.child.kill('SIGINT');
  expect(await l.exited).toBe(0);
  expect(await portOpen(pgPort)).toBe(false);
});
