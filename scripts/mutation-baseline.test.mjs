// Tests of scripts/mutation-baseline.mjs (`npm run test:scripts`, node's own test runner).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baselineChanges, declarationsOnly, globBase, selectPaths, summarise } from './mutation-baseline.mjs';

/**
 * Mutants with the given statuses.
 * @param {...string} statuses
 */
const mutants = (...statuses) => statuses.map((status) => ({ status }));

void describe('summarise', () => {
  void it('scores (killed + timeout) over killed + timeout + survived + no coverage, as Stryker does', () => {
    const summary = summarise({
      files: {
        'a.ts': { source: '', mutants: mutants('Killed', 'Killed', 'Timeout', 'Survived', 'CompileError') },
        'b.ts': { source: '', mutants: mutants('NoCoverage', 'Ignored', 'RuntimeError', 'Killed') },
      },
    });
    assert.deepEqual(summary, {
      Killed: 3,
      Timeout: 1,
      Survived: 1,
      NoCoverage: 1,
      CompileError: 1,
      RuntimeError: 1,
      Ignored: 1,
      valid: 6,
      score: (100 * 4) / 6,
    });
  });

  void it('scores a scope without counted mutants 100', () => {
    assert.equal(summarise({ files: { 'a.ts': { source: '', mutants: mutants('CompileError') } } }).score, 100);
  });
});

void describe('selectPaths and globBase', () => {
  const paths = [
    'packages/config/src/load.ts',
    'packages/config/src/deep/fields.ts',
    'packages/config/src/load.test.md',
    'packages/config/test/load.test.ts',
    'apps/server/test/report-markdown.test.ts',
    'apps/server/test/report-markdown-validate.test.ts',
    'apps/server/test/report-output-safety.test.ts',
    'apps/server/test/sub/report-markdown.test.ts',
  ];
  /** @type {[string[], string[]][]} */
  const cases = [
    [['packages/config/src/**/*.ts'], ['packages/config/src/deep/fields.ts', 'packages/config/src/load.ts']],
    [['packages/config/src/*.ts'], ['packages/config/src/load.ts']],
    [
      ['apps/server/test/report-markdown*.test.ts'],
      ['apps/server/test/report-markdown-validate.test.ts', 'apps/server/test/report-markdown.test.ts'],
    ],
    [['apps/server/test/report-output-safety.test.ts'], ['apps/server/test/report-output-safety.test.ts']],
    [['packages/config/src/**/*.ts', '!packages/config/src/deep/**'], ['packages/config/src/load.ts']],
    [['packages/config/src/lo?d.ts'], ['packages/config/src/load.ts']],
    [['apps/server/test/report.markdown.test.ts'], []],
  ];
  for (const [globs, expected] of cases) {
    void it(`${globs.join(' ')} selects ${expected.length} file(s)`, () => {
      assert.deepEqual(selectPaths(globs, paths), expected);
    });
  }

  void it('walks the folder before the first wildcard', () => {
    assert.equal(globBase('packages/config/src/**/*.ts'), 'packages/config/src');
    assert.equal(globBase('apps/server/test/report-markdown*.test.ts'), 'apps/server/test');
    assert.equal(globBase('apps/server/test/payments-order.test.ts'), 'apps/server/test');
    assert.equal(globBase('**/*.ts'), '.');
  });
});

void describe('declarationsOnly', () => {
  /** @type {[string, boolean][]} */
  const cases = [
    ["/** docs */\nexport { a } from './a.js';\nexport type { B } from './b.js';\nexport * from './c.js';", true],
    ["import type { A } from './a.js';\nexport interface B { a: A }\nexport type C = B | null;", true],
    ["export { a } from './a.js';\nexport const b = 1;", false],
    ['export function f() { return 1; }', false],
    ["import { a } from './a.js';\nconsole.log(a);", false],
  ];
  for (const [source, expected] of cases) {
    void it(`${JSON.stringify(source.slice(0, 40))} → ${expected}`, () =>
      assert.equal(declarationsOnly(source), expected));
  }
});

void describe('baselineChanges', () => {
  const baseline = {
    framework: { version: '9.6.1' },
    config: { mutate: ['src/**/*.ts'], testFiles: [] },
    files: { 'src/a.ts': { source: 'export const a = 1;\n', mutants: mutants('Killed') } },
    testFiles: { 'test/a.test.ts': { source: "it('a', () => {});\n" } },
  };
  const same = () => ({
    strykerVersion: '9.6.1',
    mutate: ['src/**/*.ts'],
    testFiles: /** @type {string[]} */ ([]),
    mutated: new Map([['src/a.ts', 'export const a = 1;\n']]),
    tests: new Map([['test/a.test.ts', "it('a', () => {});\n"]]),
  });

  void it("finds nothing when every file and option is the baseline's", () => {
    assert.deepEqual(baselineChanges(baseline, same()), []);
  });

  void it('leaves out a new mutated file that has only declarations (Stryker lists no file without mutants)', () => {
    const current = same();
    current.mutated.set('src/index.ts', "export { a } from './a.js';\n");
    assert.deepEqual(baselineChanges(baseline, current), []);
  });

  /** @type {[string, (current: ReturnType<typeof same>) => void, string[]][]} */
  const cases = [
    [
      'a changed mutated file',
      (c) => c.mutated.set('src/a.ts', 'export const a = 2;\n'),
      ['mutated file src/a.ts changed'],
    ],
    [
      'a new mutated file with code',
      (c) => c.mutated.set('src/b.ts', 'export const b = 1;\n'),
      ['new mutated file src/b.ts'],
    ],
    ['a mutated file gone', (c) => c.mutated.delete('src/a.ts'), ['mutated file src/a.ts is gone']],
    [
      'a changed test file',
      (c) => c.tests.set('test/a.test.ts', "it('b', () => {});\n"),
      ['test file test/a.test.ts changed'],
    ],
    ['a new test file', (c) => c.tests.set('test/b.test.ts', 'export {};\n'), ['new test file test/b.test.ts']],
    ['a test file gone', (c) => c.tests.clear(), ['test file test/a.test.ts is gone']],
    ['another Stryker', (c) => (c.strykerVersion = '9.7.0'), ["Stryker 9.7.0 instead of the baseline's 9.6.1"]],
    ['another `mutate`', (c) => (c.mutate = ['src/*.ts']), ["the scope's `mutate` option changed"]],
    ['another `testFiles`', (c) => (c.testFiles = ['test/a.test.ts']), ["the scope's `testFiles` option changed"]],
  ];
  for (const [name, change, expected] of cases) {
    void it(`sees ${name}`, () => {
      const current = same();
      change(current);
      assert.deepEqual(baselineChanges(baseline, current), expected);
    });
  }

  void it('compares the options in any order, and a baseline without a Stryker version as another version', () => {
    const current = same();
    current.mutate = ['src/**/*.ts'];
    assert.deepEqual(baselineChanges({ ...baseline, config: { mutate: ['src/**/*.ts'] }, framework: {} }, current), [
      "Stryker 9.6.1 instead of the baseline's unknown version",
    ]);
  });
});
