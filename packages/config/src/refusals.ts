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
    expected: `a secret of at least ${MIN_SECRET_LENGTH} bytes in production with AUTH_PROVIDER=local`,
    refuses: (values) =>
      isProduction(values) &&
      values.AUTH_PROVIDER === 'local' &&
      Buffer.byteLength(values.AUTH_SECRET ?? '') < MIN_SECRET_LENGTH,
  },
  {
    variable: 'CRON_SECRET',
    expected: `a secret of at least ${MIN_SECRET_LENGTH} characters in production`,
    refuses: (values) => isProduction(values) && (values.CRON_SECRET ?? '').length < MIN_SECRET_LENGTH,
  },
  {
    variable: 'METRICS_SECRET',
    expected: `unset, or a secret of at least ${MIN_SECRET_LENGTH} characters in production`,
    refuses: (values) => isProduction(values) && values.METRICS_SECRET !== undefined && values.METRICS_SECRET.length < MIN_SECRET_LENGTH,
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
  return refusals.filter((refusal) => refusal.refuses(values)).map((refusal) => configIssue(refusal.variable, refusal.expected));
}
