/**
 * The background job queue: pg-boss on the server's own database (its tables live in the
 * `pgboss` schema, which it creates and migrates itself). One instance per server process; jobs
 * are claimed with `for update skip locked`, so with several processes each job runs once.
 * A queue is defined with its retry policy and, optionally, a dead-letter queue
 * (`<name>__dead`) that receives a job's data and last error once its retries are used up.
 * Jobs are sent inside the caller's MikroORM transaction, so a rolled-back change sends none.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEmitter } from 'node:events';
import PgBoss from 'pg-boss';
import type { Logger } from './logger';
import { pgPoolStats, PoolStats, QueueCounts } from './metrics';
import { jobList, JOB_SCHEMA, waitingJobCounts } from './jobs.sql';
import { run } from './sql';
import { withStartupLock } from '../config/migrate';
import { isUnavailable } from './unavailable';

export { JOB_SCHEMA };
export const DEAD_LETTER_SUFFIX = '__dead';

export interface QueuePolicy {
  /** Retries after the first attempt. */
  retryLimit: number;
  /** Seconds before the first retry. */
  retryDelaySeconds: number;
  /** Double the delay at each retry (with jitter). */
  retryBackoff: boolean;
  /** An attempt still running after this long is failed (and retried). */
  expireInSeconds?: number;
  /** Keep jobs that failed for good in `<name>__dead`. */
  deadLetter: boolean;
  /** `stately`: at most one job queued and one running (a send while one is queued is dropped), for debounced work. */
  policy?: 'standard' | 'stately';
}

export type JobHandler<T> = (job: PgBoss.JobWithMetadata<T>) => Promise<void>;

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

export interface JobRow {
  id: string;
  queue: string;
  state: JobState;
  data: Record<string, unknown>;
  retryCount: number;
  retryLimit: number;
  createdOn: Date;
  startAfter: Date;
  startedOn: Date | null;
  completedOn: Date | null;
  /** The message of the last failure, kept by pg-boss in the job's output. */
  error: string | null;
}

/** What guardUnawaitedCompletions uses of pg-boss's Manager and its workers (internals without typings). */
interface BossWorker {
  id: string;
  name: string;
  stopping: boolean;
  stopped: boolean;
  stop(): void;
}
interface BossManager {
  getWorkers(): BossWorker[];
  removeWorker(worker: BossWorker): void;
}

/**
 * pg-boss 10's workers record a job's outcome without awaiting it (`this.complete(...)`,
 * `this.fail(...)` in Manager.watch): when the database goes away mid-job (a restart: 57P01),
 * that promise rejects with nobody listening and Node ends the process. Every call of the two
 * gets a listener that reports the failure as the boss's `error` event instead; callers that
 * await the promise still see the rejection. The job itself is left active and pg-boss retries
 * it once it expires, as after a crash.
 */
function guardUnawaitedCompletions() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Manager = require('pg-boss/src/manager') as { prototype: Record<string, unknown> };
  const proto = Manager.prototype;
  if (proto.__omsGuarded) return;
  for (const name of ['complete', 'fail']) {
    const original = proto[name] as (...args: unknown[]) => Promise<unknown>;
    proto[name] = function guarded(this: EventEmitter, ...args: unknown[]) {
      const result = original.apply(this, args);
      result.catch((err: unknown) => this.emit('error', err));
      return result;
    };
  }
  proto.__omsGuarded = true;

  // offWork: pg-boss 10 stops the workers, then polls them once a second in the background until
  // they have stopped; a stop therefore left that loop running for up to a second after it
  // resolved. Same steps here with a 25 ms poll, and the loop is kept so that JobQueue.stop can
  // wait for it to end.
  proto.offWork = async function offWork(this: BossManager, value: string | { id: string }) {
    const match =
      typeof value === 'string' ? (w: BossWorker) => w.name === value : (w: BossWorker) => w.id === value?.id;
    const workers = this.getWorkers().filter((w) => match(w) && !w.stopping && !w.stopped);
    if (!workers.length) return;
    for (const worker of workers) worker.stop();
    const ended = (async () => {
      while (!workers.every((w) => w.stopped)) await new Promise((r) => setTimeout(r, 25));
      for (const worker of workers) this.removeWorker(worker);
    })();
    workerLoops.add(ended);
    void ended.finally(() => workerLoops.delete(ended));
  };
}
/** The loops of workers being stopped (all pg-boss instances in this process). */
const workerLoops = new Set<Promise<void>>();
guardUnawaitedCompletions();

/** pg-boss statements, run on the connection of the caller's transaction. */
function inTransaction(em: EntityManager): PgBoss.Db {
  return {
    executeSql: async (text, values) => ({
      rows: await run(em, { text, values: values.map((v) => (v === undefined ? null : v)) }),
    }),
  };
}

