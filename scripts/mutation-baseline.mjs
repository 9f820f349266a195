// Pure helpers of scripts/mutation.mjs: the mutation score of a Stryker JSON report, and whether a scope's committed
// incremental file (stryker/incremental/<scope>.json, a mutation-testing-report-schema report) still describes the
// scope's current mutated files and test files, so that `--ci` can report its score without starting Stryker.
// Tested by scripts/mutation-baseline.test.mjs (`npm run test:scripts`).
import ts from 'typescript';

/** @typedef {{ Killed: number, Timeout: number, Survived: number, NoCoverage: number, CompileError: number, RuntimeError: number, Ignored: number, valid: number, score: number }} Summary */

/**
 * The part of a Stryker JSON report (or incremental file) these helpers read.
 * @typedef {object} Report
 * @property {Record<string, { source: string, mutants: { status: string }[] }>} files  mutated files by path
 * @property {Record<string, { source?: string }>} [testFiles]  test files by path
 * @property {{ mutate?: string[], testFiles?: string[] }} [config]  the Stryker options of the run
 * @property {{ version?: string }} [framework]  the Stryker version of the run
 */

/**
 * Killed, survived, … of a report, and its mutation score as Stryker computes it: (killed + timeout) ÷ (killed +
 * timeout + survived + no coverage); checker-rejected (CompileError), RuntimeError and Ignored mutants not counted.
 * @param {Report} report
 * @returns {Summary}
 */
export function summarise(report) {
  /** @type {Record<string, number> & Omit<Summary, 'valid' | 'score'>} */
  const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, CompileError: 0, RuntimeError: 0, Ignored: 0 };
  for (const file of Object.values(report.files))
    for (const mutant of file.mutants) counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
  const detected = counts.Killed + counts.Timeout;
  const valid = detected + counts.Survived + counts.NoCoverage;
  return { ...counts, valid, score: valid === 0 ? 100 : (100 * detected) / valid };
}

/**
 * A file pattern of a Stryker scope as a regular expression over `/`-separated paths relative to the repository:
 * `**` any run of folders (or none), `*` any run of characters within one name, `?` one character.
 * @param {string} glob
 * @returns {RegExp}
 */
export function globToRegExp(glob) {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (glob.startsWith('**/', i)) {
      pattern += '(?:[^/]+/)*';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      pattern += '.*';
      i += 1;
    } else if (char === '*') pattern += '[^/]*';
    else if (char === '?') pattern += '[^/]';
    else pattern += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}

/**
 * The folder a pattern's files are under (the part before its first wildcard), to walk instead of the repository.
 * @param {string} glob
 * @returns {string}  `.` for a pattern that starts with a wildcard
 */
export function globBase(glob) {
  const wild = glob.search(/[*?]/);
  const fixed = wild === -1 ? glob : glob.slice(0, wild);
  const slash = fixed.lastIndexOf('/');
  return slash <= 0 ? '.' : fixed.slice(0, slash);
}

/**
 * The paths among `paths` that the patterns select (a pattern starting with `!` removes what it matches), sorted.
 * @param {readonly string[]} globs
 * @param {Iterable<string>} paths
 * @returns {string[]}
 */
export function selectPaths(globs, paths) {
  const include = globs.filter((g) => !g.startsWith('!')).map(globToRegExp);
  const exclude = globs.filter((g) => g.startsWith('!')).map((g) => globToRegExp(g.slice(1)));
  return [...paths].filter((p) => include.some((r) => r.test(p)) && !exclude.some((r) => r.test(p))).sort();
}

/**
 * Whether a TypeScript file holds only imports, re-exports, interfaces and type aliases: nothing Stryker mutates,
 * which is why a baseline does not list such a file (an `index.ts` of re-exports, a `types.ts`).
 * @param {string} source
 * @returns {boolean}
 */
export function declarationsOnly(source) {
  const file = ts.createSourceFile('file.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return file.statements.every(
    (statement) =>
      ts.isImportDeclaration(statement) ||
      ts.isExportDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement),
  );
}

/**
 * Compares one set of current files with the files a baseline recorded.
 * @param {string} kind  `mutated file` or `test file`, for the messages
 * @param {Record<string, { source?: string }>} recorded
 * @param {ReadonlyMap<string, string>} current  path → contents
 * @param {(source: string) => boolean} unlisted  whether a file the baseline does not list may be left out of it
 * @returns {string[]}
 */
function fileChanges(kind, recorded, current, unlisted) {
  const changes = [];
  for (const [path, source] of current) {
    if (!(path in recorded)) {
      if (!unlisted(source)) changes.push(`new ${kind} ${path}`);
    } else if (recorded[path].source !== source) changes.push(`${kind} ${path} changed`);
  }
  for (const path of Object.keys(recorded)) if (!current.has(path)) changes.push(`${kind} ${path} is gone`);
  return changes;
}

/**
 * Same list, in any order.
 * @param {readonly string[] | undefined} a
 * @param {readonly string[] | undefined} b
 */
function sameList(a = [], b = []) {
  const sortedB = [...b].sort();
  return a.length === b.length && [...a].sort().every((item, i) => item === sortedB[i]);
}

/**
 * What differs between a scope as it is now and the baseline of its last run; empty when nothing does, so the
 * baseline's results still hold as far as Stryker's incremental mode itself could tell: the same Stryker version,
 * the same `mutate` and `testFiles` options, and byte for byte the same mutated files and test files (none added,
 * none gone; a mutated file with only declarations has no mutants and need not be listed). Like Stryker's
 * incremental mode, it does not see changes to other files the tests import.
 * @param {Report} baseline  the committed incremental file
 * @param {object} current
 * @param {string} current.strykerVersion  the version of Stryker installed (its core package)
 * @param {readonly string[]} current.mutate  the scope's `mutate` option
 * @param {readonly string[]} current.testFiles  the scope's `testFiles` option (empty: all of its Vitest configuration's)
 * @param {ReadonlyMap<string, string>} current.mutated  the files `mutate` selects now: path → contents
 * @param {ReadonlyMap<string, string>} current.tests  the scope's test files now: path → contents
 * @returns {string[]}  one sentence per difference
 */
export function baselineChanges(baseline, current) {
  const changes = [];
  const version = baseline.framework?.version;
  if (version !== current.strykerVersion)
    changes.push(`Stryker ${current.strykerVersion} instead of the baseline's ${version ?? 'unknown version'}`);
  if (!sameList(baseline.config?.mutate, current.mutate)) changes.push("the scope's `mutate` option changed");
  if (!sameList(baseline.config?.testFiles, current.testFiles)) changes.push("the scope's `testFiles` option changed");
  // A mutated file without mutants is not in the report: one that has only declarations may be missing from it.
  changes.push(...fileChanges('mutated file', baseline.files, current.mutated, declarationsOnly));
  changes.push(...fileChanges('test file', baseline.testFiles ?? {}, current.tests, () => false));
  return changes;
}
