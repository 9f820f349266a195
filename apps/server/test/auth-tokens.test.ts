import { SignJWT, UnsecuredJWT, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../src/domain/auth/tokens.js';
import { buildTestApp, testDatabase, type TestApp } from './support/app.js';
import { bearer, signUp } from './support/users.js';

let database: Database;
let t: TestApp;
/** The app's clock; tests move it forward. */
let now = new Date();

beforeAll(async () => {
  database = await testDatabase();
  t = await buildTestApp(database, {}, { clock: () => now });
});
afterAll(async () => {
  await t.close();
  await database.close();
});

/** Which reason the last `auth.token_rejected` log line gave. */
const lastRejection = (): unknown => t.logs.filter((line) => line.event === 'auth.token_rejected').at(-1)?.reason;

/** Whether the API accepts `token` on a protected route (GET /reports). */
async function statusWith(token: string): Promise<number> {
  return (await t.app.inject({ method: 'GET', url: '/reports', headers: bearer(token) })).statusCode;
}

/** A token signed with the app's own secret and claims derived from a real one. */
async function resign(token: string, change: Record<string, unknown>, alg = 'HS256'): Promise<string> {
  const claims = { ...decodeJwt(token), ...change };
  return new SignJWT(claims).setProtectedHeader({ alg }).sign(new TextEncoder().encode(t.config.authSecret));
}

describe('local token verification', () => {
  it('accepts a fresh token', async () => {
    const { token } = await signUp(t.app);
    expect(await statusWith(token)).toBe(200);
  });

  it('refuses alg "none"', async () => {
    const { token } = await signUp(t.app);
    const unsigned = new UnsecuredJWT(decodeJwt(token)).encode();
    expect(await statusWith(unsigned)).toBe(401);
    expect(lastRejection()).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
  });

  it('refuses a token signed with another key', async () => {
    const { token } = await signUp(t.app);
    const forged = await new SignJWT(decodeJwt(token))
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('another-secret-another-secret-another-0123'));
    expect(await statusWith(forged)).toBe(401);
    expect(lastRejection()).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const victim = await signUp(t.app);
    const attacker = await signUp(t.app);
    // The attacker's own token was verified (and is remembered as verified) first: only its exact text is believed.
    expect(await statusWith(attacker.token)).toBe(200);
    const [header, , signature] = attacker.token.split('.');
    const payload = Buffer.from(JSON.stringify({ ...decodeJwt(attacker.token), sub: victim.userId })).toString(
      'base64url',
    );
    expect(await statusWith(`${header}.${payload}.${signature}`)).toBe(401);
    expect(lastRejection()).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });

  it('refuses an expired token (access tokens live 15 minutes; the sign-in goes on in the refresh cookie)', async () => {
    const { token } = await signUp(t.app);
    const exp = decodeJwt(token).exp!;
    expect(exp - Math.floor(now.getTime() / 1000)).toBe(15 * 60);
    // Verified (and remembered as verified) while fresh, refused from its `exp` on all the same.
    expect(await statusWith(token)).toBe(200);
    const start = now;
    now = new Date(exp * 1000 - 1);
    try {
      expect(await statusWith(token)).toBe(200);
      now = new Date(exp * 1000);
      expect(await statusWith(token)).toBe(401);
      expect(lastRejection()).toBe('ERR_JWT_EXPIRED');
      now = new Date(exp * 1000 + 1000);
      expect(await statusWith(token)).toBe(401);
      expect(lastRejection()).toBe('ERR_JWT_EXPIRED');
    } finally {
      now = start;
    }
  });

  it('refuses a token for a session that was logged out, even with a valid signature and expiry', async () => {
    const { token } = await signUp(t.app);
    expect((await t.app.inject({ method: 'POST', url: '/auth/logout', headers: bearer(token) })).statusCode).toBe(204);
    expect(await statusWith(token)).toBe(401);
    expect(lastRejection()).toBe('session-revoked');
  });

  it('refuses a validly signed token for a session of another user', async () => {
    const victim = await signUp(t.app);
    const attacker = await signUp(t.app);
    expect(await statusWith(await resign(attacker.token, { sub: victim.userId }))).toBe(401);
    expect(lastRejection()).toBe('session-revoked');
  });

  it.each([
    ['another issuer', { iss: 'https://evil.example' }],
    ['another audience', { aud: 'another-api' }],
  ])('refuses a validly signed token with %s', async (_case, change) => {
    const { token } = await signUp(t.app);
    expect(decodeJwt(token)).toMatchObject({ iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE });
    expect(await statusWith(await resign(token, change))).toBe(401);
    expect(lastRejection()).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED');
  });

  it('refuses HS512 even with the right secret (the algorithm is pinned)', async () => {
    const { token } = await signUp(t.app);
    expect(await statusWith(await resign(token, {}, 'HS512'))).toBe(401);
    expect(lastRejection()).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
  });
});
