import swagger from '@fastify/swagger';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from '@uksmr/config';
import { commonResponseSchema, commonStatuses } from '../../openapi/common-responses.js';
import { REFRESH_COOKIE } from '../../routes/refresh-cookie.js';

/** Options of the OpenAPI plugin. */
export interface SwaggerOptions {
  readonly config: AppConfig;
}

/** The part of a route's schema the documentation reads. */
interface DocumentedSchema {
  readonly hide?: boolean;
  readonly querystring?: unknown;
  readonly security?: readonly Record<string, readonly string[]>[];
  readonly response?: Record<string, unknown>;
}

/** How the document introduces the API: the error shape, and what every path answers beside its operations. */
const DESCRIPTION = [
  'Cited research reports on studying and working in the UK.',
  'Errors use `{error, code, detail, request_id}`; every response carries `X-Request-Id`.',
  'A known path asked with a method it does not have answers 405 METHOD_NOT_ALLOWED with `Allow`; an unknown path 404 NOT_FOUND.',
  'A browser navigation (`Accept: text/html`) to a page of the web app, `/reports/{report_id}` included, gets the app’s `index.html`.',
].join(' ');

/**
 * OpenAPI 3.1 built from the routes' Zod schemas (the wire contract's, `@uksmr/contract`); served at
 * `GET /openapi.json`. Each route's document also lists the statuses the app answers on any route of its shape
 * (see `openapi/common-responses.ts`), so every status the server really answers is documented.
 */
export default fp<SwaggerOptions>(
  async (app, { config }) => {
    app.addHook('onRoute', (route) => {
      const schema = route.schema as DocumentedSchema | undefined;
      if (!schema || schema.hide) return;
      const security = schema.security ?? [];
      const secured = security.length > 0 && security.every((requirement) => Object.keys(requirement).length > 0);
      const response: Record<string, unknown> = { ...schema.response };
      for (const status of commonStatuses({
        method: route.method,
        url: route.url,
        hasQuery: schema.querystring !== undefined,
        secured,
      })) {
        response[status] ??= commonResponseSchema(status);
      }
      route.schema = { ...schema, response };
    });
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'UK Study & Migration Research API',
          description: DESCRIPTION,
          version: config.version,
          license: { name: 'UNLICENSED (private: all rights reserved)', identifier: 'LicenseRef-UNLICENSED' },
        },
        // Relative: the API is served by the server that serves this document (web app and API on one origin).
        servers: [{ url: '/', description: 'The server that serves this document' }],
        components: {
          securitySchemes: {
            bearerAuth: {
              type: 'http',
              scheme: 'bearer',
              description: 'A local session token or a Clerk session token',
            },
            refreshCookie: {
              type: 'apiKey',
              in: 'cookie',
              name: REFRESH_COOKIE,
              description: 'The refresh cookie set by signup and login',
            },
            cronSecret: { type: 'http', scheme: 'bearer', description: 'CRON_SECRET (or the X-Cron-Secret header)' },
            metricsSecret: { type: 'http', scheme: 'bearer', description: 'METRICS_SECRET' },
          },
        },
      },
      transform: jsonSchemaTransform,
    });
    app.get(
      '/openapi.json',
      {
        config: { rateLimit: false },
        schema: {
          tags: ['app'],
          operationId: 'getOpenApiDocument',
          summary: 'This OpenAPI 3.1 document',
          security: [],
          response: { 200: z.looseObject({ openapi: z.string() }).describe('The OpenAPI document') },
        },
      },
      () => app.swagger(),
    );
  },
  { name: 'swagger' },
);
