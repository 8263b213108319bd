/**
 * The CPU time PostgreSQL spent, read from Linux's /proc: user + system time of every process whose
 * executable is `postgres` (the postmaster, its background processes and every backend), plus the
 * time of the children the postmaster has already reaped (`cutime`/`cstime`), so a backend whose
 * connection closed during a round (pgbench's, at the end of its run) still counts. A live child's
 * time is not in its parent's yet, so nothing is counted twice.
 *
 * It is the whole server's time, every database on it included: the benchmark reads the difference
 * over a round, when its own database is the only one with work. Undefined where there is no /proc
 * (not Linux) or no postgres process can be read (PostgreSQL on another host).
 */
import fs from 'node:fs';

/** Linux's clock ticks per second for /proc times (USER_HZ, 100 on every mainstream kernel). */
const TICKS_PER_SECOND = 100;

export function postgresCpuMs(): number | undefined {
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return undefined;
  }
  let ticks = 0;
  let seen = 0;
  for (const pid of pids) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
    } catch {
      continue; // gone meanwhile, or not ours to read
    }
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
    const close = stat.lastIndexOf(')');
    if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
    const f = stat.slice(close + 2).split(' ');
    // After comm: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14).
    ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    seen++;
  }
  return seen ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
}
