import type { TokenSource } from '../api/client.js';
import { isUnauthorized } from '../api/http.js';
import { logIn, logOut, refreshSession, signUp } from '../api/public.js';
import type { AuthResult, User } from '../api/types.js';

/** The local session as React reads it. */
export interface LocalSessionState {
  readonly token: string | null;
  readonly user: User | null;
}

/** How often a signed-in session swaps its token for a new one (tokens live 1 h). */
export const REFRESH_EVERY_MS = 45 * 60 * 1000;

const SIGNED_OUT: LocalSessionState = { token: null, user: null };

/**
 * A local-accounts session kept in memory only: signs up, signs in, refreshes its token every 45 minutes
 * and once after a 401, and signs out. Subscribable, for `useSyncExternalStore`.
 */
export class LocalSession implements TokenSource {
  private state: LocalSessionState = SIGNED_OUT;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private refreshing: Promise<string | null> | null = null;

  constructor(private readonly refreshEveryMs = REFRESH_EVERY_MS) {}

  /** Registers a change listener; returns its removal. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current state (a new object after each change). */
  getSnapshot = (): LocalSessionState => this.state;

  /** Signs in with `POST /auth/login`. */
  signIn = async (email: string, password: string): Promise<void> => {
    this.begin(await logIn(email, password));
  };

  /** Creates an account with `POST /auth/signup` and signs in. */
  signUp = async (email: string, password: string): Promise<void> => {
    this.begin(await signUp(email, password));
  };

  /** The current token. */
  getToken = (): Promise<string | null> => Promise.resolve(this.state.token);

  /**
   * Swaps the token for a new one; concurrent callers share one request. Signs out when the server refuses
   * the token (401); after any other failure (offline, 5xx) the session is kept and null returned.
   */
  refreshToken = (): Promise<string | null> => {
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  };

  /** Forgets the session at once, then tells the server with `POST /auth/logout`. */
  signOut = async (): Promise<void> => {
    const { token } = this.state;
    this.end();
    if (token) await logOut(token).catch(() => undefined);
  };

  private async refresh(): Promise<string | null> {
    const { token, user } = this.state;
    if (!token) return null;
    try {
      const fresh = await refreshSession(token);
      if (this.state.token === token) this.set({ token: fresh, user });
      return this.state.token;
    } catch (error) {
      if (isUnauthorized(error) && this.state.token === token) this.end();
      return null;
    }
  }

  private begin(result: AuthResult): void {
    this.set({ token: result.token, user: result.user });
    if (this.timer) clearInterval(this.timer);
    this.timer = setInterval(() => void this.refreshToken(), this.refreshEveryMs);
  }

  private end(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.set(SIGNED_OUT);
  }

  private set(state: LocalSessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
