// Shared Stryker settings for every mutation scope (`npm run test:mutation`, scripts/mutation.mjs).
// Each scope runs from the repository root so the sandbox holds vitest.shared.ts and the source aliases.

/**
 * The Stryker configuration of one scope.
 * @param {object} scope
 * @param {string} scope.name  file-name stem of the incremental file and reports, e.g. `config`
 * @param {string[]} scope.mutate  the files whose mutants are counted
 * @param {string} scope.vitestConfig  the Vitest configuration that runs the scope's tests
 * @param {string} scope.tsconfig  the tsconfig the TypeScript checker compiles each mutant with
 * @param {string[]} [scope.testFiles]  only these test files run (all of the Vitest configuration's when left out)
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export function strykerScope({ name, mutate, vitestConfig, tsconfig, testFiles }) {
  return {
    ...(testFiles ? { testFiles } : {}),
    packageManager: 'npm',
    testRunner: 'vitest',
    vitest: { configFile: vitestConfig, related: false },
    checkers: ['typescript'],
    tsconfigFile: tsconfig,
    typescriptChecker: { prioritizePerformanceOverAccuracy: true },
    coverageAnalysis: 'perTest',
    // STRYKER_IGNORE_STATIC=1 skips mutants of module-level code (each needs the whole suite reloaded); they are then
    // reported as Ignored, and the next run without it tests them. Off by default.
    ignoreStatic: process.env.STRYKER_IGNORE_STATIC === '1',
    // Two cores shared with other work: one test runner and one checker process at a time.
    concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 1),
    mutate,
    incremental: true,
    incrementalFile: `stryker/incremental/${name}.json`,
    reporters: ['clear-text', 'progress', 'json', 'html'],
    jsonReporter: { fileName: `reports/mutation/${name}.json` },
    htmlReporter: { fileName: `reports/mutation/${name}.html` },
    clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
    thresholds: { high: 90, low: 80, break: 80 },
    timeoutMS: 10_000,
    tempDirName: '.stryker-tmp',
    cleanTempDir: 'always',
    // Only the workspaces the tests import go into the sandbox.
    ignorePatterns: [
      '/apps/web',
      '/e2e',
      '/bench',
      '/reports',
      '/coverage',
      '**/coverage',
      '**/dist',
      '/data',
      '/logs',
      '/apps/server/.data',
      '/stryker/incremental',
    ],
  };
}
