import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** The API's root paths, proxied to the local server while `vite` serves the app in development. */
const API_PATHS = ['/auth', '/reports', '/queries', '/payments', '/config', '/health', '/openapi.json'];

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
 * `/reports/:id` is both a page and an API path: a browser navigation (which asks for HTML) gets the app's
 * `index.html`, while the app's own `fetch` calls go through to the API.
 */
function servePageForNavigation(req: { headers: { accept?: string } }): string | undefined {
  return req.headers.accept?.includes('text/html') ? '/index.html' : undefined;
}

export default defineConfig({
  plugins: [react(), tailwindcss(), precompress()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: Object.fromEntries(API_PATHS.map((path) => [path, { target: API_TARGET, bypass: servePageForNavigation }])),
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 15_000,
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
