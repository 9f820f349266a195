import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/index.js';
import { load, thrown } from './support.js';

describe('reading values', () => {
  it('reads every variable into its typed field', () => {
    const config = load({
      PORT: '8080',
      HOST: '::',
      DATABASE_URL: 'postgres://u:p@localhost:5432/db',
      DATA_DIR: '/srv/data',
      ENABLE_SUPABASE: 'YES',
      ENABLE_PAYMENTS: '1',
      AUTH_SECRET: 'short is fine in dev',
      STRIPE_SECRET_KEY: 'sk_test_1',
      STRIPE_WEBHOOK_SECRET: 'whsec_1',
      STRIPE_API_BASE: 'http://127.0.0.1:12111/',
      GEMINI_API_KEY: 'gk',
      GEMINI_API_BASE: 'http://127.0.0.1:9999',
      GEMINI_MODEL: 'gemini-2.5-pro',
      GEMINI_TIMEOUT_MS: '1500',
      REPORT_PRICE_GBP: '4.5',
      CRON_SECRET: 'cron',
      CRON_MODE: 'external',
      APP_URL: 'https://app.example.com/',
      REPORTS_PER_USER_PER_DAY: '3',
      ALLOWED_ORIGINS: ' https://a.example.com/ , http://localhost:5173,,',
      RATE_LIMIT_ENABLED: 'false',
      RATE_LIMIT_REQUESTS_PER_MINUTE: '7',
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      TRUST_PROXY: '1',
      LOG_LEVEL: 'warn',
      LOG_DIR: '/var/log/uksmr',
      LOG_MAX_SIZE_MB: '0.5',
      LOG_ROTATION_DAYS: '2',
      LOG_RETENTION_DAYS: '7',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '::',
      databaseUrl: 'postgres://u:p@localhost:5432/db',
      dataDir: '/srv/data',
      enableSupabase: true,
      enablePayments: true,
      flags: {
        ENABLE_SUPABASE: { value: true, source: 'environment' },
        ENABLE_PAYMENTS: { value: true, source: 'environment' },
      },
      authSecret: 'short is fine in dev',
      stripeApiBase: 'http://127.0.0.1:12111',
      geminiApiKey: 'gk',
      geminiApiBase: 'http://127.0.0.1:9999',
      geminiModel: 'gemini-2.5-pro',
      geminiTimeoutMs: 1500,
      reportPriceGbp: 4.5,
      reportPricePence: 450,
      cronSecret: 'cron',
      cronMode: 'external',
      appUrl: 'https://app.example.com',
      reportsPerUserPerDay: 3,
      allowedOrigins: ['https://a.example.com', 'http://localhost:5173'],
      rateLimitEnabled: false,
      rateLimitRequestsPerMinute: 7,
      redisUrl: 'redis://127.0.0.1:6379/0',
      trustProxy: 1,
      logLevel: 'warn',
      logDir: '/var/log/uksmr',
      logMaxSizeMb: 0.5,
      logRotationDays: 2,
      logRetentionDays: 7,
    });
  });

  it('turns price into whole pence without float drift', () => {
    expect(load({ REPORT_PRICE_GBP: '0.29' }).reportPricePence).toBe(29);
    expect(load({ REPORT_PRICE_GBP: '10' }).reportPricePence).toBe(1000);
  });

  it('turns literal \\n in CLERK_JWT_KEY into newlines', () => {
    const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' });
    const oneLine = pem.toString().trim().replaceAll('\n', '\\n');
    const config = load({ AUTH_PROVIDER: 'clerk', CLERK_PUBLISHABLE_KEY: 'pk_test_x', CLERK_JWT_KEY: oneLine });
    expect(config.clerkJwtKey).toBe(pem.toString().trim());
    expect(config.authProvider).toBe('clerk');
    expect(config.clerkPublishableKey).toBe('pk_test_x');
  });

  it('trims values and treats blank ones as unset', () => {
    const config = load({ PORT: ' 4000 ', GEMINI_API_KEY: '   ', DATABASE_URL: '', LOG_LEVEL: '\tinfo\n' });
    expect(config.port).toBe(4000);
    expect(config.geminiApiKey).toBeUndefined();
    expect(config.databaseUrl).toBeUndefined();
    expect(config.logLevel).toBe('info');
  });

  it.each([
    ['false', false],
    ['0', false],
    ['2', 2],
    ['10.0.0.0/8, 192.168.1.7 ,::1,fd00::/8', ['10.0.0.0/8', '192.168.1.7', '::1', 'fd00::/8']],
  ])('reads TRUST_PROXY=%s', (value, expected) => {
    const config = load({ TRUST_PROXY: value });
    expect(config.trustProxy).toEqual(expected);
    expect(Object.isFrozen(config.trustProxy)).toBe(true);
  });

  it.each(['true', '33', '10.0.0.0/33', '::1/129', '10.0.0.1/8/1', 'proxy.example.com', '10.0.0.1/x', ','])(
    'refuses TRUST_PROXY=%s',
    (value) => {
      expect(String(thrown(() => load({ TRUST_PROXY: value })))).toContain('TRUST_PROXY: expected false, a hop count');
    },
  );

  it('accepts * as an origin outside production', () => {
    expect(load({ ALLOWED_ORIGINS: '*' }).allowedOrigins).toEqual(['*']);
  });

  it('returns a deeply frozen object', () => {
    const config = load({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.flags)).toBe(true);
    expect(Object.isFrozen(config.flags.ENABLE_PAYMENTS)).toBe(true);
    expect(Object.isFrozen(config.allowedOrigins)).toBe(true);
    expect(() => {
      (config as { port: number }).port = 1;
    }).toThrow(TypeError);
  });
});

