/**
 * WebSocket connections and the credentials they were opened with. A connection is
 * authenticated once, at connection_init, and then lives as long as those credentials do:
 *
 * - whatever ends them (sign-out, changePassword for the other sessions, expiry, the end of a
 *   rotated key's grace period, revocation, deactivation, a role change) closes the connection
 *   with 4403: at once when it happened in this process (AccessEvents), and within
 *   `revalidateMs` (1 s) on every process, which re-checks the credentials of all its open
 *   connections in one query per tick;
 * - its requests are charged to the same rate-limit budget as the actor's HTTP requests
 *   (`user:<id>`, `apiKey:<id>`, or `ip:<address>` without credentials);
 * - at most `maxConnectionsPerActor` connections per actor per process: one more is closed
 *   with 4429 at connection_init;
 * - its client address is read like Express reads it (OMS_TRUST_PROXY, through proxy-addr).
 */
import type { IncomingMessage } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import proxyAddr from 'proxy-addr';
import type { WebSocket } from 'ws';
import type { AccessEvents, AccessRevoked } from './access-events';
import type { Actor } from './context';
import { BACKGROUND } from './context';
import type { Logger } from './logger';
import { addressKey } from './rate-limits';
import { hashToken } from '../modules/auth/auth.service';
import { liveCredentials } from '../modules/auth/session.sql';

export interface WsSessionSettings {
  maxConnectionsPerActor: number;
  maxSubscriptionsPerConnection: number;
  /** Express's "trust proxy" setting (OMS_TRUST_PROXY). */
  trustProxy: string | false;
  /** How often the credentials of open connections are re-checked. */
  revalidateMs?: number;
}

export interface WsConnection {
  /** The rate-limit and connection-count key: user:<id>, apiKey:<id> or ip:<address>. */
  actorKey: string;
  ip: string;
  token?: string;
  tokenHash?: string;
  /** What the credentials allowed when the connection opened; a change closes it. */
  actor?: Pick<Actor, 'kind' | 'id' | 'role' | 'mustChangePassword'>;
  operations: Set<string>;
}

export const CLOSE_WITHDRAWN = 4403;
export const CLOSE_TOO_MANY = 4429;

/**
 * The function Express compiles from its "trust proxy" setting (a hop count, true, or a list of
 * addresses, subnets and names like "loopback"), for requests that do not go through Express.
 */
