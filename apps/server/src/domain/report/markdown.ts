import { couldBeHeading, sectionForHeading } from './headings.js';
import { listItems, splitSubsections } from './markdown-blocks.js';
import { SECTIONS, type SectionKey } from './sections.js';
import type { ReportContent, WriterEvent } from './types.js';

/** Cuts a report's Markdown into the ten sections while it streams in; see {@link createSectionSplitter}. */
export interface SectionSplitter {
  /** Takes the next piece of the reply, however it is cut. */
  push(chunk: string): void;
  /** Flushes the last, unterminated line. */
  end(): void;
  /** Everything pushed so far, unchanged. */
  text(): string;
}

/**
 * A splitter that turns a streamed Markdown report into `section` and `delta` events as it arrives.
 *
 * A `## Title` line of one of the ten sections (tolerantly matched: numbering, case, level 1–3)
 * starts that section with a `section` event; the heading itself is not part of any delta. Every
 * other line is `delta` text of the current section, including unknown headings and a repeated
 * section heading. Text before the first section heading is dropped from the events.
 *
 * Only the current incomplete line is held back, and only while it could still be a heading
 * (it is blank so far or starts with `#`); all other text is emitted as soon as it arrives.
 */
export function createSectionSplitter(emit: (event: WriterEvent) => void): SectionSplitter {
  let all = '';
  let pending = '';
  /** Part of the current line was already emitted, so the line is known not to be a heading. */
  let lineCommitted = false;
  let current: SectionKey | null = null;
  const started = new Set<SectionKey>();
  let out = '';

  const flush = (): void => {
    if (current !== null && out !== '') emit({ type: 'delta', key: current, text: out });
    out = '';
  };
  const addText = (text: string): void => {
    out += text;
  };
  const completeLine = (line: string): void => {
    const section = sectionForHeading(line.replace(/\r?\n$/, ''));
    if (section && !started.has(section.key)) {
      flush();
      started.add(section.key);
      current = section.key;
      emit({ type: 'section', key: section.key, title: section.title });
    } else {
      addText(line);
    }
  };

  return {
    push(chunk) {
      all += chunk;
      pending += chunk;
      let newline = pending.indexOf('\n');
      while (newline !== -1) {
        const line = pending.slice(0, newline + 1);
        pending = pending.slice(newline + 1);
        if (lineCommitted) addText(line);
        else completeLine(line);
        lineCommitted = false;
        newline = pending.indexOf('\n');
      }
      if (pending !== '' && (lineCommitted || !couldBeHeading(pending))) {
        addText(pending);
        pending = '';
        lineCommitted = true;
      }
      flush();
    },
    end() {
      // A committed line never stays pending (push emits it at once), so what is left may be a heading.
      if (pending !== '') completeLine(pending);
      pending = '';
      lineCommitted = false;
      flush();
    },
    text: () => all,
  };
}

/** The outcome of reading a report's Markdown: the content when its structure is complete, and what is wrong. */
export interface ParsedReport {
  readonly content: ReportContent | null;
  readonly problems: string[];
}

/** The raw Markdown of each section that appears, by key. */
function sectionTexts(markdown: string): Map<SectionKey, string> {
  const texts = new Map<SectionKey, string>();
  const splitter = createSectionSplitter((event) => {
    texts.set(event.key, (texts.get(event.key) ?? '') + (event.type === 'delta' ? event.text : ''));
  });
  splitter.push(markdown);
  splitter.end();
  return texts;
}

/**
 * Reads a whole report written in the contract's Markdown shape into `ReportContent`.
 *
 * Sections are found as the streaming splitter finds them; `### Tuition Ranges`/`### Living Costs`
 * and `### 30 Days`/`### 60 Days`/`### 90 Days` fill the nested fields; the summary's list items
 * become `executive_summary`. A missing section or sub-heading is a problem, and then `content` is
 * null. Empty sections and the summary's length are checked by `validateReport`, not here.
 */
export function parseReportMarkdown(markdown: string, asOf: string): ParsedReport {
  const texts = sectionTexts(markdown);
  const problems: string[] = [];
  const text = (key: SectionKey): string => texts.get(key)?.trim() ?? '';
  const subsections = (key: SectionKey): Readonly<Record<string, string>> => {
    const section = SECTIONS.find((s) => s.key === key)!;
    const { values, missing } = splitSubsections(text(key), section);
    if (texts.has(key)) {
      for (const sub of missing) problems.push(`Section "${section.title}" lacks the sub-heading "### ${sub.title}".`);
    }
    return values;
  };
  for (const section of SECTIONS) {
    if (!texts.has(section.key)) problems.push(`Missing section: add the heading "## ${section.title}".`);
  }
  const costs = subsections('estimated_costs');
  const plan = subsections('action_plan');
  const content: ReportContent = {
    executive_summary: listItems(text('executive_summary')),
    study_options: text('study_options'),
    estimated_costs: { tuition_ranges: costs.tuition_ranges ?? '', living_costs: costs.living_costs ?? '' },
    visa_immigration: text('visa_immigration'),
    post_study_work: text('post_study_work'),
    job_prospects_in_field: text('job_prospects_in_field'),
    fallback_job_prospects: text('fallback_job_prospects'),
    risks_reality_check: text('risks_reality_check'),
    action_plan: {
      '30_days': plan['30_days'] ?? '',
      '60_days': plan['60_days'] ?? '',
      '90_days': plan['90_days'] ?? '',
    },
    sources: text('sources'),
    knowledge_base_as_of: asOf,
  };
  return { content: problems.length === 0 ? content : null, problems };
}
