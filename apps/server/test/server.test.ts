import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@uksmr/config';
import { startServer } from '../src/server.js';
import { freePort } from './support/net.js';

describe('startServer', () => {
  it('starts on embedded PostgreSQL, answers /health, logs to LOG_DIR, and stops cleanly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uksmr-server-'));
    const port = await freePort();
    const config = loadConfig({ PORT: String(port), DATA_DIR: join(dir, 'data'), LOG_DIR: join(dir, 'logs'), LOG_LEVEL: 'info' }, { envFile: false });
    const server = await startServer(config);
    expect(server.url).toBe(`http://127.0.0.1:${port}`);
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'healthy', checks: { database: 'ok' } });
    await server.stop();
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
    const [file] = readdirSync(join(dir, 'logs'));
    expect(file).toMatch(/^app-\d{4}-\d{2}-\d{2}-1\.log$/);
    const lines = readFileSync(join(dir, 'logs', file), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['starting', 'listening', 'stopped']));
    expect(lines.every((l) => l.environment === 'dev' && typeof l.timestamp === 'string')).toBe(true);
  }, 120_000); // creating a new persistent PGlite data directory takes ~4 s idle, far longer on a loaded 2-core box
});
