import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import type { LightMyRequestResponse } from 'fastify';
import { isDatabaseOutage } from '../src/plugins/app/error-handler.js';
import { buildTestApp, testDatabase, type TestApp } from './support/app.js';
import { bearer, signUp } from './support/users.js';

let database: Database;
let t: TestApp;
const ORIGIN = 'http://localhost:3000';

beforeAll(async () => {
  database = await testDatabase();
  t = await buildTestApp(database);
});
afterAll(async () => {
  await t.close();
  await database.close();
});

/** The contract's error shape, with security headers, CORS and the request id, and a log line for it. */
function expectOneErrorPath(response: LightMyRequestResponse, status: number, code: string): void {
  expect(response.statusCode).toBe(status);
  const body = response.json<Record<string, string>>();
  expect(Object.keys(body).sort()).toEqual(['code', 'detail', 'error', 'request_id']);
  expect(body.code).toBe(code);
  expect(body.request_id).toBe(response.headers['x-request-id']);
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['content-security-policy']).toBeDefined();
  expect(response.headers['access-control-allow-origin']).toBe(ORIGIN);
  expect(response.body).not.toMatch(/<svg|onload/i);
  expect(t.logs.some((line) => line.requestId === body.request_id)).toBe(true);
}

describe('one error path for everything', () => {
  it('a malformed URL', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/%zz<svg/onload=alert(1)>',
      headers: { origin: ORIGIN },
    });
    expectOneErrorPath(response, 400, 'VALIDATION_ERROR');
  });

  it('a path parameter over 100 characters', async () => {
    const user = await signUp(t.app);
    const response = await t.app.inject({
      method: 'GET',
      url: `/reports/${'a'.repeat(101)}`,
      headers: { origin: ORIGIN, ...bearer(user.token) },
    });
    expectOneErrorPath(response, 404, 'NOT_FOUND');
  });

  it('a route that does not exist', async () => {
    expectOneErrorPath(
      await t.app.inject({ method: 'GET', url: '/nope', headers: { origin: ORIGIN } }),
      404,
      'NOT_FOUND',
    );
  });

  it('a wrong method: 405 with Allow', async () => {
    const response = await t.app.inject({ method: 'PUT', url: '/auth/login', headers: { origin: ORIGIN } });
    expectOneErrorPath(response, 405, 'METHOD_NOT_ALLOWED');
    expect(response.headers.allow).toBe('POST');
    const reports = await t.app.inject({
      method: 'PATCH',
      url: '/reports/0b6f3a4e-1d2c-4b5a-9e8f-7a6b5c4d3e2f',
      headers: { origin: ORIGIN },
    });
    expect(reports.statusCode).toBe(405);
    expect(reports.headers.allow).toBe('GET, HEAD, DELETE');
  });

  it('a body the parser refuses', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expectOneErrorPath(response, 400, 'VALIDATION_ERROR');
  });

  it('a database outage: 503 SERVICE_UNAVAILABLE', async () => {
    const gone = await testDatabase();
    const broken = await buildTestApp(gone);
    const user = await signUp(broken.app);
    await gone.close();
    const response = await broken.app.inject({ method: 'GET', url: '/reports', headers: bearer(user.token) });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    await broken.close();
  });

  it.each([
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), true],
    [Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }), true],
    [new Error('Connection terminated unexpectedly'), true],
    [new Error('duplicate key value violates unique constraint'), false],
    ['not an error', false],
  ])('isDatabaseOutage(%s) is %s', (error, outage) => {
    expect(isDatabaseOutage(error)).toBe(outage);
  });
});