describe('malformed values', () => {
  it.each([
    ['PORT', '0', 'PORT: expected a whole number from 1 to 65535'],
    ['PORT', '65536', 'PORT: expected a whole number from 1 to 65535'],
    ['PORT', '80a', 'PORT: expected a whole number from 1 to 65535'],
    ['ENVIRONMENT_MODE', 'prod', 'ENVIRONMENT_MODE: expected one of dev | test | production'],
    ['DATABASE_URL', 'mysql://localhost/db', 'DATABASE_URL: expected a postgres:// or postgresql:// URL'],
    ['DATABASE_URL', 'not a url', 'DATABASE_URL: expected a postgres:// or postgresql:// URL'],
    ['ENABLE_SUPABASE', 'on', 'ENABLE_SUPABASE: expected a boolean: true | false | 1 | 0 | yes | no'],
    ['ENABLE_PAYMENTS', 'maybe', 'ENABLE_PAYMENTS: expected a boolean: true | false | 1 | 0 | yes | no'],
    ['AUTH_PROVIDER', 'auth0', 'AUTH_PROVIDER: expected one of local | clerk'],
    ['CLERK_JWT_KEY', 'not-a-pem', 'CLERK_JWT_KEY: expected a PEM public key (-----BEGIN PUBLIC KEY----- …)'],
    ['STRIPE_API_BASE', 'ftp://x', 'STRIPE_API_BASE: expected an http:// or https:// URL'],
    ['GEMINI_API_BASE', 'localhost:9999', 'GEMINI_API_BASE: expected an http:// or https:// URL'],
    ['GEMINI_TIMEOUT_MS', '-5', 'GEMINI_TIMEOUT_MS: expected a positive whole number'],
    ['REPORT_PRICE_GBP', '2.999', 'REPORT_PRICE_GBP: expected a positive amount with at most two decimals, e.g. 2.99'],
    ['REPORT_PRICE_GBP', '0', 'REPORT_PRICE_GBP: expected a positive amount with at most two decimals, e.g. 2.99'],
    ['CRON_MODE', 'cron', 'CRON_MODE: expected one of internal | external'],
    ['APP_URL', 'app.example.com', 'APP_URL: expected an http:// or https:// URL'],
    ['REPORTS_PER_USER_PER_DAY', '1.5', 'REPORTS_PER_USER_PER_DAY: expected a positive whole number'],
    [
      'ALLOWED_ORIGINS',
      'https://a.example.com/path',
      'ALLOWED_ORIGINS: expected comma-separated origins such as https://example.com',
    ],
    ['ALLOWED_ORIGINS', ' , ', 'ALLOWED_ORIGINS: expected comma-separated origins such as https://example.com'],
    ['RATE_LIMIT_ENABLED', 'enabled', 'RATE_LIMIT_ENABLED: expected a boolean: true | false | 1 | 0 | yes | no'],
    ['RATE_LIMIT_REQUESTS_PER_MINUTE', '0', 'RATE_LIMIT_REQUESTS_PER_MINUTE: expected a positive whole number'],
    ['REDIS_URL', 'http://localhost:6379', 'REDIS_URL: expected a redis:// or rediss:// URL'],
    ['LOG_LEVEL', 'verbose', 'LOG_LEVEL: expected one of debug | info | warn | error'],
    ['LOG_MAX_SIZE_MB', '-1', 'LOG_MAX_SIZE_MB: expected a positive number'],
    ['LOG_MAX_SIZE_MB', '0', 'LOG_MAX_SIZE_MB: expected a positive number'],
    ['LOG_ROTATION_DAYS', 'daily', 'LOG_ROTATION_DAYS: expected a positive whole number'],
    ['LOG_RETENTION_DAYS', '0', 'LOG_RETENTION_DAYS: expected a positive whole number'],
  ])('%s=%j is refused', (variable, value, message) => {
    const error = thrown(() => load({ [variable]: value }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe(message);
    expect((error as ConfigError).issues).toEqual([
      { variable, expected: message.slice(variable.length + 11), message },
    ]);
  });

  it('lists every malformed variable in one error, one line each, in table order', () => {
    const error = thrown(() =>
      load({ LOG_MAX_SIZE_MB: 'big', ENVIRONMENT_MODE: 'staging', DATABASE_URL: 'mysql://db', PORT: 'x' }),
    ) as ConfigError;
    expect(error.name).toBe('ConfigError');
    expect(error.message.split('\n')).toEqual([
      'PORT: expected a whole number from 1 to 65535',
      'ENVIRONMENT_MODE: expected one of dev | test | production',
      'DATABASE_URL: expected a postgres:// or postgresql:// URL',
      'LOG_MAX_SIZE_MB: expected a positive number',
    ]);
    expect(error.issues.map(({ variable }) => variable)).toEqual([
      'PORT',
      'ENVIRONMENT_MODE',
      'DATABASE_URL',
      'LOG_MAX_SIZE_MB',
    ]);
    expect(Object.isFrozen(error.issues)).toBe(true);
  });

  it('blames a bad PORT, not the APP_URL derived from it', () => {
    expect((thrown(() => load({ PORT: 'http' })) as ConfigError).issues.map(({ variable }) => variable)).toEqual([
      'PORT',
    ]);
  });

  it('still blames an APP_URL that was set', () => {
    const error = thrown(() => load({ PORT: 'x', APP_URL: 'nope' })) as ConfigError;
    expect(error.issues.map(({ variable }) => variable)).toEqual(['PORT', 'APP_URL']);
  });

  it('never echoes a secret value', () => {
    const error = thrown(() => load({ CLERK_JWT_KEY: 'super-secret-value' })) as ConfigError;
    expect(error.message).not.toContain('super-secret-value');
  });
});
