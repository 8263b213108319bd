/**
 * The event stream's listening connection survives the database dropping every connection (what a
 * restart does to them: 57P01, terminating connection due to administrator command): the process
 * keeps running, listens again with a new connection, and a subscriber following an order gets the
 * change made right after the cut exactly once. `connected` and `stats()` say so.
 */
import { placeOrder } from './builders';
import { collect, settle, startTestServer, TestServer } from './harness';
import { confirmOrder, holdOrder, standardCatalog } from './order-helpers';

jest.setTimeout(120_000);

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await standardCatalog(t);
});
afterAll(() => t?.stop());

const SUB = 'subscription($id: ID) { orderUpdated(id: $id) { eventId order { status } event { toStatus } } }';

async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const listeners = () =>
  t.sql<{ pid: number }>(
    `select pid from pg_stat_activity where datname = current_database() and application_name = 'oms-event-stream'`,
  );

test('after every connection of the database is cut, the stream listens again and delivers the next change once', async () => {
  const stream = t.server.eventStream;
  expect(stream.connected).toBe(true);
  const { order } = await placeOrder(t);
  const received = collect(t.ws(), SUB, { id: order.id }, 2, 30_000);
  await settle(300);
  const [before] = await listeners();
  // Every backend of this database but the one asking: the server's pool, the listener, the test's own pool.
  await t.sql(
    'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  // The server's pool reconnects on the next statement; the mutation goes through.
  await until('a change to go through', async () =>
    confirmOrder(t, order.id).then(
      () => true,
      () => false,
    ),
  );
  await until('the stream to listen again', async () => stream.connected && (await listeners()).length === 1);
  expect((await listeners())[0].pid).not.toBe(before.pid);
  await holdOrder(t, order.id, 'after the cut');
  const got = await received.done;
  expect(got.map((r) => r.data.orderUpdated.event.toStatus)).toEqual(['CONFIRMED', 'ON_HOLD']);
  const extra = collect(t.ws(), SUB, { id: order.id, after: got[1].data.orderUpdated.eventId }, 1, 1000);
  await expect(extra.done).rejects.toThrow(/timed out/);
  expect(stream.stats()).toMatchObject({ connected: true });
  expect(stream.stats().lastPublishedAt).toBeInstanceOf(Date);
});
