import { addMonths } from '../timeline/dates.js';

const MONTH_WORDS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
  // The UK's two main intakes as people name them.
  autumn: 9,
  fall: 9,
  spring: 1,
  winter: 1,
};

/** Months that are also ordinary words: they need a year or an intake word beside them. */
const NEEDS_CONTEXT: ReadonlySet<string> = new Set([
  'may',
  'march',
  'mar',
  'spring',
  'winter',
  'fall',
  'autumn',
  'jun',
  'dec',
]);
const BEFORE_MONTH: ReadonlySet<string> = new Set([
  'from',
  'starting',
  'start',
  'starts',
  'in',
  'this',
  'next',
  'for',
  'by',
  'commencing',
  'beginning',
]);
/** Words before a month that make even "May" or "March" a month ("from May", "starting March"). */
const STRONG_BEFORE: ReadonlySet<string> = new Set(['from', 'starting', 'commencing', 'beginning', 'next']);
const AFTER_MONTH: ReadonlySet<string> = new Set([
  'intake',
  'intakes',
  'entry',
  'start',
  'session',
  'cohort',
  'admission',
  'admissions',
  'batch',
  'term',
  'semester',
]);

/** What the words say about when the course starts. */
export interface IntakeReading {
  /** `YYYY-MM`, in range (this month to 3 years ahead), or `null`. */
  readonly intake: string | null;
  /** A year named without a month ("next year", "2028 intake"); `null` when none. */
  readonly year: number | null;
  /** A month read from the words that is in the past or more than 3 years ahead. */
  readonly outOfRange: string | null;
}

function month(year: number, value: number): string {
  return `${year}-${String(value).padStart(2, '0')}`;
}

/** The current month of `today` (`YYYY-MM-DD`). */
export function currentMonth(today: string): string {
  return today.slice(0, 7);
}

/** The last month an intake may be in: 3 years after the current month. */
export function lastIntakeMonth(today: string): string {
  return addMonths(`${currentMonth(today)}-01`, 36).slice(0, 7);
}

/** True when `intake` (`YYYY-MM`) is this month or later and at most 3 years ahead. */
export function intakeInRange(intake: string, today: string): boolean {
  return intake >= currentMonth(today) && intake <= lastIntakeMonth(today);
}

/** The next occurrence of month `value` that is not in the past. */
export function nextOccurrence(value: number, today: string): string {
  const year = Number(today.slice(0, 4));
  const candidate = month(year, value);
  return candidate >= currentMonth(today) ? candidate : month(year + 1, value);
}

function fourDigitYear(token: string | undefined): number | null {
  return token && /^20\d\d$/u.test(token) ? Number(token) : null;
}

function twoDigitYear(token: string | undefined, today: string): number | null {
  if (!token || !/^\d\d$/u.test(token)) return null;
  const value = 2000 + Number(token);
  const year = Number(today.slice(0, 4));
  return value >= year - 1 && value <= year + 6 ? value : null;
}

/** The year beside a month at `index`: "September 2027", "sept 27", "September 1, 2027", "2027 September". */
function yearNear(tokens: readonly string[], index: number, today: string): number | null {
  const after = tokens[index + 1];
  const afterNext = tokens[index + 2];
  if (after && /^\d{1,2}$/u.test(after) && fourDigitYear(afterNext) !== null) return fourDigitYear(afterNext);
  return fourDigitYear(after) ?? fourDigitYear(tokens[index - 1]) ?? twoDigitYear(after, today);
}

function numericDate(text: string): [number, number] | null {
  const yearFirst = /\b(20\d\d)[-/.](0?[1-9]|1[0-2])\b/u.exec(text);
  if (yearFirst) return [Number(yearFirst[1]), Number(yearFirst[2])];
  const monthFirst = /\b(0?[1-9]|1[0-2])[-/.](20\d\d)\b/u.exec(text);
  return monthFirst ? [Number(monthFirst[2]), Number(monthFirst[1])] : null;
}

function yearOnly(tokens: readonly string[], today: string): number | null {
  const year = Number(today.slice(0, 4));
  for (let i = 0; i < tokens.length; i += 1) {
    const [word, next] = [tokens[i], tokens[i + 1]];
    if (next === 'year' && word === 'next') return year + 1;
    if (next === 'year' && word === 'this') return year;
    const named = fourDigitYear(word);
    if (named !== null && named >= year && named <= year + 3) return named;
  }
  return null;
}

/**
 * Reads the month the course starts: "September 2027", "sept 27", "2027 September intake", "Jan 2028", "09/2027",
 * "fall 2027". A month without a year is its next occurrence that is not in the past ("January intake" in
 * December 2026 is 2027-01). A year without a month ("next year", "in 2028") is kept as `year` for the question.
 */
export function readIntake(tokens: readonly string[], rawText: string, today: string): IntakeReading {
  let found: string | null = null;
  const numeric = numericDate(rawText);
  if (numeric) found = month(numeric[0], numeric[1]);
  for (let i = 0; found === null && i < tokens.length; i += 1) {
    const word = tokens[i];
    const value = MONTH_WORDS[word];
    if (value === undefined) continue;
    const year = yearNear(tokens, i, today);
    if (year !== null) {
      found = month(year, value);
      continue;
    }
    const before = tokens[i - 1] ?? '';
    const after = tokens[i + 1] ?? '';
    const context =
      AFTER_MONTH.has(after) || STRONG_BEFORE.has(before) || (BEFORE_MONTH.has(before) && !NEEDS_CONTEXT.has(word));
    if (context) found = nextOccurrence(value, today);
  }
  if (found === null) return { intake: null, year: yearOnly(tokens, today), outOfRange: null };
  return intakeInRange(found, today)
    ? { intake: found, year: null, outOfRange: null }
    : { intake: null, year: null, outOfRange: found };
}
