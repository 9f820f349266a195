import {
  BOOLEAN_EXPECTATION,
  ENVIRONMENT_MODES,
  FLAG_PRESETS,
  type EnvironmentMode,
  type FeatureFlag,
} from '@uksmr/feature-flags';
import { z } from 'zod';
import {
  boolean,
  httpUrl,
  integer,
  money,
  originList,
  pemPublicKey,
  positiveNumber,
  postgresUrl,
  redisUrl,
  text,
  trustProxy,
} from './fields.js';

/** The default text of a variable in each mode; `undefined` where it has none. `$PORT` stands for the port. */
export type ModeDefaults = Readonly<Record<EnvironmentMode, string | undefined>>;

/** Whether a default refers to another variable (`$PORT`), so it is valid only when that one is. */
export function isDerivedDefault(value: string | undefined): boolean {
  return value?.includes('$') === true;
}

/** What the documentation says about one variable. */
export interface VariableDocs {
  /** What the variable does, in one sentence. */
  readonly description: string;
  /** When it must be set: `optional`, or the condition that requires it (e.g. `required in production`). */
  readonly required: string;
  /** Its default in each mode. */
  readonly defaults: ModeDefaults;
  /** The form its value must take, as error messages put it after `expected`. */
  readonly expected: string;
}

/** One environment variable: its documentation and the Zod schema that reads its text. */
export interface VariableDefinition<Schema extends z.ZodType<unknown, string | undefined>> extends VariableDocs {
  readonly schema: Schema;
}

function define<Schema extends z.ZodType<unknown, string | undefined>>(
  definition: VariableDefinition<Schema>,
): VariableDefinition<Schema> {
  return definition;
}

function everyMode(value: string | undefined): ModeDefaults {
  return { dev: value, test: value, production: value };
}

function devTestAndProduction(devAndTest: string, production: string): ModeDefaults {
  return { dev: devAndTest, test: devAndTest, production };
}

function flagPresets(flag: FeatureFlag): ModeDefaults {
  return Object.fromEntries(ENVIRONMENT_MODES.map((mode) => [mode, String(FLAG_PRESETS[mode][flag])])) as Record<
    EnvironmentMode,
    string
  >;
}

const POSITIVE_INTEGER = 'a positive whole number';
const OPTIONAL = 'optional';

