import pg from 'pg';
import { errorCode, errorMessage } from './errors.js';
import type { DatabaseLogger, ListenHandlers, Listening } from './types.js';

/** What a listener connects with. */
export interface ListenOptions {
  /** A session connection: the server itself or a session-mode pooler, never a transaction-mode one. */
  readonly connectionString: string;
  /** TLS settings of the pool, when the URL does not choose them itself. */
  readonly ssl?: pg.ClientConfig['ssl'];
  readonly logger?: DatabaseLogger | undefined;
  /** First and longest wait before reconnecting, in ms (default 500 and 10000). */
  readonly retryMs?: readonly [number, number];
}

/** The `LISTEN` statement for `channel` (an identifier of lower-case letters, digits and underscores only). */
function listenStatement(channel: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a plain channel name: ${channel}`);
  return `LISTEN ${channel}`;
}

/**
 * Listens on `channel` over one dedicated `pg.Client` (outside the pool, which a transaction-mode pooler would
 * share between sessions). When the connection drops it says so (`onState(false)`) and reconnects with backoff;
 * once listening again it says `onState(true)`, so that readers look for what they may have missed. It resolves
 * once listening, or after a first failed attempt (it goes on retrying).
 */
export async function listenPg(channel: string, handlers: ListenHandlers, options: ListenOptions): Promise<Listening> {
  const statement = listenStatement(channel);
  const [firstWait, longestWait] = options.retryMs ?? [500, 10_000];
  const { logger } = options;
  let client: pg.Client | null = null;
  let closed = false;
  let wait = firstWait;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({
      connectionString: options.connectionString,
      application_name: 'uksmr-listen',
      ...(options.ssl ? { ssl: options.ssl } : {}),
    });
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) handlers.onNotice(message.payload);
    });
    next.on('error', (err) => lost(next, err));
    next.on('end', () => lost(next, new Error('connection ended')));
    await next.connect();
    await next.query(statement);
    client = next;
    wait = firstWait;
    logger?.info({ event: 'database.listen_connected', channel }, 'database listener connected');
    handlers.onState?.(true);
  };

  const retry = (): void => {
    if (closed) return;
    timer = setTimeout(() => {
      connect().catch((err: unknown) => {
        logger?.warn(
          { event: 'database.listen_retry', code: errorCode(err), error: errorMessage(err), retry_ms: wait },
          'database listener cannot connect yet',
        );
        wait = Math.min(wait * 2, longestWait);
        retry();
      });
    }, wait);
    timer.unref();
  };

  const lost = (which: pg.Client, err: unknown): void => {
    if (client !== which || closed) return;
    client = null;
    which.removeAllListeners('end');
    which.end().catch(() => undefined);
    logger?.warn(
      { event: 'database.listen_lost', code: errorCode(err), error: errorMessage(err) },
      'database listener connection lost',
    );
    handlers.onState?.(false);
    retry();
  };

  // A first failure is not fatal: readers poll meanwhile, and the listener keeps trying.
  await connect().catch((err: unknown) => {
    logger?.warn(
      { event: 'database.listen_retry', code: errorCode(err), error: errorMessage(err), retry_ms: wait },
      'database listener cannot connect yet',
    );
    retry();
  });
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      const current = client;
      client = null;
      await current?.end();
    },
  };
}
