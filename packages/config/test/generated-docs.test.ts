import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configVariables, loadConfig, refusals, renderEnvExample, renderEnvironmentDocs } from '../src/index.js';
import { PRODUCTION, tempDir } from './support.js';

const committed = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const STALE = 'stale: regenerate with `npm run gen:env-docs` (see packages/config/README.md)';

describe('generated environment docs', () => {
  it('.env.example is up to date', () => {
    expect(committed('.env.example'), STALE).toBe(renderEnvExample());
  });

  it('docs/environment-variables.md is up to date', () => {
    expect(committed('docs/environment-variables.md'), STALE).toBe(renderEnvironmentDocs());
  });

  it('.env.example lists every variable, commented out, with a default only where one serves every mode', () => {
    const lines = renderEnvExample().split('\n');
    const text = lines.join('\n');
    for (const { name } of configVariables)
      expect(
        lines.filter((line) => line.startsWith(`# ${name}=`)),
        name,
      ).toHaveLength(1);
    for (const line of [
      '# PORT=3000',
      '# GEMINI_MODEL=gemini-2.5-flash',
      '# HOST=',
      '# ENABLE_SUPABASE=',
      '# LOG_LEVEL=',
      '# APP_URL=',
      '# AUTH_SECRET=',
    ]) {
      expect(lines).toContain(line);
    }
    expect(text).toContain('# optional; expected a whole number from 1 to 65535; default: 3000');
    expect(text).toContain('default: 127.0.0.1 (dev, test), 0.0.0.0 (production)');
    expect(text).toContain('default: false (dev), true (test, production)');
    expect(text.split('\n').filter((line) => line !== '' && !line.startsWith('#'))).toEqual([]);
  });

  it('the docs table has one row per variable and lists every refusal', () => {
    const text = renderEnvironmentDocs();
    const rows = text.split('\n').filter((line) => line.startsWith('| `'));
    expect(rows.map((row) => /^\| `(\w+)`/.exec(row)![1])).toEqual(configVariables.map(({ name }) => name));
    expect(rows).toContain(
      '| `ENVIRONMENT_MODE` | Which presets and safety checks apply. | optional | `dev` | one of dev \\| test \\| production |',
    );
    expect(text).toContain('| `AUTH_SECRET` |');
    expect(text).toContain('`127.0.0.1` (dev, test), `0.0.0.0` (production)');
    for (const { variable, expected } of refusals) expect(text).toContain(`- \`${variable}\`: expected ${expected}.`);
  });

  it.each(['dev', 'production'])('.env.example with every line uncommented changes no %s default', (mode) => {
    const cwd = tempDir();
    writeFileSync(join(cwd, '.env'), renderEnvExample().replace(/^# ([A-Z_]+=)/gm, '$1'));
    const env = { ...PRODUCTION, ENVIRONMENT_MODE: mode };
    expect(loadConfig(env, { cwd })).toEqual(loadConfig(env, { cwd, envFile: false }));
  });
});
