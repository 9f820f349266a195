import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema, configVariables, loadConfig } from '../src/index.js';
import { PRODUCTION, load, tempDir } from './support.js';

const version = (await import('../../../package.json', { with: { type: 'json' } })).default.version;

describe('defaults per mode', () => {
  it('dev: local, embedded database, everything off', () => {
    const cwd = tempDir();
    const config = loadConfig({}, { cwd, envFile: false });
    expect({ ...config, authSecret: undefined }).toEqual({
      port: 3000,
      host: '127.0.0.1',
      environmentMode: 'dev',
      databaseUrl: undefined,
      dataDir: join(cwd, 'data'),
      enableSupabase: false,
      enablePayments: false,
      flags: {
        ENABLE_SUPABASE: { value: false, source: 'preset' },
        ENABLE_PAYMENTS: { value: false, source: 'preset' },
      },
      authProvider: 'local',
      authSecret: undefined,
      clerkSecretKey: undefined,
      clerkJwtKey: undefined,
      clerkPublishableKey: undefined,
      stripeSecretKey: undefined,
      stripeWebhookSecret: undefined,
      stripeApiBase: undefined,
      geminiApiKey: undefined,
      geminiApiBase: undefined,
      geminiModel: 'gemini-2.5-flash',
      geminiTimeoutMs: 60_000,
      reportPriceGbp: 2.99,
      reportPricePence: 299,
      cronSecret: undefined,
      cronMode: 'internal',
      appUrl: 'http://localhost:3000',
      reportsPerUserPerDay: 20,
      followUpsPerReport: 10,
      allowedOrigins: ['http://localhost:3000'],
      rateLimitEnabled: true,
      rateLimitRequestsPerMinute: 100,
      redisUrl: undefined,
      trustProxy: false,
      logLevel: 'debug',
      logDir: join(cwd, 'logs'),
      logMaxSizeMb: 100,
      logRotationDays: 1,
      operatorName: 'UK Study & Migration Research',
      operatorContactEmail: undefined,
      logRetentionDays: 30,
      version,
    });
    expect(config.authSecret).toMatch(/^[\w-]{43}$/);
  });

  it('test: Supabase on (so DATABASE_URL is needed), payments off, debug logs', () => {
    const config = load({ ENVIRONMENT_MODE: 'test', DATABASE_URL: 'postgres://localhost:5432/app' });
    expect(config).toMatchObject({
      environmentMode: 'test',
      host: '127.0.0.1',
      databaseUrl: 'postgres://localhost:5432/app',
      enableSupabase: true,
      enablePayments: false,
      flags: {
        ENABLE_SUPABASE: { value: true, source: 'preset' },
        ENABLE_PAYMENTS: { value: false, source: 'preset' },
      },
      authProvider: 'local',
      logLevel: 'debug',
    });
    expect(config.authSecret).toMatch(/^[\w-]{43}$/);
  });

  it('production: all interfaces, both flags on, error logs, no generated secret', () => {
    const config = load(PRODUCTION);
    expect(config).toMatchObject({
      environmentMode: 'production',
      host: '0.0.0.0',
      port: 3000,
      enableSupabase: true,
      enablePayments: true,
      flags: {
        ENABLE_SUPABASE: { value: true, source: 'preset' },
        ENABLE_PAYMENTS: { value: true, source: 'preset' },
      },
      authProvider: 'local',
      authSecret: PRODUCTION.AUTH_SECRET,
      logLevel: 'warn',
      trustProxy: false,
      appUrl: 'http://localhost:3000',
      cronMode: 'internal',
    });
  });

  it('APP_URL follows PORT', () => {
    expect(load({ PORT: '8080' }).appUrl).toBe('http://localhost:8080');
  });

  it('every documented default is valid in its mode', () => {
    for (const mode of ['dev', 'test', 'production'] as const) {
      const defaults = Object.fromEntries(
        configVariables.map(({ name, defaults }) => [name, defaults[mode]?.replace('$PORT', '3000')]),
      );
      expect(configSchema.safeParse(defaults).success, mode).toBe(true);
    }
  });
});

describe('the variable table', () => {
  it('covers every variable of the contract, in its order', () => {
    expect(configVariables.map(({ name }) => name)).toEqual([
      'PORT',
      'HOST',
      'ENVIRONMENT_MODE',
      'DATABASE_URL',
      'DATABASE_LISTEN_URL',
      'DATA_DIR',
      'ENABLE_SUPABASE',
      'ENABLE_PAYMENTS',
      'AUTH_PROVIDER',
      'AUTH_SECRET',
      'CLERK_SECRET_KEY',
      'CLERK_JWT_KEY',
      'CLERK_PUBLISHABLE_KEY',
      'STRIPE_SECRET_KEY',
      'STRIPE_WEBHOOK_SECRET',
      'STRIPE_API_BASE',
      'GEMINI_API_KEY',
      'GEMINI_API_BASE',
      'GEMINI_MODEL',
      'GEMINI_TIMEOUT_MS',
      'REPORT_PRICE_GBP',
      'CRON_SECRET',
      'METRICS_SECRET',
      'CRON_MODE',
      'APP_URL',
      'REPORTS_PER_USER_PER_DAY',
      'FOLLOW_UPS_PER_REPORT',
      'ALLOWED_ORIGINS',
      'RATE_LIMIT_ENABLED',
      'RATE_LIMIT_REQUESTS_PER_MINUTE',
      'REDIS_URL',
      'TRUST_PROXY',
      'LOG_LEVEL',
      'LOG_DIR',
      'LOG_MAX_SIZE_MB',
      'LOG_ROTATION_DAYS',
      'LOG_RETENTION_DAYS',
      'OPERATOR_NAME',
      'OPERATOR_CONTACT_EMAIL',
    ]);
    expect(Object.keys(configSchema.shape)).toEqual(configVariables.map(({ name }) => name));
  });

  it('describes every variable and is frozen', () => {
    for (const variable of configVariables) {
      expect(variable.description, variable.name).toMatch(/\S/);
      expect(variable.required, variable.name).toMatch(/\S/);
      expect(variable.expected, variable.name).toMatch(/\S/);
      expect(Object.isFrozen(variable)).toBe(true);
    }
    expect(Object.isFrozen(configVariables)).toBe(true);
  });
});
