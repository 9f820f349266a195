import type { StudyLevel } from '../profile/types.js';

/** Places whose universities follow the Scottish four-year bachelor's degree. */
const SCOTTISH_PLACES: ReadonlySet<string> = new Set([
  'edinburgh',
  'glasgow',
  'aberdeen',
  'dundee',
  'stirling',
  'st andrews',
  'inverness',
  'paisley',
  'perth',
  'scottish highlands',
  'scotland',
]);

/** True when `city` is in Scotland (as far as the app's list of UK places knows). */
export function isScottish(city: string | null | undefined): boolean {
  return city ? SCOTTISH_PLACES.has(city.trim().toLowerCase()) : false;
}

/**
 * How long a course lasts, and what was assumed: the level's usual length, or the subject's own course where the
 * knowledge base records one (then `factIds` are the facts that say so).
 */
export interface CourseLength {
  readonly months: number;
  readonly note: string;
  readonly factIds?: readonly string[];
}

/**
 * The usual full-time length of a course: a bachelor's 3 years in England, Wales and Northern Ireland and 4 in
 * Scotland; a taught master's 12 months; a research degree 3 to 4 years, of which 3 is assumed and said.
 */
export function courseLength(level: StudyLevel, city: string | null | undefined): CourseLength {
  if (level === 'postgraduate_taught') return { months: 12, note: 'a taught master’s usually lasts 12 months' };
  if (level === 'postgraduate_research') {
    return { months: 36, note: 'a research degree takes 3 to 4 years; 3 years are assumed here' };
  }
  return isScottish(city)
    ? { months: 48, note: 'a bachelor’s degree in Scotland usually lasts 4 years' }
    : { months: 36, note: 'a bachelor’s degree usually lasts 3 years (4 in Scotland, or with a placement year)' };
}
