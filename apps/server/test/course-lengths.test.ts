import { describe, expect, it } from 'vitest';
import {
  courseFor,
  degreeLevel,
  writtenCourses,
  writtenLength,
  type SubjectCourse,
} from '../src/domain/knowledge-base/course-lengths.js';
import { loadKnowledgeBase } from '../src/domain/knowledge-base/load.js';
import { retrieve } from '../src/domain/knowledge-base/retrieve.js';
import type { StudyLevel } from '../src/domain/profile/types.js';
import { composeReport } from '../src/domain/writers/knowledge-base-writer/compose.js';
import { personalView, subjectCourseLength } from '../src/domain/writers/personal-view.js';

/** Which course a student's dates assume: the lengths the knowledge base records, read and chosen (pure). */
describe('writtenLength and degreeLevel', () => {
  it.each([
    ['BSc (Hons) Nursing (3 years, NMC-approved)', { months: 36, upToMonths: null }, 'undergraduate'],
    ['MSc Nursing pre-registration (2 years)', { months: 24, upToMonths: null }, 'postgraduate_taught'],
    ['MBBS/MBChB (5–6 years)', { months: 60, upToMonths: 72 }, 'undergraduate'],
    ['Graduate-entry MBBS (4 years)', { months: 48, upToMonths: null }, 'undergraduate'],
    ['MPharm (4 years) + foundation training year', { months: 48, upToMonths: null }, 'undergraduate'],
    ['Full-time MBA (12–21 months)', { months: 12, upToMonths: 21 }, 'postgraduate_taught'],
    ['LLB (3 years)', { months: 36, upToMonths: null }, 'undergraduate'],
    ['Course (1 year)', { months: 12, upToMonths: null }, null],
    ['MSc Clinical Pharmacy / Pharmaceutical Science', null, 'postgraduate_taught'],
    ['Executive MBA (part-time; usually not Student-visa eligible)', null, 'postgraduate_taught'],
    ['DClinPsy (doctorate)', null, 'postgraduate_research'],
    ['Bar course', null, null],
  ] as const)('%s: %j at %s', (degree, length, level) => {
    expect(writtenLength(degree)).toEqual(length);
    expect(degreeLevel(degree)).toBe(level);
  });

  it('keeps only the degrees with a length and a level, named without the length or what follows a plus', () => {
    expect(
      writtenCourses(
        [
          'MPharm (4 years) + foundation training year',
          'OSPAP (for overseas-qualified pharmacists)',
          'Course (1 year)',
        ],
        'subject:pharmacy',
      ),
    ).toEqual([
      { degree: 'MPharm', level: 'undergraduate', months: 48, upToMonths: null, factIds: ['subject:pharmacy'] },
    ]);
  });
});

const course = (degree: string, level: StudyLevel, months: number): SubjectCourse => ({
  degree,
  level,
  months,
  upToMonths: null,
  factIds: [degree],
});
const MEDICINE = [course('MBBS/MBChB', 'undergraduate', 60), course('Graduate-entry MBBS', 'undergraduate', 48)];
const NURSING = [
  course('BSc (Hons) Nursing', 'undergraduate', 36),
  course('MSc Nursing pre-registration', 'postgraduate_taught', 24),
];

