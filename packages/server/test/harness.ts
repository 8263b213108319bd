/**
 * Test harness: each test file gets its own fresh database (created from DATABASE_URL's server),
 * the real server started on port 0 with migrations applied, a signed-in admin, and clients for
 * GraphQL over HTTP and WebSocket plus direct SQL to check what is in the database afterwards.
 */
import 'reflect-metadata';
import type { GraphQLFormattedError } from 'graphql';
import { Client as WsClient, createClient } from 'graphql-ws';
import { Client, Pool } from 'pg';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import type { Config } from '../src/config/config';
import type { Logger } from '../src/common/logger';
import { createServer, RunningServer } from '../src/server';
import type { Operation } from './support/select';

export const ADMIN = { email: 'admin@test.local', password: 'correct horse battery staple' };

// The `any` defaults below (GqlResponse, gql, q, sql, collect) are what a call without a type gives: some 360
// call sites over the test files read their data that way. Typing each (operation<T>, Select<>) is what removes them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- default data of an untyped document (see above)
export interface GqlResponse<T = any> {
  status: number;
  body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown>; path?: string[] }[] };
  headers: Headers;
  /** extensions.cost of the response: { requested, maximum }. */
  cost?: { requested: number; maximum: number };
}

/** What graphql-ws's 'closed' listener receives from the ws package: the close code and reason. */
export interface WsClose {
  code: number;
  reason: string;
}

export interface TestServer {
  server: RunningServer;
  url: string;
  wsUrl: string;
  token: string;
  databaseUrl: string;
  /** The raw text of every HTTP response this client received, for leak checks. */
  responses: string[];
  /**
   * Raw GraphQL over HTTP; `token: null` sends no Authorization header. The data's type is that of
   * an `operation<T>(...)` document, or T given at the call; a plain string without T gives `any`.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- default data of an untyped document (see GqlResponse)
  gql<T = any>(
    query: string | Operation<T>,
    variables?: Record<string, unknown>,
    opts?: { token?: string | null; headers?: Record<string, string> },
  ): Promise<GqlResponse<T>>;
  /** GraphQL that must succeed without errors; returns data. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- default data of an untyped document (see GqlResponse)
  q<T = any>(
    query: string | Operation<T>,
    variables?: Record<string, unknown>,
    opts?: { token?: string | null },
  ): Promise<T>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- default row of a query given without a row type (see GqlResponse)
  sql<T = any>(text: string, params?: unknown[]): Promise<T[]>;
  ws(token?: string | null): WsClient;
  /** Every SQL statement the server runs for requests while `fn` runs; with `background`, its background work's (event stream, dispatch) too. */
  countQueries(fn: () => Promise<unknown>, opts?: { background?: boolean }): Promise<{ statements: string[] }>;
  stop(): Promise<void>;
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** Any number that names the template lock among the test run's advisory locks. */
const TEMPLATE_LOCK = 7_310_001;

/**
 * A database with every migration applied and pg-boss's schema in place, made once per test run
 * (per migration set: its name carries a hash of the migration files) and copied for each test
 * file with CREATE DATABASE ... TEMPLATE: a copy takes a fraction of a second where migrating a
 * fresh database takes seconds. Each server still runs its own migration check at start (none is
 * pending then), so the start path under test is the same.
 */
async function templateDatabase(base: string): Promise<string> {
  const dir = path.join(__dirname, '../src/migrations');
  const hash = createHash('sha1');
  for (const file of fs.readdirSync(dir).sort()) hash.update(file).update(fs.readFileSync(path.join(dir, file)));
  hash.update(JSON.parse(fs.readFileSync(require.resolve('pg-boss/package.json'), 'utf8')).version);
  const name = `oms_test_tpl_${hash.digest('hex').slice(0, 12)}`;
  const admin = new Client({ connectionString: withDatabase(base, 'postgres') });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    if ((await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount) return name;
    const building = `${name}_build_${randomBytes(4).toString('hex')}`;
    await admin.query(`create database "${building}"`);
    const server = await createServer({
      config: {
        port: 0,
        logLevel: 'silent',
        sessionTtlSeconds: 3600,
        bodyLimit: '1mb',
        corsOrigins: [],
        rateLimitRequests: 0,
      },
      databaseUrl: withDatabase(base, building),
      host: '127.0.0.1',
      seed: 'none',
    });
    await server.stop();
    // Templates of an older migration set (earlier runs on the same server) go.
    for (const { datname } of (
      await admin.query(`select datname from pg_database where datname like 'oms\\_test\\_tpl\\_%' and datname <> $1`, [
        building,
      ])
    ).rows) {
      await admin.query(`drop database if exists "${datname}" with (force)`);
    }
    // with (force) on the rename's behalf: the stopped server's pool may still be saying goodbye.
    await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
      [building],
    );
    await admin.query(`alter database "${building}" rename to "${name}"`);
    return name;
  } finally {
    await admin.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK]).catch(() => undefined);
    await admin.end();
  }
}

