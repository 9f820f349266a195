import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';
import { sendApiError } from '../plugins/app/error-handler.js';

/** Where the web app's build lives: `apps/web/dist`, the same relative path from `src/` and `dist/`. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** First path segments that belong to the API, never to the web app's fallback. */
const API_PREFIXES = ['/auth', '/reports', '/payments', '/webhooks', '/cron', '/config', '/health', '/openapi.json'];

/** Options of the web-app plugin. */
export interface WebAppOptions {
  /** The folder holding `index.html` and `assets/`; defaults to the web app's build. */
  readonly root?: string;
}

/** A GET for a page of the single-page app (not the API, asking for HTML). */
function wantsAppPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '/';
  if (API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

/**
 * Serves the built web app at `/`: hashed assets with year-long immutable caching, `index.html` uncached,
 * and `index.html` for any other page the browser asks for. Everything else not found gets the JSON 404.
 */
const webApp: FastifyPluginAsync<WebAppOptions> = async (app, options) => {
  const root = options.root ?? DEFAULT_WEB_ROOT;
  const built = existsSync(`${root}/index.html`);
  if (built) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: ['index.html'],
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        void reply.header(
          'Cache-Control',
          filePath.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  } else {
    app.log.warn({ root }, 'web app build not found; run npm run build to serve it');
  }
  app.setNotFoundHandler({ preHandler: app.rateLimit ? app.rateLimit() : undefined }, (request, reply) => {
    if (built && wantsAppPage(request)) {
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    const path = request.url.split('?')[0] ?? '/';
    return sendApiError(reply, request, new ApiError(404, 'NOT_FOUND', 'Not found', `No route for ${request.method} ${path}.`));
  });
};

export default fp(webApp, { name: 'web-app' });
