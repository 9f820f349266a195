import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite, type Transaction as PGliteTransaction } from '@electric-sql/pglite';
import { DatabaseUnavailableError } from './errors.js';
import { toQueryResult } from './result.js';
import type { Database, DatabaseLogger, QueryResult, Transaction } from './types.js';

/** What the PGlite adapter needs to know. */
export interface PgliteAdapterOptions {
  readonly dataDir: string;
  readonly memory: boolean;
  readonly logger?: DatabaseLogger | undefined;
  /** In memory only: start from this `dumpDataDir()` tarball (see `createPgliteSnapshot`) instead of an empty cluster. */
  readonly snapshot?: Blob | undefined;
}

/** Runs one statement on PGlite (extended protocol: one statement, `$n` parameters). */
async function run<Row>(
  target: PGlite | PGliteTransaction,
  sql: string,
  params: readonly unknown[] | undefined,
): Promise<QueryResult<Row>> {
  const result = await target.query<Row>(sql, params ? [...params] : undefined);
  return toQueryResult(result.rows, result.rowCount ?? result.affectedRows);
}

/** The `Database` over an open PGlite. */
export function pgliteDatabase(db: PGlite): Database {
  let closing: Promise<void> | undefined;
  return {
    kind: 'pglite',
    query: (sql, params) => run(db, sql, params),
    transaction: (fn) =>
      db.transaction((tx) => {
        const transaction: Transaction = {
          query: (sql, params) => run(tx, sql, params),
          exec: async (script) => {
            await tx.exec(script);
          },
        };
        return fn(transaction);
      }),
    async ping() {
      await db.query('SELECT 1');
    },
    close: () => (closing ??= db.close()),
  };
}

/**
 * Opens the embedded database in `<dataDir>/pglite` (created when missing), or in memory (from `snapshot` when
 * given: about a third of the start-up of an empty cluster, and its migrations are applied already); throws
 * `DatabaseUnavailableError` when it cannot. One process only may open a data directory.
 */
export async function openPglite(options: PgliteAdapterOptions): Promise<Database> {
  const target = options.memory ? 'memory://' : join(options.dataDir, 'pglite');
  try {
    if (!options.memory) await mkdir(target, { recursive: true });
    const db = options.memory
      ? await PGlite.create(options.snapshot ? { loadDataDir: options.snapshot } : {})
      : await PGlite.create({ dataDir: target });
    options.logger?.info({ target }, 'database opened');
    return pgliteDatabase(db);
  } catch (err) {
    throw new DatabaseUnavailableError(target, 1, err);
  }
}
