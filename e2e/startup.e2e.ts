/**
 * `node apps/server/dist/main.js` as a process, the way `npm start` runs it: what a bad start prints and the
 * exit codes, an unreachable database, and a graceful SIGTERM.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freePort } from './support/server.js';

const MAIN = fileURLToPath(new URL('../apps/server/dist/main.js', import.meta.url));

/** What a finished server process said. */
interface Exit {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the server with `env` (and nothing from this process's environment but PATH); `until` may act on it. */
function runServer(
  env: Record<string, string>,
  until?: (child: ReturnType<typeof spawn>, stdout: () => string) => void,
): Promise<Exit> {
  const home = mkdtempSync(join(tmpdir(), 'uksmr-start-'));
  const child = spawn(process.execPath, [MAIN], {
    cwd: home,
    env: { PATH: process.env.PATH ?? '', DATA_DIR: join(home, 'data'), LOG_DIR: join(home, 'logs'), ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  until?.(child, () => stdout);
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('starting the server process', () => {
  it('stops with one line per bad variable, naming it and the expected form, and a non-zero exit', async () => {
    const exit = await runServer({ ENVIRONMENT_MODE: 'staging', LOG_MAX_SIZE_MB: 'big', DATABASE_URL: 'mysql://db' });
    expect(exit.code).toBe(1);
    const lines = exit.stderr.trim().split('\n');
    expect(lines).toEqual([
      'Configuration error: ENVIRONMENT_MODE: expected one of dev | test | production',
      'DATABASE_URL: expected a postgres:// or postgresql:// URL',
      'LOG_MAX_SIZE_MB: expected a positive number',
    ]);
  });

  it('refuses a production start with missing or unsafe secrets', async () => {
    const exit = await runServer({
      ENVIRONMENT_MODE: 'production',
      AUTH_SECRET: 'short',
      CRON_SECRET: 'short',
      ALLOWED_ORIGINS: 'http://example.com',
    });
    expect(exit.code).toBe(1);
    for (const variable of ['AUTH_SECRET', 'CRON_SECRET', 'ALLOWED_ORIGINS', 'DATABASE_URL', 'STRIPE_SECRET_KEY']) {
      expect(exit.stderr).toContain(variable);
    }
    expect(exit.stderr).not.toContain('short');
  });

  it('retries an unreachable database with backoff, logging each try, then exits non-zero with a clear message', async () => {
    const port = await freePort();
    const started = Date.now();
    const exit = await runServer({
      PORT: String(port),
      DATABASE_URL: `postgres://postgres:secret@127.0.0.1:${await freePort()}/nowhere`,
    });
    expect(exit.code).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25_000);
    const tries = exit.stdout.split('\n').filter((line) => /retry|attempt/i.test(line));
    expect(tries.length).toBeGreaterThan(2);
    expect(exit.stdout).not.toContain('secret@');
    expect(exit.stderr).toMatch(/^Start-up failed: .*database/im);
  }, 60_000);

  it('finishes in-flight work and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const exit = await runServer({ PORT: String(port) }, (child, stdout) => {
      const poll = setInterval(() => {
        if (!stdout().includes('"listening"')) return;
        clearInterval(poll);
        void fetch(`http://127.0.0.1:${port}/health`).then((response) => {
          expect(response.status).toBe(200);
          child.kill('SIGTERM');
        });
      }, 100);
    });
    expect(exit.code).toBe(0);
    expect(exit.stdout).toContain('"msg":"shutting down"');
    expect(exit.stdout).toContain('"msg":"stopped"');
  });
});
