import { resolve } from 'node:path';
import type { EnvironmentMode, ResolvedFlags } from '@uksmr/feature-flags';
import type { ConfigValues } from './variables.js';

/** `AUTH_PROVIDER`: who signs users in. */
export type AuthProvider = ConfigValues['AUTH_PROVIDER'];

/** `CRON_MODE`: who runs the retention jobs. */
export type CronMode = ConfigValues['CRON_MODE'];

/** `LOG_LEVEL`: the lowest level written. */
export type LogLevel = ConfigValues['LOG_LEVEL'];

/** The validated, deeply frozen configuration; each field is named after its variable in camelCase. */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly environmentMode: EnvironmentMode;
  /** Unset: embedded PostgreSQL (PGlite) in `dataDir`. */
  readonly databaseUrl?: string;
  /** Unset: LISTEN over `databaseUrl`. */
  readonly databaseListenUrl?: string;
  /** Absolute. */
  readonly dataDir: string;
  /** Same as `flags.ENABLE_SUPABASE.value`. */
  readonly enableSupabase: boolean;
  /** Same as `flags.ENABLE_PAYMENTS.value`. */
  readonly enablePayments: boolean;
  /** Both flags with their origin, for `createFeatureFlags`. */
  readonly flags: ResolvedFlags;
  readonly authProvider: AuthProvider;
  /** Always set when `authProvider` is `local` (generated in dev/test); set with `clerk` only if given. */
  readonly authSecret?: string;
  readonly clerkSecretKey?: string;
  /** PEM with real newlines. */
  readonly clerkJwtKey?: string;
  readonly clerkPublishableKey?: string;
  readonly stripeSecretKey?: string;
  readonly stripeWebhookSecret?: string;
  /** Without a trailing slash; unset: Stripe's own address. */
  readonly stripeApiBase?: string;
  /** Unset: the built-in knowledge-base writer. */
  readonly geminiApiKey?: string;
  /** Without a trailing slash; unset: Google's own address. */
  readonly geminiApiBase?: string;
  readonly geminiModel: string;
  readonly geminiTimeoutMs: number;
  readonly reportPriceGbp: number;
  /** `reportPriceGbp` in pence, e.g. 299 (what Stripe's `unit_amount` takes). */
  readonly reportPricePence: number;
  readonly cronSecret?: string;
  /** Unset: `GET /metrics` answers 404. */
  readonly metricsSecret?: string;
  readonly cronMode: CronMode;
  /** Without a trailing slash. */
  readonly appUrl: string;
  readonly reportsPerUserPerDay: number;
  /** FOLLOW_UPS_PER_REPORT: follow-up questions one completed report may take. */
  readonly followUpsPerReport: number;
  /** OPERATOR_NAME: who runs the service. */
  readonly operatorName: string;
  /** OPERATOR_CONTACT_EMAIL; unset: no address to show. */
  readonly operatorContactEmail?: string;
  /** Each `*` or an origin such as `https://example.com`. */
  readonly allowedOrigins: readonly string[];
  readonly rateLimitEnabled: boolean;
  readonly rateLimitRequestsPerMinute: number;
  /** Unset: an in-process rate-limit store. */
  readonly redisUrl?: string;
  /** Fastify's `trustProxy`: `false`, a hop count, or trusted addresses/CIDRs. */
  readonly trustProxy: false | number | readonly string[];
  readonly logLevel: LogLevel;
  /** Absolute. */
  readonly logDir: string;
  readonly logMaxSizeMb: number;
  readonly logRotationDays: number;
  readonly logRetentionDays: number;
  /** The application version (root package.json). */
  readonly version: string;
}

/** What `toAppConfig` needs besides the parsed variables. */
export interface AppConfigContext {
  /** Resolved flags of the mode. */
  readonly flags: ResolvedFlags;
  /** Directory relative paths start from. */
  readonly cwd: string;
  /** The `AUTH_SECRET` to use (given or generated). */
  readonly authSecret: string | undefined;
  /** The application version. */
  readonly version: string;
}

/** Turns parsed variables into the frozen `AppConfig`. */
export function toAppConfig(values: ConfigValues, context: AppConfigContext): AppConfig {
  const { flags, cwd, authSecret, version } = context;
  return Object.freeze({
    port: values.PORT,
    host: values.HOST,
    environmentMode: values.ENVIRONMENT_MODE,
    databaseUrl: values.DATABASE_URL,
    databaseListenUrl: values.DATABASE_LISTEN_URL,
    dataDir: resolve(cwd, values.DATA_DIR),
    enableSupabase: flags.ENABLE_SUPABASE.value,
    enablePayments: flags.ENABLE_PAYMENTS.value,
    flags,
    authProvider: values.AUTH_PROVIDER,
    authSecret,
    clerkSecretKey: values.CLERK_SECRET_KEY,
    clerkJwtKey: values.CLERK_JWT_KEY,
    clerkPublishableKey: values.CLERK_PUBLISHABLE_KEY,
    stripeSecretKey: values.STRIPE_SECRET_KEY,
    stripeWebhookSecret: values.STRIPE_WEBHOOK_SECRET,
    stripeApiBase: values.STRIPE_API_BASE,
    geminiApiKey: values.GEMINI_API_KEY,
    geminiApiBase: values.GEMINI_API_BASE,
    geminiModel: values.GEMINI_MODEL,
    geminiTimeoutMs: values.GEMINI_TIMEOUT_MS,
    reportPriceGbp: values.REPORT_PRICE_GBP,
    reportPricePence: Math.round(values.REPORT_PRICE_GBP * 100),
    cronSecret: values.CRON_SECRET,
    metricsSecret: values.METRICS_SECRET,
    cronMode: values.CRON_MODE,
    appUrl: values.APP_URL,
    reportsPerUserPerDay: values.REPORTS_PER_USER_PER_DAY,
    followUpsPerReport: values.FOLLOW_UPS_PER_REPORT,
    operatorName: values.OPERATOR_NAME,
    operatorContactEmail: values.OPERATOR_CONTACT_EMAIL,
    allowedOrigins: Object.freeze([...values.ALLOWED_ORIGINS]),
    rateLimitEnabled: values.RATE_LIMIT_ENABLED,
    rateLimitRequestsPerMinute: values.RATE_LIMIT_REQUESTS_PER_MINUTE,
    redisUrl: values.REDIS_URL,
    trustProxy: Array.isArray(values.TRUST_PROXY) ? Object.freeze([...values.TRUST_PROXY]) : values.TRUST_PROXY,
    logLevel: values.LOG_LEVEL,
    logDir: resolve(cwd, values.LOG_DIR),
    logMaxSizeMb: values.LOG_MAX_SIZE_MB,
    logRotationDays: values.LOG_ROTATION_DAYS,
    logRetentionDays: values.LOG_RETENTION_DAYS,
    version,
  });
}
