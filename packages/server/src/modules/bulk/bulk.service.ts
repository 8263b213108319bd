/**
 * Bulk order jobs: one order action (confirm, hold, release, cancel, add or remove a tag) over a
 * snapshot of orders, taken when the job starts (the orders a filter matches for the caller, as
 * the `orders` list shows them, or a list of ids). The job runs in the background on the job
 * queue (common/jobs.ts) as the actor who started it: each order goes through the same
 * OrderService use case as a single action, with that actor's current permissions and channels,
 * so a refusal (wrong status, ORDER_CANCEL_PAID missing, another channel's order) is that order's
 * result and the others go on. Each order's result is written in the transaction of its change,
 * once (bulk_order_job_result, unique per job and order), so a job stopped by a restart resumes
 * where it stopped and never acts on an order twice.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { GraphQLError } from 'graphql';
import type PgBoss from 'pg-boss';
import { can, channelScope, demand } from '../../common/access';
import { Actor, BACKGROUND, RequestContext, SYSTEM_ACTOR } from '../../common/context';
import { BadRequestError, DomainError, ErrorCode, UserError } from '../../common/errors';
import type { JobQueue } from '../../common/jobs';
import { isUuid } from '../../common/limits';
import type { Logger } from '../../common/logger';
import { fetchDir, keysetSql, pageOf, PageArgs, toConnection } from '../../common/pagination';
import { sql, Statement } from '../../common/sql';
import { checkLength } from '../../common/strings';
import { isUnavailable } from '../../common/unavailable';
import { API_KEY_PERMISSIONS, Permission, permissionsOf, recordAudit, Role } from '../auth';
import { normaliseTag, validateTag } from '../automation';
import type { OrderResult } from '../order/order-transaction';
import type { OrderService } from '../order/order.service';
import {
  apiKeyActor,
  claimResult,
  finishJob,
  insertJob,
  jobById,
  JobRow,
  pendingBatch,
  recordResult,
  refreshCounts,
  resultCount,
  resultPage,
  ResultRow,
  setJobTotal,
  snapshotOfFilter,
  snapshotOfIds,
  startJob,
  userActor,
} from './bulk.sql';
import {
  BulkOrderActionInput,
  BulkOrderActionKind,
  BulkOrderJob,
  BulkOrderJobState,
  BulkOrderResult,
} from './bulk.types';

export const BULK_QUEUE = 'bulk-order-action';
/** The most orders one job takes (a filter matching more is refused: narrow it, or run several jobs). */
export const BULK_MAX_ORDERS = 50_000;
/** Orders read per batch, and acted on at once within a batch (each in its own transaction). */
const BATCH = 100;
const LANES = 4;
/** Subscribers get at most one update per this many ms (plus the final one). */
const UPDATE_INTERVAL_MS = 250;
/** A subscriber looks at the job at least this often (the job may run in another process). */
const POLL_MS = 1000;

/** The permission each action needs, to start a job and for every order it acts on. */
export const PERMISSION_OF: Record<BulkOrderActionKind, Permission> = {
  [BulkOrderActionKind.CONFIRM]: Permission.ORDER_UPDATE,
  [BulkOrderActionKind.HOLD]: Permission.ORDER_HOLD,
  [BulkOrderActionKind.RELEASE_HOLD]: Permission.ORDER_HOLD,
  [BulkOrderActionKind.CANCEL]: Permission.ORDER_CANCEL,
  [BulkOrderActionKind.ADD_TAG]: Permission.ORDER_NOTE,
  [BulkOrderActionKind.REMOVE_TAG]: Permission.ORDER_NOTE,
};

const TERMINAL = new Set(['DONE', 'FAILED']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref?.());

function q<T>(em: EntityManager, s: Statement): Promise<T[]> {
  return sql<T>(em, s.text, s.values);
}

function viewOf(r: JobRow): BulkOrderJob {
  return {
    id: r.id,
    action: r.action as BulkOrderActionKind,
    state: r.state as BulkOrderJobState,
    total: r.total,
    done: r.done,
    failed: r.failed,
    error: r.error,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  };
}

function invalid(message: string, field: string[]) {
  return { userErrors: [new UserError(ErrorCode.INVALID_INPUT, message, field)] };
}

export class BulkOrderService {
  private orm?: MikroORM;
  private stopping = false;
  /** Progress of jobs run by this process, for its subscribers (others poll). */
  private readonly progress = new EventEmitter();

  constructor(
    private readonly queue: JobQueue,
    private readonly orders: OrderService,
    private readonly log: Logger,
  ) {
    this.progress.setMaxListeners(0);
  }

