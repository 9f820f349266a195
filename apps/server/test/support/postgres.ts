import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, type Database } from '@uksmr/database';
import { pgliteSnapshot } from '../../../../vitest.pglite-snapshot.js';

/** The PostgreSQL server tests may use (CI sets it), or undefined to run on PGlite only. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

/** Put in the name of a test that needs a PostgreSQL server (two pools, LISTEN across instances), skipped without one. */
export const NEEDS_SERVER = '(skipped without TEST_DATABASE_URL: needs a PostgreSQL server)';

/** One backend of the two-instance suites; the PostgreSQL one is always listed, and skipped without a server. */
export interface Backend {
  readonly name: string;
  /** The server's URL (PostgreSQL), or undefined for one PGlite shared by both instances. */
  readonly url: string | undefined;
  readonly skip: boolean;
}

/** PGlite (one database, two app instances), and PostgreSQL (two pools, two app instances) when TEST_DATABASE_URL is set. */
export const backends: readonly Backend[] = [
  { name: 'PGlite (one database, two app instances)', url: undefined, skip: false },
  {
    name: `PostgreSQL (two pools, two app instances)${TEST_DATABASE_URL ? '' : ` ${NEEDS_SERVER}`}`,
    url: TEST_DATABASE_URL,
    skip: !TEST_DATABASE_URL,
  },
];

/**
 * Creates a throwaway database on the TEST_DATABASE_URL server for one test file and returns its URL and a
 * function that drops it.
 */
export async function throwawayPostgres(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `uksmr_t_${randomBytes(6).toString('hex')}`;
  const admin = await createDatabase({ databaseUrl: serverUrl, dataDir: mkdtempSync(join(tmpdir(), 'uksmr-admin-')) });
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

/** Opens `count` connections to one database: separate pools on PostgreSQL, one shared PGlite otherwise. */
export async function sharedDatabases(url: string | undefined, count: number): Promise<Database[]> {
  if (!url) {
    const pglite = await createDatabase({
      dataDir: mkdtempSync(join(tmpdir(), 'uksmr-db-')),
      memory: true,
      snapshot: await pgliteSnapshot(),
    });
    return Array.from({ length: count }, () => pglite);
  }
  const databases: Database[] = [];
  for (let i = 0; i < count; i++)
    databases.push(await createDatabase({ databaseUrl: url, dataDir: mkdtempSync(join(tmpdir(), 'uksmr-db-')) }));
  return databases;
}
