/**
 * Managing access: staff users (invite with a one-time password, change role, deactivate),
 * partner API keys (create, rotate, revoke) and the audit log every such change is written to,
 * in the same transaction as the change.
 */
import { isUuid } from '../../common/limits';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { AccessEvents } from '../../common/access-events';
import type { RequestContext } from '../../common/context';
import { DomainError, ErrorCode, fail, UserError } from '../../common/errors';
import {
  dateAndId,
  fetchOrder,
  keysetWhere,
  LEGACY_LIST_CAP,
  PageArgs,
  pageOf,
  toConnection,
} from '../../common/pagination';
import { run } from '../../common/sql';
import { Channel } from '../channel';
import { ApiKey } from './api-key.entity';
import { AuditEntry } from './audit-entry.entity';
import { recordAudit } from './audit';
import { API_KEY_PREFIX, checkPassword, hashPassword, hashToken, newSecret } from './auth.service';
import { ChangePasswordInput, CreateApiKeyInput, CreateUserInput, UpdateUserInput } from './access.inputs';
import { apiKeyRefusal, Role } from './permissions';
import { lockUserChanges } from './session.sql';
import { Session, User } from './user.entity';
import { Result, runMutation } from '../../common/mutation';

export class AccessService {
  constructor(
    private readonly keyRotationGraceSeconds: number,
    private readonly events: AccessEvents,
  ) {}

  private revoked(kind: 'user' | 'apiKey', id: string) {
    this.events.revoked({ kind, id });
  }

  private audit(
    em: EntityManager,
    ctx: RequestContext,
    action: string,
    targetType: string,
    targetId: string,
    details: Record<string, unknown> = {},
  ) {
    recordAudit(em, ctx, action, targetType, targetId, details);
  }

  /** Runs a use case through the mutation wrapper; cached credentials (AuthService) are forgotten after any change, committed or not. */
  private run<K extends string, T>(
    ctx: RequestContext,
    key: K,
    input: object | null | undefined,
    work: (em: EntityManager) => Promise<T>,
  ): Promise<Result<K, T>> {
    return runMutation(ctx, key, work, {
      input,
      conflict: { message: 'A user with this e-mail already exists', field: ['input', 'email'] },
      always: () => this.events.changed(),
    });
  }

  // ---- users ----

  /** Deprecated unpaged list: at most LEGACY_LIST_CAP users. */
  users(em: EntityManager): Promise<User[]> {
    return em.find(User, {}, { orderBy: { email: 'asc' }, limit: LEGACY_LIST_CAP });
  }

  /** Users by e-mail, a page at a time. */
  async usersPage(em: EntityManager, args: PageArgs) {
    const page = pageOf(args, 1);
    const where: FilterQuery<User> = keysetWhere({}, ['email'], 'asc', page, (p) => p.map(String));
    const items = await em.find(User, where, {
      orderBy: fetchOrder(['email'], 'asc', page),
      limit: page.limit + 1,
    });
    return toConnection(
      items,
      page,
      (u) => [u.email],
      () => em.count(User, {}),
    );
  }

  createUser(ctx: RequestContext, input: CreateUserInput) {
    return this.run(ctx, 'user', input, async (em) => {
      const email = input.email.trim().toLowerCase();
      if (await em.count(User, { email }))
        fail(ErrorCode.CONFLICT, 'A user with this e-mail already exists', ['input', 'email']);
      const user = new User(email, input.name, await hashPassword(input.password), input.role);
      user.mustChangePassword = true;
      em.persist(user);
      this.audit(em, ctx, 'user.create', 'user', user.id, { email, name: input.name, role: input.role });
      return user;
    });
  }