  /** Works the bulk queue in this process. */
  async start(orm: MikroORM): Promise<void> {
    this.orm = orm;
    this.stopping = false;
    await this.queue.define(BULK_QUEUE, {
      // A stop (restart, deploy) fails the running job; its retry resumes where it stopped.
      retryLimit: 50,
      retryDelaySeconds: 1,
      retryBackoff: false,
      expireInSeconds: 3600,
      deadLetter: false,
    });
    await this.queue.work<{ jobId: string }>(BULK_QUEUE, (job) => this.runJob(job), 2);
  }

  /** Jobs running here stop after the order at hand (and are retried, by this process or another). */
  stop(): void {
    this.stopping = true;
    this.progress.emit('stop');
  }

  private background(): EntityManager {
    return this.orm!.em.fork({ loggerContext: BACKGROUND }) as EntityManager;
  }

  // ---- starting ----

  async startJob(
    ctx: RequestContext,
    input: BulkOrderActionInput,
  ): Promise<{ job?: BulkOrderJob; userErrors: UserError[] }> {
    const action = input.action;
    demand(ctx, PERMISSION_OF[action]);
    const hasFilter = input.filter != null;
    const hasIds = input.ids != null;
    if (hasFilter === hasIds)
      return invalid(hasFilter ? 'Give either filter or ids, not both' : 'Give exactly one of filter and ids', [
        'input',
        hasFilter ? 'ids' : 'filter',
      ]);
    let reason: string | null = null;
    let tag: string | null = null;
    if (action === BulkOrderActionKind.HOLD || action === BulkOrderActionKind.CANCEL) {
      const bad = checkLength(input.reason, ['input', 'reason'], action === BulkOrderActionKind.HOLD ? 1 : 0, 1000);
      if (bad) {
        if (action === BulkOrderActionKind.HOLD && !input.reason?.trim())
          return invalid('input.reason is required to hold orders', ['input', 'reason']);
        return { userErrors: [bad] };
      }
      reason = input.reason?.trim() ? input.reason : null;
    }
    if (action === BulkOrderActionKind.ADD_TAG || action === BulkOrderActionKind.REMOVE_TAG) {
      if (input.tag == null) return invalid('input.tag is required for this action', ['input', 'tag']);
      const bad = validateTag(input.tag, ['input', 'tag']);
      if (bad) return { userErrors: [bad] };
      tag = normaliseTag(input.tag);
    }
    let ids: string[] | undefined;
    if (hasIds) {
      const given = input.ids!;
      if (!given.length) return invalid('input.ids must name at least one order', ['input', 'ids']);
      const bad = given.findIndex((id) => !isUuid(id));
      if (bad >= 0) return invalid(`input.ids.${bad} is not an order id`, ['input', 'ids', String(bad)]);
      ids = [...new Set(given.map((id) => id.toLowerCase()))];
      if (ids.length > BULK_MAX_ORDERS)
        return invalid(`A bulk job takes at most ${BULK_MAX_ORDERS} orders; ${ids.length} given`, ['input', 'ids']);
    }
    // The filter's conditions as the `orders` list applies them for the caller (its channels, its search).
    const conditions = hasFilter ? this.orders.matchingConditions(ctx, input.filter) : undefined;
    const actor = ctx.actor!;
    const id = randomUUID();
    try {
      const job = await ctx.em.transactional(async (em) => {
        await q(
          em as EntityManager,
          insertJob({
            id,
            action,
            reason,
            tag,
            actorKind: actor.kind,
            actorId: actor.id ?? null,
            actorLabel: actor.label,
          }),
        );
        const [{ n }] = await q<{ n: number }>(
          em as EntityManager,
          conditions
            ? snapshotOfFilter(id, conditions, BULK_MAX_ORDERS + 1)
            : snapshotOfIds(id, ids!, channelScope(ctx)),
        );
        if (n > BULK_MAX_ORDERS)
          throw new DomainError(
            new UserError(
              ErrorCode.INVALID_INPUT,
              `More than ${BULK_MAX_ORDERS} orders match this filter, the most a bulk job takes: narrow it (e.g. by date)`,
              ['input', 'filter'],
            ),
          );
        if (n === 0)
          throw new DomainError(
            new UserError(ErrorCode.NOT_FOUND, 'No order matches this filter', ['input', 'filter']),
          );
        await q(em as EntityManager, setJobTotal(id, n));
        await this.queue.send(em as EntityManager, BULK_QUEUE, { jobId: id });
        recordAudit(em as EntityManager, ctx, 'bulk.start', 'bulk_order_job', id, { action, total: n, tag, reason });
        const [row] = await q<JobRow>(em as EntityManager, jobById(id));
        return row;
      });
      this.queue.wake(BULK_QUEUE);
      return { job: viewOf(job), userErrors: [] };
    } catch (e) {
      if (e instanceof DomainError) return { userErrors: e.userErrors };
      throw e;
    }
  }

  // ---- reading ----

