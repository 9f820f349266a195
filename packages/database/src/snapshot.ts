import { PGlite } from '@electric-sql/pglite';
import { migrate } from './migrate.js';
import { pgliteDatabase } from './pglite-adapter.js';
import type { DatabaseLogger } from './types.js';

/**
 * A migrated, empty in-memory PGlite's data directory as an uncompressed tarball (`dumpDataDir`): pass it as
 * `snapshot` to `createDatabase({ memory: true, … })` to open a copy in a fraction of the time an empty cluster
 * plus its migrations take. Test suites make one per run and open one copy per test file.
 */
export async function createPgliteSnapshot(
  options: { readonly logger?: DatabaseLogger | undefined } = {},
): Promise<Blob> {
  const pglite = await PGlite.create();
  try {
    await migrate(pgliteDatabase(pglite), { logger: options.logger });
    return await pglite.dumpDataDir('none');
  } finally {
    await pglite.close();
  }
}