export function compileTrust(setting: string | false): (addr: string, i: number) => boolean {
  if (!setting || setting === 'false') return () => false;
  if (setting === 'true') return () => true;
  if (/^\d+$/.test(setting)) {
    const hops = Number(setting);
    return (_addr, i) => i < hops;
  }
  return proxyAddr.compile(
    setting
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

export class WsSessions {
  private readonly connections = new Map<WebSocket, WsConnection>();
  private readonly trust: (addr: string, i: number) => boolean;
  private readonly timer: NodeJS.Timeout;
  private readonly stopListening: () => void;
  private checking = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly authenticate: (token: string | undefined) => Promise<Actor | undefined>,
    events: AccessEvents,
    private readonly settings: WsSessionSettings,
    private readonly log: Logger,
  ) {
    this.trust = compileTrust(settings.trustProxy);
    this.stopListening = events.onRevoked((e) => this.revoked(e));
    this.timer = setInterval(() => void this.revalidate(), settings.revalidateMs ?? 1000);
    this.timer.unref();
  }

  /** The client's address, as Express would read it for an HTTP request from the same place. */
  clientAddress(request: IncomingMessage | undefined): string {
    if (!request?.socket) return 'unknown';
    try {
      return proxyAddr(request, this.trust);
    } catch {
      return request.socket.remoteAddress ?? 'unknown';
    }
  }

  /** At connection_init: authenticates, counts the connection against its actor. False: refused (and closed). */
  async connect(socket: WebSocket, request: IncomingMessage | undefined, token: string | undefined): Promise<boolean> {
    const ip = this.clientAddress(request);
    const actor = token ? await this.authenticate(token) : undefined;
    const actorKey = actor?.id ? `${actor.kind}:${actor.id}` : `ip:${addressKey(ip)}`;
    const max = this.settings.maxConnectionsPerActor;
    if (max > 0 && this.count(actorKey) >= max) {
      socket.close(CLOSE_TOO_MANY, `Too many connections: at most ${max} per user, key or address`);
      return false;
    }
    if (socket.readyState !== socket.OPEN) return false; // closed while authenticating
    this.connections.set(socket, {
      actorKey,
      ip,
      token: actor ? token : undefined,
      tokenHash: actor && token ? hashToken(token) : undefined,
      actor: actor && {
        kind: actor.kind,
        id: actor.id,
        role: actor.role,
        mustChangePassword: !!actor.mustChangePassword,
      },
      operations: new Set(),
    });
    socket.once('close', () => this.connections.delete(socket));
    return true;
  }

  get(socket: WebSocket): WsConnection | undefined {
    return this.connections.get(socket);
  }

  /** How many connections this process holds for an actor key. */
  count(actorKey: string): number {
    let n = 0;
    for (const c of this.connections.values()) if (c.actorKey === actorKey) n++;
    return n;
  }

  /** A subscription asks to start: refused (why, with a code) when the connection is gone or holds too many already. */
  admit(socket: WebSocket, id: string): { message: string; code: string } | undefined {
    const c = this.connections.get(socket);
    if (!c) return { message: 'This connection is closed', code: 'UNAUTHENTICATED' };
    const max = this.settings.maxSubscriptionsPerConnection;
    if (c.operations.size >= max)
      return { message: `At most ${max} subscriptions per connection`, code: 'TOO_MANY_SUBSCRIPTIONS' };
    c.operations.add(id);
    return undefined;
  }

  /** Subscriptions open on every connection of this process (the metrics read it). */
  subscriptionCount(): number {
    let n = 0;
    for (const c of this.connections.values()) n += c.operations.size;
    return n;
  }

  finished(socket: WebSocket, id: string) {
    this.connections.get(socket)?.operations.delete(id);
  }

  private close(socket: WebSocket, reason: string) {
    this.connections.delete(socket);
    socket.close(CLOSE_WITHDRAWN, reason);
  }

  /** Access withdrawn in this process: close at once what used it. */
  private revoked(event: AccessRevoked) {
    for (const [socket, c] of this.connections) {
      if (!c.tokenHash) continue;
      const hit =
        event.kind === 'token'
          ? c.tokenHash === event.tokenHash
          : event.kind === 'userSessions'
            ? c.actorKey === `user:${event.id}` && c.tokenHash !== event.exceptTokenHash
            : c.actorKey === `${event.kind}:${event.id}`;
      if (hit) this.close(socket, 'Forbidden: access withdrawn');
    }
  }

  /** Every process, every tick: one query for the credentials of all open connections; those no longer valid, or changed, close. */
  async revalidate(): Promise<void> {
    if (this.checking) return;
    const open = [...this.connections].filter(([, c]) => c.tokenHash);
    if (!open.length) return;
    this.checking = true;
    try {
      const live = await liveCredentials(this.orm.em.fork({ loggerContext: BACKGROUND }), [
        ...new Set(open.map(([, c]) => c.tokenHash!)),
      ]);
      const byHash = new Map(live.map((r) => [r.hash, r]));
      for (const [socket, c] of open) {
        if (!this.connections.has(socket)) continue;
        const now = byHash.get(c.tokenHash!);
        if (!now || `${now.kind}:${now.id}` !== c.actorKey) this.close(socket, 'Forbidden: access withdrawn');
        else if (
          now.kind === 'user' &&
          (now.role !== c.actor?.role || now.must_change_password !== c.actor?.mustChangePassword)
        ) {
          this.close(socket, 'Forbidden: access changed; connect again');
        }
      }
    } catch (err) {
      this.log.warn({ err }, 'checking the credentials of open WebSocket connections failed');
    } finally {
      this.checking = false;
    }
  }

  stop() {
    clearInterval(this.timer);
    this.stopListening();
  }
}
