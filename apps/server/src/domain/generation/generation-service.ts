import { createRepositories, type Database, type Repositories } from '@uksmr/database';
import type { BaseLogger } from 'pino';
import type { KnowledgeBase } from '../knowledge-base/schema.js';
import { retrieve } from '../knowledge-base/retrieve.js';
import { safeContent } from '../report/output-safety.js';
import { interpretQuery } from '../query-rules/index.js';
import { WriterError, type ReportWriter, type WriterEvent } from '../report/types.js';
import type { GenerationObservation } from '../metrics.js';
import type { ReportChange } from '../reports/read-cache.js';
import type { ReportEventHub } from './event-hub.js';
import { BackgroundRuns } from './background-runs.js';
import { ReportEventLog } from './event-log.js';
import { GENERATION_FAILED } from './stream-events.js';

/** The message a student sees when generation failed for a reason we do not explain further. */
export const GENERIC_FAILURE = 'We could not write this report. Please try again later.';

/**
 * Whether the stored subject id is the subject's own map entry or its parent group: the query rules read the
 * stored title again (it is in the student's words, so it resolves the same way). `entry` when they disagree.
 */
export function matchedVia(subject: string, subjectId: string | null): 'entry' | 'parent' {
  const query = interpretQuery({ subject });
  return query.ok && query.subjectId === subjectId ? query.matchedVia : 'entry';
}

/** Called once for each report that failed (the Payments issue refunds paid ones here). */
export type FailureHook = (failed: {
  readonly reportId: string;
  readonly userId: string;
  readonly reason: string;
}) => Promise<void>;

/** What the generation service runs on. */
export interface GenerationDeps {
  readonly database: Database;
  readonly logger: Pick<BaseLogger, 'info' | 'warn' | 'error'>;
  readonly hub: ReportEventHub;
  readonly writer: ReportWriter;
  readonly knowledgeBase: KnowledgeBase;
  /** Longest a generation may take (GEMINI_TIMEOUT_MS). */
  readonly timeoutMs: number;
  readonly now: () => Date;
  readonly onFailed: FailureHook;
  /** Told how each generation run here ended (metrics). */
  readonly observe?: (observation: GenerationObservation) => void;
  /** Told at once, after commit, of every change this service makes to a report (the read cache forgets it). */
  readonly onReportChanged?: (change: ReportChange) => void;
}

/** How a run ended: completed, failed, handed back (this instance is stopping), or not ours / not started. */
export type RunOutcome = 'completed' | 'failed' | 'handed-back' | 'not-claimed';

/** What a drain did: generations that finished within the grace period, and those handed back to `pending`. */
export interface DrainOutcome {
  readonly finished: number;
  readonly handedBack: number;
}

/** Why this instance stops a generation it cannot finish: it is shutting down. */
class ShuttingDown extends Error {
  constructor() {
    super('instance shutting down');
    this.name = 'ShuttingDown';
  }
}

/**
 * Runs report generations: claims a pending report atomically (so exactly one worker on any instance runs it),
 * streams the writer's events into `report_events`, stores the finished report in one transaction, and fails
 * (and hands to the refund hook) whatever goes wrong. Readers never start a generation.
 */
export class GenerationService {
  private readonly repos: Repositories;
  /** The generations running here; a drain's grace period over, its signal stops them. */
  private readonly runs = new BackgroundRuns<RunOutcome>();

  constructor(private readonly deps: GenerationDeps) {
    this.repos = createRepositories(deps.database);
  }

  /**
   * Starts generating `reportId` in the background; a reader's disconnect never stops it. While draining nothing
   * new starts: the report stays `pending` for another instance.
   */
  start(reportId: string): void {
    if (this.runs.stopping) {
      this.deps.logger.warn({ report_id: reportId }, 'instance stopping: report left pending for another instance');
      return;
    }
    this.runs.add(() => this.run(reportId));
  }

  /** Resolves when every generation started here has ended (tests, graceful shutdown). */
  async idle(): Promise<void> {
    await this.runs.idle();
  }

