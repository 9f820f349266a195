import { migrate } from './migrate.js';
import { openPg } from './pg-adapter.js';
import { openPglite } from './pglite-adapter.js';
import type { Database, DatabaseOptions } from './types.js';

/**
 * Connects to PostgreSQL (`databaseUrl`) or opens PGlite (`<dataDir>/pglite`, or memory), applies the pending
 * migrations and returns the database. Throws `DatabaseUnavailableError` when it cannot be reached in time.
 */
export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  const { logger } = options;
  const db = options.databaseUrl
    ? await openPg({
        databaseUrl: options.databaseUrl,
        enableSupabase: options.enableSupabase ?? false,
        statementTimeoutMs: options.statementTimeoutMs ?? 15_000,
        connectRetryMs: options.connectRetryMs ?? 30_000,
        logger,
        listenUrl: options.listenUrl,
      })
    : await openPglite({
        dataDir: options.dataDir,
        memory: options.memory ?? false,
        logger,
        snapshot: options.snapshot,
      });
  try {
    await migrate(db, { logger });
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
