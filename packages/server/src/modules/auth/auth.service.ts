/**
 * Sign-in with e-mail and password (bcrypt hashes) and opaque bearer tokens backed by a session
 * row, so a token can be revoked or expire and a deactivated user is locked out at once. The
 * same bearer header carries partner API keys; `authenticate` tells the two apart by prefix.
 */
import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import bcrypt from 'bcryptjs';
import { createHash, randomBytes } from 'node:crypto';
import type { AccessEvents } from '../../common/access-events';
import type { Actor, RequestContext } from '../../common/context';
import { run } from '../../common/sql';
import { ErrorCode, UserError } from '../../common/errors';
import type { LoginThrottle } from '../../common/rate-limits';
import { API_KEY_PERMISSIONS, permissionsOf, Role } from './permissions';
import { apiKeyBySecret, userBySessionToken } from './session.sql';
import { Session, User } from './user.entity';

export const TOKEN_PREFIX = 'oms_';
export const API_KEY_PREFIX = 'omsk_';
const BCRYPT_ROUNDS = 10;
/** bcrypt reads only the first 72 bytes: longer passwords are refused rather than silently cut. */
export const MAX_PASSWORD_BYTES = 72;
/** Compared against when the e-mail is unknown, so both failures take the same time. */
const DUMMY_HASH = bcrypt.hashSync('not-a-real-password', BCRYPT_ROUNDS);

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newSecret = (prefix: string) => prefix + randomBytes(32).toString('base64url');

export const hashPassword = (password: string): Promise<string> => bcrypt.hash(password, BCRYPT_ROUNDS);
export const checkPassword = (password: string, hash: string | undefined): Promise<boolean> =>
  bcrypt.compare(password, hash ?? DUMMY_HASH);

/**
 * How long a looked-up API key (by its current secret) is trusted without asking the database
 * again: the sales channels' keys are what place orders, many per second. Revocation, rotation and
 * any other access change made through the API in this process clear the cache at once
 * (AccessEvents); made by another process (or by hand in the database), they take effect here
 * within this bound, as for open WebSocket connections (ws-sessions.ts re-checks every second).
 * A rotated key's previous secret is never cached (its grace period ends on time), and neither are
 * staff sessions: their sign-out, expiry and deactivation take effect at once on every process.
 */
export const AUTH_CACHE_MS = 1000;
const AUTH_CACHE_MAX = 10_000;

interface CachedActor {
  actor: Actor;
  until: number;
}

export class AuthService {
  private readonly cache = new Map<string, CachedActor>();
  /** Bumped on every access change: a lookup that started before one is not cached. */
  private generation = 0;

  constructor(
    private readonly sessionTtlSeconds: number,
    private readonly events: AccessEvents,
    private readonly throttle?: LoginThrottle,
    private readonly cacheMs = AUTH_CACHE_MS,
  ) {
    events.onChanged(() => {
      this.generation++;
      this.cache.clear();
    });
  }

  /** A copy per request, so that no request can change what another one sees. */
  private static copy(actor: Actor): Actor {
    return {
      ...actor,
      permissions: new Set(actor.permissions),
      channelIds: actor.channelIds ? [...actor.channelIds] : actor.channelIds,
    };
  }

  private remember(hash: string, actor: Actor, generation: number) {
    if (this.cacheMs <= 0 || generation !== this.generation) return;
    if (this.cache.size >= AUTH_CACHE_MAX) this.cache.clear();
    this.cache.set(hash, { actor: AuthService.copy(actor), until: Date.now() + this.cacheMs });
  }

