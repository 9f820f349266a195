import { describe, expect, it } from 'vitest';
import { buildTestApp, testDatabase } from './support/app.js';
import { sharedDatabases, TEST_DATABASE_URL, throwawayPostgres } from './support/postgres.js';

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

  it.runIf(TEST_DATABASE_URL)('answers 503 when the PostgreSQL server drops the database, and keeps serving', async () => {
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
  });
});
