/**
 * Two server processes (`node apps/server/dist/main.js`) on one PostgreSQL database and one Redis, as several Cloud
 * Run instances run: a report paid for through a webhook delivered to both is made once and streams live from
 * the other instance; one rate-limit budget spans both; the expiry job run on both expires each report once.
 * Needs TEST_DATABASE_URL and TEST_REDIS_URL (CI sets both).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGeminiStandIn, type GeminiStandIn } from '../apps/server/test/support/gemini-stand-in.js';
import { throwawayPostgres } from '../apps/server/test/support/postgres.js';
import { startStripeStandIn, type StripeStandIn } from '../apps/server/test/support/stripe-stand-in.js';
import { freePort } from './support/server.js';

const MAIN = fileURLToPath(new URL('../apps/server/dist/main.js', import.meta.url));
const { TEST_DATABASE_URL, TEST_REDIS_URL } = process.env;
const CRON_SECRET = randomBytes(24).toString('hex');
/** The shared per-user budget of the test (requests a minute). */
const BUDGET = 40;

/** One running server process and the JSON lines it logged to stdout. */
interface Instance {
  readonly url: string;
  readonly child: ChildProcess;
  readonly logs: Record<string, unknown>[];
}

/** Starts `main.js` with `env` and resolves once it listens. */
async function startInstance(env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const home = mkdtempSync(join(tmpdir(), 'uksmr-instance-'));
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [MAIN], {
    cwd: home,
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: join(home, 'data'),
      LOG_DIR: join(home, 'logs'),
      PORT: String(port),
      APP_URL: url,
      ALLOWED_ORIGINS: url,
      ...env,
    },
  });
  const logs: Record<string, unknown>[] = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('{')) logs.push(JSON.parse(line) as Record<string, unknown>);
  });
  for (let waited = 0; !logs.some((l) => l.msg === 'listening'); waited += 50) {
    if (waited > 60_000 || child.exitCode !== null) throw new Error(`instance on ${port} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url, child, logs };
}

/** The events of a whole `text/event-stream` body. */
function parseEvents(body: string): { event: string; data: Record<string, unknown> }[] {
  return body
    .split('\n\n')
    .map((frame) => frame.split('\n'))
    .filter((lines) => lines.some((l) => l.startsWith('event: ')))
    .map((lines) => ({
      event: lines.find((l) => l.startsWith('event: '))!.slice(7),
      data: JSON.parse(lines.find((l) => l.startsWith('data: '))!.slice(6)) as Record<string, unknown>,
    }));
}

/** Stops an instance with SIGTERM and waits for its exit. */
function stopInstance(instance: Instance): Promise<void> {
  if (instance.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    instance.child.once('exit', () => resolve());
    instance.child.kill('SIGTERM');
  });
}

describe.runIf(TEST_DATABASE_URL && TEST_REDIS_URL)('two server processes on one PostgreSQL and one Redis', () => {
  let gemini: GeminiStandIn;
  let stripe: StripeStandIn;
  let database: { url: string; drop(): Promise<void> };
  let a: Instance;
  let b: Instance;
  let token: string;
  let reportId: string;

  beforeAll(async () => {
    // Slow chunks, so that the report is still being written when the other instance starts reading it.
    gemini = await startGeminiStandIn({ defaultScenario: { kind: 'answer', chunkSize: 200, chunkDelayMs: 40 } });
    stripe = await startStripeStandIn();
    database = await throwawayPostgres(TEST_DATABASE_URL!);
    const env = {
      ENVIRONMENT_MODE: 'dev',
      LOG_LEVEL: 'info',
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL!,
      AUTH_SECRET: randomBytes(32).toString('hex'),
      CRON_SECRET,
      GEMINI_API_KEY: 'stand-in-key',
      GEMINI_API_BASE: gemini.baseUrl,
      RATE_LIMIT_REQUESTS_PER_MINUTE: String(BUDGET),
      ...stripe.env(),
    };
    a = await startInstance(env);
    b = await startInstance(env);
    const signup = await fetch(`${a.url}/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `two-${Date.now()}@example.com`, password: 'correct horse battery staple' }),
    });
    token = ((await signup.json()) as { token: string }).token;
  });
  afterAll(async () => {
    await Promise.all([a, b].filter(Boolean).map(stopInstance));
    await database?.drop();
    await stripe?.close();
    await gemini?.close();
  });

  const auth = (): Record<string, string> => ({ authorization: `Bearer ${token}` });

  it('makes one report of a webhook delivered to both, and streams it live from the instance that is not writing it', async () => {
    const checkout = await fetch(`${a.url}/reports`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'Nursing' }),
    });
    expect(checkout.status).toBe(200);
    const { session_id: sessionId } = (await checkout.json()) as { session_id: string };
    stripe.pay(sessionId);
    const event = stripe.sessionEvent('checkout.session.completed', sessionId);
    const answers = await Promise.all(
      [a, b, a, b].map((instance) =>
        fetch(`${instance.url}/webhooks/stripe`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'stripe-signature': stripe.sign(event.payload) },
          body: event.payload,
        }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const payment = (await (await fetch(`${b.url}/payments/${sessionId}`, { headers: auth() })).json()) as {
      status: string;
      report_id: string;
    };
    expect(payment.status).toBe('succeeded');
    reportId = payment.report_id;

    // Whichever instance writes it, the other one streams it.
    const writer =
      [a, b].find((i) => i.logs.some((l) => l.msg === 'generation started' && l.report_id === reportId)) ?? a;
    const reader = writer === a ? b : a;
    const stream = await fetch(`${reader.url}/reports/${reportId}/stream`, {
      headers: { ...auth(), accept: 'text/event-stream' },
    });
    const seen = parseEvents(await stream.text());
    expect(seen[0]).toEqual({
      event: 'status',
      data: { status: expect.stringMatching(/^(pending|generating)$/) as unknown },
    });
    expect(seen.filter((e) => e.event === 'section')).toHaveLength(10);
    expect(seen.filter((e) => e.event === 'delta').length).toBeGreaterThanOrEqual(10);
    expect(seen.at(-1)).toMatchObject({
      event: 'complete',
      data: { report: { report_id: reportId, status: 'completed' } },
    });

    const logs = [...a.logs, ...b.logs];
    expect(logs.filter((l) => l.msg === 'generation started' && l.report_id === reportId)).toHaveLength(1);
    expect(logs.filter((l) => l.msg === 'payment succeeded' && l.session_id === sessionId)).toHaveLength(1);
    expect(reader.logs.some((l) => l.msg === 'database listener connected')).toBe(true);
  });

  it('expires each due report once when the expiry job runs on both instances at once', async () => {
    const { createDatabase } = await import('@uksmr/database');
    const admin = await createDatabase({
      databaseUrl: database.url,
      dataDir: mkdtempSync(join(tmpdir(), 'uksmr-admin-')),
    });
    try {
      await admin.query("UPDATE reports SET expires_at = now() - interval '1 minute' WHERE report_id = $1", [reportId]);
    } finally {
      await admin.close();
    }
    const counts = await Promise.all(
      [a, b, a, b].map(async (instance) => {
        const response = await fetch(`${instance.url}/cron/expire-reports`, {
          method: 'POST',
          headers: { authorization: `Bearer ${CRON_SECRET}` },
        });
        expect(response.status).toBe(200);
        return ((await response.json()) as { expired_count: number }).expired_count;
      }),
    );
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(1);
    expect((await fetch(`${a.url}/reports/${reportId}`, { headers: auth() })).status).toBe(404);
  });

  it('shares one rate-limit budget across both instances (Redis)', async () => {
    const signup = await fetch(`${b.url}/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `budget-${Date.now()}@example.com`, password: 'correct horse battery staple' }),
    });
    const other = ((await signup.json()) as { token: string }).token;
    const statuses: number[] = [];
    for (let i = 0; i < BUDGET + 10; i++) {
      const instance = i % 2 === 0 ? a : b;
      statuses.push((await fetch(`${instance.url}/reports`, { headers: { authorization: `Bearer ${other}` } })).status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(BUDGET);
    expect(statuses.slice(BUDGET)).toEqual(Array.from({ length: 10 }, () => 429));
  });

  // Last, since it stops instance a. a's model call hangs, so a cannot finish within its grace period: it hands the
  // report back to `pending`, and b hears that over LISTEN/NOTIFY and generates it at once (no sweep wait).
  it('SIGTERM on the instance writing a report leaves the report finished by the other', async () => {
    gemini.script({ kind: 'hang', afterChunks: 2 });
    const checkout = await fetch(`${a.url}/reports`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'Pharmacy' }),
    });
    const { session_id: sessionId } = (await checkout.json()) as { session_id: string };
    stripe.pay(sessionId);
    const event = stripe.sessionEvent('checkout.session.completed', sessionId);
    const delivered = await fetch(`${a.url}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': stripe.sign(event.payload) },
      body: event.payload,
    });
    expect(delivered.status).toBe(200);
    const payment = (await (await fetch(`${a.url}/payments/${sessionId}`, { headers: auth() })).json()) as {
      report_id: string;
    };
    const handedOver = payment.report_id;
    for (
      let waited = 0;
      !a.logs.some((l) => l.msg === 'generation started' && l.report_id === handedOver);
      waited += 50
    ) {
      if (waited > 20_000) throw new Error('instance a never started the report');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const stoppedAt = Date.now();
    await stopInstance(a);
    expect(a.logs.some((l) => l.event === 'generation.handed_back' && l.report_id === handedOver)).toBe(true);
    expect(a.logs.some((l) => l.msg === 'generation failed')).toBe(false);
    let report: { status: string } = { status: 'pending' };
    for (let waited = 0; report.status !== 'completed'; waited += 200) {
      if (waited > 40_000 || report.status === 'failed') throw new Error(`report ended ${report.status} on b`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      report = (await (await fetch(`${b.url}/reports/${handedOver}`, { headers: auth() })).json()) as {
        status: string;
      };
    }
    expect(b.logs.some((l) => l.msg === 'generation started' && l.report_id === handedOver)).toBe(true);
    const restart = b.logs.find((l) => l.msg === 'generation started' && l.report_id === handedOver)!;
    // Picked up on b long before its once-a-minute sweep would have (a's grace period is 8 s).
    expect(Date.parse(String(restart.timestamp)) - stoppedAt).toBeLessThan(20_000);
  }, 90_000);
});
