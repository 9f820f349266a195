import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { StudyLevel } from '../src/domain/profile/types.js';
import {
  addDays,
  addMonths,
  buildTimeline,
  formatDate,
  formatMonth,
  futureChanges,
  nextSeptember,
  timelineForProfile,
  timelineRulesFromFacts,
  type FactLike,
  type Timeline,
  type TimelineStepKey,
} from '../src/domain/timeline/index.js';
import { firstDays, firstMonths } from '../src/domain/timeline/rules.js';

const FACTS = (
  JSON.parse(readFileSync(new URL('../data/knowledge-base/uk-facts.json', import.meta.url), 'utf8')) as {
    facts: FactLike[];
  }
).facts;

function timeline(today: string, intake: string, level: StudyLevel, city: string | null = null): Timeline {
  return buildTimeline({ today, intake, level, city, rules: timelineRulesFromFacts(FACTS, today) });
}

function step(result: Timeline, key: TimelineStepKey) {
  const found = result.steps.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no step ${key}`);
  return found;
}

describe('buildTimeline: MSc in London from September 2027, written on 1 December 2026', () => {
  // Computed inside each test, never while the file is collected: Stryker then knows which test covers which code.
  const london = (): Timeline => timeline('2026-12-01', '2027-09', 'postgraduate_taught', 'London');

  it.each([
    ['visa_window_opens', '2027-03-01', '2027-09-01'],
    ['funds_held', '2027-02-01', '2027-02-28'],
    ['tb_test', '2026-12-01', '2027-03-01'],
    ['visa_decision', '2027-03-22', null],
    ['travel', '2027-08-01', '2027-09-01'],
    ['course_start', '2027-09-01', null],
    ['course_end', '2028-08-31', null],
    ['graduate_application', '2028-09-01', '2028-12-31'],
    ['skilled_worker_switch', '2028-09-01', null],
  ] as const)('%s runs from %s until %s', (key, date, until) => {
    expect(step(london(), key)).toMatchObject({ date, until, unknown: null });
  });

  it('rests each rule-based step on its fact ids', () => {
    const result = london();
    expect(step(result, 'visa_window_opens').factIds).toEqual(['visa-when-to-apply-outside', 'visa-cas-required']);
    expect(step(result, 'funds_held').factIds).toEqual(['visa-28-day-rule']);
    expect(step(result, 'tb_test').factIds).toEqual(['visa-tb-test', 'visa-tb-validity']);
    expect(step(result, 'visa_decision').factIds).toEqual(['visa-decision-time']);
    expect(step(result, 'visa_decision').text).toContain('about 3 weeks');
    expect(step(result, 'travel').text).toContain('up to 1 month before');
    expect(step(result, 'travel').factIds).toEqual(['visa-arrival-window']);
    expect(step(result, 'graduate_application').factIds).toEqual([
      'graduate-eligibility',
      'visa-length-of-leave',
      'graduate-18-months',
    ]);
    expect(step(result, 'skilled_worker_switch').factIds).toEqual(['graduate-switch-restriction']);
  });

  it('gives the 18-month Graduate route in force when this student applies', () => {
    const result = london();
    expect(result.graduateLength).toEqual({ months: 18, factIds: ['graduate-18-months'] });
    expect(step(result, 'graduate_application').text).toContain('lasts 18 months');
    expect(step(result, 'graduate_application').text).toContain('before your Student visa ends on 31 December 2028');
  });

  it('names the National Living Wage change of 1 April 2027 before the steps it precedes', () => {
    const result = london();
    const nlw = result.changes.find((change) => change.factId === 'fallback-nlw-2027-pending');
    expect(nlw).toMatchObject({ date: '2027-04-01', kind: 'starts' });
    expect(nlw?.notice).toMatch(/^From 1 April 2027: /u);
    expect(result.changeNote).toContain('today’s until then');
    expect(step(result, 'funds_held').changesBefore.map((change) => change.factId)).not.toContain(
      'fallback-nlw-2027-pending',
    );
    expect(step(result, 'travel').changesBefore.map((change) => change.factId)).toContain('fallback-nlw-2027-pending');
    expect(step(result, 'funds_held').changesBefore.map((change) => change.factId)).toContain('graduate-18-months');
  });

  it('says what it assumed and warns of nothing', () => {
    const result = london();
    expect(result.assumptions[0]).toContain('1 September 2027');
    expect(result.assumptions[1]).toContain('12 months');
    expect(result.warnings).toEqual([]);
    expect(result).toMatchObject({ courseStart: '2027-09-01', courseEnd: '2028-08-31', courseMonths: 12 });
  });
});

describe('buildTimeline: the Graduate route change of 1 January 2027', () => {
  it.each([
    // [today, intake, level, first application day, months in force then, Student visa end]
    ['2025-06-01', '2025-09', 'postgraduate_taught', '2026-09-01', 24, '2026-12-31'],
    ['2025-06-01', '2025-12', 'postgraduate_taught', '2026-12-01', 24, '2027-03-30'],
    ['2025-06-01', '2026-01', 'postgraduate_taught', '2027-01-01', 18, '2027-04-30'],
    ['2026-12-01', '2027-09', 'undergraduate', '2030-09-01', 18, '2030-12-31'],
    ['2023-06-01', '2023-09', 'postgraduate_research', '2026-09-01', 36, '2026-12-31'],
    ['2024-06-01', '2024-09', 'postgraduate_research', '2027-09-01', 36, '2027-12-31'],
  ] as const)(
    'today %s, intake %s, %s: applies from %s for %i months',
    (today, intake, level, from, months, visaEnd) => {
      const result = timeline(today, intake, level);
      expect(step(result, 'graduate_application')).toMatchObject({ date: from, until: visaEnd });
      expect(result.graduateLength?.months).toBe(months);
    },
  );

  it('says when the window straddles the change that applying from 1 January 2027 gives 18 months', () => {
    const text = step(timeline('2025-06-01', '2025-12', 'postgraduate_taught'), 'graduate_application').text;
    expect(text).toContain('lasts 2 years');
    expect(text).toContain('Applications from 1 January 2027 get 18 months');
  });

  it('uses the current rule, and leaves out a change that comes after the last date', () => {
    const result = timeline('2025-06-01', '2025-09', 'postgraduate_taught');
    expect(result.graduateLength?.factIds).toEqual(['graduate-length-current']);
    expect(result.changes.map((change) => change.factId)).not.toContain('graduate-18-months');
    expect(timeline('2025-06-01', '2025-12', 'postgraduate_taught').changes.map((change) => change.factId)).toContain(
      'graduate-18-months',
    );
  });
});

describe('buildTimeline: an April rate change on either side of today', () => {
  it('lists the 1 April 2027 change when written before it', () => {
    const ids = timeline('2027-03-31', '2027-09', 'postgraduate_taught').changes.map((change) => change.factId);
    expect(ids).toContain('fallback-nlw-2027-pending');
  });

  it('drops it once it has happened', () => {
    const ids = timeline('2027-04-01', '2027-09', 'postgraduate_taught').changes.map((change) => change.factId);
    expect(ids).not.toContain('fallback-nlw-2027-pending');
    expect(ids).toContain('tuition-international-levy');
  });
});

describe('buildTimeline: course length by level and place', () => {
  it.each([
    ['undergraduate', 'Manchester', 36, '2030-08-31'],
    ['undergraduate', 'Edinburgh', 48, '2031-08-31'],
    ['undergraduate', null, 36, '2030-08-31'],
    ['postgraduate_taught', 'Glasgow', 12, '2028-08-31'],
    ['postgraduate_research', 'St Andrews', 36, '2030-08-31'],
  ] as const)('%s in %s lasts %i months', (level, city, months, end) => {
    const result = timeline('2026-12-01', '2027-09', level, city);
    expect(result.courseMonths).toBe(months);
    expect(result.courseEnd).toBe(end);
  });

  it('lets a research student switch to Skilled Worker after 24 months of study', () => {
    const result = timeline('2026-12-01', '2027-09', 'postgraduate_research');
    expect(step(result, 'skilled_worker_switch').date).toBe('2029-09-01');
    expect(result.assumptions[1]).toContain('3 years are assumed');
  });
});

describe('buildTimeline: a start too soon', () => {
  it('moves the application to 28 days of funds from today and warns that the decision comes after the start', () => {
    const result = timeline('2026-12-01', '2027-01', 'postgraduate_taught');
    expect(step(result, 'visa_window_opens').date).toBe('2026-12-29');
    expect(step(result, 'visa_window_opens').text).toContain('1 July 2026');
    expect(step(result, 'funds_held').date).toBe('2026-12-01');
    expect(result.warnings[0]).toContain('after the course starts on 1 January 2027');
  });
});

describe('buildTimeline: no step before its window opens', () => {
  const todays = ['2026-12-01', '2027-02-15', '2027-06-30'];
  const intakes = ['2027-09', '2028-01', '2028-09', '2029-09'];
  const levels: StudyLevel[] = ['undergraduate', 'postgraduate_taught', 'postgraduate_research'];
  // Three months on by the calendar, here rather than with `addMonths`, which must not run while the file is collected.
  const threeMonthsOn = (today: string): string => {
    const date = new Date(`${today}T00:00:00Z`);
    date.setUTCMonth(date.getUTCMonth() + 3);
    return date.toISOString().slice(0, 10);
  };
  const cases = todays.flatMap((today) =>
    intakes
      .filter((intake) => `${intake}-01` > threeMonthsOn(today))
      .flatMap((intake) => levels.map((level) => [today, intake, level] as const)),
  );

  it.each(cases)('today %s, intake %s, %s', (today, intake, level) => {
    const result = timeline(today, intake, level);
    const start = `${intake}-01`;
    const at = (key: TimelineStepKey): string => step(result, key).date!;
    for (const entry of result.steps) {
      expect(entry.date! >= today).toBe(true);
      if (entry.until) expect(entry.date! <= entry.until).toBe(true);
    }
    expect(at('visa_window_opens') >= addMonths(start, -6)).toBe(true);
    expect(at('tb_test') >= addMonths(at('visa_window_opens'), -6)).toBe(true);
    expect(at('funds_held') >= addDays(at('visa_window_opens'), -28)).toBe(true);
    expect(at('travel') >= addMonths(start, -1)).toBe(true);
    expect(at('travel') >= at('visa_decision')).toBe(true);
    expect(at('graduate_application') > result.courseEnd).toBe(true);
    expect(result.steps.map((entry) => entry.date)).toEqual([...result.steps.map((entry) => entry.date)].sort());
  });
});

describe('buildTimeline: rules the facts do not hold', () => {
  it('leaves those dates unknown and says so', () => {
    const result = buildTimeline({
      today: '2026-12-01',
      intake: '2027-09',
      level: 'postgraduate_taught',
      rules: timelineRulesFromFacts([], '2026-12-01'),
    });
    for (const key of [
      'visa_window_opens',
      'funds_held',
      'tb_test',
      'visa_decision',
      'travel',
      'skilled_worker_switch',
    ] as const) {
      expect(step(result, key)).toMatchObject({ date: null, factIds: [] });
      expect(step(result, key).unknown).toContain('no rule');
    }
    expect(step(result, 'graduate_application').until).toBeNull();
    expect(result.graduateLength).toBeNull();
    expect(step(result, 'course_start')).toMatchObject({ date: '2027-09-01', unknown: null });
    expect(result.changes).toEqual([]);
    expect(result.changeNote).toBe('');
  });

  it('ignores wording it cannot read instead of guessing a number', () => {
    const facts: FactLike[] = [
      { id: 'visa-when-to-apply-outside', statement: 'Apply early.', value: 'soon' },
      { id: 'visa-28-day-rule', statement: 'Hold the money for a while.' },
      { id: 'visa-decision-time', statement: 'Decisions vary.' },
      { id: 'visa-arrival-window', statement: 'Arrive before the start.' },
      { id: 'visa-length-of-leave', statement: 'Your visa covers the course.' },
      { id: 'graduate-length-current', statement: 'A Graduate visa lasts a while.' },
    ];
    const rules = timelineRulesFromFacts(facts, '2026-12-01');
    expect(rules).toMatchObject({
      visaWindow: null,
      funds: null,
      decision: null,
      arrival: null,
      leave: null,
      graduate: [],
    });
  });

  it('reads a rule end date (effective_until) as a change and as the end of that rule', () => {
    const facts: FactLike[] = [
      {
        id: 'graduate-length-current',
        statement: 'Two years.',
        value: '2 years (3 for PhD)',
        effective_until: '2026-12-31',
      },
      {
        id: 'graduate-18-months',
        statement: 'Eighteen months; PhD graduates keep 3 years.',
        value: '18 months',
        effective_from: '2027-01-01',
      },
    ];
    const rules = timelineRulesFromFacts(facts, '2026-12-01');
    expect(rules.graduate).toEqual([
      { from: null, until: '2026-12-31', months: 24, doctoralMonths: 36, factIds: ['graduate-length-current'] },
      { from: '2027-01-01', until: null, months: 18, doctoralMonths: 36, factIds: ['graduate-18-months'] },
    ]);
    expect(futureChanges(facts, '2026-12-01').map((change) => change.factId)).toEqual([
      'graduate-length-current',
      'graduate-18-months',
    ]);
    const straddling = buildTimeline({ today: '2026-12-01', intake: '2027-01', level: 'postgraduate_taught', rules });
    expect(straddling.changes[0]?.notice).toMatch(/^Until 31 December 2026: /u);
    expect(rules.changes.map((change) => [change.date, change.kind])).toEqual([
      ['2026-12-31', 'ends'],
      ['2027-01-01', 'starts'],
    ]);
  });
});

describe('dates', () => {
  it.each([
    ['2027-08-31', 6, '2028-02-29'],
    ['2027-03-31', -1, '2027-02-28'],
    ['2027-01-15', -13, '2025-12-15'],
    ['2027-09-01', 12, '2028-09-01'],
  ] as const)('%s + %i months = %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it('adds days and writes dates in words', () => {
    expect(addDays('2027-03-01', -28)).toBe('2027-02-01');
    expect(formatDate('2027-04-01')).toBe('1 April 2027');
    expect(formatMonth('2027-09')).toBe('September 2027');
  });
});

describe('timelineForProfile', () => {
  it('assumes the next September and a taught master’s when the student was not sure, and says so', () => {
    const { timeline: result, assumed } = timelineForProfile(
      { level: null, intake: null, city: null, nationality: null },
      '2026-12-01',
      FACTS,
    );
    expect(result).toMatchObject({ intake: '2027-09', level: 'postgraduate_taught', courseMonths: 12 });
    expect(assumed).toEqual([
      'You did not give an intake: the dates assume the course starts in September 2027.',
      'You did not give a level: the dates assume a 12-month taught master’s.',
    ]);
  });

  it.each([
    ['2026-12-01', '2027-09'],
    ['2027-08-31', '2027-09'],
    ['2027-09-01', '2028-09'],
  ])('on %s the next September is %s', (today, september) => {
    expect(nextSeptember(today)).toBe(september);
  });

  it('takes the subject’s own course length where the knowledge base records one, and cites it', () => {
    const course = { months: 24, note: 'a 2-year course', factIds: ['course-physio'] };
    const { timeline: result, assumed } = timelineForProfile(
      { level: null, intake: '2027-09', city: null, nationality: null },
      '2026-12-01',
      FACTS,
      course,
    );
    expect(result).toMatchObject({ courseMonths: 24, courseEnd: '2029-08-31', course });
    expect(step(result, 'course_start')).toMatchObject({
      text: 'The course starts (a 2-year course).',
      factIds: ['course-physio'],
    });
    expect(step(result, 'course_end')).toMatchObject({
      text: 'The course ends after 2 years.',
      factIds: ['course-physio'],
    });
    expect(step(result, 'graduate_application')).toMatchObject({ date: '2029-09-01', until: '2029-12-31' });
    expect(assumed).toEqual([
      'You did not give a level: the dates assume a taught master’s (a 2-year course; see Study Options).',
    ]);
    // Without one, the level's usual length, and no facts behind the course dates.
    const usual = timelineForProfile(
      { level: null, intake: '2027-09', city: null, nationality: null },
      '2026-12-01',
      FACTS,
    );
    expect(usual.timeline.course).toEqual({ months: 12, note: 'a taught master’s usually lasts 12 months' });
    expect(step(usual.timeline, 'course_end').factIds).toEqual([]);
  });

  it('uses the profile as given, a Scottish city making a bachelor’s 4 years', () => {
    const { timeline: result, assumed } = timelineForProfile(
      { level: 'undergraduate', intake: '2028-01', city: 'Glasgow', nationality: 'LK' },
      '2026-12-01',
      FACTS,
    );
    expect(result).toMatchObject({ intake: '2028-01', courseMonths: 48, courseEnd: '2031-12-31' });
    expect(assumed).toEqual([]);
  });
});

/**
 * The timeline modules imported afresh inside the test, so that their module-level tables (the Scottish places, the
 * month units, the fact ids, the unknown-date sentence) are evaluated within the run: Stryker does not reload
 * modules between mutant runs of a server scope, so only a fresh import sees a mutant of them.
 */
async function freshCourse() {
  vi.resetModules();
  return import('../src/domain/timeline/course.js');
}

async function freshRules() {
  vi.resetModules();
  return import('../src/domain/timeline/rules.js');
}

async function freshBuild() {
  vi.resetModules();
  return import('../src/domain/timeline/timeline.js');
}

describe('the timeline modules’ own tables, imported afresh', () => {
  it.each([
    'Edinburgh',
    'Glasgow',
    'Aberdeen',
    'Dundee',
    'Stirling',
    'St Andrews',
    'Inverness',
    'Paisley',
    'Perth',
    'Scottish Highlands',
    ' scotland ',
  ])('reads %j as a Scottish place with a 4-year bachelor’s', async (city) => {
    const { isScottish, courseLength } = await freshCourse();
    expect(isScottish(city)).toBe(true);
    expect(courseLength('undergraduate', city).months).toBe(48);
  });

  it.each(['London', 'Cardiff', 'Belfast', '', null, undefined])('reads %j as not Scottish', async (city) => {
    const { isScottish, courseLength } = await freshCourse();
    expect(isScottish(city)).toBe(false);
    expect(courseLength('undergraduate', city).months).toBe(36);
  });

  it.each([
    ['visa-cas-required', 'cas'],
    ['visa-tb-test', 'tbRequired'],
    ['graduate-eligibility', 'graduateApplication'],
  ] as const)('reads the fact %s as the %s rule', async (id, key) => {
    const { timelineRulesFromFacts } = await freshRules();
    const rules = timelineRulesFromFacts([{ id, statement: 'Present.' }], '2026-12-01');
    expect(rules[key]).toEqual({ factIds: [id] });
  });

  it.each([
    ['visa-when-to-apply-outside', 'visaWindow', '6 months before', { months: 6 }],
    ['visa-tb-validity', 'tbValidity', 'valid for 6 months', { months: 6 }],
    ['visa-arrival-window', 'arrival', 'You may arrive up to 1 month before the course.', { months: 1 }],
    ['visa-decision-time', 'decision', 'about 3 weeks', { days: 21 }],
    ['visa-28-day-rule', 'funds', '28 consecutive days, within 31 days', { heldDays: 28, endWithinDays: 31 }],
    [
      'visa-length-of-leave',
      'leave',
      'A course of 12 months or more is granted the course length plus 4 months.',
      { longFromMonths: 12, longExtraMonths: 4, shortExtraMonths: null },
    ],
    [
      'graduate-switch-restriction',
      'switchRule',
      'Research students may switch after 24 months of study.',
      { researchAfterMonths: 24 },
    ],
  ] as const)('reads the fact %s as the %s rule', async (id, key, statement, expected) => {
    const { timelineRulesFromFacts } = await freshRules();
    const rules = timelineRulesFromFacts([{ id, statement }], '2026-12-01');
    expect(rules[key]).toEqual({ ...expected, factIds: [id] });
  });

  it.each([
    ['graduate-length-current', '2 years', 24],
    ['graduate-18-months', '18 months', 18],
  ] as const)('reads the fact %s as a Graduate length', async (id, value, months) => {
    const { timelineRulesFromFacts } = await freshRules();
    const rules = timelineRulesFromFacts([{ id, statement: 'The Graduate route.', value }], '2026-12-01');
    expect(rules.graduate).toEqual([{ from: null, until: null, months, doctoralMonths: null, factIds: [id] }]);
  });

  it.each([
    ['1 year', 12],
    ['3 years', 36],
    ['1 month', 1],
    ['18 Months', 18],
    ['2 YEARS', 24],
  ] as const)('reads %j as %i months', async (value, months) => {
    const { timelineRulesFromFacts } = await freshRules();
    const rules = timelineRulesFromFacts([{ id: 'visa-tb-validity', statement: '', value }], '2026-12-01');
    expect(rules.tbValidity?.months).toBe(months);
  });

  it('says a date is unknown in words', async () => {
    const { buildTimeline: fresh } = await freshBuild();
    const result = fresh({
      today: '2026-12-01',
      intake: '2027-09',
      level: 'postgraduate_taught',
      rules: timelineRulesFromFacts([], '2026-12-01'),
    });
    expect(step(result, 'travel').unknown).toBe('the knowledge base holds no rule for this date, so it is not given');
  });
});

describe('buildTimeline: every title and sentence a student reads', () => {
  const texts = (result: Timeline): (readonly [TimelineStepKey, string, string])[] =>
    result.steps.map((entry) => [entry.key, entry.title, entry.text] as const);

  it('writes the London MSc’s steps in date order, each with its rule’s figures', () => {
    expect(texts(timeline('2026-12-01', '2027-09', 'postgraduate_taught'))).toEqual([
      [
        'tb_test',
        'TB test',
        'Take the TB test at a Home Office-approved clinic no earlier than this, so the certificate (valid 6 months) is still valid when you apply.',
      ],
      [
        'funds_held',
        'Hold the money for 28 days',
        'Keep the unpaid first-year tuition and the living-cost funds in the account every day for 28 consecutive days; the period must end no more than 31 days before you apply.',
      ],
      [
        'visa_window_opens',
        'Apply for the Student visa (CAS first)',
        'You can apply from outside the UK from 1 March 2027, 6 months before the course starts, once the university has issued your CAS.',
      ],
      ['visa_decision', 'Visa decision expected', 'Decisions from outside the UK usually take about 3 weeks.'],
      ['travel', 'Travel to the UK', 'You can arrive up to 1 month before the course starts.'],
      ['course_start', 'Course starts', 'The course starts (a taught master’s usually lasts 12 months).'],
      ['course_end', 'Course ends', 'The course ends after 1 year.'],
      [
        'graduate_application',
        'Graduate visa application',
        'Apply for the Graduate visa from inside the UK once the university reports that you completed; the Graduate visa in force then lasts 18 months. Apply before your Student visa ends on 31 December 2028.',
      ],
      [
        'skilled_worker_switch',
        'First Skilled Worker start date',
        'A Skilled Worker job can start only after the course end date; you may apply before it while on the Student visa.',
      ],
    ]);
  });

  it('writes a research student’s too-soon January start: later application, switch after 24 months, warning', () => {
    const result = timeline('2026-12-01', '2027-01', 'postgraduate_research');
    expect(texts(result)).toEqual([
      [
        'funds_held',
        'Hold the money for 28 days',
        'Keep the unpaid first-year tuition and the living-cost funds in the account every day for 28 consecutive days; the period must end no more than 31 days before you apply.',
      ],
      [
        'tb_test',
        'TB test',
        'Take the TB test at a Home Office-approved clinic no earlier than this, so the certificate (valid 6 months) is still valid when you apply.',
      ],
      [
        'visa_window_opens',
        'Apply for the Student visa (CAS first)',
        'You can apply from outside the UK from 1 July 2026, 6 months before the course starts, once the university has issued your CAS; the earliest you can apply with funds held from today is 29 December 2026.',
      ],
      [
        'course_start',
        'Course starts',
        'The course starts (a research degree takes 3 to 4 years; 3 years are assumed here).',
      ],
      ['visa_decision', 'Visa decision expected', 'Decisions from outside the UK usually take about 3 weeks.'],
      ['travel', 'Travel to the UK', 'You can arrive up to 1 month before the course starts.'],
      [
        'skilled_worker_switch',
        'First Skilled Worker start date',
        'Research students may switch to Skilled Worker after 24 months of study.',
      ],
      ['course_end', 'Course ends', 'The course ends after 3 years.'],
      [
        'graduate_application',
        'Graduate visa application',
        'Apply for the Graduate visa from inside the UK once the university reports that you completed; the Graduate visa in force then lasts 3 years. Apply before your Student visa ends on 30 April 2030.',
      ],
    ]);
    expect(result.warnings).toEqual([
      'Applying on 29 December 2026, the visa decision is expected around 19 January 2027, after the course starts on 1 January 2027: ask the university about a later start or choose the next intake.',
    ]);
    expect(result.assumptions).toEqual([
      'Dates assume the course starts on 1 January 2027; your CAS gives the real start date and every date here moves with it.',
      'The course length: a research degree takes 3 to 4 years; 3 years are assumed here.',
    ]);
    expect(result.changeNote).toBe(
      'Figures are those in force on 1 December 2026; the rules below change before your last date, and a figure they change is today’s until then.',
    );
  });

  it('writes the general sentences when the facts hold no rules, the unknown dates last', () => {
    const result = buildTimeline({
      today: '2026-12-01',
      intake: '2027-09',
      level: 'postgraduate_taught',
      rules: timelineRulesFromFacts([], '2026-12-01'),
    });
    expect(texts(result)).toEqual([
      ['course_start', 'Course starts', 'The course starts (a taught master’s usually lasts 12 months).'],
      ['course_end', 'Course ends', 'The course ends after 1 year.'],
      [
        'graduate_application',
        'Graduate visa application',
        'Apply for the Graduate visa from inside the UK once the university reports that you completed.',
      ],
      [
        'visa_window_opens',
        'Apply for the Student visa (CAS first)',
        'Apply for the Student visa once the university has issued your CAS.',
      ],
      ['funds_held', 'Hold the money for 28 days', 'Hold the required money before applying.'],
      ['tb_test', 'TB test', 'Take the TB test at a Home Office-approved clinic before you apply.'],
      ['visa_decision', 'Visa decision expected', 'Wait for the decision before booking travel.'],
      ['travel', 'Travel to the UK', 'Arrive before the course starts.'],
      [
        'skilled_worker_switch',
        'First Skilled Worker start date',
        'A Skilled Worker job can start only after the course end date; you may apply before it while on the Student visa.',
      ],
    ]);
    // The application and travel still end when the course starts; the other unknown steps have no last day.
    expect(result.steps.map((entry) => entry.until)).toEqual([
      null,
      null,
      null,
      '2027-09-01',
      null,
      null,
      null,
      '2027-09-01',
      null,
    ]);
  });
});

describe('reading the rules’ wording', () => {
  it.each([
    ['6 months', 6],
    ['6months', 6],
    ['1 month', 1],
    ['2 years', 24],
    ['1 Year', 12],
    ['18 MONTHS', 18],
    ['within 12 months of study', 12],
    ['6 monthly', null],
    ['six months', null],
    ['', null],
    [null, null],
  ] as const)('firstMonths(%j) is %j', (text, months) => {
    expect(firstMonths(text)).toBe(months);
  });

  it.each([
    ['3 weeks', 21],
    ['1 week', 7],
    ['2Weeks', 14],
    ['15 days', 15],
    ['1 day', 1],
    ['10 DAYS', 10],
    ['3 weekly', null],
    ['a few days', null],
    [undefined, null],
  ] as const)('firstDays(%j) is %j', (text, days) => {
    expect(firstDays(text)).toBe(days);
  });

  it.each([
    ['28 consecutive days; end date ≤31 days before applying', 28, 31],
    ['held for 28 consecutive days, ending within 31 days of applying', 28, 31],
    ['90 Consecutive Days, ≤ 14 days', 90, 14],
  ] as const)('reads the funds rule in %j', (value, heldDays, endWithinDays) => {
    const rules = timelineRulesFromFacts([{ id: 'visa-28-day-rule', statement: 'Funds.', value }], '2026-12-01');
    expect(rules.funds).toEqual({ heldDays, endWithinDays, factIds: ['visa-28-day-rule'] });
  });

  it.each([
    ['You can arrive up to 1 month before the course starts.', 1],
    ['Students may arrive up to 2 months before the start.', 2],
    ['You can ARRIVE UP TO 7 days before.', null],
  ] as const)('reads the arrival window in %j', (statement, months) => {
    const rules = timelineRulesFromFacts([{ id: 'visa-arrival-window', statement }], '2026-12-01');
    expect(rules.arrival).toEqual(months === null ? null : { months, factIds: ['visa-arrival-window'] });
  });

  it('reads a long course’s and a short course’s extra months of leave', () => {
    const statement =
      'A course of 12 months or more is granted the course length plus 4 months; one of 6 to 11 months gets the course length plus 2 months.';
    const rules = timelineRulesFromFacts([{ id: 'visa-length-of-leave', statement }], '2026-12-01');
    expect(rules.leave).toEqual({
      longFromMonths: 12,
      longExtraMonths: 4,
      shortExtraMonths: 2,
      factIds: ['visa-length-of-leave'],
    });
  });

  it('gives a short course the short extra months, and a long one the long', () => {
    const statement =
      'A course of 13 months or more is granted the course length plus 4 months; one of 6 to 12 months gets the course length plus 2 months.';
    const rules = {
      ...timelineRulesFromFacts(FACTS, '2026-12-01'),
      leave: timelineRulesFromFacts([{ id: 'visa-length-of-leave', statement }], '2026-12-01').leave,
    };
    const short = buildTimeline({ today: '2026-12-01', intake: '2027-09', level: 'postgraduate_taught', rules });
    expect(step(short, 'graduate_application').until).toBe('2028-10-31');
    const long = buildTimeline({ today: '2026-12-01', intake: '2027-09', level: 'undergraduate', rules });
    expect(step(long, 'graduate_application').until).toBe('2030-12-31');
  });

  it('reads the doctoral length of each Graduate rule from its own wording', () => {
    const facts: FactLike[] = [
      { id: 'graduate-length-current', statement: 'Two years.', value: '2 years (3 for PhD)' },
      {
        id: 'graduate-18-months',
        statement: 'Eighteen months; PhD graduates keep 2 years.',
        value: '18 months',
        effective_from: '2027-01-01',
      },
    ];
    const rules = timelineRulesFromFacts(facts, '2026-12-01');
    expect(rules.graduate.map((rule) => [rule.months, rule.doctoralMonths, rule.until])).toEqual([
      [24, 36, '2026-12-31'],
      [18, 24, null],
    ]);
    const inherited = timelineRulesFromFacts([facts[0], { ...facts[1], statement: 'Eighteen months.' }], '2026-12-01');
    expect(inherited.graduate.map((rule) => rule.doctoralMonths)).toEqual([36, 36]);
  });

  it.each([
    ['Research students may switch after 24 months of study.', 24],
    ['Students may switch once the course is complete.', null],
  ] as const)('reads the switch rule in %j', (statement, researchAfterMonths) => {
    const rules = timelineRulesFromFacts([{ id: 'graduate-switch-restriction', statement }], '2026-12-01');
    expect(rules.switchRule).toEqual({ researchAfterMonths, factIds: ['graduate-switch-restriction'] });
  });

  it('lists a rule starting after today but not today, and one ending today or later, by date then id', () => {
    const facts: FactLike[] = [
      { id: 'b-starts-today', statement: 'B.', effective_from: '2026-12-01' },
      { id: 'c-starts-tomorrow', statement: 'C.', effective_from: '2026-12-02' },
      { id: 'a-starts-tomorrow', statement: 'A.', effective_from: '2026-12-02' },
      { id: 'd-ends-today', statement: 'D.', effective_until: '2026-12-01' },
      { id: 'e-ended', statement: 'E.', effective_until: '2026-11-30' },
      { id: 'f-started', statement: 'F.', effective_from: '2026-01-01', effective_until: '2027-01-01' },
    ];
    expect(futureChanges(facts, '2026-12-01')).toEqual([
      { factId: 'd-ends-today', date: '2026-12-01', kind: 'ends', statement: 'D.' },
      { factId: 'a-starts-tomorrow', date: '2026-12-02', kind: 'starts', statement: 'A.' },
      { factId: 'c-starts-tomorrow', date: '2026-12-02', kind: 'starts', statement: 'C.' },
      { factId: 'f-started', date: '2027-01-01', kind: 'ends', statement: 'F.' },
    ]);
  });

  it('writes lengths in years, months and weeks', () => {
    const facts = (arrival: string, decision: string): FactLike[] => [
      { id: 'visa-when-to-apply-outside', statement: 'Apply 6 months before.' },
      { id: 'visa-arrival-window', statement: `You can arrive up to ${arrival} before the course starts.` },
      { id: 'visa-decision-time', statement: decision },
    ];
    const text = (arrival: string, decision: string, key: TimelineStepKey): string =>
      step(
        buildTimeline({
          today: '2026-12-01',
          intake: '2027-09',
          level: 'postgraduate_taught',
          rules: timelineRulesFromFacts(facts(arrival, decision), '2026-12-01'),
        }),
        key,
      ).text;
    expect(text('2 months', 'About 1 week.', 'travel')).toBe('You can arrive up to 2 months before the course starts.');
    expect(text('1 month', 'About 1 week.', 'visa_decision')).toBe(
      'Decisions from outside the UK usually take about 1 week.',
    );
    expect(text('1 month', 'About 10 days.', 'visa_decision')).toBe(
      'Decisions from outside the UK usually take about 10 days.',
    );
    expect(text('1 month', 'About 14 days.', 'visa_decision')).toBe(
      'Decisions from outside the UK usually take about 2 weeks.',
    );
    expect(timeline('2026-12-01', '2027-09', 'undergraduate').steps.find((s) => s.key === 'course_end')?.text).toBe(
      'The course ends after 3 years.',
    );
  });
});
