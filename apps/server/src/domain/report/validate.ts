import { SECTIONS } from './sections.js';
import type { Citation, ReportContent } from './types.js';

/** The fewest and most bullet points the Executive Summary may have. */
export const SUMMARY_BULLETS = { min: 5, max: 10 } as const;

/** A citation marker: `[3]`, or several numbers in one pair of brackets (`[1, 4]`). */
const CITATION_MARKER = /\[(\d+(?:\s*[,;]\s*\d+)*)\]/g;

/** The source numbers cited in a text as `[n]` (also `[n, m]`), each once, in order of first use. */
export function citedNumbers(text: string): number[] {
  const numbers = new Set<number>();
  for (const match of text.matchAll(CITATION_MARKER)) {
    for (const n of match[1].split(/[,;]/)) numbers.add(Number(n.trim()));
  }
  return [...numbers];
}

/** Every text of a report, in section order, one per line: what citation markers are looked for in. */
export function reportText(content: ReportContent): string {
  return [
    ...content.executive_summary,
    content.study_options,
    content.estimated_costs.tuition_ranges,
    content.estimated_costs.living_costs,
    content.visa_immigration,
    content.post_study_work,
    content.job_prospects_in_field,
    content.fallback_job_prospects,
    content.risks_reality_check,
    content.action_plan['30_days'],
    content.action_plan['60_days'],
    content.action_plan['90_days'],
    content.sources,
  ].join('\n');
}

/** The sections' and sub-sections' texts with the names a problem message uses for them. */
function namedTexts(content: ReportContent): [string, string][] {
  const named: [string, string][] = [];
  for (const section of SECTIONS) {
    if (section.key === 'executive_summary') continue;
    const value = content[section.key];
    if (typeof value === 'string') {
      named.push([`Section "${section.title}"`, value]);
    } else {
      const fields = value as Readonly<Record<string, string>>;
      for (const sub of section.subheadings) {
        named.push([`Sub-section "${section.title} / ${sub.title}"`, fields[sub.key] ?? '']);
      }
    }
  }
  return named;
}

/**
 * What is wrong with a report's content, as sentences a writer (or a model asked to repair its
 * reply) can act on; empty when the report is valid. Checks: no empty section or sub-section,
 * 5–10 non-empty summary bullets, at least one citation, and every `[n]` an id in `citations`.
 */
export function validateReport(content: ReportContent, citations: readonly Citation[]): string[] {
  const problems: string[] = [];
  for (const [name, text] of namedTexts(content)) {
    if (text.trim() === '') problems.push(`${name} is empty.`);
  }
  const bullets = content.executive_summary.filter((b) => b.trim() !== '').length;
  if (bullets < SUMMARY_BULLETS.min || bullets > SUMMARY_BULLETS.max) {
    problems.push(
      `The Executive Summary has ${bullets} bullet points; it needs ${SUMMARY_BULLETS.min} to ${SUMMARY_BULLETS.max}, each a line starting with "- ".`,
    );
  }
  const cited = citedNumbers(reportText(content));
  if (cited.length === 0 || citations.length === 0) {
    problems.push('The report cites no source: put the marker [n] of a numbered source after each fact it supports.');
  }
  const ids = new Set(citations.map((c) => c.id));
  for (const n of cited) {
    if (!ids.has(n)) problems.push(`[${n}] is not one of the numbered sources; cite only the numbers listed.`);
  }
  return problems;
}