describe('courseFor: the course a student’s words and level fit', () => {
  it.each([
    ['Medicine', MEDICINE, 'undergraduate', ['MBBS'], 'MBBS/MBChB'],
    ['MBBS', MEDICINE, 'undergraduate', ['MBBS'], 'MBBS/MBChB'],
    ['Graduate Entry Medicine', MEDICINE, 'undergraduate', ['graduate-entry medicine'], 'Graduate-entry MBBS'],
    ['medical school', MEDICINE, 'undergraduate', ['medical school'], 'MBBS/MBChB'],
    ['Medicine', MEDICINE, 'postgraduate_taught', [], null],
    ['Nursing', NURSING, 'postgraduate_taught', ['adult nursing'], 'MSc Nursing pre-registration'],
    ['MSc Adult Nursing', NURSING, 'postgraduate_taught', ['adult nursing'], 'MSc Nursing pre-registration'],
    ['MSc Nursing Pre-Registration', NURSING, 'postgraduate_taught', [], 'MSc Nursing pre-registration'],
    ['MSc Advanced Nursing Practice', NURSING, 'postgraduate_taught', ['adult nursing'], null],
    ['BSc Nursing', NURSING, 'undergraduate', [], 'BSc (Hons) Nursing'],
    ['Nursing', NURSING, 'postgraduate_research', [], null],
    ['Nursing', [], 'postgraduate_taught', [], null],
  ] as const)('“%s” at the level given → %s', (words, courses, level, aliases, expected) => {
    const name = words.toLowerCase().includes('nurs') ? 'Nursing' : 'Medicine';
    expect(courseFor(courses, level, words, name, aliases)?.degree ?? null).toBe(expected);
  });

  const VET = [
    course('veterinary degree', 'undergraduate', 60),
    course('graduate accelerated veterinary degree', 'undergraduate', 48),
  ];
  const ARCHITECTURE = [course('MArch (RIBA Part 2)', 'postgraduate_taught', 24)];
  it.each([
    ['Veterinary Medicine', VET, 'Veterinary Science', ['veterinary medicine'], [], 'veterinary degree'],
    [
      'Graduate accelerated veterinary medicine',
      VET,
      'Veterinary Science',
      ['veterinary medicine'],
      [],
      'graduate accelerated veterinary degree',
    ],
    ['Architecture', ARCHITECTURE, 'Architecture', ['urban design'], ['MA Urban Design'], 'MArch (RIBA Part 2)'],
    ['MA Urban Design', ARCHITECTURE, 'Architecture', ['urban design'], ['MA Urban Design'], null],
    ['MA Urban Design', ARCHITECTURE, 'Architecture', ['urban design'], [], 'MArch (RIBA Part 2)'],
    ['MSc Sports Architecture', ARCHITECTURE, 'Architecture', [], [], null],
  ] as const)(
    '“%s” (%s…) → %s, an alias the student used not counted as more words',
    (words, courses, name, aliases, degrees, expected) => {
      const level = courses[0].level;
      expect(courseFor(courses, level, words, name, aliases, degrees)?.degree ?? null).toBe(expected);
    },
  );
});

describe('subjectCourseLength: the sentence the dates assume', () => {
  it.each([
    [
      course('MSc Physiotherapy (pre-registration)', 'postgraduate_taught', 24),
      'an MSc Physiotherapy (pre-registration) usually lasts 2 years',
    ],
    [
      { ...course('MBBS/MBChB', 'undergraduate', 60), upToMonths: 72 },
      'an MBBS/MBChB usually lasts 5 to 6 years; 5 years are assumed here',
    ],
    [
      { ...course('Full-time MBA', 'postgraduate_taught', 12), upToMonths: 21 },
      'a full-time MBA usually lasts 12 to 21 months; 1 year is assumed here',
    ],
    [course('BSc (Hons) Nursing', 'undergraduate', 36), 'a BSc (Hons) Nursing usually lasts 3 years'],
    [course('LLB', 'undergraduate', 36), 'an LLB usually lasts 3 years'],
    [course('Graduate-entry MBBS', 'undergraduate', 48), 'a graduate-entry MBBS usually lasts 4 years'],
  ])('%j', (subjectCourse, note) => {
    expect(subjectCourseLength(subjectCourse)).toEqual({
      months: subjectCourse.months,
      note,
      factIds: subjectCourse.factIds,
    });
  });
});

