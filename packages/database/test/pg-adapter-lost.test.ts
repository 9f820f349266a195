import { tmpdir } from 'node:os';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { expect, it } from 'vitest';
import { createDatabase } from '../src/create-database.js';
import { pgliteSnapshot } from '../../../vitest.pglite-snapshot.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('logs a connection lost in a transaction and idle ones, rolls back, and rethrows (PGlite over the wire protocol)', async () => {
  const pglite = await PGlite.create({ loadDataDir: await pgliteSnapshot() });
  // The stand-in server closes every connection idle for 300 ms: the transaction's, while its function waits.
  const server = new PGLiteSocketServer({
    db: pglite,
    host: '127.0.0.1',
    port: 0,
    maxConnections: 20,
    idleTimeout: 300,
  });
  await server.start();
  const lines: { msg: string; obj: object }[] = [];
  const log = (obj: object, msg: string) => lines.push({ msg, obj });
  const db = await createDatabase({
    databaseUrl: `postgres://postgres@${server.getServerConn()}/postgres`,
    dataDir: tmpdir(),
    logger: { info: log, warn: log },
  });
  try {
    // Two connections in the pool: one for the transaction, one left idle.
    await Promise.all([db.query('SELECT 1'), db.query('SELECT 1')]);
    expect(db.poolStats?.().total).toBe(2);
    const failed = await db
      .transaction(async (tx) => {
        await tx.query('SELECT 1');
        await sleep(600);
        return tx.query('SELECT 2');
      })
      .catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(Error);
    const lost = lines.filter((line) => line.msg.endsWith('database connection failed'));
    expect(lost).toContainEqual({
      msg: 'transaction database connection failed',
      obj: { code: undefined, error: 'Connection terminated unexpectedly' },
    });
    expect(lost).toContainEqual({
      msg: 'idle database connection failed',
      obj: { code: undefined, error: 'Connection terminated unexpectedly' },
    });
    // The broken connection is not handed out again: the next statement gets a new one.
    expect((await db.query<{ n: number }>('SELECT 3 AS n')).rows).toEqual([{ n: 3 }]);
  } finally {
    await db.close();
    await server.stop();
    await pglite.close();
  }
});
