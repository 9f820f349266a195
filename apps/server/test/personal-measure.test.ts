import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../src/domain/knowledge-base/load.js';
import { retrieve } from '../src/domain/knowledge-base/retrieve.js';
import { reportText } from '../src/domain/report/validate.js';
import type { StudentProfile } from '../src/domain/profile/types.js';
import { buildPrompt } from '../src/domain/writers/gemini/prompt.js';
import { composeReport } from '../src/domain/writers/knowledge-base-writer/compose.js';

/**
 * Issue 10's closing-note measures: words per report (sources left out) for five subjects, written for a profile,
 * the Nursing prompt's size, and one summary (MSc Data Science, London, September 2027), printed.
 */
const kb = loadKnowledgeBase();
const NOW = new Date('2026-12-01T10:00:00Z');
const LONDON_PGT: StudentProfile = {
  level: 'postgraduate_taught',
  intake: '2027-09',
  city: 'London',
  nationality: 'IN',
};
const SUBJECTS = [
  ['Nursing', 'nursing'],
  ['Computer Science', 'computer-science'],
  ['Marine Biology', 'marine-biology'],
  ['Fashion Design', 'fashion-design'],
  ['MSc Data Science', 'data-science'],
] as const;

const words = (text: string): number => text.split(/\s+/).filter((w) => /\w/.test(w)).length;

function input(subject: string, subjectId: string, profile: StudentProfile) {
  return { subject, subjectId, profile, retrieval: retrieve(kb, { subject, subjectId, on: NOW }), now: NOW };
}

describe('personal report measures (issue 10 closing note)', () => {
  it('prints words per report, the Nursing prompt size and the Data Science summary', () => {
    const rows = SUBJECTS.map(([subject, id]) => {
      const { content } = composeReport(input(subject, id, LONDON_PGT));
      return { subject, words: words(reportText({ ...content, sources: '' })) };
    });
    console.table(rows);
    const prompt = buildPrompt(input('Nursing', 'nursing', { ...LONDON_PGT, level: 'undergraduate' }));
    console.log(
      `Nursing prompt: ${prompt.systemInstruction.length + prompt.userText.length} characters, ${words(prompt.systemInstruction + prompt.userText)} words`,
    );
    const summary = composeReport(input('MSc Data Science', 'data-science', LONDON_PGT)).content.executive_summary;
    console.log(summary.map((b) => `- ${b}`).join('\n'));
    for (const row of rows) expect(row.words).toBeLessThanOrEqual(3500);
  });
});
