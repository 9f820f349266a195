import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const healthSchema = z.object({
  status: z.enum(['healthy', 'unhealthy']),
  version: z.string(),
  timestamp: z.string().describe('ISO 8601'),
  checks: z.object({
    database: z.enum(['ok', 'unreachable']),
    redis: z
      .enum(['ok', 'degraded'])
      .optional()
      .describe(
        'Only with REDIS_URL. `degraded`: Redis does not answer and rate limits are counted per instance; the app still serves (200).',
      ),
  }),
});

/** How long the health check waits for the database. */
const PING_TIMEOUT_MS = 2_000;

/** `GET /health`: 200 healthy once the database answers, 503 unhealthy otherwise. Not rate limited. */
const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  // The last answer, so that losing the database and regaining it are each logged once.
  let reachable = true;
  app.get(
    '/health',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['ops'],
        operationId: 'getHealth',
        summary: 'Liveness and database reachability',
        security: [],
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (request, reply) => {
      const ok = await pingWithin(() => app.services.database.ping(), PING_TIMEOUT_MS).then(
        () => true,
        (error: unknown) => {
          request.log.warn({ err: error }, 'health check: database unreachable');
          return false;
        },
      );
      if (ok !== reachable) {
        reachable = ok;
        if (ok) request.log.info({ event: 'database.regained' }, 'database regained');
        else request.log.error({ event: 'database.lost' }, 'database lost');
      }
      return reply.code(ok ? 200 : 503).send({
        status: ok ? 'healthy' : 'unhealthy',
        version: app.config.version,
        timestamp: app.now().toISOString(),
        checks: {
          database: ok ? 'ok' : 'unreachable',
          ...(app.services.redis
            ? { redis: app.services.redis.status === 'ready' ? ('ok' as const) : ('degraded' as const) }
            : {}),
        },
      });
    },
  );
};

/** Runs `ping`, rejecting when it takes longer than `ms`. */
async function pingWithin(ping: () => Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`database ping took longer than ${ms} ms`)), ms);
  });
  try {
    await Promise.race([ping(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export default healthRoutes;
