import { tmpdir } from 'node:os';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../src/create-database.js';
import type { Database, DatabaseOptions } from '../src/types.js';
import { pgliteSnapshot } from '../../../vitest.pglite-snapshot.js';
import { openBeforeFirstTest } from './support/databases.js';

/** Resolves when `predicate` holds, polling every 20 ms (at most 10 s). */
async function until(predicate: () => boolean): Promise<void> {
  for (let waited = 0; !predicate(); waited += 20) {
    if (waited > 10_000) throw new Error('condition not met in 10 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A logger that keeps each message with its fields. */
function recordingLogger() {
  const lines: { msg: string; obj: Record<string, unknown> }[] = [];
  const log = (obj: object, msg: string) => lines.push({ msg, obj: obj as Record<string, unknown> });
  return { lines, logger: { info: log, warn: log } };
}

describe('the pg adapter on PGlite over the wire protocol', () => {
  // The stand-in server speaks no TLS: it answers a TLS request with "not supported", which these tests rely on.
  const server = openBeforeFirstTest(
    async () => {
      const pglite = await PGlite.create({ loadDataDir: await pgliteSnapshot() });
      const socket = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 20 });
      await socket.start();
      return { pglite, socket, url: `postgres://postgres@${socket.getServerConn()}/postgres` };
    },
    async ({ pglite, socket }) => {
      await socket.stop();
      await pglite.close();
    },
  );

  /** Opens the pg adapter with `options`, runs `fn` on it, and closes it. */
  async function withDatabase(
    options: Omit<DatabaseOptions, 'dataDir'>,
    fn: (db: Database) => Promise<void>,
  ): Promise<void> {
    const db = await createDatabase({ dataDir: tmpdir(), ...options });
    try {
      await fn(db);
    } finally {
      await db.close();
    }
  }

  it('reports its pool: connections open, idle and waiting, and its maximum of 20', async () => {
    await withDatabase({ databaseUrl: server().url }, async (db) => {
      await db.query('SELECT 1');
      const stats = db.poolStats?.();
      expect(stats).toEqual({ total: stats?.total, idle: stats?.idle, waiting: 0, max: 20 });
      expect(stats?.total).toBeGreaterThanOrEqual(1);
      expect(stats?.idle).toBe(stats?.total);
    });
  });

  it('listens on its own connection string by default, says when it listens, and stops on close', async () => {
    const { lines, logger } = recordingLogger();
    await withDatabase({ databaseUrl: server().url, logger }, async (db) => {
      const states: boolean[] = [];
      const listening = await db.listen!('report_events', {
        onNotice: () => undefined,
        onState: (s) => states.push(s),
      });
      expect(states).toEqual([true]);
      expect(lines.map((l) => l.msg)).toContain('database listener connected');
      await listening.close();
    });
  });

  it('logs where it connected, and closes its pool when migrating fails at start-up', async () => {
    const { lines, logger } = recordingLogger();
    await withDatabase({ databaseUrl: `${server().url}?password=secret`, logger }, () => Promise.resolve());
    const connected = lines.find((l) => l.msg === 'database connected');
    expect(connected?.obj).toEqual({ target: server().url, attempt: 1 });

    const { pglite, socket } = server();
    await pglite.query(`UPDATE schema_migrations SET name = '001_something_else.sql' WHERE version = 1`);
    try {
      await expect(createDatabase({ databaseUrl: server().url, dataDir: tmpdir() })).rejects.toThrow(
        'Migration 1 was applied as 001_something_else.sql, but the file is now 001_users_and_sessions.sql',
      );
      await expect.poll(() => socket.getStats().activeConnections).toBe(0);
    } finally {
      await pglite.query(`UPDATE schema_migrations SET name = '001_users_and_sessions.sql' WHERE version = 1`);
    }
  });

  it('listens on listenUrl when given, with the TLS settings the pool would choose for that URL', async () => {
    const { lines, logger } = recordingLogger();
    // Supabase: the pool's own URL chooses no TLS (sslmode=disable) and connects; the listen URL sets nothing, so
    // the listener asks for TLS, which the stand-in server refuses: proof that it used listenUrl and the pool's TLS.
    const plain = `${server().url}?sslmode=disable`;
    await withDatabase({ databaseUrl: plain, enableSupabase: true, listenUrl: server().url, logger }, async (db) => {
      const states: boolean[] = [];
      const listening = await db.listen!('report_events', {
        onNotice: () => undefined,
        onState: (s) => states.push(s),
      });
      try {
        const retry = lines.find((l) => l.msg === 'database listener cannot connect yet');
        expect(retry?.obj.error).toBe('The server does not support SSL connections');
        expect(states).toEqual([]);
      } finally {
        await listening.close();
      }
    });
    // Without listenUrl the listener uses the pool's URL, whose TLS choice (none) it keeps.
    await withDatabase({ databaseUrl: plain, enableSupabase: true }, async (db) => {
      const states: boolean[] = [];
      const listening = await db.listen!('report_events', {
        onNotice: () => undefined,
        onState: (s) => states.push(s),
      });
      await until(() => states.length > 0);
      expect(states).toEqual([true]);
      await listening.close();
    });
  });
});
