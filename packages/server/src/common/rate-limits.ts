/**
 * Rate limits shared by every server process: counters live in PostgreSQL (table rate_limit,
 * created by a migration), or in Redis when REDIS_URL is set. rate-limiter-flexible does the
 * counting (an atomic upsert per request, fixed windows).
 *
 * - Requests: each user, API key or (without credentials) address gets `requests` points per
 *   `windowSeconds`; one request costs one point.
 * - Login: failed sign-ins are counted per account and per address; past the limit the account
 *   (or address) is refused for the rest of the window, before the password is checked. A
 *   successful sign-in clears the account's count.
 */
import { Redis } from 'ioredis';
import { Pool } from 'pg';
import { RateLimiterAbstract, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
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
  checkTracking(ip?: string): Promise<void>;
  failedTracking(ip?: string): Promise<void>;
}

export interface LoginThrottle {
  check(account: string, ip?: string): Promise<void>;
  failed(account: string, ip?: string): Promise<void>;
  succeeded(account: string, ip?: string): Promise<void>;
}

type Store = { kind: 'postgres'; pool: Pool } | { kind: 'redis'; redis: Redis };

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

export class RateLimits implements LoginThrottle, TrackingThrottle {
  private readonly store: Store;
  private readonly requestLimiter?: RateLimiterAbstract;
  private readonly accountFailures?: RateLimiterAbstract;
  private readonly addressFailures?: RateLimiterAbstract;
  private readonly trackingFailures?: RateLimiterAbstract;

  constructor(readonly settings: RateLimitSettings, connection: { databaseUrl: string; redisUrl?: string }, log?: Logger) {
    this.store = connection.redisUrl
      ? { kind: 'redis', redis: new Redis(connection.redisUrl, { maxRetriesPerRequest: 1 }) }
      : { kind: 'postgres', pool: new Pool({ connectionString: connection.databaseUrl, max: 3 }) };
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
        : new RateLimiterPostgres({ storeClient: this.store.pool, storeType: 'pool', tableName: 'rate_limit', tableCreated: true, keyPrefix, points, duration });
    if (settings.requests > 0) this.requestLimiter = make('req', settings.requests, settings.windowSeconds);
    if (settings.loginFailuresPerAccount > 0) this.accountFailures = make('login-account', settings.loginFailuresPerAccount, 15 * 60);
    if (settings.loginFailuresPerAddress > 0) this.addressFailures = make('login-address', settings.loginFailuresPerAddress, 60 * 60);
    if (settings.trackingFailuresPerAddress) this.trackingFailures = make('track-address', settings.trackingFailuresPerAddress, 60 * 60);
  }

  /** Charges one request to `actorKey` (e.g. "user:<id>", "key:<id>", "ip:<address>"); throws RATE_LIMITED past the limit. */
  async consumeRequest(actorKey: string, points = 1): Promise<void> {
    if (!this.requestLimiter) return;
    try {
      await this.requestLimiter.consume(actorKey, points);
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        const s = retryAfter(e);
        throw new RateLimitedError(
          `Rate limit exceeded: ${this.settings.requests} requests per ${this.settings.windowSeconds} s; retry in ${s} s`, s,
          { limit: this.settings.requests, windowSeconds: this.settings.windowSeconds },
        );
      }
      // The store (PostgreSQL or Redis) cannot be reached: 503, retry shortly.
      throw asUnavailable(e);
    }
  }

  async check(account: string, ip?: string): Promise<void> {
    const checks: [RateLimiterAbstract | undefined, string, string][] = [
      [this.accountFailures, account, 'this account'],
      [this.addressFailures, ip ?? '', 'this address'],
    ];
    for (const [limiter, key, what] of checks) {
      if (!limiter || !key) continue;
      const res = await limiter.get(key).catch((e: unknown) => Promise.reject(asUnavailable(e)));
      if (res && res.consumedPoints >= limiter.points) {
        const s = retryAfter(res);
        throw new RateLimitedError(`Too many failed sign-ins for ${what}; retry in ${s} s`, s);
      }
    }
  }

  async failed(account: string, ip?: string): Promise<void> {
    const swallowLimit = (e: unknown) => {
      if (!(e instanceof RateLimiterRes)) throw asUnavailable(e);
    };
    await this.accountFailures?.consume(account).catch(swallowLimit);
    if (ip) await this.addressFailures?.consume(ip).catch(swallowLimit);
  }

  async succeeded(account: string): Promise<void> {
    await this.accountFailures?.delete(account).catch((e: unknown) => Promise.reject(asUnavailable(e)));
  }

  private closed = false;

  async checkTracking(ip?: string): Promise<void> {
    if (!this.trackingFailures || !ip) return;
    const res = await this.trackingFailures.get(ip).catch((e: unknown) => Promise.reject(asUnavailable(e)));
    if (res && res.consumedPoints >= this.trackingFailures.points) {
      const s = retryAfter(res);
      throw new RateLimitedError(`Too many order lookups that matched nothing from this address; retry in ${s} s`, s);
    }
  }

  async failedTracking(ip?: string): Promise<void> {
    if (!ip) return;
    await this.trackingFailures?.consume(ip).catch((e: unknown) => {
      if (!(e instanceof RateLimiterRes)) throw asUnavailable(e);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.store.kind === 'redis') this.store.redis.disconnect();
    else await this.store.pool.end();
  }
}
