/**
 * Where a CPU profile's time goes: self time by package, by file and by function, from one or more
 * `.cpuprofile` files (V8's format, as written by `node --cpu-prof` or `BENCH_PROFILE` of bench.ts).
 *
 *   node dist/bench/profile-summary.js <file.cpuprofile>... [--top N] [--orders N] [--inclusive name,...]
 *
 * `--orders N` divides every figure by N orders (ms per order). `--inclusive` adds the total time
 * (self plus everything called) of functions whose name matches, e.g. `--inclusive placeOrder,execute`.
 * Idle time is left out of every share: the shares are of the time the thread was busy.
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; scriptId: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** The package a script belongs to: the last node_modules/<name> (or @scope/name) in its path, else the project's own or node's. */
export function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const path = url.replace(/^file:\/\//, '');
  const i = path.lastIndexOf('/node_modules/');
  if (i >= 0) {
    const rest = path.slice(i + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const own = path.match(/\/(?:dist|src)\/(.*)$/);
  if (own) return `(project) ${own[1].split('/').slice(0, -1).join('/') || '.'}`;
  return path;
}

function shortFile(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const i = path.lastIndexOf('/node_modules/');
  if (i >= 0) return path.slice(i + '/node_modules/'.length);
  const own = path.match(/\/((?:dist|src)\/.*)$/);
  return own ? own[1] : path || '(native)';
}

function main() {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const top = Number(opt('--top') ?? 25);
  const orders = Number(opt('--orders') ?? 0);
  const inclusiveNames = (opt('--inclusive') ?? '').split(',').filter(Boolean);
  if (!args.length) {
    process.stderr.write('usage: profile-summary <file.cpuprofile>... [--top N] [--orders N] [--inclusive name,...]\n');
    process.exit(2);
  }

  const selfBy = { pkg: new Map<string, number>(), file: new Map<string, number>(), fn: new Map<string, number>() };
  const inclusive = new Map<string, number>();
  let total = 0;
  let idle = 0;
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

  for (const file of args) {
    const p: Profile = JSON.parse(fs.readFileSync(file, 'utf8'));
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    // A sample's weight is the time until the next sample.
    for (let i = 0; i < p.samples.length; i++) {
      const w = Math.max(0, p.timeDeltas[i + 1] ?? 0) / 1000;
      const node = byId.get(p.samples[i])!;
      const { functionName, url, lineNumber } = node.callFrame;
      total += w;
      if (functionName === '(idle)') {
        idle += w;
        continue;
      }
      add(selfBy.pkg, packageOf(url, functionName), w);
      add(selfBy.file, shortFile(url) || functionName, w);
      add(selfBy.fn, `${functionName || '(anonymous)'} ${url ? `${shortFile(url)}:${lineNumber + 1}` : ''}`, w);
      if (inclusiveNames.length) {
        const seen = new Set<string>();
        for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
          const f = byId.get(id)!.callFrame.functionName;
          for (const name of inclusiveNames)
            if (f === name && !seen.has(name)) {
              seen.add(name);
              add(inclusive, name, w);
            }
        }
      }
    }
  }

  const busy = total - idle;
  const out = (s = '') => process.stdout.write(`${s}\n`);
  const per = (v: number) => (orders ? `${(v / orders).toFixed(3).padStart(8)} ms/order` : '');
  out(
    `profiles: ${args.length}, sampled ${(total / 1000).toFixed(2)} s, busy ${(busy / 1000).toFixed(2)} s (idle ${(idle / 1000).toFixed(2)} s)${orders ? `, ${orders} orders: ${(busy / orders).toFixed(3)} ms busy per order` : ''}`,
  );
  const show = (title: string, m: Map<string, number>) => {
    out(`\n## self time by ${title}`);
    for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      out(`${((100 * v) / busy).toFixed(1).padStart(5)} %  ${v.toFixed(0).padStart(7)} ms ${per(v)}  ${k}`);
    }
  };
  show('package', selfBy.pkg);
  show('file', selfBy.file);
  show('function', selfBy.fn);
  if (inclusive.size) show('function, inclusive (named with --inclusive)', inclusive);
}

if (require.main === module) main();
