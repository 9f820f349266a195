import type { ReportContent } from '../api/types.js';

/** A report section: its key (as in `Report.content` and the stream), its title and its sub-headings. */
export interface SectionDefinition {
  readonly key: keyof Omit<ReportContent, 'knowledge_base_as_of'>;
  readonly title: string;
  readonly subheadings: readonly { readonly key: string; readonly title: string }[];
}

/** The contract's ten sections, in order, with the titles the stream and the report use. */
export const SECTIONS: readonly SectionDefinition[] = [
  { key: 'executive_summary', title: 'Executive Summary', subheadings: [] },
  { key: 'study_options', title: 'Study Options in the UK', subheadings: [] },
  {
    key: 'estimated_costs',
    title: 'Estimated Cost of Studying',
    subheadings: [
      { key: 'tuition_ranges', title: 'Tuition Ranges' },
      { key: 'living_costs', title: 'Living Costs' },
    ],
  },
  { key: 'visa_immigration', title: 'Visa & Immigration Overview', subheadings: [] },
  { key: 'post_study_work', title: 'Post-Study Work Options', subheadings: [] },
  { key: 'job_prospects_in_field', title: 'Job Prospects in the Chosen Subject', subheadings: [] },
  { key: 'fallback_job_prospects', title: 'Fallback Job Prospects (Out-of-Field)', subheadings: [] },
  { key: 'risks_reality_check', title: 'Risks & Reality Check', subheadings: [] },
  {
    key: 'action_plan',
    title: '30/60/90-Day Action Plan',
    subheadings: [
      { key: '30_days', title: '30 Days' },
      { key: '60_days', title: '60 Days' },
      { key: '90_days', title: '90 Days' },
    ],
  },
  { key: 'sources', title: 'Sources & Citations', subheadings: [] },
];

/** The title of a section key, or the key itself for one the app does not know. */
export function sectionTitle(key: string): string {
  return SECTIONS.find((section) => section.key === key)?.title ?? key;
}

/** The Markdown body of one section of a stored report (bullets for the summary, `###` for sub-headings). */
export function sectionMarkdown(content: ReportContent, section: SectionDefinition): string {
  const value: unknown = content[section.key];
  if (Array.isArray(value)) return value.map((item) => `- ${String(item)}`).join('\n');
  if (typeof value === 'string') return value;
  const parts = value as Record<string, string | undefined>;
  return section.subheadings.map((sub) => `### ${sub.title}\n\n${parts[sub.key] ?? ''}`).join('\n\n');
}
