import { SECTIONS, type SectionDefinition } from './sections.js';

/** An ATX heading line (`## Title`): its level (the number of `#`) and its text. */
export interface HeadingLine {
  readonly level: number;
  readonly text: string;
}

/** `#`…`######`, optional space (models sometimes omit it), the text, optional closing `#`s. */
const HEADING_LINE = /^ {0,3}(#{1,6})[ \t]*(.*?)(?:[ \t]+#+)?[ \t]*$/;

/** What a line may still become while it is incomplete: blank so far, or starting with `#`. */
const POSSIBLE_HEADING_START = /^ {0,3}(?:#.*)?$/;

/** A leading number as models add it: `1.`, `2)`, `Section 3:` (after normalisation: `1 `, `section 3 `). */
const LEADING_NUMBER = /^(?:section |part )?\d{1,2} /;

/** Reads a heading line (without its line break); null when the line is not a heading. */
export function parseHeadingLine(line: string): HeadingLine | null {
  const match = HEADING_LINE.exec(line.replace(/\r$/, ''));
  if (!match?.[2]) return null;
  return { level: match[1].length, text: match[2] };
}

/** Whether an incomplete line could still turn out to be a heading (so it must be held back). */
export function couldBeHeading(partialLine: string): boolean {
  return POSSIBLE_HEADING_START.test(partialLine);
}

/**
 * A title reduced to what matters for matching: lower case, `&` read as `and`, emphasis markers
 * dropped, punctuation other than `/` turned into spaces. `Post-Study Work Options` and
 * `**post study work options:**` both become `post study work options`.
 */
export function normaliseTitle(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9/]+/g, ' ')
    .trim();
}

/** The normalised heading text, with and without a leading number (`1. Executive Summary`). */
function headingVariants(text: string): string[] {
  const normalised = normaliseTitle(text);
  return [normalised, normalised.replace(LEADING_NUMBER, '')];
}

/**
 * The report section a heading line starts, or null. Tolerates numbering, case, punctuation,
 * levels 1–3 (a `#` or `###` written for a `##`) and words after the title
 * (`## Job Prospects in the Chosen Subject: Nursing`).
 */
export function sectionForHeading(line: string): SectionDefinition | null {
  const heading = parseHeadingLine(line);
  if (!heading || heading.level > 3) return null;
  const variants = headingVariants(heading.text);
  return (
    SECTIONS.find((section) => {
      const title = normaliseTitle(section.title);
      return variants.some((v) => v === title || v.startsWith(`${title} `));
    }) ?? null
  );
}

/**
 * Whether a heading's text names the given sub-heading: equal after normalisation, or containing
 * it as a phrase (`First 30 Days`, `Living Costs (London)`), with or without a leading number.
 */
export function headingNamesSubheading(headingText: string, subheadingTitle: string): boolean {
  const title = ` ${normaliseTitle(subheadingTitle)} `;
  return headingVariants(headingText).some((v) => ` ${v} `.includes(title));
}
