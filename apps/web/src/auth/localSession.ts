import type { TokenSource } from '../api/client.js';
import { isUnauthorized } from '../api/http.js';
import { endCookieSession, logIn, logOut, refreshFromCookie, signUp } from '../api/public.js';
import type { AuthResult, User } from '../api/types.js';

/** The local session as React reads it. */
export interface LocalSessionState {
  readonly token: string | null;
  readonly user: User | null;
  /** True while the session is being restored from the refresh cookie (a reload, a new tab, a link). */
  readonly restoring: boolean;
}

/** How often a signed-in tab swaps its access token for a new one (access tokens live 15 minutes). */
export const REFRESH_EVERY_MS = 12 * 60 * 1000;

/** The channel every tab of the app listens on for sign-in and sign-out. */
export const AUTH_CHANNEL = 'uksmr-auth';
/** The Web Lock that lets one tab at a time use the refresh cookie (each use rotates it). */
export const REFRESH_LOCK = 'uksmr-refresh';
/**
 * A hint in `localStorage` that this browser has signed in (no secret: the sign-in itself is the `HttpOnly` cookie).
 * Without it a visitor is known to be signed out at once, with no request; its removal signs the other tabs out
 * where `BroadcastChannel` is missing.
 */
export const SIGNED_IN_HINT = 'uksmr.signedIn';

function readHint(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_HINT) === '1';
  } catch {
    return true; // Storage disabled: ask the server.
  }
}

function writeHint(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(SIGNED_IN_HINT, '1');
    else localStorage.removeItem(SIGNED_IN_HINT);
  } catch {
    // Storage disabled: every load asks the server.
  }
}

type AuthMessage = { readonly type: 'signed-in' } | { readonly type: 'signed-out' };

/** The part of `BroadcastChannel` the session uses; a test hands in its own. */
export interface AuthChannel {
  postMessage(message: AuthMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<AuthMessage>) => void): void;
  close(): void;
}

/** Options of `LocalSession`. */
export interface LocalSessionOptions {
  readonly refreshEveryMs?: number;
  /** Opens the cross-tab channel; default a `BroadcastChannel`, none where the browser has none. */
  readonly openChannel?: () => AuthChannel | null;
}

const SIGNED_OUT: LocalSessionState = { token: null, user: null, restoring: false };

/** Runs `task` holding the refresh Web Lock where the browser has Web Locks, so tabs never use one cookie twice. */
function oneTabAtATime<T>(task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? (locks.request(REFRESH_LOCK, task) as Promise<T>) : task();
}

function defaultChannel(): AuthChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(AUTH_CHANNEL);
}

/**
 * A local-accounts session: the short-lived access token in memory only, the sign-in itself in the server's
 * `HttpOnly` refresh cookie. `restore()` picks the sign-in up again after a reload or in a new tab; the token is
 * renewed every 12 minutes and once after a 401; sign-in and sign-out are told to every other tab.
 * Subscribable, for `useSyncExternalStore`.
 */
export class LocalSession implements TokenSource {
  // Until `restore()` has asked the server, this browser may well be signed in.
  private state: LocalSessionState = { ...SIGNED_OUT, restoring: true };
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private refreshing: Promise<string | null> | null = null;
  private readonly refreshEveryMs: number;
  private readonly openChannel: () => AuthChannel | null;
  private channel: AuthChannel | null = null;

  constructor(options: LocalSessionOptions = {}) {
    this.refreshEveryMs = options.refreshEveryMs ?? REFRESH_EVERY_MS;
    this.openChannel = options.openChannel ?? defaultChannel;
  }

  /**
   * Listens to the other tabs: their sign-out signs this tab out, their sign-in signs a signed-out tab in. Returns
   * the disconnection (an effect's cleanup).
   */
  connect = (): (() => void) => {
    const channel = this.openChannel();
    this.channel = channel;
    channel?.addEventListener('message', (event) => {
      if (event.data.type === 'signed-out') this.end();
      else if (!this.state.token) void this.restore();
    });
    const onStorage = (event: StorageEvent): void => {
      if (event.key === SIGNED_IN_HINT && event.newValue === null && this.state.token) this.end();
    };
    window.addEventListener('storage', onStorage);
    return () => {
      channel?.close();
      window.removeEventListener('storage', onStorage);
      if (this.channel === channel) this.channel = null;
    };
  };

  /** Registers a change listener; returns its removal. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current state (a new object after each change). */
  getSnapshot = (): LocalSessionState => this.state;

  /** Picks up this browser's sign-in from the refresh cookie; stays signed out when there is none. */
  restore = async (): Promise<void> => {
    if (this.state.token) return;
    if (!readHint()) {
      if (this.state.restoring) this.set(SIGNED_OUT);
      return;
    }
    if (!this.state.restoring) this.set({ ...this.state, restoring: true });
    await this.refreshToken();
    if (this.state.restoring) this.set({ ...this.state, restoring: false });
  };

  /** Signs in with `POST /auth/login`. */
  signIn = async (email: string, password: string): Promise<void> => {
    this.begin(await logIn(email, password));
    this.channel?.postMessage({ type: 'signed-in' });
  };

  /** Creates an account with `POST /auth/signup` and signs in. */
  signUp = async (email: string, password: string): Promise<void> => {
    this.begin(await signUp(email, password));
    this.channel?.postMessage({ type: 'signed-in' });
  };

  /** The current token. */
  getToken = (): Promise<string | null> => Promise.resolve(this.state.token);

  /**
   * A new access token from the refresh cookie; concurrent callers share one request. Signs out when the server
   * refuses the sign-in (401); after any other failure (offline, 5xx) the session is kept and null returned.
   */
  refreshToken = (): Promise<string | null> => {
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  };

  /** Forgets the session at once in this tab and every other one, then ends it on the server. */
  signOut = async (): Promise<void> => {
    const { token } = this.state;
    this.end();
    this.channel?.postMessage({ type: 'signed-out' });
    // The Bearer sign-out ends the sign-in and clears the cookie; when it cannot (the access token has expired, say),
    // the cookie's own sign-out does.
    const ended = token
      ? await logOut(token).then(
          () => true,
          () => false,
        )
      : false;
    if (!ended) await endCookieSession().catch(() => undefined);
  };

  private async refresh(): Promise<string | null> {
    try {
      const result = await oneTabAtATime(refreshFromCookie);
      this.begin(result);
      return result.token;
    } catch (error) {
      if (isUnauthorized(error)) this.end();
      return null;
    }
  }

  private begin(result: AuthResult): void {
    writeHint(true);
    this.set({ token: result.token, user: result.user, restoring: false });
    if (this.timer) clearInterval(this.timer);
    this.timer = setInterval(() => void this.refreshToken(), this.refreshEveryMs);
  }

  private end(): void {
    writeHint(false);
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.set(SIGNED_OUT);
  }

  private set(state: LocalSessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
