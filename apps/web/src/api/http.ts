import { ApiError, NetworkError, toApiError } from './errors.js';

/** Request options of `send`: a JSON body and the Bearer token, both optional. */
export interface SendOptions {
  readonly method?: 'GET' | 'POST' | 'DELETE';
  readonly body?: unknown;
  readonly token?: string | null;
  readonly accept?: string;
  readonly signal?: AbortSignal;
}

/**
 * Calls the API on the app's own origin. Resolves with the response when it is a success; throws an
 * `ApiError` (parsed from the contract's error body) otherwise, or a `NetworkError` when nothing came back.
 */
export async function send(path: string, options: SendOptions = {}): Promise<Response> {
  const headers = new Headers({ Accept: options.accept ?? 'application/json' });
  if (options.token) headers.set('Authorization', `Bearer ${options.token}`);
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new NetworkError(error);
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** `send`, then the response's JSON body. */
export async function sendJson<T>(path: string, options: SendOptions = {}): Promise<T> {
  const response = await send(path, options);
  return (await response.json()) as T;
}

/** True when the error is the API refusing the caller's token. */
export function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}
