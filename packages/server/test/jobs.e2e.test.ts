/**
 * The job queue (pg-boss on the server's database): a failing job is retried with backoff and
 * ends as a dead letter with its error, which admins see and retry over GraphQL; a job sent in a
 * rolled-back transaction never exists; a queued job survives a restart; with two server
 * processes each job runs once.
 */
import type PgBoss from 'pg-boss';
import { createServer, RunningServer } from '../src/server';
import { startTestServer, TestServer } from './harness';
import { Mutation, operation, Query, Select } from './support/select';

jest.setTimeout(90_000);

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ config: { jobPollSeconds: 1 } });
});
afterAll(() => t?.stop());

const POLICY = { retryLimit: 2, retryDelaySeconds: 1, retryBackoff: true, deadLetter: true };

function secondServer(): Promise<RunningServer> {
  return createServer({
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
}

async function send(server: RunningServer, queue: string, data: object): Promise<string> {
  return server.orm.em.fork().transactional((em) => server.jobs.send(em, queue, data));
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const JOBS = operation<
  Select<
    Query,
    { jobs: { id: true; queue: true; state: true; data: true; retryCount: true; retryLimit: true; error: true } }
  >
>(`query($q: String, $s: JobState) { jobs(queue: $q, state: $s) { id queue state data retryCount retryLimit error } }`);
const RETRY = operation<
  Select<
    Mutation,
    {
      retryJob: { job: { id: true; queue: true; state: true }; userErrors: { field: true; code: true; message: true } };
    }
  >
>(
  `mutation($q: String!, $id: ID!) { retryJob(queue: $q, id: $id) { job { id queue state } userErrors { field code message } } }`,
);

test('a failing job is retried with growing delays, then kept as a dead letter with its error; an admin sees it and retries it', async () => {
  const attempts: number[] = [];
  let fixed = false;
  await t.server.jobs.define('test-flaky', POLICY);
  await t.server.jobs.work<{ n: number }>('test-flaky', async (job: PgBoss.JobWithMetadata<{ n: number }>) => {
    attempts.push(Date.now());
    if (!fixed) throw new Error(`boom ${job.retryCount + 1} of job ${job.data.n}`);
  });
  const id = await send(t.server, 'test-flaky', { n: 7 });

  const [letter] = await until('the dead letter', async () => {
    const r = await t.q(JOBS, { q: 'test-flaky__dead' });
    return r.jobs.length ? r.jobs : undefined;
  });
  expect(attempts).toHaveLength(3);
  const gaps = [attempts[1] - attempts[0], attempts[2] - attempts[1]];
  expect(gaps[0]).toBeGreaterThanOrEqual(900); // 1-2 s
  expect(gaps[1]).toBeGreaterThanOrEqual(1900); // 2-4 s
  expect(letter).toMatchObject({
    queue: 'test-flaky__dead',
    state: 'CREATED',
    data: { n: 7 },
    error: 'boom 3 of job 7',
  });
  const failed = await t.q(JOBS, { q: 'test-flaky', s: 'FAILED' });
  expect(failed.jobs).toEqual([
    {
      id,
      queue: 'test-flaky',
      state: 'FAILED',
      data: { n: 7 },
      retryCount: 2,
      retryLimit: 2,
      error: 'boom 3 of job 7',
    },
  ]);

  // Running jobs cannot be retried; unknown ones are NOT_FOUND; nothing changes.
  const unknown = await t.q(RETRY, { q: 'test-flaky', id: '00000000-0000-4000-8000-000000000000' });
  expect(unknown.retryJob).toMatchObject({ job: null, userErrors: [{ field: ['id'], code: 'NOT_FOUND' }] });

  fixed = true;
  const retried = await t.q(RETRY, { q: 'test-flaky', id });
  expect(retried.retryJob).toMatchObject({ userErrors: [], job: { id, queue: 'test-flaky' } });
  await until(
    'the retried job to complete',
    async () => (await t.q(JOBS, { q: 'test-flaky', s: 'COMPLETED' })).jobs.length === 1,
  );
  const again = await t.q(RETRY, { q: 'test-flaky', id });
  expect(again.retryJob.userErrors).toEqual([
    {
      field: ['id'],
      code: 'INVALID_INPUT',
      message: 'Only a failed job or a dead letter can be retried; this one is completed',
    },
  ]);

  // A dead letter goes back to its queue as a new job, and leaves the dead-letter queue.
  const fromDead = await t.q(RETRY, { q: 'test-flaky__dead', id: letter.id });
  expect(fromDead.retryJob).toMatchObject({ userErrors: [], job: { queue: 'test-flaky' } });
  expect(fromDead.retryJob.job!.id).not.toBe(id);
  await until(
    'the dead letter re-run',
    async () => (await t.q(JOBS, { q: 'test-flaky', s: 'COMPLETED' })).jobs.length === 2,
  );
  expect((await t.q(JOBS, { q: 'test-flaky__dead' })).jobs).toEqual([]);
  expect(await t.sql(`select actor, target_id from audit_entry where action = 'job.retry' order by at`)).toEqual([
    { actor: 'user:admin@test.local', target_id: id },
    { actor: 'user:admin@test.local', target_id: letter.id },
  ]);
});

test('JOB_MANAGE cannot be given to a partner API key', async () => {
  await t.q(
    `mutation { createChannel(input: { code: "WEB", name: "Web", currency: "EUR" }) { userErrors { message } } }`,
  );
  const r = await t.q<
    Select<
      Mutation,
      { createApiKey: { apiKey: { id: true }; secret: true; userErrors: { field: true; code: true; message: true } } }
    >
  >(
    `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { apiKey { id } secret userErrors { field code message } } }`,
    { i: { name: 'ops', channelCodes: ['WEB'], permissions: ['ORDER_READ', 'JOB_MANAGE'] } },
  );
  expect(r.createApiKey).toEqual({
    apiKey: null,
    secret: null,
    userErrors: [
      {
        field: ['input', 'permissions', '1'],
        code: 'INVALID_INPUT',
        message: 'JOB_MANAGE cannot be given to an API key',
      },
    ],
  });
});

test('a job sent in a transaction that rolls back never exists', async () => {
  await t.server.jobs.define('test-rollback', POLICY);
  await expect(
    t.server.orm.em.fork().transactional(async (em) => {
      await t.server.jobs.send(em, 'test-rollback', { n: 1 });
      throw new Error('changed my mind');
    }),
  ).rejects.toThrow('changed my mind');
  expect(await t.sql(`select count(*)::int as n from pgboss.job where name = 'test-rollback'`)).toEqual([{ n: 0 }]);
});

test('a queued job survives a restart: sent by a server that stops, run by the next one', async () => {
  const first = await secondServer();
  let id: string;
  try {
    await first.jobs.define('test-restart', POLICY);
    id = await send(first, 'test-restart', { hello: 'world' });
  } finally {
    await first.stop();
  }
  expect(await t.sql(`select state::text from pgboss.job where id = $1`, [id])).toEqual([{ state: 'created' }]);

  const next = await secondServer();
  try {
    const ran: string[] = [];
    await next.jobs.define('test-restart', POLICY);
    await next.jobs.work<{ hello: string }>('test-restart', async (job) => {
      ran.push(`${job.id} ${job.data.hello}`);
    });
    await until('the job to run', async () => ran.length > 0);
    expect(ran).toEqual([`${id} world`]);
  } finally {
    await next.stop();
  }
});

test('with two server processes working a queue, every job runs exactly once', async () => {
  const other = await secondServer();
  try {
    const runs: { job: string; by: string }[] = [];
    for (const [server, by] of [
      [t.server, 'A'],
      [other, 'B'],
    ] as const) {
      await server.jobs.define('test-once', POLICY);
      await server.jobs.work<{ n: number }>(
        'test-once',
        async (job) => {
          runs.push({ job: job.id, by });
          await new Promise((r) => setTimeout(r, 20));
        },
        4,
      );
    }
    const ids: string[] = [];
    for (let n = 0; n < 40; n++) ids.push(await send(n % 2 ? t.server : other, 'test-once', { n }));
    await until('40 runs', async () => runs.length >= 40);
    await new Promise((r) => setTimeout(r, 1500)); // longer than a poll: a duplicate would show now
    expect(runs).toHaveLength(40);
    expect(new Set(runs.map((r) => r.job))).toEqual(new Set(ids));
    expect(new Set(runs.map((r) => r.by))).toEqual(new Set(['A', 'B']));
  } finally {
    await other.stop();
  }
});

test('a job still running at the shutdown deadline is failed for a retry, and the stopped server leaves no worker behind', async () => {
  const server = await secondServer();
  let id = '';
  let started = false;
  try {
    await server.jobs.define('test-hung', POLICY);
    await server.jobs.work('test-hung', () => {
      started = true;
      return new Promise<void>(() => undefined); // a handler that never settles (a hung socket)
    });
    id = await send(server, 'test-hung', {});
    await until('the job to start', async () => started);
  } finally {
    await server.stop({ timeoutMs: 3000 });
  }
  const [row] = await t.sql(`select state::text, output->>'message' as message from pgboss.job where id = $1`, [id]);
  expect(row).toEqual({ state: 'retry', message: 'the server stopped while this job ran; it is retried' });
  // The next server runs it again.
  const next = await secondServer();
  try {
    const ran: string[] = [];
    await next.jobs.define('test-hung', POLICY);
    await next.jobs.work('test-hung', async (job) => {
      ran.push(job.id);
    });
    await until('the retry to run', async () => ran.length > 0, 30_000);
    expect(ran).toEqual([id]);
  } finally {
    await next.stop();
  }
});
