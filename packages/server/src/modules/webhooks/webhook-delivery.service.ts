/**
 * Webhook delivery (endpoints are edited in webhook-endpoint.service.ts): one delivery per
 * dispatched event and matching endpoint, written with a delivery job in the dispatching
 * transaction; the delivery job itself: a signed POST, retried with exponential backoff on
 * network errors, timeouts, 408, 429 and 5xx for the configured window (24 h by default), not
 * retried on other answers; a retried answer's Retry-After is honoured (no sooner than the backoff
 * step, no later than the window). Every attempt is logged; an endpoint whose
 * deliveries keep failing is disabled, with the reason on the endpoint and in the audit log.
 *
 * Safety: a URL must point at a public address when it is registered and again at every attempt,
 * which connects to the address it checked (webhook.address.ts, webhook.http.ts); the development
 * flag OMS_WEBHOOK_ALLOW_PRIVATE_ADDRESSES lifts that for staff endpoints only, never for a partner
 * key's. Fairness: a partner key (or a staff endpoint) gets at most half of a process's delivery
 * workers (webhook.fairness.ts), registers a bounded number of endpoints, and replays a bounded
 * number of events per hour (webhook.sql.ts). Replays (of one delivery, or of stored events) are
 * new deliveries, queued below live ones.
 */
import type { EntityManager, FilterQuery, MikroORM } from '@mikro-orm/postgresql';
import type PgBoss from 'pg-boss';
import { channelScope } from '../../common/access';
import type { Config } from '../../config/config';
import { BACKGROUND, RequestContext, systemContext } from '../../common/context';
import { DomainError, ErrorCode, fail, RateLimitedError, UserError } from '../../common/errors';
import type { JobQueue } from '../../common/jobs';
import type { Logger } from '../../common/logger';
import { dateAndId, fetchOrder, keysetWhere, PageArgs, pageOf, toConnection } from '../../common/pagination';
import { run as runSql } from '../../common/sql';
import { recordAudit } from '../auth';
import { viewerOfKey } from '../events';
import { DomainEvent } from '../events';
import { assignStreamPositions } from '../events';
import { DeliveryStatus, WebhookAttempt, WebhookDelivery, WebhookEndpoint } from './webhook.entity';
import { ReplayEventsInput } from './webhook.inputs';
import { bareHost, RefusedAddress, Resolve, resolveTarget, systemResolve } from './webhook.address';
import { findEndpoint, visibleEndpoints } from './webhook-endpoint.service';
import { FairShare } from './webhook.fairness';
import { Outcome, post } from './webhook.http';
import { webhookBody } from './webhook.payload';
import {
  chargeReplayBudget,
  countEventsToReplay,
  countFailure,
  eventPosition,
  insertReplayDeliveries,
  lockReplayBudget,
  pendingReplays,
  resetFailures,
  ReplayFilter,
} from './webhook.sql';
import { Result, runMutation } from '../../common/mutation';
import { isUuid } from '../../common/limits';

export { signature } from './webhook.http';

export const DELIVERY_QUEUE = 'webhook-delivery';
/** Delivery jobs one process works at once; one lane (a partner key, or a staff endpoint) gets at most half of them. */
const DELIVERY_WORKERS = 4;
const HOUR_MS = 3600_000;
/**
 * Replayed deliveries are queued in rounds of this many per lane: the n-th round of a lane's
 * pending replays has job priority -n (live deliveries have 0), so the replays of several lanes
 * are worked round by round, and a big replay delays another lane's replay by one round at most.
 */
const REPLAY_ROUND = 50;
/** The most events one replayEvents call queues; the rest is left for another call (after: lastEventId). */
export const REPLAY_LIMIT = 10_000;

export type WebhookConfig = Pick<
  Config,
  | 'webhookTimeoutMs'
  | 'webhookRetryDelaySeconds'
  | 'webhookRetryWindowSeconds'
  | 'webhookDisableAfterFailures'
  | 'webhookAllowPrivateAddresses'
> &
  Partial<Pick<Config, 'webhookMaxEndpointsPerKey' | 'webhookReplayMaxPerHour' | 'webhookSecretGraceSeconds'>>;

/** Retries whose backoff delays (delay, 2×delay, 4×delay, ... at the least) add up to the window. */
export function retriesFor(delaySeconds: number, windowSeconds: number): number {
  let n = 0;
  while (delaySeconds * (2 ** n - 1) < windowSeconds && n < 30) n++;
  return n;
}

