import type { User } from '@uksmr/database';
import { LRUCache } from 'lru-cache';
import { normaliseEmail } from './email.js';
import { EmailTakenError, InvalidCredentialsError, TokenRejectedError } from './errors.js';
import type { FailureSlowdown } from './failure-slowdown.js';
import type { PasswordHasher } from './password.js';
import type { AuthProvider, Caller } from './provider.js';
import type { SessionStore, UserStore } from './stores.js';
import type { RefreshTokens } from './refresh-tokens.js';
import type { SessionTokens } from './tokens.js';

/**
 * How long a session found active is believed without asking the database again: 5 s. A logout or refresh on
 * this instance forgets it at once; one on another instance as soon as the database's announcement of it arrives
 * (PostgreSQL, migration 007: {@link LocalAccounts.forgetSession}), and within this time at most when none does.
 */
export const ACTIVE_SESSION_CACHE_MS = 5_000;
/** Most sessions remembered as active (least recently used dropped first). */
export const ACTIVE_SESSION_CACHE_SIZE = 10_000;
/** Lifetime of an access (Bearer) token: 15 minutes. The web app keeps it in memory only. */
export const ACCESS_TOKEN_LIFETIME_MS = 15 * 60 * 1000;
/** A sign-in ends after 14 days without a refresh… */
export const REFRESH_IDLE_MS = 14 * 24 * 60 * 60 * 1000;
/** …and 30 days after it began, however often it was refreshed. */
export const REFRESH_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/** The refresh token of a sign-in (for the `HttpOnly` cookie) and when the sign-in ends unless refreshed. */
export interface RefreshGrant {
  readonly refreshToken: string;
  readonly refreshExpiresAt: Date;
}

/** A signed-in local user, their new access token and the sign-in's refresh token. */
export interface SignedIn extends RefreshGrant {
  readonly token: string;
  readonly user: { readonly userId: string; readonly email: string };
}

/** Local accounts: email + password, revocable sessions, HS256 tokens. */
export interface LocalAccounts extends AuthProvider {
  readonly kind: 'local';
  /** Creates an account and signs it in. Throws EmailTakenError. */
  signup(email: string, password: string): Promise<SignedIn>;
  /** Signs in. Throws InvalidCredentialsError (unknown email and wrong password cost the same). */
  login(email: string, password: string): Promise<SignedIn>;
  /** Ends the caller's session and opens a new one. Throws TokenRejectedError when it already ended. */
  refresh(caller: Caller): Promise<{ token: string }>;
  /**
   * Uses a refresh token (from the cookie): a new access token and the next refresh token of the same sign-in.
   * Throws TokenRejectedError: `refresh-invalid` (not ours), `refresh-reused` (a replay: the sign-in is revoked),
   * `session-revoked` (signed out, expired or revoked).
   */
  refreshWith(refreshToken: string): Promise<SignedIn>;
  /** Ends the caller's session; its token is refused from then on. */
  logout(caller: Caller): Promise<void>;
  /** Ends the sign-in a refresh token belongs to (sign-out without an access token); unknown tokens are ignored. */
  logoutRefresh(refreshToken: string): Promise<void>;
  /** Stops believing `sessionId` active without asking (it was revoked on another instance). */
  forgetSession(sessionId: string): void;
}

/** Dependencies of local accounts. */
export interface LocalAccountsOptions {
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly tokens: SessionTokens;
  readonly refreshTokens: RefreshTokens;
  readonly passwords: PasswordHasher;
  readonly now: () => Date;
  /** Slows logins for an account down after repeated failures; none when absent. */
  readonly slowdown?: FailureSlowdown;
  /** Waits `ms` (the slow-down's delay); a timer by default. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** How long a session found active is believed (default {@link ACTIVE_SESSION_CACHE_MS}; 0 = ask every time). */
  readonly activeSessionCacheMs?: number;
}

