import { Cron } from 'croner';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppConfig } from '@uksmr/config';
import {
  REPORT_EVENTS_CHANNEL,
  type Listening,
  type ReportChangeNotice,
  type ReportEventNotice,
  type SessionRevokedNotice,
} from '@uksmr/database';
import type { ReportChange } from '../../domain/reports/read-cache.js';
import { loadKnowledgeBase } from '../../domain/knowledge-base/load.js';
import { ReportEventHub } from '../../domain/generation/event-hub.js';
import { GenerationService, type FailureHook } from '../../domain/generation/generation-service.js';
import { createGeminiWriter } from '../../domain/writers/gemini/index.js';
import { createKnowledgeBaseWriter } from '../../domain/writers/knowledge-base-writer/index.js';
import type { ReportWriter } from '../../domain/report/types.js';
import type { KnowledgeBase } from '../../domain/knowledge-base/schema.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs report generations (claim, write, store, fail). */
    readonly generation: GenerationService;
    /** Wakes local readers of reports in generation. */
    readonly reportHub: ReportEventHub;
    /** The knowledge base loaded and validated at start (read-only). */
    readonly knowledgeBase: KnowledgeBase;
  }
}

/**
 * How long a stopping instance lets running generations finish before it hands them back: within Cloud Run's
 * 10 s between SIGTERM and SIGKILL.
 */
export const SHUTDOWN_GRACE_MS = 8_000;

/**
 * When the generation sweeper runs (UTC, every minute): fails abandoned generations, restarts forgotten pending
 * reports, and deletes the progress rows of reports finished over {@link EVENTS_KEPT_MS} ago.
 */
export const SWEEP_PATTERN = '* * * * *';
/** How long the terminal progress row of a finished report is kept for readers still following: one hour. */
export const EVENTS_KEPT_MS = 60 * 60 * 1000;

/** What {@link deliverNotice} hands on besides the progress events. */
export interface NoticeHandlers {
  /** A report another instance handed back while stopping: start it here. */
  readonly onHandedBack?: (reportId: string) => void;
  /** A report changed, on any instance (the read cache forgets it). */
  readonly onReportChanged?: (change: ReportChange) => void;
  /** A local sign-in was revoked, on any instance (its tokens are refused here at once). */
  readonly onSessionRevoked?: (sessionId: string) => void;
}

/**
 * Hands one `report_events` notification to the hub: with its event when it carries one, else as "read the rows".
 * A `status` event marked `handed_back` is a report another instance gave back to `pending` while stopping:
 * `onHandedBack` starts it here at once (the claim stays atomic: of all the instances that hear it, one generates it).
 * Migration 007's triggers announce on the same channel a report's change (`k: "change"`) and a revoked sign-in
 * (`k: "session"`), which go to their handlers instead of the hub.
 */
export function deliverNotice(hub: ReportEventHub, payload: string, handlers: NoticeHandlers = {}): void {
  let notice: ReportEventNotice | ReportChangeNotice | SessionRevokedNotice;
  try {
    notice = JSON.parse(payload) as ReportEventNotice | ReportChangeNotice | SessionRevokedNotice;
  } catch {
    return;
  }
  if ('k' in notice) {
    if (notice.k === 'change' && typeof notice.u === 'string' && typeof notice.r === 'string')
      handlers.onReportChanged?.({ userId: notice.u, reportId: notice.r });
    if (notice.k === 'session' && typeof notice.s === 'string') handlers.onSessionRevoked?.(notice.s);
    return;
  }
  if (typeof notice.r !== 'string' || typeof notice.s !== 'number') return;
  hub.deliver(notice.r, notice.e === undefined ? null : { seq: notice.s, event: notice.e, data: notice.d });
  if (notice.e === 'status' && (notice.d as { handed_back?: unknown } | undefined)?.handed_back === true)
    handlers.onHandedBack?.(notice.r);
}

