import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import { LOGINS_PER_IP_PER_MINUTE, SIGNUPS_PER_IP_PER_MINUTE } from '../src/routes/auth.js';
import { FAILED_AUTH_PER_MINUTE } from '../src/plugins/external/rate-limit.js';
import { buildTestApp, testDatabase, type TestApp } from './support/app.js';
import { bearer, signUp } from './support/users.js';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await testDatabase();
  t = await buildTestApp(database, { RATE_LIMIT_REQUESTS_PER_MINUTE: '1000', CRON_SECRET: 'c'.repeat(40) });
});
afterAll(async () => {
  await t.close();
  await database.close();
});

/** `count` requests from socket address `from`, one after another; their status codes. */
async function statuses(count: number, from: string, request: (i: number) => InjectOptions): Promise<number[]> {
  const codes = [];
  for (let i = 0; i < count; i++) codes.push((await t.app.inject({ ...request(i), remoteAddress: from })).statusCode);
  return codes;
}

describe('sign-in abuse', () => {
  it.each([
    ['12345678', /too common/],
    ['password', /too common/],
    ['        ', /only spaces/],
    ['weak.owner@example.com', /your email/],
  ])('refuses the signup password %j with 400 VALIDATION_ERROR naming the password', async (password, detail) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/auth/signup',
      remoteAddress: '192.0.2.1',
      payload: { email: 'weak.owner@example.com', password },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_ERROR', detail: expect.stringMatching(/password/) });
    expect(response.json<{ detail: string }>().detail).toMatch(detail);
    expect((await database.query('SELECT 1 FROM users WHERE email = $1', ['weak.owner@example.com'])).rows).toEqual([]);
  });

  it('limits password spraying from one IP across many emails (per-IP login budget)', async () => {
    const codes = await statuses(LOGINS_PER_IP_PER_MINUTE + 2, '192.0.2.10', (i) => ({
      method: 'POST',
      url: '/auth/login',
      payload: { email: `spray${i}@example.com`, password: 'Summer2026!' },
    }));
    expect(codes.slice(0, LOGINS_PER_IP_PER_MINUTE).every((code) => code === 401)).toBe(true);
    expect(codes.slice(LOGINS_PER_IP_PER_MINUTE)).toEqual([429, 429]);
    // Another IP is not affected.
    const other = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      remoteAddress: '192.0.2.11',
      payload: { email: 'spray0@example.com', password: 'x'.repeat(8) },
    });
    expect(other.statusCode).toBe(401);
    expect(t.logs.some((line) => line.event === 'rate_limit.exceeded' && line.level === 'WARN')).toBe(true);
  });

  it('throttles signup enumeration from one IP', async () => {
    const taken = await signUp(t.app);
    // Probing a list of emails: the taken one answers 409, the others create accounts.
    const codes = await statuses(SIGNUPS_PER_IP_PER_MINUTE + 1, '192.0.2.20', (i) => ({
      method: 'POST',
      url: '/auth/signup',
      payload: {
        email: i === 3 ? taken.email : `probe${i}-${Date.now()}@example.com`,
        password: 'correct horse battery',
      },
    }));
    expect(codes[3]).toBe(409);
    expect(codes.slice(0, SIGNUPS_PER_IP_PER_MINUTE).every((code) => code === 201 || code === 409)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });

  it('counts requests that fail authentication: forged tokens from one IP meet a 429', async () => {
    const codes = await statuses(FAILED_AUTH_PER_MINUTE + 1, '192.0.2.30', (i) => ({
      method: 'GET',
      url: '/reports',
      headers: bearer(`forged.token.${i}`),
    }));
    expect(codes.slice(0, FAILED_AUTH_PER_MINUTE).every((code) => code === 401)).toBe(true);
    const limited = await t.app.inject({
      method: 'GET',
      url: '/reports',
      remoteAddress: '192.0.2.30',
      headers: bearer('forged.token.x'),
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('throttles cron secret guesses', async () => {
    const codes = await statuses(FAILED_AUTH_PER_MINUTE + 1, '192.0.2.40', (i) => ({
      method: 'POST',
      url: '/cron/expire-reports',
      headers: { 'x-cron-secret': `guess-${i}` },
    }));
    expect(codes.slice(0, FAILED_AUTH_PER_MINUTE).every((code) => code === 401)).toBe(true);
    expect(codes.at(-1)).toBe(429);
    expect(t.logs.some((line) => line.level === 'WARN' && /cron call refused/.test(String(line.msg)))).toBe(true);
  });
});

describe('a sign-in flood past the hashing queue', () => {
  it('answers 503 SERVICE_UNAVAILABLE with Retry-After for the logins that cannot wait', async () => {
    const open = await buildTestApp(database, { RATE_LIMIT_ENABLED: 'false' });
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        open.app.inject({
          method: 'POST',
          url: '/auth/login',
          payload: { email: `burst${i}@example.com`, password: 'not-the-password' },
        }),
      ),
    );
    const busy = responses.filter((response) => response.statusCode === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0].json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(busy[0].headers['retry-after']).toBe('5');
    expect(responses.every((response) => response.statusCode === 401 || response.statusCode === 503)).toBe(true);
    await open.close();
  });
});
