import { createContext, useContext, type ReactNode } from 'react';
import type { TokenSource } from '../api/client.js';

/** The session whichever provider runs it (local accounts or Clerk). */
export interface Auth extends TokenSource {
  readonly status: 'loading' | 'signed-in' | 'signed-out';
  /** The signed-in student's email, when known. */
  readonly email: string | null;
  /** Ends the session. */
  signOut(): Promise<void>;
  /** The provider's sign-in view; `next` is where to go once signed in. */
  renderSignIn(next: string): ReactNode;
  /** The provider's sign-up view. */
  renderSignUp(next: string): ReactNode;
}

/** Holds the current `Auth`; set by `LocalAuthProvider` or the lazily loaded Clerk provider. */
export const AuthContext = createContext<Auth | null>(null);

/** The current session; only valid below an auth provider. */
export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth() used outside an auth provider');
  return auth;
}
