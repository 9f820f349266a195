import { headingNamesSubheading, parseHeadingLine } from './headings.js';
import type { SectionDefinition } from './sections.js';

/** A bullet or numbered list item: `- text`, `* text`, `+ text`, `• text`, `1. text`, `2) text`. */
const LIST_ITEM = /^\s{0,3}(?:[-*+•]|\d{1,2}[.)])\s+(.*)$/;

/**
 * The list items of a Markdown text, in order. A non-blank line that directly follows an item
 * continues it; other lines (an introduction, a closing remark) are not items.
 */
export function listItems(text: string): string[] {
  const items: string[] = [];
  let open = false;
  for (const line of text.split(/\r?\n/)) {
    const item = LIST_ITEM.exec(line);
    if (item) {
      items.push(item[1].trim());
      open = true;
    } else if (line.trim() === '') {
      open = false;
    } else if (open) {
      items[items.length - 1] += ` ${line.trim()}`;
    }
  }
  return items.filter((item) => item !== '');
}

/** A section's text cut at its sub-headings, keyed by the sub-headings' content keys. */
export interface Subsections {
  readonly values: Readonly<Record<string, string>>;
  /** The sub-headings that do not appear. */
  readonly missing: SectionDefinition['subheadings'];
}

/**
 * Cuts a section's text at its sub-headings (`### Tuition Ranges`, any heading level, tolerant
 * titles). Text before the first sub-heading belongs to the first sub-section that appears.
 */
export function splitSubsections(text: string, section: SectionDefinition): Subsections {
  const parts = new Map<string, string[]>();
  const preamble: string[] = [];
  let current: string[] = preamble;
  for (const line of text.split(/\r?\n/)) {
    const heading = parseHeadingLine(line);
    const sub = heading
      ? section.subheadings.find((s) => !parts.has(s.key) && headingNamesSubheading(heading.text, s.title))
      : undefined;
    if (sub) {
      current = parts.size === 0 ? preamble : [];
      parts.set(sub.key, current);
    } else {
      current.push(line);
    }
  }
  const values: Record<string, string> = {};
  for (const [key, lines] of parts) values[key] = lines.join('\n').trim();
  return { values, missing: section.subheadings.filter((s) => !parts.has(s.key)) };
}
