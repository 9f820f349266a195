import pg from 'pg';
import { errorCode, errorMessage } from './errors.js';
import { toQueryResult } from './result.js';
import { listenPg } from './pg-listener.js';
import { connectWithRetry } from './retry.js';
import type { Database, DatabaseLogger, QueryResult, Transaction } from './types.js';

/** What the pg adapter needs to know. */
export interface PgAdapterOptions {
  readonly databaseUrl: string;
  readonly enableSupabase: boolean;
  readonly statementTimeoutMs: number;
  readonly connectRetryMs: number;
  readonly logger?: DatabaseLogger | undefined;
  /** The session connection of `listen`; default `databaseUrl`. */
  readonly listenUrl?: string | undefined;
}

/** URL parameters by which a connection string chooses its own TLS settings (pg-connection-string reads them). */
const TLS_URL_PARAMS = ['ssl', 'sslmode', 'sslcert', 'sslkey', 'sslrootcert', 'sslnegotiation'];

/** Invalid authorization (class 28) or a missing database (3D000): retrying cannot help. */
export function isPermanentConnectError(err: unknown): boolean {
  const code = errorCode(err) ?? '';
  return code.startsWith('28') || code === '3D000';
}

/** `postgres://user@host:port/db` of a connection string, never its password or parameters. */
export function redactDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    const user = url.username ? `${url.username}@` : '';
    return `${url.protocol}//${user}${url.host}${url.pathname}`;
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

/** True when the connection string sets any TLS parameter itself. */
function urlConfiguresTls(databaseUrl: string): boolean {
  try {
    const { searchParams } = new URL(databaseUrl);
    return TLS_URL_PARAMS.some((name) => searchParams.has(name));
  } catch {
    return false;
  }
}

/**
 * The pool's configuration: 5–20 connections, a server-side statement timeout, and with Supabase TLS without
 * certificate verification unless the URL chooses its own TLS settings (docs/database.md explains why).
 */
export function poolConfig(options: PgAdapterOptions): pg.PoolConfig {
  const tls = options.enableSupabase && !urlConfiguresTls(options.databaseUrl);
  return {
    connectionString: options.databaseUrl,
    min: 5,
    max: 20,
    // A transaction-mode pooler (Supavisor, PgBouncer) refuses unknown start-up parameters such as statement_timeout:
    // with Supabase the client times a query out itself (set a server-side limit on the role: docs/database.md).
    ...(options.enableSupabase
      ? { query_timeout: options.statementTimeoutMs }
      : { statement_timeout: options.statementTimeoutMs }),
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    application_name: 'uksmr',
    ...(tls ? { ssl: { rejectUnauthorized: false } } : {}),
  };
}

/** Runs one statement, unnamed (no `name`: Supavisor's transaction mode keeps no prepared statements). */
async function run<Row>(
  target: pg.Pool | pg.PoolClient,
  sql: string,
  params: readonly unknown[] | undefined,
): Promise<QueryResult<Row>> {
  const result: pg.QueryResult = await target.query(sql, params ? [...params] : undefined);
  return toQueryResult(result.rows as Row[], result.rowCount);
}

/** A transaction on one pool client. */
function clientTransaction(client: pg.PoolClient): Transaction {
  return {
    query: (sql, params) => run(client, sql, params),
    exec: async (script) => {
      await client.query(script);
    },
  };
}

/** Logs a lost connection (a checked-out client's `error` event has no other listener and would crash the process). */
function connectionLost(logger: DatabaseLogger | undefined, where: string) {
  return (err: Error) =>
    logger?.warn({ code: errorCode(err), error: errorMessage(err) }, `${where} database connection failed`);
}

/** The `Database` over a connected pool. */
function pgDatabase(pool: pg.Pool, options: PgAdapterOptions): Database {
  const { logger } = options;
  let closing: Promise<void> | undefined;
  const lostInTransaction = connectionLost(logger, 'transaction');
  return {
    kind: 'pg',
    query: (sql, params) => run(pool, sql, params),
    async transaction(fn) {
      const client = await pool.connect();
      let discard = false;
      const onError = (err: Error) => {
        discard = true;
        lostInTransaction(err);
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await fn(clientTransaction(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {
          discard = true;
        });
        throw err;
      } finally {
        client.off('error', onError);
        client.release(discard);
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: pool.options.max ?? 10,
    }),
    listen(channel, handlers) {
      const connectionString = options.listenUrl ?? options.databaseUrl;
      const { ssl } = poolConfig({ ...options, databaseUrl: connectionString });
      return listenPg(channel, handlers, { connectionString, logger, ...(ssl ? { ssl } : {}) });
    },
    close: () => (closing ??= pool.end()),
  };
}

/**
 * Opens a pool on `databaseUrl` and waits until the server answers, retrying with backoff for up to
 * `connectRetryMs`; throws `DatabaseUnavailableError` after that (or at once for a bad password or database).
 */
export async function openPg(options: PgAdapterOptions): Promise<Database> {
  const { logger } = options;
  const pool = new pg.Pool(poolConfig(options));
  pool.on('error', connectionLost(logger, 'idle'));
  try {
    await connectWithRetry(() => pool.query('SELECT 1'), {
      target: redactDatabaseUrl(options.databaseUrl),
      retryMs: options.connectRetryMs,
      isPermanent: isPermanentConnectError,
      logger,
    });
  } catch (err) {
    await pool.end();
    throw err;
  }
  return pgDatabase(pool, options);
}
