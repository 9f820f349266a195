/**
 * `npm run bench`: time to first section and to completion over 50 reports, end to end through the real server,
 * for the knowledge-base writer and for the Gemini writer against the local Gemini stand-in (300 ms before its
 * first chunk); each run sequentially and 5 at a time. Then a short autocannon load figure for `GET /health` and
 * `GET /reports`. Prints tables and writes `bench/output/results.json`; asserts nothing about timing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { afterAll, describe, test } from 'vitest';
import { startGeminiStandIn } from '../apps/server/test/support/gemini-stand-in.js';
import { startServerUnderTest } from '../e2e/support/server.js';
import { measureLoad, type LoadFigure } from './support/load.js';
import { signUp, timeReport, type ReportTiming } from './support/report-timing.js';
import { runPool, summarise, type Summary } from './support/stats.js';
import { ms, renderTable } from './support/table.js';

/** Reports measured per writer and mode. */
const REPORTS = 50;
/** Reports run first on each server and left out of the figures (JIT, first database pages). */
const WARM_UP = 3;
/** The Gemini stand-in's wait before its first chunk: the model's "first token". */
const GEMINI_FIRST_CHUNK_MS = 300;
const MODES = [
  { label: 'sequential', concurrency: 1 },
  { label: '5 at a time', concurrency: 5 },
] as const;
/** Subjects asked in turn (all in the knowledge base, one of them a joint subject). */
const SUBJECTS = [
  'Computer Science',
  'Nursing',
  'MSc Data Science',
  'Business and Management',
  'Law',
  'Pharmacy',
  'Public Health',
  'Accounting & Finance',
];
/** The settings every benchmark server runs with (daily cap and rate limit out of the way, quiet logs). */
const BENCH_ENV = {
  REPORTS_PER_USER_PER_DAY: '1000',
  RATE_LIMIT_ENABLED: 'false',
  LOG_LEVEL: 'warn',
  // BENCH_DATABASE_URL runs the server on a PostgreSQL server instead of embedded PGlite (which shares the process).
  ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
};
const TARGET_FIRST_SECTION_P95_MS = 5_000;
const TARGET_OVERHEAD_MS = 100;

/** One writer in one mode. */
interface Run {
  readonly writer: string;
  readonly mode: string;
  readonly concurrency: number;
  readonly firstSection: Summary;
  readonly complete: Summary;
  /** Gemini only: first section minus the stand-in's first-chunk delay. */
  readonly overhead: Summary | null;
  readonly reports: readonly ReportTiming[];
}

const runs: Run[] = [];
const load: LoadFigure[] = [];
const startedAt = new Date().toISOString();

/** Starts a server with `env`, signs up, warms up, then times REPORTS reports in each mode. */
async function benchWriter(
  writer: string,
  env: Record<string, string>,
  modelFirstTokenMs: number | null,
): Promise<void> {
  const server = await startServerUnderTest({ env: { ...BENCH_ENV, ...env } });
  try {
    const token = await signUp(server.url, `bench-${Date.now()}@example.com`);
    for (let i = 0; i < WARM_UP; i += 1) await timeReport(server.url, token, SUBJECTS[i % SUBJECTS.length]);
    for (const { label, concurrency } of MODES) {
      const reports = await runPool(REPORTS, concurrency, (i) =>
        timeReport(server.url, token, SUBJECTS[i % SUBJECTS.length]),
      );
      const firstSection = reports.map((r) => r.firstSectionMs);
      runs.push({
        writer,
        mode: label,
        concurrency,
        firstSection: summarise(firstSection),
        complete: summarise(reports.map((r) => r.completeMs)),
        overhead: modelFirstTokenMs === null ? null : summarise(firstSection.map((t) => t - modelFirstTokenMs)),
        reports,
      });
    }
    if (load.length === 0) {
      load.push(await measureLoad(server.url, '/health'));
      load.push(await measureLoad(server.url, '/reports', { headers: { authorization: `Bearer ${token}` } }));
      load.push(
        await measureLoad(server.url, '/reports?view=summary', { headers: { authorization: `Bearer ${token}` } }),
      );
      const failed = load.filter((figure) => figure.failures > 0);
      if (failed.length > 0)
        throw new Error(`load run answered errors: ${failed.map((f) => `${f.endpoint} ${f.failures}`).join(', ')}`);
    }
  } finally {
    await server.stop();
  }
}

