import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** The API's root paths, proxied to the local server while `vite` serves the app in development. */
const API_PATHS = ['/auth', '/reports', '/payments', '/config', '/health', '/openapi.json'];
const API_TARGET = 'http://127.0.0.1:3000';

/**
 * `/reports/:id` is both a page and an API path: a browser navigation (which asks for HTML) gets the app's
 * `index.html`, while the app's own `fetch` calls go through to the API.
 */
function servePageForNavigation(req: { headers: { accept?: string } }): string | undefined {
  return req.headers.accept?.includes('text/html') ? '/index.html' : undefined;
}

export default defineConfig({
  plugins: [react(), tailwindcss()],
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
      thresholds: { lines: 80 },
    },
  },
});
