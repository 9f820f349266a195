/**
 * `npm run bench` (API rows): the read endpoints at 50 concurrent clients beside their floor — a bare `node:http`
 * server answering the very same bytes (headers and body), measured in the same run after a warm-up — then the load rows: 2,000 `GET /reports` at 50
 * concurrent, 200 concurrent replays of completed reports, 50 concurrent generations with the knowledge-base writer,
 * and the process's RSS before and after. On embedded PGlite, and on PostgreSQL when `BENCH_DATABASE_URL` is set.
 * Prints tables and writes `bench/output/api.json`; asserts nothing about timing (only that nothing failed).
 * `BENCH_LOAD_ROWS=false` measures the floor comparison only (to repeat it quickly); `BENCH_API_ROUNDS=3` measures it
 * three times on the same seeded server, each row with its own load average.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { afterAll, describe, test } from 'vitest';
import { startServerUnderTest } from '../e2e/support/server.js';
import { headersToCopy, startFloor } from './support/floor.js';
import { measureLoad, type LoadFigure } from './support/load.js';
import { signUp, timeReplay, timeReport } from './support/report-timing.js';
import { runPool, summarise, type Summary } from './support/stats.js';
import { ms, renderTable } from './support/table.js';

/** Concurrent clients of the floor comparison. */
const CLIENTS = 50;
/** Seconds of each floor-comparison run. */
const SECONDS = 5;
/**
 * Seconds of unmeasured load before each measured run, the floor's and ours alike: V8 compiles the hot path only
 * after it has run for a while (and later still on a loaded machine), so without it the first endpoint measured
 * would pay the whole server's warm-up, which a server that has been up for a minute no longer pays.
 */
const WARM_UP_SECONDS = 2;
/** Rounds of the floor comparison on one server (`BENCH_API_ROUNDS`, default 1): repeats without seeding again. */
const ROUNDS = Math.max(1, Number(process.env.BENCH_API_ROUNDS ?? 1) || 1);
/** Reports stored before measuring (the list asks for 20). */
const SEEDED = 25;
const SUBJECTS = ['Computer Science', 'Nursing', 'MSc Data Science', 'Business and Management', 'Law', 'Pharmacy'];
const TARGET_RATIO = 3;
const TARGET_P95_MS = 250;

/** One endpoint of ours beside its floors. */
interface FloorRow {
  readonly database: string;
  readonly ours: LoadFigure;
  /** The floor answering our very bytes: the same headers and body (the target's measure). */
  readonly floor: LoadFigure;
  /** A floor answering our body with only a content type, as the rounds before 3 measured it. */
  readonly bodyOnlyFloor: LoadFigure;
  /** One-minute load average as ours was measured. */
  readonly loadAverage: number;
}

/** The load rows of one database. */
interface LoadRows {
  readonly database: string;
  readonly list2000: LoadFigure;
  readonly replays200: Summary;
  readonly generations50: { readonly firstSection: Summary; readonly complete: Summary };
  readonly rssBeforeMb: number;
  readonly rssAfterMb: number;
}

const floorRows: FloorRow[] = [];
const loadRows: LoadRows[] = [];
const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);
const benchStarted = Date.now();
/** A progress line on stderr (the tables come at the end). */
const progress = (line: string): void =>
  void process.stderr.write(`[api bench +${Math.round((Date.now() - benchStarted) / 1000)} s] ${line}\n`);

/**
 * Measures `path` of ours and of two floors, all at CLIENTS connections, each after an unmeasured warm-up: the floor
 * answering our very bytes (every response header but those Node writes itself, and the body), and the body-only
 * floor of the earlier rounds. The same-bytes floor is the fair one: autocannon parses headers in JavaScript, on
 * this process's event loop, so the body-only floor charged our security, CORS and cache headers' parsing to us.
 */
async function beside(database: string, baseUrl: string, path: string, headers: Record<string, string>): Promise<void> {
  // `identity`: what autocannon asks for (nothing), where fetch alone would ask for br and decode it.
  const sample = await fetch(`${baseUrl}${path}`, { headers: { ...headers, 'accept-encoding': 'identity' } });
  if (sample.status !== 200) throw new Error(`GET ${path}: HTTP ${sample.status}`);
  const body = Buffer.from(await sample.arrayBuffer());
  const floor = await startFloor(body, headersToCopy(sample.headers));
  const bodyOnly = await startFloor(body, [['content-type', sample.headers.get('content-type') ?? 'application/json']]);
  try {
    const options = { headers, connections: CLIENTS, durationSeconds: SECONDS };
    const warmUp = { ...options, durationSeconds: WARM_UP_SECONDS };
    for (const url of [bodyOnly.url, floor.url, baseUrl]) await measureLoad(url, path, warmUp);
    const bodyOnlyFigure = await measureLoad(bodyOnly.url, path, { ...options, label: `body-only floor ${path}` });
    const floorFigure = await measureLoad(floor.url, path, { ...options, label: `floor ${path}` });
    const ours = await measureLoad(baseUrl, path, options);
    if (ours.failures > 0) throw new Error(`GET ${path} answered ${ours.failures} failures`);
    floorRows.push({
      database,
      ours: { ...ours, bodyBytes: body.length },
      floor: { ...floorFigure, bodyBytes: body.length },
      bodyOnlyFloor: { ...bodyOnlyFigure, bodyBytes: body.length },
      loadAverage: loadavg()[0],
    });
  } finally {
    await floor.close();
    await bodyOnly.close();
  }
}

