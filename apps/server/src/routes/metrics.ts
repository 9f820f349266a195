import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, notFound, unauthorized } from '../errors.js';

/** True when `given` is exactly `expected`, compared in constant time. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `GET /metrics`: the Prometheus text of `app.metrics`, only with `Authorization: Bearer <METRICS_SECRET>`; 404 when
 * the secret is unset, 401 for a wrong or missing one. Not rate limited (a scraper calls it often).
 */
const metricsRoutes: FastifyPluginAsyncZod = async (app) => {
  const secret = app.config.metricsSecret;
  app.get(
    '/metrics',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['ops'],
        operationId: 'getMetrics',
        summary: 'Prometheus metrics (text exposition format), with the METRICS_SECRET',
        description:
          'Requests by route pattern and status, reports, payments, the database pool. 404 while METRICS_SECRET is unset.',
        security: [{ metricsSecret: [] }],
        response: { 200: z.string().describe('text/plain; version=0.0.4'), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      if (!secret) throw notFound('This page');
      const given = /^Bearer +(\S+) *$/i.exec(request.headers.authorization ?? '')?.[1];
      if (given === undefined || !sameSecret(given, secret))
        throw unauthorized('Send Authorization: Bearer <METRICS_SECRET>.');
      return reply.type(app.metrics.registry.contentType).send(await app.metrics.registry.metrics());
    },
  );
};

export default metricsRoutes;
