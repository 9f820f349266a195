import { Writable } from 'node:stream';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '@uksmr/config';
import { createDatabase, type Database } from '@uksmr/database';
import { createFeatureFlags } from '@uksmr/feature-flags';
import { createLogger } from '@uksmr/logging';
import { buildApp, type App } from '../../src/app.js';
import type { AppServices } from '../../src/services.js';

/** Log lines captured from a test app, parsed. */
export type CapturedLog = Record<string, unknown> & { msg?: string; level?: string };

/** A running test app with its captured logs. */
export interface TestApp {
  readonly app: App;
  readonly config: AppConfig;
  readonly services: AppServices;
  readonly logs: CapturedLog[];
  /** Closes the app (not the shared database). */
  close(): Promise<void>;
}

/** A config for tests: dev mode, a temp data dir, no .env file, overrides on top. */
export function testConfig(env: Record<string, string> = {}): AppConfig {
  const dataDir = mkdtempSync(join(tmpdir(), 'uksmr-test-'));
  return loadConfig(
    { ENVIRONMENT_MODE: 'dev', DATA_DIR: dataDir, LOG_LEVEL: 'debug', AUTH_SECRET: 'test-secret-test-secret-test-secret-0123', ...env },
    { envFile: false },
  );
}

/** One in-memory PGlite database per test file (start-up costs seconds), or PostgreSQL when asked. */
export async function testDatabase(databaseUrl?: string): Promise<Database> {
  const dataDir = mkdtempSync(join(tmpdir(), 'uksmr-db-'));
  return createDatabase(databaseUrl ? { databaseUrl, dataDir } : { dataDir, memory: true });
}

/** Builds the app on `database` with a logger whose lines are captured in `logs`. */
export async function buildTestApp(
  database: Database,
  env: Record<string, string> = {},
  extra: Partial<Omit<AppServices, 'database' | 'logger'>> = {},
): Promise<TestApp> {
  const config = testConfig(env);
  const logs: CapturedLog[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line) as CapturedLog);
      callback();
    },
  });
  const logger = createLogger({ level: 'debug', environment: config.environmentMode, stdout: sink });
  const flags = createFeatureFlags(config.flags);
  const services: AppServices = { logger, database, flags, ...extra };
  const app = await buildApp(config, services);
  await app.ready();
  return { app, config, services, logs, close: () => app.close() };
}
