/**
 * Bulk order jobs (startBulkOrderAction): a snapshot of the orders a filter matches (or of ids),
 * each acted on through the single-order use case as the actor who started the job, one result
 * per order, refusals not stopping the others, channel scope of partner keys, who may start and
 * read a job, paging of results, the subscription's progress, and a restart mid-job that resumes
 * without acting on any order twice.
 */
import { createServer, RunningServer } from '../src/server';
import { createKey, userWithRole } from './access-helpers';
import { adjustStock, createCatalog, placeOrder } from './builders';
import { startTestServer, TestServer } from './harness';
import { cancelOrder, recordPayment, standardCatalog } from './order-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ config: { jobPollSeconds: 1 } });
  await standardCatalog(t);
  await createCatalog(t, { channels: [{ code: 'SHOP', currency: 'EUR' }] });
  // Each test places orders of one SKU-1: stock for all of them.
  await adjustStock(t, 'SKU-1', 'WH1', 10_000, 'bulk tests');
});
afterAll(() => t?.stop());

const START = `mutation($i: BulkOrderActionInput!) {
  startBulkOrderAction(input: $i) { job { id state total done failed } userErrors { code field message } }
}`;
const JOB = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  bulkOrderJob(id: $id) {
    id state total done failed error
    results(first: $first, after: $after, last: $last, before: $before) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
      nodes { orderId number ok code message }
    }
  }
}`;

type Result = { orderId: string; number: string | null; ok: boolean; code: string | null; message: string | null };

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function start(input: Record<string, unknown>, token?: string) {
  const r = await t.q(START, { i: input }, { token });
  return r.startBulkOrderAction as {
    job: { id: string; state: string; total: number; done: number; failed: number } | null;
    userErrors: { code: string; field: string[]; message: string }[];
  };
}

async function finished(id: string, token?: string) {
  return until(`job ${id} to finish`, async () => {
    const job = (await t.q(JOB, { id, first: 200 }, { token })).bulkOrderJob;
    return job && (job.state === 'DONE' || job.state === 'FAILED') ? job : undefined;
  });
}

async function place(n: number, overrides: Record<string, unknown> = {}, parallel = 10) {
  const out: { id: string; number: string }[] = [];
  for (let i = 0; i < n; i += parallel) {
    const placed = await Promise.all(Array.from({ length: Math.min(parallel, n - i) }, () => placeOrder(t, overrides)));
    for (const p of placed) {
      if (p.userErrors.length) throw new Error(JSON.stringify(p.userErrors));
      out.push({ id: p.order!.id, number: p.order!.number });
    }
  }
  return out;
}

async function tag(ids: string[], name: string) {
  for (const id of ids)
    await t.q(`mutation($id: ID!, $tag: String!) { addOrderTag(id: $id, tag: $tag) { userErrors { message } } }`, {
      id,
      tag: name,
    });
}

const statuses = async (ids: string[]) =>
  Object.fromEntries(
    (await t.sql('select id, status from "order" where id = any($1::uuid[])', [ids])).map((r) => [r.id, r.status]),
  );

const jobCount = async () => (await t.sql('select count(*)::int as n from bulk_order_job'))[0].n as number;

test('a filter: every matching order is confirmed as the caller, a refused one does not stop the others', async () => {
  const matching = await place(3, {}, 1);
  const [cancelled] = await place(1);
  const [untagged] = await place(1);
  await tag([...matching.map((o) => o.id), cancelled.id], 'bulk-a');
  await cancelOrder(t, cancelled.id);

  const started = await start({ action: 'CONFIRM', filter: { tag: 'bulk-a' } });
  expect(started.userErrors).toEqual([]);
  expect(started.job).toMatchObject({ total: 4 });
  const job = await finished(started.job!.id);
  expect(job).toMatchObject({ state: 'DONE', total: 4, done: 4, failed: 1, error: null });

  // Oldest first: the results follow the snapshot.
  const results: Result[] = job.results.nodes;
  expect(results.map((r) => r.orderId)).toEqual([...matching.map((o) => o.id), cancelled.id]);
  expect(results.slice(0, 3)).toEqual(
    matching.map((o) => ({ orderId: o.id, number: o.number, ok: true, code: null, message: null })),
  );
  expect(results[3]).toMatchObject({
    orderId: cancelled.id,
    number: cancelled.number,
    ok: false,
    code: 'INVALID_TRANSITION',
  });
  expect(results[3].message).toMatch(/CANCELLED/);

  expect(await statuses([...matching.map((o) => o.id), cancelled.id, untagged.id])).toEqual({
    ...Object.fromEntries(matching.map((o) => [o.id, 'CONFIRMED'])),
    [cancelled.id]: 'CANCELLED',
    [untagged.id]: 'PENDING',
  });
  // The same history as a single confirmOrder, by the caller.
  const history = await t.sql(
    `select order_id, actor from order_history where order_id = any($1::uuid[]) and to_status = 'CONFIRMED'`,
    [matching.map((o) => o.id)],
  );
  expect(history.map((h) => h.actor).sort()).toEqual([
    'user:admin@test.local',
    'user:admin@test.local',
    'user:admin@test.local',
  ]);
  const rows = await t.sql('select ok, code from bulk_order_job_result where job_id = $1 order by position', [job.id]);
  expect(rows).toEqual([
    { ok: true, code: null },
    { ok: true, code: null },
    { ok: true, code: null },
    { ok: false, code: 'INVALID_TRANSITION' },
  ]);
});

test('ids: cancel as SUPPORT; a paid order needs ORDER_CANCEL_PAID, an unknown id is NOT_FOUND, the rest go on; results page', async () => {
  const support = await userWithRole(t, 'SUPPORT', 'bulk support');
  const [a, paid, b] = await place(3);
  await recordPayment(t, { orderId: paid.id, amount: 100, method: 'card' });
  const unknown = '00000000-0000-4000-8000-00000000beef';
  const started = await start(
    { action: 'CANCEL', ids: [a.id, paid.id, unknown, b.id, a.id], reason: 'bulk clean-up' },
    support.token,
  );
  expect(started.userErrors).toEqual([]);
  expect(started.job!.total).toBe(4); // the repeated id counts once
  const job = await finished(started.job!.id, support.token);
  expect(job).toMatchObject({ state: 'DONE', total: 4, done: 4, failed: 2 });
  const results: Result[] = job.results.nodes;
  expect(results.map((r) => [r.orderId, r.ok, r.code])).toEqual([
    [a.id, true, null],
    [paid.id, false, 'FORBIDDEN'],
    [unknown, false, 'NOT_FOUND'],
    [b.id, true, null],
  ]);
  expect(results[1].message).toMatch(/ORDER_CANCEL_PAID/);
  expect(results[2].number).toBeNull();
  expect(await statuses([a.id, paid.id, b.id])).toEqual({
    [a.id]: 'CANCELLED',
    [paid.id]: 'PENDING',
    [b.id]: 'CANCELLED',
  });
  const [{ cancel_reason }] = await t.sql('select cancel_reason from "order" where id = $1', [a.id]);
  expect(cancel_reason).toBe('bulk clean-up');

  // Paging: first/after, last/before.
  const page = async (v: Record<string, unknown>) =>
    (await t.q(JOB, { id: job.id, ...v }, { token: support.token })).bulkOrderJob.results;
  const p1 = await page({ first: 3 });
  expect(p1.nodes.map((r: Result) => r.orderId)).toEqual([a.id, paid.id, unknown]);
  expect(p1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  expect(p1.totalCount).toBe(4);
  const p2 = await page({ first: 3, after: p1.pageInfo.endCursor });
  expect(p2.nodes.map((r: Result) => r.orderId)).toEqual([b.id]);
  expect(p2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  const back = await page({ last: 2, before: p2.pageInfo.startCursor });
  expect(back.nodes.map((r: Result) => r.orderId)).toEqual([paid.id, unknown]);
  const refusedOnly = await t.q(
    `query($id: ID!) { bulkOrderJob(id: $id) { results(ok: false, first: 1) { totalCount nodes { orderId } pageInfo { hasNextPage endCursor } } } }`,
    { id: job.id },
    { token: support.token },
  );
  expect(refusedOnly.bulkOrderJob.results).toMatchObject({
    totalCount: 2,
    nodes: [{ orderId: paid.id }],
    pageInfo: { hasNextPage: true },
  });
  expect((await t.gql(JOB, { id: job.id, after: 'nonsense' }, { token: support.token })).body.errors?.[0].message).toBe(
    'after is not a valid cursor',
  );
});

test("a partner key acts only on its channels' orders; only the job's creator (or an admin) sees the job", async () => {
  const [web] = await place(1);
  const [shop] = await place(1, { channelCode: 'SHOP' });
  await tag([web.id, shop.id], 'partner-scope');
  const key = await createKey(t, { channelCodes: ['WEB'], permissions: ['ORDER_READ', 'ORDER_HOLD'] });

  const byFilter = await start({ action: 'HOLD', filter: { tag: 'partner-scope' }, reason: 'check' }, key.secret);
  expect(byFilter.userErrors).toEqual([]);
  expect(byFilter.job!.total).toBe(1);
  const job = await finished(byFilter.job!.id, key.secret);
  expect(job.results.nodes.map((r: Result) => [r.orderId, r.ok])).toEqual([[web.id, true]]);

  // Another channel's order by id: NOT_FOUND, as for a single holdOrder, and its number is not shown.
  const byId = await start({ action: 'HOLD', ids: [shop.id], reason: 'check' }, key.secret);
  const refused = await finished(byId.job!.id, key.secret);
  expect(refused.results.nodes).toEqual([
    { orderId: shop.id, number: null, ok: false, code: 'NOT_FOUND', message: expect.any(String) },
  ]);
  expect(await statuses([web.id, shop.id])).toEqual({ [web.id]: 'ON_HOLD', [shop.id]: 'PENDING' });
  // A filter naming the other channel matches nothing for the key.
  const other = await start({ action: 'HOLD', filter: { channelCode: 'SHOP' }, reason: 'check' }, key.secret);
  expect(other).toMatchObject({ job: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'filter'] }] });

  // Readers: the key itself and an admin see it; a manager does not (null), nor subscribes.
  const manager = await userWithRole(t, 'MANAGER', 'bulk manager');
  expect((await t.q(JOB, { id: job.id }, { token: manager.token })).bulkOrderJob).toBeNull();
  expect((await t.q(JOB, { id: job.id })).bulkOrderJob.id).toBe(job.id);
  const ws = t.ws(manager.token);
  const errors = await new Promise<unknown[]>((resolve) => {
    ws.subscribe(
      { query: 'subscription($id: ID!) { bulkOrderJobUpdated(id: $id) { id } }', variables: { id: job.id } },
      {
        next: (v) => resolve((v as { errors?: unknown[] }).errors ?? []),
        error: (e) => resolve([e]),
        complete: () => resolve([]),
      },
    );
  });
  expect(JSON.stringify(errors)).toMatch(/No bulk order job with this id/);
});

test('starting needs the permission of the action; nothing is created when refused', async () => {
  const [o] = await place(1);
  const before = await jobCount();
  const viewer = await userWithRole(t, 'VIEWER', 'bulk viewer');
  const fulfilment = await userWithRole(t, 'FULFILLMENT', 'bulk fulfilment');
  const cases: [string, Record<string, unknown>, string][] = [
    [viewer.token, { action: 'CONFIRM', ids: [o.id] }, 'ORDER_UPDATE'],
    [viewer.token, { action: 'ADD_TAG', ids: [o.id], tag: 'x' }, 'ORDER_NOTE'],
    [fulfilment.token, { action: 'CANCEL', ids: [o.id] }, 'ORDER_CANCEL'],
    [fulfilment.token, { action: 'HOLD', ids: [o.id], reason: 'r' }, 'ORDER_HOLD'],
  ];
  for (const [token, input, permission] of cases) {
    const res = await t.gql(START, { i: input }, { token });
    expect(res.body.errors?.[0]).toMatchObject({
      message: `Missing permission ${permission}`,
      extensions: { code: 'FORBIDDEN', permission },
    });
  }
  // A key without ORDER_CANCEL.
  const key = await createKey(t, { channelCodes: ['WEB'], permissions: ['ORDER_READ'] });
  const res = await t.gql(START, { i: { action: 'CANCEL', filter: {} } }, { token: key.secret });
  expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'ORDER_CANCEL' });
  expect(await jobCount()).toBe(before);
  expect(await statuses([o.id])).toEqual({ [o.id]: 'PENDING' });
  // FULFILLMENT may tag.
  const tagged = await start({ action: 'ADD_TAG', ids: [o.id], tag: ' Rush ' }, fulfilment.token);
  expect(tagged.userErrors).toEqual([]);
  await finished(tagged.job!.id, fulfilment.token);
  expect((await t.sql('select tags from "order" where id = $1', [o.id]))[0].tags).toEqual(['rush']);
});

test('bad input names the field, and nothing is created', async () => {
  const [o] = await place(1);
  const before = await jobCount();
  const cases: [Record<string, unknown>, string[], RegExp][] = [
    [{ action: 'CONFIRM' }, ['input', 'filter'], /exactly one of filter and ids/],
    [{ action: 'CONFIRM', filter: {}, ids: [o.id] }, ['input', 'ids'], /not both/],
    [{ action: 'HOLD', ids: [o.id] }, ['input', 'reason'], /reason is required/],
    [{ action: 'HOLD', ids: [o.id], reason: '   ' }, ['input', 'reason'], /reason is required/],
    [{ action: 'ADD_TAG', ids: [o.id] }, ['input', 'tag'], /tag is required/],
    [{ action: 'ADD_TAG', ids: [o.id], tag: 'no spaces please' }, ['input', 'tag'], /./],
    [{ action: 'REMOVE_TAG', ids: [o.id] }, ['input', 'tag'], /tag is required/],
    [{ action: 'CONFIRM', ids: [] }, ['input', 'ids'], /at least one/],
    [{ action: 'CONFIRM', ids: [o.id, 'not-a-uuid'] }, ['input', 'ids', '1'], /not an order id/],
    [{ action: 'CONFIRM', filter: { tag: 'no-order-has-this' } }, ['input', 'filter'], /No order matches/],
  ];
  for (const [input, field, message] of cases) {
    const r = await start(input);
    expect({ input, job: r.job, field: r.userErrors[0]?.field }).toEqual({ input, job: null, field });
    expect(r.userErrors[0].message).toMatch(message);
  }
  const res = await t.gql(START, { i: { action: 'CONFIRM', filter: { search: 'x'.repeat(201) } } });
  expect(res.body.errors?.[0].message).toMatch(/filter.search/);
  expect(await jobCount()).toBe(before);
  expect(await statuses([o.id])).toEqual({ [o.id]: 'PENDING' });
});

test('the subscription reports progress and ends with DONE', async () => {
  const orders = await place(150);
  await tag(
    orders.map((o) => o.id),
    'bulk-sub',
  );
  const [late] = await place(1);
  const ws = t.ws();
  const started = await start({ action: 'CONFIRM', filter: { tag: 'bulk-sub' } });
  // Matching only after the job started: not in its snapshot.
  await tag([late.id], 'bulk-sub');
  const arrivals: number[] = [];
  const updates = await new Promise<{ state: string; done: number; total: number }[]>((resolve, reject) => {
    const seen: { state: string; done: number; total: number }[] = [];
    const timer = setTimeout(() => reject(new Error(`no DONE: ${JSON.stringify(seen)}`)), 60_000);
    ws.subscribe(
      {
        query: 'subscription($id: ID!) { bulkOrderJobUpdated(id: $id) { state done total failed } }',
        variables: { id: started.job!.id },
      },
      {
        next: (v) => {
          const u = (v as { data: { bulkOrderJobUpdated: { state: string; done: number; total: number } } }).data
            .bulkOrderJobUpdated;
          seen.push(u);
          arrivals.push(Date.now());
        },
        error: (e) => reject(e),
        complete: () => {
          clearTimeout(timer);
          resolve(seen);
        },
      },
    );
  });
  const last = updates[updates.length - 1];
  expect(last).toMatchObject({ state: 'DONE', done: 150, total: 150, failed: 0 });
  const dones = updates.map((u) => u.done);
  expect(dones).toEqual([...dones].sort((x, y) => x - y));
  expect(new Set(updates.map((u) => `${u.state}${u.done}`)).size).toBe(updates.length); // no repeats
  // Throttled: a few updates a second at most (250 ms apart on the server; some slack for delivery).
  for (let i = 1; i < arrivals.length; i++) expect(arrivals[i] - arrivals[i - 1]).toBeGreaterThanOrEqual(150);
  expect(await statuses([late.id])).toEqual({ [late.id]: 'PENDING' });
});

test('a user deactivated mid-job: the job stops (FAILED, with why), the orders not reached stay as they were', async () => {
  const manager = await userWithRole(t, 'MANAGER', 'bulk leaver');
  const orders = await place(300, {}, 20);
  await t.sql(`update "order" set tags = array['bulk-leaver'] where id = any($1::uuid[])`, [orders.map((o) => o.id)]);
  const started = await start({ action: 'CONFIRM', filter: { tag: 'bulk-leaver' } }, manager.token);
  expect(started.job!.total).toBe(300);
  const id = started.job!.id;
  await until(
    'the job to be running',
    async () =>
      (
        await t.sql('select count(*)::int as n from bulk_order_job_result where job_id = $1 and ok is not null', [id])
      )[0].n > 0,
    30_000,
  );
  const res = await t.q(`mutation($i: UpdateUserInput!) { updateUser(input: $i) { userErrors { message } } }`, {
    i: { id: manager.id, active: false },
  });
  expect(res.updateUser.userErrors).toEqual([]);
  const job = await finished(id); // read as the admin: the manager is signed out
  expect(job.state).toBe('FAILED');
  expect(job.error).toMatch(/can no longer act/);
  expect(job.done).toBeLessThan(300);
  const confirmed = await t.sql(
    `select count(*)::int as n from "order" where status = 'CONFIRMED' and id = any($1::uuid[])`,
    [orders.map((o) => o.id)],
  );
  // Exactly the orders with a result were confirmed; the rest were not touched.
  expect(confirmed[0].n).toBe(job.done);
});

test('a restart mid-job resumes where it stopped and acts on no order twice', async () => {
  const orders = await place(600, {}, 20);
  await t.sql(`update "order" set tags = array['bulk-restart'] where id = any($1::uuid[])`, [orders.map((o) => o.id)]);
  const started = await start({ action: 'CONFIRM', filter: { tag: 'bulk-restart' } });
  expect(started.job!.total).toBe(600);
  const id = started.job!.id;
  const processed = async () =>
    (await t.sql('select count(*)::int as n from bulk_order_job_result where job_id = $1 and ok is not null', [id]))[0]
      .n as number;
  await until('the job to be running', async () => (await processed()) >= 20, 30_000);
  await t.server.stop();
  const atStop = await processed();
  const [stopped] = await t.sql('select state from bulk_order_job where id = $1', [id]);
  expect(stopped.state).toBe('RUNNING');
  expect(atStop).toBeLessThan(600);

  let next: RunningServer | undefined;
  try {
    next = await createServer({
      config: {
        port: 0,
        logLevel: 'silent',
        sessionTtlSeconds: 3600,
        bodyLimit: '1mb',
        corsOrigins: [],
        rateLimitRequests: 0,
        jobPollSeconds: 1,
      },
      databaseUrl: t.databaseUrl,
      host: '127.0.0.1',
      seed: 'none',
    });
    await until(
      'the job to finish after the restart',
      async () => (await t.sql('select state from bulk_order_job where id = $1', [id]))[0].state === 'DONE',
    );
    const [job] = await t.sql('select total, done, failed from bulk_order_job where id = $1', [id]);
    expect(job).toEqual({ total: 600, done: 600, failed: 0 });
    const ids = orders.map((o) => o.id);
    expect(Object.values(await statuses(ids)).every((s) => s === 'CONFIRMED')).toBe(true);
    // Exactly one confirmation per order: none was acted on twice, none was skipped.
    const history = await t.sql(
      `select order_id, count(*)::int as n from order_history
       where order_id = any($1::uuid[]) and to_status = 'CONFIRMED' group by order_id`,
      [ids],
    );
    expect(history).toHaveLength(600);
    expect(history.every((h) => h.n === 1)).toBe(true);
    const results = await t.sql(
      'select ok, count(*)::int as n from bulk_order_job_result where job_id = $1 group by ok',
      [id],
    );
    expect(results).toEqual([{ ok: true, n: 600 }]);
  } finally {
    await next?.stop();
  }
}, 180_000);
