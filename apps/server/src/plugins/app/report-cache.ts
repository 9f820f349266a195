import fp from 'fastify-plugin';
import type { Database } from '@uksmr/database';
import { ReportReadCache } from '../../domain/reports/read-cache.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** This instance's copies of completed reports' JSON and of the report lists (see ReportReadCache). */
    readonly reportCache: ReportReadCache;
  }
}

/** One cache per database object: apps that share one in a process (tests) make and hear the same changes. */
const caches = new WeakMap<Database, ReportReadCache>();

/** The read cache of `database`, made on first use. */
export function reportCacheOf(database: Database): ReportReadCache {
  let cache = caches.get(database);
  if (!cache) {
    // Embedded PGlite lives in this process: every change is made here and told to the cache at once. On a
    // PostgreSQL server other instances change reports too: trusted only once listening (the generation plugin).
    cache = new ReportReadCache(database.listen === undefined);
    caches.set(database, cache);
  }
  return cache;
}

/**
 * The read cache of `GET /reports` and `GET /reports/{id}`, over the app's database. On a PostgreSQL server it is
 * trusted only while the listening connection hears every change announced (the generation plugin switches it).
 */
export default fp(
  (app, _opts, done) => {
    app.decorate('reportCache', reportCacheOf(app.services.database));
    done();
  },
  { name: 'report-cache', dependencies: ['services'] },
);
