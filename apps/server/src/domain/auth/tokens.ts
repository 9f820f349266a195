import { SignJWT, errors, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import { TokenRejectedError } from './errors.js';

/** `iss` of every local session token. */
export const TOKEN_ISSUER = 'uksmr-server';
/** `aud` of every local session token. */
export const TOKEN_AUDIENCE = 'uksmr-api';
/** The only algorithm local tokens are signed and accepted with. */
const ALGORITHM = 'HS256';
/** Shortest accepted signing secret, in bytes. */
const MIN_SECRET_BYTES = 32;
/**
 * Most tokens whose signature was verified that are remembered (least recently used dropped first). The key is the
 * whole token, signature included, so only the very bytes that were verified are found; expiry is checked on every use.
 */
export const VERIFIED_TOKEN_CACHE_SIZE = 10_000;

/** What a local session token says: who, and which revocable session. */
export interface SessionClaims {
  readonly userId: string;
  readonly sessionId: string;
}

/** Signs and verifies local session tokens (HS256 JWTs: `sub` user id, `sid` session id). */
export interface SessionTokens {
  /** A token for `claims` that expires at `expiresAt`. */
  sign(claims: SessionClaims, expiresAt: Date): Promise<string>;
  /**
   * The claims of a valid token. Throws TokenRejectedError with jose's error code as the reason
   * (`ERR_JWT_EXPIRED`, `ERR_JWS_SIGNATURE_VERIFICATION_FAILED`, `ERR_JOSE_ALG_NOT_ALLOWED`, …).
   */
  verify(token: string): Promise<SessionClaims>;
}

/** Options of the session-token service. */
export interface SessionTokenOptions {
  /** AUTH_SECRET, at least 32 bytes (anything shorter, or none, is refused). */
  readonly secret: string | undefined;
  /** "Now", for `iat` and expiry checks. */
  readonly now: () => Date;
}

const seconds = (date: Date): number => Math.floor(date.getTime() / 1000);

/** The session-token service over AUTH_SECRET; `alg`, `iss` and `aud` are pinned on verification. */
export function createSessionTokens({ secret, now }: SessionTokenOptions): SessionTokens {
  const key = new TextEncoder().encode(secret ?? '');
  if (key.byteLength < MIN_SECRET_BYTES) throw new Error(`AUTH_SECRET must be at least ${MIN_SECRET_BYTES} bytes`);
  // HMAC through WebCrypto is a thread-pool job per request (a tenth of a light list's CPU in the profile): a token
  // verified once is believed, by its exact text, until its own `exp`.
  const verified = new LRUCache<string, { readonly claims: SessionClaims; readonly expiresAtMs: number }>({
    max: VERIFIED_TOKEN_CACHE_SIZE,
  });
  return {
    sign({ userId, sessionId }, expiresAt) {
      return new SignJWT({ sid: sessionId })
        .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
        .setSubject(userId)
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt(seconds(now()))
        .setExpirationTime(seconds(expiresAt))
        .sign(key);
    },
    async verify(token) {
      const known = verified.get(token);
      if (known && known.expiresAtMs > now().getTime()) return known.claims;
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: [ALGORITHM],
          issuer: TOKEN_ISSUER,
          audience: TOKEN_AUDIENCE,
          requiredClaims: ['sub', 'sid', 'exp'],
          currentDate: now(),
        });
        const { sub, sid, exp } = payload;
        if (typeof sub !== 'string' || typeof sid !== 'string')
          throw new TokenRejectedError('ERR_JWT_CLAIM_VALIDATION_FAILED');
        const claims = { userId: sub, sessionId: sid };
        // `exp` is required above; jose refuses a token at or past it, so it is believed strictly before.
        verified.set(token, { claims, expiresAtMs: (exp as number) * 1000 });
        return claims;
      } catch (error) {
        if (error instanceof TokenRejectedError) throw error;
        throw new TokenRejectedError(error instanceof errors.JOSEError ? error.code : 'ERR_JWT_INVALID');
      }
    },
  };
}
