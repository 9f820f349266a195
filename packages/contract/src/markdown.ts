import { SECTIONS, type SectionKey } from './sections.js';
import type { ReportContent } from './schemas/report.js';

/** The Markdown body of one section of stored content, with `###` sub-headings where the section has them. */
export function sectionMarkdown(content: ReportContent, key: SectionKey): string {
  const value: unknown = content[key];
  if (key === 'executive_summary') return (value as readonly string[]).map((bullet) => `- ${bullet}`).join('\n');
  const section = SECTIONS.find((s) => s.key === key);
  if (section && section.subheadings.length > 0) {
    const parts = value as Record<string, string>;
    return section.subheadings.map((sub) => `### ${sub.title}\n\n${parts[sub.key] ?? ''}`).join('\n\n');
  }
  return value as string;
}

/** The whole report as one Markdown document (`## Title` per section), as "Copy as Markdown" gives it. */
export function reportMarkdown(subject: string, content: ReportContent): string {
  const body = SECTIONS.map((s) => `## ${s.title}\n\n${sectionMarkdown(content, s.key)}`).join('\n\n');
  return `# ${subject} — studying and working in the UK\n\n_Knowledge base as of ${content.knowledge_base_as_of}._\n\n${body}\n`;
}
