/**
 * `BENCH_DATABASE_URL=postgres://… npm run bench -- readers`: database queries per second while 100 readers on one
 * instance follow one report written on another (two servers in this process, one PostgreSQL database). Counted as
 * the database's committed transactions (`pg_stat_database.xact_commit`) per second over the generation, in the
 * polling fallback (LISTEN ignored: every reader reads the rows each 100 ms, as before LISTEN/NOTIFY) and under LISTEN.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, test } from 'vitest';
import { startGeminiStandIn } from '../apps/server/test/support/gemini-stand-in.js';
import { startServerUnderTest, type ServerUnderTest } from '../e2e/support/server.js';
import { signUp, timeReplay } from './support/report-timing.js';
import { renderTable } from './support/table.js';

const READERS = 100;
const { BENCH_DATABASE_URL } = process.env;

/** Committed transactions of the current database so far. */
async function commits(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    'SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = current_database()',
  );
  return Number(rows[0].n);
}

/** Starts one report on `writer` and follows it with READERS readers on `reader`; queries per second meanwhile. */
async function measure(
  writer: ServerUnderTest,
  reader: ServerUnderTest,
  token: string,
  client: pg.Client,
): Promise<{ seconds: number; perSecond: number }> {
  // pg_stat_database takes the counters as backends report them (about every second): settle before and after.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const before = await commits(client);
  const created = await fetch(`${writer.url}/reports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ subject: 'Nursing' }),
  });
  const { report } = (await created.json()) as { report: { report_id: string } };
  const started = Date.now();
  await Promise.all(Array.from({ length: READERS }, () => timeReplay(reader.url, token, report.report_id)));
  const seconds = (Date.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const after = await commits(client);
  return { seconds, perSecond: (after - before) / (seconds + 1.1) };
}

describe.runIf(BENCH_DATABASE_URL)('queries per second with 100 readers of one report', () => {
  test('polling fallback and LISTEN/NOTIFY', async () => {
    // Several seconds of writing: small chunks 250 ms apart.
    const gemini = await startGeminiStandIn({ defaultScenario: { kind: 'answer', chunkSize: 40, chunkDelayMs: 250 } });
    // One AUTH_SECRET for both instances, so that a token of one is good on the other.
    const env = {
      AUTH_SECRET: randomBytes(32).toString('hex'),
      DATABASE_URL: BENCH_DATABASE_URL!,
      RATE_LIMIT_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      REPORTS_PER_USER_PER_DAY: '10000',
      GEMINI_API_KEY: 'k',
      GEMINI_API_BASE: gemini.baseUrl,
      GEMINI_TIMEOUT_MS: '120000',
    };
    const writer = await startServerUnderTest({ env });
    const reader = await startServerUnderTest({ env });
    const client = new pg.Client({ connectionString: BENCH_DATABASE_URL });
    await client.connect();
    try {
      const token = await signUp(writer.url, `bench-readers-${Date.now()}@example.com`);
      const hub = reader.server.app.reportHub;
      const listening = await measure(writer, reader, token, client);
      // The fallback: notices dropped, so every reader reads the rows every 100 ms.
      const deliver = hub.deliver.bind(hub);
      hub.deliver = () => undefined;
      hub.setListening(false);
      const polling = await measure(writer, reader, token, client);
      hub.deliver = deliver;
      console.log(
        `\n${READERS} readers on one instance of one report written on another (PostgreSQL, committed transactions per second of the database, whole server):`,
      );
      console.log(
        renderTable(
          ['mode', 'generation (s)', 'queries/s'],
          [
            ['polling every 100 ms (before)', polling.seconds.toFixed(1), Math.round(polling.perSecond)],
            ['LISTEN/NOTIFY (after)', listening.seconds.toFixed(1), Math.round(listening.perSecond)],
          ],
        ),
      );
    } finally {
      await client.end();
      await reader.stop();
      await writer.stop();
      await gemini.close();
    }
  });
});
