import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../src/domain/knowledge-base/load.js';
import { FACTS_PER_ANSWER, retrieveForQuestion } from '../src/domain/follow-ups/retrieve-question.js';
import { FOLLOW_UP_CASES } from './fixtures/follow-up-cases.js';
import { retrieve } from '../src/domain/knowledge-base/retrieve.js';
import { formatLongDate } from '../src/domain/knowledge-base/format.js';
import { reportText } from '../src/domain/report/validate.js';
import { lengthWords } from '../src/domain/timeline/timeline.js';
import { composeReport } from '../src/domain/writers/knowledge-base-writer/compose.js';

const kb = loadKnowledgeBase();
const NOW = new Date('2026-12-01T12:00:00Z');

describe('follow-up retrieval', () => {
  it('holds at least 40 real follow-ups whose expected ids exist in the knowledge base', () => {
    expect(FOLLOW_UP_CASES.length).toBeGreaterThanOrEqual(40);
    const all = FOLLOW_UP_CASES.flatMap((c) =>
      retrieveForQuestion(kb, c.question, c.report, NOW, 1000).facts.map((f) => f.id),
    );
    for (const { expected } of FOLLOW_UP_CASES) {
      for (const id of expected) {
        const known =
          kb.facts.some((f) => f.id === id) ||
          all.includes(id) ||
          /^(occupation|earnings|outlook|subject-tuition|subject):/.test(id);
        expect(known, id).toBe(true);
      }
    }
  });

  it(`finds the facts each follow-up needs in its top ${FACTS_PER_ANSWER}: recall at 5 of at least 90 %`, () => {
    let found = 0;
    let wanted = 0;
    const misses: string[] = [];
    for (const { question, report, expected } of FOLLOW_UP_CASES) {
      const top = retrieveForQuestion(kb, question, report, NOW).facts.map((f) => f.id);
      for (const id of expected) {
        wanted += 1;
        if (top.includes(id)) found += 1;
        else misses.push(`${question} → missed ${id}; got ${top.join(', ')}`);
      }
    }
    const recall = found / wanted;
    console.log(
      `follow-up retrieval: recall@${FACTS_PER_ANSWER} = ${(recall * 100).toFixed(1)} % (${found}/${wanted} ids, ${FOLLOW_UP_CASES.length} questions)`,
    );
    if (misses.length > 0) console.log(misses.join('\n'));
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});

describe('follow-up retrieval dates the report as the report was written', () => {
  const physio = {
    subject: 'MSc Physiotherapy',
    subjectId: 'physiotherapy',
    profile: { level: 'postgraduate_taught', intake: '2025-09', city: 'Leeds', nationality: 'IN' },
  } as const;
  const question = 'How long is the Graduate visa for me?';

  it.each([
    // Before the Graduate change: the 2-year pre-registration MSc ends after 1 January 2027, a 1-year one before it.
    ['2025-01-15T10:00:00Z', physio, 24, '2027-08-31', 18],
    ['2025-01-15T10:00:00Z', { ...physio, subject: 'MSc Economics', subjectId: 'economics' }, 12, '2026-08-31', 24],
    ['2026-12-01T10:00:00Z', { ...physio, profile: { ...physio.profile, intake: '2027-09' } }, 24, '2029-08-31', 18],
  ] as const)('on %s, %s: a %i-month course to %s, a %i-month Graduate visa', (now, report, months, end, graduate) => {
    const on = new Date(now);
    const retrieval = retrieveForQuestion(kb, question, report, on);
    const written = composeReport({
      subject: report.subject,
      retrieval: retrieve(kb, { subject: report.subject, subjectId: report.subjectId, on }),
      now: on,
      profile: report.profile,
    });
    expect(retrieval.timeline.courseMonths).toBe(months);
    expect(retrieval.timeline.courseEnd).toBe(end);
    expect(retrieval.timeline.graduateLength?.months).toBe(graduate);
    // The report written on the same day has the same course end and Graduate length.
    expect(reportText(written.content)).toContain(`your course ends on ${formatLongDate(end)}`);
    expect(reportText(written.content)).toContain(`a Graduate visa applied for then lasts ${lengthWords(graduate)}`);
  });
});
