import { z } from 'zod';
import { profileSchema } from './profile.js';

/** One numbered source of a report or an answer (`[n]` in the text is its `id`). */
export const citationSchema = z.object({
  id: z.number().int(),
  url: z.string(),
  title: z.string(),
  accessed_date: z.string(),
  relevant_excerpt: z.string().nullable(),
  credibility_score: z.number().optional(),
});

const contentSchema = z.object({
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

/** How a report or an answer was written. */
export const metadataSchema = z.object({
  provider: z.enum(['gemini', 'knowledge-base']),
  model: z.string(),
  tokens_used: z.number(),
  duration_ms: z.number(),
  first_token_ms: z.number(),
});

/** The contract's `Report`. Section texts are Markdown with `[n]` citation markers. */
export const reportSchema = z
  .object({
    report_id: z.string().uuid(),
    user_id: z.string().uuid(),
    subject: z.string(),
    country: z.literal('UK'),
    profile: profileSchema.describe('What the report was written for; each part null when unknown'),
    status: z.enum(['pending', 'generating', 'completed', 'failed', 'expired']),
    content: contentSchema.nullable(),
    citations: z.array(citationSchema).nullable(),
    generation_metadata: metadataSchema.nullable(),
    created_at: z.string(),
    completed_at: z.string().nullable(),
    expires_at: z.string(),
    error_message: z.string().nullable(),
  })
  .describe('Report');

/** `{ report_id }` path parameters; a non-UUID id is answered 404, not 400. */
export const reportParamsSchema = z.object({ report_id: z.string().max(100) });
