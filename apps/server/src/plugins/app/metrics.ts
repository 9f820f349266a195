import { timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { createMetrics, type AppMetrics } from '../../domain/metrics.js';
import { notFound, unauthorized } from '../../errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The product's Prometheus metrics. */
    readonly metrics: AppMetrics;
  }
}

/** True when `given` is exactly `expected`, compared in constant time. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Metrics: decorates `app.metrics`, times every answered request by route pattern and status, and serves
 * `GET /metrics` (Prometheus text) only with `Authorization: Bearer <METRICS_SECRET>`; 404 when it is unset,
 * 401 for a wrong or missing secret.
 */
export default fp(
  (app, _options, done) => {
    const { database } = app.services;
    const metrics = createMetrics(database.poolStats ? () => database.poolStats!() : undefined);
    app.decorate('metrics', metrics);
    app.addHook('onResponse', (request, reply, next) => {
      metrics.observeRequest(request.routeOptions.url ?? 'unmatched', request.method, reply.statusCode, reply.elapsedTime / 1000);
      next();
    });
    const secret = app.config.metricsSecret;
    app.get('/metrics', { schema: { hide: true }, config: { rateLimit: false } }, async (request, reply) => {
      if (!secret) throw notFound('This page');
      const given = /^Bearer +(\S+) *$/i.exec(request.headers.authorization ?? '')?.[1];
      if (given === undefined || !sameSecret(given, secret)) throw unauthorized('Send Authorization: Bearer <METRICS_SECRET>.');
      return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
    done();
  },
  { name: 'metrics', dependencies: ['services'] },
);
