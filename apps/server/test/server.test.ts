import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@uksmr/config';
import { startServer } from '../src/server.js';
import { freePort } from './support/net.js';
import { startGeminiStandIn } from './support/gemini-stand-in.js';

describe('startServer', () => {
  it('starts on embedded PostgreSQL, answers /health, logs to LOG_DIR, and stops cleanly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uksmr-server-'));
    const port = await freePort();
    const config = loadConfig(
      { PORT: String(port), DATA_DIR: join(dir, 'data'), LOG_DIR: join(dir, 'logs'), LOG_LEVEL: 'info' },
      { envFile: false },
    );
    const server = await startServer(config);
    expect(server.url).toBe(`http://127.0.0.1:${port}`);
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'healthy', checks: { database: 'ok' } });
    await server.stop();
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
    const [file] = readdirSync(join(dir, 'logs'));
    expect(file).toMatch(/^app-\d{4}-\d{2}-\d{2}-1\.log$/);
    const lines = readFileSync(join(dir, 'logs', file), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['starting', 'listening', 'stopped']));
    expect(lines.every((l) => l.environment === 'dev' && typeof l.timestamp === 'string')).toBe(true);
  }, 120_000); // creating a new persistent PGlite data directory takes ~4 s idle, far longer on a loaded 2-core box

  it('on stop, hands a generation it cannot finish back to pending before the pool closes', async () => {
    const gemini = await startGeminiStandIn({ defaultScenario: { kind: 'hang' } });
    const dir = mkdtempSync(join(tmpdir(), 'uksmr-server-'));
    const port = await freePort();
    const config = loadConfig(
      {
        PORT: String(port),
        DATA_DIR: join(dir, 'data'),
        LOG_DIR: join(dir, 'logs'),
        LOG_LEVEL: 'info',
        GEMINI_API_KEY: 'k',
        GEMINI_API_BASE: gemini.baseUrl,
      },
      { envFile: false },
    );
    const server = await startServer(config);
    const signup = await fetch(`${server.url}/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'deploy@example.com', password: 'correct horse battery' }),
    });
    const { token } = (await signup.json()) as { token: string };
    const created = await fetch(`${server.url}/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ subject: 'Nursing' }),
    });
    const { report } = (await created.json()) as { report: { report_id: string } };
    await new Promise((resolve) => setTimeout(resolve, 300));
    await server.stop();
    await gemini.close();
    const [file] = readdirSync(join(dir, 'logs'));
    const lines = readFileSync(join(dir, 'logs', file), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.some((l) => l.event === 'generation.handed_back' && l.report_id === report.report_id)).toBe(true);
    expect(lines.some((l) => l.msg === 'generation failed')).toBe(false);
    expect(JSON.stringify(lines)).not.toMatch(/after calling end on the pool|Cannot use a pool/);
    expect(lines.at(-1)?.msg).toBe('stopped');
  }, 120_000);
});
