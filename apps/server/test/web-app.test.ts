import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import { buildTestApp, testDatabase, type TestApp } from './support/app.js';

let database: Database;
let t: TestApp;
const HTML = 'text/html,application/xhtml+xml,*/*;q=0.8';

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'uksmr-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>UK Study</title><div id="root"></div>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log("app")');
  database = await testDatabase();
  t = await buildTestApp(database, {}, { webRoot: root });
});
afterAll(async () => {
  await t.close();
  await database.close();
});

describe('the web app’s files', () => {
  it('serves index.html at / uncached, and hashed assets with a year-long immutable cache', async () => {
    const index = await t.app.inject({ method: 'GET', url: '/', headers: { accept: HTML } });
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('UK Study');
    expect(index.headers['cache-control']).toBe('no-cache');
    const asset = await t.app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers a browser navigation to any app page with index.html, /reports/{id} included', async () => {
    for (const url of [
      '/chat',
      '/chat/success?session_id=cs_1',
      '/sign-in',
      '/reports/3f0e7c4e-1111-4a4a-9b9b-123456789abc',
    ]) {
      const response = await t.app.inject({ method: 'GET', url, headers: { accept: HTML } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
    }
  });

  it('leaves the API to the API: JSON and event-stream requests, and API-only paths even from a browser', async () => {
    const api = await t.app.inject({
      method: 'GET',
      url: '/reports/3f0e7c4e-1111-4a4a-9b9b-123456789abc',
      headers: { accept: 'application/json' },
    });
    expect(api.statusCode).toBe(401);
    const stream = await t.app.inject({
      method: 'GET',
      url: '/reports/3f0e7c4e-1111-4a4a-9b9b-123456789abc/stream',
      headers: { accept: 'text/event-stream' },
    });
    expect(stream.statusCode).toBe(401);
    const health = await t.app.inject({ method: 'GET', url: '/health', headers: { accept: HTML } });
    expect(health.json()).toMatchObject({ status: 'healthy' });
    const missing = await t.app.inject({ method: 'GET', url: '/assets/missing.js', headers: { accept: '*/*' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND' });
    const post = await t.app.inject({ method: 'POST', url: '/chat', headers: { accept: HTML } });
    expect(post.statusCode).toBe(404);
  });
});
