import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { createPgliteSnapshot } from './packages/database/src/snapshot.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const migrations = join(root, 'packages/database/migrations');

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated empty PGlite data directory (`dumpDataDir` tarball) that each test file loads. */
    pgliteSnapshot: string;
  }
}

/** The cache key: PGlite's version and every migration file, so a changed migration makes a new snapshot. */
async function snapshotKey(): Promise<string> {
  const hash = createHash('sha256');
  const pglite = JSON.parse(await readFile(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as {
    version: string;
  };
  hash.update(pglite.version);
  for (const file of (await readdir(migrations)).sort())
    hash.update(file).update(await readFile(join(migrations, file)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Vitest global setup: makes one migrated PGlite snapshot (kept in node_modules/.cache, keyed by the migrations)
 * and provides its path as `pgliteSnapshot`, so that each test file opens a copy in well under a second of CPU
 * instead of creating a cluster (about 4 s of CPU) and migrating it.
 */
export default async function setup(project: TestProject): Promise<void> {
  const dir = join(root, 'node_modules/.cache/uksmr-pglite');
  const path = join(dir, `migrated-${await snapshotKey()}.tar`);
  if (!existsSync(path)) {
    await mkdir(dir, { recursive: true });
    const blob = await createPgliteSnapshot();
    // Two workspaces may make it at once: write aside, then rename (atomic) so no reader sees half a file.
    const partial = `${path}.${process.pid}.partial`;
    await writeFile(partial, Buffer.from(await blob.arrayBuffer()));
    await rename(partial, path);
  }
  project.provide('pgliteSnapshot', path);
}

let loaded: Promise<Blob> | undefined;

/** In a test file: the run's migrated PGlite snapshot (see `setup`), read once per file. */
export function pgliteSnapshot(): Promise<Blob> {
  loaded ??= readFile(inject('pgliteSnapshot')).then((bytes) => new Blob([bytes]));
  return loaded;
}
