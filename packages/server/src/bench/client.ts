/**
 * GraphQL over HTTP for the load loops, on keep-alive connections: Node's fetch (undici, keep-alive
 * by default) or, with BENCH_CLIENT=http, node:http with a keep-alive Agent (cheaper per request,
 * which matters because the load generator shares the process and the 2 cores with the server).
 */
import http from 'node:http';

export interface GqlResult<T = unknown> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export type ClientKind = 'fetch' | 'http';

export function gqlClient(url: string, kind: ClientKind, maxSockets: number) {
  let token: string | undefined;
  const agent = new http.Agent({ keepAlive: true, maxSockets });

  const viaFetch = async (body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> => {
    const res = await fetch(url, { method: 'POST', headers, body });
    return { status: res.status, text: await res.text() };
  };

  const viaHttp = (body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> =>
    new Promise((resolve, reject) => {
      const req = http.request(
        url,
        { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  const send = kind === 'http' ? viaHttp : viaFetch;

  return {
    setToken(t: string) {
      token = t;
    },
    /** Raw result: HTTP status, data and errors. Throws only on transport failures or non-JSON bodies. */
    async request<T = unknown>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const { status, text } = await send(JSON.stringify({ query, variables }), headers);
      let body: Omit<GqlResult<T>, 'status'>;
      try {
        body = JSON.parse(text) as Omit<GqlResult<T>, 'status'>;
      } catch {
        throw new Error(`HTTP ${status}: not JSON: ${text.slice(0, 200)}`);
      }
      return { status, data: body.data, errors: body.errors };
    },
    /** Data of a request that must succeed (HTTP 200, no errors). */
    async must<T = unknown>(query: string, variables?: Record<string, unknown>): Promise<T> {
      const r = await this.request<T>(query, variables);
      if (r.status !== 200 || r.errors?.length || !r.data) {
        throw new Error(`GraphQL failed (HTTP ${r.status}): ${JSON.stringify(r.errors ?? r.data).slice(0, 300)}`);
      }
      return r.data;
    },
    close() {
      agent.destroy();
    },
  };
}
export type GqlClient = ReturnType<typeof gqlClient>;
