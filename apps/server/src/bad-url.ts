import type { IncomingMessage } from 'node:http';

/** Longest path segment routed as it is (Fastify's `maxParamLength`); longer ones are not found. */
export const MAX_SEGMENT_LENGTH = 100;

/** Where a request whose address cannot be routed is sent, so it takes the app's one error path. */
export const BAD_URL_ROUTE = '/__unroutable';

/** Why an address cannot be routed: it is not valid percent-encoding, or a segment is longer than any id. */
export type BadUrlKind = 'malformed' | 'too-long';

/** Why `url` (path and query) cannot be routed, or null when it can. */
export function badUrlKind(url: string): BadUrlKind | null {
  const path = url.split('?')[0] ?? '';
  // The common case, cheaply: nothing to decode, and no segment can be longer than the whole path.
  if (path.length <= MAX_SEGMENT_LENGTH && !path.includes('%')) return null;
  try {
    decodeURIComponent(path);
  } catch {
    return 'malformed';
  }
  return path.split('/').some((segment) => segment.length > MAX_SEGMENT_LENGTH) ? 'too-long' : null;
}

/**
 * Fastify's `rewriteUrl`: an address the router would answer with Fastify's own default body (bad
 * percent-encoding, a parameter over 100 characters) goes to {@link BAD_URL_ROUTE} instead, so it gets the contract's
 * error shape with security headers, CORS, request id and a log line like any other error.
 */
export function rewriteBadUrl(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const kind = badUrlKind(url);
  return kind ? `${BAD_URL_ROUTE}?kind=${kind}` : url;
}