/**
 * The shortest wait (seconds) before a job's next retry, `extra` retries on: pg-boss waits
 * retryDelay × 2^retryCount, up to twice that with its jitter.
 */
export function backoffStep(job: Pick<PgBoss.JobWithMetadata, 'retryDelay' | 'retryCount'>, extra = 0): number {
  return job.retryDelay * 2 ** Math.min(job.retryCount + extra, 16);
}

export class WebhookDeliveryService {
  private readonly retryLimit: number;
  /** Told of every finished delivery attempt (the metrics count them); `latencyMs` only when a request was sent. */
  onAttempt?: (outcome: 'delivered' | 'retrying' | 'failed', latencyMs?: number) => void;
  private readonly fair: FairShare;
  /** Name resolution of webhook hosts (dns.lookup); every check and every attempt goes through it. */
  resolveHost: Resolve = systemResolve;

  constructor(
    private readonly jobs: JobQueue,
    private readonly config: WebhookConfig,
    private readonly log: Logger,
  ) {
    this.retryLimit = retriesFor(config.webhookRetryDelaySeconds, config.webhookRetryWindowSeconds);
    this.fair = new FairShare(FairShare.capFor(DELIVERY_WORKERS), config.webhookTimeoutMs);
  }

  /** Works the delivery queue in this process. */
  async start(orm: MikroORM): Promise<void> {
    await this.jobs.define(DELIVERY_QUEUE, {
      retryLimit: this.retryLimit,
      retryDelaySeconds: this.config.webhookRetryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: Math.ceil(this.config.webhookTimeoutMs / 1000) + 60,
      deadLetter: true,
    });
    await this.jobs.work<{ deliveryId: string }>(DELIVERY_QUEUE, (job) => this.deliver(orm, job), DELIVERY_WORKERS);
  }

  private run<K extends string, T>(
    ctx: RequestContext,
    key: K,
    input: object | null | undefined,
    work: (em: EntityManager) => Promise<T>,
  ): Promise<Result<K, T>> {
    return runMutation(ctx, key, work, { input });
  }

  // ---- addresses ----

  /**
   * Whether an endpoint may only reach public addresses: always for a partner key's endpoint (or
   * a key's request), and for staff endpoints unless the development flag is on.
   */
  strict(ownedByKey: boolean): boolean {
    return ownedByKey || !this.config.webhookAllowPrivateAddresses;
  }

  /** The lane of an endpoint's deliveries and replay budget: its partner key, or the endpoint itself. */
  private lane(endpoint: WebhookEndpoint): string {
    return endpoint.ownerKey ? `key:${endpoint.ownerKey.id}` : `endpoint:${endpoint.id}`;
  }

  /**
   * A registered URL, normalised, or INVALID_INPUT at `field`: absolute http(s), no credentials,
   * and (when strict for the owner) a public address as it resolves now.
   */
  async checkUrl(url: string, field: string[], ownedByKey: boolean): Promise<string> {
    const strict = this.strict(ownedByKey);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return fail(ErrorCode.INVALID_INPUT, 'url: must be an absolute http or https URL', field);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      fail(ErrorCode.INVALID_INPUT, 'url: must use http or https', field);
    if (parsed.username || parsed.password) fail(ErrorCode.INVALID_INPUT, 'url: must not contain credentials', field);
    if (strict) {
      try {
        await resolveTarget(bareHost(parsed), this.resolveHost, false);
      } catch (e) {
        // A name that does not resolve (yet) is accepted: every attempt resolves and checks it again.
        if (e instanceof RefusedAddress)
          fail(
            ErrorCode.INVALID_INPUT,
            'url: must point at a public address (not loopback, private, link-local, multicast, reserved or cloud metadata)',
            field,
          );
      }
    }
    return parsed.toString();
  }

  // ---- the delivery log and replays ----

  async deliveries(ctx: RequestContext, endpointId: string, args: PageArgs) {
    const paging = pageOf(args, 2);
    const endpoint = isUuid(endpointId)
      ? await ctx.em.findOne(WebhookEndpoint, { id: endpointId, ...visibleEndpoints(ctx) })
      : null;
    if (!endpoint)
      return toConnection(
        [] as WebhookDelivery[],
        paging,
        () => [],
        async () => 0,
      );
    const where = { endpoint: endpoint.id };
    const page: FilterQuery<WebhookDelivery> = keysetWhere(where, ['createdAt', 'id'], 'desc', paging, dateAndId);
    const items = await ctx.em.find(WebhookDelivery, page, {
      orderBy: fetchOrder(['createdAt', 'id'], 'desc', paging),
      limit: paging.limit + 1,
    });
    return toConnection(
      items,
      paging,
      (d) => [d.createdAt.toISOString(), d.id],
      () => ctx.em.count(WebhookDelivery, where),
    );
  }

