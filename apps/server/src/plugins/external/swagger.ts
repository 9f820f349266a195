import swagger from '@fastify/swagger';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { AppConfig } from '@uksmr/config';

/** Options of the OpenAPI plugin. */
export interface SwaggerOptions {
  readonly config: AppConfig;
}

/** OpenAPI 3.1 built from the routes' Zod schemas; served at `GET /openapi.json`. */
export default fp<SwaggerOptions>(
  async (app, { config }) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'UK Study & Migration Research API',
          description: 'Cited research reports on studying and working in the UK. Errors use {error, code, detail, request_id}.',
          version: config.version,
        },
        components: {
          securitySchemes: {
            bearerAuth: { type: 'http', scheme: 'bearer', description: 'A local session token or a Clerk session token' },
            cronSecret: { type: 'http', scheme: 'bearer', description: 'CRON_SECRET' },
          },
        },
      },
      transform: jsonSchemaTransform,
    });
    app.get('/openapi.json', { schema: { hide: true }, config: { rateLimit: false } }, () => app.swagger());
  },
  { name: 'swagger' },
);