/** Runs every row on a server over `database` (PGlite when `databaseUrl` is undefined). */
async function benchDatabase(database: string, databaseUrl: string | undefined): Promise<void> {
  const server = await startServerUnderTest({
    // A long generation timeout: on a shared machine PGlite (in this process) can take a minute per report under load.
    env: {
      REPORTS_PER_USER_PER_DAY: '10000',
      RATE_LIMIT_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      GEMINI_TIMEOUT_MS: '600000',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
  });
  try {
    const token = await signUp(server.url, `bench-api-${Date.now()}@example.com`);
    const headers = { authorization: `Bearer ${token}` };
    progress(`${database}: seeding ${SEEDED} reports`);
    const seeded = await runPool(SEEDED, 2, (i) => timeReport(server.url, token, SUBJECTS[i % SUBJECTS.length]));
    const reportId = seeded[seeded.length - 1].reportId;
    const rssBefore = process.memoryUsage().rss;

    for (let round = 1; round <= ROUNDS; round++) {
      progress(`${database}: beside the floor, round ${round} of ${ROUNDS}`);
      await beside(database, server.url, '/reports?limit=20', headers);
      await beside(database, server.url, '/reports?limit=20&view=full', headers);
      await beside(database, server.url, `/reports/${reportId}`, headers);
    }

    if (process.env.BENCH_LOAD_ROWS === 'false') return;
    progress(`${database}: load rows`);
    const list2000 = await measureLoad(server.url, '/reports', { headers, connections: CLIENTS, amount: 2000 });
    if (list2000.failures > 0) throw new Error(`2,000 GET /reports: ${list2000.failures} failures`);
    progress(`${database}: 200 replays`);
    const replays = await runPool(200, 200, (i) => timeReplay(server.url, token, seeded[i % seeded.length].reportId));
    progress(`${database}: 50 generations`);
    const generations = await runPool(50, 50, (i) => timeReport(server.url, token, SUBJECTS[i % SUBJECTS.length]));
    loadRows.push({
      database,
      list2000,
      replays200: summarise(replays),
      generations50: {
        firstSection: summarise(generations.map((g) => g.firstSectionMs)),
        complete: summarise(generations.map((g) => g.completeMs)),
      },
      rssBeforeMb: mb(rssBefore),
      rssAfterMb: mb(process.memoryUsage().rss),
    });
  } finally {
    await server.stop();
  }
}

/** The printout: ours beside the floor, the targets, then the load rows. */
function printout(): string {
  const floors = renderTable(
    [
      'database',
      'endpoint',
      'bytes',
      'ours p50 / p95 (ms)',
      'floor p50 / p95 (ms)',
      'p50 × floor',
      'ours req/s',
      'floor req/s',
      'target',
      'body-only floor p50 / p95 (ms)',
      'p50 × body-only',
      'load average',
    ],
    floorRows.map(({ database, ours, floor, bodyOnlyFloor, loadAverage }) => {
      const ratio = ours.latencyP50Ms / Math.max(floor.latencyP50Ms, 1);
      const met = ratio <= TARGET_RATIO && ours.latencyP95Ms < TARGET_P95_MS;
      return [
        database,
        ours.endpoint,
        ours.bodyBytes,
        `${ms(ours.latencyP50Ms)} / ${ms(ours.latencyP95Ms)}`,
        `${ms(floor.latencyP50Ms)} / ${ms(floor.latencyP95Ms)}`,
        ratio.toFixed(1),
        Math.round(ours.requestsPerSecond),
        Math.round(floor.requestsPerSecond),
        met ? 'met' : 'NOT met',
        `${ms(bodyOnlyFloor.latencyP50Ms)} / ${ms(bodyOnlyFloor.latencyP95Ms)}`,
        (ours.latencyP50Ms / Math.max(bodyOnlyFloor.latencyP50Ms, 1)).toFixed(1),
        loadAverage.toFixed(1),
      ];
    }),
  );
  const p = (s: Summary): string => `${ms(s.p50)} / ${ms(s.p95)}`;
  const loads = renderTable(
    [
      'database',
      '2,000 GET /reports at 50: req/s, p50 / p95 (ms)',
      '200 concurrent replays p50 / p95 (ms)',
      '50 concurrent generations: first section, complete p50 / p95 (ms)',
      'RSS before → after (MB)',
    ],
    loadRows.map((r) => [
      r.database,
      `${Math.round(r.list2000.requestsPerSecond)}, ${ms(r.list2000.latencyP50Ms)} / ${ms(r.list2000.latencyP95Ms)}`,
      p(r.replays200),
      `${p(r.generations50.firstSection)}, ${p(r.generations50.complete)}`,
      `${r.rssBeforeMb} → ${r.rssAfterMb}`,
    ]),
  );
  return [
    `API at ${CLIENTS} concurrent clients, ${SECONDS} s each after ${WARM_UP_SECONDS} s of warm-up, beside a bare node:http server answering the same bytes, headers and body (the floor, same run), and one answering the body alone.`,
    `Target: p50 ≤ ${TARGET_RATIO}× the floor and p95 < ${TARGET_P95_MS} ms. Load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} cores.`,
    floors,
    '',
    'Load (the server runs in the bench process, so RSS includes the clients):',
    loads,
  ].join('\n');
}

describe('API benchmarks', () => {
  afterAll(() => {
    if (floorRows.length === 0) return;
    console.log(printout());
    progress('done');
    const output = new URL('./output/', import.meta.url);
    mkdirSync(output, { recursive: true });
    writeFileSync(
      new URL('api.json', output),
      `${JSON.stringify({ started_at: new Date().toISOString(), floorRows, loadRows }, null, 2)}\n`,
    );
  });

  test('PGlite (embedded)', async () => {
    await benchDatabase('pglite', undefined);
  });

  test.runIf(Boolean(process.env.BENCH_DATABASE_URL))('PostgreSQL (BENCH_DATABASE_URL)', async () => {
    await benchDatabase('postgresql', process.env.BENCH_DATABASE_URL);
  });
});