async function createDatabaseFromTemplate(admin: Client, name: string, template: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database "${name}" template "${template}"`);
      return;
    } catch (err) {
      // 55006: "source database ... is being accessed by other users" (a copy being made by another worker's statement).
      if ((err as { code?: string } | null)?.code !== '55006' || attempt >= 50) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function startTestServer(
  options: {
    poolSize?: number;
    config?: Partial<Config>;
    logger?: Logger;
    /** The PostgreSQL server the test database is created on; default DATABASE_URL. */
    baseUrl?: string;
    /** A streaming replica of baseUrl's server: the server is given the test database there as DATABASE_READ_URL. */
    replicaUrl?: string;
  } = {},
): Promise<TestServer> {
  const base = options.baseUrl ?? process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set (global setup should have set it)');
  const dbName = `oms_test_${randomBytes(6).toString('hex')}`;
  const template = await templateDatabase(base);
  const admin = new Client({ connectionString: withDatabase(base, 'postgres') });
  await admin.connect();
  await createDatabaseFromTemplate(admin, dbName, template);
  await admin.end();
  const databaseUrl = withDatabase(base, dbName);

  let recorder: string[] | undefined;
  let recordBackground = false;
  const server = await createServer({
    // Request rate limits are off unless a test turns them on; the suites send many requests quickly.
    config: {
      port: 0,
      logLevel: process.env.LOG_LEVEL ?? 'silent',
      sessionTtlSeconds: 3600,
      bodyLimit: '1mb',
      corsOrigins: [],
      rateLimitRequests: 0,
      shutdownTimeoutSeconds: 30,
      ...(options.replicaUrl ? { databaseReadUrls: [withDatabase(options.replicaUrl, dbName)] } : {}),
      ...options.config,
    },
    databaseUrl,
    host: '127.0.0.1',
    admin: ADMIN,
    seed: 'none',
    poolSize: options.poolSize,
    logger: options.logger,
    onQuery: (msg) => {
      // Background work (event dispatch, webhook jobs) is not the request's: it is labelled and left out.
      if (recorder && msg.startsWith('[query]') && (recordBackground || !msg.startsWith('[query] (background)')))
        recorder.push(msg);
    },
  });
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  // pool.end() resolves before its connections are gone, and stop() then drops the database
  // with (force): a connection told to go away then must not fail the test run.
  pool.on('error', () => undefined);
  const wsClients: WsClient[] = [];

  const gql: TestServer['gql'] = async (query, variables, opts = {}) => {
    const token = opts.token === undefined ? t.token : opts.token;
    const res = await fetch(server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(opts.headers ?? {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    t.responses.push(text);
    let body: GqlResponse['body'] & { extensions?: { cost?: GqlResponse['cost'] } };
    try {
      body = JSON.parse(text);
    } catch {
      body = { raw: text } as GqlResponse['body'];
    }
    // Every response reports its cost (extensions.cost); it is moved out of the body so that
    // tests compare bodies as a client's business logic sees them, and can assert the cost apart.
    const cost = body?.extensions?.cost;
    if (cost) {
      delete body.extensions!.cost;
      if (!Object.keys(body.extensions!).length) delete body.extensions;
    }
    return { status: res.status, body, headers: res.headers, cost };
  };

  const t: TestServer = {
    server,
    url: server.url,
    wsUrl: server.wsUrl,
    token: '',
    databaseUrl,
    responses: [],
    gql,
    async q(query, variables, opts) {
      const res = await gql(query, variables, opts);
      if (res.body.errors?.length || res.status !== 200) {
        throw new Error(`GraphQL failed (${res.status}): ${JSON.stringify(res.body.errors ?? res.body)}`);
      }
      return res.body.data!;
    },
    async sql(text, params) {
      const r = await pool.query(text, params);
      return r.rows;
    },
    ws(token) {
      const tk = token === undefined ? t.token : token;
      const client = createClient({
        url: server.wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: tk ? { authorization: `Bearer ${tk}` } : {},
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: () => undefined, // tests observe closes and errors themselves
      });
      wsClients.push(client);
      return client;
    },
    async countQueries(fn, opts) {
      recorder = [];
      recordBackground = !!opts?.background;
      try {
        await fn();
        return { statements: recorder };
      } finally {
        recorder = undefined;
        recordBackground = false;
      }
    },
    async stop() {
      for (const c of wsClients) await c.dispose();
      await server.stop();
      await pool.end();
      const a = new Client({ connectionString: withDatabase(base, 'postgres') });
      await a.connect();
      await a.query(`drop database if exists "${dbName}" with (force)`);
      await a.end();
    },
  };
  const login = await t.gql<{ login: { token: string } }>(
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token userErrors { code message } } }',
    { e: ADMIN.email, p: ADMIN.password },
    { token: null },
  );
  t.token = login.body.data!.login.token;
  return t;
}

/** Collects the next `n` results of a subscription (or fails after timeoutMs). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- default data of an untyped subscription (see GqlResponse)
export function collect<T = any>(
  client: WsClient,
  query: string,
  variables: Record<string, unknown>,
  n: number,
  timeoutMs = 10000,
) {
  // errors: a GraphQL error array, or (for a socket error) what graphql-ws passed: a close event or an Error.
  const results: { data?: T; errors?: GraphQLFormattedError[] }[] = [];
  let unsubscribe = () => {};
  const done = new Promise<typeof results>((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(
        new Error(`timed out waiting for ${n} subscription results, got ${results.length}: ${JSON.stringify(results)}`),
      );
    }, timeoutMs);
    unsubscribe = client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          results.push(value as { data?: T; errors?: GraphQLFormattedError[] });
          if (results.length >= n) {
            clearTimeout(timer);
            unsubscribe();
            resolve(results);
          }
        },
        error: (err) => {
          clearTimeout(timer);
          results.push({ errors: (Array.isArray(err) ? err : [err]) as GraphQLFormattedError[] });
          resolve(results);
        },
        complete: () => {
          clearTimeout(timer);
          resolve(results);
        },
      },
    );
  });
  return { done, stop: () => unsubscribe() };
}

/** Waits until the server has registered the subscription (graphql-ws gives no ack per operation). */
export const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));
