import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../src/domain/knowledge-base/load.js';
import { retrieve } from '../src/domain/knowledge-base/retrieve.js';
import type { StudentProfile } from '../src/domain/profile/types.js';
import { validateReport } from '../src/domain/report/validate.js';
import { toCitations } from '../src/domain/report/citations.js';
import { composeReport } from '../src/domain/writers/knowledge-base-writer/compose.js';
import { monthsSpan, personalView } from '../src/domain/writers/personal-view.js';

const kb = loadKnowledgeBase();
const NOW = new Date('2026-12-01T10:00:00Z');

function write(subject: string, subjectId: string, profile: StudentProfile) {
  const input = { subject, subjectId, profile, retrieval: retrieve(kb, { subject, subjectId, on: NOW }), now: NOW };
  const { content, sources } = composeReport(input);
  expect(validateReport(content, toCitations(sources))).toEqual([]);
  return { content, view: personalView(input) };
}

describe('the offline report written for the student’s profile', () => {
  it.each([
    ['Glasgow', false],
    ['Edinburgh', false],
    ['Manchester', true],
    [null, true],
  ] as const)('the levy on universities in England among the dated changes, for a student in %s: %s', (city, shown) => {
    const { content } = write('MSc Environmental Science', 'environmental-science', {
      level: 'postgraduate_taught',
      intake: '2027-09',
      city,
      nationality: 'NP',
    });
    expect(content.risks_reality_check).toContain('**Dated changes ahead**');
    expect(content.risks_reality_check.includes('£925 levy')).toBe(shown);
  });
  it('MSc Data Science in London from September 2027: 18 months, the London funds, the new-entrant rate, the visa window', () => {
    const { content, view } = write('MSc Data Science', 'data-science', {
      level: 'postgraduate_taught',
      intake: '2027-09',
      city: 'London',
      nationality: 'IN',
    });
    const summary = content.executive_summary.join('\n');
    expect(summary).not.toContain('**Assumed:**');
    expect(summary).toMatch(/\*\*Your Graduate visa:\*\* your course ends on 31 August 2028[^\n]*lasts 18 months \[/);
    expect(summary).toContain('**Money to show for living costs (London):** £13,761 (£1,529 a month × 9 months)');
    // The concrete new-entrant figure for each of the field's jobs (their going rates are above £41,700, so it is not named).
    expect(summary).toContain("**Pay to be sponsored in your field's jobs:**");
    // More than three open jobs with their own rates: the range, each job's figures under Job Prospects.
    expect(summary).toContain(
      'the 4 jobs that can be sponsored (each under Job Prospects): at least £36,600–£38,600 as a new entrant, then £52,300–£55,100, depending on the job;',
    );
    expect(summary).toContain(
      'data analysts (SOC 3544): can be sponsored only while on the Temporary Shortage List (until 31 December 2026)',
    );
    expect(summary).not.toContain('£41,700');
    expect(summary).toContain(
      '**Key deadline:** apply for the Student visa from 1 March 2027 (the course starts on 1 September 2027), with the money in your account from 1 February 2027',
    );
    expect(view.money.total).toEqual({ low: 524 + 1164 + 13761 + 16000, high: 524 + 1164 + 13761 + 42000 });
    expect(content.estimated_costs.living_costs).toContain(
      'Immigration Health Surcharge: £1,164 (£776 a year for a visa of 17 months, paid up front)',
    );
    expect(content.estimated_costs.living_costs).toContain('**Total before you apply:** £31,449–£57,449.');
    expect(content.study_options).toContain(
      '**Your intake:** September 2027; the dates in this report assume the course runs from 1 September 2027 to 31 August 2028',
    );
    expect(content.study_options).toContain('directly to each university');
  });

  it('“Not sure” of the intake: the next September is assumed and said at the top', () => {
    const { content } = write('Nursing', 'nursing', {
      level: 'undergraduate',
      intake: null,
      city: 'Leeds',
      nationality: 'NP',
    });
    expect(content.executive_summary[0]).toBe(
      '**Assumed:** You did not give an intake: the dates assume the course starts in September 2027.',
    );
    expect(content.study_options).toContain('(assumed: you did not give an intake)');
    expect(content.study_options).toContain('through UCAS');
    expect(content.executive_summary.join('\n')).toMatch(
      /\*\*Pay to be sponsored in your field's jobs:\*\* [^\n]*registered community nurses \(SOC 2232\)[^\n]*: at least £25,000 or pay-band rate on the Health and Care Worker visa, once registered/,
    );
    expect(content.executive_summary.join('\n')).not.toContain('£41,700');
    // A bachelor's: UCAS, its deadlines by course, the one 2027 date the knowledge base holds, and what it lacks.
    expect(content.study_options).toContain('UCAS on-time deadlines depend on the course');
    expect(content.study_options).toMatch(
      /Oxford's Medicine course gave 15 October 2026 as its deadline \[\d+\]\. That date has passed/,
    );
    expect(content.study_options).toContain(
      'The January equal-consideration date and the last date for late applications: Information not available',
    );
    expect(content.executive_summary.join('\n')).toContain('(outside London):** £10,539');
    expect(content.study_options).not.toContain('ATAS');
  });

  it('a research degree: dependants allowed, no tuition figure, the plan never dates a step before its window', () => {
    const { content, view } = write('Chemistry', 'chemistry', {
      level: 'postgraduate_research',
      intake: '2027-01',
      city: null,
      nationality: 'PK',
    });
    expect(content.study_options).toContain('**How you apply (research degree):**');
    expect(content.study_options).toContain(
      '**Family:** Since January 2024, students can bring a partner or children only if they are on a PhD',
    );
    expect(view.money.missing).toEqual(['tuition']);
    expect(content.estimated_costs.living_costs).toContain(
      'First-year tuition: Information not available for research degrees',
    );
    // January 2027 start: the window opened 1 July 2026; funds need 28 days from today, so the visa step is in the 30/60 days.
    const plan = Object.values(content.action_plan).join('\n');
    for (const step of view.timeline.steps) {
      if (step.date) expect(step.date >= view.timeline.today).toBe(true);
    }
    expect(plan).toContain('Apply for the Student visa (CAS first): from 29 December 2026');
    expect(content.executive_summary[0]).toContain('outside London');
  });

  it.each([
    ['2027-08-01', '2028-12-31', 17],
    ['2027-08-01', '2027-08-31', 1],
    ['2027-08-15', '2027-09-14', 1],
    ['2027-08-15', '2027-09-15', 2],
  ])('monthsSpan %s to %s is %i', (from, to, months) => expect(monthsSpan(from, to)).toBe(months));
});
