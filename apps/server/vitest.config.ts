import { pgliteSnapshotSetup, workspaceConfig } from '../../vitest.shared.js';

/**
 * `isolate: false`: a worker imports the app's modules once for all the files it runs, instead of once per file
 * (about 2 s of CPU per file, half the suite's CPU time). The tests are safe without isolation: none mocks a module,
 * stubs a global or the environment, or leaves fake timers on; every file builds its own apps and database.
 * Under Stryker (its test runners have STRYKER_MUTATOR_WORKER set) each run stays isolated, so that a mutant of
 * module-level code is evaluated afresh rather than met in a module a previous run loaded.
 */
const isolate = process.env.STRYKER_MUTATOR_WORKER !== undefined;

export default workspaceConfig(import.meta.dirname, { globalSetup: [pgliteSnapshotSetup], isolate });
