import { describe, expect, it } from 'vitest';
import { allowedFigures, figureProblems, figuresIn } from '../src/domain/writers/gemini/figure-check.js';

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
  ])('%s', (text, expected) => expect([...figuresIn(text)].sort()).toEqual([...expected].sort()));
});

describe('figureProblems', () => {
  const allowed = allowedFigures('Fee £524; funds £1,529/month × 9 = £13,761; 70% of going rate; course_start 2027-09-01.');
  it('accepts figures written another way and the month of a given day', () => {
    expect(figureProblems('Pay £524, show £13,761 (£1529 a month), new entrants 70%, start 1 September 2027, September 2027.', allowed)).toEqual([]);
  });
  it('names each figure that was not given', () => {
    expect(figureProblems('A fee of £490, 75% and 2 October 2027.', allowed)).toEqual([
      'The figure or date £490 is not in the facts or the timeline you were given: use only those, or leave it out.',
      'The figure or date 75% is not in the facts or the timeline you were given: use only those, or leave it out.',
      'The figure or date 2027-10-02 is not in the facts or the timeline you were given: use only those, or leave it out.',
    ]);
  });
});