/** One sweep, logged with its counts (a failure is logged, not thrown). */
export async function runGenerationSweep(app: FastifyInstance): Promise<void> {
  try {
    const [failedStale, restartedPending, eventsDeleted] = await Promise.all([
      app.generation.sweepStale(),
      app.generation.restartPending(),
      app.repos.reportEvents.clearFinished(new Date(app.now().getTime() - EVENTS_KEPT_MS)),
    ]);
    app.log.info(
      {
        job: 'generation-sweep',
        failed_stale: failedStale,
        restarted_pending: restartedPending,
        events_deleted: eventsDeleted,
      },
      'sweep run',
    );
  } catch (error) {
    app.log.error({ job: 'generation-sweep', err: error }, 'sweep run failed');
  }
}

/** The writer the config asks for: Gemini when `GEMINI_API_KEY` is set, else the knowledge-base writer. */
export function writerFor(config: AppConfig): ReportWriter {
  if (!config.geminiApiKey) return createKnowledgeBaseWriter();
  return createGeminiWriter({
    apiKey: config.geminiApiKey,
    model: config.geminiModel,
    timeoutMs: config.geminiTimeoutMs,
    ...(config.geminiApiBase ? { baseUrl: config.geminiApiBase } : {}),
  });
}

/** Options of the generation plugin. */
export interface GenerationPluginOptions {
  /** The refund hook (Payments); by default nothing happens on failure beyond the stored status. */
  readonly onFailed?: FailureHook;
}

/**
 * Loads and validates the knowledge base at start, chooses the writer, and runs the generation service and
 * its stale-generation sweeper for the app's lifetime.
 */
export default fp<GenerationPluginOptions>(
  (app, options, done) => {
    const knowledgeBase = loadKnowledgeBase();
    const hub = new ReportEventHub();
    const writer = app.services.writer ?? writerFor(app.config);
    const generation = new GenerationService({
      database: app.services.database,
      logger: app.log,
      hub,
      writer,
      knowledgeBase,
      timeoutMs: app.config.geminiTimeoutMs,
      now: () => app.now(),
      onFailed: options.onFailed ?? (() => Promise.resolve()),
      observe: (observation) => app.metrics.observeGeneration(observation),
      onReportChanged: (change) => app.reportCache.changed(change),
    });
    app.log.info({ provider: writer.provider, knowledge_base_as_of: knowledgeBase.as_of }, 'report writer ready');
    app.decorate('generation', generation);
    app.decorate('reportHub', hub);
    app.decorate('knowledgeBase', knowledgeBase);
    let sweeper: Cron | undefined;
    let listening: Listening | undefined;
    app.addHook('onReady', async () => {
      // `protect` skips a run while the previous one is still going; `unref` never keeps the process alive.
      sweeper = new Cron(SWEEP_PATTERN, { timezone: 'UTC', protect: true, unref: true }, () => runGenerationSweep(app));
      // On a PostgreSQL server, one listening connection per instance brings every stored event to the readers here.
      const { database } = app.services;
      if (database.listen) {
        listening = await database.listen(REPORT_EVENTS_CHANNEL, {
          onNotice: (payload) =>
            deliverNotice(hub, payload, {
              onHandedBack: (reportId) => generation.start(reportId),
              onReportChanged: (change) => app.reportCache.changed(change),
              onSessionRevoked: (sessionId) => app.localAccounts?.forgetSession(sessionId),
            }),
          // The read cache is trusted only while every change is heard (see ReportReadCache).
          onState: (connected) => {
            hub.setListening(connected);
            app.reportCache.setEnabled(connected);
          },
        });
      }
    });
    // Stopping (Fastify answers new requests 503 from here on): finish or hand back the generations, then end the
    // event streams still open (their readers reconnect to another instance), before any onClose closes the pool.
    app.addHook('preClose', async () => {
      sweeper?.stop();
      await generation.drain(SHUTDOWN_GRACE_MS);
      app.server.closeAllConnections();
    });
    app.addHook('onClose', async () => {
      await generation.idle();
      await listening?.close();
    });
    done();
  },
  { name: 'generation', dependencies: ['services', 'metrics', 'report-cache', 'auth'] },
);