  attempts(em: EntityManager, delivery: WebhookDelivery): Promise<WebhookAttempt[]> {
    return em.find(WebhookAttempt, { delivery: delivery.id }, { orderBy: { attemptedAt: 'asc', id: 'asc' } });
  }

  /** Sends the event of a delivery again to its endpoint, as a new delivery (same event id). */
  async replay(ctx: RequestContext, id: string) {
    const r = await this.run(ctx, 'delivery', { id }, async (em) => {
      const original = isUuid(id)
        ? await em.findOne(WebhookDelivery, { id, endpoint: visibleEndpoints(ctx) }, { populate: ['endpoint'] })
        : null;
      if (!original)
        return fail(ErrorCode.NOT_FOUND, `No webhook delivery with id ${JSON.stringify(id).slice(0, 80)}`, ['id']);
      if (!original.endpoint.$.active)
        fail(ErrorCode.INVALID_INPUT, 'The endpoint is disabled: enable it first (updateWebhookEndpoint)', ['id']);
      await this.takeReplayBudget(em, this.lane(original.endpoint.$), 1);
      const delivery = new WebhookDelivery({
        endpoint: original.endpoint,
        eventId: original.eventId,
        eventType: original.eventType,
        replayOf: original.id,
      });
      em.persist(delivery);
      await em.flush();
      await this.queueReplays(em, original.endpoint.$, [delivery.id]);
      recordAudit(em, ctx, 'webhookDelivery.replay', 'webhookDelivery', original.id, {
        eventId: original.eventId,
        replay: delivery.id,
      });
      return delivery;
    });
    if (r.delivery) this.jobs.wake(DELIVERY_QUEUE);
    return r;
  }

  /**
   * Sends stored events again to an endpoint, as new deliveries marked as replays (same event
   * ids, so receivers de-duplicate): the events the endpoint would have received (its types and
   * channels, and a key's channels) narrowed by the filters, oldest first, at most REPLAY_LIMIT.
   */
  async replayEvents(ctx: RequestContext, input: ReplayEventsInput) {
    let summary: { matched: number; lastEventId?: string; hasMore: boolean } | undefined;
    await assignStreamPositions(ctx.em); // so that every event committed before the call has its position, and is replayed
    const r = await this.run(ctx, 'queued', input, async (em) => {
      const endpoint = await findEndpoint(em, ctx, input.endpointId, ['input', 'endpointId']);
      if (!endpoint.active)
        fail(ErrorCode.INVALID_INPUT, 'The endpoint is disabled: enable it first (updateWebhookEndpoint)', [
          'input',
          'endpointId',
        ]);
      const lane = this.lane(endpoint);
      const allowance = await this.takeReplayBudget(em, lane, REPLAY_LIMIT);
      const types = input.types ? [...new Set(input.types)] : endpoint.eventTypes;
      const errors = (input.types ?? []).flatMap((type, i) =>
        endpoint.eventTypes.includes(type)
          ? []
          : [
              new UserError(ErrorCode.INVALID_INPUT, `The endpoint does not subscribe to ${type}`, [
                'input',
                'types',
                String(i),
              ]),
            ],
      );
      if (errors.length) throw new DomainError(errors);
      if (input.from && input.to && input.from >= input.to)
        fail(ErrorCode.INVALID_INPUT, 'to: must be after from', ['input', 'to']);
      const scope = channelScope(ctx);
      const channels = endpoint.channelIds.length ? endpoint.channelIds : null;
      let after: string | null = null;
      if (input.after) {
        const [row] = await runSql<{ position: string | null; channel_id: string | null }>(
          em,
          eventPosition(input.after),
        );
        // An event outside a key's channels is reported like an unknown one (and one without a
        // position is one committed after this call began: not replayed yet either).
        if (!row?.position || (scope && (!row.channel_id || !scope.includes(row.channel_id))))
          fail(ErrorCode.NOT_FOUND, `No event with id ${input.after}`, ['input', 'after']);
        after = row.position;
      }
      const filter: ReplayFilter = {
        types,
        afterPosition: after,
        from: input.from ?? null,
        to: input.to ?? null,
        channelIds: channels,
        scope: scope ? [...scope] : null,
      };
      const [{ n }] = await runSql<{ n: number }>(em, countEventsToReplay(filter));
      const rows = await runSql<{ id: string; event_id: string }>(
        em,
        insertReplayDeliveries(endpoint.id, filter, allowance),
      );
      await this.chargeReplayBudget(em, lane, rows.length);
      await this.queueReplays(
        em,
        endpoint,
        rows.map((d) => d.id),
      );
      summary = { matched: n, lastEventId: rows.at(-1)?.event_id, hasMore: n > rows.length };
      recordAudit(em, ctx, 'webhookEndpoint.replayEvents', 'webhookEndpoint', endpoint.id, {
        after: input.after ?? null,
        from: input.from ?? null,
        to: input.to ?? null,
        types,
        queued: rows.length,
        matched: n,
      });
      return rows.length;
    });
    if (r.queued) this.jobs.wake(DELIVERY_QUEUE);
    return { ...r, ...(r.queued !== undefined ? summary : {}) };
  }

