/**
 * Start-up steps that must run once however many processes start together on one database
 * (several replicas of a deployment, a restart of all of them): the migrations, the first admin,
 * the demo seed, pg-boss's queues. Each runs under a PostgreSQL advisory lock held on a connection of its own, so
 * a second process waits for the first to finish and then finds the work done.
 */
import { Client } from 'pg';
import type { Logger } from '../common/logger';

/** First half of every OMS advisory lock key ('OMS'), so that other applications' locks never collide. */
const LOCK_CLASS = 0x4f4d53;

/** Names of the start-up locks (the second half of the key is PostgreSQL's hashtext of the name). */
export type StartupStep = 'migrations' | 'time-zone' | 'first-admin' | 'demo-seed' | 'job-queues';

export async function withStartupLock<T>(
  databaseUrl: string,
  step: StartupStep,
  log: Logger,
  work: () => Promise<T>,
): Promise<T> {
  const client = new Client({ connectionString: databaseUrl, application_name: `oms-startup-${step}` });
  // A connection lost while holding the lock releases it; the step's own transaction fails and says why.
  client.on('error', (err) => log.warn({ err, step }, 'start-up lock connection lost'));
  await client.connect();
  try {
    const key = [LOCK_CLASS, `oms:${step}`];
    const {
      rows: [{ locked }],
    } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1::int, hashtext($2)) as locked', key);
    if (!locked) {
      log.info({ step }, `another process is running the start-up step "${step}": waiting for it`);
      await client.query('select pg_advisory_lock($1::int, hashtext($2))', key);
    }
    try {
      return await work();
    } finally {
      await client.query('select pg_advisory_unlock($1::int, hashtext($2))', key).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
