import { format } from 'node:util';
import { redact, redactString } from './redact.js';

/**
 * A log call's arguments rewritten so that the message pino prints is already redacted: printf-style
 * arguments are redacted and formatted with `util.format` before the whole message is redacted, and the
 * message pino would take from an error (`log.error(err)`, `log.error({ err })`) is passed explicitly,
 * redacted. The merging object is left for the `formatters.log` hook.
 */
export function redactLogArguments(args: readonly unknown[]): unknown[] {
  const [first, ...rest] = args;
  if (typeof first !== 'object') return redactMessage(args);
  if (rest.length > 0) return [first, ...redactMessage(rest)];
  const implied = impliedMessage(first);
  return implied === undefined ? [first] : [first, redactString(implied)];
}

function redactMessage(args: readonly unknown[]): unknown[] {
  const [message, ...params] = args;
  if (typeof message !== 'string') return [...args];
  return [redactString(params.length === 0 ? message : format(message, ...params.map(redact)))];
}

/** The message pino uses when a call passes an error but no message. */
function impliedMessage(first: object | null): string | undefined {
  if (first instanceof Error) return first.message;
  const { err, msg } = (first ?? {}) as { err?: { message?: unknown } | null; msg?: unknown };
  return msg === undefined && typeof err?.message === 'string' ? err.message : undefined;
}
