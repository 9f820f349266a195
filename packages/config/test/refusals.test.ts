import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { ConfigError, estimatedEntropyBits, refusals } from '../src/index.js';
import { PRODUCTION, SECRET, load, thrown } from './support.js';

function refusedVariables(env: NodeJS.ProcessEnv): string[] {
  const error = thrown(() => load(env));
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).issues.map(({ variable }) => variable);
}

describe('production refusals', () => {
  it('refuses a bare production start, naming every missing or unsafe variable at once', () => {
    const error = thrown(() => load({ ENVIRONMENT_MODE: 'production' })) as ConfigError;
    expect(error.message.split('\n')).toEqual([
      'DATABASE_URL: expected a postgres:// or postgresql:// URL when ENABLE_SUPABASE is on',
      'STRIPE_SECRET_KEY: expected a Stripe secret key when ENABLE_PAYMENTS is on',
      'STRIPE_WEBHOOK_SECRET: expected a Stripe webhook signing secret when ENABLE_PAYMENTS is on',
      'AUTH_SECRET: expected a random secret of at least 32 bytes in production with AUTH_PROVIDER=local (e.g. openssl rand -hex 32)',
      'CRON_SECRET: expected a secret of at least 32 characters in production',
      'ALLOWED_ORIGINS: expected https:// origins only in production (no * and no http://)',
    ]);
  });

  it('refuses AUTH_SECRET under 32 bytes with local auth', () => {
    expect(refusedVariables({ ...PRODUCTION, AUTH_SECRET: 'x'.repeat(31) })).toEqual(['AUTH_SECRET']);
    expect(refusedVariables({ ...PRODUCTION, AUTH_SECRET: undefined })).toEqual(['AUTH_SECRET']);
    expect(load({ ...PRODUCTION, AUTH_SECRET: 'é1ü2ö3ä4ß5ç6ñ7ø8àbècìdòf' }).authSecret).toBe(
      'é1ü2ö3ä4ß5ç6ñ7ø8àbècìdòf',
    );
  });

  it.each(['a'.repeat(32), 'ab'.repeat(16), 'abcd'.repeat(8), 'é'.repeat(16)])(
    'refuses the low-entropy AUTH_SECRET %s',
    (secret) => {
      expect(refusedVariables({ ...PRODUCTION, AUTH_SECRET: secret })).toEqual(['AUTH_SECRET']);
    },
  );

  it('accepts generated secrets (openssl rand -hex 32 / -base64 32)', () => {
    for (let i = 0; i < 200; i++) {
      for (const secret of [
        randomBytes(16).toString('hex'),
        randomBytes(32).toString('hex'),
        randomBytes(32).toString('base64'),
      ]) {
        expect(estimatedEntropyBits(secret), secret).toBeGreaterThanOrEqual(80);
      }
    }
    expect(estimatedEntropyBits('')).toBe(0);
  });

  it('never generates AUTH_SECRET in production', () => {
    expect(refusedVariables({ ...PRODUCTION, AUTH_SECRET: '' })).toEqual(['AUTH_SECRET']);
  });

  it('refuses CRON_SECRET missing or under 32 characters', () => {
    expect(refusedVariables({ ...PRODUCTION, CRON_SECRET: undefined })).toEqual(['CRON_SECRET']);
    expect(refusedVariables({ ...PRODUCTION, CRON_SECRET: 'c'.repeat(31) })).toEqual(['CRON_SECRET']);
  });

  it('accepts METRICS_SECRET unset (no /metrics) and refuses one under 32 characters', () => {
    expect(load({ ...PRODUCTION, METRICS_SECRET: undefined }).metricsSecret).toBeUndefined();
    expect(load({ ...PRODUCTION, METRICS_SECRET: 'm'.repeat(32) }).metricsSecret).toBe('m'.repeat(32));
    expect(refusedVariables({ ...PRODUCTION, METRICS_SECRET: 'm'.repeat(31) })).toEqual(['METRICS_SECRET']);
  });

  it.each(['*', 'http://app.example.com', 'https://app.example.com,http://localhost:3000'])(
    'refuses ALLOWED_ORIGINS=%s',
    (origins) => {
      expect(refusedVariables({ ...PRODUCTION, ALLOWED_ORIGINS: origins })).toEqual(['ALLOWED_ORIGINS']);
    },
  );

  it('accepts several https origins', () => {
    expect(
      load({ ...PRODUCTION, ALLOWED_ORIGINS: 'https://a.example.com,https://b.example.com' }).allowedOrigins,
    ).toEqual(['https://a.example.com', 'https://b.example.com']);
  });

  it('accepts clerk without AUTH_SECRET', () => {
    const config = load({
      ...PRODUCTION,
      AUTH_SECRET: undefined,
      AUTH_PROVIDER: 'clerk',
      CLERK_PUBLISHABLE_KEY: 'pk_live_x',
      CLERK_SECRET_KEY: 'sk_live_x',
    });
    expect(config.authProvider).toBe('clerk');
    expect(config.authSecret).toBeUndefined();
    expect(config.clerkSecretKey).toBe('sk_live_x');
  });

  it('accepts payments off without Stripe keys', () => {
    const config = load({ ...PRODUCTION, ENABLE_PAYMENTS: 'false', STRIPE_SECRET_KEY: '', STRIPE_WEBHOOK_SECRET: '' });
    expect(config.enablePayments).toBe(false);
    expect(config.flags.ENABLE_PAYMENTS).toEqual({ value: false, source: 'environment' });
  });

  it('accepts Supabase off without DATABASE_URL', () => {
    const config = load({ ...PRODUCTION, ENABLE_SUPABASE: 'no', DATABASE_URL: undefined });
    expect(config.enableSupabase).toBe(false);
    expect(config.databaseUrl).toBeUndefined();
  });
});

