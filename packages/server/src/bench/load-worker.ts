/**
 * The load generator, in a child process (node:child_process fork): the 16 clients (HTTP for the
 * server, pg for the floor) run in their own process, so the benchmark process serves requests
 * and nothing else, as a server would with clients on other machines, and its
 * `process.cpuUsage()` is the server's CPU alone.
 */
import { Pool } from 'pg';
import { gqlClient, type ClientKind } from './client';
import { placeOrderFloor } from './floor';
import { floorInput, LOAD_WORKER_DATA, orderInput, placeViaApi } from './orders';
import { prng, runLoad } from './stats';

export interface LoadWorkerData {
  url: string;
  token: string;
  client: ClientKind;
  databaseUrl: string;
  concurrency: number;
  seed: number;
  products: number;
  customers: number;
  actor: string;
}

export interface LoadRequest {
  id: number;
  /** server: placeOrder over HTTP; floor: the same SQL through pg; typename: `{ __typename }` over HTTP with the same key (the cost of HTTP, GraphQL and auth alone). */
  path: 'server' | 'floor' | 'typename';
  warmupMs: number;
  measureMs: number;
}

const d = JSON.parse(process.env[LOAD_WORKER_DATA] ?? 'null') as LoadWorkerData;
if (!d || !process.send) throw new Error('load-worker.ts runs as a child process of bench.ts');
let api = gqlClient(d.url, d.client, d.concurrency * 2);
api.setToken(d.token);
const pool = new Pool({ connectionString: d.databaseUrl, max: d.concurrency });
pool.on('error', () => undefined); // the database is dropped with (force) at the end
const serverRngs = Array.from({ length: d.concurrency }, (_, i) => prng(d.seed * 1000 + i + 1));
const floorRngs = Array.from({ length: d.concurrency }, (_, i) => prng(d.seed * 2000 + i + 1));
const paths = {
  server: (w: number) => placeViaApi(api, orderInput(serverRngs[w], d.products, d.customers)),
  typename: async () => {
    const r = await api.request<{ __typename: string }>('{ __typename }');
    if (r.status !== 200 || r.data?.__typename !== 'Query') throw new Error(`{ __typename }: HTTP ${r.status}`);
  },
  floor: async (w: number) => {
    await placeOrderFloor(pool, floorInput(orderInput(floorRngs[w], d.products, d.customers), d.actor));
  },
};

process.on('message', async (m: LoadRequest | { close: true }) => {
  if ('close' in m) {
    api.close();
    await pool.end().catch(() => undefined);
    process.disconnect();
    return;
  }
  if (m.path !== 'floor') {
    // Fresh keep-alive connections for every server round: the server closes the ones left idle
    // during the other paths' rounds, and reusing one as it closes fails with "socket hang up".
    api.close();
    api = gqlClient(d.url, d.client, d.concurrency * 2);
    api.setToken(d.token);
  }
  const result = await runLoad({
    concurrency: d.concurrency,
    warmupMs: m.warmupMs,
    measureMs: m.measureMs,
    op: paths[m.path],
  });
  // Latencies travel as a plain array; everything else is small.
  process.send!({ id: m.id, result });
});
process.send({ ready: true });
