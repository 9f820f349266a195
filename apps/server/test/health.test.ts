import { describe, expect, it } from 'vitest';
import { buildTestApp, testDatabase } from './support/app.js';
import { bearer, signUp } from './support/users.js';
import { NEEDS_SERVER, sharedDatabases, TEST_DATABASE_URL, throwawayPostgres } from './support/postgres.js';

describe('health when the database goes away', () => {
  it('answers 503 unhealthy once embedded PostgreSQL is gone, and keeps serving', async () => {
    const database = await testDatabase();
    const t = await buildTestApp(database);
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    await database.close();
    const response = await t.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: 'unhealthy', checks: { database: 'unreachable' } });
    expect((await t.app.inject({ method: 'GET', url: '/config' })).statusCode).toBe(200);
    await t.close();
  });

  it('answers a 5xx with the request id only, and logs the stack with its requestId', async () => {
    const database = await testDatabase();
    const t = await buildTestApp(database);
    const user = await signUp(t.app);
    await database.close();
    const response = await t.app.inject({
      method: 'GET',
      url: '/reports',
      headers: { ...bearer(user.token), 'x-request-id': 'req-broken-db-1' },
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(500);
    const body = response.json<Record<string, string>>();
    expect(body.request_id).toBe('req-broken-db-1');
    expect(body.detail).not.toMatch(/stack|at |closed|PGlite|Error/);
    expect(Object.keys(body).sort()).toEqual(['code', 'detail', 'error', 'request_id']);
    const logged = t.logs.find((l) => l.level === 'ERROR' && l.requestId === 'req-broken-db-1');
    expect(logged).toBeDefined();
    expect(JSON.stringify(logged)).toContain('stack');
    await t.close();
  });

  it('logs losing the database once, and regaining it once', async () => {
    const database = await testDatabase();
    let up = true;
    const flaky = { ...database, ping: () => (up ? database.ping() : Promise.reject(new Error('connection refused'))) };
    const t = await buildTestApp(flaky);
    const health = async () => (await t.app.inject({ method: 'GET', url: '/health' })).statusCode;
    expect(await health()).toBe(200);
    up = false;
    expect([await health(), await health()]).toEqual([503, 503]);
    up = true;
    expect([await health(), await health()]).toEqual([200, 200]);
    expect(
      t.logs.filter((l) => l.msg === 'database lost' || l.msg === 'database regained').map((l) => [l.msg, l.level]),
    ).toEqual([
      ['database lost', 'ERROR'],
      ['database regained', 'INFO'],
    ]);
    await t.close();
    await database.close();
  });

  it.skipIf(!TEST_DATABASE_URL)(
    `answers 503 when the PostgreSQL server drops the database, and keeps serving${TEST_DATABASE_URL ? '' : ` ${NEEDS_SERVER}`}`,
    async () => {
      const throwaway = await throwawayPostgres(TEST_DATABASE_URL!);
      const [database] = await sharedDatabases(throwaway.url, 1);
      const t = await buildTestApp(database);
      expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
      await throwaway.drop();
      const response = await t.app.inject({ method: 'GET', url: '/health' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ status: 'unhealthy' });
      expect((await t.app.inject({ method: 'GET', url: '/config' })).statusCode).toBe(200);
      await t.close();
      await database.close().catch(() => undefined);
    },
  );
});
