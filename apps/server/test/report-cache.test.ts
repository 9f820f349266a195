import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@uksmr/database';
import { ReportReadCache } from '../src/domain/reports/read-cache.js';
import { buildTestApp, type TestApp } from './support/app.js';
import { sharedDatabases, TEST_DATABASE_URL, throwawayPostgres } from './support/postgres.js';
import { bearer, signUp } from './support/users.js';

const CRON_SECRET = 'cron-secret-cron-secret-cron-secret-0123';
const DAY_MS = 24 * 60 * 60 * 1000;
const body = (text: string): Buffer => Buffer.from(text);

describe('ReportReadCache', () => {
  it.each([
    ['gives a kept report to its owner only', (c: ReportReadCache) => c.report('bob', 'r1'), undefined],
    ['gives a kept report to its owner', (c: ReportReadCache) => c.report('alice', 'r1')?.toString(), 'report'],
    ['gives a kept list to its user', (c: ReportReadCache) => c.list('alice', 'q')?.toString(), 'list'],
    ['gives no list of another user', (c: ReportReadCache) => c.list('bob', 'q'), undefined],
    ['gives no list of another query', (c: ReportReadCache) => c.list('alice', 'q2'), undefined],
  ])('%s', (_case, read, expected) => {
    const cache = new ReportReadCache();
    cache.keepReport(cache.ticket(), 'alice', 'r1', body('report'));
    cache.keepList(cache.ticket(), 'alice', 'q', body('list'));
    expect(read(cache)).toBe(expected);
  });

  it('keeps nothing read before a change, and forgets on a change what it may have made stale', () => {
    const cache = new ReportReadCache();
    const before = cache.ticket();
    cache.changed({ userId: 'bob', reportId: 'r9' });
    cache.keepReport(before, 'alice', 'r1', body('stale'));
    cache.keepList(before, 'alice', 'q', body('stale'));
    expect(cache.report('alice', 'r1')).toBeUndefined();
    expect(cache.list('alice', 'q')).toBeUndefined();

    const ticket = cache.ticket();
    cache.keepReport(ticket, 'alice', 'r1', body('report'));
    cache.keepReport(ticket, 'alice', 'r2', body('other'));
    cache.keepList(ticket, 'alice', 'q', body('list'));
    cache.keepList(ticket, 'alice', 'q2', body('list 2'));
    cache.keepList(ticket, 'bob', 'q', body('bob'));
    cache.changed({ userId: 'alice', reportId: 'r1' });
    expect(cache.report('alice', 'r1')).toBeUndefined();
    expect(cache.report('alice', 'r2')?.toString()).toBe('other');
    expect([cache.list('alice', 'q'), cache.list('alice', 'q2')]).toEqual([undefined, undefined]);
    expect(cache.list('bob', 'q')?.toString()).toBe('bob');

    cache.changed({});
    expect([cache.report('alice', 'r2'), cache.list('bob', 'q')]).toEqual([undefined, undefined]);
  });

  it('keeps and gives nothing while disabled, and starts empty when enabled again', () => {
    const cache = new ReportReadCache(false);
    cache.keepReport(cache.ticket(), 'alice', 'r1', body('report'));
    expect(cache.report('alice', 'r1')).toBeUndefined();
    cache.setEnabled(true);
    cache.keepReport(cache.ticket(), 'alice', 'r1', body('report'));
    expect(cache.report('alice', 'r1')?.toString()).toBe('report');
    cache.setEnabled(false);
    expect(cache.enabled).toBe(false);
    expect(cache.report('alice', 'r1')).toBeUndefined();
    cache.setEnabled(true);
    expect(cache.report('alice', 'r1')).toBeUndefined();
  });
});

const backends = [{ name: 'PGlite', url: undefined as string | undefined }];
if (TEST_DATABASE_URL) backends.push({ name: 'PostgreSQL', url: TEST_DATABASE_URL });

