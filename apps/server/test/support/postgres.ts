import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, type Database } from '@uksmr/database';
import { pgliteSnapshot } from '../../../../vitest.pglite-snapshot.js';

/** The PostgreSQL server tests may use (CI sets it), or undefined to run on PGlite only. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

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
    const pglite = await createDatabase({ dataDir: mkdtempSync(join(tmpdir(), 'uksmr-db-')), memory: true, snapshot: await pgliteSnapshot() });
    return Array.from({ length: count }, () => pglite);
  }
  const databases: Database[] = [];
  for (let i = 0; i < count; i++) databases.push(await createDatabase({ databaseUrl: url, dataDir: mkdtempSync(join(tmpdir(), 'uksmr-db-')) }));
  return databases;
}
