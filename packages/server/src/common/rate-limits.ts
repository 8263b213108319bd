/**
 * Rate limits shared by every server process: counters live in PostgreSQL (table rate_limit,
 * created by a migration), or in Redis when REDIS_URL is set. rate-limiter-flexible does the
 * counting (an atomic upsert per request, fixed windows).
 *
 * - Requests: each user, API key or (without credentials) address gets `requests` points per
 *   `windowSeconds`; one request costs one point.
 * - Login: every sign-in attempt takes a point from its account's and its address's budget
 *   BEFORE the password is compared (one atomic increment each), and a successful one gives
 *   them back (the account's count is cleared). So N parallel attempts can never all pass a check
 *   that none of them has counted yet: past the limit the account (or address) is refused for
 *   the rest of the window, even with the right password.
 * - Tracking: every trackOrder lookup (each aliased field too) takes a point from its address
 *   first; a lookup that matched an order gives it back, so only failed lookups add up.
 * - Request counting is batched: the first request of a caller in a window, and every request
 *   once its count (as last synced, plus this process's unsynced requests) reaches half the
 *   budget, is counted in the store at once, as before; below half, requests are counted in
 *   memory and written to the store in one increment per caller every FLUSH_MS (100 ms). So a
 *   busy caller costs the store one statement per 100 ms instead of one per request, the refusal
 *   itself is always decided by the store, and with one or two processes the budget is exact
 *   (each can hand out at most the half it saw free); with N processes a caller can get at most
 *   N/2 budgets in the worst case.
 * - Addresses: IPv4 as is (IPv4-mapped IPv6 as IPv4), IPv6 by its /64 network: one host
 *   usually holds a whole /64, and counting single IPv6 addresses would let it rotate past any limit.
 */
import { Redis } from 'ioredis';
import { Pool } from 'pg';
import { RateLimiterAbstract, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { isIPv6 } from 'node:net';
import { RateLimitedError } from './errors';
import type { Logger } from './logger';
import { asUnavailable } from './unavailable';

export interface RateLimitSettings {
  /** Requests per actor per window; 0 turns request limiting off. */
  requests: number;
  windowSeconds: number;
  /** Failed sign-ins per account per 15 minutes; 0 turns it off. */
  loginFailuresPerAccount: number;
  /** Failed sign-ins per address per hour; 0 turns it off. */
  loginFailuresPerAddress: number;
  /** Order-tracking lookups with a wrong number/e-mail pair per address per hour; 0 turns it off. */
  trackingFailuresPerAddress?: number;
}

export interface TrackingThrottle {
  /** Takes one lookup from the address's budget; throws RATE_LIMITED (and takes nothing) past it. */
  consumeTracking(ip?: string): Promise<void>;
  /** Gives the lookup back: it matched an order. */
  matchedTracking(ip?: string): Promise<void>;
}

export interface LoginThrottle {
  /** Counts a sign-in attempt against the account and the address; throws RATE_LIMITED (and counts nothing) past either limit. */
  attempt(account: string, ip?: string): Promise<void>;
  /** The attempt was right: the account's count is cleared and the address's point given back. */
  succeeded(account: string, ip?: string): Promise<void>;
}

/**
 * The key an address is counted under: IPv4 as is (also when written IPv4-mapped, ::ffff:a.b.c.d),
 * IPv6 as its /64 network ("2001:db8:0:1::/64").
 */
export function addressKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (isIPv6(ip)) {
    const [head, tail = ''] = ip.split('%')[0].split('::');
    const left = head ? head.split(':') : [];
    const right = ip.includes('::') && tail ? tail.split(':') : [];
    // An embedded IPv4 tail (a.b.c.d) is two groups; it never reaches the first four anyway.
    const groups = ip.includes('::')
      ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
      : left;
    return `${groups
      .slice(0, 4)
      .map((g) => (parseInt(g, 16) || 0).toString(16))
      .join(':')}::/64`;
  }
  return ip;
}

type Store = { kind: 'postgres'; pool: Pool } | { kind: 'redis'; redis: Redis };

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** How often requests counted in memory are written to the store. */
export const FLUSH_MS = 100;

interface LocalCount {
  /** The caller's count in the store when last read. */
  stored: number;
  /** Requests counted here and not yet written. */
  pending: number;
  /**
   * Requests counted here whose write to the store has not answered yet. They count like pending
   * ones: while a write is on its way, `stored` does not include them yet, and without them this
   * process would let a caller through locally past a budget the store already holds as spent.
   */
  inFlight: number;
  /** When the store's window ends (ms since epoch). */
  resetAt: number;
}