  // ---- delivering ----

  /**
   * The dispatcher's reactor: a delivery row and a delivery job for every event and every active
   * endpoint that wants it, in the dispatching transaction. Endpoints of revoked keys get nothing.
   */
  readonly react = async (em: EntityManager, events: DomainEvent[]) => {
    const endpoints = await em.find(WebhookEndpoint, {
      active: true,
      $or: [{ ownerKey: null }, { ownerKey: { revokedAt: null } }],
    });
    if (!endpoints.length) return;
    const deliveries: WebhookDelivery[] = [];
    for (const event of events) {
      for (const endpoint of endpoints) {
        if (endpoint.wants(event.type, event.channelId)) {
          const delivery = new WebhookDelivery({
            endpoint: em.getReference(WebhookEndpoint, endpoint.id, { wrapped: true }),
            eventId: event.id,
            eventType: event.type,
          });
          em.persist(delivery);
          deliveries.push(delivery);
        }
      }
    }
    if (!deliveries.length) return;
    await em.flush();
    for (const d of deliveries) await this.jobs.send(em, DELIVERY_QUEUE, { deliveryId: d.id });
    return () => this.jobs.wake(DELIVERY_QUEUE);
  };

  /**
   * A delivery of one event to one endpoint (an automation rule's "webhook" action), in the
   * caller's transaction. An endpoint that subscribes to the event anyway gets it from the
   * dispatcher instead, once. Returns what to do after commit, or an error for the rule's log.
   */
  async deliverTo(
    em: EntityManager,
    endpointId: string,
    event: DomainEvent,
  ): Promise<{ error?: string; after?: () => void }> {
    const endpoint = isUuid(endpointId) ? await em.findOne(WebhookEndpoint, { id: endpointId }) : null;
    if (!endpoint) return { error: `no webhook endpoint ${endpointId}` };
    if (!endpoint.active) return { error: `webhook endpoint ${endpoint.url} is disabled` };
    if (endpoint.wants(event.type, event.channelId)) return {};
    const delivery = new WebhookDelivery({
      endpoint: em.getReference(WebhookEndpoint, endpoint.id, { wrapped: true }),
      eventId: event.id,
      eventType: event.type,
    });
    em.persist(delivery);
    await em.flush();
    await this.jobs.send(em, DELIVERY_QUEUE, { deliveryId: delivery.id });
    return { after: () => this.jobs.wake(DELIVERY_QUEUE) };
  }

  /** Whether a webhook endpoint exists and is active (checked by rules before they act). */
  async endpointUsable(em: EntityManager, endpointId: string): Promise<string | undefined> {
    const endpoint = isUuid(endpointId) ? await em.findOne(WebhookEndpoint, { id: endpointId }) : null;
    if (!endpoint) return `no webhook endpoint ${endpointId}`;
    if (!endpoint.active) return `webhook endpoint ${endpoint.url} is disabled`;
    return undefined;
  }

  /**
   * Locks the replay budget of a lane for this transaction and returns how many events it may
   * still replay (at most `wanted`); none left is RATE_LIMITED, with when the hour's window ends.
   */
  private async takeReplayBudget(em: EntityManager, lane: string, wanted: number): Promise<number> {
    const limit = this.config.webhookReplayMaxPerHour ?? 0;
    if (limit <= 0) return wanted;
    const [budget] = await runSql<{ points: number; expire: string }>(em, lockReplayBudget(lane, HOUR_MS));
    const left = limit - budget.points;
    if (left <= 0) {
      const s = Math.max(1, Math.ceil((Number(budget.expire) - Date.now()) / 1000));
      const who = lane.startsWith('key:') ? 'a partner key (over all of its endpoints)' : 'an endpoint';
      throw new RateLimitedError(
        `Replays are limited to at most ${limit} events per hour for ${who}; retry in ${s} s`,
        s,
        { limit, windowSeconds: HOUR_MS / 1000 },
      );
    }
    return Math.min(wanted, left);
  }

