import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type Database } from '@uksmr/database';
import { profileFromClaims, profileFromClerkUser, providerKind } from '../src/domain/auth/clerk-profile.js';
import { EmailTakenError, InvalidCredentialsError, TokenRejectedError } from '../src/domain/auth/errors.js';
import {
  ACCESS_TOKEN_LIFETIME_MS,
  ACTIVE_SESSION_CACHE_MS,
  REFRESH_IDLE_MS,
  REFRESH_MAX_AGE_MS,
  createLocalAccounts,
} from '../src/domain/auth/local-accounts.js';
import { createPasswordHasher, type PasswordHasher } from '../src/domain/auth/password.js';
import { createRefreshTokens } from '../src/domain/auth/refresh-tokens.js';
import { createSessionTokens } from '../src/domain/auth/tokens.js';
import { testDatabase } from './support/app.js';

/** The real scrypt hasher, recording which stored hashes `verify` was asked to compare against. */
function recordingHasher(): PasswordHasher & { verified: string[] } {
  const real = createPasswordHasher({ N: 1024, r: 8, p: 1 });
  const verified: string[] = [];
  return {
    ...real,
    verified,
    verify(password, stored) {
      verified.push(stored);
      return real.verify(password, stored);
    },
  };
}

describe('local accounts (domain)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  const accountsWith = (passwords: PasswordHasher, now = () => new Date(), checks?: string[]) => {
    const repos = createRepositories(database);
    const sessions = checks
      ? {
          ...repos.sessions,
          isActive: (...args: Parameters<typeof repos.sessions.isActive>) => (
            checks.push(args[0]),
            repos.sessions.isActive(...args)
          ),
        }
      : repos.sessions;
    return createLocalAccounts({
      users: repos.users,
      sessions,
      tokens: createSessionTokens({ secret: 'domain-secret-domain-secret-domain-0123', now }),
      refreshTokens: createRefreshTokens('domain-secret-domain-secret-domain-0123'),
      passwords,
      now,
    });
  };

  it('verifies a password for an unknown email too (against the dummy hash), so both failures cost one scrypt', async () => {
    const passwords = recordingHasher();
    const accounts = accountsWith(passwords);
    await accounts.signup('Timing@Example.com ', 'the right password');

    const unknown = await accounts.login('nobody@example.com', 'the right password').catch((e: unknown) => e);
    const wrong = await accounts.login('timing@example.com', 'the wrong password').catch((e: unknown) => e);

    expect(unknown).toEqual(new InvalidCredentialsError('unknown-email'));
    expect(wrong).toEqual(new InvalidCredentialsError('wrong-password'));
    expect(passwords.verified).toHaveLength(2);
    expect(passwords.verified[0]).toBe(await passwords.dummyHash());
    expect(passwords.verified[1]).not.toBe(await passwords.dummyHash());
    expect(passwords.verified.every((stored) => stored.startsWith('scrypt$1024$8$1$'))).toBe(true);
  });

  it('normalises emails: signup and login in any case and spacing reach one account', async () => {
    const accounts = accountsWith(recordingHasher());
    const signedUp = await accounts.signup('  Mixed.Case@Example.COM', 'a good password');
    expect(signedUp.user.email).toBe('mixed.case@example.com');
    await expect(accounts.signup('mixed.case@example.com', 'another password')).rejects.toBeInstanceOf(EmailTakenError);
    const loggedIn = await accounts.login('MIXED.CASE@example.com  ', 'a good password');
    expect(loggedIn.user).toEqual(signedUp.user);
  });

  it('gives sessions the token lifetime and ends them with the clock', async () => {
    let now = new Date();
    const accounts = accountsWith(recordingHasher(), () => now);
    const { token } = await accounts.signup('clock@example.com', 'a good password');
    const caller = await accounts.authenticate(token);
    expect(caller.sessionId).toEqual(expect.any(String));
    now = new Date(now.getTime() + ACCESS_TOKEN_LIFETIME_MS + 1000);
    await expect(accounts.authenticate(token)).rejects.toEqual(new TokenRejectedError('ERR_JWT_EXPIRED'));
  });

  it('refuses to refresh or log out a caller without a local session, and a session refreshed twice', async () => {
    const accounts = accountsWith(recordingHasher());
    const { token } = await accounts.signup('refresh@example.com', 'a good password');
    const caller = await accounts.authenticate(token);
    await expect(accounts.refresh({ userId: caller.userId, sessionId: null })).rejects.toEqual(
      new TokenRejectedError('no-local-session'),
    );
    await expect(accounts.logout({ userId: caller.userId, sessionId: null })).rejects.toEqual(
      new TokenRejectedError('no-local-session'),
    );
    await accounts.refresh(caller);
    await expect(accounts.refresh(caller)).rejects.toEqual(new TokenRejectedError('session-revoked'));
  });

  it('asks the database about a session once per cache period, and honours a revocation at once here and within it elsewhere', async () => {
    let now = new Date();
    const checks: string[] = [];
    const here = accountsWith(recordingHasher(), () => now, checks);
    const elsewhere = accountsWith(recordingHasher(), () => now);
    const { token } = await here.signup('cache@example.com', 'a good password');
    const caller = await here.authenticate(token);
    await here.authenticate(token);
    await here.authenticate(token);
    expect(checks).toEqual([caller.sessionId]);
    now = new Date(now.getTime() + ACTIVE_SESSION_CACHE_MS + 1);
    await here.authenticate(token);
    expect(checks).toHaveLength(2);

    // Logged out on another instance: believed at most until the cache period ends, then refused.
    await elsewhere.logout(await elsewhere.authenticate(token));
    await expect(here.authenticate(token)).resolves.toEqual(caller);
    now = new Date(now.getTime() + ACTIVE_SESSION_CACHE_MS + 1);
    await expect(here.authenticate(token)).rejects.toEqual(new TokenRejectedError('session-revoked'));

    // Logged out on this instance: refused at once.
    const second = await here.login('cache@example.com', 'a good password');
    const secondCaller = await here.authenticate(second.token);
    await here.logout(secondCaller);
    await expect(here.authenticate(second.token)).rejects.toEqual(new TokenRejectedError('session-revoked'));

    // Refreshed on this instance: the old token is refused at once, the new one accepted.
    const third = await here.login('cache@example.com', 'a good password');
    const refreshed = await here.refresh(await here.authenticate(third.token));
    await expect(here.authenticate(third.token)).rejects.toEqual(new TokenRejectedError('session-revoked'));
    await expect(here.authenticate(refreshed.token)).resolves.toMatchObject({ userId: caller.userId });
  });

  it('rotates the refresh token on every use, within one sign-in, and revokes the sign-in when an old one is replayed', async () => {
    const accounts = accountsWith(recordingHasher());
    const first = await accounts.signup('rotate@example.com', 'a good password');
    const second = await accounts.refreshWith(first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.user).toEqual(first.user);
    const third = await accounts.refreshWith(second.refreshToken);
    const caller = await accounts.authenticate(third.token);
    expect(caller.sessionId).toBe((await accounts.authenticate(first.token)).sessionId);

    await expect(accounts.refreshWith(first.refreshToken)).rejects.toEqual(new TokenRejectedError('refresh-reused'));
    // The whole family is gone: the newest refresh token and every access token of the sign-in.
    await expect(accounts.refreshWith(third.refreshToken)).rejects.toEqual(new TokenRejectedError('session-revoked'));
    await expect(accounts.authenticate(third.token)).rejects.toEqual(new TokenRejectedError('session-revoked'));
  });

  it('refuses a forged refresh token without touching the sign-in, and ends sign-ins with the clock', async () => {
    let now = new Date();
    const accounts = accountsWith(recordingHasher(), () => now);
    const signedIn = await accounts.signup('expire@example.com', 'a good password');
    const [sid, , mac] = signedIn.refreshToken.split('.');
    await expect(accounts.refreshWith(`${sid}.7.${mac}`)).rejects.toEqual(new TokenRejectedError('refresh-invalid'));
    await expect(accounts.refreshWith('nonsense')).rejects.toEqual(new TokenRejectedError('refresh-invalid'));
    expect(signedIn.refreshExpiresAt.getTime()).toBe(now.getTime() + REFRESH_IDLE_MS);

    // Refreshed every 13 days, a sign-in still ends 30 days after it began.
    let token = signedIn.refreshToken;
    for (let day = 13; day < 30; day += 13) {
      now = new Date(signedIn.refreshExpiresAt.getTime() - REFRESH_IDLE_MS + day * 86_400_000);
      token = (await accounts.refreshWith(token)).refreshToken;
    }
    now = new Date(signedIn.refreshExpiresAt.getTime() - REFRESH_IDLE_MS + REFRESH_MAX_AGE_MS + 1000);
    await expect(accounts.refreshWith(token)).rejects.toEqual(new TokenRejectedError('session-revoked'));

    const idle = await accounts.login('expire@example.com', 'a good password');
    now = new Date(now.getTime() + REFRESH_IDLE_MS + 1000);
    await expect(accounts.refreshWith(idle.refreshToken)).rejects.toEqual(new TokenRejectedError('session-revoked'));
  });

  it('signs out by refresh token too, ignoring one that is not ours', async () => {
    const accounts = accountsWith(recordingHasher());
    const signedIn = await accounts.signup('cookie-out@example.com', 'a good password');
    await accounts.logoutRefresh('nonsense');
    await accounts.logoutRefresh(signedIn.refreshToken);
    await expect(accounts.authenticate(signedIn.token)).rejects.toEqual(new TokenRejectedError('session-revoked'));
  });
});

