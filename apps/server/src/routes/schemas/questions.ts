import { z } from 'zod';
import { MAX_QUESTION_LENGTH } from '../../domain/follow-ups/question-rules.js';
import { citationSchema, metadataSchema } from './report.js';

/**
 * The wire schemas of follow-up questions (issue 15), in one file so that they can move into the shared contract
 * package as they are.
 */

/** `POST /reports/{report_id}/questions` body. */
export const askBodySchema = z.strictObject({
  text: z.string().describe(`The student’s question, 1–${MAX_QUESTION_LENGTH} characters ("Can my wife come with me?")`),
});

/** A question's lifecycle: `failed` ones may be asked again and do not count against the limit. */
export const questionStatusSchema = z.enum(['pending', 'answering', 'answered', 'failed']);

/** A follow-up question with its stored answer (null until answered). */
export const questionSchema = z
  .object({
    question_id: z.string().uuid(),
    report_id: z.string().uuid(),
    text: z.string(),
    status: questionStatusSchema,
    answer: z.string().nullable().describe('Markdown with [n] markers, each n an id in citations; null until answered'),
    citations: z.array(citationSchema).nullable().describe('relevant_excerpt is a verbatim quote of the source, or null'),
    generation_metadata: metadataSchema.nullable(),
    created_at: z.string(),
    answered_at: z.string().nullable(),
    error_message: z.string().nullable(),
  })
  .describe('Question');

/** `201 {"question"}` of `POST /reports/{report_id}/questions`. */
export const askResponseSchema = z.object({ question: questionSchema });

/** `GET /reports/{report_id}/questions`: every question of the report, in the order asked, with the limit. */
export const questionListSchema = z.object({
  questions: z.array(questionSchema),
  limit: z.number().int().describe('FOLLOW_UPS_PER_REPORT: questions the report may take in all (failed ones do not count)'),
  remaining: z.number().int().describe('Questions the report may still take'),
});

/** `{ report_id, question_id }` path parameters; an id that is not a UUID is answered 404, not 400. */
export const questionParamsSchema = z.object({ report_id: z.string().max(100), question_id: z.string().max(100) });
