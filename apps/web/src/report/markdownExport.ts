import type { Report } from '../api/types.js';
import { formatDate } from '../components/dates.js';
import { DISCLAIMER, GOV_UK_STUDENT_VISA_URL } from './disclaimer.js';
import { sectionMarkdown, SECTIONS } from './sections.js';

/** A completed report as one Markdown document: title, sections, numbered sources, as-of date, disclaimer. */
export function reportToMarkdown(report: Report): string {
  const lines = [`# Studying ${report.subject} in the UK`, ''];
  if (report.content?.knowledge_base_as_of) {
    lines.push(`_Knowledge base as of ${formatDate(report.content.knowledge_base_as_of)}._`, '');
  }
  if (report.content) {
    for (const section of SECTIONS) {
      lines.push(`## ${section.title}`, '', sectionMarkdown(report.content, section), '');
    }
  }
  for (const citation of report.citations ?? []) {
    const excerpt = citation.relevant_excerpt ? ` — "${citation.relevant_excerpt}"` : '';
    lines.push(`${citation.id}. [${citation.title}](${citation.url}) (accessed ${citation.accessed_date})${excerpt}`);
  }
  lines.push('', `> ${DISCLAIMER} ${GOV_UK_STUDENT_VISA_URL}`, '');
  return lines.join('\n');
}
