import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import { buildTestApp, testDatabase, type TestApp } from './support/app.js';
import { startGeminiStandIn, type GeminiStandIn } from './support/gemini-stand-in.js';
import { bearer, signUp } from './support/users.js';

let database: Database;
let gemini: GeminiStandIn;

beforeAll(async () => {
  database = await testDatabase();
  gemini = await startGeminiStandIn({ defaultScenario: { kind: 'answer', chunkSize: 60, chunkDelayMs: 5 } });
});
afterAll(async () => {
  await database.close();
  await gemini.close();
});

const env = (extra: Record<string, string> = {}) => ({
  GEMINI_API_KEY: 'test-key',
  GEMINI_TIMEOUT_MS: '20000',
  ...extra,
});

async function create(t: TestApp, token: string, subject = 'Nursing'): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/reports',
    headers: bearer(token),
    payload: { subject },
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ report: { report_id: string } }>().report.report_id;
}

async function statusOf(reportId: string): Promise<{ status: string; started_at: Date | null }> {
  const { rows } = await database.query<{ status: string; started_at: Date | null }>(
    'SELECT status, started_at FROM reports WHERE report_id = $1',
    [reportId],
  );
  return rows[0];
}

describe('graceful stop', () => {
  it('lets a running generation finish within the grace period, then closes', async () => {
    const t = await buildTestApp(database, env({ GEMINI_API_BASE: gemini.baseUrl }));
    const user = await signUp(t.app);
    const reportId = await create(t, user.token);
    expect(await t.app.generation.drain(10_000)).toEqual({ finished: 1, handedBack: 0 });
    expect((await statusOf(reportId)).status).toBe('completed');
    await t.close();
  });

  it('hands a generation it cannot finish back to pending (not failed, not refunded), and another instance starts it at once', async () => {
    gemini.script([{ kind: 'hang' }]);
    const stopping = await buildTestApp(database, env({ GEMINI_API_BASE: gemini.baseUrl }));
    const user = await signUp(stopping.app);
    const reportId = await create(stopping, user.token, 'Law');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await stopping.app.generation.drain(100)).toEqual({ finished: 0, handedBack: 1 });
    const handedBack = await statusOf(reportId);
    expect(handedBack.status).toBe('pending');
    expect(stopping.logs.some((l) => l.msg === 'generation failed')).toBe(false);
    expect(stopping.logs.some((l) => l.event === 'generation.handed_back' && l.level === 'WARN')).toBe(true);
    // Nothing new starts on the stopping instance.
    const later = await create(stopping, user.token, 'Pharmacy');
    await stopping.app.generation.idle();
    expect((await statusOf(later)).status).toBe('pending');
    await stopping.close();

    // Another instance picks the handed-back report up on its next sweep, whatever its age.
    const other = await buildTestApp(database, env({ GEMINI_API_BASE: gemini.baseUrl }));
    expect(await other.app.generation.restartPending()).toBeGreaterThanOrEqual(1);
    await other.app.generation.idle();
    expect((await statusOf(reportId)).status).toBe('completed');
    await other.close();
  });

  it('tells the student a hung model call timed out (not "stopped") and logs a timeout', async () => {
    gemini.script([{ kind: 'hang', afterChunks: 1 }]);
    const t = await buildTestApp(database, env({ GEMINI_API_BASE: gemini.baseUrl, GEMINI_TIMEOUT_MS: '600' }));
    const user = await signUp(t.app);
    const reportId = await create(t, user.token, 'Architecture');
    await t.app.generation.idle();
    const stored = await t.app.inject({ method: 'GET', url: `/reports/${reportId}`, headers: bearer(user.token) });
    expect(stored.json()).toMatchObject({ status: 'failed' });
    expect(stored.json<{ error_message: string }>().error_message).toMatch(/took too long/);
    expect(t.logs.some((l) => l.msg === 'generation failed' && l.reason === 'timeout')).toBe(true);
    await t.close();
  });
});
