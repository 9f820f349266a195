import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as OutputSafety from '../src/domain/report/output-safety.js';
let plainText: typeof OutputSafety.plainText;
let safeContent: typeof OutputSafety.safeContent;
let safeMarkdown: typeof OutputSafety.safeMarkdown;

// Imported afresh so that the module-level patterns are built within this run (Stryker does not reload modules
// between mutant runs, so a pattern built before the mutant was active would hide it).
beforeAll(async () => {
  vi.resetModules();
  ({ plainText, safeContent, safeMarkdown } = await import('../src/domain/report/output-safety.js'));
});

const SOURCES = new Set(['https://www.gov.uk/student-visa']);

describe('plainText (the subject)', () => {
  it.each([
    ['Nursing', 'Nursing'],
    ['Accounting & Finance', 'Accounting & Finance'],
    ['MSc Data Science (part-time)', 'MSc Data Science (part-time)'],
    ['[Nursing](https://evil.example/phish)', 'Nursing'],
    ['![x](https://evil.example/pixel.png) Law', 'x Law'],
    ['<script>alert(1)</script>Nursing', 'alert(1) Nursing'],
    ['**Law** _now_ `code` # heading', 'Law now code heading'],
    ['<img src=x onerror=alert(1)>', ''],
    ['Law\n\n and  Policy', 'Law and Policy'],
    ['A|B~C\\D', 'A B C D'],
    ['[x]( https://e.example )y', 'xy'],
    ['a<b', 'a b'],
  ])('%j → %j', (input, output) => {
    expect(plainText(input)).toBe(output);
  });
});

describe('safeMarkdown (model output)', () => {
  it.each([
    ['Apply early <b>now</b> [1].', 'Apply early now [1].'],
    ['<script>alert(1)</script>Text', 'alert(1)Text'],
    ['<img src=x onerror=alert(1)>Text <!-- hidden -->', 'Text '],
    ['See [the visa page](https://www.gov.uk/student-visa).', 'See [the visa page](https://www.gov.uk/student-visa).'],
    ['Click [here](javascript:alert(1)) now', 'Click here now'],
    ['A [pixel](data:text/html;base64,PHNjcmlwdD4=) here', 'A pixel here'],
    ['Visit [this site](https://visas-fast.example/apply "Fast")!', 'Visit this site!'],
    ['![tracker](https://www.gov.uk/student-visa)', 'tracker'],
    ['Text\n[1]: https://evil.example\nMore', 'Text\n\nMore'],
    ['Cited twice [1][2].', 'Cited twice [1][2].'],
    ['Text [over\ntwo lines](https://evil.example) end', 'Text over\ntwo lines end'],
    ['See [the guidance [2]](https://evil.example).', 'See the guidance [2].'],
    [
      'See [the visa page [1]](https://www.gov.uk/student-visa).',
      'See [the visa page [1]](https://www.gov.uk/student-visa).',
    ],
    [
      '[x](https://evil.example/a_(b)) and [y]( https://www.gov.uk/student-visa )',
      'x and [y]( https://www.gov.uk/student-visa )',
    ],
    [
      "A [v](https://www.gov.uk/student-visa 'T') or [w](ftp://www.gov.uk/student-visa)",
      "A [v](https://www.gov.uk/student-visa 'T') or w",
    ],
    ['Case: [v](HTTPS://www.gov.uk/student-visa)', 'Case: v'],
    ['A <!-- two\nlines --> B <!DOCTYPE html></div>', 'A  B '],
    ['a < b > c', 'a < b > c'],
    ['  [x]: https://evil.example "t"\nkeep\n\t[y]:\thttps://evil.example', '\nkeep\n'],
    ['see [1]: x', 'see [1]: x'],
  ])('%j → %j', (input, output) => {
    expect(safeMarkdown(input, SOURCES)).toBe(output);
  });

  it('walks nested content and leaves other values alone', () => {
    expect(safeContent({ a: ['<i>x</i>', { b: '[y](javascript:z)' }], n: 3, none: null }, SOURCES)).toEqual({
      a: ['x', { b: 'y' }],
      n: 3,
      none: null,
    });
  });
});
