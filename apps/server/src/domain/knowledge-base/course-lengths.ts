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

/** The student's words that none of `names` holds. */
function extraWords(studentWords: string, names: readonly string[]): string[] {
  const known = new Set(names.flatMap(words));
  return words(studentWords).filter((w) => !known.has(w));
}

/**
 * The course the student's dates should assume, among the subject's courses at their level whose length the
 * knowledge base records: the one whose name holds every word the student added to the subject's name ("graduate
 * entry medicine"); else the first, when the student's words are only the subject's name or an alias of it; else
 * null, so the level's usual length applies (an "MSc Advanced Nursing Practice" is not the pre-registration MSc).
 */
export function courseFor(
  courses: readonly SubjectCourse[],
  level: StudyLevel,
  studentWords: string,
  name: string,
  aliases: readonly string[],
): SubjectCourse | null {
  const atLevel = courses.filter((c) => c.level === level);
  const added = extraWords(studentWords, [name]);
  const named = atLevel.find((c) => added.length > 0 && added.every((w) => words(c.degree).includes(w)));
  if (named) return named;
  return extraWords(studentWords, [name, ...aliases]).length === 0 ? (atLevel[0] ?? null) : null;
}
