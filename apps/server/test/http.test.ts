import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import { buildTestApp, testDatabase, type TestApp } from './support/app.js';

const PRODUCTION = {
  ENVIRONMENT_MODE: 'production',
  ENABLE_SUPABASE: 'false',
  ENABLE_PAYMENTS: 'false',
  CRON_SECRET: 'cron-secret-cron-secret-cron-secret-0123',
  ALLOWED_ORIGINS: 'https://study.example.com',
  LOG_LEVEL: 'debug',
};

let database: Database;
let dev: TestApp;
let production: TestApp;

beforeAll(async () => {
  database = await testDatabase();
  dev = await buildTestApp(database);
  production = await buildTestApp(database, PRODUCTION);
});
afterAll(async () => {
  await dev.close();
  await production.close();
  await database.close();
});

describe('health, config and OpenAPI', () => {
  it('answers /health healthy with the database check', async () => {
    const response = await dev.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'healthy',
      version: dev.config.version,
      checks: { database: 'ok' },
    });
    expect(new Date(response.json<{ timestamp: string }>().timestamp).toISOString()).toBe(
      response.json<{ timestamp: string }>().timestamp,
    );
  });

  it('answers /config with public settings only', async () => {
    const response = await dev.app.inject({ method: 'GET', url: '/config' });
    expect(response.json()).toEqual({
      environment: 'dev',
      auth_provider: 'local',
      clerk_publishable_key: null,
      payments_enabled: false,
      price_gbp: 2.99,
      country: 'UK',
      operator: { name: 'UK Study & Migration Research', contact_email: null },
      writer: 'knowledge_base',
    });
    expect(response.body).not.toContain(dev.config.authSecret);
  });

  it('names the operator and the writer in /config from the configuration', async () => {
    const named = await buildTestApp(database, {
      OPERATOR_NAME: 'Asha Advisers Ltd',
      OPERATOR_CONTACT_EMAIL: 'help@asha.example',
      GEMINI_API_KEY: 'k-123',
    });
    const body = (await named.app.inject({ method: 'GET', url: '/config' })).json<Record<string, unknown>>();
    expect(body).toMatchObject({
      operator: { name: 'Asha Advisers Ltd', contact_email: 'help@asha.example' },
      writer: 'gemini',
    });
    expect(JSON.stringify(body)).not.toContain('k-123');
    await named.close();
  });

  it('serves an OpenAPI 3.1 document with every route and its error responses', async () => {
    const response = await dev.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    }>();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/health',
      '/config',
      '/auth/signup',
      '/auth/login',
      '/auth/refresh',
      '/auth/logout',
      '/reports',
      '/reports/{report_id}',
      '/reports/{report_id}/stream',
      '/cron/expire-reports',
      '/cron/delete-expired-reports',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(Object.keys(doc.paths['/reports'].post.responses)).toEqual(
      expect.arrayContaining(['201', '400', '401', '422', '429']),
    );
    expect(Object.keys(doc.paths['/reports/{report_id}'].get.responses)).toEqual(
      expect.arrayContaining(['200', '404']),
    );
  });
});

describe('request ids and errors', () => {
  it('keeps a plausible incoming X-Request-Id and replaces an implausible one', async () => {
    const kept = await dev.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'req-1234abcd' } });
    expect(kept.headers['x-request-id']).toBe('req-1234abcd');
    const replaced = await dev.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'bad id\nwith newline' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown API routes 404 in the error shape', async () => {
    const response = await dev.app.inject({ method: 'GET', url: '/nope', headers: { 'x-request-id': 'req-abcdefgh' } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: 'Not found',
      code: 'NOT_FOUND',
      detail: 'No route for GET /nope.',
      request_id: 'req-abcdefgh',
    });
  });

  it('logs each request with its requestId', async () => {
    await dev.app.inject({ method: 'GET', url: '/config', headers: { 'x-request-id': 'req-logged-1' } });
    const line = dev.logs.find((l) => l.msg === 'request completed' && l.requestId === 'req-logged-1');
    expect(line).toMatchObject({ level: 'INFO', environment: 'dev', statusCode: 200 });
  });
});

describe('security headers', () => {
  it('sends HSTS in production only, and the other headers always', async () => {
    const prod = await production.app.inject({ method: 'GET', url: '/health' });
    expect(prod.headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains; preload');
    const local = await dev.app.inject({ method: 'GET', url: '/health' });
    expect(local.headers['strict-transport-security']).toBeUndefined();
    for (const response of [prod, local]) {
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(response.headers['permissions-policy']).toContain('camera=()');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['content-security-policy']).not.toContain('clerk');
    }
  });

  it('allows Clerk’s domains in the CSP only when Clerk is on', async () => {
    const clerk = await buildTestApp(database, {
      AUTH_PROVIDER: 'clerk',
      CLERK_PUBLISHABLE_KEY: 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20k',
      CLERK_SECRET_KEY: 'sk_test_abc',
    });
    const response = await clerk.app.inject({ method: 'GET', url: '/health' });
    expect(response.headers['content-security-policy']).toContain('clerk');
    await clerk.close();
  });
});

describe('CORS', () => {
  it('allows a listed origin without credentials', async () => {
    const response = await production.app.inject({
      method: 'OPTIONS',
      url: '/reports',
      headers: {
        origin: 'https://study.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('https://study.example.com');
    expect(response.headers['access-control-allow-methods']).toBe('GET, POST, DELETE, OPTIONS');
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('refuses an origin that is not listed', async () => {
    const response = await production.app.inject({
      method: 'GET',
      url: '/health',
      headers: { origin: 'https://evil.example.com' },
    });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});