  /** Only the actor who started a job, or an admin, sees it. */
  private visible(ctx: RequestContext, row: JobRow): boolean {
    const a = ctx.actor;
    if (!a) return false;
    if (a.kind === 'user' && a.role === Role.ADMIN && !a.mustChangePassword) return true;
    return a.kind === row.actor_kind && (a.id ?? null) === row.actor_id;
  }

  private async row(em: EntityManager, id: string): Promise<JobRow | undefined> {
    if (!isUuid(id)) return undefined;
    return (await q<JobRow>(em, jobById(id)))[0];
  }

  /** One job, or null when it does not exist or is someone else's. */
  async job(ctx: RequestContext, id: string): Promise<BulkOrderJob | null> {
    const row = await this.row(ctx.em, id);
    return row && this.visible(ctx, row) ? viewOf(row) : null;
  }

  /** The results recorded so far, in snapshot order (the job was checked visible when it was read). */
  async results(ctx: RequestContext, job: BulkOrderJob, args: PageArgs & { ok?: boolean | null }) {
    const ok = args.ok ?? undefined;
    const paging = pageOf(args, 1);
    const bounds = keysetSql(['r.position'], 'asc', paging, (p) => {
      const n = Number(p[0]);
      if (!Number.isInteger(n)) throw new Error('not a position');
      return [n];
    });
    const rows = await q<ResultRow>(ctx.em, resultPage(job.id, ok, bounds, fetchDir('asc', paging), paging.limit + 1));
    return toConnection(
      rows.map((r) => ({ ...r, orderId: r.order_id })) as (ResultRow & BulkOrderResult)[],
      paging,
      (r) => [r.position],
      async () => (await q<{ n: number }>(ctx.em, resultCount(job.id, ok)))[0].n,
    );
  }

  /**
   * The job now, then again whenever its progress changes (at most every UPDATE_INTERVAL_MS),
   * ending with its final state. Progress made in this process wakes subscribers at once; a job
   * run by another process is seen within POLL_MS.
   */
  async watch(ctx: RequestContext, id: string): Promise<AsyncIterable<BulkOrderJob>> {
    const em = this.background();
    const first = await this.row(em, id);
    if (!first || !this.visible(ctx, first)) throw new BadRequestError('No bulk order job with this id');
    return this.updates(em, id, first);
  }

