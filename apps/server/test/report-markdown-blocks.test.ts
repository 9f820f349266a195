import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Blocks from '../src/domain/report/markdown-blocks.js';
import type * as Headings from '../src/domain/report/headings.js';
import { SECTIONS } from '../src/domain/report/sections.js';

let listItems: typeof Blocks.listItems;
let splitSubsections: typeof Blocks.splitSubsections;
let parseHeadingLine: typeof Headings.parseHeadingLine;
let sectionForHeading: typeof Headings.sectionForHeading;
let headingNamesSubheading: typeof Headings.headingNamesSubheading;

// Imported afresh so that the module-level patterns are built within this run (Stryker does not reload modules
// between mutant runs, so a pattern built before the mutant was active would hide it).
beforeAll(async () => {
  vi.resetModules();
  ({ listItems, splitSubsections } = await import('../src/domain/report/markdown-blocks.js'));
  ({ parseHeadingLine, sectionForHeading, headingNamesSubheading } = await import('../src/domain/report/headings.js'));
});

describe('heading lines', () => {
  it.each([
    ['# A', { level: 1, text: 'A' }],
    ['   ###### Six', { level: 6, text: 'Six' }],
    ['##\tTabbed', { level: 2, text: 'Tabbed' }],
    ['## Closed ##  ', { level: 2, text: 'Closed' }],
    ['## C# ## \r', { level: 2, text: 'C#' }],
  ])('%j is a heading', (line, heading) => {
    expect(parseHeadingLine(line)).toEqual(heading);
  });

  it.each(['    ## Indented code', 'Text # not a heading', '##', '##   ', ''])('%j is not a heading', (line) => {
    expect(parseHeadingLine(line)).toBeNull();
  });

  it.each([
    ['   ## Risks & Reality Check', 'risks_reality_check'],
    ['## Part 4: Visa & Immigration Overview', 'visa_immigration'],
    ['## 10. Sources & Citations', 'sources'],
    ['### Sources and Citations', 'sources'],
  ])('%j starts %s', (line, key) => {
    expect(sectionForHeading(line)?.key).toBe(key);
  });

  it.each(['## Chapter 4: Visa & Immigration Overview', '## 100 Sources & Citations', '## Sources & Citations2'])(
    '%j starts no section',
    (line) => {
      expect(sectionForHeading(line)).toBeNull();
    },
  );

  it.each([
    ['First 30 Days', '30 Days', true],
    ['2. 60 days', '60 Days', true],
    ['Living Costs (London)', 'Living Costs', true],
    ['130 Days', '30 Days', false],
    ['Living Costsheet', 'Living Costs', false],
  ])('%j names %j: %s', (heading, title, expected) => {
    expect(headingNamesSubheading(heading, title)).toBe(expected);
  });
});

describe('list items', () => {
  it('reads indented items, two-digit numbers and continuation lines, and drops empty items', () => {
    const text = [
      'Intro line.',
      '   - indented three',
      '10. ten',
      '11) eleven',
      '  continued',
      '',
      'not a continuation',
      '-\tafter a tab',
      '- ',
      '',
      '    - four spaces is not an item',
    ].join('\n');
    expect(listItems(text)).toEqual(['indented three', 'ten', 'eleven continued', 'after a tab']);
  });

  it('needs a space after the marker and at most two digits', () => {
    expect(listItems('-dash\n100. hundred\n1.one\n*star*')).toEqual([]);
  });
});

describe('sub-sections', () => {
  const costs = SECTIONS.find((s) => s.key === 'estimated_costs')!;

  it('gives text before the first sub-heading to it, and keeps a repeated sub-heading as text', () => {
    const { values, missing } = splitSubsections(
      'Intro.\r\n### Living Costs\r\n£1,000\r\n### Tuition Ranges\r\n£20,000\r\n### Living Costs\r\nagain',
      costs,
    );
    expect(values).toEqual({
      living_costs: 'Intro.\n£1,000',
      tuition_ranges: '£20,000\n### Living Costs\nagain',
    });
    expect(missing).toEqual([]);
  });

  it('lists the sub-headings that do not appear', () => {
    const { values, missing } = splitSubsections('No sub-headings at all.', costs);
    expect(values).toEqual({});
    expect(missing.map((s) => s.key)).toEqual(['tuition_ranges', 'living_costs']);
  });
});
