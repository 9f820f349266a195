import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import { ProviderUnavailableError, TokenRejectedError } from '../src/domain/auth/errors.js';
import { ApiError } from '../src/errors.js';
import { authFailure } from '../src/plugins/app/auth.js';
import { buildTestApp, testDatabase, type TestApp } from './support/app.js';
import { bearer } from './support/users.js';

const PASSWORD = 'correct horse battery';

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

const post = (url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });

describe('POST /auth/signup', () => {
  it('creates an account: 201 with a token and the normalised email', async () => {
    const response = await post('/auth/signup', { email: '  Asha.Rao@Example.COM ', password: PASSWORD });
    expect(response.statusCode).toBe(201);
    const body = response.json<{ token: string; user: { user_id: string; email: string } }>();
    expect(body).toEqual({
      token: expect.any(String),
      user: { user_id: expect.any(String), email: 'asha.rao@example.com' },
    });
    const stored = await database.query<{ email: string; auth_provider: string; password_hash: string }>(
      'SELECT email, auth_provider, password_hash FROM users WHERE user_id = $1',
      [body.user.user_id],
    );
    expect(stored.rows[0]).toMatchObject({ email: 'asha.rao@example.com', auth_provider: 'local' });
    expect(stored.rows[0].password_hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
    expect(stored.rows[0].password_hash).not.toContain(PASSWORD);
  });

  it('hashes at the production cost in an app built without a hasher of its own (as main.ts builds it)', async () => {
    const production = await buildTestApp(database, {}, { passwords: undefined });
    try {
      const response = await production.app.inject({
        method: 'POST',
        url: '/auth/signup',
        payload: { email: 'cost@example.com', password: PASSWORD },
      });
      expect(response.statusCode).toBe(201);
      const stored = await database.query<{ password_hash: string }>(
        'SELECT password_hash FROM users WHERE email = $1',
        ['cost@example.com'],
      );
      expect(stored.rows[0].password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      // …while the test apps of every other test hash at the cheap test cost.
      await post('/auth/signup', { email: 'cheap@example.com', password: PASSWORD });
      const cheap = await database.query<{ password_hash: string }>(
        'SELECT password_hash FROM users WHERE email = $1',
        ['cheap@example.com'],
      );
      expect(cheap.rows[0].password_hash).toMatch(/^scrypt\$1024\$8\$1\$/);
    } finally {
      await production.close();
    }
  });

  it('answers 409 CONFLICT for an email that is taken, in any case', async () => {
    await post('/auth/signup', { email: 'taken@example.com', password: PASSWORD });
    const response = await post('/auth/signup', { email: 'TAKEN@example.com', password: 'another password' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({
      error: 'Email already registered',
      code: 'CONFLICT',
      detail: 'An account with this email already exists. Sign in instead.',
      request_id: response.headers['x-request-id'],
    });
  });

  it.each([
    [
      'a password shorter than 8 characters',
      { email: 'short@example.com', password: 'seven77' },
      /at least 8 characters/,
    ],
    ['an email that is not one', { email: 'not-an-email', password: PASSWORD }, /must be an email address/],
    ['a missing email', { password: PASSWORD }, /expected string/],
    ['an unknown field', { email: 'extra@example.com', password: PASSWORD, is_admin: true }, /is_admin/],
  ])('answers 400 VALIDATION_ERROR for %s', async (_case, payload, detail) => {
    const response = await post('/auth/signup', payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_ERROR', detail: expect.stringMatching(detail) });
    expect(
      await database.query('SELECT 1 FROM users WHERE email = $1', [(payload as { email?: string }).email ?? '']),
    ).toMatchObject({ rows: [] });
  });
});

describe('POST /auth/login', () => {
  beforeAll(async () => {
    await post('/auth/signup', { email: 'login@example.com', password: PASSWORD });
  });

  it('signs in: 200 with a token and the user', async () => {
    const response = await post('/auth/login', { email: ' Login@Example.com', password: PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      token: expect.any(String),
      user: { user_id: expect.any(String), email: 'login@example.com' },
    });
    const { token } = response.json<{ token: string }>();
    expect((await post('/auth/refresh', undefined, bearer(token))).statusCode).toBe(200);
  });

  it('answers the same 401 for an unknown email and a wrong password', async () => {
    const unknown = await post('/auth/login', { email: 'nobody@example.com', password: PASSWORD });
    const wrong = await post('/auth/login', { email: 'login@example.com', password: 'not the password' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    const strip = (body: Record<string, unknown>) => ({ ...body, request_id: undefined });
    expect(strip(unknown.json())).toEqual(strip(wrong.json()));
    expect(unknown.json()).toMatchObject({ code: 'UNAUTHORIZED', detail: 'The email or password is incorrect.' });
  });

  it('answers 400 for a short password before looking anything up', async () => {
    expect((await post('/auth/login', { email: 'login@example.com', password: 'short' })).statusCode).toBe(400);
  });
});

describe('POST /auth/refresh and /auth/logout', () => {
  it('refresh rotates the session: the new token works, the old one is refused', async () => {
    const { token } = (await post('/auth/signup', { email: 'rotate@example.com', password: PASSWORD })).json<{
      token: string;
    }>();
    const refreshed = await post('/auth/refresh', undefined, bearer(token));
    expect(refreshed.statusCode).toBe(200);
    const next = refreshed.json<{ token: string }>().token;
    expect(Object.keys(refreshed.json())).toEqual(['token']);
    expect(next).not.toBe(token);

    const old = await post('/auth/refresh', undefined, bearer(token));
    expect(old.statusCode).toBe(401);
    expect(old.json()).toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await t.app.inject({ method: 'GET', url: '/reports', headers: bearer(token) })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/reports', headers: bearer(next) })).statusCode).toBe(200);
  });

  it('logout answers 204, after which that token is refused everywhere', async () => {
    const { token } = (await post('/auth/signup', { email: 'logout@example.com', password: PASSWORD })).json<{
      token: string;
    }>();
    const response = await post('/auth/logout', undefined, bearer(token));
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect((await post('/auth/logout', undefined, bearer(token))).statusCode).toBe(401);
    expect((await post('/auth/refresh', undefined, bearer(token))).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/reports', headers: bearer(token) })).statusCode).toBe(401);
  });

  it('lets only one of two concurrent refreshes of one token through', async () => {
    const { token } = (await post('/auth/signup', { email: 'race@example.com', password: PASSWORD })).json<{
      token: string;
    }>();
    const from = t.logs.length;
    const responses = await Promise.all([1, 2, 3].map(() => post('/auth/refresh', undefined, bearer(token))));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 401, 401]);
    const reasons = t.logs
      .slice(from)
      .filter((line) => line.event === 'auth.token_rejected')
      .map((line) => line.reason);
    expect(reasons).toEqual(['session-revoked', 'session-revoked']);
  });

  it('logging out one session leaves the user’s other sessions signed in', async () => {
    await post('/auth/signup', { email: 'two-devices@example.com', password: PASSWORD });
    const login = async () =>
      (await post('/auth/login', { email: 'two-devices@example.com', password: PASSWORD })).json<{ token: string }>()
        .token;
    const phone = await login();
    const laptop = await login();
    expect((await post('/auth/logout', undefined, bearer(phone))).statusCode).toBe(204);
    expect((await post('/auth/refresh', undefined, bearer(laptop))).statusCode).toBe(200);
  });

  it.each([
    ['no Authorization header', {}],
    ['an empty Bearer', { authorization: 'Bearer ' }],
    ['another scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['a garbage token', { authorization: 'Bearer not.a.token' }],
  ])('answers 401 UNAUTHORIZED in the error shape for %s', async (_case, headers) => {
    for (const url of ['/auth/refresh', '/auth/logout']) {
      const response = await post(url, undefined, headers);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        error: 'Unauthorized',
        code: 'UNAUTHORIZED',
        detail: expect.any(String),
        request_id: response.headers['x-request-id'],
      });
    }
  });
});

describe('auth logs', () => {
  it('records signup, login success and failure with masked emails, and never a password or token', async () => {
    const from = t.logs.length;
    const signup = await post('/auth/signup', { email: 'logged.user@example.com', password: PASSWORD });
    const { token } = signup.json<{ token: string }>();
    await post('/auth/login', { email: 'logged.user@example.com', password: PASSWORD });
    await post('/auth/login', { email: 'logged.user@example.com', password: 'wrong password here' });
    await post('/auth/login', { email: 'ghost.user@example.com', password: PASSWORD });
    await post('/auth/refresh', undefined, bearer(token));
    await post('/auth/refresh', undefined, bearer(token));
    const lines = t.logs.slice(from);
    const events = lines.filter((line) => typeof line.event === 'string');
    expect(events.map((line) => [line.event, line.email, line.reason])).toEqual([
      ['auth.signup', 'l***@example.com', undefined],
      ['auth.login', 'l***@example.com', undefined],
      ['auth.login_failed', 'l***@example.com', 'wrong-password'],
      ['auth.login_failed', 'g***@example.com', 'unknown-email'],
      ['auth.refresh', undefined, undefined],
      ['auth.token_rejected', undefined, 'session-revoked'],
    ]);
    // The refresh is logged inside the request's context, with its user.
    expect(events[4]).toMatchObject({
      userId: signup.json<{ user: { user_id: string } }>().user.user_id,
      requestId: expect.any(String),
    });
    const text = JSON.stringify(lines);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain('wrong password here');
    expect(text).not.toContain(token);
    expect(text).not.toContain('logged.user@example.com');
    expect(text).not.toContain('ghost.user@example.com');
  });

  it('logs why a token was refused', async () => {
    const from = t.logs.length;
    await post('/auth/refresh');
    await post('/auth/refresh', undefined, { authorization: 'Token abc' });
    await post('/auth/refresh', undefined, bearer('eyJhbGciOiJIUzI1NiJ9.e30.c2ln'));
    const reasons = t.logs
      .slice(from)
      .filter((line) => line.event === 'auth.token_rejected')
      .map((line) => line.reason);
    expect(reasons).toEqual(['missing-token', 'malformed-header', 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED']);
  });
});

describe('OpenAPI', () => {
  it('documents the auth routes, their errors and which need a Bearer token', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      paths: Record<
        string,
        { post: { tags: string[]; security?: unknown; responses: Record<string, unknown>; requestBody?: unknown } }
      >;
    }>();
    const signup = document.paths['/auth/signup'].post;
    expect(signup.tags).toEqual(['auth']);
    expect(signup.security).toEqual([]);
    expect(Object.keys(signup.responses).sort()).toEqual([
      '201',
      '400',
      '408',
      '409',
      '413',
      '415',
      '429',
      '431',
      '500',
      '503',
    ]);
    expect(JSON.stringify(signup.requestBody)).toContain('"additionalProperties":false');
    expect(Object.keys(document.paths['/auth/login'].post.responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '408',
      '413',
      '415',
      '429',
      '431',
      '500',
      '503',
    ]);
    expect(document.paths['/auth/logout'].post.security).toEqual([{ bearerAuth: [] }]);
    // Refresh takes the Bearer token, or (nothing in the header) the refresh cookie.
    expect(document.paths['/auth/refresh'].post.security).toEqual([{ bearerAuth: [] }, { refreshCookie: [] }]);
    for (const path of ['/auth/refresh', '/auth/logout'])
      expect(document.paths[path].post.responses).toHaveProperty('401');
    expect(document.paths['/auth/logout'].post.responses).toHaveProperty('204');
  });
});

describe('authFailure', () => {
  const recorder = () => {
    const lines: [string, Record<string, unknown>][] = [];
    const log = (level: string) => (fields: Record<string, unknown>) => void lines.push([level, fields]);
    return {
      lines,
      request: { log: { info: log('info'), warn: log('warn'), error: log('error') } } as unknown as Parameters<
        typeof authFailure
      >[0],
    };
  };

  it('turns a refused token into 401 UNAUTHORIZED and logs the reason as a security warning', () => {
    const { lines, request } = recorder();
    expect(authFailure(request, new TokenRejectedError('token-expired'))).toMatchObject({
      statusCode: 401,
      code: 'UNAUTHORIZED',
    });
    expect(lines).toEqual([['warn', { event: 'auth.token_rejected', reason: 'token-expired' }]]);
  });

  it('turns an unreachable identity provider into 503 SERVICE_UNAVAILABLE and logs it as an error', () => {
    const { lines, request } = recorder();
    const error = authFailure(request, new ProviderUnavailableError({ cause: new Error('ECONNREFUSED') }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(lines.map(([level, fields]) => [level, fields.event])).toEqual([['error', 'auth.provider_unavailable']]);
  });

  it('leaves any other error as it is, for the error handler', () => {
    const { lines, request } = recorder();
    const error = new Error('database down');
    expect(authFailure(request, error)).toBe(error);
    expect(lines).toEqual([]);
  });
});
