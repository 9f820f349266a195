import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@uksmr/config';
import { createDatabase } from '@uksmr/database';
import { createFeatureFlags } from '@uksmr/feature-flags';
import { createLogger } from '@uksmr/logging';
import { buildApp } from '../app.js';

/** Where the first page reads its sample: `apps/web/src/home/sample-report.json` (same path from `src/` and `dist/`). */
export const SAMPLE_PATH = fileURLToPath(new URL('../../../web/src/home/sample-report.json', import.meta.url));

/** The subject of the sample report. */
export const SAMPLE_SUBJECT = 'Nursing';

/**
 * `npm run sample:generate`: writes the first page's sample report, a real one from the offline knowledge-base
 * writer, made the way a student's is (sign-up, `POST /reports`, the stream to its end, `GET /reports/{id}`) on a
 * throwaway in-memory database with payments and Gemini off. Rerun it after the knowledge base changes.
 */
async function main(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'uksmr-sample-'));
  const config = loadConfig(
    {
      ENVIRONMENT_MODE: 'dev',
      DATA_DIR: home,
      LOG_DIR: join(home, 'logs'),
      LOG_LEVEL: 'error',
      ENABLE_PAYMENTS: 'false',
      AUTH_SECRET: 'sample-secret-sample-secret-sample-0123',
    },
    { envFile: false },
  );
  const quiet = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  const logger = createLogger({ level: 'error', environment: config.environmentMode, stdout: quiet });
  const database = await createDatabase({ dataDir: home, memory: true });
  const app = await buildApp(config, { logger, database, flags: createFeatureFlags(config.flags) });
  try {
    const signup = await app.inject({
      method: 'POST',
      url: '/auth/signup',
      payload: { email: 'sample@example.com', password: 'sample report password' },
    });
    const headers = { authorization: `Bearer ${signup.json<{ token: string }>().token}` };
    const created = await app.inject({
      method: 'POST',
      url: '/reports',
      headers,
      payload: { subject: SAMPLE_SUBJECT, country: 'UK' },
    });
    if (created.statusCode !== 201) throw new Error(`POST /reports answered ${created.statusCode}: ${created.body}`);
    const { report_id: reportId } = created.json<{ report: { report_id: string } }>().report;
    await app.inject({
      method: 'GET',
      url: `/reports/${reportId}/stream`,
      headers: { ...headers, accept: 'text/event-stream' },
    });
    const report = (await app.inject({ method: 'GET', url: `/reports/${reportId}`, headers })).json<
      Record<string, unknown>
    >();
    if (report.status !== 'completed') throw new Error(`the sample report ended ${String(report.status)}`);
    const sample = { ...report, report_id: 'sample', user_id: 'sample' };
    writeFileSync(SAMPLE_PATH, `${JSON.stringify(sample, null, 2)}\n`);
    process.stdout.write(`wrote ${SAMPLE_PATH} (${SAMPLE_SUBJECT}, ${JSON.stringify(sample).length} bytes)\n`);
  } finally {
    await app.close();
    await database.close();
    rmSync(home, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Sample generation failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
