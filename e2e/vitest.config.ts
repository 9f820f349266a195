import { defineConfig } from 'vitest/config';
import { sourceAliases } from '../vitest.shared.js';

/**
 * The browser end-to-end run (`npm run e2e`): each file starts a real server on a free port and drives Debian's
 * Chromium with playwright-core. Files run one after another; the global setup builds the web app when needed.
 */
export default defineConfig({
  root: import.meta.dirname,
  resolve: { alias: sourceAliases },
  test: {
    environment: 'node',
    include: ['**/*.e2e.ts'],
    globalSetup: ['./global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
