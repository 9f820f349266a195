import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/index.js';
import { tempDir } from './support.js';

const ENV_FILE = [
  '# comments and blank lines are fine',
  '',
  'PORT=4100',
  'LOG_LEVEL="info"',
  "GEMINI_MODEL='gemini-test'",
  'AUTH_SECRET=from-file',
  'UNRELATED=ignored',
].join('\n');

describe('.env files', () => {
  it('reads .env from cwd when present', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, '.env'), ENV_FILE);
    const config = loadConfig({}, { cwd });
    expect(config).toMatchObject({ port: 4100, logLevel: 'info', geminiModel: 'gemini-test', authSecret: 'from-file' });
  });

  it('lets real environment variables win over the file', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, '.env'), ENV_FILE);
    expect(loadConfig({ PORT: '4200' }, { cwd })).toMatchObject({ port: 4200, logLevel: 'info' });
  });

  it('runs without a .env file', () => {
    expect(loadConfig({ PORT: '4300' }, { cwd: tempDir() }).port).toBe(4300);
  });

  it('reads a named file relative to cwd', () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'conf'));
    writeFileSync(join(cwd, 'conf', 'local.env'), 'PORT=4400\n');
    writeFileSync(join(cwd, '.env'), 'PORT=1\n');
    expect(loadConfig({}, { cwd, envFile: 'conf/local.env' }).port).toBe(4400);
  });

  it('fails when a named file is missing', () => {
    expect(() => loadConfig({}, { cwd: tempDir(), envFile: 'missing.env' })).toThrow(/ENOENT/);
  });

  it('ignores .env when envFile is false', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, '.env'), 'PORT=4500\n');
    expect(loadConfig({}, { cwd, envFile: false }).port).toBe(3000);
  });

  it('uses process.env by default', () => {
    const config = loadConfig(undefined, { envFile: false, cwd: tempDir() });
    expect(config.port).toBe(process.env.PORT === undefined ? 3000 : Number(process.env.PORT));
  });
});

describe('the working directory', () => {
  it('defaults to process.cwd()', () => {
    const config = loadConfig({ AUTH_SECRET: 'given', LOG_DIR: 'logs-here' }, { envFile: false });
    expect(config.logDir).toBe(join(process.cwd(), 'logs-here'));
    expect(config.dataDir).toBe(join(process.cwd(), 'data'));
  });
});
