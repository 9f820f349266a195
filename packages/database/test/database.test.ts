import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../src/create-database.js';
import { DatabaseUnavailableError, errorCode, errorMessage } from '../src/errors.js';
import { loadMigrations } from '../src/migrate.js';
import { connectWithRetry } from '../src/retry.js';
import { createPgliteSnapshot } from '../src/snapshot.js';
import * as api from '../src/index.js';
import { isPermanentConnectError, poolConfig, redactDatabaseUrl } from '../src/pg-adapter.js';
import { NEEDS_SERVER, openBeforeFirstTest, targets, TEST_DATABASE_URL } from './support/databases.js';

/** A logger that keeps what it is given. */
function recordingLogger() {
  const lines: { level: string; obj: Record<string, unknown>; msg: string }[] = [];
  const log = (level: string) => (obj: object, msg: string) =>
    lines.push({ level, obj: obj as Record<string, unknown>, msg });
  return { lines, logger: { info: log('info'), warn: log('warn'), debug: log('debug') } };
}

describe.each(targets)('the $name adapter on $where', (target) => {
  const handle = openBeforeFirstTest(
    async () => {
      const opened = await target.open({ statementTimeoutMs: 300 });
      await opened.db.query('CREATE TABLE notes (id int PRIMARY KEY, body text)');
      return opened;
    },
    (opened) => opened.dispose(),
  );

  it('says which adapter it is and answers ping', async () => {
    expect(handle().db.kind).toBe(target.name);
    await expect(handle().db.ping()).resolves.toBeUndefined();
  });

  it('returns rows and the affected-row count', async () => {
    const inserted = await handle().db.query('INSERT INTO notes VALUES ($1, $2), ($3, $4)', [1, 'a', 2, 'b']);
    expect(inserted).toEqual({ rows: [], rowCount: 2 });
    const selected = await handle().db.query<{ id: number; body: string }>('SELECT id, body FROM notes ORDER BY id');
    expect(selected).toEqual({
      rows: [
        { id: 1, body: 'a' },
        { id: 2, body: 'b' },
      ],
      rowCount: 2,
    });
    expect((await handle().db.query('SELECT 1 WHERE false')).rowCount).toBe(0);
    expect((await handle().db.query('SET search_path TO public')).rowCount).toBe(0);
  });

  it('commits a transaction whose function resolves', async () => {
    const result = await handle().db.transaction(async (tx) => {
      await tx.query('INSERT INTO notes VALUES ($1, $2)', [3, 'c']);
      await tx.exec("INSERT INTO notes VALUES (4, 'd'); INSERT INTO notes VALUES (5, 'e');");
      return 'done';
    });
    expect(result).toBe('done');
    const { rows } = await handle().db.query<{ n: number }>('SELECT count(*)::int AS n FROM notes WHERE id >= 3');
    expect(rows[0].n).toBe(3);
  });

  it('rolls back a transaction whose function throws, and rethrows', async () => {
    const failure = new Error('changed my mind');
    await expect(
      handle().db.transaction(async (tx) => {
        await tx.query('INSERT INTO notes VALUES ($1, $2)', [6, 'f']);
        throw failure;
      }),
    ).rejects.toBe(failure);
    await expect(
      handle().db.transaction((tx) => tx.query('INSERT INTO notes VALUES ($1, $2)', [1, 'duplicate'])),
    ).rejects.toMatchObject({ code: '23505' });
    const { rows } = await handle().db.query('SELECT id FROM notes WHERE id = 6');
    expect(rows).toEqual([]);
  });

  it('raises the SQLSTATE of a failed statement', async () => {
    await expect(handle().db.query('SELECT * FROM no_such_table')).rejects.toMatchObject({ code: '42P01' });
  });
});

