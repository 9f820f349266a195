import { defineConfig } from 'vitest/config';
import { sourceAliases } from '../vitest.shared.js';

/**
 * The benchmark run (`npm run bench`): real servers on free ports, figures printed and written to
 * `bench/output/results.json`. Nothing timing-related is asserted; the run fails only when a report does.
 */
export default defineConfig({
  root: import.meta.dirname,
  resolve: { alias: sourceAliases },
  test: {
    environment: 'node',
    include: ['**/*.bench.ts'],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 180_000,
  },
});
