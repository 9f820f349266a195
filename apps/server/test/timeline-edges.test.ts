import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  buildTimeline,
  courseLength,
  formatDate,
  formatMonth,
  graduateRuleOn,
  timelineRulesFromFacts,
  type FactLike,
  type GraduateLengthRule,
  type Timeline,
  type TimelineRules,
  type TimelineStepKey,
} from '../src/domain/timeline/index.js';

// The edges of the timeline that `timeline.test.ts` leaves open (found by mutation testing). A file of its own:
// Stryker's incremental results are reused per test file, so the first file's results stay valid.

const FACTS = (
  JSON.parse(readFileSync(new URL('../data/knowledge-base/uk-facts.json', import.meta.url), 'utf8')) as {
    facts: FactLike[];
  }
).facts;

function step(result: Timeline, key: TimelineStepKey) {
  const found = result.steps.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no step ${key}`);
  return found;
}

function rulesOf(facts: FactLike[], today = '2026-12-01'): TimelineRules {
  return timelineRulesFromFacts(facts, today);
}

function graduateRule(from: string | null, until: string | null, months: number): GraduateLengthRule {
  return { from, until, months, doctoralMonths: null, factIds: [`graduate-${months}`] };
}

describe('dates at their edges', () => {
  it('pads a year before 1000 to four digits', () => {
    expect(addMonths('0999-12-15', 1)).toBe('1000-01-15');
    expect(addMonths('0099-03-01', -1)).toBe('0099-02-01');
  });

  it('leaves a month out of range blank instead of writing "undefined"', () => {
    expect(formatDate('2027-13-01')).toBe('1  2027');
    expect(formatMonth('2027-00')).toBe(' 2027');
  });
});

describe('course notes', () => {
  it.each([
    ['Edinburgh', 'a bachelor’s degree in Scotland usually lasts 4 years'],
    ['Leeds', 'a bachelor’s degree usually lasts 3 years (4 in Scotland, or with a placement year)'],
  ])('says how long a bachelor’s in %s lasts', (city, note) => {
    expect(courseLength('undergraduate', city).note).toBe(note);
  });
});

describe('rule wording with two-digit figures and no spaces', () => {
  it('reads funds written without spaces before "consecutive" and "days"', () => {
    const rules = rulesOf([{ id: 'visa-28-day-rule', statement: 'Funds.', value: '28consecutive days; ≤31days' }]);
    expect(rules.funds).toMatchObject({ heldDays: 28, endWithinDays: 31 });
  });

  it('reads a two-digit arrival window', () => {
    const rules = rulesOf([{ id: 'visa-arrival-window', statement: 'You may arrive up to 12 months before.' }]);
    expect(rules.arrival?.months).toBe(12);
  });

  it('reads two-digit extra months of leave', () => {
    const statement =
      'A course of 12 months or more is granted the course length plus 10 months; one of 6 to 11 months gets the course length plus 11 months.';
    const rules = rulesOf([{ id: 'visa-length-of-leave', statement }]);
    expect(rules.leave).toMatchObject({ longFromMonths: 12, longExtraMonths: 10, shortExtraMonths: 11 });
  });

  it.each([
    ['2 years (10 for PhD)', 'Two years.', 120],
    ['2 years', 'PhD graduates keep 10 years.', 120],
    ['2 years', 'PhD graduates keep 1 year.', 12],
  ])('reads the doctoral length in %j / %j', (value, statement, doctoralMonths) => {
    const rules = rulesOf([{ id: 'graduate-length-current', statement, value }]);
    expect(rules.graduate[0]?.doctoralMonths).toBe(doctoralMonths);
  });

  it('keeps a Graduate rule’s own end date when the next rule starts later', () => {
    const rules = rulesOf([
      { id: 'graduate-length-current', statement: 'Two years.', value: '2 years', effective_until: '2026-06-30' },
      { id: 'graduate-18-months', statement: '18 months.', value: '18 months', effective_from: '2027-01-01' },
    ]);
    expect(rules.graduate.map((rule) => rule.until)).toEqual(['2026-06-30', null]);
  });
});

describe('graduateRuleOn', () => {
  const older = graduateRule(null, null, 24);
  const newer = graduateRule('2027-01-01', null, 18);

  it.each([
    ['2026-12-31', [older, newer], 24],
    ['2027-01-01', [older, newer], 18],
    ['2027-06-01', [newer, older], 18],
    ['2026-12-31', [graduateRule(null, '2026-12-31', 24)], 24],
    ['2027-01-01', [graduateRule(null, '2026-12-31', 24)], null],
  ] as const)('on %s picks the rule of %i months', (date, rules, months) => {
    expect(graduateRuleOn(rules, date)?.months ?? null).toBe(months);
  });
});

describe('buildTimeline at its edges', () => {
  it('names no Graduate fact when the facts hold no Graduate rule', () => {
    const rules = rulesOf([{ id: 'graduate-eligibility', statement: 'Eligible.' }]);
    const result = buildTimeline({ today: '2026-12-01', intake: '2027-09', level: 'postgraduate_taught', rules });
    expect(step(result, 'graduate_application').factIds).toEqual(['graduate-eligibility']);
    expect(step(result, 'course_start').factIds).toEqual([]);
    expect(step(result, 'course_end').factIds).toEqual([]);
  });

  it('gives a research student without a months rule the general switch sentence', () => {
    const rules = rulesOf([{ id: 'graduate-switch-restriction', statement: 'Switch once the course ends.' }]);
    const result = buildTimeline({ today: '2026-12-01', intake: '2027-09', level: 'postgraduate_research', rules });
    expect(step(result, 'skilled_worker_switch').text).toBe(
      'A Skilled Worker job can start only after the course end date; you may apply before it while on the Student visa.',
    );
  });

  it('warns only when the decision comes after the start, not on the start day', () => {
    const facts = (days: number): FactLike[] => [
      { id: 'visa-when-to-apply-outside', statement: 'Apply up to 1 month before the course starts.' },
      { id: 'visa-decision-time', statement: `Decisions take ${days} days.` },
    ];
    const on = (days: number) =>
      buildTimeline({
        today: '2027-01-01',
        intake: '2027-09',
        level: 'postgraduate_taught',
        rules: rulesOf(facts(days)),
      });
    expect(step(on(31), 'visa_decision').date).toBe('2027-09-01');
    expect(on(31).warnings).toEqual([]);
    expect(on(32).warnings).toHaveLength(1);
  });

  it('lists changes after today up to the last date, each under the steps it precedes', () => {
    const today = '2026-12-01';
    const facts: FactLike[] = [
      ...FACTS.filter((fact) => !fact.effective_from && !fact.effective_until),
      { id: 'ends-today', statement: 'Ends today.', effective_until: today },
      { id: 'on-course-start', statement: 'On the first day.', effective_from: '2027-09-01' },
      { id: 'on-last-day', statement: 'On the last day.', effective_from: '2028-12-31' },
      { id: 'after-last-day', statement: 'Too late.', effective_from: '2029-01-01' },
    ];
    const result = buildTimeline({
      today,
      intake: '2027-09',
      level: 'postgraduate_taught',
      rules: rulesOf(facts, today),
    });
    expect(step(result, 'graduate_application').until).toBe('2028-12-31');
    expect(result.changes.map((change) => change.factId)).toEqual(['on-course-start', 'on-last-day']);
    expect(step(result, 'course_start').changesBefore.map((change) => change.factId)).toEqual(['on-course-start']);
    expect(step(result, 'visa_decision').changesBefore).toEqual([]);
    expect(step(result, 'graduate_application').changesBefore.map((change) => change.factId)).toEqual([
      'on-course-start',
      'on-last-day',
    ]);
  });
});
