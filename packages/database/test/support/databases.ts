import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDatabase } from '../../src/create-database.js';
import { afterAll, beforeAll } from 'vitest';
import { createRepositories, type Repositories } from '../../src/repositories/index.js';
import type { Database, DatabaseOptions } from '../../src/types.js';

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

/** One adapter the suite runs against. */
export interface TestTarget {
  readonly name: 'pglite' | 'pg';
  open(options?: Partial<DatabaseOptions>): Promise<TestDatabase>;
}

const pglite: TestTarget = {
  name: 'pglite',
  async open(options = {}) {
    const db = await createDatabase({ dataDir: mkdtempSync(join(tmpdir(), 'uksmr-db-')), memory: true, ...options });
    return { db, dispose: () => db.close() };
  },
};

const postgres: TestTarget = {
  name: 'pg',
  async open(options = {}) {
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

/** PGlite always, PostgreSQL when TEST_DATABASE_URL is set: for `describe.each`. */
export const targets: TestTarget[] = TEST_DATABASE_URL ? [pglite, postgres] : [pglite];

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
 * Opens `target` for the enclosing `describe` (once: start-up costs seconds) and disposes of it afterwards.
 * Read `handle` and `repos` inside tests and hooks, not while the suite is being collected.
 */
export function useRepositories(target: TestTarget): RepositoriesUnderTest {
  let handle: TestDatabase | undefined;
  let repos: Repositories | undefined;
  beforeAll(async () => {
    handle = await target.open();
    repos = createRepositories(handle.db);
  });
  afterAll(() => handle?.dispose());
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the test database is not open yet');
    return value;
  };
  return {
    get handle() {
      return ready(handle);
    },
    get repos() {
      return ready(repos);
    },
    async newUser() {
      return (await ready(repos).users.createLocal({ email: uniqueEmail(), passwordHash: 'h' }))!.userId;
    },
  };
}