/** Every variable of the contract's start-up table, in its order; the single source of the schema and the docs. */
const definitions = {
  PORT: define({
    description: 'HTTP port the server listens on.',
    required: OPTIONAL,
    defaults: everyMode('3000'),
    expected: 'a whole number from 1 to 65535',
    schema: integer(1, 65535),
  }),
  HOST: define({
    description: 'Address the server binds to.',
    required: OPTIONAL,
    defaults: devTestAndProduction('127.0.0.1', '0.0.0.0'),
    expected: 'a host name or IP address',
    schema: text,
  }),
  ENVIRONMENT_MODE: define({
    description: 'Which presets and safety checks apply.',
    required: OPTIONAL,
    defaults: everyMode('dev'),
    expected: `one of ${ENVIRONMENT_MODES.join(' | ')}`,
    schema: z.enum(ENVIRONMENT_MODES),
  }),
  DATABASE_URL: define({
    description: 'PostgreSQL server (local or Supabase); unset = embedded PostgreSQL (PGlite) in DATA_DIR.',
    required: 'required when ENABLE_SUPABASE is on',
    defaults: everyMode(undefined),
    expected: 'a postgres:// or postgresql:// URL',
    schema: postgresUrl.optional(),
  }),
  DATABASE_LISTEN_URL: define({
    description:
      'Session connection for LISTEN (progress to readers on other instances): the direct or session-mode address when DATABASE_URL is a transaction-mode pooler; unset = DATABASE_URL.',
    required: OPTIONAL,
    defaults: everyMode(undefined),
    expected: 'a postgres:// or postgresql:// URL',
    schema: postgresUrl.optional(),
  }),
  DATA_DIR: define({
    description:
      'Where embedded data (PGlite, the generated dev AUTH_SECRET) lives; relative to the working directory.',
    required: OPTIONAL,
    defaults: everyMode('./data'),
    expected: 'a directory path',
    schema: text,
  }),
  ENABLE_SUPABASE: define({
    description: 'The database is Supabase (TLS, pooler-safe settings).',
    required: OPTIONAL,
    defaults: flagPresets('ENABLE_SUPABASE'),
    expected: BOOLEAN_EXPECTATION,
    schema: boolean,
  }),
  ENABLE_PAYMENTS: define({
    description: 'A Stripe payment is required before a report is generated.',
    required: OPTIONAL,
    defaults: flagPresets('ENABLE_PAYMENTS'),
    expected: BOOLEAN_EXPECTATION,
    schema: boolean,
  }),
  AUTH_PROVIDER: define({
    description: 'Who signs users in: local accounts or Clerk.',
    required: OPTIONAL,
    defaults: everyMode('local'),
    expected: 'one of local | clerk',
    schema: z.enum(['local', 'clerk']),
  }),
  AUTH_SECRET: define({
    description: 'Signing secret of local sessions; generated and kept in DATA_DIR/auth-secret when unset in dev/test.',
    required: 'required in production with AUTH_PROVIDER=local',
    defaults: everyMode(undefined),
    expected: 'a secret of at least 32 bytes',
    schema: text.optional(),
  }),
  CLERK_SECRET_KEY: define({
    description: 'Clerk secret key (sk_…).',
    required: 'with AUTH_PROVIDER=clerk: this or CLERK_JWT_KEY',
    defaults: everyMode(undefined),
    expected: 'a Clerk secret key',
    schema: text.optional(),
  }),
  CLERK_JWT_KEY: define({
    description:
      'Clerk JWT verification key (PEM; literal \\n sequences are turned into newlines), for networkless verification.',
    required: 'with AUTH_PROVIDER=clerk: this or CLERK_SECRET_KEY',
    defaults: everyMode(undefined),
    expected: 'a PEM public key (-----BEGIN PUBLIC KEY----- …)',
    schema: pemPublicKey.optional(),
  }),
  CLERK_PUBLISHABLE_KEY: define({
    description: 'Clerk publishable key (pk_…), handed to the web app.',
    required: 'required with AUTH_PROVIDER=clerk',
    defaults: everyMode(undefined),
    expected: 'a Clerk publishable key',
    schema: text.optional(),
  }),
  STRIPE_SECRET_KEY: define({
    description: 'Stripe secret key.',
    required: 'required when ENABLE_PAYMENTS is on',
    defaults: everyMode(undefined),
    expected: 'a Stripe secret key',
    schema: text.optional(),
  }),
  STRIPE_WEBHOOK_SECRET: define({
    description: 'Signing secret of the Stripe webhook endpoint (whsec_…).',
    required: 'required when ENABLE_PAYMENTS is on',
    defaults: everyMode(undefined),
    expected: 'a Stripe webhook signing secret',
    schema: text.optional(),
  }),
  STRIPE_API_BASE: define({
    description: "Override of Stripe's API address (tests, local emulators); unset = Stripe's.",
    required: OPTIONAL,
    defaults: everyMode(undefined),
    expected: 'an http:// or https:// URL',
    schema: httpUrl.optional(),
  }),
  GEMINI_API_KEY: define({
    description: 'Gemini API key; unset = the built-in knowledge-base writer.',
    required: OPTIONAL,
    defaults: everyMode(undefined),
    expected: 'a Gemini API key',
    schema: text.optional(),
  }),
  GEMINI_API_BASE: define({
    description: "Override of Gemini's API address (tests); unset = Google's.",
    required: OPTIONAL,
    defaults: everyMode(undefined),
    expected: 'an http:// or https:// URL',
    schema: httpUrl.optional(),
  }),
  GEMINI_MODEL: define({
    description: 'Gemini model name.',
    required: OPTIONAL,
    defaults: everyMode('gemini-2.5-flash'),
    expected: 'a model name',
    schema: text,
  }),
  GEMINI_TIMEOUT_MS: define({
    description: 'Longest a generation may take, in milliseconds, before the report fails.',
    required: OPTIONAL,
    defaults: everyMode('60000'),
    expected: POSITIVE_INTEGER,
    schema: integer(1),
  }),
  REPORT_PRICE_GBP: define({
    description: 'Price of one report in pounds sterling.',
    required: OPTIONAL,
    defaults: everyMode('2.99'),
    expected: 'a positive amount with at most two decimals, e.g. 2.99',
    schema: money,
  }),
  CRON_SECRET: define({
    description: 'Shared secret of the cron endpoints (Bearer or X-Cron-Secret).',
    required: 'required in production',
    defaults: everyMode(undefined),
    expected: 'a secret (at least 32 characters in production)',
    schema: text.optional(),
  }),
  METRICS_SECRET: define({
    description: 'Bearer secret of GET /metrics (Prometheus text); unset = /metrics answers 404.',
    required: OPTIONAL,
    defaults: everyMode(undefined),
    expected: 'a secret (at least 32 characters in production)',
    schema: text.optional(),
  }),
  CRON_MODE: define({
    description:
      'internal: the server schedules retention itself; external: an outside scheduler calls the cron endpoints.',
    required: OPTIONAL,
    defaults: everyMode('internal'),
    expected: 'one of internal | external',
    schema: z.enum(['internal', 'external']),
  }),
  APP_URL: define({
    description: "Public address of the web app (Stripe's return links).",
    required: OPTIONAL,
    defaults: everyMode('http://localhost:$PORT'),
    expected: 'an http:// or https:// URL',
    schema: httpUrl,
  }),
  REPORTS_PER_USER_PER_DAY: define({
    description: 'Reports one account may start in 24 hours.',
    required: OPTIONAL,
    defaults: everyMode('20'),
    expected: POSITIVE_INTEGER,
    schema: integer(1),
  }),
  FOLLOW_UPS_PER_REPORT: define({
    description: 'Follow-up questions a finished report may take, included in its price.',
    required: OPTIONAL,
    defaults: everyMode('10'),
    expected: POSITIVE_INTEGER,
    schema: integer(1),
  }),
  ALLOWED_ORIGINS: define({
    description: 'Comma-separated CORS origins; * and http:// origins are refused in production.',
    required: 'required in production (the default is http://)',
    defaults: everyMode('http://localhost:3000'),
    expected: 'comma-separated origins such as https://example.com',
    schema: originList,
  }),
  RATE_LIMIT_ENABLED: define({
    description: 'Whether requests are rate-limited.',
    required: OPTIONAL,
    defaults: everyMode('true'),
    expected: BOOLEAN_EXPECTATION,
    schema: boolean,
  }),
  RATE_LIMIT_REQUESTS_PER_MINUTE: define({
    description: 'Requests one client may make per minute.',
    required: OPTIONAL,
    defaults: everyMode('100'),
    expected: POSITIVE_INTEGER,
    schema: integer(1),
  }),
  REDIS_URL: define({
    description: 'Shared rate-limit store for several instances; unset = in-process.',
    required: OPTIONAL,
    defaults: everyMode(undefined),
    expected: 'a redis:// or rediss:// URL',
    schema: redisUrl.optional(),
  }),
  TRUST_PROXY: define({
    description:
      "Proxies whose X-Forwarded-For is believed (rate-limit and sign-in budgets key on the client address): false, a hop count, or addresses/CIDRs. On Cloud Run behind Google's front end use 1 (the front end appends the real client address); with an external Application Load Balancer in front of Cloud Run use 2.",
    required: OPTIONAL,
    defaults: everyMode('false'),
    expected: 'false, a hop count from 1 to 32, or comma-separated IP addresses/CIDRs',
    schema: trustProxy,
  }),
  LOG_LEVEL: define({
    description: 'Lowest level written to the logs.',
    required: OPTIONAL,
    defaults: devTestAndProduction('debug', 'warn'),
    expected: 'one of debug | info | warn | error',
    schema: z.enum(['debug', 'info', 'warn', 'error']),
  }),
  LOG_DIR: define({
    description: 'Directory of the rotated log files; relative to the working directory.',
    required: OPTIONAL,
    defaults: everyMode('./logs'),
    expected: 'a directory path',
    schema: text,
  }),
  LOG_MAX_SIZE_MB: define({
    description: 'Size in megabytes at which a log file is rotated.',
    required: OPTIONAL,
    defaults: everyMode('100'),
    expected: 'a positive number',
    schema: positiveNumber,
  }),
  LOG_ROTATION_DAYS: define({
    description: 'Days after which a log file is rotated.',
    required: OPTIONAL,
    defaults: everyMode('1'),
    expected: POSITIVE_INTEGER,
    schema: integer(1),
  }),
  LOG_RETENTION_DAYS: define({
    description: 'Days a rotated log file is kept.',
    required: OPTIONAL,
    defaults: everyMode('30'),
    expected: POSITIVE_INTEGER,
    schema: integer(1),
  }),
  // Additions of this project beyond the contract's table.
  OPERATOR_NAME: define({
    description:
      'Who runs this service, as the first page, the Privacy and Terms pages and the sign-in page name them.',
    required: OPTIONAL,
    defaults: everyMode('UK Study & Migration Research'),
    expected: 'a name',
    schema: text.max(120),
  }),
  OPERATOR_CONTACT_EMAIL: define({
    description:
      'Where students write for a password reset (local accounts), for erasure of their data and with questions; unset = the pages say to ask the operator.',
    required: OPTIONAL,
    defaults: everyMode(undefined),
    expected: 'an email address',
    schema: z.email().optional(),
  }),
};

/** The name of a configuration variable. */
export type VariableName = keyof typeof definitions;

type Shape = { [Name in VariableName]: (typeof definitions)[Name]['schema'] };

/** One configuration variable as the documentation lists it. */
export interface ConfigVariable extends VariableDocs {
  readonly name: VariableName;
}

/** Every configuration variable with its description, requirement, defaults per mode and expected form. */
export const configVariables: readonly ConfigVariable[] = Object.freeze(
  (Object.keys(definitions) as VariableName[]).map((name) => {
    const { description, required, defaults, expected } = definitions[name];
    return Object.freeze({ name, description, required, defaults: Object.freeze(defaults), expected });
  }),
);

/**
 * The one Zod schema of the configuration: an object of every variable, each read from its text (with the mode's
 * default already filled in) into its typed value.
 */
export const configSchema = z.object(
  Object.fromEntries(
    (Object.keys(definitions) as VariableName[]).map((name) => [name, definitions[name].schema]),
  ) as Shape,
);

/** The variables as the schema reads them, keyed by variable name. */
export type ConfigValues = z.output<typeof configSchema>;
