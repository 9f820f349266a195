import type { ReportProfile } from '../api/types.js';
import { monthLabel } from '../chat/conversation.js';

/** How many suggested follow-ups the composer offers. */
export const SUGGESTION_COUNT = 3;

/** A degree's prefix in the student's words ("MSc Data Science" → "Data Science"). */
const DEGREE_PREFIX = /^(?:BA|BSc|BEng|LLB|MA|MSc|MEng|MRes|MPhil|LLM|PhD)\s+(?:in\s+)?/i;

/**
 * "What could I earn after studying Data Science?" for "MSc Data Science", "… after an MBA?" for "MBA": the
 * subject's earnings, asked the way a student would.
 */
export function earningsQuestion(subject: string): string {
  const trimmed = subject.trim();
  const field = trimmed.replace(DEGREE_PREFIX, '');
  if (field === trimmed && /^[A-Z]{2,5}$/.test(trimmed)) {
    // A bare degree name reads as a thing one takes; letters whose names start with a vowel sound take "an".
    return `What could I earn after ${/^[AEFHILMNORSX]/.test(trimmed) ? 'an' : 'a'} ${trimmed}?`;
  }
  return `What could I earn after studying ${field || trimmed}?`;
}

/** The other main intake: January after a September start, September after any other month (`YYYY-MM`). */
export function otherIntake(intake: string): string | null {
  const match = /^(\d{4})-(\d{2})$/.exec(intake);
  if (!match) return null;
  const year = Number(match[1]);
  return Number(match[2]) === 9 ? `${year + 1}-01` : `${year}-09`;
}

/**
 * Three follow-ups worth asking, drawn from what the report was written for, most useful first: family (worded
 * for the level: only research students may bring dependants), a city swap (Manchester for a London report, London
 * for any other city), earnings in the subject, then the other intake, London's costs and term-time work where the
 * profile leaves a gap.
 */
export function suggestedQuestions(subject: string, profile: ReportProfile | null | undefined): readonly string[] {
  const level = profile?.level ?? null;
  const city = profile?.city ?? null;
  const intake = profile?.intake ?? null;
  const alternative = intake ? otherIntake(intake) : null;
  const candidates = [
    level === 'postgraduate_research'
      ? 'Can my partner and children come with me during my PhD?'
      : 'Can my family come with me?',
    city === null
      ? null
      : city.toLowerCase() === 'london'
        ? 'What if I study in Manchester instead of London?'
        : `What if I study in London instead of ${city}?`,
    subject.trim() === '' ? null : earningsQuestion(subject),
    intake && alternative ? `What if I start in ${monthLabel(alternative)} instead of ${monthLabel(intake)}?` : null,
    city === null ? 'How much more would it cost to live in London?' : null,
    'Can I work while I study?',
  ];
  return candidates.filter((question): question is string => question !== null).slice(0, SUGGESTION_COUNT);
}