  async login(
    ctx: Pick<RequestContext, 'em' | 'ip'>,
    email: string,
    password: string,
  ): Promise<{ token?: string; user?: User; mustChangePassword?: boolean; userErrors: UserError[] }> {
    const { em } = ctx;
    const refused = {
      userErrors: [new UserError(ErrorCode.INVALID_CREDENTIALS, 'E-mail or password is wrong', ['password'])],
    };
    if (
      typeof email !== 'string' ||
      typeof password !== 'string' ||
      email.length > 320 ||
      password.length > 200 ||
      email.includes('\u0000')
    ) {
      return refused;
    }
    const account = email.trim().toLowerCase();
    // Counted (one atomic increment per account and per address) before the password is even
    // compared, so parallel guesses cannot all pass; refused (RATE_LIMITED) past the limit.
    await this.throttle?.attempt(account, ctx.ip);
    const user = await em.findOne(User, { email: account });
    const ok = await checkPassword(password, user?.passwordHash);
    // A longer password cannot have been set (bcrypt would compare only its first 72 bytes).
    if (!user || !ok || !user.active || Buffer.byteLength(password) > MAX_PASSWORD_BYTES) return refused;
    await this.throttle?.succeeded(account, ctx.ip);
    const token = newSecret(TOKEN_PREFIX);
    em.persist(new Session(ref(user), hashToken(token), new Date(Date.now() + this.sessionTtlSeconds * 1000)));
    user.lastLoginAt = new Date();
    await em.flush();
    return { token, user, mustChangePassword: user.mustChangePassword, userErrors: [] };
  }

  /** The actor behind a bearer token or API key, or undefined if it is unknown, expired, revoked or its user inactive. */
  async authenticate(em: EntityManager, token: string | undefined): Promise<Actor | undefined> {
    if (!token || token.length > 200) return undefined;
    const isKey = token.startsWith(API_KEY_PREFIX);
    if (!isKey && !token.startsWith(TOKEN_PREFIX)) return undefined;
    const hash = hashToken(token);
    const cached = isKey ? this.cache.get(hash) : undefined;
    if (cached) {
      if (cached.until > Date.now()) return AuthService.copy(cached.actor);
      this.cache.delete(hash);
    }
    if (isKey) return this.authenticateKey(em, hash, this.generation);
    // Runs on every request: one indexed lookup, read as a plain row.
    const [row] = await run<{ id: string; email: string; role: Role; must_change_password: boolean }>(
      em,
      userBySessionToken(hash),
    );
    if (!row) return undefined;
    return {
      kind: 'user',
      id: row.id,
      label: `user:${row.email}`,
      role: row.role,
      permissions: permissionsOf(row.role),
      mustChangePassword: row.must_change_password,
    };
  }

  /** One statement: find the key by the hash of its current (or, during a rotation's grace period, previous) secret and note its use. */
  private async authenticateKey(em: EntityManager, hash: string, generation: number): Promise<Actor | undefined> {
    const [row] = await run<{
      id: string;
      name: string;
      prefix: string;
      permissions: string[];
      channel_ids: string[];
      valid_until: Date | null;
    }>(em, apiKeyBySecret(hash));
    if (!row) return undefined;
    // Only what a key may hold counts, whatever an older version stored (see API_KEY_PERMISSIONS).
    const permissions = new Set(row.permissions.filter((p) => (API_KEY_PERMISSIONS as readonly string[]).includes(p)));
    const actor: Actor = {
      kind: 'apiKey',
      id: row.id,
      label: `key:${row.name} (${row.prefix})`,
      permissions,
      channelIds: row.channel_ids,
    };
    // Not a previous secret (during a rotation's grace period): its end is checked every time.
    if (!row.valid_until) this.remember(hash, actor, generation);
    return actor;
  }

  async logout(em: EntityManager, token: string | undefined): Promise<boolean> {
    if (!token || !token.startsWith(TOKEN_PREFIX)) return false;
    const tokenHash = hashToken(token);
    const n = await em.nativeUpdate(Session, { tokenHash, revokedAt: null }, { revokedAt: new Date() });
    if (n > 0) this.events.revoked({ kind: 'token', tokenHash });
    return n > 0;
  }

  /** On a database with no users, creates the first admin. Returns what was created, for the launcher to print. */
  async ensureFirstAdmin(
    em: EntityManager,
    email: string,
    password: string,
    mustChangePassword = false,
  ): Promise<User | undefined> {
    if ((await em.count(User, {})) > 0) return undefined;
    if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES)
      throw new Error(`The first admin's password (OMS_ADMIN_PASSWORD) must be at most ${MAX_PASSWORD_BYTES} bytes`);
    const user = new User(email, 'Administrator', await hashPassword(password), Role.ADMIN);
    user.mustChangePassword = mustChangePassword;
    await em.persistAndFlush(user);
    return user;
  }
}
