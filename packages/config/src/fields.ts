import { isIP } from 'node:net';
import { parseBoolean } from '@uksmr/feature-flags';
import { z } from 'zod';

/** A non-empty text value. */
export const text = z.string().min(1);

/** A whole number from `min` to `max`, written in decimal digits. */
export function integer(min: number, max = Number.MAX_SAFE_INTEGER) {
  return z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));
}

/** A number greater than zero, written in decimal digits with an optional fraction. */
export const positiveNumber = z
  .string()
  .regex(/^\d+(\.\d+)?$/)
  .transform(Number)
  .pipe(z.number().positive());

/** An amount of money greater than zero with at most two decimals, e.g. `2.99`. */
export const money = z
  .string()
  .regex(/^\d+(\.\d{1,2})?$/)
  .transform(Number)
  .pipe(z.number().positive());

/** A boolean word as read by `parseBoolean` (`true`/`false`, `1`/`0`, `yes`/`no`). */
export const boolean = z.string().transform((value, ctx) => {
  const parsed = parseBoolean(value);
  if (parsed === undefined) {
    ctx.issues.push({ code: 'custom', message: 'not a boolean', input: value });
    return z.NEVER;
  }
  return parsed;
});

const httpUrlText = z.url({ protocol: /^https?$/ });

/** An `http://` or `https://` URL, without a trailing slash. */
export const httpUrl = httpUrlText.transform((url) => url.replace(/\/+$/, ''));

/** A `postgres://` or `postgresql://` URL. */
export const postgresUrl = z.url({ protocol: /^postgres(ql)?$/ });

/** A `redis://` or `rediss://` URL. */
export const redisUrl = z.url({ protocol: /^rediss?$/ });

/** A PEM public key; literal `\n` sequences (as a one-line environment variable holds them) become newlines. */
export const pemPublicKey = z
  .string()
  .transform((key) => key.replaceAll('\\n', '\n'))
  .pipe(z.string().regex(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----$/));

/** `*` or an `http(s)://host[:port]` origin; a trailing slash is dropped. */
const origin = z.union([z.literal('*'), httpUrl.refine((url) => new URL(url).origin === url)]);

/** A comma-separated list of CORS origins, each `*` or an `http(s)://host[:port]` origin. */
export const originList = z
  .string()
  .transform((list) =>
    list
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  )
  .pipe(z.array(origin).min(1));

/** Whether `entry` is an IPv4/IPv6 address, optionally with a `/prefix` that fits its family. */
function isAddressOrCidr(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * `TRUST_PROXY`: `false` (or `0`) trusts no proxy; a whole number trusts that many hops next to the server; otherwise
 * a comma-separated list of addresses or CIDRs. `true` (trust every hop, so any client can forge its address) is refused.
 */
export const trustProxy = z.string().transform((value, ctx): false | number | string[] => {
  const trimmed = value.trim();
  if (/^(false|0|no|off)$/i.test(trimmed)) return false;
  if (/^\d+$/.test(trimmed) && Number(trimmed) <= 32) return Number(trimmed);
  const entries = trimmed
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0 || !entries.every(isAddressOrCidr)) {
    ctx.issues.push({ code: 'custom', message: 'not a hop count or address list', input: value });
    return z.NEVER;
  }
  return entries;
});