describe.each(backends)('the read cache over HTTP on $name (two instances on one database)', ({ url: serverUrl }) => {
  let databases: Database[];
  let drop: (() => Promise<void>) | undefined;
  let a: TestApp;
  let b: TestApp;
  let now = new Date();

  beforeAll(async () => {
    const throwaway = serverUrl ? await throwawayPostgres(serverUrl) : undefined;
    drop = throwaway ? () => throwaway.drop() : undefined;
    databases = await sharedDatabases(throwaway?.url, 2);
    const env = { CRON_SECRET, CRON_MODE: 'external', REPORTS_PER_USER_PER_DAY: '50' };
    a = await buildTestApp(databases[0], env, { clock: () => now });
    b = await buildTestApp(databases[1], env, { clock: () => now });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    for (const database of new Set(databases)) await database.close();
    await drop?.();
  });

  const get = (t: TestApp, url: string, token: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) });
  const listed = async (
    t: TestApp,
    token: string,
    query = '',
  ): Promise<{ ids: string[]; statuses: string[]; total: number }> => {
    const response = await get(t, `/reports${query}`, token);
    expect(response.statusCode).toBe(200);
    const list = response.json<{ reports: { report_id: string; status: string }[]; total: number }>();
    return {
      ids: list.reports.map((r) => r.report_id),
      statuses: list.reports.map((r) => r.status),
      total: list.total,
    };
  };
  /** Creates a report on `t` and waits until it is generated. */
  const create = async (t: TestApp, token: string, subject = 'Nursing'): Promise<string> => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/reports',
      headers: bearer(token),
      payload: { subject },
    });
    expect(response.statusCode).toBe(201);
    await t.app.generation.idle();
    return response.json<{ report: { report_id: string } }>().report.report_id;
  };
  /**
   * Waits until `t` has heard of the other instance's change: at once on PGlite (one shared cache), within the
   * notification's way through PostgreSQL otherwise.
   */
  const heard = (check: () => void | Promise<void>): Promise<void> =>
    vi.waitFor(check, { timeout: 5_000, interval: 20 });

  it('is trusted on PGlite at once, and on PostgreSQL only while listening', () => {
    expect([a.app.reportCache.enabled, b.app.reportCache.enabled]).toEqual([true, true]);
    expect(a.app.reportHub.listening).toBe(serverUrl !== undefined);
  });

  it('answers the same bytes from the cache, to the owner only, and 404 at once after a delete here and soon after one there', async () => {
    const alice = await signUp(a.app);
    const bob = await signUp(a.app);
    const reportId = await create(a, alice.token);
    const first = await get(a, `/reports/${reportId}`, alice.token);
    expect(first.statusCode).toBe(200);
    // On PostgreSQL the generation's own changes come back as notifications a moment later, each forgetting the
    // report again: it is kept by a read after the last of them.
    await heard(async () => {
      await get(a, `/reports/${reportId}`, alice.token);
      expect(a.app.reportCache.report(alice.userId, reportId)).toBeDefined();
    });
    const again = await get(a, `/reports/${reportId}`, alice.token);
    expect([again.statusCode, again.headers['content-type'], again.body]).toEqual([
      200,
      first.headers['content-type'],
      first.body,
    ]);
    expect((await get(a, `/reports/${reportId}`, bob.token)).statusCode).toBe(404);
    expect((await get(b, `/reports/${reportId}`, alice.token)).body).toBe(first.body);

    // Deleted on A: A answers 404 at once, B as soon as it hears of it.
    const deleted = await a.app.inject({ method: 'DELETE', url: `/reports/${reportId}`, headers: bearer(alice.token) });
    expect(deleted.statusCode).toBe(204);
    expect((await get(a, `/reports/${reportId}`, alice.token)).statusCode).toBe(404);
    expect((await listed(a, alice.token)).ids).not.toContain(reportId);
    await heard(async () => expect((await get(b, `/reports/${reportId}`, alice.token)).statusCode).toBe(404));
    expect((await listed(b, alice.token)).ids).not.toContain(reportId);
  });

  it('lists a report created here at once and one created there soon, with every status change', async () => {
    const alice = await signUp(a.app);
    expect(await listed(a, alice.token)).toEqual({ ids: [], statuses: [], total: 0 });
    expect(await listed(b, alice.token)).toEqual({ ids: [], statuses: [], total: 0 });
    const first = await create(a, alice.token);
    expect(await listed(a, alice.token)).toEqual({ ids: [first], statuses: ['completed'], total: 1 });
    await heard(async () =>
      expect(await listed(b, alice.token)).toEqual({ ids: [first], statuses: ['completed'], total: 1 }),
    );
    expect((await listed(b, alice.token, '?status=completed')).total).toBe(1);

    // Created on B while A holds the list: the new report, and its status as it moves on.
    const response = await b.app.inject({
      method: 'POST',
      url: '/reports',
      headers: bearer(alice.token),
      payload: { subject: 'Law' },
    });
    const second = response.json<{ report: { report_id: string } }>().report.report_id;
    expect((await listed(b, alice.token)).ids).toEqual([second, first]);
    await b.app.generation.idle();
    expect((await listed(b, alice.token)).statuses).toEqual(['completed', 'completed']);
    await heard(async () =>
      expect(await listed(a, alice.token)).toEqual({
        ids: [second, first],
        statuses: ['completed', 'completed'],
        total: 2,
      }),
    );
    expect((await listed(a, alice.token, '?status=completed')).total).toBe(2);
  });

  it('lists a report the sweeper starts again or fails with the status it was left in', async () => {
    const alice = await signUp(a.app);
    const reportId = await create(a, alice.token);
    // As if its worker had died while generating it (before anything was cached for this user).
    await databases[0].query(`UPDATE reports SET status = 'generating', content = NULL WHERE report_id = $1`, [
      reportId,
    ]);
    expect((await listed(a, alice.token)).statuses).toEqual(['generating']);
    now = new Date(Date.now() + 10 * 60 * 1000);
    try {
      await a.app.generation.sweepStale();
    } finally {
      now = new Date();
    }
    expect(
      a.logs.some((line) => line.msg === 'abandoned generation started again' && line.report_id === reportId),
    ).toBe(true);
    await a.app.generation.idle();
    // Started again and, the clock being 10 minutes on, failed as stale by the same sweep: the list says what is stored.
    const stored = await databases[0].query<{ status: string }>('SELECT status FROM reports WHERE report_id = $1', [
      reportId,
    ]);
    expect(stored.rows[0].status).not.toBe('generating');
    expect((await listed(a, alice.token)).statuses).toEqual([stored.rows[0].status]);
  });

  it('forgets expired reports on both instances (the retention job)', async () => {
    const alice = await signUp(a.app);
    const reportId = await create(a, alice.token);
    for (const t of [a, b]) {
      await heard(async () => expect((await listed(t, alice.token)).ids).toEqual([reportId]));
      expect((await get(t, `/reports/${reportId}`, alice.token)).statusCode).toBe(200);
    }
    const token = alice.token;
    const at = new Date(Date.now() + 31 * DAY_MS);
    now = at;
    try {
      const expired = await a.app.inject({ method: 'POST', url: '/cron/expire-reports', headers: bearer(CRON_SECRET) });
      expect(expired.json<{ expired_count: number }>().expired_count).toBeGreaterThanOrEqual(1);
    } finally {
      now = new Date();
    }
    expect((await get(a, `/reports/${reportId}`, token)).statusCode).toBe(404);
    expect((await listed(a, token)).ids).toEqual([]);
    await heard(async () => expect((await get(b, `/reports/${reportId}`, token)).statusCode).toBe(404));
    expect((await listed(b, token)).ids).toEqual([]);
  });

  it.runIf(serverUrl !== undefined)(
    'forgets a report changed by anyone else on the database (a tool, another version)',
    async () => {
      const alice = await signUp(a.app);
      const reportId = await create(a, alice.token);
      expect((await get(b, `/reports/${reportId}`, alice.token)).statusCode).toBe(200);
      expect(b.app.reportCache.report(alice.userId, reportId)).toBeDefined();
      await databases[0].query('DELETE FROM users WHERE user_id = $1', [alice.userId]);
      await heard(() => expect(b.app.reportCache.report(alice.userId, reportId)).toBeUndefined());
      await heard(() => expect(a.app.reportCache.report(alice.userId, reportId)).toBeUndefined());
    },
  );

  it.runIf(serverUrl !== undefined)(
    'refuses on B a token logged out on A as soon as B hears of it, not 5 s later',
    async () => {
      const alice = await signUp(a.app);
      // B now believes the session active; the apps' clock stands still here, so that belief never runs out by time.
      expect((await get(b, '/reports', alice.token)).statusCode).toBe(200);
      expect(
        (await a.app.inject({ method: 'POST', url: '/auth/logout', headers: bearer(alice.token) })).statusCode,
      ).toBe(204);
      await heard(async () => expect((await get(b, '/reports', alice.token)).statusCode).toBe(401));
      expect(b.logs.filter((line) => line.event === 'auth.token_rejected').at(-1)?.reason).toBe('session-revoked');
    },
  );

  it.runIf(serverUrl !== undefined)(
    'stops using the cache while the listening connection is down, and starts again empty',
    async () => {
      const alice = await signUp(a.app);
      const reportId = await create(a, alice.token);
      expect((await get(b, `/reports/${reportId}`, alice.token)).statusCode).toBe(200);
      expect(b.app.reportCache.report(alice.userId, reportId)).toBeDefined();
      // Both instances' listeners are cut; each reconnects with backoff.
      await databases[0].query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'uksmr-listen' AND datname = current_database()`,
      );
      await heard(() => expect(b.app.reportCache.enabled).toBe(false));
      await heard(() => expect(b.app.reportCache.enabled).toBe(true));
      expect(b.app.reportCache.report(alice.userId, reportId)).toBeUndefined();
      expect((await get(b, `/reports/${reportId}`, alice.token)).statusCode).toBe(200);
    },
  );
});