describe.each(targets.filter((t) => t.name === 'pg'))('the $name adapter on $where, session by session', (target) => {
  /** A test that needs a real server (several backends, timeouts, terminated connections): skipped on PGlite. */
  const onServer = (name: string, fn: () => Promise<void>) =>
    it.skipIf(!target.server)(target.server ? name : `${name} ${NEEDS_SERVER}`, fn);
  const { lines, logger } = recordingLogger();
  const handle = openBeforeFirstTest(
    () => target.open({ statementTimeoutMs: 300, logger }),
    (opened) => opened.dispose(),
  );

  onServer('cancels a statement that runs longer than statementTimeoutMs', async () => {
    await expect(handle().db.query('SELECT pg_sleep(2)')).rejects.toMatchObject({ code: '57014' });
    const { rows } = await handle().db.query<{ value: string }>(`SELECT current_setting('statement_timeout') AS value`);
    expect(rows[0].value).toBe('300ms');
  });

  onServer('runs a transaction on one client, and drops a client whose connection died', async () => {
    const pids = await handle().db.transaction(async (tx) => {
      const first = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const second = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      return [first.rows[0].pid, second.rows[0].pid];
    });
    expect(pids[0]).toBe(pids[1]);
    await expect(
      handle().db.transaction((tx) => tx.query('SELECT pg_terminate_backend(pg_backend_pid())')),
    ).rejects.toThrow();
    await expect.poll(() => lines.map((l) => l.msg)).toContain('transaction database connection failed');
    await expect(handle().db.ping()).resolves.toBeUndefined();
  });

  onServer('logs, and replaces, idle connections that the server closes', async () => {
    await Promise.all([1, 2, 3].map(() => handle().db.query('SELECT pg_sleep(0.05)')));
    await handle().db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = 'uksmr'`,
    );
    await expect.poll(() => lines.map((l) => l.msg)).toContain('idle database connection failed');
    await expect(handle().db.ping()).resolves.toBeUndefined();
  });

  it('closes once however often it is asked', async () => {
    const other = await target.open();
    await Promise.all([other.db.close(), other.db.close()]);
    await expect(other.db.ping()).rejects.toThrow();
    await other.dispose();
  });

  onServer('gives up at once on a database that does not exist', async () => {
    const url = new URL(TEST_DATABASE_URL!);
    url.pathname = '/uksmr_no_such_database';
    const { lines, logger } = recordingLogger();
    const error = await createDatabase({ databaseUrl: url.toString(), dataDir: tmpdir(), logger }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(error).toMatchObject({ attempts: 1 });
    expect(lines.map((l) => [l.obj.attempt, l.obj.code])).toEqual([[1, '3D000']]);
  });
});

describe('an unreachable PostgreSQL server', () => {
  it('is retried with exponential backoff, then refused with DatabaseUnavailableError, never logging the password', async () => {
    const { lines, logger } = recordingLogger();
    const started = Date.now();
    const error = await createDatabase({
      databaseUrl: 'postgres://app:s3cret-pw@127.0.0.1:1/research?sslmode=disable',
      dataDir: tmpdir(),
      connectRetryMs: 1_500,
      logger,
    }).catch((e: unknown) => e);
    const elapsed = Date.now() - started;

    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    const unavailable = error as DatabaseUnavailableError;
    expect(unavailable.name).toBe('DatabaseUnavailableError');
    expect(unavailable.cause).toMatchObject({ code: 'ECONNREFUSED' });
    expect(unavailable.target).toBe('postgres://app@127.0.0.1:1/research');
    expect(unavailable.message).toMatch(
      /^Database unavailable at postgres:\/\/app@127\.0\.0\.1:1\/research after \d+ attempt\(s\): .*ECONNREFUSED/,
    );
    expect(elapsed).toBeGreaterThanOrEqual(1_400);
    expect(elapsed).toBeLessThan(5_000);

    const attempts = lines.map((l) => l.obj.attempt);
    expect(attempts).toEqual(attempts.map((_, i) => i + 1));
    expect(attempts.length).toBe(unavailable.attempts);
    // 250, 500, 1000, … ms; the last wait is cut short by the deadline.
    const delays = lines.filter((l) => l.msg === 'database unreachable, retrying').map((l) => l.obj.delayMs as number);
    expect(delays.length).toBeGreaterThanOrEqual(3);
    expect(delays.slice(0, -1)).toEqual(delays.slice(0, -1).map((_, i) => 250 * 2 ** i));
    expect(delays.at(-1)).toBeLessThanOrEqual(250 * 2 ** (delays.length - 1));
    expect(lines.at(-1)).toMatchObject({ level: 'warn', msg: 'database unavailable, giving up' });
    expect(JSON.stringify(lines) + unavailable.message).not.toContain('s3cret');
  });
});

describe('connectWithRetry', () => {
  it('gives up after the first failure once no time is left, and says it connected with the attempt number', async () => {
    const refused = Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
    const { lines, logger } = recordingLogger();
    const error = await connectWithRetry(() => Promise.reject(refused), {
      target: 't',
      retryMs: 0,
      isPermanent: () => false,
      logger,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DatabaseUnavailableError', attempts: 1, cause: refused });
    expect(lines).toEqual([
      {
        level: 'warn',
        obj: { target: 't', attempt: 1, code: 'ECONNREFUSED', error: 'refused' },
        msg: 'database unavailable, giving up',
      },
    ]);

    let calls = 0;
    const connected = recordingLogger();
    const result = await connectWithRetry(() => (++calls < 2 ? Promise.reject(refused) : Promise.resolve('ok')), {
      target: 't',
      retryMs: 5_000,
      initialDelayMs: 1,
      isPermanent: () => false,
      logger: connected.logger,
    });
    expect(result).toBe('ok');
    expect(connected.lines.at(-1)).toEqual({
      level: 'info',
      obj: { target: 't', attempt: 2 },
      msg: 'database connected',
    });
  });
});

describe('the pool configuration', () => {
  const base = { databaseUrl: 'postgres://u:p@db.example:5432/app', statementTimeoutMs: 15_000, connectRetryMs: 0 };

  it('keeps 5 to 20 connections with a statement timeout and no TLS by default', () => {
    const config = poolConfig({ ...base, enableSupabase: false });
    expect(config).toEqual({
      connectionString: base.databaseUrl,
      min: 5,
      max: 20,
      statement_timeout: 15_000,
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
      application_name: 'uksmr',
    });
  });

  it('leaves TLS to a URL that sets any TLS parameter itself, on Supabase too', () => {
    for (const param of [
      'ssl=true',
      'sslmode=require',
      'sslcert=c',
      'sslkey=k',
      'sslrootcert=r',
      'sslnegotiation=direct',
    ])
      expect(
        poolConfig({ ...base, databaseUrl: `${base.databaseUrl}?${param}`, enableSupabase: true }),
      ).not.toHaveProperty('ssl');
    expect(
      poolConfig({ ...base, databaseUrl: `${base.databaseUrl}?application_name=x`, enableSupabase: true }).ssl,
    ).toEqual({
      rejectUnauthorized: false,
    });
  });

  it('uses TLS without certificate verification on Supabase, unless the URL sets TLS itself', () => {
    expect(poolConfig({ ...base, enableSupabase: true }).ssl).toEqual({ rejectUnauthorized: false });
    // No start-up parameter a transaction-mode pooler would refuse; the client times queries out instead.
    expect(poolConfig({ ...base, enableSupabase: true })).toMatchObject({ query_timeout: 15_000 });
    expect(poolConfig({ ...base, enableSupabase: true })).not.toHaveProperty('statement_timeout');
    const verifying = { ...base, databaseUrl: `${base.databaseUrl}?sslmode=verify-full`, enableSupabase: true };
    expect(poolConfig(verifying)).not.toHaveProperty('ssl');
    expect(poolConfig({ ...base, databaseUrl: 'not a url', enableSupabase: true }).ssl).toEqual({
      rejectUnauthorized: false,
    });
  });

  it('describes a connection string without its password', () => {
    expect(redactDatabaseUrl('postgresql://user:pw@host:6543/postgres?sslmode=require')).toBe(
      'postgresql://user@host:6543/postgres',
    );
    expect(redactDatabaseUrl('postgres://host/db')).toBe('postgres://host/db');
    expect(redactDatabaseUrl('host=x password=pw')).toBe('(unparsable DATABASE_URL)');
  });

  it('retries every connection error but a refused login or a missing database', () => {
    const withCode = (code: unknown) => Object.assign(new Error('x'), { code });
    expect(isPermanentConnectError(withCode('28P01'))).toBe(true);
    expect(isPermanentConnectError(withCode('3D000'))).toBe(true);
    expect(isPermanentConnectError(withCode('ECONNREFUSED'))).toBe(false);
    expect(isPermanentConnectError(withCode(57))).toBe(false);
    expect(isPermanentConnectError(new Error('timeout exceeded when trying to connect'))).toBe(false);
    expect(errorCode(null)).toBeUndefined();
  });

  it('names errors that carry no message by their code', () => {
    expect(errorMessage(Object.assign(new AggregateError([], ''), { code: 'ECONNREFUSED' }))).toBe('ECONNREFUSED');
    expect(errorMessage(new TypeError(''))).toBe('TypeError');
    expect(errorMessage('plain')).toBe('plain');
  });
});

describe('the package entry point', () => {
  it('exports the database, migrations, repositories, the daily cap, the question limit and the unavailable error', () => {
    expect(Object.keys(api).sort()).toEqual([
      'DatabaseUnavailableError',
      'MIGRATION_LOCK_KEY',
      'REPORT_EVENTS_CHANNEL',
      'askWithinLimit',
      'createDatabase',
      'createPgliteSnapshot',
      'createRepositories',
      'migrate',
      'withinDailyCap',
    ]);
  });
});

describe('a migrated PGlite snapshot', () => {
  it('opens as a migrated database with nothing left to apply, and each copy is its own', async () => {
    const made = recordingLogger();
    const snapshot = await createPgliteSnapshot({ logger: made.logger });
    const shipped = (await loadMigrations()).length;
    expect(made.lines.filter((l) => l.msg === 'migration applied')).toHaveLength(shipped);

    const opened = recordingLogger();
    const [first, second] = [
      await createDatabase({ dataDir: tmpdir(), memory: true, snapshot, logger: opened.logger }),
      await createDatabase({ dataDir: tmpdir(), memory: true, snapshot }),
    ];
    expect(opened.lines.filter((l) => l.msg === 'migration applied')).toEqual([]);
    expect(opened.lines).toEqual([{ level: 'info', obj: { target: 'memory://' }, msg: 'database opened' }]);
    expect((await first.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations')).rows[0].n).toBe(
      shipped,
    );
    await first.query(`INSERT INTO users (external_id, auth_provider, email) VALUES ('x', 'email', 'a@example.test')`);
    expect((await second.query<{ n: number }>('SELECT count(*)::int AS n FROM users')).rows[0].n).toBe(0);
    await Promise.all([first.close(), second.close()]);
  }, 180_000);
});

describe('PGlite on disk', () => {
  it('keeps its data in <dataDir>/pglite across restarts', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'uksmr-data-'));
    const { lines, logger } = recordingLogger();
    const first = await createDatabase({ dataDir, logger });
    await first.query('CREATE TABLE kept (v text)');
    await first.query('INSERT INTO kept VALUES ($1)', ['still here']);
    await first.close();
    expect(await readdir(dataDir)).toEqual(['pglite']);
    expect(lines[0]).toEqual({ level: 'info', obj: { target: join(dataDir, 'pglite') }, msg: 'database opened' });
    expect(lines.filter((l) => l.msg === 'migration applied')).toHaveLength((await loadMigrations()).length);

    const second = await createDatabase({ dataDir });
    expect((await second.query('SELECT v FROM kept')).rows).toEqual([{ v: 'still here' }]);
    await second.close();
  }, 180_000);

  it('is unavailable when the data directory cannot be created', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'uksmr-data-'));
    const file = join(dir, 'not-a-directory');
    await writeFile(file, '');
    const error = await createDatabase({ dataDir: file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(error).toMatchObject({ target: join(file, 'pglite'), attempts: 1 });
  });
});
