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

/** The names of this machine's loopback address: one app on one port answers under each of them. */
const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/**
 * An origin and, when its host is a loopback name, the same scheme and port under the other loopback names: the
 * server logs `http://127.0.0.1:3000` while APP_URL defaults to `http://localhost:3000`, and a student who opened
 * the one must not be signed out on reload for not having opened the other. Only this machine can be those origins.
 */
export function withLoopbackAliases(origin: string): string[] {
  const url = new URL(origin);
  if (!LOOPBACK_HOSTS.includes(url.hostname)) return [url.origin];
  return LOOPBACK_HOSTS.map((host) => `${url.protocol}//${host}${url.port === '' ? '' : `:${url.port}`}`);
}

/**
 * True when a cookie-borne refresh comes from the web app itself: its `Origin` is APP_URL's origin (or, for a
 * loopback APP_URL, the same port under another loopback name) or one of ALLOWED_ORIGINS. Browsers send `Origin` on
 * every POST, so a missing one is refused too.
 */
export function originAllowed(origin: string | undefined, allowedOrigins: readonly string[], appUrl: string): boolean {
  if (!origin) return false;
  const allowed = new Set([
    ...allowedOrigins.map((o) => o.replace(/\/+$/, '')),
    ...withLoopbackAliases(new URL(appUrl).origin),
  ]);
  return allowed.has(origin);
}
