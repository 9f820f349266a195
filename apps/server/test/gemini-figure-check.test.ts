import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as FigureCheck from '../src/domain/writers/gemini/figure-check.js';
let allowedFigures: typeof FigureCheck.allowedFigures;
let figureProblems: typeof FigureCheck.figureProblems;
let figuresIn: typeof FigureCheck.figuresIn;

// Imported afresh so that the module-level patterns are built within this run (Stryker does not reload modules
// between mutant runs, so a pattern built before the mutant was active would hide it).
beforeAll(async () => {
  vi.resetModules();
  ({ allowedFigures, figureProblems, figuresIn } = await import('../src/domain/writers/gemini/figure-check.js'));
});

describe('figuresIn', () => {
  it.each([
    ['£1,529 a month', ['£1529']],
    ['about £1.5k', ['£1500']],
    ['£13,761 and £524', ['£13761', '£524']],
    ['70% of the going rate, or 80 per cent', ['70%', '80%']],
    ['on 1 March 2027', ['2027-03-01']],
    ['by March 1, 2027', ['2027-03-01']],
    ['from September 2027', ['2027-09']],
    ['2027-09-01 and 2027-09', ['2027-09-01', '2027-09']],
    ['in 2027, 20 hours a week', []],
    ['£2m, £1.2bn and £3K', ['£2000000', '£1200000000', '£3000']],
    ['£ 524 or £1.5 k', ['£524', '£1500']],
    ['75percent, 5.5 % and 12.5%', ['75%', '5.5%', '12.5%']],
    ['on 3rd March, 2027 or the 22nd march 2027', ['2027-03-03', '2027-03-22']],
    ['by March 22nd 2027 or september 1st, 2027', ['2027-03-22', '2027-09-01']],
    ['from SEPTEMBER 2027 to January 2028', ['2027-09', '2028-01']],
    ['1 March 2027 and then March 2028', ['2027-03-01', '2028-03']],
    ['31 December 2027', ['2027-12-31']],
    ['£1,529.50 and £0.5m', ['£1529.5', '£500000']],
    ['£10bn, £5 M and £2mn', ['£10000000000', '£5000000', '£2']],
    ['50 percent, 3 per cent and 20%.', ['50%', '3%', '20%']],
    ['on 01 March 2027 or 1 March, 2027', ['2027-03-01']],
    ['March 2027-ish', ['2027-03']],
    ['2027-09-1, 2027-09-01x, x2027-09 and 2027-093', []],
  ])('%s', (text, expected) => expect([...figuresIn(text)].sort()).toEqual([...expected].sort()));
});

describe('allowedFigures', () => {
  it('adds the month of every given day, and nothing for a month alone', () => {
    expect([...allowedFigures('from 2027-09-01; intake 2028-01; £10')].sort()).toEqual(
      ['2027-09', '2027-09-01', '2028-01', '£10'].sort(),
    );
  });
});

describe('figureProblems', () => {
  let allowed: Set<string>;
  beforeAll(() => {
    allowed = allowedFigures('Fee £524; funds £1,529/month × 9 = £13,761; 70% of going rate; course_start 2027-09-01.');
  });
  it('accepts figures written another way and the month of a given day', () => {
    expect(
      figureProblems(
        'Pay £524, show £13,761 (£1529 a month), new entrants 70%, start 1 September 2027, September 2027.',
        allowed,
      ),
    ).toEqual([]);
  });
  it('names each figure that was not given', () => {
    expect(figureProblems('A fee of £490, 75% and 2 October 2027.', allowed)).toEqual([
      'The figure or date £490 is not in the facts or the timeline you were given: use only those, or leave it out.',
      'The figure or date 75% is not in the facts or the timeline you were given: use only those, or leave it out.',
      'The figure or date 2027-10-02 is not in the facts or the timeline you were given: use only those, or leave it out.',
    ]);
  });
});
