import fp from 'fastify-plugin';
import { createMetrics, type AppMetrics } from '../../domain/metrics.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The product's Prometheus metrics. */
    readonly metrics: AppMetrics;
  }
}

/**
 * Metrics: decorates `app.metrics` and times every answered request by route pattern and status. `GET /metrics`
 * serves them (`routes/metrics.ts`).
 */
export default fp(
  (app, _options, done) => {
    const { database } = app.services;
    const metrics = createMetrics(database.poolStats ? () => database.poolStats!() : undefined);
    app.decorate('metrics', metrics);
    app.addHook('onResponse', (request, reply, next) => {
      metrics.observeRequest(
        request.routeOptions.url ?? 'unmatched',
        request.method,
        reply.statusCode,
        reply.elapsedTime / 1000,
      );
      next();
    });
    done();
  },
  { name: 'metrics', dependencies: ['services'] },
);
