import fp from 'fastify-plugin';
import type { AppConfig } from '@uksmr/config';
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

/** How often the generation sweeper runs (fails abandoned generations, restarts forgotten pending reports). */
const SWEEP_INTERVAL_MS = 60_000;

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
    });
    app.log.info({ provider: writer.provider, knowledge_base_as_of: knowledgeBase.as_of }, 'report writer ready');
    app.decorate('generation', generation);
    app.decorate('reportHub', hub);
    app.decorate('knowledgeBase', knowledgeBase);
    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', (next) => {
      timer = setInterval(() => {
        Promise.all([generation.sweepStale(), generation.restartPending()]).catch((error: unknown) =>
          app.log.error({ err: error }, 'generation sweep failed'),
        );
      }, SWEEP_INTERVAL_MS).unref();
      next();
    });
    // Stopping (Fastify answers new requests 503 from here on): finish or hand back the generations, then end the
    // event streams still open (their readers reconnect to another instance), before any onClose closes the pool.
    app.addHook('preClose', async () => {
      clearInterval(timer);
      await generation.drain(SHUTDOWN_GRACE_MS);
      app.server.closeAllConnections();
    });
    app.addHook('onClose', async () => {
      await generation.idle();
    });
    done();
  },
  { name: 'generation', dependencies: ['services'] },
);
