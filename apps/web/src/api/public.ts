import { send, sendJson } from './http.js';
import type { AppConfig, AuthResult } from './types.js';

/** `GET /config`: the runtime settings (auth provider, payments, price). */
export async function fetchConfig(): Promise<AppConfig> {
  const config = await sendJson<AppConfig>('/config');
  return { ...config, price_gbp: Number(config.price_gbp) };
}

/** `POST /auth/signup`: a new local account (409 when the email is taken). */
export function signUp(email: string, password: string): Promise<AuthResult> {
  return sendJson<AuthResult>('/auth/signup', { method: 'POST', body: { email, password } });
}

/** `POST /auth/login` (401 for an unknown email or a wrong password). */
export function logIn(email: string, password: string): Promise<AuthResult> {
  return sendJson<AuthResult>('/auth/login', { method: 'POST', body: { email, password } });
}

/**
 * `POST /auth/refresh` without a Bearer token: the browser sends the `HttpOnly` refresh cookie (same origin), the
 * server rotates it and answers a new access token and the user (401 when this browser is not signed in).
 */
export function refreshFromCookie(): Promise<AuthResult> {
  return sendJson<AuthResult>('/auth/refresh', { method: 'POST' });
}

/** `DELETE /auth/refresh`: ends the sign-in of this browser's refresh cookie, which needs no valid access token. */
export async function endCookieSession(): Promise<void> {
  await send('/auth/refresh', { method: 'DELETE' });
}

/** `POST /auth/logout`: the token is refused from now on. */
export async function logOut(token: string): Promise<void> {
  await send('/auth/logout', { method: 'POST', token });
}
