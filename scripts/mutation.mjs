// `npm run test:mutation [-- scope …]`: runs Stryker for each mutation scope in turn (stryker/<scope>.config.mjs),
// then prints every scope's mutation score and fails when any is 80 % or lower.
// Incremental: each scope keeps stryker/incremental/<scope>.json (committed), so a clean clone re-tests only the
// mutants whose code or covering tests changed. `--force` re-tests everything (and rewrites those files).
// `--ci`: a scope without a committed incremental file is listed as not run instead of being run in full (a full
// run of the larger scopes takes longer than CI's budget on two cores); run it locally and commit its file. CI also
// skips static mutants (module-level code, each of which needs the whole suite reloaded): they are run locally.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every scope, smallest first; the database last (PGlite start-up per test file makes it the slowest). */
const SCOPES = [
  'feature-flags',
  'config',
  'logging',
  'server-query-rules',
  'server-timeline',
  'server-writers',
  'server-fulfilment',
  'server-tokens',
  'server-ledger',
  'database',
];
/** A scope passes with a score above this. */
const GATE = 80;

const args = process.argv.slice(2);
const force = args.includes('--force');
const ci = args.includes('--ci');
const chosen = args.filter((arg) => !arg.startsWith('--'));
const unknown = chosen.filter((scope) => !SCOPES.includes(scope));
if (unknown.length > 0) {
  console.error(`unknown mutation scope(s): ${unknown.join(', ')}; known: ${SCOPES.join(', ')}`);
  process.exit(2);
}
const scopes = chosen.length > 0 ? chosen : SCOPES;

/** @typedef {{ Killed: number, Timeout: number, Survived: number, NoCoverage: number, CompileError: number, valid: number, score: number }} Summary */

/**
 * Killed, survived, … of one Stryker JSON report (mutation-testing-report-schema), and its score.
 * @param {string} reportFile
 * @returns {Summary}
 */
function summarise(reportFile) {
  /** @type {unknown} */
  const parsed = JSON.parse(readFileSync(reportFile, 'utf8'));
  const report = /** @type {{ files: Record<string, { mutants: { status: string }[] }> }} */ (parsed);
  /** @type {Record<string, number> & { Killed: number, Timeout: number, Survived: number, NoCoverage: number, CompileError: number }} */
  const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, CompileError: 0, RuntimeError: 0, Ignored: 0 };
  for (const file of Object.values(report.files))
    for (const mutant of file.mutants) counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
  const detected = counts.Killed + counts.Timeout;
  const valid = detected + counts.Survived + counts.NoCoverage;
  return { ...counts, valid, score: valid === 0 ? 100 : (100 * detected) / valid };
}

// The same tests as the committed baselines, wherever this runs: PGlite only, no Redis (CI exports both).
const env = { ...process.env };
delete env.TEST_DATABASE_URL;
delete env.TEST_REDIS_URL;
if (ci) env.STRYKER_IGNORE_STATIC = '1';

/** @type {({ scope: string, seconds: number, error: string } | ({ scope: string, seconds: number, error?: undefined } & Summary))[]} */
const rows = [];
let failed = false;
for (const scope of scopes) {
  if (ci && !existsSync(join('stryker', 'incremental', `${scope}.json`))) {
    rows.push({
      scope,
      seconds: 0,
      error: `not run: no baseline (run \`npm run test:mutation -- ${scope}\` and commit stryker/incremental/${scope}.json)`,
    });
    continue;
  }
  console.log(`\n==> mutation testing: ${scope}`);
  const started = Date.now();
  const run = spawnSync('npx', ['stryker', 'run', `stryker/${scope}.config.mjs`, ...(force ? ['--force'] : [])], {
    stdio: 'inherit',
    env,
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  const reportFile = join('reports', 'mutation', `${scope}.json`);
  if (run.status !== 0 && !existsSync(reportFile)) {
    rows.push({ scope, seconds, error: `stryker exited with ${run.status ?? run.signal}` });
    failed = true;
    continue;
  }
  const summary = summarise(reportFile);
  if (run.status !== 0 || summary.score <= GATE) failed = true;
  rows.push({ scope, seconds, ...summary });
}

console.log('\nscope                  score  killed timeout survived no-cov compile-err  time');
for (const row of rows) {
  if (row.error !== undefined) {
    console.log(`${row.scope.padEnd(20)}  ${row.error}  ${row.seconds}s`);
    continue;
  }
  const cells = [row.Killed, row.Timeout, row.Survived, row.NoCoverage, row.CompileError].map((n, i) =>
    String(n).padStart([6, 7, 8, 6, 11][i]),
  );
  console.log(
    `${row.scope.padEnd(20)} ${row.score.toFixed(2).padStart(6)}% ${cells.join(' ')} ${String(row.seconds).padStart(5)}s`,
  );
}
if (failed) {
  console.error(`\nmutation testing failed: every scope needs a score above ${GATE} %`);
  process.exit(1);
}
console.log(`\nmutation testing passed: every scope above ${GATE} %`);