  private async chargeReplayBudget(em: EntityManager, lane: string, points: number): Promise<void> {
    if ((this.config.webhookReplayMaxPerHour ?? 0) > 0 && points > 0)
      await runSql(em, chargeReplayBudget(lane, points));
  }

  /**
   * Delivery jobs for replayed deliveries, below live ones (priority < 0: a replay's backlog never
   * delays the events happening now) and in rounds per lane after the replays it has pending.
   */
  private async queueReplays(em: EntityManager, endpoint: WebhookEndpoint, deliveryIds: string[]): Promise<void> {
    if (!deliveryIds.length) return;
    const lane = endpoint.ownerKey ? { keyId: endpoint.ownerKey.id } : { endpointId: endpoint.id };
    const [{ n }] = await runSql<{ n: number }>(em, pendingReplays(lane));
    const backlog = Math.max(0, n - deliveryIds.length); // the count includes the deliveries just written
    let i = 0;
    while (i < deliveryIds.length) {
      const round = Math.floor((backlog + i) / REPLAY_ROUND);
      const end = Math.min(deliveryIds.length, (round + 1) * REPLAY_ROUND - backlog);
      await this.jobs.sendMany(
        em,
        DELIVERY_QUEUE,
        deliveryIds.slice(i, end).map((deliveryId) => ({ deliveryId })),
        { priority: -1 - Math.min(round, 1_000_000) },
      );
      i = end;
    }
  }

  /**
   * Puts a delivery job back in the queue as a new job starting at `startAfter`, with the retries
   * (and backoff) it has left: for a job whose lane is full (this one then completes without an
   * attempt; `used` 0), or after an attempt answered with Retry-After (`used` 1: that attempt
   * used one retry). Sent in `em`'s transaction.
   */
  private async defer(
    em: EntityManager,
    job: PgBoss.JobWithMetadata<{ deliveryId: string }>,
    startAfter: Date,
    used = 0,
  ): Promise<void> {
    await this.jobs.send(em, DELIVERY_QUEUE, job.data, {
      startAfter,
      priority: job.priority,
      retryLimit: Math.max(0, job.retryLimit - job.retryCount - used),
      // A job deferred before carries its backoff in its own retry delay (the queue's × 2^retries before it).
      retryDelay: backoffStep(job, used),
      retryBackoff: true,
    });
  }

  /**
   * When the next attempt after a retried answer with Retry-After starts: the wait it asks for,
   * capped at the retry window, and never sooner than the backoff step that would apply without it
   * (the retry delay × 2^retries so far).
   */
  retryAt(
    job: Pick<PgBoss.JobWithMetadata, 'retryDelay' | 'retryCount'>,
    retryAfterMs: number,
    now = Date.now(),
  ): Date {
    const stepMs = backoffStep(job) * 1000;
    const capMs = Math.max(stepMs, this.config.webhookRetryWindowSeconds * 1000);
    return new Date(now + Math.max(stepMs, Math.min(retryAfterMs, capMs)));
  }

