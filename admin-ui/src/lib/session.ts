import { useSyncExternalStore } from 'react';
import type { User } from '@parley/protocol';

/** What `POST /api/auth/login` answers. */
export interface SignedIn {
  token: string;
  expiresAt: string;
  user: User;
}

interface State {
  signedIn: SignedIn | null;
  /** Why the person is at the sign-in page again (expired, revoked), shown there once. */
  notice: string | null;
}

/**
 * Who is signed in to this tab. The token is kept in sessionStorage: it survives a reload of the tab and ends with
 * the tab; other tabs and other sites cannot read it, and the console's CSP lets no script but the console's own run
 * in the page (docs/security.md, "The console's token").
 */
const KEY = 'parley.console.session';
let state: State = { signedIn: restore(), notice: null };
const listeners = new Set<() => void>();

function restore(): SignedIn | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as SignedIn | null;
    return stored && Date.parse(stored.expiresAt) > Date.now() ? stored : null;
  } catch {
    return null;
  }
}

function set(next: State): void {
  state = next;
  if (next.signedIn) {
    sessionStorage.setItem(KEY, JSON.stringify(next.signedIn));
  } else {
    sessionStorage.removeItem(KEY);
  }
  listeners.forEach((listener) => listener());
}

export const session = {
  current: (): SignedIn | null => state.signedIn,
  signIn(signedIn: SignedIn): void {
    set({ signedIn, notice: null });
  },
  /** @param notice why, when the person did not choose to (shown on the sign-in page) */
  signOut(notice: string | null = null): void {
    set({ signedIn: null, notice });
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  snapshot: (): State => state,
};

export function useSession(): State {
  return useSyncExternalStore(session.subscribe, session.snapshot);
}

export function isAdmin(user: User): boolean {
  return user.roles.includes('admin');
}
