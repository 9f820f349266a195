import type { Report } from '../api/types.js';
import { DISCLAIMER, GOV_UK_STUDENT_VISA_URL } from './disclaimer.js';
import { reportMarkdown } from './sections.js';

/** A completed report as one Markdown document: title, sections, numbered sources, as-of date, disclaimer. */
export function reportToMarkdown(report: Report): string {
  const lines = report.content ? [reportMarkdown(report.subject, report.content)] : [`# ${report.subject}`, ''];
  for (const citation of report.citations ?? []) {
    const excerpt = citation.relevant_excerpt ? ` — "${citation.relevant_excerpt}"` : '';
    lines.push(`${citation.id}. [${citation.title}](${citation.url}) (accessed ${citation.accessed_date})${excerpt}`);
  }
  lines.push('', `> ${DISCLAIMER} ${GOV_UK_STUDENT_VISA_URL}`, '');
  return lines.join('\n');
}
