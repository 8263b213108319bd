/**
 * E2E harness: the real server (createServer, as `pnpm start` runs it) on a fresh database and a
 * free port, serving the built admin app (packages/admin/dist) at `/`, plus headless Chromium.
 * Can stop and start the server again on the same port and database (the reconnect story).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import type { Config } from '../../../server/src/config/config';
import { createServer, RunningServer } from '../../../server/src/server';

export const ADMIN = { email: 'admin@e2e.local', password: 'e2e password 1234' };
export const ADMIN_DIST = path.resolve(__dirname, '../../dist');
export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

export interface E2EServer {
  baseUrl: string;
  token: string;
  /** GraphQL over HTTP as the admin; throws on errors. */
  q<T = unknown>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  restart(): Promise<void>;
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `config` overrides server settings (e.g. fast webhook retries). `seed: 'demo'` starts on the demo
 * data (as the first `pnpm start` does); default: an empty database.
 */
export async function startE2EServer(
  options: { config?: Partial<Config>; seed?: 'demo' | 'none' } = {},
): Promise<E2EServer> {
  if (!fs.existsSync(path.join(ADMIN_DIST, 'index.html')))
    throw new Error(
      `no built admin app in ${ADMIN_DIST}: run \`pnpm --filter @oms/admin build\` (the test script does)`,
    );
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set (global setup should have set it)');
  const dbName = `oms_admin_e2e_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: withDatabase(base, 'postgres') });
  await admin.connect();
  await admin.query(`create database "${dbName}"`);
  await admin.end();
  const databaseUrl = withDatabase(base, dbName);

  let port = 0;
  let server: RunningServer | undefined;
  const start = async () => {
    server = await createServer({
      config: {
        port,
        logLevel: process.env.LOG_LEVEL ?? 'silent',
        sessionTtlSeconds: 3600,
        bodyLimit: '1mb',
        corsOrigins: [],
        adminDir: ADMIN_DIST,
        rateLimitRequests: 0,
        ...options.config,
      },
      databaseUrl,
      host: '127.0.0.1',
      admin: ADMIN,
      seed: port ? 'none' : (options.seed ?? 'none'),
    });
    port = server.port;
  };
  await start();

  const e: E2EServer = {
    baseUrl: `http://127.0.0.1:${port}`,
    token: '',
    async q<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T> {
      const res = await fetch(`${e.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? e.token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data: T; errors?: unknown[] };
      if (body.errors?.length) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
    async stopServer() {
      await server?.stop();
      server = undefined;
    },
    startServer: start,
    async restart() {
      await e.stopServer();
      await start();
    },
    async stop() {
      await server?.stop();
      const a = new Client({ connectionString: withDatabase(base, 'postgres') });
      await a.connect();
      await a.query(`drop database if exists "${dbName}" with (force)`);
      await a.end();
    },
  };
  e.token = await signIn(e);
  return e;
}

/** Signs in through the API (default: as the admin) and returns the session token. */
export async function signIn(
  e: Pick<E2EServer, 'baseUrl'>,
  credentials: { email: string; password: string } = ADMIN,
): Promise<string> {
  const res = await fetch(`${e.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      variables: { e: credentials.email, p: credentials.password },
    }),
  });
  const body = (await res.json()) as { data: { login: { token: string } } };
  return body.data.login.token;
}

/**
 * Signs in through the form, as staff do: fills e-mail and password and submits. With `baseUrl` it
 * opens /sign-in first; without, the page is already on the form (e.g. sent there by an expired
 * session). Waiting for where the app goes next is the caller's: that is what tests assert.
 */
export async function signInThroughForm(
  page: Page,
  options: { baseUrl?: string; email?: string; password?: string } = {},
): Promise<void> {
  if (options.baseUrl) await page.goto(`${options.baseUrl}/sign-in`);
  await page.getByLabel('E-mail').fill(options.email ?? ADMIN.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(options.password ?? ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs every page of `context` in with `token` (as a sign-in stores it), skipping the form. */
export async function signInWithToken(context: BrowserContext, token: string): Promise<void> {
  await context.addInitScript((t) => window.localStorage.setItem('oms.token', t), token);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export const PLACE_ORDER = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id number status } userErrors { field code message } } }`;

export async function placeOrder(
  e: E2EServer,
  lines: { sku: string; quantity: number; taxAmount?: number; taxRate?: number }[],
  customer = { email: 'ada@example.com', name: 'Ada Lovelace' },
) {
  const r = await e.q<{
    placeOrder: { order: { id: string; number: string; status: string }; userErrors: unknown[] };
  }>(PLACE_ORDER, {
    input: {
      channelCode: 'WEB',
      customer,
      shippingAddress: {
        name: customer.name,
        line1: '12 Analytical Row',
        city: 'London',
        postalCode: 'N1 9GU',
        country: 'GB',
      },
      lines,
      shippingAmount: 495,
    },
  });
  if (r.placeOrder.userErrors.length) throw new Error(JSON.stringify(r.placeOrder.userErrors));
  return r.placeOrder.order;
}

export async function stockOf(e: E2EServer, sku: string, warehouseCode: string) {
  const r = await e.q<{ stockLevels: { onHand: number; reserved: number; available: number }[] }>(
    `query($s: String, $w: String) { stockLevels(sku: $s, warehouseCode: $w) { onHand reserved available } }`,
    { s: sku, w: warehouseCode },
  );
  return r.stockLevels[0];
}
