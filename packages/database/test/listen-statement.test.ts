import { createServer, type Socket } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { describe, expect, it } from 'vitest';
import { listenPg } from '../src/pg-listener.js';
import { REPORT_EVENTS_CHANNEL } from '../src/repositories/report-events.js';

/** Resolves when `predicate` holds, polling every 10 ms (at most 10 s). */
async function until(predicate: () => boolean): Promise<void> {
  for (let waited = 0; !predicate(); waited += 10) {
    if (waited > 10_000) throw new Error('condition not met in 10 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the listener', () => {
  it('runs LISTEN on its channel (PGlite over the wire protocol: one session, so the listening channel is seen)', async () => {
    const pglite = await PGlite.create();
    const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 5 });
    await server.start();
    const states: boolean[] = [];
    const listening = await listenPg(
      REPORT_EVENTS_CHANNEL,
      { onNotice: () => undefined, onState: (state) => states.push(state) },
      { connectionString: `postgres://postgres@${server.getServerConn()}/postgres` },
    );
    try {
      expect(states).toEqual([true]);
      const { rows } = await pglite.query<{ channel: string }>('SELECT pg_listening_channels() AS channel');
      expect(rows).toEqual([{ channel: REPORT_EVENTS_CHANNEL }]);
    } finally {
      await listening.close();
      await server.stop();
      await pglite.close();
    }
  });

  it('logs the error of a connection the server drops (the client emits it before the end of the connection)', async () => {
    const pglite = await PGlite.create();
    // The stand-in server closes a connection idle for 200 ms: the listener's, which only waits for notifications.
    const server = new PGLiteSocketServer({
      db: pglite,
      host: '127.0.0.1',
      port: 0,
      maxConnections: 5,
      idleTimeout: 200,
    });
    await server.start();
    const states: boolean[] = [];
    const lost: object[] = [];
    const logger = {
      info: () => undefined,
      warn: (obj: object, msg: string) => {
        if (msg === 'database listener connection lost') lost.push(obj);
      },
    };
    const listening = await listenPg(
      REPORT_EVENTS_CHANNEL,
      { onNotice: () => undefined, onState: (state) => states.push(state) },
      { connectionString: `postgres://postgres@${server.getServerConn()}/postgres`, logger, retryMs: [20, 40] },
    );
    try {
      await until(() => states.length >= 2);
      expect(states.slice(0, 2)).toEqual([true, false]);
      expect(lost[0]).toEqual({
        event: 'database.listen_lost',
        code: undefined,
        error: 'Connection terminated unexpectedly',
      });
    } finally {
      await listening.close();
      await server.stop();
      await pglite.close();
    }
  });

  it('names its connection, and tries nothing more once closed while a reconnection attempt is still under way', async () => {
    // A stand-in server that accepts each connection and drops it 150 ms later, before any answer.
    const sockets: Socket[] = [];
    const received: Buffer[] = [];
    const tcp = createServer((socket) => {
      sockets.push(socket);
      socket.on('data', (chunk) => received.push(chunk));
      setTimeout(() => socket.destroy(), 150);
    });
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    const address = tcp.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const failures: string[] = [];
    const logger = { info: () => undefined, warn: (_: object, msg: string) => failures.push(msg) };
    try {
      const listening = await listenPg(
        REPORT_EVENTS_CHANNEL,
        { onNotice: () => undefined },
        { connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`, logger, retryMs: [20, 20] },
      );
      // The first attempt failed; the retry's connection is open and waiting for the server when the listener closes.
      expect(failures).toEqual(['database listener cannot connect yet']);
      await until(() => sockets.length === 2);
      await listening.close();
      await sleep(400);
      expect(failures).toEqual(['database listener cannot connect yet', 'database listener cannot connect yet']);
      expect(sockets).toHaveLength(2);
      // Its start-up message names it, so that an operator can tell the listener's session in pg_stat_activity.
      expect(Buffer.concat(received).toString('latin1')).toContain('application_name\u0000uksmr-listen\u0000');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => tcp.close(resolve));
    }
  });
});
