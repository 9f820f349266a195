import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../src/create-database.js';
import { loadMigrations, migrate, MIGRATION_LOCK_KEY, MIGRATIONS_DIR } from '../src/migrate.js';
import {
  createThrowawayDatabase,
  NEEDS_SERVER,
  openBeforeFirstTest,
  targets,
  TEST_DATABASE_URL,
} from './support/databases.js';

const SHIPPED = [
  '001_users_and_sessions.sql',
  '002_reports.sql',
  '003_payments.sql',
  '004_report_profile.sql',
  '005_refresh_generation.sql',
  '006_report_questions.sql',
  '007_report_change_notices.sql',
];
/** The version numbers of the shipped files. */
const SHIPPED_VERSIONS = SHIPPED.map((name) => Number(name.slice(0, 3)));

/** A folder holding the shipped migrations plus `extra` files. */
async function migrationsWith(extra: Record<string, string>): Promise<URL> {
  const dir = await mkdtemp(join(tmpdir(), 'uksmr-migrations-'));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) await writeFile(join(dir, name), sql);
  return pathToFileURL(`${dir}/`);
}

describe('loadMigrations', () => {
  it('reads the shipped NNN_name.sql files in version order', async () => {
    const migrations = await loadMigrations();
    expect(migrations.map((m) => [m.version, m.name])).toEqual(SHIPPED.map((name, i) => [SHIPPED_VERSIONS[i], name]));
    expect(migrations[0].sql).toContain('CREATE TABLE users');
  });

  it('ignores other files and refuses two files of one version', async () => {
    const dir = await migrationsWith({
      'README.md': '# notes',
      '100_later.sql': 'SELECT 1;',
      '9_bad.sql': 'SELECT 1;',
    });
    expect((await loadMigrations(dir)).map((m) => m.version)).toEqual([...SHIPPED_VERSIONS, 100]);
    const twin = await migrationsWith({ '002_twin.sql': 'SELECT 1;' });
    await expect(loadMigrations(twin)).rejects.toThrow('Two migrations have version 002');
  });
});

describe.each(targets)('migrations on $name ($where)', (target) => {
  // From an empty cluster, not from the run's migrated snapshot: this is where the migrations themselves run.
  const handle = openBeforeFirstTest(
    () => target.open({ fresh: true }),
    (opened) => opened.dispose(),
  );

  it('applied every shipped migration once, recorded in schema_migrations', async () => {
    const { rows } = await handle().db.query<{ version: number; name: string; applied_at: Date }>(
      'SELECT version, name, applied_at FROM schema_migrations ORDER BY version',
    );
    expect(rows.map((r) => r.name)).toEqual(SHIPPED);
    expect(rows.every((r) => r.applied_at instanceof Date)).toBe(true);
  });

  it('is idempotent: a second run applies nothing', async () => {
    expect(await migrate(handle().db)).toEqual([]);
    const { rows } = await handle().db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(rows[0].n).toBe(SHIPPED.length);
  });

  it('applies a new migration, and rolls back a failing one without recording it', async () => {
    const logged: object[] = [];
    const logger = { info: (obj: object) => logged.push(obj), warn: () => undefined };
    const dir = await migrationsWith({
      '090_extra.sql': 'CREATE TABLE extra (id int);\nINSERT INTO extra VALUES (1);',
    });
    expect(await migrate(handle().db, { directory: dir, logger })).toEqual(['090_extra.sql']);
    expect(logged).toEqual([{ migration: '090_extra.sql' }]);

    const broken = await migrationsWith({
      '090_extra.sql': 'unused',
      '091_broken.sql': 'CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;',
    });
    await expect(migrate(handle().db, { directory: broken })).rejects.toThrow(/no_such_table/);
    const { rows } = await handle().db.query<{ version: number; half: string | null }>(
      `SELECT max(version) AS version, to_regclass('half_done')::text AS half FROM schema_migrations`,
    );
    expect(rows[0]).toEqual({ version: 90, half: null });
  });

  it('refuses a database whose applied migration was another file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'uksmr-migrations-'));
    await writeFile(join(dir, '002_renamed.sql'), 'SELECT 1;');
    await expect(migrate(handle().db, { directory: pathToFileURL(`${dir}/`) })).rejects.toThrow(
      'Migration 2 was applied as 002_reports.sql, but the file is now 002_renamed.sql',
    );
  });
});

