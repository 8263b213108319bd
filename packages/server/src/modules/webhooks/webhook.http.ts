/**
 * One webhook request: the host resolved and checked once (webhook.address.ts), the socket
 * connected to the checked address (Host header and TLS name stay the URL's host), a signed POST,
 * redirects not followed, at most the first 1 kB of the answer read, and one deadline for all of
 * it. A fresh connection per attempt: no pooled socket outlives the check it was opened under.
 *
 * Signed twice over, with every secret that signs at the time (the current one, and the previous
 * one during its grace period after a rotation): `oms-signature` (the OMS's own scheme) and the
 * Standard Webhooks headers `webhook-id`, `webhook-timestamp`, `webhook-signature`
 * (https://www.standardwebhooks.com); see docs/integrations.md#signatures.
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
  /** A retried answer's Retry-After, in ms from when it was read (not stored: the delivery job schedules by it). */
  retryAfterMs?: number;
}

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, with one `v1=` per secret (the
 * current one first); the key is the secret's text as UTF-8, `whsec_` included.
 */
export function signature(secrets: string | string[], body: string, t: number): string {
  const v1 = (Array.isArray(secrets) ? secrets : [secrets]).map(
    (secret) => `v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`,
  );
  return [`t=${t}`, ...v1].join(',');
}

/**
 * The Standard Webhooks key of a secret: the bytes of the base64 after `whsec_`. Secrets are made
 * in standard base64; older ones were made in base64url, which Node's decoder reads as well (the
 * same 32 bytes either way).
 */
export function standardKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
}

/**
 * `webhook-signature`: `v1,<base64 HMAC-SHA256(key, "<id>.<t>.<body>")>` per secret, separated by
 * spaces (the current secret first).
 */
export function standardSignature(secrets: string[], id: string, t: number, body: string): string {
  return secrets
    .map((secret) => `v1,${createHmac('sha256', standardKey(secret)).update(`${id}.${t}.${body}`).digest('base64')}`)
    .join(' ');
}

/** Answers retried (next to network errors and timeouts): Request Timeout, Too Many Requests, and 5xx. */
export function retryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * A Retry-After header in ms from `now`: delay-seconds or an HTTP date (RFC 9110 10.2.3); undefined
 * when absent or unreadable, 0 for a date in the past.
 */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Math.min(Number(v), 10 * 365 * 86400) * 1000;
  // An HTTP date names its weekday and month; anything else (a bare number with a sign or a dot, say) is ignored.
  if (!/^[A-Za-z]{3},? /.test(v)) return undefined;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

class Timeout extends Error {}

/** `timeoutMs`: what is left of the attempt's deadline; `deadlineMs`: the whole deadline, as the timeout error names it. */
function request(
  url: URL,
  options: http.RequestOptions,
  body: string,
  timeoutMs: number,
  deadlineMs: number,
): Promise<{ status: number; excerpt: string; retryAfter?: string | string[] }> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? https.request : http.request;
    const req = send(url, options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => {
        clearTimeout(timer);
        resolve({
          status: res.statusCode ?? 0,
          excerpt: Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8').slice(0, EXCERPT_BYTES),
          retryAfter: res.headers['retry-after'],
        });
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
    const timer = setTimeout(() => req.destroy(new Timeout(`timed out after ${deadlineMs} ms`)), timeoutMs);
    timer.unref(); // the socket keeps the process alive while it matters
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end(body);
  });
}

/**
 * `secrets`: the current secret first, then the previous one during its grace period. `eventId`
 * is both `oms-event-id` and `webhook-id`: the same on every retry (and replay) of the event.
 */
export async function post(
  target: string,
  p: { secrets: string[]; eventId: string; body: string; timeoutMs: number; resolve: Resolve; allowPrivate: boolean },
): Promise<Outcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return { latencyMs: 0, error: 'refused: the URL is not valid', delivered: false, retryable: false };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { latencyMs: 0, error: 'refused: the URL is not http or https', delivered: false, retryable: false };
  try {
    const addresses = await resolveTarget(bareHost(url), p.resolve, p.allowPrivate, p.timeoutMs);
    const t = Math.floor(Date.now() / 1000);
    const { status, excerpt, retryAfter } = await request(
      url,
      {
        method: 'POST',
        agent: false,
        lookup: pinnedLookup(addresses),
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(p.body),
          'user-agent': 'oms-webhooks/1',
          'oms-event-id': p.eventId,
          'oms-signature': signature(p.secrets, p.body, t),
          'webhook-id': p.eventId,
          'webhook-timestamp': String(t),
          'webhook-signature': standardSignature(p.secrets, p.eventId, t, p.body),
        },
      },
      p.body,
      Math.max(1, p.timeoutMs - elapsed()),
      p.timeoutMs,
    );
    const ok = status >= 200 && status < 300;
    // Redirects are answers like any other non-2xx: recorded, not followed, not retried.
    const retryable = !ok && retryableStatus(status);
    const retryAfterMs = retryable ? parseRetryAfter(retryAfter) : undefined;
    return {
      statusCode: status,
      latencyMs: elapsed(),
      responseExcerpt: excerpt || undefined,
      delivered: ok,
      retryable,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  } catch (err) {
    if (err instanceof RefusedAddress)
      return {
        latencyMs: elapsed(),
        error: `refused: ${err.message}`.slice(0, 500),
        delivered: false,
        retryable: false,
      };
    if (err instanceof LookupFailed || err instanceof Timeout)
      return { latencyMs: elapsed(), error: err.message.slice(0, 500), delivered: false, retryable: true };
    const e = err as { code?: unknown; message?: unknown } | null | undefined;
    return {
      latencyMs: elapsed(),
      error: String(e?.code ?? e?.message ?? err).slice(0, 500),
      delivered: false,
      retryable: true,
    };
  }
}