  /**
   * The updates as an iterator whose return() (the subscriber went away) ends the polling at once;
   * a generator would only see it at its next yield, after the job changed.
   */
  private updates(em: EntityManager, id: string, first: JobRow): AsyncIterableIterator<BulkOrderJob> {
    let row: JobRow | undefined = first;
    let last = '';
    let closed = false;
    const wake = () => this.progress.emit(`close:${id}`);
    const next = async (): Promise<IteratorResult<BulkOrderJob>> => {
      while (row && !closed && !this.stopping) {
        const key = `${row.state}:${row.total}:${row.done}:${row.failed}`;
        if (key !== last) {
          last = key;
          return { value: viewOf(row), done: false };
        }
        if (TERMINAL.has(row.state)) break;
        await sleep(UPDATE_INTERVAL_MS);
        if (closed) break;
        await this.nextProgress(id, POLL_MS - UPDATE_INTERVAL_MS);
        if (closed) break;
        row = await this.row(em, id);
      }
      closed = true;
      return { value: undefined, done: true };
    };
    return {
      next,
      async return() {
        closed = true;
        wake();
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  /** Resolves when this process records progress of the job, or after `ms`. */
  private nextProgress(id: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.progress.off(id, done);
        this.progress.off(`close:${id}`, done);
        this.progress.off('stop', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.progress.on(id, done);
      this.progress.on(`close:${id}`, done);
      this.progress.on('stop', done);
    });
  }

  // ---- running ----

  /** The actor who started the job, as they are now (undefined once deactivated or revoked). */
  private async actorOf(em: EntityManager, job: JobRow): Promise<Actor | undefined> {
    if (job.actor_kind === 'system') return { ...SYSTEM_ACTOR, label: job.actor_label };
    if (!job.actor_id) return undefined;
    if (job.actor_kind === 'user') {
      const [u] = await q<{ email: string; role: Role; must_change_password: boolean }>(em, userActor(job.actor_id));
      if (!u) return undefined;
      return {
        kind: 'user',
        id: job.actor_id,
        label: `user:${u.email}`,
        role: u.role,
        permissions: permissionsOf(u.role),
        mustChangePassword: u.must_change_password,
      };
    }
    const [k] = await q<{ name: string; prefix: string; permissions: string[]; channel_ids: string[] }>(
      em,
      apiKeyActor(job.actor_id),
    );
    if (!k) return undefined;
    return {
      kind: 'apiKey',
      id: job.actor_id,
      label: `key:${k.name} (${k.prefix})`,
      permissions: new Set(k.permissions.filter((p) => (API_KEY_PERMISSIONS as readonly string[]).includes(p))),
      channelIds: k.channel_ids,
    };
  }

  private async runJob(job: PgBoss.JobWithMetadata<{ jobId: string }>): Promise<void> {
    const last = job.retryCount >= job.retryLimit;
    try {
      await this.run(job.data.jobId);
    } catch (err) {
      if (last && !this.stopping) {
        this.log.error({ err, bulkJob: job.data.jobId }, 'bulk order job failed for good');
        await q(
          this.background(),
          finishJob(job.data.jobId, 'FAILED', 'The job failed repeatedly; see the server log'),
        );
        this.progress.emit(job.data.jobId);
        return;
      }
      throw err;
    }
  }

  private async run(jobId: string): Promise<void> {
    const em = this.background();
    const [job] = await q<JobRow>(em, startJob(jobId));
    if (!job) return; // finished already (or gone)
    this.progress.emit(jobId);
    for (;;) {
      this.checkStopping();
      const actor = await this.actorOf(em, job);
      if (!actor) {
        await q(em, refreshCounts(jobId));
        await q(em, finishJob(jobId, 'FAILED', `${job.actor_label} can no longer act (deactivated or revoked)`));
        this.progress.emit(jobId);
        return;
      }
      const batch = await q<{ order_id: string }>(em, pendingBatch(jobId, BATCH));
      if (!batch.length) break;
      let next = 0;
      const lane = async () => {
        while (next < batch.length) {
          this.checkStopping();
          const orderId = batch[next++].order_id;
          await this.processOne(job, actor, orderId);
        }
      };
      try {
        await Promise.all(Array.from({ length: Math.min(LANES, batch.length) }, lane));
      } finally {
        // What was done counts, also when the batch stopped early.
        await q(em, refreshCounts(jobId)).catch(() => undefined);
        this.progress.emit(jobId);
      }
    }
    await q(em, refreshCounts(jobId));
    await q(em, finishJob(jobId, 'DONE', null));
    this.progress.emit(jobId);
  }

  private checkStopping() {
    if (this.stopping) throw new Error('the server is stopping; the bulk job resumes where it stopped');
  }

  /** One order: its result row locked (skipped when it has one), the action, the result; one transaction. */
  private async processOne(job: JobRow, actor: Actor, orderId: string): Promise<void> {
    await this.background().transactional(async (tem) => {
      const em = tem as EntityManager;
      const [claimed] = await q<{ number: string | null }>(em, claimResult(job.id, orderId));
      if (!claimed) return;
      const ctx: RequestContext = { requestId: `bulk:${job.id}`, em, actor, log: this.log };
      const permission = PERMISSION_OF[job.action as BulkOrderActionKind];
      let outcome: { ok: boolean; code: string | null; message: string | null; number: string | null };
      if (!can(ctx, permission)) {
        outcome = { ok: false, code: ErrorCode.FORBIDDEN, message: `Missing permission ${permission}`, number: null };
      } else {
        try {
          const r = await this.act(ctx, job, orderId);
          const e = r.userErrors[0];
          outcome = e
            ? { ok: false, code: e.code, message: e.message, number: null }
            : { ok: true, code: null, message: null, number: r.order?.number ?? null };
        } catch (err) {
          // A refusal thrown by the use case (e.g. cancelling a paid order without ORDER_CANCEL_PAID).
          if (err instanceof GraphQLError && err.extensions?.code === 'FORBIDDEN')
            outcome = { ok: false, code: ErrorCode.FORBIDDEN, message: err.message, number: null };
          else {
            if (!isUnavailable(err)) this.log.warn({ err, bulkJob: job.id, orderId }, 'bulk order action failed');
            throw err;
          }
        }
      }
      await q(em, recordResult(job.id, orderId, outcome));
    });
  }

  /** The single-order use case of the job's action. */
  private act(ctx: RequestContext, job: JobRow, orderId: string): Promise<OrderResult> {
    switch (job.action as BulkOrderActionKind) {
      case BulkOrderActionKind.CONFIRM:
        return this.orders.confirmOrder(ctx, orderId);
      case BulkOrderActionKind.HOLD:
        return this.orders.holdOrder(ctx, orderId, job.reason ?? '');
      case BulkOrderActionKind.RELEASE_HOLD:
        return this.orders.releaseOrderHold(ctx, orderId);
      case BulkOrderActionKind.CANCEL:
        return this.orders.cancelOrder(ctx, orderId, job.reason ?? undefined);
      case BulkOrderActionKind.ADD_TAG:
        return this.orders.addOrderTag(ctx, orderId, job.tag ?? '');
      case BulkOrderActionKind.REMOVE_TAG:
        return this.orders.removeOrderTag(ctx, orderId, job.tag ?? '');
    }
  }
}
