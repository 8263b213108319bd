/**
 * Tells the transport that access was withdrawn (a user deactivated or their password reset, a
 * key revoked, a token signed out), so that open WebSocket connections using it are closed at
 * once instead of streaming on. In-process: each server process closes its own connections.
 */
import { EventEmitter } from 'node:events';

export type AccessRevoked = { kind: 'user' | 'apiKey'; id: string } | { kind: 'token'; tokenHash: string };

export class AccessEvents {
  private readonly emitter = new EventEmitter();

  revoked(event: AccessRevoked) {
    this.emitter.emit('revoked', event);
  }

  onRevoked(listener: (event: AccessRevoked) => void): () => void {
    this.emitter.on('revoked', listener);
    return () => this.emitter.off('revoked', listener);
  }
}
