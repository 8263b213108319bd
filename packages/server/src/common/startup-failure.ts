/**
 * What the launcher says when it cannot start: one JSON log line (level fatal, with the error,
 * what to do, and PostgreSQL's last lines when there are any) and the same as a plain sentence on
 * stderr. Whatever was thrown, it never prints `undefined`: the cause is named and so is the fix.
 */
import { EmbeddedPostgresError } from '../config/embedded-postgres';
import type { Logger } from './logger';

export interface StartupFailure {
  /** What happened, in one sentence. */
  message: string;
  /** What to do about it. */
  hint: string;
  err: Error;
  pgLog?: string[];
}

const hostOf = (url: string | undefined) => {
  try {
    const u = new URL(url ?? '');
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
};

/** Names the cause of a failed start and its fix; common database and port failures get their own words. */
export function describeStartupFailure(
  thrown: unknown,
  ctx: { databaseUrl?: string; port?: number } = {},
): StartupFailure {
  if (thrown instanceof EmbeddedPostgresError) {
    return {
      message: thrown.message,
      hint: thrown.hint,
      err: thrown,
      pgLog: thrown.pgLog.length ? thrown.pgLog : undefined,
    };
  }
  const err =
    thrown instanceof Error
      ? thrown
      : new Error(
          thrown === undefined || thrown === null
            ? 'the start failed without saying why'
            : String((thrown as { message?: unknown }).message ?? thrown),
        );
  const e = err as NodeJS.ErrnoException & { code?: string; syscall?: string; port?: number };
  const code = e.code ?? (e.cause as { code?: string } | undefined)?.code;
  const db = ctx.databaseUrl ? `the database at ${hostOf(ctx.databaseUrl)}` : 'the database';
  const text = err.message || String(code ?? 'unknown error');
  if (code === 'EADDRINUSE' && e.syscall === 'listen') {
    return {
      message: `Port ${e.port ?? ctx.port} is already in use.`,
      hint: 'Stop what listens there, or set PORT to another port.',
      err,
    };
  }
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === 'EHOSTUNREACH') {
    return {
      message: `Could not connect to ${db} (${text}).`,
      hint: 'Check that PostgreSQL is running and DATABASE_URL is right, or unset DATABASE_URL to use the embedded PostgreSQL.',
      err,
    };
  }
  if (code === '28P01' || code === '28000') {
    return {
      message: `${db[0].toUpperCase()}${db.slice(1)} refused the login (${text}).`,
      hint: 'Check the user and password in DATABASE_URL.',
      err,
    };
  }
  if (code === '3D000') {
    return {
      message: `${db[0].toUpperCase()}${db.slice(1)} does not exist (${text}).`,
      hint: 'Create it (createdb) or fix the database name in DATABASE_URL.',
      err,
    };
  }
  if (/must be|got "/.test(text) && !code) {
    return {
      message: `Invalid configuration: ${text}.`,
      hint: 'Fix that environment variable (see docs/configuration.md).',
      err,
    };
  }
  return {
    message: `The server failed to start: ${text}`,
    hint: 'See the error in the log line above; if it names the database, check DATABASE_URL or that PostgreSQL is running.',
    err,
  };
}

/** Logs the failure (JSON line) and writes it as a sentence to stderr. */
export function reportStartupFailure(failure: StartupFailure, log: Logger | undefined): void {
  const { message, hint, err, pgLog } = failure;
  if (log) log.fatal({ err, hint, pgLog }, `OMS could not start: ${message}`);
  const lines = [`OMS could not start: ${message}`, `What to do: ${hint}`];
  if (pgLog?.length) lines.push('PostgreSQL said:', ...pgLog.slice(-10).map((l) => `  ${l}`));
  process.stderr.write(`\n${lines.join('\n')}\n`);
}