export class RateLimits implements LoginThrottle, TrackingThrottle {
  private readonly counts = new Map<string, LocalCount>();
  private flushTimer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private readonly log?: Logger;
  private readonly store: Store;
  private readonly requestLimiter?: RateLimiterAbstract;
  private readonly accountFailures?: RateLimiterAbstract;
  private readonly addressFailures?: RateLimiterAbstract;
  private readonly trackingFailures?: RateLimiterAbstract;

  constructor(
    readonly settings: RateLimitSettings,
    connection: { databaseUrl: string; redisUrl?: string },
    log?: Logger,
  ) {
    this.log = log;
    this.store = connection.redisUrl
      ? { kind: 'redis', redis: new Redis(connection.redisUrl, { maxRetriesPerRequest: 1 }) }
      : {
          kind: 'postgres',
          pool: new Pool({ connectionString: connection.databaseUrl, max: 3, application_name: 'oms-rate-limits' }),
        };
    // A database or Redis restart drops idle connections: the pool reconnects on next use, so
    // this is worth a warning, not a crash.
    const warn = (err: Error) => {
      if (!this.closed) log?.warn({ err }, 'rate-limit store connection lost');
    };
    if (this.store.kind === 'redis') this.store.redis.on('error', warn);
    else this.store.pool.on('error', warn);
    const make = (keyPrefix: string, points: number, duration: number) =>
      this.store.kind === 'redis'
        ? new RateLimiterRedis({ storeClient: this.store.redis, keyPrefix: `oms:${keyPrefix}`, points, duration })
        : new RateLimiterPostgres({
            storeClient: this.store.pool,
            storeType: 'pool',
            tableName: 'rate_limit',
            tableCreated: true,
            keyPrefix,
            points,
            duration,
          });
    if (settings.requests > 0) this.requestLimiter = make('req', settings.requests, settings.windowSeconds);
    if (settings.loginFailuresPerAccount > 0)
      this.accountFailures = make('login-account', settings.loginFailuresPerAccount, 15 * 60);
    if (settings.loginFailuresPerAddress > 0)
      this.addressFailures = make('login-address', settings.loginFailuresPerAddress, 60 * 60);
    if (settings.trackingFailuresPerAddress)
      this.trackingFailures = make('track-address', settings.trackingFailuresPerAddress, 60 * 60);
  }

  /** Charges one request to `actorKey` (e.g. "user:<id>", "key:<id>", "ip:<address>"); throws RATE_LIMITED past the limit. */
  async consumeRequest(actorKey: string, points = 1): Promise<void> {
    if (!this.requestLimiter) return;
    // A batch write of this process on its way: its answer first, so that what follows (a local
    // count, or the store's decision) knows of those requests.
    if (this.flushing) await this.flushing;
    const now = Date.now();
    let local = this.counts.get(actorKey);
    if (local && local.resetAt <= now) {
      // Its window is over: what was not written belongs to the old window.
      this.counts.delete(actorKey);
      local = undefined;
    }
    if (local && local.stored + local.inFlight + local.pending + points <= this.settings.requests / 2) {
      local.pending += points;
      this.flushTimer ??= setTimeout(() => void this.flush(), FLUSH_MS).unref();
      return;
    }
    // The caller's first request in this window, or one in the second half of its budget: counted
    // in the store now, with this process's unwritten ones.
    const carried = local?.pending ?? 0;
    if (local) {
      local.pending = 0;
      local.inFlight += carried;
    }
    try {
      const res = await this.requestLimiter.consume(actorKey, points + carried);
      if (local) local.inFlight -= carried;
      this.note(actorKey, res);
    } catch (e) {
      if (local) local.inFlight -= carried;
      if (e instanceof RateLimiterRes) this.note(actorKey, e);
      else if (local) local.pending += carried; // the store is away: keep them for the next write
      if (e instanceof RateLimiterRes) {
        const s = retryAfter(e);
        throw new RateLimitedError(
          `Rate limit exceeded: ${this.settings.requests} requests per ${this.settings.windowSeconds} s; retry in ${s} s`,
          s,
          { limit: this.settings.requests, windowSeconds: this.settings.windowSeconds },
        );
      }
      // The store (PostgreSQL or Redis) cannot be reached: 503, retry shortly.
      throw asUnavailable(e);
    }
  }

