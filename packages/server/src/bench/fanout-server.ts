/**
 * One server process of `pnpm bench:fanout` (fanout-bench.ts forks one per `--processes`): the real
 * server (createServer) on the bench's database, and nothing else in the process, so that its memory
 * and CPU are the server's. Driven over IPC: reports its URLs, its memory (after GC), the SQL
 * statements it has run, its peak RSS since asked, and can write a CPU profile or a heap snapshot.
 */
import 'reflect-metadata';
import { Profiler, Session } from 'node:inspector';
import fs from 'node:fs';
import v8 from 'node:v8';
import { createServer, RunningServer } from '../server';

export type ServerRequest =
  | { cmd: 'start'; databaseUrl: string; admin?: { email: string; password: string } }
  | { cmd: 'memory' }
  | { cmd: 'statements' }
  | { cmd: 'cpu' }
  | { cmd: 'peakStart' }
  | { cmd: 'peakStop' }
  | { cmd: 'profileStart' }
  | { cmd: 'profileStop'; file: string }
  | { cmd: 'heapSnapshot'; file: string }
  | { cmd: 'stop' };

export type ServerReply =
  | { type: 'started'; url: string; wsUrl: string }
  | { type: 'memory'; rss: number; heap: number }
  | { type: 'statements'; n: number }
  /** CPU time of the process so far (user + system), in microseconds. */
  | { type: 'cpu'; micros: number }
  /** The largest RSS (and heap) sampled since peakStart, with what made up the process's memory at that sample. */
  | { type: 'peak'; rss: number; heap: number; atPeak?: NodeJS.MemoryUsage }
  | { type: 'done' };

let server: RunningServer | undefined;
let statements = 0;
let peak: { timer: NodeJS.Timeout; rss: number; heap: number; atPeak?: NodeJS.MemoryUsage } | undefined;
const session = new Session();
const reply = (r: ServerReply) => process.send!(r);
const post = <T = unknown>(method: string, params?: object) =>
  new Promise<T>((resolve, reject) =>
    session.post(method, params, (err, res) => (err ? reject(err) : resolve(res as T))),
  );

function memory() {
  for (let i = 0; i < 3; i++) global.gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed + m.external + m.arrayBuffers };
}

process.on('message', async (m: ServerRequest) => {
  try {
    if (m.cmd === 'start') {
      server = await createServer({
        config: {
          port: 0,
          logLevel: 'warn',
          sessionTtlSeconds: 3600,
          bodyLimit: '1mb',
          corsOrigins: [],
          rateLimitRequests: 0,
          maxConnectionsPerActor: 100_000,
        },
        databaseUrl: m.databaseUrl,
        host: '127.0.0.1',
        admin: m.admin,
        seed: 'none',
        onQuery: () => statements++,
      });
      reply({ type: 'started', url: server.url, wsUrl: server.wsUrl });
    } else if (m.cmd === 'memory') {
      reply({ type: 'memory', ...memory() });
    } else if (m.cmd === 'statements') {
      reply({ type: 'statements', n: statements });
    } else if (m.cmd === 'cpu') {
      const u = process.cpuUsage();
      reply({ type: 'cpu', micros: u.user + u.system });
    } else if (m.cmd === 'peakStart') {
      const sample = () => {
        const u = process.memoryUsage();
        if (u.rss > peak!.rss) peak!.atPeak = u;
        peak!.rss = Math.max(peak!.rss, u.rss);
        peak!.heap = Math.max(peak!.heap, u.heapUsed + u.external + u.arrayBuffers);
      };
      clearInterval(peak?.timer);
      peak = { timer: setInterval(sample, 100), rss: 0, heap: 0 };
      sample();
      reply({ type: 'done' });
    } else if (m.cmd === 'peakStop') {
      clearInterval(peak?.timer);
      reply({ type: 'peak', rss: peak?.rss ?? 0, heap: peak?.heap ?? 0, atPeak: peak?.atPeak });
    } else if (m.cmd === 'profileStart') {
      session.connect();
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 200 });
      await post('Profiler.start');
      reply({ type: 'done' });
    } else if (m.cmd === 'profileStop') {
      const { profile } = await post<Profiler.StopReturnType>('Profiler.stop');
      fs.writeFileSync(m.file, JSON.stringify(profile));
      session.disconnect();
      reply({ type: 'done' });
    } else if (m.cmd === 'heapSnapshot') {
      global.gc?.();
      v8.writeHeapSnapshot(m.file);
      reply({ type: 'done' });
    } else if (m.cmd === 'stop') {
      clearInterval(peak?.timer);
      await server?.stop({ timeoutMs: 5000 });
      reply({ type: 'done' });
      process.exit(0);
    }
  } catch (err) {
    process.stderr.write(`fanout server: ${(err as Error).stack ?? err}\n`);
    process.exit(1);
  }
});
