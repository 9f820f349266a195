import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import { isPageRequest } from '@uksmr/contract';
import { ApiError } from '../errors.js';
import { sendApiError } from '../plugins/app/error-handler.js';

/** Where the web app's build lives: `apps/web/dist`, the same relative path from `src/` and `dist/`. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Options of the web-app plugin. */
export interface WebAppOptions {
  /** The folder holding `index.html` and `assets/`; defaults to the web app's build. */
  readonly root?: string;
}

/** Methods a route of the API may have, in the order `Allow` lists them. */
const ROUTE_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

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
      // The build writes .br and .gz next to each file: sent as they are to a browser that accepts them.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        void reply.header(
          'Cache-Control',
          filePath.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    // A browser opening or reloading a page such as /reports/{id} gets the app, before any API route answers. Which
    // addresses are pages and which the API's alone is the contract's one list, shared with the web app's dev proxy.
    app.addHook('onRequest', async (request, reply) => {
      if (isPageRequest(request.method, request.url, request.headers.accept)) {
        await reply.header('Cache-Control', 'no-cache').sendFile('index.html');
      }
    });
  } else {
    app.log.warn({ root }, 'web app build not found; run npm run build to serve it');
  }
  app.setNotFoundHandler({ preHandler: app.rateLimit ? app.rateLimit() : undefined }, (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // A path that exists with other methods: 405 with Allow (the path is known, so it may be named).
    const allowed = ROUTE_METHODS.filter((method) => app.findRoute({ method, url: path }) !== null);
    if (allowed.length > 0) {
      request.log.info({ code: 'METHOD_NOT_ALLOWED', statusCode: 405 }, 'method not allowed');
      return sendApiError(
        reply,
        request,
        new ApiError(
          405,
          'METHOD_NOT_ALLOWED',
          'Method not allowed',
          `${request.method} is not allowed here; use ${allowed.join(', ')}.`,
          {
            Allow: allowed.join(', '),
          },
        ),
      );
    }
    request.log.info({ code: 'NOT_FOUND', statusCode: 404 }, 'no route');
    return sendApiError(
      reply,
      request,
      new ApiError(404, 'NOT_FOUND', 'Not found', `No route for ${request.method} ${path}.`),
    );
  });
};

export default fp(webApp, { name: 'web-app' });
