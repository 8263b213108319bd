/**
 * common/sql.ts `transaction`: the hot path's plain-SQL transaction sends `begin` with its first
 * statement and `commit` with `preparedAndCommit`'s statement, in one round trip each (pipelined
 * up to one Sync). These tests hold it to what a transaction must do on the real database: two
 * round trips for a read and a final write, nothing committed when any statement (or the commit
 * itself) fails, the connection clean for the next transaction on it, and a named statement whose
 * parse failed parsed again on its next use.
 */
import type { ClientBase } from 'pg';
import { SqlTransaction, transaction } from '../src/common/sql';
import { startTestServer, TestServer } from './harness';

jest.setTimeout(60_000);

let t: TestServer;
beforeAll(async () => {
  // One connection in the pool: "the next transaction on the same connection" is then the only
  // possibility, whatever background work (which shares this pool) did in between. With the
  // default pool the next acquisition could pick another idle connection (seen on CI).
  t = await startTestServer({ poolSize: 1 });
  await t.sql('create table tx_probe (id int primary key, v text not null)');
  await t.sql(
    'create table tx_deferred (id int, constraint tx_deferred_unique unique (id) deferrable initially deferred)',
  );
});
afterAll(() => t?.stop());

type Wire = ClientBase & { processID: number; connection: NodeJS.EventEmitter };

/** Runs `work` in `transaction` and reports the connection it ran on and how many round trips (ReadyForQuery) it took. */
async function traced<T>(work: (trx: SqlTransaction) => Promise<T>) {
  const em = t.server.orm.em.fork();
  const client = em.getKnex().client as { acquireConnection(): Promise<Wire> };
  const acquire = client.acquireConnection;
  let wire: Wire | undefined;
  let roundTrips = 0;
  const count = () => roundTrips++;
  // Only the transaction's own acquisition is traced: transaction() below makes it first, in this
  // same tick, and the original is back before the server's background work (which shares this
  // pool) can take a connection through it. (Tracing every acquisition counted a background
  // statement's round trip on CI.)
  client.acquireConnection = async function (this: unknown) {
    client.acquireConnection = acquire;
    wire = await acquire.call(this);
    wire.connection.on('readyForQuery', count);
    return wire;
  };
  try {
    const result = await transaction(em, work).then(
      (value) => ({ value, error: undefined }),
      (error: Error & { code?: string }) => ({ value: undefined, error }),
    );
    return { ...result, roundTrips, pid: wire!.processID };
  } finally {
    client.acquireConnection = acquire;
    wire?.connection.off('readyForQuery', count);
  }
}

const rows = async (where = '') =>
  await t.sql<{ id: number; v: string }>(`select id, v from tx_probe ${where} order by id`);

test('a read and a final write take two round trips, begin and commit included, and the write is committed', async () => {
  const r = await traced(async (trx) => {
    const [{ n }] = await trx.prepared<{ n: number }>({
      text: 'select count(*)::int as n from tx_probe where id = $1',
      values: [1],
    });
    return trx.preparedAndCommit<{ id: number }>({
      text: 'insert into tx_probe (id, v) values ($1, $2) returning id',
      values: [1, `seen ${n}`],
    });
  });
  expect(r.error).toBeUndefined();
  expect(r.value).toEqual([{ id: 1 }]);
  expect(r.roundTrips).toBe(2);
  expect(await rows('where id = 1')).toEqual([{ id: 1, v: 'seen 0' }]);
});

test('statements between the first and the last take one round trip each; a work without preparedAndCommit commits at the end', async () => {
  const r = await traced(async (trx) => {
    await trx.prepared({ text: 'insert into tx_probe (id, v) values ($1, $2)', values: [2, 'a'] });
    await trx.query({ text: 'update tx_probe set v = $2 where id = $1', values: [2, 'b'] });
    return 'done';
  });
  expect(r.error).toBeUndefined();
  expect(r.roundTrips).toBe(3); // begin + insert, update, commit
  expect(await rows('where id = 2')).toEqual([{ id: 2, v: 'b' }]);
});