  /** The delivery job: one attempt; throws to have pg-boss retry it (or dead-letter it when retries are used up). */
  private async deliver(orm: MikroORM, job: PgBoss.JobWithMetadata<{ deliveryId: string }>): Promise<void> {
    const em = orm.em.fork({ loggerContext: BACKGROUND });
    const delivery = await em.findOne(
      WebhookDelivery,
      { id: job.data.deliveryId },
      { populate: ['endpoint', 'endpoint.secret', 'endpoint.previousSecret', 'endpoint.ownerKey'] },
    );
    if (!delivery || delivery.status === DeliveryStatus.DELIVERED) return;
    const endpoint = delivery.endpoint.$;
    // With the resource it carries (lazy: only deliveries read it), as it was when the event was recorded.
    const event = await em.findOne(DomainEvent, { id: delivery.eventId }, { populate: ['resource'] });
    let outcome: Outcome;
    let sent = false;
    if (!endpoint.active) {
      outcome = { latencyMs: 0, error: 'not sent: the endpoint is disabled', delivered: false, retryable: false };
    } else if (!event) {
      outcome = { latencyMs: 0, error: 'not sent: the event no longer exists', delivered: false, retryable: false };
    } else {
      const lane = this.lane(endpoint);
      const slot = await this.fair.enter(lane);
      if ('retryAt' in slot) {
        await this.defer(orm.em.fork({ loggerContext: BACKGROUND }), job, slot.retryAt);
        return;
      }
      // The payload as the endpoint's owner may read it (a partner key: its permissions; see
      // event-redaction.ts), with the resource the event carries (webhook.payload.ts).
      const body = JSON.stringify(webhookBody(viewerOfKey(endpoint.ownerKey?.$), event));
      let latencyMs = this.config.webhookTimeoutMs;
      try {
        outcome = await post(endpoint.url, {
          secrets: endpoint.signingSecrets(),
          eventId: event.id,
          body,
          timeoutMs: this.config.webhookTimeoutMs,
          resolve: this.resolveHost,
          allowPrivate: !this.strict(!!endpoint.ownerKey),
        });
        latencyMs = outcome.latencyMs;
      } finally {
        this.fair.leave(lane, slot.ticket, latencyMs);
      }
      sent = outcome.statusCode !== undefined || outcome.latencyMs > 0;
    }
    const givingUp = !outcome.delivered && (!outcome.retryable || job.retryCount >= job.retryLimit);
    // A retried answer with Retry-After: the next attempt is a new job at the time it asks for
    // (within bounds), sent with this attempt's record; this job then completes.
    const rescheduled = !givingUp && !outcome.delivered && outcome.retryAfterMs !== undefined;
    await orm.em.fork({ loggerContext: BACKGROUND }).transactional(
      async (tx) => {
        const d = await tx.findOneOrFail(WebhookDelivery, { id: delivery.id });
        tx.persist(
          new WebhookAttempt({
            delivery: tx.getReference(WebhookDelivery, d.id, { wrapped: true }),
            attemptedAt: new Date(),
            ...outcome,
          }),
        );
        d.attemptCount += 1;
        d.status = outcome.delivered
          ? DeliveryStatus.DELIVERED
          : givingUp
            ? DeliveryStatus.FAILED
            : DeliveryStatus.RETRYING;
        if (outcome.delivered) {
          d.deliveredAt = new Date();
          await runSql(tx as EntityManager, resetFailures(endpoint.id));
        } else if (givingUp && endpoint.active) {
          await this.countFailedDelivery(tx as EntityManager, endpoint.id);
        } else if (rescheduled) {
          await this.defer(tx as EntityManager, job, this.retryAt(job, outcome.retryAfterMs!), 1);
        }
      },
      { loggerContext: BACKGROUND },
    );
    this.onAttempt?.(
      outcome.delivered ? 'delivered' : givingUp ? 'failed' : 'retrying',
      sent ? outcome.latencyMs : undefined,
    );
    if (rescheduled) {
      this.log.debug(
        {
          delivery: delivery.id,
          endpoint: endpoint.id,
          status: outcome.statusCode,
          retryAfterMs: outcome.retryAfterMs,
        },
        'webhook delivery rescheduled by Retry-After',
      );
      return;
    }
    if (!outcome.delivered && outcome.retryable) {
      // pg-boss keeps this message as the job's error (shown by the jobs query).
      throw new Error(
        `webhook delivery ${delivery.id} to endpoint ${endpoint.id} failed: ${outcome.error ?? `HTTP ${outcome.statusCode}`}`,
      );
    }
  }

  /** One more delivery given up in a row; at the configured limit the endpoint is disabled, with a notice. */
  private async countFailedDelivery(em: EntityManager, endpointId: string) {
    const [row] = await runSql<{ n: number }>(em, countFailure(endpointId));
    const limit = this.config.webhookDisableAfterFailures;
    if (!row || !limit || row.n < limit) return;
    const endpoint = await em.findOneOrFail(WebhookEndpoint, { id: endpointId }, { refresh: true });
    if (!endpoint.active) return;
    const reason = `${row.n} deliveries in a row failed`;
    endpoint.disable(reason);
    recordAudit(
      em,
      systemContext(em, this.log, 'system:webhooks'),
      'webhookEndpoint.disable',
      'webhookEndpoint',
      endpoint.id,
      { url: endpoint.url, reason },
    );
    this.log.warn({ endpoint: endpoint.id, url: endpoint.url, reason }, 'webhook endpoint disabled');
  }
}
