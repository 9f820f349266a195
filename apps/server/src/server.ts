import { Redis } from 'ioredis';
import type { AppConfig } from '@uksmr/config';
import { createDatabase } from '@uksmr/database';
import { createFeatureFlags } from '@uksmr/feature-flags';
import { createLogger, type AppLogger } from '@uksmr/logging';
import { buildApp, type App } from './app.js';
import { databaseTlsProblem } from './database-tls.js';

/** A started server and how to stop it. */
export interface RunningServer {
  readonly app: App;
  readonly logger: AppLogger;
  /** The address it listens on, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  /** Stops accepting, finishes in-flight requests, closes the database and the log file. */
  stop(): Promise<void>;
}

/**
 * The shared rate-limit store. Commands fail at once while it is disconnected (no offline queue), so the limiter
 * falls back to its in-process budget instead of waiting; its errors go through the logger, the first of an
 * outage as a warning and the repeats of each reconnect attempt at debug.
 */
export function connectRedis(url: string, logger: AppLogger): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 });
  let failing = false;
  redis.on('error', (error: Error) => {
    if (failing) return logger.debug({ event: 'redis.error', err: error }, 'Redis still unavailable');
    failing = true;
    logger.warn({ event: 'redis.error', err: error }, 'Redis unavailable');
  });
  redis.on('ready', () => {
    if (failing) logger.warn({ event: 'redis.ready' }, 'Redis available again');
    failing = false;
  });
  return redis;
}

/**
 * Starts the whole server from a loaded config: logger → database (migrated, retried for up to 30 s) →
 * Fastify → listen on `PORT`.
 */
export async function startServer(config: AppConfig): Promise<RunningServer> {
  const logger = createLogger({
    level: config.logLevel,
    environment: config.environmentMode,
    logDir: config.logDir,
    maxSizeMb: config.logMaxSizeMb,
    rotationDays: config.logRotationDays,
    retentionDays: config.logRetentionDays,
  });
  const flags = createFeatureFlags(config.flags, (entry) => logger.debug(entry, 'feature flag evaluated'));
  logger.info(
    {
      mode: config.environmentMode,
      database: config.databaseUrl ? 'postgresql' : 'pglite',
      supabase: flags.isEnabled('ENABLE_SUPABASE'),
      payments: flags.isEnabled('ENABLE_PAYMENTS'),
    },
    'starting',
  );
  const tlsProblem =
    config.environmentMode === 'production'
      ? databaseTlsProblem(config.databaseUrl, flags.isEnabled('ENABLE_SUPABASE'))
      : null;
  if (tlsProblem) {
    logger.warn({ event: 'database.tls_unverified' }, `SECURITY WARNING: ${tlsProblem}`);
    process.stderr.write(`SECURITY WARNING: ${tlsProblem}\n`);
  }
  const database = await createDatabase({
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    ...(config.databaseListenUrl ? { listenUrl: config.databaseListenUrl } : {}),
    dataDir: config.dataDir,
    enableSupabase: flags.isEnabled('ENABLE_SUPABASE'),
    logger,
  });
  const redis = config.redisUrl ? connectRedis(config.redisUrl, logger) : undefined;
  const app = await buildApp(config, { logger, database, flags, ...(redis ? { redis } : {}) });
  app.addHook('onClose', async () => {
    await database.close();
    if (redis) await redis.quit().catch(() => redis.disconnect());
  });
  const url = await app.listen({ port: config.port, host: config.host });
  logger.info({ url }, 'listening');
  return {
    app,
    logger,
    url,
    stop: async () => {
      await app.close();
      logger.info('stopped');
      await logger.close();
    },
  };
}
