import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { API_PATH_PREFIXES, isPageRequest } from '../../packages/contract/src/plain.js';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** Files worth compressing ahead of time. */
const COMPRESSIBLE = /\.(?:js|css|html|svg|json)$/;

/**
 * Writes `<file>.br` (quality 11) and `<file>.gz` (level 9) next to each built file, once at build time, so the
 * server sends hashed assets at the smallest size without compressing them on every request.
 */
function precompress(): Plugin {
  return {
    name: 'uksmr-precompress',
    apply: 'build',
    writeBundle(options) {
      const dir = options.dir ?? 'dist';
      const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => COMPRESSIBLE.test(file));
      for (const file of files) {
        const path = join(dir, file);
        const body = readFileSync(path);
        writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}
const API_TARGET = 'http://127.0.0.1:3000';

/**
 * Test files that need a module graph and a jsdom of their own: `vi.mock('react-markdown')` would otherwise meet a
 * react-markdown another file already loaded, and `URL.createObjectURL` stubbed on the shared `URL` would outlive
 * its file.
 */
const ISOLATED_TESTS = ['test/liveRenderCount.test.tsx', 'test/reportView.test.tsx'];

/**
 * While `vite` serves the app in development, the API's paths (the contract's one list, which the server uses too)
 * go to the local server, except a browser opening a page that lives under an API path (`/reports/{report_id}`):
 * that navigation asks for HTML and gets the app's `index.html`.
 */
function servePageForNavigation(req: {
  method?: string;
  url?: string;
  headers: { accept?: string };
}): string | undefined {
  return isPageRequest(req.method ?? 'GET', req.url ?? '/', req.headers.accept) ? '/index.html' : undefined;
}

/** `@uksmr/contract` (and its Zod-free `/plain` entry) from the TypeScript sources, as every workspace's tests read it. */
const contractSource = (file: string): string =>
  fileURLToPath(new URL(`../../packages/contract/src/${file}`, import.meta.url));

export default defineConfig({
  plugins: [react(), tailwindcss(), precompress()],
  resolve: {
    alias: [
      { find: /^@uksmr\/contract$/, replacement: contractSource('index.ts') },
      { find: /^@uksmr\/contract\/plain$/, replacement: contractSource('plain.ts') },
    ],
  },
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: Object.fromEntries(
      API_PATH_PREFIXES.map((path) => [path, { target: API_TARGET, bypass: servePageForNavigation }]),
    ),
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['test/setup.ts'],
    testTimeout: 15_000,
    // Most files share one jsdom and one module graph per worker (`isolate: false`): a fresh jsdom and React per file
    // was most of the suite's CPU time. `test/setup.ts` resets what a file may leave behind (the rendered tree,
    // stubbed globals, fake timers, storage, the address). Files that mock a module or change a global's own
    // properties keep their own.
    projects: [
      { extends: true, test: { name: 'isolated', include: ISOLATED_TESTS } },
      {
        extends: true,
        test: { name: 'shared', include: ['test/**/*.test.{ts,tsx}'], exclude: ISOLATED_TESTS, isolate: false },
      },
    ],
    coverage: {
      enabled: process.env.CI === 'true',
      provider: 'v8',
      include: ['src/**/*.{ts,tsx}'],
      exclude: ['src/main.tsx', 'src/vite-env.d.ts'],
      reporter: ['text-summary', 'json-summary'],
      thresholds: { lines: 90, branches: 90 },
    },
  },
});