const timer = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Local accounts over the given stores. */
export function createLocalAccounts(options: LocalAccountsOptions): LocalAccounts {
  const { users, sessions, tokens, refreshTokens, passwords, now, slowdown, sleep = timer } = options;
  const cacheMs = options.activeSessionCacheMs ?? ACTIVE_SESSION_CACHE_MS;
  /** Session id → its user and until when it is believed active (ms since the epoch). */
  const active = new LRUCache<string, { readonly userId: string; readonly until: number }>({
    max: ACTIVE_SESSION_CACHE_SIZE,
  });
  const after = (ms: number): Date => new Date(now().getTime() + ms);
  const accessExpiry = (): Date => after(ACCESS_TOKEN_LIFETIME_MS);
  // Made now, so that even the first login for an unknown email costs one scrypt, like a wrong password.
  void passwords.dummyHash();

  const startSession = async (user: User, email: string): Promise<SignedIn> => {
    const refreshExpiresAt = after(REFRESH_IDLE_MS);
    const { sessionId } = await sessions.create({ userId: user.userId, expiresAt: refreshExpiresAt });
    const token = await tokens.sign({ userId: user.userId, sessionId }, accessExpiry());
    const refreshToken = refreshTokens.sign({ sessionId, generation: 0 });
    return { token, user: { userId: user.userId, email }, refreshToken, refreshExpiresAt };
  };

  /** The caller's local session id; a caller without one (not a local token) cannot refresh or log out. */
  const sessionOf = (caller: Caller): string => {
    if (caller.sessionId === null) throw new TokenRejectedError('no-local-session');
    return caller.sessionId;
  };

  return {
    kind: 'local',
    async signup(rawEmail, password) {
      const email = normaliseEmail(rawEmail);
      const user = await users.createLocal({ email, passwordHash: await passwords.hash(password) });
      if (!user) throw new EmailTakenError();
      await users.touchLogin(user.userId);
      return startSession(user, email);
    },
    async login(rawEmail, password) {
      const email = normaliseEmail(rawEmail);
      // After repeated failures every login for this account waits a little longer (unknown emails alike).
      const delay = slowdown?.delayFor(email) ?? 0;
      if (delay > 0) await sleep(delay);
      const user = await users.findLocalByEmail(email);
      // Verify against a dummy hash for an unknown email, so that both failures take the same time.
      const matches = await passwords.verify(password, user?.passwordHash ?? (await passwords.dummyHash()));
      if (!user || !matches) {
        slowdown?.failed(email);
        throw new InvalidCredentialsError(user ? 'wrong-password' : 'unknown-email');
      }
      slowdown?.succeeded(email);
      await users.touchLogin(user.userId);
      return startSession(user, email);
    },
    async refresh(caller) {
      const sessionId = sessionOf(caller);
      active.delete(sessionId);
      const next = await sessions.rotate(sessionId, caller.userId, after(REFRESH_IDLE_MS));
      if (!next) throw new TokenRejectedError('session-revoked');
      return { token: await tokens.sign({ userId: caller.userId, sessionId: next.sessionId }, accessExpiry()) };
    },
    async refreshWith(refreshToken) {
      const claims = refreshTokens.read(refreshToken);
      if (!claims) throw new TokenRejectedError('refresh-invalid');
      const outcome = await sessions.useRefresh({
        sessionId: claims.sessionId,
        generation: claims.generation,
        idleExpiresAt: after(REFRESH_IDLE_MS),
        maxAgeMs: REFRESH_MAX_AGE_MS,
        now: now(),
      });
      if (outcome.kind === 'reused') {
        // The whole sign-in was revoked: its access tokens must stop working here at once, not after the cache.
        active.delete(claims.sessionId);
        throw new TokenRejectedError('refresh-reused');
      }
      const user = outcome.kind === 'rotated' ? await users.findById(outcome.userId) : null;
      if (outcome.kind !== 'rotated' || !user?.email) throw new TokenRejectedError('session-revoked');
      const { sessionId } = claims;
      return {
        token: await tokens.sign({ userId: user.userId, sessionId }, accessExpiry()),
        user: { userId: user.userId, email: user.email },
        refreshToken: refreshTokens.sign({ sessionId, generation: outcome.generation }),
        refreshExpiresAt: outcome.expiresAt,
      };
    },
    async logout(caller) {
      const sessionId = sessionOf(caller);
      active.delete(sessionId);
      await sessions.revoke(sessionId);
    },
    async logoutRefresh(refreshToken) {
      const claims = refreshTokens.read(refreshToken);
      if (!claims) return;
      active.delete(claims.sessionId);
      await sessions.revoke(claims.sessionId);
    },

    forgetSession(sessionId) {
      active.delete(sessionId);
    },

    async authenticate(token) {
      // The signature and expiry are checked every time; only the database's "not revoked" is remembered.
      const claims = await tokens.verify(token);
      const at = now().getTime();
      const known = active.get(claims.sessionId);
      if (known && known.userId === claims.userId && known.until > at) return claims;
      if (!(await sessions.isActive(claims.sessionId, claims.userId, now()))) {
        active.delete(claims.sessionId);
        throw new TokenRejectedError('session-revoked');
      }
      if (cacheMs > 0) active.set(claims.sessionId, { userId: claims.userId, until: at + cacheMs });
      return claims;
    },
  };
}