  async updateUser(ctx: RequestContext, input: UpdateUserInput) {
    let lockedOut = false;
    let roleChanged = false;
    const result = await this.run(ctx, 'user', input, async (em) => {
      // Serialise changes of users, so two admins cannot demote each other into having no admin at all.
      await run(em, lockUserChanges());
      const user = await em.findOne(User, { id: input.id });
      if (!user) return fail(ErrorCode.NOT_FOUND, `No user with id ${input.id}`, ['input', 'id']);
      const changes: Record<string, unknown> = {};
      if (input.name != null && input.name !== user.name)
        changes.name = { from: user.name, to: (user.name = input.name) };
      if (input.role != null && input.role !== user.role)
        changes.role = { from: user.role, to: (user.role = input.role) };
      if (input.active != null && input.active !== user.active)
        changes.active = { from: user.active, to: (user.active = input.active) };
      if (input.password != null) {
        user.passwordHash = await hashPassword(input.password);
        user.mustChangePassword = true;
        changes.password = 'reset (one-time)';
      }
      if (user.id === ctx.actor?.id && (changes.role || changes.active)) {
        fail(ErrorCode.INVALID_INPUT, 'You cannot change your own role or deactivate yourself', [
          'input',
          changes.role ? 'role' : 'active',
        ]);
      }
      if (changes.role || changes.active) {
        await em.flush();
        const admins = await em.count(User, { role: Role.ADMIN, active: true });
        if (admins === 0)
          fail(ErrorCode.INVALID_INPUT, 'At least one active ADMIN must remain', [
            'input',
            changes.role ? 'role' : 'active',
          ]);
      }
      lockedOut = (!user.active && !!changes.active) || !!changes.password;
      roleChanged = !!changes.role;
      if (lockedOut) await em.nativeUpdate(Session, { user: user.id, revokedAt: null }, { revokedAt: new Date() });
      if (Object.keys(changes).length)
        this.audit(em, ctx, 'user.update', 'user', user.id, { email: user.email, ...changes });
      return user;
    });
    // Open subscriptions were authorised under the old role: close them, and the client
    // reconnects under the new one (or, locked out, cannot).
    if ((lockedOut || roleChanged) && result.user) this.revoked('user', result.user.id);
    return result;
  }

  async changePassword(ctx: RequestContext, input: ChangePasswordInput) {
    const result = await this.run(ctx, 'user', input, async (em) => {
      const user = ctx.actor?.kind === 'user' ? await em.findOne(User, { id: ctx.actor.id }) : null;
      if (!user) return fail(ErrorCode.FORBIDDEN, 'Only a signed-in user can change their password', ['input']);
      if (!(await checkPassword(input.currentPassword, user.passwordHash)))
        fail(ErrorCode.INVALID_CREDENTIALS, 'The current password is wrong', ['input', 'currentPassword']);
      if (input.newPassword === input.currentPassword)
        fail(ErrorCode.INVALID_INPUT, 'newPassword must differ from the current password', ['input', 'newPassword']);
      user.passwordHash = await hashPassword(input.newPassword);
      user.mustChangePassword = false;
      // Other sessions end; this one goes on.
      const current = ctx.token ? hashToken(ctx.token) : '';
      await em.nativeUpdate(
        Session,
        { user: user.id, revokedAt: null, tokenHash: { $ne: current } },
        { revokedAt: new Date() },
      );
      this.audit(em, ctx, 'user.password_change', 'user', user.id, { email: user.email });
      return user;
    });
    // The other sessions' open subscriptions end with them.
    if (result.user)
      this.events.revoked({
        kind: 'userSessions',
        id: result.user.id,
        exceptTokenHash: ctx.token ? hashToken(ctx.token) : undefined,
      });
    return result;
  }

  // ---- API keys ----

  /** Deprecated unpaged list: at most LEGACY_LIST_CAP keys. */
  apiKeys(em: EntityManager): Promise<ApiKey[]> {
    return em.find(
      ApiKey,
      {},
      { orderBy: { createdAt: 'desc', id: 'desc' }, populate: ['channels'], limit: LEGACY_LIST_CAP },
    );
  }

  /** Keys newest first, a page at a time. */
  async apiKeysPage(em: EntityManager, args: PageArgs) {
    const page = pageOf(args, 2);
    const where: FilterQuery<ApiKey> = keysetWhere({}, ['createdAt', 'id'], 'desc', page, dateAndId);
    const items = await em.find(ApiKey, where, {
      orderBy: fetchOrder(['createdAt', 'id'], 'desc', page),
      populate: ['channels'],
      limit: page.limit + 1,
    });
    return toConnection(
      items,
      page,
      (k) => [k.createdAt.toISOString(), k.id],
      () => em.count(ApiKey, {}),
    );
  }

