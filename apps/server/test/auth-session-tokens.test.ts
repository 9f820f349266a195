import { SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { TokenRejectedError } from '../src/domain/auth/errors.js';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, createSessionTokens } from '../src/domain/auth/tokens.js';

const SECRET = 'unit-secret-unit-secret-unit-secret-0123';
const key = new TextEncoder().encode(SECRET);
const claims = { userId: '6f1c5d1e-3b1a-4c53-9f3e-0a4a6f0b9d11', sessionId: '0d5f8d8e-8f5b-4f7e-a4f3-7b8b1c2d3e4f' };

/** The reason `promise` is rejected with (a TokenRejectedError). */
async function reasonOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TokenRejectedError);
  return (error as TokenRejectedError).reason;
}

describe('local session tokens', () => {
  it('refuses a missing or short AUTH_SECRET', () => {
    expect(() => createSessionTokens({ secret: undefined, now: () => new Date() })).toThrow(/at least 32 bytes/);
    expect(() => createSessionTokens({ secret: 'short', now: () => new Date() })).toThrow(/at least 32 bytes/);
  });

  it('signs HS256 with sub, sid, iss, aud, iat and the given expiry, and verifies it back', async () => {
    const now = new Date('2030-01-01T10:00:00Z');
    const tokens = createSessionTokens({ secret: SECRET, now: () => now });
    const token = await tokens.sign(claims, new Date('2030-01-01T11:00:00Z'));
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decodeJwt(token)).toEqual({
      sub: claims.userId,
      sid: claims.sessionId,
      iss: TOKEN_ISSUER,
      aud: TOKEN_AUDIENCE,
      iat: now.getTime() / 1000,
      exp: now.getTime() / 1000 + 3600,
    });
    expect(await tokens.verify(token)).toEqual(claims);
  });

  it('names the issuer uksmr-server and the audience uksmr-api, and signs HS256 (the values other services check)', async () => {
    // Imported afresh so the module-level constants are evaluated within this run (Stryker does not reload modules).
    vi.resetModules();
    const fresh = await import('../src/domain/auth/tokens.js');
    expect([fresh.TOKEN_ISSUER, fresh.TOKEN_AUDIENCE]).toEqual(['uksmr-server', 'uksmr-api']);
    const token = await fresh
      .createSessionTokens({ secret: SECRET, now: () => new Date() })
      .sign(claims, new Date(Date.now() + 60_000));
    expect(decodeJwt(token)).toMatchObject({ iss: 'uksmr-server', aud: 'uksmr-api' });
    expect(decodeProtectedHeader(token).alg).toBe('HS256');
  });

  it('checks expiry against the injected clock', async () => {
    let now = new Date('2030-01-01T10:00:00Z');
    const tokens = createSessionTokens({ secret: SECRET, now: () => now });
    const token = await tokens.sign(claims, new Date('2030-01-01T11:00:00Z'));
    now = new Date('2030-01-01T11:00:01Z');
    expect(await reasonOf(tokens.verify(token))).toBe('ERR_JWT_EXPIRED');
  });

  it.each([
    ['another issuer', { iss: 'someone-else' }, 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
    ['another audience', { aud: 'another-api' }, 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
    ['no session id', { sid: undefined }, 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
    ['a session id that is not a string', { sid: 42 }, 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
    ['no expiry', { exp: undefined }, 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
  ])('refuses a correctly signed token with %s', async (_case, change, reason) => {
    const now = Math.floor(Date.now() / 1000);
    const payload: Record<string, unknown> = {
      sub: claims.userId,
      sid: claims.sessionId,
      iss: TOKEN_ISSUER,
      aud: TOKEN_AUDIENCE,
      iat: now,
      exp: now + 60,
      ...change,
    };
    for (const [name, value] of Object.entries(payload)) if (value === undefined) delete payload[name];
    const token = await new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(key);
    expect(await reasonOf(createSessionTokens({ secret: SECRET, now: () => new Date() }).verify(token))).toBe(reason);
  });

  it('refuses another HMAC algorithm even with the right secret', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject(claims.userId)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setExpirationTime(now + 60)
      .sign(new TextEncoder().encode(SECRET.repeat(2)));
    expect(await reasonOf(createSessionTokens({ secret: SECRET.repeat(2), now: () => new Date() }).verify(token))).toBe(
      'ERR_JOSE_ALG_NOT_ALLOWED',
    );
  });

  it('refuses text that is not a JWT', async () => {
    expect(await reasonOf(createSessionTokens({ secret: SECRET, now: () => new Date() }).verify('not-a-token'))).toBe(
      'ERR_JWS_INVALID',
    );
  });

  it('accepts a secret of exactly 32 bytes and refuses 31 (counted in UTF-8 bytes, not characters)', () => {
    expect(() => createSessionTokens({ secret: 'x'.repeat(32), now: () => new Date() })).not.toThrow();
    expect(() => createSessionTokens({ secret: 'x'.repeat(31), now: () => new Date() })).toThrow(
      'AUTH_SECRET must be at least 32 bytes',
    );
    expect(() => createSessionTokens({ secret: 'é'.repeat(16), now: () => new Date() })).not.toThrow();
  });

  it('writes iat and exp as whole seconds rounded down', async () => {
    const now = new Date('2030-01-01T10:00:00.900Z');
    const token = await createSessionTokens({ secret: SECRET, now: () => now }).sign(
      claims,
      new Date('2030-01-01T11:00:00.900Z'),
    );
    const seconds = Date.parse('2030-01-01T10:00:00Z') / 1000;
    expect(decodeJwt(token)).toMatchObject({ iat: seconds, exp: seconds + 3600 });
  });

  it('accepts a token until its expiry second and refuses it from then on', async () => {
    let now = new Date('2030-01-01T10:59:59.000Z');
    const tokens = createSessionTokens({ secret: SECRET, now: () => now });
    const token = await tokens.sign(claims, new Date('2030-01-01T11:00:00Z'));
    expect(await tokens.verify(token)).toEqual(claims);
    now = new Date('2030-01-01T11:00:00.000Z');
    expect(await reasonOf(tokens.verify(token))).toBe('ERR_JWT_EXPIRED');
  });

  it('refuses a correctly signed token without a subject', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setExpirationTime(now + 60)
      .sign(key);
    expect(await reasonOf(createSessionTokens({ secret: SECRET, now: () => new Date() }).verify(token))).toBe(
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
    );
  });

  it('reports a failure that is not jose’s (here the clock) as ERR_JWT_INVALID', async () => {
    let broken = false;
    const tokens = createSessionTokens({
      secret: SECRET,
      now: () => {
        if (broken) throw new Error('clock unavailable');
        return new Date();
      },
    });
    const token = await tokens.sign(claims, new Date(Date.now() + 60_000));
    broken = true;
    expect(await reasonOf(tokens.verify(token))).toBe('ERR_JWT_INVALID');
  });
});
