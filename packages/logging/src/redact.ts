import { passesLuhn } from './luhn.js';

/** What every redacted value is replaced with. */
export const REDACTED = '[REDACTED]';

/** Keys redacted whole when they match exactly (after lower-casing and dropping `-`, `_` and the like). */
const SENSITIVE_KEYS = new Set(['card', 'cardnumber', 'cvc', 'cvv', 'stripesignature']);

/** Keys redacted whole when they end with one of these (`password_hash`, `x-goog-api-key`, `set-cookie` …). */
const SENSITIVE_KEY_ENDINGS = [
  'password',
  'passwordhash',
  'secret',
  'secretkey',
  'privatekey',
  'token',
  'apikey',
  'authorization',
  'cookie',
];

/** Patterns of secrets inside any string, each with what replaces a match. */
const SECRET_PATTERNS: readonly [RegExp, (match: string, ...groups: string[]) => string][] = [
  // Authorization header values: `Bearer <token>`, `Basic <credentials>`.
  [/\b(Bearer|Basic)\s+[\w\-.~+/]+=*/gi, (_match, scheme) => `${scheme} ${REDACTED}`],
  // JWTs: three base64url parts, the first a JSON header (`{"` encodes as `eyJ`).
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, () => REDACTED],
  // Stripe and Clerk secret keys, Stripe restricted keys and webhook secrets (`pk_…` keys are public).
  [/\b(?:(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{8,}|sk_[A-Za-z0-9]{16,}|whsec_[A-Za-z0-9+/=]{8,})/g, () => REDACTED],
  // `password=…` in query strings and form bodies.
  [/\b([A-Za-z][\w.-]*)=([^\s&;,"']+)/g, (match, key) => (isSensitiveKey(key) ? `${key}=${REDACTED}` : match)],
  // `"token": "…"` in JSON text.
  [
    /"([^"\\]{1,100})"(\s*:\s*)("(?:[^"\\]|\\.)*"|[^\s,}\]]+)/g,
    (match, key, colon) => (isSensitiveKey(key) ? `"${key}"${colon}"${REDACTED}"` : match),
  ],
  // Card numbers: 13–19 digits, optionally grouped by spaces or dashes, that pass the Luhn check — never a run of
  // digits inside a longer word or dashed id (a UUID's last groups, a hex id), which a letter, digit, `-` or `_` touches.
  [/(?<![\w-])\d(?:[ -]?\d){12,18}(?![\w-])/g, (match) => (passesLuhn(match.replace(/\D/g, '')) ? REDACTED : match)],
  // E-mail addresses anywhere in a string (a subject typed with one, an error message): masked as maskEmail does.
  [/[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g, (match) => maskEmail(match)],
];

/** Whether a property or header name holds a secret (case-insensitive; `-` and `_` ignored). */
export function isSensitiveKey(key: string): boolean {
  const normalized = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  return SENSITIVE_KEYS.has(normalized) || SENSITIVE_KEY_ENDINGS.some((ending) => normalized.endsWith(ending));
}

/** A string with every secret pattern (tokens, keys, JWTs, Luhn-valid card numbers …) replaced by `[REDACTED]`. */
export function redactString(text: string): string {
  return SECRET_PATTERNS.reduce((result, [pattern, replace]) => result.replace(pattern, replace), text);
}

/**
 * A copy of `value` that is safe to log: strings have their secrets replaced, properties with sensitive
 * names (at any depth) become `[REDACTED]`, errors become plain `{ type, message, stack, …, cause }` objects
 * treated the same way, and cycles become `[Circular]`. Arrays, plain objects and errors are walked; other
 * class instances (dates, buffers, requests) are returned as they are. The input is never modified.
 */
export function redact(value: unknown): unknown {
  return redactValue(value, new Set());
}

function redactValue(value: unknown, ancestors: Set<object>): unknown {
  if (typeof value === 'string') return redactString(value);
  if (typeof value !== 'object' || value === null) return value;
  if (ancestors.has(value)) return '[Circular]';
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redactValue(item, ancestors));
    if (value instanceof Error) return redactFields(errorFields(value), ancestors);
    return isPlainObject(value) ? redactFields(value, ancestors) : value;
  } finally {
    ancestors.delete(value);
  }
}

function redactFields(fields: object, ancestors: Set<object>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, field]) => [key, isSensitiveKey(key) ? REDACTED : redactValue(field, ancestors)]),
  );
}

function errorFields(error: Error): Record<string, unknown> {
  const fields: Record<string, unknown> = { type: error.constructor.name, message: error.message, stack: error.stack };
  Object.assign(fields, error);
  if (error.cause !== undefined) fields.cause = error.cause;
  if (error instanceof AggregateError) fields.errors = error.errors;
  return fields;
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** An e-mail address with all but the first character of its local part hidden: `s***@example.com`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at > 0 ? `${email[0]}***${email.slice(at)}` : '***';
}
