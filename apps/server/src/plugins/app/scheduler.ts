import { Cron } from 'croner';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { runRetention, type RetentionJob } from '../../domain/retention.js';

/** In-process schedules (UTC): expiry daily at 02:00, erasure weekly on Sunday at 03:00. */
export const SCHEDULES: readonly { job: RetentionJob; pattern: string }[] = [
  { job: 'expire-reports', pattern: '0 2 * * *' },
  { job: 'delete-expired-reports', pattern: '0 3 * * 0' },
];

/** One scheduled retention run: logged with its count, and a failure logged rather than thrown. */
export async function runScheduledRetention(app: FastifyInstance, job: RetentionJob): Promise<void> {
  try {
    const { count } = await runRetention(job, app.repos, app.now(), (change) => app.reportCache.changed(change));
    app.log.info({ job, count, trigger: 'schedule' }, 'retention run');
  } catch (error) {
    app.log.error({ job, err: error }, 'retention run failed');
  }
}

/**
 * Runs the retention jobs in-process unless `CRON_MODE=external`, so a one-machine install needs no outside
 * scheduler. `protect` skips a run while the previous one is still going.
 */
export default fp(
  (app, _options, done) => {
    if (app.config.cronMode === 'external') return done();
    const jobs: Cron[] = [];
    app.addHook('onReady', (next) => {
      for (const { job, pattern } of SCHEDULES) {
        jobs.push(new Cron(pattern, { timezone: 'UTC', protect: true }, () => runScheduledRetention(app, job)));
      }
      app.log.info({ jobs: SCHEDULES }, 'retention scheduled in-process');
      next();
    });
    app.addHook('onClose', (_instance, next) => {
      for (const job of jobs) job.stop();
      next();
    });
    done();
  },
  { name: 'scheduler', dependencies: ['services', 'report-cache'] },
);
