import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a refresh token names: a session (a sign-in, the family of all its refresh tokens) and a generation of it. */
export interface RefreshClaims {
  readonly sessionId: string;
  readonly generation: number;
}

/** Signs and reads the refresh tokens kept in the `HttpOnly` cookie. */
export interface RefreshTokens {
  /** The token of `claims`: `<session id>.<generation>.<HMAC-SHA256>`, base64url. */
  sign(claims: RefreshClaims): string;
  /** The claims of a token this server signed; null for anything else (no side effect on any session). */
  read(token: string): RefreshClaims | null;
}

const SHAPE = /^([0-9a-f-]{36})\.(\d{1,9})\.([\w-]{43})$/;

/**
 * Refresh tokens MAC'd with a key derived from AUTH_SECRET (a different key from the access tokens'). The token holds
 * no secret of its own: what makes a replay detectable is the generation, which the sessions table moves on by one at
 * each use. A forged or damaged token is refused before the database is asked, so it cannot revoke anyone's session.
 */
export function createRefreshTokens(secret: string): RefreshTokens {
  const key = createHmac('sha256', secret).update('uksmr refresh-cookie v1').digest();
  const mac = (body: string): string => createHmac('sha256', key).update(body).digest('base64url');
  return {
    sign({ sessionId, generation }) {
      const body = `${sessionId}.${generation}`;
      return `${body}.${mac(body)}`;
    },
    read(token) {
      const match = SHAPE.exec(token);
      if (!match) return null;
      const [, sessionId, generation, given] = match;
      const expected = Buffer.from(mac(`${sessionId}.${generation}`));
      if (!timingSafeEqual(expected, Buffer.from(given))) return null;
      return { sessionId, generation: Number(generation) };
    },
  };
}