/** The printout: one table of report timings, one of load figures, and the targets. */
function printout(): string {
  const p = (s: Summary | null): string => (s ? `${ms(s.p50)} / ${ms(s.p95)}` : '—');
  const timings = renderTable(
    [
      'writer',
      'mode',
      'reports',
      'first section p50 / p95 (ms)',
      'complete p50 / p95 (ms)',
      'own overhead p50 / p95 (ms)',
    ],
    runs.map((r) => [r.writer, r.mode, r.firstSection.count, p(r.firstSection), p(r.complete), p(r.overhead)]),
  );
  const loads = renderTable(
    ['endpoint', 'connections', 'seconds', 'requests/s', 'latency p50 (ms)', 'latency p99 (ms)', 'failures'],
    load.map((l) => [
      l.endpoint,
      l.connections,
      l.durationSeconds,
      Math.round(l.requestsPerSecond),
      l.latencyP50Ms,
      l.latencyP99Ms,
      l.failures,
    ]),
  );
  const worstFirst = Math.max(...runs.map((r) => r.firstSection.p95));
  const overheads = runs.filter((r) => r.overhead !== null);
  const targets = [
    `first section p95 ≤ ${TARGET_FIRST_SECTION_P95_MS} ms: worst ${ms(worstFirst)} ms — ${worstFirst <= TARGET_FIRST_SECTION_P95_MS ? 'met' : 'NOT met'}`,
    ...overheads.map(
      (r) =>
        `own overhead over the model's first token (${r.mode}) ≤ ${TARGET_OVERHEAD_MS} ms: p50 ${ms(r.overhead!.p50)} ms, p95 ${ms(r.overhead!.p95)} ms — ${r.overhead!.p95 <= TARGET_OVERHEAD_MS ? 'met' : 'NOT met'} at p95`,
    ),
  ];
  return [
    `Report timings, end to end (POST /reports → first "section" event / "complete" on GET /reports/{id}/stream), ${REPORTS} reports per row after ${WARM_UP} warm-up reports:`,
    timings,
    '',
    'Load (autocannon):',
    loads,
    '',
    'Targets:',
    ...targets.map((t) => `  ${t}`),
  ].join('\n');
}

describe('benchmarks', () => {
  afterAll(() => {
    if (runs.length === 0) return;
    console.log(printout());
    const output = new URL('./output/', import.meta.url);
    mkdirSync(output, { recursive: true });
    const results = {
      started_at: startedAt,
      machine: {
        node: process.version,
        platform: process.platform,
        cpus: cpus().length,
        cpu_model: cpus()[0]?.model,
        memory_gb: Math.round(totalmem() / 2 ** 30),
      },
      settings: {
        reports: REPORTS,
        warm_up: WARM_UP,
        modes: MODES,
        gemini_first_chunk_ms: GEMINI_FIRST_CHUNK_MS,
        subjects: SUBJECTS,
        env: BENCH_ENV,
      },
      runs,
      load,
    };
    writeFileSync(new URL('results.json', output), `${JSON.stringify(results, null, 2)}\n`);
    console.log(`Written: ${new URL('results.json', output).pathname}`);
  });

  test('knowledge-base writer', async () => {
    await benchWriter('knowledge-base', {}, null);
  });

  test(`Gemini writer (local stand-in, ${GEMINI_FIRST_CHUNK_MS} ms to first chunk)`, async () => {
    const gemini = await startGeminiStandIn({ firstChunkDelayMs: GEMINI_FIRST_CHUNK_MS });
    try {
      await benchWriter(
        'gemini (stand-in)',
        { GEMINI_API_KEY: 'stand-in-key', GEMINI_API_BASE: gemini.baseUrl },
        GEMINI_FIRST_CHUNK_MS,
      );
    } finally {
      await gemini.close();
    }
  });
});
