import { SignJWT, errors, jwtVerify } from 'jose';
import { TokenRejectedError } from './errors.js';

/** `iss` of every local session token. */
export const TOKEN_ISSUER = 'uksmr-server';
/** `aud` of every local session token. */
export const TOKEN_AUDIENCE = 'uksmr-api';
/** The only algorithm local tokens are signed and accepted with. */
const ALGORITHM = 'HS256';
/** Shortest accepted signing secret, in bytes. */
const MIN_SECRET_BYTES = 32;

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
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: [ALGORITHM],
          issuer: TOKEN_ISSUER,
          audience: TOKEN_AUDIENCE,
          requiredClaims: ['sub', 'sid', 'exp'],
          currentDate: now(),
        });
        const { sub, sid } = payload;
        if (typeof sub !== 'string' || typeof sid !== 'string') throw new TokenRejectedError('ERR_JWT_CLAIM_VALIDATION_FAILED');
        return { userId: sub, sessionId: sid };
      } catch (error) {
        if (error instanceof TokenRejectedError) throw error;
        throw new TokenRejectedError(error instanceof errors.JOSEError ? error.code : 'ERR_JWT_INVALID');
      }
    },
  };
}