test('a failing final write commits nothing, not even the statements before it, and the connection is clean', async () => {
  const r = await traced(async (trx) => {
    await trx.prepared({ text: 'insert into tx_probe (id, v) values ($1, $2)', values: [3, 'first'] });
    // The same id again: a unique violation in the statement sent with the commit.
    return trx.preparedAndCommit({
      text: 'insert into tx_probe (id, v) values ($1, $2) returning id',
      values: [3, 'again'],
    });
  });
  expect(r.error?.code).toBe('23505');
  expect(await rows('where id = 3')).toEqual([]);
  // The next transaction on the same connection is not "in failed transaction" state.
  const next = await traced((trx) => trx.preparedAndCommit({ text: 'select 1 as one', values: [] }));
  expect(next.pid).toBe(r.pid);
  expect(next.error).toBeUndefined();
  expect(next.value).toEqual([{ one: 1 }]);
});

test('a failing first statement (sent with begin) rejects with its error and leaves nothing behind', async () => {
  const r = await traced((trx) =>
    trx.prepared({ text: 'insert into tx_probe (id, v) values ($1, $2)', values: [4, null] }),
  );
  expect(r.error?.code).toBe('23502');
  expect(await rows('where id = 4')).toEqual([]);
  const next = await traced((trx) =>
    trx.prepared({ text: 'select count(*)::int as n from tx_probe where id = $1', values: [4] }),
  );
  expect(next.pid).toBe(r.pid);
  expect(next.value).toEqual([{ n: 0 }]);
});

test('a commit that fails (a deferred constraint) rejects, and nothing is committed', async () => {
  const r = await traced((trx) =>
    trx.preparedAndCommit({ text: 'insert into tx_deferred (id) values ($1), ($1)', values: [7] }),
  );
  expect(r.error?.code).toBe('23505');
  expect(await t.sql('select id from tx_deferred')).toEqual([]);
  const next = await traced((trx) =>
    trx.preparedAndCommit({ text: 'insert into tx_deferred (id) values ($1)', values: [8] }),
  );
  expect(next.error).toBeUndefined();
  expect(await t.sql('select id from tx_deferred')).toEqual([{ id: 8 }]);
});

test('work that throws after its first statement rolls back', async () => {
  const r = await traced(async (trx) => {
    await trx.prepared({ text: 'insert into tx_probe (id, v) values ($1, $2)', values: [5, 'x'] });
    throw new Error('changed my mind');
  });
  expect(r.error?.message).toBe('changed my mind');
  expect(await rows('where id = 5')).toEqual([]);
});

test('a statement after preparedAndCommit is refused', async () => {
  const r = await traced(async (trx) => {
    await trx.preparedAndCommit({ text: 'insert into tx_probe (id, v) values ($1, $2)', values: [6, 'kept'] });
    await trx.prepared({ text: 'insert into tx_probe (id, v) values ($1, $2)', values: [60, 'not sent'] });
  });
  expect(r.error?.message).toMatch(/after preparedAndCommit/);
  expect(await rows('where id in (6, 60)')).toEqual([{ id: 6, v: 'kept' }]);
});

test('a named statement whose parse failed is parsed again on its next use on the same connection', async () => {
  const statement = { text: 'select count(*)::int as n from tx_later where id = $1', values: [1] };
  const failed = await traced((trx) => trx.prepared(statement));
  expect(failed.error?.code).toBe('42P01'); // undefined table
  await t.sql('create table tx_later (id int)');
  for (const around of ['begin', 'commit'] as const) {
    const again = await traced((trx) =>
      around === 'begin' ? trx.prepared(statement) : trx.preparedAndCommit(statement),
    );
    expect(again.pid).toBe(failed.pid);
    expect(again.error).toBeUndefined();
    expect(again.value).toEqual([{ n: 0 }]);
  }
});

test('a work that sends nothing sends neither begin nor commit', async () => {
  const r = await traced(async () => 42);
  expect(r.value).toBe(42);
  expect(r.roundTrips).toBe(0);
});