  private note(actorKey: string, res: RateLimiterRes) {
    if (this.closed) return;
    const local = this.counts.get(actorKey);
    const resetAt = Date.now() + res.msBeforeNext;
    if (local) {
      // Answers can come back out of order (a batch write and a request's own): within one
      // window the count only grows, so an older, smaller answer never lowers it. A window that
      // ended more than half a window ago is a new one.
      const newWindow = resetAt - local.resetAt > (this.settings.windowSeconds * 1000) / 2;
      local.stored = newWindow ? res.consumedPoints : Math.max(local.stored, res.consumedPoints);
      local.resetAt = resetAt;
    } else {
      if (this.counts.size >= 50_000) {
        const now = Date.now();
        for (const [key, c] of this.counts) if (c.resetAt <= now && !c.pending && !c.inFlight) this.counts.delete(key);
      }
      this.counts.set(actorKey, { stored: res.consumedPoints, pending: 0, inFlight: 0, resetAt });
    }
  }

  /** Writes the requests counted in memory to the store: one increment per caller. */
  flush(): Promise<void> {
    this.flushTimer = undefined;
    if (this.flushing) return this.flushing.then(() => this.flush());
    const limiter = this.requestLimiter;
    const now = Date.now();
    const work: Promise<void>[] = [];
    for (const [key, local] of this.counts) {
      if (local.resetAt <= now) {
        this.counts.delete(key);
        continue;
      }
      if (!local.pending || !limiter) continue;
      const n = local.pending;
      local.pending = 0;
      local.inFlight += n;
      work.push(
        limiter.consume(key, n).then(
          (res) => {
            local.inFlight -= n;
            this.note(key, res);
          },
          (e) => {
            local.inFlight -= n;
            if (e instanceof RateLimiterRes) return this.note(key, e);
            local.pending += n;
            if (!this.closed) this.log?.warn({ err: e }, 'writing rate-limit counts failed; retrying');
            this.flushTimer ??= setTimeout(() => void this.flush(), FLUSH_MS).unref();
          },
        ),
      );
    }
    this.flushing = Promise.all(work).then(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  async attempt(account: string, ip?: string): Promise<void> {
    const budgets: [RateLimiterAbstract | undefined, string, string][] = [
      [this.accountFailures, account, 'this account'],
      [this.addressFailures, ip ? addressKey(ip) : '', 'this address'],
    ];
    const taken: [RateLimiterAbstract, string][] = [];
    for (const [limiter, key, what] of budgets) {
      if (!limiter || !key) continue;
      try {
        await limiter.consume(key);
        taken.push([limiter, key]);
      } catch (e) {
        if (!(e instanceof RateLimiterRes)) throw asUnavailable(e);
        // Refused: the attempt is not counted anywhere (the budget stays exhausted either way).
        await limiter.reward(key, 1);
        for (const [l, k] of taken) await l.reward(k, 1);
        const s = retryAfter(e);
        throw new RateLimitedError(`Too many failed sign-ins for ${what}; retry in ${s} s`, s);
      }
    }
  }

  async succeeded(account: string, ip?: string): Promise<void> {
    await this.accountFailures?.delete(account).catch((e: unknown) => Promise.reject(asUnavailable(e)));
    if (ip)
      await this.addressFailures?.reward(addressKey(ip), 1).catch((e: unknown) => Promise.reject(asUnavailable(e)));
  }

  private closed = false;

  async consumeTracking(ip?: string): Promise<void> {
    if (!this.trackingFailures) return;
    const key = addressKey(ip);
    try {
      await this.trackingFailures.consume(key);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw asUnavailable(e);
      await this.trackingFailures.reward(key, 1);
      const s = retryAfter(e);
      throw new RateLimitedError(`Too many order lookups that matched nothing from this address; retry in ${s} s`, s);
    }
  }

  async matchedTracking(ip?: string): Promise<void> {
    await this.trackingFailures?.reward(addressKey(ip), 1).catch((e: unknown) => Promise.reject(asUnavailable(e)));
  }

  async close(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    await this.flush().catch(() => undefined);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.closed = true;
    if (this.store.kind === 'redis') this.store.redis.disconnect();
    else await this.store.pool.end();
  }
}
