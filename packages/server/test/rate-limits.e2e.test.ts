/**
 * Request budgets counted partly in memory (common/rate-limits.ts) stay exact with two processes,
 * on the real PostgreSQL store: two RateLimits instances stand for two server processes. The case
 * that let a caller past the budget: a batch write of one process on its way (its requests no
 * longer pending, not yet in the store's answer) while the next request arrives there.
 */
import { startTestServer, TestServer } from './harness';
import { RateLimits } from '../src/common/rate-limits';
import { RateLimitedError } from '../src/common/errors';

let t: TestServer;
const open: RateLimits[] = [];

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await Promise.all(open.map((r) => r.close()));
  await t?.stop();
});

const BUDGET = 20;
function process_(): RateLimits {
  const r = new RateLimits(
    {
      requests: BUDGET,
      windowSeconds: 60,
      loginFailuresPerAccount: 0,
      loginFailuresPerAddress: 0,
      trackingFailuresPerAddress: 0,
    },
    { databaseUrl: t.databaseUrl },
  );
  open.push(r);
  return r;
}

const outcome = (p: Promise<void>) =>
  p.then(
    () => 'allowed',
    (e) => (e instanceof RateLimitedError ? 'refused' : Promise.reject(e)),
  );

it('a request arriving while its process writes a batch is refused once the budget is spent across both processes', async () => {
  const a = process_();
  const b = process_();
  const key = `user:${Math.random()}`;
  // Ten requests on each: each process counts the first in the store and most of the rest in memory.
  for (let i = 0; i < BUDGET / 2; i++) expect(await outcome(a.consumeRequest(key))).toBe('allowed');
  for (let i = 0; i < BUDGET / 2; i++) expect(await outcome(b.consumeRequest(key))).toBe('allowed');
  // The budget is spent. Process a writes its batch, and the next request comes to it meanwhile.
  const writing = a.flush();
  const next = outcome(a.consumeRequest(key));
  await writing;
  expect(await next).toBe('refused');
  expect(await outcome(b.consumeRequest(key))).toBe('refused');
  await Promise.all([a.flush(), b.flush()]);
  const [row] = await t.sql<{ points: number }>(`select points from rate_limit where key = $1`, [`req:${key}`]);
  // Every request is in the store: 20 allowed and 2 refused.
  expect(row.points).toBe(BUDGET + 2);
});

it('every request past the budget is refused, whichever process it reaches and however the writes interleave', async () => {
  const a = process_();
  const b = process_();
  const key = `user:${Math.random()}`;
  const results: string[] = [];
  // 30 requests, alternating processes, with batch writes started in between and not awaited.
  for (let i = 0; i < 30; i++) {
    const p = i % 2 ? b : a;
    if (i % 3 === 0) void p.flush();
    results.push(await outcome(p.consumeRequest(key)));
  }
  expect(results.filter((r) => r === 'allowed')).toHaveLength(BUDGET);
  expect(results.slice(BUDGET)).toEqual(Array(30 - BUDGET).fill('refused'));
});
