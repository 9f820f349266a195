/**
 * The refresh cookie of local sign-ins: `HttpOnly`, `SameSite=Strict`, `Secure` in production, sent only to
 * `POST /auth/refresh`. Kept free of any cookie library: one cookie is read and written.
 */

/** Name of the refresh cookie. */
export const REFRESH_COOKIE = 'uksmr_refresh';
/** The only path the browser sends it to. */
export const REFRESH_PATH = '/auth/refresh';

/** The value of cookie `name` in a `Cookie` request header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/** Options of `refreshCookie`. */
export interface RefreshCookieOptions {
  /** `Secure` (production). */
  readonly secure: boolean;
  /** When the sign-in ends unless refreshed; null clears the cookie. */
  readonly expiresAt: Date | null;
  readonly now: Date;
}

/** A `Set-Cookie` value carrying `token` (refresh tokens are base64url and dots: no encoding needed), or clearing it. */
export function refreshCookie(token: string, { secure, expiresAt, now }: RefreshCookieOptions): string {
  const maxAge = expiresAt === null ? 0 : Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000));
  const attributes = [
    `${REFRESH_COOKIE}=${expiresAt === null ? '' : token}`,
    `Path=${REFRESH_PATH}`,
    `Max-Age=${maxAge}`,
    'HttpOnly',
    'SameSite=Strict',
  ];
  if (secure) attributes.push('Secure');
  return attributes.join('; ');
}

/**
 * True when a cookie-borne refresh comes from the web app itself: its `Origin` is APP_URL's origin or one of
 * ALLOWED_ORIGINS. Browsers send `Origin` on every POST, so a missing one is refused too.
 */
export function originAllowed(origin: string | undefined, allowedOrigins: readonly string[], appUrl: string): boolean {
  if (!origin) return false;
  const allowed = new Set([...allowedOrigins, new URL(appUrl).origin].map((o) => o.replace(/\/+$/, '')));
  return allowed.has(origin);
}
