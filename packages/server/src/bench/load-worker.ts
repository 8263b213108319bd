/**
 * The load generator, in a worker thread: the 16 clients (HTTP for the server, pg for the floor)
 * run on their own event loop, so the server's thread serves requests and nothing else, as it
 * would with clients on other machines.
 */
import { Pool } from 'pg';
import { parentPort, workerData } from 'node:worker_threads';
import { gqlClient, type ClientKind } from './client';
import { placeOrderFloor } from './floor';
import { floorInput, orderInput, placeViaApi } from './orders';
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

export interface LoadRequest { id: number; path: 'server' | 'floor'; warmupMs: number; measureMs: number }

const d = workerData as LoadWorkerData;
const api = gqlClient(d.url, d.client, d.concurrency * 2);
api.setToken(d.token);
const pool = new Pool({ connectionString: d.databaseUrl, max: d.concurrency });
pool.on('error', () => undefined); // the database is dropped with (force) at the end
const serverRngs = Array.from({ length: d.concurrency }, (_, i) => prng(d.seed * 1000 + i + 1));
const floorRngs = Array.from({ length: d.concurrency }, (_, i) => prng(d.seed * 2000 + i + 1));
const paths = {
  server: (w: number) => placeViaApi(api, orderInput(serverRngs[w], d.products, d.customers)),
  floor: async (w: number) => {
    await placeOrderFloor(pool, floorInput(orderInput(floorRngs[w], d.products, d.customers), d.actor));
  },
};

parentPort!.on('message', async (m: LoadRequest | { close: true }) => {
  if ('close' in m) {
    api.close();
    await pool.end().catch(() => undefined);
    parentPort!.close();
    return;
  }
  const result = await runLoad({ concurrency: d.concurrency, warmupMs: m.warmupMs, measureMs: m.measureMs, op: paths[m.path] });
  parentPort!.postMessage({ id: m.id, result });
});
