import type { StudyLevel } from '../profile/types.js';

/**
 * A course a subject's students usually take, with the full-time length the knowledge base records for it: from a
 * detailed subject's typical degrees ("MSc Nursing pre-registration (2 years)") or from the project's sourced course
 * lengths ("MSc Physiotherapy (pre-registration)", 24 months). `factIds` are the facts that say so.
 */
export interface SubjectCourse {
  readonly degree: string;
  readonly level: StudyLevel;
  /** The shortest full-time length, in months (what the dates assume). */
  readonly months: number;
  /** The longest, where the knowledge base gives a range ("5–6 years"); else null. */
  readonly upToMonths: number | null;
  readonly factIds: readonly string[];
}

/** Awards by the level a student applies at (integrated master's such as MPharm and MEng are undergraduate). */
const AWARD_LEVELS: readonly (readonly [RegExp, StudyLevel])[] = [
  [/\b(phd|dphil|doctorate|dclinpsy|mres|mphil)\b/i, 'postgraduate_research'],
  [/\b(msc|ma|mba|llm|mph|march|mres|pgdip|pgce|master)\b/i, 'postgraduate_taught'],
  [/\b(bsc|ba|beng|llb|mbbs|mbchb|bds|bvsc|mpharm|meng|msci|bachelor)\b/i, 'undergraduate'],
  [/\bgraduate-entry\b/i, 'undergraduate'],
];

/** The level a degree's award is studied at, or null when its name names no award the app knows. */
export function degreeLevel(degree: string): StudyLevel | null {
  for (const [pattern, level] of AWARD_LEVELS) if (pattern.test(degree)) return level;
  return null;
}

/**
 * The full-time length written in a degree's name: "(3 years, NMC-approved)" is 36 months, "(5–6 years)" 60 up to
 * 72, "(12–21 months)" 12 up to 21; null when the name gives none.
 */
export function writtenLength(degree: string): { months: number; upToMonths: number | null } | null {
  const match = /\((\d+)(?:\s*[–-]\s*(\d+))?\s+(years?|months?)\b/i.exec(degree);
  if (!match) return null;
  const unit = match[3].toLowerCase().startsWith('year') ? 12 : 1;
  const months = Number(match[1]) * unit;
  return { months, upToMonths: match[2] ? Number(match[2]) * unit : null };
}

/** The courses with a written length among a detailed subject's typical degrees, each cited to `factId`. */
export function writtenCourses(degrees: readonly string[], factId: string): SubjectCourse[] {
  return degrees.flatMap((degree) => {
    const length = writtenLength(degree);
    const level = degreeLevel(degree);
    if (!length || !level) return [];
    const name = degree
      .replace(/\s*\([^)]*\d[^)]*\)/, '')
      .replace(/\s*\+.*$/, '')
      .trim();
    return [{ degree: name, level, ...length, factIds: [factId] }];
  });
}

/** Lower-case words of a phrase, without punctuation or the award abbreviations and joining words. */
function words(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length > 0 && !degreeLevel(w) && !['and', 'of', 'in', 'the', 'hons', 'with'].includes(w));
}

/** Whether every word of `some` is among the words of `phrase`. */
function within(some: readonly string[], phrase: string): boolean {
  const all = words(phrase);
  return some.every((w) => all.includes(w));
}

/**
 * The course the student's dates should assume, among the subject's courses at their level whose length the
 * knowledge base records. The student's words are read without award names (MSc, BDS) and joining words:
 * - only the subject's name ("MSc Physiotherapy"), or an alias of it ("adult nursing", "medical school"): the first
 *   course at the level, unless the words name another of the subject's `degrees` ("MA Urban Design" for
 *   architecture), whose length is not recorded;
 * - more ("graduate entry medicine", "MSc Nursing pre-registration"): the course whose name holds the added words,
 *   else null, so the level's usual length applies (an "MSc Advanced Nursing Practice" is not the pre-registration
 *   MSc).
 */
export function courseFor(
  courses: readonly SubjectCourse[],
  level: StudyLevel,
  studentWords: string,
  name: string,
  aliases: readonly string[],
  degrees: readonly string[] = [],
): SubjectCourse | null {
  const atLevel = courses.filter((c) => c.level === level);
  const said = words(studentWords);
  const nameWords = words(name);
  const beyondName = said.filter((w) => !nameWords.includes(w));
  if (beyondName.length === 0) return atLevel[0] ?? null;
  const used = aliases.map(words).filter((alias) => alias.length > 0 && alias.every((w) => said.includes(w)));
  const beyond = beyondName.filter((w) => !used.some((alias) => alias.includes(w)));
  const named =
    atLevel.find((c) => beyond.length > 0 && within(beyond, c.degree)) ??
    atLevel.find((c) => within(beyondName, c.degree));
  if (named) return named;
  if (beyond.length > 0) return null;
  return degrees.some((degree) => within(beyondName, degree)) ? null : (atLevel[0] ?? null);
}