describe('migrations of two instances starting together on PGlite over the wire protocol', () => {
  it('both succeed, and the one that finds a migration applied meanwhile neither applies nor logs it again', async () => {
    // An empty cluster; its connections share one session, so a transaction waits for the other's to end.
    const pglite = await PGlite.create();
    const socket = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 20 });
    await socket.start();
    const applied: string[] = [];
    const logger = {
      info: (obj: object, msg: string) => {
        if (msg === 'migration applied') applied.push((obj as { migration: string }).migration);
      },
      warn: () => undefined,
    };
    try {
      const url = `postgres://postgres@${socket.getServerConn()}/postgres`;
      const [a, b] = await Promise.all([
        createDatabase({ databaseUrl: url, dataDir: tmpdir(), logger }),
        createDatabase({ databaseUrl: url, dataDir: tmpdir(), logger }),
      ]);
      const { rows } = await a.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(SHIPPED_VERSIONS);
      expect([...applied].sort()).toEqual(SHIPPED);
      await Promise.all([a.close(), b.close()]);
    } finally {
      await socket.stop();
      await pglite.close();
    }
  }, 120_000);
});

describe.skipIf(!TEST_DATABASE_URL)(
  `migrations on one PostgreSQL database shared by several instances ${NEEDS_SERVER}`,
  () => {
    it('two instances starting together both succeed and each migration is applied once', async () => {
      const throwaway = await createThrowawayDatabase();
      try {
        const [a, b] = await Promise.all([
          createDatabase({ databaseUrl: throwaway.url, dataDir: tmpdir() }),
          createDatabase({ databaseUrl: throwaway.url, dataDir: tmpdir() }),
        ]);
        const { rows } = await a.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
        expect(rows.map((r) => r.version)).toEqual(SHIPPED_VERSIONS);
        await Promise.all([a.close(), b.close()]);
      } finally {
        await throwaway.drop();
      }
    });

    it('waits for the advisory lock that another instance holds', async () => {
      const throwaway = await createThrowawayDatabase();
      const holder = new pg.Client({ connectionString: throwaway.url });
      await holder.connect();
      try {
        await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        let done = false;
        const starting = createDatabase({ databaseUrl: throwaway.url, dataDir: tmpdir() }).then((db) => {
          done = true;
          return db;
        });
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(done).toBe(false);
        const { rows } = await holder.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks
         WHERE locktype = 'advisory' AND NOT granted
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        );
        expect(rows[0].n).toBe(1);
        await holder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
        const db = await starting;
        expect(done).toBe(true);
        await db.close();
      } finally {
        await holder.end();
        await throwaway.drop();
      }
    });

    it('closes the pool when migrating fails at start-up', async () => {
      const throwaway = await createThrowawayDatabase();
      const setup = new pg.Client({ connectionString: throwaway.url });
      await setup.connect();
      try {
        await setup.query(`CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now())`);
        await setup.query(`INSERT INTO schema_migrations (version, name) VALUES (1, '001_something_else.sql')`);
        await expect(createDatabase({ databaseUrl: throwaway.url, dataDir: tmpdir() })).rejects.toThrow(
          'Migration 1 was applied as 001_something_else.sql',
        );
        // A backend leaves pg_stat_activity a moment after its client has gone.
        const connections = async () =>
          (
            await setup.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'uksmr'`,
            )
          ).rows[0].n;
        await expect.poll(connections).toBe(0);
      } finally {
        await setup.end();
        await throwaway.drop();
      }
    });
  },
);
