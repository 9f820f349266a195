import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runRetention, type RetentionJob } from '../domain/retention.js';
import { errorResponses, unauthorized } from '../errors.js';

/** Compares two secrets in constant time (hashing first makes the lengths equal). */
export function secretsMatch(given: string, expected: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The secret a cron call presents: `Authorization: Bearer …` or `X-Cron-Secret`. */
function presentedSecret(request: FastifyRequest): string {
  const header = request.headers.authorization ?? '';
  if (header.startsWith('Bearer ')) return header.slice('Bearer '.length);
  const alt = request.headers['x-cron-secret'];
  return typeof alt === 'string' ? alt : '';
}

const JOBS: readonly {
  job: RetentionJob;
  operationId: string;
  field: 'expired_count' | 'deleted_count';
  summary: string;
}[] = [
  {
    job: 'expire-reports',
    operationId: 'expireReports',
    field: 'expired_count',
    summary: 'Soft-delete reports past expires_at (30 days)',
  },
  {
    job: 'delete-expired-reports',
    operationId: 'deleteExpiredReports',
    field: 'deleted_count',
    summary: 'Erase reports soft-deleted more than 60 days ago',
  },
];

/** `POST /cron/expire-reports` and `POST /cron/delete-expired-reports`, guarded by `CRON_SECRET`. */
const cronRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', async (request) => {
    const expected = app.config.cronSecret;
    if (!expected || !secretsMatch(presentedSecret(request), expected)) {
      request.log.warn({ event: 'cron.secret_rejected', url: request.url }, 'cron call refused');
      throw unauthorized('A valid cron secret is required.');
    }
  });
  for (const { job, operationId, field, summary } of JOBS) {
    app.post(
      `/cron/${job}`,
      {
        config: { rateLimit: false },
        schema: {
          tags: ['cron'],
          operationId,
          summary,
          security: [{ cronSecret: [] }],
          response: { 200: z.object({ [field]: z.number() }), ...errorResponses(401) },
        },
      },
      async (request) => {
        const { count } = await runRetention(job, app.repos, app.now(), (change) => app.reportCache.changed(change));
        request.log.info({ job, count, trigger: 'http' }, 'retention run');
        return { [field]: count };
      },
    );
  }
};

export default cronRoutes;
