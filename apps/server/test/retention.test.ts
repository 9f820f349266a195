import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import { buildTestApp, testDatabase, type TestApp } from './support/app.js';
import { bearer, signUp } from './support/users.js';

const CRON_SECRET = 'cron-secret-cron-secret-cron-secret-0123';
const DAY = 24 * 60 * 60 * 1000;

let database: Database;
let t: TestApp;
let now = new Date();

beforeAll(async () => {
  database = await testDatabase();
  t = await buildTestApp(database, { CRON_SECRET, CRON_MODE: 'external' }, { clock: () => now });
});
afterAll(async () => {
  await t.close();
  await database.close();
});

/** Calls one cron endpoint at `at` (the app's clock). */
async function cron(job: 'expire-reports' | 'delete-expired-reports', at: Date): Promise<number> {
  now = at;
  const response = await t.app.inject({ method: 'POST', url: `/cron/${job}`, headers: bearer(CRON_SECRET) });
  now = new Date();
  expect(response.statusCode).toBe(200);
  return Object.values(response.json<Record<string, number>>())[0];
}

describe('retention', () => {
  it('refuses cron calls without the secret, with a wrong one, and accepts X-Cron-Secret', async () => {
    for (const headers of [{}, bearer('wrong'), { 'x-cron-secret': 'wrong' }]) {
      const response = await t.app.inject({ method: 'POST', url: '/cron/expire-reports', headers });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'UNAUTHORIZED' });
    }
    const ok = await t.app.inject({
      method: 'POST',
      url: '/cron/delete-expired-reports',
      headers: { 'x-cron-secret': CRON_SECRET },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ deleted_count: 0 });
  });

  it('expires a report after 30 days and erases it after 90, each run idempotent', async () => {
    const created = new Date();
    now = created;
    const user = await signUp(t.app);
    const response = await t.app.inject({
      method: 'POST',
      url: '/reports',
      headers: bearer(user.token),
      payload: { subject: 'Nursing' },
    });
    const reportId = response.json<{ report: { report_id: string } }>().report.report_id;
    await t.app.generation.idle();

    expect(await cron('expire-reports', new Date(created.getTime() + 29 * DAY))).toBe(0);
    expect(
      (await t.app.inject({ method: 'GET', url: `/reports/${reportId}`, headers: bearer(user.token) })).statusCode,
    ).toBe(200);

    expect(await cron('expire-reports', new Date(created.getTime() + 31 * DAY))).toBe(1);
    expect(await cron('expire-reports', new Date(created.getTime() + 31 * DAY))).toBe(0);
    expect(
      (await t.app.inject({ method: 'GET', url: `/reports/${reportId}`, headers: bearer(user.token) })).statusCode,
    ).toBe(404);
    const row = await database.query<{ status: string }>('SELECT status FROM reports WHERE report_id = $1', [reportId]);
    expect(row.rows[0]?.status).toBe('expired');

    expect(await cron('delete-expired-reports', new Date(created.getTime() + 89 * DAY))).toBe(0);
    expect(await cron('delete-expired-reports', new Date(created.getTime() + 91 * DAY))).toBe(1);
    expect(await cron('delete-expired-reports', new Date(created.getTime() + 91 * DAY))).toBe(0);
    const gone = await database.query('SELECT 1 FROM reports WHERE report_id = $1', [reportId]);
    expect(gone.rowCount).toBe(0);
    expect(t.logs.some((l) => l.msg === 'retention run' && l.job === 'delete-expired-reports' && l.count === 1)).toBe(
      true,
    );
  });
});
