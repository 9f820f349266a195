import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import {
  originAllowed,
  readCookie,
  REFRESH_COOKIE,
  refreshCookie,
  withLoopbackAliases,
} from '../src/routes/refresh-cookie.js';
import { buildTestApp, testDatabase, type TestApp } from './support/app.js';
import { bearer } from './support/users.js';

const PASSWORD = 'correct horse battery';
const ORIGIN = 'http://localhost:3000';

let database: Database;
let t: TestApp;
beforeAll(async () => {
  database = await testDatabase();
  t = await buildTestApp(database);
});
afterAll(async () => {
  await t.close();
  await database.close();
});

const send = (method: 'POST' | 'DELETE', url: string, headers: Record<string, string> = {}, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

/** The refresh cookie a response set: its value and attributes. */
function setCookie(response: { headers: Record<string, unknown> }): { value: string; attributes: string[] } {
  const header = response.headers['set-cookie'];
  expect(typeof header).toBe('string');
  const [pair, ...attributes] = (header as string).split('; ');
  expect(pair.startsWith(`${REFRESH_COOKIE}=`)).toBe(true);
  return { value: pair.slice(REFRESH_COOKIE.length + 1), attributes };
}

const refresh = (cookie: string, origin: string | null = ORIGIN) =>
  send('POST', '/auth/refresh', { cookie: `other=1; ${REFRESH_COOKIE}=${cookie}`, ...(origin ? { origin } : {}) });

async function signUp(email: string): Promise<{ token: string; cookie: string }> {
  const response = await send('POST', '/auth/signup', {}, { email, password: PASSWORD });
  expect(response.statusCode).toBe(201);
  return { token: response.json<{ token: string }>().token, cookie: setCookie(response).value };
}

describe('the refresh cookie', () => {
  it('is set by signup and login: HttpOnly, SameSite=Strict, only for /auth/refresh, 14 days, not Secure outside production', async () => {
    await signUp('cookie@example.com');
    const login = await send('POST', '/auth/login', {}, { email: 'cookie@example.com', password: PASSWORD });
    const { value, attributes } = setCookie(login);
    expect(value).toMatch(/^[0-9a-f-]{36}\.0\.[\w-]{43}$/);
    expect(attributes).toEqual(['Path=/auth/refresh', `Max-Age=${14 * 86_400}`, 'HttpOnly', 'SameSite=Strict']);
    expect(login.headers['cache-control']).toBe('no-store');
  });

  it('is Secure in production', () => {
    const cookie = refreshCookie('abc', { secure: true, expiresAt: new Date(61_000), now: new Date(0) });
    expect(cookie).toBe(`${REFRESH_COOKIE}=abc; Path=/auth/refresh; Max-Age=61; HttpOnly; SameSite=Strict; Secure`);
    expect(refreshCookie('abc', { secure: false, expiresAt: null, now: new Date(0) })).toBe(
      `${REFRESH_COOKIE}=; Path=/auth/refresh; Max-Age=0; HttpOnly; SameSite=Strict`,
    );
  });

  it('gives a reload a new access token and the user, and rotates on every use', async () => {
    const first = await signUp('reload@example.com');
    const response = await refresh(first.cookie);
    expect(response.statusCode).toBe(200);
    const body = response.json<{ token: string; user: { email: string } }>();
    expect(body.user.email).toBe('reload@example.com');
    expect(response.headers['cache-control']).toBe('no-store');
    const second = setCookie(response).value;
    expect(second).not.toBe(first.cookie);
    expect(second).toMatch(/\.1\./);
    // The new access token works; the sign-up's one still does too until it expires (15 minutes).
    for (const token of [body.token, first.token]) {
      expect((await t.app.inject({ method: 'GET', url: '/reports', headers: bearer(token) })).statusCode).toBe(200);
    }
    expect((await refresh(second)).statusCode).toBe(200);
  });

  it('detects reuse: a replayed cookie revokes the whole sign-in and clears the cookie', async () => {
    const first = await signUp('replay@example.com');
    const rotated = setCookie(await refresh(first.cookie)).value;
    const replay = await refresh(first.cookie);
    expect(replay.statusCode).toBe(401);
    expect(replay.json<{ code: string }>().code).toBe('UNAUTHORIZED');
    expect(setCookie(replay)).toEqual({ value: '', attributes: expect.arrayContaining(['Max-Age=0']) });
    expect((await refresh(rotated)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/reports', headers: bearer(first.token) })).statusCode).toBe(401);
    expect(t.logs.some((line) => line.event === 'auth.refresh_reused')).toBe(true);
  });

  it('checks Origin: another site, or none, is 403 and the cookie is not used', async () => {
    const { cookie } = await signUp('origin@example.com');
    // A request with no cookie at all is the contract's 401, whatever its Origin.
    expect((await send('POST', '/auth/refresh', { origin: 'https://evil.example' })).statusCode).toBe(401);
    for (const origin of ['https://evil.example', null]) {
      const response = await refresh(cookie, origin);
      expect(response.statusCode).toBe(403);
      expect(response.json<{ code: string }>().code).toBe('FORBIDDEN');
    }
    expect((await refresh(cookie)).statusCode).toBe(200);
  });

  it('answers 401 without a cookie or with a forged one, and keeps the Bearer exchange of the contract', async () => {
    expect((await send('POST', '/auth/refresh', { origin: ORIGIN })).statusCode).toBe(401);
    expect(
      (await refresh('00000000-0000-0000-0000-000000000000.0.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')).statusCode,
    ).toBe(401);
    const { token } = await signUp('bearer@example.com');
    const exchanged = await send('POST', '/auth/refresh', bearer(token));
    expect(exchanged.statusCode).toBe(200);
    expect(Object.keys(exchanged.json())).toEqual(['token']);
  });

  it('ends in every tab on sign-out: Bearer logout and DELETE /auth/refresh both end the sign-in and clear the cookie', async () => {
    const a = await signUp('logout-a@example.com');
    const out = await send('POST', '/auth/logout', bearer(a.token));
    expect(out.statusCode).toBe(204);
    expect(setCookie(out).value).toBe('');
    expect((await refresh(a.cookie)).statusCode).toBe(401);

    const b = await signUp('logout-b@example.com');
    expect(
      (
        await send('DELETE', '/auth/refresh', {
          origin: 'https://evil.example',
          cookie: `${REFRESH_COOKIE}=${b.cookie}`,
        })
      ).statusCode,
    ).toBe(403);
    const cookieOut = await send('DELETE', '/auth/refresh', {
      origin: ORIGIN,
      cookie: `${REFRESH_COOKIE}=${b.cookie}`,
    });
    expect(cookieOut.statusCode).toBe(204);
    expect(setCookie(cookieOut).value).toBe('');
    expect((await refresh(b.cookie)).statusCode).toBe(401);
    expect((await send('DELETE', '/auth/refresh', { origin: ORIGIN })).statusCode).toBe(204);
  });
});

describe('cookie helpers', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['a=1', null],
    [`${REFRESH_COOKIE}=`, null],
    [`a=1; ${REFRESH_COOKIE}=x.y; b=2`, 'x.y'],
    [`${REFRESH_COOKIE}x=1;${REFRESH_COOKIE}=z`, 'z'],
  ])('reads %s as %s', (header, value) => {
    expect(readCookie(header, REFRESH_COOKIE)).toBe(value);
  });

  it.each([
    ['http://localhost:3000', true],
    ['https://app.example', true],
    ['https://ok.example', true],
    ['https://app.example.evil', false],
    [undefined, false],
  ])('origin %s allowed: %s', (origin, allowed) => {
    expect(originAllowed(origin, ['http://localhost:3000', 'https://ok.example/'], 'https://app.example/path')).toBe(
      allowed,
    );
  });

  // The server logs http://127.0.0.1:PORT while APP_URL defaults to http://localhost:PORT: either name of this
  // machine, on the same scheme and port, is the web app.
  it.each([
    ['http://localhost:3000', 'http://localhost:3000', true],
    ['http://127.0.0.1:3000', 'http://localhost:3000', true],
    ['http://[::1]:3000', 'http://localhost:3000', true],
    ['http://localhost:3000', 'http://127.0.0.1:3000/', true],
    ['http://127.0.0.1:3001', 'http://localhost:3000', false],
    ['https://127.0.0.1:3000', 'http://localhost:3000', false],
    ['http://127.0.0.2:3000', 'http://localhost:3000', false],
    ['http://localhost.evil.example:3000', 'http://localhost:3000', false],
    ['http://127.0.0.1', 'http://localhost', true],
    ['http://127.0.0.1:3000', 'https://app.example', false],
  ])('origin %s with APP_URL %s allowed: %s', (origin, appUrl, allowed) => {
    expect(originAllowed(origin, [], appUrl)).toBe(allowed);
  });

  it.each([
    ['https://app.example', ['https://app.example']],
    ['http://localhost:3000', ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']],
    ['https://localhost', ['https://localhost', 'https://127.0.0.1', 'https://[::1]']],
  ])('withLoopbackAliases(%s)', (origin, aliases) => {
    expect(withLoopbackAliases(origin)).toEqual(aliases);
  });
});
