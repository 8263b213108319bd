/**
 * The server serves the built admin app from its own port: files at /, index.html for client
 * routes (so a reload or a shared link works), and never in the way of /graphql or health checks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ADMIN_DIST, E2EServer, startE2EServer } from './harness';

let e: E2EServer;
beforeAll(async () => {
  e = await startE2EServer();
});
afterAll(() => e?.stop());

const html = { accept: 'text/html,application/xhtml+xml' };

test('the app is served at / and at every client route, uncached so a new build takes effect', async () => {
  for (const route of [
    '/',
    '/orders',
    '/orders/8f0c2a8e-0000-4000-8000-000000000000?tab=history',
    '/screen',
    '/sign-in?next=%2Forders',
  ]) {
    const res = await fetch(`${e.baseUrl}${route}`, { headers: html });
    expect({ route, status: res.status, type: res.headers.get('content-type') }).toEqual({
      route,
      status: 200,
      type: expect.stringMatching(/^text\/html/),
    });
    expect(await res.text()).toContain('<div id="root"></div>');
    if (route !== '/') expect(res.headers.get('cache-control')).toBe('no-cache');
  }
});

test('built assets are served with a long cache; a missing asset is a 404, not the app', async () => {
  const asset = fs.readdirSync(path.join(ADMIN_DIST, 'assets')).find((f) => f.endsWith('.js'))!;
  const ok = await fetch(`${e.baseUrl}/assets/${asset}`);
  expect(ok.status).toBe(200);
  expect(ok.headers.get('cache-control')).toContain('immutable');
  const missing = await fetch(`${e.baseUrl}/assets/nope-123.js`, { headers: html });
  expect(missing.status).toBe(404);
});

test('/graphql and the health endpoints are not shadowed by the app', async () => {
  const gql = await fetch(`${e.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ me { id } }' }),
  });
  expect(gql.status).toBe(401);
  expect((await gql.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  const getGql = await fetch(`${e.baseUrl}/graphql`, { headers: html });
  expect(await getGql.text()).not.toContain('<div id="root"></div>');
  expect(await (await fetch(`${e.baseUrl}/healthz`, { headers: html })).json()).toEqual({ status: 'ok' });
  expect(await (await fetch(`${e.baseUrl}/readyz`, { headers: html })).json()).toEqual({
    status: 'ok',
    database: 'up',
    jobs: 'up',
    eventStream: 'up',
  });
});

test('API clients asking for JSON at an unknown path get a 404, not the app', async () => {
  const res = await fetch(`${e.baseUrl}/api/v1/orders`, { headers: { accept: 'application/json' } });
  expect(res.status).toBe(404);
});
