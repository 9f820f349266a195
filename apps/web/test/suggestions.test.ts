import { describe, expect, it } from 'vitest';
import type { Question, QuestionStatus } from '../src/api/questions.js';
import type { ReportProfile } from '../src/api/types.js';
import { earningsQuestion, otherIntake, suggestedQuestions } from '../src/followups/suggestions.js';
import { remainingLabel, remainingOf } from '../src/followups/FollowUps.js';

const profile = (overrides: Partial<ReportProfile> = {}): ReportProfile => ({
  level: null,
  intake: null,
  city: null,
  nationality: null,
  ...overrides,
});

describe('suggested follow-ups', () => {
  it.each([
    [
      'MSc Data Science',
      profile({ level: 'postgraduate_taught', intake: '2027-09', city: 'London' }),
      [
        'Can my family come with me?',
        'What if I study in Manchester instead of London?',
        'What could I earn after studying Data Science?',
      ],
    ],
    [
      'PhD Chemistry',
      profile({ level: 'postgraduate_research', city: 'Edinburgh' }),
      [
        'Can my partner and children come with me during my PhD?',
        'What if I study in London instead of Edinburgh?',
        'What could I earn after studying Chemistry?',
      ],
    ],
    [
      'Nursing',
      profile(),
      [
        'Can my family come with me?',
        'What could I earn after studying Nursing?',
        'How much more would it cost to live in London?',
      ],
    ],
    [
      'MBA',
      null,
      [
        'Can my family come with me?',
        'What could I earn after an MBA?',
        'How much more would it cost to live in London?',
      ],
    ],
    [
      '',
      profile({ intake: '2028-01', city: 'london' }),
      [
        'Can my family come with me?',
        'What if I study in Manchester instead of London?',
        'What if I start in September 2028 instead of January 2028?',
      ],
    ],
  ])('for %j with %j: %j', (subject, given, expected) => {
    expect(suggestedQuestions(subject, given)).toEqual(expected);
  });

  it.each([
    ['MSc in Data Science', 'What could I earn after studying Data Science?'],
    ['BSc Computer Science', 'What could I earn after studying Computer Science?'],
    ['LLM', 'What could I earn after an LLM?'],
    ['PGCE', 'What could I earn after a PGCE?'],
    ['Law', 'What could I earn after studying Law?'],
  ])('asks the earnings of %j as %j', (subject, question) => {
    expect(earningsQuestion(subject)).toBe(question);
  });

  it.each([
    ['2027-09', '2028-01'],
    ['2028-01', '2028-09'],
    ['2027-05', '2027-09'],
    ['soon', null],
  ])('the other intake of %s is %s', (intake, other) => {
    expect(otherIntake(intake)).toBe(other);
  });
});

const asked = (status: QuestionStatus): Question => ({
  question_id: `q-${status}`,
  report_id: 'r-1',
  text: 'x',
  status,
  answer: null,
  citations: null,
  generation_metadata: null,
  created_at: '2026-12-01T10:00:00.000Z',
  answered_at: null,
  error_message: null,
});

describe('the allowance left', () => {
  it.each([
    [{ questions: [], remaining: 4 }, 4],
    [{ questions: [asked('answered'), asked('failed'), asked('answering')], limit: 10 }, 8],
    [{ questions: [], limit: 0 }, 0],
    [{ questions: [] }, null],
  ])('%j leaves %s', (list, left) => {
    expect(remainingOf(list)).toBe(left);
  });

  it('says it in words under the input', () => {
    expect(remainingLabel(null)).toBe(
      'Questions about studying or working in the UK, answered from the same dated sources as the report.',
    );
    expect(remainingLabel(1)).toMatch(/One more follow-up question is included with this report\.$/);
    expect(remainingLabel(8)).toMatch(/8 more follow-up questions are included with this report\.$/);
  });
});
