import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import { buildTestApp, testDatabase, type TestApp } from './support/app.js';
import { bearer, signUp } from './support/users.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await testDatabase();
  t = await buildTestApp(database, { RATE_LIMIT_REQUESTS_PER_MINUTE: '3' });
});
afterAll(async () => {
  await t.close();
  await database.close();
});

describe('rate limits', () => {
  it('limits each user to RATE_LIMIT_REQUESTS_PER_MINUTE with headers and a 429 in the error shape', async () => {
    const user = await signUp(t.app);
    const other = await signUp(t.app);
    const responses = [];
    for (let i = 0; i < 4; i++)
      responses.push(await t.app.inject({ method: 'GET', url: '/reports', headers: bearer(user.token) }));
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 429]);
    expect(responses[0].headers['x-ratelimit-limit']).toBe('3');
    expect(responses[0].headers['x-ratelimit-remaining']).toBe('2');
    expect(responses[0].headers['x-ratelimit-reset']).toBeDefined();
    const limited = responses[3];
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', request_id: limited.headers['x-request-id'] });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another user has a budget of their own.
    expect((await t.app.inject({ method: 'GET', url: '/reports', headers: bearer(other.token) })).statusCode).toBe(200);
  });

  it('exempts /health', async () => {
    for (let i = 0; i < 5; i++) {
      const response = await t.app.inject({ method: 'GET', url: '/health' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['x-ratelimit-limit']).toBeUndefined();
    }
  });

  it('limits sign-in attempts per IP and email to 10 a minute', async () => {
    const statuses = [];
    for (let i = 0; i < 11; i++) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { email: 'nobody@example.com', password: 'wrong-password' },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('is switched off by RATE_LIMIT_ENABLED=false', async () => {
    const off = await buildTestApp(database, { RATE_LIMIT_ENABLED: 'false', RATE_LIMIT_REQUESTS_PER_MINUTE: '1' });
    const user = await signUp(off.app);
    for (let i = 0; i < 3; i++) {
      const response = await off.app.inject({ method: 'GET', url: '/reports', headers: bearer(user.token) });
      expect(response.statusCode).toBe(200);
      expect(response.headers['x-ratelimit-limit']).toBeUndefined();
    }
    await off.close();
  });

  it('shares one budget between two instances through Redis', async () => {
    const redisA = new Redis(REDIS_URL);
    const redisB = new Redis(REDIS_URL);
    const a = await buildTestApp(database, { RATE_LIMIT_REQUESTS_PER_MINUTE: '4' }, { redis: redisA });
    const b = await buildTestApp(database, { RATE_LIMIT_REQUESTS_PER_MINUTE: '4' }, { redis: redisB });
    const user = await signUp(a.app);
    const statuses = [];
    for (const app of [a.app, b.app, a.app, b.app, a.app, b.app]) {
      statuses.push((await app.inject({ method: 'GET', url: '/reports', headers: bearer(user.token) })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    await a.close();
    await b.close();
    redisA.disconnect();
    redisB.disconnect();
  });
});
