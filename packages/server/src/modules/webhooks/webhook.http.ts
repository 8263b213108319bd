/**
 * One webhook request: the host resolved and checked once (webhook.address.ts), the socket
 * connected to the checked address (Host header and TLS name stay the URL's host), a signed POST,
 * redirects not followed, at most the first 1 kB of the answer read, and one deadline for all of
 * it. A fresh connection per attempt: no pooled socket outlives the check it was opened under.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { bareHost, LookupFailed, pinnedLookup, RefusedAddress, Resolve, resolveTarget } from './webhook.address';

const EXCERPT_BYTES = 1024;

export interface Outcome {
  statusCode?: number;
  latencyMs: number;
  responseExcerpt?: string;
  error?: string;
  delivered: boolean;
  retryable: boolean;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. */
export function signature(secret: string, body: string, t: number): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

class Timeout extends Error {}

function request(url: URL, options: http.RequestOptions, body: string, timeoutMs: number): Promise<{ status: number; excerpt: string }> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? https.request : http.request;
    const req = send(url, options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, excerpt: Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8').slice(0, EXCERPT_BYTES) });
        req.destroy(); // the rest of the answer is not read
      };
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= EXCERPT_BYTES) finish();
      });
      res.on('end', finish);
      res.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
    const timer = setTimeout(() => req.destroy(new Timeout(`timed out after ${timeoutMs} ms`)), timeoutMs);
    timer.unref(); // the socket keeps the process alive while it matters
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end(body);
  });
}

export async function post(target: string, p: { secret: string; eventId: string; body: string; timeoutMs: number; resolve: Resolve; allowPrivate: boolean }): Promise<Outcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return { latencyMs: 0, error: 'refused: the URL is not valid', delivered: false, retryable: false };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { latencyMs: 0, error: 'refused: the URL is not http or https', delivered: false, retryable: false };
  try {
    const addresses = await resolveTarget(bareHost(url), p.resolve, p.allowPrivate, p.timeoutMs);
    const { status, excerpt } = await request(url, {
      method: 'POST',
      agent: false,
      lookup: pinnedLookup(addresses) as any,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(p.body),
        'user-agent': 'oms-webhooks/1',
        'oms-event-id': p.eventId,
        'oms-signature': signature(p.secret, p.body, Math.floor(Date.now() / 1000)),
      },
    }, p.body, Math.max(1, p.timeoutMs - elapsed()));
    const ok = status >= 200 && status < 300;
    // Redirects are answers like any other non-2xx: recorded, not followed, not retried.
    return { statusCode: status, latencyMs: elapsed(), responseExcerpt: excerpt || undefined, delivered: ok, retryable: status >= 500 };
  } catch (err: any) {
    if (err instanceof RefusedAddress) return { latencyMs: elapsed(), error: `refused: ${err.message}`.slice(0, 500), delivered: false, retryable: false };
    if (err instanceof LookupFailed || err instanceof Timeout) return { latencyMs: elapsed(), error: err.message.slice(0, 500), delivered: false, retryable: true };
    return { latencyMs: elapsed(), error: String(err?.code ?? err?.message ?? err).slice(0, 500), delivered: false, retryable: true };
  }
}
