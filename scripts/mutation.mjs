// `npm run test:mutation [-- scope …]`: runs Stryker for each mutation scope in turn (stryker/<scope>.config.mjs),
// then prints every scope's mutation score and fails when any is 80 % or lower.
// Incremental: each scope keeps stryker/incremental/<scope>.json (committed), so a clean clone re-tests only the
// mutants whose code or covering tests changed. `--force` re-tests everything (and rewrites those files).
// `--ci`: a scope without a committed incremental file is listed as not run instead of being run in full (a full
// run of the larger scopes takes longer than CI's budget on two cores); run it locally and commit its file. A scope
// whose mutated files and test files are byte for byte those its incremental file recorded (same Stryker, same
// options) is reported with the baseline's score without starting Stryker, which would only reuse every result
// after its start-up, the checker's compile and a dry run (see scripts/mutation-baseline.mjs). CI also skips static
// mutants (module-level code, each of which needs the whole suite reloaded): they are run locally.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { baselineChanges, globBase, selectPaths, summarise } from './mutation-baseline.mjs';

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

/** @typedef {import('./mutation-baseline.mjs').Summary} Summary */
/** @typedef {import('./mutation-baseline.mjs').Report} Report */

/**
 * Reads a Stryker JSON report or incremental file.
 * @param {string} file
 * @returns {Report}
 */
function readReport(file) {
  /** @type {unknown} */
  const parsed = JSON.parse(readFileSync(file, 'utf8'));
  return /** @type {Report} */ (parsed);
}

/**
 * The files the patterns select now, with their contents (each pattern's folder walked, not the repository).
 * @param {readonly string[]} globs
 * @returns {Map<string, string>}
 */
function filesNow(globs) {
  /** @type {Set<string>} */
  const paths = new Set();
  for (const glob of globs.filter((g) => !g.startsWith('!'))) {
    const base = globBase(glob);
    if (!existsSync(base)) continue;
    for (const entry of readdirSync(base, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) paths.add(join(entry.parentPath, entry.name).split('\\').join('/'));
    }
  }
  return new Map(selectPaths(globs, paths).map((path) => [path, readFileSync(path, 'utf8')]));
}

/**
 * What changed in a scope since its committed incremental file; empty when Stryker would only reuse its results.
 * @param {string} scope
 * @param {string} incrementalFile
 * @returns {Promise<string[]>}
 */
async function changesSinceBaseline(scope, incrementalFile) {
  /** @type {unknown} */
  const module = await import(pathToFileURL(join('stryker', `${scope}.config.mjs`)).href);
  const options =
    /** @type {{ default: { mutate: string[], testFiles?: string[], vitest: { configFile: string } } }} */ (module)
      .default;
  const { mutate, testFiles = [], vitest } = options;
  // Without `testFiles`, the scope runs every test file of its Vitest configuration (vitest.shared.ts: test/**).
  const testGlobs = testFiles.length > 0 ? testFiles : [`${dirname(vitest.configFile)}/test/**/*.test.ts`];
  /** @type {unknown} */
  const core = JSON.parse(readFileSync(join('node_modules', '@stryker-mutator', 'core', 'package.json'), 'utf8'));
  return baselineChanges(readReport(incrementalFile), {
    strykerVersion: /** @type {{ version: string }} */ (core).version,
    mutate,
    testFiles,
    mutated: filesNow(mutate),
    tests: filesNow(testGlobs),
  });
}

// The same tests as the committed baselines, wherever this runs: PGlite only, no Redis (CI exports both).
const env = { ...process.env };
delete env.TEST_DATABASE_URL;
delete env.TEST_REDIS_URL;
if (ci) env.STRYKER_IGNORE_STATIC = '1';

/** @type {({ scope: string, seconds: number, error: string } | ({ scope: string, seconds: number, error?: undefined, note?: string } & Summary))[]} */
const rows = [];
let failed = false;
/** The scopes whose incremental file a `--ci` run of Stryker rewrote (with its static mutants Ignored). */
const rewritten = [];
for (const scope of scopes) {
  const incrementalFile = join('stryker', 'incremental', `${scope}.json`);
  if (ci && !existsSync(incrementalFile)) {
    rows.push({
      scope,
      seconds: 0,
      error: `not run: no baseline (run \`npm run test:mutation -- ${scope}\` and commit stryker/incremental/${scope}.json)`,
    });
    continue;
  }
  if (ci && !force) {
    const started = Date.now();
    const changes = await changesSinceBaseline(scope, incrementalFile);
    if (changes.length === 0) {
      const summary = summarise(readReport(incrementalFile));
      if (summary.score <= GATE) failed = true;
      const seconds = Math.round((Date.now() - started) / 1000);
      rows.push({ scope, seconds, note: 'unchanged since baseline', ...summary });
      console.log(`\n==> mutation testing: ${scope}: unchanged since its baseline, Stryker not started`);
      continue;
    }
    const more = changes.length > 5 ? ` and ${changes.length - 5} more` : '';
    console.log(
      `\n==> mutation testing: ${scope}: changed since its baseline (${changes.slice(0, 5).join('; ')}${more})`,
    );
  } else console.log(`\n==> mutation testing: ${scope}`);
  if (ci) rewritten.push(scope);
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
  const summary = summarise(readReport(reportFile));
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
    `${row.scope.padEnd(20)} ${row.score.toFixed(2).padStart(6)}% ${cells.join(' ')} ${String(row.seconds).padStart(5)}s${row.note ? `  ${row.note}` : ''}`,
  );
}
if (rewritten.length > 0) {
  console.log(
    `\nStryker rewrote the incremental files of ${rewritten.join(', ')} with their static mutants Ignored: do not commit them (run those scopes without --ci and commit that instead).`,
  );
}
if (failed) {
  console.error(`\nmutation testing failed: every scope needs a score above ${GATE} %`);
  process.exit(1);
}
const notRun = rows.filter((row) => row.error !== undefined).map((row) => row.scope);
console.log(
  notRun.length === 0
    ? `\nmutation testing passed: every scope above ${GATE} %`
    : `\nmutation testing passed for the scopes that ran: each above ${GATE} %; not run (no baseline): ${notRun.join(', ')}`,
);
