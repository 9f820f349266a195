import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTH_SECRET_FILE, ensureDevAuthSecret, loadConfig } from '../src/index.js';
import { PRODUCTION, tempDir } from './support.js';

describe('the dev/test AUTH_SECRET', () => {
  it('is generated once in DATA_DIR (32 bytes, base64url, mode 0600) and reused', () => {
    const cwd = tempDir();
    const first = loadConfig({ DATA_DIR: 'state/data' }, { cwd, envFile: false });
    const file = join(cwd, 'state', 'data', AUTH_SECRET_FILE);
    expect(first.authSecret).toMatch(/^[\w-]{43}$/);
    expect(Buffer.from(first.authSecret!, 'base64url')).toHaveLength(32);
    expect(readFileSync(file, 'utf8')).toBe(`${first.authSecret}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = loadConfig({ DATA_DIR: 'state/data' }, { cwd, envFile: false });
    expect(second.authSecret).toBe(first.authSecret);
  });

  it('is generated in test mode too', () => {
    const cwd = tempDir();
    const config = loadConfig(
      { ENVIRONMENT_MODE: 'test', DATABASE_URL: 'postgres://localhost/db' },
      { cwd, envFile: false },
    );
    expect(readFileSync(join(config.dataDir, AUTH_SECRET_FILE), 'utf8').trim()).toBe(config.authSecret);
  });

  it('is not generated when AUTH_SECRET is set, with Clerk, or in production', () => {
    const clerk = { AUTH_PROVIDER: 'clerk', CLERK_PUBLISHABLE_KEY: 'pk', CLERK_SECRET_KEY: 'sk' };
    for (const env of [{ AUTH_SECRET: 'given' }, clerk, { ...PRODUCTION, ...clerk, AUTH_SECRET: undefined }]) {
      const cwd = tempDir();
      loadConfig(env, { cwd, envFile: false });
      expect(() => statSync(join(cwd, 'data'))).toThrow(/ENOENT/);
    }
  });

  it('replaces an empty secret file', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, AUTH_SECRET_FILE), '\n');
    const secret = ensureDevAuthSecret(dataDir);
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(ensureDevAuthSecret(dataDir)).toBe(secret);
  });

  it('keeps a hand-written secret', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, AUTH_SECRET_FILE), 'my own secret\n');
    expect(ensureDevAuthSecret(dataDir)).toBe('my own secret');
  });

  it('reports a DATA_DIR it cannot read', () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, AUTH_SECRET_FILE));
    expect(() => ensureDevAuthSecret(dataDir)).toThrow(/EISDIR/);
  });
});
