import { Buffer } from 'node:buffer';
import { configIssue, type ConfigIssue } from './errors.js';
import type { ConfigValues, VariableName } from './variables.js';

/** A combination of well-formed values the server refuses to start with. */
export interface Refusal {
  /** The variable to fix. */
  readonly variable: VariableName;
  /** What it must be, including when the rule applies. */
  readonly expected: string;
  /** Whether `values` break the rule. */
  refuses(values: ConfigValues): boolean;
}

const MIN_SECRET_LENGTH = 32;
/** Least estimated entropy of a production AUTH_SECRET, in bits (32 random hex characters score about 110, `aaaa…` 0). */
export const MIN_SECRET_ENTROPY_BITS = 80;

/**
 * An estimate of the entropy of `secret` in bits: its length times the Shannon entropy of its own characters.
 * It cannot prove a secret random, but it tells `aaaa…`, `abab…` or a repeated word from a generated key.
 */
export function estimatedEntropyBits(secret: string): number {
  const characters = [...secret];
  const counts = new Map<string, number>();
  for (const character of characters) counts.set(character, (counts.get(character) ?? 0) + 1);
  let perCharacter = 0;
  for (const count of counts.values()) {
    const p = count / characters.length;
    perCharacter -= p * Math.log2(p);
  }
  return perCharacter * characters.length;
}

const isProduction = (values: ConfigValues): boolean => values.ENVIRONMENT_MODE === 'production';

/**
 * Every start-up refusal. A feature that cannot work without its settings is refused in every mode; weak secrets
 * and open CORS origins only in production.
 */
export const refusals: readonly Refusal[] = Object.freeze([
  {
    variable: 'DATABASE_URL',
    expected: 'a postgres:// or postgresql:// URL when ENABLE_SUPABASE is on',
    refuses: (values) => values.ENABLE_SUPABASE && values.DATABASE_URL === undefined,
  },
  {
    variable: 'CLERK_PUBLISHABLE_KEY',
    expected: 'a Clerk publishable key when AUTH_PROVIDER=clerk',
    refuses: (values) => values.AUTH_PROVIDER === 'clerk' && values.CLERK_PUBLISHABLE_KEY === undefined,
  },
  {
    variable: 'CLERK_JWT_KEY',
    expected: 'a PEM public key, or CLERK_SECRET_KEY, when AUTH_PROVIDER=clerk',
    refuses: (values) =>
      values.AUTH_PROVIDER === 'clerk' && values.CLERK_JWT_KEY === undefined && values.CLERK_SECRET_KEY === undefined,
  },
  {
    variable: 'STRIPE_SECRET_KEY',
    expected: 'a Stripe secret key when ENABLE_PAYMENTS is on',
    refuses: (values) => values.ENABLE_PAYMENTS && values.STRIPE_SECRET_KEY === undefined,
  },
  {
    variable: 'STRIPE_WEBHOOK_SECRET',
    expected: 'a Stripe webhook signing secret when ENABLE_PAYMENTS is on',
    refuses: (values) => values.ENABLE_PAYMENTS && values.STRIPE_WEBHOOK_SECRET === undefined,
  },
  {
    variable: 'AUTH_SECRET',
    expected: `a random secret of at least ${MIN_SECRET_LENGTH} bytes in production with AUTH_PROVIDER=local (e.g. openssl rand -hex 32)`,
    refuses: (values) =>
      isProduction(values) &&
      values.AUTH_PROVIDER === 'local' &&
      (Buffer.byteLength(values.AUTH_SECRET ?? '') < MIN_SECRET_LENGTH ||
        estimatedEntropyBits(values.AUTH_SECRET ?? '') < MIN_SECRET_ENTROPY_BITS),
  },
  {
    variable: 'CRON_SECRET',
    expected: `a secret of at least ${MIN_SECRET_LENGTH} characters in production`,
    refuses: (values) => isProduction(values) && (values.CRON_SECRET ?? '').length < MIN_SECRET_LENGTH,
  },
  {
    variable: 'METRICS_SECRET',
    expected: `unset, or a secret of at least ${MIN_SECRET_LENGTH} characters in production`,
    refuses: (values) =>
      isProduction(values) && values.METRICS_SECRET !== undefined && values.METRICS_SECRET.length < MIN_SECRET_LENGTH,
  },
  {
    variable: 'ALLOWED_ORIGINS',
    expected: 'https:// origins only in production (no * and no http://)',
    refuses: (values) =>
      isProduction(values) && values.ALLOWED_ORIGINS.some((origin) => origin === '*' || origin.startsWith('http://')),
  },
]);

/** The issues of every refusal that `values` break, in the order of `refusals`. */
export function findRefusals(values: ConfigValues): ConfigIssue[] {
  return refusals
    .filter((refusal) => refusal.refuses(values))
    .map((refusal) => configIssue(refusal.variable, refusal.expected));
}
