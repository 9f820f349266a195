import type { AppConfig, Citation, Report, ReportContent } from '../../src/api/types.js';

/** `GET /config` in local mode without payments. */
export const LOCAL_CONFIG: AppConfig = {
  environment: 'test',
  auth_provider: 'local',
  clerk_publishable_key: null,
  payments_enabled: false,
  price_gbp: 2.99,
  country: 'UK',
  operator: { name: 'UK Study & Migration Research', contact_email: 'help@example.org' },
  writer: 'knowledge_base',
};

/** `GET /config` with payments on. */
export const PAID_CONFIG: AppConfig = { ...LOCAL_CONFIG, environment: 'production', payments_enabled: true };

/** Two numbered sources. */
export const CITATIONS: Citation[] = [
  {
    id: 1,
    url: 'https://www.gov.uk/student-visa',
    title: 'Student visa',
    accessed_date: '2026-11-26',
    relevant_excerpt: 'You can apply for a Student visa to study in the UK if you are 16 or over.',
  },
  {
    id: 2,
    url: 'https://www.gov.uk/graduate-visa',
    title: 'Graduate visa',
    accessed_date: '2026-11-20',
    relevant_excerpt: 'A Graduate visa gives you permission to stay in the UK for at least 2 years.',
  },
];

/** A completed report's content with a citation marker in each section. */
export const CONTENT: ReportContent = {
  executive_summary: [
    'Nursing degrees lead to NMC registration [1].',
    'Graduate visa lasts 2 years [2].',
    'Costs are high.',
    'Demand is strong.',
    'Plan early.',
  ],
  study_options: 'BSc Nursing (Adult) and MSc pre-registration routes [1].',
  estimated_costs: { tuition_ranges: '£17,000–£25,000 per year [1].', living_costs: '£1,529 a month in London [1].' },
  visa_immigration: 'You need a Student visa [1].',
  post_study_work: 'The Graduate route gives 2 years [2].',
  job_prospects_in_field: 'NHS Band 5 roles [1].',
  fallback_job_prospects: 'Healthcare assistant work [1].',
  risks_reality_check: 'Rules change often [2].',
  action_plan: { '30_days': 'Shortlist courses [1].', '60_days': 'Apply [1].', '90_days': 'Prepare funds [1].' },
  sources: 'Official GOV.UK pages [1] [2].',
  knowledge_base_as_of: '2026-11-26',
};

/** A report; completed with content and citations unless overridden. */
export function makeReport(overrides: Partial<Report> = {}): Report {
  return {
    report_id: 'r-1',
    user_id: 'u-1',
    subject: 'Nursing',
    country: 'UK',
    profile: { level: null, intake: null, city: null, nationality: null },
    status: 'completed',
    content: CONTENT,
    citations: CITATIONS,
    generation_metadata: {
      provider: 'knowledge-base',
      model: 'knowledge-base',
      tokens_used: 0,
      duration_ms: 1200,
      first_token_ms: 40,
    },
    created_at: '2026-11-20T10:00:00.000Z',
    completed_at: '2026-11-20T10:01:00.000Z',
    expires_at: '2026-12-20T10:00:00.000Z',
    error_message: null,
    ...overrides,
  };
}
