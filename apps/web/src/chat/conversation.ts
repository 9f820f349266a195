import type { ProfileAnswers, QueryQuestion, QueryReading, StudyLevel } from '../api/types.js';
import { MONTH_NAMES } from '@uksmr/contract/plain';

/** The option that leaves a question unanswered: the report then assumes the next September and says so. */
export const NOT_SURE = 'Not sure';

/** The longest message the composer takes; the server reads the subject (1–200 characters) out of it. */
export const MAX_MESSAGE_LENGTH = 500;

const LEVEL_LABELS: Readonly<Record<StudyLevel, string>> = {
  undergraduate: 'Undergraduate (bachelor’s)',
  postgraduate_taught: 'Postgraduate taught (master’s)',
  postgraduate_research: 'Postgraduate research (PhD)',
};

/** "September 2027" for `2027-09`; anything else as it is. */
export function monthLabel(intake: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(intake);
  const month = match ? MONTH_NAMES[Number(match[2]) - 1] : undefined;
  return match && month ? `${month} ${match[1]}` : intake;
}

/** "Sept 2027" for `2027-09`: the short form of the sidebar. */
export function shortMonthLabel(intake: string): string {
  const long = monthLabel(intake);
  return long === intake
    ? intake
    : long.replace(/^(\w{3})\w*/, (_, first: string) => (first === 'Sep' ? 'Sept' : first));
}

/** How a chip shows an option of a question: months and levels in words, anything else as the server wrote it. */
export function optionLabel(field: QueryQuestion['field'], option: string): string {
  if (option === NOT_SURE) return NOT_SURE;
  if (field === 'intake') return monthLabel(option);
  if (field === 'level') return LEVEL_LABELS[option as StudyLevel] ?? option;
  return option;
}

/** The answers with one more: "Not sure" leaves the field out, so the server neither reads nor assumes a value. */
export function withAnswer(answers: ProfileAnswers, field: QueryQuestion['field'], option: string): ProfileAnswers {
  if (option === NOT_SURE) return answers;
  return { ...answers, [field]: option };
}

/** "Nursing · Postgraduate taught (master’s) · September 2027 · London": what the report will be written for. */
export function describeProfile(
  reading: Pick<QueryReading, 'subject'>,
  answers: ProfileAnswers,
  known: Partial<ProfileAnswers> = {},
): string {
  const level = answers.level ?? known.level;
  const intake = answers.intake ?? known.intake;
  const city = answers.city ?? known.city;
  const parts = [
    reading.subject,
    level && optionLabel('level', level),
    intake ? monthLabel(intake) : 'next September (assumed)',
    city,
  ];
  return parts.filter(Boolean).join(' · ');
}

/** A chip under a refusal: words the student can send instead. */
export interface NextStep {
  readonly label: string;
  readonly words: string;
}

/** Example subjects offered when the words named none. */
export const EXAMPLE_SUBJECTS = ['Nursing', 'MSc Data Science in London', 'Computer Science', 'MBA'] as const;

/** The trailing place of the words ("… in Canada", "… at Toronto"), which a UK-only refusal asks to replace. */
const TRAILING_PLACE = /\s+(?:in|at|to|from)\s+(?!.*\s(?:in|at|to|from)\s)[A-Za-z .&'-]+$/i;

/**
 * What the student can send instead, after a refusal: for a country other than the UK the same words in the UK
 * ("Computer Science in Canada" → "Computer Science in the UK"); for two subjects each one alone; for words that
 * name no subject a few examples.
 */
export function nextSteps(code: string, words: string): readonly NextStep[] {
  const text = words.trim();
  if (code === 'UK_ONLY' || code === 'MULTIPLE_COUNTRIES') {
    const subject = text
      .replace(TRAILING_PLACE, '')
      .replace(/\b(?:study(?:ing)?|in|at)\s*$/i, '')
      .trim();
    const words = `${subject || text} in the UK`;
    return [{ label: words, words }];
  }
  if (code === 'MULTIPLE_SUBJECTS') {
    const parts = text
      .split(/\s*(?:,|\band\b|\bor\b|&|\/|\bplus\b)\s*/i)
      .map((part) => part.trim())
      .filter((part) => part.length > 1);
    return parts.slice(0, 3).map((part) => ({ label: part, words: part }));
  }
  if (code === 'NOT_A_SUBJECT') return EXAMPLE_SUBJECTS.map((subject) => ({ label: subject, words: subject }));
  return [];
}

/** The profile fields the student's words already gave (`POST /queries`), without the unknown ones. */
export function knownProfile(
  reading: Pick<QueryReading, 'level' | 'intake' | 'city' | 'nationality'> | null,
): ProfileAnswers {
  if (!reading) return {};
  const known: ProfileAnswers = {};
  for (const field of ['level', 'intake', 'city', 'nationality'] as const) {
    const value = reading[field];
    if (value) known[field] = value;
  }
  return known;
}
