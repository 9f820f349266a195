/**
 * Supabase mode for real: the server process with `ENABLE_SUPABASE=true` reaches PostgreSQL through PgBouncer in
 * transaction mode (as Supavisor's port 6543 behaves) over TLS verified with `sslrootcert`, its LISTEN connection
 * going straight to the server (`DATABASE_LISTEN_URL`, a session connection). Migrations, a report from webhook to
 * stream, and concurrent fulfilment run through the pooler. Needs TEST_DATABASE_URL, `pgbouncer` and `openssl`
 * (.ci/run installs them); PgBouncer refuses to run as root, so it runs as `postgres` with `runuser`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throwawayPostgres } from '../apps/server/test/support/postgres.js';
import { startStripeStandIn, type StripeStandIn } from '../apps/server/test/support/stripe-stand-in.js';
import { freePort } from './support/server.js';

const MAIN = fileURLToPath(new URL('../apps/server/dist/main.js', import.meta.url));
const PGBOUNCER = '/usr/sbin/pgbouncer';
const { TEST_DATABASE_URL } = process.env;
const runnable = Boolean(TEST_DATABASE_URL) && existsSync(PGBOUNCER) && userInfo().uid === 0;

/** A self-signed certificate for `localhost` and 127.0.0.1 (the role of Debian's snakeoil one), readable by postgres. */
function makeCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'server.crt');
  const key = join(dir, 'server.key');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  const postgres = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  for (const file of [cert, key]) chownSync(file, postgres, postgres);
  chmodSync(key, 0o600);
  return { cert, key };
}

/** Waits until `port` on 127.0.0.1 accepts a PostgreSQL connection through `url`. */
async function waitForPooler(url: string): Promise<void> {
  for (let waited = 0; ; waited += 100) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (waited > 15_000) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe.runIf(runnable)('Supabase mode through PgBouncer (transaction mode, TLS verified)', () => {
  let home: string;
  let database: { url: string; drop(): Promise<void> };
  let pgbouncer: ChildProcess;
  let server: ChildProcess;
  let stripe: StripeStandIn;
  let poolerUrl: string;
  let url: string;
  const logs: Record<string, unknown>[] = [];

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'uksmr-pgbouncer-'));
    chmodSync(home, 0o755);
    const { cert, key } = makeCertificate(home);
    database = await throwawayPostgres(TEST_DATABASE_URL!);
    const dbName = new URL(database.url).pathname.slice(1);
    const server5432 = new URL(TEST_DATABASE_URL!);
    const poolerPort = await freePort();
    writeFileSync(join(home, 'userlist.txt'), '"postgres" ""\n');
    writeFileSync(
      join(home, 'pgbouncer.ini'),
      [
        '[databases]',
        `${dbName} = host=${server5432.hostname} port=${server5432.port || 5432} dbname=${dbName}`,
        '[pgbouncer]',
        'listen_addr = 127.0.0.1',
        `listen_port = ${poolerPort}`,
        'unix_socket_dir =',
        'auth_type = trust',
        `auth_file = ${join(home, 'userlist.txt')}`,
        'pool_mode = transaction',
        'max_client_conn = 200',
        'default_pool_size = 10',
        'client_tls_sslmode = require',
        `client_tls_cert_file = ${cert}`,
        `client_tls_key_file = ${key}`,
        '',
      ].join('\n'),
    );
    for (const file of ['userlist.txt', 'pgbouncer.ini']) chmodSync(join(home, file), 0o644);
    pgbouncer = spawn('runuser', ['-u', 'postgres', '--', PGBOUNCER, join(home, 'pgbouncer.ini')], { stdio: 'ignore' });
    poolerUrl = `postgres://postgres@localhost:${poolerPort}/${dbName}?sslmode=verify-full&sslrootcert=${encodeURIComponent(cert)}`;
    await waitForPooler(poolerUrl);

    stripe = await startStripeStandIn();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [MAIN], {
      cwd: home,
      env: {
        PATH: process.env.PATH ?? '',
        ENVIRONMENT_MODE: 'dev',
        LOG_LEVEL: 'info',
        PORT: String(port),
        APP_URL: url,
        ALLOWED_ORIGINS: url,
        DATA_DIR: join(home, 'data'),
        LOG_DIR: join(home, 'logs'),
        AUTH_SECRET: randomBytes(32).toString('hex'),
        ENABLE_SUPABASE: 'true',
        DATABASE_URL: poolerUrl,
        // The machine's PostgreSQL itself has no TLS; the URL says so (on Supabase: the session pooler, with TLS).
        DATABASE_LISTEN_URL: `${database.url}?sslmode=disable`,
        ...stripe.env(),
      },
    });
    let buffered = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('{')) logs.push(JSON.parse(line) as Record<string, unknown>);
    });
    for (let waited = 0; !logs.some((l) => l.msg === 'listening'); waited += 100) {
      if (waited > 60_000 || server.exitCode !== null)
        throw new Error(`server did not start: ${JSON.stringify(logs.slice(-5))}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  afterAll(async () => {
    if (server?.exitCode === null)
      await new Promise((resolve) => (server.once('exit', resolve), server.kill('SIGTERM')));
    if (pgbouncer?.exitCode === null)
      await new Promise((resolve) => (pgbouncer.once('exit', resolve), pgbouncer.kill('SIGTERM')));
    await database?.drop();
    await stripe?.close();
  });

  it('migrated through the pooler, over TLS the client verified, and listens on its session connection', async () => {
    const client = new pg.Client({ connectionString: poolerUrl });
    await client.connect();
    const { rows } = await client
      .query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations')
      .finally(() => client.end());
    expect(rows[0].n).toBeGreaterThanOrEqual(3);
    expect(logs.some((l) => l.msg === 'database listener connected')).toBe(true);
    // A client that does not trust the certificate is refused.
    const untrusting = new pg.Client({
      connectionString: poolerUrl.replace(
        /sslrootcert=[^&]+/,
        'sslrootcert=%2Fetc%2Fssl%2Fcerts%2Fca-certificates.crt',
      ),
    });
    await expect(untrusting.connect()).rejects.toThrow();
    await untrusting.end().catch(() => undefined);
  });

  it('makes one report of one payment delivered six times at once, and streams it to completion', async () => {
    const signup = await fetch(`${url}/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `pgb-${Date.now()}@example.com`, password: 'correct horse battery staple' }),
    });
    expect(signup.status).toBe(201);
    const { token } = (await signup.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    const checkout = await fetch(`${url}/reports`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'Computer Science' }),
    });
    expect(checkout.status).toBe(200);
    const { session_id: sessionId } = (await checkout.json()) as { session_id: string };
    stripe.pay(sessionId);
    const event = stripe.sessionEvent('checkout.session.completed', sessionId);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        fetch(`${url}/webhooks/stripe`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'stripe-signature': stripe.sign(event.payload) },
          body: event.payload,
        }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const payment = (await (await fetch(`${url}/payments/${sessionId}`, { headers: auth })).json()) as {
      status: string;
      report_id: string;
    };
    expect(payment.status).toBe('succeeded');
    const stream = await (await fetch(`${url}/reports/${payment.report_id}/stream`, { headers: auth })).text();
    expect(stream).toContain('event: complete');
    const list = (await (await fetch(`${url}/reports`, { headers: auth })).json()) as {
      reports: { status: string }[];
      total: number;
    };
    expect(list.total).toBe(1);
    expect(list.reports[0].status).toBe('completed');
    expect(logs.filter((l) => l.msg === 'payment succeeded' && l.session_id === sessionId)).toHaveLength(1);
  });
});
