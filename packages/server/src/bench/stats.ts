/** Small helpers for the benchmark: a seeded PRNG, latency percentiles, closed-loop load runner, tables. */
import { performance } from 'node:perf_hooks';

/** mulberry32: fast, seeded, good enough to pick SKUs and customers reproducibly. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** Integer in [0, n). */
    int: (n: number) => Math.floor(next() * n),
  };
}
export type Rng = ReturnType<typeof prng>;

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

export function summarize(latenciesMs: number[]): LatencySummary {
  const s = [...latenciesMs].sort((a, b) => a - b);
  const sum = s.reduce((acc, v) => acc + v, 0);
  return {
    count: s.length,
    p50: percentile(s, 50),
    p99: percentile(s, 99),
    mean: s.length ? sum / s.length : NaN,
    max: s.length ? s[s.length - 1] : NaN,
  };
}

export interface LoadResult {
  /** Operations completed inside the measured window(s). */
  completed: number;
  /** Operations that succeeded at any time (warm-up, window, and the in-flight ones drained after it). */
  succeeded: number;
  /** Operations that threw, during warm-up or the measured window(s). */
  failures: number;
  firstErrors: string[];
  seconds: number;
  perSecond: number;
  latency: LatencySummary;
  /** CPU time of this process (user + system, all threads) per completed operation, in ms. */
  cpuMsPerOp: number;
  /** CPU time of this process over wall time in the measured window(s): 1.0 = one core busy. */
  cores: number;
  latencies: number[];
  cpuMs: number;
}

/**
 * Closed-loop load: `concurrency` async loops, each running `op` back to back. The first
 * `warmupMs` are not measured; then operations that complete within the next `measureMs` count
 * towards throughput and latency. No new operation starts after the window; in-flight ones are
 * awaited (and their failures counted) but not measured.
 */
export async function runLoad(opts: {
  concurrency: number;
  warmupMs: number;
  measureMs: number;
  op: (worker: number) => Promise<void>;
}): Promise<LoadResult> {
  const start = performance.now();
  const t0 = start + opts.warmupMs;
  const t1 = t0 + opts.measureMs;
  const latencies: number[] = [];
  let failures = 0;
  let succeeded = 0;
  const firstErrors: string[] = [];
  let cpuAtT0 = opts.warmupMs > 0 ? undefined : process.cpuUsage();
  let cpuInWindow: NodeJS.CpuUsage | undefined;
  const t0Timer =
    opts.warmupMs > 0
      ? setTimeout(() => {
          cpuAtT0 = process.cpuUsage();
        }, opts.warmupMs)
      : undefined;
  const t1Timer = setTimeout(() => {
    cpuInWindow = process.cpuUsage(cpuAtT0);
  }, opts.warmupMs + opts.measureMs);
  const loop = async (worker: number) => {
    while (performance.now() < t1) {
      const began = performance.now();
      try {
        await opts.op(worker);
      } catch (e) {
        failures++;
        if (firstErrors.length < 5) firstErrors.push(String((e as Error)?.message ?? e).slice(0, 300));
        continue;
      }
      succeeded++;
      const ended = performance.now();
      if (ended >= t0 && ended <= t1) latencies.push(ended - began);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, (_, i) => loop(i)));
  clearTimeout(t0Timer);
  clearTimeout(t1Timer);
  cpuInWindow ??= process.cpuUsage(cpuAtT0);
  const cpuMs = (cpuInWindow.user + cpuInWindow.system) / 1000;
  return combine([{ latencies, failures, firstErrors, seconds: opts.measureMs / 1000, cpuMs, succeeded }]);
}

/** Merges measured windows (rounds) of the same path into one result. */
export function combine(
  parts: {
    latencies: number[];
    failures: number;
    firstErrors: string[];
    seconds: number;
    cpuMs: number;
    succeeded: number;
  }[],
): LoadResult {
  const latencies = parts.flatMap((p) => p.latencies);
  const seconds = parts.reduce((s, p) => s + p.seconds, 0);
  const cpuMs = parts.reduce((s, p) => s + p.cpuMs, 0);
  return {
    completed: latencies.length,
    succeeded: parts.reduce((s, p) => s + p.succeeded, 0),
    failures: parts.reduce((s, p) => s + p.failures, 0),
    firstErrors: parts.flatMap((p) => p.firstErrors).slice(0, 5),
    seconds,
    perSecond: latencies.length / seconds,
    latency: summarize(latencies),
    cpuMsPerOp: latencies.length ? cpuMs / latencies.length : NaN,
    cores: cpuMs / 1000 / seconds,
    latencies,
    cpuMs,
  };
}

/** Sequential timing of `n` calls of `op`; returns latencies in ms. */
export async function timeSequential(n: number, op: (i: number) => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const began = performance.now();
    await op(i);
    out.push(performance.now() - began);
  }
  return out;
}

export const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(v < 10 ? 2 : 1) : 'n/a');
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** A Markdown table with padded columns (reads well in a terminal and pastes into a README). */
export function table(headers: string[], rows: (string | number)[][], align: ('l' | 'r')[] = []): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(3, ...cells.map((r) => (r[i] ?? '').length)));
  const pad = (s: string, i: number) => (align[i] === 'r' ? s.padStart(widths[i]) : s.padEnd(widths[i]));
  const line = (r: string[]) => `| ${r.map((c, i) => pad(c ?? '', i)).join(' | ')} |`;
  const sep = `|${widths.map((w, i) => (align[i] === 'r' ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|')}|`;
  return [line(cells[0]), sep, ...cells.slice(1).map(line)].join('\n');
}
