import { readdir, readFile } from 'node:fs/promises';
import type { Database, DatabaseLogger, Transaction } from './types.js';

/** The advisory lock every instance takes while migrating ('uksmr' in ASCII). */
export const MIGRATION_LOCK_KEY = 0x75_6b_73_6d_72;

/** The folder of `NNN_name.sql` files, next to `src` and `dist` alike. */
export const MIGRATIONS_DIR = new URL('../migrations/', import.meta.url);

/** One migration file. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Options of `migrate`. */
export interface MigrateOptions {
  readonly logger?: DatabaseLogger | undefined;
  /** Another folder of migrations (tests); default `MIGRATIONS_DIR`. */
  readonly directory?: URL | undefined;
}

const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version    integer PRIMARY KEY,
  name       text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/** Reads the `NNN_name.sql` files of `directory` in version order; other files are ignored, a repeated version refused. */
export async function loadMigrations(directory: URL = MIGRATIONS_DIR): Promise<Migration[]> {
  const migrations: Migration[] = [];
  for (const file of (await readdir(directory)).sort()) {
    const match = FILE_NAME.exec(file);
    if (!match) continue;
    const version = Number(match[1]);
    if (migrations.some((m) => m.version === version))
      throw new Error(`Two migrations have version ${match[1]}: ${file}`);
    migrations.push({ version, name: file, sql: await readFile(new URL(file, directory), 'utf8') });
  }
  return migrations;
}

/** Takes the migration lock for the rest of the transaction and returns the versions already applied. */
async function lockAndReadApplied(tx: Transaction): Promise<Map<number, string>> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
  await tx.exec(CREATE_TABLE);
  const { rows } = await tx.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations');
  return new Map(rows.map((row) => [row.version, row.name]));
}

/** Refuses a database whose applied migration `version` was a different file than ours. */
function assertSameFile(migration: Migration, appliedName: string): void {
  if (appliedName !== migration.name) {
    throw new Error(
      `Migration ${migration.version} was applied as ${appliedName}, but the file is now ${migration.name}`,
    );
  }
}

/**
 * Applies the pending forward-only migrations in version order, each in its own transaction under
 * `pg_advisory_xact_lock(MIGRATION_LOCK_KEY)`, so that instances starting together apply each one once. The lock is
 * transaction-scoped, so it is held by the very connection that migrates, also behind a transaction-mode pooler.
 * Returns the file names applied now.
 */
export async function migrate(db: Database, options: MigrateOptions = {}): Promise<string[]> {
  const migrations = await loadMigrations(options.directory);
  const known = await db.transaction(lockAndReadApplied);
  const applied: string[] = [];
  for (const migration of migrations) {
    const knownName = known.get(migration.version);
    if (knownName !== undefined) {
      assertSameFile(migration, knownName);
      continue;
    }
    const didApply = await db.transaction(async (tx) => {
      const appliedName = (await lockAndReadApplied(tx)).get(migration.version);
      if (appliedName !== undefined) {
        assertSameFile(migration, appliedName);
        return false;
      }
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (didApply) {
      applied.push(migration.name);
      options.logger?.info({ migration: migration.name }, 'migration applied');
    }
  }
  return applied;
}
