import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import { buildTestApp, testDatabase, type TestApp } from './support/app.js';
import { clerkKeys, type ClerkKeys } from './support/clerk-keys.js';
import { bearer } from './support/users.js';

let database: Database;
let t: TestApp;
let keys: ClerkKeys;

beforeAll(async () => {
  database = await testDatabase();
  keys = await clerkKeys();
  t = await buildTestApp(database, {
    AUTH_PROVIDER: 'clerk',
    // As a one-line environment variable holds it: literal \n sequences.
    CLERK_JWT_KEY: keys.publicKeyPem.trim().replaceAll('\n', '\\n'),
    CLERK_PUBLISHABLE_KEY: 'pk_test_Y2xlcmsudGVzdC5leGFtcGxlJA',
    ALLOWED_ORIGINS: 'http://localhost:3000,https://study.example.com',
  });
});
afterAll(async () => {
  await t.close();
  await database.close();
});

const nowSeconds = (): number => Math.floor(Date.now() / 1000);
const lastRejection = (): unknown => t.logs.filter((line) => line.event === 'auth.token_rejected').at(-1)?.reason;
const reports = (token: string) => t.app.inject({ method: 'GET', url: '/reports', headers: bearer(token) });

/** The users row of a Clerk user id. */
async function userRow(clerkUserId: string) {
  const result = await database.query<{ user_id: string; auth_provider: string; email: string | null }>(
    'SELECT user_id, auth_provider, email FROM users WHERE external_id = $1',
    [clerkUserId],
  );
  return result.rows;
}

describe('AUTH_PROVIDER=clerk', () => {
  it('accepts a valid Clerk session token and upserts its user on first sight', async () => {
    const token = await keys.sign({
      sub: 'user_first_sight',
      email: 'Priya@Example.com',
      auth_provider: 'oauth_google',
    });
    const response = await reports(token);
    expect(response.statusCode).toBe(200);
    expect(await userRow('user_first_sight')).toEqual([
      { user_id: expect.any(String), auth_provider: 'google', email: 'priya@example.com' },
    ]);
  });

  it('stores provider "email" and no email when the token carries neither', async () => {
    expect((await reports(await keys.sign({ sub: 'user_plain' }))).statusCode).toBe(200);
    expect(await userRow('user_plain')).toEqual([{ user_id: expect.any(String), auth_provider: 'email', email: null }]);
  });

  it('answers later requests of a known user from memory, without writing the user again', async () => {
    const first = await keys.sign({ sub: 'user_cached', email: 'first@example.com' });
    expect((await reports(first)).statusCode).toBe(200);
    const [before] = await userRow('user_cached');
    const second = await keys.sign({ sub: 'user_cached', email: 'changed@example.com', auth_provider: 'oauth_apple' });
    expect((await reports(second)).statusCode).toBe(200);
    expect(await userRow('user_cached')).toEqual([before]);
  });

  it('accepts a token from any of ALLOWED_ORIGINS', async () => {
    expect((await reports(await keys.sign({ azp: 'https://study.example.com' }))).statusCode).toBe(200);
  });

  it.each([
    ['a wrong azp', () => keys.sign({ azp: 'https://evil.example' }), 'token-invalid-authorized-parties'],
    ['no azp', () => keys.sign({ azp: undefined }), 'token-invalid-authorized-parties'],
    [
      'an expired token',
      () => keys.sign({ iat: nowSeconds() - 120, nbf: nowSeconds() - 120, exp: nowSeconds() - 60 }),
      'token-expired',
    ],
    [
      'a token not valid yet',
      () => keys.sign({ nbf: nowSeconds() + 60, exp: nowSeconds() + 120 }),
      'token-not-active-yet',
    ],
    ['no sub', () => keys.sign({ sub: undefined }), 'token-verification-failed'],
    ['a token signed with another key', async () => (await clerkKeys()).sign(), 'token-invalid-signature'],
    ['a token that is not a JWT', () => Promise.resolve('not-a-jwt'), 'token-invalid'],
  ])('answers 401 UNAUTHORIZED for %s and logs the reason', async (_case, token, reason) => {
    const response = await reports(await token());
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'UNAUTHORIZED', request_id: response.headers['x-request-id'] });
    expect(lastRejection()).toBe(reason);
  });

  it('answers 401 without a Bearer token', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/reports' });
    expect(response.statusCode).toBe(401);
    expect(lastRejection()).toBe('missing-token');
  });

  it('does not offer local sign-in: /auth/* answers 404 NOT_FOUND and is not in the OpenAPI document', async () => {
    for (const url of ['/auth/signup', '/auth/login', '/auth/refresh', '/auth/logout']) {
      const response = await t.app.inject({
        method: 'POST',
        url,
        payload: { email: 'a@example.com', password: 'password123' },
      });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
    const document = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/auth'))).toEqual([]);
  });

  it('never logs a Clerk token', async () => {
    const token = await keys.sign({ sub: 'user_logs' });
    await reports(token);
    await reports(`${token}x`);
    expect(JSON.stringify(t.logs)).not.toContain(token.split('.')[2]);
  });
});
