import { fileURLToPath } from 'node:url';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Global setup of the workspaces whose tests open databases: one migrated PGlite snapshot per run. */
export const pgliteSnapshotSetup = `${root}vitest.pglite-snapshot.ts`;

/** Workspace packages resolved to their TypeScript sources, so tests never need a build first. */
export const sourceAliases: Record<string, string> = Object.fromEntries(
  ['config', 'logging', 'feature-flags', 'database', 'contract'].map((name) => [
    `@uksmr/${name}`,
    `${root}packages/${name}/src/index.ts`,
  ]),
);

/**
 * The Vitest configuration every Node workspace shares: source aliases, and v8 coverage written as
 * `coverage/coverage-summary.json` with a 90 % line and branch threshold.
 */
export function workspaceConfig(dir: string, extra: ViteUserConfig['test'] = {}): ViteUserConfig {
  return defineConfig({
    root: dir,
    resolve: { alias: sourceAliases },
    test: {
      environment: 'node',
      include: ['test/**/*.test.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      coverage: {
        // CI runs `npm test` with coverage (and its thresholds); locally `npm run test:coverage` does.
        enabled: process.env.CI === 'true',
        provider: 'v8',
        include: ['src/**/*.ts'],
        reporter: ['text-summary', 'json-summary'],
        thresholds: { lines: 90, branches: 90 },
      },
      ...extra,
    },
  });
}
