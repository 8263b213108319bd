/**
 * Tells the transport that access was withdrawn (a user deactivated or their password reset, a
 * key revoked, a token signed out), so that open WebSocket connections using it are closed at
 * once instead of streaming on. In-process only: other processes notice within a second, when they
 * re-check the credentials of their open connections (common/ws-sessions.ts).
 */
import { EventEmitter } from 'node:events';

export type AccessRevoked =
  | { kind: 'user' | 'apiKey'; id: string }
  | { kind: 'token'; tokenHash: string }
  /** Every session of a user but one (changePassword ends the others). */
  | { kind: 'userSessions'; id: string; exceptTokenHash?: string };

export class AccessEvents {
  private readonly emitter = new EventEmitter();

  revoked(event: AccessRevoked) {
    this.emitter.emit('revoked', event);
  }

  /** Something about users, sessions or keys changed (any access mutation): cached credentials are forgotten. */
  changed() {
    this.emitter.emit('changed');
  }

  /** Listens to both revocations and other access changes. */
  onChanged(listener: () => void): () => void {
    this.emitter.on('changed', listener);
    this.emitter.on('revoked', listener);
    return () => {
      this.emitter.off('changed', listener);
      this.emitter.off('revoked', listener);
    };
  }

  onRevoked(listener: (event: AccessRevoked) => void): () => void {
    this.emitter.on('revoked', listener);
    return () => this.emitter.off('revoked', listener);
  }
}
