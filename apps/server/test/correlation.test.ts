import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import { buildTestApp, testDatabase, type CapturedLog, type TestApp } from './support/app.js';
import { bearer, signUp } from './support/users.js';

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

/** The lines logged under `requestId`. */
const linesOf = (requestId: string): CapturedLog[] => t.logs.filter((l) => l.requestId === requestId);

describe('log correlation', () => {
  it('writes every line of one request, and of the generation it started, with its requestId, userId and report_id', async () => {
    const user = await signUp(t.app);
    const requestId = 'correlation-test-0001';
    const created = await t.app.inject({
      method: 'POST',
      url: '/reports',
      headers: { ...bearer(user.token), 'x-request-id': requestId },
      payload: { subject: 'Nursing' },
    });
    expect(created.headers['x-request-id']).toBe(requestId);
    const reportId = created.json<{ report: { report_id: string } }>().report.report_id;
    await t.app.generation.idle();

    const lines = linesOf(requestId);
    // Every line about this report, from any part of the app, is one of this request's lines.
    const aboutReport = t.logs.filter((l) => l.report_id === reportId);
    expect(aboutReport.length).toBeGreaterThanOrEqual(4);
    expect(aboutReport.every((l) => l.requestId === requestId && l.userId === user.userId)).toBe(true);
    expect(lines.map((l) => l.msg)).toEqual(
      expect.arrayContaining([
        'report created',
        'generation started',
        'generation first token',
        'generation completed',
        'request completed',
      ]),
    );
    expect(lines.every((l) => l.userId === user.userId)).toBe(true);
    const completed = lines.find((l) => l.msg === 'generation completed')!;
    expect(completed).toMatchObject({
      report_id: reportId,
      provider: 'knowledge-base',
      duration_ms: expect.any(Number) as unknown,
      tokens_used: expect.any(Number) as unknown,
    });
    // The correlation test's output, for the record: what one request wrote.
    console.log(
      lines
        .map((l) =>
          JSON.stringify({
            level: l.level,
            msg: l.msg,
            requestId: l.requestId,
            userId: l.userId,
            report_id: l.report_id,
          }),
        )
        .join('\n'),
    );

    const streamId = 'correlation-test-0002';
    await t.app.inject({
      method: 'GET',
      url: `/reports/${reportId}/stream`,
      headers: { ...bearer(user.token), 'x-request-id': streamId },
    });
    expect(linesOf(streamId).map((l) => l.msg)).toEqual(
      expect.arrayContaining(['report reader attached', 'report streamed']),
    );
  });

  it('logs auth events with the request id: signup, login success and failure, refresh, logout, token rejected', async () => {
    const email = `corr-${Date.now()}@example.com`;
    const send = (
      id: string,
      method: 'GET' | 'POST',
      url: string,
      options: { payload?: object; token?: string } = {},
    ) =>
      t.app.inject({
        method,
        url,
        headers: { 'x-request-id': id, ...(options.token ? bearer(options.token) : {}) },
        ...(options.payload ? { payload: options.payload } : {}),
      });
    const signup = await send('auth-signup-1', 'POST', '/auth/signup', {
      payload: { email, password: 'correct horse battery' },
    });
    const token = signup.json<{ token: string }>().token;
    await send('auth-login-ok-1', 'POST', '/auth/login', { payload: { email, password: 'correct horse battery' } });
    await send('auth-login-bad-1', 'POST', '/auth/login', { payload: { email, password: 'wrong horse battery' } });
    const refreshed = (await send('auth-refresh-1', 'POST', '/auth/refresh', { token })).json<{ token: string }>()
      .token;
    await send('auth-logout-1', 'POST', '/auth/logout', { token: refreshed });
    await send('auth-rejected-1', 'GET', '/reports', { token: refreshed });
    const message = (id: string) => linesOf(id).map((l) => l.msg);
    expect(message('auth-signup-1')).toContain('signup');
    expect(message('auth-login-ok-1')).toContain('login');
    expect(message('auth-login-bad-1')).toContain('login failed');
    expect(message('auth-refresh-1')).toContain('token refreshed');
    expect(message('auth-logout-1')).toContain('logout');
    expect(message('auth-rejected-1')).toContain('token rejected');
  });

  it('logs an API error with its stack under the request id', async () => {
    const broken = await testDatabase();
    const app = await buildTestApp(broken);
    const user = await signUp(app.app);
    await broken.close();
    await app.app.inject({
      method: 'GET',
      url: '/reports',
      headers: { ...bearer(user.token), 'x-request-id': 'api-error-1' },
    });
    const failed = app.logs.find((l) => l.requestId === 'api-error-1' && l.msg === 'request failed');
    expect(JSON.stringify(failed)).toContain('stack');
    await app.close();
  });
});
