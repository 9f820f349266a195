import { describe, expect, it } from 'vitest';
import {
  createReportBodySchema,
  errorBodySchema,
  lightReportSchema,
  queryBodySchema,
  reportMarkdown,
  reportSchema,
  SECTIONS,
  sectionMarkdown,
  STREAM_EVENT_NAMES,
  streamEventDataSchemas,
  SUBJECT_MAX_LENGTH,
  type Report,
  type ReportContent,
} from '../src/index.js';

const CONTENT: ReportContent = {
  executive_summary: ['One [1].', 'Two.', 'Three.', 'Four.', 'Five.'],
  study_options: 'Options [1].',
  estimated_costs: { tuition_ranges: 'Tuition [1].', living_costs: 'Living [1].' },
  visa_immigration: 'Visa [1].',
  post_study_work: 'Graduate route [1].',
  job_prospects_in_field: 'Jobs [1].',
  fallback_job_prospects: 'Fallback [1].',
  risks_reality_check: 'Risks [1].',
  action_plan: { '30_days': 'Thirty.', '60_days': 'Sixty.', '90_days': 'Ninety.' },
  sources: '[1] GOV.UK',
  knowledge_base_as_of: '2026-11-26',
};

const REPORT: Report = {
  report_id: '0b6f8a2e-3c1d-4e5f-8a9b-0c1d2e3f4a5b',
  user_id: '1c7f9b3f-4d2e-4f60-9bac-1d2e3f4a5b6c',
  subject: 'Nursing',
  country: 'UK',
  profile: { level: 'undergraduate', intake: '2027-09', city: 'London', nationality: 'IN' },
  status: 'completed',
  content: CONTENT,
  citations: [
    {
      id: 1,
      url: 'https://www.gov.uk/student-visa',
      title: 'Student visa',
      accessed_date: '2026-11-20',
      relevant_excerpt: null,
    },
  ],
  generation_metadata: { provider: 'knowledge-base', model: 'kb', tokens_used: 0, duration_ms: 10, first_token_ms: 1 },
  created_at: '2026-11-20T10:00:00.000Z',
  completed_at: '2026-11-20T10:01:00.000Z',
  expires_at: '2026-12-20T10:00:00.000Z',
  error_message: null,
};

describe('the wire schemas', () => {
  it('accept a completed report, and a light list item only without its stored result', () => {
    expect(reportSchema.parse(REPORT)).toEqual(REPORT);
    expect(lightReportSchema.safeParse(REPORT).success).toBe(false);
    expect(
      lightReportSchema.safeParse({ ...REPORT, content: null, citations: null, generation_metadata: null }).success,
    ).toBe(true);
  });

  it('limit the student’s words to the contract’s 1–200 characters and refuse unknown fields', () => {
    for (const schema of [createReportBodySchema, queryBodySchema]) {
      const key = schema === createReportBodySchema ? 'subject' : 'text';
      expect(schema.safeParse({ [key]: 'x'.repeat(SUBJECT_MAX_LENGTH) }).success).toBe(true);
      expect(schema.safeParse({ [key]: 'x'.repeat(SUBJECT_MAX_LENGTH + 1) }).success).toBe(false);
      expect(schema.safeParse({ [key]: '' }).success).toBe(false);
      expect(schema.safeParse({ [key]: 'Law', colour: 'red' }).success).toBe(false);
    }
  });

  it('define the data of every stream event once', () => {
    expect(Object.keys(streamEventDataSchemas)).toEqual([...STREAM_EVENT_NAMES]);
    expect(streamEventDataSchemas.complete.parse({ report: REPORT }).report.subject).toBe('Nursing');
    expect(streamEventDataSchemas.section.safeParse({ key: 'not_a_section', title: 'x' }).success).toBe(false);
  });

  it('keep error codes to the known ones', () => {
    expect(
      errorBodySchema.safeParse({ error: 'Not found', code: 'NOT_FOUND', detail: 'x', request_id: 'r' }).success,
    ).toBe(true);
    expect(
      errorBodySchema.safeParse({ error: 'x', code: 'SOMETHING_ELSE', detail: 'x', request_id: 'r' }).success,
    ).toBe(false);
  });
});

describe('the report as Markdown', () => {
  it('writes every section under its title, sub-headings and bullets included', () => {
    const markdown = reportMarkdown('Nursing', CONTENT);
    expect(
      markdown.startsWith('# Nursing — studying and working in the UK\n\n_Knowledge base as of 2026-11-26._'),
    ).toBe(true);
    for (const section of SECTIONS) expect(markdown).toContain(`## ${section.title}\n\n`);
    expect(sectionMarkdown(CONTENT, 'executive_summary')).toBe('- One [1].\n- Two.\n- Three.\n- Four.\n- Five.');
    expect(sectionMarkdown(CONTENT, 'action_plan')).toBe(
      '### 30 Days\n\nThirty.\n\n### 60 Days\n\nSixty.\n\n### 90 Days\n\nNinety.',
    );
    expect(sectionMarkdown(CONTENT, 'study_options')).toBe('Options [1].');
  });
});
