import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { loadConfig, type AppConfig } from '../src/index.js';

const created: string[] = [];

afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory, removed after the current test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'uksmr-config-'));
  created.push(dir);
  return dir;
}

/** `loadConfig` in a fresh temporary working directory, without any dotenv file. */
export function load(env: NodeJS.ProcessEnv): AppConfig {
  return loadConfig(env, { cwd: tempDir(), envFile: false });
}

/** A 32-character secret, random-looking enough for the production entropy check. */
export const SECRET = '9f3c1a7e5b2d8046c4e1f7a93b5d02e8';

/** A production environment that passes every refusal. */
export const PRODUCTION: NodeJS.ProcessEnv = Object.freeze({
  ENVIRONMENT_MODE: 'production',
  DATABASE_URL: 'postgresql://app:pw@db.example.com:6543/postgres',
  AUTH_SECRET: SECRET,
  CRON_SECRET: SECRET,
  STRIPE_SECRET_KEY: 'sk_test_123',
  STRIPE_WEBHOOK_SECRET: 'whsec_123',
  ALLOWED_ORIGINS: 'https://app.example.com',
});

/** Runs `action`, which must throw, and returns what it threw. */
export function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
