/** SQL of sign-in sessions and API keys that other parts of the server need in bulk. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../common/sql';

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
  return sql<LiveCredential>(em,
    `select s.token_hash as hash, 'user' as kind, u.id::text as id, u.role::text as role, u.must_change_password
       from user_session s join app_user u on u.id = s.user_id
      where s.token_hash = any(?::text[]) and s.revoked_at is null and s.expires_at > now() and u.active
     union all
     select h.hash, 'apiKey', k.id::text, null, false
       from unnest(?::text[]) as h(hash)
       join api_key k on (k.secret_hash = h.hash or (k.previous_secret_hash = h.hash and k.previous_valid_until > now()))
      where k.revoked_at is null`,
    [hashes, hashes]);
}
