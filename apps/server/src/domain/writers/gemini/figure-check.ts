import { MONTH_NAMES } from '@uksmr/contract';

/**
 * The figure check of a Gemini reply: every £ amount, percentage and date in the model's text must appear in what
 * it was given (the facts, the profile and the computed timeline). Pure. Amounts are compared as numbers (`£1,529`
 * and `£1529` are one figure), dates as ISO days or months (`1 March 2027` matches `2027-03-01`).
 */

const MONTH_INDEX = new Map(MONTH_NAMES.map((name, i) => [name.toLowerCase(), String(i + 1).padStart(2, '0')]));
const MONTHS = MONTH_NAMES.join('|');
const POUNDS = /£\s?(\d[\d,]*(?:\.\d+)?)(\s?(?:k|m|bn)\b)?/gi;
const PERCENT = /(\d+(?:\.\d+)?)\s?(?:%|per ?cent\b)/gi;
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (${MONTHS}),? (\\d{4})\\b`, 'gi');
const MONTH_DAY_YEAR = new RegExp(`\\b(${MONTHS}) (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`, 'gi');
const MONTH_YEAR = new RegExp(`\\b(${MONTHS}) (\\d{4})\\b`, 'gi');
const ISO_DAY = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const ISO_MONTH = /\b(\d{4})-(\d{2})\b(?!-\d)/g;

/** The figures of a text, each normalised: `£1529`, `70%`, `2027-03-01`, `2027-09`. */
export function figuresIn(text: string): Set<string> {
  const figures = new Set<string>();
  for (const m of text.matchAll(POUNDS)) {
    const unit = (m[2] ?? '').trim().toLowerCase();
    const scale = unit === 'k' ? 1e3 : unit === 'm' ? 1e6 : unit === 'bn' ? 1e9 : 1;
    figures.add(`£${Number(m[1].replace(/,/g, '')) * scale}`);
  }
  for (const m of text.matchAll(PERCENT)) figures.add(`${Number(m[1])}%`);
  let rest = text;
  for (const m of text.matchAll(DAY_MONTH_YEAR)) {
    figures.add(`${m[3]}-${MONTH_INDEX.get(m[2].toLowerCase())}-${m[1].padStart(2, '0')}`);
    rest = rest.replace(m[0], ' ');
  }
  for (const m of text.matchAll(MONTH_DAY_YEAR)) {
    figures.add(`${m[3]}-${MONTH_INDEX.get(m[1].toLowerCase())}-${m[2].padStart(2, '0')}`);
    rest = rest.replace(m[0], ' ');
  }
  for (const m of rest.matchAll(MONTH_YEAR)) figures.add(`${m[2]}-${MONTH_INDEX.get(m[1].toLowerCase())}`);
  for (const m of text.matchAll(ISO_DAY)) figures.add(m[0]);
  for (const m of text.matchAll(ISO_MONTH)) figures.add(m[0]);
  return figures;
}

/** The figures the model may use: those of its input, with the month of every given day (so "March 2027" is allowed). */
export function allowedFigures(given: string): Set<string> {
  const figures = figuresIn(given);
  for (const figure of [...figures]) if (/^\d{4}-\d{2}-\d{2}$/.test(figure)) figures.add(figure.slice(0, 7));
  return figures;
}

/**
 * The problems of a reply whose £ amounts, percentages or dates are not in what it was given, one per figure, each
 * as a sentence the repair request can quote.
 */
export function figureProblems(reply: string, allowed: ReadonlySet<string>): string[] {
  return [...figuresIn(reply)]
    .filter((figure) => !allowed.has(figure))
    .map(
      (figure) =>
        `The figure or date ${figure} is not in the facts or the timeline you were given: use only those, or leave it out.`,
    );
}
