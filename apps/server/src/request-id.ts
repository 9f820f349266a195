import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const PLAUSIBLE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

/**
 * The request id: an incoming `X-Request-Id` kept only when it is a plausible id (8–128 characters of
 * letters, digits and `. _ : -`), otherwise a new UUID. Keeps log lines safe from injected text.
 */
export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && PLAUSIBLE_ID.test(incoming) ? incoming : randomUUID();
}