  private secret() {
    const secret = newSecret(API_KEY_PREFIX);
    return { secret, prefix: secret.slice(0, API_KEY_PREFIX.length + 8), hash: hashToken(secret) };
  }

  async createApiKey(ctx: RequestContext, input: CreateApiKeyInput) {
    let secret: string | undefined;
    const r = await this.run(ctx, 'apiKey', input, async (em) => {
      const errors: UserError[] = [];
      input.permissions.forEach((p, i) => {
        const refusal = apiKeyRefusal(p);
        if (refusal) errors.push(new UserError(ErrorCode.INVALID_INPUT, refusal, ['input', 'permissions', String(i)]));
      });
      const codes = [...new Set(input.channelCodes)];
      const channels = await em.find(Channel, { code: { $in: codes } });
      codes.forEach((code) => {
        if (!channels.some((c) => c.code === code)) {
          errors.push(
            new UserError(ErrorCode.INVALID_INPUT, `Unknown channel ${code}`, [
              'input',
              'channelCodes',
              String(input.channelCodes.indexOf(code)),
            ]),
          );
        }
      });
      if (errors.length) throw new DomainError(errors);
      const s = this.secret();
      secret = s.secret;
      const key = new ApiKey({
        name: input.name,
        prefix: s.prefix,
        secretHash: s.hash,
        permissions: [...new Set(input.permissions)],
        createdBy: ctx.actor?.kind === 'user' ? em.getReference(User, ctx.actor.id!, { wrapped: true }) : undefined,
      });
      key.channels.set(channels);
      em.persist(key);
      this.audit(em, ctx, 'apiKey.create', 'apiKey', key.id, {
        name: key.name,
        prefix: key.prefix,
        channelCodes: codes,
        permissions: key.permissions,
      });
      return key;
    });
    return { ...r, secret: r.apiKey ? secret : undefined };
  }

  async rotateApiKey(ctx: RequestContext, id: string) {
    let secret: string | undefined;
    const r = await this.run(ctx, 'apiKey', { id }, async (em) => {
      const key = await this.findKey(em, id);
      if (key.revokedAt) fail(ErrorCode.INVALID_INPUT, 'A revoked key cannot be rotated', ['id']);
      const s = this.secret();
      secret = s.secret;
      const before = key.prefix;
      key.rotate(s.prefix, s.hash, this.keyRotationGraceSeconds);
      this.audit(em, ctx, 'apiKey.rotate', 'apiKey', key.id, {
        name: key.name,
        from: before,
        to: key.prefix,
        previousValidUntil: key.previousValidUntil!.toISOString(),
      });
      return key;
    });
    return { ...r, secret: r.apiKey ? secret : undefined };
  }

  async revokeApiKey(ctx: RequestContext, id: string) {
    const r = await this.run(ctx, 'apiKey', { id }, async (em) => {
      const key = await this.findKey(em, id);
      if (!key.revokedAt) {
        key.revoke();
        this.audit(em, ctx, 'apiKey.revoke', 'apiKey', key.id, { name: key.name, prefix: key.prefix });
      }
      return key;
    });
    if (r.apiKey) this.revoked('apiKey', r.apiKey.id);
    return r;
  }

  private async findKey(em: EntityManager, id: string): Promise<ApiKey> {
    const key = isUuid(id) ? await em.findOne(ApiKey, { id }, { populate: ['channels'] }) : null;
    return key ?? fail(ErrorCode.NOT_FOUND, `No API key with id ${JSON.stringify(id).slice(0, 80)}`, ['id']);
  }

  // ---- audit log ----

  async auditLog(em: EntityManager, args: PageArgs) {
    const page = pageOf(args, 2);
    const where: FilterQuery<AuditEntry> = keysetWhere({}, ['at', 'id'], 'desc', page, dateAndId);
    const items = await em.find(AuditEntry, where, {
      orderBy: fetchOrder(['at', 'id'], 'desc', page),
      limit: page.limit + 1,
    });
    return toConnection(
      items,
      page,
      (a) => [a.at.toISOString(), a.id],
      () => em.count(AuditEntry, {}),
    );
  }
}
