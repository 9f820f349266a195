import { Cron } from 'croner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import { EVENTS_KEPT_MS, runGenerationSweep } from '../src/plugins/app/generation.js';
import { runScheduledRetention, SCHEDULES } from '../src/plugins/app/scheduler.js';
import { buildTestApp, testDatabase, type TestApp } from './support/app.js';

let database: Database;
let internal: TestApp;

beforeAll(async () => {
  database = await testDatabase();
  internal = await buildTestApp(database, { CRON_MODE: 'internal' });
});
afterAll(async () => {
  await internal.close();
  await database.close();
});

describe('in-process retention schedule', () => {
  it('expires daily at 02:00 UTC and erases weekly on Sunday at 03:00 UTC', () => {
    const from = new Date('2026-11-26T05:00:00Z'); // a Thursday
    const next = Object.fromEntries(
      SCHEDULES.map(({ job, pattern }) => [
        job,
        new Cron(pattern, { timezone: 'UTC', paused: true }).nextRun(from)?.toISOString(),
      ]),
    );
    expect(next).toEqual({
      'expire-reports': '2026-11-27T02:00:00.000Z',
      'delete-expired-reports': '2026-11-29T03:00:00.000Z',
    });
  });

  it('schedules the jobs unless CRON_MODE=external', async () => {
    expect(internal.logs.some((l) => l.msg === 'retention scheduled in-process')).toBe(true);
    const external = await buildTestApp(database, { CRON_MODE: 'external' });
    expect(external.logs.some((l) => l.msg === 'retention scheduled in-process')).toBe(false);
    await external.close();
  });

  it('logs each scheduled run with its count, and a failed run without throwing', async () => {
    await runScheduledRetention(internal.app, 'expire-reports');
    expect(internal.logs.find((l) => l.msg === 'retention run')).toMatchObject({
      job: 'expire-reports',
      count: 0,
      trigger: 'schedule',
    });
    const closed = await testDatabase();
    const broken = await buildTestApp(closed, { CRON_MODE: 'external' });
    await closed.close();
    await runScheduledRetention(broken.app, 'delete-expired-reports');
    expect(broken.logs.find((l) => l.msg === 'retention run failed')).toMatchObject({
      job: 'delete-expired-reports',
      level: 'ERROR',
    });
    await broken.close();
  });
});

describe('generation sweeper', () => {
  it('deletes the progress rows of reports finished over an hour ago, logged with its counts', async () => {
    const later = await buildTestApp(
      database,
      { CRON_MODE: 'external' },
      { clock: () => new Date(Date.now() + EVENTS_KEPT_MS + 60_000) },
    );
    const { repos } = later.app;
    const user = await repos.users.createLocal({ email: `sweep-${Date.now()}@example.com`, passwordHash: 'x' });
    const report = await repos.reports.create({ userId: user!.userId, subject: 'Law' });
    await repos.reports.fail(report.reportId, 'failed');
    await repos.reportEvents.append(report.reportId, 'status', {});
    await repos.reportEvents.append(report.reportId, 'error', {});
    await runGenerationSweep(later.app);
    expect(later.logs.find((l) => l.msg === 'sweep run')).toMatchObject({
      job: 'generation-sweep',
      failed_stale: 0,
      restarted_pending: 0,
      events_deleted: 2,
    });
    expect(await repos.reportEvents.listAfter(report.reportId, 0)).toEqual([]);
    await later.close();
  });

  it('logs a failed sweep without throwing', async () => {
    const closed = await testDatabase();
    const broken = await buildTestApp(closed, { CRON_MODE: 'external' });
    await closed.close();
    await runGenerationSweep(broken.app);
    expect(broken.logs.find((l) => l.msg === 'sweep run failed')).toMatchObject({
      job: 'generation-sweep',
      level: 'ERROR',
    });
    await broken.close();
  });
});
