import type { FastifyBaseLogger } from 'fastify';

/** What Fastify asks a request's logger to be: a route's own level and serializers, when it sets them. */
export interface RequestLoggerOptions {
  readonly level?: string;
  readonly serializers?: unknown;
}

/**
 * Fastify's `childLoggerFactory`: the logger of one request. The request id and the user id reach every line
 * through the log context (`withLogContext`, the request-context plugin), not through bindings, so Fastify's
 * `reqId` binding is dropped. A route that sets no log level or serializers of its own (every route of this app)
 * logs through the app's logger itself: a child with no bindings and no options would write exactly the same lines,
 * at the cost of a pino child and a redaction of its (empty) bindings on every request.
 */
export function requestLogger(
  logger: FastifyBaseLogger,
  _bindings: unknown,
  options: RequestLoggerOptions,
): FastifyBaseLogger {
  const own = Object.keys(options).some((key) => options[key as keyof RequestLoggerOptions] !== undefined);
  return own ? logger.child({}, options as Parameters<FastifyBaseLogger['child']>[1]) : logger;
}
