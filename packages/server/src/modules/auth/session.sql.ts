/**
 * SQL of sign-in sessions and API keys: the per-request authentication lookups (AuthService), the
 * bulk check of open WebSocket connections, and the lock that serialises changes of users.
 * The statement functions use PostgreSQL's $1, $2, ... (run with common/sql.ts `run`);
 * liveCredentials runs its own statement.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql, type Statement } from '../../common/sql';

/** The active user behind a session token's hash, if the session is neither revoked nor expired. */
export function userBySessionToken(tokenHash: string): Statement {
  return {
    text: `select u.id, u.email, u.role, u.must_change_password from user_session s join app_user u on u.id = s.user_id
       where s.token_hash = $1 and s.revoked_at is null and s.expires_at > now() and u.active`,
    values: [tokenHash],
  };
}

/**
 * The unrevoked API key whose current (or, during a rotation's grace period, previous) secret has
 * this hash, with its channels, noting its use (at most once a minute); valid_until is set only when
 * the previous secret matched.
 */
export function apiKeyBySecret(secretHash: string): Statement {
  return {
    text: `with k as (
         select k.id, k.name, k.prefix, k.permissions, k.last_used_at,
                case when k.secret_hash = $1 then null else k.previous_valid_until end as valid_until,
                array(select c.channel_id from api_key_channel c where c.api_key_id = k.id) as channel_ids
         from api_key k
         where (k.secret_hash = $1 or (k.previous_secret_hash = $1 and k.previous_valid_until > now())) and k.revoked_at is null
       ), touched as (
         update api_key set last_used_at = now()
         where id = (select id from k) and (last_used_at is null or last_used_at < now() - interval '1 minute')
       )
       select id, name, prefix, permissions, channel_ids, valid_until from k`,
    values: [secretHash],
  };
}

/** Serialises changes of users until the transaction ends (so two admins cannot demote each other into having no admin). */
export function lockUserChanges(): Statement {
  return { text: 'select pg_advisory_xact_lock(hashtext($1))', values: ['app_user'] };
}

export interface LiveCredential {
  hash: string;
  kind: 'user' | 'apiKey';
  id: string;
  role: string | null;
  must_change_password: boolean;
}

/**
 * Of these token and key-secret hashes, the ones that still authenticate, with who they are now:
 * the same conditions as AuthService.authenticate (session not revoked nor expired, user active;
 * key not revoked, a previous secret only within its grace period), one statement for all.
 */
export function liveCredentials(em: EntityManager, hashes: string[]): Promise<LiveCredential[]> {
  return sql<LiveCredential>(
    em,
    `select s.token_hash as hash, 'user' as kind, u.id::text as id, u.role::text as role, u.must_change_password
       from user_session s join app_user u on u.id = s.user_id
      where s.token_hash = any(?::text[]) and s.revoked_at is null and s.expires_at > now() and u.active
     union all
     select h.hash, 'apiKey', k.id::text, null, false
       from unnest(?::text[]) as h(hash)
       join api_key k on (k.secret_hash = h.hash or (k.previous_secret_hash = h.hash and k.previous_valid_until > now()))
      where k.revoked_at is null`,
    [hashes, hashes],
  );
}
