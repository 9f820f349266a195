import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import { databaseTlsProblem } from '../src/database-tls.js';
import { buildTestApp, testDatabase, type TestApp } from './support/app.js';
import { bearer, signUp } from './support/users.js';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await testDatabase();
  t = await buildTestApp(database, { CRON_SECRET: 'c'.repeat(40) });
});
afterAll(async () => {
  await t.close();
  await database.close();
});

describe('Cache-Control: no-store on token and report responses', () => {
  it('signup, login, refresh, reports and their errors are never cached', async () => {
    const user = await signUp(t.app);
    const responses = [
      await t.app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { email: user.email, password: 'correct horse battery' },
      }),
      await t.app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { email: user.email, password: 'wrong password' },
      }),
      await t.app.inject({ method: 'GET', url: '/reports', headers: bearer(user.token) }),
      await t.app.inject({
        method: 'GET',
        url: '/reports/0b6f3a4e-1d2c-4b5a-9e8f-7a6b5c4d3e2f',
        headers: bearer(user.token),
      }),
    ];
    responses.forEach((response, i) => expect(response.headers['cache-control'], String(i)).toBe('no-store'));
  });
});

describe('security events are logged at warn', () => {
  it('failed login, rejected token, bad cron secret', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: 'nobody@example.com', password: 'wrong password' },
    });
    await t.app.inject({ method: 'GET', url: '/reports', headers: bearer('forged.token.here') });
    await t.app.inject({ method: 'POST', url: '/cron/expire-reports', headers: { 'x-cron-secret': 'guess' } });
    const warned = t.logs.filter((line) => line.level === 'WARN').map((line) => line.event ?? line.msg);
    expect(warned).toEqual(
      expect.arrayContaining(['auth.login_failed', 'auth.token_rejected', 'cron.secret_rejected']),
    );
    // The failed login's email is masked.
    expect(JSON.stringify(t.logs)).not.toContain('nobody@example.com');
  });
});

describe('databaseTlsProblem', () => {
  it.each([
    [undefined, false, null],
    ['postgres://u@localhost:5432/db', false, null],
    ['postgres://u@127.0.0.1/db', false, null],
    ['postgres://u@db.example.com/db?sslmode=verify-full&sslrootcert=/ca.pem', true, null],
    ['postgres://u@db.example.com/db?sslmode=verify-ca', false, null],
  ])('%s (supabase %s) is fine', (url, supabase, problem) => {
    expect(databaseTlsProblem(url, supabase)).toBe(problem);
  });

  it.each([
    ['postgres://u@db.example.com/db', false, /not encrypted/],
    ['postgres://u@db.example.com/db?sslmode=disable', false, /not encrypted/],
    ['postgres://u@db.example.com/db', true, /without verifying/],
    ['postgres://u@db.example.com/db?sslmode=require', false, /without verifying/],
  ])('%s (supabase %s) is warned about', (url, supabase, problem) => {
    expect(databaseTlsProblem(url, supabase)).toMatch(problem);
  });
});