describe('refusals in every mode', () => {
  it.each(['dev', 'test', 'production'])('%s: Supabase needs DATABASE_URL', (mode) => {
    expect(
      refusedVariables({ ...PRODUCTION, ENVIRONMENT_MODE: mode, ENABLE_SUPABASE: 'true', DATABASE_URL: undefined }),
    ).toEqual(['DATABASE_URL']);
  });

  it.each(['dev', 'production'])('%s: Clerk needs a publishable key and a JWT or secret key', (mode) => {
    const clerk = { ...PRODUCTION, ENVIRONMENT_MODE: mode, AUTH_PROVIDER: 'clerk' };
    expect(refusedVariables(clerk)).toEqual(['CLERK_PUBLISHABLE_KEY', 'CLERK_JWT_KEY']);
    expect(refusedVariables({ ...clerk, CLERK_SECRET_KEY: 'sk_x' })).toEqual(['CLERK_PUBLISHABLE_KEY']);
    expect(refusedVariables({ ...clerk, CLERK_PUBLISHABLE_KEY: 'pk_x' })).toEqual(['CLERK_JWT_KEY']);
    expect(load({ ...clerk, CLERK_PUBLISHABLE_KEY: 'pk_x', CLERK_SECRET_KEY: 'sk_x' }).authProvider).toBe('clerk');
  });

  it.each(['dev', 'test'])('%s: payments need both Stripe secrets', (mode) => {
    const payments = { ENVIRONMENT_MODE: mode, ENABLE_PAYMENTS: 'true', ENABLE_SUPABASE: 'false' };
    expect(refusedVariables(payments)).toEqual(['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET']);
    expect(refusedVariables({ ...payments, STRIPE_SECRET_KEY: 'sk_test_1' })).toEqual(['STRIPE_WEBHOOK_SECRET']);
    expect(load({ ...payments, STRIPE_SECRET_KEY: 'sk_test_1', STRIPE_WEBHOOK_SECRET: 'whsec_1' }).enablePayments).toBe(
      true,
    );
  });

  it('dev/test accept weak secrets and open origins', () => {
    const config = load({
      ENVIRONMENT_MODE: 'test',
      DATABASE_URL: 'postgres://localhost/db',
      AUTH_SECRET: 'a',
      CRON_SECRET: 'b',
      ALLOWED_ORIGINS: '*',
    });
    expect(config.authSecret).toBe('a');
    expect(config.cronSecret).toBe('b');
    expect(config.allowedOrigins).toEqual(['*']);
  });

  it('checks refusals only once every value is well-formed', () => {
    expect(refusedVariables({ ENVIRONMENT_MODE: 'production', LOG_LEVEL: 'loud', CRON_SECRET: SECRET })).toEqual([
      'LOG_LEVEL',
    ]);
  });
});

describe('refusals list', () => {
  it('is frozen and names each variable once', () => {
    expect(Object.isFrozen(refusals)).toBe(true);
    expect(new Set(refusals.map(({ variable }) => variable)).size).toBe(refusals.length);
  });
});