describe('Clerk profiles', () => {
  it.each([
    ['oauth_google', 'google'],
    ['oauth_apple', 'apple'],
    ['oauth_facebook', 'facebook'],
    ['oauth_github', 'email'],
    ['google', 'google'],
    [undefined, 'email'],
  ] as const)('maps provider %s to %s', (name, kind) => {
    expect(providerKind(name)).toBe(kind);
  });

  it('reads a Backend API user: first external account, primary (else first) email, lower-cased', () => {
    expect(
      profileFromClerkUser({
        externalAccounts: [{ provider: 'oauth_apple' }, { provider: 'oauth_google' }],
        primaryEmailAddress: { emailAddress: 'Primary@Example.com' },
        emailAddresses: [{ emailAddress: 'other@example.com' }],
      }),
    ).toEqual({ authProvider: 'apple', email: 'primary@example.com' });
    expect(
      profileFromClerkUser({
        externalAccounts: [],
        primaryEmailAddress: null,
        emailAddresses: [{ emailAddress: 'first@example.com' }],
      }),
    ).toEqual({ authProvider: 'email', email: 'first@example.com' });
    expect(profileFromClerkUser({ externalAccounts: [], primaryEmailAddress: null, emailAddresses: [] })).toEqual({
      authProvider: 'email',
      email: null,
    });
  });

  it('reads custom email and auth_provider claims, ignoring what is not usable', () => {
    expect(profileFromClaims({ email: 'Claim@Example.com', auth_provider: 'oauth_facebook' })).toEqual({
      authProvider: 'facebook',
      email: 'claim@example.com',
    });
    expect(profileFromClaims({ email: 'not-an-email', auth_provider: 7 })).toEqual({
      authProvider: 'email',
      email: null,
    });
    expect(profileFromClaims({})).toEqual({ authProvider: 'email', email: null });
  });
});
