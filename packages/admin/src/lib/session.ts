/**
 * The sign-in token, kept in localStorage so a reload keeps the session, and observable so the
 * app re-renders on sign-in and sign-out (also from another tab).
 */
import { useSyncExternalStore } from 'react';

const KEY = 'oms.token';
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

let current: string | null = typeof window === 'undefined' ? null : read();

function emit() {
  for (const l of listeners) l();
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key === KEY) {
      current = read();
      emit();
    }
  });
}

export function getToken(): string | null {
  return current;
}

export function setToken(token: string | null) {
  current = token;
  try {
    if (token) window.localStorage.setItem(KEY, token);
    else window.localStorage.removeItem(KEY);
  } catch {
    // private mode without storage: the session lasts as long as the page
  }
  emit();
}

export function useToken(): string | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

/** Calls `fn` whenever the token changes (sign-in, sign-out, another tab); returns an unsubscribe. */
export function onTokenChange(fn: (token: string | null) => void): () => void {
  let last = current;
  const listener = () => {
    if (current !== last) {
      last = current;
      fn(current);
    }
  };
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Where an expired session sends the user: sign-in, remembering the page they were on. */
export function signInUrlFor(location: { pathname: string; search: string }): string {
  const here = location.pathname + location.search;
  return here.startsWith('/sign-in') ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`;
}
