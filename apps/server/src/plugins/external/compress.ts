import compress from '@fastify/compress';
import fp from 'fastify-plugin';

/**
 * What is compressed: JSON, HTML, CSS, JavaScript, SVG and plain text. Never `text/event-stream`, which must reach
 * the reader event by event (and is written to the raw socket after `reply.hijack()`, out of this plugin's reach).
 */
export const COMPRESSIBLE =
  /^(?:application\/(?:json|javascript|problem\+json)|text\/(?:html|css|javascript|plain)|image\/svg\+xml)(?:;|$)/;

/** API paths whose answers carry tokens or a student's reports: never kept by a browser or a shared cache. */
const PRIVATE_PATHS = /^\/(?:auth|reports|queries|payments)(?:[/?]|$)/;

/**
 * Delivery: br or gzip (whichever the client prefers) for JSON and static files of 1 KB or more, and
 * `Cache-Control: no-store` on API answers that carry tokens or reports (unless a route chose its own header).
 * Hashed assets get their year-long immutable caching from the web-app plugin.
 */
export default fp(
  async (app) => {
    await app.register(compress, {
      global: true,
      encodings: ['br', 'gzip'],
      threshold: 1024,
      customTypes: COMPRESSIBLE,
    });
    app.addHook('onSend', (request, reply, payload, done) => {
      const type = String(reply.getHeader('content-type') ?? '');
      if (PRIVATE_PATHS.test(request.url) && type.startsWith('application/json') && !reply.hasHeader('cache-control')) {
        void reply.header('Cache-Control', 'no-store');
      }
      done(null, payload);
    });
  },
  { name: 'compress' },
);
