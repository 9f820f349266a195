import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { createDatabase } from '../src/create-database.js';
import { listenPg } from '../src/pg-listener.js';
import { MAX_NOTIFY_PAYLOAD_BYTES, REPORT_EVENTS_CHANNEL } from '../src/repositories/report-events.js';
import { createRepositories } from '../src/repositories/index.js';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { pgliteSnapshot } from '../../../vitest.pglite-snapshot.js';
import { createThrowawayDatabase, NEEDS_SERVER, TEST_DATABASE_URL } from './support/databases.js';

/** Resolves when `predicate` holds, polling every 20 ms (at most 10 s). */
async function until(predicate: () => boolean): Promise<void> {
  for (let waited = 0; !predicate(); waited += 20) {
    if (waited > 10_000) throw new Error('condition not met in 10 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!TEST_DATABASE_URL)(`LISTEN/NOTIFY on a PostgreSQL server ${NEEDS_SERVER}`, () => {
  it('announces each stored event with its data (a large one bare), survives a dropped connection, and says so', async () => {
    const throwaway = await createThrowawayDatabase();
    const db = await createDatabase({ databaseUrl: throwaway.url, dataDir: '/nonexistent' });
    const notices: Record<string, unknown>[] = [];
    const states: boolean[] = [];
    const logged: string[] = [];
    const logger = {
      info: (_: object, msg: string) => logged.push(msg),
      warn: (_: object, msg: string) => logged.push(msg),
    };
    const listening = await listenPg(
      REPORT_EVENTS_CHANNEL,
      {
        onNotice: (payload) => notices.push(JSON.parse(payload) as Record<string, unknown>),
        onState: (s) => states.push(s),
      },
      { connectionString: throwaway.url, logger, retryMs: [50, 200] },
    );
    try {
      const repos = createRepositories(db);
      const { rows } = await db.query<{ user_id: string }>(
        "INSERT INTO users (external_id, auth_provider) VALUES ('listen', 'email') RETURNING user_id",
      );
      const report = await repos.reports.create({ userId: rows[0].user_id, subject: 'Law' });
      await repos.reportEvents.append(report.reportId, 'status', { status: 'generating' });
      await repos.reportEvents.append(report.reportId, 'delta', {
        key: 'study_options',
        text: 'x'.repeat(MAX_NOTIFY_PAYLOAD_BYTES),
      });
      // Progress events, and (migration 007's trigger) the report's creation as a change of its row.
      const progress = (): Record<string, unknown>[] => notices.filter((notice) => !('k' in notice));
      await until(() => progress().length === 2);
      expect(progress()).toEqual([
        { r: report.reportId, s: 1, e: 'status', d: { status: 'generating' } },
        { r: report.reportId, s: 2 },
      ]);
      expect(notices).toContainEqual({ k: 'change', u: rows[0].user_id, r: report.reportId });

      // The server drops the listening connection: the listener says so, reconnects, and hears again.
      const admin = new pg.Client({ connectionString: throwaway.url });
      await admin.connect();
      await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'uksmr-listen' AND datname = current_database()",
      );
      await admin.end();
      await until(() => states.length >= 3);
      expect(states).toEqual([true, false, true]);
      expect(logged).toEqual(
        expect.arrayContaining(['database listener connected', 'database listener connection lost']),
      );
      await repos.reportEvents.append(report.reportId, 'complete', {});
      await until(() => progress().length === 3);
      expect(progress()[2]).toMatchObject({ s: 3, e: 'complete' });
      // A revoked sign-in is announced too.
      const session = await repos.sessions.create({
        userId: rows[0].user_id,
        expiresAt: new Date(Date.now() + 60_000),
      });
      await repos.sessions.revoke(session.sessionId);
      await until(() => notices.some((notice) => notice.k === 'session'));
      expect(notices.filter((notice) => notice.k === 'session')).toEqual([{ k: 'session', s: session.sessionId }]);
    } finally {
      await listening.close();
      await db.close();
      await throwaway.drop();
    }
  });
});

describe('the listener without a server', () => {
  it('keeps trying when the server cannot be reached at first, and refuses a channel that is not a plain name', async () => {
    const logged: string[] = [];
    const retries: object[] = [];
    const logger = {
      info: (_: object, msg: string) => logged.push(msg),
      warn: (obj: object, msg: string) => {
        logged.push(msg);
        retries.push(obj);
      },
    };
    const listening = await listenPg(
      'report_events',
      { onNotice: () => undefined },
      { connectionString: 'postgres://postgres@127.0.0.1:1/none', logger, retryMs: [20, 40] },
    );
    await until(() => logged.filter((m) => m === 'database listener cannot connect yet').length >= 4);
    await listening.close();
    // The wait doubles after each failed retry, up to the longest wait; nothing more is tried once closed.
    expect(retries.slice(0, 4)).toEqual(
      [20, 20, 40, 40].map((retry_ms) => ({
        event: 'database.listen_retry',
        code: 'ECONNREFUSED',
        error: 'connect ECONNREFUSED 127.0.0.1:1',
        retry_ms,
      })),
    );
    const afterClose = logged.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(logged).toHaveLength(afterClose);
    for (const channel of ['bad; DROP', 'drop; report_events', 'report_events;'])
      await expect(
        listenPg(channel, { onNotice: () => undefined }, { connectionString: 'postgres://x@127.0.0.1:1/x' }),
      ).rejects.toThrow(`not a plain channel name: ${channel}`);
  });

  it('on PGlite over the wire protocol: listens, says when the connection drops, reconnects, and closes', async () => {
    const pglite = await PGlite.create({ loadDataDir: await pgliteSnapshot() });
    // The stand-in server closes a connection idle for 300 ms: the listener's, which only waits for notifications.
    const server = new PGLiteSocketServer({
      db: pglite,
      host: '127.0.0.1',
      port: 0,
      maxConnections: 5,
      idleTimeout: 300,
    });
    await server.start();
    const states: boolean[] = [];
    const logged: string[] = [];
    const fields = new Map<string, object>();
    const log = (obj: object, msg: string) => {
      logged.push(msg);
      fields.set(msg, obj);
    };
    const logger = { info: log, warn: log };
    const listening = await listenPg(
      REPORT_EVENTS_CHANNEL,
      { onNotice: () => undefined, onState: (s) => states.push(s) },
      { connectionString: `postgres://postgres@${server.getServerConn()}/postgres`, logger, retryMs: [20, 40] },
    );
    try {
      await until(() => states.length >= 3);
      expect(states.slice(0, 3)).toEqual([true, false, true]);
      expect(fields.get('database listener connected')).toEqual({
        event: 'database.listen_connected',
        channel: REPORT_EVENTS_CHANNEL,
      });
      expect(fields.get('database listener connection lost')).toMatchObject({ event: 'database.listen_lost' });
      expect(logged).toEqual(
        expect.arrayContaining(['database listener connected', 'database listener connection lost']),
      );
    } finally {
      await listening.close();
      await server.stop();
      await pglite.close();
    }
  });
});
