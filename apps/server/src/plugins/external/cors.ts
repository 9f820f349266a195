import cors from '@fastify/cors';
import fp from 'fastify-plugin';
import type { AppConfig } from '@uksmr/config';

/** Options of the CORS plugin. */
export interface CorsOptions {
  readonly config: AppConfig;
}

/** CORS for `ALLOWED_ORIGINS` only: GET/POST/DELETE/OPTIONS, no credentials (the API uses Bearer tokens). */
export default fp<CorsOptions>(
  async (app, { config }) => {
    const allowed = new Set(config.allowedOrigins);
    await app.register(cors, {
      origin: (origin, callback) => callback(null, origin === undefined || allowed.has(origin)),
      methods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
      allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', 'X-Cron-Secret'],
      exposedHeaders: [
        'X-Request-Id',
        'X-RateLimit-Limit',
        'X-RateLimit-Remaining',
        'X-RateLimit-Reset',
        'Retry-After',
      ],
      credentials: false,
      maxAge: 600,
    });
  },
  { name: 'cors' },
);
