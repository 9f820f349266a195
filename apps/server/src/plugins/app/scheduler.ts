import { Cron } from 'croner';
import fp from 'fastify-plugin';
import { runRetention, type RetentionJob } from '../../domain/retention.js';

/** In-process schedules (UTC): expiry daily at 02:00, erasure weekly on Sunday at 03:00. */
export const SCHEDULES: readonly { job: RetentionJob; pattern: string }[] = [
  { job: 'expire-reports', pattern: '0 2 * * *' },
  { job: 'delete-expired-reports', pattern: '0 3 * * 0' },
];

/**
 * Runs the retention jobs in-process unless `CRON_MODE=external`, so a one-machine install needs no outside
 * scheduler. Each run is logged with its count.
 */
export default fp(
  (app, _options, done) => {
    if (app.config.cronMode === 'external') return done();
    const jobs: Cron[] = [];
    app.addHook('onReady', (next) => {
      for (const { job, pattern } of SCHEDULES) {
        jobs.push(
          new Cron(pattern, { timezone: 'UTC', protect: true }, async () => {
            try {
              const { count } = await runRetention(job, app.repos, app.now());
              app.log.info({ job, count, trigger: 'schedule' }, 'retention run');
            } catch (error) {
              app.log.error({ job, err: error }, 'retention run failed');
            }
          }),
        );
      }
      next();
    });
    app.addHook('onClose', (_instance, next) => {
      for (const job of jobs) job.stop();
      next();
    });
    done();
  },
  { name: 'scheduler', dependencies: ['services'] },
);
