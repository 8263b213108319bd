/**
 * Whether the server can be reached, as seen by the HTTP and WebSocket links: drives the banner
 * shown on every page while it cannot.
 */
import { useSyncExternalStore } from 'react';

export type ConnectionState = 'online' | 'offline';

let state: ConnectionState = 'online';
const listeners = new Set<() => void>();

export function setConnectionState(next: ConnectionState) {
  if (next === state) return;
  state = next;
  for (const l of listeners) l();
}

export function getConnectionState(): ConnectionState {
  return state;
}

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}
