import { z } from 'zod';
import { REPORT_STATUSES, SUBJECT_MAX_LENGTH } from '../values.js';
import { profileFieldsShape, profileSchema } from './profile.js';

/** A numbered source as cited in a report (`[id]` in the text). */
export const citationSchema = z.object({
  id: z.number().int(),
  url: z.string(),
  title: z.string(),
  accessed_date: z.string(),
  relevant_excerpt: z
    .string()
    .nullable()
    .describe('Text quoted from the source itself, or null: the app’s own sentences are never presented as a quote'),
  credibility_score: z.number().optional(),
});

/** A numbered source as cited in a report. */
export type Citation = z.infer<typeof citationSchema>;

/** A completed report's content: the ten sections, their texts Markdown with `[n]` citation markers. */
export const reportContentSchema = z.object({
  executive_summary: z.array(z.string()).describe('5–10 bullets'),
  study_options: z.string(),
  estimated_costs: z.object({ tuition_ranges: z.string(), living_costs: z.string() }),
  visa_immigration: z.string(),
  post_study_work: z.string(),
  job_prospects_in_field: z.string(),
  fallback_job_prospects: z.string(),
  risks_reality_check: z.string(),
  action_plan: z.object({ '30_days': z.string(), '60_days': z.string(), '90_days': z.string() }),
  sources: z.string(),
  knowledge_base_as_of: z.string().describe('The knowledge base’s as-of date (addition to the contract)'),
});

/** The content of a completed report (`Report.content`). */
export type ReportContent = z.infer<typeof reportContentSchema>;

/** How a report was generated (`Report.generation_metadata`). */
export const generationMetadataSchema = z.object({
  provider: z.enum(['gemini', 'knowledge-base']),
  model: z.string(),
  tokens_used: z.number(),
  duration_ms: z.number(),
  first_token_ms: z.number(),
});

/** How a report was generated. */
export type GenerationMetadata = z.infer<typeof generationMetadataSchema>;

/** The contract's `Report`. Section texts are Markdown with `[n]` citation markers. */
export const reportSchema = z
  .object({
    report_id: z.string().uuid(),
    user_id: z.string().uuid(),
    subject: z.string(),
    country: z.literal('UK'),
    profile: profileSchema.describe('What the report was written for; each part null when unknown'),
    status: z.enum(REPORT_STATUSES),
    content: reportContentSchema.nullable(),
    citations: z.array(citationSchema).nullable(),
    generation_metadata: generationMetadataSchema.nullable(),
    created_at: z.string(),
    completed_at: z.string().nullable(),
    expires_at: z.string(),
    error_message: z.string().nullable(),
  })
  .describe('Report');

/** A report as the API returns it. */
export type Report = z.infer<typeof reportSchema>;

/** A light list item (`GET /reports`, the default view): a `Report` without its stored result. */
export const lightReportSchema = reportSchema.extend({
  content: z.null(),
  citations: z.null(),
  generation_metadata: z.null(),
});

/** One item of the light list: `content`, `citations` and `generation_metadata` are `null`. */
export type LightReport = z.infer<typeof lightReportSchema>;

/** `{ report_id }` path parameters; a non-UUID id is answered 404, not 400. */
export const reportParamsSchema = z.object({ report_id: z.string().max(100) });

/** `POST /reports`: the student's words, the country, and the optional profile fields. */
export const createReportBodySchema = z.strictObject({
  subject: z
    .string()
    .min(1)
    .max(SUBJECT_MAX_LENGTH)
    .describe(
      `The student’s words, 1–${SUBJECT_MAX_LENGTH} characters ("Nursing", "I want to study MSc Data Science")`,
    ),
  country: z.string().max(100).optional().describe('Only "UK" is supported'),
  ...profileFieldsShape,
});

/** The body of `POST /reports`. */
export type CreateReportBody = z.input<typeof createReportBodySchema>;

/** `POST /reports` with payments off (201): the report being written. */
export const createdReportSchema = z.object({ report: reportSchema });

/** `POST /reports` with payments on (200): the Stripe Checkout to pay first. */
export const checkoutSchema = z.object({ checkout_url: z.string(), session_id: z.string() }).describe('Checkout');

/** A Stripe Checkout to pay for a report. */
export type Checkout = z.infer<typeof checkoutSchema>;

/** `GET /reports` query parameters. */
export const reportListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
  status: z.enum(['pending', 'generating', 'completed', 'failed']).optional(),
  view: z
    .enum(['light', 'full', 'summary'])
    .default('light')
    .describe(
      'Light by default: content, citations and generation_metadata are null; `full` returns them whole. `summary` is kept as an alias of the default.',
    ),
});

/** `GET /reports`: one page of the caller's reports, newest first. */
export const reportListSchema = z
  .object({
    reports: z
      .array(reportSchema)
      .describe('Light items (content, citations, generation_metadata null) unless view=full'),
    total: z.number(),
    limit: z.number(),
    offset: z.number(),
  })
  .describe('ReportList');

/** One page of `GET /reports` (light or full items). */
export type ReportList = z.infer<typeof reportListSchema>;
