import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '@uksmr/config';
import { createDatabase } from '@uksmr/database';
import { createFeatureFlags } from '@uksmr/feature-flags';
import { createLogger } from '@uksmr/logging';
import { buildApp } from '../app.js';
import { OPENAPI_ENV } from '../openapi/document-settings.js';

/**
 * `npm run lint:openapi` (first half): writes the app's `GET /openapi.json`, built by `buildApp` on a throwaway
 * in-memory database, to the file named by the first argument (default `openapi.json`), for `redocly lint`.
 */
async function main(): Promise<void> {
  const target = resolve(process.argv[2] ?? 'openapi.json');
  const home = mkdtempSync(join(tmpdir(), 'uksmr-openapi-'));
  const config = loadConfig({ ...OPENAPI_ENV, DATA_DIR: home, LOG_DIR: join(home, 'logs') }, { envFile: false });
  const quiet = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  const logger = createLogger({ level: 'error', environment: config.environmentMode, stdout: quiet });
  const database = await createDatabase({ dataDir: home, memory: true });
  const app = await buildApp(config, { logger, database, flags: createFeatureFlags(config.flags), webRoot: home });
  try {
    const response = await app.inject({ method: 'GET', url: '/openapi.json' });
    if (response.statusCode !== 200) throw new Error(`GET /openapi.json answered ${response.statusCode}`);
    writeFileSync(target, `${JSON.stringify(response.json(), null, 2)}\n`);
    process.stdout.write(`wrote ${target}\n`);
  } finally {
    await app.close();
    await database.close();
    rmSync(home, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Writing the OpenAPI document failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
