/**
 * `pnpm bench`: every performance figure of the server in one run, one benchmark after another on
 * the same machine (each starts its own scratch database and server, so none disturbs the next):
 *
 *   place    placeOrder over HTTP against the node-driver floor and pgbench (bench.js), the list
 *   fanout   1,000 subscribers on one process, then 10,000 across two (fanout-bench.js)
 *   workers  placeOrder with OMS_WORKERS=1 and 2 (workers-bench.js)
 *   million  1,000,000 orders: generation, list, search, totalCount, dashboard (million-bench.js)
 *   sync     a partner's bulk sync: 10,000 products and 30,000 stock levels in calls of 500 (sync-bench.js)
 *   bulk     a bulk order job confirming 10,000 orders (bulk-bench.js)
 *
 * Each prints its figures as JSON lines (`{"figure": ..., "value": ...}`) among its own output;
 * this runner passes everything through and repeats the figures at the end, in the order run.
 * BENCH_ONLY=place,fanout picks some; the benchmarks' own settings (BENCH_*) pass through.
 * Exit code: non-zero when a benchmark failed (the others still run).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type Step = { name: string; script: string; env?: Record<string, string>; nodeArgs?: string[] };

const STEPS: Step[] = [
  { name: 'place', script: 'bench.js' },
  {
    name: 'fanout',
    script: 'fanout-bench.js',
    nodeArgs: ['--expose-gc'],
    env: { BENCH_FANOUT_RUNS: process.env.BENCH_FANOUT_RUNS ?? '1000x1,10000x2' },
  },
  { name: 'workers', script: 'workers-bench.js' },
  { name: 'million', script: 'million-bench.js' },
  { name: 'sync', script: 'sync-bench.js' },
  { name: 'bulk', script: 'bulk-bench.js' },
];

const only = (process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const figures: Record<string, unknown>[] = [];
const failures: string[] = [];

function run(step: Step): Promise<number> {
  const script = path.join(__dirname, step.script);
  if (!fs.existsSync(script)) {
    process.stderr.write(`bench: ${step.script} is not built\n`);
    return Promise.resolve(1);
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...(step.nodeArgs ?? []), script], {
      env: { ...process.env, ...(step.env ?? {}) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let rest = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      rest += chunk.toString('utf8');
      const lines = rest.split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        const text = line.trim();
        if (!text.startsWith('{')) continue;
        try {
          const value = JSON.parse(text);
          if (value && typeof value === 'object' && 'figure' in value) figures.push({ bench: step.name, ...value });
        } catch {
          // not a figure line
        }
      }
    });
    const stop = () => child.kill('SIGINT');
    process.once('SIGINT', stop);
    child.on('exit', (code, signal) => {
      process.removeListener('SIGINT', stop);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function main() {
  const began = Date.now();
  process.stderr.write(
    `bench: ${os.cpus()[0]?.model ?? 'cpu'}, ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}\n`,
  );
  for (const step of STEPS) {
    if (only.length && !only.includes(step.name)) continue;
    const label = `${step.name} (${step.script}${
      step.env
        ? ` ${Object.entries(step.env)
            .map(([k, v]) => `${k}=${v}`)
            .join(' ')}`
        : ''
    })`;
    process.stderr.write(`\n== bench: ${label} ==\n`);
    const code = await run(step);
    if (code !== 0) failures.push(`${label} exited ${code}`);
  }
  process.stdout.write(`\n## All figures (${((Date.now() - began) / 60000).toFixed(1)} min)\n`);
  for (const f of figures) process.stdout.write(`${JSON.stringify(f)}\n`);
  if (failures.length) {
    process.stdout.write(`\nFAILED: ${failures.join('; ')}\n`);
    process.exit(1);
  }
}

void main();
