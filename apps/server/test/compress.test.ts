import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import { COMPRESSIBLE } from '../src/plugins/external/compress.js';
import { buildTestApp, testDatabase, type TestApp } from './support/app.js';
import { parseSse } from './support/sse.js';
import { bearer, signUp } from './support/users.js';

let database: Database;
let t: TestApp;
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(5000))});`;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'uksmr-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), `<!doctype html><title>UK Study</title>${'<p>x</p>'.repeat(300)}`);
  writeFileSync(join(root, 'assets', 'index-abc123.js'), SCRIPT);
  database = await testDatabase();
  t = await buildTestApp(database, {}, { webRoot: root });
});
afterAll(async () => {
  await t.close();
  await database.close();
});

const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });

describe('compression', () => {
  it('compresses JSON with br when the client takes it, gzip otherwise, and nothing when it takes neither', async () => {
    const br = await get('/openapi.json', { 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    const document = JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8')) as { openapi: string };
    expect(document.openapi).toBe('3.1.0');
    const gzip = await get('/openapi.json', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString('utf8'))).toEqual(document);
    expect(gzip.rawPayload.length).toBeLessThan(JSON.stringify(document).length / 3);
    const plain = await get('/openapi.json', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('compresses the hashed static files and keeps their immutable caching', async () => {
    const asset = await get('/assets/index-abc123.js', { 'accept-encoding': 'br' });
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(asset.rawPayload).toString('utf8')).toBe(SCRIPT);
    const index = await get('/', { accept: 'text/html', 'accept-encoding': 'gzip' });
    expect(index.headers['content-encoding']).toBe('gzip');
    expect(index.headers['cache-control']).toBe('no-cache');
  });

  it('never compresses the event stream, and sends no-store on answers with tokens or reports', async () => {
    const { token } = await signUp(t.app);
    const created = await t.app.inject({
      method: 'POST',
      url: '/reports',
      headers: bearer(token),
      payload: { subject: 'Nursing' },
    });
    expect(created.headers['cache-control']).toBe('no-store');
    const reportId = created.json<{ report: { report_id: string } }>().report.report_id;
    const stream = await get(`/reports/${reportId}/stream`, {
      ...bearer(token),
      accept: 'text/event-stream',
      'accept-encoding': 'br, gzip',
    });
    expect(stream.headers['content-type']).toContain('text/event-stream');
    expect(stream.headers['content-encoding']).toBeUndefined();
    expect(parseSse(stream.body).at(-1)?.event).toBe('complete');
    const list = await get('/reports', bearer(token));
    expect(list.headers['cache-control']).toBe('no-store');
    const config = await get('/config', {});
    expect(config.headers['cache-control']).toBeUndefined();
  });

  it.each([
    ['application/json; charset=utf-8', true],
    ['text/html; charset=utf-8', true],
    ['text/javascript', true],
    ['image/svg+xml', true],
    ['text/event-stream', false],
    ['image/png', false],
    ['application/jsonl', false],
  ])('%s compressible: %s', (type, expected) => {
    expect(COMPRESSIBLE.test(type)).toBe(expected);
  });
});
