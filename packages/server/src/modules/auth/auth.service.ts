/**
 * Sign-in with e-mail and password (bcrypt hashes) and opaque bearer tokens backed by a session
 * row, so a token can be revoked or expire and a deactivated user is locked out at once.
 */
import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import bcrypt from 'bcryptjs';
import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../common/context';
import { sql } from '../../common/sql';
import { ErrorCode, UserError } from '../../common/errors';
import { Role, Session, User } from './user.entity';

export const TOKEN_PREFIX = 'oms_';
const BCRYPT_ROUNDS = 10;
/** Compared against when the e-mail is unknown, so both failures take the same time. */
const DUMMY_HASH = bcrypt.hashSync('not-a-real-password', BCRYPT_ROUNDS);

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export class AuthService {
  constructor(private readonly sessionTtlSeconds: number) {}

  hashPassword(password: string): Promise<string> {
    return bcrypt.hash(password, BCRYPT_ROUNDS);
  }

  async login(em: EntityManager, email: string, password: string): Promise<{ token?: string; user?: User; userErrors: UserError[] }> {
    const refused = { userErrors: [new UserError(ErrorCode.INVALID_CREDENTIALS, 'E-mail or password is wrong', ['password'])] };
    if (typeof email !== 'string' || typeof password !== 'string' || email.length > 320 || password.length > 200 || email.includes('\u0000')) {
      return refused;
    }
    const user = await em.findOne(User, { email: email.trim().toLowerCase() });
    const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) return refused;
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    em.persist(new Session(ref(user), hashToken(token), new Date(Date.now() + this.sessionTtlSeconds * 1000)));
    await em.flush();
    return { token, user, userErrors: [] };
  }

  /** The actor behind a bearer token, or undefined if it is unknown, expired, revoked or its user inactive. */
  async authenticate(em: EntityManager, token: string | undefined): Promise<Actor | undefined> {
    if (!token || !token.startsWith(TOKEN_PREFIX) || token.length > 200) return undefined;
    // Runs on every request: one indexed lookup, read as a plain row.
    const [row] = await sql<{ id: string; email: string; role: string }>(em,
      `select u.id, u.email, u.role from user_session s join app_user u on u.id = s.user_id
       where s.token_hash = ? and s.revoked_at is null and s.expires_at > now() and u.active`,
      [hashToken(token)]);
    return row ? { kind: 'user', id: row.id, label: `user:${row.email}`, role: row.role } : undefined;
  }

  async logout(em: EntityManager, token: string | undefined): Promise<boolean> {
    if (!token) return false;
    const n = await em.nativeUpdate(Session, { tokenHash: hashToken(token), revokedAt: null }, { revokedAt: new Date() });
    return n > 0;
  }

  /** On a database with no users, creates the first admin. Returns what was created, for the launcher to print. */
  async ensureFirstAdmin(em: EntityManager, email: string, password: string): Promise<User | undefined> {
    if ((await em.count(User, {})) > 0) return undefined;
    const user = new User(email, 'Administrator', await this.hashPassword(password), Role.ADMIN);
    await em.persistAndFlush(user);
    return user;
  }
}
