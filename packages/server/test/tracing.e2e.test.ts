/**
 * Tracing (OpenTelemetry): a placeOrder request is one trace, from the HTTP request through the
 * GraphQL operation to its PostgreSQL statements, and the request's log lines carry its trace
 * id. Run in a child process (test/fixtures/tracing-probe.ts) with an in-memory exporter:
 * instrumentation patches modules as Node loads them, and jest loads modules its own way.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface Span {
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: Record<string, unknown>;
}

/** What test/fixtures/tracing-probe.ts wrote: placeOrder's response data, the spans and the JSON log lines. */
let out: {
  requestId: string;
  order: { order: { id: string; number: string } | null; userErrors: { code: string }[] };
  spans: Span[];
  logs: Record<string, unknown>[];
};

beforeAll(async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oms-tracing-')), 'spans.json');
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', 'test/fixtures/tracing-probe.ts', file],
      {
        cwd: path.resolve(__dirname, '..'),
        env: { ...process.env, LOG_LEVEL: 'silent' },
        timeout: 150_000,
        maxBuffer: 16 * 1024 * 1024,
      },
      (err, _stdout, stderr) =>
        err ? reject(new Error(`tracing probe failed: ${err.message}\n${stderr}`)) : resolve(),
    );
  });
  out = JSON.parse(fs.readFileSync(file, 'utf8'));
}, 180_000);

test('placeOrder is one trace: HTTP request, the GraphQL operation, and its PostgreSQL statements beneath it', () => {
  expect(out.order.userErrors).toEqual([]);
  const operation = out.spans.find((s) => s.name === 'mutation placeOrder');
  expect(operation).toBeDefined();
  expect(operation!.attributes['graphql.operation.name']).toBe('placeOrder');
  const trace = out.spans.filter((s) => s.traceId === operation!.traceId);
  const byId = new Map(trace.map((s) => [s.spanId, s]));
  const ancestors = (s: Span) => {
    const chain: Span[] = [];
    for (
      let p = s.parentSpanId && byId.get(s.parentSpanId);
      p;
      p = p.parentSpanId ? byId.get(p.parentSpanId) : undefined
    )
      chain.push(p);
    return chain;
  };
  // The trace starts at the incoming HTTP request (a server span, kind 1).
  const roots = trace.filter((s) => !s.parentSpanId);
  expect(roots).toHaveLength(1);
  expect(roots[0].kind).toBe(1);
  expect(roots[0].attributes['http.route'] ?? roots[0].name).toMatch(/graphql|POST/);
  expect(ancestors(operation!)).toContain(roots[0]);
  // Every PostgreSQL statement of the request is in its trace; the order's transaction runs
  // beneath the operation's placeOrder resolver: its reads, then the write. Begin travels with the
  // first statement and commit with the write (common/sql.ts, pipelined), so they have no spans
  // of their own. (The caller's token is looked up before execution starts, so that one statement
  // is beneath the HTTP request only.)
  const pg = trace.filter(
    (s) => s.attributes['db.system'] === 'postgresql' || s.attributes['db.system.name'] === 'postgresql',
  );
  for (const s of pg) expect(ancestors(s)).toContain(roots[0]);
  const statement = (s: Span) => String(s.attributes['db.statement'] ?? s.attributes['db.query.text'] ?? '');
  const resolver = trace.find((s) => s.name === 'graphql.resolve placeOrder');
  expect(resolver && ancestors(resolver)).toContain(operation);
  const inOperation = pg.filter((s) => ancestors(s).includes(resolver!)).map(statement);
  expect(inOperation[0]).toMatch(/^(select|with)\b/i);
  expect(inOperation.filter((q) => /^(begin|commit)/i.test(q))).toEqual([]);
  expect(inOperation[inOperation.length - 1]).toMatch(/insert into customer/i);
  // Values are not recorded: the customer's e-mail is in no span.
  expect(JSON.stringify(trace)).not.toContain('ada@example.com');
});

test("the request's log lines carry its trace id", () => {
  const operation = out.spans.find((s) => s.name === 'mutation placeOrder')!;
  const lines = out.logs.filter((l) => l.requestId === out.requestId);
  const access = lines.find((l) => l.msg === 'request');
  expect(access).toMatchObject({ operation: 'placeOrder', status: 200, traceId: operation.traceId });
  for (const l of lines) expect(l.traceId).toBe(operation.traceId);
});
