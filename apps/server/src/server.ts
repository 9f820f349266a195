import { Redis } from 'ioredis';
import type { AppConfig } from '@uksmr/config';
import { createDatabase } from '@uksmr/database';
import { createFeatureFlags } from '@uksmr/feature-flags';
import { createLogger, type AppLogger } from '@uksmr/logging';
import { buildApp, type App } from './app.js';

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
    { mode: config.environmentMode, database: config.databaseUrl ? 'postgresql' : 'pglite', supabase: flags.isEnabled('ENABLE_SUPABASE'), payments: flags.isEnabled('ENABLE_PAYMENTS') },
    'starting',
  );
  const database = await createDatabase({
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    ...(config.databaseListenUrl ? { listenUrl: config.databaseListenUrl } : {}),
    dataDir: config.dataDir,
    enableSupabase: flags.isEnabled('ENABLE_SUPABASE'),
    logger,
  });
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true }) : undefined;
  const app = await buildApp(config, { logger, database, flags, ...(redis ? { redis } : {}) });
  app.addHook('onClose', async () => {
    await database.close();
    if (redis) await redis.quit();
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
