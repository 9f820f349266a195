import fp from 'fastify-plugin';
import { setLogContext, withLogContext } from '@uksmr/logging';

/**
 * Puts the request id (and, once authentication knows it, the user id) in the log context for the whole
 * request, echoes `X-Request-Id`, and logs each completed request.
 */
export default fp(
  (app) => {
    app.addHook('onRequest', (request, reply, done) => {
      void reply.header('X-Request-Id', request.id);
      withLogContext({ requestId: request.id }, done);
    });
    app.addHook('onResponse', (request, reply, done) => {
      request.log.info(
        {
          method: request.method,
          url: request.routeOptions.url ?? request.url,
          statusCode: reply.statusCode,
          durationMs: Math.round(reply.elapsedTime),
        },
        'request completed',
      );
      done();
    });
  },
  { name: 'request-context' },
);

/** Adds the authenticated user to the current request's log context. */
export function setRequestUser(userId: string): void {
  setLogContext({ userId });
}
