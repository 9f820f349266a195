import { Writable } from 'node:stream';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '@uksmr/config';
import { createDatabase, type Database } from '@uksmr/database';
import { createFeatureFlags } from '@uksmr/feature-flags';
import { createLogger } from '@uksmr/logging';
import { buildApp, type App } from '../../src/app.js';
import { createPasswordHasher } from '../../src/domain/auth/password.js';
import { createOfflineAnswerWriter } from '../../src/domain/follow-ups/offline-answer.js';
import { createKnowledgeBaseWriter } from '../../src/domain/writers/knowledge-base-writer/index.js';
import type { AppServices } from '../../src/services.js';
import { pgliteSnapshot } from '../../../../vitest.pglite-snapshot.js';

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
    {
      ENVIRONMENT_MODE: 'dev',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'debug',
      AUTH_SECRET: 'test-secret-test-secret-test-secret-0123',
      ...env,
    },
    { envFile: false },
  );
}

/**
 * One in-memory PGlite database per test file, a copy of the run's migrated snapshot (an empty cluster would
 * cost seconds of CPU), or PostgreSQL when asked.
 */
export async function testDatabase(databaseUrl?: string): Promise<Database> {
  const dataDir = mkdtempSync(join(tmpdir(), 'uksmr-db-'));
  return createDatabase(
    databaseUrl ? { databaseUrl, dataDir } : { dataDir, memory: true, snapshot: await pgliteSnapshot() },
  );
}

/**
 * The scrypt cost of test apps: 2^10 instead of the production 2^15 (32 times less work per sign-up or login, which
 * dominated the auth suites). The production cost is asserted in auth-passwords.test.ts and auth-local.test.ts.
 */
export const TEST_SCRYPT_PARAMS = { N: 2 ** 10, r: 8, p: 1 } as const;

/**
 * The offline writers of test apps stream without a pause between deltas (production waits 3 ms between two, so a
 * report takes a second or two of wall time: most of the server suite's waiting). Their pacing is tested in
 * knowledge-base-writer.test.ts and follow-up-answers.test.ts.
 */
const unpacedWriters = (env: Record<string, string>): Partial<AppServices> =>
  env.GEMINI_API_KEY
    ? {}
    : {
        writer: createKnowledgeBaseWriter({ deltaDelayMs: 0 }),
        answerWriter: createOfflineAnswerWriter({ deltaDelayMs: 0 }),
      };

/**
 * Builds the app on `database` with a logger whose lines are captured in `logs`, a cheap password hasher and, without
 * `GEMINI_API_KEY`, unpaced offline writers, unless `extra` says otherwise (`passwords: undefined` for the production
 * default).
 */
export async function buildTestApp(
  database: Database,
  env: Record<string, string> = {},
  extra: Partial<Omit<AppServices, 'database' | 'logger'>> = {},
): Promise<TestApp> {
  const config = testConfig(env);
  const logs: CapturedLog[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.trim()) logs.push(JSON.parse(line) as CapturedLog);
      callback();
    },
  });
  const logger = createLogger({ level: 'debug', environment: config.environmentMode, stdout: sink });
  const flags = createFeatureFlags(config.flags);
  const services: AppServices = {
    logger,
    database,
    flags,
    passwords: createPasswordHasher(TEST_SCRYPT_PARAMS),
    ...unpacedWriters(env),
    ...extra,
  };
  const app = await buildApp(config, services);
  await app.ready();
  return { app, config, services, logs, close: () => app.close() };
}
