import { Cron } from 'croner';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppConfig } from '@uksmr/config';
import { AnswerService } from '../../domain/follow-ups/answer-service.js';
import { createGeminiAnswerWriter } from '../../domain/follow-ups/gemini-answer.js';
import { createOfflineAnswerWriter } from '../../domain/follow-ups/offline-answer.js';
import type { AnswerWriter } from '../../domain/follow-ups/types.js';
import { SHUTDOWN_GRACE_MS, SWEEP_PATTERN } from './generation.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Answers follow-up questions on completed reports (claim, write, store, fail). */
    readonly answers: AnswerService;
  }
}

/** The answer writer the config asks for: Gemini when `GEMINI_API_KEY` is set, else the offline knowledge-base writer. */
export function answerWriterFor(config: AppConfig): AnswerWriter {
  if (!config.geminiApiKey) return createOfflineAnswerWriter();
  return createGeminiAnswerWriter({
    apiKey: config.geminiApiKey,
    model: config.geminiModel,
    timeoutMs: config.geminiTimeoutMs,
    ...(config.geminiApiBase ? { baseUrl: config.geminiApiBase } : {}),
  });
}

/** One answer sweep, logged with its counts (a failure is logged, not thrown). */
export async function runAnswerSweep(app: FastifyInstance): Promise<void> {
  try {
    const [swept, eventsDeleted] = await Promise.all([
      app.answers.sweep(),
      app.repos.questionEvents.clearFinished(new Date(app.now().getTime() - 60 * 60 * 1000)),
    ]);
    app.log.info(
      {
        job: 'answer-sweep',
        failed_stale: swept.failed,
        restarted_pending: swept.restarted,
        events_deleted: eventsDeleted,
      },
      'sweep run',
    );
  } catch (error) {
    app.log.error({ job: 'answer-sweep', err: error }, 'answer sweep failed');
  }
}

/**
 * Follow-up questions: the answer service on the report generation's knowledge base and event hub (so answers are
 * followed over the same LISTEN connection), its sweeper, and its part in the graceful stop.
 */
export default fp(
  (app, _options, done) => {
    const writer = app.services.answerWriter ?? answerWriterFor(app.config);
    const answers = new AnswerService({
      database: app.services.database,
      logger: app.log,
      hub: app.reportHub,
      writer,
      knowledgeBase: app.knowledgeBase,
      timeoutMs: app.config.geminiTimeoutMs,
      now: () => app.now(),
    });
    app.decorate('answers', answers);
    let sweeper: Cron | undefined;
    app.addHook('onReady', async () => {
      sweeper = new Cron(SWEEP_PATTERN, { timezone: 'UTC', protect: true, unref: true }, () => runAnswerSweep(app));
    });
    app.addHook('preClose', async () => {
      sweeper?.stop();
      await answers.drain(SHUTDOWN_GRACE_MS);
    });
    app.addHook('onClose', async () => {
      await answers.idle();
    });
    done();
  },
  { name: 'follow-ups', dependencies: ['services', 'generation'] },
);
