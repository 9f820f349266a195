import { createRepositories, type Database, type Repositories } from '@uksmr/database';
import type { BaseLogger } from 'pino';
import type { ReportEventHub } from '../generation/event-hub.js';
import { BackgroundRuns } from '../generation/background-runs.js';
import { ReportEventLog } from '../generation/event-log.js';
import type { KnowledgeBase } from '../knowledge-base/schema.js';
import { WriterError } from '../report/types.js';
import { ANSWER_FAILED } from './follow-question.js';
import { retrieveForQuestion } from './retrieve-question.js';
import type { AnswerWriter } from './types.js';

/** What a student sees when an answer failed for a reason we do not explain further. */
export const ANSWER_FAILURE = 'We could not answer this question. Please ask it again.';

/** Extra time past the answer timeout before a question in `answering` counts as abandoned. */
export const STALE_ANSWER_GRACE_MS = 30_000;
/** How long a question may stay `pending` before the sweeper starts it (its instance died first). */
export const PENDING_ANSWER_GRACE_MS = 60_000;

/** What the answer service runs on. */
export interface AnswerServiceDeps {
  readonly database: Database;
  readonly logger: Pick<BaseLogger, 'info' | 'warn' | 'error'>;
  readonly hub: ReportEventHub;
  readonly writer: AnswerWriter;
  readonly knowledgeBase: KnowledgeBase;
  /** Longest an answer may take (GEMINI_TIMEOUT_MS). */
  readonly timeoutMs: number;
  readonly now: () => Date;
}

/** How an answer run ended. */
export type AnswerOutcome = 'answered' | 'failed' | 'not-claimed';

/**
 * Answers follow-up questions as the generation service writes reports: claims a pending question atomically (one
 * worker on any instance answers it), stores the writer's deltas in `question_events` (announced like a report's, so
 * readers on any instance follow), stores the answer in one transaction, and fails it (readers told) whatever goes
 * wrong. A failed question does not count against the report's limit: the student may ask again. Readers never start
 * an answer.
 */
export class AnswerService {
  private readonly repos: Repositories;
  private readonly runs = new BackgroundRuns<AnswerOutcome>();

  constructor(private readonly deps: AnswerServiceDeps) {
    this.repos = createRepositories(deps.database);
  }

  /** Starts answering `questionId` in the background (nothing new while stopping: it stays pending for the sweeper). */
  start(questionId: string): void {
    if (!this.runs.stopping) this.runs.add(() => this.run(questionId));
  }

  /** Resolves when every answer started here has ended (tests, graceful shutdown). */
  async idle(): Promise<void> {
    await this.runs.idle();
  }

  /** Graceful stop: starts nothing new, lets running answers finish for up to `graceMs`, then stops (fails) the rest. */
  async drain(graceMs: number): Promise<void> {
    await this.runs.stop(graceMs);
  }

  /** Claims and answers one question; never throws. */
  async run(questionId: string): Promise<AnswerOutcome> {
    const { logger, hub, writer, knowledgeBase, now, timeoutMs } = this.deps;
    const question = await this.repos.questions.claim(questionId).catch((error: unknown) => {
      logger.error({ err: error, question_id: questionId }, 'answer claim failed');
      return null;
    });
    if (!question) return 'not-claimed';
    const context = { question_id: questionId, report_id: question.reportId, user_id: question.userId };
    const report = await this.repos.reports.getForOwner(question.userId, question.reportId);
    const events = new ReportEventLog(
      (event, data) => this.repos.questionEvents.append(questionId, event, data),
      () => hub.notify(questionId),
      (error) => logger.warn({ ...context, err: error }, 'answer progress event not stored'),
    );
    events.push({ event: 'status', data: { status: 'answering' } });
    try {
      if (!report) throw new Error('the report is no longer available');
      const retrieval = retrieveForQuestion(knowledgeBase, question.text, report, now());
      const result = await writer.answer(
        {
          question: question.text,
          report,
          retrieval,
          now: now(),
          signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), this.runs.signal]),
        },
        (text) => events.push({ event: 'delta', data: { text } }),
      );
      await events.flush();
      await this.deps.database.transaction(async (tx) => {
        const repos = createRepositories(tx);
        const stored = await repos.questions.complete(questionId, {
          answer: result.answer,
          citations: result.citations,
          generationMetadata: result.metadata,
        });
        if (!stored) throw new Error('question was no longer being answered when it completed');
        await repos.questionEvents.appendFinal(questionId, 'complete', {});
      });
      hub.notify(questionId);
      logger.info(
        { ...context, provider: result.metadata.provider, duration_ms: result.metadata.duration_ms },
        'follow-up answered',
      );
      return 'answered';
    } catch (error) {
      await events.flush();
      await this.fail(questionId, error);
      return 'failed';
    }
  }

  /** Marks a question failed with a message a student understands and tells its readers. */
  private async fail(questionId: string, error: unknown): Promise<void> {
    const { logger, hub } = this.deps;
    const detail = error instanceof WriterError ? error.studentMessage : ANSWER_FAILURE;
    logger.error(
      { question_id: questionId, reason: error instanceof WriterError ? error.reason : 'internal', err: error },
      'follow-up answer failed',
    );
    try {
      await this.repos.questions.fail(questionId, detail);
      await this.repos.questionEvents.appendFinal(questionId, 'error', { code: ANSWER_FAILED, detail });
      hub.notify(questionId);
    } catch (storeError) {
      logger.error(
        { question_id: questionId, err: storeError },
        'could not record the failed answer; the sweeper will',
      );
    }
  }

  /**
   * The sweep: fails the questions left `answering` past the timeout (their instance died; readers told) and starts
   * the ones left `pending`. Returns how many it failed and started.
   */
  async sweep(): Promise<{ failed: number; restarted: number }> {
    const { now, timeoutMs, hub } = this.deps;
    const stale = await this.repos.questions.failStale(
      new Date(now().getTime() - timeoutMs - STALE_ANSWER_GRACE_MS),
      ANSWER_FAILURE,
    );
    for (const question of stale) {
      await this.repos.questionEvents.appendFinal(question.questionId, 'error', {
        code: ANSWER_FAILED,
        detail: ANSWER_FAILURE,
      });
      hub.notify(question.questionId);
    }
    const pending = await this.repos.questions.listPendingBefore(new Date(now().getTime() - PENDING_ANSWER_GRACE_MS));
    for (const questionId of pending) this.start(questionId);
    return { failed: stale.length, restarted: pending.length };
  }
}
