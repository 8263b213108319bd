/**
 * Resuming never misses an update, however long a transaction runs. While a transaction is held
 * open (an unrelated one, for 30 s as in the issue; or one that wrote an order update itself and
 * commits last), orders are placed and confirmed; a channel subscriber receives the first ones,
 * drops, misses some, and resumes with `orderUpdated(after: <last eventId it saw>)`; a reader pages
 * through `events` in small pages. Each gets every committed event exactly once, in stream order,
 * while the transaction is still open, and the held transaction's own update once it commits.
 */
import { Client } from 'pg';
import { placeOrder } from './builders';
import { settle, startTestServer, TestServer } from './harness';
import { operation, Query, Select, Subscription } from './support/select';
import { confirmOrder, standardCatalog } from './order-helpers';

jest.setTimeout(180_000);

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await standardCatalog(t);
});
afterAll(() => t?.stop());

const SUB = `subscription($after: ID) { orderUpdated(channelCode: "WEB", after: $after) { eventId order { id status } event { type toStatus } } }`;
type EventsPage = Select<Query, { events: { nodes: { id: true }; pageInfo: { endCursor: true; hasNextPage: true } } }>;
const EVENTS = operation<EventsPage>(
  `query($after: String) { events(first: 7, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }`,
);

function follow(after?: string) {
  const ids: string[] = [];
  const errors: unknown[] = [];
  const stop = t.ws().subscribe<Select<Subscription, { orderUpdated: { eventId: true } }>>(
    { query: SUB, variables: after ? { after } : {} },
    {
      next: (r) => (r.errors ? errors.push(r.errors) : ids.push(r.data!.orderUpdated.eventId)),
      error: (e) => errors.push(e),
      complete: () => {},
    },
  );
  return { ids, errors, stop };
}

async function until(what: string, ok: () => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The channel's subscription updates (primary events) after a position, in stream order, from the table. */
async function updatesAfter(position: string): Promise<string[]> {
  const rows = await t.sql(
    `select e.id from domain_event e join channel c on c.id = e.channel_id
    where c.code = 'WEB' and (e.payload->>'primary')::boolean and e.position > $1 order by e.position`,
    [position],
  );
  return rows.map((r) => r.id);
}

/** Pages through the whole stream, 7 at a time, from `after`; returns the ids and the last cursor. */
async function pageAll(after: string | null = null): Promise<{ ids: string[]; cursor: string | null }> {
  const ids: string[] = [];
  for (;;) {
    const page: EventsPage['events'] = (await t.q(EVENTS, { after })).events;
    ids.push(...page.nodes.map((n) => n.id));
    after = page.pageInfo.endCursor ?? after;
    if (!page.pageInfo.hasNextPage) return { ids, cursor: after };
  }
}

async function placeAndConfirm(n: number, tag: string) {
  for (let i = 0; i < n; i++) {
    const { order } = await placeOrder(t, { externalId: `${tag}-${i}` });
    await confirmOrder(t, order.id);
  }
}

/**
 * The story, with `held` open throughout: returns what the follower, the resumed subscriber and the
 * pager saw, and where the stream stood when the follower subscribed.
 */
async function story(held: Client, tag: string) {
  const [{ p: start }] = await t.sql(`select coalesce(max(position), 0)::text as p from domain_event`);
  const first = follow();
  await settle(300);
  await placeAndConfirm(3, `${tag}-A`);
  await until('the follower to see the first six updates', () => first.ids.length === 6);
  first.stop();
  const lastSeen = first.ids.at(-1)!;
  await placeAndConfirm(3, `${tag}-B`); // while the subscriber is away
  const resumed = follow(lastSeen);
  await settle(300);
  await placeAndConfirm(1, `${tag}-C`); // live after resuming
  await until('the resumed subscriber to catch up and get the live ones', () => resumed.ids.length === 8);
  // Still while the transaction is open: every event committed so far is listed, once, in stream order.
  const paged = await pageAll();
  const [{ open }] = await held.query('select 1 as open').then((r) => r.rows);
  expect(open).toBe(1);
  const stream = (await t.sql('select id from domain_event where position is not null order by position')).map(
    (r) => r.id,
  );
  expect(paged.ids).toEqual(stream);
  const [{ n: unnumbered }] = await t.sql('select count(*)::int as n from domain_event where position is null');
  expect(unnumbered).toBe(0);
  return { start, first, lastSeen, resumed, paged };
}

test('an unrelated transaction held open 30 s: a subscriber resuming with after, and a reader paging events, each see every update exactly once, in order', async () => {
  const held = new Client({ connectionString: t.databaseUrl });
  await held.connect();
  const began = Date.now();
  try {
    await held.query('begin');
    await held.query('select pg_current_xact_id()'); // a transaction id older than every change below
    const { start, first, lastSeen, resumed, paged } = await story(held, 'LONG');
    // Hold it for the 30 s of the issue, then let it end.
    await new Promise((r) => setTimeout(r, Math.max(0, 30_000 - (Date.now() - began))));
    await held.query('rollback');
    await new Promise((r) => setTimeout(r, 1000)); // nothing more may arrive
    expect(first.ids).toEqual((await updatesAfter(start)).slice(0, 6));
    const [{ p: seenAt }] = await t.sql('select position::text as p from domain_event where id = $1', [lastSeen]);
    expect(resumed.ids).toEqual(await updatesAfter(seenAt));
    expect(resumed.ids).toHaveLength(8);
    expect(resumed.errors).toEqual([]);
    // Paging on from the last cursor after the transaction ended: nothing new, nothing again.
    expect((await pageAll(paged.cursor)).ids).toEqual([]);
  } finally {
    await held.end();
  }
});

test('a transaction that wrote an order update and commits last: everything committed before it is delivered meanwhile, and its update once, after commit, to followers and resumers', async () => {
  const { order } = await placeOrder(t, { externalId: 'HELD-1' });
  const [placed] = await t.sql(`select id from domain_event where aggregate_id = $1 and type = 'order.placed'`, [
    order.id,
  ]);
  const held = new Client({ connectionString: t.databaseUrl });
  await held.connect();
  try {
    await held.query('begin');
    // A copy of the placement's update (the same history entry), as a new stream event of this transaction.
    const [written] = (
      await held.query(
        `insert into domain_event (id, type, aggregate_type, aggregate_id, channel_id, payload, actor, occurred_at)
      select gen_random_uuid(), type, aggregate_type, aggregate_id, channel_id, payload, actor, now() from domain_event where id = $1 returning id`,
        [placed.id],
      )
    ).rows;
    const { start, first, resumed, paged } = await story(held, 'HELD');
    expect(resumed.ids).not.toContain(written.id);
    const follower = follow(resumed.ids.at(-1));
    await settle(300);
    await held.query('commit');
    await until("the held transaction's update to arrive", () => resumed.ids.length === 9 && follower.ids.length === 1);
    await new Promise((r) => setTimeout(r, 1000)); // nothing more may arrive
    expect(resumed.ids.at(-1)).toBe(written.id);
    expect(follower.ids).toEqual([written.id]);
    expect(first.ids).toEqual((await updatesAfter(start)).slice(0, 6));
    // Its position follows every position assigned while it was open.
    const [{ last }] = await t.sql('select max(position)::text as last from domain_event');
    expect((await t.sql('select position::text as p from domain_event where id = $1', [written.id]))[0].p).toBe(last);
    // The reader paging on from where it stopped gets exactly that event.
    expect((await pageAll(paged.cursor)).ids).toEqual([written.id]);
  } finally {
    await held.end();
  }
});