  /**
   * Graceful stop: starts nothing new, lets running generations finish for up to `graceMs`, then stops the rest
   * and hands them back to `pending` (never failed for a deploy), to be started by another instance.
   */
  async drain(graceMs: number): Promise<DrainOutcome> {
    const { before, left } = await this.runs.stop(graceMs, new ShuttingDown());
    const outcome = { finished: before - left, handedBack: left };
    this.deps.logger.warn({ event: 'generation.drained', ...outcome, grace_ms: graceMs }, 'generations drained');
    return outcome;
  }

  /** Claims and runs one report; never throws. */
  async run(reportId: string): Promise<RunOutcome> {
    const { logger, hub, writer, knowledgeBase, now, timeoutMs } = this.deps;
    const report = await this.repos.reports.claim(reportId).catch((error: unknown) => {
      logger.error({ err: error, report_id: reportId }, 'generation claim failed');
      return null;
    });
    if (!report) return 'not-claimed';
    this.changed(report);
    const context = { report_id: report.reportId, user_id: report.userId };
    const startedAt = now().getTime();
    logger.info({ ...context, provider: writer.provider }, 'generation started');
    const events = new ReportEventLog(
      (event, data) => this.repos.reportEvents.append(report.reportId, event, data),
      () => hub.notify(report.reportId),
      (error) => logger.warn({ ...context, err: error }, 'progress event not stored'),
    );
    events.push({ event: 'status', data: { status: 'generating' } });
    let firstTokenMs: number | null = null;
    const onEvent = (event: WriterEvent): void => {
      if (firstTokenMs === null) {
        firstTokenMs = now().getTime() - startedAt;
        logger.info({ ...context, first_token_ms: firstTokenMs }, 'generation first token');
      }
      const { type, ...data } = event;
      events.push({ event: type, data });
    };
    try {
      const retrieval = retrieve(knowledgeBase, {
        subject: report.subject,
        subjectId: report.subjectId,
        matchedVia: matchedVia(report.subject, report.subjectId),
        on: now(),
      });
      const result = await writer.write(
        {
          subject: report.subject,
          subjectId: report.subjectId,
          profile: report.profile,
          retrieval,
          signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), this.runs.signal]),
          now: now(),
        },
        onEvent,
      );
      await events.flush();
      await this.deps.database.transaction(async (tx) => {
        const repos = createRepositories(tx);
        // Sanitised on store: no raw HTML, and links only to the report's own sources.
        const stored = await repos.reports.complete(report.reportId, {
          content: safeContent(result.content, new Set(result.citations.map((citation) => citation.url))),
          citations: result.citations,
          generationMetadata: result.metadata,
        });
        if (!stored) throw new Error('report was no longer in generation when it completed');
        // The stored report replaces the progress rows; only the terminal row stays, for readers still following.
        await repos.reportEvents.appendFinal(report.reportId, 'complete', {});
      });
      this.changed(report);
      hub.notify(report.reportId);
      const durationMs = now().getTime() - startedAt;
      logger.info(
        {
          ...context,
          duration_ms: durationMs,
          tokens_used: result.metadata.tokens_used,
          provider: result.metadata.provider,
        },
        'generation completed',
      );
      this.deps.observe?.({ outcome: 'completed', writer: writer.provider, durationMs, firstTokenMs });
      return 'completed';
    } catch (error) {
      await events.flush();
      if (this.runs.signal.aborted && (await this.handBack(report))) return 'handed-back';
      await this.fail(report.reportId, report.userId, error);
      this.deps.observe?.({
        outcome: 'failed',
        writer: writer.provider,
        durationMs: now().getTime() - startedAt,
        firstTokenMs,
      });
      return 'failed';
    }
  }

  /** Tells the read cache that this service changed `report`. */
  private changed(report: { readonly reportId: string; readonly userId: string }): void {
    this.deps.onReportChanged?.({ userId: report.userId, reportId: report.reportId });
  }

  /** Puts a report this instance cannot finish back to `pending`, telling its readers; false when that failed. */
  private async handBack(report: { readonly reportId: string; readonly userId: string }): Promise<boolean> {
    const { logger, hub } = this.deps;
    const { reportId } = report;
    try {
      if (!(await this.repos.reports.handBack(reportId))) return false;
      this.changed(report);
      // `handed_back` tells the other instances (over LISTEN/NOTIFY) to generate it at once.
      await this.repos.reportEvents.append(reportId, 'status', { status: 'pending', handed_back: true });
      hub.notify(reportId);
      logger.warn(
        { event: 'generation.handed_back', report_id: reportId },
        'generation handed back: instance stopping',
      );
      return true;
    } catch (error) {
      logger.error({ report_id: reportId, err: error }, 'could not hand the generation back');
      return false;
    }
  }

  /** Marks a report failed with a message a student understands, tells readers, and calls the refund hook. */
  private async fail(reportId: string, userId: string, error: unknown): Promise<void> {
    const { logger, hub, onFailed } = this.deps;
    const detail = error instanceof WriterError ? error.studentMessage : GENERIC_FAILURE;
    const reason = error instanceof WriterError ? error.reason : 'internal';
    logger.error({ report_id: reportId, user_id: userId, reason, err: error }, 'generation failed');
    try {
      await this.repos.reports.fail(reportId, detail);
      this.changed({ reportId, userId });
      await this.repos.reportEvents.appendFinal(reportId, 'error', { code: GENERATION_FAILED, detail });
      hub.notify(reportId);
    } catch (storeError) {
      logger.error({ report_id: reportId, err: storeError }, 'could not record the failure; the sweeper will');
      return;
    }
    await onFailed({ reportId, userId, reason }).catch((hookError: unknown) =>
      logger.error({ report_id: reportId, err: hookError }, 'failure hook failed'),
    );
  }

  /**
   * Starts again the reports left `pending` past {@link PENDING_GRACE_MS} — created or paid for on an instance that
   * died before it started them. Claiming stays atomic, so a report another worker takes meanwhile is skipped.
   */
  async restartPending(): Promise<number> {
    const cutoff = new Date(this.deps.now().getTime() - PENDING_GRACE_MS);
    const reportIds = await this.repos.reports.listPendingBefore(cutoff);
    for (const reportId of reportIds) {
      this.deps.logger.warn({ report_id: reportId }, 'pending report restarted by the sweeper');
      this.start(reportId);
    }
    return reportIds.length;
  }

  /**
   * Reports left in `generating` past the timeout (their instance died): each is generated again once (put back to
   * `pending` and started here), and failed — readers told, refund hook called — if it is found abandoned again.
   * Returns how many it failed.
   */
  async sweepStale(): Promise<number> {
    const { logger, hub, now, timeoutMs, onFailed } = this.deps;
    const cutoff = new Date(now().getTime() - timeoutMs - STALE_GRACE_MS);
    for (const report of await this.repos.reports.requeueStale(cutoff)) {
      this.changed(report);
      logger.warn({ report_id: report.reportId, user_id: report.userId }, 'abandoned generation started again');
      await this.repos.reportEvents.append(report.reportId, 'status', { status: 'pending', requeued: true });
      hub.notify(report.reportId);
      this.start(report.reportId);
    }
    const stale = await this.repos.reports.failStale(cutoff, GENERIC_FAILURE);
    for (const report of stale) {
      this.changed(report);
      logger.warn({ report_id: report.reportId, user_id: report.userId }, 'stale generation failed by the sweeper');
      await this.repos.reportEvents.appendFinal(report.reportId, 'error', {
        code: GENERATION_FAILED,
        detail: GENERIC_FAILURE,
      });
      hub.notify(report.reportId);
      await onFailed({ reportId: report.reportId, userId: report.userId, reason: 'stale' }).catch((error: unknown) =>
        logger.error({ report_id: report.reportId, err: error }, 'failure hook failed'),
      );
    }
    return stale.length;
  }
}

/** Extra time past the generation timeout before a report in `generating` counts as abandoned. */
export const STALE_GRACE_MS = 30_000;

/** How long a report may stay `pending` before the sweeper starts it (its instance died before starting it). */
export const PENDING_GRACE_MS = 60_000;
