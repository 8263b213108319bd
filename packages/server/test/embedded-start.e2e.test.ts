/**
 * `pnpm start` without DATABASE_URL after things went wrong: the server was killed with SIGKILL
 * (its embedded PostgreSQL kept running), a postmaster.pid was left behind whose pid now belongs
 * to another process, or (as root) the clone sits in a folder the `postgres` user cannot enter.
 * Each time the next start comes up and says in its log what it found. Runs the real launcher
 * (src/main.ts) as a child process; every process a test starts, PostgreSQL included, is stopped.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../src/config/embedded-postgres';
import type { GqlBody, Mutation, Select } from './support/select';

jest.setTimeout(150_000);

const serverDir = path.resolve(__dirname, '..');
const isRoot = process.getuid?.() === 0;
const tmpDirs: string[] = [];
const launched: Launched[] = [];
const pidFilesToReap: string[] = [];

function tempDir(prefix: string, mode = 0o755): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, mode);
  tmpDirs.push(dir);
  return dir;
}

interface Launched {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function launch(opts: { cwd?: string; dataDir?: string; port: number; env?: Record<string, string> }): Launched {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(opts.port),
    OMS_SEED: 'none',
    LOG_LEVEL: 'info',
    ...opts.env,
  };
  delete env.DATABASE_URL;
  delete env.OMS_EMBEDDED_PG_PORT;
  Object.assign(env, opts.env);
  if (opts.dataDir) env.OMS_DATA_DIR = opts.dataDir;
  else delete env.OMS_DATA_DIR;
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: opts.cwd ?? serverDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const l = { child, output: () => out, exited };
  launched.push(l);
  return l;
}

async function waitReady(port: number, l: Launched) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (l.child.exitCode !== null) throw new Error(`launcher exited early:\n${l.output()}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`not ready in time:\n${l.output()}`);
}

const alive = (pid: number) => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\S+ \(.*\) [ZX]/.test(stat);
  } catch {
    return false;
  }
};

const postmasterPid = (pgDir: string) =>
  Number(fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

const logLines = (l: Launched) =>
  l
    .output()
    .split('\n')
    .filter((s) => s.startsWith('{'))
    .map((s) => JSON.parse(s));

async function stopCleanly(l: Launched) {
  l.child.kill('SIGTERM');
  expect(await l.exited).toBe(0);
}

afterAll(async () => {
  // No orphans: the launchers, then any PostgreSQL still named in a pid file the tests used.
  for (const l of launched) if (l.child.exitCode === null && l.child.signalCode === null) l.child.kill('SIGKILL');
  for (const file of pidFilesToReap) {
    try {
      const pid = Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
      if (pid > 0 && alive(pid)) process.kill(pid, 'SIGQUIT');
    } catch {
      /* gone */
    }
  }
  for (const dir of tmpDirs) {
    // A database relocated for the postgres user lives where `<data>/pg` links to.
    for (const link of [path.join(dir, 'pg'), path.join(dir, 'oms/packages/server/.data/pg')]) {
      try {
        if (fs.lstatSync(link).isSymbolicLink()) fs.rmSync(fs.realpathSync(link), { recursive: true, force: true });
      } catch {
        /* none */
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('after the server was killed with SIGKILL, the next start stops the PostgreSQL it left running and comes up', async () => {
  const dataDir = tempDir('oms-kill9-');
  const pgDir = path.join(dataDir, 'pg');
  pidFilesToReap.push(path.join(pgDir, 'postmaster.pid'));
  const port = await freePort();
  const first = launch({ dataDir, port });
  await waitReady(port, first);
  const leftover = postmasterPid(pgDir);
  first.child.kill('SIGKILL');
  await first.exited;
  // What users met: the database outlives its launcher.
  expect(alive(leftover)).toBe(true);

  const second = launch({ dataDir, port });
  await waitReady(port, second);
  expect(alive(leftover)).toBe(false);
  const said = logLines(second).find((l) => l.msg?.startsWith('stopped the embedded PostgreSQL left running'));
  expect(said).toMatchObject({
    msg: `stopped the embedded PostgreSQL left running by an earlier start (pid ${leftover})`,
    pid: leftover,
  });
  expect(second.output()).not.toContain('undefined');
  // The data survived: the admin created by the first start signs in.
  const r = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { login(email: "admin@example.com", password: "admin1234") { token } }' }),
  });
  expect(((await r.json()) as GqlBody<Select<Mutation, { login: { token: true } }>>).data!.login.token).toMatch(
    /^oms_/,
  );

  const current = postmasterPid(pgDir);
  await stopCleanly(second);
  expect(alive(current)).toBe(false);
});

test('a postmaster.pid left behind whose pid now belongs to another process is removed, and the start comes up', async () => {
  const dataDir = tempDir('oms-stalepid-');
  const pgDir = path.join(dataDir, 'pg');
  pidFilesToReap.push(path.join(pgDir, 'postmaster.pid'));
  const port = await freePort();
  const first = launch({ dataDir, port });
  await waitReady(port, first);
  const pidFile = fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8');
  await stopCleanly(first);
  expect(fs.existsSync(path.join(pgDir, 'postmaster.pid'))).toBe(false);

  // As after a crash and a container restart: the file is back, and its pid is some other live process.
  const other = spawn('sleep', ['60'], { stdio: 'ignore' });
  try {
    const lines = pidFile.split('\n');
    lines[0] = String(other.pid);
    fs.writeFileSync(path.join(pgDir, 'postmaster.pid'), lines.join('\n'));
    const second = launch({ dataDir, port });
    await waitReady(port, second);
    expect(logLines(second).find((l) => l.msg === 'removed a stale postmaster.pid')).toMatchObject({ pid: other.pid });
    expect(alive(other.pid!)).toBe(true); // not ours: left alone
    await stopCleanly(second);
  } finally {
    other.kill('SIGKILL');
  }
});

test('a failed start names the cause and the fix in one log line and a sentence, and exits 1', async () => {
  const dataDir = tempDir('oms-notempty-');
  // A data folder holding something that is not a database.
  fs.mkdirSync(path.join(dataDir, 'pg'));
  fs.writeFileSync(path.join(dataDir, 'pg', 'notes.txt'), 'not a database');
  const l = launch({ dataDir, port: await freePort() });
  expect(await l.exited).toBe(1);
  const fatal = logLines(l).filter((x) => x.level === 60);
  expect(fatal).toHaveLength(1);
  expect(fatal[0].msg).toContain(
    `OMS could not start: The folder ${path.join(dataDir, 'pg')} is not empty but holds no PostgreSQL database`,
  );
  expect(fatal[0].hint).toMatch(/Remove it .*DATABASE_URL/);
  expect(l.output()).toContain('What to do: Remove it');
  expect(l.output()).not.toMatch(/^undefined$/m);
});

test('a taken OMS_EMBEDDED_PG_PORT stops the start with the cause and the fix, before anything is written', async () => {
  const dataDir = tempDir('oms-port-');
  const blocker = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  try {
    const taken = (blocker.address() as net.AddressInfo).port;
    const l = launch({ dataDir, port: await freePort(), env: { OMS_EMBEDDED_PG_PORT: String(taken) } });
    expect(await l.exited).toBe(1);
    expect(
      logLines(l)
        .filter((x) => x.level === 60)
        .map((x) => x.msg),
    ).toEqual([`OMS could not start: Port ${taken} (OMS_EMBEDDED_PG_PORT) is already in use on 127.0.0.1.`]);
    expect(l.output()).toContain('What to do: Unset OMS_EMBEDDED_PG_PORT');
  } finally {
    blocker.close();
  }
});

(isRoot ? test : test.skip)(
  'as root, a clone in a folder other users cannot enter starts: binaries and data are put where the postgres user can reach them',
  async () => {
    // A private "clone": the server package and its installed dependencies (hard links) under a 0700 folder.
    const root = tempDir('oms-private-', 0o700);
    const repo = path.resolve(serverDir, '../..');
    const clone = path.join(root, 'oms');
    fs.mkdirSync(path.join(clone, 'packages'), { recursive: true });
    execFileSync('cp', ['-al', path.join(repo, 'node_modules'), path.join(clone, 'node_modules')]);
    fs.mkdirSync(path.join(clone, 'packages/server'));
    for (const entry of ['src', 'node_modules', 'package.json', 'tsconfig.json', '.swcrc']) {
      if (fs.existsSync(path.join(serverDir, entry)))
        execFileSync('cp', ['-a', path.join(serverDir, entry), path.join(clone, 'packages/server', entry)]);
    }
    const cwd = path.join(clone, 'packages/server');
    const pgLink = path.join(cwd, '.data/pg');
    pidFilesToReap.push(path.join(pgLink, 'postmaster.pid'));
    const port = await freePort();
    const l = launch({ cwd, port });
    await waitReady(port, l);
    const lines = logLines(l);
    expect(
      lines.find((x) => x.msg?.startsWith('the postgres user cannot reach the PostgreSQL binaries')),
    ).toMatchObject({ unreachable: root });
    expect(lines.find((x) => x.msg?.startsWith('the postgres user cannot enter'))).toMatchObject({ unreachable: root });
    expect(fs.lstatSync(pgLink).isSymbolicLink()).toBe(true);
    expect(fs.realpathSync(pgLink).startsWith('/var/lib/oms-embedded-pg/data/')).toBe(true);
    const pid = postmasterPid(pgLink);
    await stopCleanly(l);
    expect(alive(pid)).toBe(false);
  },
);
