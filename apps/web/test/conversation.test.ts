import { describe, expect, it } from 'vitest';
import {
  describeProfile,
  monthLabel,
  nextSteps,
  optionLabel,
  shortMonthLabel,
  withAnswer,
} from '../src/chat/conversation.js';

describe('conversation helpers', () => {
  it.each([
    ['UK_ONLY', 'Computer Science in Canada', ['Computer Science in the UK']],
    ['UK_ONLY', 'I want to study nursing in the USA', ['I want to study nursing in the UK']],
    ['UK_ONLY', 'MBA Australia', ['MBA Australia in the UK']],
    ['MULTIPLE_COUNTRIES', 'Law in the UK or Ireland', ['Law in the UK']],
    ['MULTIPLE_SUBJECTS', 'Law and Medicine', ['Law', 'Medicine']],
    ['MULTIPLE_SUBJECTS', 'Physics, Chemistry or Biology / Maths', ['Physics', 'Chemistry', 'Biology']],
    ['NOT_A_SUBJECT', 'hello', ['Nursing', 'MSc Data Science in London', 'Computer Science', 'MBA']],
    ['VALIDATION_ERROR', 'x', []],
  ])('%s for "%s" offers %j', (code, words, labels) => {
    expect(nextSteps(code, words).map((step) => step.label)).toEqual(labels);
  });

  it('labels months, levels and other options', () => {
    expect(monthLabel('2027-09')).toBe('September 2027');
    expect(monthLabel('2027-13')).toBe('2027-13');
    expect(monthLabel('soon')).toBe('soon');
    expect(shortMonthLabel('2027-09')).toBe('Sept 2027');
    expect(shortMonthLabel('2028-01')).toBe('Jan 2028');
    expect(shortMonthLabel('later')).toBe('later');
    expect(optionLabel('intake', '2028-01')).toBe('January 2028');
    expect(optionLabel('level', 'undergraduate')).toBe('Undergraduate (bachelor’s)');
    expect(optionLabel('level', 'foundation')).toBe('foundation');
    expect(optionLabel('city', 'Outside London')).toBe('Outside London');
    expect(optionLabel('intake', 'Not sure')).toBe('Not sure');
  });

  it('leaves a "Not sure" answer out and describes the profile, assuming September without an intake', () => {
    expect(withAnswer({ city: 'London' }, 'intake', 'Not sure')).toEqual({ city: 'London' });
    expect(withAnswer({}, 'intake', '2027-09')).toEqual({ intake: '2027-09' });
    expect(describeProfile({ subject: 'Nursing' }, {})).toBe('Nursing · next September (assumed)');
    expect(
      describeProfile({ subject: 'Nursing' }, { intake: '2028-01' }, { level: 'undergraduate', city: 'Leeds' }),
    ).toBe('Nursing · Undergraduate (bachelor’s) · January 2028 · Leeds');
  });
});
