/**
 * The subscribers of `pnpm bench:fanout`, in a child process of their own (so that the server's
 * process serves and nothing else, and its memory is the server's only): N WebSocket connections,
 * one `orderUpdated` subscription each, recording when each update arrives, by history entry id.
 * Driven over IPC by fanout-bench.ts.
 */
import { createClient, Client } from 'graphql-ws';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

export type ClientsRequest =
  | { cmd: 'connect'; wsUrl: string; token: string; n: number; query: string }
  | { cmd: 'seen'; historyId: string; timeoutMs: number }
  /** Load phases: stop recording arrival times (only count), or start again; replies with the count so far. */
  | { cmd: 'count'; record: boolean }
  | { cmd: 'close' };

export type ClientsReply =
  | { type: 'connected'; n: number }
  | { type: 'seen'; historyId: string; times: number[]; errors: number; endings?: Record<string, number> }
  | { type: 'count'; received: number; errors: number }
  | { type: 'closed' };

const now = () => performance.timeOrigin + performance.now();
const clients: Client[] = [];
/** Arrival times of each update (by history entry id), one per subscriber. */
const arrivals = new Map<string, number[]>();
let errors = 0;
let received = 0;
let record = true;
const send = (m: ClientsReply) => process.send!(m);

/** Why connections ended, by close code (or error message): printed by the bench when connections had to be opened again. */
const endings = new Map<string, number>();

/**
 * Subscriber i: one connection, one subscription; a connection that fails (the server busy) is
 * opened again. Resolves when the server has acknowledged the connection (or it failed).
 */
function subscribe(i: number, m: Extract<ClientsRequest, { cmd: 'connect' }>): Promise<void> {
  let acked: () => void = () => undefined;
  const ack = new Promise<void>((resolve) => (acked = resolve));
  const client = createClient({
    url: m.wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${m.token}` },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: {
      connected: () => acked(),
      closed: (e: unknown) => {
        acked();
        const { code, message } = (e ?? {}) as { code?: unknown; message?: unknown };
        const k = String(code ?? message ?? e);
        endings.set(k, (endings.get(k) ?? 0) + 1);
      },
    },
  });
  clients[i] = client;
  let failed = false;
  const again = () => {
    if (failed || closing) return;
    failed = true;
    errors++;
    void client.dispose();
    setTimeout(() => subscribe(i, m), 500);
  };
  client.subscribe<{ orderUpdated: { event: { id: string } } }>(
    { query: m.query },
    {
      next: (r) => {
        if (r.errors) {
          errors++;
          return;
        }
        received++;
        if (!record) return;
        const id = r.data!.orderUpdated.event.id;
        let list = arrivals.get(id);
        if (!list) arrivals.set(id, (list = []));
        list.push(now());
      },
      error: again,
      complete: again,
    },
  );
  return ack;
}

let closing = false;
process.on('message', async (m: ClientsRequest) => {
  if (m.cmd === 'connect') {
    // 50 at a time, each batch acknowledged before the next: the server authenticates each
    // connection, and a herd of them would time out waiting for connection_init to be read.
    for (let i = 0; i < m.n; i += 50) {
      const batch: Promise<void>[] = [];
      for (let j = i; j < Math.min(m.n, i + 50); j++) batch.push(subscribe(j, m));
      await Promise.race([Promise.all(batch), new Promise((r) => setTimeout(r, 30_000))]);
    }
    send({ type: 'connected', n: clients.length });
  } else if (m.cmd === 'seen') {
    const deadline = Date.now() + m.timeoutMs;
    while ((arrivals.get(m.historyId)?.length ?? 0) < clients.length && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    send({
      type: 'seen',
      historyId: m.historyId,
      times: arrivals.get(m.historyId) ?? [],
      errors,
      endings: Object.fromEntries(endings),
    });
    arrivals.delete(m.historyId);
  } else if (m.cmd === 'count') {
    record = m.record;
    arrivals.clear();
    send({ type: 'count', received, errors });
  } else if (m.cmd === 'close') {
    closing = true;
    await Promise.all(clients.map((c) => c.dispose()));
    send({ type: 'closed' });
    process.exit(0);
  }
});
