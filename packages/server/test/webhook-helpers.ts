/**
 * Webhook test helpers: a real HTTP receiver on 127.0.0.1 that records every request and answers
 * as scripted per path, the verification code of docs/integrations.md (extracted from it, run as is),
 * and waiting for the dispatcher and the delivery queue to go quiet.
 */
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import type { TestServer } from './harness';
import { Mutation, operation, Query, Select } from './support/select';

/** A delivery's JSON body: the event envelope of docs/integrations.md. */
export interface DeliveryBody {
  id: string;
  type: string;
  occurredAt: string;
  /** 2: order events carry the order, stock events the stock level (docs/integrations.md#webhook-payloads); 1: events recorded before. */
  payloadVersion: number;
  /** The event's payload: for order events the order's id and (payloadVersion 2) the order itself. */
  data: { orderId?: string; order?: { id: string; [field: string]: unknown }; [field: string]: unknown };
}

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  raw: string;
  /** The parsed body; undefined when it is not JSON. */
  body: DeliveryBody | undefined;
  at: number;
}

export interface Receiver {
  url(path: string): string;
  received: Received[];
  on(path: string): Received[];
  /** Answers for the next requests to `path`, in order (then 200). A status of -1 hangs up without answering. */
  script(
    path: string,
    answers: { status: number; body?: string; delayMs?: number; headers?: Record<string, string> }[],
  ): void;
  waitFor(path: string, n: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const scripts = new Map<
    string,
    { status: number; body?: string; delayMs?: number; headers?: Record<string, string> }[]
  >();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const p = req.url ?? '/';
      let body: DeliveryBody | undefined;
      try {
        body = JSON.parse(raw);
      } catch {
        body = undefined;
      }
      received.push({ path: p, headers: req.headers, raw, body, at: Date.now() });
      const answer = scripts.get(p)?.shift() ?? { status: 200, body: 'ok' };
      if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
      if (answer.status === -1) {
        req.socket.destroy();
        return;
      }
      res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers }).end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const on = (p: string) => received.filter((r) => r.path === p);
  return {
    url: (p) => `http://127.0.0.1:${port}${p}`,
    received,
    on,
    script: (p, answers) => scripts.set(p, [...answers]),
    async waitFor(p, n, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (on(p).length < n) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${n} requests to ${p}, got ${on(p).length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return on(p);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The `verifyWebhookSignature` of docs/integrations.md, exactly as documented. */
export function readmeVerifier(): (
  secret: string,
  header: string,
  rawBody: string,
  toleranceSeconds?: number,
) => boolean {
  const docs = fs.readFileSync(path.resolve(__dirname, '../../../docs/integrations.md'), 'utf8');
  const block = /<!-- webhook-verify:start -->\s*```js\n([\s\S]*?)```\s*<!-- webhook-verify:end -->/.exec(docs);
  if (!block) throw new Error('docs/integrations.md has no webhook-verify block');
  return new Function('require', `${block[1]}\nreturn verifyWebhookSignature;`)(require);
}

/** Waits until every event is dispatched and no delivery job is queued, retrying or running. */
export async function settled(t: TestServer, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ n }] = await t.sql(`select (select count(*) from domain_event where dispatched_at is null)
      + (select count(*) from pgboss.job where name = 'webhook-delivery' and state in ('created', 'retry', 'active'))::int as n`);
    if (Number(n) === 0) return;
    if (Date.now() > deadline) throw new Error(`not settled: ${n} events or delivery jobs pending`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const CREATE_ENDPOINT = operation<
  Select<
    Mutation,
    {
      createWebhookEndpoint: {
        endpoint: { id: true; url: true; eventTypes: true; channelCodes: true; active: true };
        secret: true;
        userErrors: { field: true; code: true; message: true };
      };
    }
  >
>(`mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) {
  endpoint { id url eventTypes channelCodes active } secret userErrors { field code message } } }`);

export const DELIVERIES = `query($id: ID!, $first: Int) { webhookDeliveries(endpointId: $id, first: $first) { totalCount nodes {
  id eventId eventType status attemptCount replayOf replay deliveredAt attempts { statusCode latencyMs responseExcerpt error } } } }`;

export async function createEndpoint(
  t: TestServer,
  input: { url: string; eventTypes: string[]; channelCodes?: string[] },
  token?: string,
) {
  const r = await t.q(CREATE_ENDPOINT, { i: input }, token ? { token } : undefined);
  if (r.createWebhookEndpoint.userErrors.length) throw new Error(JSON.stringify(r.createWebhookEndpoint.userErrors));
  return r.createWebhookEndpoint as {
    endpoint: { id: string; url: string; eventTypes: string[]; channelCodes: string[]; active: boolean };
    secret: string;
  };
}

export async function deliveries(t: TestServer, endpointId: string, token?: string) {
  const r = await t.q<
    Select<
      Query,
      {
        webhookDeliveries: {
          totalCount: true;
          nodes: {
            id: true;
            eventId: true;
            eventType: true;
            status: true;
            attemptCount: true;
            replayOf: true;
            replay: true;
            deliveredAt: true;
            attempts: { statusCode: true; latencyMs: true; responseExcerpt: true; error: true };
          };
        };
      }
    >
  >(DELIVERIES, { id: endpointId, first: 200 }, token ? { token } : undefined);
  return r.webhookDeliveries.nodes;
}

/**
 * Config that makes retries take seconds, not hours, and lets staff endpoints reach the local
 * receivers (the development flag; partner keys' endpoints are refused local addresses anyway).
 */
export const FAST_WEBHOOKS = {
  webhookAllowPrivateAddresses: true,
  jobPollSeconds: 1,
  eventDispatchPollSeconds: 1,
  webhookTimeoutMs: 1500,
  webhookRetryDelaySeconds: 1,
  webhookRetryWindowSeconds: 3, // two retries: after ~1-2 s and ~2-4 s
  webhookSecretGraceSeconds: 0, // a rotated secret stops signing at once (webhooks-standard.e2e tests the grace period)
  webhookDisableAfterFailures: 3,
};

/**
 * Makes the server's webhook name resolution know no name (ENOTFOUND), as for `*.invalid`, without
 * asking a DNS server: for partner keys' endpoints, which can never be on this machine.
 */
export function resolveNoNames(t: TestServer): void {
  t.server.services.webhooks.resolveHost = async (hostname: string) => {
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  };
}
