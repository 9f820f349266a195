import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { createDatabase } from '../../src/create-database.js';
import { afterAll, beforeEach } from 'vitest';
import { createRepositories, type Repositories } from '../../src/repositories/index.js';
import type { Database, DatabaseOptions } from '../../src/types.js';
import { pgliteSnapshot } from '../../../../vitest.pglite-snapshot.js';

/** The PostgreSQL server of the pg branch (CI sets it); unset = PGlite only. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

/** A throwaway PostgreSQL database on the TEST_DATABASE_URL server. */
export interface ThrowawayDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** Runs `sql` on the TEST_DATABASE_URL database (administration: create and drop databases, hold locks). */
async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates an empty database `uksmr_test_<random>` on the TEST_DATABASE_URL server; `drop` removes it. */
export async function createThrowawayDatabase(): Promise<ThrowawayDatabase> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `uksmr_test_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A migrated database of one test file, and how to dispose of it. */
export interface TestDatabase {
  readonly db: Database;
  /** The connection string (pg only). */
  readonly url?: string;
  dispose(): Promise<void>;
}

/** How a test opens a target: database options, and `fresh` for an empty cluster migrated there and then. */
export type OpenOptions = Partial<DatabaseOptions> & { readonly fresh?: boolean };

/** One adapter the suite runs against. */
export interface TestTarget {
  readonly name: 'pglite' | 'pg';
  /** What answers it: embedded PGlite, a PostgreSQL server, or PGlite behind the wire protocol (no server given). */
  readonly where: string;
  /** A real PostgreSQL server answers (TEST_DATABASE_URL): several sessions, timeouts, terminated backends. */
  readonly server: boolean;
  /** A migrated database: a copy of the run's migrated snapshot, or with `fresh` one migrated from empty. */
  open(options?: OpenOptions): Promise<TestDatabase>;
}

const pglite: TestTarget = {
  name: 'pglite',
  where: 'embedded PGlite',
  server: false,
  async open({ fresh = false, ...options } = {}) {
    const snapshot = fresh ? undefined : await pgliteSnapshot();
    const db = await createDatabase({
      dataDir: mkdtempSync(join(tmpdir(), 'uksmr-db-')),
      memory: true,
      snapshot,
      ...options,
    });
    return { db, dispose: () => db.close() };
  },
};

const postgres: TestTarget = {
  name: 'pg',
  where: 'a PostgreSQL server',
  server: true,
  async open({ fresh: _fresh, ...options } = {}) {
    const throwaway = await createThrowawayDatabase();
    const db = await createDatabase({ databaseUrl: throwaway.url, dataDir: tmpdir(), ...options });
    return {
      db,
      url: throwaway.url,
      dispose: async () => {
        await db.close();
        await throwaway.drop();
      },
    };
  },
};

/**
 * The pg adapter without a server: a PGlite of its own (the run's migrated snapshot, or empty with `fresh`) behind
 * the PostgreSQL wire protocol (pglite-socket) on a free local port. Its connections share PGlite's one session,
 * queued statement by statement (a second connection waits while another holds a transaction open).
 */
const pgOverSocket: TestTarget = {
  name: 'pg',
  where: 'PGlite over the wire protocol',
  server: false,
  async open({ fresh = false, ...options } = {}) {
    const snapshot = fresh ? undefined : await pgliteSnapshot();
    const pglite = await PGlite.create(snapshot ? { loadDataDir: snapshot } : {});
    const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 50 });
    await server.start();
    const url = `postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
    const db = await createDatabase({ databaseUrl: url, dataDir: tmpdir(), ...options });
    return {
      db,
      url,
      dispose: async () => {
        await db.close();
        await server.stop();
        await pglite.close();
      },
    };
  },
};

/**
 * Both adapters, always: PGlite, and pg on the TEST_DATABASE_URL server or, without one, on PGlite over the wire
 * protocol. For `describe.each`; tests that need a real server check `target.server` (skipped, never left out).
 */
export const targets: TestTarget[] = [pglite, TEST_DATABASE_URL ? postgres : pgOverSocket];

/** Why a test that needs a real PostgreSQL server is skipped without one (put in its name). */
export const NEEDS_SERVER = '(skipped without TEST_DATABASE_URL: needs a PostgreSQL server)';

/** A unique e-mail address. */
export function uniqueEmail(): string {
  return `user-${randomUUID()}@example.test`;
}

/** Days before now, as a Date. */
export function daysAgo(days: number, from = new Date()): Date {
  return new Date(from.getTime() - days * 24 * 60 * 60 * 1000);
}

/** A test file's open database with repositories over it, set before its tests run. */
export interface RepositoriesUnderTest {
  readonly handle: TestDatabase;
  readonly repos: Repositories;
  /** A new local user's id. */
  newUser(): Promise<string>;
}

/**
 * Runs `open` once for the enclosing `describe`, just before the first of its tests that runs, and `close` on what
 * it opened after its last test; returns a reader of that value (for tests and hooks, not for suite collection).
 * A `beforeEach`, not a `beforeAll`: Stryker's perTest coverage (`npm run test:mutation`) then counts the code that
 * opening runs (adapter, migrations) as covered by that test, where a `beforeAll` makes it static coverage and every
 * mutant in it a run of the whole suite. Opening still costs one start-up per `describe`.
 */
export function openBeforeFirstTest<T>(open: () => Promise<T>, close: (value: T) => Promise<void>): () => T {
  let opening: Promise<T> | undefined;
  let value: T | undefined;
  // A fresh cluster migrated from empty took 54 s of wall time under load 30, near the shared 60 s hook timeout.
  beforeEach(async () => {
    opening ??= open();
    value = await opening;
  }, 180_000);
  afterAll(async () => {
    if (opening) await close(await opening);
  });
  return () => {
    if (value === undefined) throw new Error('the test database is not open yet');
    return value;
  };
}

/**
 * Opens `target` for the enclosing `describe` (once, before its first test: start-up costs seconds) and disposes of
 * it afterwards. Read `handle` and `repos` inside tests and hooks, not while the suite is being collected.
 */
export function useRepositories(target: TestTarget): RepositoriesUnderTest {
  const opened = openBeforeFirstTest(
    async () => {
      const handle = await target.open();
      return { handle, repos: createRepositories(handle.db) };
    },
    ({ handle }) => handle.dispose(),
  );
  return {
    get handle() {
      return opened().handle;
    },
    get repos() {
      return opened().repos;
    },
    async newUser() {
      return (await opened().repos.users.createLocal({ email: uniqueEmail(), passwordHash: 'h' }))!.userId;
    },
  };
}