export class JobQueue {
  private readonly boss: PgBoss;
  private readonly workers = new Map<string, string[]>();
  private readonly deadLetterOf = new Map<string, string>();
  private readonly defined = new Set<string>();
  private started = false;
  /**
   * Rejected when a stop's deadline is near: every running handler is raced against it, so that a
   * job stuck past the deadline (a hung socket, a lock) is failed for a retry and pg-boss's worker
   * loops end. Left running, pg-boss would keep polling them forever after the server stopped.
   */
  private abandon!: (err: Error) => void;
  private readonly abandoned = new Promise<never>((_, reject) => (this.abandon = reject));

  constructor(
    private readonly databaseUrl: string,
    private readonly log: Logger,
    private readonly options: { pollSeconds: number; poolMax?: number },
  ) {
    this.abandoned.catch(() => undefined);
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      schema: JOB_SCHEMA,
      application_name: 'oms-jobs',
      max: options.poolMax ?? 5,
    });
    // Everything pg-boss reports (its pool, workers, maintenance, cron) goes to our log. A lost
    // connection is an outage the workers ride out (they keep polling and resume by themselves).
    this.boss.on('error', (err) => {
      if (isUnavailable(err)) this.log.warn({ err }, 'job queue: database unreachable, retrying');
      else this.log.error({ err }, 'job queue error');
    });
  }

  async start(): Promise<void> {
    // pg-boss's start creates a queue of its own (the cron timekeeper's) outside any lock of ours:
    // run under the same start-up lock as define(), or it deadlocks with another process's
    // createQueue (seen on PostgreSQL 18: ALTER TABLE ... ADD CONSTRAINT q_fkey in both).
    await withStartupLock(this.databaseUrl, 'job-queues', this.log, () => this.boss.start());
    this.started = true;
  }

  /** For readiness: pg-boss is started and its own pool reaches the database. */
  async reachable(): Promise<boolean> {
    if (!this.started) return false;
    const result = await this.boss.getDb().executeSql('select 1', []);
    return Boolean(result);
  }

  /** Creates (or updates) a queue and its dead-letter queue; any process may then send to it. */
  async define(name: string, policy: QueuePolicy): Promise<void> {
    // pg-boss 10's createQueue deadlocks when processes starting together create queues (the same
    // one, or two different ones: each adds a foreign key to pgboss.queue): one at a time.
    await withStartupLock(this.databaseUrl, 'job-queues', this.log, () => this.createQueue(name, policy));
  }

  private async createQueue(name: string, policy: QueuePolicy): Promise<void> {
    const deadLetter = policy.deadLetter ? `${name}${DEAD_LETTER_SUFFIX}` : undefined;
    if (deadLetter) {
      await this.boss.createQueue(deadLetter, { name: deadLetter });
      this.deadLetterOf.set(deadLetter, name);
    }
    const options: PgBoss.Queue = {
      name,
      policy: policy.policy ?? 'standard',
      retryLimit: policy.retryLimit,
      retryDelay: policy.retryDelaySeconds,
      retryBackoff: policy.retryBackoff,
      ...(policy.expireInSeconds ? { expireInSeconds: policy.expireInSeconds } : {}),
      ...(deadLetter ? { deadLetter } : {}),
    };
    await this.boss.createQueue(name, options);
    await this.boss.updateQueue(name, options);
    this.defined.add(name);
  }

  /** Works a defined queue in this process, `concurrency` jobs at a time. */
  async work<T extends object>(name: string, handler: JobHandler<T>, concurrency = 1): Promise<void> {
    const ids: string[] = [];
    for (let i = 0; i < concurrency; i++) {
      ids.push(
        await this.boss.work<T>(
          name,
          { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: this.options.pollSeconds },
          async ([job]) => {
            await Promise.race([handler(job), this.abandoned]);
          },
        ),
      );
    }
    this.workers.set(name, [...(this.workers.get(name) ?? []), ...ids]);
  }

  /**
   * Sends a job to a defined queue on a cron schedule (UTC); one job per tick whatever the number
   * of processes (pg-boss keeps the schedule in its tables). `off` removes the schedule.
   */
  async schedule(name: string, cron: string): Promise<void> {
    if (cron === 'off') await this.boss.unschedule(name);
    else await this.boss.schedule(name, cron, {}, { tz: 'UTC' });
  }

  /**
   * Enqueues a job in the transaction of `em` (it exists only if that transaction commits);
   * `options` may set when it starts, its priority and its own retry policy.
   */
  async send(
    em: EntityManager,
    name: string,
    data: object,
    options: Omit<PgBoss.SendOptions, 'db'> = {},
  ): Promise<string> {
    const id = await this.boss.send(name, data, { ...options, db: inTransaction(em) });
    if (!id) throw new Error(`job queue ${name} refused a job`);
    return id;
  }

  /**
   * Enqueues a job of a `stately` queue in the transaction of `em`, unless one is queued already
   * (that one will do the work): returns whether a job was added. With `startAfterSeconds`, the
   * job waits that long before it can run, and sends in the meantime add nothing: work asked for
   * many times a second runs about once per that interval.
   */
  async sendUnlessQueued(
    em: EntityManager,
    name: string,
    data: object,
    options: { startAfterSeconds?: number } = {},
  ): Promise<boolean> {
    return Boolean(
      await this.boss.send(name, data, {
        db: inTransaction(em),
        // As a time, not a number of seconds: in the caller's transaction (inTransaction) each
        // placeholder of pg-boss's statement is its own parameter, typed by where it stands.
        ...(options.startAfterSeconds ? { startAfter: new Date(Date.now() + options.startAfterSeconds * 1000) } : {}),
      }),
    );
  }

  /** Enqueues many jobs in one statement, in the transaction of `em` (`priority`: higher runs first, default 0). */
  async sendMany(em: EntityManager, name: string, data: object[], options: { priority?: number } = {}): Promise<void> {
    for (let i = 0; i < data.length; i += 5000) {
      await this.boss.insert(
        data.slice(i, i + 5000).map((d) => ({ name, data: d, ...options })),
        { db: inTransaction(em) },
      );
    }
  }

  /** Wakes this process's workers of a queue (after a commit that sent jobs to it). */
  wake(name: string): void {
    for (const id of this.workers.get(name) ?? []) this.boss.notifyWorker(id);
  }

  /** Jobs, newest first, optionally of one queue and in one state. */
  async list(filter: {
    queue?: string | null;
    state?: JobState | null;
    id?: string;
    first: number;
  }): Promise<JobRow[]> {
    const statement = jobList(filter);
    const { rows } = await this.boss.getDb().executeSql(statement.text, statement.values);
    return rows.map((r) => ({ ...r, state: r.state as JobState, error: r.state === 'completed' ? null : r.error }));
  }

  async get(queue: string, id: string): Promise<JobRow | undefined> {
    return (await this.list({ queue, id, first: 1 }))[0];
  }

  /**
   * Runs a job again: a failed job goes back to its queue; a dead letter is sent to the queue it
   * came from as a new job (and removed from the dead-letter queue). Returns the job to watch.
   */
  async retry(queue: string, id: string): Promise<{ queue: string; id: string }> {
    const origin = this.deadLetterOf.get(queue);
    if (origin) {
      const job = await this.boss.getJobById<object>(queue, id);
      if (!job) throw new Error(`no job ${id} in ${queue}`);
      const newId = await this.boss.send(origin, job.data ?? {});
      await this.boss.deleteJob(queue, id);
      this.wake(origin);
      return { queue: origin, id: newId! };
    }
    await this.boss.retry(queue, id);
    this.wake(queue);
    return { queue, id };
  }

  /**
   * Jobs waiting or running per queue and state, and dead letters per origin queue, for the
   * metrics scrape. Finished jobs are not counted (state filter; pg-boss indexes name and state).
   */
  async counts(): Promise<QueueCounts> {
    const statement = waitingJobCounts();
    const { rows } = await this.boss.getDb().executeSql(statement.text, statement.values);
    const depth: QueueCounts['depth'] = [];
    const deadLetters: QueueCounts['deadLetters'] = [];
    for (const r of rows as { name: string; state: string; count: number }[]) {
      if (r.name.endsWith(DEAD_LETTER_SUFFIX)) {
        if (r.state !== 'active')
          deadLetters.push({ queue: r.name.slice(0, -DEAD_LETTER_SUFFIX.length), count: r.count });
      } else depth.push({ queue: r.name, state: r.state, count: r.count });
    }
    // This process's queues report 0 rather than nothing when empty (an alert can tell "none" from "unknown").
    for (const queue of this.defined) {
      for (const state of ['created', 'retry', 'active'])
        if (!depth.some((d) => d.queue === queue && d.state === state)) depth.push({ queue, state, count: 0 });
    }
    for (const origin of this.deadLetterOf.values())
      if (!deadLetters.some((d) => d.queue === origin)) deadLetters.push({ queue: origin, count: 0 });
    return { depth, deadLetters };
  }

  /** pg-boss's own connection pool (for the metrics scrape). */
  poolStats(): PoolStats | undefined {
    return pgPoolStats((this.boss.getDb() as unknown as { pool?: Parameters<typeof pgPoolStats>[0] }).pool);
  }

  isDeadLetterQueue(queue: string): boolean {
    return this.deadLetterOf.has(queue);
  }

  /**
   * Stops taking jobs; jobs running get up to `timeoutMs` to finish, then pg-boss fails them
   * (they are retried, by this or another process) and closes its pool.
   */
  async stop(timeoutMs = 15_000): Promise<void> {
    this.started = false;
    const cut = setTimeout(
      () => this.abandon(new Error('the server stopped while this job ran; it is retried')),
      Math.max(0, timeoutMs - 500),
    );
    try {
      await this.boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
    } finally {
      clearTimeout(cut);
    }
    // Nothing of the queue is left running once the server says it stopped: the workers' loops
    // have ended (at most a poll after their last job; another instance's are waited for briefly).
    if (this.workers.size)
      await Promise.race([Promise.all(workerLoops), new Promise((resolve) => setTimeout(resolve, 1100).unref())]);
  }
}
