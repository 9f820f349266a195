/** Keys of the report's ten sections, in the contract's fixed order. */
export const SECTION_KEYS = [
  'executive_summary',
  'study_options',
  'estimated_costs',
  'visa_immigration',
  'post_study_work',
  'job_prospects_in_field',
  'fallback_job_prospects',
  'risks_reality_check',
  'action_plan',
  'sources',
] as const;

/** One of the ten section keys. */
export type SectionKey = (typeof SECTION_KEYS)[number];

/** A section's key, its title, and the level-3 sub-headings it must contain (with their content keys). */
export interface SectionDefinition {
  readonly key: SectionKey;
  readonly title: string;
  readonly subheadings: readonly { readonly key: string; readonly title: string }[];
}

/** The ten sections with the titles the web app, the stream and the Gemini prompt all use. */
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