describe('the course length in a report (knowledge base as shipped)', () => {
  const kb = loadKnowledgeBase();
  const NOW = new Date('2026-12-01T10:00:00Z');
  const view = (subject: string, subjectId: string, level: StudyLevel | null, city: string | null = null) => {
    const retrieval = retrieve(kb, { subject, subjectId, on: NOW });
    const input = {
      subject,
      retrieval,
      now: NOW,
      profile: { level, intake: '2027-09', city, nationality: 'IN' as const },
    };
    return { input, view: personalView(input) };
  };

  it.each([
    ['Physiotherapy', 'physiotherapy', null, null, 24, '2029-08-31'],
    ['MSc Physiotherapy', 'physiotherapy', 'postgraduate_taught', null, 24, '2029-08-31'],
    ['BSc Physiotherapy', 'physiotherapy', 'undergraduate', null, 36, '2030-08-31'],
    ['Social Work', 'social-work', 'postgraduate_taught', 'London', 24, '2029-08-31'],
    ['Occupational Therapy', 'occupational-therapy', 'postgraduate_taught', null, 24, '2029-08-31'],
    ['Nursing', 'nursing', 'postgraduate_taught', null, 24, '2029-08-31'],
    ['MSc Advanced Nursing Practice', 'nursing', 'postgraduate_taught', null, 12, '2028-08-31'],
    ['Medicine', 'medicine', 'undergraduate', null, 60, '2032-08-31'],
    ['Medicine', 'medicine', 'undergraduate', 'Glasgow', 60, '2032-08-31'],
    ['Pharmacy', 'pharmacy', 'undergraduate', null, 48, '2031-08-31'],
    ['Law', 'law', 'undergraduate', 'Edinburgh', 48, '2031-08-31'],
    ['Law', 'law', 'undergraduate', null, 36, '2030-08-31'],
    ['Economics', 'economics', 'postgraduate_taught', null, 12, '2028-08-31'],
    ['Dentistry', 'dentistry', 'undergraduate', null, 60, '2032-08-31'],
    ['Graduate entry dentistry', 'dentistry', 'undergraduate', null, 48, '2031-08-31'],
    ['Dentistry', 'dentistry', 'postgraduate_taught', null, 12, '2028-08-31'],
    ['Veterinary Medicine', 'veterinary-science', 'undergraduate', 'Edinburgh', 60, '2032-08-31'],
    ['Architecture', 'architecture', 'postgraduate_taught', null, 24, '2029-08-31'],
    ['MA Urban Design', 'architecture', 'postgraduate_taught', null, 12, '2028-08-31'],
    ['Speech and Language Therapy', 'speech-and-language-therapy', 'postgraduate_taught', null, 24, '2029-08-31'],
    ['MSc Dietetics', 'dietetics', 'postgraduate_taught', null, 24, '2029-08-31'],
    ['BSc Dietetics', 'dietetics', 'undergraduate', null, 36, '2030-08-31'],
  ] as const)('%s (%s, %s, %s): %i months, ends %s', (subject, id, level, city, months, end) => {
    const { timeline } = view(subject, id, level, city).view;
    expect(timeline).toMatchObject({ courseMonths: months, courseEnd: end });
  });

  it('states the physiotherapy course length with its sources, and the money follows the 2-year course', () => {
    const { input, view: personal } = view('Physiotherapy', 'physiotherapy', null);
    const { content } = composeReport(input);
    expect(content.study_options).toMatch(
      /- \*\*Course length:\*\* A pre-registration MSc in Physiotherapy, for graduates who do not already hold a physiotherapy degree, is an accelerated full-time course of 2 years[^\n]*(\[\d+\]){3}\./,
    );
    expect(content.study_options).toMatch(
      /assume the course runs from 1 September 2027 to 31 August 2029 \(an MSc Physiotherapy \(pre-registration\) usually lasts 2 years (\[\d+\])+; if yours is a 1-year master’s instead, it ends on 31 August 2028 and every later date comes 1 year earlier\)/,
    );
    expect(content.executive_summary[0]).toContain(
      'You did not give a level: the dates assume a taught master’s (an MSc Physiotherapy (pre-registration) usually lasts 2 years; see Study Options).',
    );
    expect(content.executive_summary[0]).toContain(
      'A 1-year master’s would end on 31 August 2028, and every later date would come 1 year earlier (see Study Options).',
    );
    // With the level given, the summary says which course the dates follow, and the 1-year alternative.
    const nursing = composeReport(view('Nursing', 'nursing', 'postgraduate_taught', 'Manchester').input).content;
    expect(nursing.executive_summary[0]).toBe(
      '**Assumed:** The dates follow the subject’s own course (an MSc Nursing pre-registration usually lasts 2 years); a 1-year master’s would end on 31 August 2028, and every later date would come 1 year earlier (see Study Options).',
    );
    // The level's usual length needs no such line.
    const economics = composeReport(view('Economics', 'economics', 'postgraduate_taught', 'Manchester').input).content;
    expect(economics.executive_summary[0]).not.toContain('Assumed');
    // An undergraduate course of its own length gets no shorter twin: a BDS is not also a 3-year degree.
    const dentistry = composeReport(view('Dentistry', 'dentistry', 'undergraduate').input).content.study_options;
    expect(dentistry).toMatch(/to 31 August 2032 \(a BDS usually lasts 5 years (\[\d+\])+\)\./);
    // 24 months of course, 4 more of leave and 1 before it to arrive: 29 months of surcharge, 2.5 years at £776.
    expect(personal.money.rows.find((r) => r.key === 'health_surcharge')?.low).toBe(1940);
    expect(content.estimated_costs.living_costs).toContain('£1,940 (£776 a year for a visa of 29 months');
  });
});
