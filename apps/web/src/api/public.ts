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

/** `POST /auth/refresh`: a new token for a still valid one. */
export async function refreshSession(token: string): Promise<string> {
  return (await sendJson<{ token: string }>('/auth/refresh', { method: 'POST', token })).token;
}

/** `POST /auth/logout`: the token is refused from now on. */
export async function logOut(token: string): Promise<void> {
  await send('/auth/logout', { method: 'POST', token });
}
